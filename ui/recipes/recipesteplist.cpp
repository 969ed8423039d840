#include "recipesteplist.h"

#include "theme.h"

#include <QEvent>
#include <QHeaderView>

namespace {
constexpr int kStateRole = Qt::UserRole + 1; // 1 pass, 0 fail, -1 neutral

QString duration(qint64 ms)
{
    return ms < 10000 ? QStringLiteral("%1 ms").arg(ms) : QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 1);
}
} // namespace

RecipeStepList::RecipeStepList(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("recipeSteps"));
    setColumnCount(4);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(VerdictColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(TimeColumn, QHeaderView::ResizeToContents);
    setColumnWidth(NameColumn, 220);
    retranslate();
}

void RecipeStepList::retranslate()
{
    setHeaderLabels({ tr("Verdict"), tr("Check"), tr("Time"), tr("Detail") });
}

void RecipeStepList::clearRun()
{
    clear();
    m_openSteps.clear();
}

QTreeWidgetItem *RecipeStepList::addRow(QTreeWidgetItem *parent, const QString &verdict, bool passed, const QString &name,
                                        qint64 ms, const QString &detail)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(this);
    item->setText(NameColumn, name);
    item->setText(TimeColumn, ms >= 0 ? duration(ms) : QString());
    item->setText(DetailColumn, detail.section(QLatin1Char('\n'), 0, 0));
    item->setToolTip(DetailColumn, detail);
    item->setTextAlignment(TimeColumn, Qt::AlignRight | Qt::AlignVCenter);
    setVerdict(item, verdict, passed ? 1 : 0);
    if (parent)
        parent->setExpanded(true);
    scrollToItem(item);
    return item;
}

void RecipeStepList::setVerdict(QTreeWidgetItem *item, const QString &verdict, int state)
{
    item->setText(VerdictColumn, verdict);
    item->setData(VerdictColumn, kStateRole, state);
    const ThemeColours c = ThemeColours::fromPalette(palette());
    item->setForeground(VerdictColumn, state == 1 ? c.ok : state == 0 ? c.error : palette().color(QPalette::Text));
    QFont f = font();
    f.setBold(state != -1);
    item->setFont(VerdictColumn, f);
}

void RecipeStepList::apply(const atb::RecipeEvent &e)
{
    using K = atb::RecipeEvent::Kind;
    QTreeWidgetItem *open = m_openSteps.isEmpty() ? nullptr : m_openSteps.last();
    switch (e.kind) {
    case K::StepStarted: {
        QTreeWidgetItem *item = addRow(open, QString(), true, e.name, -1, QString());
        setVerdict(item, tr("running…"), -1);
        m_openSteps << item;
        break;
    }
    case K::StepFinished:
        if (open) {
            m_openSteps.removeLast();
            setVerdict(open, atb::RecipeResult::verdictText(e.passed ? atb::RecipeResult::Verdict::Pass
                                                                     : atb::RecipeResult::Verdict::Fail),
                       e.passed ? 1 : 0);
            open->setText(TimeColumn, duration(e.ms));
        }
        break;
    case K::Check:
        addRow(open, atb::RecipeResult::verdictText(e.passed ? atb::RecipeResult::Verdict::Pass : atb::RecipeResult::Verdict::Fail),
               e.passed, e.name, e.ms, e.detail);
        break;
    case K::Log:
    case K::Activity:
        break;
    }
}

void RecipeStepList::finish(const atb::RecipeResult &r)
{
    for (QTreeWidgetItem *open : std::as_const(m_openSteps))
        setVerdict(open, tr("stopped"), 0);
    m_openSteps.clear();
    if (r.verdict == atb::RecipeResult::Verdict::Pass || r.verdict == atb::RecipeResult::Verdict::Fail)
        return;
    addRow(nullptr, atb::RecipeResult::verdictText(r.verdict), false,
           r.errorLine > 0 ? tr("Script error at line %1").arg(r.errorLine) : tr("Run ended"), -1, r.errorText());
}

QStringList RecipeStepList::rowTexts() const
{
    QStringList out;
    std::function<void(QTreeWidgetItem *, int)> walk = [&](QTreeWidgetItem *item, int depth) {
        out << QString(depth * 2, QLatin1Char(' ')) + item->text(VerdictColumn) + QLatin1Char(' ') + item->text(NameColumn);
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i), depth + 1);
    };
    for (int i = 0; i < topLevelItemCount(); ++i)
        walk(topLevelItem(i), 0);
    return out;
}

void RecipeStepList::recolour()
{
    std::function<void(QTreeWidgetItem *)> walk = [&](QTreeWidgetItem *item) {
        setVerdict(item, item->text(VerdictColumn), item->data(VerdictColumn, kStateRole).toInt());
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i));
    };
    for (int i = 0; i < topLevelItemCount(); ++i)
        walk(topLevelItem(i));
}

void RecipeStepList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        recolour();
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTreeWidget::changeEvent(event);
}
