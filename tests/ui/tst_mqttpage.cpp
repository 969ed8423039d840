// The MQTT page on the real core (session, model, MqttService), the in-process simulator and a
// mosquitto on 127.0.0.1 the test starts: the done-when flows of issue 4 driven through the
// widgets (no AT typed by hand), with the exact lines the module received.
#include "dialogs/messages.h"
#include "mosquittobroker.h"
#include "screenshotdir.h"
#include "pages/mqttpage.h"
#include "secretstore.h"
#include "services/mqttservice.h"
#include "loopbackpeers.h"
#include "simharness.h"
#include "widgets/mqttmessagemodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

using atb::MqttService;

namespace {

struct Fixture
{
    explicit Fixture(SecretStore *secrets = nullptr, Messages *messages = nullptr)
        : harness(atb::sim::Dialect::Esp, true), service(&harness.session, &harness.model),
          page(&harness.model, &service, secrets, messages)
    {
        page.resize(1110, 700);
        // Shown, so its layouts run and the buttons on the tabs can be clicked.
        page.show();
    }
    bool ready() { return harness.ready(); }
    template<typename T> T *w(const char *name) { return page.findChild<T *>(QLatin1String(name)); }
    void set(const char *name, const QString &text)
    {
        QLineEdit *e = w<QLineEdit>(name);
        QVERIFY2(e, name);
        e->clear();
        if (!text.isEmpty())
            QTest::keyClicks(e, text);
    }
    void setSpin(const char *name, int v)
    {
        QSpinBox *s = w<QSpinBox>(name);
        QVERIFY2(s, name);
        s->setValue(v);
    }
    void click(const char *name)
    {
        QPushButton *b = w<QPushButton>(name);
        QVERIFY2(b, name);
        QVERIFY2(b->isEnabled(), name);
        QTest::mouseClick(b, Qt::LeftButton);
    }
    bool waitIdle(int ms = 20000)
    {
        return QTest::qWaitFor([this] { return !service.isBusy(); }, ms);
    }

    SimHarness harness;
    MqttService service;
    MqttPage page;
};

void fillBroker(Fixture &f, const QString &clientId, quint16 port)
{
    f.set("clientIdEdit", clientId);
    f.set("hostEdit", QStringLiteral("127.0.0.1"));
    f.setSpin("portSpin", port);
    f.setSpin("keepAliveSpin", 30);
}

} // namespace

class tst_MqttPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void configureAndConnectSendExactlyThePreview();
    void longClientIdGoesThroughMqttClientIdAndShowAtSaysSo();
    void messageFromMosquittoPubAppearsInTheFeedByteExact();
    void publishFromThePageArrivesByteExact_data();
    void publishFromThePageArrivesByteExact();
    void publishAFileChosenThroughMessagesRaw();
    void retranslatesOnLanguageChange();
    void invalidInputSendsNothingAndShowsTheReasonBesideTheField_data();
    void invalidInputSendsNothingAndShowsTheReasonBesideTheField();
    void moduleErrorIsShownInWords();
    void brokerDropShowsState3Live();
    void alreadySubscribedAndNoUnsubscribeAreNotes();
    void shortcutsApplyAndRead();
    void feedFilterPauseClearAndBound();
    void passwordIsRememberedInTheSecretStore();
    void connectAppliesTheFormFirst();
    void alpnCanBeCleared();
    void longFieldsHaveExplicitControl();
    void readRemovesStaleSubscriptions();
    void screenshots();

private:
    mqtttest::MosquittoBroker m_broker;
};

void tst_MqttPage::initTestCase()
{
    const QString missing = mqtttest::missingTools();
    if (!missing.isEmpty())
        QFAIL(qPrintable(QStringLiteral("required tools missing: ") + missing));
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
}

void tst_MqttPage::cleanupTestCase()
{
    m_broker.stop();
}

