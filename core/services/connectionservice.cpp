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
        if (!m_toFetch.isEmpty() || unknownLinks())
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
    connect(session, &DeviceSession::commandFinished, this, &ConnectionService::onAnyCommandFinished);
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
        if (s == DeviceSession::State::Disconnected)
            forgetModuleState();
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

OperationPlan ConnectionService::readPsk()
{
    return runPlan(tr("Read the TLS PSK"), planReadPsk());
}

OperationPlan ConnectionService::applyServer(const ServerSettings &s)
{
    return runPlan(s.enabled ? tr("Start the server") : tr("Delete the server"), planServer(s));
}

OperationPlan ConnectionService::readServer()
{
    return runPlan(tr("Read the server"), planReadServer());
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
    } else if (e.name == "CONNECT") {
        // A client of the module's server (or a link opened elsewhere): its type and peer come
        // from a status read once the module is free.
        scheduleFetch();
    } else if (e.name == "CLOSED") {
        m_keepAlive.remove(e.link < 0 ? 0 : e.link);
    } else if (e.text.trimmed() == "ready") {
        forgetModuleState();
    }
}

void ConnectionService::setReceiveMode(int mode)
{
    if (mode == m_recvMode)
        return;
    m_recvMode = mode;
    emit receiveModeChanged(mode);
}

bool ConnectionService::unknownLinks() const
{
    const QList<LinkInfo> links = m_model->links();
    return std::any_of(links.begin(), links.end(), [](const LinkInfo &l) { return l.type.isEmpty(); });
}

void ConnectionService::scheduleFetch()
{
    if ((m_toFetch.isEmpty() && !unknownLinks()) || m_runner->isBusy() || inPassthrough())
        return;
    const AtEncoder enc(dialect());
    if (m_toFetch.isEmpty()) {
        // Links known only from CONNECT: read the status (quietly, like a fetch).
        const EncodeResult status
            = dialect() == Dialect::Beken ? enc.query("AT+CIPSTATUS") : enc.execute("AT+CIPSTATUS");
        m_sendTotal = 0;
        m_sendDone = 0;
        m_fetching = m_runner->run(tr("Read the link status"), { command(status.line) });
        return;
    }
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
