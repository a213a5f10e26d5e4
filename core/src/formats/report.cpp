#include "ctxscope/formats/report.h"

#include "ctxscope/formats/json.h"

#include <ostream>

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

void writeContexts(json::Writer& w, const SimulationResult& r)
{
    w.key("contexts").beginObject();
    for (const ContextInfo& c : r.contexts) {
        const bool done = c.err != Err::None;
        w.key(c.id).beginObject();
        w.key("kind").string(contextKindName(c.kind));
        w.key("parent");
        contextIdOrNull(w, r, c.parent);
        w.key("created_ns");
        timeOrNull(w, c.createdAt, kNever);
        w.key("deadline_ns");
        if (c.hasDeadline())
            w.integer(c.deadline);
        else
            w.null();
        w.key("done_ns");
        timeOrNull(w, c.doneAt, kNever);
        w.key("err");
        if (done)
            w.string(errString(c.err));
        else
            w.null();
        w.key("cause");
        if (c.cause < r.strings.size())
            w.string(r.str(c.cause));
        else
            w.null();
        w.key("reason");
        if (c.reason != Reason::None)
            w.string(reasonName(c.reason));
        else
            w.null();
        w.key("source");
        contextIdOrNull(w, r, c.source);
        w.endObject();
    }
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
