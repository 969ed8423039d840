#pragma once
// MemoryTrimmer: gives the allocator's free pages back to the system now and then.
//
// A long session allocates and frees millions of small blocks (log records, parsed events,
// queued signal arguments) from several threads. glibc keeps freed memory in per-thread arenas
// and returns it to the system only from the top of the main heap, so the process's RSS creeps
// up for hours while the memory in use stays flat: the one-hour soak (performance.md 7, G12)
// measured a heap slope of 0.02-0.03 MB/h against an RSS slope of 3.3-6.6 MB/h. malloc_trim()
// releases every arena's free pages (madvise), which the owner calls on a timer. It costs a few
// milliseconds on the calling thread and takes the allocator's locks while it runs. A no-op where
// the C library is not glibc.
#include <QObject>
#include <QTimer>

namespace atb {

class MemoryTrimmer : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 30000;
    explicit MemoryTrimmer(QObject *parent = nullptr, int intervalMs = kDefaultIntervalMs);

    // Releases the free pages at once; returns whether anything was given back.
    static bool trimNow();
    int trims() const { return m_trims; }
    // How long the timer's trims held the owner's thread (the longest, and all of them).
    double longestTrimMs() const { return m_longestMs; }
    double totalTrimMs() const { return m_totalMs; }

private:
    QTimer m_timer;
    int m_trims = 0;
    double m_longestMs = 0;
    double m_totalMs = 0;
};

} // namespace atb
