// The main window on a real DeviceSession: connecting, a link that goes away, reconnecting,
// the port bar's validation, run-time language switching and the first-launch fallback.
#include "console/consolemodel.h"
#include "dialogs/messages.h"
#include "engine/devicesession.h"
#include "connectioncontroller.h"
#include "mainwindow.h"
#include "model/devicemodel.h"
#include "pages/consolepage.h"
#include "pages/portpage.h"
#include "scriptedmodule.h"
#include "simulatorlink.h"
#include "widgets/connectionbar.h"
#include "widgets/historylineedit.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#ifdef Q_OS_LINUX
#include "ptymodule.h"

#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>
#endif

using atb::DeviceSession;
using atb::LogRecord;

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void simulatorConnectsAndAnswers();
    void brokenLinkShowsErrorThenConnectWorksAgain_data();
    void brokenLinkShowsErrorThenConnectWorksAgain();
    void unpluggedPtyShowsErrorThenDisconnected();
    void portPageFrameFormatSurvivesConnectFromBar_data();
    void portPageFrameFormatSurvivesConnectFromBar();
    void portBarValidatesEntries_data();
    void portBarValidatesEntries();
    void languageSwitchesAtRunTime_data();
    void languageSwitchesAtRunTime();
    void firstLaunchWithoutPortsStartsSimulator();
    void beKenSimulatorSetsModelDialect();
    void exportWritesTheLog();

private:
    int findRow(const QString &text, int kind = -1) const;
    void typeInConsole(const QString &text);

    QTemporaryDir m_settingsDir;
    DeviceSession *m_session = nullptr;
    atb::DeviceModel *m_model = nullptr;
    MainWindow *m_window = nullptr;
};

void tst_MainWindow::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("atbench-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void tst_MainWindow::init()
{
    QSettings().clear();
    m_session = new DeviceSession;
    m_model = new atb::DeviceModel;
    m_model->follow(m_session); // as Application does
    m_window = new MainWindow(m_session, m_model);
    m_window->messages()->setScripted(true);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window)); // window shortcuts need an active window
}

void tst_MainWindow::cleanup()
{
    delete m_window;
    delete m_session;
    delete m_model;
}

int tst_MainWindow::findRow(const QString &text, int kind) const
{
    const ConsoleModel *m = m_window->consolePage()->consoleModel();
    for (int r = 0; r < m->rowCount(); ++r) {
        const QModelIndex i = m->index(r);
        if (i.data(ConsoleModel::TextRole).toString().contains(text)
            && (kind < 0 || i.data(ConsoleModel::KindRole).toInt() == kind))
            return r;
    }
    return -1;
}

void tst_MainWindow::typeInConsole(const QString &text)
{
    QTest::keyClicks(m_window->consolePage()->input(), text);
    QTest::keyClick(m_window->consolePage()->input(), Qt::Key_Return);
}

void tst_MainWindow::simulatorConnectsAndAnswers()
{
    ConnectionChoice sim;
    sim.kind = ConnectionChoice::Kind::SimulatorEsp;
    m_window->connectionBar()->setChoice(sim);
    QTest::mouseClick(m_window->connectionBar()->connectButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Connected);
    QTRY_COMPARE(m_window->connectionBar()->connectButton()->text(), QStringLiteral("&Disconnect"));
    typeInConsole(QStringLiteral("AT"));
    QTRY_VERIFY(findRow(QStringLiteral("OK"), int(LogRecord::Kind::Final)) >= 0);
    typeInConsole(QStringLiteral("AT+GMR"));
    QTRY_VERIFY(!m_model->firmware().isEmpty());
    QLabel *firmware = m_window->findChild<QLabel *>(QStringLiteral("statusFirmware"));
    QTRY_VERIFY(firmware->toolTip().startsWith(m_model->firmware().first()));
    QVERIFY(m_model->firmware().first().startsWith(firmware->text().chopped(1))); // elided to fit
    QTRY_VERIFY(m_window->findChild<QLabel *>(QStringLiteral("statusBytes"))->text() != QStringLiteral("TX 0 B · RX 0 B"));

    // Disconnect by shortcut.
    QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Disconnected);
    QCOMPARE(findRow(QStringLiteral("was lost")), -1); // closing on purpose is not a lost link
}

