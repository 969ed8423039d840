// WifiService against the in-process simulator: the exact lines the module receives, what the
// model and the service know afterwards, failures in words, and invalid settings sending nothing.
#include "simharness.h"

#include "services/wifiservice.h"

#include <QSignalSpy>
#include <QtTest>

using atb::OperationResult;
using atb::WifiService;
using atb::WifiSettings;

namespace {

WifiSettings join(const QString &ssid, const QString &pwd, const QString &bssid = QString(), int mode = 1)
{
    WifiSettings s;
    s.mode = mode;
    s.ssid = ssid;
    s.password = pwd;
    s.bssid = bssid;
    return s;
}

// Waits for the service's next finished() and returns it.
OperationResult waitFinished(WifiService &svc, int timeoutMs = 30000)
{
    QSignalSpy spy(&svc, &WifiService::finished);
    if (!spy.wait(timeoutMs) || spy.isEmpty())
        return {};
    return spy.takeFirst().at(0).value<OperationResult>();
}

} // namespace

class tst_WifiService : public QObject
{
    Q_OBJECT

private slots:
    // AT+CIPSTA / AT+CWDHCP from StationAddressSettings: validated before anything is sent.
    void stationAddressIsValidated_data()
    {
        QTest::addColumn<QString>("ip");
        QTest::addColumn<QString>("gateway");
        QTest::addColumn<QString>("netmask");
        QTest::addColumn<QByteArray>("param"); // empty: valid
        QTest::newRow("all three") << "192.168.4.20" << "192.168.4.1" << "255.255.255.0" << QByteArray();
        QTest::newRow("address only") << "192.168.4.20" << "" << "" << QByteArray();
        QTest::newRow("no address") << "" << "" << "" << QByteArray("ip");
        QTest::newRow("address 300") << "192.168.4.300" << "" << "" << QByteArray("ip");
        QTest::newRow("short address") << "10.1" << "" << "" << QByteArray("ip");
        QTest::newRow("bad gateway") << "192.168.4.20" << "gw" << "" << QByteArray("gateway");
        QTest::newRow("netmask with holes") << "192.168.4.20" << "192.168.4.1" << "255.0.255.0" << QByteArray("netmask");
        QTest::newRow("netmask without gateway") << "192.168.4.20" << "" << "255.255.255.0" << QByteArray("gateway");
        QTest::newRow("gateway elsewhere") << "192.168.4.20" << "10.0.0.1" << "255.255.255.0" << QByteArray("gateway");
    }
    void stationAddressIsValidated()
    {
        QFETCH(QString, ip);
        QFETCH(QString, gateway);
        QFETCH(QString, netmask);
        QFETCH(QByteArray, param);
        SimHarness h;
        WifiService svc(&h.session, &h.model);
        const atb::OperationPlan p = svc.planAddress({ false, ip, gateway, netmask });
        QCOMPARE(p.errorParam, param);
        QCOMPARE(p.ok(), param.isEmpty());
    }

    void stationAddressFixedThenDhcp()
    {
        SimHarness h(atb::sim::Dialect::Esp, true);
        QVERIFY(h.ready());
        WifiService svc(&h.session, &h.model);
        QVERIFY(svc.read().ok());
        QVERIFY(waitFinished(svc).ok);
        QCOMPARE(svc.info().dhcp, 1);
        QCOMPARE(svc.address().dhcp, true);
        const atb::StationAddressSettings fixed { false, "192.168.4.20", "192.168.4.1", "255.255.255.0" };
        const QList<QByteArray> lines { "AT+CIPSTA=\"192.168.4.20\",\"192.168.4.1\",\"255.255.255.0\"", "AT+CIPSTA?" };
        QCOMPARE(svc.planAddress(fixed).lines(), lines);
        h.sent.clear();
        QVERIFY(svc.applyAddress(fixed).ok());
        OperationResult r = waitFinished(svc);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(h.sent, lines);
        QCOMPARE(svc.info().dhcp, 0);
        QCOMPARE(svc.address(), fixed);
        QVERIFY(r.message.contains(QLatin1String("192.168.4.20")));
        // The module agrees: its station DHCP is off now.
        QVERIFY(svc.read().ok());
        QVERIFY(waitFinished(svc).ok);
        QCOMPARE(svc.info().dhcp, 0);

        const atb::StationAddressSettings dhcp;
        QCOMPARE(svc.planAddress(dhcp).lines(), (QList<QByteArray> { "AT+CWDHCP=1,1", "AT+CIPSTA?" }));
        QVERIFY(svc.applyAddress(dhcp).ok());
        QVERIFY(waitFinished(svc).ok);
        QCOMPARE(svc.info().dhcp, 1);
        QVERIFY(svc.address().dhcp);

        SimHarness b(atb::sim::Dialect::BekenDoc);
        WifiService bsvc(&b.session, &b.model);
        QCOMPARE(bsvc.planAddress(fixed).errorParam, QByteArray("address"));
    }

