// The Connections page on a real session, model, ConnectionService and the in-process simulator.
// Local peers only (127.0.0.1). No AT is typed: everything goes through the page's widgets.
#include "dialogs/messages.h"
#include "loopbackpeers.h"
#include "model/devicemodel.h"
#include "pages/connectionspage.h"
#include "services/connectionservice.h"
#include "secretstore.h"
#include "screenshotdir.h"
#include "simharness.h"
#include "widgets/linkdataview.h"
#include "widgets/linktablemodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QToolButton>
#include <QTemporaryFile>
#include <QTranslator>
#include <QUdpSocket>
#include <QtTest>

#include "pseudochinese.h"

#include <memory>

using atb::ConnectionService;

namespace {

class EchoServer : public QTcpServer
{
public:
    EchoServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    const QByteArray b = s->readAll();
                    received += b;
                    s->write(b);
                });
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }
    QByteArray received;
};

class UdpEcho : public QUdpSocket
{
public:
    UdpEcho()
    {
        bind(QHostAddress::LocalHost, 0);
        connect(this, &QUdpSocket::readyRead, this, [this] {
            while (hasPendingDatagrams()) {
                QByteArray d(int(pendingDatagramSize()), '\0');
                QHostAddress from;
                quint16 port = 0;
                readDatagram(d.data(), d.size(), &from, &port);
                received += d;
                writeDatagram(d, from, port);
            }
        });
    }
    QByteArray received;
};

// One page on one simulated module.
struct Fixture
{
    explicit Fixture(atb::sim::Dialect d = atb::sim::Dialect::Esp, SecretStore *secrets = nullptr)
        : h(d, true), messages(nullptr)
    {
        messages.setScripted(true);
        h.session.setPassthroughGuards(40, 40, 200);
        service = std::make_unique<ConnectionService>(&h.session, &h.model);
        page = std::make_unique<ConnectionsPage>(&h.model, service.get(), secrets, &messages);
        page->resize(1110, 700);
        page->show();
    }
    template<typename T> T *w(const char *name) const
    {
        T *c = page->findChild<T *>(QLatin1String(name));
        if (!c)
            qWarning() << "no widget" << name;
        return c;
    }
    // Clicks and waits for the service to finish; returns the status line.
    bool clickAndWait(const char *button)
    {
        QSignalSpy done(service.get(), &ConnectionService::finished);
        QTest::mouseClick(w<QPushButton>(button), Qt::LeftButton);
        return done.wait(15000) || !done.isEmpty();
    }
    void setText(const char *edit, const QString &text)
    {
        auto *e = w<QLineEdit>(edit);
        e->selectAll();
        e->clear();
        QTest::keyClicks(e, text);
    }

    SimHarness h;
    Messages messages;
    std::unique_ptr<ConnectionService> service;
    std::unique_ptr<ConnectionsPage> page;
};


quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 p = s.serverPort();
    s.close();
    return p;
}

} // namespace

class tst_ConnectionsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<atb::OperationResult>(); }
    void tcpEchoArrivesInTheLinkView();
    void udpWithLocalPeer();
    void invalidInputIsRefusedBesideTheField_data();
    void invalidInputIsRefusedBesideTheField();
    void muxChangeWithLinkOpenIsRefused();
    void moduleErrorIsShownInWords();
    void passthroughBadgeRawSendAndExit();
    void bekenTableFromBipstatus();
    void shortcutsReadAndApply();
    void pskIsMaskedRememberedAndRedactedInThePreview();
    void fileIsSentInChunksWithProgress();
    void bekenServerLinkAndLinkFiveAsksFirst();
    void bekenInferredIdsAreMarked();
    void udpSendToAnotherPeer();
    void pskIsReadBackMasked();
    void espServerFromTheServerTab();
    void screenshots();
};

