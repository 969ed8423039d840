#include "trigger.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace atb {

bool Trigger::matches(const QString &line) const
{
    if (!enabled || pattern.isEmpty())
        return false;
    if (!regex)
        return line.contains(pattern);
    const QRegularExpression re(pattern);
    return re.isValid() && re.match(line).hasMatch();
}

QString Trigger::problem() const
{
    if (pattern.isEmpty())
        return QCoreApplication::translate("atb::Trigger", "Enter the text (or expression) to watch for.");
    if (regex) {
        const QRegularExpression re(pattern);
        if (!re.isValid())
            return QCoreApplication::translate("atb::Trigger", "Not a valid regular expression: %1").arg(re.errorString());
    }
    if (action == Action::Send && !argument.trimmed().startsWith(QLatin1String("AT"), Qt::CaseInsensitive))
        return QCoreApplication::translate("atb::Trigger", "Enter the AT command to send.");
    if (action == Action::Recipe && argument.trimmed().isEmpty())
        return QCoreApplication::translate("atb::Trigger", "Choose the recipe to run.");
    return QString();
}

QString Trigger::actionName(Action a)
{
    switch (a) {
    case Action::Send: return QStringLiteral("send");
    case Action::Recipe: return QStringLiteral("recipe");
    case Action::Mark: return QStringLiteral("mark");
    case Action::Beep: return QStringLiteral("beep");
    }
    return QString();
}

bool Trigger::actionFromName(const QString &name, Action *out)
{
    for (Action a : { Action::Send, Action::Recipe, Action::Mark, Action::Beep }) {
        if (actionName(a) == name) {
            *out = a;
            return true;
        }
    }
    return false;
}

QByteArray triggersToJson(const QList<Trigger> &triggers)
{
    QJsonArray a;
    for (const Trigger &t : triggers)
        a.append(QJsonObject { { QStringLiteral("enabled"), t.enabled },
                               { QStringLiteral("pattern"), t.pattern },
                               { QStringLiteral("regex"), t.regex },
                               { QStringLiteral("action"), Trigger::actionName(t.action) },
                               { QStringLiteral("argument"), t.argument } });
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

QList<Trigger> triggersFromJson(const QByteArray &json)
{
    QList<Trigger> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array()) {
        const QJsonObject o = v.toObject();
        Trigger t;
        if (!Trigger::actionFromName(o.value(QStringLiteral("action")).toString(), &t.action))
            continue;
        t.enabled = o.value(QStringLiteral("enabled")).toBool(true);
        t.pattern = o.value(QStringLiteral("pattern")).toString();
        t.regex = o.value(QStringLiteral("regex")).toBool();
        t.argument = o.value(QStringLiteral("argument")).toString();
        out << t;
    }
    return out;
}

} // namespace atb
