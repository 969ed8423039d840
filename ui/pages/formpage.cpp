#include "formpage.h"

#include "diagnostics/capabilities.h"

#include "theme.h"

#include <QApplication>
#include <QScopedValueRollback>
#include <QBoxLayout>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QToolButton>

FormPage::FormPage(QWidget *parent)
    : Page(parent), m_fieldErrors(this)
{
    m_read = new QPushButton(this);
    m_read->setObjectName(QStringLiteral("readButton"));
    m_busyIndicator = new QProgressBar(this);
    m_busyIndicator->setObjectName(QStringLiteral("busyIndicator"));
    m_busyIndicator->setRange(0, 0);
    m_busyIndicator->setTextVisible(false);
    m_busyIndicator->setMaximumWidth(120);
    m_busyIndicator->hide();
    m_showAt = new QToolButton(this);
    m_showAt->setObjectName(QStringLiteral("showAtButton"));
    m_showAt->setCheckable(true);
    m_revert = new QPushButton(this);
    m_revert->setObjectName(QStringLiteral("revertButton"));
    m_apply = new QPushButton(this);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    m_buttons = new QHBoxLayout;
    m_buttons->addWidget(m_read);
    m_buttons->addStretch(1);
    m_buttons->addWidget(m_busyIndicator);
    m_buttons->addWidget(m_showAt);
    m_buttons->addWidget(m_revert);
    m_buttons->addWidget(m_apply);

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("atPreview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setMaximumHeight(150);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->hide();

    m_statusIcon = new QLabel(this);
    m_statusIcon->setObjectName(QStringLiteral("statusIcon"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusIcon, 0, Qt::AlignTop);
    statusRow->addWidget(m_status, 1);

    m_layout = new QVBoxLayout(this);
    m_layout->addLayout(m_buttons);
    m_layout->addWidget(m_preview);
    m_layout->addLayout(statusRow);

    connect(m_read, &QPushButton::clicked, this, &FormPage::read);
    connect(m_apply, &QPushButton::clicked, this, &FormPage::apply);
    connect(m_revert, &QPushButton::clicked, this, &FormPage::revert);
    connect(m_showAt, &QToolButton::toggled, this, [this](bool on) {
        m_preview->setVisible(on);
        if (on)
            updatePreview();
    });
    // Window shortcuts: they work wherever the focus is, while the page is the one shown (a
    // hidden page's shortcuts are inactive). QShortcut, not the buttons' own: a button's
    // shortcut would be replaced by its "&" mnemonic.
    for (const QKeySequence &k : { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) }) {
        auto *s = new QShortcut(k, this);
        s->setObjectName(QStringLiteral("applyShortcut"));
        connect(s, &QShortcut::activated, this, &FormPage::applyFromShortcut);
    }
    auto *readShortcut = new QShortcut(QKeySequence(Qt::Key_F5), this);
    readShortcut->setObjectName(QStringLiteral("readShortcut"));
    connect(readShortcut, &QShortcut::activated, this, [this] {
        if (!m_busy)
            read();
    });
}

void FormPage::setForm(QWidget *form)
{
    m_form = form;
    m_layout->insertWidget(0, form, 1);
}

void FormPage::setBusy(bool busy)
{
    // Disabling the form takes the keyboard focus away; give it back afterwards.
    if (busy && !m_busy) {
        QWidget *fw = QApplication::focusWidget();
        m_focusBeforeBusy = fw && isAncestorOf(fw) ? fw : nullptr;
    }
    m_busy = busy;
    m_busyIndicator->setVisible(busy);
    const QList<QWidget *> widgets = m_ownBusyWidgets || !m_form ? m_busyWidgets : QList<QWidget *> { m_form };
    for (QWidget *w : widgets)
        w->setEnabled(!busy);
    updateButtons();
    if (!busy && m_focusBeforeBusy && m_focusBeforeBusy->isEnabled() && m_focusBeforeBusy->isVisible())
        m_focusBeforeBusy->setFocus();
}

FormPage::~FormPage()
{
    // The controls die after this object's members: their destroyed() must not reach them.
    for (const QMetaObject::Connection &c : std::as_const(m_lockConnections))
        disconnect(c);
}

void FormPage::requireCommands(QWidget *control, const QStringList &commands)
{
    m_required[control] += commands;
    m_lockConnections << connect(control, &QObject::destroyed, this, [this, control] {
        m_required.remove(control);
        m_locks.remove(control);
        m_wantEnabled.remove(control);
        m_savedTooltips.remove(control);
    });
    updateLocks();
}

void FormPage::applyCapabilities(const atb::Capabilities *capabilities)
{
    m_capabilities = capabilities;
    updateLocks();
}

void FormPage::setReadOnly(bool on)
{
    if (on == m_readOnly)
        return;
    m_readOnly = on;
    updateLocks();
}

void FormPage::updateLocks()
{
    const QString readOnly = tr("A recording is playing back: the page shows what the module reported then and sends nothing.");
    for (QWidget *w : { m_form, static_cast<QWidget *>(m_read), static_cast<QWidget *>(m_apply), static_cast<QWidget *>(m_revert) })
        if (w)
            setLocked(w, m_readOnly ? readOnly : QString());
    for (auto it = m_required.cbegin(); it != m_required.cend(); ++it) {
        QStringList missing;
        if (m_capabilities)
            for (const QString &c : it.value())
                if (!m_capabilities->supports(c))
                    missing << c;
        setLocked(it.key(), missing.isEmpty() ? QString()
                                              : tr("Not available: the module's firmware does not have %1 (its command list, %2).")
                                                    .arg(missing.join(QStringLiteral(", ")), m_capabilities->source()));
    }
}

void FormPage::setLocked(QWidget *w, const QString &reason)
{
    const bool locked = m_locks.contains(w);
    const QScopedValueRollback<bool> guard(m_locking, true);
    if (reason.isEmpty()) {
        if (!locked)
            return;
        m_locks.remove(w);
        w->setToolTip(m_savedTooltips.take(w));
        w->removeEventFilter(this);
        w->setEnabled(m_wantEnabled.take(w));
        return;
    }
    if (!locked) {
        m_savedTooltips.insert(w, w->toolTip());
        m_wantEnabled.insert(w, !w->testAttribute(Qt::WA_ForceDisabled));
        w->installEventFilter(this);
    }
    m_locks.insert(w, reason);
    w->setToolTip(reason);
    w->setEnabled(false);
}

bool FormPage::eventFilter(QObject *watched, QEvent *event)
{
    auto *w = qobject_cast<QWidget *>(watched);
    const auto it = w ? m_locks.constFind(w) : m_locks.constEnd();
    if (it != m_locks.constEnd() && !m_locking) {
        if (event->type() == QEvent::EnabledChange) {
            // The page changed it (its own updates): remember what it wants, keep it off.
            m_wantEnabled.insert(w, !w->testAttribute(Qt::WA_ForceDisabled));
            if (w->testAttribute(Qt::WA_ForceDisabled) == false) {
                const QScopedValueRollback<bool> guard(m_locking, true);
                w->setEnabled(false);
            }
        } else if (event->type() == QEvent::ToolTipChange && w->toolTip() != *it) {
            m_savedTooltips.insert(w, w->toolTip()); // retranslated by the page: kept for later
            const QScopedValueRollback<bool> guard(m_locking, true);
            w->setToolTip(*it);
        }
    }
    return Page::eventFilter(watched, event);
}

void FormPage::updateButtons()
{
    m_read->setEnabled(!m_busy);
    m_apply->setEnabled(!m_busy && canApply());
    m_revert->setEnabled(!m_busy && isDirty());
}

QString FormPage::statusText() const
{
    return m_status->text();
}

void FormPage::setStatus(const QString &text, bool problem)
{
    m_statusProblem = problem;
    m_status->setText(text);
    const ThemeColours c = ThemeColours::fromPalette(palette());
    setTextColour(m_status, problem ? c.error : QColor());
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_statusIcon->setPixmap(problem && !text.isEmpty()
                                ? style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size)
                                : QPixmap());
    m_statusIcon->setVisible(problem && !text.isEmpty());
}

