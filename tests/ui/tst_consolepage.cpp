// The console page on a real DeviceSession and a scripted module on an in-process pipe.
#include "console/consolefilter.h"
#include "console/consolemodel.h"
#include "dialogs/messages.h"
#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "pages/consolepage.h"
#include "screenshotdir.h"
#include "scriptedmodule.h"
#include "simharness.h"
#include "widgets/historylineedit.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QStringListModel>
#include <QToolButton>
#include <QPushButton>
#include <QListView>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using atb::DeviceSession;
using atb::LogRecord;

class tst_ConsolePage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void typedLineGoesThroughQueue_data();
    void typedLineGoesThroughQueue();
    void failedCommandShowsInErrorColour_data();
    void failedCommandShowsInErrorColour();
    void historyRecallsEarlierLines();
    void historyIsPersistedAndBounded();
    void dataPhaseSendsTypedBytesWithoutCrLf_data();
    void dataPhaseSendsTypedBytesWithoutCrLf();
    void dataPhaseRefusesWrongLength();
    void commandWhileDisconnectedIsRefusedWithHint();
    void clearEmptiesTheView();

    void completionComesFromCatalog_data();
    void completionComesFromCatalog();
    void inlineHelpFollowsTheCommandName_data();
    void inlineHelpFollowsTheCommandName();
    void findNextAndPreviousWrapAndHighlight();
    void findShortcuts();
    void filterByKindAndText_data();
    void filterByKindAndText();
    void hexViewShowsPayloadBytes_data();
    void hexViewShowsPayloadBytes();
    void dataPhaseFromHex_data();
    void dataPhaseFromHex();
    void dataPhaseFromFile();
    void pauseKeepsTheScrollPosition();
    void exportedLogHasNoWifiPassword_data();
    void exportedLogHasNoWifiPassword();
    void screenshotAtPageSize();

private:
    void open();
    void type(const QString &text);
    int findRow(const QString &text, int kind = -1, int from = 0) const;

    QTemporaryDir m_settingsDir;
    DeviceSession *m_session = nullptr;
    atb::DeviceModel *m_model = nullptr;
    ConsolePage *m_page = nullptr;
    ScriptedModule *m_module = nullptr;
};

void tst_ConsolePage::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("atbench-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_consolepage"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void tst_ConsolePage::init()
{
    QSettings().clear();
    m_session = new DeviceSession;
    m_model = new atb::DeviceModel;
    m_module = new ScriptedModule;
    m_page = new ConsolePage(m_session, m_model);
    m_page->resize(800, 500);
    m_page->show();
}

void tst_ConsolePage::cleanup()
{
    delete m_page;
    delete m_session; // closes the pipe before the module goes
    delete m_module;
    delete m_model;
}

void tst_ConsolePage::open()
{
    m_session->openWith(m_module->factory());
    QTRY_COMPARE(m_session->state(), DeviceSession::State::Connected);
}

void tst_ConsolePage::type(const QString &text)
{
    QTest::keyClicks(m_page->input(), text);
    QTest::keyClick(m_page->input(), Qt::Key_Return);
}

int tst_ConsolePage::findRow(const QString &text, int kind, int from) const
{
    const ConsoleModel *m = m_page->consoleModel();
    for (int r = from; r < m->rowCount(); ++r) {
        const QModelIndex i = m->index(r);
        if (i.data(ConsoleModel::TextRole).toString().contains(text)
            && (kind < 0 || i.data(ConsoleModel::KindRole).toInt() == kind))
            return r;
    }
    return -1;
}

void tst_ConsolePage::typedLineGoesThroughQueue_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QString>("reply");

    QTest::newRow("AT") << "AT" << QByteArray("AT\r\n") << "OK";
    QTest::newRow("surrounding blanks trimmed") << "  AT  " << QByteArray("AT\r\n") << "OK";
    QTest::newRow("query with info line") << "AT+CIPMUX?" << QByteArray("AT+CIPMUX?\r\n") << "+CIPMUX:0";
    QTest::newRow("firmware") << "AT+GMR" << QByteArray("AT+GMR\r\n") << "AT version:2.2.0.0(test)";
}

