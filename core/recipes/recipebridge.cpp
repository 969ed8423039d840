#include "recipebridge.h"

#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "protocol/errordecoder.h"
#include "runcontrol.h"
#include "services/commandrunner.h"
#include "services/connectionservice.h"
#include "services/mqttservice.h"
#include "services/wifiservice.h"

#include <QDateTime>
#include <QMetaMethod>
#include <QVariantList>

namespace atb {

bool LineMatcher::matches(const QString &subject, QStringList *groups) const
{
    if (!regex.pattern().isEmpty() && regex.isValid()) {
        const QRegularExpressionMatch m = regex.match(subject);
        if (!m.hasMatch())
            return false;
        if (groups)
            *groups = m.capturedTexts();
        return true;
    }
    if (!subject.contains(substring))
        return false;
    if (groups)
        *groups = QStringList { substring };
    return true;
}

QString LineMatcher::describe() const
{
    if (!regex.pattern().isEmpty())
        return QLatin1Char('/') + regex.pattern() + QLatin1Char('/');
    return QLatin1Char('"') + substring + QLatin1Char('"');
}

QString RecipeBridge::Line::subject() const
{
    if (payload.isEmpty())
        return QString::fromUtf8(text);
    return QString::fromUtf8(text) + QLatin1Char(':') + QString::fromUtf8(payload);
}

RecipeBridge::RecipeBridge(const RecipeServices &services, QObject *parent)
    : QObject(parent), m_services(services)
{
}

RecipeBridge::~RecipeBridge()
{
    end();
}

void RecipeBridge::post(std::function<void(RecipeBridge &)> job)
{
    // As DeviceSession does: the job waits in an inbox under a std::mutex (visible to
    // ThreadSanitizer) and a queued call without arguments runs the oldest one here.
    {
        std::lock_guard<std::mutex> lock(m_postMutex);
        m_posted.push_back(std::move(job));
    }
    static const QMetaMethod runPosted = staticMetaObject.method(staticMetaObject.indexOfMethod("runPosted()"));
    runPosted.invoke(this, Qt::QueuedConnection);
}

void RecipeBridge::runPosted()
{
    std::function<void(RecipeBridge &)> job;
    {
        std::lock_guard<std::mutex> lock(m_postMutex);
        if (m_posted.empty())
            return;
        job = std::move(m_posted.front());
        m_posted.pop_front();
    }
    job(*this);
}

void RecipeBridge::fulfil(quint64 req, const QVariant &value)
{
    m_cleanup.remove(req);
    if (m_control)
        m_control->fulfil(req, value);
}

QVariantMap RecipeBridge::failure(const QString &message)
{
    return { { QStringLiteral("ok"), false }, { QStringLiteral("message"), message } };
}

void RecipeBridge::begin(std::shared_ptr<RunControl> control)
{
    end();
    m_control = std::move(control);
    m_active = true;
    m_lines.clear();
    m_cursor = m_nextSeq;
    m_linkData.clear();
    m_messages.clear();
    DeviceSession *s = m_services.session;
    if (!s)
        return;
    m_connections << connect(s, &DeviceSession::commandFinished, this, &RecipeBridge::onFinished);
    m_connections << connect(s, &DeviceSession::promptReceived, this, &RecipeBridge::onPrompt);
    m_connections << connect(s, &DeviceSession::urcReceived, this, [this](const AtEvent &e) {
        Line l;
        l.kind = QStringLiteral("urc");
        l.text = e.text;
        l.name = e.name;
        l.payload = e.payload;
        l.topic = e.topic;
        l.link = e.link;
        keep(l);
    });
    m_connections << connect(s, &DeviceSession::rawDataReceived, this, [this](const QByteArray &bytes) {
        Line l;
        l.kind = QStringLiteral("raw");
        l.text = bytes;
        keep(l);
    });
    if (m_services.connections)
        m_connections << connect(m_services.connections, &ConnectionService::dataReceived, this, &RecipeBridge::onLinkData);
    if (m_services.mqtt)
        m_connections << connect(m_services.mqtt, &MqttService::messageReceived, this, &RecipeBridge::onMqttMessage);
}

void RecipeBridge::end()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    // What the run left behind: commands still queued, operations, PC peers, open questions.
    const auto cleanups = m_cleanup;
    m_cleanup.clear();
    for (const auto &f : cleanups)
        f();
    // cancel() may finish the command at once, and the result handler erases it from
    // m_commands: walk a copy of the ids, never the hash itself (ASan saw the erase overflow).
    if (m_services.session)
        for (quint64 id : m_commands.keys())
            m_services.session->cancel(id);
    m_commands.clear();
    for (const QPointer<QObject> &p : std::as_const(m_peers))
        delete p.data();
    m_peers.clear();
    for (quint64 req : std::as_const(m_asks))
        emit askClosed(req);
    m_asks.clear();
    m_waiters.clear();
    m_active = false;
}

