// Scenario files: JSON text -> Scenario (the saver is scenario_save.cpp). Loading runs in three
// stages: the JSON reader (syntax, with line and column), the structural reader below (keys,
// types, durations; it knows the DOM, so it reports positions directly), and validateScenario
// (references and per-kind rules; its JSON paths are mapped back to DOM positions here). Every
// stage lists all it finds. A plain top-level context (plain_context.h) skips the DOM: it is read
// straight from the text when the structural reader would find nothing wrong with it.
#include "ctxscope/formats/scenario_io.h"

#include "ctxscope/formats/atomic_file.h"
#include "ctxscope/formats/json.h"
#include "plain_context.h"

#include <algorithm>
#include <charconv>
#include <utility>

namespace ctxscope {

namespace {

using json::Member;
using json::Value;

constexpr std::size_t kMaxReportedProblems = 1000;
constexpr int kMaxStepNesting = 256;

const std::vector<std::string_view> kTopKeys = {"ctxscope", "name", "description", "seed", "cancel_order", "until",
                                                "contexts", "tasks", "after_funcs", "actions", "expect",
                                                "exercise", "predict"};
const std::vector<std::string_view> kExerciseKeys = {"goal", "done_when", "hints", "solution", "solution_notes"};
const std::vector<std::string_view> kSolutionKeys = {"contexts", "tasks", "after_funcs", "actions"};
const std::vector<std::string_view> kContextKeys = {"id",      "kind",     "parent", "at",    "label",   "timeout",
                                                    "deadline", "cause",   "key",    "value", "key_type"};
const std::vector<std::string_view> kDeriveKeys = {"id",    "kind", "label", "timeout", "deadline",
                                                   "cause", "key",  "value", "key_type"};
const std::vector<std::string_view> kTopTaskKeys = {"id", "context", "at", "label", "steps"};
const std::vector<std::string_view> kInnerTaskKeys = {"id", "context", "label", "steps"};
const std::vector<std::string_view> kStepOps = {"work",  "await",      "derive",          "cancel", "spawn",
                                                "value", "after_func", "stop_after_func", "fail",   "log"};
const std::vector<std::string_view> kStepKeys = {"work",  "await",      "derive",          "cancel", "spawn",
                                                 "value", "after_func", "stop_after_func", "fail",   "log",
                                                 "watch", "defer_cancel", "cause",         "key_type"};
const std::vector<std::string_view> kActionKeys = {"at", "cancel", "cause", "stop_after_func"};
const std::vector<std::string_view> kExpectSubjects = {"context", "task",     "after_func", "lookup",
                                                       "lint",    "no_lints", "stopped"};

std::string quote(std::string_view s)
{
    return json::quoted(s);
}

std::string indexPath(std::string_view base, std::size_t i)
{
    std::string s(base);
    s += '[';
    s += std::to_string(i);
    s += ']';
    return s;
}

// elementPath sets buf to "base[i]" without allocating once buf is large enough.
const std::string& elementPath(std::string& buf, std::string_view base, std::size_t i)
{
    buf.assign(base);
    buf += '[';
    char digits[24];
    auto r = std::to_chars(digits, digits + sizeof digits, i);
    buf.append(digits, r.ptr);
    buf += ']';
    return buf;
}

std::string child(const std::string& path, std::string_view key)
{
    if (path.empty() || key.empty())
        return path.empty() ? std::string(key) : path;
    std::string s = path;
    s += '.';
    s += key;
    return s;
}

// A path not yet spelled out: nearly every value is fine, so the string is built only when a
// problem needs it (a 200,000-context file would otherwise build millions of them).
struct At {
    const std::string& parent;
    std::string_view key;
    std::string str() const { return child(parent, key); }
};

// "a number", "an object", ... for "expected X, found Y".
std::string found(const Value& v)
{
    switch (v.type) {
    case json::Type::Null: return "null";
    case json::Type::Bool: return v.text;
    case json::Type::Number: return "the number " + v.text;
    case json::Type::String: return "a string";
    case json::Type::Array: return "an array";
    case json::Type::Object: return "an object";
    }
    return "a value";
}

std::string allKinds()
{
    std::string s;
    for (int k = 0; k <= static_cast<int>(ContextKind::WithoutCancel); ++k) {
        if (!s.empty())
            s += ", ";
        s += contextKindName(static_cast<ContextKind>(k));
    }
    return s;
}

// RootList is a list that is a member of the scenario's root object: in the DOM, or (parsed
// with json::parseShallow) left in the text and read one element at a time, so a million
// contexts never sit in memory as a DOM.
class RootList {
public:
    RootList(const Value& list, const json::DeferredArray* deferred, std::string_view text)
        : m_list(list), m_deferred(deferred), m_text(text)
    {
    }
    std::size_t size() const { return m_deferred ? m_deferred->elements.size() : m_list.items.size(); }
    bool empty() const { return size() == 0; }
    // forEach calls f(element, i) for each element in order.
    template <typename F>
    void forEach(F&& f) const
    {
        forEach(std::forward<F>(f), [](std::string_view, std::size_t, std::size_t) { return false; });
    }
    // This forEach first offers each element left in the text to plain(text, offset, i), a
    // reader that needs no json::Value (plain_context.h); f gets the elements it declines.
    template <typename F, typename Plain>
    void forEach(F&& f, Plain&& plain) const
    {
        if (!m_deferred) {
            for (std::size_t i = 0; i < m_list.items.size(); ++i)
                f(m_list.items[i], i);
            return;
        }
        for (std::size_t i = 0; i < m_deferred->elements.size(); ++i) {
            const json::DeferredElement& at = m_deferred->elements[i];
            if (plain(m_text, at.offset, i))
                continue;
            const Value element = json::parseElement(m_text, at);
            f(element, i);
        }
    }

private:
    const Value& m_list;
    const json::DeferredArray* m_deferred;
    std::string_view m_text;
};

class Loader {
public:
    // text and deferred: the document and its root lists left in it (json::parseShallow).
    Loader(std::string_view text, const std::vector<json::DeferredArray>& deferred)
        : m_text(text), m_deferred(deferred)
    {
    }
    std::optional<Scenario> load(const Value& root);
    std::vector<Problem> takeProblems() { return std::move(m_problems); }
    const std::vector<std::string>& structuralPaths() const { return m_paths; }

private:
    void problemAt(std::string path, int line, int column, std::string message)
    {
        m_paths.push_back(path);
        m_problems.push_back({std::move(path), std::move(message), line, column});
    }
    void problem(std::string path, const Value& at, std::string message)
    {
        problemAt(std::move(path), at.line, at.column, std::move(message));
    }
    void problem(const At& path, const Value& at, std::string message) { problem(path.str(), at, std::move(message)); }
    void problemAt(const At& path, int line, int column, std::string message)
    {
        problemAt(path.str(), line, column, std::move(message));
    }
    bool readString(const Value& v, const std::string& path, std::string& out) { return readString(v, At{path, {}}, out); }
    bool readDuration(const Value& v, const std::string& path, Nanos& out) { return readDuration(v, At{path, {}}, out); }
    // unknownKey reports m and returns the key it suggests instead ("" if none).
    std::string unknownKey(const std::string& path, const Member& m, std::string_view where,
                           const std::vector<std::string_view>& keys);
    void missing(const std::string& path, const Value& obj, std::string_view key, std::string message = {});

