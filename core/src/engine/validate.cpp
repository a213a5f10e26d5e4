// Semantic checks of a scenario. Two passes: the first registers every declared id (contexts,
// tasks, after-funcs, at any depth) in document order, so duplicates point at the first use;
// the second checks every reference against those registries. Paths are JSON paths of the
// scenario file, so the loader can map each problem back to a line and column.
#include "ctxscope/engine/validate.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <functional>
#include <optional>

namespace ctxscope {

namespace {

constexpr int kMaxStepNesting = 256;
constexpr std::size_t kMaxContexts = 1000000;
constexpr std::size_t kMaxTasks = 1000000;
// Looking for a "did you mean" among very many ids costs more than it helps.
constexpr std::size_t kMaxSuggestionCandidates = 2000;
// How many contexts ahead the loops over "contexts" ask for the id table's lines (IdTable's
// prefetch*): far enough for a memory access to arrive, near enough to stay in the cache.
constexpr std::size_t kPrefetchAhead = 16;

const char* const kNumberForDuration = "durations are strings such as \"250ms\"";

std::string quote(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    out += s;
    out += '"';
    return out;
}

std::string index(std::string_view base, std::size_t i)
{
    std::string s(base);
    s += '[';
    s += std::to_string(i);
    s += ']';
    return s;
}

std::string article(ContextKind k)
{
    // "a WithCancel context", "a TODO context": every kind name starts with a consonant sound.
    return std::string("a ") + contextKindName(k) + " context";
}

// What the validator knows of a declared context (ContextIndex makes one from its spec).
struct ContextEntry {
    Nanos at = 0;              // top-level only
    long topIndex = -1;        // index in scenario.contexts, -1 for a derive step's context
    std::uint32_t derive = 0;  // a derive step's context: its index in Validator::m_derivePaths
    ContextKind kind = ContextKind::Background;
};

// prefetch asks for the cache line at p without waiting for it: the loops over a million
// contexts ask for the lines of a look-up some iterations before they need them.
void prefetch(const void* p)
{
#if defined(__GNUC__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

// The hash of an id in the validator's tables: the low bits pick the slot, the high 32 are kept
// in it as a tag; mixed so that both are good.
std::size_t idHash(std::string_view id)
{
    std::uint64_t h = std::hash<std::string_view>{}(id);
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return static_cast<std::size_t>(h);
}

struct TaskEntry {
    bool afterFunc = false;
    std::string path;
};

// IdTable maps ids to entries: open addressing over string_views that point into the scenario,
// which outlives the validator. Large scenarios hold 10^5..10^6 ids, where a node-based map
// spends most of its time in the allocator and in cache misses.
template <typename Entry>
class IdTable {
public:
    void reserve(std::size_t n)
    {
        std::size_t cap = 16;
        while (cap < 2 * n)
            cap *= 2;
        m_slots.assign(cap, Slot{});
        m_records.reserve(n);
    }

    // hashOf is the hash the table files key under; the calls below that take it spare
    // hashing the same key again.
    static std::size_t hashOf(std::string_view key) { return idHash(key); }

    // insert adds key -> entry unless key is present; returns the entry for key and whether it
    // was inserted.
    std::pair<Entry*, bool> insert(std::string_view key, Entry entry) { return insert(key, hashOf(key), std::move(entry)); }
    std::pair<Entry*, bool> insert(std::string_view key, std::size_t h, Entry entry)
    {
        if (2 * (m_records.size() + 1) > m_slots.size())
            grow();
        std::size_t i = slotOf(key, h);
        if (m_slots[i].entry != kEmpty)
            return {&m_records[m_slots[i].entry].entry, false};
        m_slots[i] = {static_cast<std::uint32_t>(m_records.size()), tagOf(h)};
        m_records.push_back({key, std::move(entry)});
        return {&m_records.back().entry, true};
    }

    const Entry* find(std::string_view key) const { return find(key, hashOf(key)); }
    const Entry* find(std::string_view key, std::size_t h) const
    {
        if (m_slots.empty())
            return nullptr;
        const std::size_t i = slotOf(key, h);
        return m_slots[i].entry == kEmpty ? nullptr : &m_records[m_slots[i].entry].entry;
    }

    std::size_t size() const { return m_records.size(); }
    std::vector<std::string_view> keys() const // insertion order
    {
        std::vector<std::string_view> out;
        out.reserve(m_records.size());
        for (const Record& r : m_records)
            out.push_back(r.key);
        return out;
    }

private:
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
    // Each slot keeps 32 bits of its key's hash: a probe past another key then rarely reads
    // that key (two cache misses: its record, then its characters in the scenario).
    struct Slot {
        std::uint32_t entry = kEmpty;
        std::uint32_t tag = 0;
    };
    // A key and its entry side by side: one cache miss reaches both.
    struct Record {
        std::string_view key;
        Entry entry;
    };

    static std::uint32_t tagOf(std::size_t h) { return static_cast<std::uint32_t>(static_cast<std::uint64_t>(h) >> 32); }

    std::size_t slotOf(std::string_view key, std::size_t h) const
    {
        const std::size_t mask = m_slots.size() - 1;
        const std::uint32_t tag = tagOf(h);
        std::size_t i = h & mask;
        while (m_slots[i].entry != kEmpty && (m_slots[i].tag != tag || m_records[m_slots[i].entry].key != key))
            i = (i + 1) & mask;
        return i;
    }

    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 16 : old.size() * 2, Slot{});
        for (const Slot& s : old) {
            if (s.entry == kEmpty)
                continue;
            const std::size_t mask = m_slots.size() - 1;
            std::size_t i = hashOf(m_records[s.entry].key) & mask;
            while (m_slots[i].entry != kEmpty)
                i = (i + 1) & mask;
            m_slots[i] = s;
        }
    }

