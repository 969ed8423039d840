#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace atb {

// One record of a recording (docs/recording.md).
struct RecordingEntry
{
    enum class Kind { Host, Module, Event };
    Kind kind = Kind::Event;
    qint64 tUs = 0;       // since the session started
    QByteArray bytes;     // Host, Module
    QString event;        // Event: "command", "result", "open", "close", "dialect", "firmware", "note", ...
    QJsonObject fields;   // the whole record (events read their fields from it; bytes records
                          // their "id", "raw", "escape")
};

// A recording read back: the header of its first kept part and every record of all its parts.
struct Recording
{
    QJsonObject header;
    QList<RecordingEntry> entries;
    QStringList parts;
    bool olderPartsMissing = false; // rotation deleted the session's first parts

    qint64 durationUs() const { return entries.isEmpty() ? 0 : entries.last().tUs - startUs(); }
    qint64 startUs() const { return entries.isEmpty() ? 0 : entries.first().tUs; }
    // Wall-clock time of the session's start (header "started"), ms since the epoch.
    qint64 startedMs() const;
    QString dialect() const { return header.value(QStringLiteral("dialect")).toString(); }
    QStringList firmware() const;
    // Every module -> host byte, in order (what `atbench-cli decode` decodes).
    QByteArray moduleBytes() const;
};

class RecordingReader
{
public:
    // True when the file starts with a recording header (of this format, or the simulator's
    // older "atbench-sim-record").
    static bool isRecording(const QString &path);
    // Reads the recording `path` belongs to: all its parts still on disk, in order, from any
    // part's path. False with *error ("<file>:<line>: why") when a file cannot be read or holds
    // something else.
    static bool read(const QString &path, Recording *out, QString *error = nullptr);
};

} // namespace atb
