#include "portpage.h"

#include "theme.h"
#include "dialogs/messages.h"
#include "model/devicemodel.h"
#include "simulatorlink.h"
#include "widgets/linkcombo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using atb::DeviceSession;
using atb::Dialect;

namespace {

bool validHost(const QString &host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    static const QRegularExpression dotted(QStringLiteral("^[0-9.]+$"));
    if (dotted.match(host).hasMatch()) {
        QHostAddress a;
        return a.setAddress(host) && a.protocol() == QAbstractSocket::IPv4Protocol
            && host.count(QLatin1Char('.')) == 3;
    }
    if (host.contains(QLatin1Char(':')))
        return QHostAddress(host).protocol() == QAbstractSocket::IPv6Protocol;
    static const QRegularExpression name(
        QStringLiteral("^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"));
    return name.match(host).hasMatch();
}

} // namespace

PortPage::PortPage(atb::DeviceModel *model, ConnectionController *controller, Messages *messages, QWidget *parent)
    : FormPage(parent), m_model(model), m_controller(controller), m_messages(messages)
{
    setObjectName(QStringLiteral("portPage"));
    setWindowIcon(style()->standardIcon(QStyle::SP_DriveNetIcon));
    buildUi();
    retranslate();
    refreshPorts();
    load();
    loadModel();
    onStateChanged(m_controller->state());
    onBusyChanged(m_controller->isBusy());

    // Every input marks the form dirty.
    for (QComboBox *c : std::initializer_list<QComboBox *> { m_port, m_baud, m_dataBits, m_parity, m_stopBits, m_flow })
        connect(c, &QComboBox::currentTextChanged, this, &PortPage::markDirty);
    for (QCheckBox *c : { m_dtr, m_rts })
        connect(c, &QCheckBox::toggled, this, &PortPage::markDirty);
    connect(m_host, &QLineEdit::textChanged, this, &PortPage::markDirty);
    connect(m_tcpPort, &QSpinBox::valueChanged, this, &PortPage::markDirty);
    connect(m_port, &QComboBox::currentIndexChanged, this, &PortPage::updatePortDetails);

    // Options that take effect at once (not part of the connection choice).
    connect(m_dialect, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        m_controller->setDialectOverride(ConnectionController::DialectOverride(m_dialect->currentData().toInt()));
    });
    connect(m_reconnect, &QCheckBox::toggled, this, [this](bool on) {
        if (m_loading)
            return;
        m_controller->setAutoReconnect(on);
    });

    connect(m_refresh, &QToolButton::clicked, this, &PortPage::refreshPorts);
    connect(m_disconnect, &QPushButton::clicked, m_controller, &ConnectionController::disconnectFromModule);
    connect(m_detect, &QPushButton::clicked, m_controller, &ConnectionController::detectDialect);

    connect(m_controller, &ConnectionController::choiceChanged, this, [this] { load(); });
    // Hot-plug: the list follows the adapters without a refresh click.
    connect(m_controller, &ConnectionController::portsChanged, this, [this](const QList<atb::PortDescription> &ports) {
        const bool wasLoading = m_loading;
        m_loading = true;
        m_port->setPorts(ports);
        m_loading = wasLoading;
        updatePortDetails();
    });
    connect(m_controller, &ConnectionController::dialectOverrideChanged, this, [this] { load(); });
    connect(m_controller, &ConnectionController::autoReconnectChanged, this, [this] { load(); });
    connect(m_controller, &ConnectionController::stateChanged, this, &PortPage::onStateChanged);
    connect(m_controller, &ConnectionController::busyChanged, this, &PortPage::onBusyChanged);
    connect(m_controller, &ConnectionController::probeFinished, this, &PortPage::onProbeFinished);
    connect(m_controller, &ConnectionController::statusMessage, this, &PortPage::setStatus);
    connect(m_model, &atb::DeviceModel::dialectChanged, this, &PortPage::loadModel);
    connect(m_model, &atb::DeviceModel::firmwareChanged, this, &PortPage::loadModel);
}

