#include "triggerengine.h"

#include "engine/devicesession.h"

#include <QApplication>

namespace {
const char kOrigin[] = "trigger";
}

TriggerEngine::TriggerEngine(atb::DeviceSession *session, QObject *parent) : QObject(parent), m_session(session)
{
    connect(session->log(), &atb::SessionLog::recordsAppended, this, &TriggerEngine::onRecords);
}

void TriggerEngine::setTriggers(const QList<atb::Trigger> &triggers)
{
    m_triggers = triggers;
    m_compiled.clear();
    for (const atb::Trigger &t : triggers)
        m_compiled << (t.regex ? QRegularExpression(t.pattern) : QRegularExpression());
    m_fired.clear();
    m_lastFired.clear();
}

void TriggerEngine::onRecords(const QList<atb::LogRecord> &records)
{
    for (const atb::LogRecord &r : records) {
        switch (r.kind) {
        case atb::LogRecord::Kind::Rx:
        case atb::LogRecord::Kind::Final:
        case atb::LogRecord::Kind::Urc:
        case atb::LogRecord::Kind::RxData:
            feed(QString::fromUtf8(r.text), r.commandId);
            break;
        default:
            break;
        }
    }
}

void TriggerEngine::feed(const QString &line, quint64 commandId)
{
    if (commandId != 0 && m_ownCommands.contains(commandId))
        return;
    for (int i = 0; i < m_triggers.size(); ++i) {
        const atb::Trigger &t = m_triggers[i];
        if (!t.enabled || t.pattern.isEmpty())
            continue;
        const bool hit = t.regex ? (m_compiled[i].isValid() && m_compiled[i].match(line).hasMatch()) : line.contains(t.pattern);
        if (!hit)
            continue;
        QElapsedTimer &last = m_lastFired[i];
        if (last.isValid() && last.elapsed() < kCooldownMs)
            continue;
        last.start();
        ++m_fired[i];
        act(i, line);
        emit fired(i, line);
    }
}

void TriggerEngine::act(int index, const QString &line)
{
    const atb::Trigger &t = m_triggers[index];
    switch (t.action) {
    case atb::Trigger::Action::Send: {
        atb::AtCommand c = atb::AtCommand::fromLine(t.argument.trimmed().toUtf8(), m_session->dialect() == atb::Dialect::Beken);
        c.origin = QLatin1String(kOrigin);
        // Its reply reaches the log (batched) after the result: remember the last ids a while.
        const quint64 id = m_session->submit(c);
        m_ownCommands.insert(id);
        m_ownOrder << id;
        while (m_ownOrder.size() > kRememberedCommands)
            m_ownCommands.remove(m_ownOrder.takeFirst());
        break;
    }
    case atb::Trigger::Action::Recipe:
        if (!m_startRecipe || !m_startRecipe(t.argument))
            m_session->log()->appendInfo(tr("Trigger \"%1\": the recipe %2 could not start (another one is running?)")
                                             .arg(t.pattern, t.argument),
                                         true);
        break;
    case atb::Trigger::Action::Mark:
        m_session->log()->appendInfo(t.argument.isEmpty() ? tr("◆ Trigger \"%1\": %2").arg(t.pattern, line)
                                                          : tr("◆ %1 (trigger \"%2\": %3)").arg(t.argument, t.pattern, line));
        break;
    case atb::Trigger::Action::Beep:
        QApplication::beep();
        break;
    }
}
