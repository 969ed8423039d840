#include "framer.h"

#include <cstring>

namespace atb {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Parses an unsigned decimal in [from, to). Returns -1 when empty, not all digits, or absurd.
qint64 parseNumber(const char *data, qsizetype from, qsizetype to)
{
    if (from >= to || to - from > 12)
        return -1;
    qint64 v = 0;
    for (qsizetype i = from; i < to; ++i) {
        if (!isDigit(data[i]))
            return -1;
        v = v * 10 + (data[i] - '0');
    }
    return v;
}

bool startsWith(const char *data, qsizetype avail, const char *prefix, qsizetype plen)
{
    return avail >= plen && std::memcmp(data, prefix, size_t(plen)) == 0;
}

// True when the available bytes are a proper prefix of `prefix` (so more input could match).
bool couldStartWith(const char *data, qsizetype avail, const char *prefix, qsizetype plen)
{
    return avail < plen && std::memcmp(data, prefix, size_t(avail)) == 0;
}

constexpr char kIpdComma[] = "+IPD,";
constexpr char kIpdParen[] = "+IPD(";
constexpr char kSubRecv[] = "+MQTTSUBRECV:";
constexpr char kRecvData[] = "+CIPRECVDATA";
constexpr qsizetype kIpdHeaderMax = 160;
constexpr qsizetype kSubRecvHeaderMax = 1200;
constexpr qsizetype kRecvDataHeaderMax = 160;

} // namespace

Framer::Framer(FrameSink *sink) : m_sink(sink)
{
    m_buf.reserve(64 * 1024);
}

void Framer::reset()
{
    m_buf.clear();
    m_pos = 0;
    m_state = State::LineStart;
    m_afterPrompt = false;
}

void Framer::setRawMode(bool raw)
{
    // Only flips the mode: bytes already buffered are delivered as Raw (or as lines) by the next
    // step, which keeps this safe to call from inside a frame callback.
    m_raw = raw;
}

void Framer::feed(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    if (m_raw && m_pos == m_buf.size()) {
        Frame f;
        f.kind = Frame::Kind::Raw;
        f.payload = bytes;
        m_sink->onFrame(f);
        return;
    }
    m_buf.append(bytes.data(), bytes.size());
    while (step(false)) { }
    compact();
}

void Framer::finish()
{
    while (m_pos < m_buf.size() && step(true)) { }
    m_buf.clear();
    m_pos = 0;
    m_state = State::LineStart;
}

void Framer::compact()
{
    if (m_pos == 0)
        return;
    if (m_pos >= m_buf.size()) {
        m_buf.resize(0); // keeps the capacity
        m_pos = 0;
        return;
    }
    // Move the unconsumed tail to the front only when it is worth it.
    if (m_pos > 4096 || m_pos * 2 > m_buf.size()) {
        const qsizetype rest = m_buf.size() - m_pos;
        std::memmove(m_buf.data(), m_buf.constData() + m_pos, size_t(rest));
        m_buf.resize(rest);
        m_pos = 0;
    }
}

void Framer::emitError(const char *message, QByteArrayView salvaged)
{
    Frame f;
    f.kind = Frame::Kind::Error;
    f.text = QByteArrayView(message);
    f.payload = salvaged;
    m_sink->onFrame(f);
}

bool Framer::step(bool atEnd)
{
    if (m_pos >= m_buf.size())
        return false;
    if (m_raw) {
        Frame f;
        f.kind = Frame::Kind::Raw;
        f.payload = QByteArrayView(m_buf.constData() + m_pos, m_buf.size() - m_pos);
        m_pos = m_buf.size();
        m_sink->onFrame(f);
        return false;
    }
    switch (m_state) {
    case State::Payload:
        return stepPayload(atEnd);
    case State::Discard: {
        const char *base = m_buf.constData();
        const void *lf = std::memchr(base + m_pos, '\n', size_t(m_buf.size() - m_pos));
        if (!lf) {
            m_pos = m_buf.size();
            return false;
        }
        m_pos = static_cast<const char *>(lf) - base + 1;
        m_state = State::LineStart;
        return true;
    }
    case State::LineStart:
        return stepLine(atEnd);
    }
    return false;
}

