#include "loopcheck.h"

#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "services/commandrunner.h"
#include "services/mqttservice.h"
#include "stats/steadyclock.h"


#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace atb {

namespace {

constexpr qint64 kMs = 1000000; // ns
constexpr int kPrepareTimeoutMs = 10000;
constexpr quint32 kDoneWindow = 100000; // sequence numbers remembered for duplicates

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    const size_t i = size_t(std::min<double>(double(v.size() - 1), std::floor(p * double(v.size() - 1) + 0.5)));
    std::nth_element(v.begin(), v.begin() + qptrdiff(i), v.end());
    return v[i];
}

} // namespace

// ---- the run ------------------------------------------------------------------------------------

LoopCheck::LoopCheck(DeviceSession *session, MqttService *mqtt, BrokerClient *client, DeviceModel *model,
                     QObject *parent)
    : QObject(parent), m_session(session), m_mqtt(mqtt), m_client(client), m_model(model)
{
    qRegisterMetaType<atb::LoopEvent>();
    m_ticker.setTimerType(Qt::PreciseTimer);
    connect(&m_ticker, &QTimer::timeout, this, &LoopCheck::tick);
    m_statsTimer.setSingleShot(true);
    m_statsTimer.setInterval(100);
    connect(&m_statsTimer, &QTimer::timeout, this, [this] {
        m_statsDirty = false;
        emit statsChanged();
    });
    connect(session, &DeviceSession::commandFinished, this, &LoopCheck::onCommandFinished);
    connect(mqtt, &MqttService::messageReceived, this, &LoopCheck::onModuleMessage);
    connect(client, &BrokerClient::messagesReceived, this, &LoopCheck::onAppMessages);
    connect(client, &BrokerClient::published, this, &LoopCheck::onAppPublished);
    connect(client, &BrokerClient::subscribed, this, [this](const QString &filter, int, bool ok) {
        if (m_phase != Phase::Preparing || filter != upTopic())
            return;
        if (!ok) {
            m_verdict = tr("The broker refused the app's subscription to %1.").arg(filter);
            emit problem(m_verdict);
            finish();
            return;
        }
        m_appSubscribed = true;
        prepare();
    });
}

void LoopCheck::setPhase(Phase p)
{
    if (p == m_phase)
        return;
    m_phase = p;
    emit phaseChanged(p);
}

bool LoopCheck::start(const LoopSettings &settings, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (isActive())
        return fail(tr("A loop run is already under way."));
    const QString bad = settings.validate();
    if (!bad.isEmpty())
        return fail(bad);
    if (!m_session || !m_mqtt || !m_client)
        return fail(tr("Nothing to run the loop with."));
    if (m_session->state() != DeviceSession::State::Connected)
        return fail(tr("Connect to the module first."));
    if (!m_client->isConnected())
        return fail(tr("Connect the app's MQTT client to the broker first."));
    if (m_model && m_model->mqtt().state < 4)
        return fail(tr("The module's MQTT client is not connected to a broker (state %1): connect it first.")
                        .arg(m_model->mqtt().state));
    m_settings = settings;
    m_run = quint16(QRandomGenerator::global()->bounded(0x10000));
    m_up = Direction();
    m_down = Direction();
    m_commandSeq.clear();
    m_publishSeq.clear();
    m_verdict.clear();
    m_brokerProblem.clear();
    m_brokerGoneSinceNs = 0;
    m_stopSendingNs = 0;
    m_appSubscribed = !settings.moduleToApp;
    m_moduleSubscribed = !settings.appToModule;
    m_subscribeId = 0;
    m_resubscribed = false;
    setPhase(Phase::Preparing);
    if (settings.moduleToApp)
        m_client->subscribe(upTopic(), settings.qos);
    if (settings.appToModule) {
        const OperationPlan plan = m_mqtt->planSubscribe(downTopic(), settings.qos);
        if (!plan.ok() || plan.isEmpty()) {
            setPhase(Phase::Idle);
            return fail(plan.error);
        }
        m_subscribeId = m_session->submit(plan.commands.first());
    }
    QTimer::singleShot(kPrepareTimeoutMs, this, [this, run = m_run] {
        if (m_phase == Phase::Preparing && m_run == run) {
            m_verdict = tr("The subscriptions were not confirmed within %1 s.").arg(kPrepareTimeoutMs / 1000);
            emit problem(m_verdict);
            finish();
        }
    });
    prepare();
    return true;
}

