// ProfileReader against the in-process simulator (and a local mosquitto): what a fresh and a
// configured module report, as values and as a profile ("save module as profile"); only queries
// are sent; a read that loses the module says so.
#include "mosquittobroker.h"
#include "provisioning/profilereader.h"
#include "simharness.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace atb;

namespace {

// Sends lines one after the other and waits for each result; true when all answered OK.
bool runLines(SimHarness &h, const QList<QByteArray> &lines, int timeoutMs = 15000)
{
    for (const QByteArray &line : lines) {
        quint64 id = 0;
        AtResult result;
        bool done = false;
        QObject ctx;
        QObject::connect(&h.session, &DeviceSession::commandFinished, &ctx, [&](const AtResult &r) {
            if (r.id == id) {
                result = r;
                done = true;
            }
        });
        id = h.session.submit(AtCommand::fromLine(line, h.model.dialect() == Dialect::Beken));
        if (!QTest::qWaitFor([&done] { return done; }, timeoutMs) || !result.ok()) {
            qWarning("%s -> %s", line.constData(), qPrintable(AtResult::statusName(result.status)));
            return false;
        }
    }
    return true;
}

ModuleReadBack readModule(SimHarness &h, Dialect dialect = Dialect::Esp)
{
    ProfileReader reader(&h.session);
    QSignalSpy spy(&reader, &ProfileReader::finished);
    if (!reader.start(dialect) || !spy.wait(20000))
        return {};
    return spy.first().first().value<ModuleReadBack>();
}

} // namespace

class TstProfileReader : public QObject
{
    Q_OBJECT
private slots:
    void queryLinesFollowTheCatalog_data();
    void queryLinesFollowTheCatalog();
    void freshModule();
    void configuredModuleWithBroker();
    void readSendsOnlyQueries();
    void bekenModule();
    void savedProfileIsAValidProfile();
    void sessionHintsFillWhatTheFirmwareCannotReport();
    void lostModuleEndsTheReadWithAReason();
    void secondStartWhileRunningIsRefused();
};

void TstProfileReader::queryLinesFollowTheCatalog_data()
{
    QTest::addColumn<bool>("beken");
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::newRow("esp") << false
                         << QList<QByteArray> { "AT+GMR", "AT+CIFSR", "AT+SYSSTORE?", "AT+CWMODE?", "AT+CWJAP?",
                                                "AT+CIPMUX?", "AT+CIPMODE?", "AT+CIPRECVMODE?", "AT+CIPDNS?",
                                                "AT+CIPSNTPCFG?", "AT+CIPSSLCPSK?", "AT+MQTTCONN?", "AT+MQTTSUB?" };
    QTest::newRow("beken") << true
                           << QList<QByteArray> { "AT+GMR", "AT+SYSSTORE?", "AT+CWMODE?", "AT+CWJAP?", "AT+CIPMUX?",
                                                  "AT+CIPMODE?", "AT+CIPDNS?", "AT+CIPSNTPCFG?", "AT+CIPSSLCPSK?",
                                                  "AT+MQTTCONN?", "AT+MQTTSUB?" };
}

void TstProfileReader::queryLinesFollowTheCatalog()
{
    QFETCH(bool, beken);
    QFETCH(QList<QByteArray>, lines);
    QCOMPARE(ProfileReader::queryLines(beken ? Dialect::Beken : Dialect::Esp), lines);
}

void TstProfileReader::freshModule()
{
    atb::sim::SimulatedModule::Options o;
    SimHarness h;
    QVERIFY(h.ready());
    const ModuleReadBack rb = readModule(h);
    QVERIFY2(rb.complete, qPrintable(rb.error));
    QCOMPARE(rb.failedQueries, QStringList());
    QCOMPARE(rb.mac.size(), 17);
    QVERIFY(!rb.firmware.isEmpty());
    QCOMPARE(rb.value("/wifi/mode").toString(), QStringLiteral("station"));
    QCOMPARE(rb.value("/wifi/join").toBool(), false);
    QVERIFY(!rb.has("/wifi/ssid"));
    QCOMPARE(rb.value("/connection/multiple_connections").toBool(), false);
    QCOMPARE(rb.value("/connection/transmission").toString(), QStringLiteral("normal"));
    QCOMPARE(rb.value("/connection/receive_mode").toString(), QStringLiteral("active"));
    QCOMPARE(rb.value("/dns/automatic").toBool(), true);
    QVERIFY(rb.has("/sntp/enabled"));
    QCOMPARE(rb.value("/tls_psk/psk").toString(), QString());
    QCOMPARE(rb.value("/mqtt/connect").toBool(), false);
    QCOMPARE(rb.mqttState, 0);
    QVERIFY(rb.has("/persistence/store"));
    // Nothing the firmware cannot report is made up.
    for (const QString &f : ModuleReadBack::unreadableFields(Dialect::Esp))
        QVERIFY2(!rb.has(f), qPrintable(f));
}

