// Field diagnostics in the window (issue 13): record a session against the built-in module,
// open it again (playback: console, model, read-only pages, timeline), save a support bundle
// without any secret in it, replay the recording into the built-in module; capabilities
// disable what the firmware lacks; the port list follows a pty appearing and disappearing.
#include "connectioncontroller.h"
#include "console/consolemodel.h"
#include "diagnostics/capabilities.h"
#include "diagnostics/diagnostics.h"
#include "diagnostics/playbackbar.h"
#include "diagnostics/supportbundle.h"
#include "diagnostics/timeline.h"
#include "diagnostics/timelineview.h"
#include "dialogs/messages.h"
#include "engine/devicesession.h"
#include "mainwindow.h"
#include "model/devicemodel.h"
#include "pages/consolepage.h"
#include "pages/mqttpage.h"
#include "pages/netservicespage.h"
#include "provisioning/profile.h"
#include "recording/recordingplayer.h"
#include "recording/sessionrecorder.h"
#include "services/mqttservice.h"
#include "services/netservice.h"
#include "simulator/simulatedmodule.h"
#include "transport/pipetransport.h"
#include "transport/portwatcher.h"
#include "widgets/connectionbar.h"
#include "widgets/historylineedit.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <pty.h>
#include <unistd.h>

using atb::DeviceSession;

namespace {
const QByteArray kPassword = "12345678"; // the built-in module's access point password
}

class tst_Diagnostics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void recordPlayBackBundleAndReplay();
    void liveBundleHoldsTheModulesProfile();
    void capabilitiesDisableWhatTheFirmwareLacks();
    void portListFollowsAPtyAppearingAndDisappearing();
    void adapterComingBackUnderAnotherNameKeepsTheChoice();

private:
    void type(const QString &line);
    int findRow(const QString &text) const;

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
    DeviceSession *m_session = nullptr;
    atb::DeviceModel *m_model = nullptr;
    MainWindow *m_window = nullptr;
};

void tst_Diagnostics::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("atbench-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_diagnostics"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void tst_Diagnostics::init()
{
    QSettings().clear();
    m_session = new DeviceSession;
    m_model = new atb::DeviceModel;
    m_model->follow(m_session);
    m_window = new MainWindow(m_session, m_model);
    m_window->setPersistSettings(false);
    m_window->messages()->setScripted(true);
    m_window->diagnostics()->setRecordingsDir(m_dir.path());
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void tst_Diagnostics::cleanup()
{
    delete m_window;
    delete m_session;
    delete m_model;
}

void tst_Diagnostics::type(const QString &line)
{
    ConsolePage *c = m_window->consolePage();
    c->input()->setText(line);
    c->submitInput();
    QTRY_COMPARE_WITH_TIMEOUT(c->pendingCount(), 0, 10000);
}

int tst_Diagnostics::findRow(const QString &text) const
{
    const auto *m = m_window->consolePage()->filterModel();
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, 0).data(Qt::DisplayRole).toString().contains(text))
            return r;
    return -1;
}

