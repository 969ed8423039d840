// The quick-send bar: buttons for a command, a sequence and a recipe, what each sends through
// the command queue, the editor dialog, persistence in the settings, and console lines dragged
// onto the bar (the lines sent make a button; received lines and masked passwords do not).
#include "console/consolemodel.h"
#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "pages/consolepage.h"
#include "recipes/quicksendbar.h"
#include "scriptedmodule.h"

#include <QComboBox>
#include <QDropEvent>
#include <QLabel>
#include <QListView>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace atb;

namespace {

struct Rig
{
    ScriptedModule module;
    DeviceSession session;
    QuickSendBar bar { &session };
    QStringList recipesStarted;

    Rig()
    {
        module.replies.insert("AT+CWJAP?", "No AP\r\n\r\nOK\r\n");
        session.openWith(module.factory());
        bar.setRecipeStarter([this](const QString &name) {
            recipesStarted << name;
            return true;
        });
    }
    bool ready() { return QTest::qWaitFor([this] { return session.state() == DeviceSession::State::Connected; }, 5000); }
};

QuickSendItem item(QuickSendItem::Kind kind, const QString &label, const QString &text)
{
    QuickSendItem i;
    i.kind = kind;
    i.label = label;
    i.text = text;
    return i;
}

// A drop of `mime` on the bar, as a drag from the console ends.
bool drop(QuickSendBar &bar, QMimeData *mime)
{
    const QPointF at(5, 5);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&bar, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent d(at, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&bar, &d);
    return d.isAccepted();
}

} // namespace

