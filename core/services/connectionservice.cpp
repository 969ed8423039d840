#include "connectionservice.h"

#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "protocol/atencoder.h"
#include "protocol/bytetext.h"
#include "protocol/commandcatalog.h"

#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>

#include <algorithm>
#include <utility>

namespace atb {

namespace {

const char kOrigin[] = "connections";

bool isUdpType(const QString &type)
{
    return type.compare(QLatin1String("UDP"), Qt::CaseInsensitive) == 0
        || type.compare(QLatin1String("DTLS"), Qt::CaseInsensitive) == 0;
}

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
        QHostAddress a;
        if (!a.setAddress(host) || a.protocol() != QAbstractSocket::IPv4Protocol || host.count(QLatin1Char('.')) != 3)
            return ConnectionService::tr("\"%1\" is not a valid IPv4 address").arg(host);
        return {};
    }
    static const QRegularExpression name(
        QStringLiteral("^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$"));
    if (!name.match(host).hasMatch())
        return ConnectionService::tr("\"%1\" is neither an IPv4 address nor a valid host name").arg(host);
    return {};
}

bool isBekenStatusQuery(const QByteArray &line)
{
    return line.trimmed().compare("AT+CIPSTATUS?", Qt::CaseInsensitive) == 0;
}

} // namespace

ConnectionService::ConnectionService(DeviceSession *session, DeviceModel *model, QObject *parent)
    : QObject(parent), m_session(session), m_model(model), m_runner(new CommandRunner(session, this))
{
    m_runner->setOrigin(QStringLiteral("connections"));
    connect(m_runner, &CommandRunner::busyChanged, this, &ConnectionService::busyChanged);
    connect(m_runner, &CommandRunner::finished, this, [this](const OperationResult &result) {
        m_pendingKeepAlive = -1;
        m_pendingKeepAliveId = -1;
        const bool wasFetch = std::exchange(m_fetching, false);
        if (!m_toFetch.isEmpty())
            QMetaObject::invokeMethod(this, &ConnectionService::scheduleFetch, Qt::QueuedConnection);
        if (wasFetch && result.ok)
            return; // automatic passive-mode fetch: the data shows up, no status to report
        OperationResult r = result;
        // Beken "AT+CIPSTATUS?" has no final code, and with no link open it prints nothing at
        // all (protocol.md 2.4), so the queue's quiet-end never starts and the command times
        // out. Silence is the answer here: no link is open.
        if (!r.ok && !r.results.isEmpty()) {
            const AtResult &last = r.results.last();
            if (last.status == AtResult::Status::Timeout && last.lines.isEmpty()
                && isBekenStatusQuery(last.command.line)) {
                AtResult silent = last;
                silent.status = AtResult::Status::Ok;
                silent.endedOnQuiet = true;
                m_model->applyResult(silent);
                r.ok = true;
                r.message = tr("%1: done (no link is open)").arg(r.label);
            }
        }
        emit finished(r);
    });
    connect(m_runner, &CommandRunner::commandDone, this, &ConnectionService::onCommandDone);
    connect(session, &DeviceSession::urcReceived, this, &ConnectionService::onUrc);
    connect(session, &DeviceSession::rawDataReceived, this, [this](const QByteArray &bytes) {
        m_raw += bytes;
        if (m_raw.size() > kMaxBufferBytes)
            m_raw.remove(0, m_raw.size() - kMaxBufferBytes);
        appendReceived(m_ptLink, bytes);
        emit rawDataReceived(bytes);
    });
    connect(session, &DeviceSession::stateChanged, this, [this](DeviceSession::State s) {
        emit passthroughChanged(s == DeviceSession::State::Passthrough);
    });
}

Dialect ConnectionService::dialect() const
{
    return m_model->dialect();
}

int ConnectionService::maxLinkId() const
{
    const CommandSpec *spec = CommandCatalog::builtin().find("AT+CIPSTART", dialect());
    const ParamSpec *p = spec ? spec->param("link_id") : nullptr;
    return p ? int(p->max) : 4;
}

int ConnectionService::effectiveMux() const
{
    return m_model->cipMux() >= 0 ? m_model->cipMux() : 0;
}

QStringList ConnectionService::linkTypes() const
{
    if (dialect() == Dialect::Beken)
        return { QStringLiteral("TCP"), QStringLiteral("UDP"), QStringLiteral("TLS"), QStringLiteral("DTLS") };
    return { QStringLiteral("TCP"), QStringLiteral("UDP"), QStringLiteral("SSL") };
}

int ConnectionService::chunkLimit() const
{
    const CommandSpec *spec = CommandCatalog::builtin().find("AT+CIPSEND", dialect());
    const ParamSpec *p = spec ? spec->param("length") : nullptr;
    qint64 limit = p ? p->max : 2048;
    if (p && p->recommendedMax < limit)
        limit = p->recommendedMax; // Beken: 1024, the firmware's receive buffer
    if (dialect() == Dialect::Esp) {
        for (const QString &l : m_model->firmware()) {
            if (l.contains(QLatin1String("ESP8266"), Qt::CaseInsensitive))
                limit = qMin<qint64>(limit, 2048); // ESP8266 v2.x (protocol.md 3.3)
        }
    }
    return int(limit);
}

