#include "ipv4.h"

#include <QHostAddress>

namespace atb {

bool isDottedIpv4(const QString &text)
{
    QHostAddress a;
    return text.count(QLatin1Char('.')) == 3 && a.setAddress(text) && a.protocol() == QAbstractSocket::IPv4Protocol;
}

bool isNetmask(const QString &text)
{
    if (!isDottedIpv4(text))
        return false;
    const quint32 m = QHostAddress(text).toIPv4Address();
    const quint32 inverted = ~m;
    return m != 0 && (inverted & (inverted + 1)) == 0; // ones then zeros
}

quint32 ipv4Value(const QString &text)
{
    return QHostAddress(text).toIPv4Address();
}

bool sameSubnet(const QString &a, const QString &b, const QString &mask)
{
    const quint32 m = QHostAddress(mask).toIPv4Address();
    return (QHostAddress(a).toIPv4Address() & m) == (QHostAddress(b).toIPv4Address() & m);
}

} // namespace atb