    std::vector<Slot> m_slots;
    std::vector<Record> m_records;
};

// ContextIndex maps a context id to its ContextEntry without storing entries: a slot holds the
// context's index in scenario.contexts, or (kDerived set) its index among the contexts of derive
// steps, and the entry is read from that ContextSpec, which the scenario keeps. At 10^6 contexts
// the table is then only its 16 MB of slots (a table of entries added 40 MB that copied what the
// specs hold, each page of it a fault), and a look-up goes from the slot straight to the spec,
// which it reads anyway to compare the id. Open addressing, each slot with 32 bits of its id's
// hash, as IdTable.
class ContextIndex {
public:
    explicit ContextIndex(const std::vector<ContextSpec>& top)
        : m_top(top)
    {
    }

    void reserve(std::size_t n)
    {
        std::size_t cap = 16;
        while (cap < 2 * n)
            cap *= 2;
        m_slots.assign(cap, Slot{});
    }

    static std::size_t hashOf(std::string_view id) { return idHash(id); }

    // insert files c (m_top[topIndex], or with topIndex < 0 a derive step's context, which then
    // gets the next derive index) under h = hashOf(c.id), unless its id is filed already;
    // returns the entry for the id and whether c was filed. Top-level contexts are all filed
    // before any derive step's (keys() relies on it).
    std::pair<ContextEntry, bool> insert(const ContextSpec& c, long topIndex, std::size_t h)
    {
        if (2 * (m_size + 1) > m_slots.size())
            grow();
        const std::size_t i = slotOf(c.id, h);
        if (m_slots[i].code != kEmpty)
            return {entryOf(m_slots[i].code), false};
        std::uint32_t code = static_cast<std::uint32_t>(topIndex);
        if (topIndex < 0) {
            code = kDerived | static_cast<std::uint32_t>(m_derived.size());
            m_derived.push_back(&c);
        }
        m_slots[i] = {code, tagOf(h)};
        ++m_size;
        return {entryOf(code), true};
    }

    std::optional<ContextEntry> find(std::string_view id) const { return find(id, hashOf(id)); }
    std::optional<ContextEntry> find(std::string_view id, std::size_t h) const
    {
        if (m_slots.empty())
            return std::nullopt;
        const Slot& s = m_slots[slotOf(id, h)];
        if (s.code == kEmpty)
            return std::nullopt;
        return entryOf(s.code);
    }

    // As IdTable's: fetch a slot some iterations ahead, then (once it is in) the spec it names.
    void prefetchSlot(std::size_t h) const
    {
        if (!m_slots.empty())
            prefetch(&m_slots[h & (m_slots.size() - 1)]);
    }
    void prefetchSpec(std::size_t h) const
    {
        if (m_slots.empty())
            return;
        const Slot& s = m_slots[h & (m_slots.size() - 1)];
        if (s.code != kEmpty && !(s.code & kDerived))
            prefetch(&m_top[s.code]);
    }

    std::size_t size() const { return m_size; }
    std::vector<std::string_view> keys() const // in the order they were filed
    {
        std::vector<std::string_view> out;
        out.reserve(m_size);
        for (std::size_t i = 0; i < m_top.size(); ++i) {
            const std::optional<ContextEntry> e = find(m_top[i].id);
            if (e && e->topIndex == static_cast<long>(i))
                out.push_back(m_top[i].id);
        }
        for (const ContextSpec* c : m_derived)
            out.push_back(c->id);
        return out;
    }

private:
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
    static constexpr std::uint32_t kDerived = 0x80000000u;
    struct Slot {
        std::uint32_t code = kEmpty;
        std::uint32_t tag = 0;
    };

    static std::uint32_t tagOf(std::size_t h) { return static_cast<std::uint32_t>(static_cast<std::uint64_t>(h) >> 32); }
    const ContextSpec& specOf(std::uint32_t code) const
    {
        return (code & kDerived) ? *m_derived[code & ~kDerived] : m_top[code];
    }
    ContextEntry entryOf(std::uint32_t code) const
    {
        const ContextSpec& c = specOf(code);
        if (code & kDerived)
            return {c.at, -1, code & ~kDerived, c.kind};
        return {c.at, static_cast<long>(code), 0, c.kind};
    }

    std::size_t slotOf(std::string_view id, std::size_t h) const
    {
        const std::size_t mask = m_slots.size() - 1;
        const std::uint32_t tag = tagOf(h);
        std::size_t i = h & mask;
        while (m_slots[i].code != kEmpty && (m_slots[i].tag != tag || specOf(m_slots[i].code).id != id))
            i = (i + 1) & mask;
        return i;
    }

    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 16 : old.size() * 2, Slot{});
        const std::size_t mask = m_slots.size() - 1;
        for (const Slot& s : old) {
            if (s.code == kEmpty)
                continue;
            std::size_t i = hashOf(specOf(s.code).id) & mask;
            while (m_slots[i].code != kEmpty)
                i = (i + 1) & mask;
            m_slots[i] = s;
        }
    }

    const std::vector<ContextSpec>& m_top;
    std::vector<const ContextSpec*> m_derived; // the contexts of derive steps, in filing order
    std::vector<Slot> m_slots;
    std::size_t m_size = 0;
};

class Validator {
public:
    explicit Validator(const Scenario& s)
        : m_s(s), m_contexts(s.contexts)
    {
    }

    std::vector<Problem> run();

private:
    void add(std::string path, std::string message) { m_problems.push_back({std::move(path), std::move(message), 0, 0}); }

    // Pass 1
    // hash: IdTable::hashOf(c.id) when the caller has it, else 0 (computed here).
    void declareContext(const ContextSpec& c, const std::string* derivePath, long topIndex, std::size_t hash = 0);
    void declareTask(const std::string& id, const std::string& path, bool afterFunc);
    void declareSteps(const std::vector<Step>& steps, const std::string& prefix, int depth);

