#include "simulator/delayline.h"

namespace atb::sim {

DelayLine::DelayLine(QObject *parent)
    : QObject(parent),
      m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DelayLine::runDue);
    m_clock.start();
}

void DelayLine::setDelayMs(int ms)
{
    m_delayMs = qMax(0, ms);
}

void DelayLine::post(std::function<void()> action, qint64 bytes)
{
    if (m_delayMs == 0 && m_queue.empty()) {
        action();
        return;
    }
    m_queue.push_back(Item { m_clock.nsecsElapsed() + qint64(m_delayMs) * 1000000, bytes, std::move(action) });
    m_pendingBytes += bytes;
    if (!m_timer.isActive())
        m_timer.start(m_delayMs);
}

void DelayLine::clear()
{
    m_timer.stop();
    m_queue.clear();
    m_pendingBytes = 0;
}

void DelayLine::runDue()
{
    const qint64 now = m_clock.nsecsElapsed();
    while (!m_queue.empty() && m_queue.front().dueNs <= now) {
        Item item = std::move(m_queue.front());
        m_queue.pop_front();
        m_pendingBytes -= item.bytes;
        item.action(); // may post again (appends behind) or clear()
    }
    if (!m_queue.empty()) {
        const qint64 waitNs = m_queue.front().dueNs - m_clock.nsecsElapsed();
        m_timer.start(int(qMax<qint64>(0, (waitNs + 999999) / 1000000)));
    }
}

} // namespace atb::sim