void RecipeBridge::abandon(quint64 req)
{
    if (const auto f = m_cleanup.take(req))
        f();
    // As in end(): cancel() may erase the command from m_commands on the spot.
    for (quint64 id : m_commands.keys(req)) {
        if (m_services.session)
            m_services.session->cancel(id);
        m_commands.remove(id);
    }
    m_waiters.removeIf([req](const Waiter &w) { return w.req == req; });
    if (m_asks.removeOne(req))
        emit askClosed(req);
}

// ---- commands -------------------------------------------------------------------------------

QVariantMap RecipeBridge::resultMap(const AtResult &r)
{
    static const char *const kStatus[] = { "ok", "error", "busy", "timeout", "cancelled", "disconnected", "refused" };
    QVariantList lines;
    QStringList text;
    for (const QByteArray &l : r.lines) {
        lines << QString::fromUtf8(l);
        text << QString::fromUtf8(l);
    }
    QVariantList codes;
    for (quint32 c : r.errCodes)
        codes << QStringLiteral("0x%1").arg(c, 8, 16, QLatin1Char('0'));
    return { { QStringLiteral("ok"), r.ok() },
             { QStringLiteral("status"), QString::fromLatin1(kStatus[int(r.status)]) },
             { QStringLiteral("final"), QString::fromUtf8(r.finalText) },
             { QStringLiteral("lines"), lines },
             { QStringLiteral("text"), text.join(QLatin1Char('\n')) },
             { QStringLiteral("errCodes"), codes },
             { QStringLiteral("error"), r.ok() ? QString() : CommandRunner::describe(r) },
             { QStringLiteral("ms"), double(r.elapsedUs) / 1000.0 },
             { QStringLiteral("attempts"), r.attempts },
             { QStringLiteral("prompt"), false } };
}

void RecipeBridge::command(quint64 req, const AtCommand &command)
{
    if (!m_services.session) {
        fulfil(req, failure(tr("No module session.")));
        return;
    }
    const quint64 id = m_services.session->submit(command);
    m_commands.insert(id, req);
}

void RecipeBridge::payload(quint64 req, quint64 commandId, const QByteArray &bytes)
{
    if (!m_commands.contains(commandId) || !m_services.session) {
        fulfil(req, failure(tr("The command that asked for data has ended; nothing was sent.")));
        return;
    }
    m_commands.insert(commandId, req);
    m_services.session->providePayload(commandId, bytes);
}

void RecipeBridge::raw(quint64 req, const QByteArray &bytes)
{
    if (!m_services.session || m_services.session->state() != DeviceSession::State::Passthrough) {
        fulfil(req, failure(tr("Nothing waits for data: use at() with a command that has a data phase "
                               "(AT+CIPSEND=...), or enter passthrough, first.")));
        return;
    }
    m_services.session->sendRaw(bytes);
    fulfil(req, QVariantMap { { QStringLiteral("ok"), true }, { QStringLiteral("bytes"), bytes.size() } });
}

void RecipeBridge::onFinished(const AtResult &r)
{
    if (m_active) {
        // Every reply line and final goes to the expect() buffer, whoever sent the command.
        for (const QByteArray &text : r.lines) {
            Line l;
            l.kind = QStringLiteral("line");
            l.text = text;
            keep(l);
        }
        if (!r.finalText.isEmpty()) {
            Line l;
            l.kind = QStringLiteral("final");
            l.text = r.finalText;
            keep(l);
        }
    }
    const auto it = m_commands.find(r.id);
    if (it == m_commands.end())
        return;
    const quint64 req = it.value();
    m_commands.erase(it);
    fulfil(req, resultMap(r));
}

