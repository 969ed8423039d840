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
constexpr int kPortPlaceholder = 65535;

double percentileOf(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const size_t i = size_t(std::min<double>(double(v.size() - 1), p * double(v.size() - 1) + 0.5));
    return v[i];
}
} // namespace

QString LabSettings::modeName(Mode m)
{
    switch (m) {
    case Mode::SendNormal: return ThroughputLab::tr("Send (normal mode)");
    case Mode::SendPassthrough: return ThroughputLab::tr("Send (passthrough)");
    case Mode::Receive: return ThroughputLab::tr("Receive (+IPD)");
    case Mode::ReceivePassthrough: return ThroughputLab::tr("Receive (passthrough)");
    case Mode::Echo: return ThroughputLab::tr("Echo round trip");
    }
    return QString();
}

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

Dialect ThroughputLab::dialect() const
{
    return m_session ? m_session->dialect() : Dialect::Esp;
}

double ThroughputLab::stopAndWaitModel(int chunk, qint64 baud, double turnaroundMs)
{
    if (chunk <= 0 || baud <= 0)
        return 0;
    const double rate = double(baud) / 10.0;
    const double payload = double(chunk) / rate;
    // AT+CIPSEND=L CR LF (~17 B) -> OK + '>' (~9 B) -> L -> Recv L bytes + SEND OK (~29 B).
    return payload / ((17.0 + 9.0 + double(chunk) + 29.0) / rate + 2.0 * turnaroundMs / 1000.0);
}

OperationPlan ThroughputLab::planSetup(const LabSettings &s, quint16 port) const
{
    const Dialect d = dialect();
    const AtEncoder enc(d);
    OperationPlan plan;
    auto add = [&](const EncodeResult &r) {
        if (!plan.ok())
            return;
        if (!r.ok()) {
            plan.fail(r.error, r.errorParam);
            return;
        }
        if (plan.warning.isEmpty())
            plan.warning = r.warning;
        plan.add(r.line, d, QLatin1String(kOrigin));
    };
    const QByteArray type = s.protocol == LabSettings::Protocol::Tcp ? "TCP" : "UDP";
    const qint64 p = port ? port : kPortPlaceholder;
    if (d == Dialect::Esp) {
        add(enc.set("AT+CIPMUX", { AtArg::integer(0) }));
        add(enc.set("AT+CIPMODE", { AtArg::integer(s.passthrough() ? 1 : 0) }));
        add(enc.set("AT+CIPSTART", { AtArg::string(type), AtArg::string(s.peerAddress.toUtf8()), AtArg::integer(p) }));
    } else {
        add(enc.set("AT+CIPSTART", { AtArg::integer(0), AtArg::string(type), AtArg::string(s.peerAddress.toUtf8()),
                                     AtArg::integer(p) }));
    }
    return plan;
}

QList<AtCommand> ThroughputLab::teardownCommands(const LabSettings &s) const
{
    const Dialect d = dialect();
    OperationPlan plan;
    if (d == Dialect::Esp) {
        if (s.passthrough())
            plan.add("AT+CIPMODE=0", d, QLatin1String(kOrigin));
        plan.add("AT+CIPCLOSE", d, QLatin1String(kOrigin));
    } else {
        plan.add("AT+CIPCLOSE=0", d, QLatin1String(kOrigin));
    }
    return plan.commands;
}

