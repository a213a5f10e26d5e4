#include "ctxscope/go_names.h"

#include "ctxscope/duration.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace ctxscope {

namespace {

const ContextSpec* findInSteps(const std::vector<Step>& steps, const std::string& id);

const ContextSpec* findInStep(const Step& st, const std::string& id) {
    for (const ContextSpec& c : st.derive)
        if (c.id == id)
            return &c;
    for (const TaskSpec& t : st.spawn)
        if (const ContextSpec* c = findInSteps(t.steps, id))
            return c;
    for (const AfterFuncSpec& a : st.afterFunc)
        if (const ContextSpec* c = findInSteps(a.steps, id))
            return c;
    return nullptr;
}

const ContextSpec* findInSteps(const std::vector<Step>& steps, const std::string& id) {
    for (const Step& st : steps)
        if (const ContextSpec* c = findInStep(st, id))
            return c;
    return nullptr;
}

// The spec a context was made from: a top-level one, or a derive step at any depth.
const ContextSpec* findSpec(const Scenario& s, const std::string& id) {
    for (const ContextSpec& c : s.contexts)
        if (c.id == id)
            return &c;
    for (const TaskSpec& t : s.tasks)
        if (const ContextSpec* c = findInSteps(t.steps, id))
            return c;
    for (const AfterFuncSpec& a : s.afterFuncs)
        if (const ContextSpec* c = findInSteps(a.steps, id))
            return c;
    return nullptr;
}

// Go's context.stringify of a key, as the Go export writes it (go_export_main.cpp keyExpr).
std::string keyText(const std::string& key, const std::string& keyType) {
    if (keyType == "string" || keyType == "any")
        return key; // a plain string (any("x") holds one too)
    if (keyType == "error")
        return "*errors.errorString"; // errors.New(key): no String method
    if (keyType == "byte")
        return "uint8";
    if (keyType == "rune")
        return "int32";
    static const char* const builtins[] = {"int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16",
                                           "uint32", "uint64", "uintptr", "float32", "float64", "complex64",
                                           "complex128", "bool"};
    for (const char* b : builtins)
        if (keyType == b)
            return keyType;
    return "main." + keyType;
}

// ... and of a value (go_writer.cpp scalarExpr: integers are ints, other numbers float64).
std::string valueText(const Scalar& v) {
    switch (v.type) {
    case Scalar::Type::Null: return "<nil>";
    case Scalar::Type::Bool: return "bool";
    case Scalar::Type::String: return v.text;
    case Scalar::Type::Number: {
        if (v.text.find_first_of(".eE") != std::string::npos)
            return "float64";
        errno = 0;
        (void)std::strtoll(v.text.c_str(), nullptr, 10);
        return errno == ERANGE ? "float64" : "int";
    }
    }
    return "<nil>";
}

} // namespace

std::string goTimeString(Nanos t) {
    using namespace std::chrono;
    const Nanos day = 24 * kHour;
    Nanos days = t / day, rest = t % day;
    if (rest < 0) {
        rest += day;
        --days;
    }
    const year_month_day date{sys_days{year{2000} / January / 1} + std::chrono::days{days}};
    const Nanos secs = rest / kSecond, frac = rest % kSecond;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02lld:%02lld:%02lld", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                  static_cast<long long>(secs % 60));
    std::string out = buf;
    if (frac != 0) {
        std::snprintf(buf, sizeof buf, ".%09lld", static_cast<long long>(frac));
        std::string f = buf;
        while (f.back() == '0')
            f.pop_back();
        out += f;
    }
    return out + " +0000 UTC";
}

std::string goContextName(const Scenario& scenario, const SimulationResult& result, CtxIndex c, Nanos now) {
    // Walk up to the root first, then name down: a deep chain needs no recursion.
    std::vector<CtxIndex> chain;
    for (CtxIndex k = c; k != kNone && k < result.contexts.size(); k = result.contexts[k].parent)
        chain.push_back(k);
    std::string name;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const ContextInfo& info = result.contexts[*it];
        switch (info.kind) {
        case ContextKind::Background: name = "context.Background"; break;
        case ContextKind::TODO: name = "context.TODO"; break;
        case ContextKind::WithCancel:
        case ContextKind::WithCancelCause: name += ".WithCancel"; break;
        case ContextKind::WithTimeout:
        case ContextKind::WithTimeoutCause:
        case ContextKind::WithDeadline:
        case ContextKind::WithDeadlineCause:
            if (info.degraded || !info.hasDeadline())
                name += ".WithCancel"; // R27: a later deadline than the parent's is a WithCancel
            else
                name += ".WithDeadline(" + goTimeString(info.deadline) + " [" + formatDuration(info.deadline - now) + "])";
            break;
        case ContextKind::WithValue: {
            const ContextSpec* spec = findSpec(scenario, info.id);
            name += spec ? ".WithValue(" + keyText(spec->key, spec->keyType) + ", " + valueText(spec->value) + ")"
                         : ".WithValue";
            break;
        }
        case ContextKind::WithoutCancel: name += ".WithoutCancel"; break;
        }
    }
    return name;
}

} // namespace ctxscope
