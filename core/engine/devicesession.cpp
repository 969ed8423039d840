#include "devicesession.h"

#include "queuedhandoff.h"
#include "transport/tcptransport.h"

#include <QLoggingCategory>
#include <QMetaMethod>
#include <QThread>

Q_LOGGING_CATEGORY(lcSession, "atbench.session")

namespace atb {

DeviceSession::DeviceSession(QObject *parent)
    : QObject(parent), m_parser(this), m_queue(new CommandQueue(this)), m_log(new SessionLog(100000, this))
{
    qRegisterMetaType<atb::DeviceSession::State>();
    tsan::watchQueuedCalls(); // TSan builds only: see queuedhandoff.h
    m_payloadWatchdog.setSingleShot(true);
    m_passthroughTimer.setSingleShot(true);
    m_queue->setPaused(true);

    connect(m_queue, &CommandQueue::writeRequested, this,
            [this](const QByteArray &bytes, quint64 id, bool isPayload) {
                if (isPayload)
                    m_log->appendTxData(m_queue->currentLine(), bytes, id);
                else
                    m_log->appendTx(bytes.chopped(2), id);
                if (m_tap)
                    m_tap->hostBytes(bytes, isPayload ? SessionTap::HostWrite::Payload : SessionTap::HostWrite::Line, id,
                                     m_queue->currentLine());
                writeBytes(bytes);
                m_lastWriteId = id;
                m_lastWriteNs = m_drainEndNs;
            });
    connect(m_queue, &CommandQueue::commandStarted, this, [this](quint64 id, const AtCommand &c) {
        if (m_tap)
            m_tap->commandStarted(id, c);
        tsan::publishQueued();
        emit commandStarted(id, c);
    });
    connect(m_queue, &CommandQueue::commandFinished, this, [this](const AtResult &finished) {
        AtResult r = finished;
        if (r.id == m_lastWriteId)
            r.sentNs = m_lastWriteNs;
        if (m_tap)
            m_tap->commandFinished(r);
        countResult(r);
        // Host-side explanations go to the log as problems: timeouts, cancels, a lost link, and an
        // OK whose '>' prompt was lost on the line (the queue sent the data anyway; see
        // CommandQueue). The module's own failures are in the log already, as its final line.
        if (r.status != AtResult::Status::Error && !r.message.isEmpty())
            m_log->appendInfo(QStringLiteral("%1: %2").arg(QString::fromUtf8(r.command.line), r.message), true);
        tsan::publishQueued();
        emit commandFinished(r);
    });
    connect(m_queue, &CommandQueue::urcReceived, this, [this](const AtEvent &e) {
        if (e.kind == AtEvent::Kind::Urc && e.text == "ready")
            m_queue->setEchoState(CommandQueue::EchoState::On); // a module that just booted echoes
        countUrc(e);
        tsan::publishQueued();
        emit urcReceived(e);
    });
    connect(m_queue, &CommandQueue::promptReceived, this, &DeviceSession::promptReceived);
    connect(m_queue, &CommandQueue::passthroughEntered, this, [this] {
        m_parser.framer().setRawMode(true);
        setState(State::Passthrough);
    });
    connect(m_queue, &CommandQueue::echoStateChanged, this, [this](CommandQueue::EchoState s) {
        tsan::publishQueued();
        emit echoStateChanged(s == CommandQueue::EchoState::On);
    });
    connect(&m_payloadWatchdog, &QTimer::timeout, this, [this] {
        // A payload that never completes (garbled length, module reset mid-record) must not
        // swallow everything that follows: report what arrived and resynchronise.
        if (m_parser.framer().inPayload())
            m_parser.finish();
    });
    connect(&m_passthroughTimer, &QTimer::timeout, this, &DeviceSession::stepLeavePassthrough);
}

DeviceSession::~DeviceSession()
{
    if (QThread *t = thread(); t != QThread::currentThread() && t && t->isRunning())
        qCWarning(lcSession, "DeviceSession deleted from another thread while its own runs: "
                             "use SessionHost to end a session that lives in an I/O thread");
    detach();
}

template<typename F> void DeviceSession::inSessionThread(F &&f)
{
    if (QThread::currentThread() == thread()) {
        f();
        return;
    }
    // From another thread the call waits in an inbox and a queued call without arguments runs
    // the oldest one in the session's thread, so calls run one per event and in order. Qt's
    // posted-event queue alone would hand the captured arguments over just as safely, but
    // Debian's Qt is not instrumented: ThreadSanitizer cannot see that hand-over and would
    // report every argument. The inbox's mutex makes it visible (the TSan tier checks it).
    {
        std::lock_guard<std::mutex> lock(m_callsMutex);
        m_calls.emplace_back(std::forward<F>(f));
    }
    static const QMetaMethod runNext = staticMetaObject.method(staticMetaObject.indexOfMethod("runNextCall()"));
    runNext.invoke(this, Qt::QueuedConnection);
}

void DeviceSession::runNextCall()
{
    std::function<void()> call;
    {
        std::lock_guard<std::mutex> lock(m_callsMutex);
        if (m_calls.empty())
            return;
        call = std::move(m_calls.front());
        m_calls.pop_front();
    }
    call();
}

QString DeviceSession::linkName() const
{
    QMutexLocker lock(&m_linkNameMutex);
    return m_linkName;
}

void DeviceSession::setState(State s)
{
    if (int(s) == m_state.loadRelaxed())
        return;
    m_state.storeRelaxed(int(s));
    tsan::publishQueued();
    emit stateChanged(s);
}

void DeviceSession::setDialect(Dialect d)
{
    m_dialect.storeRelaxed(int(d));
    inSessionThread([this, d] {
        m_parser.setDialect(d);
        if (m_tap)
            m_tap->dialectChanged(d);
    });
}

void DeviceSession::setTap(std::shared_ptr<SessionTap> tap)
{
    inSessionThread([this, tap] {
        m_tap = tap;
        if (m_tap && m_transport && state() != State::Disconnected && state() != State::Connecting) {
            m_tap->linkOpened(m_linkName);
            m_tap->dialectChanged(dialect());
        }
    });
}

void DeviceSession::restrictOrigins(const QString &originPrefix, const QString &reason)
{
    inSessionThread([this, originPrefix, reason] {
        m_originPrefix = originPrefix;
        m_restrictReason = reason;
    });
}

void DeviceSession::refuse(quint64 id, const AtCommand &command, const QString &message)
{
    AtResult r;
    r.id = id;
    r.command = command;
    r.status = AtResult::Status::Refused;
    r.message = message;
    // Always asynchronous, like every other result: the caller holds the id first.
    QMetaObject::invokeMethod(
        this,
        [this, r] {
            tsan::publishQueued();
            emit commandFinished(r);
        },
        Qt::QueuedConnection);
}

void DeviceSession::setPassthroughGuards(int beforeMs, int afterMs, int pauseMs)
{
    inSessionThread([=] {
        m_guardBeforeMs = beforeMs;
        m_guardAfterMs = afterMs;
        m_pauseAfterMs = pauseMs;
    });
}

void DeviceSession::openSerial(const SerialSettings &settings)
{
    inSessionThread([this, settings] { attach(new SerialTransport(settings, this)); });
}

void DeviceSession::openTcp(const QString &host, quint16 port)
{
    inSessionThread([this, host, port] { attach(new TcpTransport(host, port, this)); });
}

void DeviceSession::openWith(const std::function<Transport *(QObject *)> &factory)
{
    inSessionThread([this, factory] { attach(factory(this)); });
}

void DeviceSession::close()
{
    inSessionThread([this] {
        if (m_transport)
            m_log->appendInfo(tr("Closed %1").arg(m_linkName));
        detach();
    });
}

void DeviceSession::attach(Transport *t)
{
    detach();
    m_transport = t;
    {
        QMutexLocker lock(&m_linkNameMutex);
        m_linkName = t->displayName();
    }
    m_parser.reset();
    m_parser.framer().setRawMode(false);
    m_queue->setEchoState(CommandQueue::EchoState::Unknown);
    connect(t, &Transport::received, this, &DeviceSession::onReceived);
    connect(t, &Transport::stateChanged, this, [this, t](Transport::State s) {
        if (t != m_transport)
            return;
        if (s == Transport::State::Open) {
            m_log->appendInfo(tr("Opened %1").arg(m_linkName));
            if (m_tap)
                m_tap->linkOpened(m_linkName);
            setState(State::Connected);
            m_queue->setPaused(false);
        } else if (s == Transport::State::Opening) {
            setState(State::Connecting);
        }
    });
    connect(t, &Transport::errorOccurred, this, [this, t](const QString &msg, bool fatal) {
        if (t != m_transport)
            return;
        m_log->appendInfo(msg, true);
        tsan::publishQueued();
        emit errorOccurred(msg);
        if (fatal)
            detach();
    });
    setState(State::Connecting);
    t->open();
}

void DeviceSession::detach()
{
    m_passthroughTimer.stop();
    m_payloadWatchdog.stop();
    m_leaveStep = 0;
    if (m_transport) {
        Transport *t = m_transport;
        m_transport = nullptr;
        if (m_tap)
            m_tap->linkClosed(m_linkName);
        t->disconnect(this);
        t->close();
        t->deleteLater();
    }
    m_parser.reset();
    m_parser.framer().setRawMode(false);
    m_queue->setPaused(true);
    m_queue->abortAll(AtResult::Status::Disconnected, tr("The link is closed"));
    setState(State::Disconnected);
}

quint64 DeviceSession::submit(const AtCommand &command)
{
    const quint64 id = m_queue->allocateId();
    inSessionThread([this, command, id] {
        if (!m_transport || state() == State::Disconnected) {
            refuse(id, command, tr("Not connected"));
            return;
        }
        if (!m_originPrefix.isEmpty() && !command.origin.startsWith(m_originPrefix)) {
            refuse(id, command, m_restrictReason.isEmpty() ? tr("The session is read-only") : m_restrictReason);
            return;
        }
        m_queue->enqueue(command, id);
    });
    return id;
}

void DeviceSession::cancel(quint64 id)
{
    inSessionThread([this, id] { m_queue->cancel(id); });
}

void DeviceSession::cancelAll()
{
    inSessionThread([this] { m_queue->cancelAll(); });
}

void DeviceSession::providePayload(quint64 id, const QByteArray &payload)
{
    inSessionThread([this, id, payload] { m_queue->providePayload(id, payload); });
}

quint64 DeviceSession::enterPassthrough()
{
    AtCommand c = AtCommand::fromLine("AT+CIPSEND", dialect() == Dialect::Beken);
    c.origin = QStringLiteral("passthrough");
    return submit(c);
}

void DeviceSession::sendRaw(const QByteArray &bytes)
{
    inSessionThread([this, bytes] {
        if (state() != State::Passthrough || m_leaveStep != 0) {
            m_log->appendInfo(tr("Raw data dropped: the link is not in passthrough"), true);
            return;
        }
        if (m_tap)
            m_tap->hostBytes(bytes, SessionTap::HostWrite::Raw, 0, QByteArray());
        writeBytes(bytes);
        m_traffic->add(ThroughputPath::RawTx, bytes.size());
    });
}

void DeviceSession::leavePassthrough()
{
    inSessionThread([this] {
        if (state() != State::Passthrough || m_leaveStep != 0)
            return;
        if (m_tap)
            m_tap->passthroughLeaving();
        m_leaveStep = 1;
        stepLeavePassthrough();
    });
}

void DeviceSession::stepLeavePassthrough()
{
    // Milliseconds until everything written so far has left the UART.
    const qint64 drainMs = qMax<qint64>(0, (m_drainEndNs - steadyClockNs() + 999999) / 1000000);
    switch (m_leaveStep) {
    case 1: {
        // Silence before "+++": everything written must have left the UART, plus the guard.
        m_leaveStep = 2;
        m_passthroughTimer.start(int(drainMs + m_guardBeforeMs));
        return;
    }
    case 2:
        m_log->appendTx("+++", 0);
        if (m_tap)
            m_tap->hostBytes("+++", SessionTap::HostWrite::Escape, 0, QByteArray());
        writeBytes("+++");
        // Beken answers "+QUIT" at once: parse lines again from here on. (ESP in CIPMODE=1 keeps
        // forwarding peer data raw even in command mode; that data then shows up as lines.)
        m_parser.framer().setRawMode(false);
        m_leaveStep = 3;
        m_passthroughTimer.start(int(drainMs + m_guardAfterMs));
        return;
    case 3:
        m_log->appendInfo(tr("Left passthrough; next command in %1 ms").arg(m_pauseAfterMs));
        m_leaveStep = 4;
        m_passthroughTimer.start(m_pauseAfterMs);
        return;
    case 4:
        m_leaveStep = 0;
        setState(State::Connected);
        m_queue->setPaused(false);
        return;
    default:
        return;
    }
}

void DeviceSession::writeBytes(const QByteArray &bytes)
{
    if (!m_transport)
        return;
    const qint64 now = steadyClockNs();
    const qint64 rate = m_transport->nominalBytesPerSecond();
    if (rate > 0)
        m_drainEndNs = qMax(now, m_drainEndNs) + bytes.size() * 1000000000LL / rate;
    else
        m_drainEndNs = now;
    m_traffic->add(ThroughputPath::UartTx, bytes.size());
    m_transport->write(bytes);
}

void DeviceSession::onReceived(const QByteArray &bytes)
{
    if (m_tap)
        m_tap->moduleBytes(bytes);
    m_traffic->add(ThroughputPath::UartRx, bytes.size());
    m_parser.feed(bytes);
    if (m_parser.framer().inPayload())
        m_payloadWatchdog.start(1500);
    else
        m_payloadWatchdog.stop();
}

void DeviceSession::onEvent(const AtEventView &view)
{
    AtEvent e = view.toEvent();
    e.receivedNs = steadyClockNs();
    if (e.kind == AtEvent::Kind::Raw) {
        m_log->appendEvent(e, 0);
        m_traffic->add(ThroughputPath::RawRx, e.payload.size());
        tsan::publishQueued();
        emit rawDataReceived(e.payload);
        return;
    }
    m_log->appendEvent(e, e.kind == AtEvent::Kind::Urc ? 0 : m_queue->currentId());
    m_queue->handleEvent(e);
}

void DeviceSession::countResult(const AtResult &r)
{
    if (!r.ok())
        return;
    const QByteArray &line = r.command.line;
    if (line.startsWith("AT+CIPSEND") && !r.command.payload.isEmpty())
        m_traffic->add(ThroughputPath::LinkTx, r.command.payload.size());
    else if (line.startsWith("AT+MQTTPUB=") || line.startsWith("AT+MQTTPUBRAW="))
        m_traffic->add(ThroughputPath::MqttPub, 1);
    for (const AtEvent &e : r.records)
        if (e.kind == AtEvent::Kind::Data)
            m_traffic->add(ThroughputPath::LinkRx, e.payload.size());
}

void DeviceSession::countUrc(const AtEvent &e)
{
    if (e.name == "+IPD")
        m_traffic->add(ThroughputPath::LinkRx, e.payload.size()); // passive-mode notices carry none
    else if (e.name == "+MQTTSUBRECV")
        m_traffic->add(ThroughputPath::MqttRecv, 1);
}

} // namespace atb
