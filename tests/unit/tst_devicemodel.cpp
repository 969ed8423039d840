// DeviceModel follows replies and URCs: rows are (command, reply lines, status) -> state.
#include "model/devicemodel.h"

#include <QSignalSpy>
#include <QtTest>

using namespace atb;

namespace {

AtResult ok(const char *line, QList<QByteArray> lines = {})
{
    AtResult r;
    r.command = AtCommand::fromLine(line);
    r.status = AtResult::Status::Ok;
    r.lines = lines;
    r.finalText = "OK";
    return r;
}

AtEvent urc(const QByteArray &text, const QByteArray &name = {}, int link = -1)
{
    AtEvent e;
    e.kind = AtEvent::Kind::Urc;
    e.text = text;
    e.name = name.isEmpty() ? text : name;
    e.link = link;
    return e;
}

} // namespace

class tst_DeviceModel : public QObject
{
    Q_OBJECT

private slots:
    void cipMuxAndModeFromSetAndQuery()
    {
        DeviceModel m;
        QSignalSpy spy(&m, &DeviceModel::cipMuxChanged);
        m.applyResult(ok("AT+CIPMUX?", { "+CIPMUX:0" }));
        QCOMPARE(m.cipMux(), 0);
        m.applyResult(ok("AT+CIPMUX=1"));
        QCOMPARE(m.cipMux(), 1);
        QCOMPARE(spy.size(), 2);
        m.applyResult(ok("AT+CIPMODE?", { "+CIPMODE:1" }));
        QCOMPARE(m.cipMode(), 1);
    }

    void failedCommandChangesNothing()
    {
        DeviceModel m;
        AtResult r = ok("AT+CIPMUX=1");
        r.status = AtResult::Status::Error;
        m.applyResult(r);
        QCOMPARE(m.cipMux(), -1);
    }

    void firmwareDetectsDialect_data()
    {
        QTest::addColumn<QList<QByteArray>>("lines");
        QTest::addColumn<int>("dialect");
        QTest::newRow("esp") << QList<QByteArray> { "AT version:2.3.0.0", "SDK version:v4.3" } << int(Dialect::Esp);
        QTest::newRow("beken") << QList<QByteArray> { "ATSVR-01.01", "BK7238 3.0.76" } << int(Dialect::Beken);
    }
    void firmwareDetectsDialect()
    {
        QFETCH(QList<QByteArray>, lines);
        QFETCH(int, dialect);
        DeviceModel m;
        if (dialect == int(Dialect::Esp))
            m.setDialect(Dialect::Beken);
        m.applyResult(ok("AT+GMR", lines));
        QCOMPARE(int(m.dialect()), dialect);
        QVERIFY(m.dialectDetected());
        QCOMPARE(m.firmware().size(), lines.size());
    }

    void linksFromStartCloseUrcsAndStatus()
    {
        DeviceModel m;
        m.applyResult(ok("AT+CIPSTART=0,\"TCP\",\"127.0.0.1\",8080"));
        QCOMPARE(m.links().size(), 1);
        QCOMPARE(m.links()[0].remoteHost, QStringLiteral("127.0.0.1"));
        QCOMPARE(m.links()[0].remotePort, 8080);
        m.applyUrc(urc("1,CONNECT", "CONNECT", 1));
        QCOMPARE(m.links().size(), 2);
        m.applyUrc(urc("0,CLOSED", "CLOSED", 0));
        QCOMPARE(m.links().size(), 1);
        QCOMPARE(m.links()[0].id, 1);
        m.applyResult(ok("AT+CIPSTATUS", { "STATUS:3", "+CIPSTATUS:2,\"UDP\",\"127.0.0.1\",5000,6000,0",
                                           "+CIPSTATUS:3,\"SSL\",\"::1\",443,50000,0" }));
        QCOMPARE(m.links().size(), 2);
        QCOMPARE(m.links()[0].type, QStringLiteral("UDP"));
        QCOMPARE(m.links()[1].localPort, 50000);
        m.applyResult(ok("AT+CIPCLOSE=5"));
        QVERIFY(m.links().isEmpty());
    }

