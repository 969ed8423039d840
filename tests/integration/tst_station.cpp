// Station: several atbench-sim modules on real ptys at 115200 at once, each with its own session
// and I/O thread; a broken module and an unreachable port next to working ones; station mode
// (adapters appearing in a watched folder are provisioned one after the other; one removed in
// the middle is reported, not hung on); report files; no secret in any file written.
#include "mosquittobroker.h"
#include "provisioning/station.h"
#include "ptysim.h"
#include "transport/portwatcher.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace atb;

namespace {

const QHash<QString, QString> kSecrets { { "wifi.password", "12345678" }, { "mqtt.password", "mqtt-pw-7" } };

QString mac(int i)
{
    return QStringLiteral("02:00:00:00:01:%1").arg(i, 2, 16, QLatin1Char('0'));
}

// Every file under `dir`, read; fails the test when one holds a secret.
void checkNoSecretIn(const QString &dir)
{
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        for (const QString &secret : kSecrets)
            QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(f.fileName() + QLatin1String(" holds a secret")));
        ++files;
    }
    QVERIFY(files > 0);
}

} // namespace

class TstStation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fourModulesAtOnce();
    void brokenAndUnreachableModulesDoNotStallTheOthers();
    void stationModeProvisionsAdaptersAsTheyAppear();
    void retryRunsAFailedModuleAgain();
    void reportsArePublishedToABroker();
    void unreachableReportBrokerIsReportedNotHungOn();

private:
    Profile profile() const;
    std::unique_ptr<simtest::SimProcess> startSim(const QStringList &extra, const QString &link = QString());

    mqtttest::MosquittoBroker m_broker;
    bool m_haveBroker = false;
};

void TstStation::initTestCase()
{
    qRegisterMetaType<ModuleReport>();
    if (mqtttest::missingTools().isEmpty()) {
        QString error;
        m_haveBroker = m_broker.start(&error);
        QVERIFY2(m_haveBroker, qPrintable(error));
    }
}

Profile TstStation::profile() const
{
    QJsonObject o { { "format", "atbench-profile" }, { "version", 1 }, { "name", "station test" }, { "dialect", "esp" } };
    o.insert("wifi", QJsonObject { { "mode", "station" }, { "ssid", "BenchAP" }, { "password", QJsonObject { { "secret", "wifi.password" } } } });
    o.insert("connection", QJsonObject { { "multiple_connections", true } });
    o.insert("sntp", QJsonObject { { "enabled", true }, { "timezone", 1 }, { "servers", QJsonArray { "127.0.0.1" } } });
    if (m_haveBroker) {
        o.insert("mqtt", QJsonObject { { "scheme", 1 }, { "client_id", "st-${MAC6}" }, { "username", "bench" },
                                       { "password", QJsonObject { { "secret", "mqtt.password" } } },
                                       { "host", "127.0.0.1" }, { "port", int(m_broker.port()) },
                                       { "subscriptions", QJsonArray { QJsonObject { { "topic", "st/${MAC6}/cmd" }, { "qos", 1 } } } } });
        o.insert("post_checks", QJsonArray { QJsonObject { { "check", "mqtt_loopback" }, { "topic", "st/${MAC6}/cmd" },
                                                           { "message", "hello ${INDEX}" } } });
    }
    QList<JsonIssue> issues;
    return Profile::fromJson(o, &issues).value();
}

