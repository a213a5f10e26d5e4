#pragma once
// Scenario elements as one line of text each, for "Show solution": what the solution changed,
// before → after ("task fetch, step 1: work 350ms, ignoring ctx → work 350ms, select on
// ctx.Done()"). Plain words in the vocabulary of the step editor and of Go; no rules.
#include "ctxscope/formats/exercise.h"
#include "ctxscope/engine/scenario.h"

#include <QString>
#include <QVariantList>

namespace ctxscope {

QString stepText(const Step& step);
QString stepsText(const std::vector<Step>& steps);       // "a; b; c"
QString contextSpecText(const ContextSpec& c);           // "WithTimeout 200ms of root"
QString taskSpecText(const TaskSpec& t);                 // "on req at 0s: steps"
QString afterFuncSpecText(const AfterFuncSpec& a);
QString actionText(const Action& a);                     // "cancel req at 150ms"

// changeRows describes scenarioChanges(before, after) for a view: one row per change
// {list: "context"|"task"|"after-func"|"action", id, what: "added"|"removed"|"changed",
//  title: "task fetch", lines: [{label, before, after}]} where a changed task or after-func has
// one line per differing step ("step 2") plus one for its other fields when they differ.
QVariantList changeRows(const Scenario& before, const Scenario& after);

} // namespace ctxscope
