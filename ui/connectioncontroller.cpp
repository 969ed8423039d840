#include "connectioncontroller.h"

#include "model/devicemodel.h"
#include "services/commandrunner.h"
#include "simulatorlink.h"
#include "transport/portlister.h"
#include "transport/portwatcher.h"

#include <QFileInfo>
#include <QScopedValueRollback>
#include <QSettings>

using atb::AtCommand;
using atb::AtResult;
using atb::DeviceSession;
using atb::Dialect;
using atb::DialectProbeResult;

QString ConnectionChoice::displayName() const
{
    switch (kind) {
    case Kind::Serial: {
        // The frame only when it is not the modules' 8N1.
        const QString frame = frameName(serial);
        return QStringLiteral("%1 @ %2").arg(serial.portName).arg(serial.baudRate)
            + (frame == QLatin1String("8N1") ? QString() : QLatin1Char(' ') + frame);
    }
    case Kind::Tcp:
        return QStringLiteral("tcp://%1:%2").arg(host).arg(port);
    case Kind::SimulatorEsp:
        return SimulatorLink::displayName(SimulatorLink::Flavour::Esp);
    case Kind::SimulatorBeken:
        return SimulatorLink::displayName(SimulatorLink::Flavour::Beken);
    }
    return QString();
}

QString ConnectionChoice::frameName(const atb::SerialSettings &s)
{
    QChar parity = QLatin1Char('N');
    switch (s.parity) {
    case QSerialPort::EvenParity: parity = QLatin1Char('E'); break;
    case QSerialPort::OddParity: parity = QLatin1Char('O'); break;
    case QSerialPort::SpaceParity: parity = QLatin1Char('S'); break;
    case QSerialPort::MarkParity: parity = QLatin1Char('M'); break;
    default: break;
    }
    const QString stop = s.stopBits == QSerialPort::TwoStop           ? QStringLiteral("2")
                         : s.stopBits == QSerialPort::OneAndHalfStop ? QStringLiteral("1.5")
                                                                       : QStringLiteral("1");
    return QString::number(int(s.dataBits)) + parity + stop;
}

namespace {
const char kPortOrigin[] = "port";
const char kGroup[] = "portPage";
constexpr int kSettleMs = 1000; // wait for "ready" (Beken boots in 400 ms) before querying

QString kindKey(ConnectionChoice::Kind k)
{
    switch (k) {
    case ConnectionChoice::Kind::Serial: return QStringLiteral("serial");
    case ConnectionChoice::Kind::Tcp: return QStringLiteral("tcp");
    case ConnectionChoice::Kind::SimulatorEsp: return QStringLiteral("sim-esp");
    case ConnectionChoice::Kind::SimulatorBeken: return QStringLiteral("sim-beken");
    }
    return QString();
}
} // namespace

ConnectionController::ConnectionController(DeviceSession *session, atb::DeviceModel *model, SimulatorLink *simulator,
                                           QObject *parent)
    : QObject(parent), m_session(session), m_model(model), m_sim(simulator),
      m_probe(new atb::DialectProbe(session, this)), m_watcher(new atb::PortWatcher(this))
{
    connect(m_watcher, &atb::PortWatcher::portsChanged, this, [this] { onPortsChanged(m_watcher->ports()); });
    m_watcher->start();
    m_ports = m_watcher->ports();
    m_reconnectTimer.setInterval(2000);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ConnectionController::tryReconnect);
    m_settleTimer.setSingleShot(true);
    m_settleTimer.setInterval(kSettleMs);
    connect(&m_settleTimer, &QTimer::timeout, this, &ConnectionController::startAfterConnect);
    connect(m_session, &DeviceSession::stateChanged, this, &ConnectionController::onStateChanged);
    connect(m_session, &DeviceSession::urcReceived, this, &ConnectionController::onUrc);
    connect(m_session, &DeviceSession::errorOccurred, this, [this](const QString &message) {
        m_lastError = message;
        // A port that fails to open may never leave Disconnected: say why here.
        if (m_state != DeviceSession::State::Connected && m_state != DeviceSession::State::Passthrough
            && !m_wasConnected && !m_userClosing && !m_reconnectTimer.isActive())
            say(tr("Could not open %1: %2").arg(m_choice.displayName(), message), true);
    });
    connect(m_session, &DeviceSession::commandFinished, this, &ConnectionController::onFinished);
    connect(m_probe, &atb::DialectProbe::finished, this, &ConnectionController::onProbeFinished);
    m_state = m_session->state();
}

