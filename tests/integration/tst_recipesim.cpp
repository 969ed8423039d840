// Every shipped recipe against atbench-sim on a real pseudo-terminal (QSerialPort, the session in
// its own I/O thread as the app runs it): it passes on a healthy module and fails at the right
// step when a fault is injected (--fault join-fail, busy, broker-drop, reset@MS, or a module
// that was never provisioned). Peers (echo server, SNTP, mosquitto) are on 127.0.0.1 only.
#include "engine/devicesession.h"
#include "engine/sessionhost.h"
#include "mosquittobroker.h"
#include "ptysim.h"
#include "recipes/recipe.h"
#include "recipes/reciperunner.h"
#include "recipes/recipeservices.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace atb;

namespace {

// atbench-sim on a pty, a session on it in its own thread, services and a runner.
struct Station
{
    simtest::SimProcess sim;
    QElapsedTimer sinceBoot;
    SessionHost host;
    std::unique_ptr<ModuleServices> services;
    std::unique_ptr<RecipeRunner> runner;

    bool start(const QStringList &simArgs, QString *error)
    {
        if (!sim.start(simArgs, error))
            return false;
        sinceBoot.start();
        services = std::make_unique<ModuleServices>(host.session());
        runner = std::make_unique<RecipeRunner>(services->services());
        SerialSettings s;
        s.portName = sim.link();
        host.session()->openSerial(s);
        if (!QTest::qWaitFor([this] { return host.session()->state() == DeviceSession::State::Connected; }, 5000)) {
            *error = QStringLiteral("the session did not connect");
            return false;
        }
        return true;
    }
    ~Station()
    {
        runner.reset();
        services.reset();
    }

    RecipeResult run(const QString &id, const QHash<QString, QString> &params, int waitMs = 120000)
    {
        QString error;
        const std::optional<Recipe> recipe = RecipeLibrary::resolve(id, &error);
        if (!recipe) {
            qWarning("%s", qPrintable(error));
            return RecipeResult();
        }
        RecipeRunOptions o;
        o.params = params;
        o.port = sim.link();
        QSignalSpy done(runner.get(), &RecipeRunner::finished);
        if (!runner->start(*recipe, o) || !done.wait(waitMs))
            return RecipeResult();
        return runner->lastResult();
    }
};

QString describe(const RecipeResult &r)
{
    QStringList lines { RecipeResult::verdictName(r.verdict) + QLatin1Char(' ') + r.errorText() };
    for (const RecipeCheck &c : r.checks)
        lines << QStringLiteral("  %1 %2: %3").arg(c.passed ? QStringLiteral("PASS") : QStringLiteral("FAIL"), c.name, c.detail);
    for (const QString &l : r.log)
        lines << QStringLiteral("  log: ") + l;
    return lines.join(QLatin1Char('\n'));
}

const RecipeCheck *firstFailure(const RecipeResult &r)
{
    for (const RecipeCheck &c : r.checks)
        if (!c.passed)
            return &c;
    return nullptr;
}

using Params = QHash<QString, QString>;

} // namespace

Q_DECLARE_METATYPE(Params)