void tst_MainWindow::brokenLinkShowsErrorThenConnectWorksAgain_data()
{
    QTest::addColumn<bool>("scripted");
    QTest::newRow("built-in simulator") << false;
    QTest::newRow("scripted module") << true;
}

void tst_MainWindow::brokenLinkShowsErrorThenConnectWorksAgain()
{
    QFETCH(bool, scripted);
    ScriptedModule module;
    if (scripted) {
        m_session->openWith(module.factory());
    } else {
        ConnectionChoice sim;
        sim.kind = ConnectionChoice::Kind::SimulatorEsp;
        m_window->connectionBar()->setChoice(sim);
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
    }
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Connected);

    // Pull the cable.
    if (scripted)
        QMetaObject::invokeMethod(module.host(), "breakLink", Qt::QueuedConnection);
    else
        m_window->simulatorLink()->breakLink();
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Disconnected);
    QTRY_VERIFY(m_window->statusMessageLabel()->text().contains(QStringLiteral("link lost")));
    int row = -1;
    QTRY_VERIFY((row = findRow(QStringLiteral("link lost"), int(LogRecord::Kind::Error))) >= 0);
    QCOMPARE(m_window->consolePage()->consoleModel()->index(row).data(Qt::ForegroundRole).value<QColor>(),
             m_window->consolePage()->consoleModel()->colours().error);
    QTRY_VERIFY(findRow(QStringLiteral("was lost"), int(LogRecord::Kind::Error)) >= 0);
    QCOMPARE(m_window->connectionBar()->connectButton()->text(), QStringLiteral("&Connect"));
    QVERIFY(m_window->connectionBar()->portCombo()->isEnabled());

    // Connect works again.
    ConnectionChoice sim;
    sim.kind = ConnectionChoice::Kind::SimulatorEsp;
    m_window->connectionBar()->setChoice(sim);
    QTest::mouseClick(m_window->connectionBar()->connectButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Connected);
    m_window->consolePage()->clear();
    typeInConsole(QStringLiteral("AT"));
    QTRY_VERIFY(findRow(QStringLiteral("OK"), int(LogRecord::Kind::Final)) >= 0);
}

void tst_MainWindow::unpluggedPtyShowsErrorThenDisconnected()
{
#ifndef Q_OS_LINUX
    QSKIP("Pseudo-terminals are tested on Linux only.");
#else
    int master = -1, slave = -1;
    char name[256] = {};
    QVERIFY(openpty(&master, &slave, name, nullptr, nullptr) == 0);
    ConnectionChoice c;
    c.kind = ConnectionChoice::Kind::Serial;
    c.serial.portName = QString::fromLocal8Bit(name);
    m_window->connectionBar()->setChoice(c);
    QCOMPARE(m_window->connectionBar()->portCombo()->currentText(), c.serial.portName);
    QTest::mouseClick(m_window->connectionBar()->connectButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Connected);

    // The module says something, then the adapter goes away.
    QCOMPARE(::write(master, "\r\nready\r\n", 9), ssize_t(9));
    QTRY_VERIFY(findRow(QStringLiteral("ready"), int(LogRecord::Kind::Urc)) >= 0);
    ::close(slave);
    ::close(master);
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Disconnected);
    QTRY_VERIFY(m_window->statusMessageLabel()->text().contains(QStringLiteral("disappeared")));
    QTRY_VERIFY(findRow(QStringLiteral("was lost"), int(LogRecord::Kind::Error)) >= 0);
    QCOMPARE(m_window->connectionBar()->connectButton()->text(), QStringLiteral("&Connect"));
#endif
}

void tst_MainWindow::portPageFrameFormatSurvivesConnectFromBar_data()
{
    QTest::addColumn<bool>("shortcut");
    QTest::newRow("Connect button of the bar") << false;
    QTest::newRow("Ctrl+K") << true;
}

