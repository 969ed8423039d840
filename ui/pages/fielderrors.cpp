#include "fielderrors.h"

#include "theme.h"

#include <QBoxLayout>
#include <QLabel>
#include <QWidget>

FieldErrors::FieldErrors(QWidget *page)
    : m_page(page)
{
}

QByteArray FieldErrors::key(const QByteArray &scope, const QByteArray &param)
{
    return scope + '\n' + param;
}

QLabel *FieldErrors::newLabel(QWidget *parent, QWidget *input, const QByteArray &param) const
{
    auto *l = new QLabel(parent);
    const QString base = input && !input->objectName().isEmpty() ? input->objectName() : QString::fromLatin1(param);
    l->setObjectName(base + QStringLiteral("Error"));
    l->setTextFormat(Qt::PlainText);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTextColour(l, ThemeColours::fromPalette(m_page->palette()).error);
    l->hide();
    return l;
}

QWidget *FieldErrors::wrap(QWidget *row, const QByteArray &param, const QByteArray &scope, bool beside, QWidget *input)
{
    if (!input)
        input = row;
    auto *box = new QWidget(row->parentWidget());
    QBoxLayout *lay = beside ? static_cast<QBoxLayout *>(new QHBoxLayout(box)) : new QVBoxLayout(box);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->setSpacing(beside ? 6 : 2);
    row->setParent(box);
    // Narrow fields (ports) stay at the left edge.
    if (row->maximumWidth() < QWIDGETSIZE_MAX)
        lay->addWidget(row, 0, Qt::AlignLeft);
    else
        lay->addWidget(row);
    QLabel *label = newLabel(box, input, param);
    lay->addWidget(label, beside ? 1 : 0);
    m_entries.insert(key(scope, param), Entry { label, input });
    return box;
}

QBoxLayout *FieldErrors::wrap(QLayout *row, QWidget *input, const QByteArray &param, const QByteArray &scope)
{
    auto *v = new QVBoxLayout;
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addLayout(row);
    QLabel *label = newLabel(input->parentWidget(), input, param);
    v->addWidget(label);
    m_entries.insert(key(scope, param), Entry { label, input });
    return v;
}

void FieldErrors::alias(const QByteArray &param, const QByteArray &shownAs, const QByteArray &scope)
{
    m_aliases.insert(key(scope, param), shownAs);
}

void FieldErrors::setFallback(const QByteArray &param, const QByteArray &scope)
{
    m_fallbacks.insert(scope, param);
}

const FieldErrors::Entry *FieldErrors::find(const QByteArray &scope, const QByteArray &param, bool orFallback) const
{
    const QByteArray shown = m_aliases.value(key(scope, param), param);
    auto it = m_entries.constFind(key(scope, shown));
    if (it == m_entries.constEnd() && orFallback)
        it = m_entries.constFind(key(scope, m_fallbacks.value(scope)));
    return it == m_entries.constEnd() ? nullptr : &it.value();
}

QLabel *FieldErrors::label(const QByteArray &param, const QByteArray &scope) const
{
    const Entry *e = find(scope, param);
    return e ? e->label : nullptr;
}

QWidget *FieldErrors::input(const QByteArray &param, const QByteArray &scope) const
{
    const Entry *e = find(scope, param);
    return e ? e->input.data() : nullptr;
}

void FieldErrors::clear(const QByteArray &scope)
{
    const QByteArray prefix = scope + '\n';
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it.key().startsWith(prefix)) {
            it->label->clear();
            it->label->hide();
        }
    }
}

void FieldErrors::clearAll()
{
    for (const Entry &e : std::as_const(m_entries)) {
        e.label->clear();
        e.label->hide();
    }
}

void FieldErrors::show(const QByteArray &param, const QString &error, const QByteArray &scope)
{
    if (const Entry *e = find(scope, param, true)) {
        e->label->setText(error);
        e->label->show();
    }
}

bool FieldErrors::show(const atb::OperationPlan &plan, const QByteArray &scope, bool focus)
{
    clear(scope);
    if (plan.ok())
        return true;
    show(plan.errorParam, plan.error, scope);
    const Entry *e = focus ? find(scope, plan.errorParam, true) : nullptr;
    if (e && e->input && e->input->isEnabled())
        e->input->setFocus();
    return false;
}

QString FieldErrors::text(const QByteArray &param, const QByteArray &scope) const
{
    if (!scope.isNull()) {
        const Entry *e = find(scope, param);
        return e && !e->label->isHidden() ? e->label->text() : QString();
    }
    QString anywhere;
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it) {
        if (!it.key().endsWith('\n' + param) || it->label->isHidden())
            continue;
        if (it->input && it->input->isVisibleTo(m_page))
            return it->label->text();
        if (anywhere.isEmpty())
            anywhere = it->label->text();
    }
    return anywhere;
}

void FieldErrors::recolour()
{
    const QColor error = ThemeColours::fromPalette(m_page->palette()).error;
    for (const Entry &e : std::as_const(m_entries))
        setTextColour(e.label, error);
}
