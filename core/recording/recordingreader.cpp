#include "recordingreader.h"

#include "recordingformat.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace atb {

namespace {

// A record's time in microseconds: whatever the file says, within [0, 2^53] (285 years), so
// that differences of times never overflow (a "t" of 1e300 did, under UBSan).
qint64 recordTimeUs(double us)
{
    constexpr double kMaxUs = 9007199254740992.0;
    return us > 0 ? qint64(qMin(us, kMaxUs)) : 0; // NaN and negatives: 0
}

bool isHeader(const QJsonObject &o, bool *old)
{
    const QString f = o.value(QStringLiteral("format")).toString();
    *old = f == QLatin1String("atbench-sim-record");
    return *old || f == QLatin1String(recording::kFormat);
}

} // namespace

qint64 Recording::startedMs() const
{
    return QDateTime::fromString(header.value(QStringLiteral("started")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

QStringList Recording::firmware() const
{
    QStringList out;
    for (const QJsonValue &v : header.value(QStringLiteral("firmware")).toArray())
        out << v.toString();
    if (out.isEmpty())
        for (const RecordingEntry &e : entries)
            if (e.kind == RecordingEntry::Kind::Event && e.event == QLatin1String("firmware")) {
                for (const QJsonValue &v : e.fields.value(QStringLiteral("lines")).toArray())
                    out << v.toString();
                break;
            }
    return out;
}

QByteArray Recording::moduleBytes() const
{
    QByteArray out;
    for (const RecordingEntry &e : entries)
        if (e.kind == RecordingEntry::Kind::Module)
            out += e.bytes;
    return out;
}

bool RecordingReader::isRecording(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    // The first line that is not blank, as read() takes it.
    QByteArray line;
    while (line.isEmpty() && !f.atEnd())
        line = f.readLine(1 << 20).trimmed();
    const QJsonDocument doc = QJsonDocument::fromJson(line);
    bool old = false;
    return doc.isObject() && isHeader(doc.object(), &old);
}

bool RecordingReader::read(const QString &path, Recording *out, QString *error)
{
    *out = Recording();
    int part = 1;
    const QString first = recording::firstPartOf(path, &part);
    // The earliest part still on disk (rotation deletes the oldest).
    int from = part;
    while (from > 1 && QFile::exists(recording::partPath(first, from - 1)))
        --from;
    if (from == 1 && !QFile::exists(first))
        ++from;
    if (from > part)
        from = part;
    QString session;
    for (int i = from;; ++i) {
        const QString p = recording::partPath(first, i);
        if (i > part && !QFile::exists(p))
            break;
        QFile in(p);
        if (!in.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(p, in.errorString());
            return false;
        }
        int lineNo = 0;
        bool old = false;
        bool ours = true;
        bool headerRead = false; // the first line that is not blank is the part's header
        while (!in.atEnd()) {
            const QByteArray line = in.readLine().trimmed();
            ++lineNo;
            if (line.isEmpty())
                continue;
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
            if (!doc.isObject()) {
                if (error)
                    *error = QStringLiteral("%1:%2: not a JSON object (%3)").arg(p).arg(lineNo).arg(pe.errorString());
                return false;
            }
            const QJsonObject o = doc.object();
            if (!headerRead) {
                headerRead = true;
                if (!isHeader(o, &old)) {
                    if (error)
                        *error = QStringLiteral("%1:%2: not a recording (no \"format\":\"%3\" header)").arg(p).arg(lineNo).arg(QLatin1String(recording::kFormat));
                    return false;
                }
                const QString id = o.value(QStringLiteral("session")).toString();
                if (out->parts.isEmpty()) {
                    out->header = o;
                    session = id;
                    out->olderPartsMissing = o.value(QStringLiteral("part")).toInt(1) > 1;
                } else if (id != session) {
                    ours = false; // a later part of another recording with the same name
                    break;
                }
                out->parts << p;
                continue;
            }
            RecordingEntry e;
            e.fields = o;
            if (old) {
                // atbench-sim-record v1: t_ms, dir rx (host -> module) / tx, hex.
                e.tUs = recordTimeUs(o.value(QStringLiteral("t_ms")).toDouble() * 1000.0 + 0.5);
                const QString dir = o.value(QStringLiteral("dir")).toString();
                if (dir.isEmpty()) {
                    e.event = o.value(QStringLiteral("event")).toString();
                } else {
                    e.kind = dir == QLatin1String("rx") ? RecordingEntry::Kind::Host : RecordingEntry::Kind::Module;
                    e.bytes = QByteArray::fromHex(o.value(QStringLiteral("hex")).toString().toLatin1());
                }
            } else {
                e.tUs = recordTimeUs(o.value(QStringLiteral("t")).toDouble());
                if (recording::decodeBytes(o, QStringLiteral("host"), &e.bytes))
                    e.kind = RecordingEntry::Kind::Host;
                else if (recording::decodeBytes(o, QStringLiteral("module"), &e.bytes))
                    e.kind = RecordingEntry::Kind::Module;
                else
                    e.event = o.value(QStringLiteral("event")).toString();
            }
            if (e.kind == RecordingEntry::Kind::Event && e.event.isEmpty()) {
                if (error)
                    *error = QStringLiteral("%1:%2: a record with neither bytes nor \"event\"").arg(p).arg(lineNo);
                return false;
            }
            out->entries.append(std::move(e));
        }
        if (!ours)
            break;
    }
    // The dialect and firmware may have become known after the first kept part began.
    for (const RecordingEntry &e : out->entries) {
        if (e.kind != RecordingEntry::Kind::Event)
            continue;
        if (e.event == QLatin1String("dialect") && !out->header.contains(QStringLiteral("dialect")))
            out->header.insert(QStringLiteral("dialect"), e.fields.value(QStringLiteral("dialect")));
        if (e.event == QLatin1String("firmware") && !out->header.contains(QStringLiteral("firmware")))
            out->header.insert(QStringLiteral("firmware"), e.fields.value(QStringLiteral("lines")));
    }
    return true;
}

} // namespace atb
