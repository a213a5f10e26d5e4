#include "ctxscope/formats/report.h"

#include "ctxscope/formats/json.h"

#include <array>
#include <charconv>
#include <optional>
#include <ostream>
#include <vector>

namespace ctxscope {
namespace {

void timeOrNull(json::Writer& w, Nanos t, Nanos noneValue)
{
    if (t == noneValue)
        w.null();
    else
        w.integer(t);
}

void contextIdOrNull(json::Writer& w, const SimulationResult& r, CtxIndex i)
{
    if (i < r.contexts.size())
        w.string(r.contexts[i].id);
    else
        w.null();
}

void writeScalar(json::Writer& w, const Scalar& s)
{
    switch (s.type) {
    case Scalar::Type::Null: w.null(); break;
    case Scalar::Type::Bool: w.boolean(s.text == "true"); break;
    case Scalar::Type::Number:
        if (json::isValidNumberText(s.text))
            w.rawNumber(s.text);
        else
            w.string(s.text);
        break;
    case Scalar::Type::String: w.string(s.text); break;
    }
}

// QuotedOnce keeps the quoted spelling of each entry of a small table (kind names, err strings,
// the run's interned causes), made the first time it is asked for: a million contexts share a
// handful of them.
class QuotedOnce {
public:
    template <typename Name>
    const std::string& operator()(std::size_t i, Name&& name)
    {
        if (i >= m_quoted.size())
            m_quoted.resize(i + 1);
        std::optional<std::string>& q = m_quoted[i];
        if (!q)
            q = json::quoted(name());
        return *q;
    }

private:
    std::vector<std::optional<std::string>> m_quoted;
};

// ContextMember renders one member of the report's "contexts" object ("c1": {...}) as
// json::Writer would in Pretty style at the given depth, straight into the writer's text
// (Writer::rawMemberWith). A big report is mostly these members; with the keys, separators and
// indentation spelled out once here, each costs a handful of appends instead of about forty
// writer calls. test_report.cpp checks the bytes against the writer's own layout.
class ContextMember {
public:
    ContextMember(const SimulationResult& r, int depth)
        : m_r(r)
    {
        const std::string indent = '\n' + std::string(2 * static_cast<std::size_t>(depth + 1), ' ');
        for (std::size_t i = 0; i < kFields.size(); ++i)
            m_keys[i] = (i == 0 ? "" : ",") + indent + json::quoted(kFields[i]) + ": ";
        m_close = '\n' + std::string(2 * static_cast<std::size_t>(depth), ' ') + '}';
    }

    // render appends the member of c to out.
    void render(const ContextInfo& c, std::string& out)
    {
        m_out = &out; // the helpers below append there
        json::appendQuoted(*m_out, c.id);
        *m_out += ": {";
        key(0);
        *m_out += m_kinds(static_cast<std::size_t>(c.kind), [&] { return contextKindName(c.kind); });
        key(1);
        idOrNull(c.parent);
        key(2);
        timeOrNull(c.createdAt);
        key(3);
        if (c.hasDeadline())
            integer(c.deadline);
        else
            *m_out += "null";
        key(4);
        timeOrNull(c.doneAt);
        key(5);
        if (c.err != Err::None)
            *m_out += m_errs(static_cast<std::size_t>(c.err), [&] { return errString(c.err); });
        else
            *m_out += "null";
        key(6);
        if (c.cause < m_r.strings.size())
            *m_out += m_causes(c.cause, [&] { return m_r.str(c.cause); });
        else
            *m_out += "null";
        key(7);
        if (c.reason != Reason::None)
            *m_out += m_reasons(static_cast<std::size_t>(c.reason), [&] { return reasonName(c.reason); });
        else
            *m_out += "null";
        key(8);
        idOrNull(c.source);
        *m_out += m_close;
    }

private:
    static constexpr std::array<std::string_view, 9> kFields = {
        "kind", "parent", "created_ns", "deadline_ns", "done_ns", "err", "cause", "reason", "source"};

    void key(std::size_t i) { *m_out += m_keys[i]; }
    void integer(std::int64_t n)
    {
        char buf[24];
        auto res = std::to_chars(buf, buf + sizeof buf, n);
        m_out->append(buf, res.ptr);
    }
    void timeOrNull(Nanos t)
    {
        if (t == kNever)
            *m_out += "null";
        else
            integer(t);
    }
    void idOrNull(CtxIndex i)
    {
        if (i < m_r.contexts.size())
            json::appendQuoted(*m_out, m_r.contexts[i].id);
        else
            *m_out += "null";
    }

