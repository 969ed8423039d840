#pragma once
// The wire dialects the simulator speaks (P 7): ESP-AT, Beken as documented, Beken as built.
#include <QString>

namespace atb::sim {

enum class Dialect { Esp, BekenDoc, BekenSrc };

QString dialectName(Dialect d);
bool parseDialect(const QString &name, Dialect *out);

} // namespace atb::sim
