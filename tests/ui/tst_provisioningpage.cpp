// The Provisioning page as a newcomer uses it (offscreen): save the connected simulated module as
// a profile, provision four built-in simulated modules with it, see every field verified, open
// a module's report and log; secrets asked once; refusals beside their fields; Show AT; station
// mode with adapters appearing in a watched folder.
#include "simharness.h"

#include "dialogs/messages.h"
#include "pages/provisioningpage.h"
#include "ptysim.h"
#include "secretstore.h"
#include "services/mqttservice.h"

#include <QCheckBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace atb;

namespace {

const QString kWifiPassword = QStringLiteral("12345678");

struct Fixture
{
    explicit Fixture(bool joined = true)
        : harness(atb::sim::Dialect::Esp, joined), mqtt(&harness.session, &harness.model), messages(nullptr)
    {
        messages.setScripted(true);
        secrets.setMemoryOnly(true);
        page = new ProvisioningPage(&harness.session, &harness.model, &mqtt, &secrets, &messages);
        page->resize(1200, 760);
        page->show();
        ok = harness.ready() && QTest::qWaitForWindowExposed(page);
    }
    ~Fixture() { delete page; }

    SimHarness harness;
    MqttService mqtt;
    SecretStore secrets;
    Messages messages;
    ProvisioningPage *page = nullptr;
    bool ok = false;
};

bool waitIdle(ProvisioningPage *page, int timeoutMs = 60000)
{
    return QTest::qWaitFor([page] { return !page->isBusy(); }, timeoutMs);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text);
    return path;
}

} // namespace

class TstProvisioningPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void saveModuleAsProfileThenProvisionFourSimulatedModules();
    void secretsAskedOnceAndNothingSentWithout();
    void badProfileIsRefusedWithPathAndReason();
    void noModuleAndBadBridgeAreRefusedBesideTheirFields();
    void showAtListsTheLinesWithSecretsMasked();
    void saveModuleNeedsAConnection();
    void stationModeProvisionsAdaptersAsTheyAppear();
};

void TstProvisioningPage::initTestCase()
{
    qputenv("ATBENCH_NO_KEYCHAIN", "1"); // secrets from the prompt only, never the desktop's keychain
}

void TstProvisioningPage::saveModuleAsProfileThenProvisionFourSimulatedModules()
{
    Fixture f;
    QVERIFY(f.ok);
    QTemporaryDir dir;
    const QString profileFile = dir.filePath(QStringLiteral("golden.json"));
    f.messages.setScriptedFileName(profileFile);
    // 1. Save the connected (joined) module as a profile.
    QTest::mouseClick(f.page->saveModuleButton(), Qt::LeftButton);
    QVERIFY(waitIdle(f.page));
    QVERIFY2(f.page->statusText().startsWith(QLatin1String("Saved")), qPrintable(f.page->statusText()));
    QVERIFY(QFile::exists(profileFile));
    QVERIFY(f.page->profile().has_value());
    QCOMPARE(f.page->profile()->wifi->ssid, QStringLiteral("BenchAP"));
    QVERIFY(f.page->profileSummary()->text().contains(QLatin1String("Wi-Fi")));
    QVERIFY(f.page->statusText().contains(QLatin1String("Secrets it names (asked when you start): wifi.password.")));

    // 2. Four built-in simulated modules, reports into a folder; Start asks for the password once.
    const QString reports = dir.filePath(QStringLiteral("reports"));
    f.page->simulatorCount()->setValue(4);
    f.page->reportDirEdit()->setText(reports);
    f.messages.setScriptedSecrets({ { "wifi.password", kWifiPassword } });
    QTest::mouseClick(f.page->applyButton(), Qt::LeftButton);
    QVERIFY(f.page->isBusy());
    QVERIFY(f.page->stopButton()->isEnabled());
    QVERIFY(waitIdle(f.page));
    QVERIFY2(f.page->statusText().startsWith(QLatin1String("4 of 4 module(s) passed")), qPrintable(f.page->statusText()));
    QCOMPARE(f.page->table()->model()->rowCount(), 4);
    QSet<QString> macs;
    for (int row = 0; row < 4; ++row) {
        QCOMPARE(f.page->table()->model()->index(row, 6).data().toString(), QStringLiteral("pass"));
        macs << f.page->table()->model()->index(row, 2).data().toString();
    }
    QCOMPARE(macs.size(), 4);
    QCOMPARE(f.messages.recorded().filter(QStringLiteral("Secrets for this batch")).size(), 1);

    // 3. Every field of a module: desired, actual, verdict.
    f.page->table()->selectRow(2);
    QTreeWidget *fields = f.page->fieldTable();
    QVERIFY(fields->topLevelItemCount() >= 8);
    int matched = 0;
    for (int i = 0; i < fields->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = fields->topLevelItem(i);
        QVERIFY2(item->text(3) == QLatin1String("match") || item->text(3) == QLatin1String("not readable"),
                 qPrintable(item->text(0) + QLatin1Char(' ') + item->text(3)));
        matched += item->text(3) == QLatin1String("match");
        QVERIFY(item->text(1) != kWifiPassword);
    }
    QVERIFY(matched >= 7);

    // 4. The report and the log.
    QVERIFY(f.page->reportButton()->isEnabled());
    QTest::mouseClick(f.page->reportButton(), Qt::LeftButton);
    QVERIFY2(f.messages.recorded().last().endsWith(QLatin1String("report.html#m3")), qPrintable(f.messages.recorded().last()));
    QTest::mouseClick(f.page->logButton(), Qt::LeftButton);
    const QString log = f.messages.recorded().last();
    QVERIFY(log.contains(QLatin1String("AT+CWJAP=\"BenchAP\",\"***\"")));
    QVERIFY(!log.contains(kWifiPassword));

    // 5. No secret in any file written: the profile, reports, logs.
    QDirIterator it(dir.path(), QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(kWifiPassword.toUtf8()), qPrintable(file.fileName()));
        ++files;
    }
    QCOMPARE(files, 1 + 4 * 2 + 3);

    // 6. Again, only what differs. Built-in simulated modules boot fresh for every run, so each
    // needs the join (and its queries) only; everything else it has already.
    const int allFields = f.page->station()->module(1).report.commandsSent();
    f.page->onlyChangesButton()->setChecked(true);
    QTest::mouseClick(f.page->applyButton(), Qt::LeftButton);
    QVERIFY(waitIdle(f.page));
    QVERIFY(f.page->statusText().startsWith(QLatin1String("4 of 4 module(s) passed")));
    for (int i = 1; i <= 4; ++i) {
        const ModuleReport &r = f.page->station()->module(i).report;
        QVERIFY(r.commandsSent() < allFields);
        for (const CommandRecord &c : r.commands)
            if (c.phase == QLatin1String("apply"))
                QVERIFY2(c.line.startsWith("AT+CWJAP") || c.line == "AT+CIFSR" || c.line == "AT+CIPSTA?", c.line.constData());
    }
    QCOMPARE(f.messages.recorded().filter(QStringLiteral("Secrets for this batch")).size(), 1); // not asked again
}

