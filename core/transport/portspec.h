#pragma once

#include "serialtransport.h"

#include <QString>
#include <optional>

namespace atb {

// Where a module is, as a user names it on a command line or in a list of ports:
//   /dev/ttyUSB0, ttyUSB0, COM3, /tmp/ttyAT (a pty link)  -> Kind::Serial
//   tcp:HOST:PORT, tcp:[::1]:PORT                         -> Kind::Tcp (a raw bridge: ser2net, socat)
//   sim:esp, sim:beken                                    -> Kind::Simulator (built-in simulated module;
//                                                            only where the program links the simulator)
// A value: parse() and toString() round-trip. The line settings of a serial port (baud, frame)
// live in `serial`; parse() fills only the port name, the caller sets the rest.
struct PortSpec
{
    enum class Kind { Serial, Tcp, Simulator };
    Kind kind = Kind::Serial;
    SerialSettings serial; // Kind::Serial: portName and line settings; baudRate also paces a simulator
    QString host;          // Kind::Tcp
    quint16 port = 0;      // Kind::Tcp
    QString simulator;     // Kind::Simulator: "esp" or "beken"

    // Nullopt with *error set (one sentence naming the text) when `text` names no port.
    static std::optional<PortSpec> parse(const QString &text, QString *error = nullptr);
    // The text parse() reads back ("/dev/ttyUSB0", "tcp:127.0.0.1:7000", "sim:esp").
    QString toString() const;

    bool operator==(const PortSpec &o) const
    {
        return kind == o.kind && serial == o.serial && host == o.host && port == o.port && simulator == o.simulator;
    }
    bool operator!=(const PortSpec &o) const { return !(*this == o); }
};

} // namespace atb
