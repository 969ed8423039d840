// atbench-cli run as a CI station drives it, against atbench-sim on ptys: step results, exit
// codes (pass, a failed check, a script error with file and line, an unreachable port, a time
// limit, SIGTERM), ports run in parallel, --answer, --param, --json, and JUnit XML that
// validates against the format CI servers read (tests/data/junit/junit.xsd, xmllint).
#include "clirunner.h"
#include "ptysim.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using clitest::runCli;

namespace {

const QString kRun = QStringLiteral("run");

QString schemaPath()
{
    return QStringLiteral(ATB_TEST_DATA_DIR "/junit/junit.xsd");
}

// xmllint --schema: empty when valid, else its complaint.
QString validateJunit(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("xmllint"), { QStringLiteral("--noout"), QStringLiteral("--schema"), schemaPath(), path });
    if (!p.waitForFinished(20000))
        return QStringLiteral("xmllint did not finish");
    if (p.exitCode() == 0)
        return QString();
    return QString::fromUtf8(p.readAllStandardError());
}

struct JunitCounts
{
    int suites = 0, cases = 0, failures = 0, errors = 0;
    QStringList failedNames;
    QStringList errorTypes;
};

JunitCounts readJunit(const QString &path)
{
    JunitCounts c;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return c;
    QXmlStreamReader x(&f);
    QString testcase;
    while (!x.atEnd()) {
        if (x.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (x.name() == QLatin1String("testsuite")) {
            ++c.suites;
        } else if (x.name() == QLatin1String("testcase")) {
            ++c.cases;
            testcase = x.attributes().value(QLatin1String("name")).toString();
        } else if (x.name() == QLatin1String("failure")) {
            ++c.failures;
            c.failedNames << testcase;
        } else if (x.name() == QLatin1String("error")) {
            ++c.errors;
            c.errorTypes << x.attributes().value(QLatin1String("type")).toString();
        }
    }
    return c;
}

QString writeRecipe(const QTemporaryDir &dir, const QString &name, const QString &source)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(source.toUtf8());
    return path;
}

} // namespace

