// exploreRaces: the outcomes of the orders Go leaves open (races.h). A stateless search over
// schedules: each run replays a prefix of choices and records what it met (schedule.h); races
// found in the run (dependent units of one phase that the run ordered one way) add the other
// order to the choice point where it could have been taken; the deepest untried alternative
// is run next. Memory is one frame per choice point of the current path.
#include "ctxscope/engine/races.h"

#include "ctxscope/engine/schedule.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <map>
#include <string_view>
#include <tuple>
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

// rowEqual: whether row i has the same facts in two runs, from the raw fields (no strings made):
// most rows of most outcomes do, and only the others are turned into facts.
bool rowEqual(std::size_t table, const SimulationResult& a, const SimulationResult& b, std::size_t i)
{
    const auto sameStr = [&](StrId x, StrId y) {
        const bool hx = x < a.strings.size(), hy = y < b.strings.size();
        return hx == hy && (!hx || a.strings[x] == b.strings[y]);
    };
    switch (table) {
    case 0: {
        const ContextInfo &x = a.contexts[i], &y = b.contexts[i];
        return x.parent == y.parent && x.createdAt == y.createdAt && x.hasDeadline() == y.hasDeadline() &&
               (!x.hasDeadline() || x.deadline == y.deadline) && x.doneAt == y.doneAt && x.err == y.err &&
               sameStr(x.cause, y.cause) && x.reason == y.reason && x.source == y.source;
    }
    case 1: {
        const TaskInfo &x = a.tasks[i], &y = b.tasks[i];
        return x.context == y.context && x.startedAt == y.startedAt && x.endedAt == y.endedAt && x.result == y.result;
    }
    default: {
        const AfterFuncInfo &x = a.afterFuncs[i], &y = b.afterFuncs[i];
        return x.context == y.context && x.registeredAt == y.registeredAt && x.startedAt == y.startedAt &&
               x.stopped == y.stopped;
    }
    }
}

// FactCollector compares each outcome with the documented one as it is found, keeping only the
// facts that differ, so the search never needs more than two runs in memory: O(size of a run)
// per outcome in time, O(differences) in space. A fact differs between outcomes exactly when
// some outcome has it other than the documented order has.
class FactCollector {
public:
    void add(std::size_t outcome, const SimulationResult& r, const SimulationResult& doc)
    {
        m_tails.push_back(tailFacts(r));
        if (outcome == 0)
            return;
        for (std::size_t t = 0; t < std::size(kTables); ++t) {
            const std::size_t rows = std::min(kTables[t].rows(doc), kTables[t].rows(r));
            for (std::size_t i = 0; i < rows; ++i) {
                if (rowEqual(t, doc, r, i))
                    continue;
                kTables[t].row(doc, i, m_docRow);
                kTables[t].row(r, i, m_row);
                for (std::size_t f = 0; f < m_row.size(); ++f)
                    if (!(m_row[f].second == m_docRow[f].second))
                        m_diffs.push_back({t, i, f, outcome, std::move(m_row[f].second)});
            }
        }
    }

