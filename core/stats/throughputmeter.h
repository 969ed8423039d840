#pragma once

#include "ringbuffer.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <array>

namespace atb {

class DeviceSession;
struct AtResult;
struct AtEvent;

// The byte (or message) paths the meter counts.
enum class ThroughputPath : int {
    UartTx,   // bytes the session wrote to the link (commands, payloads, raw passthrough)
    UartRx,   // bytes the session read from the link
    LinkTx,   // payload bytes of successful AT+CIPSEND / CIPSENDEX data phases
    LinkRx,   // payload bytes of +IPD and +CIPRECVDATA
    RawTx,    // passthrough bytes sent (addRawTx(), see ThroughputMeter)
    RawRx,    // passthrough bytes received (rawDataReceived)
    MqttPub,  // successful AT+MQTTPUB / AT+MQTTPUBRAW (messages)
    MqttRecv, // +MQTTSUBRECV (messages)
    PeerTx,   // bytes a PC-side peer sent to the module's link (network side, fed by the lab)
    PeerRx,   // bytes a PC-side peer received from the module's link (network side, fed by the lab)
};
constexpr int kThroughputPathCount = 10;

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
// Works with a DeviceSession in another thread: UART counters are the session's atomic
// txBytes()/rxBytes() read on the tick; every other count comes from the session's signals,
// which arrive queued in the meter's thread. Nothing grows with time: tick snapshots and the
// history are ring buffers.
class ThroughputMeter : public QObject
{
    Q_OBJECT
public:
    explicit ThroughputMeter(QObject *parent = nullptr);

    // Counts the session's traffic from now on (nullptr detaches). Does not start the tick.
    void attach(DeviceSession *session);
    DeviceSession *session() const;

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

    // Manual counts (the lab's own passthrough writes and peers, tests).
    void add(ThroughputPath path, qint64 amount);
    // What DeviceSession::sendRaw() was given: the session has no counter of its own for it.
    void addRawTx(qint64 bytes) { add(ThroughputPath::RawTx, bytes); }

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
    void onResult(const AtResult &result);
    void onUrc(const AtEvent &event);
    void onRaw(const QByteArray &bytes);
    void onTick();
    std::array<qint64, kThroughputPathCount> currentTotals() const;

    struct Snapshot
    {
        qint64 tMs = 0;
        std::array<qint64, kThroughputPathCount> total {};
    };

    QPointer<DeviceSession> m_session;
    QList<QMetaObject::Connection> m_connections;
    qint64 m_uartTxBase = 0, m_uartRxBase = 0;
    std::array<qint64, kThroughputPathCount> m_counts {};
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