void tst_MqttPage::configureAndConnectSendExactlyThePreview()
{
    Fixture f;
    QVERIFY(f.ready());
    f.page.show();
    fillBroker(f, QStringLiteral("page-1"), m_broker.port());
    f.set("usernameEdit", QStringLiteral("bench"));
    f.set("passwordEdit", QStringLiteral("s3cr,et"));
    f.set("lwtTopicEdit", QStringLiteral("bench/status"));
    f.set("lwtMessageEdit", QStringLiteral("offline"));
    QVERIFY(f.page.isDirty());
    QVERIFY(f.w<QPushButton>("revertButton")->isEnabled());

    // Show AT lists the exact lines; the password is masked unless shown.
    f.w<QToolButton>("showAtButton")->click();
    QVERIFY(f.w<QPlainTextEdit>("atPreview")->isVisible());
    QVERIFY(!f.w<QPlainTextEdit>("atPreview")->toPlainText().contains(QLatin1String("s3cr")));
    f.w<QToolButton>("showPasswordButton")->click();
    QVERIFY(f.w<QPlainTextEdit>("atPreview")->toPlainText().contains(QLatin1String("s3cr\\,et")));
    const QList<QByteArray> preview = f.page.previewLines();
    const QByteArray port = QByteArray::number(m_broker.port());
    QCOMPARE(preview, (QList<QByteArray> { "AT+MQTTUSERCFG=0,1,\"page-1\",\"bench\",\"s3cr\\,et\",0,0,\"\"",
                                           "AT+MQTTCONNCFG=0,30,0,\"bench/status\",\"offline\",0,0",
                                           "AT+SYSLOG=1", "AT+MQTTCONN=0,\"127.0.0.1\"," + port + ",0" }));

    f.click("applyButton");
    QVERIFY(f.page.isBusy()); // the form is busy while its commands run
    QVERIFY(!f.w<QTabWidget>("mqttTabs")->isEnabled());
    QVERIFY(f.w<QProgressBar>("busyIndicator")->isVisible());
    QVERIFY(f.waitIdle());
    QVERIFY(f.w<QTabWidget>("mqttTabs")->isEnabled());
    QVERIFY(!f.w<QProgressBar>("busyIndicator")->isVisible());
    QVERIFY2(f.page.statusText().contains(QLatin1String("accepted")), qPrintable(f.page.statusText()));
    QVERIFY(!f.page.isDirty());
    f.click("connectButton");
    QVERIFY(f.waitIdle());
    QCOMPARE(f.harness.sent, preview);
    QTRY_VERIFY(f.w<QLabel>("stateLabel")->text().contains(atb::MqttState::stateText(4)));
    QVERIFY2(f.page.statusText().contains(QLatin1String("Connected")), qPrintable(f.page.statusText()));
    QVERIFY(!f.w<QPushButton>("connectButton")->isEnabled());
}

void tst_MqttPage::longClientIdGoesThroughMqttClientIdAndShowAtSaysSo()
{
    Fixture f;
    QVERIFY(f.ready());
    const QString longId = QStringLiteral("device-") + QString(218, QLatin1Char('x')); // 225 bytes
    fillBroker(f, longId, m_broker.port());
    f.w<QToolButton>("showAtButton")->click();
    const QString shown = f.w<QPlainTextEdit>("atPreview")->toPlainText();
    QVERIFY2(shown.contains(QLatin1String("AT+MQTTCLIENTID=0,\"device-")), qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("placeholder")), qPrintable(shown));
    QVERIFY(f.page.fieldError("client_id").isEmpty());
    const QList<QByteArray> preview = f.page.previewLines();
    QCOMPARE(preview.size(), 5); // USERCFG, CLIENTID, CONNCFG, then SYSLOG and CONN
    QCOMPARE(preview.at(1), "AT+MQTTCLIENTID=0,\"" + longId.toUtf8() + "\"");
    f.click("applyButton");
    QVERIFY(f.waitIdle());
    QVERIFY2(f.page.statusText().contains(QLatin1String("accepted")), qPrintable(f.page.statusText()));
    QCOMPARE(f.harness.sent, preview.mid(0, 3));
    // The form keeps the real client ID (not the placeholder the module saw in USERCFG).
    QCOMPARE(f.w<QLineEdit>("clientIdEdit")->text(), longId);
    QVERIFY(!f.page.isDirty());
}

void tst_MqttPage::messageFromMosquittoPubAppearsInTheFeedByteExact()
{
    Fixture f;
    QVERIFY(f.ready());
    fillBroker(f, QStringLiteral("page-feed"), m_broker.port());
    f.click("applyButton");
    QVERIFY(f.waitIdle());
    f.click("connectButton");
    QVERIFY(f.waitIdle());
    f.page.setCurrentTab(MqttPage::SubscriptionsTab);
    f.set("subTopicEdit", QStringLiteral("feed/+/data"));
    f.setSpin("subQosSpin", 1);
    f.harness.sent.clear();
    f.click("subscribeButton");
    QVERIFY(f.waitIdle());
    QCOMPARE(f.harness.sent, QList<QByteArray> { "AT+MQTTSUB=0,\"feed/+/data\",1" });
    QCOMPARE(f.page.findChild<QTableWidget *>(QStringLiteral("subscriptionTable"))->rowCount(), 1);

    const QByteArray payload("{\"t\":21.5,\"s\":\"a,b\"}\r\nOK\r\n\0\xff", 29);
    QCOMPARE(m_broker.publish(QStringLiteral("feed/x/data"), payload), 0);
    QTRY_COMPARE_WITH_TIMEOUT(f.page.feedModel()->rowCount(), 1, 10000);
    const QModelIndex row = f.page.feedModel()->index(0, MqttMessageModel::TopicColumn);
    QCOMPARE(row.data().toString(), QStringLiteral("feed/x/data"));
    QCOMPARE(row.data(MqttMessageModel::PayloadRole).toByteArray(), payload);
    QCOMPARE(f.page.feedModel()->index(0, MqttMessageModel::QosColumn).data().toString(), QStringLiteral("1"));
    // Shown as hex in the detail view, byte for byte.
    f.w<QComboBox>("feedFormatCombo")->setCurrentIndex(2);
    f.w<QTableView>("feedView")->setCurrentIndex(f.page.feedFilter()->index(0, 0));
    const QString detail = f.w<QPlainTextEdit>("feedDetail")->toPlainText();
    QVERIFY2(detail.contains(QLatin1String("0d 0a 4f 4b 0d 0a 00 ff")), qPrintable(detail));
}

