#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace atb {

// The recording format (docs/recording.md): JSON Lines, one header object per part, then one
// record per line with "t" (microseconds since the session started). Bytes: "host"/"module"
// (JSON text) or "host_hex"/"module_hex". Events: "event": "<name>" plus fields.
namespace recording {

inline constexpr char kFormat[] = "atbench-recording";
inline constexpr int kVersion = 1;

// ("host", "AT\r\n") or ("host_hex", "00ff"): text when the bytes are UTF-8 without control
// characters other than CR, LF and TAB.
QPair<QString, QString> encodeBytes(const QString &key, const QByteArray &bytes);
// The bytes of `key` in `record` ("host" or "module", either form); false when neither form is
// there.
bool decodeBytes(const QJsonObject &record, const QString &key, QByteArray *bytes);

// "rec.jsonl" -> part 2 "rec.part2.jsonl"; the first part is the path itself.
QString partPath(const QString &firstPart, int part);
// The first part's path and the part number of any part's path ("rec.part3.jsonl" -> rec.jsonl, 3).
QString firstPartOf(const QString &path, int *part = nullptr);

} // namespace recording
} // namespace atb
