#include "ctxscope/session/edits.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_set>

namespace ctxscope::edits {
namespace {

using IdSet = std::unordered_set<std::string>;

// collectStepIds adds the ids a task's steps declare: contexts it derives, tasks it spawns and
// after-funcs it registers, at any depth.
void collectStepIds(const std::vector<Step>& steps, IdSet& contexts, IdSet& tasks) {
    for (const Step& step : steps) {
        for (const ContextSpec& c : step.derive)
            contexts.insert(c.id);
        for (const TaskSpec& t : step.spawn) {
            tasks.insert(t.id);
            collectStepIds(t.steps, contexts, tasks);
        }
        for (const AfterFuncSpec& a : step.afterFunc) {
            tasks.insert(a.id);
            collectStepIds(a.steps, contexts, tasks);
        }
    }
}

void collectAllIds(const Scenario& s, IdSet& contexts, IdSet& tasks) {
    for (const ContextSpec& c : s.contexts)
        contexts.insert(c.id);
    for (const TaskSpec& t : s.tasks) {
        tasks.insert(t.id);
        collectStepIds(t.steps, contexts, tasks);
    }
    for (const AfterFuncSpec& a : s.afterFuncs) {
        tasks.insert(a.id);
        collectStepIds(a.steps, contexts, tasks);
    }
}

std::string firstFree(const IdSet& used, const std::string& base) {
    if (!used.count(base))
        return base;
    for (int n = 2;; ++n) {
        std::string candidate = base + std::to_string(n);
        if (!used.count(candidate))
            return candidate;
    }
}

const ContextSpec* findContext(const Scenario& s, const std::string& id) {
    for (const ContextSpec& c : s.contexts)
        if (c.id == id)
            return &c;
    return nullptr;
}

// removeReferences removes the actions aimed at gone contexts or after-funcs and the
// expectations about any gone subject: what deleting a context, task or after-func takes along.
void removeReferences(const Scenario& s, const IdSet& goneContexts, const IdSet& goneTasks, ScenarioPatch& patch) {
    for (std::size_t i = 0; i < s.actions.size(); ++i) {
        const Action& a = s.actions[i];
        const IdSet& pool = a.op == ActionOp::Cancel ? goneContexts : goneTasks;
        if (pool.count(a.target))
            patch.actions.removed.emplace_back(i, a);
    }
    for (std::size_t i = 0; i < s.expect.size(); ++i) {
        const Expectation& e = s.expect[i];
        bool gone = false;
        switch (e.kind) {
        case Expectation::Kind::Context: gone = goneContexts.count(e.subject) > 0; break;
        case Expectation::Kind::Task:
        case Expectation::Kind::AfterFunc: gone = goneTasks.count(e.subject) > 0; break;
        case Expectation::Kind::Lookup: gone = goneTasks.count(e.task) > 0; break;
        case Expectation::Kind::Lint:
            gone = goneContexts.count(e.task) > 0 || goneTasks.count(e.task) > 0;
            break;
        case Expectation::Kind::NoLints:
        case Expectation::Kind::Stopped: break;
        }
        if (gone)
            patch.expect.removed.emplace_back(i, e);
    }
    // The predict questions about what goes go too (the validator refuses a question about a
    // subject the scenario no longer has).
    LearnerBlocks after = LearnerBlocks::of(s);
    std::erase_if(after.predict, [&](const PredictQuestion& q) {
        switch (q.kind) {
        case Expectation::Kind::Context: return goneContexts.count(q.subject) > 0;
        case Expectation::Kind::Task:
        case Expectation::Kind::AfterFunc: return goneTasks.count(q.subject) > 0;
        case Expectation::Kind::Lookup: return goneTasks.count(q.task) > 0;
        default: return false;
        }
    });
    if (after.predict.size() != s.predict.size())
        patch.learner = std::make_pair(LearnerBlocks::of(s), std::move(after));
}

EditResult failure(std::string message) {
    EditResult r;
    r.error = std::move(message);
    return r;
}

// setParams writes the parameters of spec's kind and clears the others (the file format
// forbids a key the kind does not take).
void setParams(ContextSpec& spec, const ContextParams& p) {
    const ContextKind k = spec.kind;
    spec.timeout = isTimeoutKind(k) ? p.timeout : 0;
    spec.deadline = isDeadlineKind(k) ? p.deadline : 0;
    spec.cause = isCauseDeadlineKind(k) ? p.cause : std::string();
    const bool value = k == ContextKind::WithValue;
    spec.key = value ? p.key : std::string();
    spec.value = value ? p.value : Scalar::null();
    spec.keyType = value && !p.keyType.empty() ? p.keyType : "ctxKey";
}

} // namespace

bool hasParams(ContextKind kind) {
    return isTimeoutKind(kind) || isDeadlineKind(kind) || kind == ContextKind::WithValue;
}

ContextParams paramsOf(const ContextSpec& c) {
    ContextParams p;
    p.timeout = c.timeout;
    p.deadline = c.deadline;
    p.cause = c.cause;
    p.key = c.key;
    p.value = c.value;
    p.keyType = c.keyType;
    return p;
}

std::string idBaseForKind(ContextKind kind) {
    switch (kind) {
    case ContextKind::Background: return "root";
    case ContextKind::TODO: return "todo";
    case ContextKind::WithCancel: return "cancel";
    case ContextKind::WithCancelCause: return "cancelcause";
    case ContextKind::WithTimeout: return "timeout";
    case ContextKind::WithTimeoutCause: return "timeoutcause";
    case ContextKind::WithDeadline: return "deadline";
    case ContextKind::WithDeadlineCause: return "deadlinecause";
    case ContextKind::WithValue: return "value";
    case ContextKind::WithoutCancel: return "detached";
    }
    return "ctx";
}

std::string uniqueContextId(const Scenario& s, const std::string& base) {
    IdSet contexts, tasks;
    collectAllIds(s, contexts, tasks);
    return firstFree(contexts, base);
}

std::string uniqueTaskId(const Scenario& s, const std::string& base) {
    IdSet contexts, tasks;
    collectAllIds(s, contexts, tasks);
    return firstFree(tasks, base);
}

FreshIds::FreshIds(const Scenario& s) { collectAllIds(s, m_contexts, m_tasks); }

std::string FreshIds::take(std::unordered_set<std::string>& used, const std::string& base) {
    std::string id = firstFree(used, base);
    used.insert(id);
    return id;
}

std::string valueKeyProblem(std::string_view key) {
    const bool blank = std::all_of(key.begin(), key.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    return blank ? "a WithValue needs a key, such as \"userID\"" : "";
}

std::string idFromLabel(std::string_view label) {
    std::string id;
    bool gap = false;
    for (char ch : label) {
        const unsigned char c = static_cast<unsigned char>(ch);
        const bool keep = std::isalnum(c) || c == '_' || c == '.' || c == '-';
        if (!keep) {
            gap = !id.empty();
            continue;
        }
        if (gap)
            id += '_';
        gap = false;
        if (id.empty() && !(std::isalpha(c) || c == '_'))
            id += '_';
        id += ch;
        if (id.size() >= 48)
            break;
    }
    return id;
}

EditResult deriveContext(const Scenario& s, const std::string& parentId, Nanos at, DeriveParams p) {
    ContextSpec spec;
    spec.kind = p.kind;
    if (isRoot(p.kind)) {
        if (!parentId.empty())
            return failure(std::string(contextKindName(p.kind)) + " has no parent");
    } else {
        const ContextSpec* parent = findContext(s, parentId);
        if (!parent)
            return failure("no context \"" + parentId + "\" to derive from");
        spec.parent = parentId;
        at = std::max(at, parent->at);
    }
    // A new context's id comes from the label the user typed, else from its kind.
    const std::string fromLabel = idFromLabel(p.label);
    spec.id = !p.id.empty() ? p.id : uniqueContextId(s, fromLabel.empty() ? idBaseForKind(p.kind) : fromLabel);
    spec.at = std::max<Nanos>(at, 0);
    spec.label = p.label;
    setParams(spec, p);
    EditResult r;
    r.id = spec.id;
    r.patch.contexts.appended.push_back(std::move(spec));
    return r;
}

namespace {
// A task and an after-func start the same way: on an existing context, no earlier than it, with
// an id made up when none was given. list picks the patch's list they are appended to.
template <typename Spec>
EditResult appendOnContext(const Scenario& s, Spec spec, Nanos at, const char* what, const char* idBase,
                           ListPatch<Spec> ScenarioPatch::*list) {
    const ContextSpec* ctx = findContext(s, spec.context);
    if (!ctx)
        return failure("no context \"" + spec.context + "\" to " + what);
    if (spec.id.empty())
        spec.id = uniqueTaskId(s, idBase);
    spec.at = std::max<Nanos>(at, ctx->at);
    EditResult r;
    r.id = spec.id;
    (r.patch.*list).appended.push_back(std::move(spec));
    return r;
}
} // namespace

EditResult startTask(const Scenario& s, TaskSpec task, Nanos at) {
    return appendOnContext(s, std::move(task), at, "start the task on", "task", &ScenarioPatch::tasks);
}

EditResult addAfterFunc(const Scenario& s, AfterFuncSpec af, Nanos at) {
    return appendOnContext(s, std::move(af), at, "register the after-func on", "afterfunc", &ScenarioPatch::afterFuncs);
}

EditResult cancelAt(const Scenario& s, const std::string& ctxId, Nanos at,
                    std::optional<std::string> cause) {
    if (const ContextSpec* c = findContext(s, ctxId)) {
        if (!hasCancelFunc(c->kind))
            return failure(std::string(contextKindName(c->kind)) + " has no cancel function");
        if (cause && c->kind != ContextKind::WithCancelCause)
            return failure("only a WithCancelCause context is canceled with a cause");
    }
    Action a;
    a.at = std::max<Nanos>(at, 0);
    a.op = ActionOp::Cancel;
    a.target = ctxId;
    a.cause = std::move(cause);
    EditResult r;
    r.patch.actions.appended.push_back(std::move(a));
    return r;
}

EditResult stopAfterFuncAt(const Scenario&, const std::string& afId, Nanos at) {
    Action a;
    a.at = std::max<Nanos>(at, 0);
    a.op = ActionOp::StopAfterFunc;
    a.target = afId;
    EditResult r;
    r.patch.actions.appended.push_back(std::move(a));
    return r;
}

EditResult rename(const Scenario& s, const std::string& ctxId, const std::string& label) {
    for (std::size_t i = 0; i < s.contexts.size(); ++i) {
        if (s.contexts[i].id != ctxId)
            continue;
        ContextSpec after = s.contexts[i];
        after.label = label == after.id ? std::string() : label;
        EditResult r;
        if (after != s.contexts[i])
            r.patch.contexts.replaced.push_back({i, s.contexts[i], std::move(after)});
        return r;
    }
    return failure("only contexts of the scenario can be renamed (\"" + ctxId +
                   "\" is made by a task)");
}

EditResult editParams(const Scenario& s, const std::string& ctxId, const ContextParams& p) {
    for (std::size_t i = 0; i < s.contexts.size(); ++i) {
        if (s.contexts[i].id != ctxId)
            continue;
        if (!hasParams(s.contexts[i].kind))
            return failure(std::string(contextKindName(s.contexts[i].kind)) + " takes no parameters to edit");
        ContextSpec after = s.contexts[i];
        setParams(after, p);
        EditResult r;
        r.id = ctxId;
        if (after != s.contexts[i])
            r.patch.contexts.replaced.push_back({i, s.contexts[i], std::move(after)});
        return r;
    }
    return failure("only contexts of the scenario can be edited (\"" + ctxId +
                   "\" is made by a task, or does not exist)");
}

EditResult renameScenario(const Scenario& s, const std::string& name) {
    ScenarioSettings after = ScenarioSettings::of(s);
    after.name = name;
    return editSettings(s, after);
}

EditResult deleteContext(const Scenario& s, const std::string& ctxId, DeletionSummary* summary) {
    if (!findContext(s, ctxId))
        return failure("only contexts of the scenario can be deleted (\"" + ctxId +
                       "\" is made by a task)");
    EditResult r;
    IdSet goneContexts{ctxId}, goneTasks;
    // Parents are listed before their children, so one pass finds the whole subtree.
    for (std::size_t i = 0; i < s.contexts.size(); ++i) {
        const ContextSpec& c = s.contexts[i];
        if (c.id == ctxId || (!c.parent.empty() && goneContexts.count(c.parent))) {
            goneContexts.insert(c.id);
            r.patch.contexts.removed.emplace_back(i, c);
        }
    }
    for (std::size_t i = 0; i < s.tasks.size(); ++i) {
        const TaskSpec& t = s.tasks[i];
        if (!goneContexts.count(t.context))
            continue;
        goneTasks.insert(t.id);
        collectStepIds(t.steps, goneContexts, goneTasks);
        r.patch.tasks.removed.emplace_back(i, t);
    }
    for (std::size_t i = 0; i < s.afterFuncs.size(); ++i) {
        const AfterFuncSpec& a = s.afterFuncs[i];
        if (!goneContexts.count(a.context))
            continue;
        goneTasks.insert(a.id);
        collectStepIds(a.steps, goneContexts, goneTasks);
        r.patch.afterFuncs.removed.emplace_back(i, a);
    }
    removeReferences(s, goneContexts, goneTasks, r.patch);
    if (summary) {
        summary->contexts = r.patch.contexts.removed.size();
        summary->tasks = r.patch.tasks.removed.size();
        summary->afterFuncs = r.patch.afterFuncs.removed.size();
        summary->actions = r.patch.actions.removed.size();
        summary->expectations = r.patch.expect.removed.size();
    }
    return r;
}

EditResult editSettings(const Scenario& s, const ScenarioSettings& after) {
    if (after.until && *after.until < 0)
        return failure("until: the run cannot stop before it starts");
    EditResult r;
    const ScenarioSettings before = ScenarioSettings::of(s);
    if (after != before)
        r.patch.settings = std::make_pair(before, after);
    return r;
}

namespace {

std::optional<std::size_t> contextIndex(const Scenario& s, const std::string& id) {
    for (std::size_t i = 0; i < s.contexts.size(); ++i)
        if (s.contexts[i].id == id)
            return i;
    return std::nullopt;
}

template <typename Spec>
std::optional<std::size_t> indexById(const std::vector<Spec>& list, const std::string& id) {
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].id == id)
            return i;
    return std::nullopt;
}

} // namespace

