#include "commandcatalog.h"

#include <QCoreApplication>

#include <algorithm>

namespace atb {

#define TR_NOOP(s) QT_TRANSLATE_NOOP("CommandCatalog", s)

namespace {

constexpr int kEsp = dialectBit(Dialect::Esp);
constexpr int kBeken = dialectBit(Dialect::Beken);
constexpr int kBoth = kAllDialects;

constexpr int kTest = formBit(CommandForm::Test);
constexpr int kQuery = formBit(CommandForm::Query);
constexpr int kSet = formBit(CommandForm::Set);
constexpr int kExec = formBit(CommandForm::Execute);

QString tr(const char *s)
{
    return QCoreApplication::translate("CommandCatalog", s);
}

// ---- parameter builders ---------------------------------------------------------------

ParamSpec intP(const char *name, qint64 min, qint64 max, const char *help)
{
    ParamSpec p;
    p.name = name;
    p.type = ParamType::Integer;
    p.min = min;
    p.max = max;
    p.help = help;
    return p;
}

ParamSpec enumP(const char *name, QList<EnumValue> values, const char *help)
{
    ParamSpec p;
    p.name = name;
    p.type = ParamType::Enum;
    p.values = std::move(values);
    p.min = p.values.isEmpty() ? 0 : p.values.first().value;
    p.max = p.min;
    for (const EnumValue &v : p.values) {
        p.min = std::min(p.min, v.value);
        p.max = std::max(p.max, v.value);
    }
    p.help = help;
    return p;
}

ParamSpec strP(const char *name, int maxLength, const char *help)
{
    ParamSpec p;
    p.name = name;
    p.type = ParamType::String;
    p.maxLength = maxLength;
    p.help = help;
    return p;
}

ParamSpec choiceP(const char *name, QList<QByteArray> choices, const char *help)
{
    ParamSpec p = strP(name, -1, help);
    p.choices = std::move(choices);
    return p;
}

ParamSpec opt(ParamSpec p)
{
    p.optional = true;
    return p;
}

ParamSpec secret(ParamSpec p)
{
    p.secret = true;
    return p;
}

ParamSpec nonEmpty(ParamSpec p)
{
    p.minLength = 1;
    return p;
}

ParamSpec dataLen(ParamSpec p)
{
    p.dataLength = true;
    return p;
}

// ---- frequently used parameters -------------------------------------------------------

const QList<EnumValue> kOnOff = { { 0, TR_NOOP("disabled") }, { 1, TR_NOOP("enabled") } };

ParamSpec mqttLink()
{
    return intP("LinkID", 0, 0, TR_NOOP("MQTT link; only link 0 is supported"));
}

ParamSpec mqttTopic(bool optional = false)
{
    ParamSpec p = nonEmpty(strP("topic", 128, TR_NOOP("MQTT topic")));
    p.optional = optional;
    return p;
}

ParamSpec qosP(const char *name = "qos")
{
    return enumP(name,
                 { { 0, TR_NOOP("at most once") }, { 1, TR_NOOP("at least once") },
                   { 2, TR_NOOP("exactly once") } },
                 TR_NOOP("MQTT quality of service"));
}

ParamSpec retainP(const char *name = "retain")
{
    return enumP(name, { { 0, TR_NOOP("not retained") }, { 1, TR_NOOP("retained") } },
                 TR_NOOP("MQTT retain flag"));
}

ParamSpec portP(const char *name, const char *help)
{
    return intP(name, 0, 65535, help);
}

ParamSpec linkId(qint64 max, const char *help = TR_NOOP("network link ID"))
{
    return intP("link_id", 0, max, help);
}

ParamSpec modeOnOff(const char *name, const char *help)
{
    return enumP(name, kOnOff, help);
}

const QList<EnumValue> kSchemes = {
    { 1, TR_NOOP("MQTT over TCP") },
    { 2, TR_NOOP("MQTT over TLS, no certificate verification") },
    { 3, TR_NOOP("MQTT over TLS, verify server certificate") },
    { 4, TR_NOOP("MQTT over TLS, provide client certificate") },
    { 5, TR_NOOP("MQTT over TLS, verify server and provide client certificate") },
    { 6, TR_NOOP("MQTT over WebSocket (TCP)") },
    { 7, TR_NOOP("MQTT over WebSocket Secure, no certificate verification") },
    { 8, TR_NOOP("MQTT over WebSocket Secure, verify server certificate") },
    { 9, TR_NOOP("MQTT over WebSocket Secure, provide client certificate") },
    { 10, TR_NOOP("MQTT over WebSocket Secure, verify server and provide client certificate") },
};

CommandSpec cmd(const char *name, int forms, int dialects, const char *summary,
                QList<Signature> signatures = {}, int timeoutMs = 2000)
{
    CommandSpec c;
    c.name = name;
    c.forms = forms;
    c.dialects = dialects;
    c.summary = summary;
    c.signatures = std::move(signatures);
    c.timeoutMs = timeoutMs;
    return c;
}

Signature sig(QList<ParamSpec> params, const char *label = nullptr)
{
    return Signature { label, std::move(params) };
}

// ---- the table ------------------------------------------------------------------------

QList<CommandSpec> buildTable()
{
    QList<CommandSpec> t;

    // Basic commands ----------------------------------------------------------------
    t << cmd("AT", kExec, kBoth, TR_NOOP("Test the AT interface; answers OK"));
    t << cmd("ATE0", kExec, kBoth, TR_NOOP("Switch command echo off"));
    t << cmd("ATE1", kExec, kBoth, TR_NOOP("Switch command echo on"));
    {
        CommandSpec c = cmd("AT+RST", kExec, kBoth, TR_NOOP("Restart the module"), {}, 5000);
        c.note = TR_NOOP("OK comes first; the module prints \"ready\" when it is up again.");
        t << c;
    }
    t << cmd("AT+RESTORE", kExec, kBoth,
             TR_NOOP("Restore factory default settings and restart"), {}, 5000);
    t << cmd("AT+GMR", kExec, kBoth, TR_NOOP("Show version information"));
    t << cmd("AT+CMD", kQuery, kEsp, TR_NOOP("List all AT commands and their types"), {}, 5000);
    t << cmd("AT+SYSLOG", kQuery | kSet, kEsp,
             TR_NOOP("Enable or disable printing of ERR CODE lines"),
             { sig({ modeOnOff("status", TR_NOOP("error-code printing")) }) });
    t << cmd("AT+SYSMSG", kQuery | kSet, kEsp, TR_NOOP("Select extra system messages"),
             { sig({ intP("state", 0, 7,
                          TR_NOOP("bit 0: +QUITT when leaving passthrough; bit 1: +LINK_CONN "
                                  "instead of CONNECT; bit 2: +STA_CONNECTED style messages")) }) });
    t << cmd("AT+SYSSTORE", kQuery | kSet, kBoth,
             TR_NOOP("Choose whether configuration changes are saved to flash"),
             { sig({ enumP("store_mode", { { 0, TR_NOOP("do not save to flash") },
                                           { 1, TR_NOOP("save to flash (default)") } },
                           TR_NOOP("storage mode")) }) });
    {
        auto uartSig = [](qint64 minBaud, qint64 maxBaud) {
            return sig({ intP("baudrate", minBaud, maxBaud, TR_NOOP("baud rate")),
                         intP("databits", 5, 8, TR_NOOP("data bits")),
                         enumP("stopbits", { { 1, TR_NOOP("1 stop bit") }, { 2, TR_NOOP("1.5 stop bits") },
                                             { 3, TR_NOOP("2 stop bits") } },
                               TR_NOOP("stop bits")),
                         enumP("parity", { { 0, TR_NOOP("none") }, { 1, TR_NOOP("odd") }, { 2, TR_NOOP("even") } },
                               TR_NOOP("parity")),
                         enumP("flow_control", { { 0, TR_NOOP("none") }, { 1, TR_NOOP("RTS") },
                                                 { 2, TR_NOOP("CTS") }, { 3, TR_NOOP("RTS and CTS") } },
                               TR_NOOP("hardware flow control")) });
        };
        t << cmd("AT+UART_CUR", kQuery | kSet, kEsp,
                 TR_NOOP("Current UART configuration (not saved to flash)"), { uartSig(80, 5000000) });
        t << cmd("AT+UART_CUR", kQuery | kSet, kBeken,
                 TR_NOOP("Current UART configuration (not saved to flash)"), { uartSig(9600, 2000000) });
        t << cmd("AT+UART_DEF", kQuery | kSet, kEsp,
                 TR_NOOP("Default UART configuration (saved to flash)"), { uartSig(80, 5000000) });
    }

    // Wi-Fi -------------------------------------------------------------------------
    t << cmd("AT+CWMODE", kQuery | kSet, kBoth, TR_NOOP("Wi-Fi mode (station, SoftAP, both)"),
             { sig({ enumP("mode", { { 0, TR_NOOP("Wi-Fi off") }, { 1, TR_NOOP("station") },
                                     { 2, TR_NOOP("SoftAP") }, { 3, TR_NOOP("SoftAP + station") } },
                           TR_NOOP("Wi-Fi mode")),
                     opt(modeOnOff("auto_connect", TR_NOOP("connect to the saved AP automatically"))) }) });
    {
        const ParamSpec ssid = strP("ssid", 32, TR_NOOP("SSID of the access point"));
        const ParamSpec pwd = opt(secret(strP("pwd", 64, TR_NOOP("password (8..63 characters, 64 hex digits, "
                                                                  "or empty for an open network)"))));
        const ParamSpec bssid = opt(strP("bssid", 17, TR_NOOP("MAC address of the AP, xx:xx:xx:xx:xx:xx")));
        t << cmd("AT+CWJAP", kQuery | kSet | kExec, kEsp, TR_NOOP("Connect to an access point"),
                 { sig({ ssid, pwd, bssid,
                         opt(enumP("pci_en", { { 0, TR_NOOP("any security, including open and WEP") },
                                               { 1, TR_NOOP("no open or WEP access points") } },
                                   TR_NOOP("PCI authentication"))),
                         opt(intP("reconn_interval", 0, 7200,
                                  TR_NOOP("seconds between reconnection attempts, 0 = do not reconnect"))),
                         opt(intP("listen_interval", 1, 100, TR_NOOP("listen interval in AP beacons"))),
                         opt(enumP("scan_mode", { { 0, TR_NOOP("fast scan") }, { 1, TR_NOOP("all-channel scan") } },
                                   TR_NOOP("scan mode"))),
                         opt(intP("jap_timeout", 3, 600, TR_NOOP("connection timeout in seconds"))),
                         opt(intP("pmf", 0, 3, TR_NOOP("protected management frames: bit 0 capable, "
                                                       "bit 1 required"))) }) },
                 20000);
        t << cmd("AT+CWJAP", kQuery | kSet | kExec, kBeken, TR_NOOP("Connect to an access point"),
                 { sig({ ssid, pwd, bssid }) }, 20000);
    }
    t << cmd("AT+CWQAP", kExec, kBoth, TR_NOOP("Disconnect from the access point"));
    {
        CommandSpec c = cmd("AT+CWLAP", kSet | kExec, kEsp, TR_NOOP("List available access points"),
                            { sig({ opt(strP("ssid", 32, TR_NOOP("only list this SSID"))),
                                    opt(strP("mac", 17, TR_NOOP("only list this BSSID"))),
                                    opt(intP("channel", 1, 14, TR_NOOP("only scan this channel"))),
                                    opt(enumP("scan_type", { { 0, TR_NOOP("active") }, { 1, TR_NOOP("passive") } },
                                              TR_NOOP("scan type"))),
                                    opt(intP("scan_time_min", 0, 1500, TR_NOOP("minimum scan time per channel, ms"))),
                                    opt(intP("scan_time_max", 0, 1500,
                                             TR_NOOP("maximum scan time per channel, ms"))) }) },
                            15000);
        t << c;
        t << cmd("AT+CWLAP", kExec, kBeken, TR_NOOP("List available access points"), {}, 15000);
    }
    t << cmd("AT+CIFSR", kExec, kEsp, TR_NOOP("Show the local IP and MAC addresses"));
    t << cmd("AT+CIPSTA", kQuery | kSet, kEsp, TR_NOOP("Station IP address, gateway and netmask"),
             { sig({ strP("ip", 15, TR_NOOP("IPv4 address")), opt(strP("gateway", 15, TR_NOOP("gateway"))),
                     opt(strP("netmask", 15, TR_NOOP("netmask"))) }) });

    // TCP/IP ------------------------------------------------------------------------
    {
        CommandSpec esp = cmd("AT+CIPSTATUS", kExec, kEsp,
                              TR_NOOP("Connection status and information of every link"));
        t << esp;
        CommandSpec bk = cmd("AT+CIPSTATUS", kQuery, kBeken,
                             TR_NOOP("Connection status and information (answered with +BIPSTATUS)"));
        bk.quietEndForms = kQuery;
        bk.note = TR_NOOP("The reply has no final OK; it ends when the module goes quiet.");
        t << bk;
    }
    {
        const QList<QByteArray> espTcp = { "TCP", "SSL", "TCPv6", "SSLv6" };
        const QList<QByteArray> espUdp = { "UDP", "UDPv6" };
        const ParamSpec host = nonEmpty(strP("remote_host", -1, TR_NOOP("remote IPv4 address or domain name")));
        const ParamSpec rport = portP("remote_port", TR_NOOP("remote port"));
        const ParamSpec keepAlive =
                opt(intP("keep_alive", 0, 7200, TR_NOOP("TCP keep-alive interval in seconds, 0 = off")));
        const ParamSpec localIp = opt(strP("local_ip", -1, TR_NOOP("local IP address to bind")));
        const ParamSpec localPort = opt(portP("local_port", TR_NOOP("local port")));
        const ParamSpec udpMode = opt(enumP("mode", { { 0, TR_NOOP("remote peer fixed") },
                                                      { 1, TR_NOOP("peer may change once") },
                                                      { 2, TR_NOOP("peer may change any time") } },
                                            TR_NOOP("UDP peer mode")));
        auto espTcpType = choiceP("type", espTcp, TR_NOOP("connection type"));
        auto espUdpType = choiceP("type", espUdp, TR_NOOP("connection type"));
        CommandSpec esp = cmd(
                "AT+CIPSTART", kSet, kEsp, TR_NOOP("Open a TCP connection, UDP transmission or SSL connection"),
                { sig({ linkId(4), espTcpType, host, rport, keepAlive, localIp },
                      TR_NOOP("multiple connections (AT+CIPMUX=1), TCP/SSL")),
                  sig({ linkId(4), espUdpType, host, rport, localPort, udpMode, localIp },
                      TR_NOOP("multiple connections (AT+CIPMUX=1), UDP")),
                  sig({ espTcpType, host, rport, keepAlive, localIp },
                      TR_NOOP("single connection (AT+CIPMUX=0), TCP/SSL")),
                  sig({ espUdpType, host, rport, localPort, udpMode, localIp },
                      TR_NOOP("single connection (AT+CIPMUX=0), UDP")) },
                20000);
        t << esp;

        auto bkTcpType = choiceP("type", { "TCP", "TLS" }, TR_NOOP("connection type (case-insensitive)"));
        auto bkUdpType = choiceP("type", { "UDP", "DTLS" }, TR_NOOP("connection type (case-insensitive)"));
        CommandSpec bk = cmd("AT+CIPSTART", kSet, kBeken,
                             TR_NOOP("Open a TCP connection, UDP transmission or TLS connection"),
                             { sig({ linkId(5, TR_NOOP("network link ID; up to 6 connections")), bkTcpType, host,
                                     rport, keepAlive, localPort, localIp },
                                   TR_NOOP("TCP/TLS")),
                               sig({ linkId(5, TR_NOOP("network link ID; up to 6 connections")), bkUdpType, host,
                                     rport, localPort, localIp },
                                   TR_NOOP("UDP/DTLS")) },
                             20000);
        t << bk;
    }
    {
        const ParamSpec host = opt(strP("remote_host", -1, TR_NOOP("UDP only: remote IPv4 address or domain name")));
        const ParamSpec rport = opt(portP("remote_port", TR_NOOP("UDP only: remote port")));
        ParamSpec espLen = dataLen(intP("length", 1, 8192, TR_NOOP("number of bytes to send after '>'")));
        auto espSendSigs = [&](ParamSpec len) {
            return QList<Signature> {
                sig({ linkId(4), len, host, rport }, TR_NOOP("multiple connections (AT+CIPMUX=1)")),
                sig({ len, host, rport }, TR_NOOP("single connection (AT+CIPMUX=0)")),
            };
        };
        CommandSpec esp = cmd("AT+CIPSEND", kSet | kExec, kEsp,
                              TR_NOOP("Send data in normal transmission mode, or enter passthrough mode"),
                              espSendSigs(espLen), 10000);
        esp.promptForms = kSet | kExec;
        esp.note = TR_NOOP("Without parameters (AT+CIPMODE=1, single connection) the module enters passthrough "
                           "mode; a lone +++ leaves it.");
        t << esp;

        ParamSpec bkLen = dataLen(intP("length", 1, 2048, TR_NOOP("number of bytes to send after '>'")));
        bkLen.recommendedMax = 1024;
        CommandSpec bk = cmd("AT+CIPSEND", kSet | kExec, kBeken,
                             TR_NOOP("Send data in normal transmission mode, or enter passthrough mode"),
                             { sig({ linkId(5), bkLen, host, rport }, TR_NOOP("with link ID")),
                               sig({ bkLen, nonEmpty(strP("remote_host", -1, TR_NOOP("remote IPv4 address or domain name"))),
                                     portP("remote_port", TR_NOOP("remote port")) },
                                   TR_NOOP("UDP without link ID")) },
                             10000);
        bk.promptForms = kSet | kExec;
        bk.note = TR_NOOP("The '>' prompt comes without OK. The firmware's receive buffer is 1024 bytes: keep "
                          "<length> at or below 1024 although 2048 is documented.");
        t << bk;

        CommandSpec ex = cmd("AT+CIPSENDEX", kSet, kEsp,
                             TR_NOOP("Send data; a \\0 in the data ends the transmission early"),
                             espSendSigs(espLen), 10000);
        ex.promptForms = kSet;
        t << ex;
    }
    {
        CommandSpec esp = cmd("AT+CIPCLOSE", kSet | kExec, kEsp, TR_NOOP("Close a TCP/UDP/SSL connection"),
                              { sig({ linkId(5, TR_NOOP("link to close; 5 closes all links")) },
                                    TR_NOOP("multiple connections (AT+CIPMUX=1)")) },
                              5000);
        esp.note = TR_NOOP("Without parameters it closes the single connection (AT+CIPMUX=0).");
        t << esp;
        t << cmd("AT+CIPCLOSE", kSet, kBeken, TR_NOOP("Close a TCP/UDP/TLS connection"),
                 { sig({ linkId(5, TR_NOOP("link to close; 5 closes all links")) }) }, 5000);
    }
    t << cmd("AT+CIPMUX", kQuery | kSet, kBoth, TR_NOOP("Enable or disable multiple connections"),
             { sig({ enumP("mode", { { 0, TR_NOOP("single connection") }, { 1, TR_NOOP("multiple connections") } },
                           TR_NOOP("connection mode; only changeable while no link is open")) }) });
    t << cmd("AT+CIPMODE", kQuery | kSet, kBoth, TR_NOOP("Transmission mode (normal or passthrough)"),
             { sig({ enumP("mode", { { 0, TR_NOOP("normal transmission mode") },
                                     { 1, TR_NOOP("Wi-Fi passthrough mode (single TCP/SSL link or fixed UDP peer)") } },
                           TR_NOOP("transmission mode")) }) });
    t << cmd("AT+CIPDINFO", kQuery | kSet, kEsp, TR_NOOP("Show the remote IP and port in +IPD"),
             { sig({ enumP("mode", { { 0, TR_NOOP("do not show") }, { 1, TR_NOOP("show") } },
                           TR_NOOP("+IPD detail mode")) }) });
    t << cmd("AT+CIPRECVMODE", kQuery | kSet, kEsp, TR_NOOP("Socket receive mode (active or passive)"),
             { sig({ enumP("mode", { { 0, TR_NOOP("active: data is pushed with +IPD") },
                                     { 1, TR_NOOP("passive: data is buffered until AT+CIPRECVDATA") } },
                           TR_NOOP("receive mode")) }) });
    {
        const ParamSpec len = intP("len", 1, std::numeric_limits<qint32>::max(), TR_NOOP("maximum bytes to read"));
        t << cmd("AT+CIPRECVDATA", kSet, kEsp, TR_NOOP("Read buffered socket data in passive receive mode"),
                 { sig({ linkId(4), len }, TR_NOOP("multiple connections (AT+CIPMUX=1)")),
                   sig({ len }, TR_NOOP("single connection (AT+CIPMUX=0)")) });
    }
    t << cmd("AT+CIPRECVLEN", kQuery, kEsp, TR_NOOP("Length of the buffered data of every link (passive mode)"));
    t << cmd("AT+CIPSERVER", kQuery | kSet, kEsp, TR_NOOP("Create or delete a TCP/SSL server"),
             { sig({ enumP("mode", { { 0, TR_NOOP("delete the server") }, { 1, TR_NOOP("create a server") } },
                           TR_NOOP("server mode")),
                     opt(portP("port", TR_NOOP("port (mode 1, default 333); with mode 0: 1 also closes all "
                                              "client connections"))),
                     opt(choiceP("type", { "TCP", "SSL", "TCPv6", "SSLv6" }, TR_NOOP("server type"))),
                     opt(modeOnOff("CA_enable", TR_NOOP("verify client certificates (SSL)"))) }) },
             5000);
    t << cmd("AT+CIPSERVERMAXCONN", kQuery | kSet, kEsp, TR_NOOP("Maximum number of clients a server accepts"),
             { sig({ intP("num", 1, 5, TR_NOOP("maximum number of connections")) }) });
    t << cmd("AT+TRANSINTVL", kQuery | kSet, kEsp, TR_NOOP("Packet interval in passthrough mode"),
             { sig({ intP("interval", 0, 1000, TR_NOOP("milliseconds to wait before sending buffered data")) }) });
    {
        const ParamSpec enable = enumP("enable", { { 0, TR_NOOP("disable SNTP") }, { 1, TR_NOOP("enable SNTP") } },
                                       TR_NOOP("SNTP on/off"));
        const ParamSpec s1 = opt(strP("server1", -1, TR_NOOP("SNTP server name or address")));
        const ParamSpec s2 = opt(strP("server2", -1, TR_NOOP("second SNTP server")));
        const ParamSpec s3 = opt(strP("server3", -1, TR_NOOP("third SNTP server")));
        t << cmd("AT+CIPSNTPCFG", kQuery | kSet, kEsp, TR_NOOP("Time zone and SNTP servers"),
                 { sig({ enable, opt(intP("timezone", -12, 14, TR_NOOP("UTC offset in whole hours"))), s1, s2, s3 }) });
        CommandSpec bk = cmd("AT+CIPSNTPCFG", kQuery | kSet, kBeken, TR_NOOP("Time zone and SNTP servers"),
                             { sig({ enable, intP("timezone", -12, 12, TR_NOOP("UTC offset in whole hours")), s1,
                                     s2, s3 }) });
        bk.note = TR_NOOP("The Beken document shows one server; 1 to 3 servers are accepted.");
        t << bk;
    }
    t << cmd("AT+CIPSNTPTIME", kQuery, kBoth, TR_NOOP("Read the SNTP time"));
    t << cmd("AT+CIPSNTPINTV", kQuery | kSet, kEsp, TR_NOOP("SNTP synchronisation interval"),
             { sig({ intP("interval_second", 15, 4294967, TR_NOOP("seconds between synchronisations")) }) });
    {
        const Signature s = sig({ nonEmpty(strP("host", -1, TR_NOOP("IPv4 address or domain name to ping"))) });
        t << cmd("AT+PING", kSet, kEsp, TR_NOOP("Ping a remote host"), { s }, 10000);
        CommandSpec bk = cmd("AT+PING", kSet, kBeken, TR_NOOP("Ping a remote host"), { s }, 10000);
        bk.quietEndForms = kSet;
        bk.note = TR_NOOP("The documented reply (+PING:<time> or +PING:TIMEOUT) has no final code.");
        t << bk;
    }
    t << cmd("AT+CIPDOMAIN", kSet, kBoth, TR_NOOP("Resolve a domain name (IPv4)"),
             { sig({ nonEmpty(strP("domain_name", -1, TR_NOOP("domain name to resolve"))) }) }, 10000);
    t << cmd("AT+CIPDNS", kQuery | kSet, kBoth, TR_NOOP("DNS server configuration"),
             { sig({ enumP("enable", { { 0, TR_NOOP("automatic (DHCP)") }, { 1, TR_NOOP("manual") } },
                           TR_NOOP("DNS mode")),
                     opt(strP("DNS_IP1", -1, TR_NOOP("first DNS server (manual mode only)"))),
                     opt(strP("DNS_IP2", -1, TR_NOOP("second DNS server"))),
                     opt(strP("DNS_IP3", -1, TR_NOOP("third DNS server"))) }) });
    {
        auto pskSigs = [](int maxLen) {
            const ParamSpec psk = secret(strP("psk", maxLen, TR_NOOP("PSK identity")));
            const ParamSpec hint = strP("hint", maxLen, TR_NOOP("PSK hint"));
            return QList<Signature> {
                sig({ linkId(5, TR_NOOP("network link ID; 5 = all links")), psk, hint },
                    TR_NOOP("multiple connections (AT+CIPMUX=1)")),
                sig({ psk, hint }, TR_NOOP("single connection (AT+CIPMUX=0)")),
            };
        };
        t << cmd("AT+CIPSSLCPSK", kQuery | kSet, kEsp, TR_NOOP("PSK of the SSL client"), pskSigs(32));
        t << cmd("AT+CIPSSLCPSK", kQuery | kSet, kBeken, TR_NOOP("PSK of the TLS client"), pskSigs(48));
    }

    // MQTT (seed 004) ---------------------------------------------------------------
    constexpr int kMqttTimeout = 10000;
    t << cmd("AT+MQTTUSERCFG", kSet, kBoth, TR_NOOP("MQTT user configuration"),
             { sig({ mqttLink(), enumP("scheme", kSchemes, TR_NOOP("transport scheme")),
                     strP("client_id", 256, TR_NOOP("MQTT client ID")),
                     strP("username", 64, TR_NOOP("user name for the broker")),
                     secret(strP("password", 64, TR_NOOP("password for the broker"))),
                     intP("cert_key_ID", 0, 0, TR_NOOP("client certificate ID; only 0")),
                     intP("CA_ID", 0, 0, TR_NOOP("CA certificate ID; only 0")),
                     strP("path", 32, TR_NOOP("resource path (WebSocket)")) }) },
             kMqttTimeout);
    t << cmd("AT+MQTTCLIENTID", kSet, kBoth, TR_NOOP("MQTT client ID (longer than AT+MQTTUSERCFG allows)"),
             { sig({ mqttLink(), strP("client_id", 256, TR_NOOP("MQTT client ID")) }) }, kMqttTimeout);
    t << cmd("AT+MQTTUSERNAME", kSet, kBoth, TR_NOOP("MQTT user name (longer than AT+MQTTUSERCFG allows)"),
             { sig({ mqttLink(), strP("username", -1, TR_NOOP("user name for the broker")) }) }, kMqttTimeout);
    t << cmd("AT+MQTTPASSWORD", kSet, kBoth, TR_NOOP("MQTT password (longer than AT+MQTTUSERCFG allows)"),
             { sig({ mqttLink(), secret(strP("password", -1, TR_NOOP("password for the broker"))) }) },
             kMqttTimeout);
    t << cmd("AT+MQTTCONNCFG", kSet, kBoth, TR_NOOP("MQTT connection configuration (keep-alive, last will)"),
             { sig({ mqttLink(),
                     intP("keepalive", 0, 7200, TR_NOOP("keep-alive in seconds; 0 means 120")),
                     enumP("disable_clean_session", { { 0, TR_NOOP("clean session") }, { 1, TR_NOOP("persistent session") } },
                           TR_NOOP("clean-session flag")),
                     strP("lwt_topic", 128, TR_NOOP("last-will topic")),
                     strP("lwt_msg", 64, TR_NOOP("last-will message")),
                     qosP("lwt_qos"), retainP("lwt_retain") }) },
             kMqttTimeout);
    {
        ParamSpec count = intP("alpn_counts", 0, 5, TR_NOOP("number of ALPN strings that follow; 0 clears"));
        count.countsFollowing = true;
        QList<ParamSpec> params { mqttLink(), count };
        static const char *const names[] = { "alpn1", "alpn2", "alpn3", "alpn4", "alpn5" };
        for (const char *n : names)
            params << opt(nonEmpty(strP(n, -1, TR_NOOP("ALPN protocol name"))));
        t << cmd("AT+MQTTALPN", kSet, kBoth, TR_NOOP("MQTT ALPN (TLS and WSS only)"), { sig(params) },
                 kMqttTimeout);
    }
    {
        CommandSpec c = cmd("AT+MQTTCONN", kQuery | kSet, kBoth, TR_NOOP("Connect to an MQTT broker"),
                            { sig({ mqttLink(), nonEmpty(strP("host", 128, TR_NOOP("broker domain name or IP"))),
                                    intP("port", 1, 65535, TR_NOOP("broker port")),
                                    enumP("reconnect", { { 0, TR_NOOP("no automatic reconnection") },
                                                         { 1, TR_NOOP("reconnect automatically") } },
                                          TR_NOOP("automatic reconnection")) }) },
                            30000);
        c.note = TR_NOOP("Connecting can take longer than other MQTT commands (retransmissions, 10 s per TLS "
                         "handshake packet).");
        t << c;
    }
    {
        CommandSpec c = cmd("AT+MQTTPUB", kSet, kBoth, TR_NOOP("Publish an MQTT string message"),
                            { sig({ mqttLink(), mqttTopic(),
                                    nonEmpty(strP("data", -1, TR_NOOP("message; cannot contain NUL"))), qosP(),
                                    retainP() }) },
                            kMqttTimeout);
        c.note = TR_NOOP("The whole command line is limited to 256 bytes; use AT+MQTTPUBRAW for longer or binary "
                         "messages.");
        t << c;
    }
    {
        CommandSpec c = cmd("AT+MQTTPUBRAW", kSet, kBoth, TR_NOOP("Publish an MQTT binary message"),
                            { sig({ mqttLink(), mqttTopic(),
                                    dataLen(intP("length", 1, std::numeric_limits<qint32>::max(),
                                                 TR_NOOP("message length; limited by free memory"))),
                                    qosP(), retainP() }) },
                            kMqttTimeout);
        c.promptForms = kSet;
        c.note = TR_NOOP("After '>' send exactly <length> bytes; the result is +MQTTPUB:OK or +MQTTPUB:FAIL.");
        t << c;
    }
    t << cmd("AT+MQTTSUB", kQuery | kSet, kBoth, TR_NOOP("Subscribe to an MQTT topic"),
             { sig({ mqttLink(), mqttTopic(), qosP() }) }, kMqttTimeout);
    t << cmd("AT+MQTTUNSUB", kSet, kBoth, TR_NOOP("Unsubscribe from an MQTT topic"),
             { sig({ mqttLink(), mqttTopic() }) }, kMqttTimeout);
    t << cmd("AT+MQTTCLEAN", kSet, kBoth, TR_NOOP("Close the MQTT connection and release its resources"),
             { sig({ mqttLink() }) }, kMqttTimeout);

    return t;
}

bool startsWithCi(QByteArrayView s, QByteArrayView prefix)
{
    if (s.size() < prefix.size())
        return false;
    return s.first(prefix.size()).compare(prefix, Qt::CaseInsensitive) == 0;
}

QString paramToken(const ParamSpec &p)
{
    return p.type == ParamType::String ? QStringLiteral("<\"%1\">").arg(QString::fromLatin1(p.name))
                                       : QStringLiteral("<%1>").arg(QString::fromLatin1(p.name));
}

QString signatureText(const QByteArray &name, const Signature &s)
{
    QString out = QString::fromLatin1(name) + QLatin1Char('=');
    const int required = s.requiredCount();
    int open = 0;
    for (int i = 0; i < s.params.size(); ++i) {
        const QString sep = i == 0 ? QString() : QStringLiteral(",");
        if (i < required) {
            out += sep + paramToken(s.params[i]);
        } else {
            out += QLatin1Char('[') + sep + paramToken(s.params[i]);
            ++open;
        }
    }
    out += QString(open, QLatin1Char(']'));
    return out;
}

QString formName(CommandForm f)
{
    switch (f) {
    case CommandForm::Test:
        return tr(TR_NOOP("Test"));
    case CommandForm::Query:
        return tr(TR_NOOP("Query"));
    case CommandForm::Set:
        return tr(TR_NOOP("Set"));
    case CommandForm::Execute:
        return tr(TR_NOOP("Execute"));
    }
    return {};
}

QString describeParam(const ParamSpec &p)
{
    QString kind;
    switch (p.type) {
    case ParamType::String:
        if (!p.choices.isEmpty()) {
            QStringList c;
            for (const QByteArray &v : p.choices)
                c << QString::fromLatin1(v);
            kind = tr(TR_NOOP("string, one of %1")).arg(c.join(QStringLiteral(", ")));
        } else if (p.maxLength >= 0 && p.minLength > 0) {
            kind = tr(TR_NOOP("string, %1..%2 bytes")).arg(p.minLength).arg(p.maxLength);
        } else if (p.maxLength >= 0) {
            kind = tr(TR_NOOP("string, at most %1 bytes")).arg(p.maxLength);
        } else if (p.minLength > 0) {
            kind = tr(TR_NOOP("string, not empty"));
        } else {
            kind = tr(TR_NOOP("string"));
        }
        break;
    case ParamType::Integer:
        kind = p.min == p.max ? tr(TR_NOOP("integer, only %1")).arg(p.min)
                              : tr(TR_NOOP("integer %1..%2")).arg(p.min).arg(p.max);
        if (p.recommendedMax < p.max)
            kind += tr(TR_NOOP(" (recommended at most %1)")).arg(p.recommendedMax);
        break;
    case ParamType::Enum:
        kind = tr(TR_NOOP("integer %1..%2")).arg(p.min).arg(p.max);
        break;
    }
    QString line = QStringLiteral("  %1  %2").arg(paramToken(p), kind);
    if (p.optional)
        line += tr(TR_NOOP(", optional"));
    if (p.secret)
        line += tr(TR_NOOP(", secret"));
    if (p.help)
        line += QStringLiteral(" — ") + tr(p.help);
    for (const EnumValue &v : p.values)
        line += QStringLiteral("\n      %1: %2").arg(v.value).arg(tr(v.meaning));
    return line;
}

} // namespace

int Signature::requiredCount() const
{
    int n = 0;
    for (int i = 0; i < params.size(); ++i)
        if (!params[i].optional)
            n = i + 1;
    return n;
}

const ParamSpec *CommandSpec::param(QByteArrayView paramName) const
{
    for (const Signature &s : signatures)
        for (const ParamSpec &p : s.params)
            if (p.name == paramName)
                return &p;
    return nullptr;
}

CommandCatalog::CommandCatalog() : m_specs(buildTable()) { }

const CommandCatalog &CommandCatalog::builtin()
{
    static const CommandCatalog catalog;
    return catalog;
}

const CommandSpec *CommandCatalog::find(QByteArrayView name, Dialect dialect) const
{
    const QByteArray n = commandName(name);
    for (const CommandSpec &c : m_specs)
        if (c.supports(dialect) && c.name.compare(n, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

const CommandSpec *CommandCatalog::find(QByteArrayView name) const
{
    if (const CommandSpec *c = find(name, Dialect::Esp))
        return c;
    return find(name, Dialect::Beken);
}

QList<const CommandSpec *> CommandCatalog::all(std::optional<Dialect> dialect) const
{
    QList<const CommandSpec *> out;
    for (const CommandSpec &c : m_specs)
        if (!dialect || c.supports(*dialect))
            out << &c;
    return out;
}

QList<const CommandSpec *> CommandCatalog::completions(QByteArrayView prefix, Dialect dialect) const
{
    QByteArrayView p = QByteArrayView(prefix).trimmed();
    QList<const CommandSpec *> out;
    const bool full = startsWithCi(p, "AT");
    for (const CommandSpec &c : m_specs) {
        if (!c.supports(dialect))
            continue;
        QByteArrayView n(c.name);
        if (!full) {
            if (!n.startsWith("AT+"))
                continue;
            n = n.sliced(3);
        }
        if (startsWithCi(n, p))
            out << &c;
    }
    std::sort(out.begin(), out.end(),
              [](const CommandSpec *a, const CommandSpec *b) { return a->name < b->name; });
    return out;
}

QStringList CommandCatalog::syntax(const CommandSpec &spec, CommandForm form)
{
    const QString n = QString::fromLatin1(spec.name);
    if (!spec.supports(form))
        return {};
    switch (form) {
    case CommandForm::Test:
        return { n + QStringLiteral("=?") };
    case CommandForm::Query:
        return { n + QLatin1Char('?') };
    case CommandForm::Execute:
        return { n };
    case CommandForm::Set: {
        QStringList out;
        for (const Signature &s : spec.signatures) {
            QString line = signatureText(spec.name, s);
            if (s.label)
                line += QStringLiteral("    (%1)").arg(tr(s.label));
            out << line;
        }
        return out;
    }
    }
    return {};
}

QString CommandCatalog::helpText(const CommandSpec &spec, Dialect dialect) const
{
    QStringList out;
    out << QStringLiteral("%1 — %2").arg(QString::fromLatin1(spec.name), spec.summary ? tr(spec.summary) : QString());
    if (!spec.supports(dialect))
        out << tr(TR_NOOP("Not documented for the %1 dialect.")).arg(dialectName(dialect));
    for (CommandForm f : { CommandForm::Test, CommandForm::Query, CommandForm::Set, CommandForm::Execute }) {
        const QStringList lines = syntax(spec, f);
        for (const QString &l : lines) {
            QString line = QStringLiteral("  %1: %2").arg(formName(f), l);
            if (spec.hasPrompt(f))
                line += tr(TR_NOOP("  → '>' data prompt"));
            if (spec.hasQuietEnd(f))
                line += tr(TR_NOOP("  → no final result code"));
            out << line;
        }
    }
    // Parameters, each name once (signatures share most of them).
    QList<QByteArray> seen;
    QStringList params;
    for (const Signature &s : spec.signatures) {
        for (const ParamSpec &p : s.params) {
            const QByteArray key = p.name + QByteArray::number(p.max) + QByteArray::number(p.maxLength)
                    + p.choices.join('/');
            if (seen.contains(key))
                continue;
            seen << key;
            params << describeParam(p);
        }
    }
    if (!params.isEmpty()) {
        out << tr(TR_NOOP("Parameters:"));
        out << params;
    }
    if (spec.supports(CommandForm::Set) && !spec.signatures.isEmpty())
        out << tr(TR_NOOP("The whole command line, including AT and CR LF, must not exceed 256 bytes."));
    out << tr(TR_NOOP("Default reply timeout: %1 ms.")).arg(spec.timeoutMs);
    if (spec.note)
        out << tr(spec.note);
    return out.join(QLatin1Char('\n'));
}

QByteArray CommandCatalog::commandName(QByteArrayView line)
{
    qsizetype end = 0;
    while (end < line.size()) {
        const char c = line[end];
        if (c == '=' || c == '?' || c == '\r' || c == '\n')
            break;
        ++end;
    }
    return line.first(end).trimmed().toByteArray();
}

} // namespace atb
