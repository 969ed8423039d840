// MqttService against the in-process simulator and a real mosquitto on 127.0.0.1: the exact AT
// lines of every operation (the preview equals what the module received), long values moved to
// AT+MQTTCLIENTID/USERNAME/PASSWORD, invalid input that sends nothing, decoded module errors,
// byte-exact messages in both directions, broker loss.
#include "mosquittobroker.h"
#include "services/mqttservice.h"
#include "simharness.h"

#include <QSignalSpy>
#include <QTest>

using atb::MqttConfig;
using atb::MqttConnectSettings;
using atb::MqttMessage;
using atb::OperationPlan;
using atb::MqttPublishSettings;
using atb::MqttService;
using atb::OperationResult;

Q_DECLARE_METATYPE(MqttConfig)
Q_DECLARE_METATYPE(MqttConnectSettings)
Q_DECLARE_METATYPE(MqttPublishSettings)

namespace {

MqttConfig basicConfig(const QString &clientId = QStringLiteral("bench-1"))
{
    MqttConfig c;
    c.scheme = 1;
    c.clientId = clientId;
    c.keepAlive = 60;
    return c;
}

// Runs one service call and waits for its finished() signal.
template<typename F>
OperationResult runOp(MqttService &svc, F &&call, OperationPlan *plan = nullptr, int timeoutMs = 20000)
{
    QSignalSpy spy(&svc, &MqttService::finished);
    const OperationPlan p = call();
    if (plan)
        *plan = p;
    if (!p.error.isEmpty()) {
        OperationResult r;
        r.message = QStringLiteral("not sent: ") + p.error;
        return r;
    }
    if (!spy.wait(timeoutMs) && spy.isEmpty()) {
        OperationResult r;
        r.message = QStringLiteral("no finished() signal");
        return r;
    }
    return spy.first().first().value<OperationResult>();
}

} // namespace

class tst_MqttService : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void configureSendsWhatThePreviewShows_data();
    void configureSendsWhatThePreviewShows();
    void invalidInputSendsNothingAndNamesTheParameter_data();
    void invalidInputSendsNothingAndNamesTheParameter();
    void stringWithNulOrTooLongSuggestsRaw();
    void connectBeforeConfigurationIsDecodedInWords();
    void endToEndWithMosquitto();
    void brokerDropShowsState3();
    void topicFilterMatching_data();
    void topicFilterMatching();
};

void tst_MqttService::initTestCase()
{
    qRegisterMetaType<atb::OperationResult>();
    const QString missing = mqtttest::missingTools();
    if (!missing.isEmpty())
        QFAIL(qPrintable(QStringLiteral("required tools missing: ") + missing));
}