class tst_CliRun : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!QFile::exists(simtest::simBinary()) || !QFile::exists(clitest::cliBinary()))
            QFAIL("atbench-sim and atbench-cli must be built");
        if (QStandardPaths::findExecutable(QStringLiteral("xmllint")).isEmpty())
            QFAIL("xmllint (libxml2-utils) is needed to validate the JUnit XML");
    }

    void helpAndList()
    {
        const clitest::CliRun top = runCli({ QStringLiteral("--help") });
        QVERIFY(top.out.contains("  run RECIPE --port PORT"));
        const clitest::CliRun help = runCli({ kRun, QStringLiteral("--help") });
        QCOMPARE(help.exitCode, 0);
        for (const char *opt : { "--port", "--junit", "--json", "--answer", "--param", "--timeout", "--list", "--baud",
                                 "--dialect", "--open-timeout" })
            QVERIFY2(help.out.contains(opt), opt);
        const clitest::CliRun list = runCli({ kRun, QStringLiteral("--list") });
        QCOMPARE(list.exitCode, 0);
        for (const char *id : { "module-health", "tcp-echo", "mqtt-loop", "reconnect-endurance", "factory-smoke" })
            QVERIFY2(list.out.contains(QByteArray(id) + "  "), id);
        QVERIFY(list.out.startsWith("module-health"));
        QVERIFY(list.out.contains("--param password=<secret>"));
    }

    void moduleHealthPassesWithJunitAndJson()
    {
        simtest::SimProcess sim;
        QString error;
        QVERIFY2(sim.start({}, &error), qPrintable(error));
        QTemporaryDir dir;
        const QString junit = dir.filePath(QStringLiteral("health.xml"));
        const clitest::CliRun r = runCli({ kRun, QStringLiteral("module-health"), QStringLiteral("--port"), sim.link(),
                                           QStringLiteral("--junit"), junit, QStringLiteral("--json") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("recipe")).toString(), QStringLiteral("module-health"));
        QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("pass"));
        QCOMPARE(o.value(QStringLiteral("exit_code")).toInt(), 0);
        const QJsonObject port = o.value(QStringLiteral("ports")).toArray().first().toObject();
        QCOMPARE(port.value(QStringLiteral("port")).toString(), sim.link());
        const QJsonArray checks = port.value(QStringLiteral("checks")).toArray();
        QVERIFY(checks.size() >= 8);
        QCOMPARE(checks.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Module answers AT"));
        for (const QJsonValue &c : checks)
            QVERIFY2(c.toObject().value(QStringLiteral("passed")).toBool(), qPrintable(c.toObject().value(QStringLiteral("name")).toString()));
        // Progress went to standard error, so standard output is JSON alone.
        QVERIFY(r.err.contains("PASS Module answers AT"));

        const QString invalid = validateJunit(junit);
        QVERIFY2(invalid.isEmpty(), qPrintable(invalid));
        const JunitCounts c = readJunit(junit);
        QCOMPARE(c.suites, 1);
        QCOMPARE(c.cases, int(checks.size()));
        QCOMPARE(c.failures + c.errors, 0);
    }

    void failedCheckAndPortsInParallel()
    {
        // Three ports at once: a healthy module, one whose join fails, and none at all.
        simtest::SimProcess good, bad;
        QString error;
        QVERIFY2(good.start({}, &error), qPrintable(error));
        QVERIFY2(bad.start({ QStringLiteral("--fault"), QStringLiteral("join-fail:2") }, &error), qPrintable(error));
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("ttyNone"));
        const QString junit = dir.filePath(QStringLiteral("all.xml"));
        const clitest::CliRun r = runCli({ kRun, QStringLiteral("module-health"), QStringLiteral("--port"), good.link(),
                                           QStringLiteral("--port"), bad.link(), QStringLiteral("--junit"), junit });
        QCOMPARE(r.exitCode, 1); // a check failed
        QVERIFY2(r.out.contains(QByteArray("[") + bad.link().toUtf8() + "] FAIL Joined an access point"), r.out.constData());
        QVERIFY(r.out.contains("wrong password"));
        QVERIFY(r.out.contains(QByteArray("[") + good.link().toUtf8() + "] PASS: 9 of 9 checks passed"));
        const QString invalid = validateJunit(junit);
        QVERIFY2(invalid.isEmpty(), qPrintable(invalid));
        const JunitCounts c = readJunit(junit);
        QCOMPARE(c.suites, 2);
        QCOMPARE(c.failures, 1);
        QCOMPARE(c.failedNames, QStringList { QStringLiteral("Joined an access point") });

        // An unreachable port among them: exit 3, the reason names the port, an <error> case.
        const clitest::CliRun r3 = runCli({ kRun, QStringLiteral("module-health"), QStringLiteral("--port"), good.link(),
                                            QStringLiteral("--port"), missing, QStringLiteral("--junit"), junit });
        QCOMPARE(r3.exitCode, 3);
        QVERIFY2(r3.err.contains(missing.toUtf8()), r3.err.constData());
        QVERIFY(validateJunit(junit).isEmpty());
        QCOMPARE(readJunit(junit).errorTypes, QStringList { QStringLiteral("no-module") });
    }

    void portsRunAtTheSameTime()
    {
        simtest::SimProcess a, b;
        QString error;
        QVERIFY2(a.start({}, &error), qPrintable(error));
        QVERIFY2(b.start({}, &error), qPrintable(error));
        QTemporaryDir dir;
        const QString recipe = writeRecipe(dir, QStringLiteral("wait.js"),
                                           QStringLiteral("check('AT', at('AT'));\nsleep(2000);\ncheck('AT again', at('AT'));\n"));
        QElapsedTimer t;
        t.start();
        const clitest::CliRun r = runCli({ kRun, recipe, QStringLiteral("--port"), a.link(), QStringLiteral("--port"), b.link() });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(t.elapsed() < 3900, qPrintable(QString::number(t.elapsed()))); // one after the other: over 4 s
        QCOMPARE(r.out.count("PASS: 2 of 2 checks passed"), 2);
    }

    void scriptErrorNamesFileAndLine()
    {
        simtest::SimProcess sim;
        QString error;
        QVERIFY2(sim.start({}, &error), qPrintable(error));
        QTemporaryDir dir;
        const QString recipe = writeRecipe(dir, QStringLiteral("broken.js"),
                                           QStringLiteral("check('AT', at('AT'));\n\nconst x = undefinedName + 1;\n"));
        const QString junit = dir.filePath(QStringLiteral("err.xml"));
        const clitest::CliRun r = runCli({ kRun, recipe, QStringLiteral("--port"), sim.link(), QStringLiteral("--junit"), junit });
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains((recipe + QStringLiteral(":3: ReferenceError: undefinedName is not defined")).toUtf8()),
                 r.err.constData());
        QVERIFY(validateJunit(junit).isEmpty());
        const JunitCounts c = readJunit(junit);
        QCOMPARE(c.errorTypes, QStringList { QStringLiteral("error") });
        QCOMPARE(c.cases, 2); // the check that passed, and the error

        const QString syntax = writeRecipe(dir, QStringLiteral("syntax.js"), QStringLiteral("at('AT');\nif (\n"));
        const clitest::CliRun s = runCli({ kRun, syntax, QStringLiteral("--port"), sim.link() });
        QCOMPARE(s.exitCode, 5);
        QVERIFY2(s.err.contains((syntax + QStringLiteral(":3: SyntaxError")).toUtf8()), s.err.constData());
    }

    void timeLimit()
    {
        simtest::SimProcess sim;
        QString error;
        QVERIFY2(sim.start({}, &error), qPrintable(error));
        QTemporaryDir dir;
        const QString recipe = writeRecipe(dir, QStringLiteral("loop.js"), QStringLiteral("check('AT', at('AT'));\nwhile (true) {}\n"));
        QElapsedTimer t;
        t.start();
        const clitest::CliRun r = runCli({ kRun, recipe, QStringLiteral("--port"), sim.link(), QStringLiteral("--timeout"),
                                           QStringLiteral("1") });
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(t.elapsed() < 8000, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(r.err.contains("time limit of 1.0 s"), r.err.constData());
    }

    void answersAndParams()
    {
        simtest::SimProcess sim;
        QString error;
        QVERIFY2(sim.start({ QStringLiteral("--wifi-connected") }, &error), qPrintable(error));
        const QStringList base { kRun, QStringLiteral("factory-smoke"), QStringLiteral("--port"), sim.link(),
                                 QStringLiteral("--param"), QStringLiteral("operatorCheck=yes") };
        const clitest::CliRun yes = runCli(base + QStringList { QStringLiteral("--answer"), QStringLiteral("yes") });
        QVERIFY2(yes.exitCode == 0, yes.out.constData());
        QVERIFY(yes.out.contains("PASS Operator: status LED blinks"));
        const clitest::CliRun no = runCli(base + QStringList { QStringLiteral("--answer"), QStringLiteral("no") });
        QCOMPARE(no.exitCode, 1);
        const clitest::CliRun unanswered = runCli(base);
        QCOMPARE(unanswered.exitCode, 5);
        QVERIFY2(unanswered.err.contains("--answer"), unanswered.err.constData());
        QVERIFY(unanswered.err.contains("factory-smoke.js:"));
    }

    void readmeExample()
    {
        // README "The recipe API": the worked example, as documented.
        simtest::SimProcess sim;
        QString error;
        QVERIFY2(sim.start({ QStringLiteral("--wifi-connected") }, &error), qPrintable(error));
        QTemporaryDir dir;
        const QString junit = dir.filePath(QStringLiteral("ping.xml"));
        const clitest::CliRun r = runCli({ kRun, QStringLiteral(ATB_TEST_DATA_DIR "/recipes/ping-gateway.js"), QStringLiteral("--port"),
                                           sim.link(), QStringLiteral("--param"), QStringLiteral("count=3"), QStringLiteral("--junit"), junit });
        QVERIFY2(r.exitCode == 0, r.out.constData());
        QVERIFY(r.out.contains("step: Ping the gateway"));
        QVERIFY(r.out.contains("PASS Ping 3"));
        QVERIFY(r.out.contains("PASS: 5 of 5 checks passed"));
        QVERIFY(validateJunit(junit).isEmpty());
        QCOMPARE(readJunit(junit).cases, 5);
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no recipe") << QStringList { "--port", "/dev/null" } << "give the RECIPE";
        QTest::newRow("unknown recipe") << QStringList { "no-such-recipe", "--port", "/dev/null" } << "No recipe \"no-such-recipe\"";
        QTest::newRow("no port") << QStringList { "module-health" } << "--port PORT is required";
        QTest::newRow("unknown param") << QStringList { "module-health", "--port", "/dev/null", "--param", "ssdi=x" }
                                       << "has no parameter 'ssdi'";
        QTest::newRow("param without =") << QStringList { "module-health", "--port", "/dev/null", "--param", "ssid" }
                                         << "NAME=VALUE";
        QTest::newRow("bad timeout") << QStringList { "module-health", "--port", "/dev/null", "--timeout", "soon" } << "--timeout";
        QTest::newRow("same port twice") << QStringList { "module-health", "--port", "/dev/null", "--port", "/dev/null" }
                                         << "given twice";
    }
    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const clitest::CliRun r = runCli(QStringList { kRun } + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void unwritableJunit()
    {
        simtest::SimProcess sim;
        QString error;
        QVERIFY2(sim.start({}, &error), qPrintable(error));
        QTemporaryDir dir;
        const QString recipe = writeRecipe(dir, QStringLiteral("at.js"), QStringLiteral("check('AT', at('AT'));\n"));
        const clitest::CliRun r = runCli({ kRun, recipe, QStringLiteral("--port"), sim.link(), QStringLiteral("--junit"),
                                           dir.filePath(QStringLiteral("no/such/dir/out.xml")) });
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.err.contains("cannot write"));
    }

    void sigtermStopsAndStillReports()
    {
        simtest::SimProcess sim;
        QString error;
        QVERIFY2(sim.start({}, &error), qPrintable(error));
        QTemporaryDir dir;
        const QString recipe = writeRecipe(dir, QStringLiteral("long.js"), QStringLiteral("check('AT', at('AT'));\nsleep(600000);\n"));
        const QString junit = dir.filePath(QStringLiteral("stopped.xml"));
        QProcess p;
        p.start(clitest::cliBinary(), { kRun, recipe, QStringLiteral("--port"), sim.link(), QStringLiteral("--junit"), junit });
        QVERIFY(p.waitForStarted());
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += p.readAllStandardOutput()).contains("PASS AT"), 10000);
        p.terminate();
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitCode(), 7);
        QVERIFY(validateJunit(junit).isEmpty());
        QCOMPARE(readJunit(junit).errorTypes, QStringList { QStringLiteral("cancelled") });
    }
};

QTEST_GUILESS_MAIN(tst_CliRun)
#include "tst_clirun.moc"