void PortPage::buildUi()
{
    auto *form = new QWidget(this);
    form->setObjectName(QStringLiteral("portForm"));

    // Link: what to connect to.
    m_linkBox = new QGroupBox(form);
    m_portLabel = new QLabel(m_linkBox);
    m_port = new LinkCombo(true, m_linkBox);
    m_port->setObjectName(QStringLiteral("portPagePortCombo"));
    m_port->setMinimumContentsLength(30);
    m_portLabel->setBuddy(m_port);
    m_refresh = new QToolButton(m_linkBox);
    m_refresh->setObjectName(QStringLiteral("portPageRefresh"));
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_portDetails = new QLabel(m_linkBox);
    m_portDetails->setObjectName(QStringLiteral("portDetails"));
    m_portDetails->setWordWrap(true);
    m_portDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *linkLay = new QGridLayout(m_linkBox);
    linkLay->addWidget(m_portLabel, 0, 0);
    auto *portRow = new QHBoxLayout;
    portRow->addWidget(m_port, 1);
    portRow->addWidget(m_refresh);
    linkLay->addLayout(portRow, 0, 1);
    linkLay->addWidget(m_portDetails, 1, 1);
    linkLay->setColumnStretch(1, 1);

    // Serial line settings.
    m_serialBox = new QGroupBox(form);
    auto *serialLay = new QFormLayout(m_serialBox);
    serialLay->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_baudLabel = new QLabel(m_serialBox);
    m_baud = new QComboBox(m_serialBox);
    m_baud->setObjectName(QStringLiteral("portPageBaud"));
    setUpBaudCombo(m_baud);
    serialLay->addRow(m_baudLabel, withFieldError(m_baud, "baud"));
    m_baudLabel->setBuddy(m_baud);
    m_dataBitsLabel = new QLabel(m_serialBox);
    m_dataBits = new QComboBox(m_serialBox);
    m_dataBits->setObjectName(QStringLiteral("dataBitsCombo"));
    for (int b : { 5, 6, 7, 8 })
        m_dataBits->addItem(QString::number(b), b);
    serialLay->addRow(m_dataBitsLabel, m_dataBits);
    m_dataBitsLabel->setBuddy(m_dataBits);
    m_parityLabel = new QLabel(m_serialBox);
    m_parity = new QComboBox(m_serialBox);
    m_parity->setObjectName(QStringLiteral("parityCombo"));
    for (int p : { int(QSerialPort::NoParity), int(QSerialPort::EvenParity), int(QSerialPort::OddParity),
                   int(QSerialPort::SpaceParity), int(QSerialPort::MarkParity) })
        m_parity->addItem(QString(), p);
    serialLay->addRow(m_parityLabel, m_parity);
    m_parityLabel->setBuddy(m_parity);
    m_stopBitsLabel = new QLabel(m_serialBox);
    m_stopBits = new QComboBox(m_serialBox);
    m_stopBits->setObjectName(QStringLiteral("stopBitsCombo"));
    m_stopBits->addItem(QStringLiteral("1"), int(QSerialPort::OneStop));
    m_stopBits->addItem(QStringLiteral("1.5"), int(QSerialPort::OneAndHalfStop));
    m_stopBits->addItem(QStringLiteral("2"), int(QSerialPort::TwoStop));
    serialLay->addRow(m_stopBitsLabel, m_stopBits);
    m_stopBitsLabel->setBuddy(m_stopBits);
    m_flowLabel = new QLabel(m_serialBox);
    m_flow = new QComboBox(m_serialBox);
    m_flow->setObjectName(QStringLiteral("portPageFlow"));
    for (int f : { int(QSerialPort::NoFlowControl), int(QSerialPort::HardwareControl), int(QSerialPort::SoftwareControl) })
        m_flow->addItem(QString(), f);
    serialLay->addRow(m_flowLabel, m_flow);
    m_flowLabel->setBuddy(m_flow);
    m_dtr = new QCheckBox(m_serialBox);
    m_dtr->setObjectName(QStringLiteral("portPageDtr"));
    m_rts = new QCheckBox(m_serialBox);
    m_rts->setObjectName(QStringLiteral("portPageRts"));
    auto *lines = new QHBoxLayout;
    lines->addWidget(m_dtr);
    lines->addWidget(m_rts);
    lines->addStretch(1);
    serialLay->addRow(QString(), lines);
    m_lineHint = new QLabel(m_serialBox);
    m_lineHint->setWordWrap(true);
    serialLay->addRow(m_lineHint);

    // TCP bridge.
    m_tcpBox = new QGroupBox(form);
    auto *tcpLay = new QFormLayout(m_tcpBox);
    tcpLay->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_hostLabel = new QLabel(m_tcpBox);
    m_host = new QLineEdit(m_tcpBox);
    m_host->setObjectName(QStringLiteral("bridgeHost"));
    m_host->setMaxLength(253);
    m_host->setPlaceholderText(QStringLiteral("192.168.1.20"));
    tcpLay->addRow(m_hostLabel, withFieldError(m_host, "host"));
    m_hostLabel->setBuddy(m_host);
    m_tcpPortLabel = new QLabel(m_tcpBox);
    m_tcpPort = new QSpinBox(m_tcpBox);
    m_tcpPort->setObjectName(QStringLiteral("bridgePort"));
    m_tcpPort->setRange(1, 65535);
    m_tcpPort->setValue(4000);
    tcpLay->addRow(m_tcpPortLabel, m_tcpPort);
    m_tcpPortLabel->setBuddy(m_tcpPort);
    m_tcpHint = new QLabel(m_tcpBox);
    m_tcpHint->setWordWrap(true);
    tcpLay->addRow(m_tcpHint);
    m_simHint = new QLabel(form);
    m_simHint->setObjectName(QStringLiteral("simulatorHint"));
    m_simHint->setWordWrap(true);

    // Module: dialect, firmware, reconnect, read.
    m_moduleBox = new QGroupBox(form);
    auto *modLay = new QFormLayout(m_moduleBox);
    modLay->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_dialectLabel = new QLabel(m_moduleBox);
    m_dialect = new QComboBox(m_moduleBox);
    m_dialect->setObjectName(QStringLiteral("dialectOverride"));
    for (auto o : { ConnectionController::DialectOverride::Auto, ConnectionController::DialectOverride::Esp,
                    ConnectionController::DialectOverride::Beken })
        m_dialect->addItem(QString(), int(o));
    modLay->addRow(m_dialectLabel, m_dialect);
    m_dialectLabel->setBuddy(m_dialect);
    m_detectedTitle = new QLabel(m_moduleBox);
    m_detected = new QLabel(m_moduleBox);
    m_detected->setObjectName(QStringLiteral("detectedDialect"));
    m_detected->setTextInteractionFlags(Qt::TextSelectableByMouse);
    modLay->addRow(m_detectedTitle, m_detected);
    m_firmwareTitle = new QLabel(m_moduleBox);
    m_firmware = new QLabel(m_moduleBox);
    m_firmware->setObjectName(QStringLiteral("firmwareLines"));
    m_firmware->setTextInteractionFlags(Qt::TextSelectableByMouse);
    modLay->addRow(m_firmwareTitle, m_firmware);
    m_reconnect = new QCheckBox(m_moduleBox);
    m_reconnect->setObjectName(QStringLiteral("autoReconnect"));
    modLay->addRow(QString(), m_reconnect);
    m_detect = new QPushButton(m_moduleBox);
    m_detect->setObjectName(QStringLiteral("detectButton"));
    auto *modButtons = new QHBoxLayout;
    modButtons->addWidget(m_detect);
    modButtons->addStretch(1);
    modLay->addRow(QString(), modButtons);
    m_evidence = new QLabel(m_moduleBox);
    m_evidence->setObjectName(QStringLiteral("dialectEvidence"));
    m_evidence->setWordWrap(true);
    m_evidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    modLay->addRow(m_evidence);

    auto *left = new QVBoxLayout;
    left->addWidget(m_linkBox);
    left->addWidget(m_serialBox);
    left->addWidget(m_tcpBox);
    left->addWidget(m_simHint);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_moduleBox);
    right->addStretch(1);
    auto *columns = new QHBoxLayout(form);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    setForm(form);

    // Footer: Read module state (F5) ... busy, state, Show AT, Revert, Disconnect, Connect.
    readButton()->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    applyButton()->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_disconnect = new QPushButton(this);
    m_disconnect->setObjectName(QStringLiteral("disconnectButton"));
    m_disconnect->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    footerButtons()->insertWidget(footerButtons()->indexOf(applyButton()), m_disconnect);
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("portState"));
    footerButtons()->insertWidget(footerButtons()->indexOf(busyIndicator()) + 1, m_stateLabel);
    atPreview()->setMaximumHeight(200);
}

