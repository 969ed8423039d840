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
// thread answers. --seconds S sets the whole run (default: warm-up, then 300 s).
#ifdef ATBENCH_HAVE_SIMULATOR
#include "scenario_ui_soak.h"

#include "benchutil.h"
#include "mosquittobroker.h" // tests/common
#include "mqttload.h"        // tests/common

#include "application.h"
#include "connectioncontroller.h"
#include "console/consolemodel.h"
#include "engine/atcommand.h"
#include "engine/devicesession.h"
#include "log/sessionlog.h"
#include "mainwindow.h"
#include "pages/consolepage.h"
#include "pages/mqttpage.h"
#include "pages/throughputpage.h"
#include "services/connectionservice.h"
#include "services/mqttservice.h"
#include "services/throughputlab.h"
#include "widgets/mqttmessagemodel.h"

#include <QTimer>

using namespace atb;

namespace atb::bench {

namespace {

constexpr qint64 kBaud = 921600;
constexpr double kMeasureAfterWarmupS = 300;
constexpr double kMaxWarmupS = 1800;
constexpr int kMqttLoadPerS = 200;
const QString kLoadTopic = QStringLiteral("bench/uisoak/load");

template<typename Service, typename Call>
QString runOperation(Service &service, Call call, int timeoutMs)
{
    bool done = false;
    OperationResult result;
    QObject ctx;
    QObject::connect(&service, &Service::finished, &ctx, [&](const OperationResult &r) {
        result = r;
        done = true;
    });
    const OperationPlan plan = call();
    if (!plan.error.isEmpty())
        return plan.error;
    if (!waitFor([&done] { return done; }, timeoutMs))
        return QStringLiteral("no answer within %1 ms").arg(timeoutMs);
    return result.ok ? QString() : result.message;
}

} // namespace

QJsonObject guiSoakScenario(bool quick, double seconds)
{
    const double totalS = seconds > 0 ? seconds : (quick ? 20.0 : -1.0);
    QJsonObject j = result(QStringLiteral("soak-ui"), 0, QStringLiteral("MB/h RSS slope after warm-up"), 2.0, 0,
                           QStringLiteral("<= 2 MB/h after every bounded buffer is full, peak RSS <= 250 MB, 0 lost; "
                                          "GUI heartbeat lateness p99 <= 16 ms, max <= 50 ms"),
                           false);
    auto failed = [&j](const QString &why) {
        j.insert(QStringLiteral("error"), why);
        return j;
    };
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

    MqttService &mqtt = *app.mqtt();
    MqttConfig config;
    config.clientId = QStringLiteral("atbench-uisoak");
    config.keepAlive = 60;
    for (const auto &[what, op] : std::initializer_list<std::pair<const char *, std::function<OperationPlan()>>> {
             { "MQTT configure", [&] { return mqtt.configure(config); } },
             { "MQTT connect", [&] { return mqtt.connectToBroker({ broker.host(), broker.port(), false }); } },
             { "MQTT subscribe", [&] { return mqtt.subscribe(kLoadTopic, 0); } } }) {
        const QString why = runOperation(mqtt, op, 15000);
        if (!why.isEmpty())
            return failed(QStringLiteral("%1: %2").arg(QString::fromLatin1(what), why));
    }
    mqtttest::SequenceTally tally;
    QObject::connect(&mqtt, &MqttService::messageReceived, &ctx, [&tally](const MqttMessage &m) {
        if (m.topic == kLoadTopic)
            tally.add(m.payload);
    });
    mqtttest::MqttLoad load;
    if (!load.connectTo(broker.port(), &err))
        return failed(QStringLiteral("load publisher: %1").arg(err));

    ThroughputLab &lab = *app.lab();
    lab.setDrainTimeout(3000);
    LabSettings s;
    s.mode = LabSettings::Mode::Receive;
    s.chunkSize = 1460;
    const double plannedS = totalS > 0 ? totalS : kMaxWarmupS + kMeasureAfterWarmupS;
    s.durationMs = int(qMin(3600.0, plannedS + 30) * 1000); // the lab's limit; stop() ends it sooner
    s.baud = kBaud;
    s.peerAddress = QStringLiteral("127.0.0.1");
    bool labDone = false;
    LabResult labResult;
    QObject::connect(&lab, &ThroughputLab::finished, &ctx, [&](const LabResult &r) {
        labResult = r;
        labDone = true;
    });
    if (!lab.start(s).ok())
        return failed(QStringLiteral("lab: %1").arg(lab.lastResult().message));
    load.start(kLoadTopic, kMqttLoadPerS);

    SoakMeter meter;
    SessionLog *log = session->log();
    meter.addGauge(QStringLiteral("session_log"), [log] {
        return qMax(double(log->size()) / double(log->capacity()), double(log->bytesHeld()) / double(log->byteBudget()));
    });
    ConsoleModel *console = w->consolePage()->consoleModel();
    meter.addGauge(QStringLiteral("console_rows"), [console] { return double(console->rowCount()) / double(console->capacity()); });
    auto *mqttPage = w->findChild<MqttPage *>();
    MqttMessageModel *feed = mqttPage ? mqttPage->feedModel() : nullptr;
    if (!feed)
        return failed(QStringLiteral("no MQTT page"));
    meter.addGauge(QStringLiteral("mqtt_feed_rows"), [feed] { return double(feed->rowCount()) / double(feed->capacity()); });
    ConnectionService *connections = app.connections();
    meter.addGauge(QStringLiteral("link_receive_buffer"), [connections] {
        qsizetype most = 0;
        for (int id = 0; id <= connections->maxLinkId(); ++id)
            most = qMax(most, connections->received(id).size());
        return double(most) / double(ConnectionService::kMaxBufferBytes);
    });

    // The pages with the console, the plot and the MQTT feed take turns on screen.
    const QList<QWidget *> shown { w->consolePage(), w->findChild<ThroughputPage *>(), mqttPage };
    int next = 0;
    QTimer pager;
    QObject::connect(&pager, &QTimer::timeout, &ctx, [&] { w->showPage(shown.at(next++ % shown.size())); });
    pager.start(2000);
    qint64 published = 0, skipped = 0;
    QTimer publisher;
    QObject::connect(&publisher, &QTimer::timeout, &ctx, [&] {
        if (mqtt.isBusy() || !mqtt.publish({ QStringLiteral("bench/uisoak/out"), QByteArray::number(published), 0, false, false }).error.isEmpty())
            ++skipped;
        else
            ++published;
    });
    publisher.start(250);
    // Heartbeat: how late a 10 ms timer of the GUI thread fires.
    std::vector<double> lateMs;
    QElapsedTimer beat;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout, &ctx, [&] {
        lateMs.push_back(qMax(0.0, double(beat.nsecsElapsed()) / 1e6 - 10.0));
        beat.start();
    });
    beat.start();
    heartbeat.start(10);

