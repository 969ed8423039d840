// G7: AT+MQTTPUB QoS 0 stop-and-wait publish rate through the whole host stack while the
// module receives +MQTTSUBRECV messages (1 000/s, or half the module->host line where 1 000/s
// would not fit: 130/s at 115200). A local mosquitto (127.0.0.1, temporary config) is the
// broker; the simulated module (own thread, pty, paced at the baud rate) connects to it and
// subscribes to a load topic; a Paho load publisher (atb::sim::MqttClient in its own thread)
// publishes sequence-numbered QoS 0 messages to that topic; the host (DeviceSession in its own
// I/O thread, QSerialPort) publishes AT+MQTTPUB back to back, keeping the queue fed.
// Value = publishes/s over the stop-and-wait model of performance.md 1.5/6, which counts the
// subscription bytes that share the module->host line with the replies:
//   t = (command bytes + reply bytes) * 10 / baud + 2 h + W,  h = 0.06 ms,  model = 1 / t,
//   W = the wait of a reply behind the subscription messages already queued on the module's
//   UART, measured in the same run: the simulator adds up how long each OK waited there for
//   the line (SimulatedModule::finalsWaitNs()). The line is one FIFO on a real module too, so this
//   wait is the line's, not the host's; what the value judges is the rest (the host's and the
//   pty's turnarounds). The closed form rho * S / 2 (S = one message's line time, rho = the
//   load's share of the line: the residual of one message in flight) is kept beside it as
//   model_residual_*: it assumes evenly spaced arrivals and misses the queue that forms when
//   they come in bunches (performance.md 6).
#ifdef ATBENCH_HAVE_SIMULATOR
#include "benchutil.h"
#include "scenarios.h"

#include "mosquittobroker.h" // tests/common: the same local broker the tests use
#include "mqttload.h"        // tests/common: the load publisher and its tally

#include <QTimer>
#include <atomic>
#include <cmath>
#include <vector>