std::unique_ptr<simtest::SimProcess> TstStation::startSim(const QStringList &extra, const QString &link)
{
    auto sim = std::make_unique<simtest::SimProcess>();
    QString error;
    QStringList args = extra;
    if (!sim->start(args, &error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    if (!link.isEmpty())
        QFile::link(sim->link(), link);
    return sim;
}

void TstStation::fourModulesAtOnce()
{
    std::vector<std::unique_ptr<simtest::SimProcess>> sims;
    for (int i = 1; i <= 4; ++i) {
        sims.push_back(startSim({ QStringLiteral("--mac"), mac(i) }));
        QVERIFY(sims.back());
    }
    QTemporaryDir reports;
    Station station;
    Station::Settings s;
    s.profile = profile();
    s.secrets = kSecrets;
    s.reportDir = reports.filePath(QStringLiteral("batch"));
    s.junitFile = reports.filePath(QStringLiteral("junit.xml"));
    station.setSettings(s);
    for (const auto &sim : sims)
        station.addPort(PortSpec::parse(sim->link()).value());
    QSignalSpy all(&station, &Station::allFinished);
    QSignalSpy finished(&station, &Station::moduleFinished);
    station.start();
    QVERIFY(station.isRunning());
    QVERIFY(all.wait(120000));
    QCOMPARE(finished.size(), 4);
    QSet<QString> macs;
    for (const StationModule &m : station.modules()) {
        QVERIFY2(m.state == StationModule::State::Passed, qPrintable(m.port + QLatin1String(": ") + m.error));
        QVERIFY(QFile::exists(m.reportFile));
        QVERIFY(QFile::exists(m.reportFile.chopped(5) + QLatin1String(".log")));
        QVERIFY(m.elapsedMs > 0);
        QVERIFY(!m.log.isEmpty());
        macs << m.mac;
    }
    QCOMPARE(macs.size(), 4); // told apart by their MAC
    for (const char *f : { "report.csv", "junit.xml", "report.html" })
        QVERIFY2(QFile::exists(QDir(s.reportDir).filePath(QString::fromLatin1(f))), f);
    QVERIFY(QFile::exists(s.junitFile));
    QCOMPARE(station.batchReport().passedCount(), 4);
    checkNoSecretIn(reports.path());
}

void TstStation::brokenAndUnreachableModulesDoNotStallTheOthers()
{
    auto good = startSim({ QStringLiteral("--mac"), mac(10) });
    auto broken = startSim({ QStringLiteral("--mac"), mac(11), QStringLiteral("--fault"), QStringLiteral("join-fail:3") });
    // A module that answers nothing at all after boot: every command is "busy" for a long time.
    auto silent = startSim({ QStringLiteral("--mac"), mac(12), QStringLiteral("--fault"), QStringLiteral("delay:60000") });
    QVERIFY(good && broken && silent);
    QTemporaryDir dir;
    Station station;
    Station::Settings s;
    s.profile = profile();
    s.secrets = kSecrets;
    s.openTimeoutMs = 3000;
    station.setSettings(s);
    station.addPort(PortSpec::parse(good->link()).value());
    station.addPort(PortSpec::parse(broken->link()).value());
    station.addPort(PortSpec::parse(dir.filePath(QStringLiteral("ttyNothing"))).value());
    station.addPort(PortSpec::parse(silent->link()).value());
    QSignalSpy all(&station, &Station::allFinished);
    QElapsedTimer clock;
    clock.start();
    station.start();
    // The good module finishes while the silent one is still stuck opening.
    QTRY_VERIFY_WITH_TIMEOUT(station.module(1).finished(), 60000);
    QCOMPARE(station.module(1).state, StationModule::State::Passed);
    QVERIFY(all.wait(60000));
    QCOMPARE(station.module(2).state, StationModule::State::Failed);
    QVERIFY2(station.module(2).error.contains(QLatin1String("not found")), qPrintable(station.module(2).error));
    QCOMPARE(station.module(3).state, StationModule::State::Failed);
    QCOMPARE(station.module(3).report.step, QStringLiteral("open"));
    QVERIFY(station.module(3).error.contains(QLatin1String("ttyNothing")));
    QCOMPARE(station.module(4).state, StationModule::State::Failed);
    QVERIFY(clock.elapsed() < 60000);
}

void TstStation::stationModeProvisionsAdaptersAsTheyAppear()
{
    QTemporaryDir bench; // the "adapters" appear here as tty* links
    PortWatcher watcher;
    watcher.setSystemPorts(false);
    watcher.watchFolder(bench.path(), { QStringLiteral("tty*") });
    Station station;
    Station::Settings s;
    s.profile = profile();
    s.secrets = kSecrets;
    s.reportDir = bench.filePath(QStringLiteral("reports"));
    station.setSettings(s);
    watcher.start(100);
    station.watch(&watcher);
    QSignalSpy finished(&station, &Station::moduleFinished);

    // A line worker plugs one module, then the next.
    auto first = startSim({ QStringLiteral("--mac"), mac(20) }, bench.filePath(QStringLiteral("ttyA")));
    QVERIFY(first);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    QCOMPARE(station.module(1).state, StationModule::State::Passed);
    QCOMPARE(station.module(1).port, bench.filePath(QStringLiteral("ttyA")));
    auto second = startSim({ QStringLiteral("--mac"), mac(21) }, bench.filePath(QStringLiteral("ttyB")));
    QVERIFY(second);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
    QCOMPARE(station.module(2).state, StationModule::State::Passed);
    QCOMPARE(station.module(2).index, 2);

    // The third adapter is pulled out while the module is being provisioned.
    auto third = startSim({ QStringLiteral("--mac"), mac(22), QStringLiteral("--fault"), QStringLiteral("delay:300") },
                          bench.filePath(QStringLiteral("ttyC")));
    QVERIFY(third);
    QTRY_VERIFY_WITH_TIMEOUT(station.moduleCount() == 3 && station.module(3).state == StationModule::State::Running, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(station.module(3).stepsDone >= 2, 30000); // past the read, applying
    third->stop();
    QFile::remove(bench.filePath(QStringLiteral("ttyC")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20000);
    QCOMPARE(station.module(3).state, StationModule::State::Failed);
    // The session sees the link go at once; the watcher's next poll names the cause.
    QTRY_VERIFY_WITH_TIMEOUT(station.module(3).removed, 5000);
    const StationModule &pulled = station.module(3);
    QVERIFY2(pulled.error.contains(QLatin1String("adapter was removed")), qPrintable(pulled.error));
    // The report says what was applied and what was not.
    QVERIFY(std::any_of(pulled.report.fields.begin(), pulled.report.fields.end(), [](const FieldCheck &f) {
        return f.verdict == FieldCheck::Verdict::NotApplied || f.verdict == FieldCheck::Verdict::Failed;
    }));
    station.stop();
    QVERIFY(!station.isWatching());
    checkNoSecretIn(s.reportDir);
}

void TstStation::retryRunsAFailedModuleAgain()
{
    auto sim = startSim({ QStringLiteral("--mac"), mac(30), QStringLiteral("--fault"), QStringLiteral("join-fail:1") });
    QVERIFY(sim);
    Station station;
    Station::Settings s;
    s.profile = profile();
    s.secrets = kSecrets;
    s.mode = ProfileRunner::Mode::OnlyChanges;
    station.setSettings(s);
    station.addPort(PortSpec::parse(sim->link()).value());
    QSignalSpy all(&station, &Station::allFinished);
    station.start();
    QVERIFY(all.wait(60000));
    QCOMPARE(station.module(1).state, StationModule::State::Failed);
    // The fault was for one join only: a retry resumes and passes.
    station.retry(1);
    QVERIFY(all.wait(60000));
    QVERIFY2(station.module(1).state == StationModule::State::Passed, qPrintable(station.module(1).error));
    QCOMPARE(station.moduleCount(), 1);
}

void TstStation::reportsArePublishedToABroker()
{
    if (!m_haveBroker)
        QSKIP("needs mosquitto");
    mqtttest::MosquittoSubscriber line;
    QVERIFY(line.start(m_broker.port(), QStringLiteral("line3/reports/#")));
    auto a = startSim({ QStringLiteral("--mac"), mac(40) });
    auto b = startSim({ QStringLiteral("--mac"), mac(41), QStringLiteral("--fault"), QStringLiteral("join-fail:2") });
    QVERIFY(a && b);
    Station station;
    Station::Settings s;
    s.profile = profile();
    s.secrets = kSecrets;
    QString error;
    s.publish = ReportPublishSettings::parse(QStringLiteral("mqtt://127.0.0.1:%1/line3/reports/${MAC}").arg(m_broker.port()), &error);
    QVERIFY2(s.publish, qPrintable(error));
    station.setSettings(s);
    station.addPort(PortSpec::parse(a->link()).value());
    station.addPort(PortSpec::parse(b->link()).value());
    QSignalSpy all(&station, &Station::allFinished);
    QSignalSpy problems(&station, &Station::reportError);
    station.start();
    QVERIFY(all.wait(60000));
    QCOMPARE(problems.size(), 0);
    // Both reports, passed or not, reached the broker (allFinished waits for the broker's PUBACK).
    QHash<QString, QJsonObject> byMac;
    for (int i = 0; i < 2; ++i) {
        const QByteArray payload = line.nextPayload(5000);
        QVERIFY2(payload != "<timeout>", "a report did not arrive");
        for (const QString &secret : kSecrets)
            QVERIFY(!payload.contains(secret.toUtf8()));
        const QJsonObject o = QJsonDocument::fromJson(payload).object();
        QCOMPARE(o.value("format").toString(), QStringLiteral("atbench-provision-report"));
        byMac.insert(o.value("module").toObject().value("mac").toString(), o);
    }
    QCOMPARE(byMac.value(mac(40)).value("verdict").toString(), QStringLiteral("pass"));
    QCOMPARE(byMac.value(mac(41)).value("verdict").toString(), QStringLiteral("fail"));
}

void TstStation::unreachableReportBrokerIsReportedNotHungOn()
{
    auto a = startSim({ QStringLiteral("--mac"), mac(50) });
    QVERIFY(a);
    Station station;
    Station::Settings s;
    s.profile = profile();
    s.secrets = kSecrets;
    QString error;
    // A free loopback port with nothing listening: the connection is refused at once.
    s.publish = ReportPublishSettings::parse(QStringLiteral("mqtt://127.0.0.1:%1/r/${MAC}").arg(freeLoopbackPort()), &error);
    station.setSettings(s);
    station.addPort(PortSpec::parse(a->link()).value());
    QSignalSpy all(&station, &Station::allFinished);
    QSignalSpy problems(&station, &Station::reportError);
    station.start();
    QVERIFY(all.wait(60000));
    QCOMPARE(station.module(1).state, StationModule::State::Passed); // the module is fine
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().first().toString().contains(QLatin1String("was not published")),
             qPrintable(problems.first().first().toString()));
}

QTEST_MAIN(TstStation)
#include "tst_station.moc"