void tst_MqttService::configureSendsWhatThePreviewShows_data()
{
    QTest::addColumn<MqttConfig>("config");
    QTest::addColumn<QList<QByteArray>>("expected");

    {
        MqttConfig c = basicConfig(QStringLiteral("ESP32"));
        c.username = QStringLiteral("espressif");
        c.password = QStringLiteral("1234567890");
        c.keepAlive = 0;
        c.lwtTopic = QStringLiteral("lwt");
        c.lwtMessage = QStringLiteral("bye");
        QTest::newRow("seed 004 example") << c
                                          << QList<QByteArray> { "AT+MQTTUSERCFG=0,1,\"ESP32\",\"espressif\",\"1234567890\",0,0,\"\"",
                                                                 "AT+MQTTCONNCFG=0,0,0,\"lwt\",\"bye\",0,0" };
    }
    {
        MqttConfig c = basicConfig(QStringLiteral("a,b\"c\\d"));
        c.cleanSession = false;
        c.lwtQos = 2;
        c.lwtRetain = true;
        QTest::newRow("escaped client id, persistent session, will qos 2 retained")
            << c
            << QList<QByteArray> { "AT+MQTTUSERCFG=0,1,\"a\\,b\\\"c\\\\d\",\"\",\"\",0,0,\"\"",
                                   "AT+MQTTCONNCFG=0,60,1,\"\",\"\",2,1" };
    }
    {
        const QString longId(225, QLatin1Char('c'));
        QTest::newRow("client id too long for USERCFG")
            << basicConfig(longId)
            << QList<QByteArray> { "AT+MQTTUSERCFG=0,1,\"atbench\",\"\",\"\",0,0,\"\"",
                                   "AT+MQTTCLIENTID=0,\"" + longId.toUtf8() + "\"", "AT+MQTTCONNCFG=0,60,0,\"\",\"\",0,0" };
    }
    {
        MqttConfig c = basicConfig();
        c.username = QString(100, QLatin1Char('u'));
        c.password = QString(65, QLatin1Char('p'));
        QTest::newRow("user name and password over 64 bytes")
            << c
            << QList<QByteArray> { "AT+MQTTUSERCFG=0,1,\"bench-1\",\"\",\"\",0,0,\"\"",
                                   "AT+MQTTUSERNAME=0,\"" + QByteArray(100, 'u') + "\"",
                                   "AT+MQTTPASSWORD=0,\"" + QByteArray(65, 'p') + "\"",
                                   "AT+MQTTCONNCFG=0,60,0,\"\",\"\",0,0" };
    }
    {
        MqttConfig c = basicConfig();
        c.scheme = 2;
        c.alpn = QStringList { QStringLiteral("mqtt-ca.cn"), QStringLiteral("mqtt-ca.us") };
        QTest::newRow("TLS with two ALPN names")
            << c
            << QList<QByteArray> { "AT+MQTTUSERCFG=0,2,\"bench-1\",\"\",\"\",0,0,\"\"", "AT+MQTTCONNCFG=0,60,0,\"\",\"\",0,0",
                                   "AT+MQTTALPN=0,2,\"mqtt-ca.cn\",\"mqtt-ca.us\"" };
    }
}

void tst_MqttService::configureSendsWhatThePreviewShows()
{
    QFETCH(MqttConfig, config);
    QFETCH(QList<QByteArray>, expected);
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    MqttService svc(&h.session, &h.model);
    QCOMPARE(svc.planConfigure(config).lines(), expected);
    const OperationResult r = runOp(svc, [&] { return svc.configure(config); });
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(h.sent, expected);
    QCOMPARE(h.model.mqtt().state, 2);
    QCOMPARE(h.module->mqttState(), 2);
    QCOMPARE(svc.lastConfig(), config);
}

