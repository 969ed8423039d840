#pragma once
// DelayLine: the simulated network's latency. Posted actions run a fixed delay later, strictly
// in the order they were posted (data, then the close that followed it). Delay 0 runs them at
// once, synchronously, as the simulator did before it had a latency.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>

namespace atb::sim {

class DelayLine : public QObject
{
    Q_OBJECT
public:
    explicit DelayLine(QObject *parent = nullptr);

    int delayMs() const { return m_delayMs; }
    void setDelayMs(int ms);

    // Runs action delayMs() from now; `bytes` counts toward pendingBytes() until then.
    void post(std::function<void()> action, qint64 bytes = 0);
    // Bytes posted and not yet delivered.
    qint64 pendingBytes() const { return m_pendingBytes; }
    bool isEmpty() const { return m_queue.empty(); }
    // Forgets everything posted (power off, reset).
    void clear();

private:
    struct Item {
        qint64 dueNs;
        qint64 bytes;
        std::function<void()> action;
    };
    void runDue();

    int m_delayMs = 0;
    qint64 m_pendingBytes = 0;
    std::deque<Item> m_queue;
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace atb::sim