ConnectionController::~ConnectionController() = default;

QList<atb::PortDescription> ConnectionController::ports() const
{
    return m_ports;
}

void ConnectionController::onPortsChanged(const QList<atb::PortDescription> &ports)
{
    m_ports = ports;
    if (m_choice.kind == ConnectionChoice::Kind::Serial && !m_chosenSerial.isEmpty()) {
        const QString name = m_choice.serial.portName;
        const auto same = [&name](const atb::PortDescription &p) { return p.systemLocation == name || p.name == name; };
        if (std::none_of(ports.cbegin(), ports.cend(), same)) {
            for (const atb::PortDescription &p : ports) {
                if (p.serialNumber != m_chosenSerial)
                    continue;
                ConnectionChoice c = m_choice;
                c.serial.portName = p.systemLocation.isEmpty() ? p.name : p.systemLocation;
                say(tr("The adapter %1 is back as %2").arg(m_chosenSerial, c.serial.portName), false);
                setChoice(c);
                break;
            }
        }
    }
    emit portsChanged(ports);
}

void ConnectionController::setChoice(const ConnectionChoice &c)
{
    if (c == m_choice)
        return;
    m_choice = c;
    if (c.kind == ConnectionChoice::Kind::Serial) {
        const QString base = c.serial.portName.section(QLatin1Char('/'), -1);
        // Listed now: remember its serial number (none: forget); not listed: keep what we knew.
        for (const atb::PortDescription &p : std::as_const(m_ports))
            if (p.systemLocation == c.serial.portName || p.name == base)
                m_chosenSerial = p.serialNumber;
    }
    emit choiceChanged(c);
}

void ConnectionController::setDialectOverride(DialectOverride o)
{
    if (o == m_override)
        return;
    m_override = o;
    applyDialect();
    saveSettings();
    emit dialectOverrideChanged(o);
}

void ConnectionController::applyDialect()
{
    if (m_override != DialectOverride::Auto) {
        const Dialect d = m_override == DialectOverride::Beken ? Dialect::Beken : Dialect::Esp;
        m_model->setDialect(d);
        m_session->setDialect(d);
    } else if (m_lastProbe.detected()) {
        m_model->setDialect(m_lastProbe.dialect, true);
        m_session->setDialect(m_lastProbe.dialect);
    }
}

void ConnectionController::stopReconnecting()
{
    if (m_reconnectTimer.isActive()) {
        m_reconnectTimer.stop();
        emit reconnectingChanged(false);
    }
}

void ConnectionController::setAutoReconnect(bool on)
{
    if (on == m_autoReconnect)
        return;
    m_autoReconnect = on;
    if (!on)
        stopReconnecting();
    saveSettings();
    emit autoReconnectChanged(on);
}

void ConnectionController::setPlayback(bool on)
{
    if (on == m_playback)
        return;
    m_playback = on;
    m_settleTimer.stop();
    stopReconnecting();
    m_userClosing = true;
    m_wasConnected = false;
}

void ConnectionController::connectTo(const ConnectionChoice &c)
{
    if (m_playback) {
        say(tr("A recording is playing back: close it before connecting."), true);
        return;
    }
    setChoice(c);
    m_userClosing = false;
    m_wasConnected = false;
    m_attempts = 0;
    m_lastError.clear();
    stopReconnecting();
    saveSettings();
    say(tr("Connecting to %1…").arg(c.displayName()), false);
    open(c); // may report a failure right away (session in this thread)
}

