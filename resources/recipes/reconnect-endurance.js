// @recipe Reconnect endurance
// @summary Drops and re-establishes the Wi-Fi (or MQTT) connection N times and checks each
// @summary reconnect, with the time each one took.
// @timeout 900
// @param mode=wifi What to reconnect: wifi or mqtt
// @param count=10 Reconnects
// @param maxSeconds=20 Longest accepted time for one reconnect, in seconds
// @param ssid Access point (empty: the one the module joined before, AT+CWJAP without arguments)
// @param password secret Password of that access point
// @param broker MQTT mode: broker host (empty: 127.0.0.1 on the simulator)
// @param brokerPort=1883 MQTT mode: broker port

const mode = param("mode");
require("Mode is wifi or mqtt", mode === "wifi" || mode === "mqtt", mode);
require("Module answers AT", at("AT"));
at("AT+GMR");
wifi.read();
if (device.dialect === "esp")
    at("AT+SYSLOG=1"); // failures then carry ERR CODE, decoded in the checks
let ssid = param("ssid");
let password = param("password");
if (!ssid && device.simulated && !device.wifi.connected) {
    ssid = "BenchAP"; // the simulator's own access point
    password = "12345678";
}
const w = wifi.ensureJoined(ssid, password);
require("Joined an access point", w.ok, w.connected ? `${w.ssid}, IP ${w.ip}` : w.message);

let broker = "";
if (mode === "mqtt") {
    broker = param("broker") || (device.simulated ? "127.0.0.1" : "");
    require("Broker given", broker !== "", broker || "give the broker parameter");
    if (device.mqtt.connected)
        mqtt.disconnect();
    require("MQTT client configured", mqtt.configure({ scheme: 1, clientId: "atbench-endurance" }));
    require("Connected to the broker", mqtt.connect({ host: broker, port: Number(param("brokerPort")) }));
}

// One reconnect: returns {ok, message}.
function reconnect() {
    if (mode === "mqtt") {
        mqtt.disconnect(); // AT+MQTTCLEAN: the client's configuration goes with it
        const configured = mqtt.configure({ scheme: 1, clientId: "atbench-endurance" });
        return configured.ok ? mqtt.connect({ host: broker, port: Number(param("brokerPort")) }) : configured;
    }
    wifi.disconnect();
    if (ssid)
        return wifi.join(ssid, password);
    const r = at("AT+CWJAP", { timeout: 20000 }); // the stored access point
    return { ok: r.ok && device.wifi.gotIp, message: r.ok ? "" : r.error };
}

const count = Number(param("count"));
const limitMs = Number(param("maxSeconds")) * 1000;
const times = [];
for (let i = 1; i <= count; ++i) {
    const t0 = elapsed();
    const r = reconnect();
    const ms = elapsed() - t0;
    const ok = r.ok && ms <= limitMs;
    if (ok)
        times.push(ms);
    check(`Reconnect ${i}`, ok, r.ok ? `${(ms / 1000).toFixed(2)} s${ms > limitMs ? ", over the limit" : ""}` : r.message);
}
if (times.length > 0) {
    times.sort((a, b) => a - b);
    log(`${mode} reconnects: ${times.length} of ${count} within ${param("maxSeconds")} s; min ${(times[0] / 1000).toFixed(2)} s, `
        + `median ${(times[Math.floor(times.length / 2)] / 1000).toFixed(2)} s, max ${(times[times.length - 1] / 1000).toFixed(2)} s`);
}
if (mode === "mqtt")
    mqtt.disconnect();
