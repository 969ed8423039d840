// The throughput page against the in-process simulator with the lab's own local peer.
#include "dialogs/messages.h"
#include "pages/throughputpage.h"
#include "services/throughputlab.h"
#include "screenshotdir.h"
#include "simharness.h"
#include "stats/throughputmeter.h"
#include "widgets/throughputplot.h"

#include <QApplication>
#include <QCheckBox>
#include <QVBoxLayout>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QToolButton>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using atb::LabSettings;
using Mode = LabSettings::Mode;

namespace {
quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

struct Fixture
{
    Fixture() : h(atb::sim::Dialect::Esp, true)
    {
        ok = h.ready();
        h.session.setPassthroughGuards(30, 30, 100);
        h.module->setBaud(921600);
        lab = new atb::ThroughputLab(&h.session);
        // In a host window, like the main window's page area (about 1110x700 at 1280x800).
        page = new ThroughputPage(&h.model, lab, &messages, &host);
        auto *lay = new QVBoxLayout(&host);
        lay->setContentsMargins(0, 0, 0, 0);
        lay->addWidget(page);
        host.resize(1110, 700);
        page->setLineBaud(921600);
        messages.setScripted(true);
    }
    ~Fixture()
    {
        delete page;
        delete lab;
    }
    bool showActive()
    {
        host.show();
        QApplication::setActiveWindow(&host);
        return QTest::qWaitForWindowActive(&host);
    }
    SimHarness h;
    QWidget host;
    Messages messages { nullptr };
    atb::ThroughputLab *lab = nullptr;
    ThroughputPage *page = nullptr;
    bool ok = false;
};
} // namespace

class TestThroughputPage : public QObject
{
    Q_OBJECT
private slots:
    void invalidFieldsShowTheReasonAndSendNothing_data();
    void invalidFieldsShowTheReasonAndSendNothing();
    void showAtPreviewIsWhatTheModuleReceives();
    void runShowsRatesAndResults();
    void droppedBytesShowAsLoss();
    void readQueriesTheModule();
    void exportsThroughMessages();
    void screenshot();
};

void TestThroughputPage::invalidFieldsShowTheReasonAndSendNothing_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("chunk");
    QTest::addColumn<QString>("baud");
    QTest::addColumn<QByteArray>("param");
    QTest::newRow("address") << "300.1.2.3" << 2048 << "921600" << QByteArray("remote_host");
    QTest::newRow("chunk over the catalog limit") << "127.0.0.1" << 9000 << "921600" << QByteArray("length");
    QTest::newRow("no baud") << "127.0.0.1" << 2048 << "" << QByteArray("baud");
}

void TestThroughputPage::invalidFieldsShowTheReasonAndSendNothing()
{
    QFETCH(QString, address);
    QFETCH(int, chunk);
    QFETCH(QString, baud);
    QFETCH(QByteArray, param);
    Fixture f;
    QVERIFY(f.ok);
    auto *addr = f.page->findChild<QComboBox *>(QStringLiteral("addressCombo"));
    auto *chunkSpin = f.page->findChild<QSpinBox *>(QStringLiteral("chunkSpin"));
    auto *baudCombo = f.page->findChild<QComboBox *>(QStringLiteral("baudCombo"));
    QVERIFY(addr && chunkSpin && baudCombo);
    addr->setCurrentText(address);
    chunkSpin->setValue(chunk);
    baudCombo->setCurrentText(baud);
    QVERIFY(!f.page->fieldError(param).isEmpty()); // shown before anything is sent
    QVERIFY(!f.page->startButton()->isEnabled());
    QSignalSpy started(&f.h.session, &atb::DeviceSession::commandStarted);
    f.page->apply();
    QCOMPARE(started.count(), 0); // a command would have started at once (the queue is idle)
    QVERIFY(f.h.sent.isEmpty());
    QVERIFY(!f.lab->isBusy());
    if (param == "length")
        QVERIFY2(f.page->fieldError(param).contains(QStringLiteral("8192")), qPrintable(f.page->fieldError(param)));
    // Fixing the field clears the reason.
    addr->setCurrentText(QStringLiteral("127.0.0.1"));
    chunkSpin->setValue(2048);
    baudCombo->setCurrentText(QStringLiteral("921600"));
    QVERIFY(f.page->fieldError(param).isEmpty());
    QVERIFY(f.page->startButton()->isEnabled());
}

