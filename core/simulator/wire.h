#pragma once
// Small helpers for composing the module's replies.
#include <QByteArray>

namespace atb::sim {

inline QByteArray num(qint64 v) { return QByteArray::number(v); }

} // namespace atb::sim
