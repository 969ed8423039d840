#pragma once

#include "brokerclient.h"
#include "services/mqttservice.h"

#include <QObject>
#include <QPointer>

namespace atb {

class DeviceModel;

// Brings the module's MQTT client to a broker in one operation, through MqttService (so the MQTT
// page and the model stay in step): reads the state (AT+MQTTCONN?), and unless the module is
// already connected to that host and port, releases a connection to another broker or one that
// was lost (AT+MQTTCLEAN), configures (AT+MQTTUSERCFG, AT+MQTTCONNCFG) and connects (AT+MQTTCONN).
// Used by the loop view's "Connect the module" and by atbench-cli mqtt-loop.
class ModuleBrokerSetup : public QObject
{
    Q_OBJECT
public:
    ModuleBrokerSetup(MqttService *mqtt, DeviceModel *model, QObject *parent = nullptr);

    // The module's side of a broker the app reaches with `broker`: scheme 1 (TCP), 2/3 (TLS
    // without/with verification), 6 (WebSocket), 7/8 (WebSocket over TLS), host, port and path;
    // client ID `clientId` (empty: "atbench-module-<4 hex digits>"), the user name and password.
    static MqttConfig configFor(const BrokerSettings &broker, const QString &clientId = QString());
    static MqttConnectSettings connectFor(const BrokerSettings &broker);

    // Starts; false with *error when it cannot (busy, invalid settings). finished() follows.
    bool start(const MqttConfig &config, const MqttConnectSettings &connect, QString *error = nullptr);
    bool isBusy() const { return m_step != Step::Idle; }

signals:
    // A step began ("Reading the module's MQTT state", ...).
    void progress(const QString &text);
    void finished(bool ok, const QString &message);

private:
    enum class Step { Idle, Read, Clean, Configure, Connect };
    void onFinished(const OperationResult &result);
    void next(Step step);
    void done(bool ok, const QString &message);

    QPointer<MqttService> m_mqtt;
    QPointer<DeviceModel> m_model;
    Step m_step = Step::Idle;
    MqttConfig m_config;
    MqttConnectSettings m_connect;
};

} // namespace atb