void TestThroughputPage::showAtPreviewIsWhatTheModuleReceives()
{
    Fixture f;
    QVERIFY(f.ok);
    LabSettings s = f.page->settings();
    s.mode = Mode::SendNormal;
    s.peerPort = freePort();
    s.chunkSize = 1000;
    s.durationMs = 500;
    f.page->setSettings(s);
    QVERIFY(f.showActive());
    QVERIFY(f.page->atPreview()->isHidden());
    f.page->showAtButton()->setChecked(true);
    QVERIFY(f.page->atPreview()->isVisible());
    const QStringList shown = f.page->atPreview()->toPlainText().split(QLatin1Char('\n'));
    QSignalSpy done(f.lab, &atb::ThroughputLab::finished);
    auto *mode = f.page->findChild<QComboBox *>(QStringLiteral("modeCombo"));
    mode->setFocus();
    QTest::keyClick(mode, Qt::Key_Return, Qt::ControlModifier); // Apply shortcut
    QVERIFY(done.wait(20000));
    const auto pv = f.lab->planRun(s);
    QCOMPARE(shown.first(), QString::fromUtf8(pv.lines().first()));
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(shown.at(i), QString::fromUtf8(f.h.sent.at(i)));
    }
    QVERIFY(f.h.sent.last().endsWith(shown.last().toUtf8()));
}

void TestThroughputPage::runShowsRatesAndResults()
{
    Fixture f;
    QVERIFY(f.ok);
    LabSettings s = f.page->settings();
    s.mode = Mode::Receive;
    s.chunkSize = 1460;
    s.durationMs = 1500;
    f.page->setSettings(s);
    f.host.show();
    QSignalSpy done(f.lab, &atb::ThroughputLab::finished);
    f.page->startButton()->click();
    QVERIFY(f.page->isBusy());
    QVERIFY(!f.page->findChild<QComboBox *>(QStringLiteral("modeCombo"))->isEnabled());
    QVERIFY(f.page->findChild<QProgressBar *>(QStringLiteral("busyIndicator"))->isVisible());
    QVERIFY(f.page->stopButton()->isEnabled());
    // Live rates while it runs: the network side feeds the module at a real fraction of the line.
    QTRY_VERIFY_WITH_TIMEOUT(f.lab->meter()->average(atb::ThroughputPath::PeerTx, 1000) > 30000, 5000);
    QTRY_VERIFY(f.page->plot()->pointCount(3) > 5);
    QVERIFY(done.wait(20000));
    const auto r = done.first().first().value<atb::LabResult>();
    QVERIFY2(r.ok && r.lossFree(), qPrintable(r.message));
    QVERIFY(r.efficiency > 0.5 && r.efficiency < 1.02);
    QVERIFY(!f.page->isBusy());
    QVERIFY(f.page->findChild<QComboBox *>(QStringLiteral("modeCombo"))->isEnabled());
    QCOMPARE(f.page->resultsTable()->rowCount(), 1);
    QCOMPARE(f.page->resultsTable()->item(0, 7)->text(), QStringLiteral("0 B"));
    QVERIFY2(f.page->statusLabel()->text().contains(QStringLiteral("no loss")), qPrintable(f.page->statusLabel()->text()));
    const QString eff = f.page->findChild<QLabel *>(QStringLiteral("efficiencyValue"))->text();
    QVERIFY2(eff.contains(QStringLiteral("% of 92.2 kB/s")), qPrintable(eff));
}