void ConnectionController::open(const ConnectionChoice &c)
{
    switch (c.kind) {
    case ConnectionChoice::Kind::Serial:
        m_session->openSerial(c.serial);
        break;
    case ConnectionChoice::Kind::Tcp:
        m_session->openTcp(c.host, c.port);
        break;
    case ConnectionChoice::Kind::SimulatorEsp:
    case ConnectionChoice::Kind::SimulatorBeken: {
        const bool beken = c.kind == ConnectionChoice::Kind::SimulatorBeken;
        if (m_override == DialectOverride::Auto) {
            m_model->setDialect(beken ? Dialect::Beken : Dialect::Esp);
            m_session->setDialect(beken ? Dialect::Beken : Dialect::Esp);
        }
        m_session->openWith(m_sim->factory(beken ? SimulatorLink::Flavour::Beken : SimulatorLink::Flavour::Esp,
                                           c.serial.baudRate > 0 ? c.serial.baudRate : 115200));
        break;
    }
    }
}

void ConnectionController::disconnectFromModule()
{
    m_userClosing = true;
    m_settleTimer.stop();
    stopReconnecting();
    m_session->close();
}

bool ConnectionController::portPresent(const QString &nameOrPath)
{
    if (QFileInfo::exists(nameOrPath))
        return true;
    const QString base = nameOrPath.section(QLatin1Char('/'), -1);
    for (const atb::PortDescription &p : atb::listSerialPorts())
        if (p.name == base || p.systemLocation == nameOrPath)
            return true;
    return false;
}

void ConnectionController::tryReconnect()
{
    if (m_playback || m_session->state() != DeviceSession::State::Disconnected)
        return;
    if (m_choice.kind == ConnectionChoice::Kind::Serial && !portPresent(m_choice.serial.portName)) {
        say(tr("Waiting for %1 to come back…").arg(m_choice.serial.portName), true);
        return;
    }
    ++m_attempts;
    say(tr("Reconnecting to %1 (attempt %2)…").arg(m_choice.displayName()).arg(m_attempts), false);
    open(m_choice);
}

void ConnectionController::onStateChanged(DeviceSession::State state)
{
    const DeviceSession::State previous = m_state;
    m_state = state;
    if (m_playback) {
        emit stateChanged(state);
        return;
    }
    if (state == DeviceSession::State::Connected && previous != DeviceSession::State::Connected
        && previous != DeviceSession::State::Passthrough) {
        const bool again = m_reconnectTimer.isActive();
        m_wasConnected = true;
        if (again) {
            stopReconnecting();
            say(tr("Reconnected to %1").arg(m_choice.displayName()), false);
        } else {
            say(tr("Connected to %1").arg(m_choice.displayName()), false);
        }
        if (m_readOnConnect)
            m_settleTimer.start();
    } else if (state == DeviceSession::State::Disconnected && previous != DeviceSession::State::Disconnected) {
        m_settleTimer.stop();
        m_probe->cancel();
        m_reads.clear();
        m_readAfterProbe = false;
        setBusy(false);
        if (!m_userClosing && m_wasConnected && m_autoReconnect) {
            m_wasConnected = false;
            if (!m_reconnectTimer.isActive()) {
                m_attempts = 0;
                m_reconnectTimer.start();
                emit reconnectingChanged(true);
                say(tr("The link to %1 was lost (%2); reconnecting every %3 s.")
                        .arg(m_choice.displayName(), m_lastError)
                        .arg(m_reconnectTimer.interval() / 1000.0),
                    true);
            }
            emit linkLost(m_choice.displayName(), true);
        } else if (!m_reconnectTimer.isActive()) {
            if (m_userClosing) {
                say(tr("Disconnected"), false);
            } else if (m_wasConnected) {
                say(m_lastError.isEmpty() ? tr("The link to %1 was lost.").arg(m_choice.displayName())
                                          : tr("The link to %1 was lost: %2").arg(m_choice.displayName(), m_lastError),
                    true);
                emit linkLost(m_choice.displayName(), false);
            } else if (m_lastError.isEmpty()) {
                say(tr("Could not open %1.").arg(m_choice.displayName()), true);
            } else {
                say(tr("Could not open %1: %2").arg(m_choice.displayName(), m_lastError), true);
            }
            m_wasConnected = false;
        }
    }
    emit stateChanged(state);
}

