// G12: memory soak of the app's core stack under mixed traffic. The simulated module (own thread,
// pty, paced at 921600) talks to a DeviceSession in its own I/O thread; the main thread holds
// what the GUI thread holds in the app: the DeviceModel, the ConnectionService, the MqttService
// and the ThroughputLab. Traffic, all at once for the whole run:
//   - +IPD receive from the lab's PC-side source (1460-byte writes, fills the line);
//   - 200 +MQTTSUBRECV/s from a local mosquitto (sequence-numbered: losses are counted);
//   - an AT+MQTTPUB every 250 ms and a link status read (CIPMUX?, CIPMODE?, ...) every 2 s.
// RSS is sampled every second. The warm-up lasts until every bounded buffer is full (the session
// log's record or byte bound, the received-data buffer of the lab's link); the RSS slope is
// fitted over the rest (SoakMeter, benchutil.h). Default: warm-up, then 300 s of measurement;
// --seconds S sets the whole run, warm-up included (3600 for G12's hour).
#ifdef ATBENCH_HAVE_SIMULATOR
#include "benchutil.h"
#include "scenarios.h"

#include "mosquittobroker.h" // tests/common
#include "mqttload.h"        // tests/common

#include "log/sessionlog.h"
#include "model/devicemodel.h"
#include "services/connectionservice.h"
#include "services/mqttservice.h"
#include "services/throughputlab.h"

#include <QTimer>

namespace atb::bench {

namespace {

constexpr qint64 kSoakBaud = 921600;
constexpr double kMeasureAfterWarmupS = 300;
constexpr double kMaxWarmupS = 1800;
constexpr double kTargetMbPerHour = 2.0;
constexpr qint64 kTargetPeakKb = 250 * 1024;
constexpr int kMqttLoadPerS = 200;
const QString kLoadTopic = QStringLiteral("bench/soak/load");
const QString kOutTopic = QStringLiteral("bench/soak/out");

// Runs one service operation to its finished() signal; empty on success, else why not.
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

QList<QJsonObject> runSoakScenario(const ThroughputOptions &opt)
{
    const double totalS = opt.seconds > 0 ? opt.seconds : (opt.quick ? 20.0 : -1.0);
    QJsonObject j = result(QStringLiteral("soak"), 0, QStringLiteral("MB/h RSS slope after warm-up"), kTargetMbPerHour, 0,
                           QStringLiteral("<= 2 MB/h after every bounded buffer is full, peak RSS <= 250 MB, "
                                          "0 bytes and 0 MQTT messages lost"),
                           false);
    j.insert(QStringLiteral("baud"), kSoakBaud);
    auto failed = [&j](const QString &why) {
        j.insert(QStringLiteral("error"), why);
        return QList<QJsonObject> { j };
    };

    mqtttest::MosquittoBroker broker;
    QString err;
    if (!broker.start(&err))
        return failed(err);
    Rig rig(kSoakBaud);
    if (!rig.ready())
        return failed(rig.error());
    DeviceSession *session = rig.session;
    DeviceModel model;
    model.follow(session);
    ConnectionService connections(session, &model);
    MqttService mqtt(session, &model);
    ThroughputLab lab(session);
    lab.setDrainTimeout(3000);

    MqttConfig config;
    config.clientId = QStringLiteral("atbench-soak");
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
    QObject ctx;
    QObject::connect(&mqtt, &MqttService::messageReceived, &ctx, [&tally](const MqttMessage &m) {
        if (m.topic == kLoadTopic)
            tally.add(m.payload);
    });
    mqtttest::MqttLoad load;
    if (!load.connectTo(broker.port(), &err))
        return failed(QStringLiteral("load publisher: %1").arg(err));

    LabSettings s;
    s.mode = LabSettings::Mode::Receive;
    s.chunkSize = 1460;
    // The lab's own limit is 1 h; the run normally ends earlier, with stop() below.
    const double plannedS = totalS > 0 ? totalS : kMaxWarmupS + kMeasureAfterWarmupS;
    s.durationMs = int(qMin(3600.0, plannedS + 30) * 1000);
    s.baud = kSoakBaud;
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

    // Every bounded buffer of the stack, as a fill level.
    SoakMeter meter;
    SessionLog *log = session->log();
    meter.addGauge(QStringLiteral("session_log"), [log] {
        return qMax(double(log->size()) / double(log->capacity()), double(log->bytesHeld()) / double(log->byteBudget()));
    });
    meter.addGauge(QStringLiteral("link_receive_buffer"), [&connections] {
        qsizetype most = 0;
        for (int id = 0; id <= connections.maxLinkId(); ++id)
            most = qMax(most, connections.received(id).size());
        return double(most) / double(ConnectionService::kMaxBufferBytes);
    });

    // Host-side traffic besides the lab: publishes and status reads.
    qint64 published = 0, publishRefused = 0, reads = 0;
    QTimer publisher;
    QObject::connect(&publisher, &QTimer::timeout, &ctx, [&] {
        if (mqtt.isBusy() || !mqtt.publish({ kOutTopic, QByteArray::number(published), 0, false, false }).error.isEmpty())
            ++publishRefused;
        else
            ++published;
    });
    publisher.start(250);
    QTimer reader;
    QObject::connect(&reader, &QTimer::timeout, &ctx, [&] {
        if (!connections.isBusy() && connections.read().error.isEmpty())
            ++reads;
    });
    reader.start(2000);

    QElapsedTimer clock;
    clock.start();
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &ctx, [&] { meter.sample(double(clock.elapsed()) / 1000.0); });
    sampler.start(1000);
    const ProcessUsage u0 = processUsage();
    const auto finishedRunning = [&] {
        const double t = double(clock.elapsed()) / 1000.0;
        if (labDone)
            return true; // the lab stopped on its own: at its 1 h limit, or an error (reported below)
        if (totalS > 0)
            return t >= totalS;
        return meter.warmedUp() ? t - meter.warmupSeconds() >= kMeasureAfterWarmupS : t >= kMaxWarmupS;
    };
    waitFor(finishedRunning, int((totalS > 0 ? totalS : kMaxWarmupS + kMeasureAfterWarmupS) * 1000) + 60000);
    sampler.stop();
    publisher.stop();
    reader.stop();
    const double runS = double(clock.elapsed()) / 1000.0;
    const double cpuS = processUsage().cpuSeconds - u0.cpuSeconds;
    load.stop();
    lab.stop();
    waitFor([&labDone] { return labDone; }, 60000);
    // The load's last messages: wait until they all arrived or nothing moved for 3 s.
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
    QStringList why;
    if (!meter.warmedUp())
        why << QStringLiteral("the bounded buffers were not all full after %1 s").arg(runS, 0, 'f', 0);
    else if (meter.samplesAfterWarmup() < 60)
        why << QStringLiteral("only %1 s measured after the warm-up (at least 60 s)").arg(meter.measuredSeconds(), 0, 'f', 0);
    if (slope > kTargetMbPerHour)
        why << QStringLiteral("RSS slope %1 MB/h").arg(slope, 0, 'f', 2);
    if (meter.peakRssKb() > kTargetPeakKb)
        why << QStringLiteral("peak RSS %1 MB").arg(double(meter.peakRssKb()) / 1024.0, 0, 'f', 0);
    if (!labResult.lossFree() || labResult.deliveredBytes <= 0)
        why << QStringLiteral("lab: %1").arg(labResult.message);
    if (mqttLost != 0 || tally.duplicates || tally.malformed)
        why << QStringLiteral("MQTT: %1 lost, %2 duplicated, %3 malformed").arg(mqttLost).arg(tally.duplicates).arg(tally.malformed);
    const bool pass = why.isEmpty();