    const SimulationResult& m_r;
    QuotedOnce m_kinds, m_errs, m_causes, m_reasons;
    std::array<std::string, kFields.size()> m_keys;
    std::string m_close;
    std::string* m_out = nullptr; // where render is writing
};

void writeContexts(json::Writer& w, const SimulationResult& r)
{
    w.key("contexts").beginObject();
    ContextMember member(r, w.depth());
    for (const ContextInfo& c : r.contexts)
        w.rawMemberWith([&](std::string& out) { member.render(c, out); });
    w.endObject();
}

void writeTasks(json::Writer& w, const SimulationResult& r)
{
    w.key("tasks").beginObject();
    for (const TaskInfo& t : r.tasks) {
        w.key(t.id).beginObject();
        w.key("context");
        contextIdOrNull(w, r, t.context);
        w.key("started_ns");
        timeOrNull(w, t.startedAt, kNever);
        w.key("ended_ns");
        timeOrNull(w, t.endedAt, kNever);
        w.key("result");
        if (t.result.empty())
            w.null(); // never started
        else
            w.string(t.result);
        w.endObject();
    }
    w.endObject();
}

void writeAfterFuncs(json::Writer& w, const SimulationResult& r)
{
    w.key("after_funcs").beginObject();
    for (const AfterFuncInfo& a : r.afterFuncs) {
        w.key(a.id).beginObject();
        w.key("context");
        contextIdOrNull(w, r, a.context);
        w.key("registered_ns");
        timeOrNull(w, a.registeredAt, kNever);
        w.key("started_ns");
        timeOrNull(w, a.startedAt, kNever);
        w.key("stopped");
        if (a.stopped)
            w.boolean(*a.stopped);
        else
            w.null();
        w.endObject();
    }
    w.endObject();
}

void writeLookups(json::Writer& w, const SimulationResult& r)
{
    w.key("lookups").beginArray();
    for (const Lookup& l : r.lookups) {
        w.beginObject();
        w.key("task").string(l.task < r.tasks.size() ? r.tasks[l.task].id : std::string());
        w.key("t_ns").integer(l.t);
        w.key("context");
        contextIdOrNull(w, r, l.context);
        w.key("key").string(l.key);
        w.key("found").boolean(l.found);
        // Always present so every entry has the same shape; null when nothing was found.
        w.key("value");
        if (l.found)
            writeScalar(w, l.value);
        else
            w.null();
        w.endObject();
    }
    w.endArray();
}

void writeLints(json::Writer& w, const SimulationResult& r)
{
    w.key("lints").beginArray();
    for (const LintFinding& l : r.lints) {
        w.beginObject();
        w.key("rule").string(l.rule);
        w.key("severity").string(l.severity);
        w.key("subject").string(l.subject);
        w.key("t_ns").integer(l.t);
        w.key("message").string(l.message);
        w.endObject();
    }
    w.endArray();
}

void writeExercise(json::Writer& w, const SimulationResult& r, const ExpectationReport& doneWhen,
                   bool solutionApplied)
{
    w.key("exercise").beginObject();
    w.key("solution_applied").boolean(solutionApplied);
    w.key("solved").boolean(doneWhen.allPassed());
    w.key("passed").unsignedInteger(doneWhen.passed);
    w.key("failed").beginArray();
    for (const std::string& m : doneWhen.failureMessages())
        w.string(m);
    w.endArray();
    w.key("done_when").beginArray();
    for (const ExpectationOutcome& o : doneWhen.outcomes) {
        w.beginObject();
        w.key("title").string(o.title);
        w.key("passed").boolean(o.passed);
        w.key("decided_ns").integer(o.decidedAt);
        w.key("seq");
        if (o.event < r.events.size())
            w.unsignedInteger(o.event);
        else
            w.null();
        w.endObject();
    }
    w.endArray();
    w.endObject();
}

void writeReportTo(json::Writer& w, const SimulationResult& r, const ExpectationReport& expectations,
                   const ExerciseReportPart& exercise)
{
    w.beginObject();
    w.key("ctxscope_report").integer(1);
    w.key("scenario").string(r.scenarioName);
    w.key("end_ns").integer(r.endTime);
    w.key("stopped").string(r.stopped == StopReason::Horizon ? "horizon" : "idle");
    writeContexts(w, r);
    writeTasks(w, r);
    writeAfterFuncs(w, r);
    writeLookups(w, r);
    writeLints(w, r);
    w.key("expect").beginObject();
    w.key("passed").unsignedInteger(expectations.passed);
    w.key("failed").beginArray();
    for (const std::string& m : expectations.failureMessages())
        w.string(m);
    w.endArray();
    w.endObject();
    if (exercise.doneWhen)
        writeExercise(w, r, *exercise.doneWhen, exercise.solutionApplied);
    w.endObject();
}

} // namespace

std::string reportToString(const SimulationResult& r, const ExpectationReport& expectations)
{
    return reportToString(r, expectations, ExerciseReportPart{});
}

std::string reportToString(const SimulationResult& r, const ExpectationReport& expectations,
                           const ExerciseReportPart& exercise)
{
    json::Writer w(json::Style::Pretty);
    writeReportTo(w, r, expectations, exercise);
    std::string text = w.take();
    text += '\n';
    return text;
}

void writeReport(std::ostream& out, const SimulationResult& result, const ExpectationReport& expectations)
{
    writeReport([&out](std::string_view chunk) { out.write(chunk.data(), static_cast<std::streamsize>(chunk.size())); },
                result, expectations, ExerciseReportPart{});
}

void writeReport(const std::function<void(std::string_view)>& sink, const SimulationResult& result,
                 const ExpectationReport& expectations, const ExerciseReportPart& exercise)
{
    json::Writer w(json::Style::Pretty);
    w.setSink(sink);
    writeReportTo(w, result, expectations, exercise);
    w.flush();
    sink("\n");
}

} // namespace ctxscope