void ConnectionController::onUrc(const atb::AtEvent &event)
{
    // The module (re)booted: its state is fresh, query it now rather than after the settle time.
    if (m_settleTimer.isActive() && event.text.trimmed() == "ready") {
        m_settleTimer.stop();
        startAfterConnect();
    }
}

void ConnectionController::startAfterConnect()
{
    if (m_session->state() == DeviceSession::State::Connected)
        readModuleState();
}

void ConnectionController::detectDialect()
{
    if (m_probe->isRunning())
        return;
    setBusy(true);
    m_probe->start();
}

QList<QByteArray> ConnectionController::stateQueryLines(Dialect dialect)
{
    // Both dialects answer the same queries (Beken may reject some). ESP-AT first gets
    // AT+SYSLOG=1: every failure then carries its ERR CODE line, decoded into words (MQTT's
    // "ERROR without a reason" among them); the session log says so.
    const QList<QByteArray> queries { "AT+CIPMUX?", "AT+CIPMODE?", "AT+CWJAP?", "AT+CIFSR", "AT+MQTTCONN?",
                                      "AT+CIPDNS?", "AT+CIPSNTPCFG?" };
    return dialect == Dialect::Esp ? QList<QByteArray> { "AT+SYSLOG=1" } + queries : queries;
}

QList<QByteArray> ConnectionController::readPreview(Dialect dialect)
{
    return QList<QByteArray>({ atb::DialectProbe::probeLines().constFirst() }) + stateQueryLines(dialect);
}

void ConnectionController::readModuleState()
{
    if (m_session->state() != DeviceSession::State::Connected) {
        const QString msg = tr("Not connected: connect first, then read the module state.");
        say(msg, true);
        emit stateReadFinished(false, msg);
        return;
    }
    if (m_busy)
        return;
    m_readAfterProbe = true;
    detectDialect();
}

void ConnectionController::onProbeFinished(const DialectProbeResult &r)
{
    m_lastProbe = r;
    applyDialect();
    emit probeFinished(r);
    if (!m_readAfterProbe) {
        setBusy(false);
        say(r.detected() ? r.evidence : tr("Dialect not detected: %1").arg(r.evidence), !r.detected());
        return;
    }
    m_readAfterProbe = false;
    m_readFailures.clear();
    m_reads.clear();
    const bool beken = m_session->dialect() == Dialect::Beken;
    const QList<QByteArray> lines = stateQueryLines(m_session->dialect());
    m_readTotal = int(lines.size());
    if (!r.answered) {
        setBusy(false);
        const QString msg = tr("The module did not answer: %1").arg(r.evidence);
        say(msg, true);
        emit stateReadFinished(false, msg);
        return;
    }
    if (lines.contains("AT+SYSLOG=1"))
        m_session->log()->appendInfo(tr("AT+SYSLOG=1 sent after connecting: ESP-AT then prints an ERR CODE line with "
                                        "every failure, so the reason is shown in words (MQTT 0x60xx included)."));
    for (const QByteArray &line : lines) {
        AtCommand c = AtCommand::fromLine(line, beken);
        c.origin = QLatin1String(kPortOrigin);
        c.maxBusyRetries = 3;
        const quint64 id = m_session->submit(c);
        if (m_busy)
            m_reads.insert(id, line);
    }
}

void ConnectionController::onFinished(const AtResult &r)
{
    if (r.command.origin != QLatin1String(kPortOrigin) || !m_reads.remove(r.id))
        return;
    if (!r.ok())
        m_readFailures << atb::CommandRunner::describe(r);
    if (!m_reads.isEmpty())
        return;
    setBusy(false);
    const int good = m_readTotal - int(m_readFailures.size());
    QString msg = tr("Read %1 of %2 values from the module.").arg(good).arg(m_readTotal);
    if (!m_readFailures.isEmpty())
        msg += QLatin1Char(' ') + tr("Not answered: %1").arg(m_readFailures.join(QStringLiteral("; ")));
    say(msg, !m_readFailures.isEmpty() && good == 0);
    emit stateReadFinished(m_readFailures.isEmpty(), msg);
}

