// ProfilePlanner: the exact lines a profile sends (built by the services' planners and the
// catalog-driven encoder), only-changes against a module's read-back, firmware limits as JSON
// paths, missing secrets, masked previews. Pure: no module, replies given as AtResults.
#include "provisioning/fieldcheck.h"
#include "provisioning/profilereader.h"
#include "provisioning/profileplanner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace atb;

namespace {

const QHash<QString, QString> kSecrets { { "wifi.password", "12345678" }, { "tls.psk", "pskvalue" },
                                         { "mqtt.password", "mqttpw" } };

QJsonObject fullExample()
{
    QFile f(QStringLiteral(ATB_TEST_DATA_DIR "/provisioning/full-esp.json"));
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

Profile expandedFull(QJsonObject o = fullExample())
{
    QList<JsonIssue> issues;
    const auto p = Profile::fromJson(o, &issues);
    ModuleIdentity id = placeholders::sampleIdentity(1, QStringLiteral("/dev/ttyUSB0"));
    id.mac = QStringLiteral("02:00:00:00:12:34");
    return placeholders::expandProfile(*p, id, &issues);
}

AtResult reply(const QByteArray &line, const QList<QByteArray> &lines, bool ok = true)
{
    AtResult r;
    r.command = AtCommand::fromLine(line);
    r.status = ok ? AtResult::Status::Ok : AtResult::Status::Error;
    r.finalText = ok ? "OK" : "ERROR";
    r.lines = lines;
    return r;
}

// What a module configured exactly as full-esp.json (expanded for MAC 02:00:00:00:12:34) reports.
QList<AtResult> matchingModule()
{
    return {
        reply("AT+GMR", { "AT version:2.4.0.0(sim)", "Bin version:2.4.0(SIM)" }),
        reply("AT+CIFSR", { "+CIFSR:STAIP,\"192.168.4.2\"", "+CIFSR:STAMAC,\"02:00:00:00:12:34\"" }),
        reply("AT+SYSSTORE?", { "+SYSSTORE:1" }),
        reply("AT+CWMODE?", { "+CWMODE:1" }),
        reply("AT+CWJAP?", { "+CWJAP:\"BenchAP\",\"aa:bb:cc:dd:ee:ff\",6,-45,0,1,3,0,1" }),
        reply("AT+CIPMUX?", { "+CIPMUX:1" }),
        reply("AT+CIPMODE?", { "+CIPMODE:0" }),
        reply("AT+CIPRECVMODE?", { "+CIPRECVMODE:0" }),
        reply("AT+CIPDNS?", { "+CIPDNS:1,\"192.0.2.53\",\"198.51.100.53\"" }),
        reply("AT+CIPSNTPCFG?", { "+CIPSNTPCFG:1,8,\"127.0.0.1\"" }),
        reply("AT+CIPSSLCPSK?", { "+CIPSSLCPSK:0,\"pskvalue\",\"line3\"" }),
        reply("AT+MQTTCONN?", { "+MQTTCONN:0,6,1,\"127.0.0.1\",\"1883\",\"\",0" }),
        reply("AT+MQTTSUB?", { "+MQTTSUB:0,6,\"line3/020000001234/cmd\",1", "+MQTTSUB:0,6,\"line3/all\",0" }),
    };
}

// A freshly booted ESP module.
QList<AtResult> freshModule()
{
    return {
        reply("AT+GMR", { "AT version:2.4.0.0(sim)" }),
        reply("AT+CIFSR", { "+CIFSR:STAIP,\"0.0.0.0\"", "+CIFSR:STAMAC,\"02:00:00:00:12:34\"" }),
        reply("AT+SYSSTORE?", { "+SYSSTORE:1" }),
        reply("AT+CWMODE?", { "+CWMODE:1" }),
        reply("AT+CWJAP?", { "No AP" }),
        reply("AT+CIPMUX?", { "+CIPMUX:0" }),
        reply("AT+CIPMODE?", { "+CIPMODE:0" }),
        reply("AT+CIPRECVMODE?", { "+CIPRECVMODE:0" }),
        reply("AT+CIPDNS?", { "+CIPDNS:0,\"208.67.222.222\",\"114.114.114.114\",\"8.8.8.8\"" }),
        reply("AT+CIPSNTPCFG?", { "+CIPSNTPCFG:0,8,\"cn.ntp.org.cn\",\"ntp.sjtu.edu.cn\",\"us.pool.ntp.org\"" }),
        reply("AT+CIPSSLCPSK?", {}),
        reply("AT+MQTTCONN?", { "+MQTTCONN:0,0,0,\"\",\"\",\"\",0" }),
        reply("AT+MQTTSUB?", {}),
    };
}

ModuleReadBack readBack(const QList<AtResult> &results, Dialect d = Dialect::Esp)
{
    return ProfileReader::interpret(results, d);
}

QList<QByteArray> linesOf(const ProfilePlan &p)
{
    return p.lines();
}

} // namespace

class TstProfilePlanner : public QObject
{
    Q_OBJECT
private slots:
    void fullProfileOnAFreshModule();
    void allModeSendsWhatTheModuleAlreadyHas();
    void onlyChangesOnAMatchingModuleSendsNothing();
    void onlyChangesSendsTheDifferenceOnly_data();
    void onlyChangesSendsTheDifferenceOnly();
    void mqttConnectedElsewhereIsReleasedAndConfigured();
    void pskLineFollowsThePlannedMux();
    void escapingIsTheDialects();
    void firmwareLimitsAreIssuesAtTheField_data();
    void firmwareLimitsAreIssuesAtTheField();
    void everyFieldAtItsLimitIsAccepted_data();
    void everyFieldAtItsLimitIsAccepted();
    void missingSecretsAreIssues();
    void previewMasksSecrets();
    void loopbackCheckSubscribesOnlyWhenNotCovered();
    void diffTable();
};

void TstProfilePlanner::fullProfileOnAFreshModule()
{
    const ProfilePlan p = ProfilePlanner::plan(expandedFull(), kSecrets, readBack(freshModule()), ProfilePlanner::Mode::OnlyChanges);
    QVERIFY2(p.ok(), p.issues.isEmpty() ? "" : qPrintable(p.issues.first().text()));
    const QList<QByteArray> expected {
        "AT+CWJAP=\"BenchAP\",\"12345678\"",
        "AT+CWJAP?",
        "AT+CIFSR",
        "AT+CIPSTA?",
        "AT+CIPMUX=1",
        "AT+CIPDNS=1,\"192.0.2.53\",\"198.51.100.53\"",
        "AT+CIPSNTPCFG=1,8,\"127.0.0.1\"",
        "AT+CIPSSLCPSK=5,\"pskvalue\",\"line3\"",
        "AT+MQTTUSERCFG=0,1,\"sensor-001234\",\"line3\",\"mqttpw\",0,0,\"\"",
        "AT+MQTTCONNCFG=0,60,0,\"line3/020000001234/status\",\"offline\",1,1",
        "AT+SYSLOG=1", // MqttService::planConnect: ESP-AT failures then carry ERR CODE lines
        "AT+MQTTCONN=0,\"127.0.0.1\",1883,0",
        "AT+MQTTSUB=0,\"line3/020000001234/cmd\",1",
        "AT+MQTTSUB=0,\"line3/all\",0",
    };
    if (linesOf(p) != expected)
        qWarning() << linesOf(p);
    QCOMPARE(linesOf(p), expected);
    // Left alone: what the fresh module already has.
    QVERIFY(p.unchanged.contains(QStringLiteral("/persistence/store")));
    QVERIFY(p.unchanged.contains(QStringLiteral("/wifi/mode")));
    QVERIFY(p.unchanged.contains(QStringLiteral("/connection/transmission")));
    // The loop-back topic is not covered by a subscription: the check subscribes and cleans up.
    QCOMPARE(p.checks.size(), 4);
    QCOMPARE(p.checks[0].plan.lines(), QList<QByteArray>({ "AT+PING=\"127.0.0.1\"" }));
    QCOMPARE(p.checks[1].plan.lines(), QList<QByteArray>({ "AT+CIPDOMAIN=\"localhost\"" }));
    QCOMPARE(p.checks[2].plan.lines(), QList<QByteArray>({ "AT+CIPSNTPTIME?" }));
    QCOMPARE(p.checks[3].plan.lines(), QList<QByteArray>({ "AT+MQTTSUB=0,\"line3/020000001234/check\",0",
                                                           "AT+MQTTPUB=0,\"line3/020000001234/check\",\"module 1 on ttyUSB0\",0,0" }));
    QCOMPARE(p.checks[3].cleanup.lines(), QList<QByteArray>({ "AT+MQTTUNSUB=0,\"line3/020000001234/check\"" }));
}

void TstProfilePlanner::allModeSendsWhatTheModuleAlreadyHas()
{
    const ProfilePlan p = ProfilePlanner::plan(expandedFull(), kSecrets, readBack(matchingModule()), ProfilePlanner::Mode::All);
    QVERIFY(p.ok());
    const QList<QByteArray> lines = linesOf(p);
    QCOMPARE(lines.first(), QByteArray("AT+SYSSTORE=1")); // SystemService::planApply reads it back
    QCOMPARE(lines[1], QByteArray("AT+SYSSTORE?"));
    QCOMPARE(lines[2], QByteArray("AT+CWMODE=1"));
    QCOMPARE(lines[3], QByteArray("AT+CWJAP=\"BenchAP\",\"12345678\""));
    // CIPMODE before CIPMUX (multiplexing needs normal mode), the receive mode after.
    const int mode = int(lines.indexOf("AT+CIPMODE=0")), mux = int(lines.indexOf("AT+CIPMUX=1"));
    QVERIFY(mode >= 0 && mux > mode);
    QVERIFY(lines.contains("AT+CIPRECVMODE=0"));
    // MQTT was connected: released before it is configured again.
    const int clean = int(lines.indexOf("AT+MQTTCLEAN=0"));
    QVERIFY(clean >= 0);
    QVERIFY(lines.indexOf("AT+MQTTUSERCFG=0,1,\"sensor-001234\",\"line3\",\"mqttpw\",0,0,\"\"") > clean);
    QCOMPARE(p.unchanged, QStringList());
}

void TstProfilePlanner::onlyChangesOnAMatchingModuleSendsNothing()
{
    const ModuleReadBack rb = readBack(matchingModule());
    const ProfilePlan p = ProfilePlanner::plan(expandedFull(), kSecrets, rb, ProfilePlanner::Mode::OnlyChanges);
    QVERIFY(p.ok());
    QCOMPARE(linesOf(p), QList<QByteArray>());
    QVERIFY(p.previewText(Dialect::Esp).contains(QLatin1String("already matches")));
    // Every readable field the profile names was found equal.
    for (const char *f : { "/persistence/store", "/wifi/mode", "/wifi/ssid", "/connection/multiple_connections",
                              "/dns/servers", "/sntp/servers", "/tls_psk/psk", "/mqtt/host", "/mqtt/subscriptions" })
        QVERIFY2(p.unchanged.contains(QString::fromLatin1(f)), f);
}

void TstProfilePlanner::onlyChangesSendsTheDifferenceOnly_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("reported");
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::newRow("wifi mode") << QByteArray("AT+CWMODE?") << QByteArray("+CWMODE:3")
                               << QList<QByteArray> { "AT+CWMODE=1" };
    QTest::newRow("other network") << QByteArray("AT+CWJAP?")
                                   << QByteArray("+CWJAP:\"OtherAP\",\"aa:bb:cc:dd:ee:00\",1,-50,0,1,3,0,1")
                                   << QList<QByteArray> { "AT+CWJAP=\"BenchAP\",\"12345678\"", "AT+CWJAP?", "AT+CIFSR",
                                                          "AT+CIPSTA?" };
    QTest::newRow("store off") << QByteArray("AT+SYSSTORE?") << QByteArray("+SYSSTORE:0")
                               << QList<QByteArray> { "AT+SYSSTORE=1", "AT+SYSSTORE?" };
    QTest::newRow("passive receive") << QByteArray("AT+CIPRECVMODE?") << QByteArray("+CIPRECVMODE:1")
                                     << QList<QByteArray> { "AT+CIPRECVMODE=0" };
    QTest::newRow("dns order") << QByteArray("AT+CIPDNS?") << QByteArray("+CIPDNS:1,\"198.51.100.53\",\"192.0.2.53\"")
                               << QList<QByteArray> { "AT+CIPDNS=1,\"192.0.2.53\",\"198.51.100.53\"" };
    QTest::newRow("time zone") << QByteArray("AT+CIPSNTPCFG?") << QByteArray("+CIPSNTPCFG:1,9,\"127.0.0.1\"")
                               << QList<QByteArray> { "AT+CIPSNTPCFG=1,8,\"127.0.0.1\"" };
    QTest::newRow("psk") << QByteArray("AT+CIPSSLCPSK?") << QByteArray("+CIPSSLCPSK:0,\"oldpsk\",\"line3\"")
                         << QList<QByteArray> { "AT+CIPSSLCPSK=5,\"pskvalue\",\"line3\"" };
    QTest::newRow("extra subscription") << QByteArray("AT+MQTTSUB?")
                                        << QByteArray("+MQTTSUB:0,6,\"line3/020000001234/cmd\",1\n+MQTTSUB:0,6,"
                                                      "\"line3/all\",0\n+MQTTSUB:0,6,\"old/#\",0")
                                        << QList<QByteArray> { "AT+MQTTUNSUB=0,\"old/#\"" };
    QTest::newRow("subscription qos") << QByteArray("AT+MQTTSUB?")
                                      << QByteArray("+MQTTSUB:0,6,\"line3/020000001234/cmd\",0\n+MQTTSUB:0,6,"
                                                    "\"line3/all\",0")
                                      << QList<QByteArray> { "AT+MQTTUNSUB=0,\"line3/020000001234/cmd\"",
                                                             "AT+MQTTSUB=0,\"line3/020000001234/cmd\",1" };
    QTest::newRow("other broker")
        << QByteArray("AT+MQTTCONN?") << QByteArray("+MQTTCONN:0,6,1,\"127.0.0.2\",\"1883\",\"\",0")
        << QList<QByteArray> { "AT+MQTTCLEAN=0", "AT+MQTTUSERCFG=0,1,\"sensor-001234\",\"line3\",\"mqttpw\",0,0,\"\"",
                               "AT+MQTTCONNCFG=0,60,0,\"line3/020000001234/status\",\"offline\",1,1", "AT+SYSLOG=1",
                               "AT+MQTTCONN=0,\"127.0.0.1\",1883,0", "AT+MQTTSUB=0,\"line3/020000001234/cmd\",1",
                               "AT+MQTTSUB=0,\"line3/all\",0" };
}

