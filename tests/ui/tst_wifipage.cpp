// The Wi-Fi page on real core objects and the in-process simulator (offscreen): fill the form,
// press Apply, and check the exact AT lines the module received and what the page shows.
#include "screenshotdir.h"
#include "simharness.h"

#include "pages/wifipage.h"
#include "secretstore.h"
#include "simulatorlink.h"
#include "services/wifiservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>
#include <QTranslator>
#include <QtTest>

#include "pseudochinese.h"

namespace {

// The simulator with several access points (SimHarness boots with the default one only).
class ApHarness
{
public:
    explicit ApHarness(const QList<atb::sim::AccessPoint> &aps)
    {
        model.follow(&session);
        atb::sim::SimulatedModule::Options o;
        o.accessPoints = aps;
        o.bootDelayMs = 0;
        o.loopbackOnly = true;
        module = new atb::sim::SimulatedModule(o);
        auto [host, device] = atb::PipeTransport::createPair(QStringLiteral("sim"));
        m_device = device;
        m_device->open();
        QObject::connect(m_device, &atb::Transport::received, module, &atb::sim::SimulatedModule::receiveFromHost);
        QObject::connect(m_device, &atb::Transport::received, m_device, [this](const QByteArray &b) {
            m_rx += b;
            qsizetype eol;
            while ((eol = m_rx.indexOf("\r\n")) >= 0) {
                sent << m_rx.left(eol);
                m_rx.remove(0, eol + 2);
            }
        });
        QObject::connect(module, &atb::sim::SimulatedModule::sendToHost, m_device, &atb::Transport::write);
        session.openWith([host = host](QObject *parent) {
            host->setParent(parent);
            return host;
        });
        module->start();
    }
    ~ApHarness()
    {
        session.close();
        module->stop();
        delete module;
        delete m_device;
    }
    bool ready()
    {
        if (!QTest::qWaitFor([this] { return session.state() == atb::DeviceSession::State::Connected; }, 5000))
            return false;
        QSignalSpy done(&session, &atb::DeviceSession::commandFinished);
        session.submit(atb::AtCommand::fromLine("ATE0"));
        const bool ok = done.wait(5000);
        sent.clear();
        return ok;
    }

    atb::DeviceSession session;
    atb::DeviceModel model;
    atb::sim::SimulatedModule *module = nullptr;
    QList<QByteArray> sent;

private:
    atb::PipeTransport *m_device = nullptr;
    QByteArray m_rx;
};

// One page on a harness, shown at the size it has in the main window.
struct PageFixture
{
    PageFixture(atb::DeviceSession *session, atb::DeviceModel *model, bool withSecrets = true)
        : service(session, model)
    {
        secrets.setMemoryOnly(true);
        page = new WifiPage(model, &service, withSecrets ? &secrets : nullptr);
        page->resize(1110, 700);
        page->show();
        page->activateWindow(); // shortcuts (Ctrl+Return, F5) need an active window
        ok = QTest::qWaitForWindowActive(page);
    }
    ~PageFixture() { delete page; }

    SecretStore secrets;
    atb::WifiService service;
    WifiPage *page = nullptr;
    bool ok = false;
};

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->clear();
    if (text.size() > 40) // QTest::keyClicks is slow for long strings; the signals are the same
        edit->setText(text);
    else
        QTest::keyClicks(edit, text);
}

int modeIndex(QComboBox *combo, int mode)
{
    return combo->findData(mode);
}

} // namespace

