// main.go of the Go export: the scenario written as a Go programmer would write it. run()
// builds the top-level contexts and performs the timeline; every task and after-func body is
// a function `func name(ctx context.Context) error` whose steps become ordinary statements.
#include "go_export_internal.h"
#include "go_writer.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "ctxscope/engine/go_types.h"

namespace ctxscope::gox {

namespace {


// Where a cancel or stop function is needed: in run() (scope "") or in a task, at a position
// (the timeline item or the step index).
struct Site {
    std::string scope;
    std::size_t position = 0;
};

struct Handle {
    Site def;
    bool defined = false;
    std::vector<Site> uses;
    // The handle can be called directly only where its variable is in scope: the same
    // function, after the definition. Anywhere else goes through the tracer's registry.
    bool needsRegistry() const
    {
        for (const Site& u : uses)
            if (u.scope != def.scope || u.position <= def.position)
                return true;
        return false;
    }
    bool localUseAt(const Site& s) const { return defined && s.scope == def.scope && s.position > def.position; }
};

// One item of run()'s timeline, in the simulator's order at one instant (scenario.md).
struct TimelineItem {
    Nanos at = 0;
    int cls = 0;             // 0 context, 1 after-func, 2 task, 3 action
    std::size_t index = 0;   // into the scenario's list of that class
};

class MainWriter {
public:
    MainWriter(const Scenario& s, const SimulationResult& r, std::string version, std::string module, GoExport* out,
               Nanos endAt)
        : m_s(s), m_r(r), m_version(std::move(version)), m_module(std::move(module)), m_out(out), m_endAt(endAt)
    {
    }

    std::string write();

private:
    void collect();
    void collectSteps(const std::vector<Step>& steps, const std::string& owner);
    void header();
    void keyDecls();
    void runFunc();
    void taskFunc(const std::string& id, const std::string& label, const std::vector<Step>& steps,
                  const std::string& startCtx, bool isAfterFunc);
    void step(const std::string& task, std::size_t index, const Step& st, std::string& curCtx, bool& ended);
    void deriveStep(const std::string& task, std::size_t index, const Step& st, std::string& curCtx);
    void cancelCall(const std::string& target, const std::optional<std::string>& cause, const std::string& by,
                    const Site& site);
    void stopCall(const std::string& target, const std::string& by, const Site& site);
    void afterFuncRegistration(const AfterFuncSpec& af, const std::string& ctxExpr, const std::string& ctxId,
                               const Site& site);

    std::string keyExpr(const std::string& key, const std::string& keyType);
    std::string causeExpr(const std::string& cause) { m_usesErrors = true; return "errors.New(" + goQuote(cause) + ")"; }
    const ContextSpec* spec(const std::string& id) const
    {
        auto it = m_ctxSpec.find(id);
        return it == m_ctxSpec.end() ? nullptr : it->second;
    }
    std::string constructor(const ContextSpec& c, const std::string& parentExpr, bool* hasCancel);

    const Scenario& m_s;
    const SimulationResult& m_r;
    std::string m_version;
    std::string m_module;
    GoExport* m_out;
    Nanos m_endAt; // when run() stops: the latest end of any outcome Go can produce (races.h)
    CodeWriter m_w;
    NamePool m_pool;
    bool m_usesErrors = false;

