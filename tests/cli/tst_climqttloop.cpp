#include "clirunner.h"
#include "mosquittobroker.h"
#include "ptysim.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using clitest::runCli;

// atbench-cli mqtt-loop as a user drives it, against atbench-sim on a pty (Wi-Fi up) and a
// mosquitto on 127.0.0.1: the options and the JSON contract, a passing run at QoS 0 and 1, a
// broker that goes away mid-run (loss counted, exit 1 within seconds), a broker nobody answers
// on, bad arguments (exit 2) and an unreachable port (exit 3).
class tst_CliMqttLoop : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void helpStatesTheContract();
    void loopThroughTheSimulator_data();
    void loopThroughTheSimulator();
    void brokerGoesAwayMidRun();
    void brokerNobodyAnswersOn();
    void badArguments_data();
    void badArguments();
    void unreachablePort();

private:
    static QStringList loopArgs(const QString &port, quint16 brokerPort, const QStringList &more = {})
    {
        return QStringList { QStringLiteral("mqtt-loop"), QStringLiteral("--port"), port, QStringLiteral("--broker"),
                             QStringLiteral("127.0.0.1:%1").arg(brokerPort) }
            + more;
    }
    static void checkDirection(const QJsonObject &d, int count, bool passed)
    {
        for (const char *key : { "sent", "received", "lost", "duplicated", "corrupted", "latency_median_ms",
                                 "latency_p99_ms", "latency_max_ms" })
            QVERIFY2(d.contains(QLatin1String(key)), key);
        QCOMPARE(d.value(QStringLiteral("sent")).toInt(), count);
        if (passed) {
            QCOMPARE(d.value(QStringLiteral("received")).toInt(), count);
            QCOMPARE(d.value(QStringLiteral("lost")).toInt(), 0);
            QCOMPARE(d.value(QStringLiteral("corrupted")).toInt(), 0);
            const double median = d.value(QStringLiteral("latency_median_ms")).toDouble(-1);
            const double p99 = d.value(QStringLiteral("latency_p99_ms")).toDouble(-1);
            const double max = d.value(QStringLiteral("latency_max_ms")).toDouble(-1);
            QVERIFY(median >= 0 && median <= p99 && p99 <= max);
        }
    }
};

void tst_CliMqttLoop::initTestCase()
{
    const QString missing = mqtttest::missingTools();
    if (!missing.isEmpty())
        QFAIL(qPrintable(QStringLiteral("required tools missing: ") + missing)); // setup-deps installs them
}

