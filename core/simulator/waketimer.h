#pragma once
// WakeTimer: a single-shot timer with a nanosecond deadline, for the UART pacer.
//
// QTimer counts whole milliseconds, so a paced reply whose last byte is due 0.2 ms from now
// would wait until the next millisecond tick; on a stop-and-wait exchange (CIPSEND, MQTTPUB)
// that costs up to a millisecond per leg (performance.md 1.3, 1.5). On Linux this uses a
// timerfd (CLOCK_MONOTONIC, no timer slack) watched by a QSocketNotifier, so the owner's event
// loop wakes within microseconds of the deadline; elsewhere it falls back to a precise QTimer
// rounded up to the next millisecond. Lives in its owner's thread (the notifier is created on
// the first start(), in that thread).
#include <QObject>
#include <QTimer>

class QSocketNotifier;

namespace atb::sim {

class WakeTimer : public QObject
{
    Q_OBJECT
public:
    explicit WakeTimer(QObject *parent = nullptr);
    ~WakeTimer() override;

    // Fires timeout() once, ns nanoseconds from now (<= 0: as soon as the event loop runs).
    // Starting an active timer moves its deadline.
    void start(qint64 ns);
    void stop();
    bool isActive() const { return m_active; }

signals:
    void timeout();

private:
    void fire();

    bool m_active = false;
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_fallback;
};

} // namespace atb::sim
