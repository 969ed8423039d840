// atbench-cli read, diff and provision as a user drives them, against atbench-sim modules on
// ptys (several at once) and a local mosquitto: a module saved as a profile and provisioned onto
// four others; only-changes; diff exit codes; reports; refusals before anything is sent; no
// secret in any output or file.
#include "clirunner.h"
#include "mosquittobroker.h"
#include "ptysim.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using clitest::runCli;

namespace {

const QString kWifiPassword = QStringLiteral("12345678");
const QString kMqttPassword = QStringLiteral("broker-pw-42");

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n'))
        if (!line.trimmed().isEmpty())
            objects << QJsonDocument::fromJson(line).object();
    return objects;
}

} // namespace

class TstCliProvision : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void helpOfEachSubcommand_data();
    void helpOfEachSubcommand();
    void readSavesTheModuleAsAProfile();
    void provisionFourModulesFromASavedProfile();
    void diffExitCodes();
    void refusedBeforeAnythingIsSent_data();
    void refusedBeforeAnythingIsSent();
    void unreachablePortExitsThree();
    void secretsFileAndMissingSecret();

private:
    std::unique_ptr<simtest::SimProcess> sim(int n, const QStringList &extra = {});
    QString writeProfile(const QJsonObject &o);

    QTemporaryDir m_dir;
    mqtttest::MosquittoBroker m_broker;
    bool m_haveBroker = false;
};

void TstCliProvision::initTestCase()
{
    if (mqtttest::missingTools().isEmpty()) {
        QString error;
        m_haveBroker = m_broker.start(&error);
        QVERIFY2(m_haveBroker, qPrintable(error));
    }
}

