#pragma once

#include "log/sessionlog.h"
#include "recipes/trigger.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace atb {
class CommandRunner;
class DeviceSession;
}

// Runs the triggers: every line the module sends (as the console shows it: replies, finals,
// URCs, data) is matched against the enabled triggers, in order; a match sends its command
// (through the command queue, like the console), runs its recipe, marks the log or beeps.
// A trigger fires at most once per kCooldownMs, and lines answering a trigger's own command
// never fire triggers, so a trigger cannot feed itself.
class TriggerEngine : public QObject
{
    Q_OBJECT
public:
    static constexpr int kCooldownMs = 500;
    static constexpr int kRememberedCommands = 256;

    explicit TriggerEngine(atb::DeviceSession *session, QObject *parent = nullptr);

    void setTriggers(const QList<atb::Trigger> &triggers);
    QList<atb::Trigger> triggers() const { return m_triggers; }
    int fireCount(int index) const { return m_fired.value(index); }
    // How the Recipe action starts a recipe (the Recipes page); false when it could not.
    void setRecipeStarter(std::function<bool(const QString &)> starter) { m_startRecipe = std::move(starter); }
    // Matches one line as if the module had sent it (the log feeds this).
    void feed(const QString &line, quint64 commandId = 0);

signals:
    void fired(int index, const QString &line);

private:
    void onRecords(const QList<atb::LogRecord> &records);
    void act(int index, const QString &line);

    atb::DeviceSession *m_session;
    QList<atb::Trigger> m_triggers;
    QList<QRegularExpression> m_compiled; // per trigger; invalid when it is a substring
    QHash<int, int> m_fired;
    QHash<int, QElapsedTimer> m_lastFired;
    QSet<quint64> m_ownCommands; // ids of the commands triggers sent (the last kRememberedCommands)
    QList<quint64> m_ownOrder;
    std::function<bool(const QString &)> m_startRecipe;
};
