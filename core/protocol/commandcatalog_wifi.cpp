#include "catalogbuilders.h"

// The Wi-Fi part of the command catalog: station (mode, join, scan, addresses, DHCP) and the
// SoftAP (configuration, connected stations, its address and DHCP range). ESP-AT 2.x/3.x
// documentation; the Beken seed has none of the SoftAP commands.

namespace atb::catalogbuild {

void appendWifiCommands(QList<CommandSpec> &t)
{
    t << cmd("AT+CWMODE", kQuery | kSet, kBoth,
             QT_TRANSLATE_NOOP("CommandCatalog", "Wi-Fi mode (station, SoftAP, both)"),
             { sig({ enumP("mode",
                           { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "Wi-Fi off") },
                             { 1, QT_TRANSLATE_NOOP("CommandCatalog", "station") },
                             { 2, QT_TRANSLATE_NOOP("CommandCatalog", "SoftAP") },
                             { 3, QT_TRANSLATE_NOOP("CommandCatalog", "SoftAP + station") } },
                           QT_TRANSLATE_NOOP("CommandCatalog", "Wi-Fi mode")),
                     opt(modeOnOff("auto_connect",
                                   QT_TRANSLATE_NOOP("CommandCatalog", "connect to the saved AP automatically"))) }) });
    {
        const ParamSpec ssid = strP("ssid", 32, QT_TRANSLATE_NOOP("CommandCatalog", "SSID of the access point"));
        const ParamSpec pwd = opt(secret(strP("pwd", 64,
                                              QT_TRANSLATE_NOOP("CommandCatalog",
                                                                "password (8..63 characters, 64 hex digits, "
                                                                "or empty for an open network)"))));
        const ParamSpec bssid
            = opt(strP("bssid", 17, QT_TRANSLATE_NOOP("CommandCatalog", "MAC address of the AP, xx:xx:xx:xx:xx:xx")));
        t << cmd("AT+CWJAP", kQuery | kSet | kExec, kEsp,
                 QT_TRANSLATE_NOOP("CommandCatalog", "Connect to an access point"),
                 { sig({ ssid, pwd, bssid,
                         opt(enumP("pci_en",
                                   { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "any security, including open and WEP") },
                                     { 1, QT_TRANSLATE_NOOP("CommandCatalog", "no open or WEP access points") } },
                                   QT_TRANSLATE_NOOP("CommandCatalog", "PCI authentication"))),
                         opt(intP("reconn_interval", 0, 7200,
                                  QT_TRANSLATE_NOOP("CommandCatalog",
                                                    "seconds between reconnection attempts, 0 = do not reconnect"))),
                         opt(intP("listen_interval", 1, 100,
                                  QT_TRANSLATE_NOOP("CommandCatalog", "listen interval in AP beacons"))),
                         opt(enumP("scan_mode",
                                   { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "fast scan") },
                                     { 1, QT_TRANSLATE_NOOP("CommandCatalog", "all-channel scan") } },
                                   QT_TRANSLATE_NOOP("CommandCatalog", "scan mode"))),
                         opt(intP("jap_timeout", 3, 600,
                                  QT_TRANSLATE_NOOP("CommandCatalog", "connection timeout in seconds"))),
                         opt(intP("pmf", 0, 3,
                                  QT_TRANSLATE_NOOP("CommandCatalog",
                                                    "protected management frames: bit 0 capable, "
                                                    "bit 1 required"))) }) },
                 20000);
        t << cmd("AT+CWJAP", kQuery | kSet | kExec, kBeken,
                 QT_TRANSLATE_NOOP("CommandCatalog", "Connect to an access point"), { sig({ ssid, pwd, bssid }) },
                 20000);
    }
    t << cmd("AT+CWQAP", kExec, kBoth, QT_TRANSLATE_NOOP("CommandCatalog", "Disconnect from the access point"));
    {
        CommandSpec c
            = cmd("AT+CWLAP", kSet | kExec, kEsp, QT_TRANSLATE_NOOP("CommandCatalog", "List available access points"),
                  { sig({ opt(strP("ssid", 32, QT_TRANSLATE_NOOP("CommandCatalog", "only list this SSID"))),
                          opt(strP("mac", 17, QT_TRANSLATE_NOOP("CommandCatalog", "only list this BSSID"))),
                          opt(intP("channel", 1, 14, QT_TRANSLATE_NOOP("CommandCatalog", "only scan this channel"))),
                          opt(enumP("scan_type",
                                    { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "active") },
                                      { 1, QT_TRANSLATE_NOOP("CommandCatalog", "passive") } },
                                    QT_TRANSLATE_NOOP("CommandCatalog", "scan type"))),
                          opt(intP("scan_time_min", 0, 1500,
                                   QT_TRANSLATE_NOOP("CommandCatalog", "minimum scan time per channel, ms"))),
                          opt(intP("scan_time_max", 0, 1500,
                                   QT_TRANSLATE_NOOP("CommandCatalog", "maximum scan time per channel, ms"))) }) },
                  15000);
        t << c;
        t << cmd("AT+CWLAP", kExec, kBeken, QT_TRANSLATE_NOOP("CommandCatalog", "List available access points"), {},
                 15000);
    }
    t << cmd("AT+CIFSR", kExec, kEsp, QT_TRANSLATE_NOOP("CommandCatalog", "Show the local IP and MAC addresses"));
    t << cmd("AT+CIPSTA", kQuery | kSet, kEsp,
             QT_TRANSLATE_NOOP("CommandCatalog", "Station IP address, gateway and netmask"),
             { sig({ strP("ip", 15, QT_TRANSLATE_NOOP("CommandCatalog", "IPv4 address")),
                     opt(strP("gateway", 15, QT_TRANSLATE_NOOP("CommandCatalog", "gateway"))),
                     opt(strP("netmask", 15, QT_TRANSLATE_NOOP("CommandCatalog", "netmask"))) }) });
    // Station DHCP and the SoftAP (ESP-AT) -----------------------------------------
    t << cmd("AT+CWDHCP", kQuery | kSet, kEsp, QT_TRANSLATE_NOOP("CommandCatalog", "Enable or disable DHCP"),
             { sig({ enumP("operate",
                           { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "disable") },
                             { 1, QT_TRANSLATE_NOOP("CommandCatalog", "enable") } },
                           QT_TRANSLATE_NOOP("CommandCatalog", "what to do")),
                     intP("mode", 1, 3,
                          QT_TRANSLATE_NOOP("CommandCatalog",
                                            "interfaces: bit 0 station (DHCP client), bit 1 SoftAP (DHCP server)")) }) });
    {
        CommandSpec c = cmd(
            "AT+CWSAP", kQuery | kSet, kEsp, QT_TRANSLATE_NOOP("CommandCatalog", "Configuration of the SoftAP"),
            { sig({ nonEmpty(strP("ssid", 32, QT_TRANSLATE_NOOP("CommandCatalog", "SSID of the SoftAP"))),
                    secret(strP("pwd", 64,
                                QT_TRANSLATE_NOOP("CommandCatalog",
                                                  "password, 8 to 64 bytes; empty with encryption 0 (open)"))),
                    intP("chl", 1, 14, QT_TRANSLATE_NOOP("CommandCatalog", "channel")),
                    enumP("ecn",
                          { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "open") },
                            { 2, QT_TRANSLATE_NOOP("CommandCatalog", "WPA_PSK") },
                            { 3, QT_TRANSLATE_NOOP("CommandCatalog", "WPA2_PSK") },
                            { 4, QT_TRANSLATE_NOOP("CommandCatalog", "WPA_WPA2_PSK") } },
                          QT_TRANSLATE_NOOP("CommandCatalog", "encryption (WEP is not supported)")),
                    opt(intP("max_conn", 1, 10,
                             QT_TRANSLATE_NOOP("CommandCatalog", "maximum number of stations that may connect"))),
                    opt(enumP("ssid_hidden",
                              { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "broadcast the SSID") },
                                { 1, QT_TRANSLATE_NOOP("CommandCatalog", "hide the SSID") } },
                              QT_TRANSLATE_NOOP("CommandCatalog", "SSID broadcast"))) }) },
            5000);
        c.note = QT_TRANSLATE_NOOP("CommandCatalog",
                                   "Only in SoftAP modes (AT+CWMODE=2 or 3). Saved to flash when AT+SYSSTORE=1.");
        t << c;
    }
    t << cmd("AT+CWLIF", kExec, kEsp,
             QT_TRANSLATE_NOOP("CommandCatalog", "List the stations connected to the SoftAP (+CWLIF:<ip>,<mac>)"));
    t << cmd("AT+CWQIF", kSet | kExec, kEsp,
             QT_TRANSLATE_NOOP("CommandCatalog", "Disconnect stations from the SoftAP (all without a MAC)"),
             { sig({ strP("mac", 17, QT_TRANSLATE_NOOP("CommandCatalog", "MAC address of the station")) }) });
    t << cmd("AT+CWDHCPS", kQuery | kSet, kEsp,
             QT_TRANSLATE_NOOP("CommandCatalog", "Address range the SoftAP's DHCP server gives out"),
             { sig({ enumP("enable",
                           { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "back to the default range") },
                             { 1, QT_TRANSLATE_NOOP("CommandCatalog", "set the range") } },
                           QT_TRANSLATE_NOOP("CommandCatalog", "what to do")),
                     opt(intP("lease", 1, 2880, QT_TRANSLATE_NOOP("CommandCatalog", "lease time in minutes"))),
                     opt(strP("start_IP", 15, QT_TRANSLATE_NOOP("CommandCatalog", "first address of the range"))),
                     opt(strP("end_IP", 15, QT_TRANSLATE_NOOP("CommandCatalog", "last address of the range"))) }) });
    t << cmd("AT+CIPAP", kQuery | kSet, kEsp,
             QT_TRANSLATE_NOOP("CommandCatalog", "SoftAP IP address, gateway and netmask"),
             { sig({ strP("ip", 15, QT_TRANSLATE_NOOP("CommandCatalog", "IPv4 address")),
                     opt(strP("gateway", 15, QT_TRANSLATE_NOOP("CommandCatalog", "gateway"))),
                     opt(strP("netmask", 15, QT_TRANSLATE_NOOP("CommandCatalog", "netmask"))) }) });
}

} // namespace atb::catalogbuild
