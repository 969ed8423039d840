// The profile document: the shipped schema, parsing with JSON paths and reasons, the rules
// between fields, the round trip to JSON, the hash, placeholders.
#include "provisioning/placeholders.h"
#include "provisioning/profile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace atb;

class TstProfile : public QObject
{
    Q_OBJECT
private slots:
    void schemaFileIsTheEmbeddedOneAndFullyUnderstood();
    void schemaMessagesAreListedForTranslation();
    void fullExampleParses();
    void minimalProfileParses();
    void badProfilesAreRefusedWithPathAndReason_data();
    void badProfilesAreRefusedWithPathAndReason();
    void invalidJsonSaysWhere();
    void roundTripKeepsTheMeaningAndTheHash();
    void hashIgnoresLayoutButNotValues();
    void savedFileReadsBackAndStartsWithFormat();
    void secretUsesListEveryReference();
    void placeholdersExpand_data();
    void placeholdersExpand();
    void placeholderProblemsAreIssues_data();
    void placeholderProblemsAreIssues();
    void expandProfileTouchesTextFieldsOnly();
    void portShortNames_data();
    void portShortNames();
};

static QJsonObject fullExample()
{
    QFile f(QStringLiteral(ATB_TEST_DATA_DIR "/provisioning/full-esp.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Sets the value at a JSON Pointer ("/mqtt/port"), creating objects on the way; an undefined
// value removes the key.
static void setAt(QJsonObject &o, const QString &pointer, const QJsonValue &value)
{
    const QStringList parts = pointer.mid(1).split(QLatin1Char('/'));
    std::function<QJsonValue(QJsonValue, int)> rec = [&](QJsonValue node, int i) -> QJsonValue {
        const QString key = parts[i];
        if (node.isArray()) {
            QJsonArray a = node.toArray();
            const int idx = key.toInt();
            if (i + 1 == parts.size())
                a[idx] = value;
            else
                a[idx] = rec(a[idx], i + 1);
            return a;
        }
        QJsonObject obj = node.toObject();
        if (i + 1 == parts.size()) {
            if (value.isUndefined())
                obj.remove(key);
            else
                obj[key] = value;
        } else {
            obj[key] = rec(obj.value(key), i + 1);
        }
        return obj;
    };
    o = rec(o, 0).toObject();
}

void TstProfile::schemaFileIsTheEmbeddedOneAndFullyUnderstood()
{
    QFile f(QStringLiteral(ATB_TEST_DATA_DIR "/../../resources/schema/atbench-profile.schema.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonParseError e;
    const QJsonObject repo = QJsonDocument::fromJson(f.readAll(), &e).object();
    QCOMPARE(e.error, QJsonParseError::NoError);
    QCOMPARE(Profile::schema().schema(), repo);
    QCOMPARE(Profile::schema().unsupportedKeywords(), QStringList());
    // Every top-level key of a profile is documented in the schema.
    const QJsonObject props = repo.value(QLatin1String("properties")).toObject();
    for (const QString &key : fullExample().keys())
        QVERIFY2(props.contains(key), qPrintable(key));
}

void TstProfile::schemaMessagesAreListedForTranslation()
{
    QStringList inSchema;
    std::function<void(const QJsonValue &)> walk = [&](const QJsonValue &v) {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it.key() == QLatin1String("errorMessage"))
                    inSchema << it.value().toString();
                walk(it.value());
            }
        } else if (v.isArray()) {
            for (const QJsonValue &x : v.toArray())
                walk(x);
        }
    };
    walk(Profile::schema().schema());
    inSchema.sort();
    QStringList listed = Profile::schemaMessages();
    listed.sort();
    QCOMPARE(listed, inSchema);
}

void TstProfile::fullExampleParses()
{
    QList<JsonIssue> issues;
    const std::optional<Profile> p = Profile::fromJson(fullExample(), &issues);
    QVERIFY2(p, issues.isEmpty() ? "" : qPrintable(issues.first().text()));
    QCOMPARE(p->dialect, Dialect::Esp);
    QVERIFY(p->persistence && p->persistence->store);
    QCOMPARE(p->wifi->mode, 1);
    QVERIFY(p->wifi->join);
    QCOMPARE(p->wifi->password.name, QStringLiteral("wifi.password"));
    QCOMPARE(*p->connection->multiple, true);
    QCOMPARE(*p->connection->passthrough, false);
    QCOMPARE(*p->connection->passive, false);
    QCOMPARE(p->dns->servers, QStringList({ "192.0.2.53", "198.51.100.53" }));
    QCOMPARE(*p->sntp->timezone, 8);
    QCOMPARE(p->tlsPsk->psk.name, QStringLiteral("tls.psk"));
    QCOMPARE(p->mqtt->keepAlive, 60);
    QVERIFY(p->mqtt->hasLastWill);
    QCOMPARE(p->mqtt->lwtQos, 1);
    QVERIFY(p->mqtt->connect); // host given, "connect" absent
    QCOMPARE(p->mqtt->subscriptions.size(), 2);
    QCOMPARE(p->postChecks.size(), 4);
    QCOMPARE(p->postChecks[1].expect, QStringLiteral("127.0.0.1"));
    QCOMPARE(p->postChecks[2].maxOffsetS, 120);
    QCOMPARE(p->postChecks[3].kind, PostCheck::Kind::MqttLoopback);
}

void TstProfile::minimalProfileParses()
{
    QList<JsonIssue> issues;
    const auto p = Profile::parse(R"({"format":"atbench-profile","version":1,"dialect":"beken"})", &issues);
    QVERIFY(p);
    QCOMPARE(p->dialect, Dialect::Beken);
    QVERIFY(!p->wifi && !p->mqtt && !p->dns && !p->sntp && !p->connection && !p->tlsPsk && !p->persistence);
}

void TstProfile::badProfilesAreRefusedWithPathAndReason_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    const QJsonValue undef(QJsonValue::Undefined);
    QTest::newRow("wrong version") << "/version" << QJsonValue(2) << "/version" << "unsupported version";
    QTest::newRow("wrong format") << "/format" << QJsonValue("atbench-recipe") << "/format" << "atbench-profile";
    QTest::newRow("no dialect") << "/dialect" << undef << "/dialect" << "is required";
    QTest::newRow("unknown dialect") << "/dialect" << QJsonValue("realtek") << "/dialect" << "one of";
    QTest::newRow("unknown top key") << "/wlan" << QJsonValue(QJsonObject()) << "/wlan" << "unknown key";
    QTest::newRow("unknown nested key") << "/mqtt/clientid" << QJsonValue("x") << "/mqtt/clientid" << "unknown key";
    QTest::newRow("password in clear") << "/wifi/password" << QJsonValue("12345678") << "/wifi/password"
                                       << "secret reference";
    QTest::newRow("psk in clear") << "/tls_psk/psk" << QJsonValue("abcd") << "/tls_psk/psk" << "secret reference";
    QTest::newRow("mqtt password in clear") << "/mqtt/password" << QJsonValue("pw") << "/mqtt/password"
                                            << "secret reference";
    QTest::newRow("bad secret name") << "/mqtt/password" << QJsonValue(QJsonObject { { "secret", "a b" } })
                                     << "/mqtt/password" << "secret reference";
    QTest::newRow("port a text") << "/mqtt/port" << QJsonValue("1883") << "/mqtt/port" << "whole number";
    QTest::newRow("port too big") << "/mqtt/port" << QJsonValue(70000) << "/mqtt/port" << "at most 65535";
    QTest::newRow("scheme 0") << "/mqtt/scheme" << QJsonValue(0) << "/mqtt/scheme" << "at least 1";
    QTest::newRow("qos 3") << "/mqtt/subscriptions/1/qos" << QJsonValue(3) << "/mqtt/subscriptions/1/qos" << "at most 2";
    QTest::newRow("wifi mode") << "/wifi/mode" << QJsonValue("ap") << "/wifi/mode" << "one of";
    QTest::newRow("bssid") << "/wifi/bssid" << QJsonValue("aa-bb") << "/wifi/bssid" << "1a:2b:3c";
    QTest::newRow("dns not ipv4") << "/dns/servers/1" << QJsonValue("dns.local") << "/dns/servers/1" << "IPv4";
    QTest::newRow("dns four") << "/dns/servers" << QJsonValue(QJsonArray { "1.1.1.1", "1.1.1.2", "1.1.1.3", "1.1.1.4" })
                              << "/dns/servers" << "at most 3";
    QTest::newRow("dns twice") << "/dns/servers" << QJsonValue(QJsonArray { "1.1.1.1", "1.1.1.1" }) << "/dns/servers/1"
                               << "repeats";
    QTest::newRow("timezone text") << "/sntp/timezone" << QJsonValue("8") << "/sntp/timezone" << "whole number";
    QTest::newRow("unknown check") << "/post_checks/0/check" << QJsonValue("traceroute") << "/post_checks/0"
                                   << "one of";
    QTest::newRow("ping without host") << "/post_checks/0/host" << undef << "/post_checks/0/host" << "is required";
    QTest::newRow("check extra key") << "/post_checks/2/host" << QJsonValue("x") << "/post_checks/2/host" << "unknown key";
    // Rules between fields.
    QTest::newRow("join without ssid") << "/wifi/ssid" << undef << "/wifi/ssid" << "is required to join";
    QTest::newRow("ssid without join") << "/wifi/join" << QJsonValue(false) << "/wifi/ssid" << "only with \"join\": true";
    QTest::newRow("join without password") << "/wifi/password" << undef << "/wifi/password" << "open network";
    QTest::newRow("join in softap mode") << "/wifi/mode" << QJsonValue("softap") << "/wifi/mode" << "station";
    QTest::newRow("manual dns without servers") << "/dns/servers" << undef << "/dns/servers" << "is required";
    QTest::newRow("automatic dns with servers") << "/dns/automatic" << QJsonValue(true) << "/dns/servers"
                                                << "only with";
    QTest::newRow("sntp without servers") << "/sntp/servers" << undef << "/sntp/servers" << "is required";
    QTest::newRow("subscriptions without connect") << "/mqtt/connect" << QJsonValue(false) << "/mqtt/subscriptions"
                                                   << "connect";
    QTest::newRow("same topic twice") << "/mqtt/subscriptions/1/topic" << QJsonValue("line3/${MAC}/cmd")
                                      << "/mqtt/subscriptions/1/topic" << "already";
    QTest::newRow("loopback without mqtt") << "/mqtt" << undef << "/post_checks/3" << "MQTT";
}

void TstProfile::badProfilesAreRefusedWithPathAndReason()
{
    QFETCH(QString, pointer);
    QFETCH(QJsonValue, value);
    QFETCH(QString, path);
    QFETCH(QString, reason);
    QJsonObject o = fullExample();
    setAt(o, pointer, value);
    QList<JsonIssue> issues;
    QVERIFY(!Profile::fromJson(o, &issues));
    QVERIFY(!issues.isEmpty());
    QStringList texts;
    bool found = false;
    for (const JsonIssue &i : issues) {
        texts << i.text();
        found = found || (i.path == path && i.reason.contains(reason));
    }
    QVERIFY2(found, qPrintable(texts.join(QLatin1String(" | "))));
}

void TstProfile::invalidJsonSaysWhere()
{
    QList<JsonIssue> issues;
    QVERIFY(!Profile::parse("{\n  \"format\": \"atbench-profile\",\n  \"version\": 1,,\n}", &issues));
    QCOMPARE(issues.size(), 1);
    QVERIFY2(issues.first().reason.contains(QLatin1String("line 3")), qPrintable(issues.first().reason));
    issues.clear();
    QVERIFY(!Profile::parse("[1,2]", &issues));
    QVERIFY(issues.first().reason.contains(QLatin1String("JSON object")));
    issues.clear();
    QTemporaryDir dir;
    QVERIFY(!Profile::load(dir.filePath(QStringLiteral("missing.json")), &issues));
    QVERIFY(issues.first().reason.contains(QLatin1String("cannot read")));
}

void TstProfile::roundTripKeepsTheMeaningAndTheHash()
{
    QList<JsonIssue> issues;
    const auto p = Profile::fromJson(fullExample(), &issues);
    QVERIFY(p);
    const auto again = Profile::fromJson(p->toJson(), &issues);
    QVERIFY2(again, issues.isEmpty() ? "" : qPrintable(issues.first().text()));
    QCOMPARE(again->toJson(), p->toJson());
    QCOMPARE(again->hash(), p->hash());
    QVERIFY(p->hash().startsWith(QLatin1String("sha256:")));
    QCOMPARE(p->hash().size(), 7 + 64);
}

void TstProfile::hashIgnoresLayoutButNotValues()
{
    QList<JsonIssue> issues;
    const QByteArray compact = QJsonDocument(fullExample()).toJson(QJsonDocument::Compact);
    const QByteArray indented = QJsonDocument(fullExample()).toJson(QJsonDocument::Indented);
    const auto a = Profile::parse(compact, &issues);
    const auto b = Profile::parse(indented, &issues);
    QVERIFY(a && b);
    QCOMPARE(a->hash(), b->hash());
    QJsonObject changed = fullExample();
    setAt(changed, QStringLiteral("/mqtt/keepalive"), 61);
    const auto c = Profile::fromJson(changed, &issues);
    QVERIFY(c);
    QVERIFY(c->hash() != a->hash());
}

void TstProfile::savedFileReadsBackAndStartsWithFormat()
{
    QList<JsonIssue> issues;
    const auto p = Profile::fromJson(fullExample(), &issues);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("p.json"));
    QString error;
    QVERIFY2(p->save(file, &error), qPrintable(error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.startsWith("{\n    \"format\": \"atbench-profile\",\n    \"version\": 1,"));
    const auto back = Profile::load(file, &issues);
    QVERIFY(back);
    QCOMPARE(back->hash(), p->hash());
}

void TstProfile::secretUsesListEveryReference()
{
    QList<JsonIssue> issues;
    const auto p = Profile::fromJson(fullExample(), &issues);
    const QList<QPair<QString, QString>> expected { { "wifi.password", "/wifi/password" },
                                                    { "tls.psk", "/tls_psk/psk" },
                                                    { "mqtt.password", "/mqtt/password" } };
    QCOMPARE(p->secretUses(), expected);
    // An open network and no MQTT password: nothing to resolve.
    QJsonObject o = fullExample();
    setAt(o, QStringLiteral("/wifi/password"), QString());
    setAt(o, QStringLiteral("/mqtt/password"), QString());
    setAt(o, QStringLiteral("/tls_psk"), QJsonValue(QJsonValue::Undefined));
    QCOMPARE(Profile::fromJson(o, &issues)->secretUses().size(), 0);
}

void TstProfile::placeholdersExpand_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expanded");
    QTest::newRow("none") << "plain" << "plain";
    QTest::newRow("mac") << "dev-${MAC}" << "dev-a4cf12b3c4d5";
    QTest::newRow("mac6") << "dev-${MAC6}" << "dev-b3c4d5";
    QTest::newRow("index") << "n${INDEX}" << "n7";
    QTest::newRow("port") << "${PORT}/x" << "ttyUSB3/x";
    QTest::newRow("serial") << "s-${SERIAL}" << "s-A9Z";
    QTest::newRow("several") << "${MAC6}.${INDEX}.${MAC6}" << "b3c4d5.7.b3c4d5";
    QTest::newRow("escaped") << "cost $${MAC} and ${INDEX}" << "cost ${MAC} and 7";
    QTest::newRow("dollar alone") << "a$b $" << "a$b $";
}