void PortPage::refreshPorts()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    m_port->refresh();
    m_loading = wasLoading;
    updatePortDetails();
}

void PortPage::load()
{
    m_loading = true;
    const ConnectionChoice c = m_controller->choice();
    m_port->select(c.kind, c.serial.portName);
    m_baud->setCurrentText(QString::number(c.serial.baudRate));
    m_dataBits->setCurrentIndex(qMax(0, m_dataBits->findData(int(c.serial.dataBits))));
    m_parity->setCurrentIndex(qMax(0, m_parity->findData(int(c.serial.parity))));
    m_stopBits->setCurrentIndex(qMax(0, m_stopBits->findData(int(c.serial.stopBits))));
    m_flow->setCurrentIndex(qMax(0, m_flow->findData(int(c.serial.flowControl))));
    m_dtr->setChecked(c.serial.dtrOnOpen);
    m_rts->setChecked(c.serial.rtsOnOpen);
    if (!c.host.isEmpty())
        m_host->setText(c.host);
    if (c.port > 0)
        m_tcpPort->setValue(c.port);
    m_dialect->setCurrentIndex(qMax(0, m_dialect->findData(int(m_controller->dialectOverride()))));
    m_reconnect->setChecked(m_controller->autoReconnect());
    m_loading = false;
    clearFieldErrors();
    updatePortDetails();
    updateButtons();
    updatePreview();
}

