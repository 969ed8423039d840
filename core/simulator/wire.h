#pragma once
// Small helpers for composing the module's replies.
#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

namespace atb::sim {

inline QByteArray num(qint64 v) { return QByteArray::number(v); }

// A stable, locally administered unicast MAC address derived from a name ("aa:bb:..").
inline QByteArray macFor(const QString &seed)
{
    const QByteArray h = QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha1);
    QByteArray mac;
    for (int i = 0; i < 6; ++i) {
        const unsigned char b = i == 0 ? (uchar(h.at(0)) & 0xfc) | 0x02 : uchar(h.at(i));
        if (i)
            mac += ':';
        mac += QByteArray::number(b, 16).rightJustified(2, '0');
    }
    return mac;
}

} // namespace atb::sim
