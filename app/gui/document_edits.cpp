// Document: the edits a user makes by clicking, each one undoable and made at the playhead.
#include "document.h"

#include "eventtext.h"
#include "taskbuilder.h"

#include <algorithm>

#include <unordered_set>

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

// readParams reads what the derive dialog typed for a context of kind k into p: durations in
// Go's syntax, the value as its chosen JSON type, a non-empty key. Returns why it cannot, or "".
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
        if (QString::fromStdString(p.key).trimmed().isEmpty())
            return QStringLiteral("key: a WithValue needs a key, such as \"userID\"");
        p.keyType = params.value(QStringLiteral("keyType"), QStringLiteral("ctxKey")).toString().trimmed().toStdString();
        auto v = scalarFromText(params.value(QStringLiteral("value")).toString(),
                                params.value(QStringLiteral("valueType"), QStringLiteral("string")).toString(), &error);
        if (!v)
            return QStringLiteral("value: %1").arg(error);
        p.value = *v;
    }
    return {};
}

} // namespace

// --- edits -------------------------------------------------------------------------------

QString Document::derive(const QString& parentId, const QString& kind, const QVariantMap& params) {
    const auto k = parseContextKind(kind.toStdString());
    if (!k)
        return QStringLiteral("unknown context kind \"%1\"").arg(kind);
    edits::DeriveParams p;
    p.kind = *k;
    p.id = params.value(QStringLiteral("id")).toString().trimmed().toStdString();
    p.label = params.value(QStringLiteral("label")).toString().toStdString();
    if (QString error = readParams(*k, params, p); !error.isEmpty())
        return error;
    return pushEdit(QStringLiteral("Derive %1").arg(kind),
                    edits::deriveContext(m_session.scenario(), parentId.toStdString(), m_session.playhead(), p));
}

QString Document::editParameters(const QString& contextId, const QVariantMap& params) {
    const std::string id = contextId.toStdString();
    const auto spec = std::find_if(m_session.scenario().contexts.begin(), m_session.scenario().contexts.end(),
                                   [&](const ContextSpec& c) { return c.id == id; });
    if (spec == m_session.scenario().contexts.end())
        return QString::fromStdString(edits::editParams(m_session.scenario(), id, {}).error);
    edits::ContextParams p;
    if (QString error = readParams(spec->kind, params, p); !error.isEmpty())
        return error;
    return pushEdit(QStringLiteral("Edit %1 %2").arg(QString::fromLatin1(contextKindName(spec->kind)), contextId),
                    edits::editParams(m_session.scenario(), id, p));
}