void tst_MqttPage::publishFromThePageArrivesByteExact_data()
{
    QTest::addColumn<int>("format"); // 0 text, 1 hex
    QTest::addColumn<bool>("raw");
    QTest::addColumn<bool>("escapes");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("string with commas and quotes")
        << 0 << false << false << QStringLiteral("{\"a\":\"x,y\",\"b\":\"back\\slash\"}")
        << QByteArray("{\"a\":\"x,y\",\"b\":\"back\\slash\"}")
        << QByteArray("AT+MQTTPUB=0,\"page/out\",\"{\\\"a\\\":\\\"x\\,y\\\"\\,\\\"b\\\":\\\"back\\\\slash\\\"}\",1,0");
    QTest::newRow("raw from hex with CR LF and NUL")
        << 1 << true << false << QStringLiteral("00 0d 0a 4f 4b 0d 0a 2c 22 00")
        << QByteArray("\0\r\nOK\r\n,\"\0", 10) << QByteArray("AT+MQTTPUBRAW=0,\"page/out\",10,1,0");
    QTest::newRow("raw from text with escapes")
        << 0 << true << true << QStringLiteral("line1\\r\\nline2\\0end") << QByteArray("line1\r\nline2\0end", 16)
        << QByteArray("AT+MQTTPUBRAW=0,\"page/out\",16,1,0");
}

void tst_MqttPage::publishFromThePageArrivesByteExact()
{
    QFETCH(int, format);
    QFETCH(bool, raw);
    QFETCH(bool, escapes);
    QFETCH(QString, typed);
    QFETCH(QByteArray, expected);
    QFETCH(QByteArray, line);
    Fixture f;
    QVERIFY(f.ready());
    fillBroker(f, QStringLiteral("page-pub"), m_broker.port());
    f.click("applyButton");
    QVERIFY(f.waitIdle());
    f.click("connectButton");
    QVERIFY(f.waitIdle());
    mqtttest::MosquittoSubscriber sub;
    QVERIFY(sub.start(m_broker.port(), QStringLiteral("page/out")));

    f.page.setCurrentTab(MqttPage::PublishTab);
    f.set("pubTopicEdit", QStringLiteral("page/out"));
    f.w<QComboBox>("pubFormatCombo")->setCurrentIndex(format);
    f.w<QComboBox>("pubModeCombo")->setCurrentIndex(raw ? 1 : 0);
    f.w<QCheckBox>("pubEscapesCheck")->setChecked(escapes);
    f.w<QPlainTextEdit>("pubPayloadEdit")->setPlainText(typed);
    f.setSpin("pubQosSpin", 1);
    const QList<QByteArray> preview = f.page.previewLines();
    QCOMPARE(preview, QList<QByteArray> { line });
    f.harness.sent.clear();
    f.click("publishButton");
    QVERIFY(f.waitIdle());
    QVERIFY2(!f.page.statusText().contains(QLatin1String("fail"), Qt::CaseInsensitive), qPrintable(f.page.statusText()));
    QCOMPARE(f.harness.sent.first(), preview.first());
    QCOMPARE(sub.nextPayload(), expected);
}

void tst_MqttPage::publishAFileChosenThroughMessagesRaw()
{
    Messages messages(nullptr);
    messages.setScripted(true);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("blob.bin"));
    QByteArray blob;
    for (int i = 0; i < 600; ++i)
        blob.append(char(i * 31));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(blob);
    }
    messages.setScriptedFileName(path);
    Fixture f(nullptr, &messages);
    QVERIFY(f.ready());
    fillBroker(f, QStringLiteral("page-file"), m_broker.port());
    f.click("applyButton");
    QVERIFY(f.waitIdle());
    f.click("connectButton");
    QVERIFY(f.waitIdle());
    mqtttest::MosquittoSubscriber sub;
    QVERIFY(sub.start(m_broker.port(), QStringLiteral("page/file")));
    f.page.setCurrentTab(MqttPage::PublishTab);
    f.page.show();
    f.set("pubTopicEdit", QStringLiteral("page/file"));
    f.w<QComboBox>("pubFormatCombo")->setCurrentIndex(2); // File: sent raw
    QCOMPARE(f.w<QComboBox>("pubModeCombo")->currentIndex(), 1);
    f.click("pubBrowseButton");
    QCOMPARE(f.w<QLineEdit>("pubFileEdit")->text(), path);
    QCOMPARE(f.page.previewLines(), QList<QByteArray> { "AT+MQTTPUBRAW=0,\"page/file\",600,0,0" });
    f.harness.sent.clear();
    f.click("publishButton");
    QVERIFY(f.waitIdle());
    QCOMPARE(f.harness.sent.first(), QByteArray("AT+MQTTPUBRAW=0,\"page/file\",600,0,0"));
    QCOMPARE(sub.nextPayload(), blob);
}

