#include "planningservices.h"

namespace atb {

PlanningServices::PlanningServices(Dialect dialect)
{
    m_model.setDialect(dialect);
    m_model.follow(&m_session);
}

void PlanningServices::replay(const QList<AtResult> &results)
{
    for (const AtResult &r : results)
        emit m_session.commandFinished(r);
}

void PlanningServices::assume(const OperationPlan &plan)
{
    for (const AtCommand &c : plan.commands) {
        AtResult r;
        r.command = c;
        r.status = AtResult::Status::Ok;
        r.finalText = "OK";
        emit m_session.commandFinished(r);
    }
}

} // namespace atb