    // Pass 2
    void checkTopContext(const ContextSpec& c, std::size_t i, std::size_t parentHash);
    void checkKindFields(const ContextSpec& c, const std::string& path);
    void checkSteps(const std::vector<Step>& steps, const std::string& prefix, int depth, const std::string& taskId);
    void checkTaskContextRef(const std::string& context, const std::string& path);
    void checkCancelTarget(const std::string& target, const std::optional<std::string>& cause,
                           const std::string& targetPath, const std::string& causePath);
    void checkStopTarget(const std::string& target, const std::string& path);
    void checkExpectation(const Expectation& e, const std::string& p);
    void checkPredict(const PredictQuestion& q, const std::string& p);
    void checkTime(Nanos t, const std::string& path);

    std::string unknownContext(std::string_view id, const char* noun = "context") const;
    // Where a context's id is declared: "contexts[i].id", or its derive step's "...derive.id".
    const std::string& derivePathOf(const ContextEntry& e) const { return m_derivePaths[e.derive]; }
    std::string pathOf(const ContextEntry& e) const
    {
        return e.topIndex >= 0 ? index("contexts", static_cast<std::size_t>(e.topIndex)) + ".id" : derivePathOf(e);
    }
    std::string unknownTask(std::string_view id) const;

    const Scenario& m_s;
    std::vector<Problem> m_problems;
    ContextIndex m_contexts;
    std::vector<std::string> m_derivePaths; // of the contexts made by derive steps
    IdTable<TaskEntry> m_tasks; // tasks and after-funcs share one set of ids
    std::size_t m_contextCount = 0;
    std::size_t m_taskCount = 0;
};

std::string Validator::unknownContext(std::string_view id, const char* noun) const
{
    std::string msg = std::string("unknown ") + noun + " " + quote(id);
    if (m_contexts.size() <= kMaxSuggestionCandidates) {
        std::string near = closestName(id, m_contexts.keys());
        if (!near.empty())
            msg += " (did you mean " + quote(near) + "?)";
    }
    return msg;
}

std::string Validator::unknownTask(std::string_view id) const
{
    std::string msg = "unknown task " + quote(id);
    if (m_tasks.size() <= kMaxSuggestionCandidates) {
        std::string near = closestName(id, m_tasks.keys());
        if (!near.empty())
            msg += " (did you mean " + quote(near) + "?)";
    }
    return msg;
}

void Validator::declareContext(const ContextSpec& c, const std::string* derivePath, long topIndex, std::size_t hash)
{
    ++m_contextCount;
    auto idPath = [&] { return (derivePath ? *derivePath : index("contexts", static_cast<std::size_t>(topIndex))) + ".id"; };
    if (c.id.empty()) {
        add(idPath(), "missing id");
        return;
    }
    if (!isValidId(c.id)) {
        add(idPath(), "invalid id " + quote(c.id) +
                        ": an id starts with a letter or '_', continues with letters, digits, '_', '.' or '-', "
                        "and has at most 64 characters");
        return;
    }
    auto [entry, inserted] = m_contexts.insert(c, topIndex, hash ? hash : ContextIndex::hashOf(c.id));
    if (!inserted)
        add(idPath(), "duplicate context id " + quote(c.id) + ": already used at " + pathOf(entry));
    else if (topIndex < 0)
        m_derivePaths.push_back(idPath()); // at entry.derive, as ContextIndex numbers them
}

void Validator::declareTask(const std::string& id, const std::string& path, bool afterFunc)
{
    ++m_taskCount;
    const std::string idPath = path + ".id";
    if (id.empty()) {
        add(idPath, "missing id");
        return;
    }
    if (!isValidId(id)) {
        add(idPath, "invalid id " + quote(id) +
                        ": an id starts with a letter or '_', continues with letters, digits, '_', '.' or '-', "
                        "and has at most 64 characters");
        return;
    }
    auto [entry, inserted] = m_tasks.insert(id, TaskEntry{afterFunc, idPath});
    if (!inserted) {
        std::string msg = std::string(afterFunc ? "duplicate after-func id " : "duplicate task id ") + quote(id) +
                          ": already used at " + entry->path;
        if (entry->afterFunc != afterFunc)
            msg += " (tasks and after-funcs share one set of ids)";
        add(idPath, msg);
    }
}

void Validator::declareSteps(const std::vector<Step>& steps, const std::string& prefix, int depth)
{
    for (std::size_t j = 0; j < steps.size(); ++j) {
        const Step& st = steps[j];
        if (st.op == StepOp::Derive && !st.derive.empty()) {
            const std::string p = index(prefix + ".steps", j) + ".derive";
            declareContext(st.derive.front(), &p, -1);
        } else if (st.op == StepOp::Spawn && !st.spawn.empty() && depth < kMaxStepNesting) {
            const std::string p = index(prefix + ".steps", j) + ".spawn";
            declareTask(st.spawn.front().id, p, false);
            declareSteps(st.spawn.front().steps, p, depth + 1);
        } else if (st.op == StepOp::AfterFunc && !st.afterFunc.empty() && depth < kMaxStepNesting) {
            const std::string p = index(prefix + ".steps", j) + ".after_func";
            declareTask(st.afterFunc.front().id, p, true);
            declareSteps(st.afterFunc.front().steps, p, depth + 1);
        }
    }
}

void Validator::checkTime(Nanos t, const std::string& path)
{
    if (t < 0)
        add(path, "a point in time cannot be negative (" + formatDuration(t) + ")");
}

// kindFieldsClean is the fast path of checkKindFields: true when it would find nothing.
bool kindFieldsClean(const ContextSpec& c)
{
    const ContextKind k = c.kind;
    if (!isTimeoutKind(k) && c.timeout != 0)
        return false;
    if (!isDeadlineKind(k) && c.deadline != 0)
        return false;
    if (!isCauseDeadlineKind(k) && !c.cause.empty())
        return false;
    if (k != ContextKind::WithValue)
        return c.key.empty() && c.value.type == Scalar::Type::Null && c.keyType == "ctxKey";
    return isGoIdentifier(c.keyType);
}