void tst_ConsolePage::typedLineGoesThroughQueue()
{
    QFETCH(QString, typed);
    QFETCH(QByteArray, wire);
    QFETCH(QString, reply);
    open();
    type(typed);
    QTRY_COMPARE(m_module->wire, wire);
    QTRY_VERIFY(findRow(QStringLiteral("OK"), int(LogRecord::Kind::Final)) >= 0);
    QVERIFY(findRow(reply) >= 0);
    const int tx = findRow(typed.trimmed(), int(LogRecord::Kind::Tx));
    QVERIFY(tx >= 0);
    // Millisecond timestamps in front of every line.
    const QString shown = m_page->consoleModel()->index(tx).data().toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d  TX ")).match(shown).hasMatch(),
             qPrintable(shown));
    const QColor ok = m_page->consoleModel()->index(findRow(QStringLiteral("OK"), int(LogRecord::Kind::Final)))
                          .data(Qt::ForegroundRole).value<QColor>();
    QCOMPARE(ok, m_page->consoleModel()->colours().finalOk);
    QVERIFY(m_page->input()->text().isEmpty());
    QCOMPARE(m_page->pendingCount(), 0);
}

void tst_ConsolePage::failedCommandShowsInErrorColour_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("shown");

    QTest::newRow("plain ERROR") << "AT+NOSUCH" << "ERROR";
    QTest::newRow("ERROR with ERR CODE") << "AT+CWMODE=9" << "0x01080000";
}

void tst_ConsolePage::failedCommandShowsInErrorColour()
{
    QFETCH(QString, typed);
    QFETCH(QString, shown);
    open();
    type(typed);
    int row = -1;
    QTRY_VERIFY((row = findRow(shown, int(LogRecord::Kind::Final))) >= 0);
    const QModelIndex i = m_page->consoleModel()->index(row);
    QVERIFY(i.data(ConsoleModel::FailureRole).toBool());
    QCOMPARE(i.data(Qt::ForegroundRole).value<QColor>(), m_page->consoleModel()->colours().finalError);
    // And a note naming the failed command.
    QTRY_VERIFY(findRow(typed + QStringLiteral(" failed"), int(LogRecord::Kind::Error)) >= 0);
}

void tst_ConsolePage::historyRecallsEarlierLines()
{
    open();
    type(QStringLiteral("AT"));
    type(QStringLiteral("ATE0"));
    type(QStringLiteral("AT+GMR"));
    HistoryLineEdit *in = m_page->input();
    QTest::keyClicks(in, QStringLiteral("AT+C"));
    QTest::keyClick(in, Qt::Key_Up);
    QCOMPARE(in->text(), QStringLiteral("AT+GMR"));
    QTest::keyClick(in, Qt::Key_Up);
    QCOMPARE(in->text(), QStringLiteral("ATE0"));
    QTest::keyClick(in, Qt::Key_Up);
    QTest::keyClick(in, Qt::Key_Up); // stays on the oldest
    QCOMPARE(in->text(), QStringLiteral("AT"));
    QTest::keyClick(in, Qt::Key_Down);
    QCOMPARE(in->text(), QStringLiteral("ATE0"));
    QTest::keyClick(in, Qt::Key_Down);
    QTest::keyClick(in, Qt::Key_Down);
    QCOMPARE(in->text(), QStringLiteral("AT+C")); // the draft comes back
    // A recalled line sends like a typed one.
    in->clear();
    QTest::keyClick(in, Qt::Key_Up);
    QTest::keyClick(in, Qt::Key_Return);
    QTRY_COMPARE(m_module->lines.size(), 4);
    QCOMPARE(m_module->lines.last(), QByteArray("AT+GMR"));
}

void tst_ConsolePage::historyIsPersistedAndBounded()
{
    open();
    type(QStringLiteral("AT+CIPMUX?"));
    QCOMPARE(QSettings().value(QStringLiteral("console/history")).toStringList(), QStringList { QStringLiteral("AT+CIPMUX?") });

    // A new page starts with the saved history.
    ConsolePage second(m_session, m_model);
    QTest::keyClick(second.input(), Qt::Key_Up);
    QCOMPARE(second.input()->text(), QStringLiteral("AT+CIPMUX?"));

    QStringList many;
    for (int i = 0; i < 250; ++i)
        many << QStringLiteral("AT+X%1").arg(i);
    m_page->input()->setHistory(many);
    QCOMPARE(m_page->input()->history().size(), HistoryLineEdit::kMaxHistory);
    QCOMPARE(m_page->input()->history().last(), QStringLiteral("AT+X249"));
    m_page->input()->addToHistory(QStringLiteral("AT"));
    QCOMPARE(QSettings().value(QStringLiteral("console/history")).toStringList().size(), HistoryLineEdit::kMaxHistory);
}

