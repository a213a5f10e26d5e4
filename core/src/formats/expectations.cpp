#include "ctxscope/formats/expectations.h"

#include "ctxscope/formats/json.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

namespace ctxscope {
namespace {

// How a field's value is shown and compared.
enum class FieldType : std::uint8_t { Text, Time, Bool };

struct Got {
    // For Time fields: nanoseconds or nullopt (never / none). For the others: a scalar.
    std::optional<Nanos> time;
    Scalar scalar;
};

bool isIntegerText(const std::string& s)
{
    return s.find_first_of(".eE") == std::string::npos;
}

// numbersEqual compares two JSON number texts by value, as the conformance runner's Python does
// (7 == 7.0), exactly for integers of any size.
bool numbersEqual(const std::string& a, const std::string& b)
{
    if (isIntegerText(a) && isIntegerText(b)) {
        auto norm = [](const std::string& s) { return s == "-0" ? std::string("0") : s; };
        return norm(a) == norm(b);
    }
    return std::strtod(a.c_str(), nullptr) == std::strtod(b.c_str(), nullptr);
}

// scalarsEqual is JSON equality with numbers compared by value. Unlike Python, true is not 1.
bool scalarsEqual(const Scalar& a, const Scalar& b)
{
    if (a.type != b.type)
        return false;
    if (a.type == Scalar::Type::Number)
        return numbersEqual(a.text, b.text);
    return a.text == b.text;
}

std::string showScalar(const Scalar& s, const char* nullWord)
{
    switch (s.type) {
    case Scalar::Type::Null: return nullWord;
    case Scalar::Type::Bool:
    case Scalar::Type::Number: return s.text;
    case Scalar::Type::String: return json::quoted(s.text);
    }
    return {};
}

std::string showTime(std::optional<Nanos> t, const char* nullWord)
{
    return t ? formatDuration(*t) : std::string(nullWord);
}

Scalar textOrNull(const std::string& s, bool present)
{
    return present ? Scalar::string(s) : Scalar::null();
}

std::optional<Nanos> timeOrNull(Nanos t, Nanos noneValue)
{
    if (t == noneValue)
        return std::nullopt;
    return t;
}

// Compares one field and appends a failure message when it differs.
void compareField(ExpectationOutcome& out, const std::string& where, const std::string& field,
                  FieldType type, const Scalar& want, const Got& got, const char* nullWord)
{
    if (type == FieldType::Time) {
        std::optional<Nanos> wantTime;
        if (want.type == Scalar::Type::String) {
            DurationParse p = parseDuration(want.text);
            if (!p.value) {
                out.failures.push_back(where + ": " + field + ": " + json::quoted(want.text) +
                                       " is not a duration: " + p.error);
                return;
            }
            wantTime = p.value;
        } else if (want.type != Scalar::Type::Null) {
            out.failures.push_back(where + ": " + field + ": want a duration string or null, found " +
                                   showScalar(want, "null"));
            return;
        }
        if (wantTime != got.time)
            out.failures.push_back(where + ": " + field + ": want " + showTime(wantTime, nullWord) +
                                   ", got " + showTime(got.time, nullWord));
        return;
    }
    if (!scalarsEqual(want, got.scalar))
        out.failures.push_back(where + ": " + field + ": want " + showScalar(want, nullWord) + ", got " +
                               showScalar(got.scalar, nullWord));
}

void unknownField(ExpectationOutcome& out, const std::string& where, const std::string& field)
{
    out.failures.push_back(where + ": unknown field " + json::quoted(field));
}

// One field of one subject as the run left it: how it compares, what it is, from when it is
// final. nullopt for a name that is not a field of that kind (the subject key itself included).
struct Field {
    FieldType type = FieldType::Text;
    Got got;
    const char* nullWord = "none";
    Nanos decided = 0;
};

std::optional<Field> contextField(const ContextInfo& c, const std::string& field, const SimulationResult& r)
{
    const bool done = c.err != Err::None;
    const Nanos whenDone = done ? c.doneAt : r.endTime; // the dynamic fields change when it is done
    Field f;
    f.decided = whenDone;
    if (field == "err") {
        f.got.scalar = textOrNull(errString(c.err), done);
        f.nullWord = "nil";
    } else if (field == "cause") {
        f.got.scalar = textOrNull(c.cause < r.strings.size() ? r.str(c.cause) : std::string(),
                                  c.cause != kNone && c.cause < r.strings.size());
        f.nullWord = "nil";
    } else if (field == "reason") {
        f.got.scalar = textOrNull(reasonName(c.reason), c.reason != Reason::None);
    } else if (field == "source") {
        f.got.scalar = textOrNull(c.source < r.contexts.size() ? r.contexts[c.source].id : std::string(),
                                  c.source < r.contexts.size());
    } else if (field == "done_at") {
        f.type = FieldType::Time;
        f.got.time = timeOrNull(c.doneAt, kNever);
        f.nullWord = "never";
    } else if (field == "deadline" || field == "created_at") {
        f.type = FieldType::Time;
        f.decided = c.createdAt != kNever ? c.createdAt : r.endTime; // known at creation
        if (field == "deadline") {
            f.got.time = c.hasDeadline() ? std::optional<Nanos>(c.deadline) : std::nullopt;
        } else {
            f.got.time = timeOrNull(c.createdAt, kNever);
            f.nullWord = "never";
        }
    } else {
        return std::nullopt;
    }
    return f;
}

std::optional<Field> taskField(const TaskInfo& t, const std::string& field, const SimulationResult& r)
{
    Field f;
    f.decided = t.endedAt != kNever ? t.endedAt : r.endTime;
    if (field == "result") {
        f.got.scalar = textOrNull(t.result, !t.result.empty());
    } else if (field == "ended_at") {
        f.type = FieldType::Time;
        f.got.time = timeOrNull(t.endedAt, kNever);
        f.nullWord = "never";
    } else if (field == "started_at") {
        f.type = FieldType::Time;
        f.got.time = timeOrNull(t.startedAt, kNever);
        f.nullWord = "never";
        f.decided = t.startedAt != kNever ? t.startedAt : r.endTime;
    } else {
        return std::nullopt;
    }
    return f;
}

std::optional<Field> afterFuncField(const AfterFuncInfo& a, const std::string& field, const SimulationResult& r)
{
    Field f;
    if (field == "ran_at") {
        f.type = FieldType::Time;
        f.got.time = timeOrNull(a.startedAt, kNever);
        f.nullWord = "never";
        f.decided = a.startedAt != kNever ? a.startedAt : r.endTime;
    } else if (field == "stopped") {
        // What the LAST stop() returned: only final when the run is over.
        f.got.scalar = a.stopped ? Scalar::boolean(*a.stopped) : Scalar::null();
        f.nullWord = "null (stop never called)";
        f.decided = r.endTime;
    } else {
        return std::nullopt;
    }
    return f;
}

// The last lookup of e.subject by task e.task (the one a lookup entry checks), or nullptr.
const Lookup* lastLookup(const Expectation& e, const SimulationResult& r)
{
    const Lookup* last = nullptr;
    for (const Lookup& l : r.lookups) {
        if (l.key == e.subject && l.task < r.tasks.size() && r.tasks[l.task].id == e.task)
            last = &l;
    }
    return last;
}

std::optional<Field> lookupField(const Lookup& l, const std::string& field)
{
    Field f;
    f.nullWord = "nil";
    if (field == "found")
        f.got.scalar = Scalar::boolean(l.found);
    else if (field == "value")
        f.got.scalar = l.found ? l.value : Scalar::null();
    else
        return std::nullopt;
    return f;
}

// subjectField finds the field of the subject e names (Context, Task, AfterFunc, Lookup).
// *missing is set when the run has no such subject.
std::optional<Field> subjectField(const Expectation& e, const std::string& field, const SimulationResult& r,
                                  bool* missing)
{
    *missing = false;
    switch (e.kind) {
    case Expectation::Kind::Context:
        if (auto i = r.findContext(e.subject))
            return contextField(r.contexts[*i], field, r);
        break;
    case Expectation::Kind::Task:
        if (auto i = r.findTask(e.subject))
            return taskField(r.tasks[*i], field, r);
        break;
    case Expectation::Kind::AfterFunc:
        if (auto i = r.findAfterFunc(e.subject))
            return afterFuncField(r.afterFuncs[*i], field, r);
        break;
    case Expectation::Kind::Lookup:
        if (const Lookup* l = lastLookup(e, r))
            return lookupField(*l, field);
        break;
    case Expectation::Kind::Lint:
    case Expectation::Kind::NoLints:
    case Expectation::Kind::Stopped:
        return std::nullopt;
    }
    *missing = true;
    return std::nullopt;
}

void checkContext(const Expectation& e, const SimulationResult& r, ExpectationOutcome& out,
                  const std::string& where)
{
    auto index = r.findContext(e.subject);
    if (!index) {
        out.failures.push_back(where + ": no such context in the run");
        out.decidedAt = r.endTime;
        return;
    }
    const ContextInfo& c = r.contexts[*index];
    Nanos decided = c.createdAt != kNever ? c.createdAt : r.endTime;
    for (const auto& [field, want] : e.fields) {
        if (field == "context")
            continue;
        std::optional<Field> f = contextField(c, field, r);
        if (!f) {
            unknownField(out, where, field);
            continue;
        }
        compareField(out, where, field, f->type, want, f->got, f->nullWord);
        decided = std::max(decided, f->decided);
    }
    out.decidedAt = decided;
}

// Tasks and after-funcs: each field is decided on its own; the entry when the last one is.
// info is null when the run has no such subject (what names it: "task", "after-func").
template <typename Info>
void checkFields(const Expectation& e, const Info* info, const SimulationResult& r, ExpectationOutcome& out,
                 const std::string& where, std::string_view subjectKey, const char* what,
                 std::optional<Field> (*fieldOf)(const Info&, const std::string&, const SimulationResult&))
{
    if (!info) {
        out.failures.push_back(where + ": no such " + what + " in the run");
        out.decidedAt = r.endTime;
        return;
    }
    Nanos decided = 0;
    for (const auto& [field, want] : e.fields) {
        if (field == subjectKey)
            continue;
        std::optional<Field> f = fieldOf(*info, field, r);
        if (!f) {
            unknownField(out, where, field);
            continue;
        }
        compareField(out, where, field, f->type, want, f->got, f->nullWord);
        decided = std::max(decided, f->decided);
    }
    out.decidedAt = decided;
}

void checkTask(const Expectation& e, const SimulationResult& r, ExpectationOutcome& out,
               const std::string& where)
{
    const auto index = r.findTask(e.subject);
    checkFields(e, index ? &r.tasks[*index] : nullptr, r, out, where, "task", "task", &taskField);
}

void checkAfterFunc(const Expectation& e, const SimulationResult& r, ExpectationOutcome& out,
                    const std::string& where)
{
    const auto index = r.findAfterFunc(e.subject);
    checkFields(e, index ? &r.afterFuncs[*index] : nullptr, r, out, where, "after_func", "after-func", &afterFuncField);
}

void checkLookup(const Expectation& e, const SimulationResult& r, ExpectationOutcome& out,
                 const std::string& prefix, const std::string& where)
{
    const Lookup* last = lastLookup(e, r);
    // A later lookup by the same task could still come until the task has ended.
    auto task = r.findTask(e.task);
    Nanos decided = r.endTime;
    if (task && r.tasks[*task].endedAt != kNever)
        decided = r.tasks[*task].endedAt;
    out.decidedAt = decided;
    if (!last) {
        out.failures.push_back(prefix + ": no lookup of " + json::quoted(e.subject) + " by task " + e.task);
        return;
    }
    for (const auto& [field, want] : e.fields) {
        if (field == "lookup" || field == "task")
            continue;
        std::optional<Field> f = lookupField(*last, field);
        if (!f) {
            unknownField(out, where, field);
            continue;
        }
        compareField(out, where, field, FieldType::Text, want, f->got, "nil");
    }
}

std::string lintList(const SimulationResult& r)
{
    std::string s = "[";
    for (std::size_t i = 0; i < r.lints.size(); ++i) {
        if (i > 0)
            s += ", ";
        s += r.lints[i].rule + " on " + r.lints[i].subject;
    }
    return s + "]";
}

// Where each subject's facts were decided in the event list: one pass over the events.
struct EventIndex {
    std::vector<std::size_t> ctxCreated, ctxCanceled, taskStarted, taskEnded, afStarted, afLastStop, lookup, lint;
    std::size_t end = kNoEvent;

