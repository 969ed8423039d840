#pragma once
// The simulator's own reader of recordings (docs/recording.md): the current format
// "atbench-recording" written by atbench and atbench-sim, and the older "atbench-sim-record"
// (version 1, "dir":"rx"/"tx" with "hex"). Kept apart from core/recording on purpose: the
// simulator never uses host code, so a recording is read here with a few lines of JSON.
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace atb::sim {

struct RecordedChunk
{
    qint64 tUs = 0;        // microseconds since the recording started
    bool fromHost = false; // host -> module; else module -> host
    QByteArray bytes;
};

struct RecordingFile
{
    QJsonObject header;           // the first part's header
    QList<RecordedChunk> chunks;  // bytes both ways, in file order (times never go back)
    QStringList parts;            // the files read, in order

    QString dialect() const { return header.value(QStringLiteral("dialect")).toString(); }
    // Every module -> host byte, concatenated (what `atbench-cli decode` reads).
    QByteArray moduleBytes() const;

    // Reads `path` and the parts rotated after it (<stem>.part<N>.jsonl, see docs/recording.md).
    // False with *error ("<file>:<line>: ...") when a file cannot be read or a line is not a
    // record of either format.
    static bool read(const QString &path, RecordingFile *out, QString *error);
    // The JSON form of bytes in a record: ("text" key, string) when they are UTF-8 text with no
    // control character but CR, LF and TAB, else ("<key>_hex", hex).
    static QPair<QString, QString> encodeBytes(const QString &key, const QByteArray &bytes);
};

} // namespace atb::sim
