#pragma once

#include "protocol/dialect.h"

#include <QByteArray>
#include <QIODevice>

namespace atb::cli {

// Decodes bytes a module sent and writes one JSON object per event (JSON Lines) to `out`.
// The format is stable: field captures are checked against it (see README, "decode").
// Returns the number of events written.
qint64 decodeStream(QIODevice &in, QIODevice &out, Dialect dialect);

} // namespace atb::cli
