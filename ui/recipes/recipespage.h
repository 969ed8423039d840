#pragma once

#include "pages/page.h"
#include "recipes/recipe.h"
#include "recipes/reciperesult.h"
#include "recipes/recipeservices.h"

#include <QHash>

namespace atb {
class RecipeRunner;
}
class ConsoleModel;
class Messages;
class QFormLayout;
class QFrame;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTabWidget;
class RecipeAskPanel;
class RecipeEditor;
class RecipeStepList;
class TriggersPanel;

// The Recipes page. Tab "Recipes": the library (shipped recipes, then the user's folder), the
// editor (highlighting, API completion, the line of a script error marked), the recipe's
// parameters, Run (Ctrl+R) / Stop (Esc) with a time limit, the live step list (PASS/FAIL and
// durations), the questions of ask() answered in place, and the console alongside. Tab
// "Triggers": TriggersPanel. A recipe runs in its own thread (RecipeRunner) through the same
// command queue and services as the other pages; the page never waits for it.
class RecipesPage : public Page
{
    Q_OBJECT
public:
    RecipesPage(const atb::RecipeServices &services, Messages *messages, QWidget *parent = nullptr);
    ~RecipesPage() override;

    // Shows the recipe (a shipped name, a user recipe's name, or a file) in the editor.
    bool selectRecipe(const QString &nameOrPath);
    // Runs what the editor holds, with the parameters of the form; false while one runs.
    bool run();
    // selectRecipe() then run(): for quick-send buttons and triggers.
    bool runRecipe(const QString &nameOrPath);
    void stop();
    bool isRunning() const;
    atb::RecipeResult lastResult() const;
    atb::Recipe currentRecipe() const { return m_current; }

    // Saves the editor's text: to its file, or for a shipped recipe to a copy in the user's folder.
    bool save();
    // A new recipe from a template (not written until saved).
    void newRecipe();
    // Settings (parameter values, the last recipe) are read and written unless turned off.
    void setPersist(bool on) { m_persist = on; }

    QTabWidget *tabs() const { return m_tabs; }
    QListWidget *library() const { return m_library; }
    RecipeEditor *editor() const { return m_editor; }
    RecipeStepList *stepList() const { return m_steps; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *saveButton() const { return m_save; }
    QSpinBox *limitSpin() const { return m_limit; }
    QLabel *statusLabel() const { return m_status; }
    QLineEdit *paramEdit(const QString &name) const;
    RecipeAskPanel *askPanel() const { return m_ask; }
    TriggersPanel *triggersPanel() const { return m_triggers; }
    QListView *consoleView() const { return m_consoleView; }
    atb::RecipeRunner *runner() const { return m_runner; }

    void prepareScreenshot() override;
    bool isScreenshotPending() const override;

signals:
    // ask() waits for an answer: the window shows this page.
    void attentionNeeded();

protected:
    void retranslate() override;
    void updateColours() override;

private:
    void reloadLibrary(const QString &select = QString());
    void showRecipe(const atb::Recipe &recipe);
    void rebuildParams();
    void onEvent(const atb::RecipeEvent &e);
    void onFinished(const atb::RecipeResult &r);
    void setRunning(bool running);
    void setStatus(const QString &text, bool problem = false);
    QHash<QString, QString> paramValues() const;
    void rememberParams();

    atb::RecipeServices m_services;
    Messages *m_messages;
    atb::RecipeRunner *m_runner;
    atb::Recipe m_current;
    QHash<QString, QString> m_texts; // edited text per recipe file, kept while switching
    bool m_persist = true;
    bool m_screenshotRun = false;

    QTabWidget *m_tabs;
    QListWidget *m_library;
    QPushButton *m_new;
    QPushButton *m_save;
    QLabel *m_folder;
    QLabel *m_title;
    RecipeEditor *m_editor;
    QFrame *m_paramsBox;
    QFormLayout *m_params;
    QLabel *m_paramsTitle;
    QPushButton *m_run;
    QPushButton *m_stop;
    QLabel *m_limitLabel;
    QSpinBox *m_limit;
    QLabel *m_status;
    RecipeStepList *m_steps;
    RecipeAskPanel *m_ask;
    ConsoleModel *m_console;
    QListView *m_consoleView;
    QLabel *m_consoleTitle;
    TriggersPanel *m_triggers;
};