bool ConnectionService::inPassthrough() const
{
    return m_session && m_session->state() == DeviceSession::State::Passthrough;
}

bool ConnectionService::linkOpen(int id) const
{
    const QList<LinkInfo> links = m_model->links();
    return std::any_of(links.begin(), links.end(), [id](const LinkInfo &l) { return l.id == id; });
}

int ConnectionService::openLinkCount() const
{
    return int(m_model->links().size());
}

AtCommand ConnectionService::command(const QByteArray &line) const
{
    AtCommand c = AtCommand::fromLine(line, dialect() == Dialect::Beken);
    c.origin = QLatin1String(kOrigin);
    if (dialect() == Dialect::Beken && isBekenStatusQuery(line))
        c.timeoutMs = 1500; // silence = no link (see the constructor)
    return c;
}

// ---- plans ---------------------------------------------------------------------------------

OperationPlan ConnectionService::planRead() const
{
    if (inPassthrough())
        return OperationPlan::failure(tr("AT commands are not available in passthrough; leave passthrough first"), "links");
    const AtEncoder enc(dialect());
    OperationPlan p;
    p.commands << command(enc.query("AT+CIPMUX").line) << command(enc.query("AT+CIPMODE").line);
    if (dialect() == Dialect::Esp)
        p.commands << command(enc.query("AT+CIPRECVMODE").line);
    const EncodeResult status
        = dialect() == Dialect::Beken ? enc.query("AT+CIPSTATUS") : enc.execute("AT+CIPSTATUS");
    p.commands << command(status.line);
    return p;
}

