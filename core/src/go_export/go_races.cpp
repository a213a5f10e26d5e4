// The race sets the exported test compares against (spec/trace.md "Go program": a fact that Go
// leaves to a race is compared against the set of its possible values). They come from
// exploreRaces (races.h): each listed fact's values other than the simulator's own, as the Go
// literals the test's comparison sees.
#include "go_export_internal.h"
#include "go_writer.h"

#include "ctxscope/engine/races.h"

#include <algorithm>

namespace ctxscope::gox {

namespace {

// The orders explored for an export: at most kExportMaxOrders, and at most kExportWork in all
// counted as orders x (events + contexts + tasks) of the base run (2e6: about a second).
// Every shipped scenario needs a handful; one that needs more falls back to the 1ns probes
// (go_race_probe.cpp) as well, with a note.
constexpr std::size_t kExportMaxOrders = 2000;
constexpr std::size_t kExportWork = 2'000'000;

std::string timeLiteral(const FactValue& v) // created, done, started, ended: -1 is "never"
{
    return "int64(" + (v.type == FactValue::Type::Integer ? v.text : std::string("-1")) + ")";
}

std::string nilOr(const FactValue& v, const std::string& literal)
{
    return v.type == FactValue::Type::Null ? std::string("nil") : literal;
}

// The Go literal of a value of report field `field` of a subject of `kind`, as the test has
// it, or "" when the test does not compare that field.
std::string literal(const std::string& kind, const std::string& field, const FactValue& v)
{
    if (kind == "contexts") {
        if (field == "created_ns" || field == "done_ns")
            return timeLiteral(v);
        if (field == "deadline_ns")
            return nilOr(v, "int64(" + v.text + ")");
        if (field == "err" || field == "cause")
            return nilOr(v, goQuote(v.text));
        if (field == "reason")
            return goQuote(v.type == FactValue::Type::Null ? std::string() : v.text);
        return {};
    }
    if (kind == "tasks") {
        if (field == "started_ns" || field == "ended_ns")
            return timeLiteral(v);
        if (field == "result") {
            if (v.type == FactValue::Type::Null)
                return goQuote("not started");
            return goQuote(v.text == "running" || v.text == "blocked" ? std::string("not ended") : v.text);
        }
        return {};
    }
    if (kind == "after_funcs") {
        if (field == "started_ns")
            return timeLiteral(v);
        if (field == "stopped")
            return nilOr(v, v.text);
        return {};
    }
    if (kind == "lookups" && field == "value") {
        Scalar s;
        switch (v.type) {
        case FactValue::Type::Null: return "nil";
        case FactValue::Type::Bool: s.type = Scalar::Type::Bool; break;
        case FactValue::Type::Integer:
        case FactValue::Type::Number: s.type = Scalar::Type::Number; break;
        case FactValue::Type::String: s.type = Scalar::Type::String; break;
        }
        s.text = v.text;
        return scalarExpr(s);
    }
    return {};
}

const char* testField(const std::string& kind, const std::string& field)
{
    static const std::map<std::string, const char*> names = {
        {"created_ns", "created"}, {"deadline_ns", "deadline"}, {"done_ns", "done"}, {"err", "err"},
        {"cause", "cause"},        {"reason", "reason"},        {"started_ns", "started"},
        {"ended_ns", "ended"},     {"result", "result"},        {"stopped", "stopped"},
        {"value", "value"}};
    (void)kind;
    auto it = names.find(field);
    return it == names.end() ? nullptr : it->second;
}

} // namespace

int RaceSets::count() const
{
    int n = static_cast<int>(lookups.size());
    for (const auto* m : {&contexts, &tasks, &afterFuncs})
        for (const auto& [id, fields] : *m)
            n += static_cast<int>(fields.size());
    return n;
}

RaceSets raceSets(const Scenario& scenario, const SimulationResult& base, std::vector<std::string>* notes)
{
    RaceSets out;
    RaceOptions options;
    options.seed = base.seed;
    if (base.stopped == StopReason::Horizon)
        options.until = base.endTime; // the run may have been cut by an --until override
    const std::size_t runSize = base.events.size() + base.contexts.size() + base.tasks.size() + 1;
    options.maxOrders = std::max<std::size_t>(1, std::min(kExportMaxOrders, kExportWork / runSize));
    const RaceExploration ex = exploreRaces(scenario, options);
    out.complete = ex.complete;
    out.latestEnd = base.endTime;
    for (const RaceOutcome& o : ex.outcomes)
        if (o.result.stopped == StopReason::Idle)
            out.latestEnd = std::max(out.latestEnd, o.result.endTime);
    if (!ex.complete && notes)
        notes->push_back("the exploration of same-instant races is incomplete (" + ex.incomplete +
                         "): facts the 1ns probes find uncertain are not compared");
    for (const RaceFact& f : ex.facts) {
        const std::size_t first = f.fact.find('.'), last = f.fact.rfind('.');
        if (first == std::string::npos || last == first)
            continue; // end_ns, stopped: the test does not compare them
        const std::string kind = f.fact.substr(0, first);
        const std::string id = f.fact.substr(first + 1, last - first - 1);
        const std::string field = f.fact.substr(last + 1);
        const char* name = testField(kind, field);
        if (!name)
            continue;
        const std::string own = literal(kind, field, f.values.front());
        std::vector<std::string> alts;
        for (std::size_t i = 1; i < f.values.size(); ++i) {
            const std::string lit = literal(kind, field, f.values[i]);
            if (!lit.empty() && lit != own && std::find(alts.begin(), alts.end(), lit) == alts.end())
                alts.push_back(lit);
        }
        if (alts.empty())
            continue;
        if (kind == "contexts")
            out.contexts[id][name] = alts;
        else if (kind == "tasks")
            out.tasks[id][name] = alts;
        else if (kind == "after_funcs")
            out.afterFuncs[id][name] = alts;
        else if (kind == "lookups") {
            const std::size_t i = std::stoul(id);
            if (i >= base.lookups.size())
                continue;
            const Lookup& l = base.lookups[i];
            const std::string task = l.task < base.tasks.size() ? base.tasks[l.task].id : std::string();
            int n = 0;
            for (std::size_t k = 0; k < i; ++k)
                if (base.lookups[k].task == l.task)
                    ++n;
            out.lookups[{task, n}] = alts;
        }
    }
    return out;
}

} // namespace ctxscope::gox