void TstProfilePlanner::onlyChangesSendsTheDifferenceOnly()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, reported);
    QFETCH(QList<QByteArray>, lines);
    QList<AtResult> results = matchingModule();
    for (AtResult &r : results)
        if (r.command.line == query)
            r.lines = reported.split('\n');
    const ProfilePlan p = ProfilePlanner::plan(expandedFull(), kSecrets, readBack(results), ProfilePlanner::Mode::OnlyChanges);
    QVERIFY(p.ok());
    QCOMPARE(linesOf(p), lines);
}

void TstProfilePlanner::mqttConnectedElsewhereIsReleasedAndConfigured()
{
    QJsonObject o = fullExample();
    QJsonObject m = o.value("mqtt").toObject();
    m.insert("connect", false);
    m.remove("subscriptions");
    o.insert("mqtt", m);
    QJsonArray checks = o.value("post_checks").toArray();
    checks.removeLast();
    o.insert("post_checks", checks);
    const ProfilePlan p = ProfilePlanner::plan(expandedFull(o), kSecrets, readBack(matchingModule()), ProfilePlanner::Mode::OnlyChanges);
    QVERIFY2(p.ok(), p.issues.isEmpty() ? "" : qPrintable(p.issues.first().text()));
    QCOMPARE(linesOf(p), QList<QByteArray>({ "AT+MQTTCLEAN=0",
                                             "AT+MQTTUSERCFG=0,1,\"sensor-001234\",\"line3\",\"mqttpw\",0,0,\"\"",
                                             "AT+MQTTCONNCFG=0,60,0,\"line3/020000001234/status\",\"offline\",1,1" }));
}