// 7E1 chosen on the Port page must stay 7E1 when the link is reopened from the port bar (which
// has no data bits, parity or stop bits of its own).
void tst_MainWindow::portPageFrameFormatSurvivesConnectFromBar()
{
#ifndef Q_OS_LINUX
    QSKIP("Pseudo-terminals are tested on Linux only.");
#else
    QFETCH(bool, shortcut);
    PtyModule pty;
    QVERIFY(pty.isValid());
    // The frame the host gave the port, where the kernel lets a pty take 7E1 (a pty master
    // reports its slave's termios); some kernels refuse any c_cflag change on a pty.
    const bool kernelKeepsFrame = [] {
        int master = -1, slave = -1;
        if (::openpty(&master, &slave, nullptr, nullptr, nullptr) != 0)
            return false;
        termios t {};
        ::tcgetattr(slave, &t);
        t.c_cflag = (t.c_cflag & ~CSIZE) | CS7 | PARENB;
        const bool ok = ::tcsetattr(slave, TCSANOW, &t) == 0;
        ::close(slave);
        ::close(master);
        return ok;
    }();
    auto frame = [&pty] {
        termios t {};
        if (::tcgetattr(pty.masterFd(), &t) != 0)
            return QStringLiteral("?");
        const int bits = (t.c_cflag & CSIZE) == CS5 ? 5 : (t.c_cflag & CSIZE) == CS6 ? 6 : (t.c_cflag & CSIZE) == CS7 ? 7 : 8;
        const QChar parity = !(t.c_cflag & PARENB) ? QLatin1Char('N') : (t.c_cflag & PARODD) ? QLatin1Char('O') : QLatin1Char('E');
        return QStringLiteral("%1%2%3").arg(bits).arg(parity).arg((t.c_cflag & CSTOPB) ? 2 : 1);
    };
    auto *link = m_window->findChild<QLabel *>(QStringLiteral("statusLink"));
    QVERIFY(link);

    auto *page = m_window->findChild<PortPage *>(QStringLiteral("portPage"));
    QVERIFY(page);
    m_window->showPage(page);
    ConnectionChoice c;
    c.kind = ConnectionChoice::Kind::Serial;
    c.serial.portName = pty.slavePath();
    m_window->connectionController()->setChoice(c);
    page->dataBitsCombo()->setCurrentIndex(page->dataBitsCombo()->findData(7));
    page->parityCombo()->setCurrentIndex(page->parityCombo()->findData(int(QSerialPort::EvenParity)));
    QVERIFY(page->connectWithForm());
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Connected);
    QTRY_VERIFY2(link->text().endsWith(QLatin1String(" 7E1")), qPrintable(link->text()));
    if (kernelKeepsFrame)
        QCOMPARE(frame(), QStringLiteral("7E1"));

    QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Disconnected);
    if (shortcut)
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
    else
        QTest::mouseClick(m_window->connectionBar()->connectButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Connected);
    QCOMPARE(m_window->connectionController()->choice().serial.dataBits, QSerialPort::Data7);
    QCOMPARE(m_window->connectionController()->choice().serial.parity, QSerialPort::EvenParity);
    QTRY_VERIFY2(link->text().endsWith(QLatin1String(" 7E1")), qPrintable(link->text()));
    if (kernelKeepsFrame)
        QCOMPARE(frame(), QStringLiteral("7E1"));
#endif
}

void tst_MainWindow::portBarValidatesEntries_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("baud");
    QTest::addColumn<QString>("tcp");
    QTest::addColumn<bool>("valid");

    const int sim = int(ConnectionChoice::Kind::SimulatorEsp);
    const int tcp = int(ConnectionChoice::Kind::Tcp);
    QTest::newRow("common baud") << sim << "115200" << "" << true;
    QTest::newRow("custom baud") << sim << "250000" << "" << true;
    QTest::newRow("3 Mbaud") << sim << "3000000" << "" << true;
    QTest::newRow("zero baud") << sim << "0" << "" << false;
    QTest::newRow("empty baud") << sim << "" << "" << false;
    QTest::newRow("tcp host:port") << tcp << "115200" << "127.0.0.1:4000" << true;
    QTest::newRow("tcp name:port") << tcp << "115200" << "bridge.local:2217" << true;
    QTest::newRow("tcp without port") << tcp << "115200" << "bridge.local" << false;
    QTest::newRow("tcp port out of range") << tcp << "115200" << "host:70000" << false;
}

