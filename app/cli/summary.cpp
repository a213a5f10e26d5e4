#include "summary.h"

#include <algorithm>
#include <vector>

namespace ctxscope::cli {
namespace {

using Row = std::vector<std::string>;

// Display width in code points (ids are ASCII, but causes and labels may not be).
std::size_t width(const std::string& s)
{
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// One line of text at most maxWidth code points wide: control characters (a newline in a name
// would break the table) become spaces, and a longer text keeps its head and its tail around
// a middle ellipsis, cut at code point boundaries. Ids often differ only at the end
// ("worker-00017"), so the tail is kept as well as the head.
std::string shortened(const std::string& s, std::size_t maxWidth)
{
    std::string text;
    const bool longer = width(s) > maxWidth;
    const std::size_t head = longer ? (maxWidth - 1) / 2 : 0, tail = longer ? maxWidth - 1 - head : 0;
    const std::size_t total = longer ? width(s) : 0;
    std::size_t point = 0; // code points before the current byte
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const bool starts = (c & 0xC0) != 0x80;
        if (starts && i > 0)
            ++point;
        if (longer && point >= head && point < total - tail) {
            if (point == head && starts)
                text += "\xE2\x80\xA6"; // U+2026 HORIZONTAL ELLIPSIS, once
            continue;
        }
        text += c < 0x20 || c == 0x7f ? ' ' : static_cast<char>(c);
    }
    return text;
}

constexpr std::size_t kNameWidth = 64;     // a table cell: ids (at most 64 in a valid file), causes, results
constexpr std::size_t kTitleWidth = 96;    // the scenario's name
constexpr std::size_t kMessageWidth = 160; // a lint message, an expectation and its failures

std::string time(Nanos t, Nanos none)
{
    return t == none ? std::string("-") : formatDuration(t);
}

// Renders a table with a header, two spaces between columns, the last column not padded.
void table(std::string& out, const Row& header, const std::vector<Row>& rows, std::size_t total,
           std::size_t maxRows, const char* what)
{
    std::vector<std::size_t> widths(header.size(), 0);
    auto measure = [&](const Row& r) {
        for (std::size_t i = 0; i < r.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], width(r[i]));
    };
    measure(header);
    for (const Row& r : rows)
        measure(r);
    auto line = [&](const Row& r) {
        std::string text = " ";
        for (std::size_t i = 0; i < r.size(); ++i) {
            text += ' ';
            text += r[i];
            if (i + 1 < r.size())
                text.append(widths[i] - width(r[i]) + 1, ' ');
        }
        while (!text.empty() && text.back() == ' ')
            text.pop_back();
        out += text;
        out += '\n';
    };
    line(header);
    for (const Row& r : rows)
        line(r);
    if (total > maxRows && total > rows.size()) {
        out += "  ... and " + std::to_string(total - rows.size()) + " more " + what +
               " (--report FILE lists them all)\n";
    }
}

std::string contextName(const SimulationResult& r, CtxIndex i)
{
    return i < r.contexts.size() ? shortened(r.contexts[i].id, kNameWidth) : std::string("-");
}

void contextsTable(std::string& out, const SimulationResult& r, std::size_t maxRows)
{
    out += "\nContexts (" + std::to_string(r.contexts.size()) + ")\n";
    if (r.contexts.empty())
        return;
    std::vector<Row> rows;
    for (std::size_t i = 0; i < r.contexts.size() && rows.size() < maxRows; ++i) {
        const ContextInfo& c = r.contexts[i];
        std::string state;
        if (c.createdAt == kNever)
            state = "never created";
        else if (c.err == Err::None)
            state = "active";
        else
            state = errString(c.err);
        std::string cause = c.cause < r.strings.size() ? shortened(r.str(c.cause), kNameWidth) : std::string("-");
        if (c.reason == Reason::Parent)
            cause += " (from " + contextName(r, c.source) + ")";
        std::string deadline = c.hasDeadline() ? formatDuration(c.deadline) : std::string("-");
        if (c.hasDeadline() && c.deadlineFrom != i)
            deadline += " (" + contextName(r, c.deadlineFrom) + ")";
        rows.push_back({contextName(r, static_cast<CtxIndex>(i)), contextKindName(c.kind), state, cause,
                        time(c.doneAt, kNever), deadline});
    }
    table(out, {"ID", "KIND", "STATE", "CAUSE", "DONE AT", "DEADLINE"}, rows, r.contexts.size(), maxRows,
          "contexts");
}

void tasksTable(std::string& out, const SimulationResult& r, std::size_t maxRows)
{
    out += "\nTasks (" + std::to_string(r.tasks.size()) + ")\n";
    if (r.tasks.empty())
        return;
    std::vector<Row> rows;
    for (std::size_t i = 0; i < r.tasks.size() && rows.size() < maxRows; ++i) {
        const TaskInfo& t = r.tasks[i];
        std::string result = t.result.empty() ? std::string("not started") : shortened(t.result, kNameWidth);
        std::string id = shortened(t.id, kNameWidth) + (t.afterFunc != kNone ? " (after-func)" : "");
        rows.push_back({id, contextName(r, t.context), result, time(t.endedAt, kNever)});
    }
    table(out, {"ID", "CONTEXT", "RESULT", "ENDED AT"}, rows, r.tasks.size(), maxRows, "tasks");
}

void lintsList(std::string& out, const SimulationResult& r, std::size_t maxRows)
{
    out += "\nLints (" + std::to_string(r.lints.size()) + ")\n";
    std::size_t shown = 0;
    for (const LintFinding& l : r.lints) {
        if (shown++ == maxRows) {
            out += "  ... and " + std::to_string(r.lints.size() - maxRows) +
                   " more lints (--report FILE lists them all)\n";
            break;
        }
        out += "  " + l.severity + " " + l.rule + " " + shortened(l.subject, kNameWidth) + " at " +
               formatDuration(l.t) + ": " + shortened(l.message, kMessageWidth) + "\n";
    }
}

// The checklist lines of an expectation list ("expect", an exercise's "done_when").
void checklist(std::string& out, const ExpectationReport& e, const char* listName)
{
    for (const ExpectationOutcome& o : e.outcomes) {
        out += std::string(o.passed ? "  ok    " : "  FAIL  ") + listName + "[" + std::to_string(o.index) + "] " +
               shortened(o.title, kMessageWidth) + "\n";
        for (const std::string& f : o.failures)
            out += "          " + shortened(f, kMessageWidth) + "\n";
    }
}

void expectationsList(std::string& out, const ExpectationReport& e)
{
    if (e.outcomes.empty())
        return;
    out += "\nExpectations: " + std::to_string(e.passed) + " passed, " + std::to_string(e.failed) + " failed\n";
    checklist(out, e, "expect");
}

} // namespace

