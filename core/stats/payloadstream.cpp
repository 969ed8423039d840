#include "payloadstream.h"

#include <cstring>

namespace atb {

namespace {
constexpr char kMarker = char(0xA5);
constexpr char kHex[] = "0123456789ABCDEF";

quint8 crc8(const char *p, int n)
{
    quint8 c = 0;
    for (int i = 0; i < n; ++i) {
        c ^= quint8(p[i]);
        for (int b = 0; b < 8; ++b)
            c = (c & 0x80) ? quint8((c << 1) ^ 0x07) : quint8(c << 1);
    }
    return c;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Sequence number of a valid record at p, or -1.
qint64 checkRecord(const char *p)
{
    if (p[0] != kMarker)
        return -1;
    const quint8 c = crc8(p, 30);
    if (p[30] != kHex[c >> 4] || p[31] != kHex[c & 15])
        return -1;
    qint64 seq = 0;
    for (int i = 1; i <= 8; ++i) {
        const int v = hexValue(p[i]);
        if (v < 0)
            return -1;
        seq = seq * 16 + v;
    }
    return seq;
}
} // namespace

QByteArray PayloadGenerator::record(quint32 seq)
{
    char r[kRecordSize];
    r[0] = kMarker;
    for (int i = 0; i < 8; ++i)
        r[1 + i] = kHex[(seq >> (28 - 4 * i)) & 15];
    for (int i = 0; i < 21; ++i)
        r[9 + i] = char('a' + (seq + quint32(i)) % 26);
    const quint8 c = crc8(r, 30);
    r[30] = kHex[c >> 4];
    r[31] = kHex[c & 15];
    return QByteArray(r, kRecordSize);
}

QByteArray PayloadGenerator::next(qsizetype n)
{
    QByteArray out;
    out.reserve(n);
    while (out.size() < n) {
        const quint32 seq = quint32(m_offset / kRecordSize);
        const int in = int(m_offset % kRecordSize);
        const QByteArray r = record(seq);
        const qsizetype take = qMin<qsizetype>(kRecordSize - in, n - out.size());
        out.append(r.constData() + in, take);
        m_offset += take;
    }
    return out;
}

void PayloadChecker::feed(const char *data, qsizetype n)
{
    constexpr int R = PayloadGenerator::kRecordSize;
    m_received += n;
    m_buf.append(data, n);
    qsizetype pos = 0;
    const qsizetype size = m_buf.size();
    const char *b = m_buf.constData();
    while (size - pos >= R) {
        const qint64 seq = checkRecord(b + pos);
        if (seq >= 0) {
            if (seq != m_expected) {
                ++m_errors;
                if (seq > m_expected)
                    m_missing += seq - m_expected;
            }
            m_expected = seq + 1;
            m_good += R;
            pos += R;
            m_inBadRun = false;
            continue;
        }
        if (!m_inBadRun) {
            ++m_errors;
            m_inBadRun = true;
        }
        const void *next = std::memchr(b + pos + 1, kMarker, size_t(size - pos - 1));
        const qsizetype to = next ? qsizetype(static_cast<const char *>(next) - b) : size;
        m_bad += to - pos;
        pos = to;
    }
    m_buf.remove(0, pos);
}

void PayloadChecker::finish()
{
    if (!m_buf.isEmpty()) {
        m_bad += m_buf.size();
        ++m_errors;
        m_buf.clear();
    }
}

} // namespace atb
