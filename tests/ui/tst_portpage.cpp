// The Port page and its ConnectionController: choices open the right link (simulators, a TCP
// bridge to a local QTcpServer module, a pseudo-terminal), validation before anything opens,
// dialect detection and override, automatic reconnect + re-query after an unplug, the shared
// state with the port bar, remembered settings, shortcuts, Show AT, a screenshot.

#include "dialogs/messages.h"
#include "model/devicemodel.h"
#include "pages/portpage.h"
#include "ptymodule.h"
#include "screenshotdir.h"
#include "simulatorlink.h"
#include "widgets/connectionbar.h"
#include "widgets/statusfields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using atb::DeviceSession;

namespace {

// ESP-style replies for the probe and the state queries (independent of the host parser).
QHash<QByteArray, QByteArray> espTable()
{
    return {
        { "AT+GMR", "AT version:2.2.0.0(scripted)\r\nSDK version:v4.2\r\ncompile time:Jan 1 2024\r\n\r\nOK\r\n" },
        { "AT+SYSLOG=1", "\r\nOK\r\n" },
        { "AT+CIPMUX?", "+CIPMUX:1\r\n\r\nOK\r\n" },
        { "AT+CIPMODE?", "+CIPMODE:0\r\n\r\nOK\r\n" },
        { "AT+CWJAP?", "No AP\r\n\r\nOK\r\n" },
        { "AT+CIFSR", "+CIFSR:STAIP,\"0.0.0.0\"\r\n+CIFSR:STAMAC,\"24:0a:c4:00:00:01\"\r\n\r\nOK\r\n" },
        { "AT+MQTTCONN?", "\r\nOK\r\n" },
        { "AT+CIPDNS?", "+CIPDNS:0,\"208.67.222.222\"\r\n\r\nOK\r\n" },
        { "AT+CIPSNTPCFG?", "+CIPSNTPCFG:0,8\r\n\r\nOK\r\n" },
    };
}

// A module behind a raw TCP bridge: a QTcpServer on 127.0.0.1 answering from a table.
class TcpModule : public QObject
{
public:
    TcpModule()
    {
        server.listen(QHostAddress::LocalHost, 0);
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                ++connections;
                socket = s;
                connect(s, &QTcpSocket::readyRead, this, [this, s] {
                    m_rx += s->readAll();
                    qsizetype eol;
                    while ((eol = m_rx.indexOf("\r\n")) >= 0) {
                        const QByteArray line = m_rx.left(eol);
                        m_rx.remove(0, eol + 2);
                        lines << line;
                        s->write(table.value(line, "\r\nERROR\r\n"));
                    }
                });
            }
        });
    }
    QTcpServer server;
    QPointer<QTcpSocket> socket;
    QHash<QByteArray, QByteArray> table = espTable();
    QList<QByteArray> lines;
    int connections = 0;

private:
    QByteArray m_rx;
};

} // namespace

class tst_PortPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void simulatorChoiceOpensSimulatorAndDetects_data();
    void simulatorChoiceOpensSimulatorAndDetects();
    void tcpBridgeOpensLocalServerAndPreviewMatchesWire();
    void ptyChoiceOpensSerialPort();
    void invalidEntriesShowReasonAndOpenNothing_data();
    void invalidEntriesShowReasonAndOpenNothing();
    void dialectOverrideWins();
    void unplugReconnectsAndRequeries();
    void tcpDropReconnectsWhileServerIsBack();
    void noReconnectWhenUnchecked();
    void failedOpenSaysWhyAndDoesNotRetry();
    void barAndPageShareOneChoice();
    void optionsAreRememberedWithoutSecrets();
    void shortcutsApplyAndRead();
    void dirtyTrackingEnablesApplyAndRevert();
    void statusFieldsFollowModelAndCounters();
    void screenshot_data();
    void screenshot();

private:
    void wire();
    QList<QByteArray> startedLines() const { return m_started; }

    QTemporaryDir m_settingsDir;
    DeviceSession *m_session = nullptr;
    atb::DeviceModel *m_model = nullptr;
    SimulatorLink *m_sim = nullptr;
    ConnectionController *m_ctl = nullptr;
    Messages *m_messages = nullptr;
    PortPage *m_page = nullptr;
    QList<QByteArray> m_started;
};

