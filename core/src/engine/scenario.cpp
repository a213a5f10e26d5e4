#include "ctxscope/engine/scenario.h"

#include <array>

namespace ctxscope {

namespace {

constexpr std::array<const char*, 10> kKindNames = {
    "Background",   "TODO",              "WithCancel", "WithCancelCause", "WithTimeout",
    "WithTimeoutCause", "WithDeadline", "WithDeadlineCause", "WithValue", "WithoutCancel",
};

} // namespace

const char* contextKindName(ContextKind k)
{
    const auto i = static_cast<std::size_t>(k);
    return i < kKindNames.size() ? kKindNames[i] : "?";
}

std::optional<ContextKind> parseContextKind(std::string_view name)
{
    for (std::size_t i = 0; i < kKindNames.size(); ++i) {
        if (name == kKindNames[i])
            return static_cast<ContextKind>(i);
    }
    return std::nullopt;
}

bool hasCancelFunc(ContextKind k)
{
    switch (k) {
    case ContextKind::WithCancel:
    case ContextKind::WithCancelCause:
    case ContextKind::WithTimeout:
    case ContextKind::WithTimeoutCause:
    case ContextKind::WithDeadline:
    case ContextKind::WithDeadlineCause:
        return true;
    case ContextKind::Background:
    case ContextKind::TODO:
    case ContextKind::WithValue:
    case ContextKind::WithoutCancel:
        return false;
    }
    return false;
}

bool isRoot(ContextKind k)
{
    return k == ContextKind::Background || k == ContextKind::TODO;
}

bool isTimeoutKind(ContextKind k)
{
    return k == ContextKind::WithTimeout || k == ContextKind::WithTimeoutCause;
}

bool isDeadlineKind(ContextKind k)
{
    return k == ContextKind::WithDeadline || k == ContextKind::WithDeadlineCause;
}

bool isCauseDeadlineKind(ContextKind k)
{
    return k == ContextKind::WithTimeoutCause || k == ContextKind::WithDeadlineCause;
}

// Step holds TaskSpec/AfterFuncSpec by vector while those types are still incomplete, so its
// comparison is defined here, where all three are complete.
bool Step::operator==(const Step& o) const
{
    return op == o.op && duration == o.duration && watch == o.watch && pollEvery == o.pollEvery &&
           await == o.await && awaitIds == o.awaitIds && derive == o.derive && deferCancel == o.deferCancel &&
           target == o.target && cause == o.cause && spawn == o.spawn && afterFunc == o.afterFunc &&
           text == o.text && keyType == o.keyType;
}

Scenario applySolution(const Scenario& scenario)
{
    Scenario solved = scenario;
    if (!scenario.exercise)
        return solved;
    const Solution& fix = scenario.exercise->solution;
    if (fix.contexts)
        solved.contexts = *fix.contexts;
    if (fix.tasks)
        solved.tasks = *fix.tasks;
    if (fix.afterFuncs)
        solved.afterFuncs = *fix.afterFuncs;
    if (fix.actions)
        solved.actions = *fix.actions;
    return solved;
}

} // namespace ctxscope
