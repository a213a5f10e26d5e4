#include "ctxscope/session/scenario_patch.h"

namespace ctxscope {

bool ScenarioPatch::empty() const {
    return contexts.empty() && tasks.empty() && afterFuncs.empty() && actions.empty() &&
           expect.empty() && !settings && !learner;
}

void ScenarioPatch::apply(Scenario& s) const {
    contexts.apply(s.contexts);
    tasks.apply(s.tasks);
    afterFuncs.apply(s.afterFuncs);
    actions.apply(s.actions);
    expect.apply(s.expect);
    if (settings)
        settings->second.applyTo(s);
    if (learner)
        learner->second.applyTo(s);
}

void ScenarioPatch::revert(Scenario& s) const {
    if (learner)
        learner->first.applyTo(s);
    if (settings)
        settings->first.applyTo(s);
    expect.revert(s.expect);
    actions.revert(s.actions);
    afterFuncs.revert(s.afterFuncs);
    tasks.revert(s.tasks);
    contexts.revert(s.contexts);
}

} // namespace ctxscope