class tst_WifiPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QTest::qWait(0); }

    // Station address: a fixed one from the form (the exact AT+CIPSTA line), DHCP again; invalid
    // input beside its field and nothing sent.
    void stationAddressFromTheForm()
    {
        SimHarness h(atb::sim::Dialect::Esp, true);
        QVERIFY(h.ready());
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        WifiPage *page = f.page;
        auto *fixed = page->findChild<QRadioButton *>(QStringLiteral("fixedAddressRadio"));
        auto *ip = page->findChild<QLineEdit *>(QStringLiteral("staticIpEdit"));
        auto *apply = page->findChild<QPushButton *>(QStringLiteral("addressApplyButton"));
        QVERIFY(fixed && ip && apply);
        QVERIFY(!ip->isEnabled()); // DHCP by default
        fixed->setChecked(true);
        QVERIFY(ip->isEnabled());
        typeInto(ip, QStringLiteral("192.168.4.300"));
        QVERIFY(!page->fieldError("ip", "address").isEmpty()); // beside the field while typing
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(h.drain() && h.sent.isEmpty());
        typeInto(ip, QStringLiteral("192.168.4.20"));
        typeInto(page->findChild<QLineEdit *>(QStringLiteral("staticGatewayEdit")), QStringLiteral("192.168.4.1"));
        typeInto(page->findChild<QLineEdit *>(QStringLiteral("staticNetmaskEdit")), QStringLiteral("255.255.255.0"));
        QVERIFY(page->fieldError("ip", "address").isEmpty());
        page->showAtButton()->setChecked(true);
        QVERIFY(page->atPreview()->toPlainText().contains(
            QLatin1String("AT+CIPSTA=\"192.168.4.20\",\"192.168.4.1\",\"255.255.255.0\"")));
        QSignalSpy done(&f.service, &atb::WifiService::finished);
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(done.wait(5000));
        QCOMPARE(h.sent, (QList<QByteArray> { "AT+CIPSTA=\"192.168.4.20\",\"192.168.4.1\",\"255.255.255.0\"",
                                              "AT+CIPSTA?" }));
        QVERIFY2(page->statusText().contains(QLatin1String("192.168.4.20")), qPrintable(page->statusText()));
        page->findChild<QRadioButton *>(QStringLiteral("dhcpRadio"))->setChecked(true);
        h.sent.clear();
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(done.wait(5000));
        QCOMPARE(h.sent.first(), QByteArray("AT+CWDHCP=1,1"));
        QCOMPARE(f.service.info().dhcp, 1);
    }

    // The built-in simulated module: the Join box names its access point and password, and
    // "Fill in" puts them into the form; a real module shows nothing of the kind.
    void builtInAccessPointIsNamed()
    {
        SimHarness h;
        QVERIFY(h.ready());
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        WifiPage *page = f.page;
        auto *hint = page->findChild<QLabel *>(QStringLiteral("simulatorApHint"));
        QVERIFY(hint && !hint->isVisible());
        // What the application hands over when the built-in module is chosen (main's wiring).
        const QList<SimulatorLink::AccessPoint> aps = SimulatorLink::accessPoints();
        QVERIFY(!aps.isEmpty());
        QCOMPARE(aps.first().ssid, QStringLiteral("BenchAP"));
        page->setBuiltInAccessPoint(aps.first().ssid, aps.first().password);
        QVERIFY(hint->isVisible());
        QVERIFY(hint->text().contains(QLatin1String("BenchAP")) && hint->text().contains(QLatin1String("12345678")));
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("simulatorApFillButton")), Qt::LeftButton);
        QCOMPARE(page->ssidEdit()->text(), QStringLiteral("BenchAP"));
        QCOMPARE(page->passwordEdit()->text(), QStringLiteral("12345678"));
        QSignalSpy done(&f.service, &atb::WifiService::finished);
        page->apply();
        QVERIFY(done.wait(20000));
        QVERIFY(h.model.wifi().connected); // the hint's password is the module's
        page->setBuiltInAccessPoint(QString(), QString());
        QVERIFY(!hint->isVisible());
    }

    // Done-when flow: join a Wi-Fi network from the form.
    void joinWifiFromTheForm()
    {
        SimHarness h;
        QVERIFY(h.ready());
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        WifiPage *page = f.page;
        QVERIFY(!page->applyButton()->isEnabled()); // nothing edited yet
        QTest::keyClick(page->ssidEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!page->isBusy()); // ...and the shortcut does not send anything either
        QVERIFY(page->statusText().contains(QStringLiteral("Nothing to apply")));
        QCOMPARE(page->stateLabel()->text().contains(QStringLiteral("Not connected")), true);

        typeInto(page->ssidEdit(), QStringLiteral("BenchAP"));
        typeInto(page->passwordEdit(), QStringLiteral("12345678"));
        page->rememberCheck()->setChecked(true);
        QVERIFY(page->applyButton()->isEnabled());
        QVERIFY(page->isDirty());

        // Show AT: the exact lines, password masked unless shown.
        QVERIFY(!page->atPreview()->isVisible());
        QTest::mouseClick(page->showAtButton(), Qt::LeftButton);
        QVERIFY(page->atPreview()->isVisible());
        QVERIFY(page->atPreview()->toPlainText().contains(QStringLiteral("AT+CWJAP=\"BenchAP\",\"***\"")));
        QVERIFY(!page->atPreview()->toPlainText().contains(QStringLiteral("12345678")));
        page->showPasswordButton()->click();
        QCOMPARE(page->passwordEdit()->echoMode(), QLineEdit::Normal);
        QVERIFY(page->atPreview()->toPlainText().contains(QStringLiteral("AT+CWJAP=\"BenchAP\",\"12345678\"")));
        const QList<QByteArray> expected { "AT+CWMODE=1", "AT+CWJAP=\"BenchAP\",\"12345678\"", "AT+CWJAP?",
                                           "AT+CIFSR",
                                           "AT+CIPSTA?" };
        QCOMPARE(page->previewLines(), expected);

        QTest::mouseClick(page->applyButton(), Qt::LeftButton);
        // Busy: the form is disabled and the indicator runs while the commands are out.
        QVERIFY(page->isBusy());
        QVERIFY(!page->form()->isEnabled());
        QVERIFY(page->busyIndicator()->isVisible());
        QVERIFY(!page->applyButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QVERIFY(page->form()->isEnabled());
        QVERIFY(!page->busyIndicator()->isVisible());

        QCOMPARE(h.sent, expected); // the preview is what the module received
        QVERIFY2(page->statusText().contains(QStringLiteral("Joined")), qPrintable(page->statusText()));
        QVERIFY(page->stateLabel()->text().contains(QStringLiteral("Connected, got an IP address")));
        QCOMPARE(page->ipLabel()->text(), QStringLiteral("127.0.0.1"));
        QCOMPARE(page->gatewayLabel()->text(), QStringLiteral("127.0.0.1"));
        QCOMPARE(page->netmaskLabel()->text(), QStringLiteral("255.0.0.0"));
        QVERIFY(page->macLabel()->text().contains(QLatin1Char(':')));
        QCOMPARE(page->lastFailureLabel()->text(), QStringLiteral("—"));
        // Reloaded from the module: joined SSID, password field empty, nothing to apply.
        QCOMPARE(page->ssidEdit()->text(), QStringLiteral("BenchAP"));
        QVERIFY(page->passwordEdit()->text().isEmpty());
        QVERIFY(!page->applyButton()->isEnabled());
        QVERIFY(!page->isDirty());

        // Never in the session log (masked there), never in the status line.
        for (const atb::LogRecord &rec : h.session.log()->snapshot())
            QVERIFY2(!rec.text.contains("12345678"), rec.text.constData());
        QVERIFY(!page->statusText().contains(QStringLiteral("12345678")));

        // "Remember" put the password in the SecretStore under wifi/<ssid>.
        QSignalSpy loaded(&f.secrets, &SecretStore::secretLoaded);
        f.secrets.load(QStringLiteral("wifi/BenchAP"));
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().at(1).toString(), QStringLiteral("12345678"));
        QCOMPARE(loaded.first().at(2).toBool(), true);
    }

    void wrongPasswordIsShownInWords()
    {
        SimHarness h;
        QVERIFY(h.ready());
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        WifiPage *page = f.page;
        typeInto(page->ssidEdit(), QStringLiteral("BenchAP"));
        typeInto(page->passwordEdit(), QStringLiteral("wrongpass1"));
        page->rememberCheck()->setChecked(true);
        QTest::mouseClick(page->applyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QCOMPARE(h.sent.value(1), QByteArray("AT+CWJAP=\"BenchAP\",\"wrongpass1\""));
        QVERIFY2(page->statusText().contains(QStringLiteral("wrong password")), qPrintable(page->statusText()));
        QVERIFY(!page->statusText().contains(QStringLiteral("wrongpass1")));
        QVERIFY(page->lastFailureLabel()->text().contains(QStringLiteral("wrong password")));
        QVERIFY(page->stateLabel()->text().contains(QStringLiteral("Not connected")));
        // The form keeps what the user typed so it can be corrected; nothing was remembered.
        QCOMPARE(page->passwordEdit()->text(), QStringLiteral("wrongpass1"));
        QVERIFY(page->applyButton()->isEnabled());
        QSignalSpy loaded(&f.secrets, &SecretStore::secretLoaded);
        f.secrets.load(QStringLiteral("wifi/BenchAP"));
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().at(2).toBool(), false);
    }

    void invalidInputIsShownBesideTheField_data()
    {
        QTest::addColumn<QString>("ssid");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("bssid");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QByteArray>("field");
        QTest::addColumn<QString>("words");
        QTest::newRow("SSID > 32 bytes") << QString(33, QLatin1Char('s')) << "12345678" << "" << 1 << QByteArray("ssid") << "32";
        QTest::newRow("password too long") << "BenchAP" << QString(65, QLatin1Char('p')) << "" << 1 << QByteArray("pwd") << "64";
        QTest::newRow("BSSID malformed") << "BenchAP" << "12345678" << "12:34" << 1 << QByteArray("bssid") << "BSSID";
        QTest::newRow("join in SoftAP-only mode") << "BenchAP" << "12345678" << "" << 2 << QByteArray("mode") << "station";
    }

    void invalidInputIsShownBesideTheField()
    {
        QFETCH(QString, ssid);
        QFETCH(QString, password);
        QFETCH(QString, bssid);
        QFETCH(int, mode);
        QFETCH(QByteArray, field);
        QFETCH(QString, words);
        SimHarness h;
        QVERIFY(h.ready());
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        WifiPage *page = f.page;
        page->modeCombo()->setCurrentIndex(modeIndex(page->modeCombo(), mode));
        typeInto(page->ssidEdit(), ssid);
        typeInto(page->passwordEdit(), password);
        typeInto(page->bssidEdit(), bssid);
        // Shown while typing, before anything is sent...
        QVERIFY2(page->fieldError(field).contains(words), qPrintable(page->fieldError(field)));
        QVERIFY(page->previewLines().isEmpty());
        QVERIFY(page->atPreview()->toPlainText().contains(QStringLiteral("nothing is sent")));
        // ...and Apply sends nothing.
        QSignalSpy started(&h.session, &atb::DeviceSession::commandStarted);
        QTest::keyClick(page->ssidEdit(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!page->isBusy());
        QCOMPARE(started.count(), 0); // a command would have started at once (the queue is idle)
        QVERIFY(h.sent.isEmpty());
        QVERIFY(page->statusText().contains(QStringLiteral("Nothing was sent")));
        QVERIFY(!page->fieldError(field).isEmpty());
        QCOMPARE(page->fieldError(field == "ssid" ? "pwd" : "ssid"), QString());
    }

    void scanTableSortsAndFillsTheSsid()
    {
        ApHarness h({ { QStringLiteral("Weak"), QStringLiteral("weakpass1"), -82, 11 },
                      { QStringLiteral("Strong"), QString(), -38, 1 },
                      { QStringLiteral("Middle"), QStringLiteral("middlepass"), -60, 6 } });
        QVERIFY(h.ready());
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        WifiPage *page = f.page;
        f.secrets.save(QStringLiteral("wifi/Middle"), QStringLiteral("middlepass"));
        QTest::mouseClick(page->scanButton(), Qt::LeftButton);
        QVERIFY(page->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QCOMPARE(h.sent, QList<QByteArray> { "AT+CWLAP" });
        QStandardItemModel *m = page->scanModel();
        QCOMPARE(m->rowCount(), 3);
        QVERIFY2(page->statusText().contains(QStringLiteral("3 access point")), qPrintable(page->statusText()));
        auto cell = [m](int row, int col) { return m->index(row, col).data().toString(); };
        // Strongest first by default.
        QCOMPARE(cell(0, WifiPage::SsidColumn), QStringLiteral("Strong"));
        QCOMPARE(cell(0, WifiPage::EncryptionColumn), QStringLiteral("open"));
        QCOMPARE(cell(2, WifiPage::SsidColumn), QStringLiteral("Weak"));
        QCOMPARE(cell(2, WifiPage::ChannelColumn), QStringLiteral("11"));
        QCOMPARE(cell(1, WifiPage::EncryptionColumn), QStringLiteral("WPA2-PSK"));
        // Sortable by name.
        QHeaderView *header = page->scanTable()->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(WifiPage::SsidColumn) + 5, header->height() / 2));
        const QString first = cell(0, WifiPage::SsidColumn);
        QVERIFY2(first == QStringLiteral("Middle") || first == QStringLiteral("Weak"), qPrintable(first));
        page->scanTable()->sortByColumn(WifiPage::SsidColumn, Qt::AscendingOrder);
        QCOMPARE(cell(0, WifiPage::SsidColumn), QStringLiteral("Middle"));

        // Double-click fills the SSID, and a remembered password comes from the SecretStore.
        QTableView *t = page->scanTable();
        const QRect r = t->visualRect(m->index(0, WifiPage::SsidColumn));
        QTest::mouseClick(t->viewport(), Qt::LeftButton, {}, r.center());
        QTest::mouseDClick(t->viewport(), Qt::LeftButton, {}, r.center());
        QCOMPARE(page->ssidEdit()->text(), QStringLiteral("Middle"));
        QTRY_COMPARE(page->passwordEdit()->text(), QStringLiteral("middlepass"));
        QVERIFY(page->rememberCheck()->isChecked());
        QCOMPARE(page->previewLines().value(1), QByteArray("AT+CWJAP=\"Middle\",\"middlepass\""));
        h.sent.clear();
        QTest::mouseClick(page->applyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QVERIFY2(page->statusText().contains(QStringLiteral("Joined")), qPrintable(page->statusText()));
        QCOMPARE(h.sent.value(1), QByteArray("AT+CWJAP=\"Middle\",\"middlepass\""));
    }

    void readWithF5AndDisconnect()
    {
        SimHarness h(atb::sim::Dialect::Esp, true);
        QVERIFY(h.ready());
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        WifiPage *page = f.page;
        page->ssidEdit()->setFocus();
        QTest::keyClick(page->ssidEdit(), Qt::Key_F5);
        QVERIFY(page->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QCOMPARE(h.sent, f.service.planRead().lines());
        QCOMPARE(h.sent, (QList<QByteArray> { "AT+CWMODE?", "AT+CWJAP?", "AT+CIFSR", "AT+CIPSTA?", "AT+CWDHCP?" }));
        QCOMPARE(page->modeCombo()->currentData().toInt(), 1);
        QCOMPARE(page->ssidEdit()->text(), QStringLiteral("BenchAP")); // loaded from the model
        QVERIFY(page->stateLabel()->text().contains(QStringLiteral("Connected")));
        QCOMPARE(page->ipLabel()->text(), QStringLiteral("127.0.0.1"));
        QVERIFY(!page->applyButton()->isEnabled());

        h.sent.clear();
        QTest::mouseClick(page->disconnectButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QCOMPARE(h.sent, QList<QByteArray> { "AT+CWQAP" });
        QTRY_VERIFY(page->stateLabel()->text().contains(QStringLiteral("Not connected")));
        QCOMPARE(page->ipLabel()->text(), QStringLiteral("—"));
        QCOMPARE(page->gatewayLabel()->text(), QStringLiteral("—"));
        QVERIFY(page->ssidEdit()->text().isEmpty());
    }

    void liveStateFollowsTheUrcs()
    {
        SimHarness h(atb::sim::Dialect::Esp, true);
        QVERIFY(h.ready());
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        WifiPage *page = f.page;
        // The module booted joined: its WIFI CONNECTED / WIFI GOT IP reached the model.
        QVERIFY(page->stateLabel()->text().contains(QStringLiteral("got an IP")));
        h.module->dropWifi(); // WIFI DISCONNECT
        QTRY_VERIFY(page->stateLabel()->text().contains(QStringLiteral("Not connected")));
        // The module rejoins only on request; a join from the console shows up live too.
        h.session.submit(atb::AtCommand::fromLine("AT+CWJAP=\"BenchAP\",\"12345678\""));
        QTRY_VERIFY_WITH_TIMEOUT(page->stateLabel()->text().contains(QStringLiteral("got an IP")), 10000);
        QCOMPARE(page->ssidEdit()->text(), QStringLiteral("BenchAP"));
        h.module->dropWifi();
        QTRY_VERIFY(page->stateLabel()->text().contains(QStringLiteral("Not connected")));
    }

    void modeChangeWithCtrlReturnAndDecodedError()
    {
        SimHarness h;
        QVERIFY(h.ready());
        QSignalSpy done(&h.session, &atb::DeviceSession::commandFinished);
        h.session.submit(atb::AtCommand::fromLine("AT+SYSLOG=1")); // ERR CODE lines (protocol.md 2.3)
        QTRY_COMPARE(done.size(), 1);
        h.sent.clear();
        PageFixture f(&h.session, &h.model, false);
        QVERIFY(f.ok);
        WifiPage *page = f.page;
        QVERIFY(!page->rememberCheck()->isEnabled()); // no SecretStore
        page->modeCombo()->setCurrentIndex(modeIndex(page->modeCombo(), 3));
        QVERIFY(page->applyButton()->isEnabled());
        QCOMPARE(page->previewLines(), QList<QByteArray> { "AT+CWMODE=3" });
        h.module->failNextCommandWith(0x01070000);
        page->modeCombo()->setFocus();
        QTest::keyClick(page->modeCombo(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QCOMPARE(h.sent, QList<QByteArray> { "AT+CWMODE=3" });
        QVERIFY2(page->statusText().contains(QStringLiteral("invalid parameter value"), Qt::CaseInsensitive),
                 qPrintable(page->statusText()));
        QVERIFY(!page->statusText().contains(QStringLiteral("0x0107")));
        QVERIFY(page->applyButton()->isEnabled()); // still to do

        h.sent.clear();
        page->applyButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        QCOMPARE(h.sent, QList<QByteArray> { "AT+CWMODE=3" });
        QVERIFY2(!page->statusText().contains(QStringLiteral("fail")), qPrintable(page->statusText()));
        QCOMPARE(page->modeCombo()->currentData().toInt(), 3);
        QVERIFY(!page->applyButton()->isEnabled());
        QVERIFY(page->previewLines().isEmpty()); // the module has mode 3 now
    }

    void screenshot()
    {
        ApHarness h({ { QStringLiteral("BenchAP"), QStringLiteral("12345678"), -45, 6 },
                      { QStringLiteral("Workshop-2.4G"), QStringLiteral("workshop1"), -63, 11 },
                      { QStringLiteral("Guest"), QString(), -71, 1 },
                      { QStringLiteral("实验室无线"), QStringLiteral("lab123456"), -80, 3 } });
        QVERIFY(h.ready());
        PageFixture f(&h.session, &h.model);
        QVERIFY(f.ok);
        WifiPage *page = f.page;
        typeInto(page->ssidEdit(), QStringLiteral("BenchAP"));
        typeInto(page->passwordEdit(), QStringLiteral("12345678"));
        page->applyButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        page->scanButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), 30000);
        typeInto(page->ssidEdit(), QString(34, QLatin1Char('x'))); // an error beside a field
        page->showAtButton()->click();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest); // the preview's room
        QCOMPARE(page->windowTitle(), QStringLiteral("Wi-Fi"));
        QVERIFY(!page->windowIcon().isNull());
        QVERIFY(!page->toolTip().isEmpty());
        ScreenshotDir shots;
        QVERIFY(shots.isValid());
        QVERIFY(page->grab().save(shots.filePath(QStringLiteral("wifipage_1110x700.png"))));
        // Nothing may be squeezed below its minimum at the page size of a 1280x800 window.
        QVERIFY2(page->minimumSizeHint().width() <= 1110, qPrintable(QString::number(page->minimumSizeHint().width())));
        QVERIFY2(page->minimumSizeHint().height() <= 700, qPrintable(QString::number(page->minimumSizeHint().height())));

        PseudoChinese zh({ "WifiPage", "FormPage", "WifiService" });
        QCoreApplication::installTranslator(&zh);
        QTRY_VERIFY(!page->applyButton()->text().contains(QStringLiteral("Apply")));
        QVERIFY(page->windowTitle() != QStringLiteral("Wi-Fi")); // the window's page list follows
        QVERIFY(page->grab().save(shots.filePath(QStringLiteral("wifipage_zh_pseudo_1110x700.png"))));
        QVERIFY2(page->minimumSizeHint().width() <= 1110, qPrintable(QString::number(page->minimumSizeHint().width())));
        QVERIFY2(page->minimumSizeHint().height() <= 700, qPrintable(QString::number(page->minimumSizeHint().height())));
        QCoreApplication::removeTranslator(&zh);
        QTRY_COMPARE(page->applyButton()->text(), QStringLiteral("&Apply"));
    }
};

QTEST_MAIN(tst_WifiPage)
#include "tst_wifipage.moc"
