// The Chrome Trace Event Format writer. Everything is derived from the simulator's event list
// and final tables; the lanes follow the tree so the timeline reads like the tree view.
#include "ctxscope/formats/chrome_trace.h"

#include "ctxscope/formats/json.h"

#include <algorithm>
#include <utility>

namespace ctxscope {

namespace {

constexpr int kPid = 1;

const char* stepName(const StepSpan& s)
{
    switch (s.op) {
    case StepOp::Work: return "work";
    case StepOp::Await: return "await";
    default: return "step";
    }
}

std::string contextLaneName(const SimulationResult& r, CtxIndex ci)
{
    const ContextInfo& c = r.contexts[ci];
    std::string name = "ctx " + r.label(c) + " " + contextKindName(c.kind);
    if (c.hasDeadline() && (isTimeoutKind(c.kind) || isDeadlineKind(c.kind)))
        name += " (deadline " + formatDuration(c.deadline) + ")";
    return name;
}

// The events go into one writer, in the order they are made: to a sink as they come (a 10^6
// context run's trace is about 1 GB), or into one string. Lanes are looked up by index, and each
// task's steps are grouped once, so the writer is linear in the size of the result.
class ChromeWriter {
public:
    explicit ChromeWriter(const SimulationResult& r)
        : m_r(r), m_lanes(chromeLanes(r)), m_ctxTid(r.contexts.size(), 0), m_taskTid(r.tasks.size(), 0),
          m_w(json::Style::Compact)
    {
        for (std::size_t i = 0; i < m_lanes.size(); ++i) {
            auto& tids = m_lanes[i].kind == ChromeLane::Kind::Context ? m_ctxTid : m_taskTid;
            if (m_lanes[i].index < tids.size())
                tids[m_lanes[i].index] = static_cast<int>(i + 1);
        }
        // The steps of each task, in the order of r.steps: a counting sort by task.
        m_stepsFrom.assign(r.tasks.size() + 1, 0);
        for (const StepSpan& s : r.steps)
            if (s.task < r.tasks.size())
                ++m_stepsFrom[s.task + 1];
        for (std::size_t t = 0; t < r.tasks.size(); ++t)
            m_stepsFrom[t + 1] += m_stepsFrom[t];
        m_stepsOf.resize(m_stepsFrom.back());
        std::vector<std::uint32_t> next(m_stepsFrom.begin(), m_stepsFrom.end() - 1);
        for (std::size_t i = 0; i < r.steps.size(); ++i)
            if (r.steps[i].task < r.tasks.size())
                m_stepsOf[next[r.steps[i].task]++] = static_cast<std::uint32_t>(i);
    }

    void setSink(json::Writer::Sink sink) { m_w.setSink(std::move(sink)); }

    // run writes the whole document; take() then gives what the sink has not (all of it without one).
    void run()
    {
        m_w.raw("{\"displayTimeUnit\":\"ms\",\n\"otherData\":");
        json::Writer other(json::Style::Compact);
        other.beginObject();
        other.key("app").string("ctxscope");
        other.key("format").string("ctxscope-chrome-trace-1");
        other.key("scenario").string(m_r.scenarioName);
        other.key("seed").string(std::to_string(m_r.seed));
        other.key("end_ns").integer(m_r.endTime);
        other.key("stopped").string(m_r.stopped == StopReason::Horizon ? "horizon" : "idle");
        other.endObject();
        m_w.raw(other.text());
        m_w.raw(",\n\"traceEvents\":[\n");
        metadata();
        for (const ChromeLane& lane : m_lanes) {
            if (lane.kind == ChromeLane::Kind::Context)
                contextLane(lane.index);
            else
                taskLane(lane.index);
        }
        flows();
        m_w.raw(m_events == 0 ? "]}\n" : "\n]}\n");
        m_w.flush();
    }
    std::string take() { return m_w.take(); }

private:
    // begin starts one event object with the fields every event has, in a fixed order.
    json::Writer& begin(const char* ph, std::string_view name, std::string_view cat, int tid, Nanos ts)
    {
        json::Writer& w = m_w;
        w.raw(m_events++ == 0 ? "" : ",\n");
        w.beginObject();
        w.key("ph").string(ph);
        w.key("name").string(name);
        if (!cat.empty())
            w.key("cat").string(cat);
        w.key("pid").integer(kPid);
        w.key("tid").integer(tid);
        w.key("ts").rawNumber(formatMicros(ts));
        return w;
    }
    void push(json::Writer& w) { w.endObject(); }