void PortPage::loadModel()
{
    const atb::DialectProbeResult probe = m_controller->lastProbe();
    const QString name = m_model->dialect() == Dialect::Beken ? tr("Beken ATSVR") : tr("ESP-AT");
    QString text;
    if (m_controller->dialectOverride() != ConnectionController::DialectOverride::Auto)
        text = tr("%1 (forced)").arg(name);
    else if (m_model->dialectDetected() || probe.detected())
        text = tr("%1 (detected)").arg(name);
    else
        text = tr("%1 (assumed; not detected yet)").arg(name);
    m_detected->setText(text);
    m_evidence->setText(probe.evidence);
    m_evidence->setVisible(!probe.evidence.isEmpty());
    QStringList fw = m_model->firmware();
    for (QString &line : fw)
        line = m_firmware->fontMetrics().elidedText(line, Qt::ElideRight, 420);
    m_firmware->setText(fw.isEmpty() ? tr("unknown (press Read)") : fw.join(QLatin1Char('\n')));
    m_firmware->setToolTip(m_model->firmware().join(QLatin1Char('\n')));
    updatePreview();
}

bool PortPage::formChoice(ConnectionChoice *out, QString *error, QString *field) const
{
    QString dummy;
    if (!field)
        field = &dummy;
    ConnectionChoice c = m_controller->choice();
    if (!m_port->hasLink()) {
        *error = tr("Choose a serial port, a simulated module or a TCP bridge.");
        *field = QStringLiteral("port");
        return false;
    }
    c.kind = m_port->currentKind();
    bool ok = false;
    const qint64 baud = m_baud->currentText().trimmed().toLongLong(&ok);
    if (c.kind == ConnectionChoice::Kind::Serial && (!ok || baud < 50 || baud > 20000000)) {
        *error = tr("Enter a baud rate between 50 and 20000000.");
        *field = QStringLiteral("baud");
        return false;
    }
    if (ok && baud >= 50 && baud <= 20000000)
        c.serial.baudRate = qint32(baud);
    c.serial.dataBits = QSerialPort::DataBits(m_dataBits->currentData().toInt());
    c.serial.parity = QSerialPort::Parity(m_parity->currentData().toInt());
    c.serial.stopBits = QSerialPort::StopBits(m_stopBits->currentData().toInt());
    c.serial.flowControl = QSerialPort::FlowControl(m_flow->currentData().toInt());
    c.serial.dtrOnOpen = m_dtr->isChecked();
    c.serial.rtsOnOpen = m_rts->isChecked();
    if (c.kind == ConnectionChoice::Kind::Serial)
        c.serial.portName = m_port->currentPath();
    QString host = m_host->text().trimmed();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (c.kind == ConnectionChoice::Kind::Tcp) {
        if (host.isEmpty()) {
            *error = tr("Enter the bridge's host name or IPv4 address.");
            *field = QStringLiteral("host");
            return false;
        }
        if (!validHost(host)) {
            *error = tr("\"%1\" is not a valid host name or IP address.").arg(host);
            *field = QStringLiteral("host");
            return false;
        }
        c.host = host;
        c.port = quint16(m_tcpPort->value());
    } else if (validHost(host)) {
        c.host = host;
        c.port = quint16(m_tcpPort->value());
    }
    *out = c;
    return true;
}