class tst_RecipeSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!QFile::exists(simtest::simBinary()))
            QFAIL("atbench-sim was not built");
    }

    void shippedRecipe_data()
    {
        QTest::addColumn<QString>("recipe");
        QTest::addColumn<QStringList>("simArgs");
        QTest::addColumn<Params>("params");
        QTest::addColumn<int>("waitAfterBootMs"); // for faults armed at @MS: start the recipe after them
        QTest::addColumn<bool>("broker");
        QTest::addColumn<QString>("failsAt");     // empty: passes; else the first failing check starts so
        QTest::addColumn<QString>("failDetail");  // ... and its detail contains this

        const QStringList healthy;
        QTest::newRow("module-health") << "module-health" << healthy << Params() << 0 << false << QString() << QString();
        QTest::newRow("module-health joined at boot") << "module-health" << QStringList { "--wifi-connected" } << Params() << 0
                                                      << false << QString() << QString();
        QTest::newRow("module-health join-fail") << "module-health" << QStringList { "--fault", "join-fail:2" } << Params() << 0
                                                 << false << "Joined an access point" << "password";
        QTest::newRow("module-health busy storm") << "module-health" << QStringList { "--fault", "busy:60@800" } << Params()
                                                  << 1000 << false << "Module answers AT" << "busy";
        QTest::newRow("tcp-echo") << "tcp-echo" << healthy << Params() << 0 << false << QString() << QString();
        QTest::newRow("tcp-echo reset") << "tcp-echo" << QStringList { "--fault", "reset@2500" }
                                        << Params { { "rounds", "60" }, { "size", "512" } } << 0 << false << "Round " << "";
        QTest::newRow("mqtt-loop") << "mqtt-loop" << healthy << Params() << 0 << true << QString() << QString();
        QTest::newRow("mqtt-loop broker-drop") << "mqtt-loop" << QStringList { "--fault", "broker-drop@2500" }
                                               << Params { { "count", "60" }, { "interval", "100" } } << 0 << true
                                               << "Message " << "";
        QTest::newRow("reconnect-endurance wifi") << "reconnect-endurance" << healthy << Params { { "count", "4" } } << 0
                                                  << false << QString() << QString();
        QTest::newRow("reconnect-endurance stored AP") << "reconnect-endurance" << QStringList { "--wifi-connected" }
                                                       << Params { { "count", "3" } } << 0 << false << QString() << QString();
        QTest::newRow("reconnect-endurance mqtt") << "reconnect-endurance" << healthy
                                                  << Params { { "mode", "mqtt" }, { "count", "4" } } << 0 << true << QString()
                                                  << QString();
        QTest::newRow("reconnect-endurance join-fail") << "reconnect-endurance" << QStringList { "--fault", "join-fail:3@2000" }
                                                       << Params { { "count", "30" } } << 0 << false << "Reconnect " << "";
        QTest::newRow("factory-smoke") << "factory-smoke" << QStringList { "--wifi-connected" } << Params() << 0 << false
                                       << QString() << QString();
        QTest::newRow("factory-smoke not provisioned") << "factory-smoke" << healthy << Params() << 0 << false
                                                       << "Joined the provisioned access point" << "provisioned";
        QTest::newRow("factory-smoke busy storm") << "factory-smoke" << QStringList { "--wifi-connected", "--fault", "busy:60@800" }
                                                  << Params() << 1000 << false << "Module answers AT" << "busy";
    }
    void shippedRecipe()
    {
        QFETCH(QString, recipe);
        QFETCH(QStringList, simArgs);
        QFETCH(Params, params);
        QFETCH(int, waitAfterBootMs);
        QFETCH(bool, broker);
        QFETCH(QString, failsAt);
        QFETCH(QString, failDetail);

        mqtttest::MosquittoBroker mosquitto;
        if (broker) {
            if (const QString missing = mqtttest::missingTools(); !missing.isEmpty())
                QSKIP(qPrintable(QStringLiteral("not installed: ") + missing));
            QString error;
            QVERIFY2(mosquitto.start(&error), qPrintable(error));
            params.insert(QStringLiteral("broker"), mosquitto.host());
            params.insert(QStringLiteral("brokerPort"), QString::number(mosquitto.port()));
        }
        Station station;
        QString error;
        QVERIFY2(station.start(simArgs, &error), qPrintable(error));
        if (waitAfterBootMs > 0)
            QTRY_VERIFY_WITH_TIMEOUT(station.sinceBoot.elapsed() >= waitAfterBootMs, waitAfterBootMs + 1000);

        const RecipeResult r = station.run(recipe, params);
        const QString text = describe(r);
        QVERIFY2(!r.checks.isEmpty(), qPrintable(text));
        qInfo("%s", qPrintable(text));
        if (failsAt.isEmpty()) {
            QVERIFY2(r.verdict == RecipeResult::Verdict::Pass, qPrintable(text));
            return;
        }
        QVERIFY2(r.verdict == RecipeResult::Verdict::Fail, qPrintable(text));
        const RecipeCheck *failed = firstFailure(r);
        QVERIFY2(failed && failed->name.startsWith(failsAt), qPrintable(text));
        QVERIFY2(failed->detail.contains(failDetail, Qt::CaseInsensitive), qPrintable(text));
        QVERIFY2(failed->line > 0, qPrintable(text));
    }

    void servicesFromAScript()
    {
        // The services a page uses, from a recipe: scan, a throughput run with the lab's own
        // PC-side peer, passthrough data through send(), the model afterwards.
        Station station;
        QString error;
        QVERIFY2(station.start({ QStringLiteral("--wifi-connected") }, &error), qPrintable(error));
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("services.js")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("const scan = wifi.scan();\n"
                "check('scan', scan.ok && scan.accessPoints.some(a => a.ssid === 'BenchAP'), JSON.stringify(scan.accessPoints));\n"
                "const run = throughput.run({ mode: 'send', durationMs: 600, chunkSize: 256 });\n"
                "check('throughput', run.ok && run.deliveredBytes > 0 && run.lossFree, JSON.stringify(run));\n"
                "const echo = pc.echoServer();\n"
                "check('link mode', link.mode({ mux: 0, mode: 1 }));\n"
                "check('open', link.open({ type: 'TCP', host: echo.host, port: echo.port }));\n"
                "const p = at('AT+CIPSEND');\n"
                "check('passthrough', p.final === '>' && device.state === 'passthrough', JSON.stringify(p));\n"
                "check('raw send', send('ping!').ok);\n"
                "const back = expect('ping!', 3000);\n"
                "check('raw echo', back !== null && back.kind === 'raw', JSON.stringify(back));\n"
                "check('left passthrough', link.leavePassthrough());\n"
                "check('AT again', at('AT'));\n");
        f.close();
        QSignalSpy done(station.runner.get(), &RecipeRunner::finished);
        QVERIFY(station.runner->start(*Recipe::load(f.fileName())));
        QVERIFY(done.wait(60000));
        const RecipeResult r = station.runner->lastResult();
        QVERIFY2(r.verdict == RecipeResult::Verdict::Pass, qPrintable(describe(r)));
        QCOMPARE(r.checks.size(), 9);
    }
};

QTEST_GUILESS_MAIN(tst_RecipeSim)
#include "tst_recipesim.moc"
