#pragma once

#include "mqttclient/brokerclient.h"
#include "mqttclient/localbroker.h"

#include <QWidget>

class FieldErrors;
class Messages;
class RememberedPassword;
class SecretStore;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

// The MQTT loop view's top: AT Bench's own MQTT client (transport, host, port, Connect,
// Disconnect, "Use the module's broker", "Use the local broker") with its other settings behind
// "Settings" (WebSocket path, TLS verification and CA file, client ID, user name and password,
// keep-alive, clean session, automatic reconnect, last will), and the local broker's row (Start,
// Stop, its address or why it did not start). Plain values in and out (BrokerSettings); the page
// does the rest. The password is remembered in the SecretStore under mqtt/<host>/<user> (the
// MQTT page's key), never in settings.
class BrokerClientForm : public QWidget
{
    Q_OBJECT
public:
    static constexpr char kScope[] = "client";

    // `secrets` and `messages` may be null.
    BrokerClientForm(FieldErrors *errors, SecretStore *secrets, Messages *messages, QWidget *parent = nullptr);

    atb::BrokerSettings settings() const;
    void setSettings(const atb::BrokerSettings &settings);

    // The client's state, with the reason after a failure or a loss.
    void setClientState(atb::BrokerClient::State state, const QString &detail);
    // The local broker's row.
    void setLocalBroker(atb::LocalBroker::State state, const QString &text);
    void setDetailsShown(bool shown);
    bool detailsShown() const;
    // Saves the password when "Remember" is on (called on Connect).
    void rememberPassword();

    void retranslate();

signals:
    void edited();
    void connectRequested();
    void disconnectRequested();
    void useModuleBrokerRequested();
    void useLocalBrokerRequested();
    void startLocalBrokerRequested();
    void stopLocalBrokerRequested();

private:
    QGroupBox *buildDetails(FieldErrors *errors);
    void browseCaFile();
    void updateEnabled();

    Messages *m_messages;
    RememberedPassword *m_remembered = nullptr;
    bool m_setting = false;
    atb::BrokerClient::State m_state = atb::BrokerClient::State::Disconnected;
    QString m_stateDetail;
    atb::LocalBroker::State m_localState = atb::LocalBroker::State::Stopped;

    QLabel *m_clientCaption, *m_stateLabel;
    QComboBox *m_transport;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QPushButton *m_connect, *m_disconnect, *m_useModule, *m_useLocal;
    QToolButton *m_more;
    QLabel *m_localCaption, *m_localLabel;
    QPushButton *m_startLocal, *m_stopLocal;
    QGroupBox *m_details;
    QLineEdit *m_path, *m_caFile, *m_clientId, *m_username, *m_password, *m_willTopic, *m_willPayload;
    QToolButton *m_browseCa, *m_showPassword;
    QCheckBox *m_verify, *m_rememberPassword, *m_clean, *m_autoReconnect, *m_willRetain;
    QSpinBox *m_keepAlive, *m_willQos;
    QLabel *m_pathLabel, *m_caLabel, *m_clientIdLabel, *m_usernameLabel, *m_passwordLabel, *m_keepAliveLabel,
        *m_willTopicLabel, *m_willPayloadLabel, *m_willQosLabel;
};
