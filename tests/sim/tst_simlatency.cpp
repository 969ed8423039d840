// The simulated network's latency: DelayLine alone, and what host code meets through the module
// (SEND OK well before the echo, CONNECT one latency late, data before the close that followed,
// MQTT QoS 0 publishes answered without waiting for the network, QoS 1 after the broker's ack).
#include "simtestutil.h"

#include "simulator/delayline.h"

using namespace atb::sim;
using namespace simtest;

class TstSimLatency : public QObject
{
    Q_OBJECT
private slots:
    void delayLineKeepsOrderAndDelay();
    void delayLineZeroRunsAtOnce();
    void delayLineClearForgetsEverything();
    void echoArrivesTwoLatenciesAfterSendOk_data();
    void echoArrivesTwoLatenciesAfterSendOk();
    void connectIsReportedAfterTheLatency();
    void dataArrivesBeforeTheCloseThatFollowedIt_data();
    void dataArrivesBeforeTheCloseThatFollowedIt();
    void mqttPublishWaitsForTheNetworkOnlyAboveQos0_data();
    void mqttPublishWaitsForTheNetworkOnlyAboveQos0();
};

void TstSimLatency::delayLineKeepsOrderAndDelay()
{
    DelayLine line;
    line.setDelayMs(30);
    QList<int> order;
    QElapsedTimer t;
    t.start();
    qint64 firstAt = -1;
    for (int i = 0; i < 5; ++i)
        line.post([&, i] {
            if (firstAt < 0)
                firstAt = t.elapsed();
            order.append(i);
            if (i == 2) // posted from inside an action: behind everything already queued
                line.post([&] { order.append(99); }, 0);
        }, 10);
    QCOMPARE(line.pendingBytes(), 50);
    QVERIFY(order.isEmpty());
    QTRY_COMPARE(order, (QList<int> { 0, 1, 2, 3, 4, 99 }));
    QVERIFY2(firstAt >= 29, qPrintable(QString::number(firstAt)));
    QCOMPARE(line.pendingBytes(), 0);
    QVERIFY(line.isEmpty());
}

void TstSimLatency::delayLineZeroRunsAtOnce()
{
    DelayLine line;
    int ran = 0;
    line.post([&] { ++ran; });
    QCOMPARE(ran, 1); // synchronous, as the simulator was before it had a latency
}

void TstSimLatency::delayLineClearForgetsEverything()
{
    DelayLine line;
    line.setDelayMs(10);
    int ran = 0;
    line.post([&] { ++ran; }, 100);
    line.clear();
    QCOMPARE(line.pendingBytes(), 0);
    QTest::qWait(40);
    QCOMPARE(ran, 0);
}

void TstSimLatency::echoArrivesTwoLatenciesAfterSendOk_data()
{
    QTest::addColumn<int>("latencyMs");
    QTest::newRow("field default") << SimulatedModuleOptions::kFieldLatencyMs;
    QTest::newRow("40 ms") << 40;
}

