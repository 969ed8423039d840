#include "triggerspanel.h"

#include "theme.h"
#include "triggerengine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
const char kSettingsKey[] = "triggers/list";
const atb::Trigger::Action kActions[] = { atb::Trigger::Action::Send, atb::Trigger::Action::Recipe, atb::Trigger::Action::Mark,
                                          atb::Trigger::Action::Beep };

// A check box centred in its cell.
QWidget *centred(QCheckBox *box)
{
    auto *w = new QWidget;
    auto *l = new QHBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(box, 0, Qt::AlignCenter);
    return w;
}
} // namespace

TriggersPanel::TriggersPanel(atb::DeviceSession *session, QWidget *parent)
    : QWidget(parent), m_engine(new TriggerEngine(session, this)), m_table(new QTableWidget(0, 6, this)),
      m_add(new QPushButton(this)), m_remove(new QPushButton(this)), m_hint(new QLabel(this)), m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("triggersPanel"));
    m_table->setObjectName(QStringLiteral("triggerTable"));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(PatternColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ArgumentColumn, QHeaderView::Stretch);
    for (int c : { EnabledColumn, RegexColumn, ActionColumn, FiredColumn })
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_add->setObjectName(QStringLiteral("addTriggerButton"));
    m_remove->setObjectName(QStringLiteral("removeTriggerButton"));
    m_hint->setObjectName(QStringLiteral("triggerHint"));
    m_hint->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("triggerProblem"));
    m_problem->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *lay = new QVBoxLayout(this);
    lay->addWidget(m_hint);
    lay->addWidget(m_table, 1);
    lay->addWidget(m_problem);
    lay->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, [this] {
        const int row = addTrigger();
        m_table->selectRow(row);
        if (auto *edit = qobject_cast<QLineEdit *>(m_table->cellWidget(row, PatternColumn)))
            edit->setFocus();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        m_table->removeRow(row);
        commit();
    });
    connect(m_engine, &TriggerEngine::fired, this, [this](int index, const QString &line) {
        if (QTableWidgetItem *item = m_table->item(index, FiredColumn)) {
            item->setText(QString::number(m_engine->fireCount(index)));
            item->setToolTip(line);
        }
    });

    setTriggers(atb::triggersFromJson(QSettings().value(QLatin1String(kSettingsKey)).toByteArray()));
    retranslate();
}

void TriggersPanel::setRecipeStarter(std::function<bool(const QString &)> starter)
{
    m_engine->setRecipeStarter(std::move(starter));
}

QList<atb::Trigger> TriggersPanel::triggers() const
{
    QList<atb::Trigger> out;
    for (int r = 0; r < m_table->rowCount(); ++r)
        out << rowTrigger(r);
    return out;
}

void TriggersPanel::setTriggers(const QList<atb::Trigger> &triggers)
{
    m_filling = true;
    m_table->setRowCount(0);
    for (const atb::Trigger &t : triggers) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        fillRow(row, t);
    }
    m_filling = false;
    m_engine->setTriggers(triggers);
    retranslate();
}

int TriggersPanel::addTrigger(const atb::Trigger &trigger)
{
    const int row = m_table->rowCount();
    m_filling = true;
    m_table->insertRow(row);
    fillRow(row, trigger);
    m_filling = false;
    retranslate();
    commit();
    return row;
}

void TriggersPanel::fillRow(int row, const atb::Trigger &t)
{
    auto *enabled = new QCheckBox;
    enabled->setObjectName(QStringLiteral("triggerEnabled%1").arg(row));
    enabled->setChecked(t.enabled);
    auto *pattern = new QLineEdit(t.pattern);
    pattern->setObjectName(QStringLiteral("triggerPattern%1").arg(row));
    auto *regex = new QCheckBox;
    regex->setObjectName(QStringLiteral("triggerRegex%1").arg(row));
    regex->setChecked(t.regex);
    auto *action = new QComboBox;
    action->setObjectName(QStringLiteral("triggerAction%1").arg(row));
    for (atb::Trigger::Action a : kActions)
        action->addItem(QString(), int(a));
    action->setCurrentIndex(action->findData(int(t.action)));
    auto *argument = new QLineEdit(t.argument);
    argument->setObjectName(QStringLiteral("triggerArgument%1").arg(row));
    m_table->setCellWidget(row, EnabledColumn, centred(enabled));
    m_table->setCellWidget(row, PatternColumn, pattern);
    m_table->setCellWidget(row, RegexColumn, centred(regex));
    m_table->setCellWidget(row, ActionColumn, action);
    m_table->setCellWidget(row, ArgumentColumn, argument);
    auto *fired = new QTableWidgetItem(QStringLiteral("0"));
    fired->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    fired->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->setItem(row, FiredColumn, fired);
    connect(enabled, &QCheckBox::toggled, this, &TriggersPanel::commit);
    connect(regex, &QCheckBox::toggled, this, &TriggersPanel::commit);
    connect(pattern, &QLineEdit::textEdited, this, &TriggersPanel::commit);
    connect(argument, &QLineEdit::textEdited, this, &TriggersPanel::commit);
    connect(action, &QComboBox::currentIndexChanged, this, [this] {
        retranslate(); // the argument's placeholder follows the action
        commit();
    });
}