    std::map<std::string, const ContextSpec*> m_ctxSpec;
    std::map<std::string, std::string> m_topVar;       // top-level context id -> variable
    std::map<std::string, std::string> m_cancelVar;    // context id -> its cancel variable
    std::map<std::string, std::string> m_stopVar;      // after-func id -> its stop variable
    std::map<std::string, std::string> m_func;         // task / after-func id -> function name
    std::map<std::string, Handle> m_cancels, m_stops;
    std::map<std::string, std::string> m_keyTypeName;  // custom key_type -> Go type name
    std::map<std::pair<std::string, std::string>, std::string> m_keyConst; // built-in keys
    std::map<std::pair<std::string, std::string>, int> m_aliasValue;       // (canonical type, key) -> value
    std::vector<TimelineItem> m_timeline;
    // Bodies to write after run(), in declaration order: id, label, steps, start ctx, after-func?
    struct Body {
        std::string id, label;
        const std::vector<Step>* steps;
        std::string startCtx;
        bool afterFunc;
    };
    std::vector<Body> m_bodies;
    std::set<std::string> m_calledCancel;             // contexts some cancel targets
    std::map<std::string, std::string> m_startCtx;    // spawned task id -> the context it starts on
};

std::string MainWriter::constructor(const ContextSpec& c, const std::string& p, bool* hasCancel)
{
    *hasCancel = hasCancelFunc(c.kind);
    switch (c.kind) {
    case ContextKind::Background: return "context.Background()";
    case ContextKind::TODO: return "context.TODO()";
    case ContextKind::WithCancel: return "context.WithCancel(" + p + ")";
    case ContextKind::WithCancelCause: return "context.WithCancelCause(" + p + ")";
    case ContextKind::WithTimeout: return "context.WithTimeout(" + p + ", " + durationExpr(c.timeout, true) + ")";
    case ContextKind::WithTimeoutCause:
        return "context.WithTimeoutCause(" + p + ", " + durationExpr(c.timeout, true) + ", " + causeExpr(c.cause) + ")";
    case ContextKind::WithDeadline:
        return "context.WithDeadline(" + p + ", trace.start.Add(" + durationExpr(c.deadline, true) + "))";
    case ContextKind::WithDeadlineCause:
        return "context.WithDeadlineCause(" + p + ", trace.start.Add(" + durationExpr(c.deadline, true) + "), " +
               causeExpr(c.cause) + ")";
    case ContextKind::WithValue:
        return "context.WithValue(" + p + ", " + keyExpr(c.key, c.keyType) + ", " + scalarExpr(c.value) + ")";
    case ContextKind::WithoutCancel: return "context.WithoutCancel(" + p + ")";
    }
    return "context.Background()";
}

std::string MainWriter::keyExpr(const std::string& key, const std::string& keyType)
{
    if (keyType == "string")
        return goQuote(key);
    if (keyType == "any")
        return "any(" + goQuote(key) + ")";
    if (!isGoBuiltinType(keyType))
        return m_keyTypeName.at(keyType) + "(" + goQuote(key) + ")";
    return m_keyConst.at({keyType, key});
}

void MainWriter::collectSteps(const std::vector<Step>& steps, const std::string& owner)
{
    // After `await: done` or `fail` the function has returned: the steps there are not written
    // (taskFunc), so their uses of a cancel or stop variable must not count (Go rejects a
    // variable declared and not used). Their definitions are still collected.
    bool returned = false;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Step& st = steps[i];
        const Site here{owner, i};
        if (returned && (st.op == StepOp::Cancel || st.op == StepOp::StopAfterFunc))
            continue;
        if ((st.op == StepOp::Await && st.await == AwaitKind::Done) || st.op == StepOp::Fail)
            returned = true;
        switch (st.op) {
        case StepOp::Derive:
            if (!st.derive.empty()) {
                const ContextSpec& c = st.derive.front();
                m_ctxSpec[c.id] = &c;
                m_cancels[c.id].def = here;
                m_cancels[c.id].defined = true;
            }
            break;
        case StepOp::Cancel:
            m_cancels[st.target].uses.push_back(here);
            m_calledCancel.insert(st.target);
            break;
        case StepOp::StopAfterFunc: m_stops[st.target].uses.push_back(here); break;
        case StepOp::Spawn:
            if (!st.spawn.empty()) {
                const TaskSpec& t = st.spawn.front();
                m_func[t.id] = m_pool.take(t.id);
                m_bodies.push_back({t.id, t.label, &t.steps, "", false});
                collectSteps(t.steps, t.id);
            }
            break;
        case StepOp::AfterFunc:
            if (!st.afterFunc.empty()) {
                const AfterFuncSpec& a = st.afterFunc.front();
                m_func[a.id] = m_pool.take(a.id);
                m_stops[a.id].def = here;
                m_stops[a.id].defined = true;
                m_bodies.push_back({a.id, a.label, &a.steps, "", true});
                collectSteps(a.steps, a.id);
            }
            break;
        default: break;
        }
    }
}

void MainWriter::collect()
{
    // Key types first, so their names are the scenario's own ("ctxKey", "userKey").
    std::vector<std::pair<std::string, std::string>> keys; // (type, name) in first-use order
    std::function<void(const std::vector<Step>&)> keySteps = [&](const std::vector<Step>& steps) {
        for (const Step& st : steps) {
            if (st.op == StepOp::Value)
                keys.emplace_back(st.keyType, st.text);
            for (const ContextSpec& c : st.derive)
                if (c.kind == ContextKind::WithValue)
                    keys.emplace_back(c.keyType, c.key);
            for (const TaskSpec& t : st.spawn)
                keySteps(t.steps);
            for (const AfterFuncSpec& a : st.afterFunc)
                keySteps(a.steps);
        }
    };
    for (const ContextSpec& c : m_s.contexts)
        if (c.kind == ContextKind::WithValue)
            keys.emplace_back(c.keyType, c.key);
    for (const TaskSpec& t : m_s.tasks)
        keySteps(t.steps);
    for (const AfterFuncSpec& a : m_s.afterFuncs)
        keySteps(a.steps);
    std::map<std::string, std::set<std::string>> takenValues;
    for (const auto& [type, name] : keys) {
        if (!isGoBuiltinType(type)) {
            if (!m_keyTypeName.count(type))
                m_keyTypeName[type] = m_pool.take(type);
        } else if (type != "string" && type != "any" && !m_keyConst.count({type, name})) {
            m_keyConst[{type, name}] = m_pool.take(goIdentifier(name) + capitalised(goIdentifier(type)) + "Key");
        }
    }

    for (const ContextSpec& c : m_s.contexts) {
        m_ctxSpec[c.id] = &c;
        m_topVar[c.id] = m_pool.take(c.id);
    }
    for (const ContextSpec& c : m_s.contexts)
        if (hasCancelFunc(c.kind))
            m_cancelVar[c.id] = m_pool.take("cancel" + capitalised(m_topVar[c.id]));

    // run()'s timeline in the simulator's order at one instant.
    for (std::size_t i = 0; i < m_s.contexts.size(); ++i)
        m_timeline.push_back({m_s.contexts[i].at, 0, i});
    for (std::size_t i = 0; i < m_s.afterFuncs.size(); ++i)
        m_timeline.push_back({m_s.afterFuncs[i].at, 1, i});
    for (std::size_t i = 0; i < m_s.tasks.size(); ++i)
        m_timeline.push_back({m_s.tasks[i].at, 2, i});
    for (std::size_t i = 0; i < m_s.actions.size(); ++i)
        m_timeline.push_back({m_s.actions[i].at, 3, i});
    std::stable_sort(m_timeline.begin(), m_timeline.end(), [](const TimelineItem& a, const TimelineItem& b) {
        return a.at != b.at ? a.at < b.at : a.cls < b.cls;
    });
    for (std::size_t pos = 0; pos < m_timeline.size(); ++pos) {
        const TimelineItem& it = m_timeline[pos];
        if (it.cls == 0) {
            m_cancels[m_s.contexts[it.index].id].def = {"", pos};
            m_cancels[m_s.contexts[it.index].id].defined = true;
        } else if (it.cls == 1) {
            m_stops[m_s.afterFuncs[it.index].id].def = {"", pos};
            m_stops[m_s.afterFuncs[it.index].id].defined = true;
        } else if (it.cls == 3) {
            const Action& a = m_s.actions[it.index];
            (a.op == ActionOp::Cancel ? m_cancels : m_stops)[a.target].uses.push_back({"", pos});
            if (a.op == ActionOp::Cancel)
                m_calledCancel.insert(a.target);
        }
    }
    for (const TaskSpec& t : m_s.tasks) {
        m_func[t.id] = m_pool.take(t.id);
        m_bodies.push_back({t.id, t.label, &t.steps, t.context, false});
        collectSteps(t.steps, t.id);
    }
    for (const AfterFuncSpec& a : m_s.afterFuncs) {
        m_func[a.id] = m_pool.take(a.id);
        m_bodies.push_back({a.id, a.label, &a.steps, "", true});
        collectSteps(a.steps, a.id);
    }
    for (const AfterFuncSpec& a : m_s.afterFuncs)
        if (!m_stops[a.id].uses.empty())
            m_stopVar[a.id] = m_pool.take("stop" + capitalised(m_func[a.id]));
}

void MainWriter::header()
{
    m_w.line("// Code generated by ctxscope export-go from the scenario " + goQuote(m_s.name) + ".");
    m_w.line("// It is an ordinary Go program: read it, run it, change it.");
    if (!m_s.description.empty()) {
        m_w.line("//");
        commentBlock(m_w, m_s.description);
    }
    m_w.line();
    m_w.line("// Command " + m_module + " replays a ctxscope scenario with Go's context package.");
    m_w.line("//");
    m_w.line("// go run . runs it on real time and prints a JSON Lines trace; the order of the events of");
    m_w.line("// one instant may differ from run to run. go test runs the same run() inside");
    m_w.line("// testing/synctest, whose fake clock follows the scenario's times exactly, and compares the");
    m_w.line("// outcome with ctxscope's simulator. The program needs Go " + m_version + " or newer.");
    m_w.line("package main");
    m_w.line();
    m_w.open("import (");
    for (const char* imp : {"\"context\"", "\"encoding/json\"", "\"errors\"", "\"fmt\"", "\"io\"", "\"os\"",
                            "\"sync\"", "\"time\""})
        m_w.line(imp);
    m_w.close(")");
}

void MainWriter::keyDecls()
{
    for (const auto& [type, name] : m_keyTypeName) {
        m_w.line();
        if (name == "ctxKey")
            m_w.line("// ctxKey is the type of this program's context keys: an unexported type, so no other");
        else
            m_w.line("// " + name + " is a context key type: an unexported type, so no other");
        m_w.line("// package's keys can collide with its keys.");
        m_w.line("type " + name + " string");
        (void)type;
    }
    if (!m_keyConst.empty()) {
        m_w.line();
        m_w.line("// Keys of built-in types, as the scenario asks. staticcheck reports them (SA1029: any");
        m_w.line("// package using the same type and value reads or shadows the value); go vet does not.");
        std::map<std::string, int> next;
        for (const auto& [tk, name] : m_keyConst) {
            const std::string& type = tk.first;
            const std::string& key = tk.second;
            std::string value;
            if (type == "bool") {
                value = (key == "true" || key == "false") ? key : (next[type]++ == 0 ? "false" : "true");
                if (next[type] > 2)
                    m_out->notes.push_back("more than two bool keys cannot be told apart in Go: " + key);
            } else if (type == "error") {
                value = "errors.New(" + goQuote(key) + ")";
                m_usesErrors = true;
            } else {
                // byte and uint8, rune and int32 are the same Go type: number them together.
                const std::string canon = type == "byte" ? "uint8" : type == "rune" ? "int32" : type;
                auto [it, fresh] = m_aliasValue.try_emplace({canon, key}, 0);
                if (fresh)
                    it->second = ++next[canon];
                value = std::to_string(it->second);
            }
            if (type == "error")
                m_w.line("var " + name + " = " + value);
            else
                m_w.line("const " + name + " " + type + " = " + value);
        }
    }
}

void MainWriter::cancelCall(const std::string& target, const std::optional<std::string>& cause, const std::string& by,
                            const Site& site)
{
    const ContextSpec* c = spec(target);
    const bool causeKind = c && c->kind == ContextKind::WithCancelCause;
    const std::string causeArg = cause ? causeExpr(*cause) : "nil";
    const Handle& h = m_cancels[target];
    if (c && h.localUseAt(site)) {
        const std::string& var = m_cancelVar[target];
        m_w.line("trace.cancelCalled(" + goQuote(target) + ", " + goQuote(by) + ", " + causeArg + ")");
        m_w.line(var + "(" + (causeKind ? causeArg : "") + ")");
    } else {
        m_w.line("trace.cancel(" + goQuote(target) + ", " + goQuote(by) + ", " + causeArg + ")");
    }
}

void MainWriter::stopCall(const std::string& target, const std::string& by, const Site& site)
{
    const Handle& h = m_stops[target];
    if (h.localUseAt(site) && m_stopVar.count(target))
        m_w.line("trace.stopped(" + goQuote(target) + ", " + goQuote(by) + ", " + m_stopVar[target] + "())");
    else
        m_w.line("trace.stop(" + goQuote(target) + ", " + goQuote(by) + ")");
}

void MainWriter::afterFuncRegistration(const AfterFuncSpec& af, const std::string& ctxExpr, const std::string& ctxId,
                                       const Site& site)
{
    (void)site;
    const Handle& h = m_stops[af.id];
    const std::string call = "context.AfterFunc(" + ctxExpr + ", func() { trace.afterFunc(" + goQuote(af.id) + ", " +
                             goQuote(ctxId) + ", " + m_func[af.id] + ") })";
    m_w.line("trace.registered(" + goQuote(af.id) + ", " + goQuote(ctxId) + ")");
    if (h.uses.empty()) {
        m_w.line(call);
        return;
    }
    if (!m_stopVar.count(af.id))
        m_stopVar[af.id] = m_pool.take("stop" + capitalised(m_func[af.id]));
    const std::string var = m_stopVar[af.id];
    m_w.line(var + " := " + call);
    if (h.needsRegistry())
        m_w.line("trace.keepStop(" + goQuote(af.id) + ", " + var + ")");
}

void MainWriter::runFunc()
{
    m_w.line();
    m_w.line("func main() {");
    m_w.line("\ttrace = newTracer(os.Stdout, nil)");
    m_w.line("\ttrace.grace = 20 * time.Millisecond // real time: let the last instant's goroutines report");
    m_w.line("\ttrace.header(" + goQuote(m_s.name) + ", " + std::to_string(m_r.seed) + ")");
    m_w.line("\trun()");
    m_w.line("}");
    m_w.line();
    m_w.line("// run builds the context tree, starts the goroutines and performs the scenario's actions at");
    m_w.line("// their times. trace.settle lets the goroutines started so far run until they block (the");
    m_w.line("// test waits there, as the simulator does; on real time it is a no-op).");
    m_w.open("func run() {");
    std::set<std::string> created;
    Nanos now = 0;
    for (std::size_t pos = 0; pos < m_timeline.size(); ++pos) {
        const TimelineItem& it = m_timeline[pos];
        const Site site{"", pos};
        if (it.at > now) {
            m_w.line();
            m_w.line("trace.sleepUntil(" + durationExpr(it.at, false) + ")");
            now = it.at;
        }
        if (it.cls == 0) {
            const ContextSpec& c = m_s.contexts[it.index];
            const std::string& var = m_topVar[c.id];
            std::string parentExpr;
            if (!isRoot(c.kind)) {
                if (!created.count(c.parent)) {
                    m_w.line("// " + c.id + "'s parent " + c.parent + " does not exist yet: it is never created.");
                    continue;
                }
                parentExpr = m_topVar[c.parent];
            }
            bool hasCancel = false;
            const std::string ctor = constructor(c, parentExpr, &hasCancel);
            if (hasCancel) {
                const std::string& cv = m_cancelVar[c.id];
                m_w.line(var + ", " + cv + " := " + ctor);
                m_w.line(std::string("defer ") + cv + (c.kind == ContextKind::WithCancelCause ? "(nil)" : "()"));
            } else {
                m_w.line(var + " := " + ctor);
            }
            m_w.line("trace.created(" + goQuote(c.id) + ", " + goQuote(contextKindName(c.kind)) + ", " +
                     goQuote(c.parent) + ", \"\", " + var + ")");
            if (hasCancel && m_cancels[c.id].needsRegistry()) {
                const std::string& cv = m_cancelVar[c.id];
                if (c.kind == ContextKind::WithCancelCause)
                    m_w.line("trace.keepCancel(" + goQuote(c.id) + ", " + cv + ")");
                else
                    m_w.line("trace.keepCancel(" + goQuote(c.id) + ", func(error) { " + cv + "() })");
            }
            created.insert(c.id);
        } else if (it.cls == 1) {
            const AfterFuncSpec& a = m_s.afterFuncs[it.index];
            if (!created.count(a.context)) {
                m_w.line("// after-func " + a.id + ": its context " + a.context + " does not exist yet.");
                continue;
            }
            afterFuncRegistration(a, m_topVar[a.context], a.context, site);
            m_w.line("trace.settle()");
        } else if (it.cls == 2) {
            const TaskSpec& t = m_s.tasks[it.index];
            if (!created.count(t.context)) {
                m_w.line("// goroutine " + t.id + ": its context " + t.context + " does not exist yet.");
                continue;
            }
            m_w.line("go trace.task(" + goQuote(t.id) + ", \"\", " + goQuote(t.context) + ", " + m_topVar[t.context] +
                     ", " + m_func[t.id] + ")");
            m_w.line("trace.settle()");
        } else {
            const Action& a = m_s.actions[it.index];
            if (a.op == ActionOp::Cancel)
                cancelCall(a.target, a.cause, "user", site);
            else
                stopCall(a.target, "user", site);
            m_w.line("trace.settle()");
        }
    }
    m_w.line();
    if (m_endAt > now)
        m_w.line("trace.sleepUntil(" + durationExpr(m_endAt, false) + ")");
    m_w.line(std::string("trace.end(") + (m_r.stopped == StopReason::Horizon ? "\"horizon\"" : "\"idle\"") + ")");
    m_w.close();
}

void MainWriter::deriveStep(const std::string& task, std::size_t index, const Step& st, std::string& curCtx)
{
    const ContextSpec& c = st.derive.front();
    bool hasCancel = false;
    const std::string ctor = constructor(c, "ctx", &hasCancel);
    const Handle& h = m_cancels[c.id];
    if (!hasCancel) {
        m_w.line("ctx = " + ctor);
    } else if (!st.deferCancel && !m_calledCancel.count(c.id)) {
        // Never called and not deferred: discard it, so go vet's lostcancel reports this line.
        m_out->discardedCancels.push_back({c.id, "main.go", m_w.lineNumber()});
        m_w.line("ctx, _ = " + ctor);
    } else {
        const std::string& cv = m_cancelVar[c.id];
        m_w.line("ctx, " + cv + " := " + ctor);
        if (st.deferCancel)
            m_w.line(std::string("defer ") + cv + (c.kind == ContextKind::WithCancelCause ? "(nil)" : "()"));
    }
    m_w.line("trace.created(" + goQuote(c.id) + ", " + goQuote(contextKindName(c.kind)) + ", " + goQuote(curCtx) +
             ", " + goQuote(task) + ", ctx)");
    if (hasCancel && m_cancelVar.count(c.id) && h.needsRegistry()) {
        const std::string& cv = m_cancelVar[c.id];
        if (c.kind == ContextKind::WithCancelCause)
            m_w.line("trace.keepCancel(" + goQuote(c.id) + ", " + cv + ")");
        else
            m_w.line("trace.keepCancel(" + goQuote(c.id) + ", func(error) { " + cv + "() })");
    }
    (void)index;
    curCtx = c.id;
}

void MainWriter::step(const std::string& task, std::size_t index, const Step& st, std::string& curCtx, bool& ended)
{
    const Site site{task, index};
    switch (st.op) {
    case StepOp::Work:
        if (st.duration <= 0 && st.watch != Watch::Done)
            return;
        if (st.watch == Watch::Done) {
            // Also for D <= 0 (time.After(0)): on a done context both cases are then ready and
            // Go picks one at random, a race the simulator explores (races.h).
            m_w.open("select {");
            m_w.caseLine("case <-time.After(" + durationExpr(st.duration, false) + "):");
            m_w.caseLine("case <-ctx.Done():");
            m_w.line("return ctx.Err()");
            m_w.close();
        } else if (st.watch == Watch::None) {
            m_w.line("time.Sleep(" + durationExpr(st.duration, false) + ") // does not watch ctx.Done()");
        } else if (st.pollEvery > 0) {
            const Nanos slices = st.duration / st.pollEvery;
            const Nanos rest = st.duration % st.pollEvery;
            if (slices == 1) {
                m_w.line("time.Sleep(" + durationExpr(st.pollEvery, false) + ")");
                m_w.open("if err := ctx.Err(); err != nil {");
                m_w.line("return err");
                m_w.close();
            } else if (slices > 1) {
                m_w.open("for i := 0; i < " + std::to_string(slices) + "; i++ {");
                m_w.line("time.Sleep(" + durationExpr(st.pollEvery, false) + ")");
                m_w.open("if err := ctx.Err(); err != nil {");
                m_w.line("return err");
                m_w.close();
                m_w.close();
            }
            if (rest > 0) {
                m_w.line("time.Sleep(" + durationExpr(rest, false) + ")");
                m_w.open("if err := ctx.Err(); err != nil {");
                m_w.line("return err");
                m_w.close();
            }
        }
        return;
    case StepOp::Await:
        if (st.await == AwaitKind::Done) {
            m_w.line("<-ctx.Done()");
            m_w.line("return ctx.Err()");
            ended = true;
        } else if (st.await == AwaitKind::Children) {
            m_w.line("wg.Wait()");
        } else {
            for (const std::string& id : st.awaitIds)
                m_w.line("<-trace.done(" + goQuote(id) + ")");
        }
        return;
    case StepOp::Derive:
        if (!st.derive.empty())
            deriveStep(task, index, st, curCtx);
        return;
    case StepOp::Cancel:
        cancelCall(st.target, st.cause, task, site);
        return;
    case StepOp::Spawn: {
        if (st.spawn.empty())
            return;
        const TaskSpec& t = st.spawn.front();
        std::string ctxExpr = "ctx", ctxId = curCtx;
        if (!t.context.empty() && t.context != curCtx) {
            ctxExpr = "trace.contextOr(" + goQuote(t.context) + ", ctx)";
            ctxId = t.context;
        }
        m_startCtx[t.id] = ctxId;
        m_w.line("wg.Add(1)");
        m_w.open("go func(ctx context.Context) {");
        m_w.line("defer wg.Done()");
        m_w.line("trace.task(" + goQuote(t.id) + ", " + goQuote(task) + ", " + goQuote(ctxId) + ", ctx, " +
                 m_func[t.id] + ")");
        m_w.close("}(" + ctxExpr + ")");
        return;
    }
    case StepOp::Value:
        m_w.line("trace.lookup(" + goQuote(task) + ", " + goQuote(curCtx) + ", " + goQuote(st.text) + ", ctx.Value(" +
                 keyExpr(st.text, st.keyType) + "))");
        return;
    case StepOp::AfterFunc: {
        if (st.afterFunc.empty())
            return;
        const AfterFuncSpec& a = st.afterFunc.front();
        std::string ctxExpr = "ctx", ctxId = curCtx;
        if (!a.context.empty() && a.context != curCtx) {
            ctxExpr = "trace.contextOr(" + goQuote(a.context) + ", ctx)";
            ctxId = a.context;
        }
        afterFuncRegistration(a, ctxExpr, ctxId, site);
        return;
    }
    case StepOp::StopAfterFunc:
        stopCall(st.target, task, site);
        return;
    case StepOp::Fail:
        m_usesErrors = true;
        m_w.line("return errors.New(" + goQuote(st.text) + ")");
        ended = true;
        return;
    case StepOp::Log:
        m_w.line("trace.log(" + goQuote(task) + ", " + goQuote(st.text) + ")");
        return;
    }
}

void MainWriter::taskFunc(const std::string& id, const std::string& label, const std::vector<Step>& steps,
                          const std::string& startCtx, bool isAfterFunc)
{
    // Local names: one derive gets plain "cancel", several get cancelDb, cancelQuery, ...
    int cancels = 0, stops = 0;
    bool needsWg = false;
    for (const Step& st : steps) {
        if (st.op == StepOp::Derive && !st.derive.empty() && hasCancelFunc(st.derive.front().kind))
            ++cancels;
        if (st.op == StepOp::AfterFunc && !st.afterFunc.empty() && !m_stops[st.afterFunc.front().id].uses.empty())
            ++stops;
        if (st.op == StepOp::Spawn || (st.op == StepOp::Await && st.await == AwaitKind::Children))
            needsWg = true;
        if ((st.op == StepOp::Await && st.await == AwaitKind::Done) || st.op == StepOp::Fail)
            break; // the function returns here: what follows is not written (a wg it alone used
                   // would be declared and not used, which Go rejects)
    }
    for (const Step& st : steps) {
        if (st.op == StepOp::Derive && !st.derive.empty() && hasCancelFunc(st.derive.front().kind)) {
            const std::string& cid = st.derive.front().id;
            m_cancelVar[cid] = cancels == 1 ? "cancel" : m_pool.take("cancel" + capitalised(goIdentifier(cid)));
        }
        if (st.op == StepOp::AfterFunc && !st.afterFunc.empty() && !m_stops[st.afterFunc.front().id].uses.empty()) {
            const std::string& aid = st.afterFunc.front().id;
            m_stopVar[aid] = stops == 1 ? "stop" : m_pool.take("stop" + capitalised(goIdentifier(aid)));
        }
    }

    m_w.line();
    std::string what = isAfterFunc ? "the body of context.AfterFunc " + goQuote(id) + ", run as goroutine " + goQuote(id)
                                   : "goroutine " + goQuote(id);
    if (!label.empty() && label != id) {
        std::string l = label;
        std::replace(l.begin(), l.end(), '\n', ' ');
        what += " (" + l + ")";
    }
    m_w.line("// " + m_func[id] + " is " + what + ".");
    m_w.open("func " + m_func[id] + "(ctx context.Context) error {");
    if (needsWg)
        m_w.line("var wg sync.WaitGroup");
    std::string cur = isAfterFunc ? std::string() : startCtx.empty() ? m_startCtx[id] : startCtx;
    bool ended = false;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (ended) {
            m_w.line("// The remaining steps never run.");
            break;
        }
        step(id, i, steps[i], cur, ended);
    }
    if (!ended)
        m_w.line("return nil");
    m_w.close();
}

std::string MainWriter::write()
{
    collect();
    header();
    keyDecls();
    runFunc();
    // Spawned tasks start on their spawner's current context: resolved while writing the
    // spawner, so bodies are written in declaration order with their start context known.
    for (std::size_t i = 0; i < m_bodies.size(); ++i) {
        const Body& b = m_bodies[i];
        taskFunc(b.id, b.label, *b.steps, b.startCtx, b.afterFunc);
    }
    m_w.line();
    std::string text = m_w.take();
    text += tracerSource(m_version != "1.19");
    return text;
}

} // namespace

std::string mainGo(const Scenario& scenario, const SimulationResult& result, const std::string& programVersion,
                   const std::string& module, GoExport* out, Nanos endAt)
{
    return MainWriter(scenario, result, programVersion, module, out, std::max(endAt, result.endTime)).write();
}

} // namespace ctxscope::gox