void tst_MqttService::invalidInputSendsNothingAndNamesTheParameter_data()
{
    QTest::addColumn<int>("op"); // 0 configure, 1 connect, 2 publish, 3 subscribe
    QTest::addColumn<MqttConfig>("config");
    QTest::addColumn<MqttConnectSettings>("connect");
    QTest::addColumn<MqttPublishSettings>("publish");
    QTest::addColumn<QByteArray>("param");

    const MqttConnectSettings goodConn { QStringLiteral("127.0.0.1"), 1883, false };
    const MqttPublishSettings goodPub { QStringLiteral("t"), "x", 0, false, false };
    MqttConfig c = basicConfig();
    c.keepAlive = 7201;
    QTest::newRow("keepalive 7201") << 0 << c << goodConn << goodPub << QByteArray("keepalive");
    QTest::newRow("client id too long even for MQTTCLIENTID")
        << 0 << basicConfig(QString(240, QLatin1Char('c'))) << goodConn << goodPub << QByteArray("client_id");
    QTest::newRow("empty client id") << 0 << basicConfig(QString()) << goodConn << goodPub << QByteArray("client_id");
    c = basicConfig();
    c.path = QString(33, QLatin1Char('p'));
    QTest::newRow("path 33 bytes") << 0 << c << goodConn << goodPub << QByteArray("path");
    c = basicConfig();
    c.lwtQos = 3;
    QTest::newRow("will qos 3") << 0 << c << goodConn << goodPub << QByteArray("lwt_qos");
    c = basicConfig();
    c.lwtMessage = QString(65, QLatin1Char('m'));
    QTest::newRow("will message 65 bytes") << 0 << c << goodConn << goodPub << QByteArray("lwt_msg");
    c = basicConfig();
    c.alpn = QStringList(6, QStringLiteral("h2"));
    QTest::newRow("six ALPN names") << 0 << c << goodConn << goodPub << QByteArray("alpn");
    c = basicConfig();
    c.scheme = 11;
    QTest::newRow("scheme 11") << 0 << c << goodConn << goodPub << QByteArray("scheme");

    QTest::newRow("host 129 bytes") << 1 << basicConfig() << MqttConnectSettings { QString(129, QLatin1Char('h')), 1883, false }
                                    << goodPub << QByteArray("host");
    QTest::newRow("host not an IPv4") << 1 << basicConfig() << MqttConnectSettings { QStringLiteral("300.1.2.3"), 1883, false }
                                      << goodPub << QByteArray("host");
    QTest::newRow("host with a blank") << 1 << basicConfig() << MqttConnectSettings { QStringLiteral("my host"), 1883, false }
                                       << goodPub << QByteArray("host");
    QTest::newRow("port 0") << 1 << basicConfig() << MqttConnectSettings { QStringLiteral("localhost"), 0, false } << goodPub
                            << QByteArray("port");
    QTest::newRow("port 65536") << 1 << basicConfig() << MqttConnectSettings { QStringLiteral("localhost"), 65536, false }
                                << goodPub << QByteArray("port");

    QTest::newRow("topic 129 bytes") << 2 << basicConfig() << goodConn
                                     << MqttPublishSettings { QString(129, QLatin1Char('t')), "x", 0, false, false }
                                     << QByteArray("topic");
    QTest::newRow("qos 3") << 2 << basicConfig() << goodConn << MqttPublishSettings { QStringLiteral("t"), "x", 3, false, false }
                           << QByteArray("qos");
    QTest::newRow("raw qos 3") << 2 << basicConfig() << goodConn << MqttPublishSettings { QStringLiteral("t"), "x", 3, false, true }
                               << QByteArray("qos");
    QTest::newRow("empty raw message") << 2 << basicConfig() << goodConn
                                       << MqttPublishSettings { QStringLiteral("t"), QByteArray(), 0, false, true }
                                       << QByteArray("data");
    QTest::newRow("subscribe topic 129 bytes")
        << 3 << basicConfig() << goodConn << MqttPublishSettings { QString(129, QLatin1Char('t')), "", 1, false, false }
        << QByteArray("topic");
    QTest::newRow("subscribe qos 3") << 3 << basicConfig() << goodConn
                                     << MqttPublishSettings { QStringLiteral("t"), "", 3, false, false } << QByteArray("qos");
}

void tst_MqttService::invalidInputSendsNothingAndNamesTheParameter()
{
    QFETCH(int, op);
    QFETCH(MqttConfig, config);
    QFETCH(MqttConnectSettings, connect);
    QFETCH(MqttPublishSettings, publish);
    QFETCH(QByteArray, param);
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    MqttService svc(&h.session, &h.model);
    QSignalSpy busy(&svc, &MqttService::busyChanged);
    QSignalSpy done(&svc, &MqttService::finished);
    OperationPlan plan;
    switch (op) {
    case 0: plan = svc.configure(config); break;
    case 1: plan = svc.connectToBroker(connect); break;
    case 2: plan = svc.publish(publish); break;
    default: plan = svc.subscribe(publish.topic, publish.qos); break;
    }
    QVERIFY(!plan.ok());
    QVERIFY(!plan.error.isEmpty());
    QCOMPARE(plan.errorParam, param);
    QVERIFY2(!plan.error.contains(QLatin1String("0x")), qPrintable(plan.error));
    QVERIFY(h.drain()); // anything wrongly queued reaches the module before this returns
    QVERIFY(h.sent.isEmpty());
    QCOMPARE(busy.count(), 0);
    QCOMPARE(done.count(), 0);
}

void tst_MqttService::stringWithNulOrTooLongSuggestsRaw()
{
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    MqttService svc(&h.session, &h.model);
    OperationPlan p = svc.planPublish({ QStringLiteral("t"), QByteArray("a\0b", 3), 0, false, false });
    QCOMPARE(p.errorParam, QByteArray("data"));
    QVERIFY2(p.error.contains(QLatin1String("AT+MQTTPUBRAW")), qPrintable(p.error));
    p = svc.planPublish({ QStringLiteral("t"), QByteArray(240, 'x'), 0, false, false });
    QCOMPARE(p.errorParam, QByteArray("data"));
    QVERIFY2(p.error.contains(QLatin1String("AT+MQTTPUBRAW")), qPrintable(p.error));
    // The same bytes raw are fine: exact payload, length computed.
    p = svc.planPublish({ QStringLiteral("t"), QByteArray(240, 'x'), 1, true, true });
    QVERIFY2(p.ok(), qPrintable(p.error));
    QCOMPARE(p.lines(), QList<QByteArray> { "AT+MQTTPUBRAW=0,\"t\",240,1,1" });
    QCOMPARE(p.commands.first().payload, QByteArray(240, 'x'));
    QVERIFY(p.commands.first().expectsPrompt);
}