void tst_CliMqttLoop::helpStatesTheContract()
{
    const clitest::CliRun list = runCli({ QStringLiteral("--help") });
    QVERIFY(list.out.contains("  mqtt-loop --port PORT"));
    const clitest::CliRun r = runCli({ QStringLiteral("mqtt-loop"), QStringLiteral("--help") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("atbench-cli mqtt-loop --port PORT [--baud N] [--dialect esp] --broker HOST:PORT"));
    for (const char *opt : { "--port", "--baud", "--dialect", "--broker", "--scheme", "--count", "--rate", "--size", "--qos",
                             "--topic" })
        QVERIFY2(r.out.contains(opt), opt);
    for (const char *key : { "module_to_app", "app_to_module", "verdict" })
        QVERIFY2(r.out.contains(key), key);
}

void tst_CliMqttLoop::loopThroughTheSimulator_data()
{
    QTest::addColumn<QStringList>("more");
    QTest::addColumn<int>("count");
    QTest::newRow("defaults but the count") << QStringList { "--count", "20", "--rate", "40" } << 20;
    QTest::newRow("qos 1, 100 bytes, own topic") << QStringList { "--count", "10", "--rate", "20", "--qos", "1", "--size", "100",
                                                                  "--topic", "bench/cli/loop", "--scheme", "1" }
                                                 << 10;
}

void tst_CliMqttLoop::loopThroughTheSimulator()
{
    QFETCH(QStringList, more);
    QFETCH(int, count);
    mqtttest::MosquittoBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    simtest::SimProcess sim;
    QVERIFY2(sim.start({ QStringLiteral("--wifi-connected") }, &error), qPrintable(error));
    const clitest::CliRun r = runCli(loopArgs(sim.link(), broker.port(), more), 60000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.count('\n'), 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("pass"));
    checkDirection(o.value(QStringLiteral("module_to_app")).toObject(), count, true);
    checkDirection(o.value(QStringLiteral("app_to_module")).toObject(), count, true);
    if (more.contains(QStringLiteral("--topic")))
        QCOMPARE(o.value(QStringLiteral("topic")).toString(), QStringLiteral("bench/cli/loop"));

    // A second run finds the module connected to that broker already and uses it as it is.
    const clitest::CliRun again = runCli(loopArgs(sim.link(), broker.port(), { "--count", "3", "--rate", "30" }), 60000);
    QVERIFY2(again.exitCode == 0, again.err.constData() + again.out);
}

void tst_CliMqttLoop::brokerGoesAwayMidRun()
{
    mqtttest::MosquittoBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    simtest::SimProcess sim;
    QVERIFY2(sim.start({ QStringLiteral("--wifi-connected") }, &error), qPrintable(error));
    mqtttest::MosquittoSubscriber watch;
    QVERIFY(watch.start(broker.port(), QStringLiteral("bench/gone/#")));
    QProcess cli;
    cli.start(clitest::cliBinary(), loopArgs(sim.link(), broker.port(),
                                             { "--count", "2000", "--rate", "20", "--topic", "bench/gone" }));
    QVERIFY(cli.waitForStarted(10000));
    // Running: the loop's messages pass through the broker.
    for (int i = 0; i < 5; ++i)
        QVERIFY(watch.nextPayload(20000) != "<timeout>");
    QElapsedTimer t;
    t.start();
    broker.kill();
    QVERIFY(cli.waitForFinished(20000));
    QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(cli.exitCode(), 1);
    const QJsonObject o = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
    QVERIFY2(o.value(QStringLiteral("reason")).toString().contains(QLatin1String("broker")),
             qPrintable(o.value(QStringLiteral("reason")).toString()));
    const QJsonObject up = o.value(QStringLiteral("module_to_app")).toObject();
    const QJsonObject down = o.value(QStringLiteral("app_to_module")).toObject();
    QVERIFY(up.value(QStringLiteral("sent")).toInt() < 2000);
    QVERIFY(up.value(QStringLiteral("lost")).toInt() + down.value(QStringLiteral("lost")).toInt() > 0);
    for (const QJsonObject &d : { up, down })
        QCOMPARE(d.value(QStringLiteral("received")).toInt() + d.value(QStringLiteral("lost")).toInt(),
                 d.value(QStringLiteral("sent")).toInt());
}

void tst_CliMqttLoop::brokerNobodyAnswersOn()
{
    simtest::SimProcess sim;
    QString error;
    QVERIFY2(sim.start({ QStringLiteral("--wifi-connected") }, &error), qPrintable(error));
    const clitest::CliRun r = runCli(loopArgs(sim.link(), freeLoopbackPort(), { "--count", "3" }), 60000);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
    QVERIFY2(o.value(QStringLiteral("reason")).toString().contains(QLatin1String("module's MQTT client")),
             qPrintable(o.value(QStringLiteral("reason")).toString()));
    QCOMPARE(o.value(QStringLiteral("module_to_app")).toObject().value(QStringLiteral("sent")).toInt(), 0);
}

void tst_CliMqttLoop::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    const QString sub = QStringLiteral("mqtt-loop");
    const QStringList base { sub, "--port", "/dev/a", "--broker", "127.0.0.1:1883" };
    QTest::newRow("no broker") << QStringList { sub, "--port", "/dev/a" } << "--broker HOST:PORT is required";
    QTest::newRow("broker without port") << QStringList { sub, "--port", "/dev/a", "--broker", "localhost" } << "--broker";
    QTest::newRow("broker port 0") << QStringList { sub, "--port", "/dev/a", "--broker", "h:0" } << "--broker";
    QTest::newRow("scheme 11") << base + QStringList { "--scheme", "11" } << "--scheme";
    QTest::newRow("count 0") << base + QStringList { "--count", "0" } << "--count";
    QTest::newRow("rate 0") << base + QStringList { "--rate", "0" } << "--rate";
    QTest::newRow("size 5") << base + QStringList { "--size", "5" } << "--size";
    QTest::newRow("qos 3") << base + QStringList { "--qos", "3" } << "--qos";
    QTest::newRow("wildcard topic") << base + QStringList { "--topic", "a/#" } << "--topic";
    QTest::newRow("no port") << QStringList { sub, "--broker", "127.0.0.1:1883" } << "--port PORT is required";
}

void tst_CliMqttLoop::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const clitest::CliRun r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.startsWith("atbench-cli mqtt-loop: "), r.err.constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
}

void tst_CliMqttLoop::unreachablePort()
{
    QTemporaryDir dir;
    const QString port = dir.filePath(QStringLiteral("ttyGone"));
    const clitest::CliRun r = runCli({ QStringLiteral("mqtt-loop"), QStringLiteral("--port"), port, QStringLiteral("--broker"),
                                       QStringLiteral("127.0.0.1:1883"), QStringLiteral("--open-timeout"), QStringLiteral("3") },
                                     20000);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(port), r.err.constData());
}

QTEST_GUILESS_MAIN(tst_CliMqttLoop)
#include "tst_climqttloop.moc"