void tst_ConnectionsPage::tcpEchoArrivesInTheLinkView()
{
    EchoServer server;
    Fixture f;
    QVERIFY(f.h.ready());
    QVERIFY(f.clickAndWait("readButton"));
    QCOMPARE(f.h.sent, (QList<QByteArray> { "AT+CIPMUX?", "AT+CIPMODE?", "AT+CIPRECVMODE?", "AT+CIPSSLCPSK?",
                                            "AT+CIPSERVER?", "AT+CIPSERVERMAXCONN?", "AT+CIPSTO?", "AT+CIPSTATUS" }));
    QVERIFY(!f.w<QPushButton>("applyButton")->isEnabled()); // nothing edited yet

    // Multiple connections first, through the mode form.
    f.w<QComboBox>("muxCombo")->setCurrentIndex(1);
    QVERIFY(f.w<QPushButton>("applyButton")->isEnabled());
    f.h.sent.clear();
    QVERIFY(f.clickAndWait("applyButton"));
    QCOMPARE(f.h.sent, QList<QByteArray> { "AT+CIPMUX=1" });
    QCOMPARE(f.h.model.cipMux(), 1);
    QCOMPARE(f.w<QTableView>("linkTable")->model()->rowCount(), 5);

    // Open link 1 with "Show AT" on: the preview is what the module then receives.
    f.w<QToolButton>("showAtButton")->setChecked(true);
    f.w<QSpinBox>("openId")->setValue(1);
    f.setText("openHost", QStringLiteral("127.0.0.1"));
    f.setText("openPort", QString::number(server.serverPort()));
    f.w<QSpinBox>("openKeepAlive")->setValue(30);
    QCOMPARE(f.page->currentForm(), ConnectionsPage::Form::Open);
    const QList<QByteArray> preview = f.page->previewLines();
    const QByteArray start = "AT+CIPSTART=1,\"TCP\",\"127.0.0.1\"," + QByteArray::number(server.serverPort()) + ",30";
    QCOMPARE(preview, (QList<QByteArray> { start, "AT+CIPSTATUS" }));
    QCOMPARE(f.w<QPlainTextEdit>("atPreview")->toPlainText(), QString::fromUtf8(start + "\nAT+CIPSTATUS"));
    f.h.sent.clear();
    QSignalSpy busy(f.service.get(), &ConnectionService::busyChanged);
    QTest::mouseClick(f.w<QPushButton>("openButton"), Qt::LeftButton);
    QCOMPARE(busy.size(), 1);
    QVERIFY(f.w<QProgressBar>("busyIndicator")->isVisible());
    QVERIFY(!f.w<QWidget>("openBox")->isEnabled());
    QTRY_VERIFY(!f.service->isBusy());
    QVERIFY(!f.w<QProgressBar>("busyIndicator")->isVisible());
    QCOMPARE(f.h.sent, preview);
    QCOMPARE(f.page->selectedLink(), 1);
    QAbstractItemModel *table = f.w<QTableView>("linkTable")->model();
    QCOMPARE(table->index(1, LinkTableModel::Type).data().toString(), QStringLiteral("TCP"));
    QCOMPARE(table->index(1, LinkTableModel::RemotePort).data().toString(), QString::number(server.serverPort()));
    QCOMPARE(table->index(1, LinkTableModel::State).data().toString(), QStringLiteral("open"));
    QCOMPARE(table->index(1, LinkTableModel::KeepAlive).data().toString(), QStringLiteral("30 s"));
    QCOMPARE(table->index(0, LinkTableModel::State).data().toString(), QStringLiteral("closed"));

    // Send text to link 1; the echo arrives in link 1's view.
    f.setText("sendText", QStringLiteral("hello from the page"));
    f.w<QCheckBox>("sendCrLf")->setChecked(true);
    QCOMPARE(f.page->previewLines(), QList<QByteArray> { "AT+CIPSEND=1,21" });
    f.h.sent.clear();
    QVERIFY(f.clickAndWait("sendButton"));
    QCOMPARE(f.h.sent, (QList<QByteArray> { "AT+CIPSEND=1,21", "hello from the page" }));
    QTRY_COMPARE(f.w<LinkDataView>("rxView")->toPlainText(), QStringLiteral("hello from the page\n"));
    QCOMPARE(server.received, QByteArray("hello from the page\r\n"));
    QTRY_COMPARE(table->index(1, LinkTableModel::Received).data().toString(), QStringLiteral("21"));
    QVERIFY(f.w<QLabel>("rxCounters")->text().contains(QLatin1String("21")));
    f.w<QCheckBox>("rxHex")->setChecked(true);
    QVERIFY(f.w<LinkDataView>("rxView")->toPlainText().startsWith(QLatin1String("68 65 6c 6c 6f")));

    // Close it.
    f.h.sent.clear();
    QVERIFY(f.clickAndWait("closeButton"));
    QCOMPARE(f.h.sent, QList<QByteArray> { "AT+CIPCLOSE=1" });
    QTRY_COMPARE(table->index(1, LinkTableModel::State).data().toString(), QStringLiteral("closed"));
    QVERIFY(f.page->statusText().contains(QLatin1String("done")));
}

void tst_ConnectionsPage::udpWithLocalPeer()
{
    UdpEcho peer;
    Fixture f;
    QVERIFY(f.h.ready());
    QVERIFY(f.clickAndWait("readButton"));
    f.w<QComboBox>("openType")->setCurrentText(QStringLiteral("UDP"));
    QVERIFY(f.w<QLineEdit>("openLocalPort")->isVisibleTo(f.page.get()));
    QVERIFY(!f.w<QSpinBox>("openKeepAlive")->isVisibleTo(f.page.get()));
    f.setText("openHost", QStringLiteral("127.0.0.1"));
    f.setText("openPort", QString::number(peer.localPort()));
    f.h.sent.clear();
    QVERIFY(f.clickAndWait("openButton"));
    QCOMPARE(f.h.sent.first(), "AT+CIPSTART=\"UDP\",\"127.0.0.1\"," + QByteArray::number(peer.localPort()));
    f.w<QComboBox>("sendFormat")->setCurrentIndex(1); // hex
    f.setText("sendText", QStringLiteral("75 64 70 0a"));
    f.h.sent.clear();
    QVERIFY(f.clickAndWait("sendButton"));
    QCOMPARE(f.h.sent.first(), QByteArray("AT+CIPSEND=4"));
    QTRY_COMPARE(peer.received, QByteArray("udp\n"));
    QTRY_COMPARE(f.w<LinkDataView>("rxView")->toPlainText(), QStringLiteral("udp\n"));
}