    void metadata()
    {
        json::Writer& p = m_w;
        p.raw(m_events++ == 0 ? "" : ",\n");
        p.beginObject().key("ph").string("M").key("name").string("process_name");
        p.key("pid").integer(kPid).key("tid").integer(0).key("ts").integer(0);
        p.key("args").beginObject().key("name").string(m_r.scenarioName.empty() ? "ctxscope" : m_r.scenarioName).endObject();
        push(p);
        for (std::size_t i = 0; i < m_lanes.size(); ++i) {
            const int tid = static_cast<int>(i + 1);
            json::Writer& n = begin("M", "thread_name", "", tid, 0);
            n.key("args").beginObject().key("name").string(m_lanes[i].name).endObject();
            push(n);
            json::Writer& s = begin("M", "thread_sort_index", "", tid, 0);
            s.key("args").beginObject().key("sort_index").integer(tid).endObject();
            push(s);
        }
    }

    std::string_view ctxId(CtxIndex c) const { return c < m_r.contexts.size() ? std::string_view(m_r.contexts[c].id) : std::string_view(); }

    void doneArgs(json::Writer& w, const ContextInfo& c)
    {
        w.key("err").string(errString(c.err));
        w.key("cause").string(c.cause < m_r.strings.size() ? m_r.strings[c.cause] : std::string());
        w.key("reason").string(reasonName(c.reason));
        w.key("source").string(ctxId(c.source));
    }

    void contextLane(CtxIndex ci)
    {
        const ContextInfo& c = m_r.contexts[ci];
        const int tid = ctxTid(ci);
        const bool done = c.doneAt != kNever;
        const Nanos aliveEnd = done ? c.doneAt : std::max(c.createdAt, m_r.endTime);
        json::Writer& alive = begin("X", m_r.label(c), "context", tid, c.createdAt);
        alive.key("dur").rawNumber(formatMicros(aliveEnd - c.createdAt));
        alive.key("args").beginObject();
        alive.key("id").string(c.id);
        alive.key("kind").string(contextKindName(c.kind));
        alive.key("parent").string(ctxId(c.parent));
        if (c.hasDeadline())
            alive.key("deadline_ns").integer(c.deadline);
        if (c.derivedBy != kNone)
            alive.key("derived_by").string(m_r.tasks[c.derivedBy].id);
        alive.endObject();
        push(alive);
        if (!done)
            return;
        json::Writer& after = begin("X", std::string("done: ") + errString(c.err), "context", tid, c.doneAt);
        after.key("dur").rawNumber(formatMicros(std::max<Nanos>(0, m_r.endTime - c.doneAt)));
        after.key("args").beginObject();
        doneArgs(after, c);
        after.endObject();
        push(after);
        const char* what = c.reason == Reason::Deadline ? "deadline exceeded"
                           : c.reason == Reason::Cancel ? "cancel()"
                                                        : "parent done";
        json::Writer& inst = begin("i", what, "context", tid, c.doneAt);
        inst.key("s").string("t");
        inst.key("args").beginObject();
        doneArgs(inst, c);
        inst.endObject();
        push(inst);
    }

    void taskLane(TaskIndex ti)
    {
        const TaskInfo& t = m_r.tasks[ti];
        const int tid = taskTid(ti);
        const Nanos end = t.endedAt != kNever ? t.endedAt : std::max(t.startedAt, m_r.endTime);
        json::Writer& run = begin("X", t.label, "task", tid, t.startedAt);
        run.key("dur").rawNumber(formatMicros(end - t.startedAt));
        run.key("args").beginObject();
        run.key("id").string(t.id);
        run.key("context").string(ctxId(t.context));
        if (t.spawnedBy != kNone)
            run.key("spawned_by").string(m_r.tasks[t.spawnedBy].id);
        if (t.afterFunc != kNone)
            run.key("after_func").string(m_r.afterFuncs[t.afterFunc].id);
        run.key("result").string(t.result);
        run.endObject();
        push(run);
        for (std::uint32_t k = m_stepsFrom[ti]; k < m_stepsFrom[ti + 1]; ++k) {
            const StepSpan& s = m_r.steps[m_stepsOf[k]];
            if (s.op != StepOp::Work && s.op != StepOp::Await)
                continue;
            // Clamp into the running span so the slices always nest.
            const Nanos from = std::clamp(s.start, t.startedAt, end);
            const Nanos to = std::clamp(s.end == kNever ? end : s.end, from, end);
            json::Writer& w = begin("X", stepName(s), "step", tid, from);
            w.key("dur").rawNumber(formatMicros(to - from));
            w.key("args").beginObject();
            w.key("step").integer(s.step);
            w.key("interrupted").boolean(s.interrupted);
            w.endObject();
            push(w);
        }
    }

