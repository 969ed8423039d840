#pragma once

#include "services/operationplan.h"

#include <QByteArray>
#include <QHash>
#include <QPointer>
#include <QString>

class QBoxLayout;
class QLabel;
class QLayout;
class QWidget;

// The reasons shown beside the fields of a form, registered under the encoder's parameter
// name, so an OperationPlan's error lands beside the field its errorParam names. Pages that
// validate several operations at once register each operation's fields under its own scope.
// FormPage owns one; forms built in separate widgets (the MQTT page's) register through it.
class FieldErrors
{
public:
    // `page` gives the labels' colour (the theme's error colour on its palette).
    explicit FieldErrors(QWidget *page);

    // Registers the label for `param` in `scope` and returns a widget holding `row` with the
    // label right below it (or beside it). `input` (default: `row` itself) names the label
    // ("<objectName>Error", or "<param>Error") and takes the focus for its errors.
    QWidget *wrap(QWidget *row, const QByteArray &param, const QByteArray &scope = QByteArray(), bool beside = false,
                  QWidget *input = nullptr);
    // The same around a layout.
    QBoxLayout *wrap(QLayout *row, QWidget *input, const QByteArray &param, const QByteArray &scope = QByteArray());

    // A parameter shown beside another field's label (AT+MQTTPUBRAW "length" -> "data"), and
    // the field for the errors about no registered field of a scope.
    void alias(const QByteArray &param, const QByteArray &shownAs, const QByteArray &scope = QByteArray());
    void setFallback(const QByteArray &param, const QByteArray &scope = QByteArray());

    // The label and input of `param` (after the aliases; not the fallback), or null.
    QLabel *label(const QByteArray &param, const QByteArray &scope = QByteArray()) const;
    QWidget *input(const QByteArray &param, const QByteArray &scope = QByteArray()) const;

    // Clears the scope, then shows the plan's error beside its field (or the fallback). False
    // when the plan has an error; with `focus` the field takes the focus.
    bool show(const atb::OperationPlan &plan, const QByteArray &scope = QByteArray(), bool focus = false);
    void show(const QByteArray &param, const QString &error, const QByteArray &scope = QByteArray());
    void clear(const QByteArray &scope = QByteArray());
    void clearAll();

    // The reason shown for `param` in `scope`; empty when none. Without a scope: the first one
    // shown for `param`, preferring fields the user can see (the current tab's).
    QString text(const QByteArray &param, const QByteArray &scope = QByteArray()) const;
    // The theme's error colour again (palette change).
    void recolour();

private:
    struct Entry
    {
        QLabel *label = nullptr;
        QPointer<QWidget> input;
    };
    static QByteArray key(const QByteArray &scope, const QByteArray &param);
    QLabel *newLabel(QWidget *parent, QWidget *input, const QByteArray &param) const;
    const Entry *find(const QByteArray &scope, const QByteArray &param, bool orFallback = false) const;

    QWidget *m_page;
    QHash<QByteArray, Entry> m_entries;        // key(scope, param)
    QHash<QByteArray, QByteArray> m_aliases;   // key(scope, param) -> param shown
    QHash<QByteArray, QByteArray> m_fallbacks; // scope -> param
};
