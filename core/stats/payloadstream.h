#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace atb {

// A self-checking byte stream for throughput runs, so loss is detected, not guessed.
// The stream is a sequence of 32-byte records:
//   0xA5 | 8 hex digits: sequence number | 21 letters derived from the sequence | 2 hex: CRC-8
// Only the marker byte is non-ASCII, the rest is letters and digits: nothing in it looks like
// "+++", a line end or a marker. A stream may be cut anywhere (chunks, datagrams, +IPD frames).
class PayloadGenerator
{
public:
    static constexpr int kRecordSize = 32;

    // The next `n` bytes of the stream.
    QByteArray next(qsizetype n);
    qint64 produced() const { return m_offset; }
    void reset() { m_offset = 0; }

    static QByteArray record(quint32 seq);

private:
    qint64 m_offset = 0;
};

// Checks a received stream: counts good records, records missing between good ones (sequence
// gaps), and bytes that were not part of a good record (damaged, truncated or shifted records).
class PayloadChecker
{
public:
    void feed(const char *data, qsizetype n);
    void feed(const QByteArray &bytes) { feed(bytes.constData(), bytes.size()); }
    // End of stream: bytes of a trailing partial record count as bad.
    void finish();
    void reset() { *this = PayloadChecker(); }

    qint64 received() const { return m_received; }          // every byte fed
    qint64 goodBytes() const { return m_good; }             // bytes in records that checked out
    qint64 badBytes() const { return m_bad; }               // bytes outside good records
    qint64 missingRecords() const { return m_missing; }     // sequence gaps between good records
    qint64 errors() const { return m_errors; }              // damaged stretches + gaps + reorders
    qint64 nextSequence() const { return m_expected; }
    bool clean() const { return m_bad == 0 && m_missing == 0 && m_errors == 0; }

private:
    QByteArray m_buf;
    qint64 m_received = 0, m_good = 0, m_bad = 0, m_missing = 0, m_errors = 0;
    qint64 m_expected = 0;
    bool m_inBadRun = false;
};

} // namespace atb
