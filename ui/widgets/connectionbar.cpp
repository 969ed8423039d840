#include "connectionbar.h"

#include "theme.h"
#include "transport/portlister.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

using atb::DeviceSession;

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
    const ThemeColours theme = ThemeColours::fromPalette(palette());
    QColor colour;
    QString text;
    switch (state) {
    case DeviceSession::State::Disconnected:
        colour = theme.disconnected;
        text = tr("Disconnected");
        break;
    case DeviceSession::State::Connecting:
        colour = theme.connecting;
        text = tr("Connecting…");
        break;
    case DeviceSession::State::Connected:
        colour = theme.connected;
        text = tr("Connected");
        break;
    case DeviceSession::State::Passthrough:
        colour = theme.passthrough;
        text = tr("Passthrough");
        break;
    }
    m_state->setText(QStringLiteral("<span style=\"color:%1\">&#9679;</span>&nbsp;%2").arg(colour.name(), text.toHtmlEscaped()));
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
    if (!m_syncing) {
        QString error;
        commitChoice(&error);
    }
}

bool ConnectionBar::commitChoice(QString *error)
{
    ConnectionChoice c;
    if (!choice(&c, error))
        return false;
    if (!m_controller)
        return true;
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
    return true;
}
