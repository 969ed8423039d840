// mqtt-loop: latency through the module and a broker, both ways, against a direct Paho-to-Paho
// trip on the same broker in the same run (the baseline), at 115200 and 921600 baud (or the
// --baud list). A local mosquitto (127.0.0.1, temporary config) is the broker; the simulated
// module runs in its own thread on a pty paced at the baud rate, network latency 0; the session
// has its own I/O thread (SessionHost), LoopCheck and AT Bench's BrokerClient live in the main
// thread as in the GUI. Per direction: latency median/p99 (from the command's last byte on the
// wire, or the app's publish, to the arrival at the other end), AT Bench's own share (from the
// arrival in a Paho thread or the I/O thread to LoopCheck handling it in the main thread), and
// for app -> module the +MQTTSUBRECV's time on the wire. Target: AT Bench's share median <= 1 ms
// each way and nothing lost or corrupted.
#ifdef ATBENCH_HAVE_SIMULATOR
#include "benchutil.h"
#include "scenarios.h"

#include "mosquittobroker.h" // tests/common: the same local broker the tests use
#include "model/devicemodel.h"
#include "mqttclient/brokerclient.h"
#include "mqttclient/loopcheck.h"
#include "mqttclient/modulebrokersetup.h"
#include "services/mqttservice.h"
#include "stats/steadyclock.h"

#include <QTimer>
#include <vector>

namespace atb::bench {

namespace {

constexpr int kSize = 32;
constexpr double kRate = 50;
const QString kBaselineTopic = QStringLiteral("bench/baseline");

QJsonObject millis(double median, double p99)
{
    return QJsonObject { { QStringLiteral("median_ms"), median }, { QStringLiteral("p99_ms"), p99 } };
}

// The baseline: one Paho client publishes, another on the same broker receives; latency from
// the publish call to the arrival stamp in the receiver's Paho thread.
bool pahoToPaho(quint16 port, int count, std::vector<double> *latencies, QString *error)
{
    BrokerSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = port;
    BrokerClient sender, receiver;
    for (BrokerClient *c : { &sender, &receiver })
        if (!c->connectToBroker(s, error) || !waitFor([c] { return c->isConnected(); }, 5000)) {
            if (error->isEmpty())
                *error = QStringLiteral("baseline client did not connect");
            return false;
        }
    bool subscribed = false;
    QObject ctx;
    QObject::connect(&receiver, &BrokerClient::subscribed, &ctx, [&](const QString &, int, bool ok) { subscribed = ok; });
    receiver.subscribe(kBaselineTopic, 0);
    if (!waitFor([&] { return subscribed; }, 5000)) {
        *error = QStringLiteral("baseline subscription not confirmed");
        return false;
    }
    std::vector<qint64> sentAt(size_t(count), 0);
    QObject::connect(&receiver, &BrokerClient::messagesReceived, &ctx, [&](const QList<BrokerMessage> &messages) {
        for (const BrokerMessage &m : messages) {
            const int seq = m.payload.left(8).toInt();
            if (seq >= 0 && seq < count && sentAt[size_t(seq)])
                latencies->push_back(double(m.arrivedNs - sentAt[size_t(seq)]) / 1e6);
        }
    });
    const QByteArray filler(kSize - 8, 'x');
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i) {
        waitFor([&] { return clock.elapsed() >= qint64(1000.0 * i / kRate); }, 2000); // the loop's pace
        sentAt[size_t(i)] = steadyClockNs();
        sender.publish(kBaselineTopic, QByteArray::number(i).rightJustified(8, '0') + filler, 0, false);
    }
    waitFor([&] { return latencies->size() >= size_t(count); }, 5000);
    return true;
}

QJsonObject runOnce(qint64 baud, int count)
{
    QJsonObject out;
    auto fail = [&out](const QString &why) {
        out.insert(QStringLiteral("error"), why);
        return out;
    };
    mqtttest::MosquittoBroker broker;
    QString error;
    if (!broker.start(&error))
        return fail(error);
    Rig rig(baud);
    if (!rig.ready())
        return fail(rig.error());
    DeviceModel model;
    model.follow(rig.session);
    MqttService mqtt(rig.session, &model);
    BrokerClient client;
    ModuleBrokerSetup setup(&mqtt, &model);
    LoopCheck loop(rig.session, &mqtt, &client, &model);

    BrokerSettings b;
    b.host = QStringLiteral("127.0.0.1");
    b.port = broker.port();
    bool setupDone = false, setupOk = false;
    QObject::connect(&setup, &ModuleBrokerSetup::finished, &setup, [&](bool ok, const QString &message) {
        setupDone = true;
        setupOk = ok;
        error = message;
    });
    setup.start(ModuleBrokerSetup::configFor(b, QStringLiteral("atbench-bench-module")), ModuleBrokerSetup::connectFor(b));
    if (!waitFor([&] { return setupDone; }, 20000) || !setupOk)
        return fail(QStringLiteral("module: %1").arg(error));
    if (!client.connectToBroker(b, &error) || !waitFor([&] { return client.isConnected(); }, 5000))
        return fail(QStringLiteral("app client: %1").arg(error));

    // The loop, then the baseline, in the same run on the same broker.
    LoopSettings s;
    s.topicPrefix = QStringLiteral("bench/loop");
    s.count = count;
    s.rate = kRate;
    s.size = kSize;
    s.content = LoopSettings::Content::Special;
    bool done = false, passed = false;
    QString verdict;
    QObject::connect(&loop, &LoopCheck::finished, &loop, [&](bool ok, const QString &text) {
        done = true;
        passed = ok;
        verdict = text;
    });
    if (!loop.start(s, &error))
        return fail(error);
    if (!waitFor([&] { return done; }, int(1000.0 * count / kRate) + 30000))
        return fail(QStringLiteral("the loop did not finish"));
    const LoopStats st = loop.stats();
    std::vector<double> baseline;
    if (!pahoToPaho(broker.port(), count, &baseline, &error))
        return fail(error);

    // One +MQTTSUBRECV of the app -> module direction on the wire.
    const QByteArray urc = "+MQTTSUBRECV:0,\"" + loop.downTopic().toUtf8() + "\"," + QByteArray::number(kSize) + ","
        + QByteArray(kSize, 'x') + "\r\n";
    const double urcWireMs = double(urc.size()) * 10.0 * 1000.0 / double(baud);
    auto direction = [](const LoopDirectionStats &d) {
        return QJsonObject {
            { QStringLiteral("sent"), d.sent },
            { QStringLiteral("received"), d.received },
            { QStringLiteral("lost"), d.lost },
            { QStringLiteral("corrupted"), d.corrupted },
            { QStringLiteral("latency_median_ms"), d.latencyMedianMs },
            { QStringLiteral("latency_p99_ms"), d.latencyP99Ms },
            { QStringLiteral("latency_max_ms"), d.latencyMaxMs },
            { QStringLiteral("app_share_median_ms"), d.appMedianMs },
            { QStringLiteral("app_share_max_ms"), d.appMaxMs },
            { QStringLiteral("arrived_before_estimate"), d.early },
        };
    };
    QJsonObject up = direction(st.moduleToApp);
    QJsonObject down = direction(st.appToModule);
    down.insert(QStringLiteral("urc_wire_ms"), urcWireMs);
    out.insert(QStringLiteral("module_to_app"), up);
    out.insert(QStringLiteral("app_to_module"), down);
    out.insert(QStringLiteral("paho_to_paho"), millis(percentile(baseline, 0.5), percentile(baseline, 0.99)));
    out.insert(QStringLiteral("baseline_received"), qint64(baseline.size()));
    out.insert(QStringLiteral("verdict"), verdict);
    out.insert(QStringLiteral("loop_passed"), passed);
    return out;
}

} // namespace

