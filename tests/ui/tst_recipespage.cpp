// The Recipes page against atbench-sim on a pty (the session in its own I/O thread, as the app
// runs it): the library, running module-health to PASS with the live step list, a script error
// marked at its line, Stop, ask() answered in place, parameters, the editor's completion and
// highlighting, the screenshot run; and the same verdicts as atbench-cli run for the same module.
#include "clirunner.h"
#include "dialogs/messages.h"
#include "engine/devicesession.h"
#include "engine/sessionhost.h"
#include "mainwindow.h"
#include "model/devicemodel.h"
#include "ptysim.h"
#include "recipes/recipeaskpanel.h"
#include "recipes/recipeeditor.h"
#include "recipes/reciperunner.h"
#include "recipes/recipeservices.h"
#include "recipes/recipespage.h"
#include "recipes/recipesteplist.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextLayout>
#include <QVBoxLayout>
#include <QtTest>

using namespace atb;

namespace {

// atbench-sim on a pty, a session on it in its own thread, services, and the page.
struct Rig
{
    simtest::SimProcess sim;
    SessionHost host;
    std::unique_ptr<ModuleServices> services;
    QWidget window;
    Messages *messages = nullptr;
    RecipesPage *page = nullptr;

    bool start(const QStringList &simArgs = {})
    {
        QString error;
        if (!sim.start(simArgs, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        services = std::make_unique<ModuleServices>(host.session());
        messages = new Messages(&window);
        messages->setScripted(true);
        page = new RecipesPage(services->services(), messages, &window);
        page->setPersist(false);
        auto *lay = new QVBoxLayout(&window);
        lay->addWidget(page);
        window.resize(1280, 760);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        SerialSettings s;
        s.portName = sim.link();
        host.session()->openSerial(s);
        return QTest::qWaitFor([this] { return host.session()->state() == DeviceSession::State::Connected; }, 5000);
    }
    ~Rig()
    {
        delete page; // its runner ends before the services go
        services.reset();
    }

    // Puts `source` in the editor and runs it; returns the result.
    RecipeResult runSource(const QString &source, int waitMs = 60000)
    {
        page->editor()->setPlainText(source);
        return runPage(waitMs);
    }
    RecipeResult runPage(int waitMs = 60000)
    {
        QTest::mouseClick(page->runButton(), Qt::LeftButton);
        if (!QTest::qWaitFor([this] { return page->isRunning(); }, 2000)
            || !QTest::qWaitFor([this] { return !page->isRunning(); }, waitMs))
            return RecipeResult();
        return page->lastResult();
    }
};

QStringList verdicts(const RecipeResult &r)
{
    QStringList out;
    for (const RecipeCheck &c : r.checks)
        out << (c.passed ? QStringLiteral("PASS ") : QStringLiteral("FAIL ")) + c.name;
    return out;
}

} // namespace

class tst_RecipesPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid() && m_userRecipes.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("atbench-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_recipespage"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        qputenv("ATBENCH_RECIPES_DIR", QFile::encodeName(m_userRecipes.path()));
        if (!QFile::exists(simtest::simBinary()))
            QFAIL("atbench-sim was not built");
    }
    void init() { QSettings().clear(); }

    void libraryListsShippedThenYours()
    {
        QFile mine(m_userRecipes.filePath(QStringLiteral("my-check.js")));
        QVERIFY(mine.open(QIODevice::WriteOnly));
        mine.write("// @recipe My check\ncheck('x', true);\n");
        mine.close();
        Rig rig;
        QVERIFY(rig.start());
        QListWidget *lib = rig.page->library();
        QStringList titles;
        for (int i = 0; i < lib->count(); ++i)
            titles << lib->item(i)->text();
        QCOMPARE(titles.first(), QStringLiteral("Shipped"));
        QCOMPARE(titles.at(1), QStringLiteral("Module health"));
        QVERIFY(titles.indexOf(QStringLiteral("Yours")) < titles.indexOf(QStringLiteral("My check")));
        QCOMPARE(rig.page->currentRecipe().id, QStringLiteral("module-health")); // selected first
        QVERIFY(rig.page->editor()->toPlainText().contains(QLatin1String("@recipe Module health")));
        // Its parameters, the secret one hidden.
        QVERIFY(rig.page->paramEdit(QStringLiteral("ssid")));
        QCOMPARE(rig.page->paramEdit(QStringLiteral("password"))->echoMode(), QLineEdit::Password);
        QCOMPARE(rig.page->paramEdit(QStringLiteral("maxOffset"))->placeholderText(), QStringLiteral("5"));
        rig.page->selectRecipe(QStringLiteral("my-check"));
        QCOMPARE(rig.page->currentRecipe().title, QStringLiteral("My check"));
        QFile::remove(mine.fileName());
    }