void Validator::checkKindFields(const ContextSpec& c, const std::string& path)
{
    const ContextKind k = c.kind;
    if (!isTimeoutKind(k) && c.timeout != 0)
        add(path + ".timeout", article(k) + " has no timeout");
    if (!isDeadlineKind(k) && c.deadline != 0)
        add(path + ".deadline", article(k) + " has no deadline");
    // A deadline may be before the scenario started (scenario.md): Go takes any time.Time, and
    // such a context is done at creation (R30).
    if (!isCauseDeadlineKind(k) && !c.cause.empty())
        add(path + ".cause", article(k) + " has no cause (only WithTimeoutCause and WithDeadlineCause have one)");
    if (k != ContextKind::WithValue) {
        if (!c.key.empty())
            add(path + ".key", article(k) + " has no key (only WithValue has one)");
        if (c.value.type != Scalar::Type::Null)
            add(path + ".value", article(k) + " has no value (only WithValue has one)");
        if (c.keyType != "ctxKey")
            add(path + ".key_type", article(k) + " has no key_type (only WithValue has one)");
    } else if (!isGoIdentifier(c.keyType)) {
        add(path + ".key_type",
            "invalid key_type " + quote(c.keyType) + ": a key type is a Go identifier such as \"ctxKey\"");
    }
}

void Validator::checkTopContext(const ContextSpec& c, std::size_t i, std::size_t parentHash)
{
    auto path = [&] { return index("contexts", i); }; // spelled out only for a problem
    if (c.at < 0)
        checkTime(c.at, path() + ".at");
    if (isRoot(c.kind)) {
        if (!c.parent.empty())
            add(path() + ".parent", article(c.kind) + " has no parent");
    } else if (c.parent.empty()) {
        add(path() + ".parent", std::string(contextKindName(c.kind)) +
                                  " needs a parent: Go panics with \"cannot create context from nil parent\" (SA1012)");
    } else if (c.parent == c.id) {
        add(path() + ".parent", "a context cannot be its own parent");
    } else {
        const std::optional<ContextEntry> it = m_contexts.find(c.parent, parentHash);
        if (!it) {
            add(path() + ".parent", unknownContext(c.parent, "parent"));
        } else if (it->topIndex < 0) {
            add(path() + ".parent", "parent " + quote(c.parent) + " is created by a task's derive step (" +
                                      derivePathOf(*it).substr(0, derivePathOf(*it).size() - 3) +
                                      "); a context in \"contexts\" can only have a parent from \"contexts\"");
        } else if (static_cast<std::size_t>(it->topIndex) > i) {
            add(path() + ".parent", "parent " + quote(c.parent) + " is listed later, at " + index("contexts", static_cast<std::size_t>(it->topIndex)) +
                                      "; a parent must be listed before its children");
        } else if (static_cast<std::size_t>(it->topIndex) < i && c.at < it->at && c.at >= 0) {
            add(path() + ".at", "created at " + formatDuration(c.at) + ", before its parent " + quote(c.parent) +
                                  " exists (created at " + formatDuration(it->at) + ")");
        }
    }
    if (!kindFieldsClean(c))
        checkKindFields(c, path());
}

void Validator::checkTaskContextRef(const std::string& context, const std::string& path)
{
    if (context.empty())
        return; // the current context of the spawning task
    if (!m_contexts.find(context))
        add(path, unknownContext(context));
}

void Validator::checkCancelTarget(const std::string& target, const std::optional<std::string>& cause,
                                  const std::string& targetPath, const std::string& causePath)
{
    if (target.empty()) {
        add(targetPath, "missing context id: cancel names the context whose cancel function it calls");
        return;
    }
    const std::optional<ContextEntry> it = m_contexts.find(target);
    if (!it) {
        add(targetPath, unknownContext(target));
        return;
    }
    const ContextKind k = it->kind;
    if (!hasCancelFunc(k)) {
        add(targetPath, "context " + quote(target) + " is " + article(k) + ", which has no cancel function");
        return;
    }
    if (cause && k != ContextKind::WithCancelCause)
        add(causePath, "only a WithCancelCause context's cancel function takes a cause; " + quote(target) + " is " +
                           article(k));
}

void Validator::checkStopTarget(const std::string& target, const std::string& path)
{
    if (target.empty()) {
        add(path, "missing after-func id");
        return;
    }
    const TaskEntry* it = m_tasks.find(target);
    if (!it) {
        std::string msg = "unknown after-func " + quote(target);
        std::vector<std::string_view> afs;
        if (m_tasks.size() <= kMaxSuggestionCandidates) {
            for (std::string_view id : m_tasks.keys()) {
                if (m_tasks.find(id)->afterFunc)
                    afs.push_back(id);
            }
            std::string near = closestName(target, afs);
            if (!near.empty())
                msg += " (did you mean " + quote(near) + "?)";
        }
        add(path, msg);
    } else if (!it->afterFunc) {
        add(path, quote(target) + " is a task, not an after-func");
    }
}

