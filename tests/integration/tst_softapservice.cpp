// SoftApService against the in-process simulator: validation before sending, the exact lines,
// the state from the replies (also the console's), and the password never in the session log.
#include "services/softapservice.h"
#include "simharness.h"

#include <QSignalSpy>
#include <QtTest>

using atb::OperationPlan;
using atb::OperationResult;
using atb::SoftApNetworkSettings;
using atb::SoftApService;
using atb::SoftApSettings;

namespace {

bool run(SoftApService &svc, const std::function<OperationPlan()> &start, OperationResult *out = nullptr)
{
    QSignalSpy spy(&svc, &SoftApService::finished);
    if (!start().ok())
        return false;
    // A read may chain a second step; wait for the service to be free.
    if (!QTest::qWaitFor([&] { return !spy.isEmpty() && !svc.isBusy(); }, 10000))
        return false;
    const OperationResult r = spy.last().first().value<OperationResult>();
    if (out)
        *out = r;
    return r.ok;
}

} // namespace

class tst_SoftApService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<atb::OperationResult>(); }

    void apSettingsAreValidated_data()
    {
        QTest::addColumn<QString>("ssid");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("channel");
        QTest::addColumn<int>("encryption");
        QTest::addColumn<int>("max");
        QTest::addColumn<QByteArray>("param"); // empty: valid
        QTest::newRow("wpa2") << "ap" << "12345678" << 6 << 3 << 4 << QByteArray();
        QTest::newRow("open") << "ap" << "" << 1 << 0 << 10 << QByteArray();
        QTest::newRow("no ssid") << "" << "12345678" << 6 << 3 << 4 << QByteArray("ssid");
        QTest::newRow("33-byte ssid") << QString(33, QLatin1Char('s')) << "12345678" << 6 << 3 << 4 << QByteArray("ssid");
        QTest::newRow("7-byte password") << "ap" << "1234567" << 6 << 3 << 4 << QByteArray("pwd");
        QTest::newRow("65-byte password") << "ap" << QString(65, QLatin1Char('p')) << 6 << 3 << 4 << QByteArray("pwd");
        QTest::newRow("open with password") << "ap" << "12345678" << 6 << 0 << 4 << QByteArray("pwd");
        QTest::newRow("WEP") << "ap" << "12345678" << 6 << 1 << 4 << QByteArray("ecn");
        QTest::newRow("channel 15") << "ap" << "12345678" << 15 << 3 << 4 << QByteArray("chl");
        QTest::newRow("11 stations") << "ap" << "12345678" << 6 << 3 << 11 << QByteArray("max_conn");
    }
    void apSettingsAreValidated()
    {
        QFETCH(QString, ssid);
        QFETCH(QString, password);
        QFETCH(int, channel);
        QFETCH(int, encryption);
        QFETCH(int, max);
        QFETCH(QByteArray, param);
        SimHarness h;
        SoftApService svc(&h.session, &h.model);
        const OperationPlan p = svc.planApply({ ssid, password, channel, encryption, max, false });
        QCOMPARE(p.errorParam, param);
        QCOMPARE(p.ok(), param.isEmpty());
    }

    void networkIsValidated_data()
    {
        QTest::addColumn<QString>("ip");
        QTest::addColumn<bool>("defaultRange");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::addColumn<QByteArray>("param");
        QTest::newRow("default range") << "192.168.5.1" << true << "" << "" << QByteArray();
        QTest::newRow("own range") << "192.168.5.1" << false << "192.168.5.10" << "192.168.5.20" << QByteArray();
        QTest::newRow("no address") << "" << true << "" << "" << QByteArray("ip");
        QTest::newRow("range elsewhere") << "192.168.5.1" << false << "192.168.6.10" << "192.168.5.20"
                                         << QByteArray("start_IP");
        QTest::newRow("range backwards") << "192.168.5.1" << false << "192.168.5.20" << "192.168.5.10"
                                         << QByteArray("end_IP");
    }
    void networkIsValidated()
    {
        QFETCH(QString, ip);
        QFETCH(bool, defaultRange);
        QFETCH(QString, start);
        QFETCH(QString, end);
        QFETCH(QByteArray, param);
        SimHarness h;
        SoftApService svc(&h.session, &h.model);
        SoftApNetworkSettings s;
        s.ip = ip;
        s.defaultRange = defaultRange;
        s.rangeStart = start;
        s.rangeEnd = end;
        QCOMPARE(svc.planNetwork(s).errorParam, param);
    }

    // Off (station mode): read says so; Apply turns it on (mode 3) and sets the network; the
    // module reports it back; the password never reaches the session log.
    void turnOnConfigureAndReadBack()
    {
        SimHarness h(atb::sim::Dialect::Esp, true);
        QVERIFY(h.ready());
        SoftApService svc(&h.session, &h.model);
        QCOMPARE(svc.planRead().lines(), QList<QByteArray> { "AT+CWMODE?" });
        QVERIFY(run(svc, [&] { return svc.read(); }));
        QCOMPARE(h.sent, QList<QByteArray> { "AT+CWMODE?" });
        QCOMPARE(svc.state().mode, 1);
        QVERIFY(!svc.state().apOn());

        const SoftApSettings s { QStringLiteral("BenchSoftAP"), QStringLiteral("softap-secret"), 6, 3, 4, false };
        const QList<QByteArray> lines { "AT+CWMODE=3", "AT+CWSAP=\"BenchSoftAP\",\"softap-secret\",6,3,4,0",
                                        "AT+CWSAP?",   "AT+CIPAP?",
                                        "AT+CWDHCPS?", "AT+CWLIF" };
        QCOMPARE(svc.planApply(s).lines(), lines);
        h.sent.clear();
        QVERIFY(run(svc, [&] { return svc.apply(s); }));
        QCOMPARE(h.sent, lines);
        QCOMPARE(svc.state().mode, 3);
        QCOMPARE(svc.state().config, s);
        QVERIFY(!svc.state().network.ip.isEmpty()); // read with it: the SoftAP was just turned on
        const SoftApSettings again { s.ssid, s.password, 11, 3, 4, false };
        QCOMPARE(svc.planApply(again).lines().size(), 2); // on now: only CWSAP= and CWSAP?

        // Another service (as after a restart): read chains the SoftAP's queries once it is on.
        SoftApService fresh(&h.session, &h.model);
        h.sent.clear();
        QVERIFY(run(fresh, [&] { return fresh.read(); }));
        QCOMPARE(h.sent, (QList<QByteArray> { "AT+CWMODE?", "AT+CWSAP?", "AT+CIPAP?", "AT+CWDHCPS?", "AT+CWLIF" }));
        QCOMPARE(fresh.state().config, s);
        QVERIFY(!fresh.state().network.ip.isEmpty());
        QVERIFY(fresh.state().stations.isEmpty()); // nobody can join a simulated SoftAP

        for (const atb::LogRecord &r : h.session.log()->snapshot())
            QVERIFY2(!r.text.contains("softap-secret"), r.text.constData());
    }

    void addressRangeAndStations()
    {
        SimHarness h(atb::sim::Dialect::Esp, true);
        QVERIFY(h.ready());
        SoftApService svc(&h.session, &h.model);
        QVERIFY(run(svc, [&] { return svc.apply({ QStringLiteral("ap"), QString(), 1, 0, 4, false }); }));
        SoftApNetworkSettings n;
        n.ip = QStringLiteral("192.168.5.1");
        n.gateway = QStringLiteral("192.168.5.1");
        n.netmask = QStringLiteral("255.255.255.0");
        n.defaultRange = false;
        n.leaseMinutes = 60;
        n.rangeStart = QStringLiteral("192.168.5.10");
        n.rangeEnd = QStringLiteral("192.168.5.20");
        const QList<QByteArray> lines { "AT+CIPAP=\"192.168.5.1\",\"192.168.5.1\",\"255.255.255.0\"",
                                        "AT+CWDHCPS=1,60,\"192.168.5.10\",\"192.168.5.20\"", "AT+CIPAP?",
                                        "AT+CWDHCPS?" };
        QCOMPARE(svc.planNetwork(n).lines(), lines);
        h.sent.clear();
        QVERIFY(run(svc, [&] { return svc.applyNetwork(n); }));
        QCOMPARE(h.sent, lines);
        QCOMPARE(svc.state().network.ip, n.ip);
        QCOMPARE(svc.state().network.rangeStart, n.rangeStart);
        QCOMPARE(svc.state().network.leaseMinutes, 60);

        QCOMPARE(svc.planDisconnectStation(QStringLiteral("nonsense")).errorParam, QByteArray("mac"));
        h.sent.clear();
        QVERIFY(run(svc, [&] { return svc.disconnectStation(QStringLiteral("AA:BB:CC:DD:EE:FF")); }));
        QCOMPARE(h.sent, (QList<QByteArray> { "AT+CWQIF=\"aa:bb:cc:dd:ee:ff\"", "AT+CWLIF" }));

        // A station list the module printed (here fed as the console's reply) fills the state.
        atb::AtResult lif;
        lif.command = atb::AtCommand::fromLine("AT+CWLIF");
        lif.status = atb::AtResult::Status::Ok;
        lif.lines = { "+CWLIF:192.168.5.10,aa:bb:cc:dd:ee:01" };
        QSignalSpy changed(&svc, &SoftApService::stateChanged);
        emit h.session.commandFinished(lif);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(svc.state().stations,
                 (QList<atb::SoftApStation> { atb::SoftApStation { "192.168.5.10", "aa:bb:cc:dd:ee:01" } }));
    }

    void bekenHasNone()
    {
        SimHarness h(atb::sim::Dialect::BekenDoc);
        SoftApService svc(&h.session, &h.model);
        QVERIFY(!svc.available());
        QCOMPARE(svc.planRead().errorParam, QByteArray("softap"));
        QCOMPARE(svc.planApply({ QStringLiteral("ap"), QStringLiteral("12345678"), 6, 3, 4, false }).errorParam,
                 QByteArray("softap"));
    }
};

QTEST_GUILESS_MAIN(tst_SoftApService)
#include "tst_softapservice.moc"
