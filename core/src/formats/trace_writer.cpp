#include "ctxscope/formats/trace_writer.h"

#include "ctxscope/formats/json.h"

#include <ostream>

namespace ctxscope {
namespace {

// Names by index with a bounds check: a malformed result must give odd text, never a crash.
const std::string& emptyString()
{
    static const std::string empty;
    return empty;
}

const std::string& contextId(const SimulationResult& r, std::uint32_t i)
{
    return i < r.contexts.size() ? r.contexts[i].id : emptyString();
}

const std::string& taskId(const SimulationResult& r, std::uint32_t i)
{
    return i < r.tasks.size() ? r.tasks[i].id : emptyString();
}

const std::string& afterFuncId(const SimulationResult& r, std::uint32_t i)
{
    return i < r.afterFuncs.size() ? r.afterFuncs[i].id : emptyString();
}

const std::string& stringAt(const SimulationResult& r, StrId i)
{
    return i < r.strings.size() ? r.strings[i] : emptyString();
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
            w.string(s.text); // cannot happen for a loaded scenario; keep the output valid JSON
        break;
    case Scalar::Type::String: w.string(s.text); break;
    }
}

void writeFields(json::Writer& w, const SimulationResult& r, const Event& e)
{
    switch (e.kind) {
    case EventKind::ContextCreated: {
        w.key("context").string(contextId(r, e.subject));
        if (e.subject < r.contexts.size()) {
            const ContextInfo& c = r.contexts[e.subject];
            w.key("kind").string(contextKindName(c.kind));
            if (c.parent != kNone)
                w.key("parent").string(contextId(r, c.parent));
            if (c.hasDeadline())
                w.key("deadline_ns").integer(c.deadline);
            // The label defaults to the id; repeating it would only make every line longer
            // (trace.md's example lines carry no label).
            if (const std::string& label = r.label(c); label != c.id)
                w.key("label").string(label);
        }
        if (e.by != kNone)
            w.key("task").string(taskId(r, e.by));
        break;
    }
    case EventKind::ContextCanceled:
        w.key("context").string(contextId(r, e.subject));
        w.key("err").string(errString(e.err));
        w.key("cause").string(stringAt(r, e.str));
        w.key("reason").string(reasonName(e.reason));
        w.key("source").string(contextId(r, e.other));
        break;
    case EventKind::CancelCalled:
        w.key("context").string(contextId(r, e.subject));
        w.key("by").string(e.by == kNone ? std::string("user") : taskId(r, e.by));
        if (e.str != kNone)
            w.key("cause").string(stringAt(r, e.str));
        w.key("effective").boolean(e.flag);
        break;
    case EventKind::TaskStarted:
        w.key("task").string(taskId(r, e.subject));
        w.key("context").string(contextId(r, e.other));
        if (e.by != kNone)
            w.key("by").string(taskId(r, e.by));
        break;
    case EventKind::TaskEnded:
        w.key("task").string(taskId(r, e.subject));
        w.key("result").string(stringAt(r, e.str));
        break;
    case EventKind::ValueLookup: {
        w.key("task").string(taskId(r, e.subject));
        if (e.other < r.lookups.size()) {
            const Lookup& l = r.lookups[e.other];
            w.key("context").string(contextId(r, l.context));
            w.key("key").string(l.key);
            w.key("found").boolean(l.found);
            if (l.found) {
                w.key("value");
                writeScalar(w, l.value);
            }
        }
        break;
    }
    case EventKind::AfterFuncRegistered:
        w.key("after_func").string(afterFuncId(r, e.subject));
        w.key("context").string(contextId(r, e.other));
        break;
    case EventKind::AfterFuncStarted:
        w.key("after_func").string(afterFuncId(r, e.subject));
        break;
    case EventKind::AfterFuncStop:
        w.key("after_func").string(afterFuncId(r, e.subject));
        w.key("by").string(e.by == kNone ? std::string("user") : taskId(r, e.by));
        w.key("stopped").boolean(e.flag);
        break;
    case EventKind::Log:
        w.key("task").string(taskId(r, e.subject));
        w.key("text").string(stringAt(r, e.str));
        break;
    case EventKind::Lint:
        if (e.other < r.lints.size()) {
            const LintFinding& l = r.lints[e.other];
            w.key("rule").string(l.rule);
            w.key("severity").string(l.severity);
            w.key("subject").string(l.subject);
            w.key("message").string(l.message);
        }
        break;
    case EventKind::End:
        w.key("stopped").string(e.flag ? "horizon" : "idle");
        break;
    }
}

} // namespace

const char* traceEventName(EventKind kind)
{
    switch (kind) {
    case EventKind::ContextCreated: return "context.created";
    case EventKind::ContextCanceled: return "context.canceled";
    case EventKind::CancelCalled: return "cancel.called";
    case EventKind::TaskStarted: return "task.started";
    case EventKind::TaskEnded: return "task.ended";
    case EventKind::ValueLookup: return "value.lookup";
    case EventKind::AfterFuncRegistered: return "afterfunc.registered";
    case EventKind::AfterFuncStarted: return "afterfunc.started";
    case EventKind::AfterFuncStop: return "afterfunc.stop";
    case EventKind::Log: return "log";
    case EventKind::Lint: return "lint";
    case EventKind::End: return "end";
    }
    return "unknown";
}

namespace {

void writeHeader(json::Writer& w, const SimulationResult& result)
{
    w.beginObject();
    w.key("ctxscope_trace").integer(1);
    w.key("scenario").string(result.scenarioName);
    w.key("seed").integer(result.seed);
    w.endObject();
}

void writeEvent(json::Writer& w, const SimulationResult& result, std::size_t seq)
{
    w.beginObject();
    if (seq < result.events.size()) {
        const Event& e = result.events[seq];
        w.key("t_ns").integer(e.t);
        w.key("seq").unsignedInteger(seq);
        w.key("ev").string(traceEventName(e.kind));
        writeFields(w, result, e);
    }
    w.endObject();
}

// The whole trace into one writer: no string per line (a million-context run has two million).
void writeAll(json::Writer& w, const SimulationResult& result)
{
    writeHeader(w, result);
    w.raw("\n");
    for (std::size_t i = 0; i < result.events.size(); ++i) {
        writeEvent(w, result, i);
        w.raw("\n");
    }
}

} // namespace

std::string traceHeaderLine(const SimulationResult& result)
{
    json::Writer w(json::Style::Compact);
    writeHeader(w, result);
    return w.take();
}

std::string traceEventLine(const SimulationResult& result, std::size_t seq)
{
    json::Writer w(json::Style::Compact);
    writeEvent(w, result, seq);
    return w.take();
}

std::string traceToString(const SimulationResult& result)
{
    json::Writer w(json::Style::Compact);
    writeAll(w, result);
    return w.take();
}

void writeTrace(const std::function<void(std::string_view)>& sink, const SimulationResult& result)
{
    json::Writer w(json::Style::Compact);
    w.setSink(sink);
    writeAll(w, result);
    w.flush();
}

void writeTrace(std::ostream& out, const SimulationResult& result)
{
    writeTrace([&out](std::string_view chunk) { out.write(chunk.data(), static_cast<std::streamsize>(chunk.size())); },
               result);
}

} // namespace ctxscope
