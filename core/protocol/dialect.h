#pragma once

#include <QString>
#include <optional>

namespace atb {

// The two firmware families this tool speaks to. The parser accepts the union of both; the
// dialect decides escaping, which replies end on a quiet period, and how prompts are framed.
enum class Dialect { Esp, Beken };

inline QString dialectName(Dialect d)
{
    return d == Dialect::Esp ? QStringLiteral("esp") : QStringLiteral("beken");
}

inline std::optional<Dialect> dialectFromName(QStringView name)
{
    if (name.compare(u"esp", Qt::CaseInsensitive) == 0)
        return Dialect::Esp;
    if (name.compare(u"beken", Qt::CaseInsensitive) == 0)
        return Dialect::Beken;
    return std::nullopt;
}

} // namespace atb