EditResult setContextAt(const Scenario& s, const std::string& ctxId, Nanos at) {
    const auto i = contextIndex(s, ctxId);
    if (!i)
        return failure("only contexts of the scenario can be edited (\"" + ctxId + "\" is made by a task, or does not exist)");
    if (at < 0)
        return failure("at: a context cannot be created before the scenario starts");
    ContextSpec after = s.contexts[*i];
    after.at = at;
    EditResult r;
    r.id = ctxId;
    if (after != s.contexts[*i])
        r.patch.contexts.replaced.push_back({*i, s.contexts[*i], std::move(after)});
    return r;
}

EditResult moveContext(const Scenario& s, const std::string& ctxId, const std::string& newParent) {
    const auto i = contextIndex(s, ctxId);
    if (!i)
        return failure("only contexts of the scenario can be moved (\"" + ctxId + "\" is made by a task, or does not exist)");
    if (isRoot(s.contexts[*i].kind))
        return failure(std::string(contextKindName(s.contexts[*i].kind)) + " has no parent to change");
    if (!contextIndex(s, newParent))
        return failure("no context \"" + newParent + "\" to move under");
    if (s.contexts[*i].parent == newParent)
        return {};
    // The subtree: parents are listed before their children, so one pass from i finds it.
    IdSet subtree{ctxId};
    std::vector<std::size_t> members{*i};
    for (std::size_t k = *i + 1; k < s.contexts.size(); ++k)
        if (!s.contexts[k].parent.empty() && subtree.count(s.contexts[k].parent)) {
            subtree.insert(s.contexts[k].id);
            members.push_back(k);
        }
    if (subtree.count(newParent))
        return failure("\"" + newParent + "\" is inside \"" + ctxId + "\"'s subtree: a context cannot be its own ancestor");
    EditResult r;
    r.id = ctxId;
    for (std::size_t k : members) {
        r.patch.contexts.removed.emplace_back(k, s.contexts[k]);
        ContextSpec moved = s.contexts[k];
        if (k == *i)
            moved.parent = newParent;
        r.patch.contexts.appended.push_back(std::move(moved));
    }
    return r;
}

