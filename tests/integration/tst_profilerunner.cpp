// ProfileRunner against the in-process simulator, a local mosquitto and an SNTP responder: a full
// profile applied and proven field by field; only-changes on a configured module sends nothing
// but reads; a failed join, busy storms, a reset in the middle, a module of the other dialect;
// every field at its firmware limit; diff.
#include "localntp.h"
#include "mosquittobroker.h"
#include "provisioning/profilereader.h"
#include "provisioning/profilerunner.h"
#include "simharness.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace atb;

namespace {

const QHash<QString, QString> kSecrets { { "wifi.password", "12345678" }, { "tls.psk", "pskvalue" },
                                         { "mqtt.password", "mqttpw" } };

QJsonObject loadJson(const QString &name)
{
    QFile f(QStringLiteral(ATB_TEST_DATA_DIR "/provisioning/") + name);
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

ModuleReport runJob(SimHarness &h, const ProfileRunner::Job &job, int timeoutMs = 60000)
{
    ProfileRunner runner(&h.session);
    QSignalSpy spy(&runner, &ProfileRunner::finished);
    if (!runner.start(job) || !spy.wait(timeoutMs))
        return {};
    return spy.first().first().value<ModuleReport>();
}

QString describe(const ModuleReport &r)
{
    QStringList out { r.error };
    for (const FieldCheck &f : r.fields)
        if (!f.passed())
            out << f.field + QLatin1Char('=') + FieldCheck::verdictName(f.verdict) + QLatin1Char(' ') + f.note;
    for (const CheckResult &c : r.checks)
        if (c.verdict != CheckResult::Verdict::Pass)
            out << c.label + QLatin1String(": ") + c.detail;
    return out.join(QLatin1String(" | "));
}

} // namespace

class TstProfileRunner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fullProfileIsAppliedAndProven();
    void onlyChangesOnAConfiguredModuleSendsNothingButReads();
    void allModeResendsEverything();
    void joinFailureStopsTheApply();
    void busyStormWithinTheQueuesRetriesPasses();
    void busyStormBeyondTheRetriesFailsWithoutRetrying();
    void resetInTheMiddleIsReportedAndARerunResumes();
    void moduleOfTheOtherDialectIsRefused();
    void everyFieldAtItsFirmwareLimit();
    void diffComparesWithoutChanging();
    void missingSecretRefusesBeforeSending();

private:
    Profile profile(QJsonObject o = QJsonObject(), bool withChecks = true);
    ProfileRunner::Job job(const Profile &p, ProfileRunner::Mode mode = ProfileRunner::Mode::All) const;

    mqtttest::MosquittoBroker m_broker;
    LocalNtp m_ntp;
    bool m_haveBroker = false;
};

void TstProfileRunner::initTestCase()
{
    qRegisterMetaType<ModuleReport>();
    if (mqtttest::missingTools().isEmpty()) {
        QString error;
        m_haveBroker = m_broker.start(&error);
        QVERIFY2(m_haveBroker, qPrintable(error));
    }
}

Profile TstProfileRunner::profile(QJsonObject o, bool withChecks)
{
    if (o.isEmpty())
        o = loadJson(QStringLiteral("full-esp.json"));
    QJsonObject m = o.value("mqtt").toObject();
    m.insert("port", int(m_broker.port()));
    o.insert("mqtt", m);
    QJsonObject s = o.value("sntp").toObject();
    s.insert("servers", QJsonArray { m_ntp.address() });
    o.insert("sntp", s);
    if (!withChecks)
        o.remove("post_checks");
    QList<JsonIssue> issues;
    const auto p = Profile::fromJson(o, &issues);
    if (!p)
        qWarning("%s", qPrintable(issues.first().text()));
    return p.value_or(Profile());
}

ProfileRunner::Job TstProfileRunner::job(const Profile &p, ProfileRunner::Mode mode) const
{
    ProfileRunner::Job j;
    j.profile = p;
    j.secrets = kSecrets;
    j.identity.index = 3;
    j.identity.port = QStringLiteral("sim:esp");
    j.mode = mode;
    return j;
}