    QElapsedTimer clock;
    clock.start();
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &ctx, [&] { meter.sample(double(clock.elapsed()) / 1000.0); });
    sampler.start(1000);
    const ProcessUsage u0 = processUsage();
    waitFor([&] {
        const double t = double(clock.elapsed()) / 1000.0;
        if (labDone)
            return true;
        if (totalS > 0)
            return t >= totalS;
        return meter.warmedUp() ? t - meter.warmupSeconds() >= kMeasureAfterWarmupS : t >= kMaxWarmupS;
    }, int(plannedS * 1000) + 60000);
    for (QTimer *t : { &sampler, &publisher, &pager, &heartbeat })
        t->stop();
    const double runS = double(clock.elapsed()) / 1000.0;
    const double cpuS = processUsage().cpuSeconds - u0.cpuSeconds;
    load.stop();
    lab.stop();
    waitFor([&labDone] { return labDone; }, 60000);
    qint64 last = -1;
    QElapsedTimer still;
    still.start();
    waitFor([&] {
        if (tally.received != last) {
            last = tally.received;
            still.restart();
        }
        return tally.received >= load.sent() || still.elapsed() > 3000;
    }, 60000);

    const double slope = meter.slopeMbPerHour();
    const qint64 mqttLost = load.sent() - tally.received;
    const double p99 = percentile(lateMs, 0.99), maxLate = percentile(lateMs, 1.0);
    QStringList why;
    if (!meter.warmedUp())
        why << QStringLiteral("the bounded buffers were not all full after %1 s").arg(runS, 0, 'f', 0);
    else if (meter.samplesAfterWarmup() < 60)
        why << QStringLiteral("only %1 s measured after the warm-up (at least 60 s)").arg(meter.measuredSeconds(), 0, 'f', 0);
    if (slope > 2.0)
        why << QStringLiteral("RSS slope %1 MB/h").arg(slope, 0, 'f', 2);
    if (meter.peakRssKb() > 250 * 1024)
        why << QStringLiteral("peak RSS %1 MB").arg(double(meter.peakRssKb()) / 1024.0, 0, 'f', 0);
    if (!labResult.lossFree() || labResult.deliveredBytes <= 0)
        why << QStringLiteral("lab: %1").arg(labResult.message);
    if (mqttLost != 0 || tally.duplicates || tally.malformed)
        why << QStringLiteral("MQTT: %1 lost, %2 duplicated, %3 malformed").arg(mqttLost).arg(tally.duplicates).arg(tally.malformed);
    if (p99 > 16 || maxLate > 50)
        why << QStringLiteral("heartbeat late by %1 ms (p99), %2 ms (max)").arg(p99, 0, 'f', 1).arg(maxLate, 0, 'f', 1);
    const bool pass = why.isEmpty();
    const QString target = j.value(QStringLiteral("target")).toString();
    j = result(QStringLiteral("soak-ui"), slope, QStringLiteral("MB/h RSS slope after warm-up"), 2.0, slope / 2.0, target, pass);
    j.insert(QStringLiteral("baud"), kBaud);
    const QJsonObject d = meter.details();
    for (auto it = d.begin(); it != d.end(); ++it)
        j.insert(it.key(), it.value());
    j.insert(QStringLiteral("run_s"), runS);
    j.insert(QStringLiteral("cpu_of_core"), runS > 0 ? cpuS / runS : 0);
    j.insert(QStringLiteral("heartbeat_late_p99_ms"), p99);
    j.insert(QStringLiteral("heartbeat_late_max_ms"), maxLate);
    j.insert(QStringLiteral("ipd_delivered_bytes"), labResult.deliveredBytes);
    j.insert(QStringLiteral("ipd_lost_bytes"), labResult.lostBytes);
    j.insert(QStringLiteral("mqtt_sub_sent"), load.sent());
    j.insert(QStringLiteral("mqtt_sub_received"), tally.received);
    j.insert(QStringLiteral("mqtt_sub_lost"), mqttLost);
    j.insert(QStringLiteral("mqtt_published"), published);
    j.insert(QStringLiteral("mqtt_publish_skipped_busy"), skipped);
    j.insert(QStringLiteral("console_rows"), console->rowCount());
    j.insert(QStringLiteral("mqtt_feed_rows"), feed->rowCount());
    if (!pass)
        j.insert(QStringLiteral("reason"), why.join(QStringLiteral("; ")));
    runOperation(mqtt, [&] { return mqtt.disconnectFromBroker(); }, 5000);
    return j;
}

} // namespace atb::bench
#endif // ATBENCH_HAVE_SIMULATOR