namespace {

// Everything a goroutine declares, itself included: what goes when it goes.
template <typename Spec>
void declaredBy(const Spec& g, IdSet& contexts, IdSet& tasks) {
    tasks.insert(g.id);
    collectStepIds(g.steps, contexts, tasks);
}

template <typename Spec>
EditResult replaceGoroutine(const std::vector<Spec>& list, ListPatch<Spec>& (*field)(ScenarioPatch&),
                            const std::string& id, Spec after, const char* what) {
    const auto i = indexById(list, id);
    if (!i)
        return failure(std::string("no ") + what + " \"" + id + "\" at the top level of the scenario");
    after.at = std::max<Nanos>(after.at, 0);
    EditResult r;
    r.id = after.id;
    if (!(after == list[*i]))
        field(r.patch).replaced.push_back({*i, list[*i], std::move(after)});
    return r;
}

ListPatch<TaskSpec>& tasksOf(ScenarioPatch& p) { return p.tasks; }
ListPatch<AfterFuncSpec>& afterFuncsOf(ScenarioPatch& p) { return p.afterFuncs; }

void summarize(const ScenarioPatch& p, DeletionSummary* summary) {
    if (!summary)
        return;
    summary->contexts = p.contexts.removed.size();
    summary->tasks = p.tasks.removed.size();
    summary->afterFuncs = p.afterFuncs.removed.size();
    summary->actions = p.actions.removed.size();
    summary->expectations = p.expect.removed.size();
}

} // namespace