void TstProfile::placeholdersExpand()
{
    QFETCH(QString, text);
    QFETCH(QString, expanded);
    ModuleIdentity id;
    id.index = 7;
    id.port = QStringLiteral("/dev/ttyUSB3");
    id.serial = QStringLiteral("A9Z");
    id.mac = QStringLiteral("A4:CF:12:B3:C4:D5");
    QList<JsonIssue> issues;
    QCOMPARE(placeholders::expand(text, id, QStringLiteral("/x"), &issues), expanded);
    QCOMPARE(issues.size(), 0);
}

void TstProfile::placeholderProblemsAreIssues_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mac");
    QTest::addColumn<QString>("serial");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown") << "${NAME}" << "02:00:00:00:00:01" << "S" << "unknown placeholder ${NAME}";
    QTest::newRow("lower case") << "${mac}" << "02:00:00:00:00:01" << "S" << "unknown placeholder";
    QTest::newRow("unterminated") << "x-${MAC" << "02:00:00:00:00:01" << "S" << "without a closing";
    QTest::newRow("no mac") << "${MAC6}" << "" << "S" << "did not report its MAC";
    QTest::newRow("no serial") << "${SERIAL}" << "02:00:00:00:00:01" << "" << "no USB serial number";
}

void TstProfile::placeholderProblemsAreIssues()
{
    QFETCH(QString, text);
    QFETCH(QString, mac);
    QFETCH(QString, serial);
    QFETCH(QString, reason);
    ModuleIdentity id;
    id.port = QStringLiteral("/dev/pts/4");
    id.mac = mac;
    id.serial = serial;
    QList<JsonIssue> issues;
    placeholders::expand(text, id, QStringLiteral("/mqtt/client_id"), &issues);
    QCOMPARE(issues.size(), 1);
    QCOMPARE(issues.first().path, QStringLiteral("/mqtt/client_id"));
    QVERIFY2(issues.first().reason.contains(reason), qPrintable(issues.first().reason));
}