    void bekenStatusForms_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("id");
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("localPort");
        QTest::newRow("source") << QByteArray("+BIPSTATUS:0,connected, 0, 127.0.0.1, 20108,50123,0") << 0 << "TCP" << 50123;
        QTest::newRow("seed literal") << QByteArray("+BIPSTATUS:1,127.0.0.1,20108,50123,0") << 0 << "UDP" << 50123;
    }
    void bekenStatusForms()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, id);
        QFETCH(QString, type);
        QFETCH(int, localPort);
        DeviceModel m;
        AtResult r = ok("AT+CIPSTATUS?", { line });
        r.endedOnQuiet = true;
        m.applyResult(r);
        QCOMPARE(m.links().size(), 1);
        QCOMPARE(m.links()[0].id, id);
        QCOMPARE(m.links()[0].type, type);
        QCOMPARE(m.links()[0].localPort, localPort);
    }

    // Seed 000's +BIPSTATUS has no link id: rows take the ids learnt from AT+CIPSTART/CIPCLOSE
    // for the same link; a row nobody opened here gets the lowest free id, marked inferred.
    void bekenIdsFollowStartAndClose_data()
    {
        QTest::addColumn<QList<QByteArray>>("commands"); // successful set commands, in order
        QTest::addColumn<QList<QByteArray>>("status");   // the +BIPSTATUS rows, in module order
        QTest::addColumn<QList<int>>("ids");
        QTest::addColumn<QList<bool>>("inferred");
        QTest::newRow("only link 3 open")
            << QList<QByteArray> { "AT+CIPSTART=3,\"tcp\",\"127.0.0.1\",20108" }
            << QList<QByteArray> { "+BIPSTATUS:0,127.0.0.1,20108,50123,0" } << QList<int> { 3 }
            << QList<bool> { false };
        QTest::newRow("link 0 closed, 1 open")
            << QList<QByteArray> { "AT+CIPSTART=0,\"tcp\",\"127.0.0.1\",20108",
                                   "AT+CIPSTART=1,\"udp\",\"127.0.0.1\",5000", "AT+CIPCLOSE=0" }
            << QList<QByteArray> { "+BIPSTATUS:1,127.0.0.1,5000,6000,0" } << QList<int> { 1 } << QList<bool> { false };
        QTest::newRow("two links to one peer keep their ids")
            << QList<QByteArray> { "AT+CIPSTART=4,\"tcp\",\"127.0.0.1\",7000",
                                   "AT+CIPSTART=2,\"tcp\",\"127.0.0.1\",7000" }
            << QList<QByteArray> { "+BIPSTATUS:0,127.0.0.1,7000,40001,0", "+BIPSTATUS:0,127.0.0.1,7000,40002,0" }
            << QList<int> { 2, 4 } << QList<bool> { false, false };
        QTest::newRow("server by its local port")
            << QList<QByteArray> { "AT+CIPSTART=2,\"tcp\",\"192.168.0.103\",20108,1800,5637,\"192.168.0.107\"" }
            << QList<QByteArray> { "+BIPSTATUS:0,127.0.0.1,41000,5637,1" } << QList<int> { 2 } << QList<bool> { false };
        QTest::newRow("unknown links: lowest free ids, inferred")
            << QList<QByteArray> { "AT+CIPSTART=0,\"tcp\",\"127.0.0.1\",20108" }
            << QList<QByteArray> { "+BIPSTATUS:1,127.0.0.1,9999,6000,0", "+BIPSTATUS:0,127.0.0.1,20108,50123,0" }
            << QList<int> { 0, 1 } << QList<bool> { false, true };
    }
    void bekenIdsFollowStartAndClose()
    {
        QFETCH(QList<QByteArray>, commands);
        QFETCH(QList<QByteArray>, status);
        QFETCH(QList<int>, ids);
        QFETCH(QList<bool>, inferred);
        DeviceModel m;
        m.setDialect(Dialect::Beken);
        for (const QByteArray &c : commands)
            m.applyResult(ok(c.constData()));
        AtResult r = ok("AT+CIPSTATUS?", status);
        r.endedOnQuiet = true;
        m.applyResult(r);
        QCOMPARE(m.links().size(), ids.size());
        for (int i = 0; i < ids.size(); ++i) {
            QCOMPARE(m.links()[i].id, ids[i]);
            QCOMPARE(m.links()[i].idInferred, inferred[i]);
        }
        // A second read keeps the ids (the inferred one is still a guess).
        m.applyResult(r);
        for (int i = 0; i < ids.size(); ++i)
            QCOMPARE(m.links()[i].id, ids[i]);
    }

    void mqttSubscriptionQueryReplacesTheList()
    {
        DeviceModel m;
        m.applyResult(ok("AT+MQTTSUB=0,\"a/b\",1"));
        m.applyResult(ok("AT+MQTTSUB=0,\"stale\",0"));
        QCOMPARE(m.mqtt().subscriptions.size(), 2);
        m.applyResult(ok("AT+MQTTSUB?", { "+MQTTSUB:0,6,\"a/b\",1", "+MQTTSUB:0,6,\"new/#\",2" }));
        QCOMPARE(m.mqtt().subscriptions,
                 (QList<MqttSubscription> { MqttSubscription { "a/b", 1 }, MqttSubscription { "new/#", 2 } }));
        m.applyResult(ok("AT+MQTTSUB?")); // none left on the module
        QVERIFY(m.mqtt().subscriptions.isEmpty());
    }

    void sysLogFromSetQueryAndReset()
    {
        DeviceModel m;
        QCOMPARE(m.sysLog(), -1);
        QSignalSpy spy(&m, &DeviceModel::sysLogChanged);
        m.applyResult(ok("AT+SYSLOG=1"));
        QCOMPARE(m.sysLog(), 1);
        m.applyResult(ok("AT+SYSLOG?", { "+SYSLOG:0" }));
        QCOMPARE(m.sysLog(), 0);
        m.applyUrc(urc("ready"));
        QCOMPARE(m.sysLog(), -1);
        QCOMPARE(spy.size(), 3);
    }

    void wifiFromUrcsAndReplies()
    {
        DeviceModel m;
        QSignalSpy spy(&m, &DeviceModel::wifiChanged);
        m.applyUrc(urc("WIFI CONNECTED"));
        m.applyUrc(urc("WIFI GOT IP"));
        QVERIFY(m.wifi().gotIp);
        m.applyResult(ok("AT+CIFSR", { "+CIFSR:STAIP,\"127.0.0.1\"", "+CIFSR:STAMAC,\"aa:bb:cc:dd:ee:ff\"" }));
        QCOMPARE(m.wifi().ip, QStringLiteral("127.0.0.1"));
        QCOMPARE(m.wifi().mac, QStringLiteral("aa:bb:cc:dd:ee:ff"));
        m.applyUrc(urc("WIFI DISCONNECT"));
        QVERIFY(!m.wifi().connected);
        m.applyUrc(urc("WIFI GOT IP"));
        m.applyResult(ok("AT+CWJAP?", { "No AP" }));
        QVERIFY(!m.wifi().connected);
        QCOMPARE(m.wifi().mac, QStringLiteral("aa:bb:cc:dd:ee:ff"));
        AtResult bad = ok("AT+CWJAP=\"x\",\"y\"", { "+CWJAP:2" });
        bad.status = AtResult::Status::Error;
        m.applyResult(bad);
        QCOMPARE(m.wifi().lastJoinError, 2);
        QVERIFY(spy.size() >= 4);
    }

    void dnsAndSntp()
    {
        DeviceModel m;
        m.applyResult(ok("AT+CIPDNS=1,\"127.0.0.53\",\"127.0.0.54\""));
        QVERIFY(m.dns().manual);
        QCOMPARE(m.dns().servers, (QStringList { "127.0.0.53", "127.0.0.54" }));
        m.applyResult(ok("AT+CIPDNS?", { "+CIPDNS:0,\"208.67.222.222\"" }));
        QVERIFY(!m.dns().manual);
        m.applyResult(ok("AT+CIPSNTPCFG?", { "+CIPSNTPCFG:1,8,\"127.0.0.1\",\"ntp.local\"" }));
        QVERIFY(m.sntp().enabled);
        QCOMPARE(m.sntp().timezone, QStringLiteral("8"));
        QCOMPARE(m.sntp().servers.size(), 2);
        m.applyResult(ok("AT+CIPSNTPTIME?", { "+CIPSNTPTIME:Thu Sep  2 18:57:03 2021" }));
        QCOMPARE(m.sntp().moduleTime, QStringLiteral("Thu Sep  2 18:57:03 2021"));
    }

    void mqttStateMachine()
    {
        DeviceModel m;
        m.applyResult(ok("AT+MQTTUSERCFG=0,1,\"cid\",\"u\",\"p\",0,0,\"\""));
        QCOMPARE(m.mqtt().state, 1);
        QCOMPARE(m.mqtt().clientId, QStringLiteral("cid"));
        m.applyResult(ok("AT+MQTTCONNCFG=0,120,0,\"\",\"\",0,0"));
        QCOMPARE(m.mqtt().state, 2);
        m.applyUrc(urc("+MQTTCONNECTED:0,1,\"127.0.0.1\",\"1883\",\"\",1", "+MQTTCONNECTED:"));
        m.applyResult(ok("AT+MQTTCONN=0,\"127.0.0.1\",1883,1"));
        QCOMPARE(m.mqtt().state, 4);
        QCOMPARE(m.mqtt().port, QStringLiteral("1883"));
        m.applyResult(ok("AT+MQTTSUB=0,\"a/b\",1"));
        QCOMPARE(m.mqtt().state, 6);
        QCOMPARE(m.mqtt().subscriptions.size(), 1);
        m.applyUrc(urc("+MQTTDISCONNECTED:0", "+MQTTDISCONNECTED:"));
        QCOMPARE(m.mqtt().state, 3);
        m.applyUrc(urc("+MQTTCONNECTED:0,1,\"127.0.0.1\",\"1883\",\"\",1", "+MQTTCONNECTED:"));
        QCOMPARE(m.mqtt().state, 6);
        m.applyResult(ok("AT+MQTTUNSUB=0,\"a/b\""));
        QCOMPARE(m.mqtt().state, 5);
        m.applyResult(ok("AT+MQTTCONN?", { "+MQTTCONN:0,4,1,\"127.0.0.1\",\"1883\",\"\",1" }));
        QCOMPARE(m.mqtt().state, 4);
        m.applyResult(ok("AT+MQTTCLEAN=0"));
        QCOMPARE(m.mqtt().state, 0);
        QCOMPARE(MqttState::stateText(6), QStringLiteral("connected, subscribed"));
    }

    void readyResetsEverything()
    {
        DeviceModel m;
        m.applyResult(ok("AT+CIPMUX=1"));
        m.applyResult(ok("ATE0"));
        QCOMPARE(m.echo(), 0);
        m.applyUrc(urc("ready"));
        QCOMPARE(m.cipMux(), -1);
        QCOMPARE(m.echo(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_DeviceModel)
#include "tst_devicemodel.moc"
