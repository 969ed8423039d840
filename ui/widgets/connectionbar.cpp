#include "connectionbar.h"

#include "model/devicemodel.h"
#include "services/commandrunner.h"
#include "simulatorlink.h"
#include "transport/portlister.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QFileInfo>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QToolButton>

using atb::AtCommand;
using atb::AtResult;
using atb::DeviceSession;
using atb::Dialect;
using atb::DialectProbeResult;

namespace {
constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kPathRole = Qt::UserRole + 2;
constexpr int kAdapterRole = Qt::UserRole + 3;
const int kBaudRates[] = { 9600, 19200, 38400, 57600, 74880, 115200, 230400, 460800, 921600, 1000000, 1500000, 2000000, 3000000 };
}

ConnectionBar::ConnectionBar(bool simulatorEntries, QWidget *parent)
    : QWidget(parent), m_simulatorEntries(simulatorEntries)
{
    auto *lay = new QHBoxLayout(this);
    lay->setContentsMargins(6, 3, 6, 3);

    m_portLabel = new QLabel(this);
    m_port = new QComboBox(this);
    m_port->setObjectName(QStringLiteral("portCombo"));
    m_port->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_port->setMinimumContentsLength(26);
    m_portLabel->setBuddy(m_port);

    m_refresh = new QToolButton(this);
    m_refresh->setObjectName(QStringLiteral("refreshPorts"));
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setAutoRaise(true);

    m_tcp = new QLineEdit(this);
    m_tcp->setObjectName(QStringLiteral("tcpEdit"));
    m_tcp->setPlaceholderText(QStringLiteral("host:port"));
    m_tcp->setMinimumWidth(150);
    m_tcp->setMaximumWidth(220);

    m_baudLabel = new QLabel(this);
    m_baud = new QComboBox(this);
    m_baud->setObjectName(QStringLiteral("baudCombo"));
    m_baud->setEditable(true);
    m_baud->setInsertPolicy(QComboBox::NoInsert);
    for (int b : kBaudRates)
        m_baud->addItem(QString::number(b));
    m_baud->setValidator(new QIntValidator(50, 20000000, m_baud));
    m_baud->setCurrentText(QStringLiteral("115200"));
    m_baud->setMinimumContentsLength(8);
    m_baudLabel->setBuddy(m_baud);

    m_flowLabel = new QLabel(this);
    m_flow = new QComboBox(this);
    m_flow->setObjectName(QStringLiteral("flowCombo"));
    m_flow->addItem(QString(), int(QSerialPort::NoFlowControl));
    m_flow->addItem(QString(), int(QSerialPort::HardwareControl));
    m_flowLabel->setBuddy(m_flow);

    m_dtr = new QCheckBox(this);
    m_dtr->setObjectName(QStringLiteral("dtrCheck"));
    m_rts = new QCheckBox(this);
    m_rts->setObjectName(QStringLiteral("rtsCheck"));

    m_connect = new QPushButton(this);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setDefault(false);
    m_connect->setAutoDefault(false);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("stateLabel"));
    m_state->setTextFormat(Qt::RichText);

    lay->addWidget(m_portLabel);
    lay->addWidget(m_port, 1);
    lay->addWidget(m_refresh);
    lay->addWidget(m_tcp);
    lay->addSpacing(8);
    lay->addWidget(m_baudLabel);
    lay->addWidget(m_baud);
    lay->addWidget(m_flowLabel);
    lay->addWidget(m_flow);
    lay->addWidget(m_dtr);
    lay->addWidget(m_rts);
    lay->addSpacing(8);
    lay->addWidget(m_connect);
    lay->addWidget(m_state);

    connect(m_refresh, &QToolButton::clicked, this, &ConnectionBar::refreshPorts);
    connect(m_port, &QComboBox::currentIndexChanged, this, &ConnectionBar::updateEnabled);
    connect(m_connect, &QPushButton::clicked, this, [this] {
        if (m_sessionState == DeviceSession::State::Disconnected)
            emit connectRequested();
        else
            emit disconnectRequested();
    });

    retranslate();
    refreshPorts();
    setState(DeviceSession::State::Disconnected);
}

