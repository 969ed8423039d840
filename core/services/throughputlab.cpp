// ThroughputLab: run control, streaming through the session and the result. The AT plans live in
// throughputlab_plan.cpp, the PC-side peer in throughputlab_peer.cpp.
#include "throughputlab.h"

#include "engine/devicesession.h"
#include "protocol/atencoder.h"
#include "stats/throughputmeter.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QUdpSocket>
#include <algorithm>

namespace atb {

namespace {
constexpr char kOrigin[] = "throughput";

double percentileOf(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const size_t i = size_t(std::min<double>(double(v.size() - 1), p * double(v.size() - 1) + 0.5));
    return v[i];
}
} // namespace

ThroughputLab::ThroughputLab(DeviceSession *session, QObject *parent)
    : QObject(parent), m_session(session), m_meter(new ThroughputMeter(this)), m_runner(new CommandRunner(session, this))
{
    m_runner->setOrigin(QStringLiteral("throughput"));
    qRegisterMetaType<LabResult>();
    qRegisterMetaType<LabProgress>();
    m_meter->attach(session ? session->traffic() : nullptr);
    m_meter->start();
    connect(m_runner, &CommandRunner::finished, this, [this](const OperationResult &r) {
        if (m_reading) {
            m_reading = false;
            emit busyChanged(false);
            emit statusRead(r);
        } else if (m_phase == Phase::Setup)
            onSetupFinished(r);
        else if (m_phase == Phase::Teardown)
            finish(m_failure.isEmpty(), m_failure.isEmpty() && !r.ok ? r.message : m_failure);
    });
    connect(session, &DeviceSession::commandFinished, this, &ThroughputLab::onCommandFinished);
    connect(session, &DeviceSession::urcReceived, this, &ThroughputLab::onUrc);
    connect(session, &DeviceSession::rawDataReceived, this, &ThroughputLab::onRaw);
    connect(session, &DeviceSession::stateChanged, this,
            [this](DeviceSession::State s) { onStateChanged(int(s)); });
    m_duration.setSingleShot(true);
    connect(&m_duration, &QTimer::timeout, this, &ThroughputLab::endStreaming);
    m_pumpTimer.setInterval(2);
    connect(&m_pumpTimer, &QTimer::timeout, this, [this] {
        if (m_s.mode == LabSettings::Mode::SendPassthrough)
            pump();
        else
            feedSource();
    });
    m_drainTimer.setInterval(20);
    connect(&m_drainTimer, &QTimer::timeout, this, &ThroughputLab::checkDrained);
    m_progressTimer.setInterval(200);
    connect(&m_progressTimer, &QTimer::timeout, this, &ThroughputLab::emitProgress);
}

ThroughputLab::~ThroughputLab()
{
    closePeer();
}


OperationPlan ThroughputLab::start(const LabSettings &settings)
{
    if (isBusy() || m_runner->isBusy() || !m_session)
        return OperationPlan::failure(tr("The lab is busy."));
    OperationPlan pv = planRun(settings);
    m_result = LabResult();
    m_result.settings = settings;
    if (!pv.ok()) {
        m_result.message = pv.error;
        return pv;
    }
    m_s = settings;
    m_failure.clear();
    QString error;
    if (!openPeer(&error)) {
        m_result.message = error;
        return pv.fail(error, "remote_host");
    }
    const QList<AtCommand> setup = planSetup(m_s, m_port).commands;
    for (const AtCommand &c : setup)
        m_result.lines << c.line;
    m_gen.reset();
    m_check.reset();
    m_outstanding.clear();
    m_rttMarks.clear();
    m_rtt.clear();
    m_sent = 0;
    m_firstSentNs = m_lastDeliveredNs = -1;
    m_lastProgressDelivered = -1;
    m_helloPending = false;
    m_clock.start();
    setPhase(Phase::Setup);
    emit busyChanged(true);
    m_progressTimer.start();
    m_runner->run(tr("Throughput lab setup"), setup);
    return pv;
}

void ThroughputLab::stop()
{
    if (m_phase == Phase::Streaming)
        endStreaming();
    else if (m_phase == Phase::Setup)
        m_runner->cancel();
}


OperationPlan ThroughputLab::readStatus()
{
    if (isBusy() || !m_session)
        return OperationPlan::failure(tr("The lab is busy."));
    return m_runner->start(tr("Read connection settings"), planReadStatus(), [this] {
        m_reading = true;
        emit busyChanged(true);
    });
}

void ThroughputLab::setPhase(Phase p)
{
    m_phase = p;
}


void ThroughputLab::onSetupFinished(const OperationResult &r)
{
    if (!r.ok) {
        finish(false, r.cancelled ? tr("Stopped before the module connected") : r.message);
        return;
    }
    if (m_s.passthrough()) {
        setPhase(Phase::Entering);
        m_outstanding << m_session->enterPassthrough();
        return;
    }
    beginStreaming();
}

void ThroughputLab::beginStreaming()
{
    setPhase(Phase::Streaming);
    m_uartTx0 = m_session->txBytes();
    m_uartRx0 = m_session->rxBytes();
    m_duration.start(m_s.durationMs);
    switch (m_s.mode) {
    case LabSettings::Mode::SendNormal:
        m_outstanding << m_session->submit(sendCommand(m_gen.next(m_s.chunkSize)));
        m_outstanding << m_session->submit(sendCommand(m_gen.next(m_s.chunkSize)));
        break;
    case LabSettings::Mode::Echo:
        m_outstanding << m_session->submit(sendCommand(m_gen.next(m_s.chunkSize)));
        break;
    case LabSettings::Mode::SendPassthrough:
        m_pumpTimer.start();
        pump();
        break;
    case LabSettings::Mode::Receive:
    case LabSettings::Mode::ReceivePassthrough:
        m_pumpTimer.start();
        if (m_s.protocol == LabSettings::Protocol::Udp) {
            // A UDP peer learns the module's address from its first datagram.
            m_helloPending = true;
            if (m_s.mode == LabSettings::Mode::Receive) {
                AtCommand c = AtCommand::fromLine(dialect() == Dialect::Esp ? "AT+CIPSEND=1" : "AT+CIPSEND=0,1",
                                                  dialect() == Dialect::Beken);
                c.payload = "!";
                c.origin = QLatin1String(kOrigin);
                m_outstanding << m_session->submit(c);
            } else {
                m_session->sendRaw("!");
            }
        } else {
            m_sourceOn = true;
            feedSource();
        }
        break;
    }
}

AtCommand ThroughputLab::sendCommand(const QByteArray &payload) const
{
    const QByteArray line = dialect() == Dialect::Esp ? "AT+CIPSEND=" + QByteArray::number(payload.size())
                                                      : "AT+CIPSEND=0," + QByteArray::number(payload.size());
    AtCommand c = AtCommand::fromLine(line, dialect() == Dialect::Beken);
    c.payload = payload;
    c.origin = QLatin1String(kOrigin);
    auto *self = const_cast<ThroughputLab *>(this);
    self->m_sent += payload.size();
    const qint64 now = m_clock.nsecsElapsed();
    if (self->m_firstSentNs < 0)
        self->m_firstSentNs = now;
    if (m_s.mode == LabSettings::Mode::Echo)
        self->m_rttMarks.append({ m_sent, now });
    return c;
}

void ThroughputLab::pump()
{
    if (m_phase != Phase::Streaming || m_s.mode != LabSettings::Mode::SendPassthrough || !m_session)
        return;
    const double rate = double(m_s.baud) / 10.0;
    const qint64 window = qMax<qint64>(16384, qint64(rate * 0.2));
    const int chunk = qMax(1, m_s.chunkSize);
    while (m_sent - m_check.received() < window) {
        const QByteArray d = m_gen.next(chunk);
        m_session->sendRaw(d);
        if (m_firstSentNs < 0)
            m_firstSentNs = m_clock.nsecsElapsed();
        m_sent += d.size();
    }
}

void ThroughputLab::onCommandFinished(const AtResult &r)
{
    const qsizetype i = m_outstanding.indexOf(r.id);
    if (i < 0)
        return;
    m_outstanding.removeAt(i);
    if (m_phase == Phase::Entering) {
        if (!r.ok() && m_session->state() != DeviceSession::State::Passthrough) {
            m_failure = CommandRunner::describe(r);
            teardown();
        }
        return;
    }
    if (!r.ok()) {
        if (m_failure.isEmpty())
            m_failure = CommandRunner::describe(r);
        if (m_phase == Phase::Streaming)
            endStreaming();
        else
            checkDrained();
        return;
    }
    if (!r.command.payload.isEmpty() && r.command.payload != "!")
        ++m_result.chunks;
    if (m_phase == Phase::Streaming
        && (m_s.mode == LabSettings::Mode::SendNormal || m_s.mode == LabSettings::Mode::Echo))
        m_outstanding << m_session->submit(sendCommand(m_gen.next(m_s.chunkSize)));
    else if (m_phase == Phase::Draining)
        checkDrained();
}

void ThroughputLab::onUrc(const AtEvent &e)
{
    if (e.name != "+IPD" || e.payload.isEmpty() || m_phase == Phase::Idle)
        return;
    if (m_s.mode != LabSettings::Mode::Receive && m_s.mode != LabSettings::Mode::Echo)
        return;
    m_check.feed(e.payload);
    const qint64 now = m_clock.nsecsElapsed();
    m_lastDeliveredNs = now;
    while (!m_rttMarks.isEmpty() && m_rttMarks.first().first <= m_check.received())
        m_rtt.push_back(double(now - m_rttMarks.takeFirst().second) / 1e6);
    feedSource();
}

void ThroughputLab::onRaw(const QByteArray &bytes)
{
    if (m_s.mode != LabSettings::Mode::ReceivePassthrough || m_phase == Phase::Idle)
        return;
    m_check.feed(bytes);
    m_lastDeliveredNs = m_clock.nsecsElapsed();
    feedSource();
}

void ThroughputLab::onStateChanged(int state)
{
    const auto s = DeviceSession::State(state);
    if (m_phase == Phase::Idle)
        return;
    if (s == DeviceSession::State::Disconnected) {
        m_failure = tr("The link to the module was lost");
        m_outstanding.clear();
        finish(false, m_failure);
        return;
    }
    if (m_phase == Phase::Entering && s == DeviceSession::State::Passthrough) {
        beginStreaming();
    } else if (m_phase == Phase::Leaving && s == DeviceSession::State::Connected) {
        teardown();
    } else if (m_phase == Phase::Streaming && m_s.passthrough() && s == DeviceSession::State::Connected) {
        m_failure = tr("The module left passthrough during the run");
        endStreaming();
    }
}

void ThroughputLab::endStreaming()
{
    if (m_phase != Phase::Streaming)
        return;
    m_duration.stop();
    m_pumpTimer.stop();
    m_sourceOn = false;
    setPhase(Phase::Draining);
    m_drainStartMs = m_clock.elapsed();
    m_quiet.start();
    m_lastProgressDelivered = m_check.received();
    m_drainTimer.start();
    checkDrained();
}

void ThroughputLab::checkDrained()
{
    if (m_phase != Phase::Draining)
        return;
    const qint64 delivered = m_check.received();
    if (delivered != m_lastProgressDelivered) {
        m_lastProgressDelivered = delivered;
        m_quiet.restart();
    }
    const bool allIn = m_outstanding.isEmpty() && delivered >= m_sent;
    // Give up when nothing moved for a while, or after the drain timeout plus the time the
    // remaining bytes need on the line.
    const bool stalled = m_outstanding.isEmpty() && m_quiet.elapsed() > qMax(500, m_drainTimeoutMs / 3);
    const bool tooLong = m_clock.elapsed() - m_drainStartMs > m_drainTimeoutMs + 10000;
    if (!allIn && !stalled && !tooLong)
        return;
    m_drainTimer.stop();
    afterDrain();
}

void ThroughputLab::afterDrain()
{
    LabResult &r = m_result;
    r.sentBytes = m_sent;
    r.deliveredBytes = m_check.received();
    r.lostBytes = qMax<qint64>(0, m_sent - r.deliveredBytes);
    r.badBytes = m_check.badBytes();
    r.missingRecords = m_check.missingRecords();
    r.integrityErrors = m_check.errors();
    r.uartTxBytes = m_session ? m_session->txBytes() - m_uartTx0 : 0;
    r.uartRxBytes = m_session ? m_session->rxBytes() - m_uartRx0 : 0;
    const qint64 elapsedNs = (m_firstSentNs >= 0 && m_lastDeliveredNs > m_firstSentNs) ? m_lastDeliveredNs - m_firstSentNs : 0;
    r.elapsedMs = elapsedNs / 1000000;
    r.goodputBps = elapsedNs > 0 ? double(m_check.goodBytes()) * 1e9 / double(elapsedNs) : 0;
    r.lineRateBps = double(m_s.baud) / 10.0;
    r.efficiency = r.lineRateBps > 0 ? r.goodputBps / r.lineRateBps : 0;
    r.modelEfficiency = (m_s.mode == LabSettings::Mode::SendNormal)
                            ? stopAndWaitModel(m_s.chunkSize, m_s.baud, m_s.hostTurnaroundMs)
                            : 1.0;
    r.rttMedianMs = percentileOf(m_rtt, 0.5);
    r.rttP99Ms = percentileOf(m_rtt, 0.99);
    if (m_s.passthrough() && m_session && m_session->state() == DeviceSession::State::Passthrough) {
        setPhase(Phase::Leaving);
        m_session->leavePassthrough();
        return;
    }
    teardown();
}

void ThroughputLab::teardown()
{
    setPhase(Phase::Teardown);
    m_runner->run(tr("Throughput lab teardown"), teardownCommands(m_s));
}

void ThroughputLab::fail(const QString &message)
{
    finish(false, message);
}

void ThroughputLab::finish(bool ok, const QString &message)
{
    if (m_phase == Phase::Idle)
        return;
    m_duration.stop();
    m_pumpTimer.stop();
    m_drainTimer.stop();
    m_progressTimer.stop();
    closePeer();
    for (quint64 id : std::as_const(m_outstanding))
        if (m_session)
            m_session->cancel(id);
    m_outstanding.clear();
    setPhase(Phase::Idle);
    LabResult &r = m_result;
    r.ok = ok;
    if (!ok) {
        r.message = message.isEmpty() ? tr("The run failed") : message;
    } else {
        QString text = tr("%1: %2, %3 % of the line rate")
                           .arg(LabSettings::modeName(m_s.mode), ThroughputMeter::formatRate(r.goodputBps))
                           .arg(r.efficiency * 100.0, 0, 'f', 1);
        if (m_s.mode == LabSettings::Mode::SendNormal)
            text += tr(" (%1 % of the stop-and-wait model)").arg(r.modelEfficiency > 0 ? r.efficiency / r.modelEfficiency * 100.0 : 0, 0, 'f', 1);
        if (r.lossFree())
            text += tr("; no loss.");
        else
            text += tr("; %1 lost, %2 damaged, %3 integrity errors.")
                        .arg(ThroughputMeter::formatBytes(r.lostBytes), ThroughputMeter::formatBytes(r.badBytes))
                        .arg(r.integrityErrors);
        if (!message.isEmpty())
            text += QLatin1Char(' ') + message;
        r.message = text;
    }
    emitProgress();
    emit busyChanged(false);
    emit finished(r);
}

void ThroughputLab::emitProgress()
{
    LabProgress p;
    switch (m_phase) {
    case Phase::Idle: p.phase = tr("Idle"); break;
    case Phase::Setup: p.phase = tr("Connecting the module to the peer"); break;
    case Phase::Entering: p.phase = tr("Entering passthrough"); break;
    case Phase::Streaming: p.phase = tr("Running"); break;
    case Phase::Draining: p.phase = tr("Waiting for bytes in flight"); break;
    case Phase::Leaving: p.phase = tr("Leaving passthrough"); break;
    case Phase::Teardown: p.phase = tr("Closing the link"); break;
    }
    p.elapsedMs = m_firstSentNs >= 0 ? (m_clock.nsecsElapsed() - m_firstSentNs) / 1000000 : 0;
    p.sentBytes = m_sent;
    p.deliveredBytes = m_check.received();
    p.integrityErrors = m_check.errors();
    emit progress(p);
}

} // namespace atb
