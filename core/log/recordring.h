#pragma once

#include "sessionlog.h"

#include <memory>
#include <vector>

namespace atb {

// The session log's memory: at most `maxRecords` records and `maxBytes` bytes of their text,
// the oldest dropped first. The texts live in one byte ring and each record is a fixed-size entry
// in a second ring; both grow by doubling while the log fills (the byte ring only as far as the
// newest maxRecords texts need, never past maxBytes) and then stay, so a log that runs for days
// allocates nothing per record. That matters: 100 000 separately allocated texts of mixed sizes (60-byte
// URCs between 2 KB +IPD lines) freed first-in first-out fragment the malloc arena, whose top
// keeps extending while the bytes in use stay flat (docs/performance.md 7). Not thread-safe:
// SessionLog holds it under its mutex.
class RecordRing
{
public:
    RecordRing(qsizetype maxRecords, qsizetype maxBytes);

    // Stores a copy. A text longer than the whole byte ring keeps its first maxBytes() bytes
    // (the stream file, when there is one, has it all).
    void push(const LogRecord &record);
    void clear(); // and gives the memory back; serials go on

    // Every record pushed has a serial (0, 1, ...): the ring holds [firstSerial, endSerial).
    // A view that maps its rows to serials stays right while records drop out under it.
    quint64 firstSerial() const { return m_pushed - quint64(m_count); }
    quint64 endSerial() const { return m_pushed; }

    qsizetype size() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    qsizetype textBytes() const { return m_textBytes; } // the texts' bytes, not the padding
    qsizetype maxRecords() const { return m_maxRecords; }
    qsizetype maxBytes() const { return m_maxBytes; }
    qsizetype ringBytes() const { return m_ringSize; } // the byte ring's allocated size
    LogRecord at(qsizetype i) const; // 0 = the oldest
    LogRecord header(qsizetype i) const; // the same without its text (no copy, no allocation)

private:
    struct Entry
    {
        qint64 timeMs;
        quint64 commandId;
        quint32 offset; // where the text starts in the byte ring
        quint32 length;
        quint32 pad;    // bytes skipped at the ring's end before this text (it starts at 0)
        quint8 kind;    // LogRecord::Kind
        bool failure;
    };

    const Entry &entry(qsizetype i) const { return m_entries[(m_first + i) % m_entries.size()]; }
    void popFront();
    void growEntries();
    void growBytes(qsizetype atLeast);

    qsizetype m_maxRecords;
    qsizetype m_maxBytes;
    std::unique_ptr<char[]> m_bytes;
    qsizetype m_ringSize = 0;
    qsizetype m_tail = 0;            // where the next text goes
    qsizetype m_used = 0;            // bytes from the oldest text to m_tail, padding included
    qsizetype m_textBytes = 0;
    std::vector<Entry> m_entries;    // a ring too; grows by doubling up to m_maxRecords
    qsizetype m_first = 0;
    qsizetype m_count = 0;
    quint64 m_pushed = 0;
};

} // namespace atb
