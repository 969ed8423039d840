#pragma once

#include "services/moduleconnection.h"
#include "transport/portspec.h"

#include <QCommandLineOption>
#include <QList>
#include <memory>

class QCommandLineParser;

namespace atb::cli {

// The options of every sub-command that talks to a module:
//   --port PORT     a serial device (a pty such as `atbench-sim --pty` makes works), tcp:HOST:PORT
//                   for a bridge; repeatable where the sub-command takes several modules
//   --baud N        serial line rate, default 115200
//   --dialect D     esp | beken | auto (default: auto, detected with AT+GMR and probing)
//   --open-timeout S  seconds to wait for the module to answer (default 8)
class ModuleOptions
{
public:
    explicit ModuleOptions(bool severalPorts = false);

    void addTo(QCommandLineParser &parser) const;
    // Reads and validates the options; false with *error set (one sentence) otherwise.
    bool read(const QCommandLineParser &parser, QString *error);

    QList<PortSpec> ports() const { return m_ports; }
    DialectChoice dialect() const { return m_dialect; }
    int openTimeoutMs() const { return m_timeoutMs; }

    // Opens `spec` and waits for the module (ModuleConnection::openAndWait); nullptr with
    // *error set when the port cannot be opened or nothing answers.
    std::unique_ptr<ModuleConnection> open(const PortSpec &spec, QString *error) const;

private:
    bool m_several;
    QCommandLineOption m_port;
    QCommandLineOption m_baud;
    QCommandLineOption m_dialectOpt;
    QCommandLineOption m_timeout;
    QList<PortSpec> m_ports;
    DialectChoice m_dialect = DialectChoice::Auto;
    int m_timeoutMs = ModuleConnection::kDefaultTimeoutMs;
};

} // namespace atb::cli