void tst_MqttService::connectBeforeConfigurationIsDecodedInWords()
{
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    MqttService svc(&h.session, &h.model);
    OperationResult r = runOp(svc, [&] { return svc.enableErrorCodes(); });
    QVERIFY2(r.ok, qPrintable(r.message));
    h.sent.clear();
    r = runOp(svc, [&] { return svc.connectToBroker({ QStringLiteral("127.0.0.1"), 1883, false }); });
    QVERIFY(!r.ok);
    QCOMPARE(h.sent, QList<QByteArray> { "AT+MQTTCONN=0,\"127.0.0.1\",1883,0" });
    QVERIFY2(r.message.contains(QLatin1String("AT_MQTT_NO_CONFIGURED")), qPrintable(r.message));
    QVERIFY2(!r.message.contains(QLatin1String("0x")), qPrintable(r.message));
}

void tst_MqttService::endToEndWithMosquitto()
{
    mqtttest::MosquittoBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    MqttService svc(&h.session, &h.model);

    OperationResult r = runOp(svc, [&] { return svc.configure(basicConfig(QStringLiteral("svc-e2e"))); });
    QVERIFY2(r.ok, qPrintable(r.message));
    h.sent.clear();
    const MqttConnectSettings conn { broker.host(), broker.port(), false };
    const QList<QByteArray> connLines = svc.planConnect(conn).lines();
    r = runOp(svc, [&] { return svc.connectToBroker(conn); });
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(h.sent, connLines);
    // ESP-AT: error codes on first, so a failed connect would say why.
    QCOMPARE(connLines, (QList<QByteArray> { "AT+SYSLOG=1",
                                             "AT+MQTTCONN=0,\"127.0.0.1\"," + QByteArray::number(broker.port()) + ",0" }));
    QCOMPARE(h.model.mqtt().state, 4);
    QCOMPARE(h.model.sysLog(), 1);
    QCOMPARE(svc.planConnect(conn).lines().size(), 1); // known to be on now

    // Subscribe, then a message from mosquitto_pub arrives byte for byte.
    h.sent.clear();
    r = runOp(svc, [&] { return svc.subscribe(QStringLiteral("bench/in/#"), 1); });
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(h.sent, QList<QByteArray> { "AT+MQTTSUB=0,\"bench/in/#\",1" });
    QCOMPARE(h.model.mqtt().state, 6);
    QSignalSpy messages(&svc, &MqttService::messageReceived);
    const QByteArray incoming("a,\"b\"\r\nOK\r\n\0end", 16);
    QCOMPARE(broker.publish(QStringLiteral("bench/in/x"), incoming), 0);
    QTRY_COMPARE_WITH_TIMEOUT(messages.count(), 1, 10000);
    const MqttMessage m = messages.first().first().value<MqttMessage>();
    QCOMPARE(m.topic, QStringLiteral("bench/in/x"));
    QCOMPARE(m.payload, incoming);
    QCOMPARE(m.qos, 1);

    // Same subscription again: a note, not a failure.
    r = runOp(svc, [&] { return svc.subscribe(QStringLiteral("bench/in/#"), 1); });
    QVERIFY(r.ok);
    QVERIFY2(r.message.contains(QLatin1String("ALREADY SUBSCRIBE")), qPrintable(r.message));

    // Publish a string with commas, quotes and a backslash: escaped on the line, exact at the broker.
    mqtttest::MosquittoSubscriber sub;
    QVERIFY(sub.start(broker.port(), QStringLiteral("bench/out")));
    const MqttPublishSettings text { QStringLiteral("bench/out"), QByteArray("{\"a\":1,\"b\":\"x\\y\"}"), 1, false, false };
    h.sent.clear();
    const QList<QByteArray> textLines = svc.planPublish(text).lines();
    QCOMPARE(textLines, QList<QByteArray> { "AT+MQTTPUB=0,\"bench/out\",\"{\\\"a\\\":1\\,\\\"b\\\":\\\"x\\\\y\\\"}\",1,0" });
    r = runOp(svc, [&] { return svc.publish(text); });
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(h.sent, textLines);
    QCOMPARE(sub.nextPayload(), text.payload);

    // Raw with CR LF and NUL through AT+MQTTPUBRAW.
    const MqttPublishSettings raw { QStringLiteral("bench/out"), QByteArray("\0\r\nOK\r\n,\"x\"\0\xff", 13), 0, false, true };
    h.sent.clear();
    r = runOp(svc, [&] { return svc.publish(raw); });
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(h.sent.first(), svc.planPublish(raw).lines().first());
    QCOMPARE(h.sent.first(), QByteArray("AT+MQTTPUBRAW=0,\"bench/out\",13,0,0"));
    QCOMPARE(r.results.last().finalText, QByteArray("+MQTTPUB:OK"));
    QCOMPARE(sub.nextPayload(), raw.payload);

    // Unsubscribe a topic never subscribed: a note. Then the real one: state 5.
    r = runOp(svc, [&] { return svc.unsubscribe(QStringLiteral("never")); });
    QVERIFY(r.ok);
    QVERIFY2(r.message.contains(QLatin1String("NO UNSUBSCRIBE")), qPrintable(r.message));
    r = runOp(svc, [&] { return svc.unsubscribe(QStringLiteral("bench/in/#")); });
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(h.model.mqtt().state, 5);

    // Read and disconnect.
    h.sent.clear();
    r = runOp(svc, [&] { return svc.read(); });
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(h.sent, (QList<QByteArray> { "AT+MQTTCONN?", "AT+MQTTSUB?" }));
    r = runOp(svc, [&] { return svc.disconnectFromBroker(); });
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(h.sent.last(), QByteArray("AT+MQTTCLEAN=0"));
    QCOMPARE(h.model.mqtt().state, 0);
}

