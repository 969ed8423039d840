#pragma once

#include "engine/atcommand.h"
#include "protocol/dialect.h"
#include "services/commandrunner.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace atb {

class DeviceModel;
class DeviceSession;

// What the MQTT page edits (seed 004). Plain values; the service turns them into AT commands.
struct MqttConfig
{
    // AT+MQTTUSERCFG
    int scheme = 1; // 1..10, see MqttService::schemeText()
    QString clientId;
    QString username;
    QString password;
    int certKeyId = 0; // only 0
    int caId = 0;      // only 0
    QString path;      // WebSocket resource path, <= 32 bytes
    // AT+MQTTCONNCFG
    int keepAlive = 0; // 0..7200 s; 0 means 120 s
    bool cleanSession = true;
    QString lwtTopic;
    QString lwtMessage;
    int lwtQos = 0;
    bool lwtRetain = false;
    // AT+MQTTALPN (0..5 entries; sent only when non-empty or when it must clear an earlier list)
    QStringList alpn;
    // With no ALPN entries: clear the module's list (AT+MQTTALPN=0,0), whoever set it.
    bool clearAlpn = false;
    // Send these through their own commands (AT+MQTTCLIENTID, AT+MQTTUSERNAME, AT+MQTTPASSWORD,
    // seed 004) even when they would fit AT+MQTTUSERCFG. Values that do not fit always move.
    bool separateClientId = false;
    bool separateUsername = false;
    bool separatePassword = false;

    bool operator==(const MqttConfig &o) const
    {
        return scheme == o.scheme && clientId == o.clientId && username == o.username && password == o.password
            && certKeyId == o.certKeyId && caId == o.caId && path == o.path && keepAlive == o.keepAlive
            && cleanSession == o.cleanSession && lwtTopic == o.lwtTopic && lwtMessage == o.lwtMessage
            && lwtQos == o.lwtQos && lwtRetain == o.lwtRetain && alpn == o.alpn && clearAlpn == o.clearAlpn
            && separateClientId == o.separateClientId && separateUsername == o.separateUsername
            && separatePassword == o.separatePassword;
    }
    bool operator!=(const MqttConfig &o) const { return !(*this == o); }
};

// AT+MQTTCONN
struct MqttConnectSettings
{
    QString host;
    int port = 1883;
    bool reconnect = false;
};

// AT+MQTTPUB (string, escaped by the encoder) or AT+MQTTPUBRAW (exact bytes after '>').
struct MqttPublishSettings
{
    QString topic;
    QByteArray payload;
    int qos = 0;
    bool retain = false;
    bool raw = false;
};

// One message from a +MQTTSUBRECV URC.
struct MqttMessage
{
    QDateTime time;
    QString topic;
    QByteArray payload;
    int qos = -1; // QoS of the subscription the topic matches, -1 when not known
    int link = 0;
};

// Drives the module's MQTT client (seed 004 / protocol.md 5.1, 7.4) through one CommandRunner.
// Every operation is planned first (AtEncoder: escaping and every limit of protocol.md 3.3,
// the 256-byte line) and only run when the whole plan is valid.
class MqttService : public QObject
{
    Q_OBJECT
public:
    // `model` is optional; it gives the dialect and the subscriptions (QoS of received messages).
    MqttService(DeviceSession *session, DeviceModel *model, QObject *parent = nullptr);

    CommandRunner *runner() const { return m_runner; }
    bool isBusy() const { return m_runner->isBusy(); }

    // Plans (what would be sent), for "Show AT" and validation. Nothing is sent. errorParam is
    // the catalog parameter name the error is about ("client_id", "keepalive", "topic", ...).
    OperationPlan planConfigure(const MqttConfig &config) const;
    // AT+MQTTCONN; first AT+SYSLOG=1 on ESP-AT while the model does not know it is on, so a
    // failure carries its ERR CODE (0x60xx decoded into words).
    OperationPlan planConnect(const MqttConnectSettings &settings) const;
    // What Connect sends when the form's configuration is not on the module yet: the
    // configuration, then the connection. Invalid configuration: the plan says why.
    OperationPlan planConfigureAndConnect(const MqttConfig &config, const MqttConnectSettings &settings) const;
    // Which of client ID, user name and password do not fit AT+MQTTUSERCFG and must go through
    // their own commands (bit 0 client ID, 1 user name, 2 password).
    int fieldsThatMustMove(const MqttConfig &config) const;
    OperationPlan planDisconnect() const;
    OperationPlan planPublish(const MqttPublishSettings &settings) const;
    OperationPlan planSubscribe(const QString &topic, int qos) const;
    OperationPlan planUnsubscribe(const QString &topic) const;
    OperationPlan planRead() const;
    OperationPlan planEnableErrorCodes() const;

    // Operations: each runs its plan. The returned plan is what was started, or carries the
    // reason nothing was (invalid, busy); then no finished() follows.
    OperationPlan configure(const MqttConfig &config);
    OperationPlan connectToBroker(const MqttConnectSettings &settings);
    OperationPlan configureAndConnect(const MqttConfig &config, const MqttConnectSettings &settings);
    OperationPlan disconnectFromBroker(); // AT+MQTTCLEAN=0
    OperationPlan publish(const MqttPublishSettings &settings);
    OperationPlan subscribe(const QString &topic, int qos);
    OperationPlan unsubscribe(const QString &topic);
    OperationPlan read(); // AT+MQTTCONN? and AT+MQTTSUB?
    OperationPlan enableErrorCodes(); // AT+SYSLOG=1 (ESP): failures then carry ERR CODE 0x60xx
    void cancel() { m_runner->cancel(); }

    // The last configuration the module accepted (the model does not hold username, keep-alive,
    // last will ...). The password is kept in memory only.
    MqttConfig lastConfig() const { return m_lastConfig; }
    bool hasLastConfig() const { return m_hasLastConfig; }
    MqttConnectSettings lastConnect() const { return m_lastConnect; }

    static QString schemeText(int scheme);     // "MQTT over TCP", ...
    static bool schemeUsesTls(int scheme);     // 2..5, 7..10
    static bool schemeUsesWebSocket(int scheme); // 6..10
    // MQTT topic filter match: '+' one level, '#' the rest (also the parent level).
    static bool topicMatches(const QString &filter, const QString &topic);

signals:
    void busyChanged(bool busy);
    // The runner's result; for subscribe/unsubscribe the message also carries the module's notes
    // (ALREADY SUBSCRIBE, NO UNSUBSCRIBE).
    void finished(const atb::OperationResult &result);
    void messageReceived(const atb::MqttMessage &message);

private:
    enum class Op { None, Configure, Connect, ConfigureConnect, Disconnect, Publish, Subscribe, Unsubscribe, Read, Other };
    OperationPlan run(const QString &label, const OperationPlan &plan, Op op);
    Dialect dialect() const;
    void onFinished(const OperationResult &result);
    void onUrc(const AtEvent &event);
    bool beken() const;

    QPointer<DeviceSession> m_session;
    QPointer<DeviceModel> m_model;
    CommandRunner *m_runner;
    Op m_op = Op::None;
    MqttConfig m_pendingConfig;
    MqttConfig m_lastConfig;
    bool m_hasLastConfig = false;
    MqttConnectSettings m_pendingConnect;
    MqttConnectSettings m_lastConnect;
};

} // namespace atb

Q_DECLARE_METATYPE(atb::MqttMessage)
