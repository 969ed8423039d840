#include "recipespage.h"

#include "console/consolemodel.h"
#include "dialogs/messages.h"
#include "engine/devicesession.h"
#include "pages/pagecommon.h"
#include "recipeaskpanel.h"
#include "recipeeditor.h"
#include "recipes/reciperunner.h"
#include "recipesteplist.h"
#include "theme.h"
#include "triggerspanel.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {
constexpr int kPathRole = Qt::UserRole + 1;
constexpr int kSectionRole = Qt::UserRole + 2; // 1: the shipped recipes' heading, 2: the user's
constexpr int kConsoleCapacity = 5000;
const char kLastKey[] = "recipes/last";
const char kFirstRecipe[] = "module-health";

// A checklist with a play mark, drawn from the palette.
QIcon recipesIcon(const QPalette &pal)
{
    return paletteIcon([&pal](QPainter &p, qreal s) {
        QPen pen(pal.color(QPalette::Text), 1.6 * s);
        pen.setCapStyle(Qt::RoundCap);
        p.setPen(pen);
        p.setBrush(pal.color(QPalette::Base));
        p.drawRoundedRect(QRectF(3 * s, 2 * s, 14 * s, 20 * s), 2 * s, 2 * s);
        for (int i = 0; i < 3; ++i)
            p.drawLine(QPointF(6.5 * s, (7 + 5 * i) * s), QPointF(13.5 * s, (7 + 5 * i) * s));
        p.setBrush(pal.color(QPalette::Highlight));
        p.setPen(Qt::NoPen);
        QPolygonF play;
        play << QPointF(14 * s, 13 * s) << QPointF(22 * s, 17.5 * s) << QPointF(14 * s, 22 * s);
        p.drawPolygon(play);
    });
}

QString newRecipeTemplate()
{
    return QStringLiteral(
        "// @recipe My check\n"
        "// @summary What this recipe checks.\n"
        "// @timeout 60\n"
        "// @param host=127.0.0.1 Host to ping\n"
        "\n"
        "require(\"Module answers AT\", at(\"AT\"));\n"
        "const ping = net.ping(param(\"host\"));\n"
        "check(\"Ping \" + param(\"host\"), ping.ok, ping.ok ? ping.text : ping.message);\n");
}
} // namespace

