#pragma once

#include "protocol/dialect.h"
#include "recording/recordingreader.h"

#include <QByteArray>
#include <QIODevice>

namespace atb::cli {

// Decodes bytes a module sent and writes one JSON object per event (JSON Lines) to `out`.
// The format is stable: field captures are checked against it (see README, "decode").
// Returns the number of events written.
qint64 decodeStream(QIODevice &in, QIODevice &out, Dialect dialect);

// Decodes a recording (docs/recording.md): the module's bytes into the same events, each with
// "t_us" (microseconds since the session started, of the bytes that completed the event), and
// what the host wrote as {"kind":"host","t_us":...,"text":"AT+GMR"} (CR LF removed; "hex"
// instead of "text" when the bytes are not text). Returns the number of events written.
qint64 decodeRecording(const Recording &recording, QIODevice &out, Dialect dialect);
// The dialect a recording names in its header ("esp", "beken", "beken-doc", ...), else Esp.
Dialect recordingDialect(const Recording &recording);

} // namespace atb::cli