    bool readString(const Value& v, const At& path, std::string& out);
    bool readDuration(const Value& v, const At& path, Nanos& out);
    bool readBool(const Value& v, const At& path, bool& out);
    bool readScalar(const Value& v, const At& path, Scalar& out);
    const Value* readList(const Value& object, std::string_view key, const std::string& objectPath = {});

    void readContext(const Value& v, const std::string& path, ContextSpec& c, bool derived);
    void readTask(const Value& v, const std::string& path, TaskSpec& t, bool topLevel, int depth);
    void readAfterFunc(const Value& v, const std::string& path, AfterFuncSpec& a, bool topLevel, int depth);
    template <typename Spec>
    void readGoroutine(const Value& v, const std::string& path, Spec& spec, bool topLevel, int depth,
                       const struct GoroutineWords& words);
    void readSteps(const Value& owner, const std::string& path, std::vector<Step>& steps, int depth);
    void readStep(const Value& v, const std::string& path, Step& st, int depth);
    void readAction(const Value& v, const std::string& path, Action& a);
    void readExpectation(const Value& v, const std::string& path, Expectation& e);
    void readExercise(const Value& v, Exercise& ex);
    void readSolution(const Value& v, const std::string& path, Solution& fix);
    void readPredict(const Value& v, const std::string& path, PredictQuestion& q);
    std::optional<RootList> readRootList(const Value& root, std::string_view key)
    {
        const Value* list = readList(root, key);
        if (!list)
            return std::nullopt;
        return RootList(*list, json::findDeferred(m_deferred, key), m_text);
    }