std::unique_ptr<simtest::SimProcess> TstCliProvision::sim(int n, const QStringList &extra)
{
    auto s = std::make_unique<simtest::SimProcess>();
    QString error;
    if (!s->start(QStringList { QStringLiteral("--mac"), QStringLiteral("02:00:00:00:02:%1").arg(n, 2, 10, QLatin1Char('0')) } + extra,
                  &error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return s;
}

QString TstCliProvision::writeProfile(const QJsonObject &o)
{
    static int n = 0;
    const QString file = m_dir.filePath(QStringLiteral("profile%1.json").arg(++n));
    QFile f(file);
    f.open(QIODevice::WriteOnly);
    f.write(QJsonDocument(o).toJson());
    return file;
}

void TstCliProvision::helpOfEachSubcommand_data()
{
    QTest::addColumn<QString>("sub");
    QTest::addColumn<QStringList>("options");
    QTest::newRow("read") << "read" << QStringList { "--port", "--baud", "--dialect", "--output" };
    QTest::newRow("diff") << "diff" << QStringList { "--port", "--profile", "--secret", "--secrets-file" };
    QTest::newRow("provision") << "provision"
                               << QStringList { "--port", "--profile", "--secret", "--secrets-file", "--report", "--junit",
                                                "--only-changes" };
}

void TstCliProvision::helpOfEachSubcommand()
{
    QFETCH(QString, sub);
    QFETCH(QStringList, options);
    const clitest::CliRun r = runCli({ sub, QStringLiteral("--help") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QByteArray("atbench-cli ") + sub.toUtf8() + " "));
    for (const QString &o : options)
        QVERIFY2(r.out.contains(o.toUtf8()), qPrintable(o));
    const clitest::CliRun top = runCli({ QStringLiteral("--help") });
    QVERIFY(top.out.contains(QByteArray("  ") + sub.toUtf8() + " "));
}

void TstCliProvision::readSavesTheModuleAsAProfile()
{
    auto s = sim(1, { QStringLiteral("--wifi-connected") });
    QVERIFY(s);
    const clitest::CliRun r = runCli({ QStringLiteral("read"), QStringLiteral("--port"), s->link() });
    QCOMPARE(r.exitCode, 0);
    QJsonParseError e;
    const QJsonObject p = QJsonDocument::fromJson(r.out, &e).object();
    QCOMPARE(e.error, QJsonParseError::NoError);
    QCOMPARE(p.value("format").toString(), QStringLiteral("atbench-profile"));
    QCOMPARE(p.value("wifi").toObject().value("ssid").toString(), QStringLiteral("BenchAP"));
    QCOMPARE(p.value("wifi").toObject().value("password").toObject().value("secret").toString(), QStringLiteral("wifi.password"));
    QCOMPARE(p.value("source").toObject().value("mac").toString(), QStringLiteral("02:00:00:00:02:01"));
    QVERIFY(!r.out.contains(kWifiPassword.toUtf8()));
    // --output writes the same to a file.
    const QString file = m_dir.filePath(QStringLiteral("saved.json"));
    QCOMPARE(runCli({ QStringLiteral("read"), QStringLiteral("--port"), s->link(), QStringLiteral("--output"), file }).exitCode, 0);
    QVERIFY(QFile::exists(file));
    QCOMPARE(runCli({ QStringLiteral("read"), QStringLiteral("--port"), s->link(), QStringLiteral("--output"),
                      m_dir.filePath(QStringLiteral("no/such/dir/x.json")) })
                 .exitCode,
             4);
}

void TstCliProvision::provisionFourModulesFromASavedProfile()
{
    if (!m_haveBroker)
        QSKIP("needs mosquitto");
    // The "golden" module, configured by hand, saved as a profile.
    auto golden = sim(10, { QStringLiteral("--wifi-connected") });
    QVERIFY(golden);
    const clitest::CliRun read = runCli({ QStringLiteral("read"), QStringLiteral("--port"), golden->link() });
    QCOMPARE(read.exitCode, 0);
    QJsonObject profile = QJsonDocument::fromJson(read.out).object();
    // The technician completes what the module cannot report: MQTT with a per-module client id.
    profile.insert("name", "line 3");
    profile.insert("mqtt", QJsonObject { { "scheme", 1 }, { "client_id", "line3-${MAC6}" }, { "username", "line3" },
                                         { "password", QJsonObject { { "secret", "mqtt.password" } } },
                                         { "host", "127.0.0.1" }, { "port", int(m_broker.port()) },
                                         { "subscriptions", QJsonArray { QJsonObject { { "topic", "line3/${MAC6}/cmd" }, { "qos", 1 } } } } });
    profile.insert("post_checks", QJsonArray { QJsonObject { { "check", "mqtt_loopback" }, { "topic", "line3/${MAC6}/cmd" },
                                                             { "message", "module ${INDEX}" } },
                                               QJsonObject { { "check", "resolve" }, { "name", "localhost" } } });
    const QString file = writeProfile(profile);

    std::vector<std::unique_ptr<simtest::SimProcess>> sims;
    QStringList args { QStringLiteral("provision"), QStringLiteral("--profile"), file,
                       QStringLiteral("--secret"), QStringLiteral("wifi.password=") + kWifiPassword,
                       QStringLiteral("--secret"), QStringLiteral("mqtt.password=") + kMqttPassword,
                       QStringLiteral("--no-keychain"), QStringLiteral("--report"), m_dir.filePath(QStringLiteral("reports")),
                       QStringLiteral("--junit"), m_dir.filePath(QStringLiteral("ci/junit.xml")) };
    for (int i = 1; i <= 4; ++i) {
        sims.push_back(sim(20 + i));
        QVERIFY(sims.back());
        args << QStringLiteral("--port") << sims.back()->link();
    }
    const clitest::CliRun r = runCli(args, 120000);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 4);
    QSet<QString> macs;
    for (const QJsonObject &o : lines) {
        QCOMPARE(o.value("verdict").toString(), QStringLiteral("pass"));
        QCOMPARE(o.value("fields_failed").toInt(), 0);
        QVERIFY(o.value("fields").toInt() >= 15);
        QVERIFY(QFile::exists(o.value("report").toString()));
        for (const char *key : { "index", "port", "mac", "verdict", "step", "fields", "fields_failed", "checks_failed",
                                 "commands", "duration_ms", "error", "report" })
            QVERIFY2(o.contains(QLatin1String(key)), key);
        macs << o.value("mac").toString();
    }
    QCOMPARE(macs.size(), 4);
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("ci/junit.xml"))));
    for (const char *f : { "report.csv", "junit.xml", "report.html" })
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("reports/")) + QLatin1String(f)));

    // Again with only-changes: every module already matches, nothing but reads is sent.
    args << QStringLiteral("--only-changes");
    const clitest::CliRun again = runCli(args, 120000);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    for (const QJsonObject &o : jsonLines(again.out))
        QCOMPARE(o.value("commands").toInt(), 0);

    // No secret anywhere: output, errors, reports, logs, the profile.
    QList<QByteArray> texts { r.out, r.err, again.out, again.err };
    QDirIterator it(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        texts << f.readAll();
    }
    for (const QByteArray &t : texts) {
        QVERIFY(!t.contains(kWifiPassword.toUtf8()));
        QVERIFY(!t.contains(kMqttPassword.toUtf8()));
    }
}

