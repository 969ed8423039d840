#include "connectionbar.h"

#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

using atb::DeviceSession;

ConnectionBar::ConnectionBar(bool simulatorEntries, QWidget *parent)
    : QWidget(parent)
{
    auto *lay = new QHBoxLayout(this);
    lay->setContentsMargins(6, 3, 6, 3);

    m_portLabel = new QLabel(this);
    m_port = new LinkCombo(simulatorEntries, this);
    m_port->setObjectName(QStringLiteral("portCombo"));
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
    setUpBaudCombo(m_baud);
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
    m_port->refresh();
    updateEnabled();
}

void ConnectionBar::setChoice(const ConnectionChoice &c)
{
    m_port->select(c.kind, c.serial.portName);
    if (c.kind == ConnectionChoice::Kind::Serial) {
        m_baud->setCurrentText(QString::number(c.serial.baudRate));
        m_flow->setCurrentIndex(c.serial.flowControl == QSerialPort::HardwareControl ? 1 : 0);
        m_dtr->setChecked(c.serial.dtrOnOpen);
        m_rts->setChecked(c.serial.rtsOnOpen);
    } else if (c.kind == ConnectionChoice::Kind::Tcp && !c.host.isEmpty()) {
        m_tcp->setText(QStringLiteral("%1:%2").arg(c.host).arg(c.port));
    }
    updateEnabled();
}

bool ConnectionBar::choice(ConnectionChoice *out, QString *error) const
{
    ConnectionChoice c;
    if (!m_port->hasLink()) {
        *error = tr("Choose a serial port, a simulated module or a TCP bridge.");
        return false;
    }
    c.kind = m_port->currentKind();
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
    c.serial.portName = m_port->currentPath();
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
    const bool serial = m_port->hasLink() && m_port->currentKind() == ConnectionChoice::Kind::Serial;
    m_port->setEnabled(idle);
    m_refresh->setEnabled(idle);
    m_tcp->setVisible(m_port->hasLink() && m_port->currentKind() == ConnectionChoice::Kind::Tcp);
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
    // Hot-plug: the list follows the adapters without a refresh click.
    connect(controller, &ConnectionController::portsChanged, this, [this](const QList<atb::PortDescription> &ports) {
        m_syncing = true;
        m_port->setPorts(ports);
        m_syncing = false;
        updateEnabled();
    });
    for (QComboBox *combo : std::initializer_list<QComboBox *> { m_port, m_baud, m_flow })
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
