// Which facts real Go leaves to a race. Two timers due at the same instant (a work step's
// time.After and a context deadline, two deadlines, two goroutines' sleeps) fire in an order Go
// does not define, while the simulator fires them in arming order. To find the facts that hang
// on such a tie, re-simulate with each timer 1ns earlier: that flips every tie it is part of
// (the earlier one now fires first) and moves everything else by at most a few nanoseconds. A
// fact that changes by more is left to the race.
//
// Only "earlier" is tried: the scenario's own creations and actions come after the timers due
// at their instant both in the simulator and in the exported test (which waits for Go's timers
// with synctest.Wait first), so those ties are decided the same way on both sides and stay
// compared. Goroutines woken by the same event also run in an undefined order in Go; that
// cannot be perturbed through the scenario and is not analysed (see the report of issue #5).
#include "go_export_internal.h"

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace ctxscope::gox {

namespace {

// The analysis costs one simulation per timer: O(timers x run). It is skipped (with a note)
// beyond kMaxTimers timers or kMaxProbeWork in all, counted as timers x (events + contexts +
// tasks + steps) of the base run: about a second (the largest shipped scenario needs ~1/100 of it).
constexpr std::size_t kMaxTimers = 400;
constexpr std::size_t kMaxProbeWork = 4'000'000;

void timersOf(std::vector<Step>& steps, std::vector<Nanos*>& out);

void timersOf(ContextSpec& c, std::vector<Nanos*>& out)
{
    if (isTimeoutKind(c.kind))
        out.push_back(&c.timeout);
    else if (isDeadlineKind(c.kind))
        out.push_back(&c.deadline);
}

void timersOf(std::vector<Step>& steps, std::vector<Nanos*>& out)
{
    for (Step& st : steps) {
        if (st.op == StepOp::Work && st.duration > 0) {
            out.push_back(st.watch == Watch::Poll && st.pollEvery > 0 ? &st.pollEvery : &st.duration);
            if (st.watch == Watch::Poll && st.pollEvery > 0 && st.duration % st.pollEvery != 0)
                out.push_back(&st.duration); // the last, shorter slice is a timer of its own
        }
        for (ContextSpec& c : st.derive)
            timersOf(c, out);
        for (TaskSpec& t : st.spawn)
            timersOf(t.steps, out);
        for (AfterFuncSpec& a : st.afterFunc)
            timersOf(a.steps, out);
    }
}

std::vector<Nanos*> timersOf(Scenario& s)
{
    std::vector<Nanos*> out;
    for (ContextSpec& c : s.contexts)
        timersOf(c, out);
    for (TaskSpec& t : s.tasks)
        timersOf(t.steps, out);
    for (AfterFuncSpec& a : s.afterFuncs)
        timersOf(a.steps, out);
    return out;
}

// Same time, allowing for the nanosecond shifts a 1ns move causes downstream (a polling
// loop shifts by 1ns per slice).
bool sameTime(Nanos a, Nanos b)
{
    if (a == kNever || b == kNever)
        return a == b;
    const Nanos tolerance = kMicrosecond + std::llabs(a) / 1000000;
    return std::llabs(a - b) <= tolerance;
}

std::string causeText(const SimulationResult& r, const ContextInfo& c)
{
    return c.cause < r.strings.size() ? r.strings[c.cause] : std::string();
}

// The index of id in b's list: the same position as in a's when the run has the same shape
// (always, as far as the scenario's structure goes), else looked up. O(1) in the usual case;
// SimulationResult::find* are linear scans.
template <typename Info>
std::optional<std::uint32_t> sameIndex(const std::vector<Info>& list, std::size_t at, const std::string& id,
                                       std::unordered_map<std::string_view, std::uint32_t>& index)
{
    if (at < list.size() && list[at].id == id)
        return static_cast<std::uint32_t>(at);
    if (index.empty())
        for (std::size_t k = 0; k < list.size(); ++k)
            index.emplace(list[k].id, static_cast<std::uint32_t>(k));
    auto it = index.find(id);
    return it == index.end() ? std::nullopt : std::optional<std::uint32_t>(it->second);
}

void compare(const SimulationResult& a, const SimulationResult& b, RaceSkips& skips)
{
    std::unordered_map<std::string_view, std::uint32_t> contextIndex, taskIndex, afterIndex;
    for (std::size_t k = 0; k < a.contexts.size(); ++k) {
        const ContextInfo& c = a.contexts[k];
        auto i = sameIndex(b.contexts, k, c.id, contextIndex);
        std::set<std::string>& s = skips.contexts[c.id];
        if (!i) {
            s.insert({"created", "deadline", "err", "cause", "reason", "done"});
            continue;
        }
        const ContextInfo& d = b.contexts[*i];
        if (!sameTime(c.createdAt, d.createdAt))
            s.insert("created");
        if (c.hasDeadline() != d.hasDeadline() || (c.hasDeadline() && !sameTime(c.deadline, d.deadline)))
            s.insert("deadline");
        if (!sameTime(c.doneAt, d.doneAt))
            s.insert("done");
        if (c.err != d.err)
            s.insert("err");
        if (causeText(a, c) != causeText(b, d))
            s.insert("cause");
        if (c.reason != d.reason)
            s.insert("reason");
    }
    for (std::size_t k = 0; k < a.tasks.size(); ++k) {
        const TaskInfo& t = a.tasks[k];
        auto i = sameIndex(b.tasks, k, t.id, taskIndex);
        std::set<std::string>& s = skips.tasks[t.id];
        if (!i) {
            s.insert({"started", "result", "ended"});
            continue;
        }
        const TaskInfo& u = b.tasks[*i];
        if (!sameTime(t.startedAt, u.startedAt))
            s.insert("started");
        if (!sameTime(t.endedAt, u.endedAt))
            s.insert("ended");
        if (t.result != u.result && !((t.state == TaskResultKind::Running || t.state == TaskResultKind::Blocked) &&
                                      (u.state == TaskResultKind::Running || u.state == TaskResultKind::Blocked)))
            s.insert("result");
    }
    for (std::size_t k = 0; k < a.afterFuncs.size(); ++k) {
        const AfterFuncInfo& f = a.afterFuncs[k];
        auto i = sameIndex(b.afterFuncs, k, f.id, afterIndex);
        std::set<std::string>& s = skips.afterFuncs[f.id];
        if (!i || !sameTime(f.startedAt, b.afterFuncs[*i].startedAt))
            s.insert("started");
        if (!i || f.stopped != b.afterFuncs[*i].stopped)
            s.insert("stopped");
    }
    // The test looks at Go once, at the end of the run: a time that moved makes the values
    // seen then uncertain too (a task that ends later is "not ended" at the snapshot).
    for (auto& [id, s] : skips.contexts)
        if (s.count("created") || s.count("done"))
            s.insert({"err", "cause", "reason", "done"});
    for (auto& [id, s] : skips.tasks)
        if (s.count("started") || s.count("ended"))
            s.insert({"result", "ended"});
    // Lookups pair up per task, in the order the task made them.
    std::map<std::string, std::vector<const Lookup*>> byTask;
    for (const Lookup& l : b.lookups)
        byTask[l.task < b.tasks.size() ? b.tasks[l.task].id : std::string()].push_back(&l);
    std::map<std::string, int> nth;
    for (const Lookup& l : a.lookups) {
        const std::string task = l.task < a.tasks.size() ? a.tasks[l.task].id : std::string();
        const int n = nth[task]++;
        const auto& list = byTask[task];
        if (static_cast<std::size_t>(n) >= list.size() || list[static_cast<std::size_t>(n)]->key != l.key ||
            list[static_cast<std::size_t>(n)]->found != l.found || list[static_cast<std::size_t>(n)]->value != l.value)
            skips.lookups.insert({task, n});
    }
}

} // namespace

int RaceSkips::count() const
{
    int n = static_cast<int>(lookups.size());
    for (const auto* m : {&contexts, &tasks, &afterFuncs})
        for (const auto& [id, fields] : *m)
            n += static_cast<int>(fields.size());
    return n;
}

RaceSkips findRaces(const Scenario& scenario, const SimulationResult& base, std::vector<std::string>* notes)
{
    RaceSkips skips;
    Scenario probe = scenario;
    const std::vector<Nanos*> t = timersOf(probe);
    const std::size_t timers = t.size();
    const std::size_t runSize = base.events.size() + base.contexts.size() + base.tasks.size() + base.steps.size();
    if (timers > kMaxTimers || (timers > 0 && runSize > kMaxProbeWork / timers)) {
        if (notes)
            notes->push_back("the scenario has " + std::to_string(timers) + " timers and " +
                             std::to_string(base.events.size()) + " events (the analysis is limited to " +
                             std::to_string(kMaxTimers) + " timers and " + std::to_string(kMaxProbeWork) +
                             " for timers x the run's size): same-instant races were not looked for");
        return skips;
    }
    SimulationOptions options;
    options.seed = base.seed;
    if (base.stopped == StopReason::Horizon)
        options.until = base.endTime; // the run may have been cut by an --until override
    for (std::size_t i = 0; i < timers; ++i) {
        if (*t[i] <= 1)
            continue;
        *t[i] -= 1; // one timer moved at a time: put back before the next
        compare(base, simulate(probe, options), skips);
        *t[i] += 1;
    }
    return skips;
}

} // namespace ctxscope::gox
