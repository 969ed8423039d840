#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QRegularExpression>
#include <QString>

namespace atb {

// "When this line arrives, do that": one trigger of the GUI's Triggers tab. Values; matching is
// pure, the actions are the GUI's (TriggerEngine).
struct Trigger
{
    enum class Action { Send, Recipe, Mark, Beep };

    bool enabled = true;
    QString pattern;   // a substring, or a regular expression when `regex`
    bool regex = false;
    Action action = Action::Mark;
    QString argument;  // Send: the AT line; Recipe: its id or path; Mark: a note (may be empty)

    // Whether `line` (what the module sent, as the console shows it) fires this trigger.
    bool matches(const QString &line) const;
    // Empty when the trigger can be used; else why not (empty pattern, bad expression, no
    // command to send, no recipe).
    QString problem() const;

    static QString actionName(Action a);             // "send", "recipe", "mark", "beep" (settings)
    static bool actionFromName(const QString &name, Action *out);

    bool operator==(const Trigger &o) const
    {
        return enabled == o.enabled && pattern == o.pattern && regex == o.regex && action == o.action
            && argument == o.argument;
    }
};

// The list as JSON (what the settings keep) and back; entries that do not parse are skipped.
QByteArray triggersToJson(const QList<Trigger> &triggers);
QList<Trigger> triggersFromJson(const QByteArray &json);

} // namespace atb

Q_DECLARE_METATYPE(atb::Trigger)