void tst_MqttPage::retranslatesOnLanguageChange()
{
    Fixture f;
    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(":/i18n/atbench_zh_CN.qm")));
    QCoreApplication::installTranslator(&zh); // sends LanguageChange to every widget
    QCoreApplication::processEvents();
    QCOMPARE(f.w<QLabel>("stateLabel")->text(), QStringLiteral("0 — %1").arg(atb::MqttState::stateText(0)));
    QVERIFY(!f.page.windowTitle().isEmpty());
    f.page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.page));
    ScreenshotDir shots;
    QVERIFY(shots.isValid());
    QVERIFY(f.page.grab().save(shots.filePath(QStringLiteral("mqtt_page_zh_CN.png"))));
    QCoreApplication::removeTranslator(&zh);
    QCoreApplication::processEvents();
    QCOMPARE(f.page.windowTitle(), QStringLiteral("MQTT"));
}

void tst_MqttPage::invalidInputSendsNothingAndShowsTheReasonBesideTheField_data()
{
    QTest::addColumn<int>("tab");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("number");
    QTest::addColumn<QByteArray>("param");
    QTest::addColumn<QString>("button");
    QTest::newRow("topic over 128 bytes") << int(MqttPage::PublishTab) << "pubTopicEdit" << QString(129, QLatin1Char('t'))
                                          << -1 << QByteArray("topic") << "publishButton";
    QTest::newRow("qos 3") << int(MqttPage::PublishTab) << "pubQosSpin" << QString() << 3 << QByteArray("qos")
                           << "publishButton";
    QTest::newRow("string with NUL suggests raw")
        << int(MqttPage::PublishTab) << "pubPayloadEdit" << QStringLiteral("a\\0b") << -1 << QByteArray("data")
        << "publishButton";
    QTest::newRow("keepalive 7201") << int(MqttPage::BrokerTab) << "keepAliveSpin" << QString() << 7201
                                    << QByteArray("keepalive") << "applyButton";
    QTest::newRow("client id too long even for MQTTCLIENTID")
        << int(MqttPage::BrokerTab) << "clientIdEdit" << QString(240, QLatin1Char('c')) << -1 << QByteArray("client_id")
        << "applyButton";
    QTest::newRow("empty client id") << int(MqttPage::BrokerTab) << "clientIdEdit" << QString() << -1
                                     << QByteArray("client_id") << "applyButton";
    QTest::newRow("path over 32 bytes") << int(MqttPage::BrokerTab) << "pathEdit" << QString(33, QLatin1Char('p')) << -1
                                        << QByteArray("path") << "applyButton";
    QTest::newRow("six ALPN names") << int(MqttPage::BrokerTab) << "alpnEdit" << QStringLiteral("a,b,c,d,e,f") << -1
                                    << QByteArray("alpn") << "applyButton";
    QTest::newRow("port 0") << int(MqttPage::BrokerTab) << "portSpin" << QString() << 0 << QByteArray("port")
                            << "connectButton";
    QTest::newRow("host not IPv4") << int(MqttPage::BrokerTab) << "hostEdit" << QStringLiteral("256.1.1.1") << -1
                                   << QByteArray("host") << "connectButton";
    QTest::newRow("subscribe qos 3") << int(MqttPage::SubscriptionsTab) << "subQosSpin" << QString() << 3
                                     << QByteArray("qos") << "subscribeButton";
}