void tst_PortPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("atbench-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_portpage"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void tst_PortPage::init()
{
    QSettings().clear();
    m_session = new DeviceSession;
    m_model = new atb::DeviceModel;
    m_sim = new SimulatorLink;
    wire();
    m_ctl = new ConnectionController(m_session, m_model, m_sim);
    m_messages = new Messages(nullptr);
    m_messages->setScripted(true);
    m_page = new PortPage(m_model, m_ctl, m_messages);
    m_page->resize(1110, 700);
    m_started.clear();
    connect(m_session, &DeviceSession::commandStarted, m_page,
            [this](quint64, const atb::AtCommand &c) { m_started << c.line; });
}

void tst_PortPage::cleanup()
{
    m_session->close();
    QTRY_COMPARE(m_session->state(), DeviceSession::State::Disconnected);
    delete m_page;
    delete m_ctl;
    delete m_messages;
    delete m_session;
    delete m_sim;
    delete m_model;
}

void tst_PortPage::wire()
{
    m_model->follow(m_session);
}

void tst_PortPage::simulatorChoiceOpensSimulatorAndDetects_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("linkName");
    QTest::addColumn<atb::Dialect>("dialect");
    QTest::addColumn<QString>("firmware");
    QTest::newRow("esp") << int(ConnectionChoice::Kind::SimulatorEsp) << SimulatorLink::displayName(SimulatorLink::Flavour::Esp)
                         << atb::Dialect::Esp << QStringLiteral("AT version:");
    QTest::newRow("beken") << int(ConnectionChoice::Kind::SimulatorBeken)
                           << SimulatorLink::displayName(SimulatorLink::Flavour::Beken) << atb::Dialect::Beken
                           << QStringLiteral("ATSVR");
}

void tst_PortPage::simulatorChoiceOpensSimulatorAndDetects()
{
    QFETCH(int, kind);
    QFETCH(QString, linkName);
    QFETCH(atb::Dialect, dialect);
    QFETCH(QString, firmware);
    QComboBox *port = m_page->portCombo();
    int row = -1;
    for (int i = 0; i < port->count(); ++i)
        if (port->itemData(i, Qt::UserRole + 1).isValid() && port->itemData(i, Qt::UserRole + 1).toInt() == kind)
            row = i;
    QVERIFY(row >= 0);
    port->setCurrentIndex(row);
    QVERIFY(!m_page->hostEdit()->isVisible() || true);
    QSignalSpy read(m_ctl, &ConnectionController::stateReadFinished);
    QTest::mouseClick(m_page->applyButton(), Qt::LeftButton);
    QTRY_COMPARE(m_session->state(), DeviceSession::State::Connected);
    QCOMPARE(m_session->linkName(), linkName);
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 15000);
    QCOMPARE(m_model->dialect(), dialect);
    QVERIFY(m_ctl->lastProbe().detected());
    QVERIFY2(m_page->firmwareLabel()->text().contains(firmware), qPrintable(m_page->firmwareLabel()->text()));
    QVERIFY(m_page->detectedLabel()->text().contains(QStringLiteral("(detected)")));
    // What went out: the probe's GMR and the state queries, in order.
    const QList<QByteArray> expected = ConnectionController::readPreview(dialect);
    QList<QByteArray> sent = startedLines();
    sent.removeAll("ATE0");
    QCOMPARE(sent.mid(0, expected.size()), expected);
    QVERIFY(!m_page->statusLabel()->text().isEmpty());
    QVERIFY(!m_page->busyIndicator()->isVisible());
    QVERIFY(m_page->form()->isEnabled());
}

