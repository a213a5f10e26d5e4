// exploreRaces: the outcomes of the orders Go leaves open (races.h). A stateless search over
// schedules: each run replays a prefix of choices and records what it met (schedule.h); races
// found in the run (dependent units of one phase that the run ordered one way) add the other
// order to the choice point where it could have been taken; the deepest untried alternative
// is run next. Memory is one frame per choice point of the current path.
#include "ctxscope/engine/races.h"

#include "ctxscope/engine/schedule.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace ctxscope {

namespace {

FactValue integer(Nanos n) { return {FactValue::Type::Integer, std::to_string(n)}; }
FactValue text(std::string s) { return {FactValue::Type::String, std::move(s)}; }
FactValue null() { return {}; }
FactValue timeOrNull(Nanos t) { return t == kNever ? null() : integer(t); }

FactValue contextOrNull(const SimulationResult& r, CtxIndex i)
{
    return i < r.contexts.size() ? text(r.contexts[i].id) : null();
}

FactValue scalar(const Scalar& s)
{
    switch (s.type) {
    case Scalar::Type::Null: return null();
    case Scalar::Type::Bool: return {FactValue::Type::Bool, s.text == "true" ? "true" : "false"};
    case Scalar::Type::Number: return {FactValue::Type::Number, s.text};
    case Scalar::Type::String: return text(s.text);
    }
    return null();
}

std::string describe(const SimulationResult& r, const UnitId& u, const std::string& what)
{
    switch (u.kind) {
    case UnitId::Timer:
        if (u.deadline)
            return "deadline of " + (u.target < r.contexts.size() ? r.contexts[u.target].id : std::string("?"));
        return "work timer of " + (u.target < r.tasks.size() ? r.tasks[u.target].id : std::string("?"));
    case UnitId::Task:
        return "goroutine " + (u.target < r.tasks.size() ? r.tasks[u.target].id : std::string("?"));
    case UnitId::Binary: { // what: "if true|if false" (schedule.h)
        const std::size_t bar = what.find('|');
        if (bar == std::string::npos)
            return what;
        return u.target == 1 ? what.substr(0, bar) : what.substr(bar + 1);
    }
    }
    return "?";
}

// One choice point of the current path, with the alternatives still to try there.
struct Frame {
    ChoicePoint point;
    std::vector<UnitId> backtrack; // alternatives the analysis asked for
    std::vector<UnitId> tried;     // taken already (the one of the current path included)
};

bool contains(const std::vector<UnitId>& v, const UnitId& u) { return std::find(v.begin(), v.end(), u) != v.end(); }

// addRaces finds, in one run, the pairs of dependent units of one phase and asks the choice
// point of the earlier one to also try the later one (or what made it runnable) first.
// Per object only the last write and the reads since are compared, as in DPOR: earlier
// accesses are ordered with the later ones through that write.
void addRaces(const Schedule& s, std::vector<Frame>& frames)
{
    struct Seen {
        std::uint32_t phase = 0;
        std::uint32_t lastWrite = kNone;
        std::vector<std::uint32_t> reads;
    };
    std::unordered_map<std::uint64_t, Seen> seen;
    auto race = [&](std::uint32_t a, std::uint32_t b) {
        if (a == b || a == kNone)
            return;
        const RunUnit& ua = s.units[a];
        if (ua.point == kNone || ua.point >= frames.size())
            return; // nothing else was runnable when a ran
        // Walk b back to what was already runnable when a ran; if that chain goes through a,
        // b only exists because of a: no race.
        std::uint32_t u = b;
        for (int guard = 0; guard < 100000; ++guard) {
            const std::uint32_t p = s.units[u].parent;
            if (p == kNone || p < a)
                break;
            if (p == a)
                return;
            u = p;
        }
        Frame& f = frames[ua.point];
        const UnitId& alt = s.units[u].id;
        if (!contains(f.tried, alt) && !contains(f.backtrack, alt))
            f.backtrack.push_back(alt);
    };
    for (const auto& [a, timer] : s.disabled) {
        const RunUnit& ua = s.units[a];
        if (ua.point == kNone || ua.point >= frames.size() || ua.id == timer)
            continue;
        Frame& f = frames[ua.point];
        if (!contains(f.tried, timer) && !contains(f.backtrack, timer))
            f.backtrack.push_back(timer);
    }
    for (std::uint32_t b = 0; b < s.units.size(); ++b) {
        const RunUnit& ub = s.units[b];
        for (std::uint32_t k = ub.accessBegin; k < ub.accessEnd; ++k) {
            const Access& acc = s.accesses[k];
            Seen& o = seen[acc.object];
            if (o.phase != ub.phase) {
                o = Seen{};
                o.phase = ub.phase;
            }
            if (acc.write) {
                race(o.lastWrite, b);
                for (std::uint32_t r : o.reads)
                    race(r, b);
                o.lastWrite = b;
                o.reads.clear();
            } else {
                race(o.lastWrite, b);
                if (o.reads.empty() || o.reads.back() != b)
                    o.reads.push_back(b);
            }
        }
    }
}

template <typename T>
void put(std::string& out, const T& v)
{
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

void put(std::string& out, const std::string& v)
{
    put(out, v.size());
    out += v;
}

// The lookups of a run in a canonical order: by task, then in the order the task made them
// (interleaving goroutines make the same lookups in another global order).
std::vector<const Lookup*> lookupsByTask(const SimulationResult& r)
{
    std::vector<const Lookup*> out;
    out.reserve(r.lookups.size());
    for (const Lookup& l : r.lookups)
        out.push_back(&l);
    std::stable_sort(out.begin(), out.end(), [](const Lookup* a, const Lookup* b) { return a->task < b->task; });
    return out;
}

// fingerprint: the report's facts of a run (outcomeFacts) as compact bytes, to tell outcomes
// apart in O(size of the run) with no per-fact strings. Rows are positional: every run of one
// scenario declares the same contexts, tasks and after-funcs in the same order.
std::string fingerprint(const SimulationResult& r)
{
    std::string out;
    out.reserve(r.contexts.size() * 40 + r.tasks.size() * 32 + r.lookups.size() * 32 + 16);
    auto str = [&](StrId id) { put(out, id < r.strings.size() ? r.strings[id] : std::string()); };
    for (const ContextInfo& c : r.contexts) {
        put(out, c.parent);
        put(out, c.createdAt);
        put(out, c.hasDeadline() ? c.deadline : 0);
        put(out, c.hasDeadline());
        put(out, c.doneAt);
        put(out, c.err);
        str(c.cause);
        put(out, c.reason);
        put(out, c.source);
    }
    for (const TaskInfo& t : r.tasks) {
        put(out, t.context);
        put(out, t.startedAt);
        put(out, t.endedAt);
        put(out, t.result);
    }
    for (const AfterFuncInfo& a : r.afterFuncs) {
        put(out, a.context);
        put(out, a.registeredAt);
        put(out, a.startedAt);
        put(out, static_cast<int>(a.stopped ? (*a.stopped ? 1 : 0) : 2));
    }
    for (const Lookup* l : lookupsByTask(r)) {
        put(out, l->task);
        put(out, l->t);
        put(out, l->context);
        put(out, l->key);
        put(out, l->found);
        put(out, l->value.type);
        put(out, l->value.text);
    }
    put(out, r.endTime);
    put(out, r.stopped);
    return out;
}

} // namespace

namespace {

using Fields = std::vector<std::pair<const char*, FactValue>>;

// One row's facts, in the report's field order.
void contextRow(const SimulationResult& r, std::size_t i, Fields& out)
{
    const ContextInfo& c = r.contexts[i];
    out.clear();
    out.emplace_back("parent", contextOrNull(r, c.parent));
    out.emplace_back("created_ns", timeOrNull(c.createdAt));
    out.emplace_back("deadline_ns", c.hasDeadline() ? integer(c.deadline) : null());
    out.emplace_back("done_ns", timeOrNull(c.doneAt));
    out.emplace_back("err", c.err != Err::None ? text(errString(c.err)) : null());
    out.emplace_back("cause", c.cause < r.strings.size() ? text(r.strings[c.cause]) : null());
    out.emplace_back("reason", c.reason != Reason::None ? text(reasonName(c.reason)) : null());
    out.emplace_back("source", contextOrNull(r, c.source));
}

void taskRow(const SimulationResult& r, std::size_t i, Fields& out)
{
    const TaskInfo& t = r.tasks[i];
    out.clear();
    out.emplace_back("context", contextOrNull(r, t.context));
    out.emplace_back("started_ns", timeOrNull(t.startedAt));
    out.emplace_back("ended_ns", timeOrNull(t.endedAt));
    out.emplace_back("result", t.result.empty() ? null() : text(t.result));
}

void afterFuncRow(const SimulationResult& r, std::size_t i, Fields& out)
{
    const AfterFuncInfo& a = r.afterFuncs[i];
    out.clear();
    out.emplace_back("context", contextOrNull(r, a.context));
    out.emplace_back("registered_ns", timeOrNull(a.registeredAt));
    out.emplace_back("started_ns", timeOrNull(a.startedAt));
    out.emplace_back("stopped", a.stopped ? FactValue{FactValue::Type::Bool, *a.stopped ? "true" : "false"} : null());
}

// The facts after the rows: lookups (paired per task: lookups.TASK#N.FIELD), end_ns, stopped.
std::vector<std::pair<std::string, FactValue>> tailFacts(const SimulationResult& r)
{
    std::vector<std::pair<std::string, FactValue>> out;
    std::vector<std::size_t> nth(r.tasks.size() + 1, 0);
    for (const Lookup* l : lookupsByTask(r)) {
        const std::size_t ti = l->task < r.tasks.size() ? l->task : r.tasks.size();
        const std::string task = ti < r.tasks.size() ? r.tasks[ti].id : std::string();
        const std::string p = "lookups." + task + "#" + std::to_string(nth[ti]++) + ".";
        out.emplace_back(p + "t_ns", integer(l->t));
        out.emplace_back(p + "context", contextOrNull(r, l->context));
        out.emplace_back(p + "key", text(l->key));
        out.emplace_back(p + "found", FactValue{FactValue::Type::Bool, l->found ? "true" : "false"});
        out.emplace_back(p + "value", l->found ? scalar(l->value) : null());
    }
    out.emplace_back("end_ns", integer(r.endTime));
    out.emplace_back("stopped", text(r.stopped == StopReason::Horizon ? "horizon" : "idle"));
    return out;
}

struct Table {
    const char* name;
    std::size_t (*rows)(const SimulationResult&);
    const std::string& (*id)(const SimulationResult&, std::size_t);
    void (*row)(const SimulationResult&, std::size_t, Fields&);
};

const Table kTables[] = {
    {"contexts", [](const SimulationResult& r) { return r.contexts.size(); },
     [](const SimulationResult& r, std::size_t i) -> const std::string& { return r.contexts[i].id; }, contextRow},
    {"tasks", [](const SimulationResult& r) { return r.tasks.size(); },
     [](const SimulationResult& r, std::size_t i) -> const std::string& { return r.tasks[i].id; }, taskRow},
    {"after_funcs", [](const SimulationResult& r) { return r.afterFuncs.size(); },
     [](const SimulationResult& r, std::size_t i) -> const std::string& { return r.afterFuncs[i].id; }, afterFuncRow},
};

} // namespace

std::vector<std::pair<std::string, FactValue>> outcomeFacts(const SimulationResult& r)
{
    std::vector<std::pair<std::string, FactValue>> out;
    Fields fields;
    for (const Table& t : kTables)
        for (std::size_t i = 0; i < t.rows(r); ++i) {
            t.row(r, i, fields);
            const std::string prefix = std::string(t.name) + "." + t.id(r, i) + ".";
            for (auto& [name, v] : fields)
                out.emplace_back(prefix + name, std::move(v));
        }
    for (auto& f : tailFacts(r))
        out.push_back(std::move(f));
    return out;
}

namespace {

// The report path of a fact: lookups.TASK#N becomes lookups.I, I its index in the documented
// order (the spec's "I-th lookup of the documented order"); one the documented order never made
// gets an index after the last.
std::string reportPath(const std::string& path, const SimulationResult& documented,
                       std::map<std::string, std::size_t>& extra)
{
    if (path.rfind("lookups.", 0) != 0)
        return path;
    const std::size_t hash = path.rfind('#');
    const std::size_t dot = path.find('.', hash);
    const std::string task = path.substr(8, hash - 8);
    const std::size_t n = std::stoul(path.substr(hash + 1, dot - hash - 1));
    std::size_t seen = 0;
    for (std::size_t i = 0; i < documented.lookups.size(); ++i) {
        const Lookup& l = documented.lookups[i];
        if ((l.task < documented.tasks.size() ? documented.tasks[l.task].id : std::string()) == task && seen++ == n)
            return "lookups." + std::to_string(i) + path.substr(dot);
    }
    const std::string key = path.substr(0, dot);
    auto [it, fresh] = extra.try_emplace(key, documented.lookups.size() + extra.size());
    return "lookups." + std::to_string(it->second) + path.substr(dot);
}

// A fact's distinct values over the outcomes, the documented one first; kept if there are two.
void addFact(std::vector<RaceFact>& facts, std::string path, const std::vector<RaceOutcome>& outcomes,
             const std::vector<const FactValue*>& perOutcome)
{
    RaceFact f;
    for (std::size_t k = 0; k < perOutcome.size(); ++k)
        if (std::find(f.values.begin(), f.values.end(), *perOutcome[k]) == f.values.end()) {
            f.values.push_back(*perOutcome[k]);
            f.outcomeOf.push_back(k);
        }
    if (f.values.size() < 2)
        return;
    f.fact = std::move(path);
    const RaceOutcome& first = outcomes[f.outcomeOf[1]];
    if (!first.choices.empty()) {
        f.at = first.choices.front().t;
        f.between = {first.choices.front().documented, first.choices.front().chosen};
    }
    facts.push_back(std::move(f));
}

// factsOf compares the outcomes row by row (their tables line up), building a path only for a
// fact that differs: O(outcomes x size of a run).
std::vector<RaceFact> factsOf(const std::vector<RaceOutcome>& outcomes)
{
    std::vector<RaceFact> facts;
    if (outcomes.size() < 2)
        return facts;
    const SimulationResult& doc = outcomes[0].result;
    std::vector<Fields> rows(outcomes.size());
    std::vector<const FactValue*> values(outcomes.size());
    for (const Table& t : kTables)
        for (std::size_t i = 0; i < t.rows(doc); ++i) {
            for (std::size_t k = 0; k < outcomes.size(); ++k)
                t.row(outcomes[k].result, i, rows[k]);
            for (std::size_t f = 0; f < rows[0].size(); ++f) {
                bool differs = false;
                for (std::size_t k = 0; k < outcomes.size(); ++k) {
                    values[k] = &rows[k][f].second;
                    differs = differs || !(*values[k] == *values[0]);
                }
                if (differs)
                    addFact(facts, std::string(t.name) + "." + t.id(doc, i) + "." + rows[0][f].first, outcomes, values);
            }
        }
    // Lookups and the run's end: by path (an outcome may make a lookup another does not).
    std::vector<std::string> order;
    std::unordered_map<std::string, std::vector<FactValue>> byPath;
    for (std::size_t k = 0; k < outcomes.size(); ++k)
        for (auto& [path, v] : tailFacts(outcomes[k].result)) {
            auto [it, fresh] = byPath.try_emplace(path, std::vector<FactValue>(outcomes.size()));
            if (fresh)
                order.push_back(path);
            it->second[k] = std::move(v); // absent in an outcome: null, as the report has no such entry
        }
    std::map<std::string, std::size_t> extra;
    for (const std::string& path : order) {
        const std::vector<FactValue>& vals = byPath[path];
        for (std::size_t k = 0; k < outcomes.size(); ++k)
            values[k] = &vals[k];
        addFact(facts, reportPath(path, doc, extra), outcomes, values);
    }
    return facts;
}

} // namespace

RaceExploration exploreRaces(const Scenario& scenario, const RaceOptions& options)
{
    RaceExploration out;
    std::vector<Frame> frames;
    std::vector<UnitId> prefix;
    std::unordered_map<std::string, std::size_t> known; // fingerprint -> outcome
    bool approximate = false, truncated = false;
    for (;;) {
        Schedule s;
        s.prefix = prefix;
        SimulationOptions so;
        so.seed = options.seed;
        so.until = options.until;
        so.schedule = &s;
        SimulationResult r = simulate(scenario, so);
        const std::size_t order = out.ordersExplored++;
        approximate = approximate || s.approximate;
        truncated = truncated || s.truncated;
        if (order == 0)
            out.choicePoints = s.points.size();

        // The frames of this path: the replayed ones stay, the new ones start with their choice.
        frames.resize(std::min(frames.size(), s.points.size()));
        for (std::size_t i = frames.size(); i < s.points.size(); ++i) {
            Frame f;
            f.point = s.points[i];
            f.tried.push_back(f.point.chosen);
            if (f.point.binary) { // both cases of a select: always worth running
                UnitId other = f.point.chosen;
                other.target ^= 1u;
                f.backtrack.push_back(other);
            }
            frames.push_back(std::move(f));
        }
        for (std::size_t i = 0; i < frames.size(); ++i)
            frames[i].point = s.points[i];
        addRaces(s, frames);

        const std::string key = fingerprint(r);
        if (!known.count(key)) {
            RaceOutcome o;
            o.order = order;
            for (const ChoicePoint& p : s.points)
                if (!(p.chosen == p.documented))
                    o.choices.push_back({p.t, describe(r, p.documented, p.what), describe(r, p.chosen, p.what)});
            o.result = std::move(r);
            known.emplace(key, out.outcomes.size());
            out.outcomes.push_back(std::move(o));
        }

        // Next: the deepest choice point with an alternative not tried yet.
        std::size_t depth = frames.size();
        UnitId next;
        while (depth > 0) {
            Frame& f = frames[depth - 1];
            auto it = std::find_if(f.backtrack.begin(), f.backtrack.end(),
                                   [&](const UnitId& u) { return !contains(f.tried, u); });
            if (it != f.backtrack.end()) {
                next = *it;
                f.tried.push_back(next);
                break;
            }
            --depth;
        }
        if (depth == 0)
            break; // every alternative tried: complete
        if (out.ordersExplored >= options.maxOrders || (options.keepGoing && !options.keepGoing(out.ordersExplored))) {
            out.complete = false;
            out.incomplete = out.ordersExplored >= options.maxOrders
                                 ? "stopped after " + std::to_string(out.ordersExplored) + " orders (the bound)"
                                 : "stopped by the time budget after " + std::to_string(out.ordersExplored) + " orders";
            break;
        }
        frames.resize(depth);
        prefix.clear();
        for (std::size_t i = 0; i + 1 < depth; ++i)
            prefix.push_back(frames[i].point.chosen);
        prefix.push_back(next);
    }
    if (out.complete && (approximate || truncated)) {
        out.complete = false;
        out.incomplete = truncated ? "a run was too large to record every step"
                                   : "a context deeper than " + std::to_string(Schedule::kMaxAncestors) +
                                         " levels was canceled: dependencies through its ancestors were cut short";
    }
    out.facts = factsOf(out.outcomes);
    return out;
}

} // namespace ctxscope
