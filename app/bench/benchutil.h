#pragma once

#include <QJsonObject>
#include <QString>
#include <algorithm>
#include <atomic>
#include <vector>

namespace atb::bench {

// Heap allocations made by this process (operator new is replaced in benchutil.cpp).
extern std::atomic<quint64> g_allocations;

struct ProcessUsage
{
    double cpuSeconds = 0; // user + system
    qint64 peakRssKb = 0;
};
ProcessUsage processUsage();

inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = size_t(std::min<double>(double(v.size() - 1), p * double(v.size() - 1) + 0.5));
    return v[i];
}

// {"scenario":..., "value":..., "unit":..., "baseline":..., "ratio":..., "target":..., "pass":...}
QJsonObject result(const QString &scenario, double value, const QString &unit, double baseline,
                   double ratio, const QString &target, bool pass);

} // namespace atb::bench