void tst_PortPage::tcpBridgeOpensLocalServerAndPreviewMatchesWire()
{
    TcpModule module;
    QVERIFY(module.server.isListening());
    m_page->portCombo()->setCurrentIndex(m_page->portCombo()->count() - 1); // TCP bridge
    m_page->hostEdit()->setText(QStringLiteral("127.0.0.1"));
    m_page->tcpPortSpin()->setValue(module.server.serverPort());
    QVERIFY(m_page->applyButton()->isEnabled());
    QSignalSpy busy(m_ctl, &ConnectionController::busyChanged);
    QSignalSpy read(m_ctl, &ConnectionController::stateReadFinished);
    QVERIFY(m_page->connectWithForm());
    QTRY_COMPARE(m_session->state(), DeviceSession::State::Connected);
    QCOMPARE(m_ctl->choice().kind, ConnectionChoice::Kind::Tcp);
    QCOMPARE(m_ctl->choice().host, QStringLiteral("127.0.0.1"));
    QTRY_VERIFY(busy.count() >= 1);
    QTRY_VERIFY(m_page->busyIndicator()->isVisible() || read.count() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 15000);
    QVERIFY2(read.at(0).at(0).toBool(), qPrintable(read.at(0).at(1).toString()));
    QCOMPARE(m_model->dialect(), atb::Dialect::Esp);
    QCOMPARE(m_model->cipMux(), 1);

    // Show AT: the preview lists exactly what the module received.
    QVERIFY(!m_page->atPreview()->isVisibleTo(m_page));
    m_page->showAtButton()->click();
    QVERIFY(m_page->atPreview()->isVisibleTo(m_page));
    QStringList shown;
    for (const QString &l : m_page->atPreview()->toPlainText().split(QLatin1Char('\n')))
        if (!l.startsWith(QLatin1Char('#')) && !l.isEmpty())
            shown << l;
    QStringList wire;
    for (const QByteArray &l : module.lines)
        wire << QString::fromUtf8(l);
    QCOMPARE(wire, shown);
    QVERIFY(m_page->statusLabel()->text().contains(QStringLiteral("8 of 8")) || m_page->statusLabel()->text().contains(QStringLiteral("7 of 7")));
}

void tst_PortPage::ptyChoiceOpensSerialPort()
{
#ifndef Q_OS_LINUX
    QSKIP("Pseudo-terminals are tested on Linux only.");
#else
    PtyModule pty;
    QVERIFY(pty.isValid());
    const auto table = espTable();
    for (auto it = table.begin(); it != table.end(); ++it)
        pty.on(it.key(), it.value());
    ConnectionChoice c;
    c.kind = ConnectionChoice::Kind::Serial;
    c.serial.portName = pty.slavePath();
    c.serial.baudRate = 921600;
    c.serial.parity = QSerialPort::EvenParity;
    c.serial.stopBits = QSerialPort::TwoStop;
    m_ctl->setChoice(c); // the page reloads from the controller
    QCOMPARE(m_page->portCombo()->currentText(), pty.slavePath());
    QCOMPARE(m_page->baudCombo()->currentText(), QStringLiteral("921600"));
    QCOMPARE(m_page->parityCombo()->currentData().toInt(), int(QSerialPort::EvenParity));
    m_page->dataBitsCombo()->setCurrentIndex(m_page->dataBitsCombo()->findData(7));
    QSignalSpy read(m_ctl, &ConnectionController::stateReadFinished);
    QVERIFY(m_page->connectWithForm());
    QTRY_COMPARE(m_session->state(), DeviceSession::State::Connected);
    QCOMPARE(m_ctl->choice().serial.dataBits, QSerialPort::Data7);
    QCOMPARE(m_ctl->choice().serial.stopBits, QSerialPort::TwoStop);
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 15000);
    QCOMPARE(pty.lines, ConnectionController::readPreview(atb::Dialect::Esp));
#endif
}

void tst_PortPage::invalidEntriesShowReasonAndOpenNothing_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("baud");
    QTest::addColumn<QString>("field");
    QTest::newRow("empty host") << QString() << QStringLiteral("115200") << QStringLiteral("host");
    QTest::newRow("blank in host") << QStringLiteral("my host") << QStringLiteral("115200") << QStringLiteral("host");
    QTest::newRow("bad ipv4") << QStringLiteral("192.168.1.300") << QStringLiteral("115200") << QStringLiteral("host");
    QTest::newRow("three octets") << QStringLiteral("10.0.1") << QStringLiteral("115200") << QStringLiteral("host");
    QTest::newRow("baud too low") << QString() << QStringLiteral("10") << QStringLiteral("baud");
}