void TstProfilePlanner::pskLineFollowsThePlannedMux()
{
    QJsonObject o = fullExample();
    o.insert("connection", QJsonObject { { "multiple_connections", false } });
    ProfilePlan p = ProfilePlanner::plan(expandedFull(o), kSecrets, readBack(matchingModule()), ProfilePlanner::Mode::OnlyChanges);
    QVERIFY(p.ok());
    QCOMPARE(linesOf(p), QList<QByteArray>({ "AT+CIPMUX=0" }));
    // With a new hint the PSK is sent too, after CIPMUX=0: without a link id.
    QJsonObject psk = o.value("tls_psk").toObject();
    psk.insert("hint", "new");
    o.insert("tls_psk", psk);
    p = ProfilePlanner::plan(expandedFull(o), kSecrets, readBack(matchingModule()), ProfilePlanner::Mode::OnlyChanges);
    QCOMPARE(linesOf(p), QList<QByteArray>({ "AT+CIPMUX=0", "AT+CIPSSLCPSK=\"pskvalue\",\"new\"" }));
}

void TstProfilePlanner::escapingIsTheDialects()
{
    QJsonObject o = fullExample();
    QJsonObject w = o.value("wifi").toObject();
    w.insert("ssid", "a,b\"c\\d");
    o.insert("wifi", w);
    ProfilePlan p = ProfilePlanner::plan(expandedFull(o), kSecrets, readBack(freshModule()), ProfilePlanner::Mode::OnlyChanges);
    QVERIFY(p.ok());
    QCOMPARE(linesOf(p).first(), QByteArray("AT+CWJAP=\"a\\,b\\\"c\\\\d\",\"12345678\""));
    // Beken cannot carry a backslash: refused at the field.
    o.insert("dialect", "beken");
    o.remove("connection");
    QList<JsonIssue> issues;
    const auto beken = Profile::fromJson(o, &issues);
    QVERIFY(beken);
    issues = ProfilePlanner::validate(*beken, kSecrets);
    QVERIFY(!issues.isEmpty());
    QCOMPARE(issues.first().path, QStringLiteral("/wifi/ssid"));
}