bool Framer::stepLine(bool atEnd)
{
    const char *base = m_buf.constData();
    const qsizetype size = m_buf.size();
    const qsizetype avail = size - m_pos;
    const char *p = base + m_pos;

    if (m_afterPrompt) {
        m_afterPrompt = false;
        if (p[0] == ' ') {
            ++m_pos;
            return true;
        }
    }
    if (p[0] == '>') {
        // The data prompt has no newline after it and the module then waits for us, so it
        // cannot be held back until more input arrives. A '>' at the start of a line is
        // therefore always the prompt (no AT firmware starts a line with '>'); what follows it
        // in a capture (Beken prints "SEND OK" right after the data) is the next line.
        // "> " (v1.x firmware) is accepted too.
        m_pos += (avail > 1 && p[1] == ' ') ? 2 : 1;
        m_afterPrompt = avail == 1;
        Frame f;
        f.kind = Frame::Kind::Prompt;
        m_sink->onFrame(f);
        return true;
    } else if (p[0] == '+') {
        switch (parseHeader(atEnd)) {
        case HeaderResult::Complete:
            return true;
        case HeaderResult::NeedMore:
            return false;
        case HeaderResult::NotAHeader:
            break;
        }
    }

    const void *lfp = std::memchr(p, '\n', size_t(avail));
    qsizetype end, next;
    if (lfp) {
        const qsizetype lf = static_cast<const char *>(lfp) - base;
        const void *crp = std::memchr(p, '\r', size_t(lf - m_pos));
        if (crp) {
            end = static_cast<const char *>(crp) - base;
            next = (end + 1 == lf) ? lf + 1 : end + 1;
        } else {
            end = lf;
            next = lf + 1;
        }
    } else {
        const void *crp = std::memchr(p, '\r', size_t(avail));
        if (crp && static_cast<const char *>(crp) - base + 1 < size) {
            end = static_cast<const char *>(crp) - base; // lone CR terminates
            next = end + 1;
        } else if (atEnd) {
            end = crp ? static_cast<const char *>(crp) - base : size;
            next = size;
        } else {
            if (avail > m_maxLine) {
                emitError("line too long: discarded up to the next line feed",
                          QByteArrayView(p, 64));
                m_pos = size;
                m_state = State::Discard;
            }
            return false;
        }
    }
    const qsizetype len = end - m_pos;
    if (len > m_maxLine) {
        emitError("line too long: discarded", QByteArrayView(p, 64));
    } else {
        Frame f;
        f.kind = Frame::Kind::Line;
        f.text = QByteArrayView(p, len);
        m_sink->onFrame(f);
    }
    m_pos = next;
    return true;
}

Framer::HeaderResult Framer::parseHeader(bool atEnd)
{
    const char *p = m_buf.constData() + m_pos;
    const qsizetype avail = m_buf.size() - m_pos;
    if (startsWith(p, avail, kIpdComma, 5) || startsWith(p, avail, kIpdParen, 5))
        return parseIpd(m_pos, avail, atEnd);
    if (startsWith(p, avail, kSubRecv, 13))
        return parseSubRecv(m_pos, avail, atEnd);
    if (startsWith(p, avail, kRecvData, 12) && avail > 12 && (p[12] == ':' || p[12] == ','))
        return parseRecvData(m_pos, avail, atEnd);
    if (!atEnd
        && (couldStartWith(p, avail, kIpdComma, 4) // "+IPD" then ',' or '('
            || (avail == 4 && std::memcmp(p, "+IPD", 4) == 0)
            || couldStartWith(p, avail, kSubRecv, 13) || couldStartWith(p, avail, kRecvData, 13)))
        return HeaderResult::NeedMore;
    return HeaderResult::NotAHeader;
}

Framer::HeaderResult Framer::acceptHeader(Frame::Record rec, qsizetype headerLen, qint64 len)
{
    if (len > m_maxPayload) {
        emitError("absurd payload length: header treated as a line",
                  QByteArrayView(m_buf.constData() + m_pos, headerLen));
        m_pos += headerLen;
        return HeaderResult::Complete;
    }
    m_rec = rec;
    m_headerLen = headerLen;
    m_payloadLen = len;
    m_state = State::Payload;
    return HeaderResult::Complete;
}