    explicit EventIndex(const SimulationResult& r)
        : ctxCreated(r.contexts.size(), kNoEvent), ctxCanceled(r.contexts.size(), kNoEvent),
          taskStarted(r.tasks.size(), kNoEvent), taskEnded(r.tasks.size(), kNoEvent),
          afStarted(r.afterFuncs.size(), kNoEvent), afLastStop(r.afterFuncs.size(), kNoEvent),
          lookup(r.lookups.size(), kNoEvent), lint(r.lints.size(), kNoEvent)
    {
        auto set = [](std::vector<std::size_t>& v, std::uint32_t i, std::size_t e, bool first) {
            if (i < v.size() && (!first || v[i] == kNoEvent))
                v[i] = e;
        };
        for (std::size_t e = 0; e < r.events.size(); ++e) {
            const Event& ev = r.events[e];
            switch (ev.kind) {
            case EventKind::ContextCreated: set(ctxCreated, ev.subject, e, true); break;
            case EventKind::ContextCanceled: set(ctxCanceled, ev.subject, e, true); break;
            case EventKind::TaskStarted: set(taskStarted, ev.subject, e, true); break;
            case EventKind::TaskEnded: set(taskEnded, ev.subject, e, true); break;
            case EventKind::AfterFuncStarted: set(afStarted, ev.subject, e, true); break;
            case EventKind::AfterFuncStop: set(afLastStop, ev.subject, e, false); break;
            case EventKind::ValueLookup: set(lookup, ev.other, e, true); break;
            case EventKind::Lint: set(lint, ev.other, e, true); break;
            case EventKind::End: end = e; break;
            case EventKind::CancelCalled:
            case EventKind::AfterFuncRegistered:
            case EventKind::Log: break;
            }
        }
    }
    // at(v, i) is v[i], or the end of the run when that never happened.
    std::size_t at(const std::vector<std::size_t>& v, std::size_t i) const
    {
        return i < v.size() && v[i] != kNoEvent ? v[i] : end;
    }
};

bool hasField(const Expectation& e, std::initializer_list<std::string_view> names)
{
    for (const auto& f : e.fields) {
        if (std::find(names.begin(), names.end(), f.first) != names.end())
            return true;
    }
    return false;
}

// decidingEvent mirrors decidedAt: the latest of the events that decide the entry's fields.
std::size_t decidingEvent(const Expectation& e, const ExpectationOutcome& o, const SimulationResult& r,
                          const EventIndex& x)
{
    using K = Expectation::Kind;
    auto latest = [](std::size_t a, std::size_t b) {
        if (a == kNoEvent)
            return b;
        return b == kNoEvent ? a : std::max(a, b);
    };
    switch (e.kind) {
    case K::Context: {
        auto i = r.findContext(e.subject);
        if (!i)
            return x.end;
        std::size_t ev = kNoEvent;
        if (e.fields.empty() || hasField(e, {"err", "cause", "reason", "source", "done_at"}))
            ev = x.at(x.ctxCanceled, *i);
        if (hasField(e, {"deadline", "created_at"}))
            ev = latest(ev, x.at(x.ctxCreated, *i));
        return ev;
    }
    case K::Task: {
        auto i = r.findTask(e.subject);
        if (!i)
            return x.end;
        std::size_t ev = kNoEvent;
        if (e.fields.empty() || hasField(e, {"result", "ended_at"}))
            ev = x.at(x.taskEnded, *i);
        if (hasField(e, {"started_at"}))
            ev = latest(ev, x.at(x.taskStarted, *i));
        return ev;
    }
    case K::AfterFunc: {
        auto i = r.findAfterFunc(e.subject);
        if (!i)
            return x.end;
        std::size_t ev = kNoEvent;
        if (e.fields.empty() || hasField(e, {"ran_at"}))
            ev = x.at(x.afStarted, *i);
        if (hasField(e, {"stopped"}))
            ev = latest(ev, x.at(x.afLastStop, *i));
        return ev;
    }
    case K::Lookup: {
        const Lookup* l = lastLookup(e, r);
        return l ? x.at(x.lookup, static_cast<std::size_t>(l - r.lookups.data())) : x.end;
    }
    case K::Lint:
        if (o.passed) {
            for (std::size_t i = 0; i < r.lints.size(); ++i) {
                if (r.lints[i].rule == e.subject && (e.task.empty() || r.lints[i].subject == e.task))
                    return x.at(x.lint, i);
            }
        }
        return x.end;
    case K::NoLints: return r.lints.empty() ? x.end : x.at(x.lint, 0);
    case K::Stopped: return x.end;
    }
    return x.end;
}

void findDecidingEvents(const std::vector<Expectation>& list, ExpectationReport& report, const SimulationResult& r)
{
    const EventIndex index(r);
    for (std::size_t i = 0; i < list.size() && i < report.outcomes.size(); ++i)
        report.outcomes[i].event = decidingEvent(list[i], report.outcomes[i], r, index);
}

} // namespace

std::vector<std::string> ExpectationReport::failureMessages() const
{
    std::vector<std::string> all;
    for (const ExpectationOutcome& o : outcomes)
        all.insert(all.end(), o.failures.begin(), o.failures.end());
    return all;
}

ExpectationOutcome checkExpectation(const Expectation& e, std::size_t index, const SimulationResult& r,
                                    std::string_view listName)
{
    ExpectationOutcome out;
    out.index = index;
    const std::string prefix = std::string(listName) + "[" + std::to_string(index) + "]";
    switch (e.kind) {
    case Expectation::Kind::Context:
        out.title = "context " + e.subject;
        checkContext(e, r, out, prefix + ": " + out.title);
        break;
    case Expectation::Kind::Task:
        out.title = "task " + e.subject;
        checkTask(e, r, out, prefix + ": " + out.title);
        break;
    case Expectation::Kind::AfterFunc:
        out.title = "after_func " + e.subject;
        checkAfterFunc(e, r, out, prefix + ": " + out.title);
        break;
    case Expectation::Kind::Lookup:
        out.title = "lookup " + json::quoted(e.subject) + " by task " + e.task;
        checkLookup(e, r, out, prefix, prefix + ": " + out.title);
        break;
    case Expectation::Kind::Lint: {
        out.title = "lint " + e.subject + (e.task.empty() ? std::string() : " on " + e.task);
        const LintFinding* hit = nullptr;
        for (const LintFinding& l : r.lints) {
            if (l.rule == e.subject && (e.task.empty() || l.subject == e.task)) {
                hit = &l;
                break;
            }
        }
        if (hit) {
            out.decidedAt = hit->t;
        } else {
            out.decidedAt = r.endTime;
            out.failures.push_back(prefix + ": want lint " + e.subject +
                                   (e.task.empty() ? std::string() : " on " + e.task) +
                                   ", found none; lints: " + lintList(r));
        }
        break;
    }
    case Expectation::Kind::NoLints:
        out.title = "no lints";
        if (!r.lints.empty()) {
            out.decidedAt = r.lints.front().t;
            out.failures.push_back(prefix + ": want no lints, got " + lintList(r));
        } else {
            out.decidedAt = r.endTime;
        }
        break;
    case Expectation::Kind::Stopped: {
        out.title = "stopped " + e.subject;
        const char* got = r.stopped == StopReason::Horizon ? "horizon" : "idle";
        if (e.subject != got)
            out.failures.push_back(prefix + ": stopped: want " + json::quoted(e.subject) + ", got " +
                                   json::quoted(got));
        out.decidedAt = r.endTime;
        break;
    }
    }
    out.passed = out.failures.empty();
    return out;
}

ExpectationReport checkExpectationList(const std::vector<Expectation>& list, const SimulationResult& result,
                                       std::string_view listName)
{
    ExpectationReport report;
    report.outcomes.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        report.outcomes.push_back(checkExpectation(list[i], i, result, listName));
        if (report.outcomes.back().passed)
            ++report.passed;
        else
            ++report.failed;
    }
    if (!list.empty())
        findDecidingEvents(list, report, result);
    return report;
}

ExpectationReport checkExpectations(const Scenario& scenario, const SimulationResult& result)
{
    return checkExpectationList(scenario.expect, result, "expect");
}

std::optional<Scalar> actualValue(const Expectation& subject, const std::string& field, const SimulationResult& result)
{
    bool missing = false;
    std::optional<Field> f = subjectField(subject, field, result, &missing);
    if (!f)
        return std::nullopt;
    if (f->type == FieldType::Time)
        return f->got.time ? Scalar::string(formatDuration(*f->got.time)) : Scalar::null();
    return f->got.scalar;
}

} // namespace ctxscope
