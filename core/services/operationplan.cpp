#include "operationplan.h"

#include "protocol/atencoder.h"

namespace atb {

QList<QByteArray> OperationPlan::lines() const
{
    QList<QByteArray> out;
    out.reserve(commands.size());
    for (const AtCommand &c : commands)
        out << c.line;
    return out;
}

OperationPlan OperationPlan::failure(const QString &error, const QByteArray &param)
{
    OperationPlan p;
    return p.fail(error, param);
}

OperationPlan &OperationPlan::fail(const QString &e, const QByteArray &param)
{
    commands.clear();
    notes.clear();
    payloadBytes = 0;
    error = e;
    errorParam = param;
    return *this;
}

AtCommand &OperationPlan::add(const QByteArray &line, Dialect dialect, const QString &origin, const QString &note)
{
    AtCommand c = AtCommand::fromLine(line, dialect == Dialect::Beken);
    c.origin = origin;
    while (notes.size() < commands.size())
        notes << QString();
    commands << c;
    notes << note;
    return commands.last();
}

bool OperationPlan::addEncoded(const EncodeResult &r, Dialect dialect, const QString &origin, const QString &note)
{
    if (!r.ok())
        return false;
    add(r.line, dialect, origin, note);
    return true;
}

OperationPlan &OperationPlan::append(const OperationPlan &other)
{
    if (!other.ok()) {
        if (ok())
            fail(other.error, other.errorParam);
        return *this;
    }
    if (!ok())
        return *this;
    while (notes.size() < commands.size())
        notes << QString();
    commands << other.commands;
    for (qsizetype i = 0; i < other.commands.size(); ++i)
        notes << other.notes.value(i);
    payloadBytes += other.payloadBytes;
    if (warning.isEmpty())
        warning = other.warning;
    return *this;
}

} // namespace atb
