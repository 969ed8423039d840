#include "cwjapreply.h"

#include "atencoder.h"

namespace atb {

std::optional<CwjapReply> CwjapReply::parse(QByteArrayView line)
{
    const QByteArrayView l = line.trimmed();
    if (!l.startsWith("+CWJAP:"))
        return std::nullopt;
    bool ok = false;
    const QList<QByteArray> f = AtEncoder::splitParams(l, Dialect::Esp, &ok);
    if (!ok)
        return std::nullopt;
    CwjapReply r;
    if (f.size() == 1) {
        r.failureCode = f[0].toInt(&ok);
        if (!ok || r.failureCode <= 0)
            return std::nullopt;
        return r;
    }
    if (f.size() < 4)
        return std::nullopt;
    r.ssid = QString::fromUtf8(f[0]);
    r.bssid = QString::fromUtf8(f[1]);
    r.channel = f[2].toInt();
    r.rssi = f[3].toInt();
    return r;
}

int CwjapReply::failureCodeIn(const QList<QByteArray> &lines)
{
    int code = 0;
    for (const QByteArray &l : lines) {
        const std::optional<CwjapReply> r = parse(l);
        if (r && !r->joined())
            code = r->failureCode;
    }
    return code;
}

QString CwjapReply::failureText(int code)
{
    switch (code) {
    case 1: return tr("connection timed out");
    case 2: return tr("wrong password");
    case 3: return tr("access point not found");
    case 4: return tr("connection failed");
    default: return tr("unknown reason (%1)").arg(code);
    }
}

} // namespace atb