void TestThroughputPage::droppedBytesShowAsLoss()
{
    Fixture f;
    QVERIFY(f.ok);
    LabSettings s = f.page->settings();
    s.mode = Mode::ReceivePassthrough;
    s.chunkSize = 2048;
    s.durationMs = 1200;
    f.page->setSettings(s);
    QObject ctx;
    QObject::connect(&f.h.session, &atb::DeviceSession::stateChanged, &ctx, [&](atb::DeviceSession::State st) {
        if (st == atb::DeviceSession::State::Passthrough) {
            f.h.module->setDropProbability(0.002);
            QTimer::singleShot(500, &ctx, [&] { f.h.module->setDropProbability(0); });
        }
    });
    QSignalSpy done(f.lab, &atb::ThroughputLab::finished);
    f.page->apply();
    QVERIFY(done.wait(20000));
    const auto r = done.first().first().value<atb::LabResult>();
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(f.h.module->bytesDroppedByFault() > 0);
    QCOMPARE(r.lostBytes, f.h.module->bytesDroppedByFault());
    QCOMPARE(f.page->resultsTable()->rowCount(), 1);
    QVERIFY(f.page->resultsTable()->item(0, 7)->text() != QStringLiteral("0 B"));
    QVERIFY(f.page->resultsTable()->item(0, 8)->text().toInt() > 0);
    QVERIFY2(f.page->statusLabel()->text().contains(QStringLiteral("lost")), qPrintable(f.page->statusLabel()->text()));
}

void TestThroughputPage::readQueriesTheModule()
{
    Fixture f;
    QVERIFY(f.ok);
    QVERIFY(f.showActive());
    QSignalSpy read(f.lab, &atb::ThroughputLab::statusRead);
    auto *chunk = f.page->findChild<QSpinBox *>(QStringLiteral("chunkSpin"));
    chunk->setFocus();
    QTest::keyClick(chunk, Qt::Key_F5);
    QVERIFY(read.wait(5000));
    QCOMPARE(f.h.sent.value(0), QByteArray("AT+CIPMUX?"));
    QCOMPARE(f.h.sent.value(1), QByteArray("AT+CIPMODE?"));
    const QString info = f.page->findChild<QLabel *>(QStringLiteral("moduleInfo"))->text();
    QVERIFY2(info.contains(QStringLiteral("CIPMUX 0")) && info.contains(QStringLiteral("CIPMODE 0")), qPrintable(info));
}

void TestThroughputPage::exportsThroughMessages()
{
    Fixture f;
    QVERIFY(f.ok);
    QTemporaryDir dir;
    for (int i = 0; i < 20; ++i)
        f.page->plot()->append(0, i, 1000 * i);
    f.messages.setScriptedFileName(dir.filePath(QStringLiteral("r.csv")));
    f.page->findChild<QPushButton *>(QStringLiteral("exportCsvButton"))->click();
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("r.csv"))));
    f.messages.setScriptedFileName(dir.filePath(QStringLiteral("r.png")));
    f.page->findChild<QPushButton *>(QStringLiteral("exportPngButton"))->click();
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("r.png"))));
    QVERIFY(f.page->statusLabel()->text().contains(QStringLiteral("r.png")));
}

void TestThroughputPage::screenshot()
{
    Fixture f;
    QVERIFY(f.ok);
    LabSettings s = f.page->settings();
    s.mode = Mode::SendPassthrough;
    s.chunkSize = 1460;
    s.durationMs = 2500;
    f.page->setSettings(s);
    f.page->showAtButton()->setChecked(true);
    f.host.show();
    QSignalSpy done(f.lab, &atb::ThroughputLab::finished);
    f.page->apply();
    QVERIFY(done.wait(20000));
    s.mode = Mode::Echo;
    s.chunkSize = 512;
    s.durationMs = 1000;
    f.page->setSettings(s);
    f.page->apply();
    QVERIFY(done.wait(20000));
    QTRY_VERIFY(!f.page->isBusy()); // the results row and the last samples are in
    ScreenshotDir shots;
    QVERIFY(shots.isValid());
    QVERIFY(f.page->grab().save(shots.filePath(QStringLiteral("throughputpage.png"))));
    QCOMPARE(f.page->resultsTable()->rowCount(), 2);
}

QTEST_MAIN(TestThroughputPage)
#include "tst_throughputpage.moc"