    void moduleHealthPassesWithLiveSteps()
    {
        Rig rig;
        QVERIFY(rig.start());
        QVERIFY(rig.page->runButton()->isEnabled());
        QVERIFY(!rig.page->stopButton()->isEnabled());
        const RecipeResult r = rig.runPage();
        QCOMPARE(r.verdict, RecipeResult::Verdict::Pass);
        const QStringList rows = rig.page->stepList()->rowTexts();
        QCOMPARE(rows, verdicts(r));
        QCOMPARE(rows.first(), QStringLiteral("PASS Module answers AT"));
        QVERIFY(rows.size() >= 8);
        QVERIFY2(rig.page->statusLabel()->text().startsWith(QLatin1String("PASS: ")), qPrintable(rig.page->statusLabel()->text()));
        // Durations in the Time column.
        QVERIFY(rig.page->stepList()->topLevelItem(0)->text(RecipeStepList::TimeColumn).endsWith(QLatin1String(" ms")));
        // The console alongside shows the traffic and the verdicts.
        const QAbstractItemModel *console = rig.page->consoleView()->model();
        bool sawGmr = false, sawVerdict = false;
        for (int i = 0; i < console->rowCount(); ++i) {
            const QString t = console->index(i, 0).data().toString();
            sawGmr |= t.contains(QLatin1String("AT+GMR"));
            sawVerdict |= t.contains(QLatin1String("[module-health] PASS Module answers AT"));
        }
        QVERIFY(sawGmr && sawVerdict);
    }

    void stepsGroupChecks()
    {
        Rig rig;
        QVERIFY(rig.start());
        const RecipeResult r = rig.runSource(QStringLiteral("step('Basics', () => {\n  check('AT', at('AT'));\n  check('no', false, 'why');\n});\n"
                                                            "check('after', true);\n"));
        QCOMPARE(r.verdict, RecipeResult::Verdict::Fail);
        QCOMPARE(rig.page->stepList()->rowTexts(),
                 (QStringList { "FAIL Basics", "  PASS AT", "  FAIL no", "PASS after" }));
        QVERIFY(rig.page->statusLabel()->text().startsWith(QLatin1String("FAIL: 2 of 3")));
    }

    void scriptErrorMarksItsLine()
    {
        Rig rig;
        QVERIFY(rig.start());
        const RecipeResult r = rig.runSource(QStringLiteral("check('AT', at('AT'));\n\nnotDefined();\n"));
        QCOMPARE(r.verdict, RecipeResult::Verdict::Error);
        QCOMPARE(rig.page->editor()->errorLine(), 3);
        QCOMPARE(rig.page->editor()->textCursor().blockNumber(), 2);
        QCOMPARE(rig.page->stepList()->rowTexts().last(), QStringLiteral("ERROR Script error at line 3"));
        QVERIFY(rig.page->statusLabel()->text().contains(QLatin1String(":3: ReferenceError")));
        // Editing clears the mark.
        rig.page->editor()->insertPlainText(QStringLiteral(" "));
        QCOMPARE(rig.page->editor()->errorLine(), 0);
    }

    void stopEndsARunAtOnce()
    {
        Rig rig;
        QVERIFY(rig.start());
        rig.page->editor()->setPlainText(QStringLiteral("check('AT', at('AT'));\nwhile (true) {}\n"));
        QTest::mouseClick(rig.page->runButton(), Qt::LeftButton);
        QTRY_VERIFY(rig.page->stepList()->topLevelItemCount() == 1);
        QVERIFY(rig.page->stopButton()->isEnabled());
        QVERIFY(!rig.page->runButton()->isEnabled());
        QElapsedTimer t;
        t.start();
        QTest::mouseClick(rig.page->stopButton(), Qt::LeftButton);
        QTRY_VERIFY(!rig.page->isRunning());
        QVERIFY(t.elapsed() < 2000);
        QCOMPARE(rig.page->lastResult().verdict, RecipeResult::Verdict::Cancelled);
        QVERIFY(rig.page->runButton()->isEnabled());
        QVERIFY(rig.page->statusLabel()->text().startsWith(QLatin1String("STOPPED")));
    }