EditResult replaceTask(const Scenario& s, const std::string& taskId, TaskSpec after) {
    return replaceGoroutine(s.tasks, &tasksOf, taskId, std::move(after), "task");
}

EditResult replaceAfterFunc(const Scenario& s, const std::string& afId, AfterFuncSpec after) {
    return replaceGoroutine(s.afterFuncs, &afterFuncsOf, afId, std::move(after), "after-func");
}

EditResult deleteTask(const Scenario& s, const std::string& taskId, DeletionSummary* summary) {
    const auto i = indexById(s.tasks, taskId);
    if (!i)
        return failure("no task \"" + taskId + "\" at the top level of the scenario (a spawned one is deleted with its spawn step)");
    EditResult r;
    IdSet contexts, tasks;
    declaredBy(s.tasks[*i], contexts, tasks);
    r.patch.tasks.removed.emplace_back(*i, s.tasks[*i]);
    removeReferences(s, contexts, tasks, r.patch);
    summarize(r.patch, summary);
    return r;
}

EditResult deleteAfterFunc(const Scenario& s, const std::string& afId, DeletionSummary* summary) {
    const auto i = indexById(s.afterFuncs, afId);
    if (!i)
        return failure("no after-func \"" + afId + "\" at the top level of the scenario (one a task registers is deleted with its step)");
    EditResult r;
    IdSet contexts, tasks;
    declaredBy(s.afterFuncs[*i], contexts, tasks);
    r.patch.afterFuncs.removed.emplace_back(*i, s.afterFuncs[*i]);
    removeReferences(s, contexts, tasks, r.patch);
    summarize(r.patch, summary);
    return r;
}

