#include "portspec.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace atb {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("atb::PortSpec", text);
}

// "HOST:PORT" or "[v6]:PORT" -> host, port.
bool splitHostPort(const QString &text, QString *host, quint16 *port)
{
    QString h;
    QString p;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1String("]:"));
        if (close < 0)
            return false;
        h = text.mid(1, close - 1);
        p = text.mid(close + 2);
        if (QHostAddress(h).protocol() != QAbstractSocket::IPv6Protocol)
            return false;
    } else {
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0)
            return false;
        h = text.left(colon);
        p = text.mid(colon + 1);
        if (h.contains(QLatin1Char(':')))
            return false; // a bare IPv6 address needs brackets
    }
    bool ok = false;
    const uint n = p.toUInt(&ok);
    if (!ok || n == 0 || n > 65535 || h.trimmed().isEmpty() || h.contains(QLatin1Char(' '))
        || h.contains(QLatin1Char('/')))
        return false;
    *host = h;
    *port = quint16(n);
    return true;
}

} // namespace

std::optional<PortSpec> PortSpec::parse(const QString &text, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<PortSpec> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString t = text.trimmed();
    if (t.isEmpty())
        return fail(tr("No port given: name a serial device (/dev/ttyUSB0), tcp:HOST:PORT or sim:esp."));

    PortSpec spec;
    if (t.startsWith(QLatin1String("tcp:"), Qt::CaseInsensitive)) {
        spec.kind = Kind::Tcp;
        if (!splitHostPort(t.mid(4), &spec.host, &spec.port))
            return fail(tr("'%1' is not tcp:HOST:PORT (a port from 1 to 65535; IPv6 hosts in brackets: tcp:[::1]:7000).").arg(t));
        return spec;
    }
    if (t.startsWith(QLatin1String("sim:"), Qt::CaseInsensitive)) {
        spec.kind = Kind::Simulator;
        spec.simulator = t.mid(4).toLower();
        if (spec.simulator != QLatin1String("esp") && spec.simulator != QLatin1String("beken"))
            return fail(tr("'%1' names no simulated module: use sim:esp or sim:beken.").arg(t));
        return spec;
    }
    if (t.contains(QLatin1String("://")))
        return fail(tr("'%1' is not a port: name a serial device (/dev/ttyUSB0), tcp:HOST:PORT or sim:esp.").arg(t));
    spec.kind = Kind::Serial;
    spec.serial.portName = t;
    return spec;
}

QString PortSpec::toString() const
{
    switch (kind) {
    case Kind::Serial:
        return serial.portName;
    case Kind::Tcp:
        return host.contains(QLatin1Char(':')) ? QStringLiteral("tcp:[%1]:%2").arg(host).arg(port)
                                               : QStringLiteral("tcp:%1:%2").arg(host).arg(port);
    case Kind::Simulator:
        return QStringLiteral("sim:") + simulator;
    }
    return QString();
}

} // namespace atb