void LoopCheck::prepare()
{
    if (m_phase != Phase::Preparing || !m_appSubscribed || !m_moduleSubscribed)
        return;
    m_startNs = steadyClockNs();
    m_clock.start();
    setPhase(Phase::Running);
    m_ticker.start(qBound(2, int(500 / m_settings.rate), 20));
    tick();
}

void LoopCheck::stop()
{
    if (m_phase == Phase::Preparing) {
        finish();
    } else if (m_phase == Phase::Running) {
        m_stopSendingNs = steadyClockNs();
        setPhase(Phase::Draining);
    }
}

void LoopCheck::abort()
{
    if (isActive())
        finish();
}

void LoopCheck::tick()
{
    const qint64 now = steadyClockNs();
    if (m_phase == Phase::Running) {
        const double elapsed = double(now - m_startNs) / 1e9;
        qint64 due = qint64(std::floor(elapsed * m_settings.rate)) + 1;
        if (m_settings.count > 0)
            due = qMin<qint64>(due, m_settings.count);
        if (m_settings.moduleToApp)
            while (qint64(m_up.nextSeq) < due && m_commandSeq.size() < kMaxOutstanding)
                sendModuleToApp();
        if (m_settings.appToModule)
            while (qint64(m_down.nextSeq) < due && m_phase == Phase::Running)
                sendAppToModule();
        const bool upDone = !m_settings.moduleToApp || qint64(m_up.nextSeq) >= m_settings.count;
        const bool downDone = !m_settings.appToModule || qint64(m_down.nextSeq) >= m_settings.count;
        if (m_settings.count > 0 && upDone && downDone && m_phase == Phase::Running) {
            m_stopSendingNs = now;
            setPhase(Phase::Draining);
        }
    }
    expire(now, false);
    checkBrokers(now);
    if (m_phase == Phase::Draining && allDone())
        finish();
}

void LoopCheck::sendModuleToApp()
{
    const quint32 seq = m_up.nextSeq++;
    MqttPublishSettings pub;
    pub.topic = upTopic();
    pub.payload = makePayload(true, m_run, seq, m_settings.size, m_settings.content);
    pub.qos = m_settings.qos;
    pub.raw = m_settings.rawAlways;
    OperationPlan plan = m_mqtt->planPublish(pub);
    if (!plan.ok() && !pub.raw) {
        pub.raw = true; // CR, LF, NUL or a line too long for a quoted string: exact bytes after '>'
        plan = m_mqtt->planPublish(pub);
    }
    const qint64 now = steadyClockNs();
    Pending &p = m_up.pending[seq];
    p.payload = pub.payload;
    p.deadlineNs = now + qint64(m_settings.lossTimeoutMs) * kMs;
    ++m_up.stats.sent;
    LoopEvent e;
    e.moduleToApp = true;
    e.seq = seq;
    e.topic = pub.topic;
    e.payload = pub.payload;
    emit event(e);
    if (!plan.ok() || plan.isEmpty()) {
        giveUp(m_up, true, seq, LoopEvent::Kind::Failed, plan.error);
        return;
    }
    m_commandSeq.insert(m_session->submit(plan.commands.first()), seq);
    notifyStats();
}

void LoopCheck::sendAppToModule()
{
    const quint32 seq = m_down.nextSeq++;
    const QByteArray payload = makePayload(false, m_run, seq, m_settings.size, m_settings.content);
    Pending &p = m_down.pending[seq];
    p.payload = payload;
    ++m_down.stats.sent;
    LoopEvent e;
    e.moduleToApp = false;
    e.seq = seq;
    e.topic = downTopic();
    e.payload = payload;
    emit event(e);
    QString error;
    p.sentNs = steadyClockNs();
    p.deadlineNs = p.sentNs + qint64(m_settings.lossTimeoutMs) * kMs;
    const int token = m_client->publish(downTopic(), payload, m_settings.qos, false, &error);
    if (token == 0) {
        giveUp(m_down, false, seq, LoopEvent::Kind::Failed, error);
        return;
    }
    m_publishSeq.insert(token, seq);
    notifyStats();
}

