// The Go export's entry points: the version the scenario needs, go.mod, and writing the module.
#include "ctxscope/go_export.h"

#include "ctxscope/atomic_file.h"
#include "go_export_internal.h"

#include <filesystem>
#include <functional>
#include <system_error>

namespace ctxscope {

namespace {

// What in the scenario needs a newer Go than 1.19, for go.mod's comment.
struct Needs {
    std::string v121, v120; // the first feature found of each release, e.g. "context.AfterFunc"
};

void scanKind(ContextKind k, Needs& n)
{
    switch (k) {
    case ContextKind::WithoutCancel: if (n.v121.empty()) n.v121 = "context.WithoutCancel"; break;
    case ContextKind::WithTimeoutCause: if (n.v121.empty()) n.v121 = "context.WithTimeoutCause"; break;
    case ContextKind::WithDeadlineCause: if (n.v121.empty()) n.v121 = "context.WithDeadlineCause"; break;
    case ContextKind::WithCancelCause: if (n.v120.empty()) n.v120 = "context.WithCancelCause"; break;
    default: break;
    }
}

Needs scanNeeds(const Scenario& s)
{
    Needs n;
    std::function<void(const std::vector<Step>&)> steps = [&](const std::vector<Step>& list) {
        for (const Step& st : list) {
            for (const ContextSpec& c : st.derive)
                scanKind(c.kind, n);
            if (st.op == StepOp::AfterFunc && n.v121.empty())
                n.v121 = "context.AfterFunc";
            for (const TaskSpec& t : st.spawn)
                steps(t.steps);
            for (const AfterFuncSpec& a : st.afterFunc)
                steps(a.steps);
        }
    };
    for (const ContextSpec& c : s.contexts)
        scanKind(c.kind, n);
    if (!s.afterFuncs.empty() && n.v121.empty())
        n.v121 = "context.AfterFunc";
    for (const TaskSpec& t : s.tasks)
        steps(t.steps);
    for (const AfterFuncSpec& a : s.afterFuncs)
        steps(a.steps);
    return n;
}

std::string moduleName(const Scenario& s)
{
    std::string out;
    for (char c : s.name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if (alnum)
            out += c;
        else if (!out.empty() && out.back() != '-')
            out += '-';
        if (out.size() >= 40 && out.back() == '-')
            break;
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    if (out.empty() || !(out[0] >= 'a' && out[0] <= 'z'))
        out = "scenario" + (out.empty() ? std::string() : "-" + out);
    return out;
}

} // namespace

std::string minimumGoVersion(const Scenario& scenario)
{
    const Needs n = scanNeeds(scenario);
    return !n.v121.empty() ? "1.21" : !n.v120.empty() ? "1.20" : "1.19";
}

GoExport exportGo(const Scenario& scenario, const SimulationResult& result, const GoExportOptions& options)
{
    GoExport out;
    const Needs needs = scanNeeds(scenario);
    out.programGoVersion = minimumGoVersion(scenario);
    out.goDirective = options.withTest ? "1.25" : out.programGoVersion;
    const std::string module = options.module.empty() ? moduleName(scenario) : options.module;

    std::string why = !needs.v121.empty() ? " (" + needs.v121 + ")" : !needs.v120.empty() ? " (" + needs.v120 + ")" : "";
    std::string mod = "// The program needs Go " + out.programGoVersion + " or newer" + why + ".\n";
    if (options.withTest)
        mod += "// go 1.25: scenario_test.go uses testing/synctest, stable since Go 1.25.\n";
    mod += "module " + module + "\n\ngo " + out.goDirective + "\n";
    out.files.push_back({"go.mod", std::move(mod)});

    out.files.push_back({"main.go", gox::mainGo(scenario, result, out.programGoVersion, module, &out)});
    std::function<bool(const std::vector<Step>&)> anyUndeferred = [&](const std::vector<Step>& steps) {
        for (const Step& st : steps) {
            if (st.op == StepOp::Derive && !st.deferCancel)
                return true;
            for (const TaskSpec& t : st.spawn)
                if (anyUndeferred(t.steps))
                    return true;
            for (const AfterFuncSpec& a : st.afterFunc)
                if (anyUndeferred(a.steps))
                    return true;
        }
        return false;
    };
    for (const TaskSpec& t : scenario.tasks)
        out.mayReportLostCancel = out.mayReportLostCancel || anyUndeferred(t.steps);
    for (const AfterFuncSpec& a : scenario.afterFuncs)
        out.mayReportLostCancel = out.mayReportLostCancel || anyUndeferred(a.steps);

    if (options.withTest) {
        const gox::RaceSkips skips = gox::findRaces(scenario, result, &out.notes);
        out.factsLeftToRaces = skips.count();
        out.files.push_back({"scenario_test.go", gox::testGo(scenario, result, skips, &out)});
    }
    return out;
}

bool writeGoExport(const GoExport& module, const std::string& dir, std::string* error)
{
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        if (error)
            *error = dir + ": " + ec.message();
        return false;
    }
    for (const GoFile& f : module.files) {
        const std::string path = (std::filesystem::path(dir) / f.path).string();
        if (!writeFileAtomically(path, f.text, error))
            return false;
    }
    return true;
}

} // namespace ctxscope