void tst_Diagnostics::recordPlayBackBundleAndReplay()
{
    Diagnostics *diag = m_window->diagnostics();
    ConnectionController *connection = m_window->connectionController();
    diag->recordAction()->trigger();
    QVERIFY(diag->recordAction()->isChecked());
    QSignalSpy read(connection, &ConnectionController::stateReadFinished);
    ConnectionChoice sim;
    sim.kind = ConnectionChoice::Kind::SimulatorEsp;
    connection->connectTo(sim);
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Connected);
    QVERIFY(read.wait(15000));
    QTRY_VERIFY_WITH_TIMEOUT(diag->capabilities()->isKnown(), 10000); // AT+CMD? once per connection
    QVERIFY(diag->recorder()->isOpen());
    type(QStringLiteral("AT+CWMODE=1"));
    type(QStringLiteral("AT+CWJAP=\"BenchAP\",\"%1\"").arg(QString::fromLatin1(kPassword)));
    QTRY_VERIFY(m_model->wifi().gotIp);
    type(QStringLiteral("AT+CWJAP?"));
    type(QStringLiteral("AT+NOSUCH"));
    // The timeline saw the join (Wi-Fi lane) and the failure (errors lane).
    const auto &events = diag->timeline()->events();
    QVERIFY(std::any_of(events.cbegin(), events.cend(), [](const atb::TimelineEvent &e) {
        return e.lane == atb::TimelineEvent::Lane::Wifi && e.value == 2;
    }));
    QVERIFY(std::any_of(events.cbegin(), events.cend(), [](const atb::TimelineEvent &e) {
        return e.lane == atb::TimelineEvent::Lane::Errors && e.text.contains(QLatin1String("AT+NOSUCH"));
    }));
    const atb::WifiState liveWifi = m_model->wifi();
    const QStringList liveFirmware = m_model->firmware();
    m_window->disconnectFromModule();
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Disconnected);
    QVERIFY(!diag->recorder()->isOpen());
    const QStringList files = QDir(m_dir.path()).entryList({ QStringLiteral("atbench-*.jsonl") });
    QCOMPARE(files.size(), 1);
    const QString path = m_dir.filePath(files.first());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray recorded = f.readAll();
    QVERIFY(!recorded.contains(kPassword));
    QVERIFY(recorded.contains("\"origin\":\"console\""));
    QVERIFY(recorded.contains("\"origin\":\"capabilities\""));

    // Open it: the console, the model and the timeline show it again, the pages are read-only.
    QVERIFY(diag->openRecording(path));
    QVERIFY(diag->isPlayingBack());
    QTRY_VERIFY(diag->playbackBar()->isVisible());
    QVERIFY2(diag->playbackBar()->height() > 10, qPrintable(QString::number(diag->playbackBar()->height())));
    diag->player()->setSpeed(16);
    QTRY_VERIFY_WITH_TIMEOUT(diag->player()->atEnd(), 20000);
    QTRY_COMPARE(m_model->wifi(), liveWifi);
    QCOMPARE(m_model->firmware(), liveFirmware);
    QTRY_VERIFY(findRow(QStringLiteral("WIFI GOT IP")) >= 0);
    auto *wifi = m_window->findChild<FormPage *>(QStringLiteral("portPage"));
    QVERIFY(wifi && wifi->isReadOnly());
    QVERIFY(!wifi->applyButton()->isEnabled());
    QVERIFY(!wifi->lockReason(wifi->applyButton()).isEmpty());
    QVERIFY(!m_window->connectionBar()->isEnabled());
    QVERIFY(std::any_of(events.cbegin(), events.cend(), [](const atb::TimelineEvent &e) {
        return e.lane == atb::TimelineEvent::Lane::Errors;
    }));
    // A click on the errors mark shows its console line.
    TimelineView *view = diag->timelinePanel()->view();
    view->fitAll();
    const auto err = std::find_if(events.cbegin(), events.cend(), [](const atb::TimelineEvent &e) {
        return e.lane == atb::TimelineEvent::Lane::Errors;
    });
    QVERIFY(err != events.cend());
    const QRect lane = view->laneRect(atb::TimelineEvent::Lane::Errors);
    QTest::mouseClick(view, Qt::LeftButton, {}, QPoint(view->xOf(err->timeMs), lane.center().y()));
    const QModelIndex current = m_window->consolePage()->view()->currentIndex();
    QVERIFY(current.isValid());
    QVERIFY(current.data(ConsoleModel::TimeRole).toLongLong() >= err->timeMs);

    // The bar searches the recording.
    PlaybackBar *bar = diag->playbackBar();
    bar->searchEdit()->setText(QStringLiteral("WIFI GOT IP"));
    QVERIFY(bar->findNext());
    QTRY_VERIFY(m_model->wifi().gotIp);

    // Help > Save Support Bundle while the recording is open: nothing secret inside.
    const QString bundle = m_dir.filePath(QStringLiteral("support.zip"));
    m_window->messages()->setScriptedFileName(bundle);
    QSignalSpy done(diag, &Diagnostics::bundleFinished);
    diag->bundleAction()->trigger();
    QVERIFY(done.count() == 1 || done.wait(15000));
    QVERIFY2(done.first().first().toBool(), qPrintable(done.first().at(1).toString()));
    QString error;
    const QMap<QString, QByteArray> zip = atb::SupportBundle::readAll(bundle, &error);
    QVERIFY2(!zip.isEmpty(), qPrintable(error));
    for (const QString &name : { QStringLiteral("README.txt"), QStringLiteral("environment.json"), QStringLiteral("module/state.json"),
                                 QStringLiteral("module/capabilities.json"), QStringLiteral("errors.jsonl"), QStringLiteral("console.txt"),
                                 QStringLiteral("screenshots/portPage.png"), QStringLiteral("screenshots/consolePage.png"), QStringLiteral("recording/") + files.first() })
        QVERIFY2(zip.contains(name), qPrintable(name));
    for (auto it = zip.cbegin(); it != zip.cend(); ++it)
        QVERIFY2(!it.value().contains(kPassword), qPrintable(it.key()));
    QVERIFY(zip.value(QStringLiteral("errors.jsonl")).contains("AT+NOSUCH"));

    // Close: writable again; then replay the recording into the built-in module.
    QVERIFY(bar->closeButton()->isEnabled());
    QVERIFY(bar->isEnabled());
    bar->closeButton()->click();
    QVERIFY(!diag->isPlayingBack());
    QVERIFY(!wifi->isReadOnly());
    QVERIFY(m_window->connectionBar()->isEnabled());
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Disconnected);
    diag->recordAction()->setChecked(false);
    QVERIFY(diag->replayIntoSimulator(path));
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Connected);
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->firmware().isEmpty(), 10000); // AT+GMR answered from the recording
    QCOMPARE(m_model->firmware(), liveFirmware);
    m_window->disconnectFromModule();
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Disconnected);
}