void tst_ConsolePage::dataPhaseSendsTypedBytesWithoutCrLf_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("payload");

    QTest::newRow("4 bytes") << "AT+CIPSEND=4" << "test";
    QTest::newRow("with blanks kept") << "AT+CIPSEND=6" << " a b  ";
    QTest::newRow("one byte") << "AT+CIPSEND=1" << "x";
}

void tst_ConsolePage::dataPhaseSendsTypedBytesWithoutCrLf()
{
    QFETCH(QString, command);
    QFETCH(QString, payload);
    open();
    type(command);
    QTRY_VERIFY(m_page->awaitingPayloadId() != 0);
    QCOMPARE(m_page->awaitingPayloadLength(), qint64(payload.size()));
    QVERIFY(m_page->hintLabel()->isVisible());
    QTRY_VERIFY(findRow(QStringLiteral("waits for %1 byte").arg(payload.size())) >= 0);

    QTest::keyClicks(m_page->input(), payload);
    QTest::keyClick(m_page->input(), Qt::Key_Return);
    QTRY_COMPARE(m_module->payloads, QList<QByteArray> { payload.toUtf8() });
    QCOMPARE(m_module->wire, command.toUtf8() + "\r\n" + payload.toUtf8());
    QTRY_VERIFY(findRow(QStringLiteral("SEND OK"), int(LogRecord::Kind::Final)) >= 0);
    QCOMPARE(m_page->awaitingPayloadId(), quint64(0));
    QVERIFY(!m_page->hintLabel()->isVisible());
    // The payload is not a command: history holds only the command.
    QCOMPARE(m_page->input()->history(), QStringList { command });
}

void tst_ConsolePage::dataPhaseRefusesWrongLength()
{
    open();
    type(QStringLiteral("AT+CIPSEND=4"));
    QTRY_VERIFY(m_page->awaitingPayloadId() != 0);
    type(QStringLiteral("abc"));
    QTRY_VERIFY(findRow(QStringLiteral("exactly 4 byte"), int(LogRecord::Kind::Error)) >= 0);
    QCOMPARE(m_page->input()->text(), QStringLiteral("abc")); // kept for editing
    QTest::keyClicks(m_page->input(), QStringLiteral("d"));
    QTest::keyClick(m_page->input(), Qt::Key_Return);
    QTRY_COMPARE(m_module->payloads, QList<QByteArray> { "abcd" });
}

void tst_ConsolePage::commandWhileDisconnectedIsRefusedWithHint()
{
    type(QStringLiteral("AT"));
    int row = -1;
    QTRY_VERIFY((row = findRow(QStringLiteral("AT was not sent"), int(LogRecord::Kind::Error))) >= 0);
    QCOMPARE(m_page->consoleModel()->index(row).data(Qt::ForegroundRole).value<QColor>(),
             m_page->consoleModel()->colours().error);
    QCOMPARE(m_page->pendingCount(), 0);
    QVERIFY(m_module->wire.isEmpty());
}

void tst_ConsolePage::clearEmptiesTheView()
{
    open();
    type(QStringLiteral("AT"));
    QTRY_VERIFY(findRow(QStringLiteral("OK"), int(LogRecord::Kind::Final)) >= 0);
    QTest::mouseClick(m_page->clearButton(), Qt::LeftButton);
    QCOMPARE(m_page->consoleModel()->rowCount(), 0);
    type(QStringLiteral("AT"));
    QTRY_VERIFY(findRow(QStringLiteral("OK"), int(LogRecord::Kind::Final)) >= 0);
}

void tst_ConsolePage::completionComesFromCatalog_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("present");
    QTest::newRow("full prefix") << int(atb::Dialect::Esp) << "AT+CWJ" << "AT+CWJAP" << true;
    QTest::newRow("short form") << int(atb::Dialect::Esp) << "cwj" << "AT+CWJAP" << true;
    QTest::newRow("mqtt on esp") << int(atb::Dialect::Esp) << "AT+MQTTCO" << "AT+MQTTCONN" << true;
    QTest::newRow("not after =") << int(atb::Dialect::Esp) << "AT+CWJAP=" << "AT+CWJAP" << false;
}

