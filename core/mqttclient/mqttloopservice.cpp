#include "mqttloopservice.h"

#include "model/devicemodel.h"
#include "services/mqttservice.h"

namespace atb {

MqttLoopService::MqttLoopService(DeviceSession *session, MqttService *mqtt, DeviceModel *model, QObject *parent)
    : QObject(parent), m_mqtt(mqtt), m_model(model), m_client(new BrokerClient(this)),
      m_localBroker(new LocalBroker(this)), m_loop(new LoopCheck(session, mqtt, m_client, model, this)),
      m_setup(new ModuleBrokerSetup(mqtt, model, this))
{
}

BrokerSettings MqttLoopService::localBrokerSettings(const BrokerSettings &base, bool webSocket) const
{
    BrokerSettings s = base;
    s.host = m_localBroker->host();
    const bool ws = webSocket && m_localBroker->webSocketPort();
    s.transport = ws ? BrokerSettings::Transport::WebSocket : BrokerSettings::Transport::Tcp;
    s.port = ws ? m_localBroker->webSocketPort() : m_localBroker->port();
    if (ws)
        s.path = m_localBroker->webSocketPath();
    return s;
}

bool MqttLoopService::moduleBrokerSettings(const BrokerSettings &base, BrokerSettings *out, QString *why) const
{
    MqttConfig config = m_mqtt->hasLastConfig() ? m_mqtt->lastConfig() : MqttConfig();
    MqttConnectSettings connect = m_mqtt->lastConnect();
    if (m_model) {
        const MqttState st = m_model->mqtt();
        if (!m_mqtt->hasLastConfig() && st.scheme >= 1 && st.scheme <= 10) {
            config.scheme = st.scheme;
            config.path = st.path;
        }
        if (!st.host.isEmpty()) {
            bool ok = false;
            const int port = st.port.toInt(&ok);
            connect.host = st.host;
            if (ok)
                connect.port = port;
        }
    }
    if (connect.host.trimmed().isEmpty()) {
        if (why)
            *why = tr("The module has no broker yet: configure and connect it on the MQTT page, or use the local "
                      "broker.");
        return false;
    }
    *out = BrokerSettings::fromModule(config, connect, base);
    return true;
}

} // namespace atb