bool PortPage::isDirty() const
{
    ConnectionChoice c;
    QString error;
    if (!formChoice(&c, &error))
        return true;
    return c != m_controller->choice();
}

void PortPage::markDirty()
{
    if (m_loading)
        return;
    ConnectionChoice c;
    QString error, field;
    clearFieldErrors();
    if (!formChoice(&c, &error, &field))
        showFieldError(field.toLatin1(), error);
    updateButtons();
}

bool PortPage::connectWithForm()
{
    ConnectionChoice c;
    QString error, field;
    clearFieldErrors();
    if (!formChoice(&c, &error, &field)) {
        showFieldError(field.toLatin1(), error);
        setStatus(error, true);
        return false;
    }
    m_controller->connectTo(c);
    updateButtons();
    return true;
}

void PortPage::revert()
{
    load();
}

void PortPage::read()
{
    m_controller->readModuleState();
}

void PortPage::updatePortDetails()
{
    const ConnectionChoice::Kind kind = m_port->currentKind();
    const bool serial = kind == ConnectionChoice::Kind::Serial;
    const bool tcp = kind == ConnectionChoice::Kind::Tcp;
    const bool sim = kind == ConnectionChoice::Kind::SimulatorEsp || kind == ConnectionChoice::Kind::SimulatorBeken;
    m_serialBox->setVisible(serial);
    m_tcpBox->setVisible(tcp);
    m_simHint->setVisible(sim);
    QString info = m_port->currentDetails();
    if (sim)
        info = tr("A simulated module built into AT Bench: no hardware needed. It really connects (to this "
                  "computer's network) and can be unplugged for tests.");
    else if (tcp)
        info = tr("A raw TCP serial bridge such as ser2net or ESP-Link forwards the module's UART.");
    m_portDetails->setText(info);
    m_portDetails->setVisible(!info.isEmpty());
}

bool PortPage::canApply() const
{
    // Connect while closed or retrying; Reconnect once the form differs from the link in use.
    return isDirty() || m_controller->state() == DeviceSession::State::Disconnected || m_controller->isReconnecting();
}

void PortPage::updateButtons()
{
    FormPage::updateButtons();
    const DeviceSession::State st = m_controller->state();
    const bool connected = !isBusy() && st == DeviceSession::State::Connected;
    m_disconnect->setEnabled(st != DeviceSession::State::Disconnected || m_controller->isReconnecting());
    readButton()->setEnabled(connected);
    m_detect->setEnabled(connected);
}

void PortPage::updatePreview()
{
    QStringList lines;
    for (const QByteArray &l : ConnectionController::readPreview(m_model->dialect()))
        lines << QString::fromUtf8(l);
    setPreviewText(tr("# Detect dialect and read module state send, in order:") + QLatin1Char('\n')
                            + lines.join(QLatin1Char('\n')) + QLatin1Char('\n')
                            + tr("# (AT+CIPSTATUS? follows AT+GMR only when the version text does not decide the dialect)"));
}

void PortPage::onBusyChanged(bool busy)
{
    setBusy(busy);
}

void PortPage::onStateChanged(DeviceSession::State state)
{
    switch (state) {
    case DeviceSession::State::Disconnected:
        m_stateLabel->setText(m_controller->isReconnecting() ? tr("Reconnecting…") : tr("Disconnected"));
        break;
    case DeviceSession::State::Connecting: m_stateLabel->setText(tr("Connecting…")); break;
    case DeviceSession::State::Connected: m_stateLabel->setText(tr("Connected")); break;
    case DeviceSession::State::Passthrough: m_stateLabel->setText(tr("Passthrough")); break;
    }
    applyButton()->setText(state == DeviceSession::State::Disconnected ? tr("&Connect") : tr("Re&connect"));
    updateButtons();
}

