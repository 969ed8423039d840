// The recipe engine: metadata, the API against a scripted module (replies, data phase, expect,
// errors in words), verdicts, limits (a busy loop, a slow step, a long sleep), cancel at any
// moment, script errors with their file and line, ask(), parameters and secrets.
#include "engine/devicesession.h"
#include "recipes/recipe.h"
#include "recipes/recipeapinames.h"
#include "recipes/reciperunner.h"
#include "recipes/recipeservices.h"
#include "scriptedmodule.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

using namespace atb;

namespace {

// A scripted module, a session on it, the services and a runner, all in the test thread (the
// script runs in the runner's own thread).
struct Rig
{
    ScriptedModule module;
    DeviceSession session;
    ModuleServices services { &session };
    RecipeRunner runner { services.services() };

    Rig()
    {
        module.replies.insert("AT+SLOW", "");        // never answers
        module.replies.insert("AT+URC", "\r\nOK\r\n\r\nWIFI GOT IP\r\n");
        module.replies.insert("AT+CWJAP?", "No AP\r\n\r\nOK\r\n");
        session.openWith(module.factory());
    }
    bool ready() { return QTest::qWaitFor([this] { return session.state() == DeviceSession::State::Connected; }, 5000); }

    // Runs `source` as a recipe file "test.js" and returns its result.
    RecipeResult run(const QString &source, const RecipeRunOptions &options = RecipeRunOptions(), int waitMs = 20000)
    {
        QSignalSpy done(&runner, &RecipeRunner::finished);
        if (!runner.start(Recipe::fromSource(source, QStringLiteral("test.js")), options))
            return RecipeResult();
        if (!done.wait(waitMs))
            qWarning("the recipe did not finish within %d ms", waitMs);
        return runner.lastResult();
    }
};

QStringList checkNames(const RecipeResult &r)
{
    QStringList out;
    for (const RecipeCheck &c : r.checks)
        out << (c.passed ? QStringLiteral("PASS ") : QStringLiteral("FAIL ")) + c.name;
    return out;
}

} // namespace