RecipesPage::RecipesPage(const atb::RecipeServices &services, Messages *messages, QWidget *parent)
    : Page(parent), m_services(services), m_messages(messages), m_runner(new atb::RecipeRunner(services, this)),
      m_tabs(new QTabWidget(this)), m_console(new ConsoleModel(kConsoleCapacity, this))
{
    setObjectName(QStringLiteral("recipesPage"));

    // Library.
    auto *libraryPane = new QWidget(this);
    m_library = new QListWidget(libraryPane);
    m_library->setObjectName(QStringLiteral("recipeLibrary"));
    m_new = new QPushButton(libraryPane);
    m_new->setObjectName(QStringLiteral("newRecipeButton"));
    m_save = new QPushButton(libraryPane);
    m_save->setObjectName(QStringLiteral("saveRecipeButton"));
    m_folder = new QLabel(libraryPane);
    m_folder->setObjectName(QStringLiteral("recipeFolder"));
    m_folder->setWordWrap(true);
    m_folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *libButtons = new QHBoxLayout;
    libButtons->addWidget(m_new);
    libButtons->addWidget(m_save);
    auto *libLay = new QVBoxLayout(libraryPane);
    libLay->setContentsMargins(0, 0, 0, 0);
    libLay->addWidget(m_library, 1);
    libLay->addLayout(libButtons);
    libLay->addWidget(m_folder);

    // Editor, parameters, run bar.
    auto *editPane = new QWidget(this);
    m_title = new QLabel(editPane);
    m_title->setObjectName(QStringLiteral("recipeTitle"));
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::RichText);
    m_editor = new RecipeEditor(editPane);
    // The parameters scroll in a strip of about three rows, so the editor keeps its room.
    m_paramsBox = new QFrame(editPane);
    m_paramsBox->setObjectName(QStringLiteral("recipeParams"));
    m_paramsTitle = new QLabel(m_paramsBox);
    auto *paramsScroll = new QScrollArea(m_paramsBox);
    paramsScroll->setWidgetResizable(true);
    paramsScroll->setFrameShape(QFrame::NoFrame);
    auto *paramsForm = new QWidget(paramsScroll);
    m_params = new QFormLayout(paramsForm);
    m_params->setContentsMargins(0, 0, 4, 0);
    paramsScroll->setWidget(paramsForm);
    paramsScroll->setMaximumHeight(3 * (QLineEdit().sizeHint().height() + m_params->verticalSpacing()) + 6);
    auto *paramsLay = new QVBoxLayout(m_paramsBox);
    paramsLay->setContentsMargins(0, 0, 0, 0);
    paramsLay->addWidget(m_paramsTitle);
    paramsLay->addWidget(paramsScroll);
    m_run = new QPushButton(editPane);
    m_run->setObjectName(QStringLiteral("runRecipeButton"));
    m_run->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_stop = new QPushButton(editPane);
    m_stop->setObjectName(QStringLiteral("stopRecipeButton"));
    m_stop->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_limitLabel = new QLabel(editPane);
    m_limit = new QSpinBox(editPane);
    m_limit->setObjectName(QStringLiteral("recipeLimit"));
    m_limit->setRange(1, atb::Recipe::kMaxTimeoutS);
    m_limit->setSuffix(QStringLiteral(" s"));
    m_limitLabel->setBuddy(m_limit);
    m_status = new QLabel(editPane);
    m_status->setObjectName(QStringLiteral("recipeStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_run);
    runRow->addWidget(m_stop);
    runRow->addSpacing(12);
    runRow->addWidget(m_limitLabel);
    runRow->addWidget(m_limit);
    runRow->addStretch(1);
    auto *editLay = new QVBoxLayout(editPane);
    editLay->setContentsMargins(0, 0, 0, 0);
    editLay->addWidget(m_title);
    editLay->addWidget(m_editor, 1);
    editLay->addWidget(m_paramsBox);
    editLay->addLayout(runRow);
    editLay->addWidget(m_status);

    // Steps, questions, console.
    auto *resultPane = new QSplitter(Qt::Vertical, this);
    resultPane->setObjectName(QStringLiteral("recipeResultSplitter"));
    auto *stepsBox = new QWidget(resultPane);
    m_steps = new RecipeStepList(stepsBox);
    m_ask = new RecipeAskPanel(stepsBox);
    auto *stepsLay = new QVBoxLayout(stepsBox);
    stepsLay->setContentsMargins(0, 0, 0, 0);
    stepsLay->addWidget(m_steps, 1);
    stepsLay->addWidget(m_ask);
    auto *consoleBox = new QWidget(resultPane);
    m_consoleTitle = new QLabel(consoleBox);
    m_consoleView = new QListView(consoleBox);
    m_consoleView->setObjectName(QStringLiteral("recipeConsole"));
    m_consoleView->setModel(m_console);
    m_consoleView->setUniformItemSizes(true);
    m_consoleView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_consoleView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *consoleLay = new QVBoxLayout(consoleBox);
    consoleLay->setContentsMargins(0, 0, 0, 0);
    consoleLay->addWidget(m_consoleTitle);
    consoleLay->addWidget(m_consoleView, 1);
    resultPane->addWidget(stepsBox);
    resultPane->addWidget(consoleBox);
    resultPane->setStretchFactor(0, 3);
    resultPane->setStretchFactor(1, 2);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("recipeSplitter"));
    split->addWidget(libraryPane);
    split->addWidget(editPane);
    split->addWidget(resultPane);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setStretchFactor(2, 4);
    split->setSizes({ 200, 500, 430 });

    m_triggers = new TriggersPanel(services.session, this);
    m_triggers->setRecipeStarter([this](const QString &name) { return runRecipe(name); });
    m_tabs->setObjectName(QStringLiteral("recipeTabs"));
    m_tabs->addTab(split, QString());
    m_tabs->addTab(m_triggers, QString());
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(m_tabs);

    auto *runAction = new QAction(this);
    runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    runAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(runAction, &QAction::triggered, this, &RecipesPage::run);
    addAction(runAction);
    auto *stopAction = new QAction(this);
    stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    stopAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(stopAction, &QAction::triggered, this, &RecipesPage::stop);
    addAction(stopAction);

    connect(m_run, &QPushButton::clicked, this, &RecipesPage::run);
    connect(m_stop, &QPushButton::clicked, this, &RecipesPage::stop);
    connect(m_new, &QPushButton::clicked, this, &RecipesPage::newRecipe);
    connect(m_save, &QPushButton::clicked, this, &RecipesPage::save);
    connect(m_library, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item || item->data(kPathRole).toString().isEmpty())
            return;
        if (const std::optional<atb::Recipe> r = atb::Recipe::load(item->data(kPathRole).toString())) {
            showRecipe(*r);
            if (m_persist)
                QSettings().setValue(QLatin1String(kLastKey), r->filePath); // shown first next time
        }
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_current.filePath.isEmpty())
            m_texts.insert(m_current.filePath, m_editor->toPlainText());
    });
    connect(m_runner, &atb::RecipeRunner::event, this, &RecipesPage::onEvent);
    connect(m_runner, &atb::RecipeRunner::finished, this, &RecipesPage::onFinished);
    connect(m_runner, &atb::RecipeRunner::runningChanged, this, &RecipesPage::setRunning);
    connect(m_runner, &atb::RecipeRunner::askRequested, this,
            [this](quint64 id, const QString &question, const QStringList &choices) {
                m_tabs->setCurrentIndex(0);
                m_ask->ask(id, question, choices);
                emit attentionNeeded();
            });
    connect(m_runner, &atb::RecipeRunner::askClosed, m_ask, &RecipeAskPanel::close);
    connect(m_ask, &RecipeAskPanel::answered, m_runner, &atb::RecipeRunner::answer);
    connect(services.session->log(), &atb::SessionLog::recordsAppended, this, [this](const QList<atb::LogRecord> &records) {
        QScrollBar *sb = m_consoleView->verticalScrollBar();
        const bool atBottom = sb->value() >= sb->maximum();
        m_console->appendRecords(records);
        if (atBottom)
            m_consoleView->scrollToBottom();
    });

    m_console->setColours(ThemeColours::fromPalette(palette()));
    const QString last = QSettings().value(QLatin1String(kLastKey)).toString();
    reloadLibrary(last.isEmpty() ? QString() : last);
    if (m_current.filePath.isEmpty())
        reloadLibrary(QStringLiteral(":/recipes/%1.js").arg(QLatin1String(kFirstRecipe)));
    setRunning(false);
    retranslate();
}