void tst_PortPage::invalidEntriesShowReasonAndOpenNothing()
{
    QFETCH(QString, host);
    QFETCH(QString, baud);
    QFETCH(QString, field);
    m_page->show();
    if (field == QLatin1String("host")) {
        m_page->portCombo()->setCurrentIndex(m_page->portCombo()->count() - 1);
        m_page->hostEdit()->setText(QStringLiteral("x"));
        m_page->hostEdit()->setText(host);
    } else {
        ConnectionChoice c;
        c.kind = ConnectionChoice::Kind::Serial;
        c.serial.portName = QStringLiteral("/dev/atbench-no-such-port");
        m_ctl->setChoice(c);
        m_page->baudCombo()->setCurrentText(baud);
    }
    QLabel *beside = field == QLatin1String("host") ? m_page->hostError() : m_page->baudError();
    QTRY_VERIFY(beside->isVisible()); // shown while typing, before any Apply
    QVERIFY(!beside->text().isEmpty());
    QSignalSpy state(m_session, &DeviceSession::stateChanged);
    QVERIFY(!m_page->connectWithForm());
    QVERIFY(beside->isVisible());
    QCOMPARE(m_page->statusLabel()->text(), beside->text());
    QCOMPARE(state.count(), 0); // opening would have left Disconnected at once (session in this thread)
    QCOMPARE(m_session->state(), DeviceSession::State::Disconnected);
}

void tst_PortPage::dialectOverrideWins()
{
    const int beken = m_page->dialectCombo()->findData(int(ConnectionController::DialectOverride::Beken));
    m_page->dialectCombo()->setCurrentIndex(beken);
    QCOMPARE(m_ctl->dialectOverride(), ConnectionController::DialectOverride::Beken);
    QCOMPARE(m_model->dialect(), atb::Dialect::Beken);
    ConnectionChoice c;
    c.kind = ConnectionChoice::Kind::SimulatorEsp;
    QSignalSpy read(m_ctl, &ConnectionController::stateReadFinished);
    m_ctl->connectTo(c);
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 15000);
    // The module said ESP, the user said Beken: the user wins, and the evidence is still shown.
    QCOMPARE(m_ctl->lastProbe().dialect, atb::Dialect::Esp);
    QCOMPARE(m_model->dialect(), atb::Dialect::Beken);
    QCOMPARE(m_session->dialect(), atb::Dialect::Beken);
    QVERIFY(m_page->detectedLabel()->text().contains(QStringLiteral("forced")));
    QVERIFY(m_page->evidenceLabel()->text().contains(QStringLiteral("AT+GMR")));
    // Back to Auto: the detected dialect applies again.
    m_page->dialectCombo()->setCurrentIndex(m_page->dialectCombo()->findData(int(ConnectionController::DialectOverride::Auto)));
    QCOMPARE(m_model->dialect(), atb::Dialect::Esp);
    QCOMPARE(m_session->dialect(), atb::Dialect::Esp);
}

void tst_PortPage::unplugReconnectsAndRequeries()
{
    QVERIFY(m_page->reconnectCheck()->isChecked());
    ConnectionChoice c;
    c.kind = ConnectionChoice::Kind::SimulatorEsp;
    QSignalSpy read(m_ctl, &ConnectionController::stateReadFinished);
    m_ctl->connectTo(c);
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 15000);
    m_started.clear();
    QSignalSpy reconnecting(m_ctl, &ConnectionController::reconnectingChanged);

    m_sim->breakLink(); // pull the cable
    QTRY_COMPARE(m_session->state(), DeviceSession::State::Disconnected);
    QTRY_COMPARE(reconnecting.count(), 1);
    QVERIFY(reconnecting.at(0).at(0).toBool());
    QVERIFY(m_ctl->isReconnecting());
    QVERIFY(m_page->statusLabel()->text().contains(QStringLiteral("reconnecting every 2 s")));
    QVERIFY(m_page->disconnectButton()->isEnabled());

    // About 2 s later it is back, and the state is read again.
    QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), DeviceSession::State::Connected, 5000);
    QCOMPARE(reconnecting.count(), 2);
    QVERIFY(!reconnecting.at(1).at(0).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 2, 15000);
    QList<QByteArray> sent = startedLines();
    sent.removeAll("ATE0");
    QCOMPARE(sent, ConnectionController::readPreview(atb::Dialect::Esp));
    QCOMPARE(m_model->cipMux(), 0);
}