    std::string_view m_text;
    const std::vector<json::DeferredArray>& m_deferred;
    std::vector<Problem> m_problems;
    std::vector<std::string> m_paths;
};

std::string Loader::unknownKey(const std::string& path, const Member& m, std::string_view where,
                               const std::vector<std::string_view>& keys)
{
    std::string msg = "unknown key " + quote(m.key) + " in " + std::string(where);
    const std::string near = closestName(m.key, keys);
    if (!near.empty())
        msg += " (did you mean " + quote(near) + "?)";
    problemAt(child(path, m.key), m.line, m.column, msg);
    return near;
}

void Loader::missing(const std::string& path, const Value& obj, std::string_view key, std::string message)
{
    if (message.empty())
        message = "missing required key " + quote(key);
    problem(child(path, key), obj, std::move(message));
}

bool Loader::readString(const Value& v, const At& path, std::string& out)
{
    if (!v.isString()) {
        problem(path, v, "expected a string, found " + found(v));
        return false;
    }
    out = v.text;
    return true;
}

bool Loader::readDuration(const Value& v, const At& path, Nanos& out)
{
    if (v.isNumber()) {
        problem(path, v, "expected a duration, found the number " + v.text + ": durations are strings such as \"250ms\"");
        return false;
    }
    if (!v.isString()) {
        problem(path, v, "expected a duration string such as \"250ms\", found " + found(v));
        return false;
    }
    DurationParse d = parseDuration(v.text);
    if (!d.value) {
        problem(path, v, d.error);
        return false;
    }
    out = *d.value;
    return true;
}

bool Loader::readBool(const Value& v, const At& path, bool& out)
{
    if (!v.isBool()) {
        problem(path, v, "expected true or false, found " + found(v));
        return false;
    }
    out = v.boolValue();
    return true;
}

bool Loader::readScalar(const Value& v, const At& path, Scalar& out)
{
    switch (v.type) {
    case json::Type::Null: out = Scalar::null(); return true;
    case json::Type::Bool: out = Scalar::boolean(v.boolValue()); return true;
    case json::Type::Number: out = Scalar::number(v.text); return true;
    case json::Type::String: out = Scalar::string(v.text); return true;
    case json::Type::Array:
    case json::Type::Object: break;
    }
    problem(path, v, "expected a string, number, true, false or null, found " + found(v));
    return false;
}

void Loader::readContext(const Value& v, const std::string& path, ContextSpec& c, bool derived)
{
    if (!v.isObject()) {
        problem(path, v, "expected a context object, found " + found(v));
        return;
    }
    std::optional<ContextKind> kind;
    if (const Value* kv = v.find("kind")) {
        if (!kv->isString()) {
            problem(child(path, "kind"), *kv, "expected a string, found " + found(*kv));
        } else if (!(kind = parseContextKind(kv->text))) {
            std::vector<std::string_view> names;
            for (int k = 0; k <= static_cast<int>(ContextKind::WithoutCancel); ++k)
                names.push_back(contextKindName(static_cast<ContextKind>(k)));
            std::string msg = "unknown kind " + quote(kv->text);
            const std::string near = closestName(kv->text, names);
            if (!near.empty())
                msg += " (did you mean " + quote(near) + "?)";
            problem(child(path, "kind"), *kv, msg + "; the kinds are " + allKinds());
            // What depends on the kind would only echo this mistake ("a WithCancel context has
            // no timeout"): keep validateScenario's findings on those fields out.
            for (const char* field : {"timeout", "deadline", "cause", "key", "value", "key_type"})
                m_paths.push_back(child(path, field));
        }
    } else {
        missing(path, v, "kind");
    }
    if (kind)
        c.kind = *kind;

    bool seenId = false, seenTimeout = false, seenDeadline = false, seenCause = false, seenKey = false,
         seenValue = false;
    std::vector<std::string> suggested;
    auto notFor = [&](const Member& m, const char* forWhom) {
        problemAt(child(path, m.key), m.line, m.column,
                  quote(m.key) + " does not belong to a " + contextKindName(*kind) + " context (it is for " + forWhom + ")");
    };
    for (const Member& m : v.members) {
        const std::string& k = m.key;
        const At p{path, k};
        if (k == "id") {
            seenId = true;
            readString(m.value, p, c.id);
        } else if (k == "kind") {
            // read above
        } else if (k == "label") {
            readString(m.value, p, c.label);
        } else if (k == "parent") {
            if (derived)
                problemAt(p, m.line, m.column,
                          "a derived context has no \"parent\": its parent is the task's current context");
            else if (!m.value.isNull())
                readString(m.value, p, c.parent);
        } else if (k == "at") {
            if (derived)
                problemAt(p, m.line, m.column, "a derived context has no \"at\": it is created when the step runs");
            else
                readDuration(m.value, p, c.at);
        } else if (k == "timeout") {
            seenTimeout = true;
            if (kind && !isTimeoutKind(*kind))
                notFor(m, "WithTimeout and WithTimeoutCause");
            else
                readDuration(m.value, p, c.timeout);
        } else if (k == "deadline") {
            seenDeadline = true;
            if (kind && !isDeadlineKind(*kind))
                notFor(m, "WithDeadline and WithDeadlineCause");
            else
                readDuration(m.value, p, c.deadline);
        } else if (k == "cause") {
            seenCause = true;
            if (kind && !isCauseDeadlineKind(*kind))
                notFor(m, "WithTimeoutCause and WithDeadlineCause; a cancel function's cause goes with cancel");
            else
                readString(m.value, p, c.cause);
        } else if (k == "key" || k == "value" || k == "key_type") {
            if (kind && *kind != ContextKind::WithValue) {
                notFor(m, "WithValue");
                continue;
            }
            if (k == "key") {
                seenKey = true;
                readString(m.value, p, c.key);
            } else if (k == "value") {
                seenValue = true;
                readScalar(m.value, p, c.value);
            } else {
                readString(m.value, p, c.keyType);
            }
        } else {
            suggested.push_back(
                unknownKey(path, m, derived ? "a derived context" : "a context", derived ? kDeriveKeys : kContextKeys));
        }
    }
    // A missing key that an unknown key was just said to be a typo of is not reported twice.
    auto need = [&](bool seen, std::string_view key, std::string message = {}) {
        if (!seen && std::find(suggested.begin(), suggested.end(), key) == suggested.end())
            missing(path, v, key, std::move(message));
    };
    need(seenId, "id");
    if (!kind)
        return;
    const std::string kindName = contextKindName(*kind);
    if (isTimeoutKind(*kind))
        need(seenTimeout, "timeout", "missing \"timeout\": a " + kindName + " context needs one, such as \"200ms\"");
    if (isDeadlineKind(*kind))
        need(seenDeadline, "deadline",
             "missing \"deadline\": a " + kindName + " context needs a point in time, such as \"500ms\"");
    if (isCauseDeadlineKind(*kind))
        need(seenCause, "cause", "missing \"cause\": a " + kindName + " context needs the cause its deadline reports");
    if (*kind == ContextKind::WithValue) {
        need(seenKey, "key", "missing \"key\": a WithValue context needs a key");
        need(seenValue, "value", "missing \"value\": a WithValue context needs a value (null is allowed)");
    }
}

void Loader::readSteps(const Value& stepsValue, const std::string& path, std::vector<Step>& steps, int depth)
{
    if (!stepsValue.isArray()) {
        problem(path, stepsValue, "expected a list of steps, found " + found(stepsValue));
        return;
    }
    steps.resize(stepsValue.items.size());
    for (std::size_t j = 0; j < steps.size(); ++j) {
        steps[j].op = StepOp::Log; // a placeholder that validates, should the step not be readable
        readStep(stepsValue.items[j], indexPath(path, j), steps[j], depth);
    }
}

// Tasks and after-funcs share one shape (id, context, at, label, steps); only the nouns in the
// messages differ.
struct GoroutineWords {
    const char* object;    // "a task object"
    const char* top;       // "a task"
    const char* inner;     // "a spawned task"
    const char* innerAt;   // why an inner one has no "at"
};

template <typename Spec>
void Loader::readGoroutine(const Value& v, const std::string& path, Spec& spec, bool topLevel, int depth,
                           const GoroutineWords& words)
{
    if (!v.isObject()) {
        problem(path, v, std::string("expected ") + words.object + ", found " + found(v));
        return;
    }
    bool seenId = false;
    for (const Member& m : v.members) {
        const std::string& k = m.key;
        const At p{path, k};
        if (k == "id") {
            seenId = true;
            readString(m.value, p, spec.id);
        } else if (k == "context") {
            readString(m.value, p, spec.context);
        } else if (k == "label") {
            readString(m.value, p, spec.label);
        } else if (k == "steps") {
            readSteps(m.value, p.str(), spec.steps, depth);
        } else if (k == "at") {
            if (topLevel)
                readDuration(m.value, p, spec.at);
            else
                problemAt(p, m.line, m.column, words.innerAt);
        } else {
            if (unknownKey(path, m, topLevel ? words.top : words.inner, topLevel ? kTopTaskKeys : kInnerTaskKeys) == "id")
                seenId = true; // reported as a typo already
        }
    }
    if (!seenId)
        missing(path, v, "id");
}

void Loader::readTask(const Value& v, const std::string& path, TaskSpec& t, bool topLevel, int depth)
{
    static constexpr GoroutineWords words{"a task object", "a task", "a spawned task",
                                          "a spawned task has no \"at\": it starts when the spawn step runs"};
    readGoroutine(v, path, t, topLevel, depth, words);
}

void Loader::readAfterFunc(const Value& v, const std::string& path, AfterFuncSpec& a, bool topLevel, int depth)
{
    static constexpr GoroutineWords words{
        "an after-func object", "an after-func", "an after-func",
        "an after-func made by a step has no \"at\": it is registered when the step runs"};
    readGoroutine(v, path, a, topLevel, depth, words);
}

void Loader::readStep(const Value& v, const std::string& path, Step& st, int depth)
{
    if (!v.isObject()) {
        problem(path, v, "expected a step object such as {\"work\": \"10ms\"}, found " + found(v));
        return;
    }
    const Member* op = nullptr;
    bool unknown = false;
    bool twoOps = false;
    for (const Member& m : v.members) {
        if (std::find(kStepOps.begin(), kStepOps.end(), m.key) != kStepOps.end()) {
            if (op) {
                problemAt(child(path, m.key), m.line, m.column,
                          "a step has exactly one operation, found " + quote(op->key) + " and " + quote(m.key));
                twoOps = true;
            } else {
                op = &m;
            }
        } else if (std::find(kStepKeys.begin(), kStepKeys.end(), m.key) == kStepKeys.end()) {
            unknownKey(path, m, "a step", kStepKeys);
            unknown = true;
        }
    }
    if (!op) {
        if (!unknown)
            problem(path, v,
                    "a step needs one operation: work, await, derive, cancel, spawn, value, after_func, "
                    "stop_after_func, fail or log");
        return;
    }
    if (twoOps)
        return;
    const std::string& opName = op->key;
    // Modifiers belong to one operation each.
    auto modifierOk = [&](const Member& m, std::string_view owner) {
        if (opName == owner)
            return true;
        problemAt(child(path, m.key), m.line, m.column,
                  quote(m.key) + " goes only with " + quote(owner) + ", not with " + quote(opName));
        return false;
    };
    for (const Member& m : v.members) {
        const At p{path, m.key};
        if (m.key == "watch") {
            if (!modifierOk(m, "work"))
                continue;
            if (!m.value.isString()) {
                problem(p, m.value,
                        "expected \"done\", \"none\" or a polling interval such as \"50ms\", found " + found(m.value));
            } else if (m.value.text == "done") {
                st.watch = Watch::Done;
            } else if (m.value.text == "none") {
                st.watch = Watch::None;
            } else {
                DurationParse d = parseDuration(m.value.text);
                if (!d.value) {
                    problem(p, m.value,
                            "invalid watch " + quote(m.value.text) +
                                ": use \"done\", \"none\" or a polling interval such as \"50ms\"");
                } else {
                    st.watch = Watch::Poll;
                    st.pollEvery = *d.value;
                }
            }
        } else if (m.key == "defer_cancel") {
            if (modifierOk(m, "derive"))
                readBool(m.value, p, st.deferCancel);
        } else if (m.key == "cause") {
            if (modifierOk(m, "cancel")) {
                std::string cause;
                if (readString(m.value, p, cause))
                    st.cause = std::move(cause);
            }
        } else if (m.key == "key_type") {
            if (modifierOk(m, "value"))
                readString(m.value, p, st.keyType);
        }
    }

    const Value& ov = op->value;
    const std::string p = child(path, opName);
    if (opName == "work") {
        st.op = StepOp::Work;
        readDuration(ov, p, st.duration);
    } else if (opName == "await") {
        st.op = StepOp::Await;
        if (ov.isString() && ov.text == "done") {
            st.await = AwaitKind::Done;
        } else if (ov.isString() && ov.text == "children") {
            st.await = AwaitKind::Children;
        } else if (ov.isArray()) {
            st.await = AwaitKind::List;
            st.awaitIds.resize(ov.items.size());
            for (std::size_t k = 0; k < ov.items.size(); ++k)
                readString(ov.items[k], indexPath(p, k), st.awaitIds[k]);
        } else if (ov.isString()) {
            problem(p, ov, "invalid await " + quote(ov.text) + ": use \"done\", \"children\" or a list of task ids");
        } else {
            problem(p, ov, "expected \"done\", \"children\" or a list of task ids, found " + found(ov));
        }
    } else if (opName == "derive") {
        st.op = StepOp::Derive;
        st.derive.resize(1);
        readContext(ov, p, st.derive.front(), true);
    } else if (opName == "cancel") {
        st.op = StepOp::Cancel;
        readString(ov, p, st.target);
    } else if (opName == "spawn") {
        st.op = StepOp::Spawn;
        st.spawn.resize(1);
        if (depth + 1 > kMaxStepNesting)
            problem(p, ov, "spawn and after_func steps nest deeper than 256 levels");
        else
            readTask(ov, p, st.spawn.front(), false, depth + 1);
    } else if (opName == "value") {
        st.op = StepOp::Value;
        readString(ov, p, st.text);
    } else if (opName == "after_func") {
        st.op = StepOp::AfterFunc;
        st.afterFunc.resize(1);
        if (depth + 1 > kMaxStepNesting)
            problem(p, ov, "spawn and after_func steps nest deeper than 256 levels");
        else
            readAfterFunc(ov, p, st.afterFunc.front(), false, depth + 1);
    } else if (opName == "stop_after_func") {
        st.op = StepOp::StopAfterFunc;
        readString(ov, p, st.target);
    } else if (opName == "fail") {
        st.op = StepOp::Fail;
        readString(ov, p, st.text);
    } else if (opName == "log") {
        st.op = StepOp::Log;
        readString(ov, p, st.text);
    }
}

void Loader::readAction(const Value& v, const std::string& path, Action& a)
{
    if (!v.isObject()) {
        problem(path, v, "expected an action object such as {\"at\": \"150ms\", \"cancel\": \"req\"}, found " + found(v));
        return;
    }
    const Member* op = nullptr;
    bool seenAt = false;
    bool typoOp = false;
    for (const Member& m : v.members) {
        const At p{path, m.key};
        if (m.key == "at") {
            seenAt = true;
            readDuration(m.value, p, a.at);
        } else if (m.key == "cancel" || m.key == "stop_after_func") {
            if (op) {
                problemAt(p, m.line, m.column,
                          "an action does exactly one thing, found " + quote(op->key) + " and " + quote(m.key));
                continue;
            }
            op = &m;
            a.op = m.key == "cancel" ? ActionOp::Cancel : ActionOp::StopAfterFunc;
            readString(m.value, p, a.target);
        } else if (m.key == "cause") {
            std::string cause;
            if (readString(m.value, p, cause))
                a.cause = std::move(cause);
        } else {
            const std::string near = unknownKey(path, m, "an action", kActionKeys);
            seenAt = seenAt || near == "at"; // reported as a typo already
            typoOp = typoOp || near == "cancel" || near == "stop_after_func";
        }
    }
    if (!seenAt)
        missing(path, v, "at", "missing \"at\": an action happens at a point in time such as \"150ms\"");
    if (!op) {
        if (!typoOp)
            problem(path, v, "an action needs \"cancel\" or \"stop_after_func\"");
        else
            m_paths.push_back(path); // the typo is reported; keep validateScenario's echo out
    } else if (a.op == ActionOp::StopAfterFunc && a.cause) {
        const Member* cm = v.findMember("cause");
        problemAt(child(path, "cause"), cm->line, cm->column, "\"cause\" goes only with \"cancel\"");
        a.cause.reset();
    }
}

void Loader::readExpectation(const Value& v, const std::string& path, Expectation& e)
{
    using K = Expectation::Kind;
    e.kind = K::NoLints; // a placeholder that validates, should the entry not be readable
    if (!v.isObject()) {
        problem(path, v, "expected an expectation object such as {\"context\": \"req\", \"err\": null}, found " + found(v));
        return;
    }
    // The subject decides the kind. Some subject words are also fields of other kinds ("task"
    // names a lookup's task, "stopped" is an after-func field), so the first subject in this
    // order wins and the rest are read as that kind's fields.
    static const std::pair<std::string_view, K> kPrecedence[] = {
        {"lookup", K::Lookup}, {"lint", K::Lint}, {"context", K::Context}, {"after_func", K::AfterFunc},
        {"task", K::Task},     {"no_lints", K::NoLints}, {"stopped", K::Stopped},
    };
    const Member* subject = nullptr;
    K kind = K::Context;
    for (const auto& [word, k] : kPrecedence) {
        if (const Member* m = v.findMember(word)) {
            subject = m;
            kind = k;
            break;
        }
    }
    if (!subject) {
        problem(path, v,
                "an expectation names a subject: one of \"context\", \"task\", \"after_func\", \"lookup\", \"lint\", "
                "\"no_lints\", \"stopped\"");
        return;
    }
    const std::string& sk = subject->key;
    const std::string sp = child(path, sk);

    if (kind == K::NoLints) {
        if (!subject->value.isBool() || !subject->value.boolValue())
            problem(sp, subject->value, "expected true (\"no_lints\": true), found " + found(subject->value));
    } else {
        readString(subject->value, sp, e.subject);
    }
    e.kind = kind;

    std::vector<std::string_view> allowed = expectationFieldNames(kind);
    if (kind == K::Lookup)
        allowed.insert(allowed.begin(), "task");
    if (kind == K::Lint)
        allowed.push_back("subject");
    static const char* const kWords[] = {"a context", "a task", "an after_func", "a lookup", "a lint", "a no_lints",
                                         "a stopped"};
    bool seenTask = false;
    for (const Member& m : v.members) {
        if (&m == subject)
            continue;
        const At p{path, m.key};
        if (std::find(allowed.begin(), allowed.end(), m.key) == allowed.end()) {
            if (std::find(kExpectSubjects.begin(), kExpectSubjects.end(), m.key) != kExpectSubjects.end())
                problemAt(p, m.line, m.column,
                          "an expectation names one subject, found " + quote(sk) + " and " + quote(m.key));
            else
                unknownKey(path, m, std::string(kWords[static_cast<int>(kind)]) + " expectation", allowed);
            continue;
        }
        if ((kind == K::Lookup && m.key == "task") || (kind == K::Lint && m.key == "subject")) {
            seenTask = true;
            readString(m.value, p, e.task);
            continue;
        }
        Scalar s;
        if (!readScalar(m.value, p, s))
            continue;
        // Times are kept as canonical duration text, so equal files load to equal scenarios.
        const bool timeField = m.key.size() > 3 && (m.key.ends_with("_at") || m.key == "deadline");
        if (timeField && s.type == Scalar::Type::String) {
            DurationParse d = parseDuration(s.text);
            if (!d.value) {
                problem(p, m.value, d.error);
                continue;
            }
            s.text = formatDuration(*d.value);
        } else if (timeField && s.type == Scalar::Type::Number) {
            problem(p, m.value, "expected a duration, found the number " + s.text + ": durations are strings such as \"250ms\"");
            continue;
        }
        e.fields.emplace_back(m.key, std::move(s));
    }
    if (kind == K::Lookup && !seenTask) {
        missing(path, v, "task", "missing \"task\": a lookup expectation names the task that made the lookup");
    }
}

const Value* Loader::readList(const Value& object, std::string_view key, const std::string& objectPath)
{
    const Member* m = object.findMember(key);
    if (!m)
        return nullptr;
    if (!m->value.isArray()) {
        problem(child(objectPath, key), m->value, "expected a list, found " + found(m->value));
        return nullptr;
    }
    return &m->value;
}

void Loader::readExercise(const Value& v, Exercise& ex)
{
    const std::string path = "exercise";
    bool seenGoal = false, seenDoneWhen = false, seenSolution = false;
    std::vector<std::string> suggested;
    for (const Member& m : v.members) {
        const std::string& k = m.key;
        const At p{path, k};
        if (k == "goal") {
            seenGoal = true;
            readString(m.value, p, ex.goal);
        } else if (k == "done_when") {
            seenDoneWhen = true;
            if (const Value* list = readList(v, k, path)) {
                ex.doneWhen.resize(list->items.size());
                std::string ep;
                for (std::size_t i = 0; i < list->items.size(); ++i)
                    readExpectation(list->items[i], elementPath(ep, "exercise.done_when", i), ex.doneWhen[i]);
            }
        } else if (k == "hints") {
            if (const Value* list = readList(v, k, path)) {
                ex.hints.resize(list->items.size());
                for (std::size_t i = 0; i < list->items.size(); ++i)
                    readString(list->items[i], indexPath(p.str(), i), ex.hints[i]);
            }
        } else if (k == "solution") {
            seenSolution = true;
            readSolution(m.value, p.str(), ex.solution);
        } else if (k == "solution_notes") {
            readString(m.value, p, ex.solutionNotes);
        } else {
            suggested.push_back(unknownKey(path, m, "an exercise", kExerciseKeys));
        }
    }
    auto need = [&](bool seen, std::string_view key, ExerciseError message) {
        if (!seen && std::find(suggested.begin(), suggested.end(), key) == suggested.end())
            missing(path, v, key, exerciseMessage(message));
        else if (!seen)
            m_paths.push_back(child(path, key)); // the typo is reported; keep the validator's echo out
    };
    need(seenGoal, "goal", ExerciseError::GoalMissing);
    need(seenDoneWhen, "done_when", ExerciseError::DoneWhenMissing);
    need(seenSolution, "solution", ExerciseError::SolutionMissing);
}

void Loader::readSolution(const Value& v, const std::string& path, Solution& fix)
{
    if (!v.isObject()) {
        problem(path, v,
                "expected an object of the lists the solution replaces, such as {\"tasks\": [...]}, found " + found(v));
        m_paths.push_back(path);
        return;
    }
    for (const Member& m : v.members) {
        if (std::find(kSolutionKeys.begin(), kSolutionKeys.end(), m.key) == kSolutionKeys.end())
            unknownKey(path, m, "a solution (it replaces contexts, tasks, after_funcs or actions)", kSolutionKeys);
    }
    std::string ep; // reused: one buffer for every element's path
    const std::string base = path + ".";
    if (const Value* list = readList(v, "contexts", path)) {
        fix.contexts.emplace(list->items.size());
        for (std::size_t i = 0; i < list->items.size(); ++i)
            readContext(list->items[i], elementPath(ep, base + "contexts", i), (*fix.contexts)[i], false);
    }
    if (const Value* list = readList(v, "tasks", path)) {
        fix.tasks.emplace(list->items.size());
        for (std::size_t i = 0; i < list->items.size(); ++i)
            readTask(list->items[i], elementPath(ep, base + "tasks", i), (*fix.tasks)[i], true, 0);
    }
    if (const Value* list = readList(v, "after_funcs", path)) {
        fix.afterFuncs.emplace(list->items.size());
        for (std::size_t i = 0; i < list->items.size(); ++i)
            readAfterFunc(list->items[i], elementPath(ep, base + "after_funcs", i), (*fix.afterFuncs)[i], true, 0);
    }
    if (const Value* list = readList(v, "actions", path)) {
        fix.actions.emplace(list->items.size());
        for (std::size_t i = 0; i < list->items.size(); ++i)
            readAction(list->items[i], elementPath(ep, base + "actions", i), (*fix.actions)[i]);
    }
}

void Loader::readPredict(const Value& v, const std::string& path, PredictQuestion& q)
{
    using K = Expectation::Kind;
    if (!v.isObject()) {
        problem(path, v,
                "expected a question such as {\"task\": \"fetch\", \"fields\": [\"result\"]}, found " + found(v));
        m_paths.push_back(path);
        return;
    }
    // The subject is named as in an expectation; a lookup's "task" is the task that looked.
    static const std::pair<std::string_view, K> kSubjects[] = {
        {"lookup", K::Lookup}, {"context", K::Context}, {"after_func", K::AfterFunc}, {"task", K::Task}};
    const Member* subject = nullptr;
    for (const auto& [word, k] : kSubjects) {
        if (const Member* m = v.findMember(word)) {
            subject = m;
            q.kind = k;
            break;
        }
    }
    if (!subject) {
        const Member* other = nullptr;
        for (const char* word : {"lint", "no_lints", "stopped"})
            other = other ? other : v.findMember(word);
        if (other)
            problemAt(child(path, other->key), other->line, other->column, exerciseMessage(ExerciseError::PredictSubject));
        else
            problem(path, v, exerciseMessage(ExerciseError::PredictSubject));
        m_paths.push_back(path);
        return;
    }
    readString(subject->value, child(path, subject->key), q.subject);
    bool seenTask = false, seenFields = false;
    for (const Member& m : v.members) {
        if (&m == subject)
            continue;
        const At p{path, m.key};
        if (q.kind == K::Lookup && m.key == "task") {
            seenTask = true;
            readString(m.value, p, q.task);
        } else if (m.key == "fields") {
            seenFields = true;
            if (!m.value.isArray()) {
                problem(p, m.value, "expected a list of field names such as [\"err\", \"done_at\"], found " + found(m.value));
                m_paths.push_back(p.str());
                continue;
            }
            q.fields.resize(m.value.items.size());
            for (std::size_t i = 0; i < q.fields.size(); ++i)
                readString(m.value.items[i], indexPath(p.str(), i), q.fields[i]);
        } else if (std::find(kExpectSubjects.begin(), kExpectSubjects.end(), m.key) != kExpectSubjects.end()) {
            problemAt(p, m.line, m.column,
                      "a predict question names one subject, found " + quote(subject->key) + " and " + quote(m.key));
            m_paths.push_back(child(path, "fields")); // which fields fit is unclear: no echoes
        } else {
            std::vector<std::string_view> keys = {"fields"};
            if (q.kind == K::Lookup)
                keys.push_back("task");
            const auto& fields = expectationFieldNames(q.kind);
            const bool isField = std::find(fields.begin(), fields.end(), m.key) != fields.end();
            if (isField)
                problemAt(p, m.line, m.column,
                          "a predict question has no answers: name " + quote(m.key) + " in \"fields\" instead");
            else
                unknownKey(path, m, "a predict question", keys);
        }
    }
    if (q.kind == K::Lookup && !seenTask)
        missing(path, v, "task", "missing \"task\": a lookup question names the task that made the lookup");
    if (!seenFields) {
        missing(path, v, "fields", exerciseMessage(ExerciseError::PredictNoFields));
        m_paths.push_back(child(path, "fields"));
    }
}

std::optional<Scenario> Loader::load(const Value& root)
{
    if (!root.isObject()) {
        problem("", root, "a scenario file holds one JSON object, found " + found(root));
        return std::nullopt;
    }
    const Value* version = root.find("ctxscope");
    if (!version) {
        std::string msg = "missing \"ctxscope\": a scenario file starts with \"ctxscope\": 1";
        if (root.find("ctxscope_report"))
            msg += " (this is a ctxscope report, not a scenario)";
        else if (root.find("ctxscope_trace"))
            msg += " (this is a ctxscope trace, not a scenario)";
        problem("ctxscope", root, msg);
        return std::nullopt;
    }
    if (!version->isNumber()) {
        problem("ctxscope", *version, "expected the format version 1, found " + found(*version));
        return std::nullopt;
    }
    if (version->text != "1") {
        problem("ctxscope", *version, "unsupported format version " + version->text + ": this build reads version 1");
        return std::nullopt;
    }

    Scenario s;
    bool seenName = false;
    for (const Member& m : root.members) {
        const std::string& k = m.key;
        if (k == "ctxscope") {
            // checked above
        } else if (k == "name") {
            seenName = true;
            readString(m.value, k, s.name);
        } else if (k == "description") {
            readString(m.value, k, s.description);
        } else if (k == "seed") {
            const Value& sv = m.value;
            if (!sv.isNumber()) {
                problem(k, sv, "expected an integer, found " + found(sv));
            } else if (sv.text.find_first_of(".eE") != std::string::npos) {
                problem(k, sv, "the seed must be an integer, found " + sv.text);
            } else {
                std::int64_t seed = 0;
                auto r = std::from_chars(sv.text.data(), sv.text.data() + sv.text.size(), seed);
                if (r.ec != std::errc() || r.ptr != sv.text.data() + sv.text.size())
                    problem(k, sv, "the seed " + sv.text + " does not fit in a 64-bit signed integer");
                else
                    s.seed = seed;
            }
        } else if (k == "cancel_order") {
            std::string order;
            if (readString(m.value, k, order)) {
                if (order == "creation")
                    s.cancelOrder = CancelOrder::Creation;
                else if (order == "random")
                    s.cancelOrder = CancelOrder::Random;
                else
                    problem(k, m.value, "invalid cancel_order " + quote(order) + ": use \"creation\" or \"random\"");
            }
        } else if (k == "until") {
            Nanos until = 0;
            if (readDuration(m.value, k, until))
                s.until = until;
        } else if (k == "contexts" || k == "tasks" || k == "after_funcs" || k == "actions" || k == "expect" ||
                   k == "exercise" || k == "predict") {
            // read below, in a fixed order, once every top-level key is known
        } else {
            if (unknownKey("", m, "the scenario", kTopKeys) == "name")
                seenName = true; // reported as a typo already
        }
    }
    if (!seenName)
        missing("", root, "name");

    std::string path; // reused: one buffer for every element's path
    if (std::optional<RootList> list = readRootList(root, "contexts")) {
        // Made one by one as they are read, not resized first: each of a million ContextSpecs
        // is then written while it is in the cache, not constructed once and filled later.
        s.contexts.reserve(list->size());
        auto spec = [&](std::size_t i) -> ContextSpec& {
            if (s.contexts.size() == i)
                s.contexts.emplace_back();
            return s.contexts[i];
        };
        list->forEach(
            [&](const Value& e, std::size_t i) { readContext(e, elementPath(path, "contexts", i), spec(i), false); },
            [&](std::string_view text, std::size_t offset, std::size_t i) {
                return detail::readPlainContext(text, offset, spec(i));
            });
    }
    if (std::optional<RootList> list = readRootList(root, "tasks")) {
        s.tasks.resize(list->size());
        list->forEach([&](const Value& e, std::size_t i) {
            readTask(e, elementPath(path, "tasks", i), s.tasks[i], true, 0);
        });
    }
    if (std::optional<RootList> list = readRootList(root, "after_funcs")) {
        s.afterFuncs.resize(list->size());
        list->forEach([&](const Value& e, std::size_t i) {
            readAfterFunc(e, elementPath(path, "after_funcs", i), s.afterFuncs[i], true, 0);
        });
    }
    if (std::optional<RootList> list = readRootList(root, "actions")) {
        s.actions.resize(list->size());
        list->forEach([&](const Value& e, std::size_t i) {
            readAction(e, elementPath(path, "actions", i), s.actions[i]);
        });
    }
    if (std::optional<RootList> list = readRootList(root, "expect")) {
        s.expect.resize(list->size());
        list->forEach([&](const Value& e, std::size_t i) {
            readExpectation(e, elementPath(path, "expect", i), s.expect[i]);
        });
    }
    if (const Member* m = root.findMember("exercise")) {
        if (!m->value.isObject()) {
            problem("exercise", m->value,
                    "expected an exercise object with \"goal\", \"done_when\" and \"solution\", found " + found(m->value));
            m_paths.emplace_back("exercise");
        } else {
            readExercise(m->value, s.exercise.emplace());
        }
    }
    if (std::optional<RootList> list = readRootList(root, "predict")) {
        if (list->empty()) {
            problem("predict", *root.find("predict"), exerciseMessage(ExerciseError::PredictEmpty));
            m_paths.emplace_back("predict");
        }
        s.predict.resize(list->size());
        list->forEach([&](const Value& e, std::size_t i) {
            readPredict(e, elementPath(path, "predict", i), s.predict[i]);
        });
    }
    return s;
}

// locate maps a JSON path from validateScenario ("tasks[0].steps[2].derive.timeout") to the
// position of the deepest value on that path that exists in the document: the value itself
// if present, otherwise the object that lacks it.
std::pair<int, int> locate(const Value& root, std::string_view path, std::string_view text = {},
                           const std::vector<json::DeferredArray>& deferred = {})
{
    const Value* at = &root;
    Value element; // a deferred element of a root list, read from the text
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '.') {
            ++i;
            continue;
        }
        if (path[i] == '[') {
            const std::size_t close = path.find(']', i);
            if (close == std::string_view::npos)
                break;
            std::size_t n = 0;
            auto r = std::from_chars(path.data() + i + 1, path.data() + close, n);
            if (r.ec != std::errc() || !at->isArray())
                break;
            const json::DeferredArray* d = nullptr;
            if (at != &root && !deferred.empty()) {
                for (const Member& m : root.members) {
                    if (&m.value == at) {
                        d = json::findDeferred(deferred, m.key);
                        break;
                    }
                }
            }
            if (d) {
                if (n >= d->elements.size())
                    break;
                element = json::parseElement(text, d->elements[n]);
                at = &element;
            } else {
                if (n >= at->items.size())
                    break;
                at = &at->items[n];
            }
            i = close + 1;
            continue;
        }
        std::size_t end = path.find_first_of(".[", i);
        if (end == std::string_view::npos)
            end = path.size();
        const Value* next = at->isObject() ? at->find(path.substr(i, end - i)) : nullptr;
        if (!next)
            break;
        at = next;
        i = end;
    }
    return {at->line, at->column};
}

} // namespace

