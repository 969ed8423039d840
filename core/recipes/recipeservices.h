#pragma once

#include <QObject>

namespace atb {

class ConnectionService;
class DeviceModel;
class DeviceSession;
class MqttService;
class NetService;
class ThroughputLab;
class WifiService;

// What a recipe drives: the session (every command goes through its queue), the model it reads
// and the services it reuses. The GUI hands over its own (a recipe's Wi-Fi join is the Wi-Fi
// page's); headless callers make a ModuleServices. All live in the thread of the RecipeRunner.
struct RecipeServices
{
    DeviceSession *session = nullptr;
    DeviceModel *model = nullptr;
    WifiService *wifi = nullptr;
    ConnectionService *connections = nullptr;
    NetService *net = nullptr;
    MqttService *mqtt = nullptr;
    ThroughputLab *lab = nullptr;
};

// One of each service (and a model following `session`, unless one is given), for callers
// without pages (the CLI, tests): what Application builds for the GUI, in one object.
class ModuleServices : public QObject
{
    Q_OBJECT
public:
    // `model`: one that already follows `session` (a ModuleConnection's); kept, not owned.
    explicit ModuleServices(DeviceSession *session, DeviceModel *model = nullptr, QObject *parent = nullptr);
    ~ModuleServices() override;

    RecipeServices services() const { return m_services; }
    DeviceModel *model() const { return m_services.model; }

private:
    RecipeServices m_services;
    bool m_ownsModel = false;
};

} // namespace atb
