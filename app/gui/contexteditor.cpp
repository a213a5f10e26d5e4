// ContextEditor: the edits a user makes to contexts by clicking, each one undoable and made at
// the playhead.
#include "contexteditor.h"

#include "document.h"
#include "eventtext.h"
#include "taskbuilder.h"

#include <algorithm>

namespace ctxscope {
namespace {

std::optional<Nanos> durationParam(const QVariantMap& params, const char* key, QString* error) {
    const QString text = params.value(QString::fromLatin1(key)).toString().trimmed();
    const DurationParse p = parseDuration(text.toStdString());
    if (!p.value) {
        *error = QStringLiteral("%1: %2").arg(QString::fromLatin1(key), QString::fromStdString(p.error));
        return std::nullopt;
    }
    return p.value;
}

// readParams reads what the derive dialog typed for a context of kind k into p: the fields the
// kind takes (engine/context.h), durations in Go's syntax, the value as its chosen JSON type.
// Returns why it cannot, or "".
QString readParams(ContextKind k, const QVariantMap& params, edits::ContextParams& p) {
    QString error;
    if (isTimeoutKind(k)) {
        auto d = durationParam(params, "timeout", &error);
        if (!d)
            return error;
        p.timeout = *d;
    }
    if (isDeadlineKind(k)) {
        auto d = durationParam(params, "deadline", &error);
        if (!d)
            return error;
        p.deadline = *d;
    }
    if (isCauseDeadlineKind(k))
        p.cause = params.value(QStringLiteral("cause")).toString().toStdString();
    if (k == ContextKind::WithValue) {
        p.key = params.value(QStringLiteral("key")).toString().toStdString();
        if (const std::string problem = edits::valueKeyProblem(p.key); !problem.empty())
            return QStringLiteral("key: %1").arg(QString::fromStdString(problem));
        p.keyType = params.value(QStringLiteral("keyType"), QStringLiteral("ctxKey")).toString().trimmed().toStdString();
        auto v = scalarFromText(params.value(QStringLiteral("value")).toString(),
                                params.value(QStringLiteral("valueType"), QStringLiteral("string")).toString(), &error);
        if (!v)
            return QStringLiteral("value: %1").arg(error);
        p.value = *v;
    }
    return {};
}

// fillGoroutine reads the task dialog's map into a task or after-func spec (they share a shape):
// the id (or a fresh one from the label, else from defaultBase), label and steps. Returns an
// error, empty on success.
template <typename Spec>
QString fillGoroutine(const Scenario& scenario, const QString& contextId, const QVariantMap& spec,
                      const char* defaultBase, Spec& out) {
    edits::FreshIds ids(scenario);
    out.context = contextId.toStdString();
    out.id = spec.value(QStringLiteral("id")).toString().trimmed().toStdString();
    const std::string fromLabel = edits::idFromLabel(spec.value(QStringLiteral("label")).toString().toStdString());
    if (out.id.empty())
        out.id = ids.task(fromLabel.empty() ? std::string(defaultBase) : fromLabel);
    else
        ids.reserveTask(out.id);
    out.label = spec.value(QStringLiteral("label")).toString().toStdString();
    TaskBuilder builder;
    builder.freshTaskId = [&](const std::string& base) { return ids.task(base); };
    builder.freshContextId = [&](const std::string& base) { return ids.context(base); };
    QString error;
    auto steps = builder.steps(spec.value(QStringLiteral("steps")).toList(), &error);
    if (!steps)
        return error.isEmpty() ? QStringLiteral("the steps could not be read") : error;
    out.steps = std::move(*steps);
    return {};
}

} // namespace

ContextEditor::ContextEditor(Document& document) : QObject(&document), m_document(document) {}

QString ContextEditor::apply(const QString& text, const edits::EditResult& edit) {
    QString error;
    m_document.applyEdit(text, edit, &error);
    return error;
}

QString ContextEditor::derive(const QString& parentId, const QString& kind, const QVariantMap& params) {
    const auto k = parseContextKind(kind.toStdString());
    if (!k)
        return QStringLiteral("unknown context kind \"%1\"").arg(kind);
    edits::DeriveParams p;
    p.kind = *k;
    p.id = params.value(QStringLiteral("id")).toString().trimmed().toStdString();
    p.label = params.value(QStringLiteral("label")).toString().toStdString();
    if (QString error = readParams(*k, params, p); !error.isEmpty())
        return error;
    const Session& session = m_document.session();
    return apply(QStringLiteral("Derive %1").arg(kind),
                 edits::deriveContext(session.scenario(), parentId.toStdString(), session.playhead(), p));
}

QString ContextEditor::addRoot() {
    edits::DeriveParams p;
    p.kind = ContextKind::Background;
    const Session& session = m_document.session();
    return apply(QStringLiteral("Add context.Background()"), edits::deriveContext(session.scenario(), {}, session.playhead(), p));
}

QString ContextEditor::startTask(const QString& contextId, const QVariantMap& spec) {
    const Session& session = m_document.session();
    TaskSpec t;
    if (QString error = fillGoroutine(session.scenario(), contextId, spec, "task", t); !error.isEmpty())
        return error;
    return apply(QStringLiteral("Start task %1").arg(QString::fromStdString(t.id)),
                 edits::startTask(session.scenario(), std::move(t), session.playhead()));
}

QString ContextEditor::addAfterFunc(const QString& contextId, const QVariantMap& spec) {
    const Session& session = m_document.session();
    AfterFuncSpec a;
    if (QString error = fillGoroutine(session.scenario(), contextId, spec, "cleanup", a); !error.isEmpty())
        return error;
    return apply(QStringLiteral("AfterFunc %1").arg(QString::fromStdString(a.id)),
                 edits::addAfterFunc(session.scenario(), std::move(a), session.playhead()));
}

QString ContextEditor::cancelContext(const QString& contextId, const QVariant& cause) {
    std::optional<std::string> c;
    if (cause.isValid() && !cause.isNull() && !cause.toString().isEmpty())
        c = cause.toString().toStdString();
    const Session& session = m_document.session();
    // Re-simulation keeps the playhead where it is, where the new action has already happened.
    return apply(QStringLiteral("Cancel %1 at %2").arg(contextId, m_document.timeText()),
                 edits::cancelAt(session.scenario(), contextId.toStdString(), session.playhead(), c));
}

QString ContextEditor::stopAfterFunc(const QString& afterFuncId) {
    const Session& session = m_document.session();
    return apply(QStringLiteral("Stop %1 at %2").arg(afterFuncId, m_document.timeText()),
                 edits::stopAfterFuncAt(session.scenario(), afterFuncId.toStdString(), session.playhead()));
}

QString ContextEditor::renameContext(const QString& contextId, const QString& label) {
    return apply(QStringLiteral("Rename %1").arg(contextId),
                 edits::rename(m_document.editedScenario(), contextId.toStdString(), label.toStdString()));
}

QString ContextEditor::renameScenario(const QString& name) {
    return apply(QStringLiteral("Rename scenario"), edits::renameScenario(m_document.editedScenario(), name.toStdString()));
}

QString ContextEditor::editParameters(const QString& contextId, const QVariantMap& params) {
    const Scenario& s = m_document.editedScenario();
    const std::string id = contextId.toStdString();
    const auto spec = std::find_if(s.contexts.begin(), s.contexts.end(), [&](const ContextSpec& c) { return c.id == id; });
    if (spec == s.contexts.end())
        return QString::fromStdString(edits::editParams(s, id, {}).error);
    edits::ContextParams p;
    if (QString error = readParams(spec->kind, params, p); !error.isEmpty())
        return error;
    return apply(QStringLiteral("Edit %1 %2").arg(QString::fromLatin1(contextKindName(spec->kind)), contextId),
                 edits::editParams(s, id, p));
}

QVariantMap ContextEditor::contextParameters(const QString& contextId) const {
    const Scenario& s = m_document.editedScenario();
    const std::string id = contextId.toStdString();
    for (const ContextSpec& c : s.contexts) {
        if (c.id != id)
            continue;
        const edits::ContextParams p = edits::paramsOf(c);
        static const char* const typeNames[] = {"null", "bool", "number", "string"}; // Scalar::Type
        return {{QStringLiteral("ok"), true},
                {QStringLiteral("kind"), QString::fromLatin1(contextKindName(c.kind))},
                {QStringLiteral("hasParams"), edits::hasParams(c.kind)},
                {QStringLiteral("parent"), QString::fromStdString(c.parent)},
                {QStringLiteral("at"), durationText(c.at)},
                {QStringLiteral("label"), QString::fromStdString(c.label)},
                {QStringLiteral("timeout"), durationText(p.timeout)},
                {QStringLiteral("deadline"), durationText(p.deadline)},
                {QStringLiteral("cause"), QString::fromStdString(p.cause)},
                {QStringLiteral("key"), QString::fromStdString(p.key)},
                {QStringLiteral("value"), QString::fromStdString(p.value.text)},
                {QStringLiteral("valueType"), QString::fromLatin1(typeNames[static_cast<int>(p.value.type)])},
                {QStringLiteral("keyType"), QString::fromStdString(p.keyType)}};
    }
    return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), QString::fromStdString(edits::editParams(s, id, {}).error)}};
}