void tst_ConsolePage::completionComesFromCatalog()
{
    QFETCH(int, dialect);
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    QFETCH(bool, present);
    m_model->setDialect(atb::Dialect(dialect));
    m_page->input()->setFocus();
    QTest::keyClicks(m_page->input(), typed);
    const QStringList shown = qobject_cast<QStringListModel *>(m_page->completer()->model())->stringList();
    QCOMPARE(shown.contains(expected), present);
    QCOMPARE(shown, m_page->completionsFor(typed));
    if (present) {
        for (const QString &s : shown)
            QVERIFY2(s.startsWith(QLatin1String("AT")), qPrintable(s));
        QTRY_VERIFY(m_page->completer()->popup()->isVisible());
        // Picking a completion puts it in the input.
        m_page->completer()->popup()->hide();
        emit m_page->completer()->activated(expected);
        QCOMPARE(m_page->input()->text(), expected);
    }
}

void tst_ConsolePage::inlineHelpFollowsTheCommandName_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("contains");
    QTest::newRow("cwjap") << "AT+CWJAP=\"x" << "ssid";
    QTest::newRow("cipsend") << "AT+CIPSEND=" << "AT+CIPSEND";
    QTest::newRow("mqttpub") << "AT+MQTTPUB" << "topic";
    QTest::newRow("unknown") << "AT+NOSUCHCMD" << QString();
    QTest::newRow("not AT") << "hello" << QString();
}

void tst_ConsolePage::inlineHelpFollowsTheCommandName()
{
    QFETCH(QString, typed);
    QFETCH(QString, contains);
    m_page->input()->setText(typed);
    if (contains.isEmpty()) {
        QVERIFY(!m_page->helpLabel()->isVisible());
        return;
    }
    QVERIFY(m_page->helpLabel()->isVisible());
    QVERIFY2(m_page->helpLabel()->text().contains(contains, Qt::CaseInsensitive), qPrintable(m_page->helpLabel()->text()));
    QVERIFY(m_page->helpLabel()->text().count(QLatin1Char('\n')) <= 8);
    QVERIFY(m_page->helpLabel()->toolTip().contains(contains, Qt::CaseInsensitive));
    m_page->input()->clear();
    QVERIFY(!m_page->helpLabel()->isVisible());
}

void tst_ConsolePage::findNextAndPreviousWrapAndHighlight()
{
    ConsoleModel *m = m_page->consoleModel();
    m->appendNote(QStringLiteral("alpha one"));
    m->appendNote(QStringLiteral("beta"));
    m->appendNote(QStringLiteral("ALPHA two"));
    m->appendNote(QStringLiteral("gamma"));
    m_page->findEdit()->setText(QStringLiteral("alpha"));
    QVERIFY(m->index(0).data(ConsoleModel::MatchRole).toBool());
    QVERIFY(!m->index(1).data(ConsoleModel::MatchRole).toBool());
    QVERIFY(m->index(2).data(Qt::BackgroundRole).value<QColor>().isValid());
    QVERIFY(!m->index(3).data(Qt::BackgroundRole).isValid());
    QVERIFY(m_page->findNext());
    QCOMPARE(m_page->view()->currentIndex().row(), 0);
    QVERIFY(m_page->findNext());
    QCOMPARE(m_page->view()->currentIndex().row(), 2);
    QVERIFY(m_page->findNext()); // wraps
    QCOMPARE(m_page->view()->currentIndex().row(), 0);
    QVERIFY(m_page->findNext(true)); // backwards wraps to the last match
    QCOMPARE(m_page->view()->currentIndex().row(), 2);
    QTest::mouseClick(m_page->findChild<QToolButton *>(QStringLiteral("findPrevious")), Qt::LeftButton);
    QCOMPARE(m_page->view()->currentIndex().row(), 0);
    m_page->findEdit()->setText(QStringLiteral("delta"));
    QVERIFY(!m_page->findNext());
    QVERIFY(!m->index(0).data(ConsoleModel::MatchRole).toBool());
}

