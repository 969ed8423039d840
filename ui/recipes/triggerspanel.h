#pragma once

#include "recipes/trigger.h"

#include <QWidget>

#include <functional>

namespace atb {
class DeviceSession;
}
class QLabel;
class QPushButton;
class QTableWidget;
class TriggerEngine;

// The Triggers tab: "when a line containing (or matching) this arrives, do that", one row per
// trigger with its own on/off switch, the action (send a command, run a recipe, mark the log,
// beep) and how often it fired. Kept in the settings ("triggers/list"); the engine runs them
// whichever page is shown.
class TriggersPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { EnabledColumn, PatternColumn, RegexColumn, ActionColumn, ArgumentColumn, FiredColumn };

    explicit TriggersPanel(atb::DeviceSession *session, QWidget *parent = nullptr);

    TriggerEngine *engine() const { return m_engine; }
    QTableWidget *table() const { return m_table; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QLabel *problemLabel() const { return m_problem; }

    QList<atb::Trigger> triggers() const;
    void setTriggers(const QList<atb::Trigger> &triggers);
    // Adds a row (enabled, "Mark the log") and returns its index.
    int addTrigger(const atb::Trigger &trigger = atb::Trigger());
    void setRecipeStarter(std::function<bool(const QString &)> starter);
    // Settings are read at construction and written on every change unless turned off.
    void setPersist(bool on) { m_persist = on; }
    void retranslate();

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillRow(int row, const atb::Trigger &t);
    atb::Trigger rowTrigger(int row) const;
    void commit();
    void showProblem();

    TriggerEngine *m_engine;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_hint;
    QLabel *m_problem;
    bool m_persist = true;
    bool m_filling = false;
};