void Validator::checkSteps(const std::vector<Step>& steps, const std::string& prefix, int depth,
                           const std::string& taskId)
{
    for (std::size_t j = 0; j < steps.size(); ++j) {
        const Step& st = steps[j];
        const std::string p = index(prefix + ".steps", j);
        switch (st.op) {
        case StepOp::Work:
            if (st.duration < 0)
                add(p + ".work", "a work duration cannot be negative (" + formatDuration(st.duration) + ")");
            if (st.watch == Watch::Poll && st.pollEvery <= 0)
                add(p + ".watch", "the polling interval must be positive (" + formatDuration(st.pollEvery) + ")");
            break;
        case StepOp::Await:
            if (st.await == AwaitKind::List) {
                for (std::size_t k = 0; k < st.awaitIds.size(); ++k) {
                    const std::string& id = st.awaitIds[k];
                    const std::string ap = index(p + ".await", k);
                    const TaskEntry* it = m_tasks.find(id);
                    if (!it)
                        add(ap, unknownTask(id));
                    else if (it->afterFunc)
                        add(ap, quote(id) + " is an after-func, not a task");
                    else if (id == taskId)
                        add(ap, "a task cannot wait for itself");
                }
            }
            break;
        case StepOp::Derive: {
            if (st.derive.size() != 1) {
                add(p + ".derive", "a derive step holds exactly one context");
                break;
            }
            const ContextSpec& c = st.derive.front();
            const std::string dp = p + ".derive";
            if (isRoot(c.kind))
                add(dp + ".kind", "derive makes a child of the task's current context; " + article(c.kind) +
                                      " has no parent, so it cannot be derived");
            if (!c.parent.empty())
                add(dp + ".parent", "a derived context has no parent field: its parent is the task's current context");
            if (c.at != 0)
                add(dp + ".at", "a derived context has no \"at\": it is created when the step runs");
            checkKindFields(c, dp);
            break;
        }
        case StepOp::Cancel:
            checkCancelTarget(st.target, st.cause, p + ".cancel", p + ".cause");
            break;
        case StepOp::Spawn: {
            if (st.spawn.size() != 1) {
                add(p + ".spawn", "a spawn step holds exactly one task");
                break;
            }
            if (depth + 1 > kMaxStepNesting) {
                add(p + ".spawn", "spawn and after_func steps nest deeper than 256 levels");
                break;
            }
            const TaskSpec& t = st.spawn.front();
            const std::string sp = p + ".spawn";
            if (t.at != 0)
                add(sp + ".at", "a spawned task starts when its spawn step runs; it has no \"at\"");
            checkTaskContextRef(t.context, sp + ".context");
            checkSteps(t.steps, sp, depth + 1, t.id);
            break;
        }
        case StepOp::Value:
            if (!isGoIdentifier(st.keyType))
                add(p + ".key_type",
                    "invalid key_type " + quote(st.keyType) + ": a key type is a Go identifier such as \"ctxKey\"");
            break;
        case StepOp::AfterFunc: {
            if (st.afterFunc.size() != 1) {
                add(p + ".after_func", "an after_func step holds exactly one after-func");
                break;
            }
            if (depth + 1 > kMaxStepNesting) {
                add(p + ".after_func", "spawn and after_func steps nest deeper than 256 levels");
                break;
            }
            const AfterFuncSpec& a = st.afterFunc.front();
            const std::string ap = p + ".after_func";
            if (a.at != 0)
                add(ap + ".at", "an after-func made by a step is registered when the step runs; it has no \"at\"");
            checkTaskContextRef(a.context, ap + ".context");
            checkSteps(a.steps, ap, depth + 1, a.id);
            break;
        }
        case StepOp::StopAfterFunc:
            checkStopTarget(st.target, p + ".stop_after_func");
            break;
        case StepOp::Fail:
        case StepOp::Log:
            break;
        }
    }
}

bool isTimeField(std::string_view f)
{
    return f == "done_at" || f == "deadline" || f == "created_at" || f == "ended_at" || f == "started_at" ||
           f == "ran_at";
}

const char* kindWord(Expectation::Kind k)
{
    switch (k) {
    case Expectation::Kind::Context: return "a context";
    case Expectation::Kind::Task: return "a task";
    case Expectation::Kind::AfterFunc: return "an after_func";
    case Expectation::Kind::Lookup: return "a lookup";
    case Expectation::Kind::Lint: return "a lint";
    case Expectation::Kind::NoLints: return "a no_lints";
    case Expectation::Kind::Stopped: return "a stopped";
    }
    return "an";
}

