// Fuzzes the recording reader (core/recording: RecordingReader, the byte encoding and the part
// names of docs/recording.md) with arbitrary files, one to four parts of one recording on disk,
// and checks what must hold for every input:
// - a refused recording has an error naming the file ("<file>:..." or the file's open error);
// - an accepted one has a header for every record: no record without a kept part, every kept
//   part is one of the files written and starts with a header isRecording() accepts, in order;
// - every record is host bytes, module bytes or a named event; moduleBytes() is the module
//   records joined; startUs()/durationUs() agree with the records; the header's accessors
//   (dialect, firmware, started) answer;
// - reading again from any kept part's path gives the same records (from any part, the whole
//   recording);
// - encodeBytes() of the input's bytes, through a JSON line and decodeBytes(), gives them back;
// - partPath() and firstPartOf() invert each other.
// Input layout: byte 0 = flags (bits 0-1: parts - 1; bits 2-3: the part whose path is opened;
// bit 4: the first part is deleted, as rotation does; the recorder always names a recording
// "*.jsonl"), then the parts' contents separated by form feeds (0x0c, never in a JSON line).
#include "recording/recordingformat.h"
#include "recording/recordingreader.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>

namespace {

using atb::Recording;
using atb::RecordingEntry;
using atb::RecordingReader;
namespace rec = atb::recording;

void check(bool cond)
{
    if (!cond)
        std::abort();
}

QTemporaryDir &workDir()
{
    static QTemporaryDir dir;
    check(dir.isValid());
    return dir;
}

bool sameEntries(const Recording &a, const Recording &b)
{
    if (a.entries.size() != b.entries.size() || a.header != b.header)
        return false;
    for (qsizetype i = 0; i < a.entries.size(); ++i) {
        const RecordingEntry &x = a.entries.at(i), &y = b.entries.at(i);
        if (x.kind != y.kind || x.tUs != y.tUs || x.bytes != y.bytes || x.event != y.event || x.fields != y.fields)
            return false;
    }
    return true;
}

void checkRecording(const Recording &r, const QStringList &written)
{
    check(!r.entries.isEmpty() ? !r.parts.isEmpty() : true);
    qsizetype last = -1;
    for (const QString &p : r.parts) {
        const qsizetype at = written.indexOf(p);
        check(at > last); // a file written, each once, in part order
        last = at;
        check(RecordingReader::isRecording(p));
    }
    QByteArray module;
    for (const RecordingEntry &e : r.entries) {
        switch (e.kind) {
        case RecordingEntry::Kind::Event:
            check(!e.event.isEmpty() && e.bytes.isEmpty());
            break;
        case RecordingEntry::Kind::Module:
            module += e.bytes;
            check(e.event.isEmpty());
            break;
        case RecordingEntry::Kind::Host:
            check(e.event.isEmpty());
            break;
        }
    }
    check(r.moduleBytes() == module);
    if (r.entries.isEmpty())
        check(r.durationUs() == 0 && r.startUs() == 0);
    else
        check(r.startUs() == r.entries.first().tUs && r.durationUs() == r.entries.last().tUs - r.entries.first().tUs);
    volatile qint64 sink = r.startedMs();
    sink = sink + r.firmware().size() + r.dialect().size();
}

void checkBytesRoundTrip(const QByteArray &bytes)
{
    const auto [key, value] = rec::encodeBytes(QStringLiteral("module"), bytes);
    check(key == QLatin1String("module") || key == QLatin1String("module_hex"));
    const QByteArray line = QJsonDocument(QJsonObject { { key, value } }).toJson(QJsonDocument::Compact);
    check(!line.contains('\n') && !line.contains('\f'));
    QByteArray back;
    check(rec::decodeBytes(QJsonDocument::fromJson(line).object(), QStringLiteral("module"), &back));
    check(back == bytes);
}

void checkPartNames(int part)
{
    for (const QString &first : { QStringLiteral("/x/rec.jsonl"), QStringLiteral("rec.part2.jsonl.jsonl") }) {
        int n = 0;
        check(rec::firstPartOf(rec::partPath(first, part), &n) == first);
        check(n == qMax(1, part));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t flags = data[0];
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    checkBytesRoundTrip(rest);
    const int wanted = (flags & 3) + 1;
    checkPartNames(wanted);

    QList<QByteArray> contents = rest.split('\f');
    while (contents.size() > wanted)
        contents.removeLast();
    const QDir dir(workDir().path());
    for (const QString &old : dir.entryList(QDir::Files))
        QFile::remove(dir.filePath(old));
    const QString first = dir.filePath(QStringLiteral("rec.jsonl"));
    QStringList written;
    for (qsizetype i = 0; i < contents.size(); ++i) {
        const QString p = rec::partPath(first, int(i) + 1);
        QFile f(p);
        check(f.open(QIODevice::WriteOnly));
        check(f.write(contents.at(i)) == contents.at(i).size());
        written << p;
    }
    if ((flags & 0x10) && written.size() > 1) {
        QFile::remove(written.first());
        written.removeFirst();
    }
    const QString opened = written.at(((flags >> 2) & 3) % written.size());

    Recording r;
    QString error;
    if (!RecordingReader::read(opened, &r, &error)) {
        check(!error.isEmpty());
        check(error.startsWith(dir.path()));
        return 0;
    }
    checkRecording(r, written);
    for (const QString &p : std::as_const(r.parts)) {
        Recording again;
        check(RecordingReader::read(p, &again));
        check(sameEntries(r, again));
    }
    return 0;
}