    j = result(QStringLiteral("soak"), slope, QStringLiteral("MB/h RSS slope after warm-up"), kTargetMbPerHour,
               slope / kTargetMbPerHour, j.value(QStringLiteral("target")).toString(), pass);
    j.insert(QStringLiteral("baud"), kSoakBaud);
    const QJsonObject d = meter.details();
    for (auto it = d.begin(); it != d.end(); ++it)
        j.insert(it.key(), it.value());
    j.insert(QStringLiteral("run_s"), runS);
    j.insert(QStringLiteral("cpu_of_core"), runS > 0 ? cpuS / runS : 0);
    j.insert(QStringLiteral("ipd_delivered_bytes"), labResult.deliveredBytes);
    j.insert(QStringLiteral("ipd_lost_bytes"), labResult.lostBytes);
    j.insert(QStringLiteral("ipd_integrity_errors"), labResult.integrityErrors);
    j.insert(QStringLiteral("uart_rx_bytes"), session->rxBytes());
    j.insert(QStringLiteral("mqtt_sub_sent"), load.sent());
    j.insert(QStringLiteral("mqtt_sub_received"), tally.received);
    j.insert(QStringLiteral("mqtt_sub_lost"), mqttLost);
    j.insert(QStringLiteral("mqtt_published"), published);
    j.insert(QStringLiteral("mqtt_publish_skipped_busy"), publishRefused);
    j.insert(QStringLiteral("status_reads"), reads);
    j.insert(QStringLiteral("log_records"), double(log->size()));
    j.insert(QStringLiteral("log_bytes"), double(log->bytesHeld()));
    j.insert(QStringLiteral("sim_overruns"), rig.overruns());
    if (!pass)
        j.insert(QStringLiteral("reason"), why.join(QStringLiteral("; ")));
    runOperation(mqtt, [&] { return mqtt.disconnectFromBroker(); }, 5000);
    return { j };
}

} // namespace atb::bench
#endif // ATBENCH_HAVE_SIMULATOR
