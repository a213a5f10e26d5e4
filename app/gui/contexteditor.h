#pragma once
// ContextEditor: the QML face of the session's typed edits of contexts, made at the playhead
// (derive, cancel, rename, edit parameters, delete, start a task or register an after-func on
// one), in the style of ScenarioEditor, which edits everything else. It converts what QML holds
// (maps of strings, as typed) into the core's types (edits.h) and hands each edit to the
// Document, which checks it once in the core (Session::check) and records it as one undo step;
// what may be done to a context is the Session's (capabilities). Each edit returns an error
// message, empty on success.
#include "ctxscope/session/edits.h"

#include <QObject>
#include <QVariant>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

class Document;

class ContextEditor : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("a Document's context edits: document.contexts")

public:
    explicit ContextEditor(Document& document);

    // derive reads params as the derive dialog holds them: id and label (optional), timeout and
    // deadline in Go's duration syntax, cause, key, keyType, value and its valueType.
    Q_INVOKABLE QString derive(const QString& parentId, const QString& kind, const QVariantMap& params);
    Q_INVOKABLE QString addRoot();
    // startTask and addAfterFunc read the task dialog's map: id (or a fresh one from the label),
    // label and steps (TaskBuilder).
    Q_INVOKABLE QString startTask(const QString& contextId, const QVariantMap& spec);
    Q_INVOKABLE QString addAfterFunc(const QString& contextId, const QVariantMap& spec);
    Q_INVOKABLE QString cancelContext(const QString& contextId, const QVariant& cause);
    Q_INVOKABLE QString stopAfterFunc(const QString& afterFuncId);
    Q_INVOKABLE QString renameContext(const QString& contextId, const QString& label);
    Q_INVOKABLE QString renameScenario(const QString& name);
    // editParameters changes what a scenario context was made with (timeout, deadline, cause,
    // key, value, keyType, read as derive() reads them), keeping its id, label, children and
    // tasks: one undo step. contextParameters gives the current ones as derive() takes them,
    // plus kind, parent, at, label and hasParams; {ok: false, error} for no such context.
    Q_INVOKABLE QString editParameters(const QString& contextId, const QVariantMap& params);
    Q_INVOKABLE QVariantMap contextParameters(const QString& contextId) const;
    // deletionSummary counts what deleting a context takes along, for the confirmation:
    // {ok, error, contexts, tasks, afterFuncs, actions, expectations}.
    Q_INVOKABLE QVariantMap deletionSummary(const QString& contextId) const;
    Q_INVOKABLE QString deleteContext(const QString& contextId);
    // contextActions tells the menus what applies to a context (Session::capabilities at the
    // playhead): exists, editable (a scenario context, not one a task derives), canCancel,
    // takesCause, hasParams (an editable one with a timeout, deadline, cause or key/value to
    // edit), kind, created, done.
    Q_INVOKABLE QVariantMap contextActions(const QString& contextId) const;

private:
    QString apply(const QString& text, const edits::EditResult& edit);
    Document& m_document;
};

} // namespace ctxscope
