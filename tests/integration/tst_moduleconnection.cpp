#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "services/moduleconnection.h"

#include "ptymodule.h"
#include "ptysim.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace atb;

// Opening a module the way the CLI and a provisioning station do: atbench-sim on a real pty
// (QSerialPort path), each dialect detected or given; and every way it can fail, each with a
// sentence that names the port and within the time limit.
class tst_ModuleConnection : public QObject
{
    Q_OBJECT
private slots:
    void opensAndDetects_data();
    void opensAndDetects();
    void givenDialectWins();
    void failures_data();
    void failures();
    void silentModuleFailsWithinTheLimit();
    void simulatorNeedsAFactory();
    void reportsALostLink();
};

void tst_ModuleConnection::opensAndDetects_data()
{
    QTest::addColumn<QString>("simDialect");
    QTest::addColumn<int>("dialect");
    QTest::newRow("esp") << "esp" << int(Dialect::Esp);
    QTest::newRow("beken") << "beken" << int(Dialect::Beken);
}

void tst_ModuleConnection::opensAndDetects()
{
    QFETCH(QString, simDialect);
    QFETCH(int, dialect);
    simtest::SimProcess sim;
    QString error;
    QVERIFY2(sim.start({ QStringLiteral("--dialect"), simDialect }, &error), qPrintable(error));
    ModuleConnection m;
    QSignalSpy opened(&m, &ModuleConnection::opened);
    const PortSpec spec = PortSpec::parse(sim.link()).value();
    QVERIFY2(m.openAndWait(spec, DialectChoice::Auto, &error), qPrintable(error));
    QCOMPARE(opened.size(), 1);
    QVERIFY(m.isOpen());
    QCOMPARE(int(m.model()->dialect()), dialect);
    QCOMPARE(int(m.session()->dialect()), dialect);
    QVERIFY(m.probe().detected());
    QVERIFY(!m.probe().firmware.isEmpty());
    QVERIFY(!m.model()->firmware().isEmpty());
    QCOMPARE(m.session()->state(), DeviceSession::State::Connected);
}

void tst_ModuleConnection::givenDialectWins()
{
    simtest::SimProcess sim;
    QString error;
    QVERIFY2(sim.start({ QStringLiteral("--dialect"), QStringLiteral("esp") }, &error), qPrintable(error));
    ModuleConnection m;
    QVERIFY2(m.openAndWait(PortSpec::parse(sim.link()).value(), DialectChoice::Beken, &error), qPrintable(error));
    QCOMPARE(m.model()->dialect(), Dialect::Beken);
    QCOMPARE(m.session()->dialect(), Dialect::Beken);
}

void tst_ModuleConnection::failures_data()
{
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("mentions");

    QTemporaryDir dir;
    QTest::newRow("no such device") << dir.filePath(QStringLiteral("ttyNone")) << "ttyNone";
    // A free loopback port with nothing listening: the connection is refused at once.
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const quint16 free = probe.serverPort();
    probe.close();
    QTest::newRow("tcp refused") << QStringLiteral("tcp:127.0.0.1:%1").arg(free) << QStringLiteral("tcp:127.0.0.1:%1").arg(free);
}

void tst_ModuleConnection::failures()
{
    QFETCH(QString, port);
    QFETCH(QString, mentions);
    ModuleConnection m;
    QSignalSpy failed(&m, &ModuleConnection::failed);
    QString error;
    QElapsedTimer t;
    t.start();
    QVERIFY(!m.openAndWait(PortSpec::parse(port).value(), DialectChoice::Auto, &error, 5000));
    QVERIFY2(t.elapsed() < 4000, "a port that cannot open fails at once, not at the deadline");
    QCOMPARE(failed.size(), 1);
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QCOMPARE(m.errorString(), error);
    QVERIFY(!m.isOpen());
}

void tst_ModuleConnection::silentModuleFailsWithinTheLimit()
{
    PtyModule silent;
    QVERIFY(silent.isValid());
    silent.on("*", QByteArray()); // answers nothing
    ModuleConnection m;
    QString error;
    QElapsedTimer t;
    t.start();
    QVERIFY(!m.openAndWait(PortSpec::parse(silent.slavePath()).value(), DialectChoice::Auto, &error, 1500));
    QVERIFY2(t.elapsed() < 6000, qPrintable(QString::number(t.elapsed())));
    QVERIFY2(error.contains(silent.slavePath()), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("answer")), qPrintable(error));
}

void tst_ModuleConnection::simulatorNeedsAFactory()
{
    ModuleConnection m;
    QString error;
    QVERIFY(!m.openAndWait(PortSpec::parse(QStringLiteral("sim:esp")).value(), DialectChoice::Auto, &error));
    QVERIFY2(error.contains(QLatin1String("atbench-sim")), qPrintable(error));
}

void tst_ModuleConnection::reportsALostLink()
{
    auto sim = std::make_unique<simtest::SimProcess>();
    QString error;
    QVERIFY2(sim->start({}, &error), qPrintable(error));
    ModuleConnection m;
    QVERIFY2(m.openAndWait(PortSpec::parse(sim->link()).value(), DialectChoice::Auto, &error), qPrintable(error));
    QSignalSpy lost(&m, &ModuleConnection::lost);
    const QString link = sim->link();
    sim.reset(); // the simulator exits: its pty hangs up
    QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 5000);
    QVERIFY(lost.first().first().toString().contains(link));
    QVERIFY(!m.isOpen());
}

QTEST_GUILESS_MAIN(tst_ModuleConnection)
#include "tst_moduleconnection.moc"