atb::Trigger TriggersPanel::rowTrigger(int row) const
{
    atb::Trigger t;
    if (auto *w = m_table->cellWidget(row, EnabledColumn))
        t.enabled = w->findChild<QCheckBox *>()->isChecked();
    if (auto *w = qobject_cast<QLineEdit *>(m_table->cellWidget(row, PatternColumn)))
        t.pattern = w->text();
    if (auto *w = m_table->cellWidget(row, RegexColumn))
        t.regex = w->findChild<QCheckBox *>()->isChecked();
    if (auto *w = qobject_cast<QComboBox *>(m_table->cellWidget(row, ActionColumn)))
        t.action = atb::Trigger::Action(w->currentData().toInt());
    if (auto *w = qobject_cast<QLineEdit *>(m_table->cellWidget(row, ArgumentColumn)))
        t.argument = w->text();
    return t;
}

void TriggersPanel::commit()
{
    if (m_filling)
        return;
    const QList<atb::Trigger> list = triggers();
    m_engine->setTriggers(list);
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (QTableWidgetItem *item = m_table->item(r, FiredColumn))
            item->setText(QStringLiteral("0"));
    if (m_persist)
        QSettings().setValue(QLatin1String(kSettingsKey), atb::triggersToJson(list));
    showProblem();
}

void TriggersPanel::showProblem()
{
    // The first row that cannot work as it is, so the user sees why it never fires.
    QString text;
    for (int r = 0; r < m_table->rowCount() && text.isEmpty(); ++r) {
        const atb::Trigger t = rowTrigger(r);
        if (const QString problem = t.problem(); t.enabled && !problem.isEmpty())
            text = tr("Row %1: %2").arg(r + 1).arg(problem);
    }
    m_problem->setText(text);
    setTextColour(m_problem, ThemeColours::fromPalette(palette()).error);
}

void TriggersPanel::retranslate()
{
    m_table->setHorizontalHeaderLabels({ tr("On"), tr("When a line contains"), tr("Regex"), tr("Do"), tr("With"), tr("Fired") });
    m_hint->setText(tr("Each line the module sends (replies, URCs, data) is checked against the triggers that are on. "
                       "A trigger fires at most twice a second, and never on the answer to its own command."));
    m_add->setText(tr("&Add trigger"));
    m_remove->setText(tr("&Remove"));
    for (int r = 0; r < m_table->rowCount(); ++r) {
        auto *action = qobject_cast<QComboBox *>(m_table->cellWidget(r, ActionColumn));
        auto *argument = qobject_cast<QLineEdit *>(m_table->cellWidget(r, ArgumentColumn));
        auto *pattern = qobject_cast<QLineEdit *>(m_table->cellWidget(r, PatternColumn));
        if (!action || !argument || !pattern)
            continue;
        const QStringList names = { tr("Send a command"), tr("Run a recipe"), tr("Mark the log"), tr("Beep") };
        for (int i = 0; i < action->count(); ++i)
            action->setItemText(i, names.value(i));
        pattern->setPlaceholderText(tr("e.g. WIFI DISCONNECT"));
        switch (atb::Trigger::Action(action->currentData().toInt())) {
        case atb::Trigger::Action::Send: argument->setPlaceholderText(tr("AT command, e.g. AT+CWJAP?")); break;
        case atb::Trigger::Action::Recipe: argument->setPlaceholderText(tr("recipe name or file, e.g. module-health")); break;
        case atb::Trigger::Action::Mark: argument->setPlaceholderText(tr("note for the log (optional)")); break;
        case atb::Trigger::Action::Beep: argument->setPlaceholderText(QString()); break;
        }
        if (auto *w = m_table->cellWidget(r, EnabledColumn))
            w->findChild<QCheckBox *>()->setToolTip(tr("Switch this trigger on or off"));
        if (auto *w = m_table->cellWidget(r, RegexColumn))
            w->findChild<QCheckBox *>()->setToolTip(tr("Treat the text as a regular expression"));
    }
}

void TriggersPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