void TstProfileRunner::fullProfileIsAppliedAndProven()
{
    if (!m_haveBroker)
        QSKIP("needs mosquitto");
    atb::sim::SimulatedModule::Options o;
    o.stationMac = QStringLiteral("02:00:00:00:12:34");
    SimHarness h(o);
    QVERIFY(h.ready());
    const ModuleReport r = runJob(h, job(profile()));
    QVERIFY2(r.passed, qPrintable(describe(r)));
    QCOMPARE(r.step, QStringLiteral("done"));
    QCOMPARE(r.mac, QStringLiteral("02:00:00:00:12:34"));
    QCOMPARE(r.dialect, QStringLiteral("esp"));
    // Every field the profile names has a row, and every readable one was read back equal.
    QHash<QString, FieldCheck> rows;
    for (const FieldCheck &f : r.fields)
        rows.insert(f.field, f);
    for (const char *f : { "/persistence/store", "/wifi/mode", "/wifi/join", "/wifi/ssid", "/connection/multiple_connections",
                           "/connection/transmission", "/connection/receive_mode", "/dns/automatic", "/dns/servers",
                           "/sntp/enabled", "/sntp/timezone", "/sntp/servers", "/tls_psk/psk", "/tls_psk/hint",
                           "/mqtt/scheme", "/mqtt/connect", "/mqtt/host", "/mqtt/port", "/mqtt/reconnect",
                           "/mqtt/subscriptions" })
        QVERIFY2(rows.value(QString::fromLatin1(f)).verdict == FieldCheck::Verdict::Match, f);
    // The password cannot be read back, but the join proves it.
    QCOMPARE(rows.value("/wifi/password").verdict, FieldCheck::Verdict::Unreadable);
    QVERIFY(rows.value("/wifi/password").note.contains(QLatin1String("joined BenchAP with it")));
    for (const char *f : { "/mqtt/client_id", "/mqtt/keepalive", "/mqtt/last_will" }) {
        QCOMPARE(rows.value(QString::fromLatin1(f)).verdict, FieldCheck::Verdict::Unreadable);
        QVERIFY(rows.value(QString::fromLatin1(f)).applied);
        QVERIFY(rows.value(QString::fromLatin1(f)).note.contains(QLatin1String("accepted")));
    }
    // Placeholders: the client id carries the MAC.
    QVERIFY(h.sent.contains("AT+MQTTUSERCFG=0,1,\"sensor-001234\",\"line3\",\"mqttpw\",0,0,\"\""));
    QCOMPARE(r.checks.size(), 4);
    for (const CheckResult &c : r.checks)
        QCOMPARE(CheckResult::verdictName(c.verdict), QStringLiteral("pass"));
    QVERIFY(h.sent.contains("AT+MQTTPUB=0,\"line3/020000001234/check\",\"module 3 on sim-esp\",0,0"));
    // The report never holds a secret.
    const QByteArray json = QJsonDocument(r.toJson()).toJson();
    for (const QString &secret : kSecrets)
        QVERIFY2(!json.contains(secret.toUtf8()), qPrintable(secret));
    QVERIFY(json.contains("\"format\": \"atbench-provision-report\""));
}

void TstProfileRunner::onlyChangesOnAConfiguredModuleSendsNothingButReads()
{
    if (!m_haveBroker)
        QSKIP("needs mosquitto");
    SimHarness h;
    QVERIFY(h.ready());
    const Profile p = profile({}, false);
    QVERIFY2(runJob(h, job(p)).passed, "first apply");
    QVERIFY(h.drain());
    h.sent.clear();
    const ModuleReport again = runJob(h, job(p, ProfileRunner::Mode::OnlyChanges));
    QVERIFY2(again.passed, qPrintable(describe(again)));
    QCOMPARE(again.commandsSent(), 0);
    QVERIFY(h.drain());
    for (const QByteArray &line : std::as_const(h.sent))
        QVERIFY2(line.endsWith('?') || line == "AT+GMR" || line == "AT+CIFSR", line.constData());
    QCOMPARE(h.sent.size(), 2 * ProfileReader::queryLines(Dialect::Esp).size());
}

void TstProfileRunner::allModeResendsEverything()
{
    if (!m_haveBroker)
        QSKIP("needs mosquitto");
    SimHarness h;
    QVERIFY(h.ready());
    const Profile p = profile({}, false);
    QVERIFY(runJob(h, job(p)).passed);
    const ModuleReport again = runJob(h, job(p, ProfileRunner::Mode::All));
    QVERIFY2(again.passed, qPrintable(describe(again)));
    QVERIFY(again.commandsSent() >= 14);
    QVERIFY(h.sent.contains("AT+MQTTCLEAN=0")); // connected: released before the new configuration
}

