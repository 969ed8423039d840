#include "throughputmeter.h"

#include <QCoreApplication>
#include <cmath>

namespace atb {

namespace {
constexpr int kMaxWindowMs = 60000;
}

ThroughputMeter::ThroughputMeter(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ThroughputSample>();
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ThroughputMeter::onTick);
    setHistoryCapacity(3600);
    setTickInterval(100);
}

void ThroughputMeter::attach(std::shared_ptr<const TrafficCounters> source)
{
    // Totals go on from where they are: what the previous source counted since reset() stays.
    std::array<qint64, kThroughputPathCount> counted = sourceTotals();
    for (size_t i = 0; i < counted.size(); ++i)
        counted[i] -= m_sourceBase[i];
    m_source = std::move(source);
    m_sourceBase = sourceTotals();
    for (size_t i = 0; i < counted.size(); ++i)
        m_sourceBase[i] -= counted[i];
}

std::array<qint64, kThroughputPathCount> ThroughputMeter::sourceTotals() const
{
    std::array<qint64, kThroughputPathCount> t {};
    if (m_source) {
        for (int i = 0; i < kThroughputPathCount; ++i)
            t[size_t(i)] = m_source->total(ThroughputPath(i));
    }
    return t;
}

void ThroughputMeter::setTickInterval(int ms)
{
    m_tickMs = qBound(10, ms, 10000);
    m_timer.setInterval(m_tickMs);
    // 60 s of ticks plus the one at the window's start.
    m_ticks.setCapacity(kMaxWindowMs / m_tickMs + 2);
}

void ThroughputMeter::setHistoryCapacity(int seconds)
{
    for (auto &h : m_history)
        h.setCapacity(qMax(1, seconds));
}

void ThroughputMeter::start()
{
    reset();
    m_timer.start();
}

void ThroughputMeter::stop()
{
    m_timer.stop();
}

void ThroughputMeter::reset()
{
    m_counts.fill(0);
    m_sourceBase = sourceTotals();
    m_ticks.clear();
    for (auto &h : m_history)
        h.clear();
    m_clock.start();
    m_secondStart = Snapshot();
    m_ticks.push(m_secondStart);
    m_last = ThroughputSample();
}

void ThroughputMeter::add(ThroughputPath path, qint64 amount)
{
    m_counts[size_t(path)] += amount;
}

std::array<qint64, kThroughputPathCount> ThroughputMeter::currentTotals() const
{
    std::array<qint64, kThroughputPathCount> t = sourceTotals();
    for (size_t i = 0; i < t.size(); ++i)
        t[i] += m_counts[i] - m_sourceBase[i];
    return t;
}

qint64 ThroughputMeter::total(ThroughputPath path) const
{
    return currentTotals()[size_t(path)];
}

void ThroughputMeter::onTick()
{
    sampleAt(m_clock.elapsed());
}

ThroughputSample ThroughputMeter::sampleAt(qint64 nowMs)
{
    if (m_ticks.isEmpty())
        m_ticks.push(Snapshot());
    const Snapshot prev = m_ticks.last();
    Snapshot now { qMax(nowMs, prev.tMs), currentTotals() };
    ThroughputSample s;
    s.tMs = now.tMs;
    s.total = now.total;
    const qint64 dt = now.tMs - prev.tMs;
    for (int i = 0; i < kThroughputPathCount; ++i)
        s.rate[size_t(i)] = dt > 0 ? double(now.total[size_t(i)] - prev.total[size_t(i)]) * 1000.0 / double(dt) : 0;
    if (dt > 0)
        m_ticks.push(now);
    m_last = s;
    emit sampled(s);

    const qint64 sdt = now.tMs - m_secondStart.tMs;
    if (sdt >= 1000) {
        for (int i = 0; i < kThroughputPathCount; ++i) {
            const double r = double(now.total[size_t(i)] - m_secondStart.total[size_t(i)]) * 1000.0 / double(sdt);
            m_history[size_t(i)].push(ThroughputPoint { now.tMs, r });
        }
        m_secondStart = now;
        emit secondCompleted(now.tMs);
    }
    return s;
}

double ThroughputMeter::average(ThroughputPath path, int windowMs) const
{
    if (m_ticks.size() < 2)
        return 0;
    const Snapshot &newest = m_ticks.last();
    const qint64 from = newest.tMs - qBound(1, windowMs, kMaxWindowMs);
    // The newest snapshot at or before the window's start, else the oldest held.
    qsizetype i = m_ticks.size() - 2;
    while (i > 0 && m_ticks.at(i).tMs > from)
        --i;
    const Snapshot &old = m_ticks.at(i);
    const qint64 dt = newest.tMs - old.tMs;
    if (dt <= 0)
        return 0;
    return double(newest.total[size_t(path)] - old.total[size_t(path)]) * 1000.0 / double(dt);
}

QList<ThroughputPoint> ThroughputMeter::history(ThroughputPath path) const
{
    const auto &h = m_history[size_t(path)];
    QList<ThroughputPoint> out;
    out.reserve(h.size());
    for (qsizetype i = 0; i < h.size(); ++i)
        out << h.at(i);
    return out;
}

QString ThroughputMeter::pathName(ThroughputPath p)
{
    switch (p) {
    case ThroughputPath::UartTx: return tr("UART TX");
    case ThroughputPath::UartRx: return tr("UART RX");
    case ThroughputPath::LinkTx: return tr("Link payload TX");
    case ThroughputPath::LinkRx: return tr("Link payload RX");
    case ThroughputPath::RawTx: return tr("Passthrough TX");
    case ThroughputPath::RawRx: return tr("Passthrough RX");
    case ThroughputPath::MqttPub: return tr("MQTT published");
    case ThroughputPath::MqttRecv: return tr("MQTT received");
    case ThroughputPath::PeerTx: return tr("Network to module");
    case ThroughputPath::PeerRx: return tr("Network from module");
    }
    return QString();
}

ThroughputMeter::Scale ThroughputMeter::scaleFor(double v)
{
    v = std::fabs(v);
    if (v >= 1e6)
        return { 1e6, QStringLiteral("MB/s") };
    if (v >= 1e3)
        return { 1e3, QStringLiteral("kB/s") };
    return { 1, QStringLiteral("B/s") };
}

static QString threeDigits(double v)
{
    const double a = std::fabs(v);
    const int decimals = a >= 100 ? 0 : a >= 10 ? 1 : 2;
    return QString::number(v, 'f', decimals);
}

QString ThroughputMeter::formatRate(double bytesPerSecond)
{
    const Scale s = scaleFor(bytesPerSecond);
    if (s.divisor == 1)
        return QString::number(qRound64(bytesPerSecond)) + QStringLiteral(" B/s");
    return threeDigits(bytesPerSecond / s.divisor) + QLatin1Char(' ') + s.unit;
}

QString ThroughputMeter::formatBytes(qint64 bytes)
{
    const double b = double(bytes);
    if (std::llabs(bytes) >= 1000000)
        return threeDigits(b / 1e6) + QStringLiteral(" MB");
    if (std::llabs(bytes) >= 1000)
        return threeDigits(b / 1e3) + QStringLiteral(" kB");
    return QString::number(bytes) + QStringLiteral(" B");
}

} // namespace atb
