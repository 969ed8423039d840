// @recipe TCP echo through the module
// @summary The module opens a TCP link to an echo server on this PC, sends payloads of growing
// @summary size and checks that every byte comes back, with the round-trip times.
// @timeout 120
// @param ssid Access point to join when the module is not joined yet (empty: it must be joined already)
// @param password secret Password of that access point
// @param pcAddress=127.0.0.1 This PC's address as the module sees it: the echo server listens there
// @param rounds=10 Payloads to send
// @param size=256 Size of the last (largest) payload, in bytes
//
// The echo server is started by the recipe itself (pc.echoServer) and closed when it ends. For
// real hardware give pcAddress: the PC's address on the module's network.

require("Module answers AT", at("AT"));
at("AT+GMR");
const sim = device.simulated; // the simulator's own access point unless told otherwise
const w = wifi.ensureJoined(param("ssid") || (sim ? "BenchAP" : ""), param("password") || (sim && !param("ssid") ? "12345678" : ""));
require("Joined an access point", w.ok, w.connected ? `${w.ssid}, IP ${w.ip}` : w.message);

const server = pc.echoServer({ address: param("pcAddress") });
require("Echo server listening on this PC", server.ok, server.ok ? `${server.host}:${server.port}` : server.message);
require("Single-connection, normal transmission mode", link.mode({ mux: 0, mode: 0 }));
const opened = link.open({ type: "TCP", host: server.host, port: server.port });
require("TCP link to the echo server opened", opened);

const rounds = Number(param("rounds"));
const size = Number(param("size"));
const times = [];
for (let i = 1; i <= rounds; ++i) {
    const n = Math.max(1, Math.round(size * i / rounds));
    let payload = "";
    for (let k = 0; k < n; ++k)
        payload += String.fromCharCode(33 + (i * 7 + k) % 94); // printable, different every round
    const t0 = elapsed();
    const sent = link.send(0, payload);
    const back = sent.ok ? link.read(0, n, 5000) : { complete: false, bytes: 0, text: "" };
    const ms = elapsed() - t0;
    const same = back.complete && back.text === payload;
    if (same)
        times.push(ms);
    const detail = !sent.ok ? sent.message
        : !back.complete ? `${back.bytes} of ${n} bytes came back`
        : same ? `${ms.toFixed(1)} ms` : "the bytes that came back differ";
    if (!check(`Round ${i}: ${n} bytes echoed`, same, detail))
        break; // the link is gone or garbled: the rounds after it would say nothing new
}
if (times.length > 0) {
    times.sort((a, b) => a - b);
    log(`Round trip (send + echo): median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, `
        + `max ${times[times.length - 1].toFixed(1)} ms over ${times.length} round(s)`);
}
check("Link closed", link.close(0));