void tst_Diagnostics::liveBundleHoldsTheModulesProfile()
{
    // A bundle of a connected module: module/profile.json is the provisioning reader's profile,
    // the joined network's password a reference to a secret, never its value.
    Diagnostics *diag = m_window->diagnostics();
    ConnectionChoice sim;
    sim.kind = ConnectionChoice::Kind::SimulatorEsp;
    m_window->connectionController()->connectTo(sim);
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Connected);
    type(QStringLiteral("AT+CWMODE=1"));
    type(QStringLiteral("AT+CWJAP=\"BenchAP\",\"%1\"").arg(QString::fromLatin1(kPassword)));
    QTRY_VERIFY(m_model->wifi().gotIp);

    const QString bundle = m_dir.filePath(QStringLiteral("live.zip"));
    m_window->messages()->setScriptedFileName(bundle);
    QSignalSpy done(diag, &Diagnostics::bundleFinished);
    diag->bundleAction()->trigger();
    QVERIFY(done.count() == 1 || done.wait(20000));
    QVERIFY2(done.first().first().toBool(), qPrintable(done.first().at(1).toString()));
    QString error;
    const QMap<QString, QByteArray> zip = atb::SupportBundle::readAll(bundle, &error);
    QVERIFY2(!zip.isEmpty(), qPrintable(error));
    for (auto it = zip.cbegin(); it != zip.cend(); ++it)
        QVERIFY2(!it.value().contains(kPassword), qPrintable(it.key()));
    QList<atb::JsonIssue> issues;
    const std::optional<atb::Profile> profile = atb::Profile::parse(zip.value(QStringLiteral("module/profile.json")), &issues);
    QVERIFY2(profile, issues.isEmpty() ? "module/profile.json missing" : qPrintable(issues.first().path + QLatin1String(": ") + issues.first().reason));
    QVERIFY(profile->wifi && profile->wifi->join);
    QCOMPARE(profile->wifi->ssid, QStringLiteral("BenchAP"));
    QCOMPARE(profile->wifi->password.name, QStringLiteral("wifi.password"));
    QCOMPARE(profile->source.value(QStringLiteral("mac")).toString(), m_model->wifi().mac.toLower());
    m_window->disconnectFromModule();
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Disconnected);
}

void tst_Diagnostics::capabilitiesDisableWhatTheFirmwareLacks()
{
    // A module whose firmware lacks AT+PING and MQTT (the simulator's --disable).
    atb::sim::SimulatedModule::Options o;
    o.loopbackOnly = true;
    o.bootDelayMs = 0;
    o.disabledCommands = { QStringLiteral("AT+PING"), QStringLiteral("AT+MQTTCONN") };
    auto *module = new atb::sim::SimulatedModule(o);
    auto [host, device] = atb::PipeTransport::createPair(QStringLiteral("sim"));
    device->open();
    QObject::connect(device, &atb::Transport::received, module, &atb::sim::SimulatedModule::receiveFromHost);
    QObject::connect(module, &atb::sim::SimulatedModule::sendToHost, device, &atb::Transport::write);
    DeviceSession session;
    atb::DeviceModel model;
    model.follow(&session);
    atb::Capabilities caps;
    caps.follow(&session);
    atb::NetService net(&session, &model);
    atb::MqttService mqtt(&session, &model);
    NetServicesPage netPage(&model, &net);
    MqttPage mqttPage(&model, &mqtt);
    netPage.applyCapabilities(&caps);
    mqttPage.applyCapabilities(&caps);
    QObject::connect(&caps, &atb::Capabilities::changed, &netPage, [&] {
        netPage.applyCapabilities(&caps);
        mqttPage.applyCapabilities(&caps);
    });
    session.openWith([host = host](QObject *parent) {
        host->setParent(parent);
        return host;
    });
    module->start();
    QTRY_COMPARE(session.state(), DeviceSession::State::Connected);
    auto *ping = netPage.findChild<QPushButton *>(QStringLiteral("pingButton"));
    auto *pingBox = qobject_cast<QGroupBox *>(ping->parentWidget());
    auto *dns = netPage.findChild<QWidget *>(QStringLiteral("dnsModeCombo"));
    auto *tabs = mqttPage.findChild<QTabWidget *>();
    QVERIFY(ping && pingBox && dns && tabs);
    QVERIFY(pingBox->isEnabled()); // unknown: nothing disabled
    caps.read(atb::Dialect::Esp);
    QTRY_VERIFY(caps.isKnown());
    QVERIFY(!caps.supports(QStringLiteral("AT+PING")));
    QVERIFY(caps.supports(QStringLiteral("AT+CIPDNS")));
    QVERIFY(!pingBox->isEnabled());
    QVERIFY2(pingBox->toolTip().contains(QLatin1String("AT+PING")), qPrintable(pingBox->toolTip()));
    QVERIFY(dns->isEnabled());
    QVERIFY(!tabs->isEnabled());
    QVERIFY(tabs->toolTip().contains(QLatin1String("AT+MQTTCONN")));
    // The page's own updates do not bring it back.
    pingBox->setEnabled(true);
    QVERIFY(!pingBox->isEnabled());
    // The link closes: the list is forgotten, everything is offered again.
    session.close();
    QTRY_VERIFY(!caps.isKnown());
    QVERIFY(pingBox->isEnabled());
    QVERIFY(!pingBox->toolTip().contains(QLatin1String("AT+PING")));
    module->stop();
    delete module;
    delete device;
}

