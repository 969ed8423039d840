#include "simulator/recordingfile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>

namespace atb::sim {

namespace {

bool isText(const QByteArray &bytes)
{
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\r' && c != '\n' && c != '\t') || u == 0x7f)
            return false;
    }
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

// The parts rotated after `path` ("rec.jsonl" -> "rec.part2.jsonl", "rec.part3.jsonl", ...).
QStringList partsFrom(const QString &path)
{
    QStringList parts { path };
    static const QRegularExpression partRe(QStringLiteral("^(.*)\\.part(\\d+)\\.jsonl$"));
    QString stem;
    int n = 1;
    if (const auto m = partRe.match(path); m.hasMatch()) {
        stem = m.captured(1);
        n = m.captured(2).toInt();
    } else if (path.endsWith(QLatin1String(".jsonl"))) {
        stem = path.chopped(6);
    } else {
        return parts;
    }
    for (int i = n + 1;; ++i) {
        const QString next = QStringLiteral("%1.part%2.jsonl").arg(stem).arg(i);
        if (!QFileInfo::exists(next))
            break;
        parts << next;
    }
    return parts;
}

} // namespace

QPair<QString, QString> RecordingFile::encodeBytes(const QString &key, const QByteArray &bytes)
{
    if (isText(bytes))
        return { key, QString::fromUtf8(bytes) };
    return { key + QStringLiteral("_hex"), QString::fromLatin1(bytes.toHex()) };
}

QByteArray RecordingFile::moduleBytes() const
{
    QByteArray out;
    for (const RecordedChunk &c : chunks)
        if (!c.fromHost)
            out += c.bytes;
    return out;
}

bool RecordingFile::read(const QString &path, RecordingFile *out, QString *error)
{
    *out = RecordingFile();
    const QStringList parts = partsFrom(path);
    QString session;
    for (const QString &part : parts) {
        QFile in(part);
        if (!in.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(part, in.errorString());
            return false;
        }
        int lineNo = 0;
        bool oldFormat = false;
        while (!in.atEnd()) {
            const QByteArray line = in.readLine().trimmed();
            ++lineNo;
            if (line.isEmpty())
                continue;
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
            if (!doc.isObject()) {
                if (error)
                    *error = QStringLiteral("%1:%2: not a JSON object (%3)").arg(part).arg(lineNo).arg(pe.errorString());
                return false;
            }
            const QJsonObject o = doc.object();
            if (lineNo == 1 || o.contains(QStringLiteral("format"))) {
                const QString format = o.value(QStringLiteral("format")).toString();
                oldFormat = format == QLatin1String("atbench-sim-record");
                if (!oldFormat && format != QLatin1String("atbench-recording")) {
                    if (error)
                        *error = QStringLiteral("%1:%2: not a recording (no \"format\":\"atbench-recording\" header)").arg(part).arg(lineNo);
                    return false;
                }
                const QString id = o.value(QStringLiteral("session")).toString();
                if (part != parts.first() && id != session)
                    break; // a later part of another session with the same name: stop here
                if (part == parts.first()) {
                    out->header = o;
                    session = id;
                }
                out->parts << part;
                continue;
            }
            RecordedChunk c;
            if (oldFormat) {
                const QString dir = o.value(QStringLiteral("dir")).toString();
                if (dir.isEmpty())
                    continue; // an event
                c.fromHost = dir == QLatin1String("rx");
                c.tUs = qint64(o.value(QStringLiteral("t_ms")).toDouble() * 1000.0 + 0.5);
                c.bytes = QByteArray::fromHex(o.value(QStringLiteral("hex")).toString().toLatin1());
            } else {
                c.tUs = qint64(o.value(QStringLiteral("t")).toDouble());
                bool found = false;
                for (const auto &[key, host] : { std::pair { "host", true }, std::pair { "module", false } }) {
                    const QString k = QLatin1String(key);
                    if (o.contains(k)) {
                        c.bytes = o.value(k).toString().toUtf8();
                    } else if (o.contains(k + QStringLiteral("_hex"))) {
                        c.bytes = QByteArray::fromHex(o.value(k + QStringLiteral("_hex")).toString().toLatin1());
                    } else {
                        continue;
                    }
                    c.fromHost = host;
                    found = true;
                    break;
                }
                if (!found)
                    continue; // an event
            }
            if (!c.bytes.isEmpty())
                out->chunks.append(c);
        }
    }
    return true;
}

} // namespace atb::sim