void RecipeBridge::onPrompt(quint64 id, qint64 expectedLength)
{
    const auto it = m_commands.constFind(id);
    if (it == m_commands.cend())
        return;
    // at() of a data-phase command without data returns here; send() supplies the payload.
    fulfil(it.value(), QVariantMap { { QStringLiteral("ok"), true },
                                     { QStringLiteral("status"), QStringLiteral("prompt") },
                                     { QStringLiteral("prompt"), true },
                                     { QStringLiteral("length"), expectedLength },
                                     { QStringLiteral("commandId"), id } });
}

// ---- lines for expect() ---------------------------------------------------------------------

void RecipeBridge::keep(Line line)
{
    line.seq = m_nextSeq++;
    line.timeMs = QDateTime::currentMSecsSinceEpoch();
    m_lines.push_back(line);
    while (m_lines.size() > kMaxLines)
        m_lines.pop_front();
    offer();
}

void RecipeBridge::takeOrWait(quint64 req, const std::function<bool(QVariantMap *)> &take)
{
    QVariantMap out;
    if (take(&out)) {
        fulfil(req, out);
        return;
    }
    m_waiters << Waiter { req, take };
}

void RecipeBridge::offer()
{
    // One arrival answers one waiter (there is one script thread, so one waiter at a time).
    for (int i = 0; i < m_waiters.size(); ++i) {
        QVariantMap out;
        if (m_waiters[i].take(&out)) {
            fulfil(m_waiters.takeAt(i).req, out);
            return;
        }
    }
}

QVariantMap RecipeBridge::lineMap(const Line &l, const QStringList &groups) const
{
    QVariantMap m { { QStringLiteral("kind"), l.kind },
                    { QStringLiteral("text"), QString::fromUtf8(l.text) },
                    { QStringLiteral("name"), QString::fromUtf8(l.name) },
                    { QStringLiteral("link"), l.link },
                    { QStringLiteral("time"), l.timeMs },
                    { QStringLiteral("match"), groups } };
    if (!l.payload.isEmpty() || l.name == "+IPD" || l.name == "+MQTTSUBRECV") {
        m.insert(QStringLiteral("payload"), QString::fromUtf8(l.payload));
        m.insert(QStringLiteral("payloadHex"), QString::fromLatin1(l.payload.toHex()));
    }
    if (!l.topic.isEmpty())
        m.insert(QStringLiteral("topic"), QString::fromUtf8(l.topic));
    return m;
}

bool RecipeBridge::findLine(const LineMatcher &m, QVariantMap *found)
{
    for (const Line &l : m_lines) {
        if (l.seq < m_cursor)
            continue;
        QStringList groups;
        if (m.matches(l.subject(), &groups)) {
            m_cursor = l.seq + 1;
            *found = lineMap(l, groups);
            return true;
        }
    }
    return false;
}

void RecipeBridge::expect(quint64 req, const LineMatcher &matcher)
{
    takeOrWait(req, [this, matcher](QVariantMap *out) { return findLine(matcher, out); });
}

void RecipeBridge::discard(quint64 req)
{
    m_cursor = m_nextSeq;
    m_linkData.clear();
    m_messages.clear();
    fulfil(req, true);
}

// ---- ask, model ----------------------------------------------------------------------------

void RecipeBridge::ask(quint64 req, const QString &question, const QStringList &choices)
{
    m_asks << req;
    emit askRequested(req, question, choices);
}

void RecipeBridge::answer(quint64 req, const QString &text)
{
    if (!m_asks.removeOne(req))
        return;
    fulfil(req, text);
}

