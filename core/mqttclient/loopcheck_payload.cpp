// LoopCheck: its settings, the payloads and their headers, the difference of two payloads,
// the verdict's figures and the Show AT preview (the run itself is in loopcheck.cpp).
#include "loopcheck.h"

#include "services/mqttservice.h"

#include <QRandomGenerator>

namespace atb {

// ---- settings -----------------------------------------------------------------------------------

QString LoopSettings::validate(QByteArray *field) const
{
    auto fail = [field](const QString &why, const char *f) {
        if (field)
            *field = f;
        return why;
    };
    const QString bad = BrokerClient::checkTopic(topicPrefix + QStringLiteral("/up"));
    if (topicPrefix.isEmpty() || !bad.isEmpty())
        return fail(topicPrefix.isEmpty() ? LoopCheck::tr("Enter a topic prefix.") : bad, "topic");
    if (topicPrefix.toUtf8().size() > 120)
        return fail(LoopCheck::tr("The topic prefix is longer than 120 bytes (the module takes topics of at most 128)."),
                    "topic");
    if (count < 0)
        return fail(LoopCheck::tr("The count must be 0 (continuous) or more."), "count");
    if (!(rate > 0) || rate > 1000)
        return fail(LoopCheck::tr("The rate must be more than 0 and at most 1000 messages per second."), "rate");
    if (size < kHeaderSize || size > kMaxSize)
        return fail(LoopCheck::tr("The size must be %1 to %2 bytes (the first %1 carry the sequence number).")
                        .arg(kHeaderSize)
                        .arg(kMaxSize),
                    "size");
    if (qos < 0 || qos > 2)
        return fail(LoopCheck::tr("QoS is 0, 1 or 2."), "qos");
    if (!moduleToApp && !appToModule)
        return fail(LoopCheck::tr("Choose at least one direction."), "direction");
    if (field)
        field->clear();
    return QString();
}

QString LoopSettings::randomPrefix()
{
    return QStringLiteral("atbench/loop/%1").arg(QRandomGenerator::global()->bounded(0x10000), 4, 16, QLatin1Char('0'));
}

bool LoopStats::passed() const
{
    const qint64 sent = moduleToApp.sent + appToModule.sent;
    return sent > 0 && moduleToApp.lost + appToModule.lost == 0 && moduleToApp.corrupted + appToModule.corrupted == 0
        && moduleToApp.pending + appToModule.pending == 0;
}

// ---- payloads -----------------------------------------------------------------------------------

QByteArray LoopCheck::makePayload(bool moduleToApp, quint16 run, quint32 seq, int size, LoopSettings::Content content)
{
    static const QByteArray text = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static const QByteArray special = "ab,c\"d\\e f,\"\\g h'i:j;k{l}m[n]o=p&q%r";
    static const QByteArray binary = QByteArray("ab\r\ncd\0ef,\"\\\r\x80\xff\n\x01\x7f gh\r\n", 22);
    const QByteArray &alphabet = content == LoopSettings::Content::Text    ? text
                               : content == LoopSettings::Content::Special ? special
                                                                           : binary;
    QByteArray p = "ATB" + QByteArray(1, moduleToApp ? 'u' : 'd')
        + QByteArray::number(run, 16).rightJustified(4, '0') + QByteArray::number(seq).rightJustified(8, '0') + '|';
    p.reserve(qMax(size, int(p.size())));
    for (int i = 0; p.size() < size; ++i)
        p.append(alphabet[(int(seq % 97) + i) % alphabet.size()]);
    return p;
}

bool LoopCheck::parseHeader(const QByteArray &payload, bool *moduleToApp, quint16 *run, quint32 *seq)
{
    if (payload.size() < LoopSettings::kHeaderSize || !payload.startsWith("ATB") || payload[16] != '|')
        return false;
    const char d = payload[3];
    if (d != 'u' && d != 'd')
        return false;
    bool ok1 = false, ok2 = false;
    const uint r = payload.mid(4, 4).toUInt(&ok1, 16);
    const QByteArray digits = payload.mid(8, 8);
    const uint s = digits.toUInt(&ok2, 10);
    if (!ok1 || !ok2 || digits.contains('+') || digits.contains('-') || digits.contains(' '))
        return false;
    *moduleToApp = d == 'u';
    *run = quint16(r);
    *seq = quint32(s);
    return true;
}

// Where two payloads first differ ("byte 17 differs", "3 bytes missing").
QString LoopCheck::difference(const QByteArray &expected, const QByteArray &got)
{
    const qsizetype n = qMin(expected.size(), got.size());
    for (qsizetype i = 0; i < n; ++i)
        if (expected[i] != got[i])
            return LoopCheck::tr("byte %1 differs (0x%2 instead of 0x%3)")
                .arg(i)
                .arg(uchar(got[i]), 2, 16, QLatin1Char('0'))
                .arg(uchar(expected[i]), 2, 16, QLatin1Char('0'));
    return got.size() < expected.size() ? LoopCheck::tr("%n byte(s) missing", nullptr, int(expected.size() - got.size()))
                                        : LoopCheck::tr("%n byte(s) too many", nullptr, int(got.size() - expected.size()));
}


QList<QByteArray> LoopCheck::previewLines(const LoopSettings &settings) const
{
    QList<QByteArray> lines;
    if (!m_mqtt)
        return lines;
    LoopSettings s = settings;
    if (settings.appToModule)
        lines << m_mqtt->planSubscribe(s.topicPrefix + QStringLiteral("/down"), s.qos).lines();
    if (settings.moduleToApp) {
        MqttPublishSettings pub;
        pub.topic = s.topicPrefix + QStringLiteral("/up");
        pub.payload = makePayload(true, 0, 0, qBound(int(LoopSettings::kHeaderSize), s.size, 256), s.content);
        pub.qos = s.qos;
        pub.raw = s.rawAlways;
        OperationPlan plan = m_mqtt->planPublish(pub);
        if (!plan.ok() && !pub.raw) {
            pub.raw = true;
            plan = m_mqtt->planPublish(pub);
        }
        lines << plan.lines();
    }
    if (settings.appToModule)
        lines << m_mqtt->planUnsubscribe(s.topicPrefix + QStringLiteral("/down")).lines();
    return lines;
}

} // namespace atb