    // The facts in the report's order: table by table, row by row, field by field, then the
    // lookups and the run's end by path (an outcome may make a lookup another does not).
    std::vector<RaceFact> finish(const std::vector<RaceOutcome>& outcomes, const SimulationResult& doc)
    {
        std::vector<RaceFact> facts;
        const std::size_t n = outcomes.size();
        if (n < 2)
            return facts;
        std::stable_sort(m_diffs.begin(), m_diffs.end(), [](const Diff& x, const Diff& y) {
            return std::tie(x.table, x.row, x.field) < std::tie(y.table, y.row, y.field);
        });
        std::vector<const FactValue*> values(n);
        for (std::size_t d = 0; d < m_diffs.size();) {
            const Diff& first = m_diffs[d];
            kTables[first.table].row(doc, first.row, m_docRow);
            const FactValue& documented = m_docRow[first.field].second;
            std::fill(values.begin(), values.end(), &documented);
            std::size_t e = d;
            for (; e < m_diffs.size() && m_diffs[e].table == first.table && m_diffs[e].row == first.row &&
                   m_diffs[e].field == first.field;
                 ++e)
                values[m_diffs[e].outcome] = &m_diffs[e].value;
            addFact(facts,
                    std::string(kTables[first.table].name) + "." + kTables[first.table].id(doc, first.row) + "." +
                        m_docRow[first.field].first,
                    outcomes, values);
            d = e;
        }
        std::vector<std::string> order;
        std::unordered_map<std::string, std::vector<FactValue>> byPath;
        for (std::size_t k = 0; k < n && k < m_tails.size(); ++k)
            for (auto& [path, v] : m_tails[k]) {
                auto [it, fresh] = byPath.try_emplace(path, std::vector<FactValue>(n));
                if (fresh)
                    order.push_back(path);
                it->second[k] = std::move(v); // absent in an outcome: null, as the report has no such entry
            }
        std::map<std::string, std::size_t> extra;
        for (const std::string& path : order) {
            const std::vector<FactValue>& vals = byPath[path];
            for (std::size_t k = 0; k < n; ++k)
                values[k] = &vals[k];
            addFact(facts, reportPath(path, doc, extra), outcomes, values);
        }
        return facts;
    }

private:
    struct Diff {
        std::size_t table, row, field, outcome;
        FactValue value;
    };
    std::vector<Diff> m_diffs;
    std::vector<std::vector<std::pair<std::string, FactValue>>> m_tails; // per outcome
    Fields m_docRow, m_row;
};

// A run's facts as 128 bits: outcomes are told apart by digest, so the search keeps no copy of
// any run's facts. (Two independent 64-bit hashes of the fingerprint; for runs of one scenario a
// collision, which would merge two outcomes, has odds of about 2^-128 per pair.)
struct Digest {
    std::uint64_t a = 0, b = 0;
    bool operator==(const Digest&) const = default;
};
struct DigestHash {
    std::size_t operator()(const Digest& d) const { return static_cast<std::size_t>(d.a); }
};

Digest digest(std::string_view bytes)
{
    const auto mix = [](std::uint64_t x) {
        x ^= x >> 32;
        x *= 0xd6e8feb86659fd93ull;
        x ^= x >> 32;
        x *= 0xd6e8feb86659fd93ull;
        return x ^ (x >> 32);
    };
    Digest d{0x243f6a8885a308d3ull ^ bytes.size(), 0x13198a2e03707344ull + bytes.size()};
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, bytes.data() + i, 8);
        d.a = mix(d.a ^ w) + 0x9e3779b97f4a7c15ull;
        d.b = (d.b ^ mix(w + 0xa0761d6478bd642full)) * 0xe7037ed1a0b428dbull + 1;
    }
    std::uint64_t w = 0;
    if (i < bytes.size())
        std::memcpy(&w, bytes.data() + i, bytes.size() - i);
    d.a = mix(d.a ^ w ^ 0xff51afd7ed558ccdull);
    d.b = mix(d.b ^ mix(w + 0xc4ceb9fe1a85ec53ull));
    return d;
}

} // namespace

RaceExploration exploreRaces(const Scenario& scenario, const RaceOptions& options)
{
    RaceExploration out;
    std::vector<Frame> frames;
    std::vector<UnitId> prefix;
    std::unordered_map<Digest, std::size_t, DigestHash> known; // a run's facts -> outcome
    FactCollector facts;
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

        const Digest key = digest(fingerprint(r));
        if (!known.count(key)) {
            const std::size_t k = out.outcomes.size();
            RaceOutcome o;
            o.order = order;
            for (const ChoicePoint& p : s.points)
                if (!(p.chosen == p.documented))
                    o.choices.push_back({p.t, describe(r, p.documented, p.what), describe(r, p.chosen, p.what)});
            facts.add(k, r, k == 0 ? r : out.outcomes.front().result);
            // The documented order's run is always kept: the facts are named from it.
            o.resultKept = k == 0 || !options.keepResult || options.keepResult(k);
            if (o.resultKept)
                o.result = std::move(r);
            known.emplace(key, k);
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
    if (!out.outcomes.empty())
        out.facts = facts.finish(out.outcomes, out.outcomes.front().result);
    return out;
}

} // namespace ctxscope