    void askIsAnsweredInPlace()
    {
        Rig rig;
        QVERIFY(rig.start());
        QSignalSpy attention(rig.page, &RecipesPage::attentionNeeded);
        rig.page->editor()->setPlainText(QStringLiteral("check('LED', ask('Does the LED blink?', { choices: ['yes', 'no'] }) === 'yes');\n"
                                                        "check('serial', ask('Serial number?') === 'SN-7');\n"));
        QTest::mouseClick(rig.page->runButton(), Qt::LeftButton);
        RecipeAskPanel *ask = rig.page->askPanel();
        QTRY_VERIFY(ask->isVisibleTo(rig.page) && ask->choiceButtons().size() == 2);
        QCOMPARE(attention.size(), 1);
        QCOMPARE(ask->questionLabel()->text(), QStringLiteral("Does the LED blink?"));
        QTest::mouseClick(ask->choiceButtons().first(), Qt::LeftButton);
        QTRY_VERIFY(ask->isVisibleTo(rig.page) && ask->answerEdit()->isVisibleTo(rig.page));
        QTest::keyClicks(ask->answerEdit(), QStringLiteral("SN-7"));
        QTest::keyClick(ask->answerEdit(), Qt::Key_Return);
        QTRY_VERIFY(!rig.page->isRunning());
        QCOMPARE(rig.page->lastResult().verdict, RecipeResult::Verdict::Pass);
        QVERIFY(!ask->isVisibleTo(rig.page));
    }

    void askClosesWhenTheRunEnds()
    {
        Rig rig;
        QVERIFY(rig.start());
        rig.page->editor()->setPlainText(QStringLiteral("ask('Ready?');\n"));
        QTest::mouseClick(rig.page->runButton(), Qt::LeftButton);
        QTRY_VERIFY(rig.page->askPanel()->isVisibleTo(rig.page));
        rig.page->stop();
        QTRY_VERIFY(!rig.page->askPanel()->isVisibleTo(rig.page));
    }

