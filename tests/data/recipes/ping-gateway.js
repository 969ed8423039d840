// @recipe Gateway ping
// @summary The module is joined and reaches its gateway, five times in a row.
// @timeout 60
// @param count=5 Pings
require("Module answers AT", at("AT"));
const joined = at("AT+CWJAP?", { expect: /^\+CWJAP:"([^"]*)"/ });
require("Joined an access point", joined, joined.ok ? joined.match[1] : "not joined");
wifi.read();                                   // fills device.wifi.gateway (AT+CIPSTA?)
step("Ping the gateway", () => {
    for (let i = 1; i <= Number(param("count")); ++i) {
        const p = net.ping(device.wifi.gateway);
        check(`Ping ${i}`, p.ok, p.ok ? p.text : p.message);
    }
}, { timeout: 30000 });
