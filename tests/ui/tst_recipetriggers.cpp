// Triggers: a line from the module fires the triggers that are on (send a command through the
// queue, run a recipe, mark the log, beep), never on a trigger's own answers, at most once per
// cooldown; the Triggers tab edits them, says why a row cannot work, and keeps them in the settings.
#include "engine/devicesession.h"
#include "recipes/trigger.h"
#include "recipes/triggerengine.h"
#include "recipes/triggerspanel.h"
#include "scriptedmodule.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace atb;

namespace {

struct Rig
{
    ScriptedModule module;
    DeviceSession session;
    QStringList recipes;

    Rig()
    {
        module.replies.insert("AT+URC", "\r\nOK\r\n\r\nWIFI GOT IP\r\n");
        module.replies.insert("AT+CWJAP?", "No AP\r\n\r\nOK\r\n");
        session.openWith(module.factory());
    }
    bool ready() { return QTest::qWaitFor([this] { return session.state() == DeviceSession::State::Connected; }, 5000); }
    void send(const QByteArray &line) { session.submit(AtCommand::fromLine(line)); }
    int infoCount(const QByteArray &needle) const
    {
        int n = 0;
        for (const LogRecord &r : session.log()->snapshot())
            n += r.kind == LogRecord::Kind::Info && r.text.contains(needle) ? 1 : 0;
        return n;
    }
};

Trigger trigger(const QString &pattern, Trigger::Action action, const QString &argument = QString(), bool regex = false)
{
    Trigger t;
    t.pattern = pattern;
    t.action = action;
    t.argument = argument;
    t.regex = regex;
    return t;
}

} // namespace

