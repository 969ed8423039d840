#pragma once

#include "brokerclient.h"
#include "localbroker.h"
#include "loopcheck.h"
#include "modulebrokersetup.h"

#include <QObject>

namespace atb {

class DeviceModel;
class DeviceSession;
class MqttService;

// What the MQTT loop view drives, in one place: AT Bench's own MQTT client, the local broker
// for demos, the loop check between the module and the client, and the module's way to a
// broker. Created by the composition root beside MqttService (whose session and model it
// shares); everything lives in the owner's (the GUI) thread. Destroying it stops the local
// broker and closes the client.
class MqttLoopService : public QObject
{
    Q_OBJECT
public:
    MqttLoopService(DeviceSession *session, MqttService *mqtt, DeviceModel *model, QObject *parent = nullptr);

    BrokerClient *client() const { return m_client; }
    LocalBroker *localBroker() const { return m_localBroker; }
    LoopCheck *loop() const { return m_loop; }
    ModuleBrokerSetup *moduleSetup() const { return m_setup; }
    MqttService *mqtt() const { return m_mqtt; }

    // The app's client settings for the local broker (plain MQTT, or WebSocket when asked and
    // the broker has it), keeping `base`'s client ID, credentials and last will.
    BrokerSettings localBrokerSettings(const BrokerSettings &base, bool webSocket = false) const;
    // "Use the module's broker": what the module was configured with (MqttService's last
    // configuration and connection, else the model's AT+MQTTCONN? answer); false with *why when
    // the module has no broker yet.
    bool moduleBrokerSettings(const BrokerSettings &base, BrokerSettings *out, QString *why) const;

private:
    MqttService *m_mqtt;
    DeviceModel *m_model;
    BrokerClient *m_client;
    LocalBroker *m_localBroker;
    LoopCheck *m_loop;
    ModuleBrokerSetup *m_setup;
};

} // namespace atb
