#pragma once

#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "services/connectionservice.h"
#include "services/mqttservice.h"
#include "services/netservice.h"
#include "services/systemservice.h"
#include "services/wifiservice.h"

namespace atb {

// The services of one module, for planning only: a session that is never opened, a model and
// the services on it. Their pure planX() functions decide what to send from the state they
// hold (the Wi-Fi mode, CIPMUX/CIPMODE, the receive mode, ...), so the context is fed the module's
// state the way a live session feeds it: replay() emits the session's commandFinished for
// replies read from the module, assume() for the commands a plan will send, as if each was
// answered OK, so the next section is planned against the state the earlier ones leave (a PSK
// line with the link id once CIPMUX=1 is planned). Nothing here ever reaches a module.
class PlanningServices
{
public:
    explicit PlanningServices(Dialect dialect);
    Q_DISABLE_COPY_MOVE(PlanningServices)

    void replay(const QList<AtResult> &results);
    void assume(const OperationPlan &plan);

    Dialect dialect() const { return m_model.dialect(); }
    const DeviceModel &model() const { return m_model; }
    const WifiService &wifi() const { return m_wifi; }
    const ConnectionService &connection() const { return m_connection; }
    const NetService &net() const { return m_net; }
    const MqttService &mqtt() const { return m_mqtt; }
    const SystemService &system() const { return m_system; }

private:
    DeviceSession m_session;
    DeviceModel m_model;
    WifiService m_wifi { &m_session, &m_model };
    ConnectionService m_connection { &m_session, &m_model };
    NetService m_net { &m_session, &m_model };
    MqttService m_mqtt { &m_session, &m_model };
    SystemService m_system { &m_session, &m_model };
};

} // namespace atb
