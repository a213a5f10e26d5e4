#include "scenariogenerator.h"

#include <algorithm>
#include <random>
#include <string>

namespace ctxscope {

Scenario generateScenario(int contexts) {
    Scenario s;
    s.name = "Generated tree of " + std::to_string(contexts) + " contexts";
    ContextSpec root;
    root.id = "root";
    root.kind = ContextKind::Background;
    // Reserved: growing the lists copies every context made so far (a ContextSpec is copied,
    // not moved, when the vector grows), a tenth of a second at 10^6 contexts.
    s.contexts.reserve(static_cast<std::size_t>(std::max(1, contexts)));
    s.tasks.reserve(static_cast<std::size_t>(std::max(0, contexts) / 10 + 1));
    s.contexts.push_back(std::move(root));
    std::uint64_t rng = 0x9E3779B97F4A7C15ull;
    auto next = [&rng] {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        return rng;
    };
    static const ContextKind kinds[] = {ContextKind::WithCancel, ContextKind::WithTimeout, ContextKind::WithValue,
                                        ContextKind::WithCancelCause, ContextKind::WithDeadline, ContextKind::WithCancel};
    int request = 0; // index of the current request's context
    for (int i = 1; i < contexts; ++i) {
        ContextSpec c;
        c.id = "c" + std::to_string(i);
        // Like a server: requests under the root, each with a small random subtree of ~12.
        if (i % 12 == 1) {
            request = i;
            c.parent = "root";
            c.kind = ContextKind::WithTimeout;
        } else {
            const int parent = request + static_cast<int>(next() % static_cast<std::uint64_t>(i - request));
            c.parent = s.contexts[static_cast<std::size_t>(parent)].id;
            c.kind = kinds[next() % 6];
        }
        if (c.kind == ContextKind::WithTimeout)
            c.timeout = static_cast<Nanos>(50 + next() % 950) * kMillisecond;
        if (c.kind == ContextKind::WithDeadline)
            c.deadline = static_cast<Nanos>(100 + next() % 1900) * kMillisecond;
        if (c.kind == ContextKind::WithValue) {
            c.key = "k" + std::to_string(next() % 8);
            c.value = Scalar::number(std::to_string(i));
        }
        s.contexts.push_back(std::move(c));
    }
    for (int i = 0; i < contexts; i += 10) {
        TaskSpec t;
        t.id = "t" + std::to_string(i);
        t.context = s.contexts[static_cast<std::size_t>(i)].id;
        Step work;
        work.op = StepOp::Work;
        work.duration = static_cast<Nanos>(100 + next() % 1500) * kMillisecond;
        t.steps.push_back(work);
        s.tasks.push_back(std::move(t));
    }
    for (int i = 1; i < contexts; i += 97) {
        const ContextSpec& c = s.contexts[static_cast<std::size_t>(i)];
        if (!hasCancelFunc(c.kind))
            continue;
        Action a;
        a.at = static_cast<Nanos>(200 + next() % 1500) * kMillisecond;
        a.target = c.id;
        s.actions.push_back(a);
    }
    return s;
}

Scenario generateCascade(int contexts) {
    Scenario s;
    s.name = "One cascade of " + std::to_string(contexts) + " contexts";
    ContextSpec root;
    root.id = "root";
    root.kind = ContextKind::Background;
    s.contexts.push_back(root);
    std::mt19937 rng(3);
    for (int i = 1; i < contexts; ++i) {
        ContextSpec c;
        c.id = "c" + std::to_string(i);
        c.kind = ContextKind::WithCancel;
        c.parent = i == 1 ? std::string("root")
                          : "c" + std::to_string(std::uniform_int_distribution<int>(std::max(1, i - 50), i - 1)(rng));
        s.contexts.push_back(std::move(c));
    }
    s.actions.push_back(Action{100 * kMillisecond, ActionOp::Cancel, "c1", std::nullopt});
    return s;
}

} // namespace ctxscope