void tst_ConsolePage::findShortcuts()
{
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    ConsoleModel *m = m_page->consoleModel();
    m->appendNote(QStringLiteral("one needle"));
    m->appendNote(QStringLiteral("hay"));
    m->appendNote(QStringLiteral("two needle"));
    m_page->activateWindow();
    m_page->input()->setFocus();
    QTest::keyClick(m_page->input(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_page->findEdit()->hasFocus());
    QTest::keyClicks(m_page->findEdit(), QStringLiteral("needle"));
    QTest::keyClick(m_page->findEdit(), Qt::Key_Return);
    QCOMPARE(m_page->view()->currentIndex().row(), 0);
    QTest::keyClick(m_page->findEdit(), Qt::Key_F3);
    QCOMPARE(m_page->view()->currentIndex().row(), 2);
    QTest::keyClick(m_page->findEdit(), Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(m_page->view()->currentIndex().row(), 0);
}

void tst_ConsolePage::filterByKindAndText_data()
{
    QTest::addColumn<QList<int>>("off");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("visible");
    const QStringList all = { "AT+CWMODE=9", "ERROR", "AT+CIPMUX?", "+CIPMUX:0", "OK", "WIFI GOT IP" };
    QTest::newRow("everything") << QList<int>() << QString() << all;
    QTest::newRow("no tx") << QList<int> { ConsoleFilter::Tx } << QString()
                           << QStringList { "ERROR", "+CIPMUX:0", "OK", "WIFI GOT IP" };
    QTest::newRow("errors only") << QList<int> { ConsoleFilter::Tx, ConsoleFilter::Rx, ConsoleFilter::Urc, ConsoleFilter::Notes }
                                 << QString() << QStringList { "ERROR" };
    QTest::newRow("urc only") << QList<int> { ConsoleFilter::Tx, ConsoleFilter::Rx, ConsoleFilter::Errors, ConsoleFilter::Notes }
                              << QString() << QStringList { "WIFI GOT IP" };
    QTest::newRow("text cipmux") << QList<int>() << "cipmux" << QStringList { "AT+CIPMUX?", "+CIPMUX:0" };
    QTest::newRow("text and no rx") << QList<int> { ConsoleFilter::Rx } << "cipmux" << QStringList { "AT+CIPMUX?" };
}

void tst_ConsolePage::filterByKindAndText()
{
    QFETCH(QList<int>, off);
    QFETCH(QString, text);
    QFETCH(QStringList, visible);
    m_module->replies.insert("AT+CIPMUX?", "+CIPMUX:0\r\n\r\nOK\r\n\r\nWIFI GOT IP\r\n");
    open();
    m_page->consoleModel()->clear();
    type(QStringLiteral("AT+CWMODE=9"));
    type(QStringLiteral("AT+CIPMUX?"));
    QTRY_VERIFY(findRow(QStringLiteral("WIFI GOT IP"), int(LogRecord::Kind::Urc)) >= 0);
    QTRY_VERIFY(findRow(QStringLiteral("OK"), int(LogRecord::Kind::Final)) >= 0);
    for (int g : off)
        m_page->kindButton(ConsoleFilter::Group(g))->click();
    QTest::keyClicks(m_page->filterEdit(), text);
    QStringList shown;
    const ConsoleFilter *f = m_page->filterModel();
    for (int r = 0; r < f->rowCount(); ++r) {
        const auto kind = LogRecord::Kind(f->index(r, 0).data(ConsoleModel::KindRole).toInt());
        if (kind == LogRecord::Kind::Info || kind == LogRecord::Kind::Error)
            continue; // the console's own notes (the decoded failure is an Error note)
        shown << f->index(r, 0).data(ConsoleModel::TextRole).toString().section(QLatin1String(" ["), 0, 0);
    }
    QCOMPARE(shown, visible);
    QCOMPARE(m_page->view()->model(), static_cast<QAbstractItemModel *>(m_page->filterModel()));
}

void tst_ConsolePage::hexViewShowsPayloadBytes_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("hex");
    QTest::newRow("tx data") << int(LogRecord::Kind::TxData) << "[4 bytes] a\\r\\nb" << "[4 bytes] 61 0d 0a 62";
    QTest::newRow("binary") << int(LogRecord::Kind::RxData) << "[3 bytes] \\x00\\xff\\\\" << "[3 bytes] 00 ff 5c";
    QTest::newRow("+IPD") << int(LogRecord::Kind::Urc) << "+IPD,0,2:hi" << "+IPD,0,2:68 69";
    QTest::newRow("+MQTTSUBRECV") << int(LogRecord::Kind::Urc) << "+MQTTSUBRECV:0,\"t\",3,a,b" << "+MQTTSUBRECV:0,\"t\",3,61 2c 62";
    QTest::newRow("command untouched") << int(LogRecord::Kind::Tx) << "AT+CIPSEND=4" << "AT+CIPSEND=4";
    QTest::newRow("urc untouched") << int(LogRecord::Kind::Urc) << "WIFI GOT IP" << "WIFI GOT IP";
}

void tst_ConsolePage::hexViewShowsPayloadBytes()
{
    QFETCH(int, kind);
    QFETCH(QString, text);
    QFETCH(QString, hex);
    LogRecord r;
    r.kind = LogRecord::Kind(kind);
    r.text = text.toUtf8();
    m_page->consoleModel()->appendRecords({ r });
    const QModelIndex i = m_page->consoleModel()->index(0);
    QVERIFY(i.data().toString().endsWith(text));
    m_page->hexButton()->click();
    QVERIFY2(i.data().toString().endsWith(hex), qPrintable(i.data().toString()));
    m_page->hexButton()->click();
    QVERIFY(i.data().toString().endsWith(text));
}

void tst_ConsolePage::dataPhaseFromHex_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("pairs") << "48 65 6c 6c" << QByteArray("Hell");
    QTest::newRow("run") << "0d0a0001" << QByteArray("\r\n\0\x01", 4);
    QTest::newRow("0x and commas") << "0x41,0x42, 0x43 44" << QByteArray("ABCD");
}