namespace atb::bench {

namespace {

constexpr double kTurnaroundS = 0.06e-3;
constexpr int kMaxLoadRate = 1000; // messages/s (G7)
constexpr double kMaxLoadShare = 0.5; // of the module->host line
const QByteArray kLoadTopic = "bench/load";
const QByteArray kPubTopic = "bench/pub";
const QByteArray kPubPayload = "21.50";

// The publish the host repeats (without CR LF), and its bytes on the wire (with them).
QByteArray publishLine()
{
    return "AT+MQTTPUB=0,\"" + kPubTopic + "\",\"" + kPubPayload + "\",0,0";
}
int publishWireBytes()
{
    return int(publishLine().size()) + 2;
}

// Runs one command on the session and waits for its result (setup only).
AtResult runCommand(DeviceSession *session, const QByteArray &line, int timeoutMs)
{
    AtResult out;
    out.status = AtResult::Status::Timeout;
    bool done = false;
    QObject ctx;
    quint64 id = 0;
    QObject::connect(session, &DeviceSession::commandFinished, &ctx, [&](const AtResult &r) {
        if (r.id == id) {
            out = r;
            done = true;
        }
    });
    id = session->submit(AtCommand::fromLine(line));
    waitFor([&done] { return done; }, timeoutMs);
    return out;
}

// One load message on the wire: +MQTTSUBRECV:0,"bench/load",8,<8 digits>\r\n
int subMessageBytes()
{
    return int(QByteArray("+MQTTSUBRECV:0,\"" + kLoadTopic + "\",8,00000000\r\n").size());
}

// 1 000 messages/s, or fewer where that would take more than half of the module->host line.
int loadRateFor(qint64 baud)
{
    const double fits = kMaxLoadShare * double(baud) / 10.0 / double(subMessageBytes());
    return int(qMin<double>(kMaxLoadRate, std::floor(fits)));
}

struct MqttRun
{
    qint64 publishes = 0, pubErrors = 0, subSent = 0, subReceived = 0, subDuplicates = 0, subBad = 0,
           loadPublishFailures = 0, overruns = 0;
    double pubSeconds = 0, drainSeconds = 0, hostCpuS = 0, simCpuS = 0;
    // Per publish, from the session's own times (AtResult::sentNs, elapsedUs): the command's last
    // byte on the wire -> its OK parsed (the module's turnaround, the reply's wait and line time,
    // the host's read), and the OK parsed -> the next command written (the host's turnaround).
    std::vector<double> replyUs, hostGapUs;
    // Mean wait of the module's OKs for its UART while publishing, behind the load queued
    // ahead of them (the simulator's own count, SimulatedModule::finalsWaitNs()).
    double replyWaitS = 0;
    QString error;
};

MqttRun runOnce(qint64 baud, int durationMs, int loadRate)
{
    MqttRun out;
    mqtttest::MosquittoBroker broker;
    QString err;
    if (!broker.start(&err)) {
        out.error = err;
        return out;
    }
    Rig rig(baud);
    if (!rig.ready()) {
        out.error = rig.error();
        return out;
    }
    DeviceSession *session = rig.session;
    const struct { QByteArray line; int timeoutMs; } setup[] = {
        { "AT+MQTTUSERCFG=0,1,\"atbench-bench-module\",\"\",\"\",0,0,\"\"", 5000 },
        { "AT+MQTTCONN=0,\"127.0.0.1\"," + QByteArray::number(broker.port()) + ",0", 10000 },
        { "AT+MQTTSUB=0,\"" + kLoadTopic + "\",0", 10000 },
    };
    for (const auto &s : setup) {
        const AtResult r = runCommand(session, s.line, s.timeoutMs);
        if (!r.ok()) {
            out.error = QStringLiteral("%1 -> %2 %3").arg(QString::fromLatin1(s.line), AtResult::statusName(r.status),
                                                        QString::fromLatin1(r.finalText));
            return out;
        }
    }

    // Subscription counting (main thread, via queued urcReceived); seq numbers in the payload.
    mqtttest::SequenceTally tally;
    QObject ctx;
    auto onSub = [&](const AtEvent &e) {
        if (e.topic == kLoadTopic)
            tally.add(e.payload);
    };
    QObject::connect(session, &DeviceSession::urcReceived, &ctx, onSub);

    mqtttest::MqttLoad load;
    if (!load.connectTo(broker.port(), &err)) {
        out.error = QStringLiteral("load publisher did not connect: %1").arg(err);
        return out;
    }

    // Host publishes, stop-and-wait on the wire; the session's queue is kept a few deep so it
    // sends the next command as soon as the previous one's OK arrives, whenever this thread
    // (which plays the GUI thread) gets to run.
    const AtCommand pub = AtCommand::fromLine(publishLine());
    constexpr int kDepth = 8;
    int inFlight = 0;
    bool publishing = false;
    QElapsedTimer pubClock;
    qint64 lastOkNs = 0;
    const qint64 cmdLineNs = publishWireBytes() * 10 * 1000000000LL / baud;
    qint64 prevEndNs = 0;
    QObject::connect(session, &DeviceSession::commandFinished, &ctx, [&](const AtResult &r) {
        if (!r.command.line.startsWith("AT+MQTTPUB="))
            return;
        --inFlight;
        if (r.sentNs > 0) {
            const qint64 startNs = r.sentNs - cmdLineNs, endNs = startNs + r.elapsedUs * 1000;
            out.replyUs.push_back(double(endNs - r.sentNs) / 1000.0);
            if (prevEndNs > 0 && startNs >= prevEndNs)
                out.hostGapUs.push_back(double(startNs - prevEndNs) / 1000.0);
            prevEndNs = endNs;
        }
        for (const AtEvent &e : r.records) // in case a URC was folded into the command's result
            if (e.kind == AtEvent::Kind::Urc)
                onSub(e);
        if (r.ok()) {
            ++out.publishes;
            lastOkNs = pubClock.nsecsElapsed();
        } else {
            ++out.pubErrors;
        }
        if (publishing && pubClock.elapsed() < durationMs) {
            session->submit(pub);
            ++inFlight;
        }
    });

    const ProcessUsage u0 = processUsage();
    const double sim0 = rig.simCpuSeconds();
    const auto finals0 = rig.finalsAndWaitNs();
    if (loadRate > 0)
        load.start(QString::fromLatin1(kLoadTopic), loadRate);
    waitFor([] { return false; }, 200); // let the load reach the module before timing publishes
    publishing = true;
    pubClock.start();
    for (int i = 0; i < kDepth; ++i) {
        session->submit(pub);
        ++inFlight;
    }
    waitFor([&] { return pubClock.elapsed() >= durationMs; }, durationMs + 1000);
    publishing = false;
    waitFor([&] { return inFlight == 0; }, 60000);
    out.pubSeconds = double(lastOkNs) / 1e9;
    const auto finals1 = rig.finalsAndWaitNs();
    if (finals1.first > finals0.first)
        out.replyWaitS = double(finals1.second - finals0.second) / 1e9 / double(finals1.first - finals0.first);
    load.stop();
    out.subSent = load.sent();
    out.loadPublishFailures = load.failed();

    // Drain: wait until every load message arrived or nothing moved for 3 s.
    QElapsedTimer drain;
    drain.start();
    waitUntilStill([&tally] { return tally.received; }, out.subSent, 3000, 120000);
    out.drainSeconds = double(drain.nsecsElapsed()) / 1e9;
    out.subReceived = tally.received;
    out.subDuplicates = tally.duplicates;
    out.subBad = tally.malformed;
    out.simCpuS = rig.simCpuSeconds() - sim0;
    out.hostCpuS = processUsage().cpuSeconds - u0.cpuSeconds - out.simCpuS;
    out.overruns = rig.overruns();
    runCommand(session, "AT+MQTTCLEAN=0", 3000);
    return out;
}

} // namespace

QList<QJsonObject> runMqttPubScenario(const ThroughputOptions &opt)
{
    QList<QJsonObject> out;
    const int durationMs = int((opt.seconds > 0 ? opt.seconds : (opt.quick ? 2.0 : 10.0)) * 1000);
    const QByteArray reply = "\r\nOK\r\n"; // ATE0: no echo
    const int cmdBytes = publishWireBytes(), replyBytes = int(reply.size());
    const int subMsgBytes = subMessageBytes();
    for (qint64 baud : opt.bauds) {
        const int loadRate = loadRateFor(baud);
        const double subMsgS = double(subMsgBytes) * 10.0 / double(baud);
        const double loadShare = double(loadRate) * subMsgS;
        const double residualWaitS = loadShare * subMsgS / 2.0;
        const double linePlusTurnS = double(cmdBytes + replyBytes) * 10.0 / double(baud) + 2 * kTurnaroundS;
        const MqttRun r = runOnce(baud, durationMs, loadRate);
        const MqttRun quiet = runOnce(baud, qMin(durationMs, 3000), 0);
        const double replyWaitS = r.replyWaitS;
        const double modelPerS = 1.0 / (linePlusTurnS + replyWaitS);
        const double rate = r.pubSeconds > 0 ? double(r.publishes) / r.pubSeconds : 0;
        const double v = rate / modelPerS;
        const qint64 lost = r.subSent - r.subReceived;
        const bool pass = r.error.isEmpty() && v >= 0.90 && lost == 0 && r.subSent > 0 && r.pubErrors == 0;
        QJsonObject j = result(QStringLiteral("mqtt-pub"), v, QStringLiteral("of model"), 1.0, v,
                               QStringLiteral(">= 0.90 of the stop-and-wait model (h = 0.06 ms, the replies' "
                                              "measured wait behind the subscription load), 0 lost +MQTTSUBRECV"),
                               pass);
        j.insert(QStringLiteral("baud"), baud);
        j.insert(QStringLiteral("publishes_per_s"), rate);
        j.insert(QStringLiteral("model_per_s"), modelPerS);
        j.insert(QStringLiteral("cmd_bytes"), cmdBytes);
        j.insert(QStringLiteral("reply_bytes"), replyBytes);
        j.insert(QStringLiteral("publishes"), r.publishes);
        j.insert(QStringLiteral("publish_errors"), r.pubErrors);
        j.insert(QStringLiteral("publish_s"), r.pubSeconds);
        j.insert(QStringLiteral("sub_msgs_sent"), r.subSent);
        j.insert(QStringLiteral("sub_msgs_received"), r.subReceived);
        j.insert(QStringLiteral("sub_msgs_lost"), lost);
        j.insert(QStringLiteral("sub_duplicates"), r.subDuplicates);
        j.insert(QStringLiteral("sub_malformed"), r.subBad);
        j.insert(QStringLiteral("load_publish_failures"), r.loadPublishFailures);
        j.insert(QStringLiteral("sub_msg_bytes"), subMsgBytes);
        j.insert(QStringLiteral("sub_load_per_s"), loadRate);
        // Share of the module->host line the load alone needs.
        j.insert(QStringLiteral("sub_load_of_line_rate"), loadShare);
        j.insert(QStringLiteral("reply_wait_us"), replyWaitS * 1e6);
        j.insert(QStringLiteral("model_residual_reply_wait_us"), residualWaitS * 1e6);
        j.insert(QStringLiteral("model_residual_per_s"), 1.0 / (linePlusTurnS + residualWaitS));
        j.insert(QStringLiteral("ratio_to_model_residual"), rate * (linePlusTurnS + residualWaitS));
        // Where a publish's time goes (µs): the model's share of the reply leg is h + W + the
        // reply's line time (+ the host's read, inside the other h).
        j.insert(QStringLiteral("reply_after_cmd_median_us"), percentile(r.replyUs, 0.5));
        j.insert(QStringLiteral("reply_after_cmd_p99_us"), percentile(r.replyUs, 0.99));
        j.insert(QStringLiteral("host_turnaround_median_us"), percentile(r.hostGapUs, 0.5));
        j.insert(QStringLiteral("host_turnaround_p99_us"), percentile(r.hostGapUs, 0.99));
        j.insert(QStringLiteral("model_reply_after_cmd_us"),
                 (kTurnaroundS + replyWaitS + double(replyBytes) * 10.0 / double(baud)) * 1e6);
        // The same publishes without the load (a shorter run): the turnarounds alone.
        j.insert(QStringLiteral("no_load_publishes_per_s"), quiet.pubSeconds > 0 ? double(quiet.publishes) / quiet.pubSeconds : 0);
        j.insert(QStringLiteral("no_load_reply_after_cmd_median_us"), percentile(quiet.replyUs, 0.5));
        j.insert(QStringLiteral("no_load_reply_after_cmd_mean_us"), mean(quiet.replyUs));
        j.insert(QStringLiteral("reply_after_cmd_mean_us"), mean(r.replyUs));
        j.insert(QStringLiteral("drain_s"), r.drainSeconds);
        j.insert(QStringLiteral("sim_overruns"), r.overruns);
        j.insert(QStringLiteral("host_cpu_s"), r.hostCpuS);
        j.insert(QStringLiteral("sim_cpu_s"), r.simCpuS);
        if (!r.error.isEmpty())
            j.insert(QStringLiteral("error"), r.error);
        else if (!pass) {
            QStringList why;
            if (v < 0.90)
                why << QStringLiteral("publish rate %1 of model < 0.90").arg(v, 0, 'f', 3);
            if (lost != 0)
                why << QStringLiteral("%1 subscription messages lost").arg(lost);
            if (r.pubErrors)
                why << QStringLiteral("%1 publish errors").arg(r.pubErrors);
            j.insert(QStringLiteral("reason"), why.join(QStringLiteral("; ")));
        }
        out << j;
    }
    return out;
}

} // namespace atb::bench
#endif // ATBENCH_HAVE_SIMULATOR
