#include "stats/memorytrimmer.h"

#include <QElapsedTimer>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace atb {

MemoryTrimmer::MemoryTrimmer(QObject *parent, int intervalMs) : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        QElapsedTimer took;
        took.start();
        trimNow();
        const double ms = double(took.nsecsElapsed()) / 1e6;
        m_longestMs = qMax(m_longestMs, ms);
        m_totalMs += ms;
        ++m_trims;
    });
    m_timer.start(qMax(1000, intervalMs));
}

bool MemoryTrimmer::trimNow()
{
#ifdef __GLIBC__
    return ::malloc_trim(0) != 0;
#else
    return false;
#endif
}

} // namespace atb