void tst_MqttPage::invalidInputSendsNothingAndShowsTheReasonBesideTheField()
{
    QFETCH(int, tab);
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(int, number);
    QFETCH(QByteArray, param);
    QFETCH(QString, button);
    Fixture f;
    QVERIFY(f.ready());
    f.page.show();
    fillBroker(f, QStringLiteral("page-invalid"), m_broker.port());
    f.set("pubTopicEdit", QStringLiteral("t"));
    f.w<QPlainTextEdit>("pubPayloadEdit")->setPlainText(QStringLiteral("x"));
    f.w<QCheckBox>("pubEscapesCheck")->setChecked(true);
    f.set("subTopicEdit", QStringLiteral("t"));
    f.page.setCurrentTab(MqttPage::Tab(tab));
    const QByteArray fieldName = field.toLatin1();
    if (number >= 0)
        f.setSpin(fieldName.constData(), number);
    else if (auto *pe = f.w<QPlainTextEdit>(fieldName.constData()))
        pe->setPlainText(text);
    else
        f.set(fieldName.constData(), text);
    // The reason is beside the field before anything is sent (an empty required field only
    // once the button is pressed) ...
    const bool emptyRequired = number < 0 && text.isEmpty();
    QLabel *beside = f.page.findChild<QLabel *>(field + QStringLiteral("Error"));
    QVERIFY(beside);
    if (!emptyRequired) {
        QVERIFY2(!f.page.fieldError(param).isEmpty(), param.constData());
        QVERIFY(beside->isVisible());
    }
    // ... and pressing the button sends nothing.
    f.harness.sent.clear();
    QSignalSpy started(&f.harness.session, &atb::DeviceSession::commandStarted);
    f.click(button.toLatin1().constData());
    QVERIFY(!f.page.isBusy());
    QCOMPARE(started.count(), 0); // a command would have started at once (the queue is idle)
    QVERIFY(f.harness.sent.isEmpty());
    QVERIFY2(f.page.statusText().startsWith(QLatin1String("Not sent")), qPrintable(f.page.statusText()));
    QVERIFY2(!f.page.fieldError(param).isEmpty(), param.constData());
    QVERIFY(beside->isVisible());
    QCOMPARE(beside->text(), f.page.fieldError(param));
    QVERIFY2(!beside->text().contains(QLatin1String("0x")), qPrintable(beside->text()));
    if (param == "data")
        QVERIFY2(beside->text().contains(QLatin1String("AT+MQTTPUBRAW")), qPrintable(beside->text()));
}

void tst_MqttPage::moduleErrorIsShownInWords()
{
    Fixture f;
    QVERIFY(f.ready());
    const quint16 closed = freeLoopbackPort(); // nobody listens: the module cannot start its client
    fillBroker(f, QStringLiteral("page-err"), closed);
    f.harness.sent.clear();
    f.click("connectButton"); // Connect turns error codes on first (ESP-AT), then connects
    QVERIFY(f.waitIdle());
    QCOMPARE(f.harness.sent.mid(2), (QList<QByteArray> { "AT+SYSLOG=1",
                                                         "AT+MQTTCONN=0,\"127.0.0.1\"," + QByteArray::number(closed) + ",0" }));
    const QString status = f.page.statusText();
    QVERIFY2(status.contains(QLatin1String("AT_MQTT_CLIENT_START_FAILED")), qPrintable(status));
    QVERIFY2(!status.contains(QLatin1String("0x")), qPrintable(status));
    QCOMPARE(f.w<QLabel>("statusLabel")->text(), status);
}

void tst_MqttPage::brokerDropShowsState3Live()
{
    Fixture f;
    QVERIFY(f.ready());
    fillBroker(f, QStringLiteral("page-drop"), m_broker.port());
    f.click("applyButton");
    QVERIFY(f.waitIdle());
    f.click("connectButton");
    QVERIFY(f.waitIdle());
    QTRY_VERIFY(f.w<QLabel>("stateLabel")->text().startsWith(QLatin1String("4")));
    f.harness.module->dropBrokerConnection();
    QTRY_VERIFY_WITH_TIMEOUT(f.w<QLabel>("stateLabel")->text().contains(atb::MqttState::stateText(3)), 5000);
    QVERIFY(f.w<QLabel>("stateLabel")->text().startsWith(QLatin1String("3")));
    QVERIFY(f.w<QPushButton>("connectButton")->isEnabled());
}

void tst_MqttPage::alreadySubscribedAndNoUnsubscribeAreNotes()
{
    Fixture f;
    QVERIFY(f.ready());
    fillBroker(f, QStringLiteral("page-notes"), m_broker.port());
    f.click("applyButton");
    QVERIFY(f.waitIdle());
    f.click("connectButton");
    QVERIFY(f.waitIdle());
    f.page.setCurrentTab(MqttPage::SubscriptionsTab);
    f.set("subTopicEdit", QStringLiteral("notes/a"));
    f.click("subscribeButton");
    QVERIFY(f.waitIdle());
    f.click("subscribeButton");
    QVERIFY(f.waitIdle());
    QVERIFY2(f.page.statusText().contains(QLatin1String("ALREADY SUBSCRIBE")), qPrintable(f.page.statusText()));
    f.set("subTopicEdit", QStringLiteral("notes/never"));
    f.click("unsubscribeButton");
    QVERIFY(f.waitIdle());
    QVERIFY2(f.page.statusText().contains(QLatin1String("NO UNSUBSCRIBE")), qPrintable(f.page.statusText()));
    QCOMPARE(f.harness.sent.last(), QByteArray("AT+MQTTUNSUB=0,\"notes/never\""));
}

