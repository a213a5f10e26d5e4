// Scenario files: Scenario -> canonical JSON text (stable key order, defaults left out), written
// atomically. The loader is scenario_load.cpp; load -> save -> load gives an equal Scenario, and
// save -> load -> save the same bytes.
#include "ctxscope/formats/scenario_io.h"

#include "ctxscope/formats/atomic_file.h"
#include "ctxscope/formats/json.h"

namespace ctxscope {

namespace {

// Canonical output. Key order follows spec/scenario.md's examples; defaults are left out.
class Saver {
public:
    std::string save(const Scenario& s);

private:
    void context(const ContextSpec& c, bool derived);
    void task(const TaskSpec& t, bool topLevel);
    void afterFunc(const AfterFuncSpec& a, bool topLevel);
    void steps(const std::vector<Step>& steps);
    void step(const Step& st);
    void scalar(const Scalar& v);
    // The top-level lists, also written inside "exercise.solution" (where an empty one is kept).
    void contexts(const std::vector<ContextSpec>& list);
    void tasks(const std::vector<TaskSpec>& list);
    void afterFuncs(const std::vector<AfterFuncSpec>& list);
    void actions(const std::vector<Action>& list);
    void expectations(std::string_view key, const std::vector<Expectation>& list);
    void subject(Expectation::Kind kind, const std::string& subject, const std::string& task);
    void exercise(const Exercise& ex);
    void durationField(std::string_view key, Nanos d) { m_w.key(key).string(formatDuration(d)); }

