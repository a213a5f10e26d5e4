#pragma once
// ScenarioPatch: one undoable edit of a Scenario, stored as the difference it makes (elements
// appended, removed at given positions, replaced) rather than as two copies of the scenario, so
// that the undo stack of a 10,000-context scenario stays small. Pure C++: no Qt.
#include "ctxscope/engine/scenario.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace ctxscope {

// ListPatch changes one list of the scenario. apply() replaces, then removes, then appends;
// revert() undoes those steps in reverse, so revert(apply(v)) == v.
template <class T>
struct ListPatch {
    struct Replacement {
        std::size_t index;  // position before the patch
        T before;
        T after;
    };
    std::vector<Replacement> replaced;
    std::vector<std::pair<std::size_t, T>> removed; // ascending positions before the patch
    std::vector<T> appended;

    bool empty() const { return replaced.empty() && removed.empty() && appended.empty(); }

    void apply(std::vector<T>& list) const {
        for (const auto& r : replaced)
            list[r.index] = r.after;
        if (!removed.empty()) {
            // One compaction pass: O(list) however many elements go.
            std::size_t out = 0, k = 0;
            for (std::size_t i = 0; i < list.size(); ++i) {
                if (k < removed.size() && removed[k].first == i) {
                    ++k;
                    continue;
                }
                if (out != i)
                    list[out] = std::move(list[i]);
                ++out;
            }
            list.resize(out);
        }
        list.insert(list.end(), appended.begin(), appended.end());
    }

    void revert(std::vector<T>& list) const {
        list.resize(list.size() - appended.size());
        if (!removed.empty()) {
            std::vector<T> merged;
            merged.reserve(list.size() + removed.size());
            std::size_t k = 0, i = 0;
            while (merged.size() < list.size() + removed.size()) {
                if (k < removed.size() && removed[k].first == merged.size())
                    merged.push_back(removed[k++].second);
                else
                    merged.push_back(std::move(list[i++]));
            }
            list = std::move(merged);
        }
        for (const auto& r : replaced)
            list[r.index] = r.before;
    }
};

// The scenario's own settings, edited as one value (the settings dialog changes several at once).
struct ScenarioSettings {
    std::string name;
    std::string description;
    std::int64_t seed = 1;
    CancelOrder cancelOrder = CancelOrder::Creation;
    std::optional<Nanos> until;
    bool operator==(const ScenarioSettings&) const = default;

    static ScenarioSettings of(const Scenario& s) {
        return {s.name, s.description, s.seed, s.cancelOrder, s.until};
    }
    void applyTo(Scenario& s) const {
        s.name = name;
        s.description = description;
        s.seed = seed;
        s.cancelOrder = cancelOrder;
        s.until = until;
    }
};

// The learner's blocks: the exercise and the predict questions, edited as one value.
struct LearnerBlocks {
    std::optional<Exercise> exercise;
    std::vector<PredictQuestion> predict;
    bool operator==(const LearnerBlocks&) const = default;

    static LearnerBlocks of(const Scenario& s) { return {s.exercise, s.predict}; }
    void applyTo(Scenario& s) const {
        s.exercise = exercise;
        s.predict = predict;
    }
};

struct ScenarioPatch {
    ListPatch<ContextSpec> contexts;
    ListPatch<TaskSpec> tasks;
    ListPatch<AfterFuncSpec> afterFuncs;
    ListPatch<Action> actions;
    ListPatch<Expectation> expect;
    std::optional<std::pair<ScenarioSettings, ScenarioSettings>> settings; // before, after
    std::optional<std::pair<LearnerBlocks, LearnerBlocks>> learner;        // before, after

    bool empty() const;
    void apply(Scenario& s) const;
    void revert(Scenario& s) const;
};

} // namespace ctxscope