void tst_PortPage::tcpDropReconnectsWhileServerIsBack()
{
    TcpModule module;
    ConnectionChoice c;
    c.kind = ConnectionChoice::Kind::Tcp;
    c.host = QStringLiteral("127.0.0.1");
    c.port = module.server.serverPort();
    m_ctl->setReconnectIntervalMs(300);
    QSignalSpy read(m_ctl, &ConnectionController::stateReadFinished);
    m_ctl->connectTo(c);
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 15000);
    module.lines.clear();
    module.socket->abort(); // the bridge dropped us; the server still listens
    QTRY_COMPARE(m_session->state(), DeviceSession::State::Disconnected);
    QTRY_COMPARE_WITH_TIMEOUT(module.connections, 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 2, 15000);
    QCOMPARE(module.lines, ConnectionController::readPreview(atb::Dialect::Esp));
}

void tst_PortPage::noReconnectWhenUnchecked()
{
    m_page->reconnectCheck()->setChecked(false);
    QVERIFY(!m_ctl->autoReconnect());
    m_ctl->setReconnectIntervalMs(100);
    ConnectionChoice c;
    c.kind = ConnectionChoice::Kind::SimulatorEsp;
    m_ctl->connectTo(c);
    QTRY_COMPARE(m_session->state(), DeviceSession::State::Connected);
    m_sim->breakLink();
    QTRY_COMPARE(m_session->state(), DeviceSession::State::Disconnected);
    QTest::qWait(400);
    QCOMPARE(m_session->state(), DeviceSession::State::Disconnected);
    QVERIFY(!m_ctl->isReconnecting());
    QVERIFY(m_page->statusLabel()->text().contains(QStringLiteral("was lost")));
}

void tst_PortPage::failedOpenSaysWhyAndDoesNotRetry()
{
    ConnectionChoice c;
    c.kind = ConnectionChoice::Kind::Serial;
    c.serial.portName = QStringLiteral("/dev/atbench-no-such-port");
    m_ctl->setReconnectIntervalMs(100);
    m_ctl->connectTo(c);
    QTRY_VERIFY2(m_page->statusLabel()->text().startsWith(QStringLiteral("Could not open /dev/atbench-no-such-port")), qPrintable(m_page->statusLabel()->text()));
    QTest::qWait(300);
    QVERIFY(!m_ctl->isReconnecting()); // never connected: nothing to come back to
    QCOMPARE(m_session->state(), DeviceSession::State::Disconnected);
}

void tst_PortPage::barAndPageShareOneChoice()
{
    ConnectionBar bar(true);
    bar.setController(m_ctl);
    // Page -> controller -> bar.
    ConnectionChoice c;
    c.kind = ConnectionChoice::Kind::Tcp;
    c.host = QStringLiteral("127.0.0.1");
    c.port = 4321;
    m_page->portCombo()->setCurrentIndex(m_page->portCombo()->count() - 1);
    m_page->hostEdit()->setText(c.host);
    m_page->tcpPortSpin()->setValue(c.port);
    m_ctl->setChoice(c);
    QCOMPARE(bar.tcpEdit()->text(), QStringLiteral("127.0.0.1:4321"));
    // Bar -> controller -> page.
    bar.tcpEdit()->setText(QStringLiteral("localhost:5555"));
    QCOMPARE(m_ctl->choice().host, QStringLiteral("localhost"));
    QCOMPARE(m_ctl->choice().port, quint16(5555));
    QCOMPARE(m_page->hostEdit()->text(), QStringLiteral("localhost"));
    QCOMPARE(m_page->tcpPortSpin()->value(), 5555);
    // Parity lives only on the page; a bar edit keeps it.
    ConnectionChoice s;
    s.kind = ConnectionChoice::Kind::Serial;
    s.serial.portName = QStringLiteral("/dev/atbench-test-port");
    s.serial.parity = QSerialPort::OddParity;
    m_ctl->setChoice(s);
    QCOMPARE(bar.portCombo()->currentText(), s.serial.portName);
    bar.baudCombo()->setCurrentText(QStringLiteral("921600"));
    QCOMPARE(m_ctl->choice().serial.baudRate, 921600);
    QCOMPARE(m_ctl->choice().serial.parity, QSerialPort::OddParity);
    QCOMPARE(m_page->baudCombo()->currentText(), QStringLiteral("921600"));
    // The bar shows the controller's connection state.
    ConnectionChoice sim;
    sim.kind = ConnectionChoice::Kind::SimulatorBeken;
    m_ctl->connectTo(sim);
    QTRY_COMPARE(bar.connectButton()->text(), QStringLiteral("&Disconnect"));
    QCOMPARE(bar.portCombo()->currentText(), SimulatorLink::displayName(SimulatorLink::Flavour::Beken));
}

