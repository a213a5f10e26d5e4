#include "ctxscope/go_export/go_names.h"
#include "ctxscope/engine/go_types.h"

#include "ctxscope/engine/duration.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ctxscope {

namespace {

// Every WithValue spec of the scenario by id: top-level ones and derive steps at any depth
// (an explicit stack: nested spawns can be deep). Ids are unique in a valid scenario; the
// first one found is kept otherwise.
void indexValueSpecs(const Scenario& s, std::unordered_map<std::string_view, const ContextSpec*>& out) {
    auto add = [&](const ContextSpec& c) {
        if (c.kind == ContextKind::WithValue)
            out.emplace(c.id, &c);
    };
    for (const ContextSpec& c : s.contexts)
        add(c);
    std::vector<const std::vector<Step>*> todo;
    for (const TaskSpec& t : s.tasks)
        todo.push_back(&t.steps);
    for (const AfterFuncSpec& a : s.afterFuncs)
        todo.push_back(&a.steps);
    while (!todo.empty()) {
        const std::vector<Step>* steps = todo.back();
        todo.pop_back();
        for (const Step& st : *steps) {
            for (const ContextSpec& c : st.derive)
                add(c);
            for (const TaskSpec& t : st.spawn)
                todo.push_back(&t.steps);
            for (const AfterFuncSpec& a : st.afterFunc)
                todo.push_back(&a.steps);
        }
    }
}

bool namedWithDeadline(const ContextInfo& info) {
    return isTimeoutKind(info.kind) || isDeadlineKind(info.kind) ? !info.degraded && info.hasDeadline()
                                                                 : false;
}

// Go's context.stringify of a key, as the Go export writes it (go_export_main.cpp keyExpr).
std::string keyText(const std::string& key, const std::string& keyType) {
    if (keyType == "string" || keyType == "any")
        return key; // a plain string (any("x") holds one too)
    if (keyType == "error")
        return "*errors.errorString"; // errors.New(key): no String method
    if (isGoBuiltinType(keyType))
        return std::string(goDynamicKeyType(keyType)); // byte prints as uint8, rune as int32
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

GoNames::GoNames(const Scenario& scenario, const SimulationResult& result) : m_scenario(scenario), m_result(result) {
    indexValueSpecs(m_scenario, m_specs);
}

std::string GoNames::part(CtxIndex c, Nanos now) const {
    if (c >= m_result.contexts.size())
        return {};
    const ContextInfo& info = m_result.contexts[c];
    switch (info.kind) {
    case ContextKind::Background: return "context.Background";
    case ContextKind::TODO: return "context.TODO";
    case ContextKind::WithCancel:
    case ContextKind::WithCancelCause: return ".WithCancel";
    case ContextKind::WithTimeout:
    case ContextKind::WithTimeoutCause:
    case ContextKind::WithDeadline:
    case ContextKind::WithDeadlineCause:
        if (!namedWithDeadline(info))
            return ".WithCancel"; // R27: a later deadline than the parent's is a WithCancel
        return ".WithDeadline(" + goTimeString(info.deadline) + " [" + formatDuration(info.deadline - now) + "])";
    case ContextKind::WithValue: {
        auto it = m_specs.find(info.id);
        const ContextSpec* spec = it == m_specs.end() ? nullptr : it->second;
        return spec ? ".WithValue(" + keyText(spec->key, spec->keyType) + ", " + valueText(spec->value) + ")"
                    : ".WithValue";
    }
    case ContextKind::WithoutCancel: return ".WithoutCancel";
    }
    return {};
}

std::size_t GoNames::maxPartSize(CtxIndex c) const {
    // The time left is the only part that changes: Go prints at most 25 characters for a
    // Duration ("-2562047h47m16.854775808s").
    const std::string at0 = part(c, c < m_result.contexts.size() ? m_result.contexts[c].deadline : 0); // "[0s]"
    return at0.size() + (c < m_result.contexts.size() && namedWithDeadline(m_result.contexts[c]) ? 25 : 0);
}

std::string GoNames::name(CtxIndex c, Nanos now) const {
    // Walk up to the root first, then name down: a deep chain needs no recursion.
    std::vector<CtxIndex> chain;
    for (CtxIndex k = c; k != kNone && k < m_result.contexts.size(); k = m_result.contexts[k].parent)
        chain.push_back(k);
    std::string name;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const ContextKind kind = m_result.contexts[*it].kind;
        if (kind == ContextKind::Background || kind == ContextKind::TODO)
            name.clear(); // a root starts the name afresh
        name += part(*it, now);
    }
    return name;
}

std::string goContextName(const Scenario& scenario, const SimulationResult& result, CtxIndex c, Nanos now) {
    return GoNames(scenario, result).name(c, now);
}

} // namespace ctxscope
