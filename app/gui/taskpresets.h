#pragma once
// The task dialog's behaviours: the common shapes of a goroutine ("work for D, watching
// ctx.Done()", "derive a WithTimeout, spawn children, wait for them", ...) as step lists in the
// form the step editor holds (TaskBuilder reads them). One table, here, not in QML.
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

namespace ctxscope {

// The behaviours' names, in the order presetSteps numbers them.
QStringList taskPresetNames();
// presetSteps gives the steps of behaviour `preset` with what the dialog holds: duration (D, the
// work), poll (P), budget (the WithTimeout's) as typed durations, children as a number. An
// unknown preset gives no steps.
QVariantList taskPresetSteps(int preset, const QVariantMap& params);

} // namespace ctxscope