bool FormPage::started(const atb::OperationPlan &plan)
{
    if (!plan.ok())
        setStatus(plan.error, true);
    return plan.ok();
}

// ---- preview, texts, colours ---------------------------------------------------------------

void FormPage::setPreviewText(const QString &text)
{
    m_preview->setPlainText(text);
}

void FormPage::retranslate()
{
    m_read->setText(tr("&Read"));
    m_read->setToolTip(tr("Read the module's values (F5)"));
    m_showAt->setText(tr("Show AT"));
    m_showAt->setToolTip(tr("Show the exact AT lines the buttons send"));
    m_revert->setText(tr("Re&vert"));
    m_revert->setToolTip(tr("Put back the values the module reported"));
    m_apply->setText(tr("&Apply"));
    m_apply->setToolTip(tr("Send the form to the module (Ctrl+Return)"));
    m_busyIndicator->setToolTip(tr("Waiting for the module"));
}

void FormPage::updateColours()
{
    m_fieldErrors.recolour();
    setStatus(m_status->text(), m_statusProblem);
}

// ---- AtPreviewText -------------------------------------------------------------------------

AtPreviewText::AtPreviewText(std::function<QByteArray(const QByteArray &)> shown)
    : m_shown(std::move(shown))
{
}

AtPreviewText &AtPreviewText::withPayloads(std::function<QString(const QByteArray &)> render)
{
    m_payload = std::move(render);
    return *this;
}

AtPreviewText &AtPreviewText::section(const QString &title, const atb::OperationPlan &plan, const QString &empty)
{
    m_lines << QStringLiteral("# ") + title;
    if (!plan.ok())
        return comment(FormPage::tr("nothing is sent: %1").arg(plan.error));
    if (plan.isEmpty() && !empty.isEmpty())
        return comment(empty);
    for (qsizetype i = 0; i < plan.commands.size(); ++i) {
        const atb::AtCommand &c = plan.commands.at(i);
        m_lines << QString::fromUtf8(m_shown ? m_shown(c.line) : c.line);
        if (!plan.notes.value(i).isEmpty())
            comment(plan.notes.value(i));
        if (m_payload && !c.payload.isEmpty())
            m_lines << QStringLiteral("#   > ") + m_payload(c.payload);
    }
    return *this;
}

AtPreviewText &AtPreviewText::comment(const QString &text)
{
    m_lines << QStringLiteral("#   ") + text;
    return *this;
}

QString AtPreviewText::text() const
{
    return m_lines.join(QLatin1Char('\n'));
}
