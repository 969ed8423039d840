#include "benchutil.h"

#include "stats/memorytrimmer.h"

#include "log/sessionlog.h"
#include "services/connectionservice.h"
#include "services/mqttservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <cstdlib>
#include <new>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <sys/resource.h>

std::atomic<quint64> atb::bench::g_allocations { 0 };

void *operator new(std::size_t n)
{
    atb::bench::g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(n ? n : 1))
        return p;
    throw std::bad_alloc();
}
void operator delete(void *p) noexcept { std::free(p); }
void operator delete(void *p, std::size_t) noexcept { std::free(p); }

namespace atb::bench {

ProcessUsage processUsage()
{
    rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    ProcessUsage u;
    u.cpuSeconds = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec)
                 + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    u.peakRssKb = ru.ru_maxrss;
    return u;
}

bool waitFor(const std::function<bool()> &cond, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    QTimer wake;
    wake.start(1);
    while (!cond()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

void waitUntilStill(const std::function<qint64()> &count, qint64 target, int stillMs, int timeoutMs)
{
    qint64 last = -1;
    QElapsedTimer still;
    still.start();
    waitFor([&] {
        const qint64 n = count();
        if (n != last) {
            last = n;
            still.restart();
        }
        return n >= target || still.elapsed() > stillMs;
    }, timeoutMs);
}

QString connectMqtt(MqttService &mqtt, const QString &host, int port, const QString &clientId, const QString &topic)
{
    MqttConfig config;
    config.clientId = clientId;
    config.keepAlive = 60;
    const std::pair<const char *, std::function<OperationPlan()>> steps[] = {
        { "MQTT configure", [&] { return mqtt.configure(config); } },
        { "MQTT connect", [&] { return mqtt.connectToBroker({ host, port, false }); } },
        { "MQTT subscribe", [&] { return mqtt.subscribe(topic, 0); } },
    };
    for (const auto &[what, op] : steps) {
        const QString why = runOperation(mqtt, op, 15000);
        if (!why.isEmpty())
            return QStringLiteral("%1: %2").arg(QString::fromLatin1(what), why);
    }
    return QString();
}

qint64 rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &l : f.readAll().split('\n'))
        if (l.startsWith("VmRSS:"))
            return l.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

void addTrimFigures(QJsonObject &figures, const MemoryTrimmer &trimmer)
{
    figures.insert(QStringLiteral("trims"), trimmer.trims());
    figures.insert(QStringLiteral("trim_longest_ms"), trimmer.longestTrimMs());
    figures.insert(QStringLiteral("trim_total_ms"), trimmer.totalTrimMs());
}

QJsonObject result(const QString &scenario, double value, const QString &unit, double baseline,
                   double ratio, const QString &target, bool pass)
{
    QJsonObject o;
    o.insert(QStringLiteral("scenario"), scenario);
    o.insert(QStringLiteral("value"), value);
    o.insert(QStringLiteral("unit"), unit);
    o.insert(QStringLiteral("baseline"), baseline);
    o.insert(QStringLiteral("ratio"), ratio);
    o.insert(QStringLiteral("target"), target);
    o.insert(QStringLiteral("pass"), pass);
    const ProcessUsage u = processUsage();
    o.insert(QStringLiteral("cpu_s"), u.cpuSeconds);
    o.insert(QStringLiteral("peak_rss_kb"), u.peakRssKb);
    return o;
}

qint64 heapInUseKb()
{
#ifdef __GLIBC__
    const struct mallinfo2 mi = mallinfo2(); // every arena
    return qint64((mi.uordblks + mi.hblkhd) / 1024);
#else
    return -1;
#endif
}

void SoakMeter::Fit::add(double t, double kb)
{
    if (n == 0) {
        t0 = t;
        first = lo = hi = kb;
    }
    const double x = t - t0; // centred on the first sample: the sums stay well conditioned
    sx += x, sy += kb, sxx += x * x, sxy += x * kb;
    ++n;
    lastT = t;
    last = kb;
    lo = qMin(lo, kb);
    hi = qMax(hi, kb);
}

double SoakMeter::Fit::slopeMbPerHour() const
{
    if (n < 3)
        return 0;
    const double dn = double(n);
    const double den = dn * sxx - sx * sx;
    const double kbPerS = den != 0 ? (dn * sxy - sx * sy) / den : 0;
    return kbPerS * 3600.0 / 1024.0;
}

void SoakMeter::sample(double t)
{
    const qint64 kb = rssKb();
    m_peakKb = qMax(m_peakKb, kb);
    bool full = !m_gauges.empty();
    for (Gauge &g : m_gauges) {
        g.last = g.fill();
        full = full && g.last >= kFull;
    }
    if (!warmedUp() && full) {
        m_warmupEndS = t;
        m_warmupRssKb = kb;
    }
    if (warmedUp()) {
        m_rss.add(t, double(kb));
        m_heap.add(t, double(heapInUseKb()));
    }
}

void SoakMeter::addSessionLogGauge(const SessionLog *log)
{
    addGauge(QStringLiteral("session_log"), [log] {
        return qMax(double(log->size()) / double(log->capacity()), double(log->bytesHeld()) / double(log->byteBudget()));
    });
}

void SoakMeter::addLinkBufferGauge(const ConnectionService *connections)
{
    addGauge(QStringLiteral("link_receive_buffer"), [connections] {
        qsizetype most = 0;
        for (int id = 0; id <= connections->maxLinkId(); ++id)
            most = qMax(most, connections->received(id).size());
        return double(most) / double(ConnectionService::kMaxBufferBytes);
    });
}

QStringList SoakMeter::problems(double runS, double maxMbPerHour, qint64 maxPeakKb) const
{
    QStringList why;
    if (!warmedUp())
        why << QStringLiteral("the bounded buffers were not all full after %1 s").arg(runS, 0, 'f', 0);
    else if (samplesAfterWarmup() < 60)
        why << QStringLiteral("only %1 s measured after the warm-up (at least 60 s)").arg(measuredSeconds(), 0, 'f', 0);
    if (slopeMbPerHour() > maxMbPerHour)
        why << QStringLiteral("RSS slope %1 MB/h").arg(slopeMbPerHour(), 0, 'f', 2);
    if (peakRssKb() > maxPeakKb)
        why << QStringLiteral("peak RSS %1 MB").arg(double(peakRssKb()) / 1024.0, 0, 'f', 0);
    return why;
}

double SoakMeter::measuredSeconds() const
{
    return m_rss.n < 2 ? 0 : m_rss.lastT - m_rss.t0;
}

int SoakMeter::samplesAfterWarmup() const
{
    return int(m_rss.n);
}

double SoakMeter::slopeMbPerHour() const
{
    return m_rss.slopeMbPerHour();
}

QJsonObject SoakMeter::details() const
{
    QJsonObject o;
    o.insert(QStringLiteral("warmup_s"), m_warmupEndS);
    o.insert(QStringLiteral("measured_s"), measuredSeconds());
    o.insert(QStringLiteral("samples_after_warmup"), samplesAfterWarmup());
    o.insert(QStringLiteral("rss_at_warmup_kb"), double(m_warmupRssKb));
    o.insert(QStringLiteral("rss_last_kb"), m_rss.n == 0 ? double(rssKb()) : m_rss.last);
    o.insert(QStringLiteral("rss_peak_kb"), double(m_peakKb));
    o.insert(QStringLiteral("rss_range_after_warmup_kb"), m_rss.hi - m_rss.lo);
    // The steepest slope the range alone could make over this window: a slope below it may be
    // the wander, not growth (SoakTraffic::kMeasureAfterWarmupS).
    if (measuredSeconds() > 0)
        o.insert(QStringLiteral("slope_resolution_mb_per_h"), (m_rss.hi - m_rss.lo) / 1024.0 / (measuredSeconds() / 3600.0));
    // The allocator's live bytes beside RSS: a heap slope near 0 under an RSS slope is the
    // allocator keeping freed pages, a heap slope like the RSS slope is memory still held.
    o.insert(QStringLiteral("heap_at_warmup_kb"), m_heap.n == 0 ? -1.0 : m_heap.first);
    o.insert(QStringLiteral("heap_last_kb"), m_heap.n == 0 ? double(heapInUseKb()) : m_heap.last);
    o.insert(QStringLiteral("heap_range_after_warmup_kb"), m_heap.hi - m_heap.lo);
    o.insert(QStringLiteral("heap_slope_mb_per_h"), m_heap.slopeMbPerHour());
    QJsonObject g;
    for (const Gauge &x : m_gauges)
        g.insert(x.name, x.last);
    o.insert(QStringLiteral("buffers_full"), g);
    return o;
}

} // namespace atb::bench