OperationPlan ConnectionService::planMode(const ConnectionModeSettings &s) const
{
    if (inPassthrough())
        return OperationPlan::failure(tr("AT commands are not available in passthrough; leave passthrough first"), "cipmode");
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
        return OperationPlan::failure(tr("AT commands are not available in passthrough; leave passthrough first"), "links");
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
    if (udp && (s.localPort < 0 || s.localPort > 65535))
        return OperationPlan::failure(tr("The local port must be between 1 and 65535 (0 = any)"), "local_port");
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
    if (!udp) {
        if (s.keepAlive > 0)
            args << AtArg::integer(s.keepAlive);
    } else if (beken) {
        if (s.localPort > 0)
            args << AtArg::integer(s.localPort);
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
    p.commands << command(r.line);
    // Read the status back: the table gets the local port the module picked.
    p.commands << command((beken ? enc.query("AT+CIPSTATUS") : enc.execute("AT+CIPSTATUS")).line);
    return p;
}

OperationPlan ConnectionService::planClose(int linkId) const
{
    if (inPassthrough())
        return OperationPlan::failure(tr("AT commands are not available in passthrough; leave passthrough first"), "links");
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

    const int limit = s.chunkSize > 0 ? qMin(s.chunkSize, chunkLimit()) : chunkLimit();
    const AtEncoder enc(dialect());
    OperationPlan p;
    for (qsizetype pos = 0; pos < data.size(); pos += limit) {
        const QByteArray piece = data.mid(pos, limit);
        QList<AtArg> args;
        if (withId)
            args << AtArg::integer(s.linkId);
        args << AtArg::integer(piece.size());
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
        return OperationPlan::failure(tr("AT commands are not available in passthrough; leave passthrough first"), "links");
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

// ---- running -------------------------------------------------------------------------------

OperationPlan ConnectionService::runPlan(const QString &label, const OperationPlan &plan)
{
    const OperationPlan p = m_runner->start(label, plan, [this, &plan] {
        m_sendTotal = plan.payloadBytes;
        m_sendDone = 0;
    });
    if (!p.ok()) {
        OperationResult r;
        r.ok = false;
        r.label = label;
        r.message = tr("%1: not sent: %2").arg(label, p.error);
        emit finished(r);
    }
    return p;
}

OperationPlan ConnectionService::read()
{
    return runPlan(tr("Read connections"), planRead());
}

OperationPlan ConnectionService::applyMode(const ConnectionModeSettings &s)
{
    return runPlan(tr("Set connection mode"), planMode(s));
}

OperationPlan ConnectionService::open(const LinkOpenSettings &s)
{
    const OperationPlan p = runPlan(tr("Open link"), planOpen(s));
    if (p.ok() && !isUdpType(s.type)) {
        m_pendingKeepAlive = s.keepAlive;
        m_pendingKeepAliveId = (dialect() == Dialect::Beken || effectiveMux() == 1) ? s.linkId : 0;
    }
    return p;
}

OperationPlan ConnectionService::close(int linkId)
{
    return runPlan(linkId == kCloseAll ? tr("Close all links") : tr("Close link %1").arg(linkId), planClose(linkId));
}

OperationPlan ConnectionService::send(const LinkSendSettings &s)
{
    const OperationPlan p = runPlan(tr("Send to link %1").arg(s.linkId), planSend(s));
    if (p.ok())
        emit sendProgress(0, p.payloadBytes);
    return p;
}

OperationPlan ConnectionService::setPsk(const PskSettings &s)
{
    return runPlan(tr("Set TLS PSK"), planPsk(s));
}

OperationPlan ConnectionService::enterPassthrough()
{
    const QList<LinkInfo> links = m_model->links();
    const OperationPlan p = runPlan(tr("Enter passthrough"), planEnterPassthrough());
    if (p.ok())
        m_ptLink = links.isEmpty() ? 0 : links.first().id;
    return p;
}

void ConnectionService::sendRaw(const QByteArray &bytes)
{
    if (!inPassthrough() || bytes.isEmpty() || !m_session)
        return;
    m_session->sendRaw(bytes);
    m_txCount[m_ptLink] += bytes.size();
    emit countersChanged(m_ptLink);
}

void ConnectionService::leavePassthrough()
{
    if (m_session)
        m_session->leavePassthrough();
}

void ConnectionService::cancel()
{
    m_runner->cancel();
}

void ConnectionService::clearReceived(int linkId)
{
    m_rx.remove(linkId);
    emit dataReceived(linkId, QByteArray());
}

void ConnectionService::onCommandDone(const AtResult &r)
{
    if (!r.ok())
        return;
    const QByteArray name = CommandCatalog::commandName(r.command.line).toUpper();
    if (name == "AT+CIPSEND" && !r.command.payload.isEmpty()) {
        const QList<QByteArray> f = AtEncoder::splitParams(r.command.line.mid(r.command.line.indexOf('=') + 1),
                                                           dialect());
        const int id = f.size() >= 2 ? f.first().toInt() : 0;
        m_txCount[id] += r.command.payload.size();
        m_sendDone += r.command.payload.size();
        emit countersChanged(id);
        emit sendProgress(m_sendDone, m_sendTotal);
    } else if (name == "AT+CIPSTART" && m_pendingKeepAliveId >= 0) {
        m_keepAlive.insert(m_pendingKeepAliveId, m_pendingKeepAlive);
        m_pendingKeepAliveId = -1;
    } else if (name == "AT+CIPRECVMODE") {
        const qsizetype eq = r.command.line.indexOf('=');
        if (eq >= 0)
            setReceiveMode(r.command.line.mid(eq + 1).trimmed().toInt());
        for (const QByteArray &l : r.lines) {
            if (l.startsWith("+CIPRECVMODE:"))
                setReceiveMode(l.mid(13).trimmed().toInt());
        }
    } else if (name == "AT+CIPRECVDATA") {
        const QList<QByteArray> f = AtEncoder::splitParams(r.command.line.mid(r.command.line.indexOf('=') + 1),
                                                           dialect());
        const int id = f.size() >= 2 ? f.first().toInt() : 0;
        for (const AtEvent &rec : r.records)
            appendReceived(id, rec.payload);
    } else if (name == "AT+CIPCLOSE") {
        const qsizetype eq = r.command.line.indexOf('=');
        const int id = eq < 0 ? 0 : r.command.line.mid(eq + 1).trimmed().toInt();
        if (id == kCloseAll)
            m_keepAlive.clear();
        else
            m_keepAlive.remove(id);
    }
}

void ConnectionService::onUrc(const AtEvent &e)
{
    if (e.name == "+IPD") {
        if (e.payload.isEmpty()) {
            // Passive mode: the data waits in the module; fetch it when the runner is free.
            if (e.length > 0) {
                m_toFetch[e.link < 0 ? 0 : e.link] = e.length;
                scheduleFetch();
            }
            return;
        }
        appendReceived(e.link < 0 ? 0 : e.link, e.payload);
    } else if (e.name == "CLOSED") {
        m_keepAlive.remove(e.link < 0 ? 0 : e.link);
    }
}

void ConnectionService::setReceiveMode(int mode)
{
    if (mode == m_recvMode)
        return;
    m_recvMode = mode;
    emit receiveModeChanged(mode);
}

void ConnectionService::scheduleFetch()
{
    if (m_toFetch.isEmpty() || m_runner->isBusy() || inPassthrough())
        return;
    const AtEncoder enc(dialect());
    const bool withId = effectiveMux() == 1;
    QList<AtCommand> commands;
    QList<int> ids = m_toFetch.keys();
    std::sort(ids.begin(), ids.end());
    for (int id : ids) {
        QList<AtArg> args;
        if (withId)
            args << AtArg::integer(id);
        args << AtArg::integer(m_toFetch.value(id));
        const EncodeResult r = enc.set("AT+CIPRECVDATA", args);
        if (r.ok())
            commands << command(r.line);
    }
    m_toFetch.clear();
    if (commands.isEmpty())
        return;
    m_sendTotal = 0;
    m_sendDone = 0;
    m_fetching = m_runner->run(tr("Fetch received data"), commands);
}

void ConnectionService::appendReceived(int linkId, const QByteArray &bytes)
{
    QByteArray &buf = m_rx[linkId];
    buf += bytes;
    if (buf.size() > kMaxBufferBytes)
        buf.remove(0, buf.size() - kMaxBufferBytes);
    m_rxCount[linkId] += bytes.size();
    emit dataReceived(linkId, bytes);
    emit countersChanged(linkId);
}

} // namespace atb
