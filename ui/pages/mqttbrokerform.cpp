#include "mqttbrokerform.h"

#include "fielderrors.h"
#include "secretstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

using atb::MqttConfig;
using atb::MqttConnectSettings;

namespace {

QStringList splitAlpn(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
}

// A row of widgets for one form field (the field first), without margins.
QWidget *row(QWidget *parent, std::initializer_list<QWidget *> widgets, bool stretch = true)
{
    auto *w = new QWidget(parent);
    auto *lay = new QHBoxLayout(w);
    lay->setContentsMargins(0, 0, 0, 0);
    for (QWidget *x : widgets)
        lay->addWidget(x, !stretch && x == *widgets.begin() ? 1 : 0);
    if (stretch)
        lay->addStretch(1);
    return w;
}

} // namespace

MqttBrokerForm::MqttBrokerForm(FieldErrors *errors, SecretStore *secrets, QWidget *parent)
    : QWidget(parent), m_secrets(secrets)
{
    auto *inner = new QWidget;
    auto *v = new QVBoxLayout(inner);
    v->addWidget(buildBrokerGroup(errors));
    v->addWidget(buildClientGroup(errors));
    v->addWidget(buildSessionGroup(errors));
    v->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("brokerScroll"));
    scroll->setWidget(inner);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_connectButton = new QPushButton(this);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_disconnectButton = new QPushButton(this);
    m_disconnectButton->setObjectName(QStringLiteral("disconnectButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_connectButton);
    buttons->addWidget(m_disconnectButton);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll, 1);
    outer->addLayout(buttons);

    auto changed = [this] {
        if (!m_setting)
            emit edited();
    };
    for (QLineEdit *e : { m_clientId, m_username, m_password, m_path, m_lwtTopic, m_lwtMessage, m_alpn, m_host })
        connect(e, &QLineEdit::textChanged, this, changed);
    for (QSpinBox *s : { m_keepAlive, m_lwtQos, m_port })
        connect(s, &QSpinBox::valueChanged, this, changed);
    for (QCheckBox *c : { m_cleanSession, m_lwtRetain, m_reconnect, m_clearAlpn })
        connect(c, &QCheckBox::toggled, this, changed);
    for (int i = 0; i < 3; ++i) {
        connect(m_separate[i], &QCheckBox::toggled, this, [this, i, changed](bool on) {
            if (m_setting)
                return;
            m_userSeparate[i] = on;
            changed();
        });
    }
    connect(m_alpn, &QLineEdit::textChanged, this, [this](const QString &text) {
        // Clearing only means something with no names given.
        m_clearAlpn->setEnabled(splitAlpn(text).isEmpty());
        if (!splitAlpn(text).isEmpty())
            m_clearAlpn->setChecked(false);
    });
    connect(m_scheme, &QComboBox::currentIndexChanged, this, changed);
    connect(m_showPassword, &QToolButton::toggled, this, [this](bool on) {
        m_password->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        emit passwordShownChanged();
    });
    connect(m_username, &QLineEdit::editingFinished, this, &MqttBrokerForm::maybeLoadSecret);
    connect(m_host, &QLineEdit::editingFinished, this, &MqttBrokerForm::maybeLoadSecret);
    connect(m_connectButton, &QPushButton::clicked, this, &MqttBrokerForm::connectRequested);
    connect(m_disconnectButton, &QPushButton::clicked, this, &MqttBrokerForm::disconnectRequested);
    if (m_secrets)
        connect(m_secrets, &SecretStore::secretLoaded, this, &MqttBrokerForm::onSecretLoaded);
    retranslate();
}