void TstProfilePlanner::firmwareLimitsAreIssuesAtTheField_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("path");
    const QString x33 = QString(33, QLatin1Char('x'));
    QTest::newRow("ssid 33") << "esp" << "wifi" << "ssid" << QJsonValue(x33) << "/wifi/ssid";
    QTest::newRow("client id 257") << "esp" << "mqtt" << "client_id" << QJsonValue(QString(257, 'c')) << "/mqtt/client_id";
    QTest::newRow("client id by placeholders") << "esp" << "mqtt" << "client_id"
                                               << QJsonValue(QString("${MAC}").repeated(22)) << "/mqtt/client_id";
    QTest::newRow("path 33") << "esp" << "mqtt" << "path" << QJsonValue(x33) << "/mqtt/path";
    QTest::newRow("keepalive") << "esp" << "mqtt" << "keepalive" << QJsonValue(7201) << "/mqtt/keepalive";
    QTest::newRow("lwt message 65") << "esp" << "mqtt" << "last_will"
                                    << QJsonValue(QJsonObject { { "topic", "t" }, { "message", QString(65, 'm') } })
                                    << "/mqtt/last_will/message";
    QTest::newRow("lwt topic 129") << "esp" << "mqtt" << "last_will"
                                   << QJsonValue(QJsonObject { { "topic", QString(129, 't') }, { "message", "m" } })
                                   << "/mqtt/last_will/topic";
    QTest::newRow("host 129") << "esp" << "mqtt" << "host" << QJsonValue(QString(129, 'h')) << "/mqtt/host";
    QTest::newRow("topic 129") << "esp" << "mqtt" << "subscriptions"
                               << QJsonValue(QJsonArray { QJsonObject { { "topic", QString(129, 't') } } })
                               << "/mqtt/subscriptions/0/topic";
    QTest::newRow("alpn 6") << "esp" << "mqtt" << "alpn" << QJsonValue(QJsonArray { "a", "b", "c", "d", "e", "f" })
                            << "/mqtt/alpn";
    QTest::newRow("esp timezone 15") << "esp" << "sntp" << "timezone" << QJsonValue(15) << "/sntp/timezone";
    QTest::newRow("beken timezone 13") << "beken" << "sntp" << "timezone" << QJsonValue(13) << "/sntp/timezone";
    QTest::newRow("beken hhmm") << "beken" << "sntp" << "timezone" << QJsonValue(530) << "/sntp/timezone";
    QTest::newRow("esp hint 33") << "esp" << "tls_psk" << "hint" << QJsonValue(x33) << "/tls_psk/hint";
    QTest::newRow("beken hint 49") << "beken" << "tls_psk" << "hint" << QJsonValue(QString(49, 'h')) << "/tls_psk/hint";
    QTest::newRow("passive on beken") << "beken" << "connection" << "receive_mode" << QJsonValue("passive")
                                      << "/connection/receive_mode";
    QTest::newRow("passthrough with mux") << "esp" << "connection" << "transmission" << QJsonValue("passthrough")
                                          << "/connection/transmission";
}

