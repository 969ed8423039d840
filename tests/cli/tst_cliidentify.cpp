#include "clirunner.h"
#include "ptymodule.h"
#include "ptysim.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

using clitest::runCli;

// atbench-cli as a user drives it: the sub-command list, `identify` against atbench-sim on a pty
// (the options every module sub-command shares: --port, --baud, --dialect, --open-timeout), and
// the exit codes for bad arguments and unreachable ports.
class tst_CliIdentify : public QObject
{
    Q_OBJECT
private slots:
    void helpListsEverySubcommand();
    void identifiesTheSimulator_data();
    void identifiesTheSimulator();
    void badArguments_data();
    void badArguments();
    void unreachablePorts_data();
    void unreachablePorts();
};

void tst_CliIdentify::helpListsEverySubcommand()
{
    const clitest::CliRun r = runCli({ QStringLiteral("--help") });
    QCOMPARE(r.exitCode, 0);
    for (const char *name : { "decode", "identify" })
        QVERIFY2(r.out.contains(QByteArray("  ") + name), name);
    QVERIFY(r.out.contains("Exit codes"));
    const clitest::CliRun sub = runCli({ QStringLiteral("identify"), QStringLiteral("--help") });
    QCOMPARE(sub.exitCode, 0);
    QVERIFY(sub.out.contains("atbench-cli identify --port PORT"));
    for (const char *opt : { "--port", "--baud", "--dialect", "--open-timeout" })
        QVERIFY2(sub.out.contains(opt), opt);
    const clitest::CliRun none = runCli({ QStringLiteral("nosuch") });
    QCOMPARE(none.exitCode, 2);
    QVERIFY(none.err.contains("unknown command 'nosuch'"));
}

void tst_CliIdentify::identifiesTheSimulator_data()
{
    QTest::addColumn<QString>("simDialect");
    QTest::addColumn<QString>("dialectArg");
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("source");
    QTest::newRow("esp detected") << "esp" << "auto" << "esp" << "detected";
    QTest::newRow("beken detected") << "beken" << "auto" << "beken" << "detected";
    QTest::newRow("esp given") << "esp" << "esp" << "esp" << "given";
}

void tst_CliIdentify::identifiesTheSimulator()
{
    QFETCH(QString, simDialect);
    QFETCH(QString, dialectArg);
    QFETCH(QString, dialect);
    QFETCH(QString, source);
    simtest::SimProcess sim;
    QString error;
    QVERIFY2(sim.start({ QStringLiteral("--dialect"), simDialect, QStringLiteral("--baud"), QStringLiteral("921600") }, &error),
             qPrintable(error));
    const clitest::CliRun r = runCli({ QStringLiteral("identify"), QStringLiteral("--port"), sim.link(), QStringLiteral("--baud"),
                                       QStringLiteral("921600"), QStringLiteral("--dialect"), dialectArg });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.count('\n'), 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("port")).toString(), sim.link());
    QCOMPARE(o.value(QStringLiteral("dialect")).toString(), dialect);
    QCOMPARE(o.value(QStringLiteral("dialect_source")).toString(), source);
    QCOMPARE(o.value(QStringLiteral("confidence")).toString(), QStringLiteral("high"));
    QVERIFY(!o.value(QStringLiteral("firmware")).toArray().isEmpty());
    QVERIFY(!o.value(QStringLiteral("evidence")).toString().isEmpty());
}

void tst_CliIdentify::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    const QString id = QStringLiteral("identify");
    QTest::newRow("no port") << QStringList { id } << "--port PORT is required";
    QTest::newRow("two ports") << QStringList { id, "--port", "/dev/a", "--port", "/dev/b" } << "one --port";
    QTest::newRow("bad baud") << QStringList { id, "--port", "/dev/a", "--baud", "fast" } << "--baud";
    QTest::newRow("baud too low") << QStringList { id, "--port", "/dev/a", "--baud", "10" } << "--baud";
    QTest::newRow("bad dialect") << QStringList { id, "--port", "/dev/a", "--dialect", "nordic" } << "--dialect";
    QTest::newRow("bad timeout") << QStringList { id, "--port", "/dev/a", "--open-timeout", "-1" } << "--open-timeout";
    QTest::newRow("bad tcp") << QStringList { id, "--port", "tcp:127.0.0.1" } << "tcp:HOST:PORT";
    QTest::newRow("stray argument") << QStringList { id, "--port", "/dev/a", "extra" } << "unexpected argument";
}

void tst_CliIdentify::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const clitest::CliRun r = runCli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.startsWith("atbench-cli identify: "), r.err.constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
}

void tst_CliIdentify::unreachablePorts_data()
{
    QTest::addColumn<QString>("port");
    QTemporaryDir dir;
    QTest::newRow("no such device") << dir.filePath(QStringLiteral("ttyGone"));
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const quint16 free = probe.serverPort();
    probe.close();
    QTest::newRow("tcp refused") << QStringLiteral("tcp:127.0.0.1:%1").arg(free);
    QTest::newRow("simulator not built in") << QStringLiteral("sim:esp");
}

void tst_CliIdentify::unreachablePorts()
{
    QFETCH(QString, port);
    const clitest::CliRun r = runCli({ QStringLiteral("identify"), QStringLiteral("--port"), port,
                                       QStringLiteral("--open-timeout"), QStringLiteral("3") },
                                     20000);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(QString::fromUtf8(r.err).contains(port), r.err.constData());
}

QTEST_GUILESS_MAIN(tst_CliIdentify)
#include "tst_cliidentify.moc"