LoadResult parseScenario(std::string_view text)
{
    LoadResult result;
    json::ParseResult parsed = json::parseShallow(text);
    if (!parsed.ok()) {
        result.problems.push_back({"", parsed.error.message, parsed.error.line, parsed.error.column});
        return result;
    }
    const Value& root = *parsed.value;
    Loader loader(text, parsed.deferred);
    std::optional<Scenario> scenario = loader.load(root);
    std::vector<std::string> structural = loader.structuralPaths();
    result.problems = loader.takeProblems();
    if (!scenario)
        return result;

    // Semantic problems, minus those inside a part the structural reader already rejected
    // (its placeholder would only produce echoes of the same mistake).
    std::sort(structural.begin(), structural.end());
    structural.erase(std::unique(structural.begin(), structural.end()), structural.end());
    auto isEcho = [&](std::string_view path) {
        auto has = [&](std::string_view prefix) {
            return std::binary_search(structural.begin(), structural.end(), prefix,
                                      [](std::string_view a, std::string_view b) { return a < b; });
        };
        for (std::size_t i = 0; i < path.size(); ++i) {
            if ((path[i] == '.' || path[i] == '[') && has(path.substr(0, i)))
                return true;
        }
        return has(path);
    };
    for (Problem& p : validateScenario(*scenario)) {
        if (isEcho(p.path))
            continue;
        auto [line, column] = locate(root, p.path, text, parsed.deferred);
        p.line = line;
        p.column = column;
        result.problems.push_back(std::move(p));
    }
    // Document order; problems at the same place keep the order they were found in.
    std::stable_sort(result.problems.begin(), result.problems.end(), [](const Problem& a, const Problem& b) {
        if (a.line != b.line)
            return a.line < b.line;
        return a.column < b.column;
    });
    if (result.problems.size() > kMaxReportedProblems) {
        const std::size_t more = result.problems.size() - kMaxReportedProblems;
        result.problems.resize(kMaxReportedProblems);
        result.problems.push_back({"", std::to_string(more) + " more problems not shown", 0, 0});
    }
    if (result.problems.empty())
        result.scenario = std::move(scenario);
    return result;
}

void locateProblems(std::string_view text, std::vector<Problem>& problems)
{
    json::ParseResult parsed = json::parse(text);
    if (!parsed.ok())
        return;
    for (Problem& p : problems) {
        auto [line, column] = locate(*parsed.value, p.path);
        p.line = line;
        p.column = column;
    }
}

LoadResult loadScenarioFile(const std::string& path)
{
    std::string text;
    std::string error;
    if (!readFile(path, &text, &error, json::kMaxDocumentBytes)) {
        LoadResult result;
        result.problems.push_back({"", error, 0, 0});
        return result;
    }
    return parseScenario(text);
}

std::string formatProblem(const std::string& file, const Problem& problem)
{
    std::string out = file;
    out += ": ";
    if (!problem.path.empty()) {
        out += problem.path;
        out += ": ";
    }
    out += problem.message;
    if (problem.line > 0) {
        out += " (line " + std::to_string(problem.line) + ", column " + std::to_string(problem.column) + ")";
    }
    return out;
}

} // namespace ctxscope
