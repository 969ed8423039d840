#include "connectionservice.h"

#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "protocol/atencoder.h"
#include "protocol/bytetext.h"
#include "protocol/commandcatalog.h"
#include "services/ipv4.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

// ConnectionService: the plans (pure: nothing is sent).

namespace atb {

namespace {

// Host names (RFC 1123 labels) and dotted IPv4; a string of digits and dots must be a valid
// IPv4 address, so a typo such as 192.168.1.300 is caught before the module sees it.
QString hostError(const QString &host)
{
    if (host.trimmed().isEmpty())
        return ConnectionService::tr("Enter the remote host (an IPv4 address or a host name)");
    if (host != host.trimmed() || host.contains(QLatin1Char(' ')))
        return ConnectionService::tr("The host must not contain blanks");
    static const QRegularExpression digitsAndDots(QStringLiteral("^[0-9.]+$"));
    if (digitsAndDots.match(host).hasMatch()) {
        if (!isDottedIpv4(host))
            return ConnectionService::tr("\"%1\" is not a valid IPv4 address").arg(host);
        return {};
    }
    static const QRegularExpression name(
        QStringLiteral("^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$"));
    if (!name.match(host).hasMatch())
        return ConnectionService::tr("\"%1\" is neither an IPv4 address nor a valid host name").arg(host);
    return {};
}

} // namespace

QString ConnectionService::passthroughRefusal() const
{
    return tr("AT commands are not available in passthrough; leave passthrough first");
}

bool ConnectionService::isUdpType(const QString &type)
{
    return type.compare(QLatin1String("UDP"), Qt::CaseInsensitive) == 0
        || type.compare(QLatin1String("DTLS"), Qt::CaseInsensitive) == 0;
}

OperationPlan ConnectionService::planRead() const
{
    if (inPassthrough())
        return OperationPlan::failure(passthroughRefusal(), "links");
    const AtEncoder enc(dialect());
    OperationPlan p;
    p.commands << command(enc.query("AT+CIPMUX").line) << command(enc.query("AT+CIPMODE").line);
    if (dialect() == Dialect::Esp)
        p.commands << command(enc.query("AT+CIPRECVMODE").line);
    // Before the status: a Beken status query with no link open ends in silence (see the
    // constructor), and the runner stops there.
    p.commands << command(enc.query("AT+CIPSSLCPSK").line);
    if (dialect() == Dialect::Esp)
        p.commands << planReadServer().commands;
    const EncodeResult status
        = dialect() == Dialect::Beken ? enc.query("AT+CIPSTATUS") : enc.execute("AT+CIPSTATUS");
    p.commands << command(status.line);
    return p;
}

OperationPlan ConnectionService::planMode(const ConnectionModeSettings &s) const
{
    if (inPassthrough())
        return OperationPlan::failure(passthroughRefusal(), "cipmode");
    if (s.mux != 0 && s.mux != 1)
        return OperationPlan::failure(tr("Choose single or multiple connections"), "cipmux");
    if (s.mode != 0 && s.mode != 1)
        return OperationPlan::failure(tr("Choose normal or passthrough transmission"), "cipmode");
    if (s.recvMode > 1 || (s.recvMode == 1 && dialect() == Dialect::Beken))
        return OperationPlan::failure(tr("Passive receive mode (AT+CIPRECVMODE) exists only in ESP-AT"), "recvmode");
    if (s.mux == 1 && s.mode == 1)
        return OperationPlan::failure(tr("Passthrough needs single connection mode (CIPMUX=0); multiple connections only work "
                         "in normal transmission mode"),
                      "cipmode");
    const int curMux = m_model->cipMux();
    const int curMode = m_model->cipMode();
    const bool muxChanges = curMux != s.mux;
    if (muxChanges && curMux >= 0 && openLinkCount() > 0)
        return OperationPlan::failure(tr("The connection mode (CIPMUX) can only change while no link is open: "
                         "close all links first"),
                      "cipmux");

    const AtEncoder enc(dialect());
    OperationPlan p;
    auto add = [&](const char *cmd, int v, const QByteArray &param) {
        const EncodeResult r = enc.set(cmd, { AtArg::integer(v) });
        if (!r.ok()) {
            p.error = r.error;
            p.errorParam = param;
            return;
        }
        p.commands << command(r.line);
    };
    // Leave passthrough mode before multiplexing, enter it after single mode is set (5.2).
    if (s.mode == 0 && curMode != 0)
        add("AT+CIPMODE", 0, "cipmode");
    if (muxChanges)
        add("AT+CIPMUX", s.mux, "cipmux");
    if (s.mode == 1 && curMode != 1)
        add("AT+CIPMODE", 1, "cipmode");
    if (s.recvMode >= 0 && s.recvMode != m_recvMode && dialect() == Dialect::Esp)
        add("AT+CIPRECVMODE", s.recvMode, "recvmode");
    if (!p.error.isEmpty()) {
        p.commands.clear();
        return p;
    }
    if (p.commands.isEmpty())
        return OperationPlan::failure(tr("Nothing to change: the module already uses these modes"), QByteArray());
    return p;
}

OperationPlan ConnectionService::planOpen(const LinkOpenSettings &s) const
{
    if (inPassthrough())
        return OperationPlan::failure(passthroughRefusal(), "links");
    const Dialect d = dialect();
    const bool beken = d == Dialect::Beken;
    const int mux = effectiveMux();
    const bool withId = beken || mux == 1;
    const QString type = s.type.trimmed().toUpper();
    if (!linkTypes().contains(type))
        return OperationPlan::failure(tr("Choose one of the link types %1").arg(linkTypes().join(QLatin1String(", "))), "type");
    if (withId && (s.linkId < 0 || s.linkId > maxLinkId()))
        return OperationPlan::failure(tr("Link ID must be between 0 and %1 in this firmware").arg(maxLinkId()), "link_id");
    const QString he = hostError(s.host);
    if (!he.isEmpty())
        return OperationPlan::failure(he, "remote_host");
    if (s.remotePort < 1 || s.remotePort > 65535)
        return OperationPlan::failure(tr("The remote port must be between 1 and 65535"), "remote_port");
    const bool udp = isUdpType(type);
    if (!udp && (s.keepAlive < 0 || s.keepAlive > 7200))
        return OperationPlan::failure(tr("Keep-alive must be 0 (off) or 1 to 7200 seconds"), "keep_alive");
    if ((udp || beken) && (s.localPort < 0 || s.localPort > 65535))
        return OperationPlan::failure(tr("The local port must be between 1 and 65535 (0 = any)"), "local_port");
    const QString localIp = s.localIp.trimmed();
    if (!localIp.isEmpty()) {
        if (!beken)
            return OperationPlan::failure(tr("A local IP is only sent to Beken modules"), "local_ip");
        if (!isDottedIpv4(localIp))
            return OperationPlan::failure(tr("\"%1\" is not a valid IPv4 address").arg(localIp), "local_ip");
        if (s.localPort == 0)
            return OperationPlan::failure(tr("A local IP goes with a local port (seed 000: both make a server link)"),
                                          "local_port");
    }
    if (udp && !beken && (s.udpMode < 0 || s.udpMode > 2))
        return OperationPlan::failure(tr("UDP mode must be 0, 1 or 2"), "mode");
    const int id = withId ? s.linkId : 0;
    if (!withId && openLinkCount() > 0)
        return OperationPlan::failure(tr("Single connection mode allows one link and one is open: close it, or switch to "
                         "multiple connections"),
                      "link_id");
    if (linkOpen(id))
        return OperationPlan::failure(tr("Link %1 is already open: close it first or pick another ID").arg(id), "link_id");

    QList<AtArg> args;
    if (withId)
        args << AtArg::integer(s.linkId);
    args << AtArg::string(type.toUtf8()) << AtArg::string(s.host.trimmed().toUtf8()) << AtArg::integer(s.remotePort);
    const bool server = beken && !udp && s.localPort > 0;
    if (!udp) {
        if (s.keepAlive > 0 || server)
            args << AtArg::integer(s.keepAlive);
        if (server)
            args << AtArg::integer(s.localPort);
        if (server && !localIp.isEmpty())
            args << AtArg::string(localIp.toUtf8());
    } else if (beken) {
        if (s.localPort > 0)
            args << AtArg::integer(s.localPort);
        if (!localIp.isEmpty())
            args << AtArg::string(localIp.toUtf8());
    } else {
        args << (s.localPort > 0 ? AtArg::integer(s.localPort) : AtArg::omitted());
        args << (s.udpMode > 0 ? AtArg::integer(s.udpMode) : AtArg::omitted());
    }
    const AtEncoder enc(d);
    const EncodeResult r = enc.set("AT+CIPSTART", args);
    if (!r.ok())
        return OperationPlan::failure(r.error, r.errorParam);
    OperationPlan p;
    p.warning = r.warning;
    if (server && type == QLatin1String("TLS"))
        p.warning = tr("A TLS server needs a server certificate in the module's flash; firmware without one "
                       "answers ERROR.");
    else if (server)
        p.warning = tr("Seed 000 example 2 (TCP server). The Beken SDK source reads no local port for TCP "
                       "(protocol.md 6 #8): if the module opens a client instead, its firmware follows the source.");
    p.commands << command(r.line);
    // Read the status back: the table gets the local port the module picked.
    p.commands << command((beken ? enc.query("AT+CIPSTATUS") : enc.execute("AT+CIPSTATUS")).line);
    return p;
}

OperationPlan ConnectionService::planClose(int linkId) const
{
    if (inPassthrough())
        return OperationPlan::failure(passthroughRefusal(), "links");
    const bool beken = dialect() == Dialect::Beken;
    const AtEncoder enc(dialect());
    OperationPlan p;
    if (!beken && effectiveMux() == 0) {
        if (openLinkCount() == 0)
            return OperationPlan::failure(tr("No link is open"), "link_id");
        p.commands << command(enc.execute("AT+CIPCLOSE").line);
        return p;
    }
    if (linkId != kCloseAll && !linkOpen(linkId))
        return OperationPlan::failure(tr("Link %1 is not open").arg(linkId), "link_id");
    if (linkId == kCloseAll && openLinkCount() == 0)
        return OperationPlan::failure(tr("No link is open"), "link_id");
    const EncodeResult r = enc.set("AT+CIPCLOSE", { AtArg::integer(linkId) });
    if (!r.ok())
        return OperationPlan::failure(r.error, r.errorParam);
    p.commands << command(r.line);
    if (linkId == kCloseAll && openLinkCount() > 1) {
        QStringList others;
        for (const LinkInfo &l : m_model->links())
            if (l.id != kCloseAll || !beken)
                others << QString::number(l.id);
        if (beken && linkOpen(kCloseAll))
            p.warning = tr("On Beken, AT+CIPCLOSE=5 closes every link (5 also means \"all\"): links %1 close too.")
                            .arg(others.join(QLatin1String(", ")));
        else
            p.notes << tr("Closes every link: %1.").arg(others.join(QLatin1String(", ")));
    }
    return p;
}

OperationPlan ConnectionService::planSend(const LinkSendSettings &s) const
{
    if (inPassthrough())
        return OperationPlan::failure(tr("In passthrough, use the raw send box; CIPSEND is not available"), "data");
    const bool beken = dialect() == Dialect::Beken;
    const bool withId = beken || effectiveMux() == 1;
    const int id = withId ? s.linkId : 0;
    if (!linkOpen(id))
        return OperationPlan::failure(tr("Link %1 is not open").arg(id), "link_id");

    QByteArray data;
    switch (s.format) {
    case LinkSendSettings::Format::Text:
        data = s.text.toUtf8();
        if (s.appendCrLf)
            data += "\r\n";
        break;
    case LinkSendSettings::Format::Hex: {
        const ByteText::Decoded hex = ByteText::fromHex(s.text);
        if (!hex.ok())
            return OperationPlan::failure(hex.error, "hex");
        data = hex.bytes;
        break;
    }
    case LinkSendSettings::Format::File: {
        if (s.filePath.isEmpty())
            return OperationPlan::failure(tr("Choose a file to send"), "file");
        const QFileInfo fi(s.filePath);
        if (!fi.isFile())
            return OperationPlan::failure(tr("The file %1 does not exist").arg(fi.fileName()), "file");
        if (fi.size() > kMaxFileBytes)
            return OperationPlan::failure(tr("The file is larger than %1 MiB").arg(kMaxFileBytes / (1024 * 1024)), "file");
        QFile f(s.filePath);
        if (!f.open(QIODevice::ReadOnly))
            return OperationPlan::failure(tr("Cannot read %1: %2").arg(fi.fileName(), f.errorString()), "file");
        data = f.readAll();
        break;
    }
    }
    if (data.isEmpty())
        return OperationPlan::failure(tr("Nothing to send"), s.format == LinkSendSettings::Format::File ? "file" : "data");

    const QString remote = s.remoteHost.trimmed();
    if (!remote.isEmpty() || s.remotePort != 0) {
        QString type;
        for (const LinkInfo &l : m_model->links())
            if (l.id == id)
                type = l.type;
        if (!type.startsWith(QLatin1String("UDP"), Qt::CaseInsensitive))
            return OperationPlan::failure(tr("Only a UDP link sends to another peer; link %1 is %2").arg(id).arg(type),
                                          "remote_host");
        const QString he = hostError(remote);
        if (!he.isEmpty())
            return OperationPlan::failure(he, "remote_host");
        if (s.remotePort < 1 || s.remotePort > 65535)
            return OperationPlan::failure(tr("The remote port must be between 1 and 65535"), "remote_port");
    }

    const int limit = s.chunkSize > 0 ? qMin(s.chunkSize, chunkLimit()) : chunkLimit();
    const AtEncoder enc(dialect());
    OperationPlan p;
    for (qsizetype pos = 0; pos < data.size(); pos += limit) {
        const QByteArray piece = data.mid(pos, limit);
        QList<AtArg> args;
        if (withId)
            args << AtArg::integer(s.linkId);
        args << AtArg::integer(piece.size());
        if (!remote.isEmpty())
            args << AtArg::string(remote.toUtf8()) << AtArg::integer(s.remotePort);
        const EncodeResult r = enc.set("AT+CIPSEND", args);
        if (!r.ok())
            return OperationPlan::failure(r.error, r.errorParam == "length" ? QByteArray("data") : r.errorParam);
        AtCommand c = command(r.line);
        c.payload = piece;
        p.commands << c;
        if (p.warning.isEmpty())
            p.warning = r.warning;
    }
    p.payloadBytes = data.size();
    return p;
}

OperationPlan ConnectionService::planPsk(const PskSettings &s) const
{
    if (inPassthrough())
        return OperationPlan::failure(passthroughRefusal(), "links");
    if (s.psk.isEmpty())
        return OperationPlan::failure(tr("Enter the PSK identity"), "psk");
    const bool withId = effectiveMux() == 1;
    QList<AtArg> args;
    if (withId) {
        if (s.linkId < 0 || s.linkId > kCloseAll)
            return OperationPlan::failure(tr("Link ID must be between 0 and %1 (%1 = all links)").arg(kCloseAll), "link_id");
        args << AtArg::integer(s.linkId);
    }
    args << AtArg::string(s.psk.toUtf8()) << AtArg::string(s.hint.toUtf8());
    const EncodeResult r = AtEncoder(dialect()).set("AT+CIPSSLCPSK", args);
    if (!r.ok())
        return OperationPlan::failure(r.error, r.errorParam);
    OperationPlan p;
    p.commands << command(r.line);
    return p;
}

OperationPlan ConnectionService::planReadPsk() const
{
    if (inPassthrough())
        return OperationPlan::failure(passthroughRefusal(), "links");
    OperationPlan p;
    p.commands << command(AtEncoder(dialect()).query("AT+CIPSSLCPSK").line);
    return p;
}

OperationPlan ConnectionService::planReadServer() const
{
    if (inPassthrough())
        return OperationPlan::failure(passthroughRefusal(), "server");
    if (dialect() != Dialect::Esp)
        return OperationPlan::failure(tr("Beken modules have no AT+CIPSERVER: open a TCP link with a local port "
                                         "(a server link) instead"),
                                      "server");
    const AtEncoder enc(dialect());
    OperationPlan p;
    for (const char *name : { "AT+CIPSERVER", "AT+CIPSERVERMAXCONN", "AT+CIPSTO" })
        p.commands << command(enc.query(name).line);
    return p;
}

OperationPlan ConnectionService::planServer(const ServerSettings &s) const
{
    OperationPlan p = planReadServer(); // the same refusals; it reads the server back last
    if (!p.ok())
        return p;
    const QList<AtCommand> readBack = p.commands;
    p.commands.clear();
    const AtEncoder enc(dialect());
    auto add = [&](const EncodeResult &r, const QString &note = QString()) {
        if (!r.ok()) {
            p.fail(r.error, r.errorParam);
            return false;
        }
        p.commands << command(r.line);
        while (p.notes.size() < p.commands.size() - 1)
            p.notes << QString();
        p.notes << note;
        return true;
    };
    if (!s.enabled) {
        if (m_server.enabled == 0)
            return OperationPlan::failure(tr("No server is running"), "server");
        if (!add(enc.set("AT+CIPSERVER", { AtArg::integer(0), AtArg::integer(s.closeClients ? 1 : 0) }),
                 s.closeClients ? tr("Also closes the links of the server's clients.") : QString()))
            return p;
        p.commands << readBack.first();
        return p;
    }
    if (m_model->cipMux() != 1)
        return OperationPlan::failure(tr("A server needs multiple connections (CIPMUX=1): set it in the connection "
                                         "mode first"),
                                      "server");
    if (s.port < 1 || s.port > 65535)
        return OperationPlan::failure(tr("The port must be between 1 and 65535"), "port");
    const QString type = s.type.trimmed().toUpper();
    if (type != QLatin1String("TCP") && type != QLatin1String("SSL"))
        return OperationPlan::failure(tr("Choose TCP or SSL"), "type");
    const bool running = m_server.enabled == 1;
    const bool changes = !running || m_server.port != s.port || m_server.type.compare(type, Qt::CaseInsensitive) != 0;
    if (running && changes)
        return OperationPlan::failure(tr("A server is running on port %1: delete it first, then create the new one")
                                          .arg(m_server.port),
                                      "port");
    // The limit counts when the server is created, so it goes first.
    if (m_server.maxConnections != s.maxConnections
        && !add(enc.set("AT+CIPSERVERMAXCONN", { AtArg::integer(s.maxConnections) }),
                running ? tr("Applies to the next server; the running one keeps its limit.") : QString()))
        return p;
    if (!running) {
        QList<AtArg> args { AtArg::integer(1), AtArg::integer(s.port) };
        if (type == QLatin1String("SSL"))
            args << AtArg::string("SSL");
        if (!add(enc.set("AT+CIPSERVER", args),
                 type == QLatin1String("SSL") ? tr("An SSL server needs the server certificate in the module's flash.")
                                              : QString()))
            return p;
    }
    if (m_server.timeout != s.timeout
        && !add(enc.set("AT+CIPSTO", { AtArg::integer(s.timeout) }),
                s.timeout == 0 ? tr("0: clients are never closed for being idle.") : QString()))
        return p;
    if (p.commands.isEmpty())
        return OperationPlan::failure(tr("Nothing to change: the module already runs this server"), QByteArray());
    p.commands << readBack;
    return p;
}

OperationPlan ConnectionService::planEnterPassthrough() const
{
    if (inPassthrough())
        return OperationPlan::failure(tr("Already in passthrough"), "links");
    if (m_model->cipMux() == 1)
        return OperationPlan::failure(tr("Passthrough needs single connection mode (CIPMUX=0): close the links and switch "
                         "to single connection first"),
                      "cipmux");
    if (openLinkCount() != 1)
        return OperationPlan::failure(tr("Passthrough needs exactly one open link (%n open)", "", openLinkCount()), "links");
    const AtEncoder enc(dialect());
    OperationPlan p;
    if (m_model->cipMode() != 1)
        p.commands << command(enc.set("AT+CIPMODE", { AtArg::integer(1) }).line);
    // Same command as DeviceSession::enterPassthrough(); through the runner so that a refusal
    // comes back in words like every other operation.
    AtCommand c = command(enc.execute("AT+CIPSEND").line);
    c.origin = QStringLiteral("passthrough");
    p.commands << c;
    return p;
}

} // namespace atb
