#pragma once

#include "atcommand.h"

#include <QAtomicInteger>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <deque>

namespace atb {

// Executes AT commands one at a time (the firmware runs one at a time). Feed it the parser's
// events with handleEvent(); it asks for bytes to be written with writeRequested().
//
// - exactly one command in flight; per-command timeout;
// - "busy p..."/"BUSY" answers are retried with exponential backoff;
// - the data phase: '>' then exactly the payload, then SEND OK/FAIL or +MQTTPUB:OK/FAIL; ESP
//   writes "OK" and '>' together, so a '>' still missing kPromptAfterOkMs after that OK was lost
//   on the line (a dropped or garbled byte): the module is in its data phase and would swallow
//   the next commands as data, so the queue goes on as if the '>' had come and says so in the
//   result's message;
// - URCs arriving inside a reply are routed to urcReceived() and never become reply lines;
// - after a timeout or a cancel the queue waits for the late final (or a quiet period, which
//   URCs do not interrupt, at most four periods long) before sending anything else, and with echo known to be on a final that arrives before the echo of
//   the command in flight is not taken as its answer: a late reply is never attributed to the
//   next command.
class CommandQueue : public QObject
{
    Q_OBJECT
public:
    enum class EchoState { Unknown, On, Off };
    Q_ENUM(EchoState)

    explicit CommandQueue(QObject *parent = nullptr);

    // Thread-safe: ids can be taken before the command reaches the queue's thread.
    quint64 allocateId() { return m_nextId.fetchAndAddRelaxed(1); }
    // Returns the command's id (the given one, or a new one when id == 0).
    quint64 enqueue(const AtCommand &command, quint64 id = 0);
    bool cancel(quint64 id);
    void cancelAll();
    // The link went away: everything queued or in flight ends with `status`.
    void abortAll(AtResult::Status status, const QString &message);

    void handleEvent(const AtEvent &event);
    // For a command whose '>' prompt arrived without a payload (typed in the console).
    bool providePayload(quint64 id, const QByteArray &payload);

    // Paused: nothing new is sent (passthrough, or while the link is not open).
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void setEchoState(EchoState s);
    EchoState echoState() const { return m_echo; }
    // Quiet period that ends recovery after a timeout (default 400 ms).
    void setSettleMs(int ms) { m_settleMs = ms; }

    quint64 currentId() const { return m_state == State::Idle ? 0 : m_current.id; }
    QByteArray currentLine() const { return m_state == State::Idle ? QByteArray() : m_current.command.line; }
    int pendingCount() const { return int(m_pending.size()); }
    bool isIdle() const { return m_state == State::Idle && m_pending.empty(); }
    bool isAwaitingPayload() const { return m_state == State::AwaitPayload; }

signals:
    // isPayload: the data phase of command `id` (not a command line).
    void writeRequested(const QByteArray &bytes, quint64 id, bool isPayload);
    void commandStarted(quint64 id, const atb::AtCommand &command);
    void commandFinished(const atb::AtResult &result);
    // '>' arrived for a command that has no payload yet: call providePayload().
    void promptReceived(quint64 id, qint64 expectedLength);
    // '>' of a passthrough AT+CIPSEND: from now on the link carries raw data.
    void passthroughEntered(quint64 id);
    void urcReceived(const atb::AtEvent &event);
    // Lines or finals that belong to no command (nothing in flight, or a late reply).
    void unsolicitedEvent(const atb::AtEvent &event, bool late);
    void echoStateChanged(atb::CommandQueue::EchoState state);
    void idle();

private:
    enum class State { Idle, AwaitReply, AwaitPrompt, AwaitPayload, AwaitDataResult, Backoff, Recovering };

    struct Entry
    {
        quint64 id = 0;
        AtCommand command;
        AtResult result;
        QElapsedTimer clock;
    };

    void startNext();
    void send();
    void finish(AtResult::Status status, const QString &message = {});
    void onTimer();
    void onQuiet();
    void handlePrompt();
    void handleFinal(const AtEvent &event);
    void restartSettle();

    static constexpr int kMaxRecoverySettles = 4;
    static constexpr int kPromptAfterOkMs = 2000;

    QAtomicInteger<quint64> m_nextId { 1 };
    std::deque<Entry> m_pending;
    Entry m_current;
    State m_state = State::Idle;
    bool m_paused = false;
    bool m_echoSeen = false;
    EchoState m_echo = EchoState::Unknown;
    int m_settleMs = 400;
    QElapsedTimer m_recovering; // since the timeout or cancel that started Recovering
    QTimer m_timer { this };
    QTimer m_quiet { this };
};

} // namespace atb
