#pragma once
// ScenarioEditor: the QML face of the session's typed edits for every element that is not a
// context (those are ContextEditor's): tasks and after-funcs with their steps at any depth, timed
// actions, expectations and the scenario's settings. It converts what QML holds (maps of
// strings, as typed) into the core's types and hands each edit to the Document, which checks
// it once in the core (Session::check) and records it as one undo step. No rule lives here
// beyond reading the text a user typed.
#include "document.h"
#include "expectationmaps.h"
#include "taskpresets.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace ctxscope {

class ScenarioEditor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::Document* document READ document WRITE setDocument NOTIFY documentChanged)
    // The scenario's timed actions and expectations as rows for the lists, in file order:
    // actions [{index, at, atNanos, text, op, target, cause, takesCause}], expectations
    // [{index, text, kind}]. They change whenever the scenario does.
    // A list of rows is for reading and clicking: past kListedRows (a generated scenario may have
    // 10^4 actions) only the first ones are listed, and the counts say how many there are.
    Q_PROPERTY(QVariantList actions READ actions NOTIFY changed)
    Q_PROPERTY(int actionCount READ actionCount NOTIFY changed)
    Q_PROPERTY(int expectationCount READ expectationCount NOTIFY changed)
    Q_PROPERTY(int listedRows READ listedRows CONSTANT)
    Q_PROPERTY(QVariantList expectations READ expectations NOTIFY changed)
    // The step editor's vocabulary: the operations a step may have and the kinds a derive step
    // may make, spelled as the dialogs show them.
    Q_PROPERTY(QStringList stepOps READ stepOps CONSTANT)
    Q_PROPERTY(QStringList deriveKinds READ deriveKinds CONSTANT)
    // The task dialog's behaviours (taskpresets.h), by name.
    Q_PROPERTY(QStringList taskPresets READ taskPresets CONSTANT)
    // What an expectation may be about, as the format spells it.
    Q_PROPERTY(QStringList expectationKinds READ expectationKinds CONSTANT)

public:
    explicit ScenarioEditor(QObject* parent = nullptr);

    Document* document() const { return m_document; }
    void setDocument(Document* d);
    QVariantList actions() const;
    int actionCount() const { return m_document ? static_cast<int>(m_document->editedScenario().actions.size()) : 0; }
    int expectationCount() const { return m_document ? static_cast<int>(m_document->editedScenario().expect.size()) : 0; }
    static constexpr int kListedRows = 500;
    int listedRows() const { return kListedRows; }
    QVariantList expectations() const;
    QStringList stepOps() const;
    QStringList deriveKinds() const;
    QStringList taskPresets() const { return taskPresetNames(); }
    // presetSteps: the steps of a behaviour with the dialog's D, P, budget and children.
    Q_INVOKABLE QVariantList presetSteps(int preset, const QVariantMap& params) const { return taskPresetSteps(preset, params); }
    QStringList expectationKinds() const;

    // --- tasks and after-funcs (top-level ones; those in steps are edited through their owner)
    // goroutine gives {ok, afterFunc (bool), id, label, context, at, steps} for the dialog, or
    // {ok: false, error}.
    Q_INVOKABLE QVariantMap goroutine(const QString& id) const;
    // editGoroutine replaces it with what the dialog holds (id, label, context, at, steps).
    Q_INVOKABLE QString editGoroutine(const QString& id, const QVariantMap& spec);
    // deletionSummary counts what deleting it takes along: {ok, error, actions, expectations}.
    Q_INVOKABLE QVariantMap goroutineDeletion(const QString& id) const;
    Q_INVOKABLE QString deleteGoroutine(const QString& id);
    // ownerOf: the top-level task or after-func whose steps spawn or register id (its chip
    // opens that one's dialog, where its steps are edited in place); "" for a top-level one.
    Q_INVOKABLE QString ownerOf(const QString& id) const;

    // --- steps: a fresh step of an operation, and the first problem in a list ("" if none),
    // both as TaskBuilder reads them.
    Q_INVOKABLE QVariantMap freshStep(const QString& op) const;
    Q_INVOKABLE QString stepsProblem(const QVariantList& steps) const;
    // stepProblem: what is wrong with one step itself (not the steps it spawns), without a
    // position ("duration: ..."), for the line under it; "" if nothing.
    Q_INVOKABLE QString stepProblem(const QVariantMap& step) const;
    // Which fields a step of this op (and derive kind / watch) shows: {duration, watch, poll,
    // kind, timeout, deadline, cause, key, value, text, target, ids, context, steps} as booleans.
    Q_INVOKABLE QVariantMap stepFields(const QVariantMap& step) const;

    // --- contexts: what the derive dialog shows for a kind and what was typed: which fields the
    // kind takes {timeout, deadline, cause, key, value: bool}, takesParams, why the key or value
    // cannot be used (keyError, valueError), and the Go call it stands for (goCall).
    Q_INVOKABLE QVariantMap describeDerive(const QString& parentId, const QString& kind, const QVariantMap& params) const;

    // placeOf gives a scenario context's parent and creation time, and the parents it may move
    // under ({ok, parent, at, parents: [{id, title}]}: not itself nor anything in its subtree).
    Q_INVOKABLE QVariantMap placeOf(const QString& contextId) const;
    // place moves a context (with its subtree) under another parent and/or changes when it is
    // created: one undo step, checked like every edit.
    Q_INVOKABLE QString place(const QString& contextId, const QString& parent, const QString& at);

    // --- timed actions
    Q_INVOKABLE QString editAction(int index, const QString& at, const QString& cause);
    Q_INVOKABLE QString deleteAction(int index);

    // --- expectations: {kind: "context"|"task"|"after_func"|..., subject, task, fields:
    // [{name, value}]} where a value is typed text ("null", "true", "250ms", "context canceled").
    Q_INVOKABLE QVariantMap expectation(int index) const;
    Q_INVOKABLE QStringList expectationFields(const QString& kind) const;
    Q_INVOKABLE QString addExpectation(const QVariantMap& e);
    Q_INVOKABLE QString editExpectation(int index, const QVariantMap& e);
    Q_INVOKABLE QString deleteExpectation(int index);
    // addExpectationNow writes down the state of a context, task or after-func at the playhead.
    Q_INVOKABLE QString addExpectationNow(const QString& kind, const QString& id);

    // --- settings: {name, description, seed, cancelOrder: "creation"|"random", until: "" or a
    // duration}.
    Q_INVOKABLE QVariantMap settings() const;
    Q_INVOKABLE QString editSettings(const QVariantMap& s);

Q_SIGNALS:
    void documentChanged();
    void changed();

private:
    QString apply(const QString& text, const edits::EditResult& edit);
    void scenarioChanged(); // forgets the rows made for the last scenario, then emits changed
    QVariantList listActions() const;
    QPointer<Document> m_document;
    // The action rows, made once per change of the scenario: QML reads `actions` several times
    // per change (the list, its count, the "first N of M" note), and each making was a pass over
    // every context (a fifth of a second at 10^6 contexts).
    mutable std::optional<QVariantList> m_actions;
};

} // namespace ctxscope