    json::Writer m_w{json::Style::Pretty};
};

void Saver::scalar(const Scalar& v)
{
    switch (v.type) {
    case Scalar::Type::Null: m_w.null(); break;
    case Scalar::Type::Bool: m_w.boolean(v.text == "true"); break;
    case Scalar::Type::Number:
        // A number built in code with bad text must not corrupt the file.
        if (json::isValidNumberText(v.text))
            m_w.rawNumber(v.text);
        else
            m_w.string(v.text);
        break;
    case Scalar::Type::String: m_w.string(v.text); break;
    }
}

void Saver::context(const ContextSpec& c, bool derived)
{
    m_w.beginObject();
    m_w.key("id").string(c.id);
    m_w.key("kind").string(contextKindName(c.kind));
    if (!derived && !c.parent.empty())
        m_w.key("parent").string(c.parent);
    if (!derived && c.at != 0)
        durationField("at", c.at);
    if (!c.label.empty())
        m_w.key("label").string(c.label);
    if (isTimeoutKind(c.kind))
        durationField("timeout", c.timeout);
    if (isDeadlineKind(c.kind))
        durationField("deadline", c.deadline);
    if (isCauseDeadlineKind(c.kind))
        m_w.key("cause").string(c.cause);
    if (c.kind == ContextKind::WithValue) {
        m_w.key("key").string(c.key);
        m_w.key("value");
        scalar(c.value);
        if (c.keyType != "ctxKey")
            m_w.key("key_type").string(c.keyType);
    }
    m_w.endObject();
}

void Saver::steps(const std::vector<Step>& list)
{
    m_w.key("steps").beginArray();
    for (const Step& st : list)
        step(st);
    m_w.endArray();
}

void Saver::task(const TaskSpec& t, bool topLevel)
{
    m_w.beginObject();
    m_w.key("id").string(t.id);
    if (!t.context.empty())
        m_w.key("context").string(t.context);
    if (topLevel && t.at != 0)
        durationField("at", t.at);
    if (!t.label.empty())
        m_w.key("label").string(t.label);
    steps(t.steps);
    m_w.endObject();
}

void Saver::afterFunc(const AfterFuncSpec& a, bool topLevel)
{
    m_w.beginObject();
    m_w.key("id").string(a.id);
    if (!a.context.empty())
        m_w.key("context").string(a.context);
    if (topLevel && a.at != 0)
        durationField("at", a.at);
    if (!a.label.empty())
        m_w.key("label").string(a.label);
    steps(a.steps);
    m_w.endObject();
}

void Saver::step(const Step& st)
{
    m_w.beginObject();
    switch (st.op) {
    case StepOp::Work:
        durationField("work", st.duration);
        if (st.watch == Watch::None)
            m_w.key("watch").string("none");
        else if (st.watch == Watch::Poll)
            durationField("watch", st.pollEvery);
        break;
    case StepOp::Await:
        m_w.key("await");
        if (st.await == AwaitKind::Done) {
            m_w.string("done");
        } else if (st.await == AwaitKind::Children) {
            m_w.string("children");
        } else {
            m_w.beginArray();
            for (const std::string& id : st.awaitIds)
                m_w.string(id);
            m_w.endArray();
        }
        break;
    case StepOp::Derive:
        m_w.key("derive");
        if (st.derive.empty())
            m_w.beginObject().endObject();
        else
            context(st.derive.front(), true);
        if (!st.deferCancel)
            m_w.key("defer_cancel").boolean(false);
        break;
    case StepOp::Cancel:
        m_w.key("cancel").string(st.target);
        if (st.cause)
            m_w.key("cause").string(*st.cause);
        break;
    case StepOp::Spawn:
        m_w.key("spawn");
        if (st.spawn.empty())
            m_w.beginObject().endObject();
        else
            task(st.spawn.front(), false);
        break;
    case StepOp::Value:
        m_w.key("value").string(st.text);
        if (st.keyType != "ctxKey")
            m_w.key("key_type").string(st.keyType);
        break;
    case StepOp::AfterFunc:
        m_w.key("after_func");
        if (st.afterFunc.empty())
            m_w.beginObject().endObject();
        else
            afterFunc(st.afterFunc.front(), false);
        break;
    case StepOp::StopAfterFunc: m_w.key("stop_after_func").string(st.target); break;
    case StepOp::Fail: m_w.key("fail").string(st.text); break;
    case StepOp::Log: m_w.key("log").string(st.text); break;
    }
    m_w.endObject();
}

void Saver::contexts(const std::vector<ContextSpec>& list)
{
    m_w.key("contexts").beginArray();
    for (const ContextSpec& c : list)
        context(c, false);
    m_w.endArray();
}

void Saver::tasks(const std::vector<TaskSpec>& list)
{
    m_w.key("tasks").beginArray();
    for (const TaskSpec& t : list)
        task(t, true);
    m_w.endArray();
}

void Saver::afterFuncs(const std::vector<AfterFuncSpec>& list)
{
    m_w.key("after_funcs").beginArray();
    for (const AfterFuncSpec& a : list)
        afterFunc(a, true);
    m_w.endArray();
}

void Saver::actions(const std::vector<Action>& list)
{
    m_w.key("actions").beginArray();
    for (const Action& a : list) {
        m_w.beginObject();
        durationField("at", a.at);
        if (a.op == ActionOp::Cancel) {
            m_w.key("cancel").string(a.target);
            if (a.cause)
                m_w.key("cause").string(*a.cause);
        } else {
            m_w.key("stop_after_func").string(a.target);
        }
        m_w.endObject();
    }
    m_w.endArray();
}

void Saver::subject(Expectation::Kind kind, const std::string& subject, const std::string& task)
{
    using K = Expectation::Kind;
    switch (kind) {
    case K::Context: m_w.key("context").string(subject); break;
    case K::Task: m_w.key("task").string(subject); break;
    case K::AfterFunc: m_w.key("after_func").string(subject); break;
    case K::Lookup: m_w.key("lookup").string(subject).key("task").string(task); break;
    case K::Lint:
        m_w.key("lint").string(subject);
        if (!task.empty())
            m_w.key("subject").string(task);
        break;
    case K::NoLints: m_w.key("no_lints").boolean(true); break;
    case K::Stopped: m_w.key("stopped").string(subject); break;
    }
}

void Saver::expectations(std::string_view key, const std::vector<Expectation>& list)
{
    m_w.key(key).beginArray();
    for (const Expectation& e : list) {
        m_w.beginObject();
        subject(e.kind, e.subject, e.task);
        for (const auto& [name, value] : e.fields) {
            m_w.key(name);
            scalar(value);
        }
        m_w.endObject();
    }
    m_w.endArray();
}

// Key order as in spec/scenario.md: goal, done_when, hints, solution, solution_notes. done_when
// and solution are written even when empty (they are required keys); hints and notes are not.
void Saver::exercise(const Exercise& ex)
{
    m_w.key("exercise").beginObject();
    m_w.key("goal").string(ex.goal);
    expectations("done_when", ex.doneWhen);
    if (!ex.hints.empty()) {
        m_w.key("hints").beginArray();
        for (const std::string& h : ex.hints)
            m_w.string(h);
        m_w.endArray();
    }
    m_w.key("solution").beginObject();
    const Solution& fix = ex.solution;
    if (fix.contexts)
        contexts(*fix.contexts);
    if (fix.tasks)
        tasks(*fix.tasks);
    if (fix.afterFuncs)
        afterFuncs(*fix.afterFuncs);
    if (fix.actions)
        actions(*fix.actions);
    m_w.endObject();
    if (!ex.solutionNotes.empty())
        m_w.key("solution_notes").string(ex.solutionNotes);
    m_w.endObject();
}

std::string Saver::save(const Scenario& s)
{
    m_w.beginObject();
    m_w.key("ctxscope").integer(s.version);
    m_w.key("name").string(s.name);
    if (!s.description.empty())
        m_w.key("description").string(s.description);
    if (s.seed != 1)
        m_w.key("seed").integer(s.seed);
    if (s.cancelOrder != CancelOrder::Creation)
        m_w.key("cancel_order").string("random");
    if (s.until)
        durationField("until", *s.until);
    if (!s.contexts.empty())
        contexts(s.contexts);
    if (!s.tasks.empty())
        tasks(s.tasks);
    if (!s.afterFuncs.empty())
        afterFuncs(s.afterFuncs);
    if (!s.actions.empty())
        actions(s.actions);
    if (!s.expect.empty())
        expectations("expect", s.expect);
    if (s.exercise)
        exercise(*s.exercise);
    if (!s.predict.empty()) {
        m_w.key("predict").beginArray();
        for (const PredictQuestion& q : s.predict) {
            m_w.beginObject();
            subject(q.kind, q.subject, q.task);
            m_w.key("fields").beginArray();
            for (const std::string& f : q.fields)
                m_w.string(f);
            m_w.endArray();
            m_w.endObject();
        }
        m_w.endArray();
    }
    m_w.endObject();
    std::string out = m_w.take();
    out += '\n';
    return out;
}

} // namespace

std::string serializeScenario(const Scenario& scenario)
{
    Saver saver;
    return saver.save(scenario);
}

bool saveScenarioFile(const std::string& path, const Scenario& scenario, std::string* error)
{
    return writeFileAtomically(path, serializeScenario(scenario), error);
}

} // namespace ctxscope
