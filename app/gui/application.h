#pragma once

#include <QObject>
#include <memory>

namespace atb {
class DeviceSession;
class DeviceModel;
class SessionHost;
class ConnectionService;
class MqttLoopService;
class MqttService;
class NetService;
class SoftApService;
class SystemService;
class ThroughputLab;
class WifiService;
}
class MainWindow;
class MqttPage;
class SecretStore;

// Composition root of the GUI: creates the session (in its own I/O thread, owned by a
// SessionHost), the model and the main window, and wires them. No singletons: everything is
// handed down from here. Teardown runs the other way: window, services and model first, the
// session and its thread last.
class Application : public QObject
{
    Q_OBJECT
public:
    Application();
    ~Application() override;

    MainWindow *window() const { return m_window.get(); }
    atb::DeviceSession *session() const { return m_session; }
    atb::DeviceModel *model() const { return m_model; }
    // The services behind the pages (benchmarks drive them as the pages would).
    atb::ConnectionService *connections() const { return m_connections; }
    atb::MqttService *mqtt() const { return m_mqtt; }
    atb::ThroughputLab *lab() const { return m_lab; }

private:
    void addPages();
    void addRecipes();
    void addMqttLoopPage(MqttPage *mqttPage);

    std::unique_ptr<atb::SessionHost> m_host;
    atb::DeviceSession *m_session = nullptr; // m_host's
    atb::DeviceModel *m_model = nullptr;
    SecretStore *m_secrets = nullptr;
    atb::ConnectionService *m_connections = nullptr;
    atb::MqttService *m_mqtt = nullptr;
    atb::MqttLoopService *m_mqttLoop = nullptr;
    atb::WifiService *m_wifi = nullptr;
    atb::NetService *m_net = nullptr;
    atb::SoftApService *m_softAp = nullptr;
    atb::SystemService *m_system = nullptr;
    atb::ThroughputLab *m_lab = nullptr;
    std::unique_ptr<MainWindow> m_window;
};
