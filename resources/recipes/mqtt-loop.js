// @recipe MQTT loop
// @summary The module connects to a broker, subscribes to a topic, publishes messages to it and
// @summary checks that each one comes back, with the loop times.
// @timeout 180
// @param ssid Access point to join when the module is not joined yet (empty: it must be joined already)
// @param password secret Password of that access point
// @param broker Broker host the module connects to (empty: 127.0.0.1 on the simulator)
// @param brokerPort=1883 Broker port
// @param topic=atbench/loop Topic prefix (a random suffix keeps parallel runs apart)
// @param count=10 Messages to publish
// @param qos=0 QoS of the subscription and the messages (0 or 1)
// @param interval=0 Pause between messages, in milliseconds

require("Module answers AT", at("AT"));
at("AT+GMR");
if (device.dialect === "esp")
    at("AT+SYSLOG=1"); // failures then carry ERR CODE, decoded in the checks
const sim = device.simulated; // the simulator's own access point unless told otherwise
const w = wifi.ensureJoined(param("ssid") || (sim ? "BenchAP" : ""), param("password") || (sim && !param("ssid") ? "12345678" : ""));
require("Joined an access point", w.ok, w.connected ? `${w.ssid}, IP ${w.ip}` : w.message);

const host = param("broker") || (device.simulated ? "127.0.0.1" : "");
require("Broker given", host !== "", host || "give the broker parameter");
const id = Math.floor(Math.random() * 1e9).toString(36);
const topic = `${param("topic")}/${id}`;
const qos = Number(param("qos"));
if (device.mqtt.connected)
    mqtt.disconnect(); // a clean start
require("MQTT client configured", mqtt.configure({ scheme: 1, clientId: `atbench-${id}` }));
require(`Connected to ${host}:${param("brokerPort")}`, mqtt.connect({ host: host, port: Number(param("brokerPort")) }));
require(`Subscribed to ${topic}`, mqtt.subscribe(topic, qos));

const count = Number(param("count"));
const times = [];
for (let i = 1; i <= count; ++i) {
    const payload = `loop ${i} of ${count} ${id}`;
    const t0 = elapsed();
    const published = mqtt.publish(topic, payload, { qos: qos });
    const message = published.ok ? mqtt.receive(topic, 5000) : null;
    const ms = elapsed() - t0;
    const same = message !== null && message.payload === payload;
    if (same)
        times.push(ms);
    const detail = !published.ok ? published.message
        : message === null ? "nothing came back within 5 s"
        : same ? `${ms.toFixed(1)} ms` : `another payload came back: ${message.payload}`;
    if (!check(`Message ${i} came back`, same, detail))
        break; // the broker is gone: the messages after it would say nothing new
    if (Number(param("interval")) > 0)
        sleep(Number(param("interval")));
}
if (times.length > 0) {
    times.sort((a, b) => a - b);
    log(`Publish to receive: median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, `
        + `max ${times[times.length - 1].toFixed(1)} ms over ${times.length} message(s)`);
}
check("Still connected to the broker", device.mqtt.connected, device.mqtt.stateText);
mqtt.unsubscribe(topic);
mqtt.disconnect();
