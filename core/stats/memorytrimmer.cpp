#include "stats/memorytrimmer.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace atb {

MemoryTrimmer::MemoryTrimmer(QObject *parent, int intervalMs) : QObject(parent)
{
    connect(&m_timer, &QTimer::timeout, this, [this] {
        trimNow();
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
