// scenario_test.go of the Go export: the simulator's outcome as Go literals, then the fixed
// comparison code (go_export_runtime.cpp), which runs run() in a synctest bubble.
#include "go_export_internal.h"
#include "go_writer.h"

#include "ctxscope/go_export/go_names.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace ctxscope::gox {

namespace {

std::string ns(Nanos t) { return t == kNever ? std::string("-1") : std::to_string(t); }

// How the test compares a context's name. fmt.Sprint(ctx) is the parent's name followed by the
// context's own part, so it grows with depth: embedding every name whole makes a chain of n
// contexts O(n^2) bytes (551 MB at n = 10^4). And Go builds it level by level (each String()
// returns its parent's name + its part), so printing a context at depth d copies O(d) strings
// of up to its length: O(d^2) bytes for a chain. So:
//   Whole  the name is short (<= kWholeName bytes, the depth of any real program): embedded
//          whole and compared exactly, ancestors' parts included.
//   Part   longer: only the context's own part is embedded (O(its spec)); the test checks that
//          fmt.Sprint(ctx) is fmt.Sprint(parent) at the same instant followed by exactly that
//          part. The parent's own part was checked when it was made; what is not compared is
//          only how an ancestor's deadline prints its time left at a later moment, which the
//          ancestor's own check covers at its own moment.
//   None   once the checks so far would make Go copy more than kNameBudget bytes in all: not
//          compared (`deep: true`), so that the test's run time stays linear too. A chain of
//          WithCancel gets its first ~400 levels compared (Go copies ~11 d^2 bytes to print
//          level d), a flat tree of 10^5 contexts every name.
enum class NameCheck : std::uint8_t { Whole, Part, None };

constexpr std::size_t kWholeName = 512;
constexpr std::size_t kNameBudget = std::size_t{256} << 20;

struct NamePlan {
    std::vector<NameCheck> checks; // per context of the run
    std::size_t notCompared = 0;
};

NamePlan planNames(const GoNames& names, const SimulationResult& r)
{
    // longest[k]: an upper bound of the length of context k's name at any moment; copied[k]:
    // of the bytes Go copies to print it (its ancestors' names and its own). Both from the
    // parent's, O(1) per context; parents may come after children in the run's order, hence
    // the walk up to the first known ancestor.
    const std::size_t n = r.contexts.size();
    constexpr std::size_t unknown = static_cast<std::size_t>(-1);
    std::vector<std::size_t> longest(n, unknown), copied(n, 0);
    std::vector<CtxIndex> walk;
    for (CtxIndex k = 0; k < n; ++k) {
        for (CtxIndex a = k; a < n && longest[a] == unknown; a = r.contexts[a].parent) {
            longest[a] = unknown - 1; // on the walk: a cycle (never made by simulate) stops here
            walk.push_back(a);
        }
        while (!walk.empty()) {
            const CtxIndex a = walk.back();
            walk.pop_back();
            const CtxIndex p = r.contexts[a].parent;
            const bool known = p < n && longest[p] < unknown - 1;
            longest[a] = (known ? longest[p] : 0) + names.maxPartSize(a);
            copied[a] = std::min((known ? copied[p] : 0) + longest[a], kNameBudget + 1); // saturates
        }
    }
    NamePlan plan;
    plan.checks.assign(n, NameCheck::None);
    std::size_t spent = 0;
    for (CtxIndex k = 0; k < n; ++k) {
        if (r.contexts[k].createdAt == kNever)
            continue;
        const CtxIndex p = r.contexts[k].parent;
        const bool whole = longest[k] <= kWholeName;
        const std::size_t cost = copied[k] + (whole || p >= n ? 0 : copied[p]); // Part prints the parent too
        if (spent + cost > kNameBudget) {
            ++plan.notCompared;
            continue;
        }
        spent += cost;
        plan.checks[k] = whole ? NameCheck::Whole : NameCheck::Part;
    }
    return plan;
}

std::string skipField(const std::map<std::string, std::set<std::string>>& m, const std::string& id)
{
    auto it = m.find(id);
    if (it == m.end() || it->second.empty())
        return {};
    std::string out;
    for (const std::string& f : it->second)
        out += (out.empty() ? "" : " ") + f;
    return ", skip: " + goQuote(out);
}

// racesField: `, races: map[string][]any{"err": {"context canceled"}}`, the other values Go may
// produce for each raced field of a subject (go_races.cpp), or "".
std::string racesField(const std::map<std::string, std::map<std::string, std::vector<std::string>>>& m,
                       const std::string& id)
{
    auto it = m.find(id);
    if (it == m.end() || it->second.empty())
        return {};
    std::string out = ", races: map[string][]any{";
    bool first = true;
    for (const auto& [field, values] : it->second) {
        out += (first ? "" : ", ") + goQuote(field) + ": {";
        first = false;
        for (std::size_t i = 0; i < values.size(); ++i)
            out += (i ? ", " : "") + values[i];
        out += "}";
    }
    return out + "}";
}

} // namespace