void tst_Diagnostics::portListFollowsAPtyAppearingAndDisappearing()
{
    QTemporaryDir ports;
    ConnectionController *connection = m_window->connectionController();
    atb::PortWatcher *watcher = connection->portWatcher();
    watcher->setSystemPorts(false);
    watcher->watchFolder(ports.path(), { QStringLiteral("tty*") });
    int master = -1, slave = -1;
    QCOMPARE(::openpty(&master, &slave, nullptr, nullptr, nullptr), 0);
    const QString link = ports.filePath(QStringLiteral("ttyHOT"));
    LinkCombo *combo = m_window->connectionBar()->portCombo();
    auto listed = [combo, &link] {
        for (int i = 0; i < combo->count(); ++i)
            if (combo->itemData(i, LinkCombo::PathRole).toString() == link
                && !combo->itemData(i, LinkCombo::DetailsRole).toString().contains(QLatin1String("not listed")))
                return true;
        return false;
    };
    QVERIFY(!listed());
    QVERIFY(QFile::link(QString::fromLocal8Bit(::ttyname(slave)), link));
    QTRY_VERIFY_WITH_TIMEOUT(listed(), 5000); // no refresh click
    QVERIFY(combo->selectSerialPort(link));
    QFile::remove(link);
    QTRY_VERIFY_WITH_TIMEOUT(!listed(), 5000);
    QCOMPARE(combo->currentPath(), link); // the choice stays, "not listed right now"
    QVERIFY(QFile::link(QString::fromLocal8Bit(::ttyname(slave)), link));
    QTRY_VERIFY_WITH_TIMEOUT(listed(), 5000);
    QCOMPARE(combo->currentPath(), link);
    ::close(slave);
    ::close(master);
}

void tst_Diagnostics::adapterComingBackUnderAnotherNameKeepsTheChoice()
{
    ConnectionController *connection = m_window->connectionController();
    connection->portWatcher()->stop();
    atb::PortDescription a;
    a.name = QStringLiteral("ttyUSB0");
    a.systemLocation = QStringLiteral("/dev/ttyUSB0");
    a.serialNumber = QStringLiteral("A5069RR4");
    a.vendorId = 0x0403;
    a.productId = 0x6001;
    a.description = QStringLiteral("FT232R USB UART");
    connection->onPortsChanged({ a });
    ConnectionChoice c;
    c.kind = ConnectionChoice::Kind::Serial;
    c.serial.portName = a.systemLocation;
    c.serial.baudRate = 921600;
    connection->setChoice(c);
    LinkCombo *combo = m_window->connectionBar()->portCombo();
    QCOMPARE(combo->currentPath(), a.systemLocation);
    connection->onPortsChanged({}); // unplugged
    QCOMPARE(combo->currentPath(), a.systemLocation);
    atb::PortDescription b = a;
    b.name = QStringLiteral("ttyUSB1");
    b.systemLocation = QStringLiteral("/dev/ttyUSB1");
    connection->onPortsChanged({ b }); // back, under another name
    QCOMPARE(connection->choice().serial.portName, b.systemLocation);
    QCOMPARE(connection->choice().serial.baudRate, 921600);
    QCOMPARE(combo->currentPath(), b.systemLocation);
}

QTEST_MAIN(tst_Diagnostics)
#include "tst_diagnostics.moc"