void Validator::checkExpectation(const Expectation& e, const std::string& p)
{
    using K = Expectation::Kind;
    auto needTaskOrAfterFunc = [&](const std::string& id, const std::string& path) {
        if (id.empty())
            add(path, "missing task id");
        else if (!m_tasks.find(id))
            add(path, unknownTask(id));
    };
    switch (e.kind) {
    case K::Context:
        if (e.subject.empty())
            add(p + ".context", "missing context id");
        else if (!m_contexts.find(e.subject))
            add(p + ".context", unknownContext(e.subject));
        break;
    case K::Task:
        needTaskOrAfterFunc(e.subject, p + ".task");
        break;
    case K::AfterFunc: {
        const TaskEntry* it = m_tasks.find(e.subject);
        if (e.subject.empty())
            add(p + ".after_func", "missing after-func id");
        else if (!it)
            add(p + ".after_func", "unknown after-func " + quote(e.subject));
        else if (!it->afterFunc)
            add(p + ".after_func", quote(e.subject) + " is a task, not an after-func");
        break;
    }
    case K::Lookup:
        if (e.task.empty())
            add(p + ".task", "a lookup expectation names the task that made the lookup (\"task\")");
        else
            needTaskOrAfterFunc(e.task, p + ".task");
        break;
    case K::Lint: {
        const auto& rules = lintRuleNames();
        if (std::find(rules.begin(), rules.end(), e.subject) == rules.end()) {
            std::string msg = "unknown lint rule " + quote(e.subject);
            std::string near = closestName(e.subject, rules);
            if (!near.empty())
                msg += " (did you mean " + quote(near) + "?)";
            msg += "; the rules are lostcancel, SA1012, SA1029, goroutine-outlived-context, goroutine-leak";
            add(p + ".lint", msg);
        }
        if (!e.task.empty() && !m_contexts.find(e.task) && !m_tasks.find(e.task))
            add(p + ".subject", "unknown subject " + quote(e.task) + ": no context, task or after-func has this id");
        break;
    }
    case K::NoLints:
        break;
    case K::Stopped:
        if (e.subject != "idle" && e.subject != "horizon")
            add(p + ".stopped", "invalid stopped value " + quote(e.subject) + ": use \"idle\" or \"horizon\"");
        break;
    }

    const auto& allowed = expectationFieldNames(e.kind);
    std::uint32_t seen = 0; // bit i: allowed[i] came already (a kind has fewer than 32 fields)
    for (std::size_t f = 0; f < e.fields.size(); ++f) {
        const std::string& name = e.fields[f].first;
        const Scalar& v = e.fields[f].second;
        const std::string fp = p + "." + name;
        const auto known = std::find(allowed.begin(), allowed.end(), name);
        if (known == allowed.end()) {
            std::string msg = "unknown field " + quote(name) + " for " + kindWord(e.kind) + " expectation";
            std::string near = closestName(name, allowed);
            if (!near.empty())
                msg += " (did you mean " + quote(near) + "?)";
            add(fp, msg);
            continue;
        }
        const std::uint32_t bit = 1u << (known - allowed.begin());
        if (seen & bit) {
            add(fp, "field " + quote(name) + " is listed twice");
            continue;
        }
        seen |= bit;
        using T = Scalar::Type;
        if (isTimeField(name)) {
            if (v.type == T::Number) {
                add(fp, "expected a duration, found the number " + v.text + ": " + kNumberForDuration);
            } else if (v.type == T::String) {
                DurationParse d = parseDuration(v.text);
                if (!d.value)
                    add(fp, d.error);
                else if (name != "deadline") // what Deadline() reports may be before time 0
                    checkTime(*d.value, fp);
            } else if (v.type != T::Null) {
                add(fp, "expected a duration string or null");
            }
        } else if (name == "found") {
            if (v.type != T::Bool)
                add(fp, "expected true or false");
        } else if (name == "stopped") {
            if (v.type != T::Bool && v.type != T::Null)
                add(fp, "expected true, false or null");
        } else if (name == "value") {
            // any scalar
        } else if (v.type != T::String && v.type != T::Null) {
            add(fp, "expected a string or null");
        } else if (name == "reason" && v.type == T::String && v.text != "cancel" && v.text != "deadline" &&
                   v.text != "parent") {
            add(fp, "invalid reason " + quote(v.text) + ": use \"cancel\", \"deadline\" or \"parent\"");
        } else if (name == "source" && v.type == T::String && !m_contexts.find(v.text)) {
            add(fp, unknownContext(v.text));
        }
    }
}

std::vector<Problem> Validator::run()
{
    if (m_s.version != 1)
        add("ctxscope", "unsupported format version " + std::to_string(m_s.version) + ": this build reads version 1");

    // Pass 1: declarations, in document order.
    m_contexts.reserve(m_s.contexts.size());
    m_tasks.reserve(m_s.tasks.size() + m_s.afterFuncs.size());
    // Each id (then each parent) is hashed once, kPrefetchAhead contexts early, and its slot
    // fetched then; the hashes wait in a ring until their context's turn.
    const std::size_t n = m_s.contexts.size();
    std::array<std::size_t, kPrefetchAhead> hashes{};
    auto hashAhead = [&](std::size_t j, const std::string& key) {
        hashes[j % kPrefetchAhead] = ContextIndex::hashOf(key);
        m_contexts.prefetchSlot(hashes[j % kPrefetchAhead]);
    };
    for (std::size_t j = 0; j < std::min(n, kPrefetchAhead); ++j)
        hashAhead(j, m_s.contexts[j].id);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t h = hashes[i % kPrefetchAhead];
        if (i + kPrefetchAhead < n)
            hashAhead(i + kPrefetchAhead, m_s.contexts[i + kPrefetchAhead].id);
        declareContext(m_s.contexts[i], nullptr, static_cast<long>(i), h);
    }
    for (std::size_t i = 0; i < m_s.tasks.size(); ++i) {
        const std::string p = index("tasks", i);
        declareTask(m_s.tasks[i].id, p, false);
        declareSteps(m_s.tasks[i].steps, p, 0);
    }
    for (std::size_t i = 0; i < m_s.afterFuncs.size(); ++i) {
        const std::string p = index("after_funcs", i);
        declareTask(m_s.afterFuncs[i].id, p, true);
        declareSteps(m_s.afterFuncs[i].steps, p, 0);
    }
    if (m_contextCount > kMaxContexts)
        add("contexts", "too many contexts: " + std::to_string(m_contextCount) + " (the limit is 1000000)");
    if (m_taskCount > kMaxTasks)
        add("tasks", "too many tasks and after-funcs: " + std::to_string(m_taskCount) + " (the limit is 1000000)");

    // Pass 2: references and per-kind rules.
    if (m_s.until)
        checkTime(*m_s.until, "until");
    // The same for parents, with their specs fetched too once their slots are in.
    for (std::size_t j = 0; j < std::min(n, kPrefetchAhead); ++j)
        hashAhead(j, m_s.contexts[j].parent);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t h = hashes[i % kPrefetchAhead];
        if (i + kPrefetchAhead < n)
            hashAhead(i + kPrefetchAhead, m_s.contexts[i + kPrefetchAhead].parent);
        if (i + kPrefetchAhead / 2 < n)
            m_contexts.prefetchSpec(hashes[(i + kPrefetchAhead / 2) % kPrefetchAhead]);
        checkTopContext(m_s.contexts[i], i, h);
    }

    auto checkTopLevelOwner = [&](const std::string& context, Nanos at, const std::string& path, const char* what,
                                  const char* verb) {
        checkTime(at, path + ".at");
        if (context.empty()) {
            add(path + ".context",
                std::string("a top-level ") + what + " needs a context: the id of a context in \"contexts\"");
            return;
        }
        const std::optional<ContextEntry> it = m_contexts.find(context);
        if (!it) {
            add(path + ".context", unknownContext(context));
        } else if (it->topIndex < 0) {
            add(path + ".context", "context " + quote(context) + " is created by a derive step; a top-level " + what +
                                       " can only use a context from \"contexts\"");
        } else if (at >= 0 && at < it->at) {
            add(path + ".at", std::string(verb) + " at " + formatDuration(at) + ", before its context " +
                                  quote(context) + " exists (created at " + formatDuration(it->at) + ")");
        }
    };
    for (std::size_t i = 0; i < m_s.tasks.size(); ++i) {
        const TaskSpec& t = m_s.tasks[i];
        const std::string p = index("tasks", i);
        checkTopLevelOwner(t.context, t.at, p, "task", "starts");
        checkSteps(t.steps, p, 0, t.id);
    }
    for (std::size_t i = 0; i < m_s.afterFuncs.size(); ++i) {
        const AfterFuncSpec& a = m_s.afterFuncs[i];
        const std::string p = index("after_funcs", i);
        checkTopLevelOwner(a.context, a.at, p, "after-func", "registered");
        checkSteps(a.steps, p, 0, a.id);
    }
    for (std::size_t i = 0; i < m_s.actions.size(); ++i) {
        const Action& a = m_s.actions[i];
        const std::string p = index("actions", i);
        checkTime(a.at, p + ".at");
        if (a.op == ActionOp::Cancel) {
            checkCancelTarget(a.target, a.cause, p + ".cancel", p + ".cause");
        } else {
            checkStopTarget(a.target, p + ".stop_after_func");
            if (a.cause)
                add(p + ".cause", "a cause goes only with cancel");
        }
    }
    for (std::size_t i = 0; i < m_s.expect.size(); ++i)
        checkExpectation(m_s.expect[i], index("expect", i));
    // Predict mode asks about the scenario as shipped, so its subjects are checked here.
    for (std::size_t i = 0; i < m_s.predict.size(); ++i)
        checkPredict(m_s.predict[i], index("predict", i));
    return std::move(m_problems);
}