void tst_MqttPage::shortcutsApplyAndRead()
{
    Fixture f;
    QVERIFY(f.ready());
    f.page.show();
    QApplication::setActiveWindow(&f.page);
    QVERIFY(QTest::qWaitForWindowActive(&f.page));
    fillBroker(f, QStringLiteral("page-keys"), m_broker.port());
    f.w<QLineEdit>("clientIdEdit")->setFocus();
    f.harness.sent.clear();
    QTest::keyClick(f.w<QLineEdit>("clientIdEdit"), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(f.waitIdle());
    QCOMPARE(f.harness.sent.size(), 2);
    QVERIFY(f.harness.sent.first().startsWith("AT+MQTTUSERCFG=0,1,\"page-keys\""));
    f.harness.sent.clear();
    QTest::keyClick(f.w<QLineEdit>("clientIdEdit"), Qt::Key_F5);
    QVERIFY(f.waitIdle());
    QCOMPARE(f.harness.sent, (QList<QByteArray> { "AT+MQTTCONN?", "AT+MQTTSUB?" }));
}

void tst_MqttPage::feedFilterPauseClearAndBound()
{
    Fixture f;
    auto message = [](const QString &topic, const QByteArray &payload) {
        atb::MqttMessage m;
        m.time = QDateTime::currentDateTime();
        m.topic = topic;
        m.payload = payload;
        return m;
    };
    emit f.service.messageReceived(message(QStringLiteral("home/kitchen/temp"), "21"));
    emit f.service.messageReceived(message(QStringLiteral("home/hall/temp"), "19"));
    emit f.service.messageReceived(message(QStringLiteral("office/temp"), "{\"v\":1}"));
    QCOMPARE(f.page.feedModel()->rowCount(), 3);
    f.set("feedFilterEdit", QStringLiteral("home/+/temp"));
    QCOMPARE(f.page.feedFilter()->rowCount(), 2);
    f.set("feedFilterEdit", QStringLiteral("#"));
    QCOMPARE(f.page.feedFilter()->rowCount(), 3);
    f.set("feedFilterEdit", QStringLiteral("OFFICE"));
    QCOMPARE(f.page.feedFilter()->rowCount(), 1);
    f.w<QComboBox>("feedFormatCombo")->setCurrentIndex(1);
    f.w<QTableView>("feedView")->setCurrentIndex(f.page.feedFilter()->index(0, 0));
    QCOMPARE(f.w<QPlainTextEdit>("feedDetail")->toPlainText(), QStringLiteral("{\n    \"v\": 1\n}"));
    f.set("feedFilterEdit", QString());

    // Pause holds new messages back; resuming shows them in order.
    f.w<QToolButton>("pauseButton")->click();
    emit f.service.messageReceived(message(QStringLiteral("late"), "x"));
    QCOMPARE(f.page.feedModel()->rowCount(), 3);
    QVERIFY(f.w<QLabel>("feedCountLabel")->text().contains(QLatin1String("1 waiting")));
    f.w<QToolButton>("pauseButton")->click();
    QCOMPARE(f.page.feedModel()->rowCount(), 4);
    QCOMPARE(f.page.feedModel()->message(3).topic, QStringLiteral("late"));

    f.w<QToolButton>("clearFeedButton")->click();
    QCOMPARE(f.page.feedModel()->rowCount(), 0);

    // Bounded: the oldest drop out.
    QList<atb::MqttMessage> many;
    for (int i = 0; i < f.page.feedModel()->capacity() + 5; ++i)
        many << message(QStringLiteral("n/%1").arg(i), QByteArray::number(i));
    f.page.feedModel()->append(many);
    QCOMPARE(f.page.feedModel()->rowCount(), 10000);
    QCOMPARE(f.page.feedModel()->message(0).topic, QStringLiteral("n/5"));
    QCOMPARE(f.page.feedModel()->droppedCount(), qint64(5));
}

void tst_MqttPage::passwordIsRememberedInTheSecretStore()
{
    SecretStore store;
    store.setMemoryOnly(true);
    Fixture f(&store);
    QVERIFY(f.ready());
    fillBroker(f, QStringLiteral("page-secret"), m_broker.port());
    f.set("usernameEdit", QStringLiteral("alice"));
    f.set("passwordEdit", QStringLiteral("pa55"));
    f.w<QCheckBox>("rememberPasswordCheck")->setChecked(true);
    QSignalSpy saved(&store, &SecretStore::saved);
    f.click("applyButton");
    QVERIFY(f.waitIdle());
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(saved.first().first().toString(), QStringLiteral("mqtt/127.0.0.1/alice"));

    // Another page on the same store finds it for the same host and user.
    atb::MqttService svc2(&f.harness.session, &f.harness.model);
    MqttPage page2(&f.harness.model, &svc2, &store);
    auto *host = page2.findChild<QLineEdit *>(QStringLiteral("hostEdit"));
    auto *user = page2.findChild<QLineEdit *>(QStringLiteral("usernameEdit"));
    auto *pwd = page2.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    host->setText(QStringLiteral("127.0.0.1"));
    pwd->clear();
    user->setText(QStringLiteral("alice"));
    emit user->editingFinished();
    QTRY_COMPARE(pwd->text(), QStringLiteral("pa55"));
    QVERIFY(page2.findChild<QCheckBox *>(QStringLiteral("rememberPasswordCheck"))->isChecked());
}

void tst_MqttPage::screenshots()
{
    Fixture f;
    QVERIFY(f.ready());
    f.page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.page));
    // First look: nothing configured, no complaints about fields not filled in yet.
    QVERIFY(f.page.fieldError("client_id").isEmpty());
    QVERIFY(f.page.fieldError("host").isEmpty());
    ScreenshotDir shots;
    QVERIFY(shots.isValid());
    QVERIFY(f.page.grab().save(shots.filePath(QStringLiteral("mqtt_page_initial.png"))));
    fillBroker(f, QStringLiteral("bench-demo"), m_broker.port());
    f.set("usernameEdit", QStringLiteral("bench"));
    f.set("passwordEdit", QStringLiteral("secret"));
    f.set("lwtTopicEdit", QStringLiteral("bench/status"));
    f.set("lwtMessageEdit", QStringLiteral("offline"));
    f.click("applyButton");
    QVERIFY(f.waitIdle());
    f.click("connectButton");
    QVERIFY(f.waitIdle());
    f.page.setCurrentTab(MqttPage::SubscriptionsTab);
    f.set("subTopicEdit", QStringLiteral("sensors/#"));
    f.click("subscribeButton");
    QVERIFY(f.waitIdle());
    QCOMPARE(m_broker.publish(QStringLiteral("sensors/kitchen/temp"), "{\"celsius\":21.5,\"ok\":true}"), 0);
    QCOMPARE(m_broker.publish(QStringLiteral("sensors/door"), QByteArray("open\r\n\0", 7)), 0);
    QTRY_COMPARE_WITH_TIMEOUT(f.page.feedModel()->rowCount(), 2, 10000);
    f.w<QTableView>("feedView")->setCurrentIndex(f.page.feedFilter()->index(0, 0));
    f.w<QComboBox>("feedFormatCombo")->setCurrentIndex(1);

    f.page.setCurrentTab(MqttPage::BrokerTab);
    f.setSpin("keepAliveSpin", 7201);  // shows the reason beside the field
    f.w<QToolButton>("showAtButton")->click();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(f.page.grab().save(shots.filePath(QStringLiteral("mqtt_page_broker.png"))));
    f.setSpin("keepAliveSpin", 30);
    f.page.setCurrentTab(MqttPage::PublishTab);
    f.set("pubTopicEdit", QStringLiteral("bench/out"));
    f.w<QPlainTextEdit>("pubPayloadEdit")->setPlainText(QStringLiteral("{\"cmd\":\"blink\",\"n\":3}"));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(f.page.grab().save(shots.filePath(QStringLiteral("mqtt_page_publish.png"))));
    f.page.setCurrentTab(MqttPage::SubscriptionsTab);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(f.page.grab().save(shots.filePath(QStringLiteral("mqtt_page_subscriptions.png"))));
    // The smallest the window allows: everything still reachable (the broker form scrolls).
    f.page.resize(f.page.minimumSizeHint().expandedTo(QSize(800, 560)));
    f.page.setCurrentTab(MqttPage::BrokerTab);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(f.page.grab().save(shots.filePath(QStringLiteral("mqtt_page_small.png"))));
}

