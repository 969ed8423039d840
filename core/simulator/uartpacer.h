#pragma once
// UartPacer: paces both directions of a simulated UART at baud/10 bytes per second (8N1).
//
// Bytes handed in with toHost()/fromHost() come out again through hostBytes()/deviceBytes() no
// faster than the line would carry them: a byte leaves when its stop bit would have ended on
// the wire, never earlier. Absolute deadlines with a byte budget per direction (performance.md
// 1.3): a long burst leaves in steps of about 1 ms of line time, and the last byte of every
// write (one toHost()/fromHost() call) leaves exactly when its line time ends (WakeTimer,
// sub-millisecond), so a short reply, the tail of a CIPSEND payload or an OK with a URC queued
// right behind it does not wait for a millisecond tick or for the bytes after it. A late wake-up catches up, but
// never bursts more than 20 ms of line time. Baud 0 means unthrottled: bytes pass straight
// through. Lives in its owner's thread.
#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <deque>

#include "simulator/waketimer.h"

namespace atb::sim {

class UartPacer : public QObject
{
    Q_OBJECT
public:
    explicit UartPacer(QObject *parent = nullptr);

    qint64 baud() const { return m_baud; }
    // Changes the rate at once; 0 flushes whatever is queued (both directions).
    void setBaud(qint64 baud);
    // AT+UART_CUR/DEF: the new rate applies once the queued output has left at the old rate.
    void setBaudAfterOutput(qint64 baud);

    // Device -> host bytes (the module's output).
    void toHost(const QByteArray &bytes);
    // Host -> device bytes (what the host wrote).
    void fromHost(const QByteArray &bytes);

    qint64 pendingToHost() const { return m_outQueue.size() - m_outPos; }
    qint64 pendingFromHost() const { return m_inQueue.size() - m_inPos; }
    // How long the device -> host line stays busy with what is queued, from now (0: idle).
    qint64 toHostBusyNs() const;

    // Keeps ticking every millisecond although nothing is queued (a producer waits for room,
    // see ticked()).
    void keepTicking();
    // Drops everything queued and stops ticking.
    void clear();

signals:
    void hostBytes(const QByteArray &chunk);   // paced output, in order
    void deviceBytes(const QByteArray &chunk); // paced input, in order
    // Once per tick, after the output step and before the input step.
    void ticked();

private:
    void tick();
    void kick();
    void scheduleNext(qint64 now);
    qint64 budget(qint64 now, qint64 &base, qint64 &sent) const;
    // When the next step of a direction is due: base + the line time of sent + step bytes.
    qint64 stepDueNs(qint64 base, qint64 sent, qint64 pending) const;
    // The line time of `bytes` at the current rate, rounded up (8N1: 10 bits a byte).
    qint64 lineNs(qint64 bytes) const;
    // Of `pending` bytes, how many up to the end of the write the next one belongs to.
    static qint64 untilWriteEnd(std::deque<qint64> &ends, qint64 done, qint64 pending);

    qint64 m_baud = 0;
    qint64 m_pendingBaud = -1;
    bool m_keepTicking = false;
    bool m_tickScheduled = false;
    WakeTimer m_timer;
    QElapsedTimer m_clock;
    QByteArray m_outQueue;
    qsizetype m_outPos = 0;
    qint64 m_outBaseNs = 0, m_outSent = 0;
    qint64 m_outTotal = 0, m_outDone = 0; // bytes ever queued / ever emitted to the host
    std::deque<qint64> m_outEnds;         // m_outTotal at the end of each write not yet out
    QByteArray m_inQueue;
    qsizetype m_inPos = 0;
    qint64 m_inBaseNs = 0, m_inTaken = 0;
    qint64 m_inTotal = 0, m_inDone = 0;
    std::deque<qint64> m_inEnds;
};

} // namespace atb::sim