void TstProfilePlanner::firmwareLimitsAreIssuesAtTheField()
{
    QFETCH(QString, dialect);
    QFETCH(QString, section);
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, path);
    QJsonObject o = fullExample();
    o.insert("dialect", dialect);
    if (dialect == QLatin1String("beken")) {
        QJsonObject c = o.value("connection").toObject();
        c.remove("receive_mode");
        o.insert("connection", c);
    }
    QJsonObject s = o.value(section).toObject();
    s.insert(key, value);
    o.insert(section, s);
    QList<JsonIssue> issues;
    const auto p = Profile::fromJson(o, &issues);
    QVERIFY2(p, issues.isEmpty() ? "" : qPrintable(issues.first().text()));
    issues = ProfilePlanner::validate(*p, kSecrets);
    QVERIFY(!issues.isEmpty());
    QCOMPARE(issues.first().path, path);
    QVERIFY(!issues.first().reason.isEmpty());
}

void TstProfilePlanner::everyFieldAtItsLimitIsAccepted_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("esp") << "esp";
    QTest::newRow("beken") << "beken";
}

void TstProfilePlanner::everyFieldAtItsLimitIsAccepted()
{
    QFETCH(QString, dialect);
    const bool beken = dialect == QLatin1String("beken");
    QFile f(QStringLiteral(ATB_TEST_DATA_DIR "/provisioning/limits-%1.json").arg(dialect));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QList<JsonIssue> issues;
    const auto p = Profile::parse(f.readAll(), &issues);
    QVERIFY2(p, issues.isEmpty() ? "" : qPrintable(issues.first().text()));
    const int pskMax = beken ? 48 : 32;
    const QHash<QString, QString> secrets { { "wifi.password", QString(63, QLatin1Char('p')) },
                                            { "tls.psk", QString(pskMax, QLatin1Char('k')) },
                                            { "mqtt.password", QString(64, QLatin1Char('w')) } };
    issues = ProfilePlanner::validate(*p, secrets);
    QVERIFY2(issues.isEmpty(), issues.isEmpty() ? "" : qPrintable(issues.first().text()));
    // One more byte in the PSK is over the dialect's limit.
    QHash<QString, QString> over = secrets;
    over.insert("tls.psk", QString(pskMax + 1, QLatin1Char('k')));
    issues = ProfilePlanner::validate(*p, over);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().path, QStringLiteral("/tls_psk/psk"));
}