void tst_ConsolePage::dataPhaseFromHex()
{
    QFETCH(QString, typed);
    QFETCH(QByteArray, payload);
    open();
    type(QStringLiteral("AT+CIPSEND=%1").arg(payload.size()));
    QTRY_VERIFY(m_page->awaitingPayloadId() != 0);
    QVERIFY(m_page->dataFormatCombo()->isVisible());
    m_page->dataFormatCombo()->setCurrentIndex(1);
    QTest::keyClicks(m_page->input(), QStringLiteral("zz"));
    QVERIFY(m_page->hintLabel()->text().contains(QStringLiteral("Not valid hex")));
    QTest::keyClick(m_page->input(), Qt::Key_Return); // refused, nothing sent
    QTRY_VERIFY(findRow(QStringLiteral("not valid hex"), int(LogRecord::Kind::Error)) >= 0);
    QVERIFY(m_module->payloads.isEmpty());
    m_page->input()->clear();
    QTest::keyClicks(m_page->input(), typed);
    QVERIFY2(m_page->hintLabel()->text().contains(QStringLiteral("%1 of %1").arg(payload.size())),
             qPrintable(m_page->hintLabel()->text()));
    QTest::keyClick(m_page->input(), Qt::Key_Return);
    QTRY_COMPARE(m_module->payloads, QList<QByteArray> { payload });
    QTRY_VERIFY(!m_page->dataFormatCombo()->isVisible());
    QCOMPARE(m_page->dataFormatCombo()->currentIndex(), 0); // back to text for the next time
}

void tst_ConsolePage::dataPhaseFromFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("payload.bin"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    const QByteArray bytes("\x00\x01\r\nOK\r\n\xff", 9);
    f.write(bytes);
    f.close();
    const QString shortPath = dir.filePath(QStringLiteral("short.bin"));
    QFile g(shortPath);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("abc");
    g.close();
    Messages messages(m_page);
    messages.setScripted(true);
    messages.setScriptedFileName(shortPath);
    m_page->setMessages(&messages);
    open();
    type(QStringLiteral("AT+CIPSEND=9"));
    QTRY_VERIFY(m_page->awaitingPayloadId() != 0);
    QVERIFY(m_page->fromFileButton()->isVisible());
    m_page->fromFileButton()->click(); // 3 bytes for 9: refused
    QTRY_VERIFY(findRow(QStringLiteral("Nothing was sent"), int(LogRecord::Kind::Error)) >= 0);
    QVERIFY(m_page->awaitingPayloadId() != 0);
    QVERIFY(m_module->payloads.isEmpty());
    messages.setScriptedFileName(path);
    m_page->fromFileButton()->click();
    QTRY_COMPARE(m_module->payloads, QList<QByteArray> { bytes });
    QTRY_VERIFY(findRow(QStringLiteral("Sent 9 byte"), int(LogRecord::Kind::Info)) >= 0);
    m_page->setMessages(nullptr);
}