void ConnectionController::setBusy(bool on)
{
    if (on == m_busy)
        return;
    m_busy = on;
    emit busyChanged(on);
}

void ConnectionController::say(const QString &text, bool problem)
{
    m_lastMessage = text;
    emit statusMessage(text, problem);
}

bool ConnectionController::loadSettings()
{
    const QScopedValueRollback<bool> loading(m_loading, true);
    QSettings s;
    s.beginGroup(QLatin1String(kGroup));
    ConnectionChoice c;
    const QString kind = s.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("tcp"))
        c.kind = ConnectionChoice::Kind::Tcp;
    else if (kind == QLatin1String("sim-esp"))
        c.kind = ConnectionChoice::Kind::SimulatorEsp;
    else if (kind == QLatin1String("sim-beken"))
        c.kind = ConnectionChoice::Kind::SimulatorBeken;
    else if (kind == QLatin1String("serial"))
        c.kind = ConnectionChoice::Kind::Serial;
    else
        c = m_choice;
    if (!kind.isEmpty()) {
        c.serial.portName = s.value(QStringLiteral("port")).toString();
        c.serial.baudRate = s.value(QStringLiteral("baud"), 115200).toInt();
        c.serial.dataBits = QSerialPort::DataBits(s.value(QStringLiteral("dataBits"), int(QSerialPort::Data8)).toInt());
        c.serial.parity = QSerialPort::Parity(s.value(QStringLiteral("parity"), int(QSerialPort::NoParity)).toInt());
        c.serial.stopBits = QSerialPort::StopBits(s.value(QStringLiteral("stopBits"), int(QSerialPort::OneStop)).toInt());
        c.serial.flowControl
            = QSerialPort::FlowControl(s.value(QStringLiteral("flow"), int(QSerialPort::NoFlowControl)).toInt());
        c.serial.dtrOnOpen = s.value(QStringLiteral("dtr"), false).toBool();
        c.serial.rtsOnOpen = s.value(QStringLiteral("rts"), false).toBool();
        c.host = s.value(QStringLiteral("tcpHost")).toString();
        c.port = quint16(s.value(QStringLiteral("tcpPort"), 0).toUInt());
    }
    const QString o = s.value(QStringLiteral("dialect"), QStringLiteral("auto")).toString();
    setDialectOverride(o == QLatin1String("esp")     ? DialectOverride::Esp
                       : o == QLatin1String("beken") ? DialectOverride::Beken
                                                     : DialectOverride::Auto);
    setAutoReconnect(s.value(QStringLiteral("autoReconnect"), true).toBool());
    setChoice(c);
    return !kind.isEmpty();
}

void ConnectionController::saveSettings() const
{
    if (!m_persist || m_loading)
        return;
    QSettings s;
    s.beginGroup(QLatin1String(kGroup));
    const ConnectionChoice &c = m_choice;
    s.setValue(QStringLiteral("kind"), kindKey(c.kind));
    s.setValue(QStringLiteral("port"), c.serial.portName);
    s.setValue(QStringLiteral("baud"), c.serial.baudRate);
    s.setValue(QStringLiteral("dataBits"), int(c.serial.dataBits));
    s.setValue(QStringLiteral("parity"), int(c.serial.parity));
    s.setValue(QStringLiteral("stopBits"), int(c.serial.stopBits));
    s.setValue(QStringLiteral("flow"), int(c.serial.flowControl));
    s.setValue(QStringLiteral("dtr"), c.serial.dtrOnOpen);
    s.setValue(QStringLiteral("rts"), c.serial.rtsOnOpen);
    s.setValue(QStringLiteral("tcpHost"), c.host);
    s.setValue(QStringLiteral("tcpPort"), c.port);
    s.setValue(QStringLiteral("dialect"), m_override == DialectOverride::Esp     ? QStringLiteral("esp")
                                          : m_override == DialectOverride::Beken ? QStringLiteral("beken")
                                                                                 : QStringLiteral("auto"));
    s.setValue(QStringLiteral("autoReconnect"), m_autoReconnect);
}
