#include "application.h"

#include "connectioncontroller.h"
#include "engine/devicesession.h"
#include "engine/sessionhost.h"
#include "mainwindow.h"
#include "model/devicemodel.h"
#include "mqttclient/mqttloopservice.h"
#include "pages/connectionspage.h"
#include "pages/mqttlooppage.h"
#include "pages/mqttpage.h"
#include "pages/netservicespage.h"
#include "pages/provisioningpage.h"
#include "pages/softappage.h"
#include "pages/systempage.h"
#include "pages/throughputpage.h"
#include "pages/wifipage.h"
#include "recipes/quicksendbar.h"
#include "recipes/recipespage.h"
#include "secretstore.h"
#include "simulatorlink.h"
#include "services/connectionservice.h"
#include "services/mqttservice.h"
#include "services/netservice.h"
#include "services/softapservice.h"
#include "services/systemservice.h"
#include "services/throughputlab.h"
#include "services/wifiservice.h"
#include "stats/memorytrimmer.h"

using namespace atb;

Application::Application() : m_host(std::make_unique<SessionHost>())
{
    m_session = m_host->session();
    m_model = new DeviceModel(this);
    m_model->follow(m_session);
    m_window = std::make_unique<MainWindow>(m_session, m_model);
    addPages();
    // The app stays open for days: free pages go back to the system (performance.md 7, G12).
    new MemoryTrimmer(this);
}

// Services live in the GUI thread (their calls into the session are thread-safe); each page
// gets the model and the one service it drives.
void Application::addPages()
{
    m_secrets = new SecretStore(this);
    m_connections = new ConnectionService(m_session, m_model, this);
    m_mqtt = new MqttService(m_session, m_model, this);
    m_wifi = new WifiService(m_session, m_model, this);
    m_net = new NetService(m_session, m_model, this);
    m_softAp = new SoftApService(m_session, m_model, this);
    auto *wifi = new WifiPage(m_model, m_wifi, m_secrets);
    m_window->addPage(wifi);
    m_window->addPage(new SoftApPage(m_model, m_softAp));
    m_window->addPage(new ConnectionsPage(m_model, m_connections, m_secrets, m_window->messages()));
    m_window->addPage(new NetServicesPage(m_model, m_net));
    auto *mqttPage = new MqttPage(m_model, m_mqtt, m_secrets, m_window->messages());
    m_window->addPage(mqttPage);
    addMqttLoopPage(mqttPage);
    m_system = new SystemService(m_session, m_model, this);
    m_window->addPage(new SystemPage(m_model, m_system, m_window->messages()));

    m_lab = new ThroughputLab(m_session, this);
    auto *throughput = new ThroughputPage(m_model, m_lab, m_window->messages());
    m_window->addPage(throughput);
    // Efficiency is measured against the line rate of the serial connection in use.
    ConnectionController *connection = m_window->connectionController();
    auto followBaud = [throughput, connection] {
        // Serial ports and the built-in simulated modules (paced at the same baud) have a line
        // rate; a TCP bridge's is unknown, so the page keeps what the user entered.
        const ConnectionChoice c = connection->choice();
        if (c.kind != ConnectionChoice::Kind::Tcp && c.serial.baudRate > 0)
            throughput->setLineBaud(c.serial.baudRate);
    };
    connect(connection, &ConnectionController::choiceChanged, throughput, followBaud);
    followBaud();
    // The built-in simulated module: the Wi-Fi page names its access point and password.
    auto followSimulator = [wifi, connection] {
        const QList<SimulatorLink::AccessPoint> aps
            = connection->choice().isSimulator() ? SimulatorLink::accessPoints() : QList<SimulatorLink::AccessPoint>();
        wifi->setBuiltInAccessPoint(aps.isEmpty() ? QString() : aps.first().ssid,
                                    aps.isEmpty() ? QString() : aps.first().password);
    };
    connect(connection, &ConnectionController::choiceChanged, wifi, followSimulator);
    followSimulator();

    // Its own sessions for the modules it provisions; the main one only for "save module as profile".
    m_window->addPage(new ProvisioningPage(m_session, m_model, m_mqtt, m_secrets, m_window->messages()));
    addRecipes();
}

// Recipes reuse the pages' services (a recipe's Wi-Fi join is the Wi-Fi page's); the quick-send
// bar sits under the port bar on every page and runs recipes through the Recipes page.
void Application::addRecipes()
{
    const atb::RecipeServices services { m_session, m_model, m_wifi, m_connections, m_net, m_mqtt, m_lab };
    auto *recipes = new RecipesPage(services, m_window->messages());
    m_window->addPage(recipes);
    connect(recipes, &RecipesPage::attentionNeeded, m_window.get(), [this, recipes] { m_window->showPage(recipes); });
    auto *quickSend = new QuickSendBar(m_session, m_window.get());
    quickSend->setRecipeStarter([recipes](const QString &name) { return recipes->runRecipe(name); });
    m_window->addToolBarBreak(Qt::TopToolBarArea);
    m_window->addToolBar(Qt::TopToolBarArea, quickSend);
}

// MQTT from both ends: the app's own client, the local broker and the loop view, beside the
// module's MQTT page (which links to it and offers the local broker to the built-in module).
void Application::addMqttLoopPage(MqttPage *mqttPage)
{
    m_mqttLoop = new MqttLoopService(m_session, m_mqtt, m_model, this);
    auto *loopPage = new MqttLoopPage(m_model, m_mqtt, m_mqttLoop, m_secrets, m_window->messages());
    m_window->addPage(loopPage);
    connect(mqttPage, &MqttPage::loopViewRequested, m_window.get(), [this, loopPage] { m_window->showPage(loopPage); });
    loopPage->offerLocalBrokerTo(mqttPage);
    ConnectionController *connection = m_window->connectionController();
    auto follow = [loopPage, connection] { loopPage->setBuiltInModule(connection->choice().isSimulator()); };
    connect(connection, &ConnectionController::choiceChanged, loopPage, follow);
    follow();
}

Application::~Application()
{
    // Whatever holds the session goes before it: pages, services, the model. The host then
    // closes the link in the I/O thread, stops the thread and deletes the session.
    m_window.reset();
    delete m_lab;
    delete m_mqttLoop; // stops the local broker
    delete m_net;
    delete m_system;
    delete m_softAp;
    delete m_wifi;
    delete m_mqtt;
    delete m_connections;
    delete m_model;
    m_host.reset();
}