void tst_ConsolePage::pauseKeepsTheScrollPosition()
{
    m_page->resize(800, 300);
    ConsoleModel *m = m_page->consoleModel();
    auto feed = [this](int n) {
        QList<LogRecord> batch;
        for (int i = 0; i < n; ++i) {
            LogRecord r;
            r.kind = LogRecord::Kind::Rx;
            r.text = "line " + QByteArray::number(i);
            batch << r;
        }
        m_session->log()->append(batch.first());
        for (const LogRecord &r : batch.mid(1))
            m_session->log()->append(r);
    };
    feed(200);
    QTRY_COMPARE(m->rowCount(), 200);
    QScrollBar *sb = m_page->view()->verticalScrollBar();
    QTRY_COMPARE(sb->value(), sb->maximum());
    m_page->pauseButton()->click();
    const int paused = sb->value();
    feed(200);
    QTRY_COMPARE(m->rowCount(), 400);
    QTest::qWait(50);
    QCOMPARE(sb->value(), paused);
    QVERIFY(sb->maximum() > paused);
    m_page->pauseButton()->click(); // resume: jumps to the end
    QTRY_COMPARE(sb->value(), sb->maximum());
}

void tst_ConsolePage::exportedLogHasNoWifiPassword_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<int>("format");
    QTest::newRow("esp text") << int(atb::sim::Dialect::Esp) << int(atb::SessionLog::Format::Text);
    QTest::newRow("esp jsonl") << int(atb::sim::Dialect::Esp) << int(atb::SessionLog::Format::JsonLines);
    QTest::newRow("beken text") << int(atb::sim::Dialect::BekenDoc) << int(atb::SessionLog::Format::Text);
}

void tst_ConsolePage::exportedLogHasNoWifiPassword()
{
    QFETCH(int, dialect);
    QFETCH(int, format);
    SimHarness h { atb::sim::Dialect(dialect) };
    QVERIFY(h.ready());
    ConsolePage page(&h.session, &h.model);
    page.input()->setText(QStringLiteral("AT+CWJAP=\"BenchAP\",\"12345678\""));
    page.submitInput();
    QTRY_VERIFY_WITH_TIMEOUT(h.model.wifi().connected, 10000);
    QTRY_COMPARE(page.pendingCount(), 0);
    QVERIFY(h.sent.contains("AT+CWJAP=\"BenchAP\",\"12345678\"")); // it really went out
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("log.txt"));
    QString error;
    QVERIFY2(h.session.log()->exportTo(path, atb::SessionLog::Format(format), &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray content = f.readAll();
    QVERIFY(content.contains("CWJAP"));
    QVERIFY(content.contains("BenchAP"));
    QVERIFY2(!content.contains("12345678"), content.constData());
    // Neither the console's scrollback nor its copy text holds it.
    for (int r = 0; r < page.consoleModel()->rowCount(); ++r)
        QVERIFY(!page.consoleModel()->lineText(r).contains(QStringLiteral("12345678")));
}

void tst_ConsolePage::screenshotAtPageSize()
{
    open();
    m_page->resize(1110, 700);
    type(QStringLiteral("AT+GMR"));
    type(QStringLiteral("AT+CWMODE=9"));
    type(QStringLiteral("AT+CIPSEND=4"));
    QTRY_VERIFY(m_page->awaitingPayloadId() != 0);
    m_page->input()->setText(QStringLiteral("a\r\nb"));
    m_page->submitInput();
    QTRY_COMPARE(m_module->payloads.size(), 1);
    m_page->hexButton()->click();
    m_page->findEdit()->setText(QStringLiteral("version"));
    QVERIFY(m_page->findNext());
    m_page->input()->setText(QStringLiteral("AT+CWJAP=\"ssid\""));
    QVERIFY(m_page->helpLabel()->isVisible());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    for (QWidget *w : m_page->findChildren<QWidget *>())
        if (w->isVisible() && w->parentWidget() == m_page)
            QVERIFY2(w->height() >= w->minimumSizeHint().height(), qPrintable(w->objectName()));
    ScreenshotDir shots;
    QVERIFY(shots.isValid());
    QVERIFY(m_page->grab().save(shots.filePath(QStringLiteral("consolepage.png"))));
}

QTEST_MAIN(tst_ConsolePage)
#include "tst_consolepage.moc"