void ConnectionBar::refreshPorts()
{
    const int oldKind = m_port->currentData(kKindRole).toInt();
    const QString oldPath = m_port->currentData(kPathRole).toString();

    m_port->blockSignals(true);
    m_port->clear();
    const QList<atb::PortDescription> ports = atb::listSerialPorts();
    for (const atb::PortDescription &p : ports) {
        m_port->addItem(p.label());
        const int i = m_port->count() - 1;
        m_port->setItemData(i, int(ConnectionChoice::Kind::Serial), kKindRole);
        m_port->setItemData(i, p.systemLocation.isEmpty() ? p.name : p.systemLocation, kPathRole);
        m_port->setItemData(i, p.label(), Qt::ToolTipRole);
        m_port->setItemData(i, p.vendorId.has_value() || !p.description.isEmpty(), kAdapterRole);
    }
    if (!ports.isEmpty())
        m_port->insertSeparator(m_port->count());
    if (m_simulatorEntries) {
        m_port->addItem(QString());
        m_port->setItemData(m_port->count() - 1, int(ConnectionChoice::Kind::SimulatorEsp), kKindRole);
        m_port->addItem(QString());
        m_port->setItemData(m_port->count() - 1, int(ConnectionChoice::Kind::SimulatorBeken), kKindRole);
    }
    m_port->addItem(QString());
    m_port->setItemData(m_port->count() - 1, int(ConnectionChoice::Kind::Tcp), kKindRole);
    retranslate();

    int select = 0;
    for (int i = 0; i < m_port->count(); ++i) {
        if (m_port->itemData(i, kKindRole).isValid() && m_port->itemData(i, kKindRole).toInt() == oldKind
            && (oldKind != int(ConnectionChoice::Kind::Serial) || m_port->itemData(i, kPathRole).toString() == oldPath)) {
            select = i;
            break;
        }
    }
    m_port->setCurrentIndex(select);
    m_port->blockSignals(false);
    updateEnabled();
}

int ConnectionBar::serialPortCount() const
{
    int n = 0;
    for (int i = 0; i < m_port->count(); ++i)
        if (m_port->itemData(i, kKindRole).isValid()
            && m_port->itemData(i, kKindRole).toInt() == int(ConnectionChoice::Kind::Serial))
            ++n;
    return n;
}

int ConnectionBar::adapterCount() const
{
    int n = 0;
    for (int i = 0; i < m_port->count(); ++i)
        if (m_port->itemData(i, kAdapterRole).toBool())
            ++n;
    return n;
}

