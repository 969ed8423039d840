#include "quicksendbar.h"

#include "console/consolemodel.h"
#include "engine/devicesession.h"
#include "recipes/recipe.h"
#include "services/commandrunner.h"
#include "theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSettings>
#include <QToolButton>

namespace {
const char kSettingsKey[] = "quickSend/items";
const char kOrigin[] = "quicksend";
} // namespace

QuickSendBar::QuickSendBar(atb::DeviceSession *session, QWidget *parent)
    : QToolBar(parent), m_session(session), m_runner(new atb::CommandRunner(session, this)), m_editor(&QuickSendDialog::edit)
{
    setObjectName(QStringLiteral("quickSendBar"));
    setAcceptDrops(true);
    setMovable(false);
    setFloatable(false);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_runner, &atb::CommandRunner::finished, this, [this](const atb::OperationResult &r) {
        if (!r.ok)
            note(r.message, true);
    });
    m_items = QuickSendItem::fromJson(QSettings().value(QLatin1String(kSettingsKey)).toByteArray());
    rebuild();
}

void QuickSendBar::setItems(const QList<QuickSendItem> &items)
{
    m_items = items;
    rebuild();
    save();
}

void QuickSendBar::addItem(const QuickSendItem &item)
{
    m_items << item;
    rebuild();
    save();
}

void QuickSendBar::replaceItem(int index, const QuickSendItem &item)
{
    if (index < 0 || index >= m_items.size())
        return;
    m_items[index] = item;
    rebuild();
    save();
}

void QuickSendBar::removeItem(int index)
{
    if (index < 0 || index >= m_items.size())
        return;
    m_items.removeAt(index);
    rebuild();
    save();
}

void QuickSendBar::moveItem(int index, int delta)
{
    const int to = index + delta;
    if (index < 0 || index >= m_items.size() || to < 0 || to >= m_items.size())
        return;
    m_items.move(index, to);
    rebuild();
    save();
}

void QuickSendBar::save()
{
    if (m_persist)
        QSettings().setValue(QLatin1String(kSettingsKey), QuickSendItem::toJson(m_items));
    emit itemsChanged();
}

bool QuickSendBar::isSequenceRunning() const
{
    return m_runner->isBusy();
}

void QuickSendBar::note(const QString &text, bool problem)
{
    // In the session log: the console shows it beside the lines it is about.
    m_session->log()->appendInfo(text, problem);
}

bool QuickSendBar::run(int index)
{
    if (index < 0 || index >= m_items.size())
        return false;
    const QuickSendItem &item = m_items[index];
    if (const QString problem = item.problem(); !problem.isEmpty()) {
        note(tr("Quick send \"%1\": %2").arg(item.label, problem), true);
        return false;
    }
    const bool beken = m_session->dialect() == atb::Dialect::Beken;
    switch (item.kind) {
    case QuickSendItem::Kind::Command: {
        atb::AtCommand c = atb::AtCommand::fromLine(item.lines().first().toUtf8(), beken);
        c.origin = QLatin1String(kOrigin);
        m_session->submit(c);
        return true;
    }
    case QuickSendItem::Kind::Sequence: {
        QList<atb::AtCommand> commands;
        for (const QString &l : item.lines()) {
            atb::AtCommand c = atb::AtCommand::fromLine(l.toUtf8(), beken);
            c.origin = QLatin1String(kOrigin);
            commands << c;
        }
        if (!m_runner->run(item.label, commands)) {
            note(tr("Quick send \"%1\": the previous sequence is still running.").arg(item.label), true);
            return false;
        }
        return true;
    }
    case QuickSendItem::Kind::Recipe:
        if (!m_startRecipe || !m_startRecipe(item.text.trimmed())) {
            note(tr("Quick send \"%1\": the recipe %2 could not start (another one is running?)").arg(item.label, item.text), true);
            return false;
        }
        return true;
    }
    return false;
}

void QuickSendBar::rebuild()
{
    clear();
    m_buttons.clear();
    for (int i = 0; i < m_items.size(); ++i) {
        const QuickSendItem &item = m_items[i];
        auto *b = new QToolButton(this);
        b->setObjectName(QStringLiteral("quickSend%1").arg(i));
        b->setText(item.label);
        b->setToolTip(item.kind == QuickSendItem::Kind::Recipe ? tr("Run the recipe %1").arg(item.text) : item.lines().join(QLatin1Char('\n')));
        b->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(b, &QToolButton::clicked, this, [this, i] { run(i); });
        connect(b, &QToolButton::customContextMenuRequested, this, [this, i, b](const QPoint &pos) {
            QMenu menu(this);
            menu.addAction(tr("&Edit…"), this, [this, i] { editItem(i); });
            menu.addAction(tr("Move &left"), this, [this, i] { moveItem(i, -1); })->setEnabled(i > 0);
            menu.addAction(tr("Move &right"), this, [this, i] { moveItem(i, 1); })->setEnabled(i + 1 < m_items.size());
            menu.addSeparator();
            menu.addAction(tr("&Remove"), this, [this, i] { removeItem(i); });
            menu.exec(b->mapToGlobal(pos));
        });
        addWidget(b);
        m_buttons << b;
    }
    if (!m_items.isEmpty())
        addSeparator();
    m_newAction = addAction(QStringLiteral("+"), this, &QuickSendBar::newItem);
    m_newAction->setObjectName(QStringLiteral("quickSendAdd"));
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("quickSendHint"));
    m_hintAction = addWidget(m_hint);
    m_hintAction->setVisible(m_items.isEmpty());
    retranslate();
}