void TstProfileReader::configuredModuleWithBroker()
{
    const QString missing = mqtttest::missingTools();
    if (!missing.isEmpty())
        QSKIP(qPrintable(QStringLiteral("needs ") + missing));
    mqtttest::MosquittoBroker broker;
    QString error;
    QVERIFY2(broker.start(&error), qPrintable(error));
    SimHarness h;
    QVERIFY(h.ready());
    const QByteArray port = QByteArray::number(broker.port());
    QVERIFY(runLines(h, { "AT+SYSSTORE=0", "AT+CWMODE=3", "AT+CWJAP=\"BenchAP\",\"12345678\"", "AT+CIPMUX=1",
                          "AT+CIPDNS=1,\"127.0.0.53\"", "AT+CIPSNTPCFG=1,8,\"127.0.0.1\"",
                          "AT+CIPSSLCPSK=5,\"s3cretpsk\",\"hint1\"", "AT+CIPRECVMODE=1",
                          "AT+MQTTUSERCFG=0,1,\"dev-1\",\"\",\"\",0,0,\"\"",
                          "AT+MQTTCONN=0,\"127.0.0.1\"," + port + ",0", "AT+MQTTSUB=0,\"a/b\",1",
                          "AT+MQTTSUB=0,\"c/#\",0" }));
    const ModuleReadBack rb = readModule(h);
    QVERIFY2(rb.complete, qPrintable(rb.error));
    QCOMPARE(rb.value("/persistence/store").toBool(), false);
    QCOMPARE(rb.value("/wifi/mode").toString(), QStringLiteral("station+softap"));
    QCOMPARE(rb.value("/wifi/join").toBool(), true);
    QCOMPARE(rb.value("/wifi/ssid").toString(), QStringLiteral("BenchAP"));
    QCOMPARE(rb.value("/wifi/bssid").toString().size(), 17);
    QCOMPARE(rb.value("/connection/multiple_connections").toBool(), true);
    QCOMPARE(rb.value("/connection/receive_mode").toString(), QStringLiteral("passive"));
    QCOMPARE(rb.value("/dns/automatic").toBool(), false);
    QCOMPARE(rb.value("/dns/servers").toArray(), QJsonArray({ "127.0.0.53" }));
    QCOMPARE(rb.value("/sntp/enabled").toBool(), true);
    QCOMPARE(rb.value("/sntp/timezone").toInt(), 8);
    QCOMPARE(rb.value("/sntp/servers").toArray(), QJsonArray({ "127.0.0.1" }));
    QCOMPARE(rb.value("/tls_psk/psk").toString(), QStringLiteral("s3cretpsk"));
    QCOMPARE(rb.value("/tls_psk/hint").toString(), QStringLiteral("hint1"));
    QCOMPARE(rb.value("/mqtt/connect").toBool(), true);
    QCOMPARE(rb.value("/mqtt/scheme").toInt(), 1);
    QCOMPARE(rb.value("/mqtt/host").toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(rb.value("/mqtt/port").toInt(), int(broker.port()));
    const QJsonArray subs { QJsonObject { { "topic", "a/b" }, { "qos", 1 } }, QJsonObject { { "topic", "c/#" }, { "qos", 0 } } };
    QCOMPARE(rb.value("/mqtt/subscriptions").toArray(), subs);

    // As a profile: secrets are references, never the PSK itself.
    const Profile p = rb.toProfile(QStringLiteral("sim:esp"));
    const QByteArray text = p.toFileText();
    QVERIFY(!text.contains("s3cretpsk"));
    QVERIFY(!text.contains("12345678"));
    QCOMPARE(p.tlsPsk->psk.name, QStringLiteral("tls.psk"));
    QCOMPARE(p.wifi->password.name, QStringLiteral("wifi.password"));
    QCOMPARE(p.mqtt->clientId, QStringLiteral("atbench-${MAC6}"));
    QCOMPARE(p.mqtt->subscriptions.size(), 2);
    const QJsonArray unreadable = p.source.value(QLatin1String("unreadable")).toArray();
    QVERIFY(unreadable.contains(QJsonValue("/mqtt/client_id")));
    QVERIFY(unreadable.contains(QJsonValue("/wifi/password")));
    QList<JsonIssue> issues;
    QVERIFY2(Profile::parse(text, &issues), issues.isEmpty() ? "" : qPrintable(issues.first().text()));
}

void TstProfileReader::readSendsOnlyQueries()
{
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    const ModuleReadBack rb = readModule(h);
    QVERIFY(rb.complete);
    QVERIFY(h.drain());
    QCOMPARE(h.sent, ProfileReader::queryLines(Dialect::Esp));
    for (const QByteArray &line : std::as_const(h.sent))
        QVERIFY2(line.endsWith('?') || line == "AT+GMR" || line == "AT+CIFSR", line.constData());
}

void TstProfileReader::bekenModule()
{
    SimHarness h(atb::sim::Dialect::BekenSrc);
    QVERIFY(h.ready());
    const ModuleReadBack rb = readModule(h, Dialect::Beken);
    QVERIFY2(rb.complete, qPrintable(rb.error));
    QCOMPARE(rb.mac, QString()); // the Beken command set has no AT+CIFSR
    QVERIFY(rb.has("/wifi/mode"));
    QVERIFY(rb.has("/connection/multiple_connections"));
    // The SDK source has no AT+CIPMODE? and no AT+CIPDNS? handler (protocol.md 3.2): ERROR, read on.
    QVERIFY(!rb.has("/connection/transmission"));
    QVERIFY(!rb.has("/dns/automatic"));
    QVERIFY(rb.failedQueries.join(QLatin1Char(' ')).contains(QLatin1String("AT+CIPDNS?")));
    QVERIFY(rb.has("/sntp/enabled"));
    QVERIFY(rb.has("/mqtt/connect"));
    const Profile p = rb.toProfile();
    QCOMPARE(p.dialect, Dialect::Beken);
    QList<JsonIssue> issues;
    QVERIFY2(Profile::fromJson(p.toJson(), &issues), issues.isEmpty() ? "" : qPrintable(issues.first().text()));
}

void TstProfileReader::savedProfileIsAValidProfile()
{
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    const Profile p = readModule(h).toProfile(QStringLiteral("/dev/ttyUSB0"));
    QList<JsonIssue> issues;
    const auto back = Profile::parse(p.toFileText(), &issues);
    QVERIFY2(back, issues.isEmpty() ? "" : qPrintable(issues.first().text()));
    QCOMPARE(back->wifi->ssid, QStringLiteral("BenchAP"));
    QCOMPARE(back->source.value(QLatin1String("port")).toString(), QStringLiteral("/dev/ttyUSB0"));
    QVERIFY(!back->mqtt); // never configured: the profile leaves MQTT alone
}

void TstProfileReader::sessionHintsFillWhatTheFirmwareCannotReport()
{
    SimHarness h;
    QVERIFY(h.ready());
    QVERIFY(runLines(h, { "AT+MQTTUSERCFG=0,1,\"dev-7\",\"user7\",\"pw\",0,0,\"\"",
                          "AT+MQTTCONNCFG=0,45,1,\"lwt/t\",\"bye\",1,0" }));
    MqttConfig hint;
    hint.clientId = QStringLiteral("dev-7");
    hint.username = QStringLiteral("user7");
    hint.password = QStringLiteral("pw");
    hint.keepAlive = 45;
    hint.cleanSession = false;
    hint.lwtTopic = QStringLiteral("lwt/t");
    hint.lwtMessage = QStringLiteral("bye");
    hint.lwtQos = 1;
    ProfileReader reader(&h.session);
    reader.setSessionHints(hint);
    QSignalSpy spy(&reader, &ProfileReader::finished);
    QVERIFY(reader.start(Dialect::Esp));
    QVERIFY(spy.wait(20000));
    const Profile p = spy.first().first().value<ModuleReadBack>().toProfile();
    QVERIFY(p.mqtt);
    QCOMPARE(p.mqtt->clientId, QStringLiteral("dev-7"));
    QCOMPARE(p.mqtt->username, QStringLiteral("user7"));
    QCOMPARE(p.mqtt->password.name, QStringLiteral("mqtt.password"));
    QCOMPARE(p.mqtt->keepAlive, 45);
    QCOMPARE(p.mqtt->cleanSession, false);
    QCOMPARE(p.mqtt->lwtTopic, QStringLiteral("lwt/t"));
    QVERIFY(!p.toFileText().contains("\"pw\""));
}

void TstProfileReader::lostModuleEndsTheReadWithAReason()
{
    SimHarness h;
    QVERIFY(h.ready());
    ProfileReader reader(&h.session);
    QSignalSpy spy(&reader, &ProfileReader::finished);
    h.module->stop(); // powered off: the link stays, nothing answers
    QVERIFY(reader.start(Dialect::Esp));
    QVERIFY(spy.wait(30000));
    const ModuleReadBack rb = spy.first().first().value<ModuleReadBack>();
    QVERIFY(!rb.complete);
    QVERIFY2(rb.error.contains(QLatin1String("AT+GMR got no answer")), qPrintable(rb.error));
    QCOMPARE(h.sent, QList<QByteArray>({ "AT+GMR" })); // nothing more after the silence
}

void TstProfileReader::secondStartWhileRunningIsRefused()
{
    SimHarness h;
    QVERIFY(h.ready());
    ProfileReader reader(&h.session);
    QSignalSpy spy(&reader, &ProfileReader::finished);
    QVERIFY(reader.start(Dialect::Esp));
    QVERIFY(!reader.start(Dialect::Esp));
    QVERIFY(spy.wait(20000));
    QCOMPARE(spy.size(), 1);
    QVERIFY(!reader.isRunning());
}

QTEST_MAIN(TstProfileReader)
#include "tst_profilereader.moc"
