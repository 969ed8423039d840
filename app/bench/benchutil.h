#pragma once

#include "services/commandrunner.h"
#include "services/operationplan.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <numeric>
#include <vector>

namespace atb {
class ConnectionService;
class MqttService;
class MemoryTrimmer;
class SessionLog;
} // namespace atb

namespace atb::bench {

// Heap allocations made by this process (operator new is replaced in benchutil.cpp).
extern std::atomic<quint64> g_allocations;

struct ProcessUsage
{
    double cpuSeconds = 0; // user + system
    qint64 peakRssKb = 0;
};
ProcessUsage processUsage();
// Resident set size now (VmRSS), in kB.
qint64 rssKb();
// Bytes the allocator has handed out and not got back (glibc mallinfo2, every arena), in kB; -1
// where unknown.
qint64 heapInUseKb();

inline double mean(const std::vector<double> &v)
{
    return v.empty() ? 0 : std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
}

inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = size_t(std::min<double>(double(v.size() - 1), p * double(v.size() - 1) + 0.5));
    return v[i];
}

// How long a MemoryTrimmer's trims held its thread: "trims", "trim_longest_ms", "trim_total_ms".
void addTrimFigures(QJsonObject &figures, const MemoryTrimmer &trimmer);

// {"scenario":..., "value":..., "unit":..., "baseline":..., "ratio":..., "target":..., "pass":...}
QJsonObject result(const QString &scenario, double value, const QString &unit, double baseline,
                   double ratio, const QString &target, bool pass);

// Runs the caller's event loop until cond() holds or timeoutMs passes. The loop sleeps until an
// event arrives (a 1 ms timer makes sure cond() is looked at again), so a queued signal is
// handled at once, as in the app's GUI thread, not after a polling sleep.
bool waitFor(const std::function<bool()> &cond, int timeoutMs);
// Waits until count() reaches target, or nothing moved for stillMs (a drain at the end of a run).
void waitUntilStill(const std::function<qint64()> &count, qint64 target, int stillMs, int timeoutMs);

// Runs one service operation (call() returns its OperationPlan) to the service's finished()
// signal; empty on success, else why not.
template<typename Service, typename Call>
QString runOperation(Service &service, Call call, int timeoutMs)
{
    bool done = false;
    OperationResult result;
    QObject ctx;
    QObject::connect(&service, &Service::finished, &ctx, [&](const OperationResult &r) {
        result = r;
        done = true;
    });
    const OperationPlan plan = call();
    if (!plan.error.isEmpty())
        return plan.error;
    if (!waitFor([&done] { return done; }, timeoutMs))
        return QStringLiteral("no answer within %1 ms").arg(timeoutMs);
    return result.ok ? QString() : result.message;
}

// The MQTT page's steps through its service: configure (client id), connect to host:port,
// subscribe to topic (QoS 0). Empty on success, else the step and why.
QString connectMqtt(MqttService &mqtt, const QString &host, int port, const QString &clientId, const QString &topic);

// G12 soak bookkeeping, shared by atbench-bench soak and atbench-bench-ui soak. Every bounded
// buffer of the stack under test is a gauge (its fill, 0..1). The warm-up ends at the first
// sample where every gauge is full (>= 0.98: byte budgets stop a little short of their bound);
// the RSS slope is the least-squares fit of the samples after it, so a buffer still filling up
// cannot pass for a leak, and a leak cannot hide in the warm-up.
class SoakMeter
{
public:
    static constexpr double kFull = 0.98;
    void addGauge(const QString &name, std::function<double()> fill) { m_gauges.push_back({ name, std::move(fill), 0 }); }
    // The session log's record or byte bound, whichever comes first ("session_log").
    void addSessionLogGauge(const SessionLog *log);
    // The fullest link's received data in the ConnectionService ("link_receive_buffer").
    void addLinkBufferGauge(const ConnectionService *connections);
    // Takes one sample at t seconds (RSS and the gauges).
    void sample(double t);
    bool warmedUp() const { return m_warmupEndS >= 0; }
    double warmupSeconds() const { return m_warmupEndS; }
    // Seconds of samples after the warm-up.
    double measuredSeconds() const;
    // RSS slope after the warm-up in MB/h (0 with fewer than 3 samples).
    double slopeMbPerHour() const;
    int samplesAfterWarmup() const;
    qint64 peakRssKb() const { return m_peakKb; }
    // warmup_s, measured_s, rss_* and heap_* (kB, MB/h), samples, gauges {name: fill} at the last sample.
    QJsonObject details() const;
    // Why the memory part of G12 is missed after a run of runS seconds (empty: met).
    QStringList problems(double runS, double maxMbPerHour, qint64 maxPeakKb) const;

private:
    struct Gauge
    {
        QString name;
        std::function<double()> fill;
        double last;
    };
    // Least-squares fit of (s, kB) samples kept as running sums, with the range: the meter's
    // own memory does not grow with the run (an hour at one sample a second), so it cannot
    // pass for the stack's.
    struct Fit
    {
        void add(double t, double kb);
        double slopeMbPerHour() const;
        qint64 n = 0;
        double t0 = 0, lastT = 0, first = 0, last = 0, lo = 0, hi = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
    };
    std::vector<Gauge> m_gauges;
    Fit m_rss, m_heap;
    double m_warmupEndS = -1;
    qint64 m_warmupRssKb = 0, m_peakKb = 0;
};