EditResult editExercise(const Scenario& s, std::optional<Exercise> exercise) {
    LearnerBlocks after = LearnerBlocks::of(s);
    after.exercise = std::move(exercise);
    EditResult r;
    if (!(after == LearnerBlocks::of(s)))
        r.patch.learner = std::make_pair(LearnerBlocks::of(s), std::move(after));
    return r;
}

EditResult editPredict(const Scenario& s, std::vector<PredictQuestion> predict) {
    LearnerBlocks after = LearnerBlocks::of(s);
    after.predict = std::move(predict);
    EditResult r;
    if (!(after == LearnerBlocks::of(s)))
        r.patch.learner = std::make_pair(LearnerBlocks::of(s), std::move(after));
    return r;
}

namespace {

// A list patch from `from` to `to`: element-wise replacements where both have an element,
// then what is left over removed or appended. Equal lists give an empty patch.
template <typename T>
ListPatch<T> listTo(const std::vector<T>& from, const std::vector<T>& to) {
    ListPatch<T> p;
    const std::size_t common = std::min(from.size(), to.size());
    for (std::size_t i = 0; i < common; ++i)
        if (!(from[i] == to[i]))
            p.replaced.push_back({i, from[i], to[i]});
    for (std::size_t i = common; i < from.size(); ++i)
        p.removed.emplace_back(i, from[i]);
    for (std::size_t i = common; i < to.size(); ++i)
        p.appended.push_back(to[i]);
    return p;
}

} // namespace

