// The console page on a real DeviceSession and a scripted module on an in-process pipe.
#include "console/consolemodel.h"
#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "pages/consolepage.h"
#include "scriptedmodule.h"
#include "widgets/historylineedit.h"

#include <QLabel>
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

QTEST_MAIN(tst_ConsolePage)
#include "tst_consolepage.moc"