void tst_ConnectionsPage::invalidInputIsRefusedBesideTheField_data()
{
    QTest::addColumn<int>("form");
    QTest::addColumn<int>("linkId");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("hex");
    QTest::addColumn<QByteArray>("param");
    const int open = int(ConnectionsPage::Form::Open);
    QTest::newRow("port 0") << open << 0 << "127.0.0.1" << "0" << "" << QByteArray("remote_port");
    QTest::newRow("port 70000") << open << 0 << "127.0.0.1" << "70000" << "" << QByteArray("remote_port");
    QTest::newRow("host empty") << open << 0 << "" << "80" << "" << QByteArray("remote_host");
    QTest::newRow("link 5 on esp") << open << 5 << "127.0.0.1" << "80" << "" << QByteArray("link_id");
    QTest::newRow("bad hex") << int(ConnectionsPage::Form::Send) << 0 << "" << "" << "4x 41" << QByteArray("data");
}

void tst_ConnectionsPage::invalidInputIsRefusedBesideTheField()
{
    QFETCH(int, form);
    QFETCH(int, linkId);
    QFETCH(QString, host);
    QFETCH(QString, port);
    QFETCH(QString, hex);
    QFETCH(QByteArray, param);
    EchoServer server;
    Fixture f;
    QVERIFY(f.h.ready());
    f.w<QComboBox>("muxCombo")->setCurrentIndex(1);
    QVERIFY(f.clickAndWait("applyButton"));
    QSignalSpy started(&f.h.session, &atb::DeviceSession::commandStarted);
    if (form == int(ConnectionsPage::Form::Send)) {
        f.setText("openHost", QStringLiteral("127.0.0.1"));
        f.setText("openPort", QString::number(server.serverPort()));
        QVERIFY(f.clickAndWait("openButton"));
        f.w<QComboBox>("sendFormat")->setCurrentIndex(1);
        f.setText("sendText", hex);
        f.h.sent.clear();
        started.clear();
        QTest::mouseClick(f.w<QPushButton>("sendButton"), Qt::LeftButton);
    } else {
        f.w<QSpinBox>("openId")->setValue(linkId);
        f.setText("openHost", host);
        f.setText("openPort", port);
        f.h.sent.clear();
        started.clear();
        QTest::mouseClick(f.w<QPushButton>("openButton"), Qt::LeftButton);
    }
    const QString err = f.page->fieldError(ConnectionsPage::Form(form), param);
    QVERIFY2(!err.isEmpty(), param.constData());
    QVERIFY(f.page->statusText().contains(err));
    QVERIFY(!f.service->isBusy());
    QCOMPARE(started.count(), 0); // a command would have started at once (the queue is idle)
    QVERIFY(f.h.sent.isEmpty());
    // Editing the field clears the stale reason.
    f.setText(form == int(ConnectionsPage::Form::Send) ? "sendText" : "openHost", QStringLiteral("x"));
    QVERIFY(f.page->fieldError(ConnectionsPage::Form(form), param).isEmpty());
}

void tst_ConnectionsPage::muxChangeWithLinkOpenIsRefused()
{
    EchoServer server;
    Fixture f;
    QVERIFY(f.h.ready());
    QVERIFY(f.clickAndWait("readButton"));
    f.setText("openHost", QStringLiteral("127.0.0.1"));
    f.setText("openPort", QString::number(server.serverPort()));
    QVERIFY(f.clickAndWait("openButton"));
    QTRY_COMPARE(f.h.model.links().size(), 1);
    f.w<QComboBox>("muxCombo")->setCurrentIndex(1);
    f.h.sent.clear();
    QSignalSpy started(&f.h.session, &atb::DeviceSession::commandStarted);
    QTest::mouseClick(f.w<QPushButton>("applyButton"), Qt::LeftButton);
    const QString err = f.page->fieldError(ConnectionsPage::Form::Mode, "cipmux");
    QVERIFY(err.contains(QLatin1String("no link is open")));
    QCOMPARE(started.count(), 0);
    QVERIFY(f.h.sent.isEmpty());
    // Revert puts the model's value back.
    QTest::mouseClick(f.w<QPushButton>("revertButton"), Qt::LeftButton);
    QCOMPARE(f.w<QComboBox>("muxCombo")->currentIndex(), 0);
    QVERIFY(!f.w<QPushButton>("applyButton")->isEnabled());
}

void tst_ConnectionsPage::moduleErrorIsShownInWords()
{
    Fixture f;
    QVERIFY(f.h.ready());
    QVERIFY(f.clickAndWait("readButton"));
    f.setText("openHost", QStringLiteral("127.0.0.1"));
    f.setText("openPort", QString::number(closedPort()));
    QVERIFY(f.clickAndWait("openButton"));
    const QString s = f.page->statusText();
    QVERIFY2(s.contains(QLatin1String("AT+CIPSTART")) && s.contains(QLatin1String("failed")), qPrintable(s));
    QVERIFY2(!s.contains(QLatin1String("0x")), qPrintable(s));
    QCOMPARE(f.w<QTableView>("linkTable")->model()->index(0, LinkTableModel::State).data().toString(),
             QStringLiteral("closed"));
}