std::string testGo(const Scenario& scenario, const SimulationResult& r, const RaceSkips& skips, const RaceSets& races,
                   GoExport* out)
{
    CodeWriter w;
    w.line("// Code generated by ctxscope export-go from the scenario " + goQuote(scenario.name) + ".");
    w.line();
    w.line("package main");
    w.line();
    w.open("import (");
    for (const char* imp : {"\"context\"", "\"fmt\"", "\"strconv\"", "\"strings\"", "\"testing\"",
                            "\"testing/synctest\"", "\"time\""})
        w.line(imp);
    w.close(")");
    w.line();
    w.line("// What ctxscope's simulator computed. Times are nanoseconds of the scenario's virtual time");
    w.line("// (-1: never; a deadline is nil when Deadline() reports none). races lists, per fact that");
    w.line("// Go leaves to a race (which of two things due at one instant runs first), the other values");
    w.line("// Go may produce: any of them passes. skip names facts not compared at all.");
    w.open("var wantContexts = []wantContext{");
    std::map<std::string, std::set<std::string>> contextSkips = skips.contexts;
    for (auto& [id, fields] : contextSkips)
        if (fields.count("created"))
            fields.insert("name"); // a WithDeadline's name holds the time left when it was made
    // A context made in some outcomes only (or at another time): its name is not compared either.
    for (const auto& [id, fields] : races.contexts)
        if (fields.count("created"))
            contextSkips[id].insert("name");
    const GoNames names(scenario, r);
    const NamePlan plan = planNames(names, r);
    if (out && plan.notCompared > 0) {
        out->namesNotCompared = static_cast<int>(plan.notCompared);
        out->notes.push_back(std::to_string(plan.notCompared) +
                             " context names are not compared: fmt.Sprint of a deep context costs Go O(depth), and "
                             "the test stops comparing names once printing them would copy 256 MiB");
    }
    for (CtxIndex k = 0; k < r.contexts.size(); ++k) {
        const ContextInfo& c = r.contexts[k];
        // A deadline is embedded only when Deadline() reports one: -1ns is a deadline too.
        std::string e = "{id: " + goQuote(c.id) + ", created: " + ns(c.createdAt);
        if (c.createdAt != kNever && c.hasDeadline())
            e += ", deadline: int64(" + std::to_string(c.deadline) + ")";
        e += ", done: " + ns(c.doneAt);
        if (c.err != Err::None) {
            e += ", err: " + goQuote(errString(c.err));
            e += ", cause: " + goQuote(c.cause < r.strings.size() ? r.strings[c.cause] : std::string(errString(c.err)));
            e += ", reason: " + goQuote(reasonName(c.reason));
        }
        // fmt.Sprint(ctx) when it was made (R18, R34, R40, R44): whole, or only this context's
        // part of it, or not at all (see NameCheck).
        if (c.createdAt != kNever) {
            switch (plan.checks[k]) {
            case NameCheck::Whole: e += ", name: " + goQuote(names.name(k, c.createdAt)); break;
            case NameCheck::Part: e += ", name: " + goQuote(names.part(k, c.createdAt)) + ", part: true"; break;
            case NameCheck::None: e += ", deep: true"; break;
            }
        }
        w.line(e + skipField(contextSkips, c.id) + racesField(races.contexts, c.id) + "},");
    }
    w.close();
    w.line();
    w.open("var wantTasks = []wantTask{");
    for (const TaskInfo& t : r.tasks) {
        std::string result;
        switch (t.state) {
        case TaskResultKind::NotStarted: result = "not started"; break;
        case TaskResultKind::Running:
        case TaskResultKind::Blocked: result = "not ended"; break;
        case TaskResultKind::Ended: result = t.result; break;
        }
        w.line("{id: " + goQuote(t.id) + ", started: " + ns(t.startedAt) + ", ended: " + ns(t.endedAt) +
               ", result: " + goQuote(result) + skipField(skips.tasks, t.id) + racesField(races.tasks, t.id) + "},");
    }
    w.close();
    w.line();
    w.open("var wantAfterFuncs = []wantAfterFunc{");
    for (const AfterFuncInfo& a : r.afterFuncs) {
        std::string e = "{id: " + goQuote(a.id) + ", started: " + ns(a.startedAt);
        if (a.stopped)
            e += std::string(", stopped: ") + (*a.stopped ? "true" : "false");
        w.line(e + skipField(skips.afterFuncs, a.id) + racesField(races.afterFuncs, a.id) + "},");
    }
    w.close();
    w.line();
    w.open("var wantLookups = []wantLookup{");
    std::map<std::string, int> nth;
    for (const Lookup& l : r.lookups) {
        const std::string task = l.task < r.tasks.size() ? r.tasks[l.task].id : std::string();
        const int n = nth[task]++;
        std::string e = "{task: " + goQuote(task) + ", key: " + goQuote(l.key);
        if (l.found)
            e += ", value: " + scalarExpr(l.value);
        if (skips.lookups.count({task, n}))
            e += ", skip: \"key value\"";
        if (auto it = races.lookups.find({task, n}); it != races.lookups.end()) {
            e += ", races: map[string][]any{\"value\": {";
            for (std::size_t i = 0; i < it->second.size(); ++i)
                e += (i ? ", " : "") + it->second[i];
            e += "}}";
        }
        w.line(e + "},");
    }
    w.close();
    w.line();
    std::string text = w.take();
    // gofmt writes an empty composite literal on one line.
    for (std::size_t pos = 0; (pos = text.find("{\n}\n", pos)) != std::string::npos;)
        text.replace(pos, 4, "{}\n");
    return text + harnessSource();
}

} // namespace ctxscope::gox
