#include "scenariopatch.h"

namespace ctxscope {

bool ScenarioPatch::empty() const {
    return contexts.empty() && tasks.empty() && afterFuncs.empty() && actions.empty() &&
           expect.empty() && !name;
}

void ScenarioPatch::apply(Scenario& s) const {
    contexts.apply(s.contexts);
    tasks.apply(s.tasks);
    afterFuncs.apply(s.afterFuncs);
    actions.apply(s.actions);
    expect.apply(s.expect);
    if (name)
        s.name = name->second;
}

void ScenarioPatch::revert(Scenario& s) const {
    if (name)
        s.name = name->first;
    expect.revert(s.expect);
    actions.revert(s.actions);
    afterFuncs.revert(s.afterFuncs);
    tasks.revert(s.tasks);
    contexts.revert(s.contexts);
}

} // namespace ctxscope