RecipesPage::~RecipesPage()
{
    // A run in progress stops (and its thread ends) while the page it reports to is still whole.
    delete m_runner;
}

void RecipesPage::reloadLibrary(const QString &select)
{
    const QSignalBlocker block(m_library);
    m_library->clear();
    auto addSection = [this](const QString &title, int section) {
        auto *item = new QListWidgetItem(title, m_library);
        item->setData(kSectionRole, section);
        item->setFlags(Qt::NoItemFlags);
        QFont f = m_library->font();
        f.setBold(true);
        item->setFont(f);
    };
    QListWidgetItem *chosen = nullptr;
    auto addRecipes = [&](const QList<atb::Recipe> &list) {
        for (const atb::Recipe &r : list) {
            auto *item = new QListWidgetItem(r.title, m_library);
            item->setData(kPathRole, r.filePath);
            item->setToolTip(r.summary.isEmpty() ? r.filePath : r.summary + QStringLiteral("\n") + r.filePath);
            if (r.filePath == select || (!chosen && r.filePath == m_current.filePath))
                chosen = item;
        }
    };
    addSection(tr("Shipped"), 1);
    addRecipes(atb::RecipeLibrary::shipped());
    addSection(tr("Yours"), 2);
    addRecipes(atb::RecipeLibrary::user());
    if (chosen) {
        m_library->setCurrentItem(chosen);
        if (chosen->data(kPathRole).toString() != m_current.filePath)
            if (const std::optional<atb::Recipe> r = atb::Recipe::load(chosen->data(kPathRole).toString()))
                showRecipe(*r);
    }
}

void RecipesPage::showRecipe(const atb::Recipe &recipe)
{
    rememberParams();
    m_current = recipe;
    {
        const QSignalBlocker block(m_editor);
        m_editor->setPlainText(m_texts.value(recipe.filePath, recipe.source));
    }
    m_editor->markErrorLine(0);
    m_title->setText(QStringLiteral("<b>%1</b>%2").arg(recipe.title.toHtmlEscaped(),
                                                       recipe.summary.isEmpty() ? QString()
                                                                                : QStringLiteral("<br>") + recipe.summary.toHtmlEscaped()));
    m_limit->setValue(recipe.timeoutS);
    rebuildParams();
}

