#include "brokerclientform.h"

#include "dialogs/messages.h"
#include "fielderrors.h"
#include "pagecommon.h"
#include "secretstore.h"
#include "theme.h"
#include "widgets/rememberedpassword.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

using atb::BrokerClient;
using atb::BrokerSettings;
using atb::LocalBroker;
using Transport = BrokerSettings::Transport;


BrokerClientForm::BrokerClientForm(FieldErrors *errors, SecretStore *secrets, Messages *messages, QWidget *parent)
    : QWidget(parent), m_messages(messages)
{
    setObjectName(QStringLiteral("brokerClientForm"));
    m_clientCaption = new QLabel(this);
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("clientStateLabel"));
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_transport = new QComboBox(this);
    m_transport->setObjectName(QStringLiteral("transportCombo"));
    for (Transport t : { Transport::Tcp, Transport::Tls, Transport::WebSocket, Transport::WebSocketTls })
        m_transport->addItem(QString(), int(t));
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("clientHostEdit"));
    m_host->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 13); // "192.168.100.200"
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("clientPortSpin"));
    m_port->setRange(0, 99999); // 1..65535 is checked with a reason
    m_port->setValue(1883);
    m_connect = new QPushButton(this);
    m_connect->setObjectName(QStringLiteral("clientConnectButton"));
    m_disconnect = new QPushButton(this);
    m_disconnect->setObjectName(QStringLiteral("clientDisconnectButton"));
    m_useModule = new QPushButton(this);
    m_useModule->setObjectName(QStringLiteral("useModuleBrokerButton"));
    m_useLocal = new QPushButton(this);
    m_useLocal->setObjectName(QStringLiteral("useLocalBrokerButton"));
    m_more = new QToolButton(this);
    m_more->setObjectName(QStringLiteral("clientSettingsButton"));
    m_more->setCheckable(true);
    m_more->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_more->setArrowType(Qt::RightArrow);

    m_localCaption = new QLabel(this);
    m_localLabel = new QLabel(this);
    m_localLabel->setObjectName(QStringLiteral("localBrokerLabel"));
    m_localLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_localLabel->setWordWrap(true);
    m_startLocal = new QPushButton(this);
    m_startLocal->setObjectName(QStringLiteral("startLocalBrokerButton"));
    m_stopLocal = new QPushButton(this);
    m_stopLocal->setObjectName(QStringLiteral("stopLocalBrokerButton"));

    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_clientCaption, 0, 0);
    auto *row = new QHBoxLayout;
    row->addWidget(m_transport);
    row->addWidget(errors->wrap(m_host, "host", kScope), 2);
    row->addWidget(errors->wrap(m_port, "port", kScope));
    row->addWidget(m_connect);
    row->addWidget(m_disconnect);
    row->addWidget(m_useModule);
    row->addWidget(m_useLocal);
    row->addWidget(m_more);
    grid->addLayout(row, 0, 1);
    grid->addWidget(m_stateLabel, 1, 1);
    grid->addWidget(m_localCaption, 2, 0);
    auto *local = new QHBoxLayout;
    local->addWidget(m_startLocal);
    local->addWidget(m_stopLocal);
    local->addWidget(m_localLabel, 1);
    grid->addLayout(local, 2, 1);
    grid->setColumnStretch(1, 1);

    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->addLayout(grid);
    v->addWidget(buildDetails(errors));
    m_details->setVisible(false);

    auto changed = [this] {
        if (!m_setting)
            emit edited();
    };
    for (QLineEdit *e : { m_host, m_path, m_caFile, m_clientId, m_username, m_password, m_willTopic, m_willPayload })
        connect(e, &QLineEdit::textChanged, this, changed);
    for (QSpinBox *s : { m_port, m_keepAlive, m_willQos })
        connect(s, &QSpinBox::valueChanged, this, changed);
    for (QCheckBox *c : { m_verify, m_clean, m_autoReconnect, m_willRetain })
        connect(c, &QCheckBox::toggled, this, changed);
    connect(m_transport, &QComboBox::currentIndexChanged, this, [this, changed] {
        // A port still at the previous transport's default follows the new one.
        if (!m_setting) {
            const QScopedValueRollback<bool> setting(m_setting, true);
            for (Transport t : { Transport::Tcp, Transport::Tls, Transport::WebSocket, Transport::WebSocketTls })
                if (m_port->value() == BrokerSettings::defaultPort(t))
                    m_port->setValue(BrokerSettings::defaultPort(Transport(m_transport->currentData().toInt())));
        }
        updateEnabled();
        changed();
    });
    connect(m_more, &QToolButton::toggled, this, &BrokerClientForm::setDetailsShown);
    connect(m_connect, &QPushButton::clicked, this, &BrokerClientForm::connectRequested);
    connect(m_disconnect, &QPushButton::clicked, this, &BrokerClientForm::disconnectRequested);
    connect(m_useModule, &QPushButton::clicked, this, &BrokerClientForm::useModuleBrokerRequested);
    connect(m_useLocal, &QPushButton::clicked, this, &BrokerClientForm::useLocalBrokerRequested);
    connect(m_startLocal, &QPushButton::clicked, this, &BrokerClientForm::startLocalBrokerRequested);
    connect(m_stopLocal, &QPushButton::clicked, this, &BrokerClientForm::stopLocalBrokerRequested);
    connect(m_browseCa, &QToolButton::clicked, this, &BrokerClientForm::browseCaFile);
    connect(m_showPassword, &QToolButton::toggled, this,
            [this](bool on) { m_password->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
    m_remembered = new RememberedPassword(secrets, m_host, m_username, m_password, m_rememberPassword, this);
    retranslate();
    updateEnabled();
}

QGroupBox *BrokerClientForm::buildDetails(FieldErrors *errors)
{
    m_details = new QGroupBox(this);
    m_details->setObjectName(QStringLiteral("clientDetailsGroup"));
    m_path = new QLineEdit(m_details);
    m_path->setObjectName(QStringLiteral("clientPathEdit"));
    m_verify = new QCheckBox(m_details);
    m_verify->setObjectName(QStringLiteral("verifyCheck"));
    m_verify->setChecked(true);
    m_caFile = new QLineEdit(m_details);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_browseCa = new QToolButton(m_details);
    m_browseCa->setObjectName(QStringLiteral("browseCaButton"));
    m_clientId = new QLineEdit(m_details);
    m_clientId->setObjectName(QStringLiteral("clientIdEdit"));
    m_username = new QLineEdit(m_details);
    m_username->setObjectName(QStringLiteral("clientUsernameEdit"));
    m_password = new QLineEdit(m_details);
    m_password->setObjectName(QStringLiteral("clientPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_showPassword = new QToolButton(m_details);
    m_showPassword->setCheckable(true);
    m_rememberPassword = new QCheckBox(m_details);
    m_rememberPassword->setObjectName(QStringLiteral("clientRememberCheck"));
    m_keepAlive = new QSpinBox(m_details);
    m_keepAlive->setObjectName(QStringLiteral("clientKeepAliveSpin"));
    m_keepAlive->setRange(0, 99999);
    m_keepAlive->setValue(60);
    m_clean = new QCheckBox(m_details);
    m_clean->setObjectName(QStringLiteral("clientCleanCheck"));
    m_clean->setChecked(true);
    m_autoReconnect = new QCheckBox(m_details);
    m_autoReconnect->setObjectName(QStringLiteral("clientReconnectCheck"));
    m_autoReconnect->setChecked(true);
    m_willTopic = new QLineEdit(m_details);
    m_willTopic->setObjectName(QStringLiteral("willTopicEdit"));
    m_willPayload = new QLineEdit(m_details);
    m_willPayload->setObjectName(QStringLiteral("willPayloadEdit"));
    m_willQos = new QSpinBox(m_details);
    m_willQos->setObjectName(QStringLiteral("willQosSpin"));
    m_willQos->setRange(0, 9);
    m_willRetain = new QCheckBox(m_details);
    m_willRetain->setObjectName(QStringLiteral("willRetainCheck"));
    for (QLabel **l : { &m_pathLabel, &m_caLabel, &m_clientIdLabel, &m_usernameLabel, &m_passwordLabel, &m_keepAliveLabel,
                        &m_willTopicLabel, &m_willPayloadLabel, &m_willQosLabel })
        *l = new QLabel(m_details);

    // Two columns: the connection on the left, identity and last will on the right.
    auto *left = new QFormLayout;
    left->addRow(m_pathLabel, errors->wrap(m_path, "path", kScope));
    left->addRow(m_caLabel, errors->wrap(fieldRow(m_details, { m_caFile, m_browseCa }, false), "ca_file", kScope, false, m_caFile));
    left->addRow(QString(), m_verify);
    left->addRow(m_keepAliveLabel,
                 errors->wrap(fieldRow(m_details, { m_keepAlive, m_clean, m_autoReconnect }), "keepalive", kScope, false, m_keepAlive));
    auto *right = new QFormLayout;
    right->addRow(m_clientIdLabel, errors->wrap(m_clientId, "client_id", kScope));
    right->addRow(m_usernameLabel, m_username);
    right->addRow(m_passwordLabel, fieldRow(m_details, { m_password, m_showPassword, m_rememberPassword }, false));
    right->addRow(m_willTopicLabel, errors->wrap(m_willTopic, "will_topic", kScope));
    right->addRow(m_willPayloadLabel, m_willPayload);
    right->addRow(m_willQosLabel, errors->wrap(fieldRow(m_details, { m_willQos, m_willRetain }), "will_qos", kScope, false, m_willQos));
    auto *h = new QHBoxLayout(m_details);
    h->addLayout(left, 1);
    h->addLayout(right, 1);
    return m_details;
}

BrokerSettings BrokerClientForm::settings() const
{
    BrokerSettings s;
    s.transport = Transport(m_transport->currentData().toInt());
    s.host = m_host->text().trimmed();
    s.port = m_port->value();
    s.path = m_path->text().trimmed();
    s.verifyServer = m_verify->isChecked();
    s.caFile = m_caFile->text().trimmed();
    s.clientId = m_clientId->text().trimmed();
    s.username = m_username->text();
    s.password = m_password->text();
    s.keepAlive = m_keepAlive->value();
    s.cleanSession = m_clean->isChecked();
    s.autoReconnect = m_autoReconnect->isChecked();
    s.willTopic = m_willTopic->text();
    s.willPayload = m_willPayload->text().toUtf8();
    s.willQos = m_willQos->value();
    s.willRetain = m_willRetain->isChecked();
    return s;
}

void BrokerClientForm::setSettings(const BrokerSettings &s)
{
    {
        const QScopedValueRollback<bool> setting(m_setting, true);
        m_transport->setCurrentIndex(qMax(0, m_transport->findData(int(s.transport))));
        m_host->setText(s.host);
        m_port->setValue(s.port);
        m_path->setText(s.path);
        m_verify->setChecked(s.verifyServer);
        m_caFile->setText(s.caFile);
        m_clientId->setText(s.clientId);
        m_username->setText(s.username);
        m_password->setText(s.password);
        m_keepAlive->setValue(s.keepAlive);
        m_clean->setChecked(s.cleanSession);
        m_autoReconnect->setChecked(s.autoReconnect);
        m_willTopic->setText(s.willTopic);
        m_willPayload->setText(QString::fromUtf8(s.willPayload));
        m_willQos->setValue(s.willQos);
        m_willRetain->setChecked(s.willRetain);
    }
    updateEnabled();
    emit edited();
}

void BrokerClientForm::setDetailsShown(bool shown)
{
    if (m_more->isChecked() != shown)
        m_more->setChecked(shown);
    m_details->setVisible(shown);
    m_more->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
}

bool BrokerClientForm::detailsShown() const
{
    return m_more->isChecked();
}

void BrokerClientForm::updateEnabled()
{
    const Transport t = Transport(m_transport->currentData().toInt());
    const bool tls = t == Transport::Tls || t == Transport::WebSocketTls;
    const bool ws = t == Transport::WebSocket || t == Transport::WebSocketTls;
    m_path->setEnabled(ws);
    m_verify->setEnabled(tls);
    m_caFile->setEnabled(tls);
    m_browseCa->setEnabled(tls);
    const bool idle = m_state == BrokerClient::State::Disconnected;
    m_connect->setEnabled(idle);
    m_disconnect->setEnabled(!idle);
    const bool localUp = m_localState == LocalBroker::State::Running;
    const bool localBusy = m_localState == LocalBroker::State::Starting;
    m_startLocal->setEnabled(!localUp && !localBusy);
    m_stopLocal->setEnabled(localUp || localBusy);
    m_useLocal->setEnabled(localUp);
}

void BrokerClientForm::setClientState(BrokerClient::State state, const QString &detail)
{
    m_state = state;
    m_stateDetail = detail;
    const ThemeColours theme = ThemeColours::fromPalette(palette());
    QString text;
    QColor colour;
    switch (state) {
    case BrokerClient::State::Disconnected:
        text = tr("Not connected");
        colour = detail.isEmpty() ? QColor() : theme.error;
        break;
    case BrokerClient::State::Connecting:
        text = tr("Connecting…");
        colour = theme.pending;
        break;
    case BrokerClient::State::Connected:
        text = tr("Connected");
        colour = theme.ok;
        break;
    case BrokerClient::State::Reconnecting:
        text = tr("Connection lost, reconnecting every few seconds");
        colour = theme.error;
        break;
    }
    m_stateLabel->setText(detail.isEmpty() ? text : tr("%1: %2").arg(text, detail));
    setTextColour(m_stateLabel, colour);
    updateEnabled();
}

void BrokerClientForm::setLocalBroker(LocalBroker::State state, const QString &text)
{
    m_localState = state;
    m_localLabel->setText(text);
    setTextColour(m_localLabel, state == LocalBroker::State::Failed ? ThemeColours::fromPalette(palette()).error : QColor());
    updateEnabled();
}

// ---- the password and the CA file ------------------------------------------------------------------

void BrokerClientForm::rememberPassword()
{
    m_remembered->save();
}

void BrokerClientForm::browseCaFile()
{
    if (!m_messages)
        return;
    const QString file = m_messages->openFileName(tr("CA certificates (PEM)"), m_caFile->text(),
                                                  tr("PEM files (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(file);
}

// ---- texts ------------------------------------------------------------------------------------------

void BrokerClientForm::retranslate()
{
    m_clientCaption->setText(tr("AT Bench's client:"));
    m_localCaption->setText(tr("Local broker:"));
    {
        const QScopedValueRollback<bool> setting(m_setting, true);
        for (int i = 0; i < m_transport->count(); ++i)
            m_transport->setItemText(i, BrokerSettings::transportText(Transport(m_transport->itemData(i).toInt())));
    }
    m_host->setPlaceholderText(tr("broker host or IP address"));
    m_port->setToolTip(tr("1 to 65535"));
    m_connect->setText(tr("Connect"));
    m_connect->setToolTip(tr("Connect AT Bench's own MQTT client to this broker"));
    m_disconnect->setText(tr("Disconnect"));
    m_useModule->setText(tr("Use the module's broker"));
    m_useModule->setToolTip(tr("Take host, port, scheme, user name and password from the module's MQTT settings"));
    m_useLocal->setText(tr("Use the local broker"));
    m_useLocal->setToolTip(tr("Point AT Bench's client at the local broker started here"));
    m_more->setText(tr("Settings"));
    m_more->setToolTip(tr("TLS, WebSocket path, client ID, user name and password, keep-alive, last will"));
    m_startLocal->setText(tr("Start local broker"));
    m_startLocal->setToolTip(tr("Run mosquitto on a free port of 127.0.0.1 for a demo without a network; it stops "
                                "when AT Bench does"));
    m_stopLocal->setText(tr("Stop"));
    m_details->setTitle(tr("AT Bench's MQTT client"));
    m_pathLabel->setText(tr("WebSocket path:"));
    m_caLabel->setText(tr("CA file:"));
    m_clientIdLabel->setText(tr("Client ID:"));
    m_usernameLabel->setText(tr("User name:"));
    m_passwordLabel->setText(tr("Password:"));
    m_keepAliveLabel->setText(tr("Keep-alive:"));
    m_willTopicLabel->setText(tr("Last-will topic:"));
    m_willPayloadLabel->setText(tr("Last-will message:"));
    m_willQosLabel->setText(tr("Last-will QoS:"));
    m_path->setPlaceholderText(tr("/mqtt"));
    m_verify->setText(tr("Verify the server's certificate and host name"));
    m_caFile->setPlaceholderText(tr("empty: the system's CAs"));
    m_browseCa->setText(tr("Browse…"));
    m_clientId->setPlaceholderText(tr("empty: atbench-<random>"));
    m_username->setPlaceholderText(tr("optional"));
    m_password->setPlaceholderText(tr("optional; never written to settings or logs"));
    m_showPassword->setText(tr("Show"));
    m_rememberPassword->setText(tr("Remember"));
    m_rememberPassword->setToolTip(tr("Keep the password in the system keychain for this host and user"));
    m_keepAlive->setSuffix(tr(" s"));
    m_clean->setText(tr("Clean session"));
    m_autoReconnect->setText(tr("Reconnect automatically"));
    m_willTopic->setPlaceholderText(tr("optional"));
    m_willQos->setToolTip(tr("0 at most once, 1 at least once, 2 exactly once"));
    m_willRetain->setText(tr("Retain"));
    setClientState(m_state, m_stateDetail);
}