void QuickSendBar::retranslate()
{
    setWindowTitle(tr("Quick send"));
    if (m_newAction)
        m_newAction->setToolTip(tr("Add a quick-send button: a command, a sequence or a recipe"));
    if (m_hint)
        m_hint->setText(tr("Quick send: press + or drag console lines here to make buttons"));
}

void QuickSendBar::newItem()
{
    QuickSendItem item;
    if (m_editor && m_editor(this, &item))
        addItem(item);
}

void QuickSendBar::editItem(int index)
{
    if (index < 0 || index >= m_items.size())
        return;
    QuickSendItem item = m_items[index];
    if (m_editor && m_editor(this, &item))
        replaceItem(index, item);
}

void QuickSendBar::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(ConsoleModel::linesMimeType()) || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void QuickSendBar::dragMoveEvent(QDragMoveEvent *event)
{
    event->acceptProposedAction();
}

void QuickSendBar::dropEvent(QDropEvent *event)
{
    QString why;
    const QList<QuickSendItem> made = QuickSendItem::fromDrop(event->mimeData(), &why);
    if (made.isEmpty()) {
        note(why, true);
        event->ignore();
        return;
    }
    for (const QuickSendItem &i : made)
        addItem(i);
    event->acceptProposedAction();
}

void QuickSendBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QToolBar::changeEvent(event);
}

// ---- the dialog ----------------------------------------------------------------------------

QuickSendDialog::QuickSendDialog(QWidget *parent)
    : QDialog(parent), m_label(new QLineEdit(this)), m_kind(new QComboBox(this)), m_text(new QPlainTextEdit(this)),
      m_recipe(new QComboBox(this)), m_textLabel(new QLabel(this)), m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("quickSendDialog"));
    setWindowTitle(tr("Quick-send button"));
    m_label->setObjectName(QStringLiteral("quickSendLabel"));
    m_kind->setObjectName(QStringLiteral("quickSendKind"));
    m_kind->addItem(tr("Send a command"), int(QuickSendItem::Kind::Command));
    m_kind->addItem(tr("Send a sequence (one command per line)"), int(QuickSendItem::Kind::Sequence));
    m_kind->addItem(tr("Run a recipe"), int(QuickSendItem::Kind::Recipe));
    m_text->setObjectName(QStringLiteral("quickSendText"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTabChangesFocus(true);
    m_recipe->setObjectName(QStringLiteral("quickSendRecipe"));
    m_recipe->setEditable(true);
    for (const atb::Recipe &r : atb::RecipeLibrary::shipped() + atb::RecipeLibrary::user())
        m_recipe->addItem(r.title, r.shipped ? r.id : r.filePath);
    m_problem->setObjectName(QStringLiteral("quickSendProblem"));
    m_problem->setWordWrap(true);
    setTextColour(m_problem, ThemeColours::fromPalette(palette()).error);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Label:"), m_label);
    form->addRow(tr("&Does:"), m_kind);
    form->addRow(m_textLabel, m_text);
    form->addRow(tr("&Recipe:"), m_recipe);
    form->addRow(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QuickSendDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &QuickSendDialog::updateKind);
    updateKind();
}

void QuickSendDialog::updateKind()
{
    const auto kind = QuickSendItem::Kind(m_kind->currentData().toInt());
    const bool recipe = kind == QuickSendItem::Kind::Recipe;
    m_text->setVisible(!recipe);
    m_textLabel->setVisible(!recipe);
    m_recipe->setVisible(recipe);
    if (auto *form = qobject_cast<QFormLayout *>(layout()); form && form->labelForField(m_recipe))
        form->labelForField(m_recipe)->setVisible(recipe);
    m_textLabel->setText(kind == QuickSendItem::Kind::Sequence ? tr("&Commands:") : tr("&Command:"));
    m_text->setPlaceholderText(kind == QuickSendItem::Kind::Sequence ? QStringLiteral("AT\nAT+GMR\nAT+CWJAP?") : QStringLiteral("AT+GMR"));
}

void QuickSendDialog::setItem(const QuickSendItem &item)
{
    m_label->setText(item.label);
    m_kind->setCurrentIndex(m_kind->findData(int(item.kind)));
    if (item.kind == QuickSendItem::Kind::Recipe) {
        const int i = m_recipe->findData(item.text);
        if (i >= 0)
            m_recipe->setCurrentIndex(i);
        else
            m_recipe->setEditText(item.text);
    } else {
        m_text->setPlainText(item.text);
    }
    updateKind();
}

QuickSendItem QuickSendDialog::item() const
{
    QuickSendItem item;
    item.label = m_label->text().trimmed();
    item.kind = QuickSendItem::Kind(m_kind->currentData().toInt());
    if (item.kind == QuickSendItem::Kind::Recipe) {
        const int i = m_recipe->findText(m_recipe->currentText());
        item.text = i >= 0 ? m_recipe->itemData(i).toString() : m_recipe->currentText().trimmed();
        if (item.label.isEmpty())
            item.label = m_recipe->currentText();
    } else {
        item.text = m_text->toPlainText().trimmed();
        if (item.label.isEmpty() && item.kind == QuickSendItem::Kind::Command)
            item.label = item.text;
    }
    return item;
}

void QuickSendDialog::accept()
{
    const QString problem = item().problem();
    m_problem->setText(problem);
    if (problem.isEmpty())
        QDialog::accept();
}

bool QuickSendDialog::edit(QWidget *parent, QuickSendItem *item)
{
    QuickSendDialog d(parent);
    d.setItem(*item);
    if (d.exec() != QDialog::Accepted)
        return false;
    *item = d.item();
    return true;
}