// The issue's case: host and client ID filled in, Apply not pressed. Connect applies the form
// first (with AT+SYSLOG=1, so a failure would come in words) and connects; with an invalid
// configuration it says why and sends nothing.
void tst_MqttPage::connectAppliesTheFormFirst()
{
    Fixture f;
    QVERIFY(f.ready());
    f.set("hostEdit", QStringLiteral("127.0.0.1"));
    f.setSpin("portSpin", m_broker.port());
    QVERIFY(f.page.configurationPending());
    // No client ID yet: Connect says why it cannot, beside the field and on its tooltip.
    QVERIFY(f.w<QPushButton>("connectButton")->toolTip().contains(QLatin1String("client ID")));
    f.click("connectButton");
    QVERIFY(!f.page.isBusy());
    QVERIFY(f.harness.drain() && f.harness.sent.isEmpty());
    QVERIFY2(f.page.statusText().contains(QLatin1String("client ID")), qPrintable(f.page.statusText()));
    QVERIFY(!f.page.fieldError("client_id").isEmpty());

    f.set("clientIdEdit", QStringLiteral("page-direct"));
    QVERIFY(!f.w<QPushButton>("connectButton")->toolTip().contains(QLatin1String("Fix")));
    f.w<QToolButton>("showAtButton")->click();
    QVERIFY(f.w<QPlainTextEdit>("atPreview")->toPlainText().contains(QLatin1String("the configuration first")));
    f.click("connectButton");
    QVERIFY(f.waitIdle());
    const QByteArray port = QByteArray::number(m_broker.port());
    QCOMPARE(f.harness.sent, (QList<QByteArray> { "AT+MQTTUSERCFG=0,1,\"page-direct\",\"\",\"\",0,0,\"\"",
                                                  "AT+MQTTCONNCFG=0,0,0,\"\",\"\",0,0", "AT+SYSLOG=1",
                                                  "AT+MQTTCONN=0,\"127.0.0.1\"," + port + ",0" }));
    QTRY_VERIFY(f.w<QLabel>("stateLabel")->text().contains(atb::MqttState::stateText(4)));
    QVERIFY2(f.page.statusText().contains(QLatin1String("Connected")), qPrintable(f.page.statusText()));
    QVERIFY(!f.page.configurationPending());
    QCOMPARE(f.harness.model.sysLog(), 1);
    // The session log says why AT+SYSLOG=1 went out.
    bool said = false;
    for (const atb::LogRecord &r : f.harness.session.log()->snapshot())
        said = said || r.text.contains("AT+SYSLOG=1 first");
    QVERIFY(said);
}

