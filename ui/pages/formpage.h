#pragma once

#include "fielderrors.h"
#include "page.h"
#include "services/operationplan.h"

#include <QHash>
#include <QList>
#include <QPointer>

#include <functional>

class QBoxLayout;
class QHBoxLayout;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace atb {
class Capabilities;
}

// The skeleton of a form page: the page's form above a footer with Read (F5) on the left, a
// busy indicator, Show AT, Revert and Apply (Ctrl+Return) on the right, the AT preview (hidden
// until Show AT) and one status line. Errors are shown beside their field: a page registers an
// error label per field under the encoder's parameter name, and showPlanError() puts an
// OperationPlan's error beside the field its errorParam names.
//
// A new page subclasses it, builds its form into a widget and hands it to setForm(), wraps its
// fields with withFieldError() (forms built in widgets of their own take fieldErrors()),
// connects its service's busyChanged to setBusy() and implements read(), apply(), revert(),
// isDirty(), updatePreview() and retranslate() (calling FormPage::retranslate() first for the
// footer's texts); prepareScreenshot() when --screenshot should show something read first.
//
// Object names the tests look up: "readButton", "busyIndicator", "showAtButton",
// "revertButton", "applyButton", "atPreview", "statusLabel"; error labels are named after
// their field's objectName() (or the parameter) plus "Error".
class FormPage : public Page
{
    Q_OBJECT
public:
    explicit FormPage(QWidget *parent = nullptr);
    ~FormPage() override;

    bool isBusy() const { return m_busy; }
    bool isScreenshotPending() const override { return m_busy; }
    // The form differs from what the module reported (Revert is enabled).
    virtual bool isDirty() const { return false; }

    QString statusText() const;
    bool statusIsProblem() const { return m_statusProblem; }
    // The reason shown beside the field of `param` in `scope`; empty when none. Without a
    // scope: the first one shown for `param`, preferring fields the user can see.
    QString fieldError(const QByteArray &param, const QByteArray &scope = QByteArray()) const
    {
        return m_fieldErrors.text(param, scope);
    }

    // Capabilities (issue 13): the firmware's command list, once per connection; a control whose
    // commands (requireCommands) the firmware lacks is disabled with a tooltip saying so.
    // nullptr or an unknown list disables nothing.
    void applyCapabilities(const atb::Capabilities *capabilities);
    // Read-only while a recording plays back: the form shows the recorded state, nothing can be
    // sent (Read, Apply and Revert off).
    void setReadOnly(bool on);
    bool isReadOnly() const { return m_readOnly; }
    // Why `control` is disabled by the page skeleton (missing command, read-only); empty if not.
    QString lockReason(QWidget *control) const { return m_locks.value(control); }