void tst_MqttService::brokerDropShowsState3()
{
    mqtttest::MosquittoBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    MqttService svc(&h.session, &h.model);
    OperationResult r = runOp(svc, [&] { return svc.configure(basicConfig(QStringLiteral("svc-drop"))); });
    QVERIFY2(r.ok, qPrintable(r.message));
    r = runOp(svc, [&] { return svc.connectToBroker({ broker.host(), broker.port(), false }); });
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(h.model.mqtt().state, 4);
    h.module->dropBrokerConnection();
    QTRY_COMPARE_WITH_TIMEOUT(h.model.mqtt().state, 3, 5000);
    // Publishing now fails with a decoded reason once error codes are on.
    QVERIFY(runOp(svc, [&] { return svc.enableErrorCodes(); }).ok);
    r = runOp(svc, [&] { return svc.publish({ QStringLiteral("t"), "x", 0, false, false }); });
    QVERIFY(!r.ok);
    QVERIFY2(r.message.contains(QLatin1String("AT_MQTT_IN_DISCONNECTED_STATE")), qPrintable(r.message));
}

void tst_MqttService::topicFilterMatching_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("topic");
    QTest::addColumn<bool>("match");
    QTest::newRow("exact") << "a/b" << "a/b" << true;
    QTest::newRow("different") << "a/b" << "a/c" << false;
    QTest::newRow("plus one level") << "a/+/c" << "a/x/c" << true;
    QTest::newRow("plus not two levels") << "a/+" << "a/x/c" << false;
    QTest::newRow("hash rest") << "a/#" << "a/x/c" << true;
    QTest::newRow("hash parent") << "a/#" << "a" << true;
    QTest::newRow("hash all") << "#" << "x/y" << true;
    QTest::newRow("longer filter") << "a/b/c" << "a/b" << false;
}

void tst_MqttService::topicFilterMatching()
{
    QFETCH(QString, filter);
    QFETCH(QString, topic);
    QFETCH(bool, match);
    QCOMPARE(MqttService::topicMatches(filter, topic), match);
}

QTEST_GUILESS_MAIN(tst_MqttService)
#include "tst_mqttservice.moc"