void TstProfilePlanner::missingSecretsAreIssues()
{
    const ProfilePlan p = ProfilePlanner::plan(expandedFull(), { { "tls.psk", "x" } }, readBack(freshModule()),
                                               ProfilePlanner::Mode::All);
    QVERIFY(!p.ok());
    QCOMPARE(p.commandCount(), 0);
    QCOMPARE(p.issues.size(), 2);
    QCOMPARE(p.issues[0].path, QStringLiteral("/wifi/password"));
    QVERIFY(p.issues[0].reason.contains(QLatin1String("wifi.password")));
    QCOMPARE(p.issues[1].path, QStringLiteral("/mqtt/password"));
}

void TstProfilePlanner::previewMasksSecrets()
{
    const ProfilePlan p = ProfilePlanner::plan(expandedFull(), kSecrets, readBack(freshModule()), ProfilePlanner::Mode::All);
    const QString text = p.previewText(Dialect::Esp);
    QVERIFY(text.contains(QLatin1String("# Join BenchAP")));
    QVERIFY(text.contains(QLatin1String("AT+CWJAP=\"BenchAP\",\"***\"")));
    for (const QString &secret : kSecrets)
        QVERIFY2(!text.contains(secret), qPrintable(secret));
}

void TstProfilePlanner::loopbackCheckSubscribesOnlyWhenNotCovered()
{
    QJsonObject o = fullExample();
    QJsonArray checks { QJsonObject { { "check", "mqtt_loopback" }, { "topic", "line3/all" }, { "message", "m" } } };
    o.insert("post_checks", checks);
    const ProfilePlan p = ProfilePlanner::plan(expandedFull(o), kSecrets, readBack(freshModule()), ProfilePlanner::Mode::All);
    QCOMPARE(p.checks.size(), 1);
    QCOMPARE(p.checks[0].plan.lines(), QList<QByteArray>({ "AT+MQTTPUB=0,\"line3/all\",\"m\",0,0" }));
    QVERIFY(p.checks[0].cleanup.isEmpty());
}

