#include "recipeservices.h"

#include "model/devicemodel.h"
#include "services/connectionservice.h"
#include "services/mqttservice.h"
#include "services/netservice.h"
#include "services/throughputlab.h"
#include "services/wifiservice.h"

namespace atb {

ModuleServices::ModuleServices(DeviceSession *session, DeviceModel *model, QObject *parent)
    : QObject(parent), m_ownsModel(model == nullptr)
{
    m_services.session = session;
    m_services.model = model;
    if (m_ownsModel) {
        m_services.model = new DeviceModel(this);
        m_services.model->follow(session);
    }
    m_services.wifi = new WifiService(session, m_services.model, this);
    m_services.connections = new ConnectionService(session, m_services.model, this);
    m_services.net = new NetService(session, m_services.model, this);
    m_services.mqtt = new MqttService(session, m_services.model, this);
    m_services.lab = new ThroughputLab(session, this);
}

ModuleServices::~ModuleServices()
{
    // Services before the model they read.
    delete m_services.lab;
    delete m_services.mqtt;
    delete m_services.net;
    delete m_services.connections;
    delete m_services.wifi;
    if (m_ownsModel)
        delete m_services.model;
}

} // namespace atb