QVariantMap Document::contextParameters(const QString& contextId) const {
    const std::string id = contextId.toStdString();
    for (const ContextSpec& c : m_session.scenario().contexts) {
        if (c.id != id)
            continue;
        const edits::ContextParams p = edits::paramsOf(c);
        static const char* const typeNames[] = {"null", "bool", "number", "string"};
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
    return {{QStringLiteral("ok"), false},
            {QStringLiteral("error"), QString::fromStdString(edits::editParams(m_session.scenario(), id, {}).error)}};
}

QString Document::addRoot() {
    edits::DeriveParams p;
    p.kind = ContextKind::Background;
    return pushEdit(QStringLiteral("Add context.Background()"), edits::deriveContext(m_session.scenario(), {}, m_session.playhead(), p));
}

namespace {

// Hands out ids no part of the scenario uses, remembering the ones already given.
struct IdSource {
    const Scenario& scenario;
    std::unordered_set<std::string> given;
    std::string next(const std::string& base, bool context) {
        std::string id = context ? edits::uniqueContextId(scenario, base) : edits::uniqueTaskId(scenario, base);
        for (int n = 2; given.count(id); ++n)
            id = (context ? edits::uniqueContextId(scenario, base + std::to_string(n))
                          : edits::uniqueTaskId(scenario, base + std::to_string(n)));
        given.insert(id);
        return id;
    }
};

} // namespace

namespace {

// fillGoroutine reads the task dialog's map into a task or after-func spec (they share a shape):
// the id (or a fresh one from defaultBase), label and steps. Returns an error, empty on success.
template <typename Spec>
QString fillGoroutine(const Scenario& scenario, const QString& contextId, const QVariantMap& spec,
                      const char* defaultBase, Spec& out) {
    IdSource ids{scenario, {}};
    out.context = contextId.toStdString();
    out.id = spec.value(QStringLiteral("id")).toString().trimmed().toStdString();
    const std::string fromLabel = edits::idFromLabel(spec.value(QStringLiteral("label")).toString().toStdString());
    if (out.id.empty()) // from the label the user typed, else the default
        out.id = ids.next(fromLabel.empty() ? std::string(defaultBase) : fromLabel, false);
    else
        ids.given.insert(out.id);
    out.label = spec.value(QStringLiteral("label")).toString().toStdString();
    TaskBuilder builder;
    builder.freshTaskId = [&](const std::string& base) { return ids.next(base, false); };
    builder.freshContextId = [&](const std::string& base) { return ids.next(base, true); };
    QString error;
    auto steps = builder.steps(spec.value(QStringLiteral("steps")).toList(), &error);
    if (!steps)
        return error.isEmpty() ? QStringLiteral("the steps could not be read") : error;
    out.steps = std::move(*steps);
    return {};
}

} // namespace

QString Document::startTask(const QString& contextId, const QVariantMap& spec) {
    TaskSpec t;
    if (QString error = fillGoroutine(m_session.scenario(), contextId, spec, "task", t); !error.isEmpty())
        return error;
    return pushEdit(QStringLiteral("Start task %1").arg(QString::fromStdString(t.id)),
                    edits::startTask(m_session.scenario(), std::move(t), m_session.playhead()));
}

QString Document::addAfterFunc(const QString& contextId, const QVariantMap& spec) {
    AfterFuncSpec a;
    if (QString error = fillGoroutine(m_session.scenario(), contextId, spec, "cleanup", a); !error.isEmpty())
        return error;
    return pushEdit(QStringLiteral("AfterFunc %1").arg(QString::fromStdString(a.id)),
                    edits::addAfterFunc(m_session.scenario(), std::move(a), m_session.playhead()));
}

QString Document::cancelContext(const QString& contextId, const QVariant& cause) {
    std::optional<std::string> c;
    if (cause.isValid() && !cause.isNull() && !cause.toString().isEmpty())
        c = cause.toString().toStdString();
    const QString text = QStringLiteral("Cancel %1 at %2").arg(contextId, timeText());
    // Re-simulation keeps the playhead at m_session.playhead(), where the new action has already happened.
    return pushEdit(text, edits::cancelAt(m_session.scenario(), contextId.toStdString(), m_session.playhead(), c));
}

QString Document::stopAfterFunc(const QString& afterFuncId) {
    return pushEdit(QStringLiteral("Stop %1 at %2").arg(afterFuncId, timeText()),
                    edits::stopAfterFuncAt(m_session.scenario(), afterFuncId.toStdString(), m_session.playhead()));
}

QString Document::renameContext(const QString& contextId, const QString& label) {
    return pushEdit(QStringLiteral("Rename %1").arg(contextId),
                    edits::rename(m_session.scenario(), contextId.toStdString(), label.toStdString()));
}

QString Document::renameScenario(const QString& name) {
    return pushEdit(QStringLiteral("Rename scenario"), edits::renameScenario(m_session.scenario(), name.toStdString()));
}

QVariantMap Document::deletionSummary(const QString& contextId) const {
    edits::DeletionSummary s;
    const edits::EditResult r = edits::deleteContext(m_session.scenario(), contextId.toStdString(), &s);
    return {{QStringLiteral("ok"), r.error.empty()},
            {QStringLiteral("error"), QString::fromStdString(r.error)},
            {QStringLiteral("contexts"), static_cast<int>(s.contexts)},
            {QStringLiteral("tasks"), static_cast<int>(s.tasks)},
            {QStringLiteral("afterFuncs"), static_cast<int>(s.afterFuncs)},
            {QStringLiteral("actions"), static_cast<int>(s.actions)},
            {QStringLiteral("expectations"), static_cast<int>(s.expectations)}};
}

QString Document::deleteContext(const QString& contextId) {
    return pushEdit(QStringLiteral("Delete %1").arg(contextId),
                    edits::deleteContext(m_session.scenario(), contextId.toStdString(), nullptr));
}

QVariantMap Document::contextActions(const QString& contextId) const {
    QVariantMap m;
    const std::string id = contextId.toStdString();
    bool editable = false;
    for (const ContextSpec& c : m_session.scenario().contexts)
        editable = editable || c.id == id;
    const auto idx = m_result->findContext(id);
    m[QStringLiteral("exists")] = idx.has_value();
    m[QStringLiteral("editable")] = editable;
    if (!idx)
        return m;
    const ContextInfo& info = m_result->contexts[*idx];
    const ContextStateAt& st = m_playback->context(*idx);
    m[QStringLiteral("kind")] = QString::fromLatin1(contextKindName(info.kind));
    m[QStringLiteral("canCancel")] = hasCancelFunc(info.kind);
    m[QStringLiteral("takesCause")] = info.kind == ContextKind::WithCancelCause;
    m[QStringLiteral("hasParams")] = edits::hasParams(info.kind);
    m[QStringLiteral("created")] = st.created;
    m[QStringLiteral("done")] = st.err != Err::None;
    return m;
}

} // namespace ctxscope