void PortPage::onProbeFinished(const atb::DialectProbeResult &)
{
    loadModel();
}


void PortPage::prepareScreenshot()
{
    if (m_controller->state() == DeviceSession::State::Connected && !m_controller->isBusy())
        m_controller->readModuleState();
}

void PortPage::retranslate()
{
    FormPage::retranslate();
    // MainWindow's page list shows these.
    setWindowTitle(tr("Port"));
    setToolTip(tr("Serial port, TCP bridge or simulated module; dialect, reconnect, module state"));
    m_linkBox->setTitle(tr("Link"));
    m_portLabel->setText(tr("Connect &to:"));
    m_refresh->setToolTip(tr("Refresh the list of serial ports"));
    m_serialBox->setTitle(tr("Serial line"));
    m_baudLabel->setText(tr("&Baud rate:"));
    m_baud->setToolTip(tr("Pick a common rate or type any rate (ESP-AT and Beken boot at 115200)"));
    m_dataBitsLabel->setText(tr("&Data bits:"));
    m_parityLabel->setText(tr("Pa&rity:"));
    m_parity->setItemText(0, tr("None"));
    m_parity->setItemText(1, tr("Even"));
    m_parity->setItemText(2, tr("Odd"));
    m_parity->setItemText(3, tr("Space"));
    m_parity->setItemText(4, tr("Mark"));
    m_stopBitsLabel->setText(tr("&Stop bits:"));
    m_flowLabel->setText(tr("&Flow control:"));
    m_flow->setItemText(0, tr("None"));
    m_flow->setItemText(1, tr("Hardware (RTS/CTS)"));
    m_flow->setItemText(2, tr("Software (XON/XOFF)"));
    m_dtr->setText(tr("Assert D&TR on open"));
    m_rts->setText(tr("Assert RT&S on open"));
    m_lineHint->setText(tr("Leave DTR and RTS off for boards with an auto-reset circuit (ESP32 DevKits): "
                           "they drive EN and IO0 and would reset the module or start its bootloader."));
    m_tcpBox->setTitle(tr("TCP serial bridge"));
    m_hostLabel->setText(tr("&Host:"));
    m_tcpPortLabel->setText(tr("P&ort:"));
    m_tcpHint->setText(tr("Bytes go to and from the module's UART unchanged (no Telnet negotiation)."));
    m_simHint->setText(tr("The simulated module needs no settings: press Connect."));
    m_moduleBox->setTitle(tr("Module"));
    m_dialectLabel->setText(tr("D&ialect:"));
    m_dialect->setItemText(0, tr("Auto (detect)"));
    m_dialect->setItemText(1, tr("ESP-AT (Espressif)"));
    m_dialect->setItemText(2, tr("Beken ATSVR"));
    m_dialect->setToolTip(tr("Auto asks AT+GMR after connecting (and AT+CIPSTATUS? when the version "
                             "does not tell). Force a dialect for firmware that answers neither clearly."));
    m_detectedTitle->setText(tr("Speaks:"));
    m_firmwareTitle->setText(tr("Firmware:"));
    m_reconnect->setText(tr("Reconnect &automatically"));
    m_reconnect->setToolTip(tr("After an unplug, retry every 2 s while the port is back, then read the "
                               "module state again"));
    m_detect->setText(tr("D&etect dialect"));
    m_detect->setToolTip(tr("Ask the module which firmware family it runs"));
    readButton()->setText(tr("&Read module state"));
    readButton()->setToolTip(tr("Query firmware, multiplexing, mode, Wi-Fi, IP, MQTT, DNS and SNTP (F5)"));
    applyButton()->setToolTip(tr("Open the link with these settings (Ctrl+Return)"));
    revertButton()->setToolTip(tr("Back to the settings in use"));
    m_disconnect->setText(tr("Disconnec&t"));
    showAtButton()->setToolTip(tr("Show the exact lines that detection and reading send"));
    busyIndicator()->setToolTip(tr("Talking to the module…"));
    // State-dependent texts.
    if (m_stateLabel) {
        loadModel();
        onStateChanged(m_controller->state());
        updatePortDetails();
    }
}
