// Fault SPEC grammar of --fault / SimulatedModule::injectFault().
#include "simulator/faultspec.h"

namespace atb::sim {

QString Fault::grammarHelp()
{
    return QStringLiteral(
        "Fault SPEC grammar:  NAME[:ARG][@MS]   (@MS = apply MS milliseconds after boot, else at boot)\n"
        "  busy:N          answer the next N commands with \"busy p...\" (Beken: BUSY)\n"
        "  error:CODE      fail the next command with ERR CODE CODE (e.g. 0x010a6044); the\n"
        "                  ERR CODE line is printed when AT+SYSLOG=1, ERROR always\n"
        "  delay:MS        delay every reply by MS milliseconds (busy meanwhile; 0 = off)\n"
        "  drop:P          drop each device->host byte with probability P (0..1)\n"
        "  garble:P        flip one bit of each device->host byte with probability P (0..1)\n"
        "  reset           spontaneous module reset (boots again and prints ready)\n"
        "  broker-drop     the MQTT broker connection is lost (+MQTTDISCONNECTED:0; with\n"
        "                  reconnect=1 it comes back after about 1 s with +MQTTCONNECTED)\n"
        "  wifi-drop       the Wi-Fi link is lost (WIFI DISCONNECT, links CLOSED, MQTT lost)\n"
        "  join-fail:N     the next AT+CWJAP fails with +CWJAP:N (1 timeout, 2 wrong password,\n"
        "                  3 AP not found, 4 connect failed)\n"
        "Examples: --fault busy:2 --fault error:0x010a6044 --fault reset@5000 --fault drop:0.001");
}

bool Fault::parse(const QString &spec, Fault *out, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("bad fault spec '%1': %2").arg(spec, why);
        return false;
    };
    Fault f;
    QString s = spec.trimmed();
    const int at = s.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        bool ok = false;
        f.atMs = s.mid(at + 1).toLongLong(&ok);
        if (!ok || f.atMs < 0)
            return fail(QStringLiteral("'@' must be followed by milliseconds >= 0"));
        s = s.left(at);
    }
    const int colon = s.indexOf(QLatin1Char(':'));
    const QString name = colon >= 0 ? s.left(colon) : s;
    const QString arg = colon >= 0 ? s.mid(colon + 1) : QString();
    bool ok = true;
    if (name == QLatin1String("busy")) {
        f.kind = Kind::Busy;
        f.count = arg.isEmpty() ? 1 : arg.toLongLong(&ok);
        if (!ok || f.count < 1)
            return fail(QStringLiteral("busy:N needs N >= 1"));
    } else if (name == QLatin1String("error")) {
        f.kind = Kind::Error;
        const qulonglong v = arg.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)
            ? arg.mid(2).toULongLong(&ok, 16) : arg.toULongLong(&ok, 10);
        if (!ok || arg.isEmpty() || v > 0xffffffffULL)
            return fail(QStringLiteral("error:CODE needs a 32-bit code such as 0x010a6044"));
        f.code = quint32(v);
    } else if (name == QLatin1String("delay")) {
        f.kind = Kind::Delay;
        f.delayMs = arg.toLongLong(&ok);
        if (!ok || f.delayMs < 0 || f.delayMs > 600000)
            return fail(QStringLiteral("delay:MS needs 0..600000"));
    } else if (name == QLatin1String("drop") || name == QLatin1String("garble")) {
        f.kind = name == QLatin1String("drop") ? Kind::Drop : Kind::Garble;
        f.probability = arg.toDouble(&ok);
        if (!ok || f.probability < 0 || f.probability > 1)
            return fail(QStringLiteral("%1:P needs a probability 0..1").arg(name));
    } else if (name == QLatin1String("reset")) {
        f.kind = Kind::Reset;
    } else if (name == QLatin1String("broker-drop")) {
        f.kind = Kind::BrokerDrop;
    } else if (name == QLatin1String("wifi-drop")) {
        f.kind = Kind::WifiDrop;
    } else if (name == QLatin1String("join-fail")) {
        f.kind = Kind::JoinFail;
        f.count = arg.toLongLong(&ok);
        if (!ok || f.count < 1 || f.count > 4)
            return fail(QStringLiteral("join-fail:N needs N in 1..4"));
    } else {
        return fail(QStringLiteral("unknown fault name '%1'").arg(name));
    }
    if (!arg.isEmpty() && (f.kind == Kind::Reset || f.kind == Kind::BrokerDrop || f.kind == Kind::WifiDrop))
        return fail(QStringLiteral("%1 takes no argument").arg(name));
    *out = f;
    return true;
}

QString Fault::toString() const
{
    QString s;
    switch (kind) {
    case Kind::Busy: s = QStringLiteral("busy:%1").arg(count); break;
    case Kind::Error: s = QStringLiteral("error:0x%1").arg(code, 8, 16, QLatin1Char('0')); break;
    case Kind::Delay: s = QStringLiteral("delay:%1").arg(delayMs); break;
    case Kind::Drop: s = QStringLiteral("drop:%1").arg(probability); break;
    case Kind::Garble: s = QStringLiteral("garble:%1").arg(probability); break;
    case Kind::Reset: s = QStringLiteral("reset"); break;
    case Kind::BrokerDrop: s = QStringLiteral("broker-drop"); break;
    case Kind::WifiDrop: s = QStringLiteral("wifi-drop"); break;
    case Kind::JoinFail: s = QStringLiteral("join-fail:%1").arg(count); break;
    }
    if (atMs >= 0)
        s += QStringLiteral("@%1").arg(atMs);
    return s;
}

} // namespace atb::sim