// Percentiles of a long series in fixed memory: 0.01 ms buckets up to 500 ms, the maximum kept
// exactly (the soak's GUI heartbeat: 100 samples a second for an hour would be 2.9 MB of
// doubles, counted in the very RSS slope the soak measures).
class MsHistogram
{
public:
    MsHistogram() : m_counts(kBuckets + 1, 0) {}
    void add(double ms)
    {
        const double v = qMax(0.0, ms);
        m_max = qMax(m_max, v);
        ++m_counts[size_t(qMin<double>(kBuckets, v / kBucketMs))];
        ++m_n;
    }
    qint64 count() const { return m_n; }
    double max() const { return m_max; }
    // How many samples were later than `ms` (to the bucket's resolution).
    qint64 countAbove(double ms) const
    {
        qint64 n = 0;
        for (size_t i = size_t(qMin<double>(kBuckets, ms / kBucketMs)); i < m_counts.size(); ++i)
            n += m_counts[i];
        return n;
    }
    // The upper edge of the bucket holding the p-quantile (p in 0..1), capped at the maximum.
    double percentile(double p) const
    {
        const qint64 rank = qint64(std::ceil(p * double(m_n)));
        qint64 seen = 0;
        for (size_t i = 0; i < m_counts.size(); ++i) {
            seen += m_counts[i];
            if (seen >= qMax<qint64>(1, rank))
                return qMin(m_max, double(i + 1) * kBucketMs);
        }
        return m_max;
    }

private:
    static constexpr double kBucketMs = 0.01;
    static constexpr int kBuckets = 50000;
    std::vector<qint64> m_counts;
    qint64 m_n = 0;
    double m_max = 0;
};

#ifdef ATBENCH_HAVE_SIMULATOR
// Shared by the simulator-backed scenarios (scenario_throughput.cpp, scenario_mqtt.cpp).
} // namespace atb::bench

#include "engine/devicesession.h"
#include "engine/sessionhost.h"
#include "simulator/ptyfrontend.h"
#include "simulator/simulatedmodule.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <functional>
#include <numeric>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

namespace atb::bench {

// CPU time of the calling thread.
inline double threadCpuSeconds()
{
    rusage ru {};
    getrusage(RUSAGE_THREAD, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// Simulator (own thread, pty) + DeviceSession (own I/O thread, QSerialPort on the pty slave).
class Rig
{
public:
    explicit Rig(qint64 baud) : m_baud(baud)
    {
        m_link = m_linkDir.filePath(QStringLiteral("tty-%1").arg(baud));
        sim::SimulatedModule::Options o;
        o.dialect = sim::Dialect::Esp;
        o.wifiConnected = true;
        o.baud = baud;
        o.bootDelayMs = 0;
        o.loopbackOnly = true;
        o.networkLatencyMs = 0; // benchmarks measure the UART and the host stack, not a network
        module = new sim::SimulatedModule(o);
        m_pty = new sim::PtyFrontEnd(module, m_link);
        module->moveToThread(&m_simThread);
        m_pty->moveToThread(&m_simThread);
        m_simThread.start();
        QMetaObject::invokeMethod(
            module,
            [this] {
                m_opened = m_pty->open(&m_error);
                if (m_opened)
                    module->start();
            },
            Qt::BlockingQueuedConnection);
        m_host = std::make_unique<SessionHost>();
        session = m_host->session();
        if (!m_opened)
            return;
        SerialSettings s;
        s.portName = m_link;
        s.baudRate = qint32(baud);
        session->openSerial(s);
        if (!waitFor([this] { return session->state() == DeviceSession::State::Connected; }, 5000)) {
            m_error = QStringLiteral("the session did not connect to %1").arg(m_link);
            return;
        }
        session->setPassthroughGuards(30, 30, 100);
        bool done = false;
        QObject ctx;
        QObject::connect(session, &DeviceSession::commandFinished, &ctx, [&done](const AtResult &) { done = true; });
        session->submit(AtCommand::fromLine("ATE0"));
        m_ready = waitFor([&done] { return done; }, 5000);
        if (!m_ready)
            m_error = QStringLiteral("ATE0 got no answer");
    }
    ~Rig()
    {
        m_host.reset(); // closes the link in the I/O thread, then ends it
        QMetaObject::invokeMethod(
            module,
            [this] {
                module->stop();
                delete m_pty;
                delete module;
            },
            Qt::BlockingQueuedConnection);
        m_simThread.quit();
        m_simThread.wait();
    }
    bool ready() const { return m_ready; }
    QString error() const { return m_error; }
    qint64 overruns() const
    {
        qint64 v = 0;
        QMetaObject::invokeMethod(module, [this, &v] { v = module->overruns(); }, Qt::BlockingQueuedConnection);
        return v;
    }
    // The module's final result codes so far and their wait for the line in all
    // (SimulatedModule::finalsQueued(), finalsWaitNs()).
    std::pair<qint64, qint64> finalsAndWaitNs() const
    {
        std::pair<qint64, qint64> v;
        QMetaObject::invokeMethod(module, [this, &v] { v = { module->finalsQueued(), module->finalsWaitNs() }; },
                                  Qt::BlockingQueuedConnection);
        return v;
    }
    double simCpuSeconds()
    {
        double v = 0;
        QMetaObject::invokeMethod(module, [&v] { v = threadCpuSeconds(); }, Qt::BlockingQueuedConnection);
        return v;
    }

    sim::SimulatedModule *module = nullptr;
    DeviceSession *session = nullptr;

private:
    qint64 m_baud;
    QTemporaryDir m_linkDir; // the pty link's folder, removed with the rig
    QString m_link, m_error;
    QThread m_simThread;
    std::unique_ptr<SessionHost> m_host;
    sim::PtyFrontEnd *m_pty = nullptr;
    bool m_opened = false, m_ready = false;
};
#endif // ATBENCH_HAVE_SIMULATOR

} // namespace atb::bench