class tst_RecipeEngine : public QObject
{
    Q_OBJECT

private slots:
    void header_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("title");
        QTest::addColumn<int>("timeout");
        QTest::addColumn<QStringList>("params"); // name=default[*] (* secret)
        QTest::newRow("full") << QStringLiteral("// @recipe Module health\n// @summary One\n// @summary two.\n"
                                                "// @timeout 90\n// @param ssid Access point\n"
                                                "// @param password secret Its password\n// @param n=5 Count\n"
                                                "at(\"AT\");\n// @param late=1 not in the header\n")
                              << QStringLiteral("Module health") << 90
                              << QStringList { QStringLiteral("ssid="), QStringLiteral("password=*"), QStringLiteral("n=5") };
        QTest::newRow("none") << QStringLiteral("log(1);\n") << QStringLiteral("x") << int(Recipe::kDefaultTimeoutS)
                              << QStringList();
        QTest::newRow("bad timeout") << QStringLiteral("// @timeout soon\n") << QStringLiteral("x")
                                     << int(Recipe::kDefaultTimeoutS) << QStringList();
    }
    void header()
    {
        QFETCH(QString, source);
        const Recipe r = Recipe::fromSource(source, QStringLiteral("/tmp/x.js"));
        QCOMPARE(r.id, QStringLiteral("x"));
        QFETCH(QString, title);
        QCOMPARE(r.title, title);
        QFETCH(int, timeout);
        QCOMPARE(r.timeoutS, timeout);
        QStringList got;
        for (const RecipeParam &p : r.params)
            got << p.name + QLatin1Char('=') + p.defaultValue + (p.secret ? QStringLiteral("*") : QString());
        QFETCH(QStringList, params);
        QCOMPARE(got, params);
        if (title == QLatin1String("Module health"))
            QCOMPARE(r.summary, QStringLiteral("One two."));
    }

    void shippedRecipesAreFound()
    {
        const QList<Recipe> shipped = RecipeLibrary::shipped();
        QVERIFY(!shipped.isEmpty());
        QCOMPARE(shipped.first().id, QStringLiteral("module-health"));
        QVERIFY(shipped.first().shipped);
        QString error;
        QVERIFY(RecipeLibrary::resolve(QStringLiteral("module-health"), &error));
        QVERIFY(RecipeLibrary::resolve(QStringLiteral("module-health.js"), &error));
        QVERIFY(!RecipeLibrary::resolve(QStringLiteral("no-such-recipe"), &error));
        QVERIFY2(error.contains(QLatin1String("module-health")), qPrintable(error)); // names the shipped ones
    }

    void atReturnsTheReply()
    {
        Rig rig;
        QVERIFY(rig.ready());
        const RecipeResult r = rig.run(QStringLiteral(
            "const g = at('AT+GMR');\n"
            "check('firmware', g.ok && g.lines[0].startsWith('AT version:'), g.text);\n"
            "check('final', g.final === 'OK' && g.status === 'ok');\n"
            "const bad = at('AT+CWMODE=9');\n"
            "check('decoded', !bad.ok && bad.status === 'error' && bad.errCodes[0] === '0x01080000', bad.error);\n"
            "check('reply object counts by ok', at('AT'));\n"
            "check('expect option', at('AT+GMR', { expect: /SDK version:(\\S+)/ }).match[1] === 'v4.0');\n"
            "check('expect option misses', !at('AT', { expect: 'nothing' }).ok);\n"));
        QCOMPARE(r.verdict, RecipeResult::Verdict::Pass);
        QCOMPARE(checkNames(r), (QStringList { "PASS firmware", "PASS final", "PASS decoded", "PASS reply object counts by ok",
                                               "PASS expect option", "PASS expect option misses" }));
        QCOMPARE(r.checks[0].detail, QStringLiteral("AT version:2.2.0.0(test)\nSDK version:v4.0"));
        QCOMPARE(r.checks[0].line, 2);
        QVERIFY2(r.checks[2].detail.contains(QLatin1String("AT+CWMODE=9 failed")), qPrintable(r.checks[2].detail));
        QCOMPARE(rig.module.lines, (QList<QByteArray> { "AT+GMR", "AT+CWMODE=9", "AT", "AT+GMR", "AT" }));
    }

    void dataPhase()
    {
        Rig rig;
        QVERIFY(rig.ready());
        const RecipeResult r = rig.run(QStringLiteral(
            "const p = at('AT+CIPSEND=5');\n"
            "check('prompt', p.prompt && p.length === 5);\n"
            "check('sent', send('hello').final === 'SEND OK');\n"
            "check('in one go', at('AT+CIPSEND=3', { data: fromHex('00ff41') }).final === 'SEND OK');\n"
            "check('hex', toHex('AB') === '4142');\n"));
        QCOMPARE(r.verdict, RecipeResult::Verdict::Pass);
        QCOMPARE(rig.module.payloads, (QList<QByteArray> { "hello", QByteArray("\x00\xff\x41", 3) }));
    }

    void sendWithoutPromptIsAnError()
    {
        Rig rig;
        QVERIFY(rig.ready());
        const RecipeResult r = rig.run(QStringLiteral("const s = send('x');\ncheck('refused', !s.ok, s.message);\n"));
        QCOMPARE(r.verdict, RecipeResult::Verdict::Pass);
        QVERIFY(r.checks[0].detail.contains(QLatin1String("AT+CIPSEND")));
    }

    void expectSeesLinesSinceTheLastMatch()
    {
        Rig rig;
        QVERIFY(rig.ready());
        const RecipeResult r = rig.run(QStringLiteral(
            "at('AT+URC');\n"
            "const e = expect(/WIFI (\\w+) (\\w+)/, 2000);\n"
            "check('regex', e !== null && e.match[1] === 'GOT' && e.kind === 'urc', JSON.stringify(e));\n"
            "const t0 = elapsed();\n"
            "check('consumed', expect('GOT IP', 300) === null);\n"
            "const waited = elapsed() - t0;\n"
            "check('waited its limit', waited >= 280 && waited < 2000, String(waited));\n"
            "at('AT+URC'); discard();\n"
            "check('discarded', expect('GOT IP', 200) === null);\n"));
        QCOMPARE(r.verdict, RecipeResult::Verdict::Pass);
    }

    void recipeCommandsShareTheQueue()
    {
        // A command typed elsewhere waits behind the recipe's command in flight.
        Rig rig;
        QVERIFY(rig.ready());
        QSignalSpy done(&rig.runner, &RecipeRunner::finished);
        QVERIFY(rig.runner.start(Recipe::fromSource(QStringLiteral("at('AT+SLOW', { timeout: 1500 });\n"), QStringLiteral("q.js"))));
        QTRY_VERIFY(rig.module.lines.contains("AT+SLOW"));
        rig.session.submit(AtCommand::fromLine("AT"));
        QTest::qWait(300);
        QCOMPARE(rig.module.lines.last(), QByteArray("AT+SLOW")); // nothing overtook it
        QVERIFY(done.wait(5000));
        QTRY_COMPARE(rig.module.lines.last(), QByteArray("AT"));
    }

    void busyLoopIsStoppedByTheRecipeLimit()
    {
        Rig rig;
        QVERIFY(rig.ready());
        RecipeRunOptions o;
        o.timeoutS = 1;
        QElapsedTimer t;
        t.start();
        const RecipeResult r = rig.run(QStringLiteral("// @timeout 600\nlet n = 0;\nwhile (true) { n++; }\n"), o, 10000);
        QCOMPARE(r.verdict, RecipeResult::Verdict::Timeout);
        QVERIFY2(t.elapsed() < 4000, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(r.message.contains(QLatin1String("time limit")), qPrintable(r.message));
        QVERIFY(!rig.runner.isRunning());
    }

    void stepLimit_data()
    {
        QTest::addColumn<QString>("body");
        QTest::newRow("busy loop") << QStringLiteral("while (true) {}");
        QTest::newRow("sleep") << QStringLiteral("sleep(60000)");
        QTest::newRow("silent module") << QStringLiteral("at('AT+SLOW', { timeout: 60000 })");
        QTest::newRow("expect") << QStringLiteral("expect('never', 60000)");
    }
    void stepLimit()
    {
        QFETCH(QString, body);
        Rig rig;
        QVERIFY(rig.ready());
        QElapsedTimer t;
        t.start();
        const RecipeResult r = rig.run(QStringLiteral("check('before', true);\nstep('slow', () => { %1; }, { timeout: 400 });\n"
                                                      "check('after', true);\n").arg(body));
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(r.verdict, RecipeResult::Verdict::Timeout);
        QCOMPARE(checkNames(r), (QStringList { "PASS before", "FAIL slow" }));
        QVERIFY2(r.checks[1].detail.contains(QLatin1String("\"slow\"")), qPrintable(r.checks[1].detail));
        QVERIFY(!rig.runner.isRunning());
    }

    void cancelAtAnyTime_data()
    {
        QTest::addColumn<QString>("script");
        QTest::newRow("busy loop") << QStringLiteral("for (;;) {}");
        QTest::newRow("sleep") << QStringLiteral("sleep(600000)");
        QTest::newRow("command in flight") << QStringLiteral("at('AT+SLOW', { timeout: 600000 })");
        QTest::newRow("expect") << QStringLiteral("expect('never', 600000)");
        QTest::newRow("ask") << QStringLiteral("ask('Ready?')");
    }
    void cancelAtAnyTime()
    {
        QFETCH(QString, script);
        Rig rig;
        QVERIFY(rig.ready());
        QSignalSpy done(&rig.runner, &RecipeRunner::finished);
        QSignalSpy asked(&rig.runner, &RecipeRunner::askRequested);
        QSignalSpy closed(&rig.runner, &RecipeRunner::askClosed);
        RecipeRunOptions o;
        o.interactive = true;
        QVERIFY(rig.runner.start(Recipe::fromSource(script + QStringLiteral("\ncheck('not reached', true);\n"), QStringLiteral("c.js")), o));
        QTest::qWait(200);
        QVERIFY(rig.runner.isRunning());
        QElapsedTimer t;
        t.start();
        rig.runner.cancel();
        QVERIFY(done.wait(3000));
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        const RecipeResult r = rig.runner.lastResult();
        QCOMPARE(r.verdict, RecipeResult::Verdict::Cancelled);
        QVERIFY(r.checks.isEmpty());
        if (!asked.isEmpty())
            QCOMPARE(closed.size(), 1); // the GUI closes its question
        // The session is usable at once.
        QSignalSpy finished(&rig.session, &DeviceSession::commandFinished);
        rig.session.submit(AtCommand::fromLine("AT"));
        QTRY_VERIFY(std::any_of(finished.cbegin(), finished.cend(), [](const QList<QVariant> &a) {
            const AtResult res = a.first().value<AtResult>();
            return res.command.line == "AT" && res.ok();
        }));
    }

    void scriptErrorsPointAtFileAndLine_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax") << QStringLiteral("check('a', true);\n\nlet = = 3;\n") << 3 << QStringLiteral("SyntaxError");
        QTest::newRow("reference") << QStringLiteral("at('AT');\nat('AT');\n\nnoSuchFunction();\n") << 4
                                   << QStringLiteral("ReferenceError: noSuchFunction is not defined");
        QTest::newRow("throw in a function") << QStringLiteral("function f() {\n  throw new Error('boom');\n}\nf();\n") << 2
                                             << QStringLiteral("Error: boom");
        QTest::newRow("inside a step") << QStringLiteral("step('s', () => {\n  check('x', true);\n  undefinedThing.x = 1;\n});\n")
                                       << 3 << QStringLiteral("ReferenceError");
        QTest::newRow("API misuse") << QStringLiteral("log('a');\nat(42);\n") << 2 << QStringLiteral("TypeError: at(line");
        QTest::newRow("unknown param") << QStringLiteral("\nparam('nope');\n") << 2 << QStringLiteral("param(\"nope\")");
        QTest::newRow("unanswered ask") << QStringLiteral("check('a', true);\nconst v = ask('Serial number?');\n") << 2
                                        << QStringLiteral("--answer");
    }
    void scriptErrorsPointAtFileAndLine()
    {
        QFETCH(QString, script);
        Rig rig;
        QVERIFY(rig.ready());
        const RecipeResult r = rig.run(script);
        QCOMPARE(r.verdict, RecipeResult::Verdict::Error);
        QCOMPARE(r.errorFile, QStringLiteral("test.js"));
        QFETCH(int, line);
        QCOMPARE(r.errorLine, line);
        QFETCH(QString, message);
        QVERIFY2(r.message.contains(message), qPrintable(r.message));
        QVERIFY2(r.errorText().startsWith(QStringLiteral("test.js:%1: ").arg(line)), qPrintable(r.errorText()));
    }

    void requireStopsTheRecipe()
    {
        Rig rig;
        QVERIFY(rig.ready());
        const RecipeResult r = rig.run(QStringLiteral("check('one', true);\nrequire('joined', at('AT+CWJAP?').lines[0] !== 'No AP', 'No AP');\n"
                                                      "check('never', true);\n"));
        QCOMPARE(r.verdict, RecipeResult::Verdict::Fail);
        QCOMPARE(checkNames(r), (QStringList { "PASS one", "FAIL joined" }));
        QCOMPARE(r.checks[1].detail, QStringLiteral("No AP"));
        QCOMPARE(r.checks[1].line, 2);
    }

    void failedCheckFailsTheRecipeButItGoesOn()
    {
        Rig rig;
        QVERIFY(rig.ready());
        const RecipeResult r = rig.run(QStringLiteral("check('a', false, 'why');\ncheck('b', true);\n"));
        QCOMPARE(r.verdict, RecipeResult::Verdict::Fail);
        QCOMPARE(checkNames(r), (QStringList { "FAIL a", "PASS b" }));
        QCOMPARE(r.failedCount(), 1);
    }

    void stepsReportTheirVerdict()
    {
        Rig rig;
        QVERIFY(rig.ready());
        QSignalSpy events(&rig.runner, &RecipeRunner::event);
        const RecipeResult r = rig.run(QStringLiteral("step('good', () => check('x', true));\n"
                                                      "const v = step('bad', () => { check('y', false); return 7; });\n"
                                                      "check('value', v === 7);\n"));
        QCOMPARE(r.verdict, RecipeResult::Verdict::Fail);
        QCOMPARE(r.checks[0].step, QStringLiteral("good"));
        QCOMPARE(r.checks[2].step, QString());
        QStringList seen;
        for (const QList<QVariant> &a : events) {
            const RecipeEvent e = a.first().value<RecipeEvent>();
            if (e.kind == RecipeEvent::Kind::StepFinished)
                seen << e.name + (e.passed ? QStringLiteral(" passed") : QStringLiteral(" failed"));
        }
        QCOMPARE(seen, (QStringList { "good passed", "bad failed" }));
    }

    void askUsesAnswersThenTheUser()
    {
        Rig rig;
        QVERIFY(rig.ready());
        RecipeRunOptions o;
        o.answers = QStringList { QStringLiteral("SN-1") };
        o.interactive = true;
        QSignalSpy asked(&rig.runner, &RecipeRunner::askRequested);
        QSignalSpy done(&rig.runner, &RecipeRunner::finished);
        QVERIFY(rig.runner.start(Recipe::fromSource(QStringLiteral("check('first', ask('Serial?') === 'SN-1');\n"
                                                                   "check('second', ask('LED on?', { choices: ['yes', 'no'] }) === 'yes');\n"),
                                                    QStringLiteral("a.js")),
                                 o));
        QVERIFY(asked.wait(3000));
        QCOMPARE(asked.first().at(1).toString(), QStringLiteral("LED on?"));
        QCOMPARE(asked.first().at(2).toStringList(), (QStringList { "yes", "no" }));
        rig.runner.answer(asked.first().at(0).toULongLong(), QStringLiteral("yes"));
        QVERIFY(done.wait(3000));
        QCOMPARE(rig.runner.lastResult().verdict, RecipeResult::Verdict::Pass);
    }

    void paramsAndSecrets()
    {
        Rig rig;
        QVERIFY(rig.ready());
        RecipeRunOptions o;
        o.params.insert(QStringLiteral("password"), QStringLiteral("hunter22"));
        const RecipeResult r = rig.run(QStringLiteral("// @param password secret The password\n// @param n=3 Count\n"
                                                      "log('pw', param('password'));\n"
                                                      "check('default', param('n') === '3');\n"
                                                      "check('fallback', param('other', 'x') === 'x');\n"
                                                      "check('masked ' + param('password'), true, param('password'));\n"),
                                       o);
        QCOMPARE(r.verdict, RecipeResult::Verdict::Pass);
        QCOMPARE(r.log, QStringList { QStringLiteral("pw ***") });
        QCOMPARE(r.checks[2].name, QStringLiteral("masked ***"));
        QCOMPARE(r.checks[2].detail, QStringLiteral("***"));
        const QList<LogRecord> records = rig.session.log()->snapshot();
        for (const LogRecord &rec : records)
            QVERIFY2(!rec.text.contains("hunter22"), rec.text.constData());
    }

    void deviceModelIsVisible()
    {
        Rig rig;
        QVERIFY(rig.ready());
        const RecipeResult r = rig.run(QStringLiteral("at('AT+GMR');\n"
                                                      "check('firmware', device.firmware[0].startsWith('AT version:'));\n"
                                                      "check('connected', device.connected === true && device.state === 'connected');\n"
                                                      "check('wifi', device.wifi.connected === false);\n"
                                                      "check('port', typeof device.port === 'string');\n"));
        QCOMPARE(r.verdict, RecipeResult::Verdict::Pass);
    }

    void editorNamesMatchTheEngine()
    {
        // What the editor highlights and completes is exactly what a script can call.
        Rig rig;
        QVERIFY(rig.ready());
        QStringList checks;
        for (const QString &f : recipeapi::globalFunctions())
            checks << QStringLiteral("check('%1', typeof %1 === 'function');").arg(f);
        for (const QString &m : recipeapi::members())
            checks << QStringLiteral("check('%1', typeof %1 !== 'undefined');").arg(m);
        for (const QString &ns : recipeapi::namespaces()) {
            if (ns == QLatin1String("device") || ns == QLatin1String("recipe"))
                continue;
            QStringList listed;
            for (const QString &m : recipeapi::members())
                if (m.startsWith(ns + QLatin1Char('.')))
                    listed << QStringLiteral("'%1'").arg(m);
            checks << QStringLiteral("check('%1.* listed', JSON.stringify(Object.keys(%1).map(k => '%1.' + k).sort()) === "
                                     "JSON.stringify([%2].sort()), JSON.stringify(Object.keys(%1)));")
                          .arg(ns, listed.join(QLatin1Char(',')));
        }
        const RecipeResult r = rig.run(checks.join(QLatin1Char('\n')));
        QStringList failed;
        for (const RecipeCheck &c : r.checks)
            if (!c.passed)
                failed << c.name + QLatin1Char(' ') + c.detail;
        QVERIFY2(failed.isEmpty(), qPrintable(failed.join(QLatin1String(", "))));
        QCOMPARE(r.verdict, RecipeResult::Verdict::Pass);
    }

    void noModule()
    {
        // A closed session: commands are refused, and the recipe says so instead of hanging.
        DeviceSession session;
        ModuleServices services(&session);
        RecipeRunner runner(services.services());
        QSignalSpy done(&runner, &RecipeRunner::finished);
        QVERIFY(runner.start(Recipe::fromSource(QStringLiteral("const r = at('AT');\ncheck('AT', r);\n"), QStringLiteral("n.js"))));
        QVERIFY(done.wait(5000));
        const RecipeResult r = runner.lastResult();
        QCOMPARE(r.verdict, RecipeResult::Verdict::Fail);
        QVERIFY2(r.checks[0].detail.contains(QLatin1String("not sent")), qPrintable(r.checks[0].detail));
    }

    void destroyedWhileRunning()
    {
        Rig *rig = new Rig;
        QVERIFY(rig->ready());
        QVERIFY(rig->runner.start(Recipe::fromSource(QStringLiteral("while (true) {}\n"), QStringLiteral("d.js"))));
        QTest::qWait(100);
        QElapsedTimer t;
        t.start();
        delete rig; // the runner stops the script and waits for its thread
        QVERIFY(t.elapsed() < 2000);
    }
};

QTEST_GUILESS_MAIN(tst_RecipeEngine)
#include "tst_recipeengine.moc"
