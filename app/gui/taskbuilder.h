#pragma once
// TaskBuilder: turns the step list the task and after-func dialogs edit (QVariantMaps such as
// {"op": "work", "duration": "120ms", "watch": "poll", "poll": "20ms"}) into scenario Steps,
// with fresh ids for anything the steps derive or spawn. The dialogs never write JSON.
#include "ctxscope/engine/scenario.h"

#include <QString>
#include <QVariantList>

#include <functional>
#include <optional>
#include <vector>

namespace ctxscope {

struct TaskBuilder {
    // Called with a base ("worker", "timeout") when a spawned task or derived context has no id;
    // must return an id no other part of the scenario uses, including ones handed out before.
    std::function<std::string(const std::string& base)> freshTaskId;
    std::function<std::string(const std::string& base)> freshContextId;

    // steps converts the list, or returns nullopt with *error naming the first bad step by its
    // position, nested ones included: "step 2.1: ..." is the first step of the task that step 2
    // spawns. A spawn step holds its task's steps as "steps", a list of the same maps.
    std::optional<std::vector<Step>> steps(const QVariantList& list, QString* error) const;

private:
    // stepsAt converts a list whose positions are written after prefix ("", "2.", "2.3.").
    std::optional<std::vector<Step>> stepsAt(const QVariantList& list, const QString& prefix, QString* error) const;
};

// stepsToVariant gives the dialogs' maps for existing steps (TaskBuilder::steps' inverse: every
// field is kept, ids included, so an unchanged list converts back to equal steps).
QVariantList stepsToVariant(const std::vector<Step>& steps);

// scalarFromText reads a WithValue value typed into a field: valueType "string" keeps the
// text, "number" needs a JSON number, "bool" true/false, "null" ignores the text.
std::optional<Scalar> scalarFromText(const QString& text, const QString& valueType, QString* error);

} // namespace ctxscope