QList<QJsonObject> runMqttLoopScenario(const ThroughputOptions &opt)
{
    // The two rates unless --baud names others (3 Mbaud adds nothing to a latency figure).
    const QList<qint64> defaults = ThroughputOptions().bauds;
    const QList<qint64> bauds = opt.bauds == defaults ? QList<qint64> { 115200, 921600 } : opt.bauds;
    const int count = opt.quick ? 50 : 300;
    QList<QJsonObject> results;
    for (qint64 baud : bauds) {
        QJsonObject r = runOnce(baud, count);
        const QJsonObject up = r.value(QStringLiteral("module_to_app")).toObject();
        const QJsonObject down = r.value(QStringLiteral("app_to_module")).toObject();
        const double base = r.value(QStringLiteral("paho_to_paho")).toObject().value(QStringLiteral("median_ms")).toDouble();
        const double loopMedian = qMax(up.value(QStringLiteral("latency_median_ms")).toDouble(),
                                       down.value(QStringLiteral("latency_median_ms")).toDouble());
        const double appShare = qMax(up.value(QStringLiteral("app_share_median_ms")).toDouble(),
                                     down.value(QStringLiteral("app_share_median_ms")).toDouble());
        const bool ok = !r.contains(QStringLiteral("error")) && r.value(QStringLiteral("loop_passed")).toBool()
            && appShare <= 1.0;
        QJsonObject j = result(QStringLiteral("mqtt-loop"), loopMedian, QStringLiteral("ms"), base,
                               base > 0 ? loopMedian / base : 0,
                               QStringLiteral("AT Bench's share median <= 1 ms each way; nothing lost or corrupted"), ok);
        j.insert(QStringLiteral("baud"), baud);
        j.insert(QStringLiteral("count"), count);
        j.insert(QStringLiteral("rate"), kRate);
        j.insert(QStringLiteral("size"), kSize);
        j.insert(QStringLiteral("app_share_median_ms"), appShare);
        for (auto it = r.constBegin(); it != r.constEnd(); ++it)
            j.insert(it.key(), it.value());
        results << j;
    }
    return results;
}

} // namespace atb::bench
#endif // ATBENCH_HAVE_SIMULATOR
