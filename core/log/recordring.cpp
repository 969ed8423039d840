#include "recordring.h"

#include <algorithm>
#include <cstring>

namespace atb {

RecordRing::RecordRing(qsizetype maxRecords, qsizetype maxBytes)
    : m_maxRecords(qMax<qsizetype>(1, maxRecords)), m_maxBytes(qBound(qsizetype(1), maxBytes, qsizetype(0x7fffffff)))
{
}

void RecordRing::clear()
{
    m_bytes.reset();
    m_ringSize = 0;
    std::vector<Entry>().swap(m_entries);
    m_tail = m_used = m_textBytes = m_first = m_count = 0;
}

void RecordRing::popFront()
{
    const Entry &e = m_entries[m_first];
    m_used -= e.pad + e.length;
    m_textBytes -= e.length;
    m_first = (m_first + 1) % qsizetype(m_entries.size());
    if (--m_count == 0)
        m_tail = m_used = m_first = 0;
}

void RecordRing::growEntries()
{
    const qsizetype size = qsizetype(m_entries.size());
    std::vector<Entry> grown(size_t(qMin(qMax<qsizetype>(64, size * 2), m_maxRecords)));
    for (qsizetype i = 0; i < m_count; ++i)
        grown[size_t(i)] = entry(i);
    m_entries.swap(grown);
    m_first = 0;
}

void RecordRing::growBytes(qsizetype atLeast)
{
    const qsizetype size = qMin(std::max({ qsizetype(64 * 1024), m_ringSize * 2, atLeast }), m_maxBytes);
    // Zeroed, so its pages are resident from here on: a log's memory settles while it fills
    // rather than creeping up as the tail first reaches each page.
    std::unique_ptr<char[]> grown(new char[size_t(size)]());
    qsizetype at = 0;
    for (qsizetype i = 0; i < m_count; ++i) {
        Entry &e = m_entries[(m_first + i) % m_entries.size()];
        std::memcpy(grown.get() + at, m_bytes.get() + e.offset, e.length);
        e.offset = quint32(at);
        e.pad = 0;
        at += e.length;
    }
    m_bytes.swap(grown);
    m_ringSize = size;
    m_tail = m_used = at;
}

void RecordRing::push(const LogRecord &r)
{
    if (m_count == m_maxRecords)
        popFront();
    const qsizetype length = qMin(r.text.size(), m_maxBytes);
    // The text is kept in one piece: when it does not fit before the ring's end, it starts at 0
    // and the bytes skipped belong to it (freed with it). When the texts held do not leave room,
    // the ring grows while it may, and the oldest records go when it may not.
    qsizetype offset = 0, pad = 0;
    for (;;) {
        if (m_ringSize - m_tail >= length) {
            offset = m_tail;
            pad = 0;
        } else {
            offset = 0;
            pad = m_ringSize - m_tail;
        }
        if (m_used + pad + length <= m_ringSize && m_bytes)
            break;
        if (m_ringSize < m_maxBytes)
            growBytes(m_textBytes + length);
        else
            popFront(); // m_count > 0 here: an empty ring of m_maxBytes takes any clipped text
    }
    if (m_count == qsizetype(m_entries.size()))
        growEntries();
    if (length > 0)
        std::memcpy(m_bytes.get() + offset, r.text.constData(), size_t(length));
    m_entries[(m_first + m_count) % m_entries.size()] =
        Entry { r.timeMs, r.commandId, quint32(offset), quint32(length), quint32(pad), quint8(r.kind), r.failure };
    ++m_count;
    ++m_pushed;
    m_tail = offset + length;
    m_used += pad + length;
    m_textBytes += length;
}

LogRecord RecordRing::header(qsizetype i) const
{
    const Entry &e = entry(i);
    LogRecord r;
    r.timeMs = e.timeMs;
    r.kind = LogRecord::Kind(e.kind);
    r.commandId = e.commandId;
    r.failure = e.failure;
    return r;
}

LogRecord RecordRing::at(qsizetype i) const
{
    LogRecord r = header(i);
    const Entry &e = entry(i);
    r.text = QByteArray(m_bytes.get() + e.offset, e.length);
    return r;
}

} // namespace atb
