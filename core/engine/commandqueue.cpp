#include "commandqueue.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcQueue, "atbench.queue")

namespace atb {

CommandQueue::CommandQueue(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<atb::AtCommand>();
    qRegisterMetaType<atb::AtResult>();
    qRegisterMetaType<atb::AtEvent>();
    m_timer.setSingleShot(true);
    m_quiet.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &CommandQueue::onTimer);
    connect(&m_quiet, &QTimer::timeout, this, &CommandQueue::onQuiet);
}

quint64 CommandQueue::enqueue(const AtCommand &command, quint64 id)
{
    Entry e;
    e.id = id ? id : allocateId();
    e.command = command;
    e.result.id = e.id;
    e.result.command = command;
    const quint64 ret = e.id;
    m_pending.push_back(std::move(e));
    startNext();
    return ret;
}

bool CommandQueue::cancel(quint64 id)
{
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (it->id == id) {
            AtResult r = it->result;
            r.status = AtResult::Status::Cancelled;
            r.message = tr("Cancelled before it was sent");
            m_pending.erase(it);
            emit commandFinished(r);
            return true;
        }
    }
    if (m_state != State::Idle && m_state != State::Recovering && m_current.id == id) {
        finish(AtResult::Status::Cancelled,
               m_state == State::AwaitPayload
                   ? tr("Cancelled after the '>' prompt: the module may still be waiting for data")
                   : tr("Cancelled while the module was executing it"));
        return true;
    }
    return false;
}

void CommandQueue::cancelAll()
{
    while (!m_pending.empty())
        cancel(m_pending.back().id);
    if (m_state != State::Idle && m_state != State::Recovering)
        cancel(m_current.id);
}

void CommandQueue::abortAll(AtResult::Status status, const QString &message)
{
    m_timer.stop();
    m_quiet.stop();
    std::deque<Entry> pending;
    pending.swap(m_pending);
    const bool inFlight = m_state != State::Idle && m_state != State::Recovering;
    m_state = State::Idle;
    if (inFlight) {
        AtResult r = m_current.result;
        r.status = status;
        r.message = message;
        r.elapsedUs = m_current.clock.nsecsElapsed() / 1000;
        emit commandFinished(r);
    }
    for (Entry &e : pending) {
        e.result.status = status;
        e.result.message = message;
        emit commandFinished(e.result);
    }
}

void CommandQueue::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused)
        startNext();
}

void CommandQueue::setEchoState(EchoState s)
{
    if (s == m_echo)
        return;
    m_echo = s;
    emit echoStateChanged(s);
}

void CommandQueue::startNext()
{
    if (m_state != State::Idle || m_paused)
        return;
    if (m_pending.empty()) {
        emit idle();
        return;
    }
    m_current = std::move(m_pending.front());
    m_pending.pop_front();
    m_current.clock.start();
    m_current.result.attempts = 0;
    emit commandStarted(m_current.id, m_current.command);
    send();
}

void CommandQueue::send()
{
    ++m_current.result.attempts;
    m_echoSeen = false;
    m_state = m_current.command.expectsPrompt ? State::AwaitPrompt : State::AwaitReply;
    m_timer.start(m_current.command.timeoutMs);
    if (m_current.command.quietEndMs > 0 && m_current.command.emptyReplyOk)
        m_quiet.start(qMax(m_current.command.quietEndMs, 1000)); // nothing at all is an answer too
    emit writeRequested(m_current.command.line + "\r\n", m_current.id, false);
}

void CommandQueue::finish(AtResult::Status status, const QString &message)
{
    m_timer.stop();
    m_quiet.stop();
    AtResult r = std::move(m_current.result);
    r.status = status;
    if (!message.isEmpty())
        r.message = message;
    r.elapsedUs = m_current.clock.nsecsElapsed() / 1000;
    r.sawEcho = m_echoSeen;
    m_current.result = AtResult();

    if (status == AtResult::Status::Ok) {
        const QByteArray up = r.command.line.trimmed().toUpper();
        if (up == "ATE0")
            setEchoState(EchoState::Off);
        else if (up == "ATE1" || up == "AT+RST" || up == "AT+RESTORE")
            setEchoState(EchoState::On);
    }

    const bool recover = status == AtResult::Status::Timeout || status == AtResult::Status::Cancelled;
    if (recover) {
        m_state = State::Recovering;
        m_recovering.start();
        m_timer.start(m_settleMs);
    } else {
        m_state = State::Idle;
    }
    emit commandFinished(r);
    if (!recover)
        startNext();
}

void CommandQueue::onTimer()
{
    switch (m_state) {
    case State::Backoff:
        send();
        return;
    case State::Recovering:
        m_state = State::Idle;
        startNext();
        return;
    case State::AwaitPrompt:
        if (m_current.result.lines.contains(QByteArray("OK"))) {
            // The module said OK, so it is waiting for the data: the '>' was lost on the line.
            m_current.result.message
                = tr("The '>' prompt did not arrive after OK; the module was waiting for the data, so it was sent anyway");
            handlePrompt();
            return;
        }
        [[fallthrough]];
    case State::AwaitReply:
    case State::AwaitPayload:
    case State::AwaitDataResult: {
        const int ms = m_state == State::AwaitDataResult ? m_current.command.dataTimeoutMs
                                                         : m_current.command.timeoutMs;
        finish(AtResult::Status::Timeout,
               m_state == State::AwaitDataResult
                   ? tr("No result within %1 ms after the data was sent").arg(ms)
                   : tr("No reply within %1 ms").arg(ms));
        return;
    }
    case State::Idle:
        return;
    }
}

