// atbench-bench-ui soak (G12 with the GUI, G10's heartbeat): the app's own window, built by
// its composition root (app/gui/application.cpp), connected to the built-in simulated ESP-AT
// module paced at 921600 baud, under the traffic a user leaves running for days:
//   - a throughput run (+IPD receive from the lab's PC-side source) feeding the Throughput
//     page's plot, the console and the Connections page's received data;
//   - 200 MQTT messages/s from a local mosquitto (127.0.0.1) into the MQTT page's feed, through
//     the MqttService the page drives; sequence-numbered, so a lost message is counted;
//   - an AT+MQTTPUB every 250 ms.
// The pages showing the console, the plot and the MQTT feed take turns on screen (offscreen
// platform) every 2 s. RSS is sampled every second; the warm-up lasts until every bounded
// buffer is full (session log, console rows, MQTT feed rows, a link's received data), and the
// slope is fitted over the rest (SoakMeter). A 10 ms heartbeat timer measures how late the GUI
// thread answers. The shared part (traffic, gauges of the stack, slope) is SoakTraffic's
// (soaktraffic.h). --seconds S sets the whole run (default: warm-up, then 900 s).
#ifdef ATBENCH_HAVE_SIMULATOR
#include "scenario_ui_soak.h"

#include "benchutil.h"
#include "soaktraffic.h"
#include "mosquittobroker.h" // tests/common

#include "application.h"
#include "connectioncontroller.h"
#include "console/consolemodel.h"
#include "engine/atcommand.h"
#include "engine/devicesession.h"
#include "mainwindow.h"
#include "pages/consolepage.h"
#include "pages/mqttpage.h"
#include "pages/throughputpage.h"
#include "stats/memorytrimmer.h"
#include "widgets/mqttmessagemodel.h"

#include <QTimer>

using namespace atb;

namespace atb::bench {

QJsonObject guiSoakScenario(bool quick, double seconds)
{
    constexpr qint64 kBaud = 921600;
    const QString target = QStringLiteral("<= 2 MB/h after every bounded buffer is full, peak RSS <= 250 MB, 0 lost; "
                                          "GUI heartbeat lateness p99 <= 16 ms, max <= 50 ms");
    auto failed = [&](const QString &why) { return SoakTraffic::failure(QStringLiteral("soak-ui"), target, why); };
    mqtttest::MosquittoBroker broker;
    QString err;
    if (!broker.start(&err))
        return failed(err);

    Application app;
    MainWindow *w = app.window();
    w->setPersistSettings(false);
    w->resize(1280, 800);
    w->show();
    DeviceSession *session = app.session();
    ConnectionChoice choice;
    choice.kind = ConnectionChoice::Kind::SimulatorEsp;
    choice.serial.baudRate = qint32(kBaud);
    w->connectionController()->connectTo(choice);
    if (!waitFor([session] { return session->state() == DeviceSession::State::Connected; }, 10000))
        return failed(QStringLiteral("the built-in simulator did not connect"));
    // Join the simulator's access point, as the Wi-Fi page would.
    bool joined = false;
    QObject ctx;
    QObject::connect(session, &DeviceSession::commandFinished, &ctx, [&joined](const AtResult &r) {
        if (r.command.line.startsWith("AT+CWJAP=") && r.ok())
            joined = true;
    });
    session->submit(AtCommand::fromLine("AT+CWJAP=\"BenchAP\",\"12345678\""));
    if (!waitFor([&joined] { return joined; }, 15000))
        return failed(QStringLiteral("AT+CWJAP did not succeed"));

    SoakTraffic soak({ session, app.connections(), app.mqtt(), app.lab() }, kBaud,
                     seconds > 0 ? seconds : (quick ? 20.0 : -1.0), QStringLiteral("bench/uisoak"));
    if (const QString why = soak.start(broker.port(), false); !why.isEmpty())
        return failed(why);
    // The window's own bounded buffers.
    ConsoleModel *console = w->consolePage()->consoleModel();
    soak.meter().addGauge(QStringLiteral("console_rows"), [console] {
        return qMax(double(console->rowCount()) / double(console->capacity()), double(console->bytesHeld()) / double(console->byteBudget()));
    });
    auto *mqttPage = w->findChild<MqttPage *>();
    MqttMessageModel *feed = mqttPage ? mqttPage->feedModel() : nullptr;
    if (!feed)
        return failed(QStringLiteral("no MQTT page"));
    soak.meter().addGauge(QStringLiteral("mqtt_feed_rows"), [feed] { return double(feed->rowCount()) / double(feed->capacity()); });

    // The pages with the console, the plot and the MQTT feed take turns on screen.
    const QList<QWidget *> shown { w->consolePage(), w->findChild<ThroughputPage *>(), mqttPage };
    int next = 0;
    QTimer pager;
    QObject::connect(&pager, &QTimer::timeout, &ctx, [&] { w->showPage(shown.at(next++ % shown.size())); });
    pager.start(2000);
    // Heartbeat: how late a 10 ms timer of the GUI thread fires.
    MsHistogram lateMs;
    QElapsedTimer beat;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout, &ctx, [&] {
        lateMs.add(double(beat.nsecsElapsed()) / 1e6 - 10.0);
        beat.start();
    });
    beat.start();
    heartbeat.start(10);

    soak.run();
    pager.stop();
    heartbeat.stop();
    QJsonObject figures;
    QStringList why = soak.finish(figures);
    const double p99 = lateMs.percentile(0.99), maxLate = lateMs.max();
    if (p99 > 16 || maxLate > 50)
        why << QStringLiteral("heartbeat late by %1 ms (p99), %2 ms (max)").arg(p99, 0, 'f', 1).arg(maxLate, 0, 'f', 1);
    figures.insert(QStringLiteral("heartbeat_late_p99_ms"), p99);
    figures.insert(QStringLiteral("heartbeat_late_max_ms"), maxLate);
    figures.insert(QStringLiteral("heartbeat_beats"), lateMs.count());
    figures.insert(QStringLiteral("heartbeat_beats_over_50ms"), lateMs.countAbove(50));
    // malloc_trim runs in the GUI thread: its longest run is a floor for the heartbeat's max.
    if (const MemoryTrimmer *trimmer = app.findChild<MemoryTrimmer *>())
        addTrimFigures(figures, *trimmer);
    figures.insert(QStringLiteral("console_rows"), console->rowCount());
    figures.insert(QStringLiteral("mqtt_feed_rows"), feed->rowCount());
    return soak.report(QStringLiteral("soak-ui"), target, figures, why);
}

} // namespace atb::bench
#endif // ATBENCH_HAVE_SIMULATOR