void LoopCheck::onAppPublished(int token, bool ok, const QString &error)
{
    const auto it = m_publishSeq.constFind(token);
    if (it == m_publishSeq.cend())
        return;
    const quint32 seq = it.value();
    m_publishSeq.erase(it);
    const auto p = m_down.pending.find(seq);
    if (!ok && p != m_down.pending.end() && !p->second.arrived)
        giveUp(m_down, false, seq, LoopEvent::Kind::Failed, error);
}

void LoopCheck::onCommandFinished(const AtResult &r)
{
    if (r.id == 0)
        return;
    if (r.id == m_subscribeId) {
        m_subscribeId = 0;
        if (m_phase != Phase::Preparing)
            return;
        if (!r.ok()) {
            m_verdict = tr("The module could not subscribe to %1: %2").arg(downTopic(), CommandRunner::describe(r));
            emit problem(m_verdict);
            finish();
            return;
        }
        if (!m_resubscribed && r.lines.contains(QByteArray("ALREADY SUBSCRIBE"))) {
            // The module lists the topic from before (a connection that was lost keeps the list),
            // but its broker may not know it: unsubscribe and subscribe again.
            m_resubscribed = true;
            const OperationPlan unsub = m_mqtt->planUnsubscribe(downTopic());
            const OperationPlan sub = m_mqtt->planSubscribe(downTopic(), m_settings.qos);
            if (unsub.ok() && sub.ok() && !unsub.isEmpty() && !sub.isEmpty()) {
                m_session->submit(unsub.commands.first());
                m_subscribeId = m_session->submit(sub.commands.first());
                return;
            }
        }
        m_moduleSubscribed = true;
        prepare();
        return;
    }
    const auto it = m_commandSeq.constFind(r.id);
    if (it == m_commandSeq.cend())
        return;
    const quint32 seq = it.value();
    m_commandSeq.erase(it);
    const auto found = m_up.pending.find(seq);
    if (found == m_up.pending.end())
        return;
    Pending &p = found->second;
    p.sentNs = r.sentNs ? r.sentNs : steadyClockNs();
    p.deadlineNs = p.sentNs + qint64(m_settings.lossTimeoutMs) * kMs;
    if (p.arrived)
        complete(m_up, true, seq, p); // arrived before the module's OK: the broker was quicker
    else if (!r.ok())
        giveUp(m_up, true, seq, LoopEvent::Kind::Failed, CommandRunner::describe(r));
    if (m_phase == Phase::Running)
        tick(); // the queue has room again
}

void LoopCheck::onAppMessages(const QList<BrokerMessage> &messages)
{
    if (!isActive() || !m_settings.moduleToApp)
        return;
    const QString topic = upTopic();
    for (const BrokerMessage &m : messages)
        if (m.topic == topic)
            arrived(m_up, true, m.topic, m.payload, m.arrivedNs);
}

void LoopCheck::onModuleMessage(const MqttMessage &m)
{
    if (isActive() && m_settings.appToModule && m.topic == downTopic())
        arrived(m_down, false, m.topic, m.payload, m.receivedNs ? m.receivedNs : steadyClockNs());
}

void LoopCheck::arrived(Direction &d, bool moduleToApp, const QString &topic, const QByteArray &payload, qint64 arrivedNs)
{
    bool up = false;
    quint16 run = 0;
    quint32 seq = 0;
    LoopEvent e;
    e.moduleToApp = moduleToApp;
    e.topic = topic;
    e.payload = payload;
    if (!parseHeader(payload, &up, &run, &seq) || up != moduleToApp) {
        ++d.stats.corrupted;
        e.kind = LoopEvent::Kind::Corrupted;
        e.note = tr("no loop header");
        emit event(e);
        notifyStats();
        return;
    }
    if (run != m_run)
        return; // an earlier run's message, still on its way
    e.seq = seq;
    const auto found = d.pending.find(seq);
    if (found == d.pending.end() || found->second.arrived) {
        const auto done = d.done.constFind(seq);
        const bool known = found != d.pending.end() || done != d.done.cend()
            || (d.nextSeq > kDoneWindow && seq < d.nextSeq - kDoneWindow);
        if (done != d.done.cend() && !done.value()) {
            ++d.stats.late; // given up on already: stays lost
            e.kind = LoopEvent::Kind::Lost;
            e.note = tr("arrived after the loss timeout");
        } else if (known) {
            ++d.stats.duplicated;
            e.kind = LoopEvent::Kind::Duplicate;
        } else {
            ++d.stats.corrupted;
            e.kind = LoopEvent::Kind::Corrupted;
            e.note = tr("sequence number %1 was never sent").arg(seq);
        }
        emit event(e);
        notifyStats();
        return;
    }
    Pending &p = found->second;
    if (payload != p.payload) {
        ++d.stats.corrupted;
        e.kind = LoopEvent::Kind::Corrupted;
        e.note = difference(p.payload, payload);
        d.done.insert(seq, false);
        d.pending.erase(found);
        emit event(e);
        notifyStats();
        return;
    }
    if (d.anyArrived && seq < d.highestArrived)
        ++d.stats.outOfOrder;
    d.highestArrived = d.anyArrived ? qMax(d.highestArrived, seq) : seq;
    d.anyArrived = true;
    p.arrived = true;
    p.arrivedNs = arrivedNs;
    p.handledNs = steadyClockNs();
    if (p.sentNs)
        complete(d, moduleToApp, seq, p);
}

