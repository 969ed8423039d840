// @recipe Factory smoke test
// @summary For a test station after provisioning: the module answers, runs the expected firmware,
// @summary is a station joined to the provisioned access point with an IP address, has a valid
// @summary MAC address and reaches its gateway; optionally the operator confirms the LED.
// @timeout 90
// @param expectVersion Text the AT version line must contain (empty: any version)
// @param ssid The access point the module was provisioned for (empty: any)
// @param operatorCheck=no yes: ask the operator whether the status LED blinks (atbench-cli: --answer yes)
//
// Nothing is changed on the module: it must come up joined by itself (provisioning saved the
// access point). atbench-sim does so with --wifi-connected.

require("Module answers AT", at("AT"));

const gmr = at("AT+GMR");
const version = (gmr.lines || []).find(l => l.startsWith("AT version:")) || "";
const expected = param("expectVersion");
check(expected ? `Firmware contains "${expected}"` : "Firmware reported",
      gmr.ok && version !== "" && version.includes(expected), version || gmr.error);

const mode = at("AT+CWMODE?", { expect: /\+CWMODE:(\d)/ });
check("Station mode", mode.ok && (mode.match[1] === "1" || mode.match[1] === "3"), mode.ok ? mode.match[0] : mode.error);

wifi.read();
const w = device.wifi;
const ssid = param("ssid");
require(ssid ? `Joined ${ssid}` : "Joined the provisioned access point", w.connected && (!ssid || w.ssid === ssid),
        w.connected ? `${w.ssid}, RSSI ${w.rssi} dBm` : "not joined: was the module provisioned?");
check("Has an IP address", w.gotIp && w.ip !== "" && w.ip !== "0.0.0.0", w.ip || "no IP address");

const mac = at("AT+CIPSTAMAC?", { expect: /"([0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5})"/ });
const macText = mac.ok ? mac.match[1].toLowerCase() : "";
check("Valid station MAC address",
      mac.ok && macText !== "00:00:00:00:00:00" && macText !== "ff:ff:ff:ff:ff:ff" && (parseInt(macText.slice(0, 2), 16) & 1) === 0,
      macText || mac.error);

const gateway = device.wifi.gateway;
const ping = gateway ? net.ping(gateway) : { ok: false, message: "no gateway reported" };
check("Gateway answers ping", ping.ok, `${gateway || ""}: ${ping.ok ? ping.text : ping.message}`);

if (param("operatorCheck") === "yes") {
    const answer = ask("Does the module's status LED blink?", { choices: ["yes", "no"] });
    check("Operator: status LED blinks", answer === "yes", answer);
}
log(`Station record: MAC ${macText}, ${version}, IP ${w.ip}`);
