// @recipe Module health
// @summary Is this module healthy? It answers AT, reports its firmware, is joined to an access
// @summary point with an IP address, resolves a name, reaches its gateway and keeps SNTP time.
// @timeout 120
// @param ssid Access point to join when the module is not joined yet (empty: it must be joined already)
// @param password secret Password of that access point
// @param dnsName Name the module resolves (empty: espressif.com; localhost on the simulator)
// @param sntpServer SNTP server for the time check (empty: keep the module's own; "pc": this PC answers)
// @param pcAddress=127.0.0.1 This PC's address as the module sees it (for sntpServer=pc)
// @param maxOffset=5 Largest accepted difference between the module's clock and this PC's, in seconds
//
// On a simulated module (atbench-sim, or the GUI's built-in one: AT+GMR says "(SIM)") it joins
// the simulator's access point (BenchAP) when not joined, resolves "localhost" and lets this PC
// serve the time: the simulator may reach nothing but this PC.

require("Module answers AT", at("AT"));

const gmr = at("AT+GMR");
const version = (gmr.lines || []).find(l => l.startsWith("AT version:")) || "";
check("Firmware reported (AT+GMR)", gmr.ok && version !== "", version || gmr.error);
const simulated = (gmr.lines || []).some(l => l.includes("(SIM)"));
if (simulated)
    log("Simulated module: its own access point, localhost and this PC's SNTP server are used.");

// Wi-Fi: joined, with an IP address (joins first when told where; the simulator's own AP).
const w = wifi.ensureJoined(param("ssid") || (simulated ? "BenchAP" : ""),
                            param("password") || (simulated && !param("ssid") ? "12345678" : ""));
require("Joined an access point", w.connected, w.connected ? `${w.ssid}, RSSI ${w.rssi} dBm` : w.message);
require("Has an IP address", w.gotIp && w.ip !== "" && w.ip !== "0.0.0.0", w.ip || "no IP address");

// DNS: a name resolves.
const name = param("dnsName") || (simulated ? "localhost" : "espressif.com");
const lookup = net.lookup(name);
check(`DNS resolves ${name}`, lookup.ok && lookup.ip !== "", lookup.ok ? lookup.ip : lookup.message);

// The gateway answers a ping.
const gateway = device.wifi.gateway;
if (gateway) {
    const ping = net.ping(gateway);
    check("Gateway answers ping", ping.ok, `${gateway}: ${ping.ok ? ping.text : ping.message}`);
} else {
    check("Gateway answers ping", false, "the module reported no gateway (AT+CIPSTA?)");
}

// SNTP: the module's clock is set and close to this PC's.
let server = param("sntpServer") || (simulated ? "pc" : "");
if (server === "pc") {
    const ntp = pc.ntpServer({ address: param("pcAddress") });
    check("This PC serves SNTP", ntp.ok, ntp.ok ? ntp.server : ntp.message);
    server = ntp.ok ? ntp.server : "";
}
if (server)
    check("SNTP configured", net.sntp({ servers: [server], timezone: "0" }));
const maxOffset = Number(param("maxOffset"));
let time = net.time();
for (let i = 0; i < 20 && !(time.ok && time.synchronised); ++i) {
    sleep(500);
    time = net.time();
}
check(`SNTP time within ${maxOffset} s of this PC`,
      time.ok && time.synchronised && Math.abs(time.offsetSeconds) <= maxOffset,
      time.ok ? `${time.text} (offset ${time.offsetSeconds} s${time.synchronised ? "" : ", not synchronised"})` : time.message);