// "Clear the module's list" sends AT+MQTTALPN=0,0 although this session never set one; it is
// only offered with no names in the field.
void tst_MqttPage::alpnCanBeCleared()
{
    Fixture f;
    QVERIFY(f.ready());
    fillBroker(f, QStringLiteral("page-alpn"), m_broker.port());
    auto *clear = f.w<QCheckBox>("clearAlpnCheck");
    QVERIFY(clear->isEnabled());
    f.set("alpnEdit", QStringLiteral("mqtt"));
    QVERIFY(!clear->isEnabled());
    f.set("alpnEdit", QString());
    QVERIFY(clear->isEnabled());
    QVERIFY(!f.page.previewLines().join('\n').contains("AT+MQTTALPN"));
    clear->setChecked(true);
    QVERIFY(f.page.previewLines().contains("AT+MQTTALPN=0,0"));
    f.click("applyButton");
    QVERIFY(f.waitIdle());
    QVERIFY2(f.page.statusText().contains(QLatin1String("accepted")), qPrintable(f.page.statusText()));
    QCOMPARE(f.harness.sent.last(), QByteArray("AT+MQTTALPN=0,0"));
}

// Client ID, user name and password can be sent through their own commands on purpose; values
// too long for AT+MQTTUSERCFG always are, and their box says so (ticked, locked).
void tst_MqttPage::longFieldsHaveExplicitControl()
{
    Fixture f;
    QVERIFY(f.ready());
    fillBroker(f, QStringLiteral("page-long"), m_broker.port());
    f.set("usernameEdit", QStringLiteral("bench"));
    auto *user = f.w<QCheckBox>("separateUsernameCheck");
    auto *pass = f.w<QCheckBox>("separatePasswordCheck");
    QVERIFY(!user->isChecked() && user->isEnabled());
    user->setChecked(true);
    QList<QByteArray> lines = f.page.previewLines();
    QCOMPARE(lines.at(0), QByteArray("AT+MQTTUSERCFG=0,1,\"page-long\",\"\",\"\",0,0,\"\""));
    QCOMPARE(lines.at(1), QByteArray("AT+MQTTUSERNAME=0,\"bench\""));
    // A 65-byte password does not fit AT+MQTTUSERCFG (64): forced through AT+MQTTPASSWORD.
    f.set("passwordEdit", QString(65, QLatin1Char('p')));
    QVERIFY(pass->isChecked());
    QVERIFY(!pass->isEnabled());
    lines = f.page.previewLines();
    QVERIFY(lines.at(2).startsWith("AT+MQTTPASSWORD=0,\""));
    f.click("applyButton");
    QVERIFY(f.waitIdle());
    QVERIFY2(f.page.statusText().contains(QLatin1String("accepted")), qPrintable(f.page.statusText()));
    QCOMPARE(f.harness.sent, lines.mid(0, 4));
    // Short again: the box is the user's once more (unticked: they never ticked it).
    f.set("passwordEdit", QStringLiteral("short"));
    QVERIFY(pass->isEnabled());
    QVERIFY(!pass->isChecked());
}

// AT+MQTTSUB? lists what the module has: a row it no longer lists goes from the table.
void tst_MqttPage::readRemovesStaleSubscriptions()
{
    Fixture f;
    QVERIFY(f.ready());
    fillBroker(f, QStringLiteral("page-subs"), m_broker.port());
    f.click("connectButton");
    QVERIFY(f.waitIdle());
    f.page.setCurrentTab(MqttPage::SubscriptionsTab);
    f.set("subTopicEdit", QStringLiteral("kept/#"));
    f.click("subscribeButton");
    QVERIFY(f.waitIdle());
    // A row the module does not have (as after a console unsubscribe the model missed).
    atb::AtResult stale;
    stale.command = atb::AtCommand::fromLine("AT+MQTTSUB=0,\"stale\",0");
    stale.status = atb::AtResult::Status::Ok;
    f.harness.model.applyResult(stale);
    auto *table = f.w<QTableView>("subscriptionTable");
    QTRY_COMPARE(table->model()->rowCount(), 2);
    f.click("readButton");
    QVERIFY(f.waitIdle());
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("kept/#"));
}

QTEST_MAIN(tst_MqttPage)
#include "tst_mqttpage.moc"
