#include "decode.h"

#include "protocol/atparser.h"
#if __has_include("protocol/errordecoder.h")
#include "protocol/errordecoder.h"
#define ATB_HAVE_ERRORDECODER 1
#endif

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace atb::cli {

namespace {

QString hexOf(QByteArrayView v)
{
    return QString::fromLatin1(v.toByteArray().toHex());
}

class JsonSink : public AtEventSink
{
public:
    explicit JsonSink(QIODevice &out) : m_out(out) { }
    qint64 count = 0;

    void onEvent(const AtEventView &e) override
    {
        QJsonObject o;
        switch (e.kind) {
        case AtEvent::Kind::Final: {
            o.insert(QStringLiteral("kind"), QStringLiteral("final"));
            o.insert(QStringLiteral("text"), QString::fromUtf8(e.text.toByteArray()));
            if (e.errCodeCount > 0) {
                QJsonArray codes;
                QList<quint32> list;
                for (int i = 0; i < e.errCodeCount; ++i) {
                    codes.append(QStringLiteral("0x%1").arg(e.errCodes[i], 8, 16, QLatin1Char('0')));
                    list.append(e.errCodes[i]);
                }
                o.insert(QStringLiteral("err_codes"), codes);
#ifdef ATB_HAVE_ERRORDECODER
                o.insert(QStringLiteral("explanation"), describeFailure(list));
#endif
            }
            break;
        }
        case AtEvent::Kind::Prompt:
            o.insert(QStringLiteral("kind"), QStringLiteral("prompt"));
            break;
        case AtEvent::Kind::Urc:
            o.insert(QStringLiteral("kind"), QStringLiteral("urc"));
            o.insert(QStringLiteral("name"), QString::fromUtf8(e.name.toByteArray()));
            if (e.link >= 0)
                o.insert(QStringLiteral("link"), e.link);
            if (e.name == "+IPD" || e.name == "+MQTTSUBRECV") {
                if (e.name == "+MQTTSUBRECV")
                    o.insert(QStringLiteral("topic"), QString::fromUtf8(e.topic.toByteArray()));
                if (e.length >= 0)
                    o.insert(QStringLiteral("length"), e.length);
                if (!e.remoteIp.isEmpty())
                    o.insert(QStringLiteral("remote_ip"), QString::fromUtf8(e.remoteIp.toByteArray()));
                if (e.remotePort >= 0)
                    o.insert(QStringLiteral("remote_port"), e.remotePort);
                if (!e.payload.isNull())
                    o.insert(QStringLiteral("payload_hex"), hexOf(e.payload));
                else
                    o.insert(QStringLiteral("text"), QString::fromUtf8(e.text.toByteArray()));
            } else {
                o.insert(QStringLiteral("text"), QString::fromUtf8(e.text.toByteArray()));
            }
            break;
        case AtEvent::Kind::Data:
            o.insert(QStringLiteral("kind"), QStringLiteral("data"));
            o.insert(QStringLiteral("name"), QString::fromUtf8(e.name.toByteArray()));
            o.insert(QStringLiteral("length"), e.length);
            if (!e.remoteIp.isEmpty())
                o.insert(QStringLiteral("remote_ip"), QString::fromUtf8(e.remoteIp.toByteArray()));
            if (e.remotePort >= 0)
                o.insert(QStringLiteral("remote_port"), e.remotePort);
            o.insert(QStringLiteral("payload_hex"), hexOf(e.payload));
            break;
        case AtEvent::Kind::Error:
            o.insert(QStringLiteral("kind"), QStringLiteral("error"));
            o.insert(QStringLiteral("text"), QString::fromUtf8(e.text.toByteArray()));
            if (!e.payload.isEmpty())
                o.insert(QStringLiteral("salvaged_hex"), hexOf(e.payload));
            break;
        case AtEvent::Kind::Raw:
            o.insert(QStringLiteral("kind"), QStringLiteral("raw"));
            o.insert(QStringLiteral("payload_hex"), hexOf(e.payload));
            break;
        case AtEvent::Kind::Line: {
            o.insert(QStringLiteral("kind"), QStringLiteral("line"));
            o.insert(QStringLiteral("text"), QString::fromUtf8(e.text.toByteArray()));
            // Garbage (noise at a wrong baud rate, binary) is kept exactly, next to the text.
            bool clean = e.text.isValidUtf8();
            for (char c : e.text)
                clean = clean && (static_cast<unsigned char>(c) >= 0x20 || c == '\t');
            if (!clean)
                o.insert(QStringLiteral("text_hex"), hexOf(e.text));
            break;
        }
        }
        m_out.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
        m_out.write("\n");
        ++count;
    }

private:
    QIODevice &m_out;
};

} // namespace

qint64 decodeStream(QIODevice &in, QIODevice &out, Dialect dialect)
{
    JsonSink sink(out);
    AtParser parser(&sink, dialect);
    while (true) {
        QByteArray chunk = in.read(64 * 1024);
        if (chunk.isEmpty()) {
            if (in.atEnd() || !in.waitForReadyRead(-1))
                break;
            continue;
        }
        parser.feed(chunk);
    }
    parser.finish();
    return sink.count;
}

} // namespace atb::cli