void tst_PortPage::optionsAreRememberedWithoutSecrets()
{
    ConnectionChoice c;
    c.kind = ConnectionChoice::Kind::Serial;
    c.serial.portName = QStringLiteral("/dev/atbench-remembered");
    c.serial.baudRate = 460800;
    c.serial.stopBits = QSerialPort::TwoStop;
    c.serial.flowControl = QSerialPort::HardwareControl;
    c.serial.dtrOnOpen = true;
    m_page->dialectCombo()->setCurrentIndex(2);
    m_page->reconnectCheck()->setChecked(false);
    m_ctl->connectTo(c); // saves even when the port does not open
    QTRY_COMPARE(m_session->state(), DeviceSession::State::Disconnected);

    ConnectionController other(m_session, m_model, m_sim);
    other.loadSettings();
    QCOMPARE(other.choice().kind, ConnectionChoice::Kind::Serial);
    QVERIFY(other.choice().serial == c.serial);
    QCOMPARE(other.dialectOverride(), ConnectionController::DialectOverride::Beken);
    QVERIFY(!other.autoReconnect());
    QSettings s;
    QVERIFY(s.childGroups().contains(QStringLiteral("portPage")));
    for (const QString &k : s.allKeys())
        QVERIFY2(!k.contains(QStringLiteral("pass"), Qt::CaseInsensitive), qPrintable(k));
}

void tst_PortPage::shortcutsApplyAndRead()
{
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    m_page->activateWindow();
    m_page->portCombo()->setFocus();
    const int row = m_page->portCombo()->findText(SimulatorLink::displayName(SimulatorLink::Flavour::Esp));
    QVERIFY(row >= 0);
    m_page->portCombo()->setCurrentIndex(row);
    QSignalSpy read(m_ctl, &ConnectionController::stateReadFinished);
    QTest::keyClick(m_page->portCombo(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(m_session->state(), DeviceSession::State::Connected);
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 15000);
    m_started.clear();
    QTRY_VERIFY(m_page->form()->isEnabled());
    m_page->portCombo()->setFocus(); // the form was disabled while busy, which moves the focus
    QTest::keyClick(m_page->portCombo(), Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 2, 15000);
    QVERIFY(m_started.contains("AT+GMR"));
    QVERIFY(m_started.contains("AT+CIPSNTPCFG?"));
}

void tst_PortPage::dirtyTrackingEnablesApplyAndRevert()
{
    ConnectionChoice c;
    c.kind = ConnectionChoice::Kind::SimulatorEsp;
    m_ctl->connectTo(c);
    QTRY_COMPARE(m_session->state(), DeviceSession::State::Connected);
    QTRY_VERIFY(!m_ctl->isBusy());
    QVERIFY(!m_page->isDirty());
    QCOMPARE(m_page->windowTitle(), QStringLiteral("Port"));
    QVERIFY(!m_page->toolTip().isEmpty());
    QVERIFY(!m_page->applyButton()->isEnabled());
    QVERIFY(!m_page->revertButton()->isEnabled());
    m_page->portCombo()->setCurrentIndex(m_page->portCombo()->findText(SimulatorLink::displayName(SimulatorLink::Flavour::Beken)));
    QVERIFY(m_page->isDirty());
    QVERIFY(m_page->applyButton()->isEnabled());
    QVERIFY(m_page->revertButton()->isEnabled());
    m_page->revertButton()->click();
    QVERIFY(!m_page->isDirty());
    QCOMPARE(m_page->portCombo()->currentText(), SimulatorLink::displayName(SimulatorLink::Flavour::Esp));
}

void tst_PortPage::statusFieldsFollowModelAndCounters()
{
    StatusFields fields(m_session, m_model);
    QCOMPARE(fields.stateLabel()->text(), QStringLiteral("Disconnected"));
    QCOMPARE(fields.linkLabel()->text(), QStringLiteral("No link"));
    QCOMPARE(fields.dialectLabel()->text(), QStringLiteral("ESP-AT"));
    QVERIFY(fields.dialectLabel()->toolTip().contains(QStringLiteral("assumed"))); // not detected yet
    QCOMPARE(fields.bytesLabel()->text(), QStringLiteral("TX 0 B · RX 0 B"));
    ConnectionChoice c;
    c.kind = ConnectionChoice::Kind::SimulatorBeken;
    QSignalSpy read(m_ctl, &ConnectionController::stateReadFinished);
    m_ctl->connectTo(c);
    fields.setLinkName(c.displayName());
    QTRY_COMPARE(fields.stateLabel()->text(), QStringLiteral("Connected"));
    QCOMPARE(fields.linkLabel()->text(), c.displayName());
    QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 15000);
    QCOMPARE(fields.dialectLabel()->text(), QStringLiteral("Beken ATSVR"));
    QVERIFY(!fields.dialectLabel()->toolTip().contains(QStringLiteral("assumed")));
    QVERIFY2(fields.firmwareLabel()->text().contains(QStringLiteral("ATSVR")), qPrintable(fields.firmwareLabel()->text()));
    QCOMPARE(fields.wifiLabel()->text(), QStringLiteral("Wi-Fi: not joined"));
    // Counters are polled from the session.
    QTRY_VERIFY(fields.bytesLabel()->text() != QStringLiteral("TX 0 B · RX 0 B"));
    const QString tx = QStringLiteral("TX %1").arg(StatusFields::humanBytes(m_session->txBytes()));
    QTRY_VERIFY2(fields.bytesLabel()->text().startsWith(tx), qPrintable(fields.bytesLabel()->text()));
    // Wi-Fi and MQTT from the model's signals.
    m_session->submit(atb::AtCommand::fromLine("AT+CWJAP=\"BenchAP\",\"12345678\"", true));
    QTRY_VERIFY_WITH_TIMEOUT(fields.wifiLabel()->text().contains(QStringLiteral("BenchAP")), 10000);
    QVERIFY(fields.mqttLabel()->text().startsWith(QStringLiteral("MQTT: ")));
    QCOMPARE(fields.mqttLabel()->text(), QStringLiteral("MQTT: %1").arg(atb::MqttState::stateText(m_model->mqtt().state)));
    fields.resize(fields.sizeHint());
    ScreenshotDir shots;
    QVERIFY(shots.isValid());
    QVERIFY(fields.grab().save(shots.filePath(QStringLiteral("statusfields.png"))));
}

