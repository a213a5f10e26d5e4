// Step edits at any depth: each one copies the top-level goroutine that holds the step, changes
// the copy, and patches the goroutine as one replacement (one undo step, exactly reverted).
#include "ctxscope/session/edits.h"

#include <algorithm>
#include <functional>
#include <optional>

namespace ctxscope::edits {
namespace {

EditResult failure(std::string message) {
    EditResult r;
    r.error = std::move(message);
    return r;
}

std::string pathText(const StepPath& path, std::size_t upTo) {
    std::string t = "steps";
    for (std::size_t k = 0; k < upTo && k < path.size(); ++k) {
        t += "[" + std::to_string(path[k]) + "]";
        if (k + 1 < upTo)
            t += ".…steps";
    }
    return t;
}

// siblings finds the step list that holds path's last index: it walks down through the spawn
// or after_func step at each earlier index. Returns null (and *error) when the path leads nowhere.
std::vector<Step>* siblings(std::vector<Step>& top, const StepPath& path, std::string* error) {
    if (path.empty()) {
        *error = "an empty step path";
        return nullptr;
    }
    std::vector<Step>* list = &top;
    for (std::size_t k = 0; k + 1 < path.size(); ++k) {
        if (path[k] >= list->size()) {
            *error = "no step " + pathText(path, k + 1);
            return nullptr;
        }
        Step& step = (*list)[path[k]];
        if (step.op == StepOp::Spawn && !step.spawn.empty())
            list = &step.spawn.front().steps;
        else if (step.op == StepOp::AfterFunc && !step.afterFunc.empty())
            list = &step.afterFunc.front().steps;
        else {
            *error = pathText(path, k + 1) + " is neither spawn nor after_func: it has no steps inside";
            return nullptr;
        }
    }
    return list;
}

// editOwnerIn applies change to the steps of ownerId if owners (the scenario's tasks or its
// after-funcs) has it; nullopt when it does not.
template <typename Spec>
std::optional<EditResult> editOwnerIn(const std::vector<Spec>& owners, ListPatch<Spec> ScenarioPatch::*list,
                                      const std::string& ownerId,
                                      const std::function<std::string(std::vector<Step>&)>& change) {
    for (std::size_t i = 0; i < owners.size(); ++i) {
        if (owners[i].id != ownerId)
            continue;
        Spec after = owners[i];
        if (std::string e = change(after.steps); !e.empty())
            return failure(std::move(e));
        EditResult r;
        r.id = ownerId;
        if (!(after == owners[i]))
            (r.patch.*list).replaced.push_back({i, owners[i], std::move(after)});
        return r;
    }
    return std::nullopt;
}

// editOwner applies change to the steps of the top-level task or after-func ownerId.
EditResult editOwner(const Scenario& s, const std::string& ownerId,
                     const std::function<std::string(std::vector<Step>&)>& change) {
    if (auto r = editOwnerIn(s.tasks, &ScenarioPatch::tasks, ownerId, change))
        return std::move(*r);
    if (auto r = editOwnerIn(s.afterFuncs, &ScenarioPatch::afterFuncs, ownerId, change))
        return std::move(*r);
    return failure("no task or after-func \"" + ownerId + "\" at the top level of the scenario");
}

} // namespace

EditResult insertStep(const Scenario& s, const std::string& ownerId, const StepPath& path, Step step) {
    return editOwner(s, ownerId, [&](std::vector<Step>& top) -> std::string {
        std::string error;
        std::vector<Step>* list = siblings(top, path, &error);
        if (!list)
            return error;
        if (path.back() > list->size())
            return "cannot insert at " + pathText(path, path.size()) + ": there are " + std::to_string(list->size()) + " steps";
        list->insert(list->begin() + static_cast<std::ptrdiff_t>(path.back()), std::move(step));
        return {};
    });
}

EditResult replaceStep(const Scenario& s, const std::string& ownerId, const StepPath& path, Step step) {
    return editOwner(s, ownerId, [&](std::vector<Step>& top) -> std::string {
        std::string error;
        std::vector<Step>* list = siblings(top, path, &error);
        if (!list)
            return error;
        if (path.back() >= list->size())
            return "no step " + pathText(path, path.size());
        (*list)[path.back()] = std::move(step);
        return {};
    });
}

EditResult deleteStep(const Scenario& s, const std::string& ownerId, const StepPath& path) {
    return editOwner(s, ownerId, [&](std::vector<Step>& top) -> std::string {
        std::string error;
        std::vector<Step>* list = siblings(top, path, &error);
        if (!list)
            return error;
        if (path.back() >= list->size())
            return "no step " + pathText(path, path.size());
        list->erase(list->begin() + static_cast<std::ptrdiff_t>(path.back()));
        return {};
    });
}

EditResult moveStep(const Scenario& s, const std::string& ownerId, const StepPath& path, std::size_t to) {
    return editOwner(s, ownerId, [&](std::vector<Step>& top) -> std::string {
        std::string error;
        std::vector<Step>* list = siblings(top, path, &error);
        if (!list)
            return error;
        const std::size_t from = path.back();
        if (from >= list->size() || to >= list->size())
            return "cannot move step " + std::to_string(from) + " to " + std::to_string(to) + ": there are " +
                   std::to_string(list->size()) + " steps";
        Step moving = std::move((*list)[from]);
        list->erase(list->begin() + static_cast<std::ptrdiff_t>(from));
        list->insert(list->begin() + static_cast<std::ptrdiff_t>(to), std::move(moving));
        return {};
    });
}

namespace {

// declares tells whether steps (or the steps inside them) spawn or register `id`. A work list,
// not recursion: steps may nest as deep as the file does.
bool declares(const std::vector<Step>& top, const std::string& id) {
    std::vector<const std::vector<Step>*> lists{&top};
    while (!lists.empty()) {
        const std::vector<Step>* list = lists.back();
        lists.pop_back();
        for (const Step& step : *list) {
            for (const TaskSpec& t : step.spawn) {
                if (t.id == id)
                    return true;
                lists.push_back(&t.steps);
            }
            for (const AfterFuncSpec& a : step.afterFunc) {
                if (a.id == id)
                    return true;
                lists.push_back(&a.steps);
            }
        }
    }
    return false;
}

} // namespace

std::string ownerOf(const Scenario& s, const std::string& id) {
    for (const TaskSpec& t : s.tasks)
        if (t.id != id && declares(t.steps, id))
            return t.id;
    for (const AfterFuncSpec& a : s.afterFuncs)
        if (a.id != id && declares(a.steps, id))
            return a.id;
    return {};
}

} // namespace ctxscope::edits
