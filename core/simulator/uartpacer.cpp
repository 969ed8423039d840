#include "simulator/uartpacer.h"

#include <cmath>

namespace atb::sim {

UartPacer::UartPacer(QObject *parent)
    : QObject(parent),
      m_timer(this)
{
    connect(&m_timer, &WakeTimer::timeout, this, &UartPacer::tick);
    m_clock.start();
}

namespace {
constexpr qint64 kStepNs = 1000000; // a long burst leaves in steps of about 1 ms of line time
} // namespace

void UartPacer::setBaud(qint64 baud)
{
    m_baud = qMax<qint64>(0, baud);
    m_pendingBaud = -1;
    if (m_baud > 0)
        return;
    // Unthrottled: flush what is queued.
    if (pendingToHost() > 0) {
        const QByteArray rest = m_outQueue.mid(m_outPos);
        m_outQueue.clear();
        m_outPos = 0;
        m_outDone = m_outTotal;
        m_outEnds.clear();
        emit hostBytes(rest);
    }
    if (pendingFromHost() > 0) {
        const QByteArray rest = m_inQueue.mid(m_inPos);
        m_inQueue.clear();
        m_inPos = 0;
        m_inDone = m_inTotal;
        m_inEnds.clear();
        emit deviceBytes(rest);
    }
}

void UartPacer::setBaudAfterOutput(qint64 baud)
{
    if (pendingToHost() == 0) {
        setBaud(baud);
        return;
    }
    m_pendingBaud = qMax<qint64>(0, baud);
}

void UartPacer::toHost(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    if (m_baud <= 0) {
        emit hostBytes(bytes);
        return;
    }
    if (pendingToHost() == 0) {
        m_outQueue.clear();
        m_outPos = 0;
        m_outBaseNs = m_clock.nsecsElapsed();
        m_outSent = 0;
    }
    m_outQueue.append(bytes);
    m_outTotal += bytes.size();
    m_outEnds.push_back(m_outTotal);
    kick(); // output starts at once too, like a UART
}

void UartPacer::fromHost(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    if (m_baud <= 0) {
        emit deviceBytes(bytes);
        return;
    }
    if (pendingFromHost() == 0) {
        m_inQueue.clear();
        m_inPos = 0;
        m_inBaseNs = m_clock.nsecsElapsed();
        m_inTaken = 0;
    }
    m_inQueue.append(bytes);
    m_inTotal += bytes.size();
    m_inEnds.push_back(m_inTotal);
    kick();
}

void UartPacer::keepTicking()
{
    m_keepTicking = true;
    if (!m_timer.isActive() && !m_tickScheduled)
        m_timer.start(kStepNs);
}

void UartPacer::clear()
{
    m_timer.stop();
    m_keepTicking = false;
    m_outQueue.clear();
    m_outPos = 0;
    m_outDone = m_outTotal;
    m_outEnds.clear();
    m_inQueue.clear();
    m_inPos = 0;
    m_inDone = m_inTotal;
    m_inEnds.clear();
    m_pendingBaud = -1;
}

void UartPacer::kick()
{
    // Looked at on the next event-loop turn (not from inside the caller, which may be the
    // module answering from inside deviceBytes()); the tick then works out when the bytes are
    // due and sets the wake-up for exactly then.
    if (!m_tickScheduled) {
        m_tickScheduled = true;
        QMetaObject::invokeMethod(this, [this] {
            m_tickScheduled = false;
            tick();
        }, Qt::QueuedConnection);
    }
}

qint64 UartPacer::budget(qint64 now, qint64 &base, qint64 &sent) const
{
    const double rate = double(m_baud) / 10.0; // 8N1: 10 bit times per byte
    // Catch up after a late tick, but never burst more than 20 ms worth of line time.
    const qint64 burstCap = qMax<qint64>(1, qint64(rate * 0.020));
    // A byte is allowed once its whole line time has passed (no lookahead: a reply never
    // arrives before the line could have carried it).
    qint64 allowed = qint64(double(now - base) * rate / 1e9) - sent;
    if (allowed > burstCap) {
        base = now - qint64(double(burstCap) * 1e9 / rate);
        sent = 0;
        allowed = burstCap;
    }
    return allowed;
}

void UartPacer::tick()
{
    if (m_baud <= 0) {
        m_timer.stop();
        return;
    }
    const qint64 now = m_clock.nsecsElapsed();
    if (pendingToHost() > 0) {
        const qint64 n = qMin(pendingToHost(), budget(now, m_outBaseNs, m_outSent));
        if (n > 0) {
            m_outSent += n;
            m_outDone += n;
            const QByteArray chunk = m_outQueue.mid(m_outPos, n);
            m_outPos += n;
            if (m_outPos >= m_outQueue.size()) {
                m_outQueue.clear();
                m_outPos = 0;
            } else if (m_outPos > (1 << 20)) {
                m_outQueue.remove(0, m_outPos);
                m_outPos = 0;
            }
            emit hostBytes(chunk);
        }
    }
    if (pendingToHost() == 0) {
        if (m_pendingBaud >= 0) {
            const qint64 b = m_pendingBaud;
            m_pendingBaud = -1;
            setBaud(b);
            if (m_baud <= 0)
                return;
        }
        m_outBaseNs = now;
        m_outSent = 0;
    }
    m_keepTicking = false; // a starved producer asks again from ticked()
    emit ticked();

    if (pendingFromHost() > 0) {
        const qint64 n = qMin(pendingFromHost(), budget(now, m_inBaseNs, m_inTaken));
        if (n > 0) {
            m_inTaken += n;
            m_inDone += n;
            const QByteArray chunk = m_inQueue.mid(m_inPos, n);
            m_inPos += n;
            if (m_inPos >= m_inQueue.size()) {
                m_inQueue.clear();
                m_inPos = 0;
            } else if (m_inPos > 64 * 1024) {
                m_inQueue.remove(0, m_inPos);
                m_inPos = 0;
            }
            emit deviceBytes(chunk);
        }
    } else {
        m_inBaseNs = now;
        m_inTaken = 0;
    }
    scheduleNext(now);
}

qint64 UartPacer::toHostBusyNs() const
{
    if (m_baud <= 0 || pendingToHost() == 0)
        return 0;
    return qMax<qint64>(0, m_outBaseNs + lineNs(m_outSent + pendingToHost()) - m_clock.nsecsElapsed());
}

qint64 UartPacer::stepDueNs(qint64 base, qint64 sent, qint64 pending) const
{
    const double rate = double(m_baud) / 10.0;
    const qint64 step = qMin(pending, qMax<qint64>(1, qint64(rate * double(kStepNs) / 1e9)));
    // +1 ns so that budget() (which rounds down) already counts the last byte of the step.
    return base + lineNs(sent + step) + 1;
}

qint64 UartPacer::lineNs(qint64 bytes) const
{
    return qint64(std::ceil(double(bytes) * 1e9 / (double(m_baud) / 10.0)));
}

qint64 UartPacer::untilWriteEnd(std::deque<qint64> &ends, qint64 done, qint64 pending)
{
    while (!ends.empty() && ends.front() <= done)
        ends.pop_front();
    return ends.empty() ? pending : qMin(pending, ends.front() - done);
}

void UartPacer::scheduleNext(qint64 now)
{
    if (m_baud <= 0) {
        m_timer.stop();
        return;
    }
    qint64 next = -1;
    auto consider = [&next](qint64 t) {
        if (next < 0 || t < next)
            next = t;
    };
    // A step ends at the latest with the write it is in: bytes queued behind a write never hold
    // its last byte back.
    if (pendingToHost() > 0)
        consider(stepDueNs(m_outBaseNs, m_outSent, untilWriteEnd(m_outEnds, m_outDone, pendingToHost())));
    if (pendingFromHost() > 0)
        consider(stepDueNs(m_inBaseNs, m_inTaken, untilWriteEnd(m_inEnds, m_inDone, pendingFromHost())));
    if (m_keepTicking)
        consider(now + kStepNs);
    if (next < 0) {
        m_timer.stop();
        return;
    }
    m_timer.start(next - m_clock.nsecsElapsed());
}

} // namespace atb::sim