void RecipeBridge::snapshot(quint64 req)
{
    QVariantMap m;
    DeviceSession *s = m_services.session;
    static const char *const kStates[] = { "disconnected", "connecting", "connected", "passthrough" };
    m.insert(QStringLiteral("state"), s ? QString::fromLatin1(kStates[int(s->state())]) : QStringLiteral("disconnected"));
    m.insert(QStringLiteral("connected"), s && s->state() != DeviceSession::State::Disconnected
                                              && s->state() != DeviceSession::State::Connecting);
    m.insert(QStringLiteral("port"), s ? s->linkName() : QString());
    if (const DeviceModel *d = m_services.model) {
        m.insert(QStringLiteral("dialect"), d->dialect() == Dialect::Beken ? QStringLiteral("beken") : QStringLiteral("esp"));
        m.insert(QStringLiteral("firmware"), d->firmware());
        // atbench-sim and the GUI's built-in module say so in AT+GMR: "Bin version:2.4.0(SIM)".
        m.insert(QStringLiteral("simulated"), d->firmware().join(QLatin1Char('\n')).contains(QLatin1String("(SIM)")));
        m.insert(QStringLiteral("cipMux"), d->cipMux());
        m.insert(QStringLiteral("cipMode"), d->cipMode());
        const WifiState w = d->wifi();
        QVariantMap wifi { { QStringLiteral("connected"), w.connected }, { QStringLiteral("gotIp"), w.gotIp },
                           { QStringLiteral("ssid"), w.ssid },           { QStringLiteral("ip"), w.ip },
                           { QStringLiteral("mac"), w.mac },             { QStringLiteral("rssi"), w.rssi },
                           { QStringLiteral("lastJoinError"), w.lastJoinError } };
        if (const WifiService *ws = m_services.wifi) {
            const WifiInfo i = ws->info();
            wifi.insert(QStringLiteral("mode"), i.mode);
            wifi.insert(QStringLiteral("gateway"), i.gateway);
            wifi.insert(QStringLiteral("netmask"), i.netmask);
            wifi.insert(QStringLiteral("bssid"), i.bssid);
            wifi.insert(QStringLiteral("channel"), i.channel);
            wifi.insert(QStringLiteral("lastJoinFailure"), ws->lastJoinFailure());
        }
        m.insert(QStringLiteral("wifi"), wifi);
        QVariantList links;
        for (const LinkInfo &l : d->links())
            links << QVariantMap { { QStringLiteral("id"), l.id },
                                   { QStringLiteral("type"), l.type },
                                   { QStringLiteral("remoteHost"), l.remoteHost },
                                   { QStringLiteral("remotePort"), l.remotePort },
                                   { QStringLiteral("localPort"), l.localPort },
                                   { QStringLiteral("server"), l.server } };
        m.insert(QStringLiteral("links"), links);
        const MqttState q = d->mqtt();
        QVariantList subs;
        for (const MqttSubscription &sub : q.subscriptions)
            subs << QVariantMap { { QStringLiteral("topic"), sub.topic }, { QStringLiteral("qos"), sub.qos } };
        m.insert(QStringLiteral("mqtt"), QVariantMap { { QStringLiteral("state"), q.state },
                                                       { QStringLiteral("stateText"), MqttState::stateText(q.state) },
                                                       { QStringLiteral("connected"), q.state >= 4 },
                                                       { QStringLiteral("host"), q.host },
                                                       { QStringLiteral("port"), q.port },
                                                       { QStringLiteral("clientId"), q.clientId },
                                                       { QStringLiteral("subscriptions"), subs } });
        const DnsState dns = d->dns();
        m.insert(QStringLiteral("dns"), QVariantMap { { QStringLiteral("known"), dns.known },
                                                      { QStringLiteral("manual"), dns.manual },
                                                      { QStringLiteral("servers"), dns.servers } });
        const SntpState sntp = d->sntp();
        m.insert(QStringLiteral("sntp"), QVariantMap { { QStringLiteral("known"), sntp.known },
                                                       { QStringLiteral("enabled"), sntp.enabled },
                                                       { QStringLiteral("timezone"), sntp.timezone },
                                                       { QStringLiteral("servers"), sntp.servers },
                                                       { QStringLiteral("moduleTime"), sntp.moduleTime } });
    }
    fulfil(req, m);
}

} // namespace atb