void TstProfileRunner::joinFailureStopsTheApply()
{
    SimHarness h;
    QVERIFY(h.ready());
    h.module->injectFault(QStringLiteral("join-fail:2"));
    const ModuleReport r = runJob(h, job(profile({}, false)));
    QVERIFY(!r.passed);
    QCOMPARE(r.step, QStringLiteral("apply"));
    QVERIFY2(r.error.contains(QLatin1String("password")), qPrintable(r.error));
    QVERIFY(!r.error.contains(QLatin1String("12345678")));
    QHash<QString, FieldCheck> rows;
    for (const FieldCheck &f : r.fields)
        rows.insert(f.field, f);
    QCOMPARE(rows["/wifi/ssid"].verdict, FieldCheck::Verdict::Failed);
    QCOMPARE(rows["/mqtt/host"].verdict, FieldCheck::Verdict::NotApplied);
    QCOMPARE(rows["/dns/servers"].verdict, FieldCheck::Verdict::NotApplied);
    // Fields the module already had are not failures.
    QCOMPARE(rows["/connection/transmission"].verdict, FieldCheck::Verdict::Match);
    // Nothing after the failed join was sent, and the join was not tried again.
    QVERIFY(h.drain());
    QCOMPARE(h.sent.count("AT+CWJAP=\"BenchAP\",\"12345678\""), 1);
    QVERIFY(!h.sent.contains("AT+CIPMUX=1"));
    QVERIFY(!h.sent.contains("AT+MQTTCONN=0,\"127.0.0.1\"," + QByteArray::number(m_broker.port()) + ",0"));
}

void TstProfileRunner::busyStormWithinTheQueuesRetriesPasses()
{
    if (!m_haveBroker)
        QSKIP("needs mosquitto");
    SimHarness h;
    QVERIFY(h.ready());
    ProfileRunner runner(&h.session);
    QSignalSpy done(&runner, &ProfileRunner::finished);
    // Three "busy p..." answers right when the apply starts.
    connect(&runner, &ProfileRunner::progress, this, [&h](const QString &step) {
        if (step.startsWith(QLatin1String("Join")))
            h.module->makeBusyFor(3);
    });
    QVERIFY(runner.start(job(profile({}, false))));
    QVERIFY(done.wait(60000));
    const ModuleReport r = done.first().first().value<ModuleReport>();
    QVERIFY2(r.passed, qPrintable(describe(r)));
    // The Wi-Fi step starts with AT+CWMODE (All sends it even when the module has it).
    const auto mode = std::find_if(r.commands.begin(), r.commands.end(),
                                   [](const CommandRecord &c) { return c.line == "AT+CWMODE=1"; });
    QVERIFY(mode != r.commands.end());
    QCOMPARE(mode->attempts, 4);
    QCOMPARE(h.sent.count("AT+CWMODE=1"), 4);
}

void TstProfileRunner::busyStormBeyondTheRetriesFailsWithoutRetrying()
{
    SimHarness h;
    QVERIFY(h.ready());
    ProfileRunner runner(&h.session);
    QSignalSpy done(&runner, &ProfileRunner::finished);
    connect(&runner, &ProfileRunner::progress, this, [&h](const QString &step) {
        if (step.startsWith(QLatin1String("Join")))
            h.module->makeBusyFor(6); // the first try and all five resends
    });
    QVERIFY(runner.start(job(profile({}, false))));
    QVERIFY(done.wait(60000));
    const ModuleReport r = done.first().first().value<ModuleReport>();
    QVERIFY(!r.passed);
    QVERIFY2(r.error.contains(QLatin1String("busy")), qPrintable(r.error));
    QVERIFY(h.drain());
    // The queue's busy policy (1 + 5 resends of a command the module did not run), then nothing.
    QCOMPARE(h.sent.count("AT+CWMODE=1"), 6);
    QVERIFY(!h.sent.contains("AT+CWJAP=\"BenchAP\",\"12345678\""));
    QVERIFY(!h.sent.contains("AT+CIPMUX=1"));
}

