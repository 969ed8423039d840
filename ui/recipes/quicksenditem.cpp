#include "quicksenditem.h"

#include "console/consolemodel.h"
#include "log/redactor.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("QuickSendItem", text, disambiguation, n);
}

QString kindName(QuickSendItem::Kind k)
{
    switch (k) {
    case QuickSendItem::Kind::Command: return QStringLiteral("command");
    case QuickSendItem::Kind::Sequence: return QStringLiteral("sequence");
    case QuickSendItem::Kind::Recipe: return QStringLiteral("recipe");
    }
    return QString();
}

bool isAtLine(const QString &line)
{
    return line.startsWith(QLatin1String("AT"), Qt::CaseInsensitive);
}
} // namespace

QStringList QuickSendItem::lines() const
{
    QStringList out;
    if (kind == Kind::Recipe)
        return out;
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        const QString l = raw.trimmed();
        if (!l.isEmpty() && !l.startsWith(QLatin1Char('#')))
            out << l;
    }
    return out;
}

QString QuickSendItem::problem() const
{
    if (label.trimmed().isEmpty())
        return tr("Give the button a label.");
    if (kind == Kind::Recipe)
        return text.trimmed().isEmpty() ? tr("Choose the recipe to run.") : QString();
    const QStringList l = lines();
    if (l.isEmpty())
        return tr("Enter the AT command to send.");
    if (kind == Kind::Command && l.size() > 1)
        return tr("A command button sends one line; make it a sequence for several.");
    for (const QString &line : l)
        if (!isAtLine(line))
            return tr("\"%1\" is not an AT command.").arg(line);
    return QString();
}

QByteArray QuickSendItem::toJson(const QList<QuickSendItem> &items)
{
    QJsonArray a;
    for (const QuickSendItem &i : items)
        a.append(QJsonObject { { QStringLiteral("kind"), kindName(i.kind) },
                               { QStringLiteral("label"), i.label },
                               { QStringLiteral("text"), i.text } });
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

QList<QuickSendItem> QuickSendItem::fromJson(const QByteArray &json)
{
    QList<QuickSendItem> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array()) {
        const QJsonObject o = v.toObject();
        QuickSendItem i;
        const QString kind = o.value(QStringLiteral("kind")).toString();
        bool known = false;
        for (Kind k : { Kind::Command, Kind::Sequence, Kind::Recipe })
            if (kindName(k) == kind) {
                i.kind = k;
                known = true;
            }
        i.label = o.value(QStringLiteral("label")).toString();
        i.text = o.value(QStringLiteral("text")).toString();
        if (known && i.problem().isEmpty())
            out << i;
    }
    return out;
}

QList<QuickSendItem> QuickSendItem::fromDrop(const QMimeData *mime, QString *why)
{
    QStringList commands;
    if (mime->hasFormat(ConsoleModel::linesMimeType())) {
        for (const QJsonValue &v : QJsonDocument::fromJson(mime->data(ConsoleModel::linesMimeType())).array()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("kind")).toString() == QLatin1String("tx"))
                commands << o.value(QStringLiteral("text")).toString().trimmed();
        }
        if (commands.isEmpty()) {
            *why = tr("Drag a line you sent (TX) to make a button of it.");
            return {};
        }
    } else if (mime->hasText()) {
        for (const QString &raw : mime->text().split(QLatin1Char('\n')))
            if (isAtLine(raw.trimmed()))
                commands << raw.trimmed();
        if (commands.isEmpty()) {
            *why = tr("The dropped text holds no AT command.");
            return {};
        }
    } else {
        *why = tr("Drop console lines or AT commands here.");
        return {};
    }
    const QString mask = QLatin1Char('"') + QString::fromLatin1(atb::Redactor::kMask.data(), atb::Redactor::kMask.size())
        + QLatin1Char('"');
    for (const QString &c : std::as_const(commands)) {
        if (c.contains(mask)) {
            *why = tr("%1 carries a password the log masks; add that button by hand (+).").arg(c);
            return {};
        }
    }
    QuickSendItem item;
    item.kind = commands.size() == 1 ? Kind::Command : Kind::Sequence;
    item.text = commands.join(QLatin1Char('\n'));
    item.label = commands.size() == 1 ? commands.first() : tr("%1 (+%n more)", "", int(commands.size() - 1)).arg(commands.first());
    if (item.label.size() > 24)
        item.label = item.label.left(23) + QChar(0x2026);
    return { item };
}