void RecipesPage::rebuildParams()
{
    while (m_params->rowCount() > 0)
        m_params->removeRow(0);
    const QString group = QStringLiteral("recipes/params/") + m_current.id;
    QSettings settings;
    for (const atb::RecipeParam &p : std::as_const(m_current.params)) {
        auto *edit = new QLineEdit(m_paramsBox);
        edit->setObjectName(QStringLiteral("param_") + p.name);
        edit->setPlaceholderText(p.defaultValue);
        edit->setToolTip(p.description);
        if (p.secret)
            edit->setEchoMode(QLineEdit::Password); // never stored
        else if (m_persist)
            edit->setText(settings.value(group + QLatin1Char('/') + p.name).toString());
        m_params->addRow(p.name + QLatin1Char(':'), edit);
    }
    m_paramsBox->setVisible(!m_current.params.isEmpty());
}

QLineEdit *RecipesPage::paramEdit(const QString &name) const
{
    return m_paramsBox->findChild<QLineEdit *>(QStringLiteral("param_") + name);
}

QHash<QString, QString> RecipesPage::paramValues() const
{
    QHash<QString, QString> values;
    for (const atb::RecipeParam &p : m_current.params)
        if (QLineEdit *e = paramEdit(p.name); e && !e->text().isEmpty())
            values.insert(p.name, e->text());
    return values;
}

void RecipesPage::rememberParams()
{
    if (!m_persist || m_current.id.isEmpty())
        return;
    QSettings settings;
    const QString group = QStringLiteral("recipes/params/") + m_current.id;
    for (const atb::RecipeParam &p : std::as_const(m_current.params))
        if (QLineEdit *e = paramEdit(p.name); e && !p.secret)
            settings.setValue(group + QLatin1Char('/') + p.name, e->text());
}

bool RecipesPage::selectRecipe(const QString &nameOrPath)
{
    QString error;
    const std::optional<atb::Recipe> r = atb::RecipeLibrary::resolve(nameOrPath, &error);
    if (!r) {
        setStatus(error, true);
        return false;
    }
    for (int i = 0; i < m_library->count(); ++i) {
        if (m_library->item(i)->data(kPathRole).toString() == r->filePath) {
            m_library->setCurrentRow(i);
            return true;
        }
    }
    m_library->setCurrentRow(-1);
    showRecipe(*r);
    return true;
}

bool RecipesPage::run()
{
    if (m_runner->isRunning())
        return false;
    rememberParams();
    atb::Recipe recipe = atb::Recipe::fromSource(m_editor->toPlainText(), m_current.filePath);
    recipe.shipped = m_current.shipped;
    atb::RecipeRunOptions o;
    o.params = paramValues();
    o.interactive = true;
    o.timeoutS = m_limit->value();
    o.port = m_services.session->linkName();
    m_steps->clearRun();
    m_editor->markErrorLine(0);
    if (!m_runner->start(recipe, o))
        return false;
    setStatus(tr("Running %1…").arg(recipe.title));
    return true;
}

bool RecipesPage::runRecipe(const QString &nameOrPath)
{
    if (m_runner->isRunning() || !selectRecipe(nameOrPath))
        return false;
    return run();
}

void RecipesPage::stop()
{
    m_runner->cancel();
}

bool RecipesPage::isRunning() const
{
    return m_runner->isRunning();
}

atb::RecipeResult RecipesPage::lastResult() const
{
    return m_runner->lastResult();
}

void RecipesPage::onEvent(const atb::RecipeEvent &e)
{
    m_steps->apply(e);
    if (e.kind == atb::RecipeEvent::Kind::Activity && m_runner->isRunning())
        setStatus(e.detail.isEmpty() ? tr("Running %1…").arg(m_current.title) : tr("Waiting for: %1").arg(e.detail));
}

void RecipesPage::onFinished(const atb::RecipeResult &r)
{
    m_steps->finish(r);
    m_ask->close(m_ask->pendingId());
    if (r.errorLine > 0 && r.errorFile == m_current.filePath)
        m_editor->markErrorLine(r.errorLine);
    QString text = tr("%1: %2 of %3 checks passed in %4 s")
                       .arg(atb::RecipeResult::verdictText(r.verdict))
                       .arg(r.checks.size() - r.failedCount())
                       .arg(r.checks.size())
                       .arg(r.durationMs / 1000.0, 0, 'f', 1);
    if (!r.message.isEmpty() && r.verdict != atb::RecipeResult::Verdict::Fail)
        text += QStringLiteral(" — ") + r.errorText();
    setStatus(text, !r.passed());
    m_screenshotRun = false;
}

