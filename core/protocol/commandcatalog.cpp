#include "commandcatalog.h"

#include "catalogbuilders.h"

#include <QCoreApplication>

#include <algorithm>

namespace atb {

using namespace catalogbuild;

namespace {

QString translated(const char *s)
{
    return QCoreApplication::translate("CommandCatalog", s);
}

// ---- the table ------------------------------------------------------------------------

QList<CommandSpec> buildTable()
{
    QList<CommandSpec> t;

    // Basic commands ----------------------------------------------------------------
    t << cmd("AT", kExec, kBoth, QT_TRANSLATE_NOOP("CommandCatalog", "Test the AT interface; answers OK"));
    t << cmd("ATE0", kExec, kBoth, QT_TRANSLATE_NOOP("CommandCatalog", "Switch command echo off"));
    t << cmd("ATE1", kExec, kBoth, QT_TRANSLATE_NOOP("CommandCatalog", "Switch command echo on"));
    {
        CommandSpec c
            = cmd("AT+RST", kExec, kBoth, QT_TRANSLATE_NOOP("CommandCatalog", "Restart the module"), {}, 5000);
        c.note
            = QT_TRANSLATE_NOOP("CommandCatalog", "OK comes first; the module prints \"ready\" when it is up again.");
        t << c;
    }
    t << cmd("AT+RESTORE", kExec, kBoth,
             QT_TRANSLATE_NOOP("CommandCatalog", "Restore factory default settings and restart"), {}, 5000);
    t << cmd("AT+GMR", kExec, kBoth, QT_TRANSLATE_NOOP("CommandCatalog", "Show version information"));
    t << cmd("AT+CMD", kQuery, kEsp, QT_TRANSLATE_NOOP("CommandCatalog", "List all AT commands and their types"), {},
             5000);
    t << cmd("AT+SYSLOG", kQuery | kSet, kEsp,
             QT_TRANSLATE_NOOP("CommandCatalog", "Enable or disable printing of ERR CODE lines"),
             { sig({ modeOnOff("status", QT_TRANSLATE_NOOP("CommandCatalog", "error-code printing")) }) });
    t << cmd("AT+SYSMSG", kQuery | kSet, kEsp, QT_TRANSLATE_NOOP("CommandCatalog", "Select extra system messages"),
             { sig({ intP("state", 0, 7,
                          QT_TRANSLATE_NOOP("CommandCatalog",
                                            "bit 0: +QUITT when leaving passthrough; bit 1: +LINK_CONN "
                                            "instead of CONNECT; bit 2: +STA_CONNECTED style messages")) }) });
    t << cmd("AT+SYSSTORE", kQuery | kSet, kBoth,
             QT_TRANSLATE_NOOP("CommandCatalog", "Choose whether configuration changes are saved to flash"),
             { sig({ enumP("store_mode",
                           { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "do not save to flash") },
                             { 1, QT_TRANSLATE_NOOP("CommandCatalog", "save to flash (default)") } },
                           QT_TRANSLATE_NOOP("CommandCatalog", "storage mode")) }) });
    {
        auto uartSig = [](qint64 minBaud, qint64 maxBaud) {
            return sig({ intP("baudrate", minBaud, maxBaud, QT_TRANSLATE_NOOP("CommandCatalog", "baud rate")),
                         intP("databits", 5, 8, QT_TRANSLATE_NOOP("CommandCatalog", "data bits")),
                         enumP("stopbits",
                               { { 1, QT_TRANSLATE_NOOP("CommandCatalog", "1 stop bit") },
                                 { 2, QT_TRANSLATE_NOOP("CommandCatalog", "1.5 stop bits") },
                                 { 3, QT_TRANSLATE_NOOP("CommandCatalog", "2 stop bits") } },
                               QT_TRANSLATE_NOOP("CommandCatalog", "stop bits")),
                         enumP("parity",
                               { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "none") },
                                 { 1, QT_TRANSLATE_NOOP("CommandCatalog", "odd") },
                                 { 2, QT_TRANSLATE_NOOP("CommandCatalog", "even") } },
                               QT_TRANSLATE_NOOP("CommandCatalog", "parity")),
                         enumP("flow_control",
                               { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "none") },
                                 { 1, QT_TRANSLATE_NOOP("CommandCatalog", "RTS") },
                                 { 2, QT_TRANSLATE_NOOP("CommandCatalog", "CTS") },
                                 { 3, QT_TRANSLATE_NOOP("CommandCatalog", "RTS and CTS") } },
                               QT_TRANSLATE_NOOP("CommandCatalog", "hardware flow control")) });
        };
        t << cmd("AT+UART_CUR", kQuery | kSet, kEsp,
                 QT_TRANSLATE_NOOP("CommandCatalog", "Current UART configuration (not saved to flash)"),
                 { uartSig(80, 5000000) });
        t << cmd("AT+UART_CUR", kQuery | kSet, kBeken,
                 QT_TRANSLATE_NOOP("CommandCatalog", "Current UART configuration (not saved to flash)"),
                 { uartSig(9600, 2000000) });
        t << cmd("AT+UART_DEF", kQuery | kSet, kEsp,
                 QT_TRANSLATE_NOOP("CommandCatalog", "Default UART configuration (saved to flash)"),
                 { uartSig(80, 5000000) });
    }

    appendWifiCommands(t);

    // TCP/IP ------------------------------------------------------------------------
    {
        CommandSpec esp = cmd("AT+CIPSTATUS", kExec, kEsp,
                              QT_TRANSLATE_NOOP("CommandCatalog", "Connection status and information of every link"));
        t << esp;
        CommandSpec bk
            = cmd("AT+CIPSTATUS", kQuery, kBeken,
                  QT_TRANSLATE_NOOP("CommandCatalog", "Connection status and information (answered with +BIPSTATUS)"));
        bk.quietEndForms = kQuery;
        bk.note = QT_TRANSLATE_NOOP("CommandCatalog", "The reply has no final OK; it ends when the module goes quiet.");
        t << bk;
    }
    {
        const QList<QByteArray> espTcp = { "TCP", "SSL", "TCPv6", "SSLv6" };
        const QList<QByteArray> espUdp = { "UDP", "UDPv6" };
        const ParamSpec host = nonEmpty(
            strP("remote_host", -1, QT_TRANSLATE_NOOP("CommandCatalog", "remote IPv4 address or domain name")));
        const ParamSpec rport = portP("remote_port", QT_TRANSLATE_NOOP("CommandCatalog", "remote port"));
        const ParamSpec keepAlive = opt(intP(
            "keep_alive", 0, 7200, QT_TRANSLATE_NOOP("CommandCatalog", "TCP keep-alive interval in seconds, 0 = off")));
        const ParamSpec localIp
            = opt(strP("local_ip", -1, QT_TRANSLATE_NOOP("CommandCatalog", "local IP address to bind")));
        const ParamSpec localPort = opt(portP("local_port", QT_TRANSLATE_NOOP("CommandCatalog", "local port")));
        const ParamSpec udpMode = opt(enumP("mode",
                                            { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "remote peer fixed") },
                                              { 1, QT_TRANSLATE_NOOP("CommandCatalog", "peer may change once") },
                                              { 2, QT_TRANSLATE_NOOP("CommandCatalog", "peer may change any time") } },
                                            QT_TRANSLATE_NOOP("CommandCatalog", "UDP peer mode")));
        auto espTcpType = choiceP("type", espTcp, QT_TRANSLATE_NOOP("CommandCatalog", "connection type"));
        auto espUdpType = choiceP("type", espUdp, QT_TRANSLATE_NOOP("CommandCatalog", "connection type"));
        CommandSpec esp
            = cmd("AT+CIPSTART", kSet, kEsp,
                  QT_TRANSLATE_NOOP("CommandCatalog", "Open a TCP connection, UDP transmission or SSL connection"),
                  { sig({ linkId(4), espTcpType, host, rport, keepAlive, localIp },
                        QT_TRANSLATE_NOOP("CommandCatalog", "multiple connections (AT+CIPMUX=1), TCP/SSL")),
                    sig({ linkId(4), espUdpType, host, rport, localPort, udpMode, localIp },
                        QT_TRANSLATE_NOOP("CommandCatalog", "multiple connections (AT+CIPMUX=1), UDP")),
                    sig({ espTcpType, host, rport, keepAlive, localIp },
                        QT_TRANSLATE_NOOP("CommandCatalog", "single connection (AT+CIPMUX=0), TCP/SSL")),
                    sig({ espUdpType, host, rport, localPort, udpMode, localIp },
                        QT_TRANSLATE_NOOP("CommandCatalog", "single connection (AT+CIPMUX=0), UDP")) },
                  20000);
        t << esp;

        auto bkTcpType = choiceP("type", { "TCP", "TLS" },
                                 QT_TRANSLATE_NOOP("CommandCatalog", "connection type (case-insensitive)"));
        auto bkUdpType = choiceP("type", { "UDP", "DTLS" },
                                 QT_TRANSLATE_NOOP("CommandCatalog", "connection type (case-insensitive)"));
        CommandSpec bk
            = cmd("AT+CIPSTART", kSet, kBeken,
                  QT_TRANSLATE_NOOP("CommandCatalog", "Open a TCP connection, UDP transmission or TLS connection"),
                  { sig({ linkId(5, QT_TRANSLATE_NOOP("CommandCatalog", "network link ID; up to 6 connections")),
                          bkTcpType, host, rport, keepAlive, localPort, localIp },
                        QT_TRANSLATE_NOOP("CommandCatalog", "TCP/TLS")),
                    sig({ linkId(5, QT_TRANSLATE_NOOP("CommandCatalog", "network link ID; up to 6 connections")),
                          bkUdpType, host, rport, localPort, localIp },
                        QT_TRANSLATE_NOOP("CommandCatalog", "UDP/DTLS")) },
                  20000);
        t << bk;
    }
    {
        const ParamSpec host = opt(strP(
            "remote_host", -1, QT_TRANSLATE_NOOP("CommandCatalog", "UDP only: remote IPv4 address or domain name")));
        const ParamSpec rport = opt(portP("remote_port", QT_TRANSLATE_NOOP("CommandCatalog", "UDP only: remote port")));
        ParamSpec espLen = dataLen(
            intP("length", 1, 8192, QT_TRANSLATE_NOOP("CommandCatalog", "number of bytes to send after '>'")));
        auto espSendSigs = [&](ParamSpec len) {
            return QList<Signature> {
                sig({ linkId(4), len, host, rport },
                    QT_TRANSLATE_NOOP("CommandCatalog", "multiple connections (AT+CIPMUX=1)")),
                sig({ len, host, rport }, QT_TRANSLATE_NOOP("CommandCatalog", "single connection (AT+CIPMUX=0)")),
            };
        };
        CommandSpec esp = cmd(
            "AT+CIPSEND", kSet | kExec, kEsp,
            QT_TRANSLATE_NOOP("CommandCatalog", "Send data in normal transmission mode, or enter passthrough mode"),
            espSendSigs(espLen), 10000);
        esp.promptForms = kSet | kExec;
        esp.note
            = QT_TRANSLATE_NOOP("CommandCatalog",
                                "Without parameters (AT+CIPMODE=1, single connection) the module enters passthrough "
                                "mode; a lone +++ leaves it.");
        t << esp;

        ParamSpec bkLen = dataLen(
            intP("length", 1, 2048, QT_TRANSLATE_NOOP("CommandCatalog", "number of bytes to send after '>'")));
        bkLen.recommendedMax = 1024;
        CommandSpec bk = cmd(
            "AT+CIPSEND", kSet | kExec, kBeken,
            QT_TRANSLATE_NOOP("CommandCatalog", "Send data in normal transmission mode, or enter passthrough mode"),
            { sig({ linkId(5), bkLen, host, rport }, QT_TRANSLATE_NOOP("CommandCatalog", "with link ID")),
              sig({ bkLen,
                    nonEmpty(strP("remote_host", -1,
                                  QT_TRANSLATE_NOOP("CommandCatalog", "remote IPv4 address or domain name"))),
                    portP("remote_port", QT_TRANSLATE_NOOP("CommandCatalog", "remote port")) },
                  QT_TRANSLATE_NOOP("CommandCatalog", "UDP without link ID")) },
            10000);
        bk.promptForms = kSet | kExec;
        bk.note
            = QT_TRANSLATE_NOOP("CommandCatalog",
                                "The '>' prompt comes without OK. The firmware's receive buffer is 1024 bytes: keep "
                                "<length> at or below 1024 although 2048 is documented.");
        t << bk;

        CommandSpec ex
            = cmd("AT+CIPSENDEX", kSet, kEsp,
                  QT_TRANSLATE_NOOP("CommandCatalog", "Send data; a \\0 in the data ends the transmission early"),
                  espSendSigs(espLen), 10000);
        ex.promptForms = kSet;
        t << ex;
    }
    {
        CommandSpec esp = cmd(
            "AT+CIPCLOSE", kSet | kExec, kEsp, QT_TRANSLATE_NOOP("CommandCatalog", "Close a TCP/UDP/SSL connection"),
            { sig({ linkId(5, QT_TRANSLATE_NOOP("CommandCatalog", "link to close; 5 closes all links")) },
                  QT_TRANSLATE_NOOP("CommandCatalog", "multiple connections (AT+CIPMUX=1)")) },
            5000);
        esp.note
            = QT_TRANSLATE_NOOP("CommandCatalog", "Without parameters it closes the single connection (AT+CIPMUX=0).");
        t << esp;
        t << cmd("AT+CIPCLOSE", kSet, kBeken, QT_TRANSLATE_NOOP("CommandCatalog", "Close a TCP/UDP/TLS connection"),
                 { sig({ linkId(5, QT_TRANSLATE_NOOP("CommandCatalog", "link to close; 5 closes all links")) }) },
                 5000);
    }
    t << cmd("AT+CIPMUX", kQuery | kSet, kBoth,
             QT_TRANSLATE_NOOP("CommandCatalog", "Enable or disable multiple connections"),
             { sig({ enumP(
                 "mode",
                 { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "single connection") },
                   { 1, QT_TRANSLATE_NOOP("CommandCatalog", "multiple connections") } },
                 QT_TRANSLATE_NOOP("CommandCatalog", "connection mode; only changeable while no link is open")) }) });
    t << cmd("AT+CIPMODE", kQuery | kSet, kBoth,
             QT_TRANSLATE_NOOP("CommandCatalog", "Transmission mode (normal or passthrough)"),
             { sig({ enumP("mode",
                           { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "normal transmission mode") },
                             { 1,
                               QT_TRANSLATE_NOOP("CommandCatalog",
                                                 "Wi-Fi passthrough mode (single TCP/SSL link or fixed UDP peer)") } },
                           QT_TRANSLATE_NOOP("CommandCatalog", "transmission mode")) }) });
    t << cmd("AT+CIPDINFO", kQuery | kSet, kEsp,
             QT_TRANSLATE_NOOP("CommandCatalog", "Show the remote IP and port in +IPD"),
             { sig({ enumP("mode",
                           { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "do not show") },
                             { 1, QT_TRANSLATE_NOOP("CommandCatalog", "show") } },
                           QT_TRANSLATE_NOOP("CommandCatalog", "+IPD detail mode")) }) });
    t << cmd(
        "AT+CIPRECVMODE", kQuery | kSet, kEsp,
        QT_TRANSLATE_NOOP("CommandCatalog", "Socket receive mode (active or passive)"),
        { sig({ enumP("mode",
                      { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "active: data is pushed with +IPD") },
                        { 1, QT_TRANSLATE_NOOP("CommandCatalog", "passive: data is buffered until AT+CIPRECVDATA") } },
                      QT_TRANSLATE_NOOP("CommandCatalog", "receive mode")) }) });
    {
        const ParamSpec len = intP("len", 1, std::numeric_limits<qint32>::max(),
                                   QT_TRANSLATE_NOOP("CommandCatalog", "maximum bytes to read"));
        t << cmd("AT+CIPRECVDATA", kSet, kEsp,
                 QT_TRANSLATE_NOOP("CommandCatalog", "Read buffered socket data in passive receive mode"),
                 { sig({ linkId(4), len }, QT_TRANSLATE_NOOP("CommandCatalog", "multiple connections (AT+CIPMUX=1)")),
                   sig({ len }, QT_TRANSLATE_NOOP("CommandCatalog", "single connection (AT+CIPMUX=0)")) });
    }
    t << cmd("AT+CIPRECVLEN", kQuery, kEsp,
             QT_TRANSLATE_NOOP("CommandCatalog", "Length of the buffered data of every link (passive mode)"));
    t << cmd(
        "AT+CIPSERVER", kQuery | kSet, kEsp, QT_TRANSLATE_NOOP("CommandCatalog", "Create or delete a TCP/SSL server"),
        { sig(
            { enumP("mode",
                    { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "delete the server") },
                      { 1, QT_TRANSLATE_NOOP("CommandCatalog", "create a server") } },
                    QT_TRANSLATE_NOOP("CommandCatalog", "server mode")),
              opt(portP("port",
                        QT_TRANSLATE_NOOP("CommandCatalog",
                                          "port (mode 1, default 333); with mode 0: 1 also closes all "
                                          "client connections"))),
              opt(choiceP("type", { "TCP", "SSL", "TCPv6", "SSLv6" },
                          QT_TRANSLATE_NOOP("CommandCatalog", "server type"))),
              opt(modeOnOff("CA_enable", QT_TRANSLATE_NOOP("CommandCatalog", "verify client certificates (SSL)"))) }) },
        5000);
    t << cmd("AT+CIPSERVERMAXCONN", kQuery | kSet, kEsp,
             QT_TRANSLATE_NOOP("CommandCatalog", "Maximum number of clients a server accepts"),
             { sig({ intP("num", 1, 5, QT_TRANSLATE_NOOP("CommandCatalog", "maximum number of connections")) }) });
    t << cmd("AT+CIPSTO", kQuery | kSet, kEsp,
             QT_TRANSLATE_NOOP("CommandCatalog", "Timeout after which the TCP server closes an idle client"),
             { sig({ intP("time", 0, 7200,
                          QT_TRANSLATE_NOOP("CommandCatalog", "seconds without data; 0 = never close")) }) });
    t << cmd(
        "AT+TRANSINTVL", kQuery | kSet, kEsp,
        QT_TRANSLATE_NOOP("CommandCatalog", "Packet interval in passthrough mode"),
        { sig({ intP("interval", 0, 1000,
                     QT_TRANSLATE_NOOP("CommandCatalog", "milliseconds to wait before sending buffered data")) }) });
    {
        const ParamSpec enable = enumP("enable",
                                       { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "disable SNTP") },
                                         { 1, QT_TRANSLATE_NOOP("CommandCatalog", "enable SNTP") } },
                                       QT_TRANSLATE_NOOP("CommandCatalog", "SNTP on/off"));
        const ParamSpec s1
            = opt(strP("server1", -1, QT_TRANSLATE_NOOP("CommandCatalog", "SNTP server name or address")));
        const ParamSpec s2 = opt(strP("server2", -1, QT_TRANSLATE_NOOP("CommandCatalog", "second SNTP server")));
        const ParamSpec s3 = opt(strP("server3", -1, QT_TRANSLATE_NOOP("CommandCatalog", "third SNTP server")));
        t << cmd(
            "AT+CIPSNTPCFG", kQuery | kSet, kEsp, QT_TRANSLATE_NOOP("CommandCatalog", "Time zone and SNTP servers"),
            { sig({ enable,
                    opt(intP("timezone", -12, 14, QT_TRANSLATE_NOOP("CommandCatalog", "UTC offset in whole hours"))),
                    s1, s2, s3 }) });
        CommandSpec bk = cmd(
            "AT+CIPSNTPCFG", kQuery | kSet, kBeken, QT_TRANSLATE_NOOP("CommandCatalog", "Time zone and SNTP servers"),
            { sig({ enable, intP("timezone", -12, 12, QT_TRANSLATE_NOOP("CommandCatalog", "UTC offset in whole hours")),
                    s1, s2, s3 }) });
        bk.note
            = QT_TRANSLATE_NOOP("CommandCatalog", "The Beken document shows one server; 1 to 3 servers are accepted.");
        t << bk;
    }
    t << cmd("AT+CIPSNTPTIME", kQuery, kBoth, QT_TRANSLATE_NOOP("CommandCatalog", "Read the SNTP time"));
    t << cmd("AT+CIPSNTPINTV", kQuery | kSet, kEsp,
             QT_TRANSLATE_NOOP("CommandCatalog", "SNTP synchronisation interval"),
             { sig({ intP("interval_second", 15, 4294967,
                          QT_TRANSLATE_NOOP("CommandCatalog", "seconds between synchronisations")) }) });
    {
        const Signature s = sig(
            { nonEmpty(strP("host", -1, QT_TRANSLATE_NOOP("CommandCatalog", "IPv4 address or domain name to ping"))) });
        t << cmd("AT+PING", kSet, kEsp, QT_TRANSLATE_NOOP("CommandCatalog", "Ping a remote host"), { s }, 10000);
        CommandSpec bk
            = cmd("AT+PING", kSet, kBeken, QT_TRANSLATE_NOOP("CommandCatalog", "Ping a remote host"), { s }, 10000);
        bk.quietEndForms = kSet;
        bk.note = QT_TRANSLATE_NOOP("CommandCatalog",
                                    "The documented reply (+PING:<time> or +PING:TIMEOUT) has no final code.");
        t << bk;
    }
    t << cmd(
        "AT+CIPDOMAIN", kSet, kBoth, QT_TRANSLATE_NOOP("CommandCatalog", "Resolve a domain name (IPv4)"),
        { sig({ nonEmpty(strP("domain_name", -1, QT_TRANSLATE_NOOP("CommandCatalog", "domain name to resolve"))) }) },
        10000);
    t << cmd(
        "AT+CIPDNS", kQuery | kSet, kBoth, QT_TRANSLATE_NOOP("CommandCatalog", "DNS server configuration"),
        { sig({ enumP("enable",
                      { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "automatic (DHCP)") },
                        { 1, QT_TRANSLATE_NOOP("CommandCatalog", "manual") } },
                      QT_TRANSLATE_NOOP("CommandCatalog", "DNS mode")),
                opt(strP("DNS_IP1", -1, QT_TRANSLATE_NOOP("CommandCatalog", "first DNS server (manual mode only)"))),
                opt(strP("DNS_IP2", -1, QT_TRANSLATE_NOOP("CommandCatalog", "second DNS server"))),
                opt(strP("DNS_IP3", -1, QT_TRANSLATE_NOOP("CommandCatalog", "third DNS server"))) }) });
    {
        auto pskSigs = [](int maxLen) {
            const ParamSpec psk = secret(strP("psk", maxLen, QT_TRANSLATE_NOOP("CommandCatalog", "PSK identity")));
            const ParamSpec hint = strP("hint", maxLen, QT_TRANSLATE_NOOP("CommandCatalog", "PSK hint"));
            return QList<Signature> {
                sig({ linkId(5, QT_TRANSLATE_NOOP("CommandCatalog", "network link ID; 5 = all links")), psk, hint },
                    QT_TRANSLATE_NOOP("CommandCatalog", "multiple connections (AT+CIPMUX=1)")),
                sig({ psk, hint }, QT_TRANSLATE_NOOP("CommandCatalog", "single connection (AT+CIPMUX=0)")),
            };
        };
        t << cmd("AT+CIPSSLCPSK", kQuery | kSet, kEsp, QT_TRANSLATE_NOOP("CommandCatalog", "PSK of the SSL client"),
                 pskSigs(32));
        t << cmd("AT+CIPSSLCPSK", kQuery | kSet, kBeken, QT_TRANSLATE_NOOP("CommandCatalog", "PSK of the TLS client"),
                 pskSigs(48));
    }

    appendMqttCommands(t);

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
        return translated(QT_TRANSLATE_NOOP("CommandCatalog", "Test"));
    case CommandForm::Query:
        return translated(QT_TRANSLATE_NOOP("CommandCatalog", "Query"));
    case CommandForm::Set:
        return translated(QT_TRANSLATE_NOOP("CommandCatalog", "Set"));
    case CommandForm::Execute:
        return translated(QT_TRANSLATE_NOOP("CommandCatalog", "Execute"));
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
            kind = translated(QT_TRANSLATE_NOOP("CommandCatalog", "string, one of %1"))
                       .arg(c.join(QStringLiteral(", ")));
        } else if (p.maxLength >= 0 && p.minLength > 0) {
            kind = translated(QT_TRANSLATE_NOOP("CommandCatalog", "string, %1..%2 bytes"))
                       .arg(p.minLength)
                       .arg(p.maxLength);
        } else if (p.maxLength >= 0) {
            kind = translated(QT_TRANSLATE_NOOP("CommandCatalog", "string, at most %1 bytes")).arg(p.maxLength);
        } else if (p.minLength > 0) {
            kind = translated(QT_TRANSLATE_NOOP("CommandCatalog", "string, not empty"));
        } else {
            kind = translated(QT_TRANSLATE_NOOP("CommandCatalog", "string"));
        }
        break;
    case ParamType::Integer:
        kind = p.min == p.max ? translated(QT_TRANSLATE_NOOP("CommandCatalog", "integer, only %1")).arg(p.min)
                              : translated(QT_TRANSLATE_NOOP("CommandCatalog", "integer %1..%2")).arg(p.min).arg(p.max);
        if (p.recommendedMax < p.max)
            kind += translated(QT_TRANSLATE_NOOP("CommandCatalog", " (recommended at most %1)")).arg(p.recommendedMax);
        break;
    case ParamType::Enum:
        kind = translated(QT_TRANSLATE_NOOP("CommandCatalog", "integer %1..%2")).arg(p.min).arg(p.max);
        break;
    }
    QString line = QStringLiteral("  %1  %2").arg(paramToken(p), kind);
    if (p.optional)
        line += translated(QT_TRANSLATE_NOOP("CommandCatalog", ", optional"));
    if (p.secret)
        line += translated(QT_TRANSLATE_NOOP("CommandCatalog", ", secret"));
    if (p.help)
        line += QStringLiteral(" — ") + translated(p.help);
    for (const EnumValue &v : p.values)
        line += QStringLiteral("\n      %1: %2").arg(v.value).arg(translated(v.meaning));
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
    std::sort(out.begin(), out.end(), [](const CommandSpec *a, const CommandSpec *b) { return a->name < b->name; });
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
                line += QStringLiteral("    (%1)").arg(translated(s.label));
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
    out << QStringLiteral("%1 — %2").arg(QString::fromLatin1(spec.name),
                                         spec.summary ? translated(spec.summary) : QString());
    if (!spec.supports(dialect))
        out << translated(QT_TRANSLATE_NOOP("CommandCatalog", "Not documented for the %1 dialect."))
                   .arg(dialectName(dialect));
    for (CommandForm f : { CommandForm::Test, CommandForm::Query, CommandForm::Set, CommandForm::Execute }) {
        const QStringList lines = syntax(spec, f);
        for (const QString &l : lines) {
            QString line = QStringLiteral("  %1: %2").arg(formName(f), l);
            if (spec.hasPrompt(f))
                line += translated(QT_TRANSLATE_NOOP("CommandCatalog", "  → '>' data prompt"));
            if (spec.hasQuietEnd(f))
                line += translated(QT_TRANSLATE_NOOP("CommandCatalog", "  → no final result code"));
            out << line;
        }
    }
    // Parameters, each name once (signatures share most of them).
    QList<QByteArray> seen;
    QStringList params;
    for (const Signature &s : spec.signatures) {
        for (const ParamSpec &p : s.params) {
            const QByteArray key
                = p.name + QByteArray::number(p.max) + QByteArray::number(p.maxLength) + p.choices.join('/');
            if (seen.contains(key))
                continue;
            seen << key;
            params << describeParam(p);
        }
    }
    if (!params.isEmpty()) {
        out << translated(QT_TRANSLATE_NOOP("CommandCatalog", "Parameters:"));
        out << params;
    }
    if (spec.supports(CommandForm::Set) && !spec.signatures.isEmpty())
        out << translated(QT_TRANSLATE_NOOP(
            "CommandCatalog", "The whole command line, including AT and CR LF, must not exceed 256 bytes."));
    out << translated(QT_TRANSLATE_NOOP("CommandCatalog", "Default reply timeout: %1 ms.")).arg(spec.timeoutMs);
    if (spec.note)
        out << translated(spec.note);
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