class tst_RecipeTriggers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("atbench-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_recipetriggers"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    }
    void init() { QSettings().clear(); }

    void matching_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("regex");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("fires");
        QTest::newRow("substring") << "GOT IP" << false << true << "WIFI GOT IP" << true;
        QTest::newRow("case matters") << "got ip" << false << true << "WIFI GOT IP" << false;
        QTest::newRow("regex") << "^\\+IPD,\\d,\\d+:" << true << true << "+IPD,0,5:hello" << true;
        QTest::newRow("regex misses") << "^CLOSED$" << true << true << "0,CLOSED" << false;
        QTest::newRow("switched off") << "GOT IP" << false << false << "WIFI GOT IP" << false;
        QTest::newRow("bad regex") << "(" << true << true << "(" << false;
    }
    void matching()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, regex);
        QFETCH(bool, enabled);
        QFETCH(QString, line);
        QFETCH(bool, fires);
        Trigger t = trigger(pattern, Trigger::Action::Mark, QString(), regex);
        t.enabled = enabled;
        QCOMPARE(t.matches(line), fires);
        Rig rig;
        TriggerEngine engine(&rig.session);
        engine.setTriggers({ t });
        QSignalSpy fired(&engine, &TriggerEngine::fired);
        engine.feed(line);
        QCOMPARE(fired.size(), fires ? 1 : 0);
    }

    void problems()
    {
        QVERIFY(trigger(QString(), Trigger::Action::Mark).problem().contains(QLatin1String("watch for")));
        QVERIFY(trigger(QStringLiteral("("), Trigger::Action::Mark, QString(), true).problem().contains(QLatin1String("regular expression")));
        QVERIFY(trigger(QStringLiteral("x"), Trigger::Action::Send, QStringLiteral("hello")).problem().contains(QLatin1String("AT command")));
        QVERIFY(trigger(QStringLiteral("x"), Trigger::Action::Recipe).problem().contains(QLatin1String("recipe")));
        QVERIFY(trigger(QStringLiteral("x"), Trigger::Action::Beep).problem().isEmpty());
    }

    void jsonRoundTrip()
    {
        const QList<Trigger> list { trigger(QStringLiteral("GOT IP"), Trigger::Action::Send, QStringLiteral("AT+CIFSR")),
                                    trigger(QStringLiteral("^CLOSED"), Trigger::Action::Recipe, QStringLiteral("tcp-echo"), true),
                                    trigger(QStringLiteral("ready"), Trigger::Action::Beep) };
        QCOMPARE(triggersFromJson(triggersToJson(list)), list);
        QVERIFY(triggersFromJson("[{\"action\":\"explode\",\"pattern\":\"x\"}]").isEmpty());
    }

    void markSendAndRecipeActions()
    {
        Rig rig;
        QVERIFY(rig.ready());
        TriggerEngine engine(&rig.session);
        engine.setRecipeStarter([&rig](const QString &name) {
            rig.recipes << name;
            return true;
        });
        engine.setTriggers({ trigger(QStringLiteral("GOT IP"), Trigger::Action::Mark, QStringLiteral("joined")),
                             trigger(QStringLiteral("WIFI GOT"), Trigger::Action::Send, QStringLiteral("AT+CWJAP?")),
                             trigger(QStringLiteral("GOT\\s+IP"), Trigger::Action::Recipe, QStringLiteral("module-health"), true),
                             trigger(QStringLiteral("GOT IP"), Trigger::Action::Beep) });
        rig.send("AT+URC");
        QTRY_VERIFY(rig.module.lines.contains("AT+CWJAP?"));
        QTRY_COMPARE(rig.infoCount("joined (trigger \"GOT IP\": WIFI GOT IP)"), 1);
        QCOMPARE(rig.recipes, QStringList { QStringLiteral("module-health") });
        for (int i = 0; i < 4; ++i)
            QCOMPARE(engine.fireCount(i), 1);
    }

    void ownAnswersNeverFire()
    {
        // "OK" sends AT: without the guard, each answer would send the next AT for ever.
        Rig rig;
        QVERIFY(rig.ready());
        TriggerEngine engine(&rig.session);
        engine.setTriggers({ trigger(QStringLiteral("OK"), Trigger::Action::Send, QStringLiteral("AT")) });
        rig.send("AT+CWJAP?");
        QTRY_COMPARE(rig.module.lines, (QList<QByteArray> { "AT+CWJAP?", "AT" }));
        QTest::qWait(TriggerEngine::kCooldownMs + 300); // past the cooldown: still nothing more
        QCOMPARE(rig.module.lines.size(), 2);
        QCOMPARE(engine.fireCount(0), 1);
    }

    void cooldown()
    {
        Rig rig;
        TriggerEngine engine(&rig.session);
        engine.setTriggers({ trigger(QStringLiteral("x"), Trigger::Action::Mark) });
        engine.feed(QStringLiteral("x"));
        engine.feed(QStringLiteral("x"));
        QCOMPARE(engine.fireCount(0), 1);
        QTest::qWait(TriggerEngine::kCooldownMs + 50);
        engine.feed(QStringLiteral("x"));
        QCOMPARE(engine.fireCount(0), 2);
    }

    void panelEditsAndPersists()
    {
        Rig rig;
        QVERIFY(rig.ready());
        {
            TriggersPanel panel(&rig.session);
            QCOMPARE(panel.table()->rowCount(), 0);
            QTest::mouseClick(panel.addButton(), Qt::LeftButton);
            QCOMPARE(panel.table()->rowCount(), 1);
            // An empty pattern: the row says why it cannot fire.
            QVERIFY(panel.problemLabel()->text().contains(QLatin1String("Row 1")));
            auto *pattern = panel.findChild<QLineEdit *>(QStringLiteral("triggerPattern0"));
            QTest::keyClicks(pattern, QStringLiteral("GOT IP"));
            auto *action = panel.findChild<QComboBox *>(QStringLiteral("triggerAction0"));
            action->setCurrentIndex(action->findData(int(Trigger::Action::Send)));
            QVERIFY(panel.problemLabel()->text().contains(QLatin1String("AT command")));
            QTest::keyClicks(panel.findChild<QLineEdit *>(QStringLiteral("triggerArgument0")), QStringLiteral("AT+CWJAP?"));
            QVERIFY(panel.problemLabel()->text().isEmpty());
            rig.send("AT+URC");
            QTRY_VERIFY(rig.module.lines.contains("AT+CWJAP?"));
            QTRY_COMPARE(panel.table()->item(0, TriggersPanel::FiredColumn)->text(), QStringLiteral("1"));
            // Switched off: no more.
            panel.findChild<QCheckBox *>(QStringLiteral("triggerEnabled0"))->setChecked(false);
            QTest::qWait(TriggerEngine::kCooldownMs + 50);
            const int before = int(rig.module.lines.count("AT+CWJAP?"));
            rig.send("AT+URC");
            QTRY_COMPARE(rig.module.lines.count("AT+URC"), 2);
            QTest::qWait(200);
            QCOMPARE(int(rig.module.lines.count("AT+CWJAP?")), before);
        }
        TriggersPanel again(&rig.session);
        QCOMPARE(again.triggers().size(), 1);
        QCOMPARE(again.triggers().first().pattern, QStringLiteral("GOT IP"));
        QCOMPARE(again.triggers().first().action, Trigger::Action::Send);
        QVERIFY(!again.triggers().first().enabled);
        QTest::mouseClick(again.removeButton(), Qt::LeftButton); // nothing selected: nothing removed
        again.table()->selectRow(0);
        QTest::mouseClick(again.removeButton(), Qt::LeftButton);
        QCOMPARE(triggersFromJson(QSettings().value(QStringLiteral("triggers/list")).toByteArray()).size(), 0);
    }

private:
    QTemporaryDir m_settings;
};

QTEST_MAIN(tst_RecipeTriggers)
#include "tst_recipetriggers.moc"