void LoopCheck::complete(Direction &d, bool moduleToApp, quint32 seq, Pending &p)
{
    // The sent moment of a module command is an estimate from the nominal rate: never below 0.
    const double latency = qMax(0.0, double(p.arrivedNs - p.sentNs) / 1e6);
    const double share = qMax(0.0, double(p.handledNs - p.arrivedNs) / 1e6);
    LoopDirectionStats &s = d.stats;
    ++s.received;
    if (p.arrivedNs < p.sentNs)
        ++s.early;
    s.bytes += p.payload.size();
    s.latencyLastMs = latency;
    s.latencyMinMs = s.latencyMinMs < 0 ? latency : qMin(s.latencyMinMs, latency);
    s.latencyMaxMs = qMax(s.latencyMaxMs, latency);
    s.appMaxMs = qMax(s.appMaxMs, share);
    d.latencies.push_back(latency);
    d.appShares.push_back(share);
    if (d.latencies.size() > size_t(kLatencySamples)) {
        d.latencies.pop_front();
        d.appShares.pop_front();
    }
    LoopEvent e;
    e.moduleToApp = moduleToApp;
    e.kind = LoopEvent::Kind::Received;
    e.seq = seq;
    e.topic = moduleToApp ? upTopic() : downTopic();
    e.payload = p.payload;
    e.latencyMs = latency;
    d.done.insert(seq, true);
    d.pending.erase(seq);
    if (d.done.size() > int(2 * kDoneWindow) && d.nextSeq > kDoneWindow) {
        const quint32 floor = d.nextSeq - kDoneWindow;
        for (auto it = d.done.begin(); it != d.done.end();)
            it = it.key() < floor ? d.done.erase(it) : std::next(it);
    }
    emit event(e);
    notifyStats();
}

void LoopCheck::giveUp(Direction &d, bool moduleToApp, quint32 seq, LoopEvent::Kind kind, const QString &note)
{
    const auto found = d.pending.find(seq);
    if (found == d.pending.end())
        return;
    LoopEvent e;
    e.moduleToApp = moduleToApp;
    e.kind = kind;
    e.seq = seq;
    e.topic = moduleToApp ? upTopic() : downTopic();
    e.payload = found->second.payload;
    e.note = note;
    ++d.stats.lost;
    if (kind == LoopEvent::Kind::Failed)
        ++d.stats.failed;
    d.done.insert(seq, false);
    d.pending.erase(found);
    emit event(e);
    notifyStats();
}

void LoopCheck::expire(qint64 now, bool all)
{
    for (Direction *d : { &m_up, &m_down }) {
        const bool up = d == &m_up;
        std::vector<quint32> late;
        for (const auto &[seq, p] : d->pending) {
            // A message that arrived waits for its command's result (which has its own timeout).
            if (all || (!p.arrived && p.deadlineNs < now))
                late.push_back(seq);
        }
        for (quint32 seq : late)
            giveUp(*d, up, seq, LoopEvent::Kind::Lost,
                   all && !m_brokerProblem.isEmpty()
                       ? m_brokerProblem
                       : tr("not back within %1 s").arg(m_settings.lossTimeoutMs / 1000.0, 0, 'g', 3));
    }
}

