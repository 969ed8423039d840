// What a run reports: JUnit XML (counts per suite, one case per check, an <error> case for a
// script error, a time limit or an unreachable port, characters XML cannot carry replaced) and
// the JSON object of atbench-cli run --json.
#include "recipes/reciperesult.h"

#include <QJsonArray>
#include <QtTest>
#include <QXmlStreamReader>

using namespace atb;

namespace {

RecipeCheck check(const QString &name, bool passed, const QString &detail = QString(), int line = 0)
{
    RecipeCheck c;
    c.name = name;
    c.passed = passed;
    c.detail = detail;
    c.line = line;
    c.ms = 12;
    return c;
}

RecipeResult result(RecipeResult::Verdict v, const QString &port, const QList<RecipeCheck> &checks)
{
    RecipeResult r;
    r.recipeId = QStringLiteral("module-health");
    r.title = QStringLiteral("Module health");
    r.port = port;
    r.verdict = v;
    r.checks = checks;
    r.durationMs = 1234;
    r.startedUtc = QStringLiteral("2024-05-01T10:00:00Z");
    return r;
}

struct Suite
{
    QString name;
    int tests = 0, failures = 0, errors = 0, cases = 0;
    QStringList failed, errored;
};

QList<Suite> parse(const QByteArray &xml, QString *error)
{
    QList<Suite> out;
    QXmlStreamReader x(xml);
    QString testcase;
    while (!x.atEnd()) {
        if (x.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto a = x.attributes();
        if (x.name() == QLatin1String("testsuite")) {
            Suite s;
            s.name = a.value(QLatin1String("name")).toString();
            s.tests = a.value(QLatin1String("tests")).toInt();
            s.failures = a.value(QLatin1String("failures")).toInt();
            s.errors = a.value(QLatin1String("errors")).toInt();
            out << s;
        } else if (x.name() == QLatin1String("testcase")) {
            ++out.last().cases;
            testcase = a.value(QLatin1String("name")).toString();
        } else if (x.name() == QLatin1String("failure")) {
            out.last().failed << testcase + QLatin1String(": ") + a.value(QLatin1String("message")).toString();
        } else if (x.name() == QLatin1String("error")) {
            out.last().errored << a.value(QLatin1String("type")).toString() + QLatin1String(": ")
                    + a.value(QLatin1String("message")).toString();
        }
    }
    if (x.hasError())
        *error = x.errorString();
    return out;
}

} // namespace

class tst_RecipeReport : public QObject
{
    Q_OBJECT

private slots:
    void junit()
    {
        RecipeResult error = result(RecipeResult::Verdict::Error, QStringLiteral("/dev/ttyB"), { check(QStringLiteral("AT"), true) });
        error.message = QStringLiteral("ReferenceError: x is not defined");
        error.errorFile = QStringLiteral("broken.js");
        error.errorLine = 7;
        RecipeResult none = result(RecipeResult::Verdict::NoModule, QStringLiteral("/dev/ttyC"), {});
        none.message = QStringLiteral("Port /dev/ttyC: No such file or directory");
        const QList<RecipeResult> results {
            result(RecipeResult::Verdict::Fail, QStringLiteral("/dev/ttyA"),
                   { check(QStringLiteral("AT"), true), check(QStringLiteral("Joined"), false, QStringLiteral("wrong password"), 30),
                     check(QStringLiteral("odd \x01 bytes"), false, QStringLiteral("got \x02\x1b")) }),
            error, none, result(RecipeResult::Verdict::Pass, QStringLiteral("/dev/ttyD"), {})
        };
        const QByteArray xml = junitXml(QStringLiteral("module-health"), results);
        QString parseError;
        const QList<Suite> suites = parse(xml, &parseError);
        QVERIFY2(parseError.isEmpty(), qPrintable(parseError));
        QCOMPARE(suites.size(), 4);
        QCOMPARE(suites[0].name, QStringLiteral("module-health @ /dev/ttyA"));
        QCOMPARE(suites[0].tests, 3);
        QCOMPARE(suites[0].cases, 3);
        QCOMPARE(suites[0].failures, 2);
        QCOMPARE(suites[0].failed.first(), QStringLiteral("Joined: wrong password"));
        QCOMPARE(suites[0].failed.last(), QStringLiteral("odd \uFFFD bytes: got \uFFFD\uFFFD"));
        QCOMPARE(suites[1].tests, 2);
        QCOMPARE(suites[1].errors, 1);
        QCOMPARE(suites[1].errored, QStringList { QStringLiteral("error: broken.js:7: ReferenceError: x is not defined") });
        QCOMPARE(suites[2].errored, QStringList { QStringLiteral("no-module: Port /dev/ttyC: No such file or directory") });
        QCOMPARE(suites[3].tests, 1); // a recipe without checks still shows up as one passing case
        QCOMPARE(suites[3].failures + suites[3].errors, 0);
        QVERIFY(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        QVERIFY(xml.contains("<testsuites name=\"module-health\" tests=\"7\" failures=\"2\" errors=\"2\""));
    }

    void json()
    {
        RecipeResult r = result(RecipeResult::Verdict::Fail, QStringLiteral("/dev/ttyA"),
                                { check(QStringLiteral("Joined"), false, QStringLiteral("wrong password"), 30) });
        r.checks.first().step = QStringLiteral("Wi-Fi");
        r.log << QStringLiteral("a line");
        const QJsonObject o = r.toJson();
        QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
        QCOMPARE(o.value(QStringLiteral("passed")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("failed")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("duration_ms")).toInt(), 1234);
        const QJsonObject c = o.value(QStringLiteral("checks")).toArray().first().toObject();
        QCOMPARE(c.value(QStringLiteral("name")).toString(), QStringLiteral("Joined"));
        QCOMPARE(c.value(QStringLiteral("line")).toInt(), 30);
        QCOMPARE(c.value(QStringLiteral("step")).toString(), QStringLiteral("Wi-Fi"));
        QVERIFY(!o.contains(QStringLiteral("file")));
        for (const char *key : { "recipe", "title", "port", "started", "firmware", "log" })
            QVERIFY2(o.contains(QLatin1String(key)), key);
    }

    void verdictNames()
    {
        QCOMPARE(RecipeResult::verdictName(RecipeResult::Verdict::Timeout), QStringLiteral("timeout"));
        QCOMPARE(RecipeResult::verdictName(RecipeResult::Verdict::NoModule), QStringLiteral("no-module"));
        QCOMPARE(RecipeResult::verdictText(RecipeResult::Verdict::Pass), QStringLiteral("PASS"));
    }
};

QTEST_GUILESS_MAIN(tst_RecipeReport)
#include "tst_recipereport.moc"