void TstSimLatency::echoArrivesTwoLatenciesAfterSendOk()
{
    QFETCH(int, latencyMs);
    TcpPeer peer; // echoes
    SimulatedModule::Options o;
    o.networkLatencyMs = latencyMs;
    InProc sim(o);
    sim.run("ATE0");
    sim.run("AT+CWJAP=\"BenchAP\",\"12345678\"");
    QCOMPARE(sim.run("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port())), QByteArray("CONNECT\r\n\r\nOK\r\n"));
    QCOMPARE(sim.prompt("AT+CIPSEND=4"), QByteArray("\r\nOK\r\n\r\n>"));
    sim.module->receiveFromHost("ping");
    QCOMPARE(sim.waitFor("SEND OK\r\n"), QByteArray("\r\nRecv 4 bytes\r\n\r\nSEND OK\r\n"));
    QElapsedTimer t;
    t.start();
    QVERIFY2(!sim.out.contains("+IPD"), sim.out.constData()); // not in the same read as SEND OK
    QCOMPARE(sim.waitFor("ping", 3000), QByteArray("\r\n+IPD,4:ping"));
    QVERIFY2(t.elapsed() >= 2 * latencyMs - 2, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(peer.received, QByteArray("ping"));
}

void TstSimLatency::connectIsReportedAfterTheLatency()
{
    TcpPeer peer;
    SimulatedModule::Options o;
    o.networkLatencyMs = 50;
    InProc sim(o);
    sim.run("ATE0");
    sim.run("AT+CWJAP=\"BenchAP\",\"12345678\"");
    QElapsedTimer t;
    t.start();
    QCOMPARE(sim.run("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port())), QByteArray("CONNECT\r\n\r\nOK\r\n"));
    QVERIFY2(t.elapsed() >= 49, qPrintable(QString::number(t.elapsed())));
}

void TstSimLatency::dataArrivesBeforeTheCloseThatFollowedIt_data()
{
    QTest::addColumn<int>("latencyMs");
    QTest::addColumn<bool>("passive");
    QTest::newRow("no latency") << 0 << false;
    QTest::newRow("30 ms") << 30 << false;
    QTest::newRow("30 ms, passive receive") << 30 << true;
}

void TstSimLatency::dataArrivesBeforeTheCloseThatFollowedIt()
{
    QFETCH(int, latencyMs);
    QFETCH(bool, passive);
    TcpPeer peer(false);
    SimulatedModule::Options o;
    o.networkLatencyMs = latencyMs;
    InProc sim(o);
    sim.run("ATE0");
    sim.run("AT+CWJAP=\"BenchAP\",\"12345678\"");
    if (passive)
        sim.run("AT+CIPRECVMODE=1");
    sim.run("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()));
    QTRY_COMPARE(peer.clients.size(), 1);
    peer.client()->write("bye");
    peer.client()->flush();
    peer.client()->disconnectFromHost();
    if (passive) {
        // CLOSED never comes before the data; once the close has arrived it waits until the
        // data has been read (P 2.6).
        QCOMPARE(sim.waitFor("+IPD,3\r\n", 3000), QByteArray("+IPD,3\r\n"));
        QVERIFY(!sim.out.contains("CLOSED"));
        sim.module->receiveFromHost("AT+CIPRECVDATA=3\r\n");
        QCOMPARE(sim.waitFor("CLOSED\r\n", 3000), QByteArray("+CIPRECVDATA:3,bye\r\nOK\r\nCLOSED\r\n"));
    } else {
        QCOMPARE(sim.waitFor("CLOSED\r\n", 3000), QByteArray("\r\n+IPD,3:byeCLOSED\r\n"));
    }
}

void TstSimLatency::mqttPublishWaitsForTheNetworkOnlyAboveQos0_data()
{
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<bool>("waits");
    QTest::newRow("MQTTPUB QoS 0") << QByteArray("AT+MQTTPUB=0,\"bench/lat\",\"hello\",0,0") << QByteArray("OK\r\n") << false;
    QTest::newRow("MQTTPUB QoS 1") << QByteArray("AT+MQTTPUB=0,\"bench/lat\",\"hello\",1,0") << QByteArray("OK\r\n") << true;
    QTest::newRow("MQTTPUB QoS 2") << QByteArray("AT+MQTTPUB=0,\"bench/lat\",\"hello\",2,0") << QByteArray("OK\r\n") << true;
    QTest::newRow("MQTTPUBRAW QoS 0") << QByteArray("AT+MQTTPUBRAW=0,\"bench/lat\",5,0,0") << QByteArray("+MQTTPUB:OK\r\n") << false;
    QTest::newRow("MQTTPUBRAW QoS 1") << QByteArray("AT+MQTTPUBRAW=0,\"bench/lat\",5,1,0") << QByteArray("+MQTTPUB:OK\r\n") << true;
}

// ESP-AT answers a QoS 0 publish once the message is handed to its MQTT client: there is no
// acknowledgement to wait for. QoS 1 and 2 end with the broker's PUBACK / PUBCOMP, which comes
// back over the (slow) network. Either way the message reaches the broker.
void TstSimLatency::mqttPublishWaitsForTheNetworkOnlyAboveQos0()
{
    QFETCH(QByteArray, command);
    QFETCH(QByteArray, reply);
    QFETCH(bool, waits);
    constexpr int kLatencyMs = 400;
    Mosquitto broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    mqtttest::MosquittoSubscriber sub;
    QVERIFY(sub.start(broker.port(), QStringLiteral("bench/lat")));
    SimulatedModule::Options o;
    o.networkLatencyMs = kLatencyMs;
    o.wifiConnected = true;
    InProc sim(o);
    sim.run("ATE0");
    QVERIFY(sim.run("AT+MQTTUSERCFG=0,1,\"lat\",\"\",\"\",0,0,\"\"").endsWith("OK\r\n"));
    QVERIFY(sim.run("AT+MQTTCONN=0,\"127.0.0.1\"," + QByteArray::number(broker.port()) + ",0", 10000).endsWith("OK\r\n"));
    QElapsedTimer t;
    t.start();
    QByteArray got;
    if (command.startsWith("AT+MQTTPUBRAW")) {
        QVERIFY(sim.prompt(command).endsWith(">"));
        sim.module->receiveFromHost("hello");
    } else {
        sim.module->receiveFromHost(command + "\r\n");
    }
    got = sim.waitFor(reply, 10000);
    const qint64 ms = t.elapsed();
    QVERIFY2(got.endsWith(reply), sim.out.constData());
    if (waits)
        QVERIFY2(ms >= kLatencyMs - 1, qPrintable(QString::number(ms)));
    else
        QVERIFY2(ms < kLatencyMs / 2, qPrintable(QString::number(ms))); // no network wait (loaded machines included)
    QCOMPARE(sub.nextPayload(), QByteArray("hello"));
}

QTEST_GUILESS_MAIN(TstSimLatency)
#include "tst_simlatency.moc"
