#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace atb {

struct PortDescription
{
    QString name;           // "ttyUSB0"
    QString systemLocation; // "/dev/ttyUSB0"
    QString description;    // "CP2102 USB to UART Bridge Controller"
    QString manufacturer;
    QString serialNumber;
    std::optional<quint16> vendorId;
    std::optional<quint16> productId;

    // "ttyUSB0 — CP2102 USB to UART Bridge (10c4:ea60, SN 0001)"
    QString label() const;
};

// The serial ports of this machine, USB adapters first.
QList<PortDescription> listSerialPorts();

} // namespace atb

Q_DECLARE_METATYPE(atb::PortDescription)