    void joinSendsModeJoinAndIpQueries()
    {
        SimHarness h;
        QVERIFY(h.ready());
        WifiService svc(&h.session, &h.model);
        const WifiSettings s = join(QStringLiteral("BenchAP"), QStringLiteral("12345678"));
        const atb::OperationPlan p = svc.planApply(s);
        QVERIFY2(p.ok(), qPrintable(p.error));
        const QList<QByteArray> expected { "AT+CWMODE=1", "AT+CWJAP=\"BenchAP\",\"12345678\"", "AT+CWJAP?",
                                           "AT+CIFSR",
                                           "AT+CIPSTA?" };
        QCOMPARE(p.lines(), expected);
        QSignalSpy busy(&svc, &WifiService::busyChanged);
        QVERIFY(svc.apply(s).ok());
        QVERIFY(svc.isBusy());
        const OperationResult r = waitFinished(svc);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(h.sent, expected); // the preview is what the module received
        QCOMPARE(busy.size(), 2);
        QVERIFY(!svc.isBusy());
        QVERIFY(h.model.wifi().connected);
        QVERIFY(h.model.wifi().gotIp);
        QCOMPARE(h.model.wifi().ssid, QStringLiteral("BenchAP"));
        QCOMPARE(h.model.wifi().ip, QStringLiteral("127.0.0.1"));
        QVERIFY(!h.model.wifi().mac.isEmpty());
        QCOMPARE(svc.info().mode, 1);
        QCOMPARE(svc.info().gateway, QStringLiteral("127.0.0.1"));
        QCOMPARE(svc.info().netmask, QStringLiteral("255.0.0.0"));
        QCOMPARE(svc.info().channel, 6);
        QCOMPARE(h.model.wifi().rssi, -45);
        QVERIFY(svc.lastJoinFailure().isEmpty());
        QVERIFY(!r.message.contains(QStringLiteral("12345678")));

        // The mode is now known: a second join does not repeat AT+CWMODE.
        QCOMPARE(svc.planApply(s).lines().first(), QByteArray("AT+CWJAP=\"BenchAP\",\"12345678\""));
    }

    void joinWithBssidAndEscapedSsid()
    {
        SimHarness h;
        QVERIFY(h.ready());
        WifiService svc(&h.session, &h.model);
        const atb::OperationPlan p
            = svc.planApply(join(QStringLiteral("a,b\"c"), QString(), QStringLiteral("1A:2B:3C:4D:5E:6F"), 3));
        QVERIFY2(p.ok(), qPrintable(p.error));
        QCOMPARE(p.lines().value(0), QByteArray("AT+CWMODE=3"));
        QCOMPARE(p.lines().value(1), QByteArray("AT+CWJAP=\"a\\,b\\\"c\",\"\",\"1a:2b:3c:4d:5e:6f\""));
    }