// +IPD,<len>:  +IPD,<id>,<len>:  +IPD,<len>,"<ip>",<port>:  +IPD,<id>,<len>,"<ip>",<port>:
// +IPD(<id>),<len>:  (Beken). A line ending before ':' is the passive-mode notification and is
// left to the line path.
Framer::HeaderResult Framer::parseIpd(qsizetype from, qsizetype avail, bool atEnd)
{
    const char *p = m_buf.constData() + from;
    const qsizetype limit = qMin(avail, kIpdHeaderMax);
    qsizetype colon = -1;
    bool quoted = false;
    for (qsizetype i = 5; i < limit; ++i) {
        const char c = p[i];
        if (c == '"')
            quoted = !quoted;
        else if (c == '\r' || c == '\n')
            return HeaderResult::NotAHeader;
        else if (c == ':' && !quoted) {
            colon = i;
            break;
        }
    }
    if (colon < 0)
        return (limit == avail && !atEnd) ? HeaderResult::NeedMore : HeaderResult::NotAHeader;

    // Split the fields between the prefix and the colon at unquoted commas.
    qsizetype fieldFrom[5], fieldTo[5];
    int n = 0;
    qsizetype start = 5;
    quoted = false;
    for (qsizetype i = 5; i <= colon; ++i) {
        if (i < colon && p[i] == '"') {
            quoted = !quoted;
            continue;
        }
        if (i == colon || (p[i] == ',' && !quoted)) {
            if (n == 5)
                return HeaderResult::NotAHeader;
            fieldFrom[n] = start;
            fieldTo[n] = i;
            ++n;
            start = i + 1;
        }
    }

    int link = -1, port = -1;
    qint64 len = -1;
    qsizetype ipFrom = 0, ipLen = 0;
    auto num = [&](int k) { return parseNumber(p, fieldFrom[k], fieldTo[k]); };
    auto takeIp = [&](int k) {
        qsizetype a = fieldFrom[k], b = fieldTo[k];
        if (b - a >= 2 && p[a] == '"' && p[b - 1] == '"') {
            ++a;
            --b;
        }
        ipFrom = a;
        ipLen = b - a;
    };
    if (p[4] == '(') {
        // "(<id>)" then ",<len>"
        if (n != 2 || fieldTo[0] - fieldFrom[0] < 2 || p[fieldTo[0] - 1] != ')')
            return HeaderResult::NotAHeader;
        const qint64 id = parseNumber(p, fieldFrom[0], fieldTo[0] - 1);
        len = num(1);
        if (id < 0 || len < 0)
            return HeaderResult::NotAHeader;
        link = int(id);
    } else if (n == 1) {
        len = num(0);
    } else if (n == 2) {
        link = int(num(0));
        len = num(1);
        if (link < 0)
            return HeaderResult::NotAHeader;
    } else if (n == 3) {
        len = num(0);
        takeIp(1);
        port = int(num(2));
    } else if (n == 4) {
        link = int(num(0));
        len = num(1);
        takeIp(2);
        port = int(num(3));
        if (link < 0)
            return HeaderResult::NotAHeader;
    } else {
        return HeaderResult::NotAHeader;
    }
    if (len < 0 || (n >= 3 && (port < 0 || port > 65535 || ipLen == 0)))
        return HeaderResult::NotAHeader;

    m_link = link;
    m_port = port;
    m_ipFrom = ipFrom;
    m_ipLen = ipLen;
    m_topicFrom = m_topicLen = 0;
    return acceptHeader(Frame::Record::Ipd, colon + 1, len);
}

// +MQTTSUBRECV:<id>,"<topic>",<len>,<data>. The topic may hold quotes and commas, so the header
// ends at the first `",<digits>,` after the opening quote.
Framer::HeaderResult Framer::parseSubRecv(qsizetype from, qsizetype avail, bool atEnd)
{
    const char *p = m_buf.constData() + from;
    const qsizetype limit = qMin(avail, kSubRecvHeaderMax);
    auto more = [&] { return (limit == avail && !atEnd) ? HeaderResult::NeedMore
                                                         : HeaderResult::NotAHeader; };
    qsizetype i = 13;
    const qsizetype idFrom = i;
    while (i < limit && isDigit(p[i]))
        ++i;
    if (i == limit)
        return more();
    if (i == idFrom || p[i] != ',')
        return HeaderResult::NotAHeader;
    const qint64 link = parseNumber(p, idFrom, i);
    ++i;
    if (i == limit)
        return more();
    if (p[i] != '"')
        return HeaderResult::NotAHeader;
    const qsizetype topicFrom = ++i;
    for (; i < limit; ++i) {
        const char c = p[i];
        if (c == '\r' || c == '\n')
            return HeaderResult::NotAHeader;
        if (c != '"')
            continue;
        // candidate end of topic at i: need `",<digits>,`
        qsizetype j = i + 1;
        if (j == limit)
            return more();
        if (p[j] != ',')
            continue;
        ++j;
        const qsizetype lenFrom = j;
        while (j < limit && isDigit(p[j]))
            ++j;
        if (j == limit)
            return more();
        if (j == lenFrom || p[j] != ',')
            continue;
        const qint64 len = parseNumber(p, lenFrom, j);
        if (len < 0)
            continue;
        m_link = int(link);
        m_port = -1;
        m_ipFrom = m_ipLen = 0;
        m_topicFrom = topicFrom;
        m_topicLen = i - topicFrom;
        return acceptHeader(Frame::Record::MqttSubRecv, j + 1, len);
    }
    return more();
}

