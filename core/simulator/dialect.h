#pragma once
// The wire dialects the simulator speaks (P 7): ESP-AT, Beken as documented, Beken as built.
#include <QString>

namespace atb::sim {

enum class Dialect { Esp, BekenDoc, BekenSrc };

QString dialectName(Dialect d);
bool parseDialect(const QString &name, Dialect *out);

// The ESP-AT release the esp dialect follows where releases differ (AT+GMR, AT+CWINIT).
enum class EspFirmware { V2_4, V3_2 };
QString firmwareName(EspFirmware f);
// "2.4", "2.4.0", "2.4.0.0", "3.2", ... ; false for a release the simulator does not know.
bool parseFirmware(const QString &name, EspFirmware *out);

} // namespace atb::sim
