#include "inspector.h"

#include "ctxscope/go_export/go_names.h"

#include "eventtext.h"
#include "nodestate.h"

#include <set>

namespace ctxscope {
namespace {

void indexSteps(const std::vector<Step>& steps, std::unordered_map<std::string, const ContextSpec*>& out) {
    for (const Step& s : steps) {
        for (const ContextSpec& c : s.derive)
            out[c.id] = &c;
        for (const TaskSpec& t : s.spawn)
            indexSteps(t.steps, out);
        for (const AfterFuncSpec& a : s.afterFunc)
            indexSteps(a.steps, out);
    }
}

QString scalarText(const Scalar& v) {
    switch (v.type) {
    case Scalar::Type::Null: return QStringLiteral("nil");
    case Scalar::Type::String: return QStringLiteral("\"%1\"").arg(QString::fromStdString(v.text));
    default: return QString::fromStdString(v.text);
    }
}

QString strOrNil(const SimulationResult& r, StrId id) {
    return id < r.strings.size() ? QString::fromStdString(r.strings[id]) : QStringLiteral("nil");
}

} // namespace

Inspector::Inspector(QObject* parent) : QObject(parent) {}

QString Inspector::firstChildId() const {
    const QVariantList children = m_details.value(QStringLiteral("children")).toList();
    return children.isEmpty() ? QString() : children.first().toMap().value(QStringLiteral("id")).toString();
}

void Inspector::setDocument(Document* doc) {
    if (!followDocument(this, m_doc, doc, &Inspector::rebuild, &Inspector::rebuild))
        return;
    m_specsRevision = -1;
    rebuild();
    Q_EMIT documentChanged();
}

void Inspector::setContextId(const QString& id) {
    if (id == m_contextId)
        return;
    m_contextId = id;
    rebuild();
    Q_EMIT contextIdChanged();
}

void Inspector::indexSpecs() {
    if (m_specsRevision == m_doc->revision())
        return;
    m_specsRevision = m_doc->revision();
    m_specs.clear();
    const Scenario& s = m_doc->scenario();
    for (const ContextSpec& c : s.contexts)
        m_specs[c.id] = &c;
    for (const TaskSpec& t : s.tasks)
        indexSteps(t.steps, m_specs);
    for (const AfterFuncSpec& a : s.afterFuncs)
        indexSteps(a.steps, m_specs);
}

void Inspector::setHideOutcome(bool hide) {
    if (hide == m_hideOutcome)
        return;
    m_hideOutcome = hide;
    rebuild();
    Q_EMIT hideOutcomeChanged();
}

void Inspector::rebuild() {
    m_details.clear();
    const auto finish = [this] { Q_EMIT detailsChanged(); };
    if (!m_doc || m_contextId.isEmpty())
        return finish();
    const SimulationResult& r = m_doc->result();
    const auto found = r.findContext(m_contextId.toStdString());
    if (!found)
        return finish();
    indexSpecs();
    const CtxIndex c = *found;
    const ContextInfo& info = r.contexts[c];
    const Playback& p = m_doc->playback();
    const ContextStateAt& st = p.context(c);
    const bool hide = m_hideOutcome;
    // In Predict mode a context that can be done shows "?", done or not (never a false "alive").
    const auto stateOf = [&](CtxIndex k) { return shownState(nodeStateAt(r, p, k), hide); };
    const NodeState state = stateOf(c);
    const bool done = st.err != Err::None && !hide;
    const Nanos now = m_doc->timeNanos();
    QVariantMap d;
    d[QStringLiteral("id")] = QString::fromStdString(info.id);
    d[QStringLiteral("label")] = QString::fromStdString(r.label(info));
    d[QStringLiteral("kind")] = QString::fromLatin1(contextKindName(info.kind));
    // Ids are what select() and edits take; the names (labels, as the tree shows them) are for reading.
    d[QStringLiteral("parentId")] = info.parent == kNone ? QString() : QString::fromStdString(r.contexts[info.parent].id);
    d[QStringLiteral("parentName")] = info.parent == kNone ? QString() : contextName(r, info.parent);
    d[QStringLiteral("title")] = contextTitle(r, c);
    d[QStringLiteral("derivedBy")] = info.derivedBy == kNone ? QString() : taskName(r, info.derivedBy);
    d[QStringLiteral("created")] = info.createdAt == kNever ? (hide ? QStringLiteral("?") : QStringLiteral("never"))
                                   : hide && !st.created ? QStringLiteral("?")
                                                         : durationText(info.createdAt);
    d[QStringLiteral("stateName")] = stateName(state);
    d[QStringLiteral("stateGlyph")] = stateGlyph(state);
    d[QStringLiteral("nodeState")] = QVariant::fromValue(state);
    d[QStringLiteral("err")] = hide ? QStringLiteral("? (hidden: predict first)")
                               : !done ? QStringLiteral("nil") : QString::fromLatin1(errString(st.err));
    d[QStringLiteral("cause")] = hide ? QStringLiteral("?") : !done ? QStringLiteral("nil") : strOrNil(r, st.cause);
    d[QStringLiteral("doneAt")] = !done ? QString() : durationText(st.doneAt);
    QString deadline = QStringLiteral("none (ok == false)");
    if (info.hasDeadline()) {
        deadline = durationText(info.deadline);
        if (info.deadlineFrom != kNone && info.deadlineFrom != c)
            deadline += QStringLiteral(", inherited from %1").arg(contextName(r, info.deadlineFrom));
        else
            deadline += QStringLiteral(" (its own)");
        if (info.degraded)
            deadline += QStringLiteral("; its own deadline is later, so it became a WithCancel");
        if (!done && st.created && info.deadline > now)
            deadline += QStringLiteral(", %1 left").arg(readableDuration(info.deadline - now, m_doc->run()->timelineEndNanos()));
    }
    d[QStringLiteral("deadline")] = deadline;
    // What fmt.Sprint(ctx) prints in the exported Go test. Hidden while predicting: a deadline's
    // name tells how much time is left, and a negative one that it has passed.
    d[QStringLiteral("goName")] = info.createdAt == kNever || !st.created || hide
                                      ? QString()
                                      : QString::fromStdString(goContextName(m_doc->scenario(), r, c, now));
    d[QStringLiteral("values")] = values(c);

    QVariantList children;
    for (CtxIndex k = 0; k < r.contexts.size(); ++k)
        if (r.contexts[k].parent == c && r.contexts[k].createdAt != kNever)
            children << QVariantMap{{QStringLiteral("id"), QString::fromStdString(r.contexts[k].id)},
                                    {QStringLiteral("name"), contextName(r, k)},
                                    {QStringLiteral("kind"), QString::fromLatin1(contextKindName(r.contexts[k].kind))},
                                    {QStringLiteral("state"), stateName(stateOf(k))}};
    d[QStringLiteral("children")] = children;

    QVariantList tasks;
    for (TaskIndex t = 0; t < r.tasks.size(); ++t) {
        const TaskInfo& ti = r.tasks[t];
        const TaskStateAt& ts = p.task(t);
        if ((ti.context != c && ts.context != c) || ti.afterFunc != kNone)
            continue; // after-func calls are listed under AfterFuncs
        // While predicting: only whether it has started (when it starts, whether it returns and
        // with what, and its lints all come from how the run went).
        QString status = hide ? (ts.started ? QStringLiteral("started") : QStringLiteral("not started yet"))
                         : !ts.started ? QStringLiteral("starts at %1").arg(durationText(ti.startedAt))
                         : ts.ended    ? QStringLiteral("returned %1").arg(strOrNil(r, ts.result))
                                       : QStringLiteral("running");
        if (ti.startedAt == kNever && !hide)
            status = QStringLiteral("never started");
        QStringList lints;
        for (const LintFinding& l : r.lints)
            if (l.subject == ti.id && l.t <= now && !hide)
                lints << QString::fromStdString(l.rule);
        tasks << QVariantMap{{QStringLiteral("id"), QString::fromStdString(ti.id)},
                             {QStringLiteral("name"), taskName(r, t)},
                             {QStringLiteral("status"), status},
                             {QStringLiteral("lint"), lints.join(QStringLiteral(", "))}};
    }
    d[QStringLiteral("tasks")] = tasks;

    QVariantList afterFuncs;
    for (AfIndex a = 0; a < r.afterFuncs.size(); ++a) {
        if (r.afterFuncs[a].context != c)
            continue;
        const AfterFuncStateAt& as = p.afterFunc(a);
        const QString status = !as.registered ? QStringLiteral("not registered yet")
                               : hide         ? QStringLiteral("registered")
                               : as.started   ? QStringLiteral("ran")
                               : as.stopped   ? QStringLiteral("stopped before it ran")
                                              : QStringLiteral("waiting for Done");
        afterFuncs << QVariantMap{{QStringLiteral("id"), QString::fromStdString(r.afterFuncs[a].id)},
                                  {QStringLiteral("status"), status},
                                  {QStringLiteral("canStop"), !hide && as.registered && !as.started && !as.stopped}};
    }
    d[QStringLiteral("afterFuncs")] = afterFuncs;

    QStringList lints;
    for (const LintFinding& l : r.lints)
        if (l.subject == info.id && l.t <= now && !hide)
            lints << QStringLiteral("%1: %2").arg(QString::fromStdString(l.rule), QString::fromStdString(l.message));
    d[QStringLiteral("lints")] = lints;
    d[QStringLiteral("why")] = hide ? QVariantList() : whyDone(c);
    d[QStringLiteral("races")] = hide ? QVariantList() : races(c);
    m_details = d;
    finish();
}

// What a race decided about this context, its tasks and after-funcs, by the playhead: one
// note each (raceview.h), for the "Decided by a race" section.
QVariantList Inspector::races(CtxIndex c) const {
    const SimulationResult& r = m_doc->result();
    const RaceView& rv = m_doc->outcomes()->races();
    QVariantList out;
    if (!rv.raced())
        return out;
    std::vector<std::pair<QString, QString>> subjects{{QStringLiteral("context"), QString::fromStdString(r.contexts[c].id)}};
    for (TaskIndex t = 0; t < r.tasks.size(); ++t)
        if (r.tasks[t].context == c)
            subjects.emplace_back(QStringLiteral("task"), QString::fromStdString(r.tasks[t].id));
    for (AfIndex a = 0; a < r.afterFuncs.size(); ++a)
        if (r.afterFuncs[a].context == c)
            subjects.emplace_back(QStringLiteral("after_func"), QString::fromStdString(r.afterFuncs[a].id));
    for (const QString& entry : rv.grouped(subjects, static_cast<std::size_t>(m_doc->outcomes()->index()), m_doc->timeNanos()))
        out << entry;
    return out;
}

QVariantList Inspector::values(CtxIndex c) const {
    const SimulationResult& r = m_doc->result();
    QVariantList out;
    std::set<std::pair<std::string, std::string>> seen;
    for (CtxIndex k = c; k != kNone && k < r.contexts.size(); k = r.contexts[k].parent) {
        if (r.contexts[k].kind != ContextKind::WithValue)
            continue;
        const auto it = m_specs.find(r.contexts[k].id);
        if (it == m_specs.end())
            continue;
        const ContextSpec& spec = *it->second;
        const bool shadowed = !seen.insert({spec.key, spec.keyType}).second;
        out << QVariantMap{{QStringLiteral("key"), QString::fromStdString(spec.key)},
                           {QStringLiteral("keyType"), QString::fromStdString(spec.keyType)},
                           {QStringLiteral("value"), scalarText(spec.value)},
                           {QStringLiteral("from"), contextName(r, k)},
                           {QStringLiteral("shadowed"), shadowed}};
    }
    return out;
}

QVariantList Inspector::whyDone(CtxIndex c) const {
    const SimulationResult& r = m_doc->result();
    const Playback& p = m_doc->playback();
    QVariantList out;
    const ContextStateAt& st = p.context(c);
    if (st.err == Err::None) {
        if (!r.contexts[c].canEverBeDone)
            out << QStringLiteral("%1 can never be done: nothing above it can be canceled.").arg(contextName(r, c));
        return out;
    }
    // The chain from the node up to the context where the cancellation began.
    const CtxIndex source = st.source == kNone ? c : st.source;
    for (CtxIndex k = c; k != kNone && k < r.contexts.size(); k = r.contexts[k].parent) {
        const ContextStateAt& ks = p.context(k);
        if (k == source)
            break;
        out << QStringLiteral("%1 was done at %2 because its parent %3 was (%4)")
                   .arg(contextName(r, k), durationText(ks.doneAt), contextName(r, r.contexts[k].parent),
                        QString::fromLatin1(errString(ks.err)));
    }
    const ContextStateAt& ss = p.context(source);
    if (ss.reason == Reason::Deadline) {
        out << QStringLiteral("%1 reached its own deadline %2 (cause: %3)")
                   .arg(contextName(r, source), durationText(r.contexts[source].deadline), strOrNil(r, ss.cause));
    } else if (ss.reason == Reason::Cancel) {
        // What began it: the effective cancel call on the source, and who made it.
        // It is the last cancel.called on the source before its context.canceled event (the
        // call emits it, then the cancellation), so look back from there, not from event 0.
        QString who = QStringLiteral("a cancel call");
        const std::uint32_t done = p.doneEvent(source);
        for (std::size_t i = done == kNone ? 0 : done; i-- > 0 && r.events[i].t == ss.doneAt;) {
            const Event& e = r.events[i];
            if (e.kind == EventKind::CancelCalled && e.subject == source && e.flag) {
                who = e.by == kNone ? QStringLiteral("the user's cancel action at %1").arg(durationText(e.t))
                                    : QStringLiteral("task %1 calling cancel at %2").arg(taskName(r, e.by), durationText(e.t));
                break;
            }
        }
        out << QStringLiteral("%1 was canceled by %2 (cause: %3)").arg(contextName(r, source), who, strOrNil(r, ss.cause));
    } else {
        out << QStringLiteral("%1 was done (%2)").arg(contextName(r, source), QString::fromLatin1(errString(ss.err)));
    }
    return out;
}

} // namespace ctxscope