void Validator::checkPredict(const PredictQuestion& q, const std::string& p)
{
    using K = Expectation::Kind;
    if (q.kind != K::Context && q.kind != K::Task && q.kind != K::AfterFunc && q.kind != K::Lookup) {
        add(p, exerciseMessage(ExerciseError::PredictSubject));
        return;
    }
    // The subject is checked exactly as an expectation's is: same messages, same paths.
    Expectation subject{q.kind, q.subject, q.task, {}};
    checkExpectation(subject, p);
    const std::string fp = p + ".fields";
    if (q.fields.empty()) {
        add(fp, exerciseMessage(ExerciseError::PredictNoFields));
        return;
    }
    const auto& allowed = expectationFieldNames(q.kind);
    std::uint32_t seen = 0; // bit i: allowed[i] came already
    for (std::size_t f = 0; f < q.fields.size(); ++f) {
        const std::string& name = q.fields[f];
        const auto known = std::find(allowed.begin(), allowed.end(), name);
        if (known == allowed.end()) {
            std::string msg = "unknown field " + quote(name) + " for " + kindWord(q.kind) + " subject";
            std::string near = closestName(name, allowed);
            if (!near.empty())
                msg += " (did you mean " + quote(near) + "?)";
            std::string list;
            for (std::string_view a : allowed)
                list += (list.empty() ? "" : ", ") + std::string(a);
            add(index(fp, f), msg + "; the fields are " + list);
        } else if (seen & (1u << (known - allowed.begin()))) {
            add(index(fp, f), "field " + quote(name) + " is listed twice");
        } else {
            seen |= 1u << (known - allowed.begin());
        }
    }
}

bool isIdStart(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool isDigitChar(char c)
{
    return c >= '0' && c <= '9';
}

// Optimal string alignment distance (Levenshtein plus adjacent transpositions), on ASCII
// lowercase, so "Timeout" and "timeout" are neighbours.
std::size_t editDistance(std::string_view a, std::string_view b)
{
    auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        prev2.swap(prev);
        prev.swap(cur);
    }
    return prev[m];
}

} // namespace

// exerciseProblems appends the problems of scenario.exercise (see validateScenario).
static void exerciseProblems(const Scenario& s, std::vector<Problem>& problems)
{
    const Exercise& ex = *s.exercise;
    if (ex.goal.empty())
        problems.push_back({"exercise.goal", exerciseMessage(ExerciseError::GoalEmpty), 0, 0});
    if (ex.doneWhen.empty())
        problems.push_back({"exercise.done_when", exerciseMessage(ExerciseError::DoneWhenEmpty), 0, 0});
    if (ex.solution.empty())
        problems.push_back({"exercise.solution", exerciseMessage(ExerciseError::SolutionEmpty), 0, 0});

    // The solved scenario, with done_when in place of expect so that its entries are checked
    // against the ids the solution has. predict belongs to the shipped scenario: left out.
    Scenario solved = applySolution(s);
    solved.expect = ex.doneWhen;
    solved.exercise.reset();
    solved.predict.clear();
    std::vector<Problem> found = Validator(solved).run();
    if (found.empty())
        return;

    // What the shipped scenario already reports is not repeated. (The views below point into
    // problems, which therefore must not reallocate while they are in use.)
    problems.reserve(problems.size() + found.size());
    std::vector<std::pair<std::string_view, std::string_view>> known;
    known.reserve(problems.size());
    for (const Problem& p : problems)
        known.emplace_back(p.path, p.message);
    std::sort(known.begin(), known.end());
    const Solution& fix = ex.solution;
    auto replaced = [&](std::string_view path) -> bool {
        auto under = [&](std::string_view list) {
            return path.size() > list.size() && path.substr(0, list.size()) == list &&
                   (path[list.size()] == '[' || path[list.size()] == '.');
        };
        return (fix.contexts && (under("contexts") || path == "contexts")) ||
               (fix.tasks && (under("tasks") || path == "tasks")) ||
               (fix.afterFuncs && (under("after_funcs") || path == "after_funcs")) ||
               (fix.actions && (under("actions") || path == "actions"));
    };
    for (Problem& p : found) {
        const std::string_view path = p.path;
        if (path.rfind("expect", 0) == 0) {
            p.path = "exercise.done_when" + p.path.substr(6);
        } else if (replaced(path)) {
            p.path = "exercise.solution." + p.path;
        } else if (std::binary_search(known.begin(), known.end(), std::pair<std::string_view, std::string_view>(path, p.message))) {
            continue;
        } else {
            p.message = exerciseMessage(ExerciseError::WithSolutionApplied) + p.message;
        }
        problems.push_back(std::move(p));
    }
}