void TstCliProvision::diffExitCodes()
{
    auto joined = sim(30, { QStringLiteral("--wifi-connected") });
    auto fresh = sim(31);
    QVERIFY(joined && fresh);
    const QString file = writeProfile(QJsonObject {
        { "format", "atbench-profile" }, { "version", 1 }, { "dialect", "esp" },
        { "wifi", QJsonObject { { "mode", "station" }, { "ssid", "BenchAP" }, { "password", QJsonObject { { "secret", "wifi.password" } } } } } });
    clitest::CliRun r = runCli({ QStringLiteral("diff"), QStringLiteral("--profile"), file, QStringLiteral("--port"), joined->link() });
    QCOMPARE(r.exitCode, 0);
    QList<QJsonObject> rows = jsonLines(r.out);
    QCOMPARE(rows.size(), 3); // mode, join, ssid (the password was not given: not compared)
    for (const QJsonObject &o : rows) {
        QCOMPARE(o.value("verdict").toString(), QStringLiteral("match"));
        QCOMPARE(o.value("port").toString(), joined->link());
    }
    r = runCli({ QStringLiteral("diff"), QStringLiteral("--profile"), file, QStringLiteral("--port"), fresh->link(),
                 QStringLiteral("--secret"), QStringLiteral("wifi.password=") + kWifiPassword });
    QCOMPARE(r.exitCode, 1);
    rows = jsonLines(r.out);
    QCOMPARE(rows.size(), 4);
    for (const QJsonObject &o : rows) {
        if (o.value("field") == QLatin1String("/wifi/join"))
            QCOMPARE(o.value("verdict").toString(), QStringLiteral("differs"));
        if (o.value("field") == QLatin1String("/wifi/password")) {
            QCOMPARE(o.value("verdict").toString(), QStringLiteral("unreadable"));
            QCOMPARE(o.value("desired").toString(), QStringLiteral("***"));
        }
    }
    QVERIFY(!r.out.contains(kWifiPassword.toUtf8()));
    // diff changed nothing: the fresh module still differs.
    QCOMPARE(runCli({ QStringLiteral("diff"), QStringLiteral("--profile"), file, QStringLiteral("--port"), fresh->link() }).exitCode, 1);
    // A Beken module cannot be compared with an ESP profile.
    auto beken = sim(32, { QStringLiteral("--dialect"), QStringLiteral("beken") });
    QVERIFY(beken);
    r = runCli({ QStringLiteral("diff"), QStringLiteral("--profile"), file, QStringLiteral("--port"), beken->link() });
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("Beken"));
}

void TstCliProvision::refusedBeforeAnythingIsSent_data()
{
    QTest::addColumn<QByteArray>("profile");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QByteArray>("message");
    const QByteArray ok = R"({"format":"atbench-profile","version":1,"dialect":"esp","wifi":{"mode":"station","ssid":"BenchAP","password":{"secret":"wifi.password"}}})";
    QTest::newRow("wrong version") << QByteArray(R"({"format":"atbench-profile","version":2,"dialect":"esp"})")
                                   << QStringList() << QByteArray("/version: unsupported version");
    QTest::newRow("unknown key") << QByteArray(R"({"format":"atbench-profile","version":1,"dialect":"esp","wlan":{}})")
                                 << QStringList() << QByteArray("/wlan: unknown key");
    QTest::newRow("password in clear")
        << QByteArray(R"({"format":"atbench-profile","version":1,"dialect":"esp","wifi":{"mode":"station","ssid":"x","password":"12345678"}})")
        << QStringList() << QByteArray("/wifi/password: must be a secret reference");
    QTest::newRow("not json") << QByteArray("{ nope") << QStringList() << QByteArray("not valid JSON at line 1");
    QTest::newRow("ssid over the limit")
        << QByteArray(R"({"format":"atbench-profile","version":1,"dialect":"esp","wifi":{"mode":"station","ssid":"0123456789012345678901234567890123","password":""}})")
        << QStringList() << QByteArray("/wifi/ssid:");
    QTest::newRow("secret missing") << ok << QStringList { "--no-keychain", "--no-prompt" }
                                    << QByteArray("secrets missing, nothing was sent: wifi.password (/wifi/password)");
    QTest::newRow("bad secret argument") << ok << QStringList { "--secret", "wifi.password" } << QByteArray("NAME=VALUE");
    QTest::newRow("bad publish address") << ok << QStringList { "--publish", "http://127.0.0.1/r" }
                                         << QByteArray("is not mqtt://HOST[:PORT]/TOPIC");
    QTest::newRow("unknown placeholder")
        << QByteArray(R"({"format":"atbench-profile","version":1,"dialect":"esp","mqtt":{"scheme":1,"client_id":"x-${NAME}","connect":false}})")
        << QStringList() << QByteArray("/mqtt/client_id: unknown placeholder ${NAME}");
}