QGroupBox *MqttBrokerForm::buildClientGroup(FieldErrors *errors)
{
    m_client = new QGroupBox(this);
    m_client->setObjectName(QStringLiteral("userGroup"));
    m_scheme = new QComboBox(m_client);
    m_scheme->setObjectName(QStringLiteral("schemeCombo"));
    m_scheme->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_scheme->setMinimumContentsLength(24);
    for (int s = 1; s <= 10; ++s)
        m_scheme->addItem(QString(), s);
    m_clientId = new QLineEdit(m_client);
    m_clientId->setObjectName(QStringLiteral("clientIdEdit"));
    m_username = new QLineEdit(m_client);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_password = new QLineEdit(m_client);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_showPassword = new QToolButton(m_client);
    m_showPassword->setObjectName(QStringLiteral("showPasswordButton"));
    m_showPassword->setCheckable(true);
    m_rememberPassword = new QCheckBox(m_client);
    m_rememberPassword->setObjectName(QStringLiteral("rememberPasswordCheck"));
    m_path = new QLineEdit(m_client);
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_certNote = new QLabel(m_client);
    m_certNote->setObjectName(QStringLiteral("certNote"));
    m_certNote->setWordWrap(true);
    static const char *const separateNames[3] = { "separateClientIdCheck", "separateUsernameCheck",
                                                  "separatePasswordCheck" };
    for (int i = 0; i < 3; ++i) {
        m_separate[i] = new QCheckBox(m_client);
        m_separate[i]->setObjectName(QLatin1String(separateNames[i]));
    }
    for (QLabel **l : { &m_schemeLabel, &m_clientIdLabel, &m_usernameLabel, &m_passwordLabel, &m_pathLabel, &m_certsLabel,
                        &m_separateLabel })
        *l = new QLabel(m_client);

    auto *f = new QFormLayout(m_client);
    f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    f->addRow(m_schemeLabel, errors->wrap(m_scheme, "scheme", kConfigure));
    f->addRow(m_clientIdLabel, errors->wrap(m_clientId, "client_id", kConfigure));
    f->addRow(m_usernameLabel, errors->wrap(m_username, "username", kConfigure));
    f->addRow(m_passwordLabel, errors->wrap(row(m_client, { m_password, m_showPassword, m_rememberPassword }, false),
                                            "password", kConfigure, false, m_password));
    f->addRow(m_separateLabel, row(m_client, { m_separate[0], m_separate[1], m_separate[2] }));
    f->addRow(m_pathLabel, errors->wrap(m_path, "path", kConfigure));
    f->addRow(m_certsLabel, m_certNote);
    return m_client;
}

QGroupBox *MqttBrokerForm::buildSessionGroup(FieldErrors *errors)
{
    m_session = new QGroupBox(this);
    m_session->setObjectName(QStringLiteral("sessionGroup"));
    m_keepAlive = new QSpinBox(m_session);
    m_keepAlive->setObjectName(QStringLiteral("keepAliveSpin"));
    m_keepAlive->setRange(0, 99999); // the catalog's 0..7200 is checked with a reason, not clamped
    m_cleanSession = new QCheckBox(m_session);
    m_cleanSession->setObjectName(QStringLiteral("cleanSessionCheck"));
    m_lwtTopic = new QLineEdit(m_session);
    m_lwtTopic->setObjectName(QStringLiteral("lwtTopicEdit"));
    m_lwtMessage = new QLineEdit(m_session);
    m_lwtMessage->setObjectName(QStringLiteral("lwtMessageEdit"));
    m_lwtQos = new QSpinBox(m_session);
    m_lwtQos->setObjectName(QStringLiteral("lwtQosSpin"));
    m_lwtQos->setRange(0, 9);
    m_lwtRetain = new QCheckBox(m_session);
    m_lwtRetain->setObjectName(QStringLiteral("lwtRetainCheck"));
    m_alpn = new QLineEdit(m_session);
    m_alpn->setObjectName(QStringLiteral("alpnEdit"));
    m_clearAlpn = new QCheckBox(m_session);
    m_clearAlpn->setObjectName(QStringLiteral("clearAlpnCheck")); // enabled while the field is empty
    for (QLabel **l : { &m_keepAliveLabel, &m_lwtTopicLabel, &m_lwtMessageLabel, &m_lwtQosLabel, &m_alpnLabel })
        *l = new QLabel(m_session);

    auto *f = new QFormLayout(m_session);
    f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    f->addRow(m_keepAliveLabel, errors->wrap(row(m_session, { m_keepAlive, m_cleanSession }), "keepalive", kConfigure,
                                             false, m_keepAlive));
    f->addRow(m_lwtTopicLabel, errors->wrap(m_lwtTopic, "lwt_topic", kConfigure));
    f->addRow(m_lwtMessageLabel, errors->wrap(m_lwtMessage, "lwt_msg", kConfigure));
    f->addRow(m_lwtQosLabel, errors->wrap(row(m_session, { m_lwtQos, m_lwtRetain }), "lwt_qos", kConfigure, false,
                                          m_lwtQos));
    f->addRow(m_alpnLabel, errors->wrap(row(m_session, { m_alpn, m_clearAlpn }, false), "alpn", kConfigure, false,
                                        m_alpn));
    // Parameters shown beside the field they belong to.
    errors->alias("disable_clean_session", "keepalive", kConfigure);
    errors->alias("lwt_retain", "lwt_qos", kConfigure);
    return m_session;
}