    void flow(CtxIndex source, int toTid, Nanos toTs)
    {
        if (source >= m_r.contexts.size() || ctxTid(source) == 0)
            return;
        const ContextInfo& s = m_r.contexts[source];
        const std::int64_t id = ++m_flowId;
        const std::string name = "cancel " + s.id;
        json::Writer& a = begin("s", name, "cancel", ctxTid(source), s.doneAt);
        a.key("id").integer(id);
        push(a);
        json::Writer& b = begin("f", name, "cancel", toTid, toTs);
        b.key("id").integer(id);
        b.key("bp").string("e");
        push(b);
    }

    void flows()
    {
        // The last step of each task: was it cut short by its context?
        std::vector<const StepSpan*> last(m_r.tasks.size(), nullptr);
        for (const StepSpan& s : m_r.steps)
            if (s.task < last.size())
                last[s.task] = &s;
        std::vector<CtxIndex> current(m_r.tasks.size(), kNone);
        for (const Event& e : m_r.events) {
            switch (e.kind) {
            case EventKind::TaskStarted:
                if (e.subject < current.size())
                    current[e.subject] = e.other;
                break;
            case EventKind::ContextCreated:
                if (e.by < current.size())
                    current[e.by] = e.subject;
                break;
            case EventKind::ContextCanceled:
                if (e.other != kNone && e.other != e.subject && ctxTid(e.subject) != 0)
                    flow(e.other, ctxTid(e.subject), e.t);
                break;
            case EventKind::TaskEnded: {
                if (e.subject >= m_r.tasks.size() || taskTid(e.subject) == 0)
                    break;
                const CtxIndex c = current[e.subject];
                const StepSpan* s = last[e.subject];
                if (c == kNone || c >= m_r.contexts.size() || !s || !s->interrupted)
                    break;
                const ContextInfo& ci = m_r.contexts[c];
                if (ci.doneAt != kNever && ci.doneAt <= e.t && m_r.tasks[e.subject].result == errString(ci.err))
                    flow(ci.source, taskTid(e.subject), e.t);
                break;
            }
            case EventKind::AfterFuncStarted: {
                if (e.subject >= m_r.afterFuncs.size())
                    break;
                const AfterFuncInfo& af = m_r.afterFuncs[e.subject];
                if (af.context < m_r.contexts.size() && taskTid(af.call) != 0)
                    flow(m_r.contexts[af.context].source, taskTid(af.call), e.t);
                break;
            }
            default:
                break;
            }
        }
    }

    // A lane's tid (0: it has none), by context and by task index.
    int ctxTid(CtxIndex c) const { return c < m_ctxTid.size() ? m_ctxTid[c] : 0; }
    int taskTid(TaskIndex t) const { return t < m_taskTid.size() ? m_taskTid[t] : 0; }

