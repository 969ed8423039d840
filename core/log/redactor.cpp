#include "redactor.h"

#include "protocol/atencoder.h"

#include <QList>

namespace atb {

namespace {

struct Rule
{
    QByteArrayView prefix; // upper case
    int index;             // 0-based parameter index of the secret; -1: CIPSSLCPSK rule
};

constexpr Rule kRules[] = {
    { "AT+CWJAP=", 1 },          { "AT+CWJAP_CUR=", 1 }, { "AT+CWJAP_DEF=", 1 },
    { "AT+CWSAP=", 1 },          { "AT+CWSAP_CUR=", 1 }, { "AT+CWSAP_DEF=", 1 },
    { "+CWSAP:", 1 },            { "+CWSAP_CUR:", 1 },   { "+CWSAP_DEF:", 1 },
    { "AT+MQTTUSERCFG=", 4 },    { "+MQTTUSERCFG:", 4 }, { "AT+MQTTPASSWORD=", 1 },
    { "AT+CIPSSLCPSK=", -1 },    { "+CIPSSLCPSK:", -1 },
};

// Parameter spans [from, to) of the part after the prefix, split at commas outside quotes.
QList<QPair<qsizetype, qsizetype>> fieldSpans(const QByteArray &line, qsizetype from)
{
    QList<QPair<qsizetype, qsizetype>> spans;
    bool quoted = false;
    qsizetype start = from;
    for (qsizetype i = from; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '\\') {
            ++i;
            continue;
        }
        if (c == '"')
            quoted = !quoted;
        else if (c == ',' && !quoted) {
            spans.append({ start, i });
            start = i + 1;
        }
    }
    spans.append({ start, line.size() });
    return spans;
}

} // namespace

QByteArray Redactor::maskLine(const QByteArray &line)
{
    if (line.size() < 6)
        return line;
    const QByteArray head = line.left(20).toUpper();
    // Command lines the catalog knows: its parameter specs say which values are secret.
    if (head.startsWith("AT+") && line.contains('=')) {
        static const AtEncoder encoder(Dialect::Esp);
        const QByteArray masked = encoder.redact(line);
        if (masked != line)
            return masked;
    }
    // Replies, and legacy or soft-AP commands the catalog does not describe.
    for (const Rule &r : kRules) {
        if (!head.startsWith(r.prefix.toByteArray()))
            continue;
        const auto spans = fieldSpans(line, r.prefix.size());
        int index = r.index;
        if (index < 0)
            index = spans.size() >= 3 ? 1 : 0; // [<link>,]"psk","hint"
        if (index >= spans.size())
            return line;
        const auto [a, b] = spans[index];
        if (a == b)
            return line; // omitted
        const bool quoted = line[a] == '"';
        QByteArray out = line.left(a);
        out += quoted ? QByteArray("\"***\"") : QByteArray("***");
        out += line.mid(b);
        return out;
    }
    return line;
}

bool Redactor::payloadIsSecret(QByteArrayView commandLine)
{
    return commandLine.size() >= 20
        && QByteArray(commandLine.first(20).data(), 20).toUpper().startsWith("AT+MQTTLONGPASSWORD");
}

} // namespace atb