EditResult replaceLists(const Scenario& s, const Scenario& target) {
    EditResult r;
    r.patch.contexts = listTo(s.contexts, target.contexts);
    r.patch.tasks = listTo(s.tasks, target.tasks);
    r.patch.afterFuncs = listTo(s.afterFuncs, target.afterFuncs);
    r.patch.actions = listTo(s.actions, target.actions);
    // The expectations about what the target no longer has go along (as deleting it would take
    // them): a solution may remove a context that "expect", describing the shipped version, names.
    IdSet contextsBefore, tasksBefore, contextsAfter, tasksAfter;
    collectAllIds(s, contextsBefore, tasksBefore);
    collectAllIds(target, contextsAfter, tasksAfter);
    IdSet goneContexts, goneTasks;
    for (const std::string& id : contextsBefore)
        if (!contextsAfter.count(id))
            goneContexts.insert(id);
    for (const std::string& id : tasksBefore)
        if (!tasksAfter.count(id))
            goneTasks.insert(id);
    if (!goneContexts.empty() || !goneTasks.empty()) {
        ScenarioPatch refs;
        removeReferences(s, goneContexts, goneTasks, refs);
        r.patch.expect = std::move(refs.expect); // the actions are the target's already
        // And the predict questions about them.
        LearnerBlocks blocks = LearnerBlocks::of(s);
        std::erase_if(blocks.predict, [&](const PredictQuestion& q) {
            switch (q.kind) {
            case Expectation::Kind::Context: return goneContexts.count(q.subject) > 0;
            case Expectation::Kind::Task:
            case Expectation::Kind::AfterFunc: return goneTasks.count(q.subject) > 0;
            case Expectation::Kind::Lookup: return goneTasks.count(q.task) > 0;
            default: return false;
            }
        });
        if (blocks.predict.size() != s.predict.size())
            r.patch.learner = std::make_pair(LearnerBlocks::of(s), std::move(blocks));
    }
    return r;
}

EditResult replaceAction(const Scenario& s, std::size_t index, Action after) {
    if (index >= s.actions.size())
        return failure("no timed action #" + std::to_string(index + 1));
    if (after.at < 0)
        return failure("at: an action cannot happen before the scenario starts");
    if (after.op != ActionOp::Cancel)
        after.cause.reset();
    EditResult r;
    if (!(after == s.actions[index]))
        r.patch.actions.replaced.push_back({index, s.actions[index], std::move(after)});
    return r;
}

EditResult deleteAction(const Scenario& s, std::size_t index) {
    if (index >= s.actions.size())
        return failure("no timed action #" + std::to_string(index + 1));
    EditResult r;
    r.patch.actions.removed.emplace_back(index, s.actions[index]);
    return r;
}

EditResult addExpectation(const Scenario&, Expectation e) {
    EditResult r;
    r.patch.expect.appended.push_back(std::move(e));
    return r;
}

EditResult replaceExpectation(const Scenario& s, std::size_t index, Expectation after) {
    if (index >= s.expect.size())
        return failure("no expectation #" + std::to_string(index + 1));
    EditResult r;
    if (!(after == s.expect[index]))
        r.patch.expect.replaced.push_back({index, s.expect[index], std::move(after)});
    return r;
}

EditResult deleteExpectation(const Scenario& s, std::size_t index) {
    if (index >= s.expect.size())
        return failure("no expectation #" + std::to_string(index + 1));
    EditResult r;
    r.patch.expect.removed.emplace_back(index, s.expect[index]);
    return r;
}

} // namespace ctxscope::edits