    const SimulationResult& m_r;
    std::vector<ChromeLane> m_lanes;
    std::vector<int> m_ctxTid, m_taskTid;
    std::vector<std::uint32_t> m_stepsFrom, m_stepsOf; // task t's steps: m_stepsOf[m_stepsFrom[t] .. m_stepsFrom[t + 1])
    json::Writer m_w;
    std::size_t m_events = 0;
    std::int64_t m_flowId = 0;
};

} // namespace

std::string formatMicros(Nanos ns)
{
    const bool negative = ns < 0;
    const std::uint64_t v = negative ? 0 - static_cast<std::uint64_t>(ns) : static_cast<std::uint64_t>(ns);
    std::string out = negative ? "-" : "";
    out += std::to_string(v / 1000);
    // The nanoseconds left as up to three decimals, without trailing zeros: 50 ns is ".05".
    if (std::uint64_t frac = v % 1000; frac != 0) {
        int decimals = 3;
        for (; frac % 10 == 0; frac /= 10)
            --decimals;
        char digits[3];
        for (int i = decimals - 1; i >= 0; --i, frac /= 10)
            digits[i] = static_cast<char>('0' + frac % 10);
        out += '.';
        out.append(digits, static_cast<std::size_t>(decimals));
    }
    return out;
}

namespace {

// Runs of one array by key, each in the order added: what a vector per key would hold, without
// a million small vectors (a chain of 10^6 contexts has one child each).
struct Grouped {
    std::vector<std::uint32_t> from, items; // key k's items: items[from[k] .. from[k + 1])
    Grouped(std::size_t keys, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& keyed)
        : from(keys + 1, 0), items(keyed.size())
    {
        for (const auto& [k, v] : keyed)
            ++from[k + 1];
        for (std::size_t k = 0; k < keys; ++k)
            from[k + 1] += from[k];
        std::vector<std::uint32_t> next(from.begin(), from.end() - 1);
        for (const auto& [k, v] : keyed)
            items[next[k]++] = v;
    }
    const std::uint32_t* begin(std::uint32_t k) const { return items.data() + from[k]; }
    const std::uint32_t* end(std::uint32_t k) const { return items.data() + from[k + 1]; }
};

} // namespace

std::vector<ChromeLane> chromeLanes(const SimulationResult& r)
{
    // Creation order comes from the event list; tasks hang under the context they started on.
    std::vector<CtxIndex> created;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> taskOn; // (context, task) as started
    std::vector<TaskIndex> orphanTasks;
    std::vector<bool> isCreated(r.contexts.size(), false);
    for (const Event& e : r.events) {
        if (e.kind == EventKind::ContextCreated && e.subject < r.contexts.size() && !isCreated[e.subject]) {
            isCreated[e.subject] = true;
            created.push_back(e.subject);
        } else if (e.kind == EventKind::TaskStarted && e.subject < r.tasks.size()) {
            const CtxIndex c = r.tasks[e.subject].context;
            if (c < r.contexts.size() && isCreated[c])
                taskOn.emplace_back(c, e.subject);
            else
                orphanTasks.push_back(e.subject);
        }
    }
    std::vector<CtxIndex> roots;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> childOf; // (parent, child) in creation order
    for (CtxIndex c : created) {
        const CtxIndex p = r.contexts[c].parent;
        if (p < r.contexts.size() && isCreated[p])
            childOf.emplace_back(p, c);
        else
            roots.push_back(c);
    }
    const Grouped children(r.contexts.size(), childOf);
    const Grouped tasksOn(r.contexts.size(), taskOn);
    std::vector<ChromeLane> lanes;
    lanes.reserve(created.size() + taskOn.size() + orphanTasks.size());
    auto taskLane = [&](TaskIndex t) {
        const TaskInfo& info = r.tasks[t];
        std::string name = (info.afterFunc != kNone ? "after_func " : "task ") + info.label;
        lanes.push_back({ChromeLane::Kind::Task, t, std::move(name)});
    };
    // Depth first without recursion: a chain of a million contexts must not overflow the stack.
    std::vector<CtxIndex> stack(roots.rbegin(), roots.rend());
    while (!stack.empty()) {
        const CtxIndex c = stack.back();
        stack.pop_back();
        lanes.push_back({ChromeLane::Kind::Context, c, contextLaneName(r, c)});
        for (auto t = tasksOn.begin(c); t != tasksOn.end(c); ++t)
            taskLane(*t);
        for (auto it = children.end(c); it != children.begin(c);)
            stack.push_back(*--it);
    }
    for (TaskIndex t : orphanTasks)
        taskLane(t);
    return lanes;
}

std::string chromeTraceToString(const SimulationResult& result)
{
    ChromeWriter w(result);
    w.run();
    return w.take();
}

void writeChromeTrace(const std::function<void(std::string_view)>& sink, const SimulationResult& result)
{
    ChromeWriter w(result);
    w.setSink(sink);
    w.run();
}

} // namespace ctxscope
