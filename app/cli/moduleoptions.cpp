#include "moduleoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace atb::cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}
} // namespace

ModuleOptions::ModuleOptions(bool severalPorts)
    : m_several(severalPorts),
      m_port(QStringLiteral("port"),
             severalPorts ? tr("Module port: a serial device (/dev/ttyUSB0, a pty), or tcp:HOST:PORT for a bridge. "
                               "Repeat for several modules.")
                          : tr("Module port: a serial device (/dev/ttyUSB0, a pty), or tcp:HOST:PORT for a bridge."),
             QStringLiteral("PORT")),
      m_baud(QStringLiteral("baud"), tr("Serial line rate (default 115200)."), QStringLiteral("N"), QStringLiteral("115200")),
      m_dialectOpt(QStringLiteral("dialect"), tr("Firmware family: esp, beken or auto (default auto: detected)."),
                   QStringLiteral("esp|beken|auto"), QStringLiteral("auto")),
      m_timeout(QStringLiteral("open-timeout"), tr("Seconds to wait for the module to answer (default 8)."),
                QStringLiteral("S"), QStringLiteral("8"))
{
}

void ModuleOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOption(m_port);
    parser.addOption(m_baud);
    parser.addOption(m_dialectOpt);
    parser.addOption(m_timeout);
}

bool ModuleOptions::read(const QCommandLineParser &parser, QString *error)
{
    m_ports.clear();
    const QStringList portTexts = parser.values(m_port);
    if (portTexts.isEmpty()) {
        *error = tr("--port PORT is required.");
        return false;
    }
    if (!m_several && portTexts.size() > 1) {
        *error = tr("give one --port only.");
        return false;
    }
    bool ok = false;
    const int baud = parser.value(m_baud).toInt(&ok);
    if (!ok || baud < 300 || baud > 10000000) {
        *error = tr("--baud must be a line rate from 300 to 10000000, not '%1'.").arg(parser.value(m_baud));
        return false;
    }
    const std::optional<DialectChoice> d = dialectChoiceFromName(parser.value(m_dialectOpt));
    if (!d) {
        *error = tr("--dialect must be esp, beken or auto, not '%1'.").arg(parser.value(m_dialectOpt));
        return false;
    }
    m_dialect = *d;
    const double seconds = parser.value(m_timeout).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 600) {
        *error = tr("--open-timeout must be a number of seconds from 0 to 600, not '%1'.").arg(parser.value(m_timeout));
        return false;
    }
    m_timeoutMs = int(seconds * 1000);
    for (const QString &text : portTexts) {
        QString why;
        std::optional<PortSpec> spec = PortSpec::parse(text, &why);
        if (!spec) {
            *error = why;
            return false;
        }
        spec->serial.baudRate = baud;
        if (m_ports.contains(*spec)) {
            *error = tr("port '%1' is given twice.").arg(text);
            return false;
        }
        m_ports << *spec;
    }
    return true;
}

std::unique_ptr<ModuleConnection> ModuleOptions::open(const PortSpec &spec, QString *error) const
{
    auto module = std::make_unique<ModuleConnection>();
    if (!module->openAndWait(spec, m_dialect, error, m_timeoutMs))
        return nullptr;
    return module;
}

} // namespace atb::cli