void TstProvisioningPage::secretsAskedOnceAndNothingSentWithout()
{
    Fixture f;
    QVERIFY(f.ok);
    QTemporaryDir dir;
    QVERIFY(f.page->loadProfile(writeFile(dir, QStringLiteral("p.json"), R"({"format":"atbench-profile","version":1,"dialect":"esp",
        "wifi":{"mode":"station","ssid":"BenchAP","password":{"secret":"wifi.password"}},
        "mqtt":{"scheme":1,"client_id":"x","password":{"secret":"mqtt.password"},"connect":false}})")));
    f.page->simulatorCount()->setValue(2);
    f.messages.setScriptedSecrets({ { "wifi.password", kWifiPassword } }); // the MQTT one left empty
    QTest::mouseClick(f.page->applyButton(), Qt::LeftButton);
    QVERIFY(!f.page->isBusy());
    QVERIFY(f.page->statusIsProblem());
    QVERIFY2(f.page->statusText().contains(QLatin1String("Secrets missing, nothing was sent: mqtt.password")),
             qPrintable(f.page->statusText()));
    QCOMPARE(f.page->station()->moduleCount(), 0);
    const QStringList asked = f.messages.recorded().filter(QStringLiteral("Secrets for this batch"));
    QCOMPARE(asked.size(), 1);
    QVERIFY(asked.first().endsWith(QLatin1String("mqtt.password, wifi.password"))
            || asked.first().endsWith(QLatin1String("wifi.password, mqtt.password")));
}

void TstProvisioningPage::badProfileIsRefusedWithPathAndReason()
{
    Fixture f;
    QVERIFY(f.ok);
    QTemporaryDir dir;
    QVERIFY(!f.page->loadProfile(writeFile(dir, QStringLiteral("bad.json"),
                                           R"({"format":"atbench-profile","version":1,"dialect":"esp","mqtt":{"scheme":1,"client_id":"x","port":99999}})")));
    QCOMPARE(f.page->fieldError("profile"), QStringLiteral("/mqtt/port: must be at most 65535"));
    QVERIFY(f.page->statusIsProblem());
    QVERIFY(!f.page->applyButton()->isEnabled());
    // A profile the schema accepts but the firmware does not: refused when Start is pressed.
    QVERIFY(f.page->loadProfile(writeFile(dir, QStringLiteral("long.json"),
                                          R"({"format":"atbench-profile","version":1,"dialect":"esp","wifi":{"mode":"station","ssid":"0123456789012345678901234567890123","password":""}})")));
    f.page->simulatorCount()->setValue(1);
    QTest::mouseClick(f.page->applyButton(), Qt::LeftButton);
    QVERIFY(f.page->fieldError("profile").startsWith(QLatin1String("/wifi/ssid:")));
    QVERIFY(f.page->statusText().contains(QLatin1String("nothing was sent")));
    QCOMPARE(f.page->station()->moduleCount(), 0);
}

void TstProvisioningPage::noModuleAndBadBridgeAreRefusedBesideTheirFields()
{
    Fixture f;
    QVERIFY(f.ok);
    QTemporaryDir dir;
    QVERIFY(f.page->loadProfile(writeFile(dir, QStringLiteral("p.json"),
                                          R"({"format":"atbench-profile","version":1,"dialect":"esp","persistence":{"store":true}})")));
    QTest::mouseClick(f.page->applyButton(), Qt::LeftButton);
    QVERIFY(f.page->fieldError("ports").contains(QLatin1String("Tick a serial port")));
    f.page->bridgesEdit()->setText(QStringLiteral("tcp:127.0.0.1:7000, /dev/ttyUSB0"));
    QTest::mouseClick(f.page->applyButton(), Qt::LeftButton);
    QVERIFY2(f.page->fieldError("bridges").contains(QLatin1String("/dev/ttyUSB0")), qPrintable(f.page->fieldError("bridges")));
    f.page->bridgesEdit()->clear();
    f.page->simulatorCount()->setValue(1);
    f.page->publishEdit()->setText(QStringLiteral("mqtt://127.0.0.1:1883/a/#"));
    QTest::mouseClick(f.page->applyButton(), Qt::LeftButton);
    QVERIFY2(f.page->fieldError("publish").contains(QLatin1String("without wildcards")), qPrintable(f.page->fieldError("publish")));
    QCOMPARE(f.page->station()->moduleCount(), 0);
}

void TstProvisioningPage::showAtListsTheLinesWithSecretsMasked()
{
    Fixture f;
    QVERIFY(f.ok);
    QTemporaryDir dir;
    QVERIFY(f.page->loadProfile(writeFile(dir, QStringLiteral("p.json"), R"({"format":"atbench-profile","version":1,"dialect":"esp",
        "wifi":{"mode":"station","ssid":"BenchAP","password":{"secret":"wifi.password"}},
        "mqtt":{"scheme":1,"client_id":"dev-${MAC6}","connect":false}})")));
    f.page->setSessionSecret(QStringLiteral("wifi.password"), kWifiPassword);
    QTest::mouseClick(f.page->showAtButton(), Qt::LeftButton);
    const QString text = f.page->atPreview()->toPlainText();
    QVERIFY2(text.contains(QLatin1String("AT+CWJAP=\"BenchAP\",\"***\"")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("AT+MQTTUSERCFG=0,1,\"dev-000000\",\"\",\"***\",0,0,\"\"")), qPrintable(text));
    QVERIFY(!text.contains(kWifiPassword));
    f.page->onlyChangesButton()->setChecked(true);
    QVERIFY(f.page->atPreview()->toPlainText().contains(QLatin1String("Only what differs")));
}

void TstProvisioningPage::saveModuleNeedsAConnection()
{
    Fixture f;
    QVERIFY(f.ok);
    f.harness.session.close();
    QTRY_COMPARE(f.harness.session.state(), DeviceSession::State::Disconnected);
    QTest::mouseClick(f.page->saveModuleButton(), Qt::LeftButton);
    QVERIFY(f.page->statusIsProblem());
    QVERIFY(f.page->statusText().contains(QLatin1String("Connect a module first")));
}

void TstProvisioningPage::stationModeProvisionsAdaptersAsTheyAppear()
{
    Fixture f;
    QVERIFY(f.ok);
    QTemporaryDir bench;
    f.page->portWatcher()->stop();
    f.page->portWatcher()->setSystemPorts(false);
    f.page->portWatcher()->watchFolder(bench.path(), { QStringLiteral("tty*") });
    f.page->portWatcher()->start(100);
    QVERIFY(f.page->loadProfile(writeFile(bench, QStringLiteral("p.json"), R"({"format":"atbench-profile","version":1,"dialect":"esp",
        "wifi":{"mode":"station","ssid":"BenchAP","password":{"secret":"wifi.password"}}})")));
    f.page->setSessionSecret(QStringLiteral("wifi.password"), kWifiPassword);
    f.page->stationModeCheck()->setChecked(true);
    QTest::mouseClick(f.page->applyButton(), Qt::LeftButton);
    QVERIFY(f.page->isBusy());
    QVERIFY(f.page->statusText().startsWith(QLatin1String("Station mode")));
    simtest::SimProcess sim;
    QString error;
    QVERIFY2(sim.start({ QStringLiteral("--mac"), QStringLiteral("02:00:00:00:07:01") }, &error), qPrintable(error));
    QVERIFY(QFile::link(sim.link(), bench.filePath(QStringLiteral("ttyNew"))));
    QTRY_VERIFY_WITH_TIMEOUT(f.page->station()->moduleCount() == 1 && f.page->station()->module(1).finished(), 30000);
    QCOMPARE(f.page->station()->module(1).state, StationModule::State::Passed);
    QCOMPARE(f.page->station()->module(1).mac, QStringLiteral("02:00:00:00:07:01"));
    QVERIFY(f.page->isBusy()); // still watching
    QTest::mouseClick(f.page->stopButton(), Qt::LeftButton);
    QVERIFY(!f.page->isBusy());
    QVERIFY(!f.page->station()->isWatching());
}

QTEST_MAIN(TstProvisioningPage)
#include "tst_provisioningpage.moc"