class tst_RecipeQuickSend : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("atbench-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_recipequicksend"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    }
    void init() { QSettings().clear(); }

    void emptyBarInvitesButtons()
    {
        Rig rig;
        QVERIFY(rig.bar.itemButtons().isEmpty());
        QVERIFY(rig.bar.findChild<QLabel *>(QStringLiteral("quickSendHint")));
        QVERIFY(rig.bar.newItemAction());
    }

    void buttonsSendThroughTheQueue()
    {
        Rig rig;
        QVERIFY(rig.ready());
        rig.bar.addItem(item(QuickSendItem::Kind::Command, QStringLiteral("Firmware"), QStringLiteral("AT+GMR")));
        rig.bar.addItem(item(QuickSendItem::Kind::Sequence, QStringLiteral("Check"), QStringLiteral("AT\n# a comment\nAT+CWJAP?\n")));
        rig.bar.addItem(item(QuickSendItem::Kind::Recipe, QStringLiteral("Health"), QStringLiteral("module-health")));
        QCOMPARE(rig.bar.itemButtons().size(), 3);
        QCOMPARE(rig.bar.itemButtons().at(0)->text(), QStringLiteral("Firmware"));

        QTest::mouseClick(rig.bar.itemButtons().at(0), Qt::LeftButton);
        QTRY_COMPARE(rig.module.lines, QList<QByteArray> { "AT+GMR" });
        QTest::mouseClick(rig.bar.itemButtons().at(1), Qt::LeftButton);
        QTRY_COMPARE(rig.module.lines, (QList<QByteArray> { "AT+GMR", "AT", "AT+CWJAP?" }));
        QTRY_VERIFY(!rig.bar.isSequenceRunning());
        QTest::mouseClick(rig.bar.itemButtons().at(2), Qt::LeftButton);
        QCOMPARE(rig.recipesStarted, QStringList { QStringLiteral("module-health") });
    }

    void sequenceStopsAtTheFirstFailure()
    {
        Rig rig;
        QVERIFY(rig.ready());
        rig.bar.addItem(item(QuickSendItem::Kind::Sequence, QStringLiteral("Bad"), QStringLiteral("AT\nAT+CWMODE=9\nAT+GMR")));
        QVERIFY(rig.bar.run(0));
        QTRY_VERIFY(!rig.bar.isSequenceRunning());
        QCOMPARE(rig.module.lines, (QList<QByteArray> { "AT", "AT+CWMODE=9" }));
        // The failure is told in the log (the console).
        auto toldInTheLog = [&rig] {
            const QList<LogRecord> records = rig.session.log()->snapshot();
            return std::any_of(records.cbegin(), records.cend(), [](const LogRecord &r) {
                return r.kind == LogRecord::Kind::Error && r.text.contains("AT+CWMODE=9 failed"); // a problem note
            });
        };
        QTRY_VERIFY(toldInTheLog());
    }

    void itemsPersist()
    {
        {
            Rig rig;
            rig.bar.addItem(item(QuickSendItem::Kind::Command, QStringLiteral("AT"), QStringLiteral("AT")));
            rig.bar.addItem(item(QuickSendItem::Kind::Recipe, QStringLiteral("Smoke"), QStringLiteral("factory-smoke")));
            rig.bar.moveItem(1, -1);
        }
        Rig again;
        QCOMPARE(again.bar.items().size(), 2);
        QCOMPARE(again.bar.items().first().label, QStringLiteral("Smoke"));
        again.bar.removeItem(0);
        QCOMPARE(QuickSendItem::fromJson(QSettings().value(QStringLiteral("quickSend/items")).toByteArray()).size(), 1);
    }

    void problemsAreRefused_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no label") << int(QuickSendItem::Kind::Command) << "" << "AT" << "label";
        QTest::newRow("not AT") << int(QuickSendItem::Kind::Command) << "x" << "hello" << "not an AT command";
        QTest::newRow("two lines in a command") << int(QuickSendItem::Kind::Command) << "x" << "AT\nAT+GMR" << "sequence";
        QTest::newRow("no recipe") << int(QuickSendItem::Kind::Recipe) << "x" << "" << "recipe";
        QTest::newRow("fine") << int(QuickSendItem::Kind::Sequence) << "x" << "AT\nAT+GMR" << "";
    }
    void problemsAreRefused()
    {
        QFETCH(int, kind);
        QFETCH(QString, label);
        QFETCH(QString, text);
        QFETCH(QString, problem);
        const QuickSendItem i = item(QuickSendItem::Kind(kind), label, text);
        if (problem.isEmpty())
            QVERIFY(i.problem().isEmpty());
        else
            QVERIFY2(i.problem().contains(problem), qPrintable(i.problem()));
        // The dialog shows the same and stays open.
        QuickSendDialog d;
        d.setItem(i);
        if (label.isEmpty() && kind == int(QuickSendItem::Kind::Command))
            return; // the dialog names a command button after its command
        d.accept();
        QCOMPARE(d.result() == QDialog::Accepted, problem.isEmpty());
        QCOMPARE(d.problemLabel()->text().isEmpty(), problem.isEmpty());
    }

    void plusOpensTheEditor()
    {
        Rig rig;
        rig.bar.setEditor([](QWidget *, QuickSendItem *i) {
            QuickSendDialog d;
            d.labelEdit()->setText(QStringLiteral("Join"));
            d.kindCombo()->setCurrentIndex(d.kindCombo()->findData(int(QuickSendItem::Kind::Command)));
            d.textEdit()->setPlainText(QStringLiteral("AT+CWJAP?"));
            d.accept();
            *i = d.item();
            return d.result() == QDialog::Accepted;
        });
        rig.bar.newItemAction()->trigger();
        QCOMPARE(rig.bar.items().size(), 1);
        QCOMPARE(rig.bar.items().first().text, QStringLiteral("AT+CWJAP?"));
        rig.bar.setEditor([](QWidget *, QuickSendItem *) { return false; }); // cancelled
        rig.bar.newItem();
        QCOMPARE(rig.bar.items().size(), 1);
    }

    void consoleLinesDropOnTheBar()
    {
        Rig rig;
        ConsoleModel console;
        QList<LogRecord> records;
        auto add = [&records](LogRecord::Kind k, const QByteArray &text) {
            LogRecord r;
            r.kind = k;
            r.text = text;
            records << r;
        };
        add(LogRecord::Kind::Tx, "AT+GMR");
        add(LogRecord::Kind::Rx, "AT version:2.4.0.0");
        add(LogRecord::Kind::Tx, "AT+CIPSTATUS");
        add(LogRecord::Kind::Tx, "AT+CWJAP=\"BenchAP\",\"***\"");
        console.appendRecords(records);
        QVERIFY(console.flags(console.index(0)) & Qt::ItemIsDragEnabled);

        // One sent line: a command button.
        std::unique_ptr<QMimeData> one(console.mimeData({ console.index(0) }));
        QVERIFY(drop(rig.bar, one.get()));
        QCOMPARE(rig.bar.items().last().kind, QuickSendItem::Kind::Command);
        QCOMPARE(rig.bar.items().last().text, QStringLiteral("AT+GMR"));
        // Several lines: the sent ones make a sequence (the reply between them is left out).
        std::unique_ptr<QMimeData> three(console.mimeData({ console.index(2), console.index(0), console.index(1) }));
        QVERIFY(drop(rig.bar, three.get()));
        QCOMPARE(rig.bar.items().last().kind, QuickSendItem::Kind::Sequence);
        QCOMPARE(rig.bar.items().last().text, QStringLiteral("AT+GMR\nAT+CIPSTATUS"));
        // A received line alone, or a masked password: no button.
        std::unique_ptr<QMimeData> rx(console.mimeData({ console.index(1) }));
        QVERIFY(!drop(rig.bar, rx.get()));
        std::unique_ptr<QMimeData> secret(console.mimeData({ console.index(3) }));
        QVERIFY(!drop(rig.bar, secret.get()));
        QCOMPARE(rig.bar.items().size(), 2);
        // Plain text from elsewhere.
        QMimeData text;
        text.setText(QStringLiteral("AT+CWLAP\n"));
        QVERIFY(drop(rig.bar, &text));
        QCOMPARE(rig.bar.items().last().text, QStringLiteral("AT+CWLAP"));
        // The console's view lets its lines be dragged.
        DeviceModel model;
        ConsolePage page(&rig.session, &model);
        QVERIFY(page.view()->dragEnabled());
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(tst_RecipeQuickSend)
#include "tst_recipequicksend.moc"