    QWidget *form() const { return m_form; }
    QPushButton *readButton() const { return m_read; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *revertButton() const { return m_revert; }
    QToolButton *showAtButton() const { return m_showAt; }
    QPlainTextEdit *atPreview() const { return m_preview; }
    QProgressBar *busyIndicator() const { return m_busyIndicator; }
    QLabel *statusLabel() const { return m_status; }

public slots:
    // Read (F5): query the module. Apply (Ctrl+Return): send the form. Revert: back to what the
    // module reported.
    virtual void read() { }
    virtual void apply() { }
    virtual void revert() { }

protected:
    // The page's content, above the footer (stretching). Disabled while busy unless
    // setBusyWidgets() names other widgets (none: the page's updateButtons() decides).
    void setForm(QWidget *form);
    void setBusyWidgets(const QList<QWidget *> &widgets)
    {
        m_busyWidgets = widgets;
        m_ownBusyWidgets = true;
    }
    // `control` needs the firmware to have `commands` ("AT+PING"): see applyCapabilities(). A
    // page declares its controls' needs once, in its constructor.
    void requireCommands(QWidget *control, const QStringList &commands);
    bool eventFilter(QObject *watched, QEvent *event) override;

    // The footer's button row, for extra buttons (insertWidget(1, ...) puts one after Read).
    QHBoxLayout *footerButtons() const { return m_buttons; }

    // Busy: the form (or the busy widgets) disabled, the indicator shown, Read/Apply/Revert
    // off. The keyboard focus comes back afterwards, so the shortcuts keep working.
    void setBusy(bool busy);
    // Apply and Revert enabled from canApply() and isDirty(), Read while not busy. Pages with
    // more buttons extend it.
    virtual void updateButtons();
    virtual bool canApply() const { return isDirty(); }
    // Ctrl+Return; default apply(). Pages with several forms apply the one with the focus.
    virtual void applyFromShortcut() { apply(); }

    // One status line: the text, in the theme's error colour with a warning sign when it
    // reports a problem. Module failures arrive already decoded (CommandRunner::describe).
    void setStatus(const QString &text, bool problem = false);
    // What a service operation returned: true when it started; otherwise the status line says
    // why not (busy, invalid, nothing to send).
    bool started(const atb::OperationPlan &plan);

    // The errors beside the fields (see FieldErrors): registered by the encoder's parameter
    // name, optionally per scope for pages that validate several operations at once.
    FieldErrors &fieldErrors() { return m_fieldErrors; }
    QWidget *withFieldError(QWidget *field, const QByteArray &param, const QByteArray &scope = QByteArray(),
                            bool beside = false)
    {
        return m_fieldErrors.wrap(field, param, scope, beside);
    }
    QBoxLayout *withFieldError(QLayout *row, QWidget *field, const QByteArray &param,
                               const QByteArray &scope = QByteArray())
    {
        return m_fieldErrors.wrap(row, field, param, scope);
    }
    QLabel *errorLabel(const QByteArray &param, const QByteArray &scope = QByteArray()) const
    {
        return m_fieldErrors.label(param, scope);
    }
    void setFallbackField(const QByteArray &param, const QByteArray &scope = QByteArray())
    {
        m_fieldErrors.setFallback(param, scope);
    }
    // Clears the scope's errors, then shows the plan's error beside its field. False when the
    // plan has an error; with `focus` its field takes the focus.
    bool showPlanError(const atb::OperationPlan &plan, const QByteArray &scope = QByteArray(), bool focus = false)
    {
        return m_fieldErrors.show(plan, scope, focus);
    }
    void showFieldError(const QByteArray &param, const QString &error, const QByteArray &scope = QByteArray())
    {
        m_fieldErrors.show(param, error, scope);
    }
    void clearFieldErrors(const QByteArray &scope = QByteArray()) { m_fieldErrors.clear(scope); }
    void clearAllFieldErrors() { m_fieldErrors.clearAll(); }

    // Show AT: the preview's text. updatePreview() is called when Show AT turns on; pages call
    // it whenever the form changes.
    void setPreviewText(const QString &text);
    virtual void updatePreview() { }

    // The footer's texts (pages override the tooltips that say what their buttons do).
    void retranslate() override;
    void updateColours() override;

private:
    QVBoxLayout *m_layout = nullptr;
    QWidget *m_form = nullptr;
    QList<QWidget *> m_busyWidgets;
    bool m_ownBusyWidgets = false;
    QHBoxLayout *m_buttons = nullptr;
    QPushButton *m_read = nullptr;
    QProgressBar *m_busyIndicator = nullptr;
    QToolButton *m_showAt = nullptr;
    QPushButton *m_revert = nullptr;
    QPushButton *m_apply = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_statusIcon = nullptr;
    QLabel *m_status = nullptr;
    bool m_busy = false;
    bool m_statusProblem = false;
    QPointer<QWidget> m_focusBeforeBusy;
    FieldErrors m_fieldErrors;
    // Controls kept disabled by the skeleton: the tooltip shown (their own is restored after).
    void setLocked(QWidget *control, const QString &reason);
    void updateLocks();
    QHash<QWidget *, QStringList> m_required;
    QHash<QWidget *, QString> m_locks;
    QHash<QWidget *, QString> m_savedTooltips;
    QHash<QWidget *, bool> m_wantEnabled; // what the page wants once the lock goes
    QList<QMetaObject::Connection> m_lockConnections;
    bool m_locking = false;
    const atb::Capabilities *m_capabilities = nullptr;
    bool m_readOnly = false;
};

// The text of a Show AT preview: "# <title>" sections, each with the exact lines an operation
// sends (secrets masked by `shown`) and their notes, or why nothing is sent.
class AtPreviewText
{
public:
    explicit AtPreviewText(std::function<QByteArray(const QByteArray &)> shown = {});
    // Data-phase bytes shown as "#   > <render(payload)>" under their command.
    AtPreviewText &withPayloads(std::function<QString(const QByteArray &)> render);
    // `empty`: what to say when the plan is valid but sends nothing.
    AtPreviewText &section(const QString &title, const atb::OperationPlan &plan, const QString &empty = QString());
    AtPreviewText &comment(const QString &text); // "#   text"
    QString text() const;

private:
    std::function<QByteArray(const QByteArray &)> m_shown;
    std::function<QString(const QByteArray &)> m_payload;
    QStringList m_lines;
};
