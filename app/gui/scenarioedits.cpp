#include "scenarioedits.h"

#include <algorithm>
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
    spec.id = p.id.empty() ? uniqueContextId(s, idBaseForKind(p.kind)) : p.id;
    spec.at = std::max<Nanos>(at, 0);
    spec.label = p.label;
    setParams(spec, p);
    EditResult r;
    r.id = spec.id;
    r.patch.contexts.appended.push_back(std::move(spec));
    return r;
}

EditResult startTask(const Scenario& s, TaskSpec task, Nanos at) {
    if (!findContext(s, task.context))
        return failure("no context \"" + task.context + "\" to start the task on");
    if (task.id.empty())
        task.id = uniqueTaskId(s, "task");
    task.at = std::max<Nanos>(at, findContext(s, task.context)->at);
    EditResult r;
    r.id = task.id;
    r.patch.tasks.appended.push_back(std::move(task));
    return r;
}

EditResult addAfterFunc(const Scenario& s, AfterFuncSpec af, Nanos at) {
    if (!findContext(s, af.context))
        return failure("no context \"" + af.context + "\" to register the after-func on");
    if (af.id.empty())
        af.id = uniqueTaskId(s, "afterfunc");
    af.at = std::max<Nanos>(at, findContext(s, af.context)->at);
    EditResult r;
    r.id = af.id;
    r.patch.afterFuncs.appended.push_back(std::move(af));
    return r;
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
    EditResult r;
    if (name != s.name)
        r.patch.name = std::make_pair(s.name, name);
    return r;
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
    for (std::size_t i = 0; i < s.actions.size(); ++i) {
        const Action& a = s.actions[i];
        const IdSet& pool = a.op == ActionOp::Cancel ? goneContexts : goneTasks;
        if (pool.count(a.target))
            r.patch.actions.removed.emplace_back(i, a);
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
            r.patch.expect.removed.emplace_back(i, e);
    }
    if (summary) {
        summary->contexts = r.patch.contexts.removed.size();
        summary->tasks = r.patch.tasks.removed.size();
        summary->afterFuncs = r.patch.afterFuncs.removed.size();
        summary->actions = r.patch.actions.removed.size();
        summary->expectations = r.patch.expect.removed.size();
    }
    return r;
}

} // namespace ctxscope::edits
