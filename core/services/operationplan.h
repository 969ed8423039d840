#pragma once

#include "engine/atcommand.h"
#include "protocol/dialect.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace atb {

struct EncodeResult;

// What a service operation will send, or why it will not. Every service plans with it
// (`OperationPlan planX(settings) const`, pure: nothing is sent) and runs the plan it made, so
// "Show AT", the field errors of a page and headless callers (profiles, recipes) read one shape.
struct OperationPlan
{
    QList<AtCommand> commands; // ready for the queue: flags, timeouts and origin set
    QStringList notes;         // why a command is sent, by index (may be shorter than commands)
    QString error;             // translated; non-empty: the input is invalid, nothing is sent
    QByteArray errorParam;     // the field at fault: the encoder's parameter name ("ssid",
                               // "remote_port", "client_id", ...) or the service's own ("hex",
                               // "file", "duration", ...); empty when about no field in particular
    QString warning;           // valid, but worth saying (a value above the recommended limit)
    qint64 payloadBytes = 0;   // data-phase bytes over all commands

    // Valid (no error). An empty valid plan means "nothing to do".
    bool ok() const { return error.isEmpty(); }
    bool isEmpty() const { return commands.isEmpty(); }
    // The exact command lines, in order.
    QList<QByteArray> lines() const;

    static OperationPlan failure(const QString &error, const QByteArray &param = QByteArray());
    // Marks the plan invalid and drops what it had planned.
    OperationPlan &fail(const QString &error, const QByteArray &param = QByteArray());
    // Appends `line` as a command of `dialect` (AtCommand::fromLine rules) from `origin`.
    AtCommand &add(const QByteArray &line, Dialect dialect, const QString &origin, const QString &note = QString());
    // Appends the encoder's line when it accepted it and returns true; a command the dialect
    // does not have (or rejected arguments) is left out and false returned.
    bool addEncoded(const EncodeResult &r, Dialect dialect, const QString &origin, const QString &note = QString());
    // Appends the commands, notes and payload of `other`; takes its error and warning when this has none.
    OperationPlan &append(const OperationPlan &other);
};

} // namespace atb