OperationPlan ThroughputLab::planRun(const LabSettings &s) const
{
    const QHostAddress addr(s.peerAddress);
    if (addr.isNull() || addr.protocol() != QAbstractSocket::IPv4Protocol)
        return OperationPlan::failure(tr("The peer address must be an IPv4 address of this computer"), "remote_host");
    if (s.durationMs < 500 || s.durationMs > 3600 * 1000)
        return OperationPlan::failure(tr("The duration must be between 0.5 s and 1 h"), "duration");
    if (s.baud <= 0)
        return OperationPlan::failure(tr("The baud rate must be positive"), "baud");
    if (dialect() == Dialect::Beken && s.passthrough())
        return OperationPlan::failure(tr("The lab runs passthrough with ESP-AT only; use a normal-mode run on Beken"),
                                      "mode");
    const Dialect d = dialect();
    const AtEncoder enc(d);
    const EncodeResult send = d == Dialect::Esp ? enc.set("AT+CIPSEND", { AtArg::integer(s.chunkSize) })
                                                : enc.set("AT+CIPSEND", { AtArg::integer(0), AtArg::integer(s.chunkSize) });
    OperationPlan pv = planSetup(s, s.peerPort);
    if (!pv.ok())
        return pv;
    if (!send.ok())
        return pv.fail(send.error, send.errorParam.isEmpty() ? QByteArray("length") : send.errorParam);
    if (pv.warning.isEmpty())
        pv.warning = send.warning;
    // Port 0 shows as the port a run would pick.
    for (AtCommand &c : pv.commands) {
        const QByteArray placeholder = "," + QByteArray::number(kPortPlaceholder);
        if (s.peerPort == 0 && c.line.startsWith("AT+CIPSTART") && c.line.endsWith(placeholder))
            c.line = c.line.chopped(placeholder.size() - 1) + "<port>";
    }
    if (s.passthrough())
        pv.add("AT+CIPSEND", d, QLatin1String(kOrigin));
    else if (s.sendsFromModule())
        pv.add(send.line, d, QLatin1String(kOrigin));
    for (const AtCommand &c : teardownCommands(s))
        pv.add(c.line, d, QLatin1String(kOrigin));
    return pv;
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

OperationPlan ThroughputLab::planReadStatus() const
{
    const Dialect d = dialect();
    const AtEncoder enc(d);
    OperationPlan plan;
    if (d == Dialect::Esp) {
        for (const EncodeResult &e : { enc.query("AT+CIPMUX"), enc.query("AT+CIPMODE"), enc.query("AT+CIPSTATE") })
            plan.addEncoded(e, d, QLatin1String(kOrigin));
    } else {
        plan.addEncoded(enc.execute("AT+CIPSTATUS"), d, QLatin1String(kOrigin));
    }
    return plan;
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

bool ThroughputLab::openPeer(QString *error)
{
    closePeer();
    const QHostAddress addr(m_s.peerAddress);
    if (m_s.protocol == LabSettings::Protocol::Tcp) {
        m_server = new QTcpServer(this);
        if (!m_server->listen(addr, m_s.peerPort)) {
            *error = tr("The PC-side peer cannot listen on %1:%2: %3")
                         .arg(m_s.peerAddress).arg(m_s.peerPort).arg(m_server->errorString());
            closePeer();
            return false;
        }
        m_port = m_server->serverPort();
        connect(m_server, &QTcpServer::newConnection, this, &ThroughputLab::onNewConnection);
    } else {
        m_udp = new QUdpSocket(this);
        if (!m_udp->bind(addr, m_s.peerPort)) {
            *error = tr("The PC-side peer cannot bind %1:%2: %3")
                         .arg(m_s.peerAddress).arg(m_s.peerPort).arg(m_udp->errorString());
            closePeer();
            return false;
        }
        m_port = m_udp->localPort();
        m_udpRemotePort = 0;
        connect(m_udp, &QUdpSocket::readyRead, this, &ThroughputLab::onUdpReadable);
    }
    return true;
}

void ThroughputLab::closePeer()
{
    m_sourceOn = false;
    if (m_peer) {
        m_peer->disconnect(this);
        m_peer->abort();
        m_peer->deleteLater();
        m_peer = nullptr;
    }
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
    }
    if (m_udp) {
        m_udp->disconnect(this);
        m_udp->close();
        m_udp->deleteLater();
        m_udp = nullptr;
    }
}

void ThroughputLab::onNewConnection()
{
    while (QTcpSocket *s = m_server->nextPendingConnection()) {
        if (m_peer) { // one link per run
            s->abort();
            s->deleteLater();
            continue;
        }
        m_peer = s;
        m_peer->setReadBufferSize(0);
        connect(m_peer, &QTcpSocket::readyRead, this, [this] { onPeerData(m_peer->readAll()); });
        connect(m_peer, &QTcpSocket::bytesWritten, this, &ThroughputLab::feedSource);
        feedSource(); // a source run may already be waiting for the peer
    }
}

void ThroughputLab::onUdpReadable()
{
    while (m_udp && m_udp->hasPendingDatagrams()) {
        QByteArray d(int(qMax<qint64>(0, m_udp->pendingDatagramSize())), '\0');
        QHostAddress from;
        quint16 fromPort = 0;
        const qint64 n = m_udp->readDatagram(d.data(), d.size(), &from, &fromPort);
        if (n < 0)
            break;
        d.resize(n);
        m_udpRemote = from;
        m_udpRemotePort = fromPort;
        if (m_helloPending && !m_s.sendsFromModule()) {
            m_helloPending = false; // the module's hello: now the source knows where to send
            m_meter->add(ThroughputPath::PeerRx, n);
            m_sourceOn = true;
            feedSource();
            continue;
        }
        onPeerData(d);
    }
}

void ThroughputLab::onPeerData(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    m_meter->add(ThroughputPath::PeerRx, bytes.size());
    if (m_s.mode == LabSettings::Mode::Echo) {
        if (m_peer)
            m_peer->write(bytes);
        else if (m_udp)
            m_udp->writeDatagram(bytes, m_udpRemote, m_udpRemotePort);
        m_meter->add(ThroughputPath::PeerTx, bytes.size());
        return;
    }
    if (!m_s.sendsFromModule())
        return; // a source ignores what comes back
    m_check.feed(bytes);
    m_lastDeliveredNs = m_clock.nsecsElapsed();
    if (m_s.mode == LabSettings::Mode::SendPassthrough && m_phase == Phase::Streaming)
        pump();
}

void ThroughputLab::feedSource()
{
    if (!m_sourceOn || m_phase != Phase::Streaming || m_s.sendsFromModule())
        return;
    const double rate = double(m_s.baud) / 10.0;
    // Keep at most ~0.2 s of line time (>= 8 KiB) in flight, so the drain after the run is short
    // and the kernel's socket buffers do not hide megabytes.
    const qint64 window = qMax<qint64>(8192, qint64(rate * 0.2));
    const int chunk = qMax(1, m_s.chunkSize);
    while (m_sent - m_check.received() < window) {
        // The module reports CONNECT as soon as its connection is made, which can be before this
        // side has accepted it: generate nothing until there is somewhere to send it, or the
        // stream would start with a hole the checker reports as misframing.
        if (!m_peer && !(m_udp && m_udpRemotePort))
            break;
        const QByteArray d = m_gen.next(chunk);
        bool written = true;
        if (m_peer)
            m_peer->write(d);
        else
            written = m_udp->writeDatagram(d, m_udpRemote, m_udpRemotePort) >= 0;
        if (m_firstSentNs < 0)
            m_firstSentNs = m_clock.nsecsElapsed();
        // A datagram the socket refused still counts as sent, so it shows up as lost.
        m_sent += d.size();
        m_meter->add(ThroughputPath::PeerTx, d.size());
        if (!written)
            break;
    }
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
