#include "commandrunner.h"

#include "engine/devicesession.h"
#include "protocol/cwjapreply.h"
#include "protocol/errordecoder.h"

namespace atb {

CommandRunner::CommandRunner(DeviceSession *session, QObject *parent)
    : QObject(parent), m_session(session)
{
    qRegisterMetaType<atb::OperationResult>();
    connect(session, &DeviceSession::commandFinished, this, &CommandRunner::onFinished);
}

bool CommandRunner::run(const QString &label, const QList<AtCommand> &commands)
{
    if (m_busy || commands.isEmpty())
        return false;
    m_current = OperationResult();
    m_current.label = label;
    m_todo = commands;
    for (AtCommand &c : m_todo)
        if (c.origin.isEmpty())
            c.origin = m_origin;
    m_busy = true;
    emit busyChanged(true);
    submitNext();
    return true;
}

QString CommandRunner::refusal(const OperationPlan &plan) const
{
    if (!plan.ok())
        return plan.error;
    if (plan.isEmpty())
        return tr("Nothing to send.");
    if (m_busy)
        return tr("The module is busy with another request; try again.");
    return QString();
}

OperationPlan CommandRunner::start(const QString &label, OperationPlan plan, const std::function<void()> &beforeRun)
{
    const QString why = refusal(plan);
    if (!why.isEmpty()) {
        if (plan.ok())
            plan.fail(why);
        return plan;
    }
    if (beforeRun)
        beforeRun();
    run(label, plan.commands);
    return plan;
}

void CommandRunner::cancel()
{
    if (!m_busy)
        return;
    m_todo.clear();
    if (m_waitingFor && m_session)
        m_session->cancel(m_waitingFor); // its result arrives as Cancelled
    else
        finish(false, tr("Cancelled"), true);
}

void CommandRunner::submitNext()
{
    if (!m_session) {
        finish(false, tr("No session"));
        return;
    }
    const AtCommand c = m_todo.takeFirst();
    m_waitingFor = m_session->submit(c);
}

void CommandRunner::onFinished(const AtResult &r)
{
    if (!m_busy || r.id != m_waitingFor)
        return;
    m_waitingFor = 0;
    m_current.results.append(r);
    emit commandDone(r);
    if (r.status == AtResult::Status::Cancelled) {
        finish(false, tr("Cancelled"), true);
        return;
    }
    if (!r.ok()) {
        finish(false, describe(r));
        return;
    }
    if (m_todo.isEmpty()) {
        finish(true, tr("%1: done").arg(m_current.label));
        return;
    }
    submitNext();
}

void CommandRunner::finish(bool ok, const QString &message, bool cancelled)
{
    m_current.ok = ok;
    m_current.message = message;
    m_current.cancelled = cancelled;
    m_todo.clear();
    m_busy = false;
    const OperationResult result = m_current;
    emit busyChanged(false);
    emit finished(result);
}

QString CommandRunner::describe(const AtResult &r)
{
    const QString cmd = QString::fromUtf8(r.command.line);
    switch (r.status) {
    case AtResult::Status::Ok:
        return tr("%1: OK").arg(cmd);
    case AtResult::Status::Error: {
        QString why;
        if (!r.errCodes.isEmpty())
            why = describeFailure(r.errCodes);
        // Replies that say why without an ERR CODE.
        for (const QByteArray &l : r.lines) {
            if (const std::optional<CwjapReply> j = CwjapReply::parse(l); j && !j->joined()) {
                why = CwjapReply::failureText(j->failureCode);
            } else if (l == "ALREADY CONNECTED") {
                why = tr("the link is already connected");
            } else if (l == "+PING:TIMEOUT") {
                why = tr("no answer (or the name could not be resolved)");
            }
        }
        if (why.isEmpty())
            why = tr("the module answered %1 without a reason (AT+SYSLOG=1 makes ESP-AT print error codes)")
                      .arg(QString::fromUtf8(r.finalText));
        return tr("%1 failed: %2").arg(cmd, why);
    }
    case AtResult::Status::Busy:
        return tr("%1: the module stayed busy; try again").arg(cmd);
    case AtResult::Status::Timeout:
        return tr("%1: no answer (%2)").arg(cmd, r.message);
    case AtResult::Status::Cancelled:
        return tr("%1: cancelled").arg(cmd);
    case AtResult::Status::Disconnected:
        return tr("%1: the link was lost").arg(cmd);
    case AtResult::Status::Refused:
        return tr("%1: not sent (%2)").arg(cmd, r.message);
    }
    return cmd;
}

} // namespace atb