QVariantMap ContextEditor::deletionSummary(const QString& contextId) const {
    edits::DeletionSummary s;
    const edits::EditResult r = edits::deleteContext(m_document.editedScenario(), contextId.toStdString(), &s);
    return {{QStringLiteral("ok"), r.error.empty()},
            {QStringLiteral("error"), QString::fromStdString(r.error)},
            {QStringLiteral("contexts"), static_cast<int>(s.contexts)},
            {QStringLiteral("tasks"), static_cast<int>(s.tasks)},
            {QStringLiteral("afterFuncs"), static_cast<int>(s.afterFuncs)},
            {QStringLiteral("actions"), static_cast<int>(s.actions)},
            {QStringLiteral("expectations"), static_cast<int>(s.expectations)}};
}

QString ContextEditor::deleteContext(const QString& contextId) {
    return apply(QStringLiteral("Delete %1").arg(contextId),
                 edits::deleteContext(m_document.editedScenario(), contextId.toStdString(), nullptr));
}

QVariantMap ContextEditor::contextActions(const QString& contextId) const {
    const Selection sel{Selection::Kind::Context, contextId.toStdString(), 0};
    const Capabilities c = m_document.session().capabilities(sel, &m_document.result(), &m_document.playback());
    QVariantMap m{{QStringLiteral("exists"), c.exists},         {QStringLiteral("editable"), c.editable},
                  {QStringLiteral("canCancel"), c.canCancel},   {QStringLiteral("takesCause"), c.takesCause},
                  {QStringLiteral("hasParams"), c.hasParams},   {QStringLiteral("created"), c.created},
                  {QStringLiteral("done"), c.done}};
    if (const auto i = m_document.result().findContext(sel.id))
        m[QStringLiteral("kind")] = QString::fromLatin1(contextKindName(m_document.result().contexts[*i].kind));
    return m;
}

} // namespace ctxscope