std::vector<Problem> validateScenario(const Scenario& scenario)
{
    Validator v(scenario);
    std::vector<Problem> problems = v.run();
    if (scenario.exercise)
        exerciseProblems(scenario, problems);
    return problems;
}

const char* exerciseMessage(ExerciseError e)
{
    switch (e) {
    case ExerciseError::GoalMissing:
        return "missing \"goal\": an exercise says in one sentence what the learner is asked to achieve";
    case ExerciseError::GoalEmpty:
        return "the goal is empty: say in one sentence what the learner is asked to achieve";
    case ExerciseError::DoneWhenMissing:
        return "missing \"done_when\": an exercise lists the expectations that hold once it is solved";
    case ExerciseError::DoneWhenEmpty:
        return "done_when is empty: list at least one expectation that holds once the exercise is solved";
    case ExerciseError::SolutionMissing:
        return "missing \"solution\": an exercise ships its solution, the lists it replaces";
    case ExerciseError::SolutionEmpty:
        return "the solution replaces nothing: give at least one of \"contexts\", \"tasks\", \"after_funcs\", "
               "\"actions\"";
    case ExerciseError::WithSolutionApplied:
        return "with the solution applied: ";
    case ExerciseError::AlreadySolved:
        return "the exercise is already solved as shipped: every done_when entry holds before the learner "
               "changes anything";
    case ExerciseError::SolutionDoesNotSolve:
        return "the solution does not solve the exercise: with it applied, done_when fails";
    case ExerciseError::PredictEmpty:
        return "predict is empty: list at least one question, or leave the key out to ask about \"expect\"";
    case ExerciseError::PredictSubject:
        return "a predict question names a subject that has fields: \"context\", \"task\", \"after_func\" or "
               "\"lookup\"";
    case ExerciseError::PredictNoFields:
        return "a predict question lists the fields to predict, at least one, such as \"fields\": [\"err\"]";
    }
    return "";
}

bool isValidId(std::string_view s)
{
    if (s.empty() || s.size() > 64 || !isIdStart(s[0]))
        return false;
    for (char c : s.substr(1)) {
        if (!(isIdStart(c) || isDigitChar(c) || c == '.' || c == '-'))
            return false;
    }
    return true;
}

bool isGoIdentifier(std::string_view s)
{
    static constexpr std::array<std::string_view, 25> kKeywords = {
        "break",  "case",   "chan",      "const", "continue", "default", "defer", "else",   "fallthrough",
        "for",    "func",   "go",        "goto",  "if",       "import",  "interface", "map", "package",
        "range",  "return", "select",    "struct", "switch",  "type",    "var",
    };
    if (s.empty() || !isIdStart(s[0]))
        return false;
    for (char c : s) {
        if (!(isIdStart(c) || isDigitChar(c)))
            return false;
    }
    return std::find(kKeywords.begin(), kKeywords.end(), s) == kKeywords.end();
}

std::string closestName(std::string_view word, const std::vector<std::string_view>& candidates)
{
    if (word.empty())
        return {};
    // Allow one edit for short words, two for medium, three for long ones: enough for a typo,
    // not so many that unrelated names are offered.
    const std::size_t limit = word.size() <= 3 ? 1 : (word.size() <= 6 ? 2 : 3);
    std::size_t best = limit + 1;
    std::string_view bestName;
    for (std::string_view c : candidates) {
        if (c == word)
            continue;
        const std::size_t longer = std::max(c.size(), word.size());
        const std::size_t shorter = std::min(c.size(), word.size());
        if (longer - shorter > limit)
            continue;
        const std::size_t d = editDistance(word, c);
        if (d < best) {
            best = d;
            bestName = c;
        }
    }
    return best <= limit ? std::string(bestName) : std::string();
}

const std::vector<std::string_view>& expectationFieldNames(Expectation::Kind kind)
{
    static const std::vector<std::string_view> context = {"err",    "cause",    "reason",    "source",
                                                          "done_at", "deadline", "created_at"};
    static const std::vector<std::string_view> task = {"result", "started_at", "ended_at"};
    static const std::vector<std::string_view> afterFunc = {"ran_at", "stopped"};
    static const std::vector<std::string_view> lookup = {"found", "value"};
    static const std::vector<std::string_view> none;
    switch (kind) {
    case Expectation::Kind::Context: return context;
    case Expectation::Kind::Task: return task;
    case Expectation::Kind::AfterFunc: return afterFunc;
    case Expectation::Kind::Lookup: return lookup;
    case Expectation::Kind::Lint:
    case Expectation::Kind::NoLints:
    case Expectation::Kind::Stopped: return none;
    }
    return none;
}

const std::vector<std::string_view>& lintRuleNames()
{
    static const std::vector<std::string_view> rules = {"lostcancel", "SA1012", "SA1029", "goroutine-outlived-context",
                                                        "goroutine-leak"};
    return rules;
}

} // namespace ctxscope