// +CIPRECVDATA:<len>,<data>  +CIPRECVDATA:<len>,"<ip>",<port>,<data>  +CIPRECVDATA,<len>:<data>
Framer::HeaderResult Framer::parseRecvData(qsizetype from, qsizetype avail, bool atEnd)
{
    const char *p = m_buf.constData() + from;
    const qsizetype limit = qMin(avail, kRecvDataHeaderMax);
    auto more = [&] { return (limit == avail && !atEnd) ? HeaderResult::NeedMore
                                                         : HeaderResult::NotAHeader; };
    const char sep = p[12];
    qsizetype i = 13;
    const qsizetype lenFrom = i;
    while (i < limit && isDigit(p[i]))
        ++i;
    if (i == limit)
        return more();
    const qint64 len = parseNumber(p, lenFrom, i);
    if (len < 0)
        return HeaderResult::NotAHeader;
    m_link = -1;
    m_port = -1;
    m_ipFrom = m_ipLen = m_topicFrom = m_topicLen = 0;
    if (sep == ',') { // old NONOS form
        if (p[i] != ':')
            return HeaderResult::NotAHeader;
        return acceptHeader(Frame::Record::CipRecvData, i + 1, len);
    }
    if (p[i] != ',')
        return HeaderResult::NotAHeader;
    const qsizetype dataStart = i + 1;
    // Optional "<ip>",<port>, : only taken when it is well formed, otherwise it is data.
    qsizetype j = dataStart;
    if (j == limit)
        return atEnd ? acceptHeader(Frame::Record::CipRecvData, dataStart, len) : more();
    if (p[j] == '"') {
        ++j;
        const qsizetype ipFrom = j;
        auto ipChar = [](char c) {
            return isDigit(c) || c == '.' || c == ':' || (c >= 'a' && c <= 'f')
                || (c >= 'A' && c <= 'F');
        };
        while (j < limit && ipChar(p[j]))
            ++j;
        qsizetype ipTo = j;
        bool ok = j < limit && p[j] == '"' && ipTo > ipFrom;
        if (ok) {
            ++j;
            ok = j < limit && p[j] == ',';
            if (ok) {
                ++j;
                const qsizetype portFrom = j;
                while (j < limit && isDigit(p[j]))
                    ++j;
                ok = j < limit && p[j] == ',' && j > portFrom;
                if (ok) {
                    const qint64 port = parseNumber(p, portFrom, j);
                    if (port >= 0 && port <= 65535) {
                        m_ipFrom = ipFrom;
                        m_ipLen = ipTo - ipFrom;
                        m_port = int(port);
                        return acceptHeader(Frame::Record::CipRecvData, j + 1, len);
                    }
                }
            }
        }
        if (j >= limit && limit == avail && !atEnd)
            return HeaderResult::NeedMore;
    }
    return acceptHeader(Frame::Record::CipRecvData, dataStart, len);
}

bool Framer::stepPayload(bool atEnd)
{
    const qsizetype need = m_headerLen + m_payloadLen;
    const qsizetype avail = m_buf.size() - m_pos;
    const char *p = m_buf.constData() + m_pos;
    if (avail < need) {
        if (!atEnd)
            return false;
        emitError("truncated payload: the input ended before the announced length",
                  QByteArrayView(p + qMin(avail, m_headerLen), qMax<qsizetype>(0, avail - m_headerLen)));
        m_pos = m_buf.size();
        m_state = State::LineStart;
        return false;
    }
    Frame f;
    f.kind = Frame::Kind::Payload;
    f.record = m_rec;
    f.text = QByteArrayView(p, m_headerLen);
    f.payload = QByteArrayView(p + m_headerLen, m_payloadLen);
    f.link = m_link;
    f.length = m_payloadLen;
    f.remotePort = m_port;
    if (m_ipLen)
        f.remoteIp = QByteArrayView(p + m_ipFrom, m_ipLen);
    if (m_topicLen)
        f.topic = QByteArrayView(p + m_topicFrom, m_topicLen);
    m_pos += need;
    m_state = State::LineStart;
    m_sink->onFrame(f);
    return true;
}

} // namespace atb
