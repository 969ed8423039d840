#pragma once

#include "services/mqttservice.h"

#include <QPointer>
#include <QWidget>

class FieldErrors;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;
class SecretStore;

// The MQTT page's Broker tab: the client (AT+MQTTUSERCFG: scheme, client ID, user name,
// password with show and remember, path), the session (AT+MQTTCONNCFG keep-alive, clean
// session, last will; AT+MQTTALPN) and the broker (AT+MQTTCONN host, port, reconnect) with
// Connect and Disconnect. Its fields report errors in the page's FieldErrors under the scopes
// kConfigure and kConnect. The password is remembered in the SecretStore under
// "mqtt/<host>/<user>" when asked to.
class MqttBrokerForm : public QWidget
{
    Q_OBJECT
public:
    static constexpr const char *kConfigure = "configure";
    static constexpr const char *kConnect = "connect";

    // `secrets` may be null.
    MqttBrokerForm(FieldErrors *errors, SecretStore *secrets, QWidget *parent = nullptr);

    atb::MqttConfig config() const;
    atb::MqttConnectSettings connectSettings() const;
    // Puts values in the form without edited().
    void setValues(const atb::MqttConfig &config, const atb::MqttConnectSettings &connect);
    bool passwordShown() const;
    // Connect while not connected, Disconnect while configured (MQTT state 0..6).
    void setMqttState(int state, bool busy);
    // Which of client ID (bit 0), user name (1), password (2) do not fit AT+MQTTUSERCFG: their
    // "own command" box is ticked and locked; the others show the user's choice.
    void setMustMove(int bits);
    // Why Connect would not go (the client settings are invalid), as its tooltip; empty: fine.
    void setConnectHint(const QString &why);
    // Saves (or forgets) the password as "Remember" says; before the configuration is sent.
    void rememberPassword();

    // Every text again; the page calls it on a language change.
    void retranslate();

signals:
    void edited();
    void passwordShownChanged();
    void connectRequested();
    void disconnectRequested();

private:
    QGroupBox *buildClientGroup(FieldErrors *errors);
    QGroupBox *buildSessionGroup(FieldErrors *errors);
    QGroupBox *buildBrokerGroup(FieldErrors *errors);
    QString secretKey() const;
    void maybeLoadSecret();
    void onSecretLoaded(const QString &key, const QString &secret, bool found);

    QPointer<SecretStore> m_secrets;
    bool m_setting = false;
    QGroupBox *m_client, *m_session, *m_broker;
    QLabel *m_schemeLabel, *m_clientIdLabel, *m_usernameLabel, *m_passwordLabel, *m_pathLabel, *m_certsLabel;
    QLabel *m_keepAliveLabel, *m_lwtTopicLabel, *m_lwtMessageLabel, *m_lwtQosLabel, *m_alpnLabel;
    QLabel *m_hostLabel, *m_portLabel;
    QComboBox *m_scheme;
    QLineEdit *m_clientId;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QToolButton *m_showPassword;
    QCheckBox *m_rememberPassword;
    QLineEdit *m_path;
    QLabel *m_certNote;
    QSpinBox *m_keepAlive;
    QCheckBox *m_cleanSession;
    QLineEdit *m_lwtTopic;
    QLineEdit *m_lwtMessage;
    QSpinBox *m_lwtQos;
    QCheckBox *m_lwtRetain;
    QLineEdit *m_alpn;
    QCheckBox *m_clearAlpn;
    QLabel *m_separateLabel;
    QCheckBox *m_separate[3]; // client ID, user name, password through their own commands
    bool m_userSeparate[3] = { false, false, false };
    int m_mustMove = 0;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QCheckBox *m_reconnect;
    QPushButton *m_connectButton;
    QPushButton *m_disconnectButton;
};
