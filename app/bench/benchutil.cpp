#include "benchutil.h"

#include <cstdlib>
#include <new>
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

} // namespace atb::bench