void TstProfileRunner::resetInTheMiddleIsReportedAndARerunResumes()
{
    if (!m_haveBroker)
        QSKIP("needs mosquitto");
    SimHarness h;
    QVERIFY(h.ready());
    const Profile p = profile({}, false);
    {
        ProfileRunner runner(&h.session);
        QSignalSpy done(&runner, &ProfileRunner::finished);
        bool reset = false;
        connect(&runner, &ProfileRunner::progress, this, [&](const QString &step) {
            if (!reset && step == QLatin1String("DNS servers")) {
                reset = true;
                h.module->resetSpontaneously();
            }
        });
        QVERIFY(runner.start(job(p, ProfileRunner::Mode::OnlyChanges)));
        QVERIFY(done.wait(60000));
        const ModuleReport r = done.first().first().value<ModuleReport>();
        QVERIFY(reset);
        QVERIFY(!r.passed);
        QVERIFY2(r.error.contains(QLatin1String("restarted")), qPrintable(r.error));
        QVERIFY(r.notes.join(QLatin1Char(' ')).contains(QLatin1String("restarted")));
    }
    // A rerun reads what the module kept and sends only what is missing.
    h.sent.clear();
    const ModuleReport again = runJob(h, job(p, ProfileRunner::Mode::OnlyChanges));
    QVERIFY2(again.passed, qPrintable(describe(again)));
    QVERIFY(again.commandsSent() > 0);
}

void TstProfileRunner::moduleOfTheOtherDialectIsRefused()
{
    SimHarness h(atb::sim::Dialect::BekenDoc);
    QVERIFY(h.ready());
    ProfileRunner::Job j = job(profile({}, false));
    j.profile.dialect = Dialect::Esp;
    const ModuleReport r = runJob(h, j);
    QVERIFY(!r.passed);
    QCOMPARE(r.step, QStringLiteral("refused"));
    QVERIFY2(r.error.contains(QLatin1String("Beken")), qPrintable(r.error));
    QCOMPARE(r.commandsSent(), 0);
}

void TstProfileRunner::everyFieldAtItsFirmwareLimit()
{
    if (!m_haveBroker)
        QSKIP("needs mosquitto");
    const QString ssid(32, QLatin1Char('S'));
    const QString wifiPassword(63, QLatin1Char('p'));
    atb::sim::SimulatedModule::Options o;
    o.accessPoints = { atb::sim::AccessPoint { ssid, wifiPassword, -40, 6 } };
    SimHarness h(o);
    QVERIFY(h.ready());
    QJsonObject json = loadJson(QStringLiteral("limits-esp.json"));
    json.insert("post_checks", QJsonArray { QJsonObject { { "check", "mqtt_loopback" },
                                                          { "topic", QString(127, 't') + QLatin1Char('3') },
                                                          { "message", QString(100, 'x') } } });
    ProfileRunner::Job j = job(profile(json));
    j.secrets = { { "wifi.password", wifiPassword }, { "tls.psk", QString(32, 'k') }, { "mqtt.password", QString(64, 'w') } };
    const ModuleReport r = runJob(h, j);
    QVERIFY2(r.passed, qPrintable(describe(r)));
    // The client id is too long for AT+MQTTUSERCFG's line: it went in its own command.
    QVERIFY(std::any_of(h.sent.begin(), h.sent.end(), [](const QByteArray &l) { return l.startsWith("AT+MQTTCLIENTID=0,\"ccc"); }));
}

void TstProfileRunner::diffComparesWithoutChanging()
{
    SimHarness h;
    QVERIFY(h.ready());
    const Profile p = profile({}, false);
    const ModuleReport r = runJob(h, job(p, ProfileRunner::Mode::Diff));
    QVERIFY(!r.passed);
    QCOMPARE(r.mode, QStringLiteral("diff"));
    QCOMPARE(r.commandsSent(), 0);
    QVERIFY(h.drain());
    for (const QByteArray &line : std::as_const(h.sent))
        QVERIFY2(line.endsWith('?') || line == "AT+GMR" || line == "AT+CIFSR", line.constData());
    QHash<QString, FieldCheck> rows;
    for (const FieldCheck &f : r.fields)
        rows.insert(f.field, f);
    QCOMPARE(rows["/wifi/join"].verdict, FieldCheck::Verdict::Differs);
    QCOMPARE(rows["/wifi/mode"].verdict, FieldCheck::Verdict::Match);
    QCOMPARE(rows["/mqtt/client_id"].verdict, FieldCheck::Verdict::Unreadable);
}

void TstProfileRunner::missingSecretRefusesBeforeSending()
{
    SimHarness h;
    QVERIFY(h.ready());
    ProfileRunner::Job j = job(profile({}, false));
    j.secrets.remove("mqtt.password");
    const ModuleReport r = runJob(h, j);
    QVERIFY(!r.passed);
    QCOMPARE(r.step, QStringLiteral("refused"));
    QVERIFY2(r.error.contains(QLatin1String("/mqtt/password")), qPrintable(r.error));
    QCOMPARE(r.commandsSent(), 0);
}

QTEST_MAIN(TstProfileRunner)
#include "tst_profilerunner.moc"
