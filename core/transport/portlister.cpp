#include "portlister.h"

#include <QSerialPortInfo>
#include <algorithm>

namespace atb {

QString PortDescription::label() const
{
    QString s = name;
    QStringList extra;
    if (!description.isEmpty())
        extra << description;
    if (vendorId && productId)
        extra << QStringLiteral("%1:%2").arg(*vendorId, 4, 16, QLatin1Char('0')).arg(*productId, 4, 16, QLatin1Char('0'));
    if (!serialNumber.isEmpty())
        extra << QStringLiteral("SN %1").arg(serialNumber);
    if (!extra.isEmpty())
        s += QStringLiteral(" — ") + extra.join(QStringLiteral(", "));
    return s;
}

QList<PortDescription> listSerialPorts()
{
    QList<PortDescription> out;
    const auto ports = QSerialPortInfo::availablePorts();
    for (const QSerialPortInfo &info : ports) {
        PortDescription d;
        d.name = info.portName();
        d.systemLocation = info.systemLocation();
        d.description = info.description();
        d.manufacturer = info.manufacturer();
        d.serialNumber = info.serialNumber();
        if (info.hasVendorIdentifier())
            d.vendorId = info.vendorIdentifier();
        if (info.hasProductIdentifier())
            d.productId = info.productIdentifier();
        out.append(d);
    }
    std::stable_sort(out.begin(), out.end(), [](const PortDescription &a, const PortDescription &b) {
        if (a.vendorId.has_value() != b.vendorId.has_value())
            return a.vendorId.has_value();
        return a.name < b.name;
    });
    return out;
}

} // namespace atb
