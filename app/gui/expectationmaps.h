#pragma once
// Expectations as QML holds them, for the dialogs that edit "expect", "exercise.done_when" and
// "predict" (ScenarioEditor, LearnerEditor): a map {kind: "context"|"task"|"after_func"|
// "lookup"|"lint"|"no_lints"|"stopped", subject, task, fields: [{name, value}]} where a value is
// the text typed ("null", "true", "250ms", "context canceled"). Only reading what was typed lives
// here; whether it is valid is the validator's to say (Session::check).
#include "ctxscope/engine/scenario.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace ctxscope {

// The kinds an expectation may be about, as the format spells them, in Expectation::Kind order.
QStringList expectationKindNames();
std::optional<Expectation::Kind> expectationKindNamed(const QString& name);
QString expectationKindName(Expectation::Kind kind);
// The fields a subject of that kind has (empty for an unknown kind).
QStringList expectationFieldList(const QString& kind);

QVariantMap expectationToMap(const Expectation& e);
// nullopt (and *error) only for an unknown kind; fields without a name are skipped.
std::optional<Expectation> expectationFromMap(const QVariantMap& m, QString* error);

// expectationText is how an expectation reads in a list: "context req: err = \"context
// canceled\", done_at = 200ms".
QString expectationText(const Expectation& e);

} // namespace ctxscope