bool ConnectionBar::selectSerialPort(const QString &nameOrPath)
{
    for (int i = 0; i < m_port->count(); ++i) {
        if (!m_port->itemData(i, kKindRole).isValid()
            || m_port->itemData(i, kKindRole).toInt() != int(ConnectionChoice::Kind::Serial))
            continue;
        const QString path = m_port->itemData(i, kPathRole).toString();
        if (path == nameOrPath || path.section(QLatin1Char('/'), -1) == nameOrPath) {
            m_port->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void ConnectionBar::setChoice(const ConnectionChoice &c)
{
    if (c.kind == ConnectionChoice::Kind::Serial) {
        if (!selectSerialPort(c.serial.portName)) {
            // Not enumerated (a pseudo-terminal, or unplugged): list it anyway, first.
            m_port->insertItem(0, c.serial.portName);
            m_port->setItemData(0, int(ConnectionChoice::Kind::Serial), kKindRole);
            m_port->setItemData(0, c.serial.portName, kPathRole);
            m_port->setCurrentIndex(0);
        }
        m_baud->setCurrentText(QString::number(c.serial.baudRate));
        m_flow->setCurrentIndex(c.serial.flowControl == QSerialPort::HardwareControl ? 1 : 0);
        m_dtr->setChecked(c.serial.dtrOnOpen);
        m_rts->setChecked(c.serial.rtsOnOpen);
    } else {
        for (int i = 0; i < m_port->count(); ++i)
            if (m_port->itemData(i, kKindRole).isValid() && m_port->itemData(i, kKindRole).toInt() == int(c.kind))
                m_port->setCurrentIndex(i);
        if (c.kind == ConnectionChoice::Kind::Tcp && !c.host.isEmpty())
            m_tcp->setText(QStringLiteral("%1:%2").arg(c.host).arg(c.port));
    }
    updateEnabled();
}

bool ConnectionBar::choice(ConnectionChoice *out, QString *error) const
{
    ConnectionChoice c;
    const QVariant kind = m_port->currentData(kKindRole);
    if (!kind.isValid()) {
        *error = tr("Choose a serial port, a simulated module or a TCP bridge.");
        return false;
    }
    c.kind = ConnectionChoice::Kind(kind.toInt());
    bool ok = false;
    const qint64 baud = m_baud->currentText().trimmed().toLongLong(&ok);
    if (!ok || baud < 50 || baud > 20000000) {
        *error = tr("The baud rate \"%1\" is not a number between 50 and 20000000.").arg(m_baud->currentText());
        return false;
    }
    c.serial.baudRate = qint32(baud);
    c.serial.flowControl = QSerialPort::FlowControl(m_flow->currentData().toInt());
    c.serial.dtrOnOpen = m_dtr->isChecked();
    c.serial.rtsOnOpen = m_rts->isChecked();
    c.serial.portName = m_port->currentData(kPathRole).toString();
    if (c.kind == ConnectionChoice::Kind::Tcp) {
        const QString text = m_tcp->text().trimmed();
        const int colon = int(text.lastIndexOf(QLatin1Char(':')));
        const uint port = colon > 0 ? text.mid(colon + 1).toUInt(&ok) : 0;
        if (colon <= 0 || !ok || port == 0 || port > 65535) {
            *error = tr("Enter the TCP bridge as host:port, for example 192.168.1.20:4000.");
            return false;
        }
        c.host = text.left(colon);
        if (c.host.startsWith(QLatin1Char('[')) && c.host.endsWith(QLatin1Char(']')))
            c.host = c.host.mid(1, c.host.size() - 2);
        c.port = quint16(port);
    }
    *out = c;
    return true;
}

void ConnectionBar::setState(DeviceSession::State state)
{
    m_sessionState = state;
    QString colour;
    QString text;
    switch (state) {
    case DeviceSession::State::Disconnected:
        colour = QStringLiteral("#8a8a8a");
        text = tr("Disconnected");
        break;
    case DeviceSession::State::Connecting:
        colour = QStringLiteral("#e0a000");
        text = tr("Connecting…");
        break;
    case DeviceSession::State::Connected:
        colour = QStringLiteral("#2ea043");
        text = tr("Connected");
        break;
    case DeviceSession::State::Passthrough:
        colour = QStringLiteral("#3b82f6");
        text = tr("Passthrough");
        break;
    }
    m_state->setText(QStringLiteral("<span style=\"color:%1\">&#9679;</span>&nbsp;%2").arg(colour, text.toHtmlEscaped()));
    m_state->setToolTip(text);
    m_connect->setText(state == DeviceSession::State::Disconnected ? tr("&Connect") : tr("&Disconnect"));
    m_connect->setIcon(style()->standardIcon(state == DeviceSession::State::Disconnected ? QStyle::SP_MediaPlay
                                                                                          : QStyle::SP_MediaStop));
    updateEnabled();
}

void ConnectionBar::updateEnabled()
{
    const bool idle = m_sessionState == DeviceSession::State::Disconnected;
    const QVariant kindVar = m_port->currentData(kKindRole);
    const auto kind = ConnectionChoice::Kind(kindVar.toInt());
    const bool serial = kindVar.isValid() && kind == ConnectionChoice::Kind::Serial;
    m_port->setEnabled(idle);
    m_refresh->setEnabled(idle);
    m_tcp->setVisible(kindVar.isValid() && kind == ConnectionChoice::Kind::Tcp);
    m_tcp->setEnabled(idle);
    for (QWidget *w : { static_cast<QWidget *>(m_baud), static_cast<QWidget *>(m_flow),
                        static_cast<QWidget *>(m_dtr), static_cast<QWidget *>(m_rts),
                        static_cast<QWidget *>(m_baudLabel), static_cast<QWidget *>(m_flowLabel) })
        w->setEnabled(idle && serial);
}

void ConnectionBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        setState(m_sessionState);
    }
    QWidget::changeEvent(event);
}

void ConnectionBar::retranslate()
{
    m_portLabel->setText(tr("&Port:"));
    m_refresh->setToolTip(tr("Refresh the list of serial ports"));
    m_tcp->setToolTip(tr("Address of a raw TCP serial bridge (ser2net, ESP-Link, ...) as host:port"));
    m_baudLabel->setText(tr("&Baud:"));
    m_baud->setToolTip(tr("Baud rate: pick a common rate or type any rate"));
    m_flowLabel->setText(tr("&Flow:"));
    m_flow->setItemText(0, tr("None"));
    m_flow->setItemText(1, tr("RTS/CTS"));
    m_flow->setToolTip(tr("Hardware flow control (RTS/CTS)"));
    m_dtr->setText(tr("DTR"));
    m_dtr->setToolTip(tr("Assert DTR when the port opens. Leave off for boards with an auto-reset "
                         "circuit (ESP32 DevKits), where DTR/RTS drive EN and IO0 and would reset "
                         "the module or put it into the bootloader."));
    m_rts->setText(tr("RTS"));
    m_rts->setToolTip(tr("Assert RTS when the port opens. Leave off for boards with an auto-reset "
                         "circuit (ESP32 DevKits), where DTR/RTS drive EN and IO0 and would reset "
                         "the module or put it into the bootloader."));
    m_connect->setToolTip(tr("Open or close the link to the module"));
    for (int i = 0; i < m_port->count(); ++i) {
        const QVariant kind = m_port->itemData(i, kKindRole);
        if (!kind.isValid())
            continue;
        switch (ConnectionChoice::Kind(kind.toInt())) {
        case ConnectionChoice::Kind::SimulatorEsp:
            m_port->setItemText(i, tr("Simulated module (ESP-AT)"));
            break;
        case ConnectionChoice::Kind::SimulatorBeken:
            m_port->setItemText(i, tr("Simulated module (Beken)"));
            break;
        case ConnectionChoice::Kind::Tcp:
            m_port->setItemText(i, tr("TCP bridge…"));
            break;
        case ConnectionChoice::Kind::Serial:
            break;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// ConnectionChoice / ConnectionController

QString ConnectionChoice::displayName() const
{
    switch (kind) {
    case Kind::Serial:
        return QStringLiteral("%1 @ %2").arg(serial.portName).arg(serial.baudRate);
    case Kind::Tcp:
        return QStringLiteral("tcp://%1:%2").arg(host).arg(port);
    case Kind::SimulatorEsp:
        return SimulatorLink::displayName(SimulatorLink::Flavour::Esp);
    case Kind::SimulatorBeken:
        return SimulatorLink::displayName(SimulatorLink::Flavour::Beken);
    }
    return QString();
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
      m_probe(new atb::DialectProbe(session, this))
{
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

void ConnectionController::setChoice(const ConnectionChoice &c)
{
    if (c == m_choice)
        return;
    m_choice = c;
    emit choiceChanged(c);
}

void ConnectionController::setDialectOverride(DialectOverride o)
{
    if (o == m_override)
        return;
    m_override = o;
    if (o != DialectOverride::Auto) {
        const Dialect d = o == DialectOverride::Beken ? Dialect::Beken : Dialect::Esp;
        m_model->setDialect(d);
        m_session->setDialect(d);
    } else if (m_lastProbe.detected()) {
        m_model->setDialect(m_lastProbe.dialect, true);
        m_session->setDialect(m_lastProbe.dialect);
    }
    emit dialectOverrideChanged(o);
}

void ConnectionController::setAutoReconnect(bool on)
{
    if (on == m_autoReconnect)
        return;
    m_autoReconnect = on;
    if (!on && m_reconnectTimer.isActive()) {
        m_reconnectTimer.stop();
        emit reconnectingChanged(false);
    }
    emit autoReconnectChanged(on);
}

void ConnectionController::connectTo(const ConnectionChoice &c)
{
    setChoice(c);
    m_userClosing = false;
    m_wasConnected = false;
    m_attempts = 0;
    m_lastError.clear();
    if (m_reconnectTimer.isActive()) {
        m_reconnectTimer.stop();
        emit reconnectingChanged(false);
    }
    if (m_persist)
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
    if (m_reconnectTimer.isActive()) {
        m_reconnectTimer.stop();
        emit reconnectingChanged(false);
    }
    m_session->close();
}

bool ConnectionController::portPresent(const QString &nameOrPath) const
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
    if (m_session->state() != DeviceSession::State::Disconnected)
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
    if (state == DeviceSession::State::Connected && previous != DeviceSession::State::Connected
        && previous != DeviceSession::State::Passthrough) {
        const bool again = m_reconnectTimer.isActive();
        m_wasConnected = true;
        if (again) {
            m_reconnectTimer.stop();
            emit reconnectingChanged(false);
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
        } else if (!m_reconnectTimer.isActive()) {
            if (m_userClosing)
                say(tr("Disconnected"), false);
            else if (m_wasConnected)
                say(m_lastError.isEmpty() ? tr("The link to %1 was lost.").arg(m_choice.displayName())
                                          : tr("The link to %1 was lost: %2").arg(m_choice.displayName(), m_lastError),
                    true);
            else if (m_lastError.isEmpty())
                say(tr("Could not open %1.").arg(m_choice.displayName()), true);
            else
                say(tr("Could not open %1: %2").arg(m_choice.displayName(), m_lastError), true);
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
    Q_UNUSED(dialect); // both dialects answer the same queries (Beken may reject some)
    return { "AT+CIPMUX?", "AT+CIPMODE?", "AT+CWJAP?", "AT+CIFSR", "AT+MQTTCONN?", "AT+CIPDNS?", "AT+CIPSNTPCFG?" };
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
    if (m_override != DialectOverride::Auto) {
        const Dialect d = m_override == DialectOverride::Beken ? Dialect::Beken : Dialect::Esp;
        m_model->setDialect(d);
        m_session->setDialect(d);
    } else if (r.detected()) {
        m_model->setDialect(r.dialect, true);
        m_session->setDialect(r.dialect);
    }
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

void ConnectionController::loadSettings()
{
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
}

void ConnectionController::saveSettings() const
{
    if (!m_persist)
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

// ---------------------------------------------------------------------------------------------
// ConnectionBar <-> controller

void ConnectionBar::setController(ConnectionController *controller)
{
    m_controller = controller;
    if (!controller)
        return;
    setChoice(controller->choice());
    connect(controller, &ConnectionController::choiceChanged, this, [this](const ConnectionChoice &c) {
        if (m_syncing)
            return;
        m_syncing = true;
        setChoice(c);
        m_syncing = false;
    });
    connect(controller, &ConnectionController::stateChanged, this, &ConnectionBar::setState);
    for (QComboBox *combo : { m_port, m_baud, m_flow })
        connect(combo, &QComboBox::currentTextChanged, this, &ConnectionBar::pushToController);
    connect(m_tcp, &QLineEdit::textChanged, this, &ConnectionBar::pushToController);
    connect(m_dtr, &QCheckBox::toggled, this, &ConnectionBar::pushToController);
    connect(m_rts, &QCheckBox::toggled, this, &ConnectionBar::pushToController);
}

void ConnectionBar::pushToController()
{
    if (!m_controller || m_syncing)
        return;
    ConnectionChoice c;
    QString error;
    if (!choice(&c, &error))
        return;
    // The bar has no data bits/parity/stop bits: keep the Port page's values.
    const ConnectionChoice old = m_controller->choice();
    c.serial.dataBits = old.serial.dataBits;
    c.serial.parity = old.serial.parity;
    c.serial.stopBits = old.serial.stopBits;
    if (c.serial.flowControl == QSerialPort::NoFlowControl && old.serial.flowControl == QSerialPort::SoftwareControl)
        c.serial.flowControl = old.serial.flowControl;
    if (c.kind != ConnectionChoice::Kind::Tcp) {
        c.host = old.host;
        c.port = old.port;
    }
    m_syncing = true;
    m_controller->setChoice(c);
    m_syncing = false;
}