QGroupBox *MqttBrokerForm::buildBrokerGroup(FieldErrors *errors)
{
    m_broker = new QGroupBox(this);
    m_broker->setObjectName(QStringLiteral("brokerGroup"));
    m_host = new QLineEdit(m_broker);
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_port = new QSpinBox(m_broker);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(0, 99999); // 1..65535 is checked with a reason
    m_reconnect = new QCheckBox(m_broker);
    m_reconnect->setObjectName(QStringLiteral("reconnectCheck"));
    m_hostLabel = new QLabel(m_broker);
    m_portLabel = new QLabel(m_broker);
    auto *f = new QFormLayout(m_broker);
    f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    f->addRow(m_hostLabel, errors->wrap(m_host, "host", kConnect));
    f->addRow(m_portLabel, errors->wrap(row(m_broker, { m_port, m_reconnect }), "port", kConnect, false, m_port));
    errors->alias("reconnect", "port", kConnect);
    return m_broker;
}

MqttConfig MqttBrokerForm::config() const
{
    MqttConfig c;
    c.scheme = m_scheme->currentData().toInt();
    c.clientId = m_clientId->text();
    c.username = m_username->text();
    c.password = m_password->text();
    c.path = m_path->text();
    c.keepAlive = m_keepAlive->value();
    c.cleanSession = m_cleanSession->isChecked();
    c.lwtTopic = m_lwtTopic->text();
    c.lwtMessage = m_lwtMessage->text();
    c.lwtQos = m_lwtQos->value();
    c.lwtRetain = m_lwtRetain->isChecked();
    c.alpn = splitAlpn(m_alpn->text());
    c.clearAlpn = c.alpn.isEmpty() && m_clearAlpn->isChecked();
    c.separateClientId = m_separate[0]->isChecked();
    c.separateUsername = m_separate[1]->isChecked();
    c.separatePassword = m_separate[2]->isChecked();
    return c;
}

MqttConnectSettings MqttBrokerForm::connectSettings() const
{
    MqttConnectSettings s;
    s.host = m_host->text().trimmed();
    s.port = m_port->value();
    s.reconnect = m_reconnect->isChecked();
    return s;
}

void MqttBrokerForm::setValues(const MqttConfig &c, const MqttConnectSettings &conn)
{
    const QScopedValueRollback<bool> setting(m_setting, true);
    m_scheme->setCurrentIndex(qMax(0, m_scheme->findData(c.scheme)));
    m_clientId->setText(c.clientId);
    m_username->setText(c.username);
    m_password->setText(c.password);
    m_path->setText(c.path);
    m_keepAlive->setValue(c.keepAlive);
    m_cleanSession->setChecked(c.cleanSession);
    m_lwtTopic->setText(c.lwtTopic);
    m_lwtMessage->setText(c.lwtMessage);
    m_lwtQos->setValue(c.lwtQos);
    m_lwtRetain->setChecked(c.lwtRetain);
    m_alpn->setText(c.alpn.join(QLatin1String(", ")));
    m_clearAlpn->setChecked(c.clearAlpn);
    m_userSeparate[0] = c.separateClientId;
    m_userSeparate[1] = c.separateUsername;
    m_userSeparate[2] = c.separatePassword;
    for (int i = 0; i < 3; ++i)
        m_separate[i]->setChecked(m_userSeparate[i] || (m_mustMove & (1 << i)));
    m_host->setText(conn.host);
    m_port->setValue(conn.port);
    m_reconnect->setChecked(conn.reconnect);
}

bool MqttBrokerForm::passwordShown() const
{
    return m_showPassword->isChecked();
}

void MqttBrokerForm::setMqttState(int state, bool busy)
{
    m_connectButton->setEnabled(!busy && state < 4);
    m_disconnectButton->setEnabled(!busy && state != 0);
}

void MqttBrokerForm::setMustMove(int bits)
{
    m_mustMove = bits;
    const QScopedValueRollback<bool> setting(m_setting, true);
    for (int i = 0; i < 3; ++i) {
        const bool forced = bits & (1 << i);
        m_separate[i]->setChecked(forced || m_userSeparate[i]);
        m_separate[i]->setEnabled(!forced);
        m_separate[i]->setToolTip(forced ? tr("Too long for AT+MQTTUSERCFG: it always goes through its own command")
                                         : tr("Send it through its own command even though it fits AT+MQTTUSERCFG"));
    }
}

void MqttBrokerForm::setConnectHint(const QString &why)
{
    m_connectButton->setToolTip(why.isEmpty() ? tr("Apply the client settings when the module does not have them yet, "
                                                   "then AT+MQTTCONN")
                                              : tr("Fix the client settings first: %1").arg(why));
}

// ---- the remembered password ----------------------------------------------------------------

QString MqttBrokerForm::secretKey() const
{
    return QStringLiteral("mqtt/%1/%2").arg(m_host->text().trimmed(), m_username->text());
}

void MqttBrokerForm::rememberPassword()
{
    if (!m_secrets)
        return;
    if (m_rememberPassword->isChecked() && !m_password->text().isEmpty())
        m_secrets->save(secretKey(), m_password->text());
    else if (!m_rememberPassword->isChecked())
        m_secrets->remove(secretKey());
}