    void parametersReachTheScript()
    {
        Rig rig;
        QVERIFY(rig.start());
        rig.page->editor()->setPlainText(QStringLiteral("// @param host=example.invalid Host\n// @param n=2 Count\n"
                                                        "check('host ' + param('host'), param('host') === '127.0.0.1');\n"
                                                        "check('n ' + param('n'), param('n') === '2');\n"));
        // The parameters come from the recipe as it was shown; show the edited text as a new one.
        QFile f(m_userRecipes.filePath(QStringLiteral("params.js")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(rig.page->editor()->toPlainText().toUtf8());
        f.close();
        QVERIFY(rig.page->selectRecipe(f.fileName()));
        QLineEdit *host = rig.page->paramEdit(QStringLiteral("host"));
        QVERIFY(host);
        QCOMPARE(host->placeholderText(), QStringLiteral("example.invalid"));
        host->setText(QStringLiteral("127.0.0.1"));
        const RecipeResult r = rig.runPage();
        QCOMPARE(verdicts(r), (QStringList { "PASS host 127.0.0.1", "PASS n 2" }));
        QFile::remove(f.fileName());
    }

    void savingAShippedRecipeMakesACopy()
    {
        Rig rig;
        QVERIFY(rig.start());
        rig.page->editor()->appendPlainText(QStringLiteral("log('mine');"));
        QVERIFY(rig.page->save());
        const QString copy = m_userRecipes.filePath(QStringLiteral("module-health.js"));
        QVERIFY(QFile::exists(copy));
        QCOMPARE(rig.page->currentRecipe().filePath, copy);
        QVERIFY(!rig.page->currentRecipe().shipped);
        // The shipped one is untouched.
        QVERIFY(!RecipeLibrary::resolve(QStringLiteral("module-health"))->source.contains(QLatin1String("log('mine');")));
        QFile::remove(copy);
    }

    void editorCompletesAndHighlights()
    {
        QCOMPARE(RecipeEditor::completionsFor(QStringLiteral("wifi.j")), QStringList { QStringLiteral("wifi.join") });
        QVERIFY(RecipeEditor::completionsFor(QStringLiteral("ex")).contains(QStringLiteral("expect")));
        QVERIFY(RecipeEditor::completionsFor(QStringLiteral("mqtt.")).contains(QStringLiteral("mqtt.publish")));
        QVERIFY(RecipeEditor::completionsFor(QStringLiteral("wh")).contains(QStringLiteral("while")));
        RecipeEditor editor;
        editor.resize(600, 300);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.setFocus();
        QTest::keyClicks(&editor, QStringLiteral("wifi.jo"));
        QTRY_VERIFY(editor.completer()->popup()->isVisible());
        QCOMPARE(editor.completer()->currentCompletion(), QStringLiteral("wifi.join"));
        QTest::keyClick(editor.completer()->popup(), Qt::Key_Return);
        QCOMPARE(editor.toPlainText(), QStringLiteral("wifi.join"));
        // Keywords, API names, strings and comments get formats.
        editor.setPlainText(QStringLiteral("const r = at(\"AT\"); // note\n"));
        const QList<QTextLayout::FormatRange> formats = editor.document()->firstBlock().layout()->formats();
        auto formatAt = [&formats](int pos) {
            for (const QTextLayout::FormatRange &f : formats)
                if (pos >= f.start && pos < f.start + f.length)
                    return f.format;
            return QTextCharFormat();
        };
        QCOMPARE(formatAt(0).fontWeight(), int(QFont::Bold));      // const
        QVERIFY(formatAt(10).foreground() != formatAt(4).foreground()); // at( vs r
        QVERIFY(formatAt(13).foreground().style() != Qt::NoBrush);      // "AT"
        QVERIFY(formatAt(23).fontItalic());                            // the comment
    }

    void screenshotRunsModuleHealth()
    {
        // --screenshot with the Recipes page: it runs module-health and leaves the settings alone.
        QTemporaryDir out;
        DeviceSession session;
        DeviceModel model;
        model.follow(&session);
        ModuleServices services(&session, &model);
        MainWindow w(&session, &model);
        auto *page = new RecipesPage(services.services(), w.messages());
        w.addPage(page);
        LaunchOptions opts;
        opts.screenshotDir = out.path();
        QString error;
        // Every page and the timeline panel, in both languages.
        QCOMPARE(w.saveScreenshots(opts, &error), 2 * (w.pageCount() + 1));
        QVERIFY(QFile::exists(out.filePath(QStringLiteral("recipesPage_en.png"))));
        QVERIFY(QFile::exists(out.filePath(QStringLiteral("recipesPage_zh_CN.png"))));
        QCOMPARE(page->lastResult().verdict, RecipeResult::Verdict::Pass);
        QVERIFY2(QSettings().allKeys().isEmpty(), qPrintable(QSettings().allKeys().join(QLatin1Char(' '))));
    }

    void sameVerdictsAsTheCli_data()
    {
        QTest::addColumn<QStringList>("simArgs");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("healthy") << QStringList() << 0;
        QTest::newRow("join fails") << QStringList { "--fault", "join-fail:3" } << 1;
    }
    void sameVerdictsAsTheCli()
    {
        QFETCH(QStringList, simArgs);
        QFETCH(int, exitCode);
        if (!QFile::exists(clitest::cliBinary()))
            QFAIL("atbench-cli was not built");
        Rig rig;
        QVERIFY(rig.start(simArgs));
        const RecipeResult gui = rig.runPage();
        QVERIFY(!gui.checks.isEmpty());

        simtest::SimProcess other;
        QString error;
        QVERIFY2(other.start(simArgs, &error), qPrintable(error));
        const clitest::CliRun cli = clitest::runCli({ QStringLiteral("run"), QStringLiteral("module-health"), QStringLiteral("--port"),
                                                      other.link(), QStringLiteral("--json") });
        QCOMPARE(cli.exitCode, exitCode);
        const QJsonObject port = QJsonDocument::fromJson(cli.out).object().value(QStringLiteral("ports")).toArray().first().toObject();
        QStringList cliVerdicts;
        for (const QJsonValue &v : port.value(QStringLiteral("checks")).toArray())
            cliVerdicts << (v.toObject().value(QStringLiteral("passed")).toBool() ? QStringLiteral("PASS ") : QStringLiteral("FAIL "))
                    + v.toObject().value(QStringLiteral("name")).toString();
        QCOMPARE(cliVerdicts, verdicts(gui));
        QCOMPARE(port.value(QStringLiteral("verdict")).toString(), RecipeResult::verdictName(gui.verdict));
    }

private:
    QTemporaryDir m_settings;
    QTemporaryDir m_userRecipes;
};

QTEST_MAIN(tst_RecipesPage)
#include "tst_recipespage.moc"
