#include "simulator/dialect.h"

namespace atb::sim {

QString dialectName(Dialect d)
{
    switch (d) {
    case Dialect::Esp: return QStringLiteral("esp");
    case Dialect::BekenDoc: return QStringLiteral("beken-doc");
    case Dialect::BekenSrc: return QStringLiteral("beken-src");
    }
    return QString();
}

bool parseDialect(const QString &name, Dialect *out)
{
    if (name == QLatin1String("esp"))
        *out = Dialect::Esp;
    else if (name == QLatin1String("beken-doc") || name == QLatin1String("beken"))
        *out = Dialect::BekenDoc; // "beken" as atbench and atbench-cli spell it: the seed's behaviour
    else if (name == QLatin1String("beken-src"))
        *out = Dialect::BekenSrc;
    else
        return false;
    return true;
}

QString firmwareName(EspFirmware f)
{
    return f == EspFirmware::V3_2 ? QStringLiteral("3.2") : QStringLiteral("2.4");
}

bool parseFirmware(const QString &name, EspFirmware *out)
{
    QString n = name.trimmed();
    while (n.endsWith(QLatin1String(".0")) && n.count(QLatin1Char('.')) > 1)
        n.chop(2);
    if (n == QLatin1String("2.4"))
        *out = EspFirmware::V2_4;
    else if (n == QLatin1String("3.2"))
        *out = EspFirmware::V3_2;
    else
        return false;
    return true;
}

} // namespace atb::sim