void TstProfile::expandProfileTouchesTextFieldsOnly()
{
    QList<JsonIssue> issues;
    QJsonObject o = fullExample();
    setAt(o, QStringLiteral("/wifi/password"), QJsonObject { { "secret", "wifi.${INDEX}" } });
    const auto parsed = Profile::fromJson(o, &issues);
    QVERIFY(!parsed); // secret names are names, not templates (the schema's pattern refuses "$")
    const auto p = Profile::fromJson(fullExample(), &issues);
    QVERIFY(p);
    QVERIFY(placeholders::usesMac(*p));
    ModuleIdentity id = placeholders::sampleIdentity(2, QStringLiteral("/dev/ttyACM0"));
    id.mac = QStringLiteral("02:00:00:00:12:34");
    issues.clear();
    const Profile e = placeholders::expandProfile(*p, id, &issues);
    QCOMPARE(issues.size(), 0);
    QCOMPARE(e.mqtt->clientId, QStringLiteral("sensor-001234"));
    QCOMPARE(e.mqtt->lwtTopic, QStringLiteral("line3/020000001234/status"));
    QCOMPARE(e.mqtt->subscriptions[0].topic, QStringLiteral("line3/020000001234/cmd"));
    QCOMPARE(e.postChecks[3].message, QStringLiteral("module 2 on ttyACM0"));
    QCOMPARE(e.wifi->password.name, QStringLiteral("wifi.password"));
    QVERIFY(!placeholders::usesMac(e));
}

void TstProfile::portShortNames_data()
{
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("shortName");
    QTest::newRow("usb") << "/dev/ttyUSB0" << "ttyUSB0";
    QTest::newRow("by-id") << "/dev/serial/by-id/usb-FTDI_A1-if00" << "usb-FTDI_A1-if00";
    QTest::newRow("windows") << "COM7" << "COM7";
    QTest::newRow("tcp") << "tcp:10.0.0.5:4000" << "10.0.0.5-4000";
    QTest::newRow("sim") << "sim:esp" << "sim-esp";
}

void TstProfile::portShortNames()
{
    QFETCH(QString, port);
    QFETCH(QString, shortName);
    ModuleIdentity id;
    id.port = port;
    QCOMPARE(id.portShortName(), shortName);
}

QTEST_GUILESS_MAIN(TstProfile)
#include "tst_profile.moc"