void tst_PortPage::screenshot_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("file");
    QTest::newRow("serial") << int(ConnectionChoice::Kind::Serial) << QStringLiteral("portpage_serial.png");
    QTest::newRow("tcp") << int(ConnectionChoice::Kind::Tcp) << QStringLiteral("portpage_tcp.png");
    QTest::newRow("sim") << int(ConnectionChoice::Kind::SimulatorEsp) << QStringLiteral("portpage_sim.png");
}

void tst_PortPage::screenshot()
{
    QFETCH(int, kind);
    QFETCH(QString, file);
    ConnectionChoice c;
    c.kind = ConnectionChoice::Kind(kind);
    c.serial.portName = QStringLiteral("/dev/ttyUSB0");
    c.host = QStringLiteral("127.0.0.1");
    c.port = 4000;
    m_ctl->setChoice(c);
    if (c.kind == ConnectionChoice::Kind::SimulatorEsp) {
        QSignalSpy read(m_ctl, &ConnectionController::stateReadFinished);
        m_ctl->connectTo(c);
        QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 15000);
        m_page->showAtButton()->setChecked(true);
    } else {
        m_page->hostEdit()->setText(QStringLiteral("bad host"));
    }
    m_page->resize(1110, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    // Nothing is cut off: every visible label gets the width and height its text needs.
    for (QLabel *l : m_page->findChildren<QLabel *>()) {
        if (!l->isVisible() || l->text().isEmpty())
            continue;
        if (l->wordWrap())
            QVERIFY2(l->height() >= l->heightForWidth(l->width()), qPrintable(l->text()));
        else
            QVERIFY2(l->width() >= l->sizeHint().width() && l->height() >= l->sizeHint().height(), qPrintable(l->text()));
    }
    ScreenshotDir shots;
    QVERIFY(shots.isValid());
    QVERIFY(m_page->grab().save(shots.filePath(file)));
}

QTEST_MAIN(tst_PortPage)
#include "tst_portpage.moc"