void tst_ConnectionsPage::passthroughBadgeRawSendAndExit()
{
    EchoServer server;
    Fixture f;
    QVERIFY(f.h.ready());
    QVERIFY(f.clickAndWait("readButton"));
    f.setText("openHost", QStringLiteral("127.0.0.1"));
    f.setText("openPort", QString::number(server.serverPort()));
    QVERIFY(f.clickAndWait("openButton"));
    QLabel *badge = f.w<QLabel>("passthroughBadge");
    QVERIFY(!badge->isVisible());
    QVERIFY(!f.w<QLineEdit>("rawInput")->isVisible());
    f.h.sent.clear();
    QVERIFY(f.clickAndWait("enterPassthroughButton"));
    QCOMPARE(f.h.sent, (QList<QByteArray> { "AT+CIPMODE=1", "AT+CIPSEND" }));
    QTRY_VERIFY(badge->isVisible());
    QVERIFY(badge->text().contains(QLatin1String("PASSTHROUGH")));
    QCOMPARE(badge->palette().color(QPalette::Window), f.page->palette().color(QPalette::Highlight));
    QVERIFY(!f.w<QWidget>("openBox")->isEnabled());
    QVERIFY(!f.w<QPushButton>("sendButton")->isEnabled());
    QVERIFY(f.w<QLineEdit>("rawInput")->isVisible());

    QTest::keyClicks(f.w<QLineEdit>("rawInput"), QStringLiteral("raw!"));
    QTest::keyClick(f.w<QLineEdit>("rawInput"), Qt::Key_Return);
    QTRY_COMPARE(server.received, QByteArray("raw!"));
    QTRY_COMPARE(f.w<LinkDataView>("rawView")->toPlainText(), QStringLiteral("raw!"));

    QTest::mouseClick(f.w<QPushButton>("leavePassthroughButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!badge->isVisible(), 5000);
    QVERIFY(f.w<QWidget>("openBox")->isEnabled());
    f.h.sent.clear();
    QVERIFY(f.clickAndWait("readButton"));
    // (The harness glues data-phase bytes without CR LF, here "raw!" and "+++", to the next line.)
    QCOMPARE(f.h.sent.size(), 8);
    QVERIFY(f.h.sent[0].endsWith("+++AT+CIPMUX?"));
    QCOMPARE(f.h.sent.mid(1), (QList<QByteArray> { "AT+CIPMODE?", "AT+CIPRECVMODE?", "AT+CIPSSLCPSK?", "AT+CIPSERVER?",
                                                   "AT+CIPSERVERMAXCONN?", "AT+CIPSTO?", "AT+CIPSTATUS" }));
    QVERIFY(f.page->statusText().contains(QLatin1String("done")));
    QCOMPARE(f.w<QComboBox>("modeCombo")->currentIndex(), 1);
}

void tst_ConnectionsPage::bekenTableFromBipstatus()
{
    EchoServer server;
    UdpEcho peer;
    Fixture f(atb::sim::Dialect::BekenDoc);
    QVERIFY(f.h.ready());
    QAbstractItemModel *table = f.w<QTableView>("linkTable")->model();
    QCOMPARE(table->rowCount(), 6); // Beken: links 0..5
    QCOMPARE(f.w<QComboBox>("openType")->count(), 4); // TCP, UDP, TLS, DTLS
    f.setText("openHost", QStringLiteral("127.0.0.1"));
    f.setText("openPort", QString::number(server.serverPort()));
    f.w<QSpinBox>("openKeepAlive")->setValue(1800);
    f.h.sent.clear();
    QVERIFY(f.clickAndWait("openButton"));
    QCOMPARE(f.h.sent, (QList<QByteArray> {
                           "AT+CIPSTART=0,\"TCP\",\"127.0.0.1\"," + QByteArray::number(server.serverPort()) + ",1800",
                           "AT+CIPSTATUS?" }));
    f.w<QSpinBox>("openId")->setValue(1);
    f.w<QComboBox>("openType")->setCurrentText(QStringLiteral("UDP"));
    QVERIFY(!f.w<QComboBox>("openUdpMode")->isVisibleTo(f.page.get())); // ESP only
    f.setText("openPort", QString::number(peer.localPort()));
    QVERIFY(f.clickAndWait("openButton"));
    f.h.sent.clear();
    QVERIFY(f.clickAndWait("readButton"));
    QCOMPARE(f.h.sent.last(), QByteArray("AT+CIPSTATUS?"));
    QCOMPARE(table->index(0, LinkTableModel::Type).data().toString(), QStringLiteral("TCP"));
    QCOMPARE(table->index(0, LinkTableModel::RemotePort).data().toString(), QString::number(server.serverPort()));
    QVERIFY(table->index(0, LinkTableModel::LocalPort).data().toInt() > 0);
    QCOMPARE(table->index(0, LinkTableModel::Role).data().toString(), QStringLiteral("client"));
    QCOMPARE(table->index(1, LinkTableModel::Type).data().toString(), QStringLiteral("UDP"));
    QCOMPARE(table->index(1, LinkTableModel::RemotePort).data().toString(), QString::number(peer.localPort()));
    QCOMPARE(table->index(2, LinkTableModel::State).data().toString(), QStringLiteral("closed"));

    // Send on Beken goes to link 0 with its id, and the +IPD(0) echo shows up.
    f.page->selectLink(0);
    f.setText("sendText", QStringLiteral("bk"));
    f.h.sent.clear();
    QVERIFY(f.clickAndWait("sendButton"));
    QCOMPARE(f.h.sent.first(), QByteArray("AT+CIPSEND=0,2"));
    QTRY_COMPARE(f.w<LinkDataView>("rxView")->toPlainText(), QStringLiteral("bk"));

    // Close all.
    f.h.sent.clear();
    QVERIFY(f.clickAndWait("closeAllButton"));
    QCOMPARE(f.h.sent.size(), 1);
    QVERIFY(f.h.sent.first().endsWith("AT+CIPCLOSE=5")); // after the glued "bk" payload
    QTRY_COMPARE(table->index(0, LinkTableModel::State).data().toString(), QStringLiteral("closed"));
}

void tst_ConnectionsPage::shortcutsReadAndApply()
{
    Fixture f;
    QVERIFY(f.h.ready());
    f.page->activateWindow();
    f.w<QComboBox>("muxCombo")->setFocus();
    QSignalSpy done(f.service.get(), &ConnectionService::finished);
    QTest::keyClick(f.w<QComboBox>("muxCombo"), Qt::Key_F5);
    QTRY_COMPARE(done.size(), 1);
    QCOMPARE(f.h.sent.first(), QByteArray("AT+CIPMUX?"));
    f.w<QComboBox>("muxCombo")->setCurrentIndex(1);
    f.h.sent.clear();
    QTest::keyClick(f.w<QComboBox>("muxCombo"), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(done.size(), 2);
    QCOMPARE(f.h.sent, QList<QByteArray> { "AT+CIPMUX=1" });
}

void tst_ConnectionsPage::pskIsMaskedRememberedAndRedactedInThePreview()
{
    SecretStore store;
    store.setMemoryOnly(true);
    Fixture f(atb::sim::Dialect::Esp, &store);
    QVERIFY(f.h.ready());
    QVERIFY(f.clickAndWait("readButton"));
    auto *psk = f.w<QLineEdit>("pskEdit");
    QCOMPARE(psk->echoMode(), QLineEdit::Password);
    QVERIFY(!f.w<QCheckBox>("pskRemember")->isHidden()); // on the (hidden) PSK tab
    f.w<QToolButton>("showAtButton")->setChecked(true);
    f.setText("pskEdit", QStringLiteral("secret-id"));
    f.setText("pskHint", QStringLiteral("hint"));
    f.w<QCheckBox>("pskRemember")->setChecked(true);
    QCOMPARE(f.page->currentForm(), ConnectionsPage::Form::Psk);
    QCOMPARE(f.page->previewLines(), QList<QByteArray> { "AT+CIPSSLCPSK=\"secret-id\",\"hint\"" });
    const QString shown = f.w<QPlainTextEdit>("atPreview")->toPlainText();
    QVERIFY2(!shown.contains(QLatin1String("secret-id")) && shown.contains(QLatin1String("***")), qPrintable(shown));
    QSignalSpy saved(&store, &SecretStore::saved);
    f.h.sent.clear();
    QVERIFY(f.clickAndWait("pskButton"));
    QCOMPARE(f.h.sent, f.page->previewLines());
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(saved.first().first().toString(), QStringLiteral("psk/5"));
    // Another link id: empty; back to 5: loaded from the store.
    f.w<QSpinBox>("pskId")->setValue(0);
    QTRY_VERIFY(psk->text().isEmpty());
    f.w<QSpinBox>("pskId")->setValue(5);
    QTRY_COMPARE(psk->text(), QStringLiteral("secret-id"));
    // Too long for ESP (32 bytes): refused beside the field.
    f.setText("pskEdit", QString(33, QLatin1Char('k')));
    f.h.sent.clear();
    QSignalSpy started(&f.h.session, &atb::DeviceSession::commandStarted);
    QTest::mouseClick(f.w<QPushButton>("pskButton"), Qt::LeftButton);
    QVERIFY(!f.page->fieldError(ConnectionsPage::Form::Psk, "psk").isEmpty());
    QCOMPARE(started.count(), 0);
    QVERIFY(f.h.sent.isEmpty());
}

void tst_ConnectionsPage::fileIsSentInChunksWithProgress()
{
    EchoServer server;
    Fixture f(atb::sim::Dialect::BekenDoc);
    QVERIFY(f.h.ready());
    f.setText("openHost", QStringLiteral("127.0.0.1"));
    f.setText("openPort", QString::number(server.serverPort()));
    QVERIFY(f.clickAndWait("openButton"));
    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray content(3000, 'z');
    file.write(content);
    file.flush();
    f.w<QComboBox>("sendFormat")->setCurrentIndex(2);
    QVERIFY(f.w<QLineEdit>("sendFile")->isVisible());
    QVERIFY(!f.w<QLineEdit>("sendText")->isVisible());
    f.setText("sendFile", file.fileName());
    QCOMPARE(f.page->previewLines(),
             (QList<QByteArray> { "AT+CIPSEND=0,1024", "AT+CIPSEND=0,1024", "AT+CIPSEND=0,952" }));
    QSignalSpy progress(f.service.get(), &ConnectionService::sendProgress);
    QVERIFY(f.clickAndWait("sendButton"));
    QCOMPARE(progress.last().at(0).toLongLong(), 3000);
    QTRY_COMPARE(server.received, content);
    QTRY_COMPARE(f.service->received(0).size(), 3000);
    // A missing file is refused beside the send row.
    f.setText("sendFile", file.fileName() + QStringLiteral(".missing"));
    QTest::mouseClick(f.w<QPushButton>("sendButton"), Qt::LeftButton);
    QVERIFY(!f.page->fieldError(ConnectionsPage::Form::Send, "data").isEmpty());
}

void tst_ConnectionsPage::screenshots()
{
    EchoServer server;
    Fixture f;
    QVERIFY(f.h.ready());
    QVERIFY(f.clickAndWait("readButton"));
    f.w<QComboBox>("muxCombo")->setCurrentIndex(1);
    QVERIFY(f.clickAndWait("applyButton"));
    f.setText("openHost", QStringLiteral("127.0.0.1"));
    f.setText("openPort", QString::number(server.serverPort()));
    f.w<QSpinBox>("openKeepAlive")->setValue(60);
    QVERIFY(f.clickAndWait("openButton"));
    f.setText("sendText", QStringLiteral("GET / HTTP/1.0"));
    f.w<QCheckBox>("sendCrLf")->setChecked(true);
    QVERIFY(f.clickAndWait("sendButton"));
    QTRY_VERIFY(!f.w<LinkDataView>("rxView")->toPlainText().isEmpty());
    f.w<QToolButton>("showAtButton")->setChecked(true);
    f.setText("openPort", QStringLiteral("70000"));
    QTest::mouseClick(f.w<QPushButton>("openButton"), Qt::LeftButton);
    QVERIFY(!f.page->fieldError(ConnectionsPage::Form::Open, "remote_port").isEmpty());
    ScreenshotDir shots;
    QVERIFY(shots.isValid());
    QVERIFY(f.page->grab().save(shots.filePath(QStringLiteral("connections_en.png"))));
    {
        PseudoChinese zh({ "ConnectionsPage", "FormPage", "LinkOpenForm", "LinkDataPanel", "PassthroughPanel", "PskPanel",
                            "LinkTableModel" });
        QCoreApplication::installTranslator(&zh);
        QTRY_VERIFY(!f.w<QPushButton>("openButton")->text().contains(QLatin1String("Open")));
        QVERIFY(f.page->grab().save(shots.filePath(QStringLiteral("connections_zh_pseudo.png"))));
        QCoreApplication::removeTranslator(&zh);
        QTRY_COMPARE(f.w<QPushButton>("openButton")->text(), QStringLiteral("Open"));
    }

    // Single mode + passthrough.
    QVERIFY(f.clickAndWait("closeAllButton"));
    f.w<QComboBox>("muxCombo")->setCurrentIndex(0);
    QVERIFY(f.clickAndWait("applyButton"));
    f.setText("openPort", QString::number(server.serverPort()));
    QVERIFY(f.clickAndWait("openButton"));
    QVERIFY(f.clickAndWait("enterPassthroughButton"));
    QTRY_VERIFY(f.w<QLabel>("passthroughBadge")->isVisible());
    QTest::keyClicks(f.w<QLineEdit>("rawInput"), QStringLiteral("hello passthrough"));
    QTest::keyClick(f.w<QLineEdit>("rawInput"), Qt::Key_Return);
    QTRY_VERIFY(!f.w<LinkDataView>("rawView")->toPlainText().isEmpty());
    QVERIFY(f.page->grab().save(shots.filePath(QStringLiteral("connections_passthrough_en.png"))));
}

// Seed 000 example 2 from the form: a Beken TCP link with a local port and IP is a server; a
// client's data arrives on its link. Then link 5: closing it closes every link, so the page asks.
void tst_ConnectionsPage::bekenServerLinkAndLinkFiveAsksFirst()
{
    Fixture f(atb::sim::Dialect::BekenDoc);
    QVERIFY(f.h.ready());
    auto *local = f.w<QLineEdit>("openLocalPort");
    auto *localIp = f.w<QLineEdit>("openLocalIp");
    QVERIFY(local->isVisibleTo(f.page.get()) && localIp->isVisibleTo(f.page.get())); // TCP on Beken
    const quint16 port = freeLoopbackPort();
    f.w<QSpinBox>("openId")->setValue(2);
    f.setText("openHost", QStringLiteral("192.168.0.103"));
    f.setText("openPort", QStringLiteral("20108"));
    f.w<QSpinBox>("openKeepAlive")->setValue(1800);
    f.setText("openLocalPort", QString::number(port));
    f.setText("openLocalIp", QStringLiteral("192.168.0.107"));
    f.w<QToolButton>("showAtButton")->setChecked(true);
    const QByteArray line
        = "AT+CIPSTART=2,\"TCP\",\"192.168.0.103\",20108,1800," + QByteArray::number(port) + ",\"192.168.0.107\"";
    QCOMPARE(f.page->previewLines().first(), line);
    QVERIFY(f.w<QPlainTextEdit>("atPreview")->toPlainText().contains(QLatin1String("6 #8")));
    f.h.sent.clear();
    QVERIFY(f.clickAndWait("openButton"));
    QCOMPARE(f.h.sent.first(), line);
    QAbstractItemModel *table = f.w<QTableView>("linkTable")->model();
    QCOMPARE(table->index(2, LinkTableModel::Role).data().toString(), QStringLiteral("server"));
    QCOMPARE(table->index(2, LinkTableModel::Id).data().toString(), QStringLiteral("2"));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(5000));
    client.write("hi server");
    QCOMPARE(f.page->selectedLink(), 2);
    QTRY_COMPARE(f.w<LinkDataView>("rxView")->toPlainText(), QStringLiteral("hi server"));

    // A local IP alone is refused beside the local port (seed 000: both make a server).
    f.w<QSpinBox>("openId")->setValue(3);
    f.setText("openLocalPort", QString());
    f.h.sent.clear();
    QTest::mouseClick(f.w<QPushButton>("openButton"), Qt::LeftButton);
    QVERIFY(!f.page->fieldError(ConnectionsPage::Form::Open, "local_port").isEmpty());
    QVERIFY(f.h.drain() && f.h.sent.isEmpty());

    // Link 5 besides link 2: "Close link" on 5 asks; No keeps both open, Yes closes both.
    TcpPeer peer;
    f.w<QSpinBox>("openId")->setValue(5);
    f.setText("openHost", QStringLiteral("127.0.0.1"));
    f.setText("openPort", QString::number(peer.port()));
    f.setText("openLocalIp", QString());
    QVERIFY(f.clickAndWait("openButton"));
    QTRY_VERIFY(f.service->isLinkOpen(5));
    f.page->selectLink(5);
    f.messages.setScriptedAnswer(false);
    f.h.sent.clear();
    QTest::mouseClick(f.w<QPushButton>("closeButton"), Qt::LeftButton);
    QCOMPARE(f.messages.recorded().size(), 1);
    QVERIFY(f.messages.recorded().first().contains(QLatin1String("closes every link")));
    QVERIFY(f.h.drain() && f.h.sent.isEmpty());
    QVERIFY(f.page->statusIsProblem());
    QVERIFY(f.service->isLinkOpen(2) && f.service->isLinkOpen(5));
    f.messages.setScriptedAnswer(true);
    QVERIFY(f.clickAndWait("closeButton"));
    QCOMPARE(f.messages.recorded().size(), 2);
    QCOMPARE(f.h.sent.last(), QByteArray("AT+CIPCLOSE=5"));
    QTRY_VERIFY(f.h.model.links().isEmpty());
}

// Seed 000's +BIPSTATUS carries no id: links this session did not see opened get the lowest free
// id, and the table says it is a guess; links it did see keep theirs.
void tst_ConnectionsPage::bekenInferredIdsAreMarked()
{
    TcpPeer a, b;
    Fixture f(atb::sim::Dialect::BekenDoc);
    QVERIFY(f.h.ready());
    f.setText("openHost", QStringLiteral("127.0.0.1"));
    f.w<QSpinBox>("openId")->setValue(3);
    f.setText("openPort", QString::number(a.port()));
    QVERIFY(f.clickAndWait("openButton"));
    QAbstractItemModel *table = f.w<QTableView>("linkTable")->model();
    QCOMPARE(table->index(3, LinkTableModel::State).data().toString(), QStringLiteral("open"));
    QCOMPARE(table->index(0, LinkTableModel::State).data().toString(), QStringLiteral("closed"));
    // As after a restart of the program: the model forgets, the module keeps link 3.
    f.h.model.reset();
    QVERIFY(f.clickAndWait("readButton"));
    QCOMPARE(table->index(0, LinkTableModel::Id).data().toString(), QStringLiteral("0 (inferred)"));
    QVERIFY(table->index(0, LinkTableModel::Id, QModelIndex()).data(Qt::ToolTipRole).toString().contains(
        QLatin1String("+BIPSTATUS")));
    // Opened here: known again.
    f.w<QSpinBox>("openId")->setValue(4);
    f.setText("openPort", QString::number(b.port()));
    QVERIFY(f.clickAndWait("openButton"));
    QCOMPARE(table->index(4, LinkTableModel::Id).data().toString(), QStringLiteral("4"));
}

// A UDP link's data may go to another peer (AT+CIPSEND=<id>,<len>,"host",port); the row is
// only there for UDP links.
void tst_ConnectionsPage::udpSendToAnotherPeer()
{
    UdpEcho own, other;
    Fixture f;
    QVERIFY(f.h.ready());
    QVERIFY(f.clickAndWait("readButton"));
    f.w<QComboBox>("openType")->setCurrentText(QStringLiteral("UDP"));
    f.w<QComboBox>("openUdpMode")->setCurrentIndex(2);
    f.setText("openHost", QStringLiteral("127.0.0.1"));
    f.setText("openPort", QString::number(own.localPort()));
    QVERIFY(f.clickAndWait("openButton"));
    auto *host = f.w<QLineEdit>("sendPeerHost");
    QTRY_VERIFY(host->isVisibleTo(f.page.get()));
    f.setText("sendPeerHost", QStringLiteral("127.0.0.1"));
    f.setText("sendPeerPort", QString::number(other.localPort()));
    f.setText("sendText", QStringLiteral("there"));
    f.w<QCheckBox>("sendCrLf")->setChecked(true); // (the harness splits what it saw at CR LF)
    const QByteArray line = "AT+CIPSEND=7,\"127.0.0.1\"," + QByteArray::number(other.localPort());
    QCOMPARE(f.page->previewLines(), QList<QByteArray> { line });
    f.h.sent.clear();
    QVERIFY(f.clickAndWait("sendButton"));
    QCOMPARE(f.h.sent.first(), line);
    QTRY_COMPARE(other.received, QByteArray("there\r\n"));
    QVERIFY(own.received.isEmpty());
    f.setText("sendPeerPort", QStringLiteral("0"));
    f.setText("sendText", QStringLiteral("x"));
    f.h.sent.clear();
    QTest::mouseClick(f.w<QPushButton>("sendButton"), Qt::LeftButton);
    QVERIFY(!f.page->fieldError(ConnectionsPage::Form::Send, "remote_port").isEmpty());
    QVERIFY(f.h.drain() && f.h.sent.isEmpty());
}

// The PSK tab shows what the module holds, read back with AT+CIPSSLCPSK?, the identity masked.
void tst_ConnectionsPage::pskIsReadBackMasked()
{
    Fixture f(atb::sim::Dialect::BekenDoc);
    QVERIFY(f.h.ready());
    auto *state = f.w<QLabel>("pskState");
    QVERIFY(state->text().contains(QLatin1String("not read")));
    f.setText("pskEdit", QStringLiteral("identity-42"));
    f.setText("pskHint", QStringLiteral("the hint"));
    QVERIFY(f.clickAndWait("pskButton"));
    // A second page and service, as after a restart of the program: nothing known until read.
    ConnectionService service(&f.h.session, &f.h.model);
    ConnectionsPage page(&f.h.model, &service);
    auto *state2 = page.findChild<QLabel *>(QStringLiteral("pskState"));
    QVERIFY(state2->text().contains(QLatin1String("not read")));
    QSignalSpy done(&service, &ConnectionService::finished);
    f.h.sent.clear();
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("pskReadButton")), Qt::LeftButton);
    QVERIFY(done.wait(5000));
    QCOMPARE(f.h.sent, QList<QByteArray> { "AT+CIPSSLCPSK?" });
    QVERIFY2(state2->text().contains(QLatin1String("the hint")) && state2->text().contains(QLatin1String("11"))
                 && !state2->text().contains(QLatin1String("identity-42")),
             qPrintable(state2->text()));
    QVERIFY(state->text().contains(QLatin1String("the hint"))); // the first page saw the reply too
}