void RecipesPage::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_stop->setEnabled(running);
    m_limit->setEnabled(!running);
}

void RecipesPage::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    setTextColour(m_status, problem ? ThemeColours::fromPalette(palette()).error : QColor());
}

bool RecipesPage::save()
{
    QString path = m_current.filePath;
    if (m_current.shipped || path.isEmpty() || path.startsWith(QLatin1Char(':'))) {
        // A shipped recipe is read-only: the edited copy goes to the user's folder.
        const QDir dir(atb::RecipeLibrary::userDir());
        QString name = m_current.id.isEmpty() ? QStringLiteral("recipe") : m_current.id;
        path = dir.filePath(name + QStringLiteral(".js"));
        for (int n = 2; QFileInfo::exists(path); ++n)
            path = dir.filePath(QStringLiteral("%1-%2.js").arg(name).arg(n));
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    const QByteArray text = m_editor->toPlainText().toUtf8();
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size() || !f.commit()) {
        if (m_messages)
            m_messages->warning(tr("Save Recipe"), tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), f.errorString()));
        return false;
    }
    m_texts.remove(m_current.filePath);
    setStatus(tr("Saved to %1").arg(QDir::toNativeSeparators(path)));
    reloadLibrary(path);
    return true;
}

void RecipesPage::newRecipe()
{
    const QDir dir(atb::RecipeLibrary::userDir());
    QString path = dir.filePath(QStringLiteral("new-recipe.js"));
    for (int n = 2; QFileInfo::exists(path) || m_texts.contains(path); ++n)
        path = dir.filePath(QStringLiteral("new-recipe-%1.js").arg(n));
    m_library->setCurrentRow(-1);
    showRecipe(atb::Recipe::fromSource(newRecipeTemplate(), path));
    m_editor->setFocus();
    setStatus(tr("A new recipe: Save writes it to %1").arg(QDir::toNativeSeparators(path)));
}

void RecipesPage::prepareScreenshot()
{
    m_persist = false; // --screenshot leaves the settings alone
    if (m_runner->isRunning() || !selectRecipe(QStringLiteral(":/recipes/%1.js").arg(QLatin1String(kFirstRecipe))))
        return;
    m_screenshotRun = run();
}

bool RecipesPage::isScreenshotPending() const
{
    return m_screenshotRun && m_runner->isRunning();
}

void RecipesPage::updateColours()
{
    m_console->setColours(ThemeColours::fromPalette(palette()));
    setWindowIcon(recipesIcon(palette()));
}

void RecipesPage::retranslate()
{
    setWindowTitle(tr("Recipes"));
    setToolTip(tr("Scripted checks with verdicts, quick-send buttons and triggers"));
    setWindowIcon(recipesIcon(palette()));
    m_tabs->setTabText(0, tr("Recipes"));
    for (int i = 0; i < m_library->count(); ++i) {
        QListWidgetItem *item = m_library->item(i);
        if (const int section = item->data(kSectionRole).toInt())
            item->setText(section == 1 ? tr("Shipped") : tr("Yours"));
    }
    m_tabs->setTabText(1, tr("Triggers"));
    m_new->setText(tr("&New"));
    m_new->setToolTip(tr("Start a new recipe from a template"));
    m_save->setText(tr("&Save"));
    m_save->setToolTip(tr("Save the recipe; a shipped one is saved as a copy in your folder"));
    m_folder->setText(tr("Your recipes: %1").arg(QDir::toNativeSeparators(atb::RecipeLibrary::userDir())));
    m_paramsTitle->setText(tr("Parameters (empty: the default shown)"));
    m_run->setText(tr("&Run"));
    m_run->setToolTip(tr("Run the recipe in the editor on the connected module (Ctrl+R)"));
    m_stop->setText(tr("S&top"));
    m_stop->setToolTip(tr("Stop the recipe now (Esc)"));
    m_limitLabel->setText(tr("Time &limit:"));
    m_limit->setToolTip(tr("The whole recipe stops when this time has passed"));
    m_consoleTitle->setText(tr("Console"));
    m_editor->setPlaceholderText(tr("// A recipe is JavaScript: at(\"AT\"), check(name, condition), ..."));
}