void tst_MainWindow::portBarValidatesEntries()
{
    QFETCH(int, kind);
    QFETCH(QString, baud);
    QFETCH(QString, tcp);
    QFETCH(bool, valid);
    ConnectionBar *bar = m_window->connectionBar();
    ConnectionChoice c;
    c.kind = ConnectionChoice::Kind(kind);
    bar->setChoice(c);
    bar->baudCombo()->setCurrentText(baud);
    bar->tcpEdit()->setText(tcp);
    QCOMPARE(bar->tcpEdit()->isVisibleTo(bar), kind == int(ConnectionChoice::Kind::Tcp));
    ConnectionChoice out;
    QString error;
    QCOMPARE(bar->choice(&out, &error), valid);
    QCOMPARE(error.isEmpty(), valid);
    if (!valid) {
        QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(m_window->sessionState(), DeviceSession::State::Disconnected);
        QCOMPARE(m_window->messages()->recorded().size(), 1);
        QVERIFY(m_window->statusMessageLabel()->text() == error);
    } else if (c.kind == ConnectionChoice::Kind::Tcp) {
        QCOMPARE(QStringLiteral("%1:%2").arg(out.host).arg(out.port), tcp);
    }
}

void tst_MainWindow::languageSwitchesAtRunTime_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("send");
    QTest::addColumn<QString>("page");
    QTest::newRow("zh_CN") << "zh_CN" << QStringLiteral("发送(&S)") << QStringLiteral("控制台");
    QTest::newRow("en") << "en" << QStringLiteral("&Send") << QStringLiteral("Console");
}

void tst_MainWindow::languageSwitchesAtRunTime()
{
    QFETCH(QString, language);
    QFETCH(QString, send);
    QFETCH(QString, page);
    // The embedded .qm loads from the static library's resources.
    QVERIFY(m_window->setLanguage(language));
    QCOMPARE(m_window->language(), language);
    QCOMPARE(m_window->consolePage()->sendButton()->text(), send);
    QCOMPARE(m_window->findChild<QListWidget *>(QStringLiteral("pageList"))->item(0)->text(), page);
    // Everything still fits at 1280x800.
    const QSize hint = m_window->minimumSizeHint();
    QVERIFY2(hint.width() <= 1280 && hint.height() <= 800,
             qPrintable(QStringLiteral("%1x%2").arg(hint.width()).arg(hint.height())));
    m_window->setLanguage(QStringLiteral("en"));
}

void tst_MainWindow::firstLaunchWithoutPortsStartsSimulator()
{
    if (m_window->connectionBar()->adapterCount() > 0)
        QSKIP("This machine has a serial adapter; the first-launch fallback does not apply.");
    m_window->start(LaunchOptions());
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Connected);
    QCOMPARE(m_model->dialect(), atb::Dialect::Esp);
    QTRY_VERIFY(findRow(QStringLiteral("No serial port found")) >= 0);
    QCOMPARE(QSettings().value(QStringLiteral("portPage/kind")).toString(), QStringLiteral("sim-esp"));
}

void tst_MainWindow::beKenSimulatorSetsModelDialect()
{
    LaunchOptions opts;
    opts.simulator = QStringLiteral("beken");
    opts.language = QStringLiteral("en");
    m_window->start(opts);
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Connected);
    QCOMPARE(m_model->dialect(), atb::Dialect::Beken);
    QTRY_COMPARE(m_session->dialect(), atb::Dialect::Beken);
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("statusDialect"))->text(), QStringLiteral("Beken ATSVR"));
}

void tst_MainWindow::exportWritesTheLog()
{
    QTemporaryDir dir;
    ConnectionChoice sim;
    sim.kind = ConnectionChoice::Kind::SimulatorEsp;
    m_window->connectionController()->connectTo(sim);
    QTRY_COMPARE(m_window->sessionState(), DeviceSession::State::Connected);
    typeInConsole(QStringLiteral("AT"));
    QTRY_VERIFY(findRow(QStringLiteral("OK"), int(LogRecord::Kind::Final)) >= 0);
    const QString path = dir.filePath(QStringLiteral("log.jsonl"));
    m_window->messages()->setScriptedFileName(path);
    m_window->findChild<QAction *>(QStringLiteral("exportLogAction"))->trigger();
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray all = f.readAll();
    QVERIFY(all.contains("\"kind\":\"tx\""));
    QVERIFY(all.contains("\"text\":\"AT\""));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