// Reply lines of the timed-out command may still be arriving: wait for a quiet period again,
// but recover within kMaxRecoverySettles settle periods whatever the line does (noise, garbled
// bytes), so the queue never stays stuck.
void CommandQueue::restartSettle()
{
    const qint64 left = qint64(kMaxRecoverySettles) * m_settleMs - m_recovering.elapsed();
    m_timer.start(int(qBound<qint64>(0, left, qint64(m_settleMs))));
}

void CommandQueue::onQuiet()
{
    if (m_state == State::AwaitReply
        && (!m_current.result.lines.isEmpty() || m_current.command.emptyReplyOk)) {
        m_current.result.endedOnQuiet = true;
        finish(AtResult::Status::Ok);
    }
}

void CommandQueue::handleEvent(const AtEvent &e)
{
    if (e.kind == AtEvent::Kind::Urc) {
        // Not the late reply: a steady stream of URCs (+MQTTSUBRECV, +IPD) must not keep the
        // queue recovering forever.
        emit urcReceived(e);
        return;
    }
    if (e.kind == AtEvent::Kind::Raw || e.kind == AtEvent::Kind::Error) {
        emit unsolicitedEvent(e, false);
        return;
    }

    switch (m_state) {
    case State::Idle:
    case State::Backoff:
        emit unsolicitedEvent(e, false);
        return;
    case State::Recovering:
        emit unsolicitedEvent(e, true);
        if (e.kind == AtEvent::Kind::Final) {
            // The late answer of the command that timed out: the line is in sync again.
            m_timer.stop();
            m_state = State::Idle;
            startNext();
        } else {
            restartSettle();
        }
        return;
    default:
        break;
    }

    switch (e.kind) {
    case AtEvent::Kind::Line:
        if (!m_echoSeen && m_state != State::AwaitDataResult && m_current.result.lines.isEmpty()
            && e.text == m_current.command.line) {
            m_echoSeen = true;
        } else {
            m_current.result.lines.append(e.text);
        }
        if (m_current.command.quietEndMs > 0 && m_state == State::AwaitReply)
            m_quiet.start(m_current.command.quietEndMs);
        return;
    case AtEvent::Kind::Data:
        m_current.result.records.append(e);
        return;
    case AtEvent::Kind::Prompt:
        if (m_state == State::AwaitPrompt)
            handlePrompt();
        else
            emit unsolicitedEvent(e, false);
        return;
    case AtEvent::Kind::Final:
        handleFinal(e);
        return;
    default:
        return;
    }
}

void CommandQueue::handleFinal(const AtEvent &e)
{
    const bool beforeData = m_state == State::AwaitReply || m_state == State::AwaitPrompt;
    if (beforeData && m_echo == EchoState::On && !m_echoSeen && !e.isBusy()) {
        // With echo on, our command comes back before its answer. A final before the echo
        // belongs to an earlier command.
        qCDebug(lcQueue) << "final before echo taken as late:" << e.text;
        emit unsolicitedEvent(e, true);
        return;
    }
    if (e.isBusy()) {
        if (m_state == State::AwaitDataResult || m_state == State::AwaitPayload) {
            // ESP: more bytes than announced; the first <len> are sent, SEND OK follows.
            m_current.result.lines.append(e.text);
            return;
        }
        if (m_current.result.attempts <= m_current.command.maxBusyRetries) {
            m_state = State::Backoff;
            m_quiet.stop();
            m_current.result.lines.clear();
            const int backoff = m_current.command.busyBackoffMs << qMin(m_current.result.attempts - 1, 6);
            m_timer.start(backoff);
            return;
        }
        m_current.result.finalText = e.text;
        m_current.result.errCodes = e.errCodes;
        finish(AtResult::Status::Busy, tr("The module stayed busy after %1 attempts").arg(m_current.result.attempts));
        return;
    }
    if (e.isSuccess() && m_state == State::AwaitPrompt) {
        // ESP answers OK before the '>' of a data-phase command, in the same write.
        m_current.result.lines.append(e.text);
        if (m_timer.isActive() && m_timer.remainingTime() > kPromptAfterOkMs)
            m_timer.start(kPromptAfterOkMs);
        return;
    }
    if (e.isSuccess() && m_state == State::AwaitPayload) {
        m_current.result.lines.append(e.text);
        return;
    }
    m_current.result.finalText = e.text;
    m_current.result.errCodes = e.errCodes;
    finish(e.isSuccess() ? AtResult::Status::Ok : AtResult::Status::Error);
}

void CommandQueue::handlePrompt()
{
    m_current.result.lines.removeAll(QByteArray("OK"));
    if (m_current.command.enterPassthrough) {
        m_current.result.finalText = ">";
        const quint64 id = m_current.id;
        m_paused = true; // nothing else is sent until passthrough is left
        emit passthroughEntered(id);
        finish(AtResult::Status::Ok);
        return;
    }
    if (m_current.command.payload.isEmpty()) {
        m_state = State::AwaitPayload;
        m_timer.start(qMax(m_current.command.dataTimeoutMs, 60000));
        qint64 len = -1;
        AtCommand::fromLine(m_current.command.line, false, &len);
        emit promptReceived(m_current.id, len);
        return;
    }
    m_state = State::AwaitDataResult;
    m_timer.start(m_current.command.dataTimeoutMs);
    emit writeRequested(m_current.command.payload, m_current.id, true);
}

bool CommandQueue::providePayload(quint64 id, const QByteArray &payload)
{
    if (m_state != State::AwaitPayload || m_current.id != id)
        return false;
    m_current.command.payload = payload;
    m_current.result.command.payload = payload;
    m_state = State::AwaitDataResult;
    m_timer.start(m_current.command.dataTimeoutMs);
    emit writeRequested(payload, id, true);
    return true;
}

} // namespace atb