void LoopCheck::checkBrokers(qint64 now)
{
    QString gone;
    if (m_client && !m_client->isConnected())
        gone = tr("The broker went away: the app's MQTT client lost its connection.");
    else if (m_model && m_model->mqtt().state < 4)
        gone = tr("The module's MQTT client lost its broker (state %1).").arg(m_model->mqtt().state);
    if (gone.isEmpty()) {
        m_brokerGoneSinceNs = 0;
        return;
    }
    if (m_brokerGoneSinceNs == 0) {
        m_brokerGoneSinceNs = now;
        m_brokerProblem = gone;
        emit problem(gone);
    }
    if (m_settings.brokerLossEndMs > 0 && now - m_brokerGoneSinceNs >= qint64(m_settings.brokerLossEndMs) * kMs)
        finish();
}

bool LoopCheck::allDone() const
{
    return m_up.pending.empty() && m_down.pending.empty();
}

void LoopCheck::finish()
{
    if (m_phase == Phase::Finished || m_phase == Phase::Idle)
        return;
    m_ticker.stop();
    expire(steadyClockNs(), true);
    m_commandSeq.clear();
    m_publishSeq.clear();
    // Leave the broker as it was found: the loop's subscriptions go.
    if (m_settings.moduleToApp && m_client)
        m_client->unsubscribe(upTopic());
    if (m_settings.appToModule && m_session && m_mqtt && (!m_model || m_model->mqtt().state >= 4)) {
        const OperationPlan plan = m_mqtt->planUnsubscribe(downTopic());
        if (plan.ok() && !plan.isEmpty())
            m_session->submit(plan.commands.first());
    }
    const LoopStats s = stats();
    const bool passed = s.passed() && m_verdict.isEmpty();
    if (passed) {
        QStringList notes;
        if (s.moduleToApp.duplicated + s.appToModule.duplicated)
            notes << tr("%n duplicate(s)", nullptr, int(s.moduleToApp.duplicated + s.appToModule.duplicated));
        if (s.moduleToApp.outOfOrder + s.appToModule.outOfOrder)
            notes << tr("%n out of order", nullptr, int(s.moduleToApp.outOfOrder + s.appToModule.outOfOrder));
        m_verdict = tr("pass: every message arrived once, byte for byte") + (notes.isEmpty() ? QString()
                                                                                             : QStringLiteral(" (%1)").arg(notes.join(QLatin1String(", "))));
    } else {
        QStringList why;
        auto add = [&why](const QString &dir, const LoopDirectionStats &d) {
            QStringList parts;
            if (d.lost)
                parts << tr("%1 of %2 lost").arg(d.lost).arg(d.sent);
            if (d.corrupted)
                parts << tr("%n corrupted", nullptr, int(d.corrupted));
            if (!parts.isEmpty())
                why << QStringLiteral("%1: %2").arg(dir, parts.join(QLatin1String(", ")));
        };
        add(tr("module to app"), s.moduleToApp);
        add(tr("app to module"), s.appToModule);
        if (!m_verdict.isEmpty())
            why.prepend(m_verdict);
        else if (!m_brokerProblem.isEmpty())
            why.prepend(m_brokerProblem);
        if (why.isEmpty())
            why << tr("nothing was sent");
        m_verdict = tr("fail: %1").arg(why.join(QLatin1String("; ")));
    }
    setPhase(Phase::Finished);
    m_statsTimer.stop();
    emit statsChanged();
    emit finished(passed, m_verdict);
}

QString LoopCheck::verdictText() const
{
    return m_verdict;
}

void LoopCheck::notifyStats()
{
    if (!m_statsTimer.isActive())
        m_statsTimer.start();
}

LoopDirectionStats LoopCheck::summarise(const Direction &d) const
{
    LoopDirectionStats s = d.stats;
    s.pending = qint64(d.pending.size());
    if (!d.latencies.empty()) {
        const std::vector<double> l(d.latencies.begin(), d.latencies.end());
        s.latencyMedianMs = percentile(l, 0.5);
        s.latencyP99Ms = percentile(l, 0.99);
        s.appMedianMs = percentile(std::vector<double>(d.appShares.begin(), d.appShares.end()), 0.5);
    }
    return s;
}

LoopStats LoopCheck::stats() const
{
    LoopStats s;
    s.moduleToApp = summarise(m_up);
    s.appToModule = summarise(m_down);
    s.elapsedS = m_clock.isValid() ? double(m_clock.elapsed()) / 1000.0 : 0;
    return s;
}

} // namespace atb