    void joinFailureInWords_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<QString>("ssid");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("words");
        QTest::newRow("esp wrong password") << "esp" << "BenchAP" << "wrongpass1" << "" << 2 << "wrong password";
        QTest::newRow("esp AP not found") << "esp" << "NoSuchAP" << "12345678" << "" << 3 << "access point not found";
        QTest::newRow("esp timeout") << "esp" << "BenchAP" << "12345678" << "join-fail:1" << 1
                                     << "connection timed out";
        QTest::newRow("esp connect failed") << "esp" << "BenchAP" << "12345678" << "join-fail:4" << 4
                                            << "connection failed";
        QTest::newRow("beken gives no reason") << "beken-doc" << "BenchAP" << "wrongpass1" << "" << 0
                                               << "refused to join";
    }

    void joinFailureInWords()
    {
        QFETCH(QString, dialect);
        QFETCH(QString, ssid);
        QFETCH(QString, password);
        QFETCH(QString, fault);
        QFETCH(int, code);
        QFETCH(QString, words);
        atb::sim::Dialect d;
        QVERIFY(atb::sim::parseDialect(dialect, &d));
        SimHarness h(d);
        QVERIFY(h.ready());
        if (!fault.isEmpty()) {
            QString error;
            QVERIFY2(h.module->injectFault(fault, &error), qPrintable(error));
        }
        WifiService svc(&h.session, &h.model);
        QSignalSpy failureSpy(&svc, &WifiService::lastJoinFailureChanged);
        QVERIFY(svc.apply(join(ssid, password)).ok());
        const OperationResult r = waitFinished(svc);
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(words), qPrintable(r.message));
        QVERIFY2(!r.message.contains(password), qPrintable(r.message));
        QVERIFY2(!r.message.contains(QStringLiteral("0x")), qPrintable(r.message));
        QVERIFY(svc.lastJoinFailure().contains(words));
        QCOMPARE(failureSpy.size(), 1);
        QCOMPARE(h.model.wifi().lastJoinError, code);
        QVERIFY(!h.model.wifi().connected);
        QCOMPARE(h.sent.size(), 2); // mode, join; no IP queries after a failure
    }

    void invalidSettingsSendNothing_data()
    {
        QTest::addColumn<QString>("dialect");
        QTest::addColumn<WifiSettings>("settings");
        QTest::addColumn<QByteArray>("param");
        QTest::newRow("ssid of 33 bytes") << "esp" << join(QString(33, QLatin1Char('s')), "12345678") << QByteArray("ssid");
        QTest::newRow("ssid of 11 CJK chars = 33 bytes")
            << "esp" << join(QString::fromUtf8("无线网络无线网络无线网"), "12345678") << QByteArray("ssid");
        QTest::newRow("password of 65 bytes") << "esp" << join("BenchAP", QString(65, QLatin1Char('p'))) << QByteArray("pwd");
        QTest::newRow("bssid malformed") << "esp" << join("BenchAP", "12345678", "1a:2b:3c") << QByteArray("bssid");
        QTest::newRow("join in SoftAP-only mode") << "esp" << join("BenchAP", "12345678", QString(), 2)
                                                  << QByteArray("mode");
        QTest::newRow("mode out of range") << "esp" << join(QString(), QString(), QString(), 4) << QByteArray("mode");
        QTest::newRow("password without ssid") << "esp" << join(QString(), "12345678") << QByteArray("ssid");
        QTest::newRow("beken: backslash cannot be sent")
            << "beken-doc" << join("Bench\\AP", "12345678") << QByteArray("ssid");
    }

    void invalidSettingsSendNothing()
    {
        QFETCH(QString, dialect);
        QFETCH(WifiSettings, settings);
        QFETCH(QByteArray, param);
        atb::sim::Dialect d;
        QVERIFY(atb::sim::parseDialect(dialect, &d));
        SimHarness h(d);
        QVERIFY(h.ready());
        WifiService svc(&h.session, &h.model);
        const atb::OperationPlan p = svc.planApply(settings);
        QVERIFY(!p.ok());
        QVERIFY(p.lines().isEmpty());
        QCOMPARE(p.errorParam, param);
        QSignalSpy busy(&svc, &WifiService::busyChanged);
        QVERIFY(!svc.apply(settings).ok());
        QVERIFY(h.drain());
        QCOMPARE(busy.size(), 0);
        QVERIFY(h.sent.isEmpty());
    }

    void scanListsTheAccessPoints()
    {
        SimHarness h;
        QVERIFY(h.ready());
        WifiService svc(&h.session, &h.model);
        QCOMPARE(svc.planScan().lines(), QList<QByteArray> { "AT+CWLAP" });
        QVERIFY(svc.scan().ok());
        const OperationResult r = waitFinished(svc);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(h.sent, svc.planScan().lines());
        QCOMPARE(svc.accessPoints().size(), 1);
        const atb::AccessPointInfo ap = svc.accessPoints().first();
        QCOMPARE(ap.ssid, QStringLiteral("BenchAP"));
        QCOMPARE(ap.rssi, -45);
        QCOMPARE(ap.channel, 6);
        QCOMPARE(ap.encryption, 3);
        QCOMPARE(atb::AccessPointInfo::encryptionText(ap.encryption), QStringLiteral("WPA2-PSK"));
        QVERIFY(!ap.bssid.isEmpty());
        QVERIFY(r.message.contains(QStringLiteral("1 access point")));
    }

    void readQueriesTheConnectedStation()
    {
        SimHarness h(atb::sim::Dialect::Esp, true);
        QVERIFY(h.ready());
        WifiService svc(&h.session, &h.model);
        QVERIFY(svc.read().ok());
        const OperationResult r = waitFinished(svc);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(h.sent, (QList<QByteArray> { "AT+CWMODE?", "AT+CWJAP?", "AT+CIFSR", "AT+CIPSTA?", "AT+CWDHCP?" }));
        QCOMPARE(svc.info().mode, 1);
        QCOMPARE(svc.info().channel, 6);
        QVERIFY(!svc.info().bssid.isEmpty());
        QCOMPARE(h.model.wifi().ssid, QStringLiteral("BenchAP"));
        QCOMPARE(h.model.wifi().rssi, -45);
        QCOMPARE(h.model.wifi().ip, QStringLiteral("127.0.0.1"));
    }

    void disconnectClearsTheStation()
    {
        SimHarness h(atb::sim::Dialect::Esp, true);
        QVERIFY(h.ready());
        WifiService svc(&h.session, &h.model);
        QVERIFY(svc.read().ok());
        QVERIFY(waitFinished(svc).ok);
        QVERIFY(h.model.wifi().connected);
        h.sent.clear();
        QVERIFY(svc.disconnectFromAp().ok());
        const OperationResult r = waitFinished(svc);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(h.sent, QList<QByteArray> { "AT+CWQAP" });
        QTRY_VERIFY(!h.model.wifi().connected);
        QVERIFY(h.model.wifi().ip.isEmpty());
        QVERIFY(svc.info().gateway.isEmpty());
        QVERIFY(!h.module->wifiConnected());
    }

    void bekenPrintsOkBeforeTheWifiEvents()
    {
        SimHarness h(atb::sim::Dialect::BekenDoc);
        QVERIFY(h.ready());
        WifiService svc(&h.session, &h.model);
        const WifiSettings s = join(QStringLiteral("BenchAP"), QStringLiteral("12345678"));
        // No AT+CIFSR / AT+CIPSTA? in the Beken catalog.
        QCOMPARE(svc.planApply(s).lines(),
                 (QList<QByteArray> { "AT+CWMODE=1", "AT+CWJAP=\"BenchAP\",\"12345678\"" }));
        QVERIFY(svc.apply(s).ok());
        const OperationResult r = waitFinished(svc);
        QVERIFY2(r.ok, qPrintable(r.message));
        QCOMPARE(h.sent, (QList<QByteArray> { "AT+CWMODE=1", "AT+CWJAP=\"BenchAP\",\"12345678\"" }));
        QVERIFY(h.model.wifi().connected);
        QTRY_VERIFY(h.model.wifi().gotIp); // WIFI GOT IP arrives after OK
    }

    void moduleErrorIsDecoded()
    {
        SimHarness h;
        QVERIFY(h.ready());
        QSignalSpy done(&h.session, &atb::DeviceSession::commandFinished);
        h.session.submit(atb::AtCommand::fromLine("AT+SYSLOG=1")); // ERR CODE lines on (protocol.md 2.3)
        QTRY_COMPARE(done.size(), 1);
        h.sent.clear();
        h.module->failNextCommandWith(0x01070000);
        WifiService svc(&h.session, &h.model);
        QVERIFY(svc.apply(join(QString(), QString(), QString(), 3)).ok());
        const OperationResult r = waitFinished(svc);
        QVERIFY(!r.ok);
        QCOMPARE(h.sent, QList<QByteArray> { "AT+CWMODE=3" });
        QVERIFY2(r.message.contains(QStringLiteral("invalid parameter value"), Qt::CaseInsensitive),
                 qPrintable(r.message));
        QCOMPARE(svc.info().mode, -1); // a refused mode is not taken as the module's mode
    }
};

QTEST_GUILESS_MAIN(tst_WifiService)
#include "tst_wifiservice.moc"