void TstCliProvision::refusedBeforeAnythingIsSent()
{
    QFETCH(QByteArray, profile);
    QFETCH(QStringList, extra);
    QFETCH(QByteArray, message);
    simtest::PtySim s; // the module: the test sees every byte it receives
    QString error;
    QVERIFY2(s.start({}, &error), qPrintable(error));
    QCOMPARE(s.waitFor("ready\r\n"), QByteArray("ready\r\n"));
    const QString file = m_dir.filePath(QStringLiteral("bad.json"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(profile);
    f.close();
    // The link stays open on the test's side, so the CLI's port is the same pty (nothing may reach it).
    const clitest::CliRun r
        = runCli(QStringList { QStringLiteral("provision"), QStringLiteral("--profile"), file, QStringLiteral("--port"), s.link() } + extra);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QCOMPARE(r.out, QByteArray());
    QCOMPARE(s.collect(100), QByteArray()); // not one byte reached the module
}

void TstCliProvision::unreachablePortExitsThree()
{
    const QString file = writeProfile(QJsonObject { { "format", "atbench-profile" }, { "version", 1 }, { "dialect", "esp" },
                                                    { "persistence", QJsonObject { { "store", true } } } });
    auto s = sim(40);
    QVERIFY(s);
    const clitest::CliRun r = runCli({ QStringLiteral("provision"), QStringLiteral("--profile"), file, QStringLiteral("--port"),
                                       s->link(), QStringLiteral("--port"), m_dir.filePath(QStringLiteral("ttyGone")),
                                       QStringLiteral("--open-timeout"), QStringLiteral("2") });
    QVERIFY2(r.exitCode == 3, qPrintable(QStringLiteral("exit code %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 2);
    int passed = 0;
    for (const QJsonObject &o : lines) {
        if (o.value("verdict") == QLatin1String("pass"))
            ++passed;
        else
            QVERIFY(o.value("error").toString().contains(QLatin1String("ttyGone")));
    }
    QCOMPARE(passed, 1);
}

void TstCliProvision::secretsFileAndMissingSecret()
{
    auto s = sim(50);
    QVERIFY(s);
    const QString profile = writeProfile(QJsonObject {
        { "format", "atbench-profile" }, { "version", 1 }, { "dialect", "esp" },
        { "wifi", QJsonObject { { "mode", "station" }, { "ssid", "BenchAP" }, { "password", QJsonObject { { "secret", "bench.wifi" } } } } } });
    const QString secrets = m_dir.filePath(QStringLiteral("secrets.txt"));
    QFile f(secrets);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("# bench secrets\nbench.wifi=" + kWifiPassword.toUtf8() + "\n");
    f.close();
    const clitest::CliRun r = runCli({ QStringLiteral("provision"), QStringLiteral("--profile"), profile, QStringLiteral("--port"),
                                       s->link(), QStringLiteral("--secrets-file"), secrets, QStringLiteral("--no-keychain") });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(jsonLines(r.out).first().value("verdict").toString(), QStringLiteral("pass"));
    // A wrong password: the join fails, the module fails, exit 1.
    auto other = sim(51);
    QVERIFY(other);
    const clitest::CliRun wrong = runCli({ QStringLiteral("provision"), QStringLiteral("--profile"), profile, QStringLiteral("--port"),
                                           other->link(), QStringLiteral("--secret"), QStringLiteral("bench.wifi=wrongpass"),
                                           QStringLiteral("--no-keychain") });
    QCOMPARE(wrong.exitCode, 1);
    const QJsonObject o = jsonLines(wrong.out).value(0);
    QCOMPARE(o.value("verdict").toString(), QStringLiteral("fail"));
    QVERIFY2(o.value("error").toString().contains(QLatin1String("password")), qPrintable(o.value("error").toString()));
    QVERIFY(!wrong.out.contains("wrongpass"));
}

QTEST_MAIN(TstCliProvision)
#include "tst_cliprovision.moc"