std::string renderDoneWhen(const ExpectationReport& doneWhen, bool solutionApplied)
{
    if (doneWhen.outcomes.empty())
        return {};
    std::string out = solutionApplied ? "\nExercise, solution applied: " : "\nExercise: ";
    if (doneWhen.allPassed())
        out += "solved (done_when: " + std::to_string(doneWhen.passed) + " of " +
               std::to_string(doneWhen.outcomes.size()) + " hold)\n";
    else
        out += "not solved (done_when: " + std::to_string(doneWhen.passed) + " of " +
               std::to_string(doneWhen.outcomes.size()) + " hold)\n";
    checklist(out, doneWhen, "done_when");
    if (solutionApplied)
        out += "  (\"expect\" describes the scenario as shipped: not checked with the solution applied)\n";
    return out;
}

std::string renderSummary(const SimulationResult& r, const ExpectationReport& expectations, std::size_t maxRows)
{
    std::string out = "Scenario: " + shortened(r.scenarioName, kTitleWidth) + "\n";
    out += "Stopped:  " + std::string(r.stopped == StopReason::Horizon ? "horizon" : "idle") + " at " +
           formatDuration(r.endTime) + " (seed " + std::to_string(r.seed) + ", " +
           std::to_string(r.events.size()) + " events)\n";
    contextsTable(out, r, maxRows);
    tasksTable(out, r, maxRows);
    lintsList(out, r, maxRows);
    expectationsList(out, expectations);
    return out;
}

} // namespace ctxscope::cli
