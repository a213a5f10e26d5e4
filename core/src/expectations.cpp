#include "ctxscope/expectations.h"

#include "ctxscope/json.h"

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
    const bool done = c.err != Err::None;
    const bool created = c.createdAt != kNever;
    Nanos decided = created ? c.createdAt : r.endTime;
    for (const auto& [field, want] : e.fields) {
        Got got;
        FieldType type = FieldType::Text;
        const char* nullWord = "none";
        bool dynamic = true; // changes when the context becomes done
        if (field == "err") {
            got.scalar = textOrNull(errString(c.err), done);
            nullWord = "nil";
        } else if (field == "cause") {
            got.scalar = textOrNull(c.cause < r.strings.size() ? r.str(c.cause) : std::string(),
                                    c.cause != kNone && c.cause < r.strings.size());
            nullWord = "nil";
        } else if (field == "reason") {
            got.scalar = textOrNull(reasonName(c.reason), c.reason != Reason::None);
        } else if (field == "source") {
            got.scalar = textOrNull(c.source < r.contexts.size() ? r.contexts[c.source].id : std::string(),
                                    c.source < r.contexts.size());
        } else if (field == "done_at") {
            type = FieldType::Time;
            got.time = timeOrNull(c.doneAt, kNever);
            nullWord = "never";
        } else if (field == "deadline") {
            type = FieldType::Time;
            got.time = c.hasDeadline() ? std::optional<Nanos>(c.deadline) : std::nullopt;
            dynamic = false;
        } else if (field == "created_at") {
            type = FieldType::Time;
            got.time = timeOrNull(c.createdAt, kNever);
            nullWord = "never";
            dynamic = false;
        } else if (field == "context") {
            continue;
        } else {
            unknownField(out, where, field);
            continue;
        }
        compareField(out, where, field, type, want, got, nullWord);
        if (dynamic)
            decided = std::max(decided, done ? c.doneAt : r.endTime);
    }
    out.decidedAt = decided;
}

void checkTask(const Expectation& e, const SimulationResult& r, ExpectationOutcome& out,
               const std::string& where)
{
    auto index = r.findTask(e.subject);
    if (!index) {
        out.failures.push_back(where + ": no such task in the run");
        out.decidedAt = r.endTime;
        return;
    }
    const TaskInfo& t = r.tasks[*index];
    const bool ended = t.endedAt != kNever;
    const bool started = t.startedAt != kNever;
    Nanos decided = 0;
    for (const auto& [field, want] : e.fields) {
        Got got;
        FieldType type = FieldType::Text;
        const char* nullWord = "none";
        if (field == "result") {
            got.scalar = textOrNull(t.result, !t.result.empty());
            decided = std::max(decided, ended ? t.endedAt : r.endTime);
        } else if (field == "ended_at") {
            type = FieldType::Time;
            got.time = timeOrNull(t.endedAt, kNever);
            nullWord = "never";
            decided = std::max(decided, ended ? t.endedAt : r.endTime);
        } else if (field == "started_at") {
            type = FieldType::Time;
            got.time = timeOrNull(t.startedAt, kNever);
            nullWord = "never";
            decided = std::max(decided, started ? t.startedAt : r.endTime);
        } else if (field == "task") {
            continue;
        } else {
            unknownField(out, where, field);
            continue;
        }
        compareField(out, where, field, type, want, got, nullWord);
    }
    out.decidedAt = decided;
}

void checkAfterFunc(const Expectation& e, const SimulationResult& r, ExpectationOutcome& out,
                    const std::string& where)
{
    auto index = r.findAfterFunc(e.subject);
    if (!index) {
        out.failures.push_back(where + ": no such after-func in the run");
        out.decidedAt = r.endTime;
        return;
    }
    const AfterFuncInfo& a = r.afterFuncs[*index];
    Nanos decided = 0;
    for (const auto& [field, want] : e.fields) {
        Got got;
        FieldType type = FieldType::Text;
        const char* nullWord = "none";
        if (field == "ran_at") {
            type = FieldType::Time;
            got.time = timeOrNull(a.startedAt, kNever);
            nullWord = "never";
            decided = std::max(decided, a.startedAt != kNever ? a.startedAt : r.endTime);
        } else if (field == "stopped") {
            // What the LAST stop() returned: only final when the run is over.
            got.scalar = a.stopped ? Scalar::boolean(*a.stopped) : Scalar::null();
            nullWord = "null (stop never called)";
            decided = r.endTime;
        } else if (field == "after_func") {
            continue;
        } else {
            unknownField(out, where, field);
            continue;
        }
        compareField(out, where, field, type, want, got, nullWord);
    }
    out.decidedAt = decided;
}

void checkLookup(const Expectation& e, const SimulationResult& r, ExpectationOutcome& out,
                 const std::string& where)
{
    const Lookup* last = nullptr;
    for (const Lookup& l : r.lookups) {
        if (l.key == e.subject && l.task < r.tasks.size() && r.tasks[l.task].id == e.task)
            last = &l;
    }
    // A later lookup by the same task could still come until the task has ended.
    auto task = r.findTask(e.task);
    Nanos decided = r.endTime;
    if (task && r.tasks[*task].endedAt != kNever)
        decided = r.tasks[*task].endedAt;
    out.decidedAt = decided;
    if (!last) {
        out.failures.push_back("expect[" + std::to_string(out.index) + "]: no lookup of " +
                               json::quoted(e.subject) + " by task " + e.task);
        return;
    }
    for (const auto& [field, want] : e.fields) {
        Got got;
        if (field == "found") {
            got.scalar = Scalar::boolean(last->found);
        } else if (field == "value") {
            got.scalar = last->found ? last->value : Scalar::null();
        } else if (field == "lookup" || field == "task") {
            continue;
        } else {
            unknownField(out, where, field);
            continue;
        }
        compareField(out, where, field, FieldType::Text, want, got, "nil");
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

} // namespace

std::vector<std::string> ExpectationReport::failureMessages() const
{
    std::vector<std::string> all;
    for (const ExpectationOutcome& o : outcomes)
        all.insert(all.end(), o.failures.begin(), o.failures.end());
    return all;
}

ExpectationOutcome checkExpectation(const Expectation& e, std::size_t index, const SimulationResult& r)
{
    ExpectationOutcome out;
    out.index = index;
    const std::string prefix = "expect[" + std::to_string(index) + "]";
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
        checkLookup(e, r, out, prefix + ": " + out.title);
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

ExpectationReport checkExpectations(const Scenario& scenario, const SimulationResult& result)
{
    ExpectationReport report;
    for (std::size_t i = 0; i < scenario.expect.size(); ++i) {
        report.outcomes.push_back(checkExpectation(scenario.expect[i], i, result));
        if (report.outcomes.back().passed)
            ++report.passed;
        else
            ++report.failed;
    }
    return report;
}

} // namespace ctxscope
