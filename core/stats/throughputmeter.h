#pragma once

#include "ringbuffer.h"
#include "trafficcounters.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QTimer>
#include <array>
#include <memory>

namespace atb {

// Rates of one tick: per path, units per second over the tick, and running totals.
struct ThroughputSample
{
    qint64 tMs = 0; // since the meter was (re)started
    std::array<double, kThroughputPathCount> rate {};
    std::array<qint64, kThroughputPathCount> total {};

    double rateOf(ThroughputPath p) const { return rate[size_t(p)]; }
    qint64 totalOf(ThroughputPath p) const { return total[size_t(p)]; }
};

// One point of the 1-second history.
struct ThroughputPoint
{
    qint64 tMs = 0;    // end of the second
    double rate = 0;   // units per second over that second
};

// Counts bytes and messages per path, samples them on a tick (100 ms by default), averages over
// 1 s, 10 s and 60 s windows and keeps a bounded 1-second history per path (1 h by default).
//
// The link's counts come from a TrafficCounters (DeviceSession::traffic()), read on the tick, so
// the session may live in another thread and nothing is queued per event; add() counts what
// only the caller sees (the lab's PC-side peers). Nothing grows with time: tick snapshots and
// the history are ring buffers.
class ThroughputMeter : public QObject
{
    Q_OBJECT
public:
    explicit ThroughputMeter(QObject *parent = nullptr);

    // Counts `source`'s traffic from now on (nullptr detaches). Does not start the tick.
    void attach(std::shared_ptr<const TrafficCounters> source);

    void setTickInterval(int ms);
    int tickInterval() const { return m_tickMs; }
    // Capacity of the 1-second history per path (default 3600 = 1 h).
    void setHistoryCapacity(int seconds);
    int historyCapacity() const { return int(m_history[0].capacity()); }

    // Starts (or restarts from zero) the tick clock; stop() freezes the sampling.
    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    // Forgets all totals, windows and history; keeps running if it was.
    void reset();

    // Manual counts (the lab's PC-side peers, tests), added to the source's.
    void add(ThroughputPath path, qint64 amount);

    // Takes a sample as the tick would at `nowMs` (milliseconds since start()); public so tests
    // drive time deterministically. Returns the sample also emitted by sampled().
    ThroughputSample sampleAt(qint64 nowMs);

    qint64 total(ThroughputPath path) const;
    // Average rate over the last `windowMs` (clamped to the data held: at most 60 s of ticks).
    double average(ThroughputPath path, int windowMs) const;
    double average1s(ThroughputPath p) const { return average(p, 1000); }
    double average10s(ThroughputPath p) const { return average(p, 10000); }
    double average60s(ThroughputPath p) const { return average(p, 60000); }
    // The 1-second history, oldest first, at most historyCapacity() points.
    QList<ThroughputPoint> history(ThroughputPath path) const;
    qsizetype historySize() const { return m_history[0].size(); }
    ThroughputSample lastSample() const { return m_last; }

    static bool isMessagePath(ThroughputPath p)
    {
        return p == ThroughputPath::MqttPub || p == ThroughputPath::MqttRecv;
    }
    static QString pathName(ThroughputPath p); // translated, for legends and CSV headers

    // Unit scaling: the largest of B/s, kB/s, MB/s (SI, 1000) under which `maxValue` is >= 1.
    struct Scale
    {
        double divisor = 1;
        QString unit; // "B/s", "kB/s", "MB/s"
    };
    static Scale scaleFor(double bytesPerSecond);
    // "12.3 kB/s", "950 B/s", "1.50 MB/s" (three significant digits).
    static QString formatRate(double bytesPerSecond);
    static QString formatBytes(qint64 bytes);

signals:
    void sampled(const atb::ThroughputSample &sample);
    // A second of history was completed (for plots that keep only the 1-second resolution).
    void secondCompleted(qint64 tMs);

private:
    void onTick();
    std::array<qint64, kThroughputPathCount> sourceTotals() const;
    std::array<qint64, kThroughputPathCount> currentTotals() const;

    struct Snapshot
    {
        qint64 tMs = 0;
        std::array<qint64, kThroughputPathCount> total {};
    };

    std::shared_ptr<const TrafficCounters> m_source;
    std::array<qint64, kThroughputPathCount> m_sourceBase {}; // the source's totals at attach/reset
    std::array<qint64, kThroughputPathCount> m_counts {};      // add()
    int m_tickMs = 100;
    QTimer m_timer;
    QElapsedTimer m_clock;
    RingBuffer<Snapshot> m_ticks;                                 // 60 s of tick snapshots (+1)
    std::array<RingBuffer<ThroughputPoint>, kThroughputPathCount> m_history;
    Snapshot m_secondStart;
    ThroughputSample m_last;
};

} // namespace atb

Q_DECLARE_METATYPE(atb::ThroughputSample)
