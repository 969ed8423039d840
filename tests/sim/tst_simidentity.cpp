// The simulated module's identity: a station MAC of its own (Options::stationMac, atbench-sim
// --mac), so several simulated modules on one bench are told apart by their MAC as real ones are.
#include "simtestutil.h"

using namespace simtest;

class TstSimIdentity : public QObject
{
    Q_OBJECT
private slots:
    void defaultMacIsTheSharedOne();
    void stationMacOptionSetsBothInterfaces();
    void restoreKeepsTheGivenMac();
    void macOptionOfTheProgram();
    void badMacIsRefused_data();
    void badMacIsRefused();
};

static QByteArray cifsrMac(InProc &m)
{
    const QByteArray out = m.run("AT+CIFSR");
    const qsizetype i = out.indexOf("+CIFSR:STAMAC,\"");
    return i < 0 ? QByteArray() : out.mid(i + 15, 17);
}

void TstSimIdentity::defaultMacIsTheSharedOne()
{
    InProc a, b;
    const QByteArray mac = cifsrMac(a);
    QCOMPARE(mac.size(), 17);
    QCOMPARE(cifsrMac(b), mac);
}

void TstSimIdentity::stationMacOptionSetsBothInterfaces()
{
    atb::sim::SimulatedModule::Options o;
    o.stationMac = QStringLiteral("02:AB:00:00:00:07");
    InProc m(o);
    QCOMPARE(cifsrMac(m), QByteArray("02:ab:00:00:00:07"));
    QVERIFY(m.run("AT+CIPSTAMAC?").contains("+CIPSTAMAC:\"02:ab:00:00:00:07\""));
    QVERIFY(m.run("AT+CIPAPMAC?").contains("+CIPAPMAC:\"02:ab:00:00:00:08\""));
}

void TstSimIdentity::restoreKeepsTheGivenMac()
{
    atb::sim::SimulatedModule::Options o;
    o.stationMac = QStringLiteral("02:00:00:00:10:01");
    InProc m(o);
    QVERIFY(m.run("AT+CIPSTAMAC=\"02:00:00:00:99:99\"").contains("OK"));
    QCOMPARE(cifsrMac(m), QByteArray("02:00:00:00:99:99"));
    m.run("AT+RESTORE");
    QVERIFY(m.waitIdle());
    QCOMPARE(cifsrMac(m), QByteArray("02:00:00:00:10:01"));
}

void TstSimIdentity::macOptionOfTheProgram()
{
    PtySim sim;
    QString error;
    QVERIFY2(sim.start({ QStringLiteral("--mac"), QStringLiteral("02:00:00:00:00:2a") }, &error), qPrintable(error));
    QCOMPARE(sim.waitFor("ready\r\n"), QByteArray("ready\r\n"));
    QVERIFY(sim.transact("AT+CIFSR").contains("+CIFSR:STAMAC,\"02:00:00:00:00:2a\""));
}

void TstSimIdentity::badMacIsRefused_data()
{
    QTest::addColumn<QString>("mac");
    QTest::newRow("multicast") << QStringLiteral("03:00:00:00:00:01");
    QTest::newRow("short") << QStringLiteral("02:00:00:00:01");
    QTest::newRow("not hex") << QStringLiteral("02:00:00:00:00:zz");
    QTest::newRow("dashes") << QStringLiteral("02-00-00-00-00-01");
}

void TstSimIdentity::badMacIsRefused()
{
    QFETCH(QString, mac);
    QTemporaryDir dir;
    QProcess p;
    p.start(simBinary(), { QStringLiteral("--pty"), dir.filePath(QStringLiteral("tty")), QStringLiteral("--mac"), mac });
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("--mac needs a unicast address"));
}

QTEST_MAIN(TstSimIdentity)
#include "tst_simidentity.moc"
