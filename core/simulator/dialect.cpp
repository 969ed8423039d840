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

} // namespace atb::sim
