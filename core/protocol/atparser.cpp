#include "atparser.h"

#include <cstring>

namespace atb {

namespace {

constexpr QByteArrayView kErrCodePrefix("ERR CODE:");

struct Token
{
    QByteArrayView text;
    AtEvent::FinalClass cls;
};

constexpr Token kFinals[] = {
    { "OK", AtEvent::FinalClass::Success },
    { "ERROR", AtEvent::FinalClass::Failure },
    { "SEND OK", AtEvent::FinalClass::Success },
    { "SEND FAIL", AtEvent::FinalClass::Failure },
    { "SEND ERROR", AtEvent::FinalClass::Failure },
    { "SEND Canceled", AtEvent::FinalClass::Failure },
    { "SET OK", AtEvent::FinalClass::Success },
    { "FAIL", AtEvent::FinalClass::Failure },
    { "busy p...", AtEvent::FinalClass::Busy },
    { "busy s...", AtEvent::FinalClass::Busy },
    { "BUSY", AtEvent::FinalClass::Busy },
    { "CMDRSP:OK", AtEvent::FinalClass::Success },
    { "CMDRSP:ERROR", AtEvent::FinalClass::Failure },
    { "+MQTTPUB:OK", AtEvent::FinalClass::Success },
    { "+MQTTPUB:FAIL", AtEvent::FinalClass::Failure },
    { "+MQTTPUBRAW:OK", AtEvent::FinalClass::Success },
    { "+MQTTPUBRAW:FAIL", AtEvent::FinalClass::Failure },
};

constexpr QByteArrayView kUrcExact[] = {
    "ready",
    "WIFI CONNECTED",
    "WIFI GOT IP",
    "WIFI DISCONNECT",
    "WIFI GOT IPv6 LL",
    "WIFI GOT IPv6 GL",
    "WFI DISCONNECTED", // sic, Beken plain build
    "WIFI DISCONNECTED", // the same, spelled right (tolerated)
    "CONNECT",
    "CLOSED",
    "CONNECT FAIL",
    "+QUIT",
    "+QUITT",
    "+TIME_UPDATED",
    "+ETH_CONNECTED",
    "+ETH_DISCONNECTED",
    "Will force to restart!!!",
    "smartconfig connected wifi",
};

// Lines whose name is "prefix up to and including the first ':'".
constexpr QByteArrayView kUrcPrefixes[] = {
    "+MQTTCONNECTED:", "+MQTTDISCONNECTED:", "+STA_CONNECTED:", "+DIST_STA_IP:",
    "+STA_DISCONNECTED:", "+LINK_CONN:", "+ETH_GOT_IP:", "EVT:", "+TIME_UPDATED:",
    "+IPD,", "+IPD(",
};

QByteArrayView trimmedRight(QByteArrayView v)
{
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

int leadingLink(QByteArrayView line, qsizetype *comma)
{
    qsizetype i = 0;
    int v = 0;
    while (i < line.size() && i < 3 && line[i] >= '0' && line[i] <= '9') {
        v = v * 10 + (line[i] - '0');
        ++i;
    }
    if (i == 0 || i >= line.size() || line[i] != ',')
        return -1;
    *comma = i;
    return v;
}

} // namespace

AtEvent AtEventView::toEvent() const
{
    AtEvent e;
    e.kind = kind;
    e.finalClass = finalClass;
    e.text = text.toByteArray();
    e.name = name.toByteArray();
    e.link = link;
    e.length = length;
    e.payload = payload.toByteArray();
    e.topic = topic.toByteArray();
    e.remoteIp = remoteIp.toByteArray();
    e.remotePort = remotePort;
    for (int i = 0; i < errCodeCount; ++i)
        e.errCodes.append(errCodes[i]);
    return e;
}

AtParser::AtParser(AtEventSink *sink, Dialect dialect)
    : m_sink(sink), m_dialect(dialect), m_framer(this)
{
}

void AtParser::finish()
{
    m_framer.finish();
    flushPendingCodes();
}

void AtParser::reset()
{
    m_framer.reset();
    m_codeCount = 0;
}

AtEvent::FinalClass AtParser::finalClassOf(QByteArrayView line)
{
    line = trimmedRight(line);
    if (line.isEmpty() || line.size() > 16)
        return AtEvent::FinalClass::None;
    for (const Token &t : kFinals) {
        if (line == t.text)
            return t.cls;
    }
    return AtEvent::FinalClass::None;
}

bool AtParser::isUrcLine(QByteArrayView line, QByteArrayView *name, int *link)
{
    *link = -1;
    const QByteArrayView t = trimmedRight(line);
    for (QByteArrayView u : kUrcExact) {
        if (t == u) {
            *name = t;
            return true;
        }
    }
    qsizetype comma = 0;
    const int id = leadingLink(t, &comma);
    if (id >= 0) {
        const QByteArrayView rest = t.sliced(comma + 1);
        if (rest == "CONNECT" || rest == "CLOSED" || rest == "CONNECT FAIL") {
            *name = rest;
            *link = id;
            return true;
        }
    }
    for (QByteArrayView p : kUrcPrefixes) {
        if (t.startsWith(p)) {
            const qsizetype colon = t.indexOf(':');
            *name = p.startsWith("+IPD") ? QByteArrayView("+IPD") : colon >= 0 ? t.first(colon + 1) : t;
            return true;
        }
    }
    if (t.startsWith("Have ") && t.endsWith(" Connections")) {
        *name = t;
        return true;
    }
    return false;
}

bool AtParser::parseErrCode(QByteArrayView line, quint32 *code)
{
    line = trimmedRight(line);
    if (!line.startsWith(kErrCodePrefix))
        return false;
    QByteArrayView v = line.sliced(kErrCodePrefix.size()).trimmed();
    if (v.startsWith("0x") || v.startsWith("0X"))
        v = v.sliced(2);
    if (v.isEmpty() || v.size() > 8)
        return false;
    quint32 r = 0;
    for (char c : v) {
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return false;
        r = (r << 4) | quint32(d);
    }
    *code = r;
    return true;
}

void AtParser::flushPendingCodes()
{
    for (int i = 0; i < m_codeCount; ++i) {
        AtEventView ev;
        ev.kind = AtEvent::Kind::Line;
        const char *t = m_codeText.data() + i * 20;
        ev.text = QByteArrayView(t, qsizetype(std::strlen(t)));
        m_sink->onEvent(ev);
    }
    m_codeCount = 0;
}

void AtParser::onFrame(const Frame &f)
{
    AtEventView ev;
    switch (f.kind) {
    case Frame::Kind::Line:
        handleLine(f.text);
        return;
    case Frame::Kind::Prompt:
        ev.kind = AtEvent::Kind::Prompt;
        ev.text = ">";
        break;
    case Frame::Kind::Raw:
        ev.kind = AtEvent::Kind::Raw;
        ev.payload = f.payload;
        ev.length = f.payload.size();
        break;
    case Frame::Kind::Error:
        ev.kind = AtEvent::Kind::Error;
        ev.text = f.text;
        ev.payload = f.payload;
        break;
    case Frame::Kind::Payload:
        ev.kind = f.record == Frame::Record::CipRecvData ? AtEvent::Kind::Data : AtEvent::Kind::Urc;
        ev.name = f.record == Frame::Record::Ipd           ? QByteArrayView("+IPD")
                  : f.record == Frame::Record::MqttSubRecv ? QByteArrayView("+MQTTSUBRECV")
                                                           : QByteArrayView("+CIPRECVDATA");
        ev.text = f.text;
        ev.payload = f.payload;
        ev.length = f.length;
        ev.link = f.link;
        ev.topic = f.topic;
        ev.remoteIp = f.remoteIp;
        ev.remotePort = f.remotePort;
        break;
    }
    m_sink->onEvent(ev);
}

void AtParser::handleLine(QByteArrayView line)
{
    if (line.isEmpty())
        return;
    AtEventView ev;
    ev.text = line;

    quint32 code = 0;
    if (parseErrCode(line, &code)) {
        if (m_codeCount == int(m_codes.size())) {
            // Too many without a failure to attach them to: let the oldest go as a line.
            AtEventView old;
            old.text = QByteArrayView(m_codeText.data(), qsizetype(std::strlen(m_codeText.data())));
            m_sink->onEvent(old);
            std::memmove(m_codes.data(), m_codes.data() + 1, sizeof(quint32) * (m_codes.size() - 1));
            std::memmove(m_codeText.data(), m_codeText.data() + 20, 20 * (m_codes.size() - 1));
            --m_codeCount;
        }
        m_codes[size_t(m_codeCount)] = code;
        const qsizetype n = qMin<qsizetype>(line.size(), 19);
        std::memcpy(m_codeText.data() + m_codeCount * 20, line.data(), size_t(n));
        m_codeText[size_t(m_codeCount * 20 + n)] = '\0';
        ++m_codeCount;
        return;
    }

    const AtEvent::FinalClass cls = finalClassOf(line);
    if (cls != AtEvent::FinalClass::None) {
        if (cls == AtEvent::FinalClass::Success)
            flushPendingCodes();
        ev.kind = AtEvent::Kind::Final;
        ev.finalClass = cls;
        ev.text = trimmedRight(line);
        ev.errCodes = m_codes.data();
        ev.errCodeCount = m_codeCount;
        m_sink->onEvent(ev);
        m_codeCount = 0;
        return;
    }

    QByteArrayView name;
    int link = -1;
    if (isUrcLine(line, &name, &link)) {
        ev.kind = AtEvent::Kind::Urc;
        ev.name = name;
        ev.link = link;
        if (name == "+IPD") {
            // Passive-mode notification: +IPD,<len> or +IPD,<id>,<len>. Anything else is a line.
            const QByteArrayView rest = trimmedRight(line).sliced(5);
            const qsizetype comma = rest.indexOf(',');
            bool ok1 = false, ok2 = true;
            if (comma < 0) {
                ev.length = rest.toLongLong(&ok1);
            } else {
                ev.link = rest.first(comma).toInt(&ok1);
                ev.length = rest.sliced(comma + 1).toLongLong(&ok2);
            }
            if (!ok1 || !ok2 || ev.length < 0 || ev.link < -1) {
                ev = AtEventView();
                ev.kind = AtEvent::Kind::Line;
                ev.text = line;
            }
        }
        m_sink->onEvent(ev);
        return;
    }

    ev.kind = AtEvent::Kind::Line;
    m_sink->onEvent(ev);
}

} // namespace atb