void TstProfilePlanner::diffTable()
{
    const Profile profile = expandedFull();
    const QMap<QString, QJsonValue> desired = fieldchecks::desiredValues(profile, kSecrets);
    QList<AtResult> results = matchingModule();
    results[3].lines = { "+CWMODE:3" };
    const QList<FieldCheck> rows = fieldchecks::compare(desired, readBack(results));
    QCOMPARE(rows.size(), desired.size());
    QHash<QString, FieldCheck> byField;
    for (const FieldCheck &r : rows)
        byField.insert(r.field, r);
    QCOMPARE(byField["/wifi/mode"].verdict, FieldCheck::Verdict::Differs);
    QCOMPARE(byField["/wifi/mode"].actual.toString(), QStringLiteral("station+softap"));
    QCOMPARE(byField["/wifi/ssid"].verdict, FieldCheck::Verdict::Match);
    QCOMPARE(byField["/wifi/password"].verdict, FieldCheck::Verdict::Unreadable);
    QCOMPARE(byField["/mqtt/client_id"].verdict, FieldCheck::Verdict::Unreadable);
    QCOMPARE(byField["/tls_psk/psk"].verdict, FieldCheck::Verdict::Match);
    QCOMPARE(byField["/tls_psk/psk"].toJson().value("desired").toString(), QStringLiteral("***"));
    QCOMPARE(byField["/tls_psk/psk"].toJson().value("actual").toString(), QStringLiteral("***"));
    QCOMPARE(byField["/mqtt/subscriptions"].verdict, FieldCheck::Verdict::Match);
    QVERIFY(!fieldchecks::allPassed(rows));
    // Not joined at all: the SSID is reported as null, not as unreadable.
    results = matchingModule();
    results[4].lines = { "No AP" };
    const QList<FieldCheck> rows2 = fieldchecks::compare(desired, readBack(results));
    for (const FieldCheck &r : rows2)
        if (r.field == QLatin1String("/wifi/ssid")) {
            QCOMPARE(r.verdict, FieldCheck::Verdict::Differs);
            QVERIFY(r.actual.isNull());
        }
}

QTEST_GUILESS_MAIN(TstProfilePlanner)
#include "tst_profileplanner.moc"
