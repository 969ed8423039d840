#include "modulebrokersetup.h"

#include "model/devicemodel.h"

#include <QRandomGenerator>

namespace atb {

ModuleBrokerSetup::ModuleBrokerSetup(MqttService *mqtt, DeviceModel *model, QObject *parent)
    : QObject(parent), m_mqtt(mqtt), m_model(model)
{
    connect(mqtt, &MqttService::finished, this, &ModuleBrokerSetup::onFinished);
}

MqttConfig ModuleBrokerSetup::configFor(const BrokerSettings &broker, const QString &clientId)
{
    MqttConfig c;
    switch (broker.transport) {
    case BrokerSettings::Transport::Tcp: c.scheme = 1; break;
    case BrokerSettings::Transport::Tls: c.scheme = broker.verifyServer ? 3 : 2; break;
    case BrokerSettings::Transport::WebSocket: c.scheme = 6; break;
    case BrokerSettings::Transport::WebSocketTls: c.scheme = broker.verifyServer ? 8 : 7; break;
    }
    c.clientId = clientId.isEmpty()
        ? QStringLiteral("atbench-module-%1").arg(QRandomGenerator::global()->bounded(0x10000), 4, 16, QLatin1Char('0'))
        : clientId;
    c.username = broker.username;
    c.password = broker.password;
    if (broker.usesWebSocket())
        c.path = broker.path;
    return c;
}

MqttConnectSettings ModuleBrokerSetup::connectFor(const BrokerSettings &broker)
{
    MqttConnectSettings s;
    s.host = broker.host;
    s.port = broker.port;
    return s;
}

bool ModuleBrokerSetup::start(const MqttConfig &config, const MqttConnectSettings &connect, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (!m_mqtt)
        return fail(tr("No MQTT service."));
    if (isBusy() || m_mqtt->isBusy())
        return fail(tr("The module is busy with another MQTT request; try again."));
    for (const OperationPlan &plan : { m_mqtt->planConfigure(config), m_mqtt->planConnect(connect) })
        if (!plan.ok())
            return fail(plan.error);
    m_config = config;
    m_connect = connect;
    next(Step::Read); // a refusal from here on comes as finished(false, ...)
    return true;
}

void ModuleBrokerSetup::next(Step step)
{
    m_step = step;
    OperationPlan started;
    switch (step) {
    case Step::Read:
        emit progress(tr("Reading the module's MQTT state"));
        started = m_mqtt->read();
        break;
    case Step::Clean:
        emit progress(tr("Releasing the module's earlier MQTT connection"));
        started = m_mqtt->disconnectFromBroker();
        break;
    case Step::Configure:
        emit progress(tr("Configuring the module's MQTT client"));
        started = m_mqtt->configure(m_config);
        break;
    case Step::Connect:
        emit progress(tr("Connecting the module to %1:%2").arg(m_connect.host).arg(m_connect.port));
        started = m_mqtt->connectToBroker(m_connect);
        break;
    case Step::Idle:
        return;
    }
    if (!started.ok())
        done(false, started.error);
}

void ModuleBrokerSetup::onFinished(const OperationResult &result)
{
    if (m_step == Step::Idle)
        return;
    const Step step = m_step;
    if (!result.ok && step != Step::Read) {
        done(false, result.message);
        return;
    }
    switch (step) {
    case Step::Read: {
        const MqttState st = m_model ? m_model->mqtt() : MqttState();
        const bool there = st.state >= 4 && st.host == m_connect.host && st.port == QString::number(m_connect.port);
        if (there) {
            done(true, tr("The module is already connected to %1:%2.").arg(m_connect.host).arg(m_connect.port));
            return;
        }
        // Connected elsewhere, or connected once and lost (state 3, its old subscriptions still
        // listed): released first, so the module starts clean.
        next(st.state >= 3 ? Step::Clean : Step::Configure);
        return;
    }
    case Step::Clean:
        next(Step::Configure);
        return;
    case Step::Configure:
        next(Step::Connect);
        return;
    case Step::Connect:
        done(true, tr("The module is connected to %1:%2.").arg(m_connect.host).arg(m_connect.port));
        return;
    case Step::Idle:
        return;
    }
}

void ModuleBrokerSetup::done(bool ok, const QString &message)
{
    m_step = Step::Idle;
    emit finished(ok, message);
}

} // namespace atb
