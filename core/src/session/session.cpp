#include "ctxscope/session/session.h"

#include "ctxscope/engine/validate.h"

#include <algorithm>

namespace ctxscope {

Session::Session(Scenario scenario) : m_scenario(std::move(scenario)) {}

void Session::reset(Scenario scenario) {
    m_scenario = std::move(scenario);
    m_history.clear();
    m_playhead = 0;
    m_selection = {};
    m_collapsed.clear();
    m_predict = false;
}

std::string Session::check(const edits::EditResult& edit) {
    if (!edit.error.empty())
        return edit.error;
    if (edit.patch.empty())
        return {};
    // Validate the scenario the edit would make, then put it back: patches revert exactly.
    edit.patch.apply(m_scenario);
    const std::vector<Problem> problems = validateScenario(m_scenario);
    edit.patch.revert(m_scenario);
    if (problems.empty())
        return {};
    const Problem& p = problems.front();
    return p.path.empty() ? p.message : p.path + ": " + p.message;
}

std::string Session::edit(std::string text, const edits::EditResult& edit) {
    if (std::string error = check(edit); !error.empty())
        return error;
    commit(std::move(text), edit);
    return {};
}

void Session::commit(std::string text, const edits::EditResult& edit) {
    if (edit.patch.empty())
        return;
    edit.patch.apply(m_scenario);
    m_history.push(std::move(text), edit.patch);
}

const HistoryEntry* Session::undo() {
    const HistoryEntry* e = m_history.stepBack();
    if (e)
        e->patch.revert(m_scenario);
    return e;
}

const HistoryEntry* Session::redo() {
    const HistoryEntry* e = m_history.stepForward();
    if (e)
        e->patch.apply(m_scenario);
    return e;
}

void Session::setHistoryIndex(std::size_t index) {
    index = std::min(index, m_history.count());
    while (m_history.index() > index)
        undo();
    while (m_history.index() < index)
        redo();
}

Scenario Session::detach() {
    Scenario out = std::move(m_scenario);
    m_scenario = out;
    return out;
}

void Session::adopt(Scenario equal) { m_scenario = std::move(equal); }

void Session::setCollapsed(const std::vector<std::string>& contextIds, bool collapsed) {
    for (const std::string& id : contextIds) {
        if (collapsed)
            m_collapsed.insert(id);
        else
            m_collapsed.erase(id);
    }
}

namespace {

template <typename Spec>
bool declaresTopLevel(const std::vector<Spec>& list, const std::string& id) {
    return std::any_of(list.begin(), list.end(), [&](const Spec& s) { return s.id == id; });
}

} // namespace

Capabilities Session::capabilities(const Selection& sel, const SimulationResult* result, const Playback* playback) const {
    Capabilities c;
    switch (sel.kind) {
    case Selection::Kind::None: return c;
    case Selection::Kind::Action:
        c.exists = c.editable = c.deletable = sel.index < m_scenario.actions.size();
        if (c.exists && m_scenario.actions[sel.index].op == ActionOp::Cancel)
            c.takesCause = true;
        return c;
    case Selection::Kind::Expectation:
        c.exists = c.editable = c.deletable = sel.index < m_scenario.expect.size();
        return c;
    case Selection::Kind::Task:
        c.editable = c.deletable = declaresTopLevel(m_scenario.tasks, sel.id);
        c.exists = c.editable;
        if (result && playback) {
            if (const auto i = result->findTask(sel.id)) {
                c.exists = true;
                c.created = playback->task(*i).started;
            }
        }
        return c;
    case Selection::Kind::AfterFunc:
        c.editable = c.deletable = declaresTopLevel(m_scenario.afterFuncs, sel.id);
        c.exists = c.editable;
        c.canStop = true;
        if (result && playback) {
            if (const auto i = result->findAfterFunc(sel.id)) {
                c.exists = true;
                c.created = playback->afterFunc(*i).registered;
            }
        }
        c.canStop = c.exists;
        return c;
    case Selection::Kind::Context: break;
    }
    const auto spec = std::find_if(m_scenario.contexts.begin(), m_scenario.contexts.end(),
                                   [&](const ContextSpec& s) { return s.id == sel.id; });
    c.editable = c.deletable = spec != m_scenario.contexts.end();
    c.exists = c.editable;
    std::optional<ContextKind> kind;
    if (c.editable) {
        kind = spec->kind;
        c.canMove = !isRoot(spec->kind);
    }
    if (result) {
        if (const auto i = result->findContext(sel.id)) {
            c.exists = true;
            kind = result->contexts[*i].kind;
            if (playback) {
                const ContextStateAt& st = playback->context(*i);
                c.created = st.created;
                c.done = st.err != Err::None;
            }
        }
    }
    if (kind) {
        c.canCancel = hasCancelFunc(*kind);
        c.takesCause = *kind == ContextKind::WithCancelCause;
        c.hasParams = c.editable && edits::hasParams(*kind);
        c.canDerive = c.canStartTask = !result || !playback || c.created;
    }
    return c;
}

} // namespace ctxscope