// ESP-AT's server from the Server tab: refused with CIPMUX=0, started with the limits, clients
// appear as links, stopped again.
void tst_ConnectionsPage::espServerFromTheServerTab()
{
    Fixture f;
    QVERIFY(f.h.ready());
    QVERIFY(f.clickAndWait("readButton"));
    auto *state = f.w<QLabel>("serverState");
    QVERIFY2(state->text().contains(QLatin1String("no server")), qPrintable(state->text()));
    const quint16 port = freeLoopbackPort();
    f.setText("serverPort", QString::number(port));
    f.w<QSpinBox>("serverMaxConn")->setValue(2);
    f.w<QSpinBox>("serverTimeout")->setValue(60);
    f.h.sent.clear();
    QTest::mouseClick(f.w<QPushButton>("serverStartButton"), Qt::LeftButton);
    QVERIFY(f.page->fieldError(ConnectionsPage::Form::Server, "server").contains(QLatin1String("CIPMUX=1")));
    QVERIFY(f.h.drain() && f.h.sent.isEmpty());

    f.w<QComboBox>("muxCombo")->setCurrentIndex(1);
    QVERIFY(f.clickAndWait("applyButton"));
    f.w<QTabWidget>("sideTabs")->setCurrentWidget(f.w<QWidget>("serverPanel"));
    f.w<QToolButton>("showAtButton")->setChecked(true);
    QCOMPARE(f.page->currentForm(), ConnectionsPage::Form::Server);
    const QList<QByteArray> lines { "AT+CIPSERVERMAXCONN=2", "AT+CIPSERVER=1," + QByteArray::number(port),
                                    "AT+CIPSTO=60", "AT+CIPSERVER?", "AT+CIPSERVERMAXCONN?", "AT+CIPSTO?" };
    QCOMPARE(f.page->previewLines(), lines);
    f.h.sent.clear();
    QVERIFY(f.clickAndWait("serverStartButton"));
    QCOMPARE(f.h.sent, lines);
    QVERIFY2(state->text().contains(QString::number(port)) && state->text().contains(QLatin1String("60 s")),
             qPrintable(state->text()));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(5000));
    QAbstractItemModel *table = f.w<QTableView>("linkTable")->model();
    QTRY_COMPARE(table->index(0, LinkTableModel::Role).data().toString(), QStringLiteral("server"));
    f.h.sent.clear();
    QVERIFY(f.clickAndWait("serverStopButton"));
    QCOMPARE(f.h.sent.first(), QByteArray("AT+CIPSERVER=0,1"));
    QVERIFY(state->text().contains(QLatin1String("no server")));
    QTRY_COMPARE(table->index(0, LinkTableModel::State).data().toString(), QStringLiteral("closed"));
}

QTEST_MAIN(tst_ConnectionsPage)
#include "tst_connectionspage.moc"