void MqttBrokerForm::maybeLoadSecret()
{
    if (m_secrets && m_password->text().isEmpty() && !m_host->text().trimmed().isEmpty())
        m_secrets->load(secretKey());
}

void MqttBrokerForm::onSecretLoaded(const QString &key, const QString &secret, bool found)
{
    if (!found || key != secretKey() || !m_password->text().isEmpty())
        return;
    m_password->setText(secret);
    m_rememberPassword->setChecked(true);
}

// ---- texts ------------------------------------------------------------------------------------

void MqttBrokerForm::retranslate()
{
    m_client->setTitle(tr("Client (AT+MQTTUSERCFG)"));
    m_session->setTitle(tr("Session (AT+MQTTCONNCFG, AT+MQTTALPN)"));
    m_broker->setTitle(tr("Broker (AT+MQTTCONN)"));
    m_schemeLabel->setText(tr("Scheme:"));
    m_clientIdLabel->setText(tr("Client ID:"));
    m_usernameLabel->setText(tr("User name:"));
    m_passwordLabel->setText(tr("Password:"));
    m_pathLabel->setText(tr("Path:"));
    m_certsLabel->setText(tr("Certificates:"));
    m_keepAliveLabel->setText(tr("Keep-alive:"));
    m_lwtTopicLabel->setText(tr("Last-will topic:"));
    m_lwtMessageLabel->setText(tr("Last-will message:"));
    m_lwtQosLabel->setText(tr("Last-will QoS:"));
    m_alpnLabel->setText(tr("ALPN:"));
    m_clearAlpn->setText(tr("Clear the module's list"));
    m_clearAlpn->setToolTip(tr("With no names: send AT+MQTTALPN=0,0, whoever set the list"));
    m_separateLabel->setText(tr("Own commands:"));
    m_separate[0]->setText(tr("client ID"));
    m_separate[1]->setText(tr("user name"));
    m_separate[2]->setText(tr("password"));
    setMustMove(m_mustMove);
    setConnectHint(QString());
    m_hostLabel->setText(tr("Host:"));
    m_portLabel->setText(tr("Port:"));
    {
        const QScopedValueRollback<bool> setting(m_setting, true);
        for (int i = 0; i < m_scheme->count(); ++i) {
            const int s = m_scheme->itemData(i).toInt();
            m_scheme->setItemText(i, tr("%1 — %2").arg(s).arg(atb::MqttService::schemeText(s)));
            m_scheme->setItemData(i, atb::MqttService::schemeText(s), Qt::ToolTipRole);
        }
    }
    m_clientId->setPlaceholderText(tr("required; long IDs go through AT+MQTTCLIENTID"));
    m_username->setPlaceholderText(tr("optional"));
    m_password->setPlaceholderText(tr("optional; never written to settings or logs"));
    m_showPassword->setText(tr("Show"));
    m_showPassword->setToolTip(tr("Show the password (also in \"Show AT\")"));
    m_rememberPassword->setText(tr("Remember"));
    m_rememberPassword->setToolTip(m_secrets && m_secrets->isAvailable()
                                       ? tr("Keep the password in the system keychain for this host and user")
                                       : tr("Keep the password for this host and user (needs a keychain; without "
                                            "one it is not stored)"));
    m_path->setPlaceholderText(tr("WebSocket resource path, at most 32 bytes"));
    m_certNote->setText(tr("client certificate/key ID 0 and CA ID 0 (only 0 is supported)"));
    m_certNote->setToolTip(tr("Used by schemes 3–5 and 8–10; the certificates live in the module's flash"));
    m_keepAlive->setSuffix(tr(" s"));
    m_keepAlive->setSpecialValueText(tr("0 = 120 s"));
    m_keepAlive->setToolTip(tr("Keep-alive in seconds, 0 to 7200; 0 means 120 s"));
    m_cleanSession->setText(tr("Clean session"));
    m_lwtTopic->setPlaceholderText(tr("optional, at most 128 bytes"));
    m_lwtMessage->setPlaceholderText(tr("at most 64 bytes"));
    m_lwtQos->setToolTip(tr("0 at most once, 1 at least once, 2 exactly once"));
    m_lwtRetain->setText(tr("Retain"));
    m_alpn->setPlaceholderText(tr("up to 5 names, separated by commas (TLS and WSS only)"));
    m_host->setPlaceholderText(tr("host name or IPv4 address, at most 128 bytes"));
    m_port->setToolTip(tr("1 to 65535"));
    m_reconnect->setText(tr("Reconnect automatically"));
    m_connectButton->setText(tr("Connect"));
    m_disconnectButton->setText(tr("Disconnect"));
    m_disconnectButton->setToolTip(tr("AT+MQTTCLEAN: close the connection and release the configuration"));
}
