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
    qint64 timeUs = -1; // recordings: the time of the bytes being fed

    void write(QJsonObject &o)
    {
        if (timeUs >= 0)
            o.insert(QStringLiteral("t_us"), double(timeUs));
        m_out.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
        m_out.write("\n");
        ++count;
    }

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
        write(o);
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

Dialect recordingDialect(const Recording &recording)
{
    return recording.dialect().startsWith(QLatin1String("beken"), Qt::CaseInsensitive) ? Dialect::Beken : Dialect::Esp;
}

qint64 decodeRecording(const Recording &recording, QIODevice &out, Dialect dialect)
{
    JsonSink sink(out);
    AtParser parser(&sink, dialect);
    for (const RecordingEntry &e : recording.entries) {
        sink.timeUs = e.tUs;
        if (e.kind == RecordingEntry::Kind::Module) {
            parser.feed(e.bytes);
        } else if (e.kind == RecordingEntry::Kind::Host) {
            QByteArray b = e.bytes;
            while (b.endsWith('\n') || b.endsWith('\r'))
                b.chop(1);
            QJsonObject o { { QStringLiteral("kind"), QStringLiteral("host") } };
            bool text = b.isValidUtf8();
            for (char c : b)
                text = text && (static_cast<unsigned char>(c) >= 0x20 || c == '\t');
            if (text)
                o.insert(QStringLiteral("text"), QString::fromUtf8(b));
            else
                o.insert(QStringLiteral("hex"), hexOf(e.bytes));
            sink.write(o);
        }
    }
    parser.finish();
    return sink.count;
}

} // namespace atb::cli
