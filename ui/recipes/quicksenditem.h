#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

class QMimeData;

// One button of the quick-send bar: an AT command, a sequence of them, or a recipe.
struct QuickSendItem
{
    enum class Kind { Command, Sequence, Recipe };
    Kind kind = Kind::Command;
    QString label;
    QString text; // Command: one AT line; Sequence: AT lines, one per line; Recipe: its name or file

    // The command lines of a Command or Sequence (blank lines and "#" comments dropped).
    QStringList lines() const;
    // Empty when the item can be used; else why not.
    QString problem() const;
    bool operator==(const QuickSendItem &o) const { return kind == o.kind && label == o.label && text == o.text; }

    static QByteArray toJson(const QList<QuickSendItem> &items);
    static QList<QuickSendItem> fromJson(const QByteArray &json);
    // A button from what was dropped on the bar: console lines (the commands that were sent:
    // one makes a Command, several a Sequence) or plain text with AT lines. Nothing, with *why
    // set, when it holds no command or a masked password.
    static QList<QuickSendItem> fromDrop(const QMimeData *mime, QString *why);
};
