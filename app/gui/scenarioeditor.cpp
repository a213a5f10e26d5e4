#include "scenarioeditor.h"

#include "eventtext.h"
#include "taskbuilder.h"

#include "ctxscope/engine/validate.h"

#include <algorithm>
#include <unordered_set>

namespace ctxscope {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }
std::string ss(const QString& s) { return s.toStdString(); }

std::optional<Nanos> readDuration(const QString& what, const QString& text, QString* error) {
    const DurationParse p = parseDuration(text.trimmed().toStdString());
    if (!p.value)
        *error = QStringLiteral("%1: %2").arg(what, qs(p.error));
    return p.value;
}

} // namespace

ScenarioEditor::ScenarioEditor(QObject* parent) : QObject(parent) {}

void ScenarioEditor::setDocument(Document* d) {
    if (d == m_document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = d;
    if (m_document) {
        connect(m_document, &Document::simulated, this, &ScenarioEditor::scenarioChanged);
        connect(m_document, &Document::undoStateChanged, this, &ScenarioEditor::scenarioChanged);
    }
    Q_EMIT documentChanged();
    scenarioChanged();
}

void ScenarioEditor::scenarioChanged() {
    m_actions.reset();
    Q_EMIT changed();
}

QString ScenarioEditor::apply(const QString& text, const edits::EditResult& edit) {
    if (!m_document)
        return QStringLiteral("no document");
    QString error;
    m_document->applyEdit(text, edit, &error);
    return error;
}

// --- lists ---------------------------------------------------------------------------------

QVariantList ScenarioEditor::actions() const {
    if (!m_actions)
        m_actions = listActions();
    return *m_actions;
}

QVariantList ScenarioEditor::listActions() const {
    QVariantList out;
    if (!m_document)
        return out;
    const Scenario& s = m_document->editedScenario();
    const std::size_t listed = std::min(s.actions.size(), static_cast<std::size_t>(kListedRows));
    // Which listed targets are WithCancelCause contexts, found in one pass over the contexts:
    // searching them once per action was O(actions x contexts), 10^4 x 10^6 string compares at
    // 10^6 contexts. Only the few listed targets are hashed, and only those contexts looked up.
    std::unordered_set<std::string_view> targets, causeFuncs;
    for (std::size_t i = 0; i < listed; ++i)
        targets.insert(s.actions[i].target);
    if (!targets.empty())
        for (const ContextSpec& c : s.contexts)
            if (c.kind == ContextKind::WithCancelCause && targets.count(c.id) > 0)
                causeFuncs.insert(c.id);
    for (std::size_t i = 0; i < listed; ++i) {
        const Action& a = s.actions[i];
        const bool cancel = a.op == ActionOp::Cancel;
        const bool takesCause = causeFuncs.count(a.target) > 0;
        QString text = (cancel ? QStringLiteral("cancel %1") : QStringLiteral("stop %1")).arg(qs(a.target));
        if (a.cause)
            text += QStringLiteral(" (cause \"%1\")").arg(qs(*a.cause));
        out << QVariantMap{{QStringLiteral("index"), static_cast<int>(i)},
                           {QStringLiteral("at"), durationText(a.at)},
                           {QStringLiteral("atNanos"), static_cast<double>(a.at)},
                           {QStringLiteral("text"), text},
                           {QStringLiteral("op"), cancel ? QStringLiteral("cancel") : QStringLiteral("stop")},
                           {QStringLiteral("target"), qs(a.target)},
                           {QStringLiteral("cause"), a.cause ? qs(*a.cause) : QString()},
                           {QStringLiteral("takesCause"), takesCause}};
    }
    return out;
}

QVariantList ScenarioEditor::expectations() const {
    QVariantList out;
    if (!m_document)
        return out;
    const Scenario& s = m_document->editedScenario();
    for (std::size_t i = 0; i < s.expect.size() && i < static_cast<std::size_t>(kListedRows); ++i)
        out << QVariantMap{{QStringLiteral("index"), static_cast<int>(i)},
                           {QStringLiteral("text"), expectationText(s.expect[i])},
                           {QStringLiteral("kind"), expectationKindName(s.expect[i].kind)}};
    return out;
}

QStringList ScenarioEditor::stepOps() const {
    return {QStringLiteral("work"),  QStringLiteral("await"),  QStringLiteral("derive"),
            QStringLiteral("spawn"), QStringLiteral("cancel"), QStringLiteral("value"),
            QStringLiteral("after_func"), QStringLiteral("stop_after_func"), QStringLiteral("log"),
            QStringLiteral("fail")};
}

QStringList ScenarioEditor::expectationKinds() const { return expectationKindNames(); }

QStringList ScenarioEditor::deriveKinds() const {
    QStringList out;
    for (int k = static_cast<int>(ContextKind::WithCancel); k <= static_cast<int>(ContextKind::WithoutCancel); ++k)
        out << QString::fromLatin1(contextKindName(static_cast<ContextKind>(k)));
    return out;
}

// --- tasks and after-funcs ------------------------------------------------------------------

QVariantMap ScenarioEditor::goroutine(const QString& id) const {
    if (m_document) {
        const Scenario& s = m_document->editedScenario();
        const std::string want = ss(id);
        const auto describe = [&](const auto& g, bool afterFunc) {
            return QVariantMap{{QStringLiteral("ok"), true},
                               {QStringLiteral("afterFunc"), afterFunc},
                               {QStringLiteral("id"), qs(g.id)},
                               {QStringLiteral("label"), qs(g.label)},
                               {QStringLiteral("context"), qs(g.context)},
                               {QStringLiteral("at"), durationText(g.at)},
                               {QStringLiteral("steps"), stepsToVariant(g.steps)}};
        };
        for (const TaskSpec& t : s.tasks)
            if (t.id == want)
                return describe(t, false);
        for (const AfterFuncSpec& a : s.afterFuncs)
            if (a.id == want)
                return describe(a, true);
    }
    return {{QStringLiteral("ok"), false},
            {QStringLiteral("error"),
             QStringLiteral("\"%1\" is not a task or after-func of the scenario: one that a step spawns or "
                            "registers is edited in its owner's steps").arg(id)}};
}

QString ScenarioEditor::ownerOf(const QString& id) const {
    return m_document ? qs(edits::ownerOf(m_document->editedScenario(), ss(id))) : QString();
}

QString ScenarioEditor::editGoroutine(const QString& id, const QVariantMap& spec) {
    const QVariantMap current = goroutine(id);
    if (!current.value(QStringLiteral("ok")).toBool())
        return current.value(QStringLiteral("error")).toString();
    const Scenario& s = m_document->editedScenario();
    QString error;
    const auto at = readDuration(QStringLiteral("at"), spec.value(QStringLiteral("at"), current.value(QStringLiteral("at"))).toString(), &error);
    if (!at)
        return error;
    edits::FreshIds ids(s);
    TaskBuilder builder;
    builder.freshTaskId = [&](const std::string& base) { return ids.task(base); };
    builder.freshContextId = [&](const std::string& base) { return ids.context(base); };
    auto steps = builder.steps(spec.value(QStringLiteral("steps")).toList(), &error);
    if (!steps)
        return error;
    const auto fill = [&](auto& g) {
        g.id = ss(spec.value(QStringLiteral("id"), id).toString().trimmed());
        g.label = ss(spec.value(QStringLiteral("label")).toString());
        g.context = ss(spec.value(QStringLiteral("context"), current.value(QStringLiteral("context"))).toString().trimmed());
        g.at = *at;
        g.steps = std::move(*steps);
    };
    if (current.value(QStringLiteral("afterFunc")).toBool()) {
        AfterFuncSpec a;
        fill(a);
        return apply(tr("Edit after-func %1").arg(id), edits::replaceAfterFunc(s, ss(id), std::move(a)));
    }
    TaskSpec t;
    fill(t);
    return apply(tr("Edit task %1").arg(id), edits::replaceTask(s, ss(id), std::move(t)));
}

QVariantMap ScenarioEditor::goroutineDeletion(const QString& id) const {
    QVariantMap out{{QStringLiteral("ok"), false}};
    const QVariantMap current = goroutine(id);
    if (!current.value(QStringLiteral("ok")).toBool()) {
        out[QStringLiteral("error")] = current.value(QStringLiteral("error"));
        return out;
    }
    edits::DeletionSummary summary;
    const Scenario& s = m_document->editedScenario();
    const edits::EditResult r = current.value(QStringLiteral("afterFunc")).toBool()
                                    ? edits::deleteAfterFunc(s, ss(id), &summary)
                                    : edits::deleteTask(s, ss(id), &summary);
    out[QStringLiteral("ok")] = r.error.empty();
    out[QStringLiteral("error")] = qs(r.error);
    out[QStringLiteral("actions")] = static_cast<int>(summary.actions);
    out[QStringLiteral("expectations")] = static_cast<int>(summary.expectations);
    return out;
}

QString ScenarioEditor::deleteGoroutine(const QString& id) {
    const QVariantMap current = goroutine(id);
    if (!current.value(QStringLiteral("ok")).toBool())
        return current.value(QStringLiteral("error")).toString();
    const Scenario& s = m_document->editedScenario();
    if (current.value(QStringLiteral("afterFunc")).toBool())
        return apply(tr("Delete after-func %1").arg(id), edits::deleteAfterFunc(s, ss(id)));
    return apply(tr("Delete task %1").arg(id), edits::deleteTask(s, ss(id)));
}

// --- steps -----------------------------------------------------------------------------------

QVariantMap ScenarioEditor::freshStep(const QString& op) const {
    Step s;
    if (op == QLatin1String("work")) {
        s.op = StepOp::Work;
        s.duration = 100 * kMillisecond;
    } else if (op == QLatin1String("await")) {
        s.op = StepOp::Await;
    } else if (op == QLatin1String("derive")) {
        s.op = StepOp::Derive;
        ContextSpec c;
        c.kind = ContextKind::WithTimeout;
        c.timeout = 100 * kMillisecond;
        s.derive.push_back(c);
    } else if (op == QLatin1String("spawn") || op == QLatin1String("after_func")) {
        Step inner;
        inner.op = StepOp::Work;
        inner.duration = 50 * kMillisecond;
        if (op == QLatin1String("spawn")) {
            s.op = StepOp::Spawn;
            s.spawn.push_back(TaskSpec{{}, {}, 0, {}, {inner}});
        } else {
            s.op = StepOp::AfterFunc;
            inner.op = StepOp::Log;
            inner.text = "cleaning up";
            s.afterFunc.push_back(AfterFuncSpec{{}, {}, 0, {}, {inner}});
        }
    } else if (op == QLatin1String("cancel")) {
        s.op = StepOp::Cancel;
    } else if (op == QLatin1String("stop_after_func")) {
        s.op = StepOp::StopAfterFunc;
    } else if (op == QLatin1String("value")) {
        s.op = StepOp::Value;
        s.text = "requestID";
    } else if (op == QLatin1String("fail")) {
        s.op = StepOp::Fail;
        s.text = "something broke";
    } else {
        s.op = StepOp::Log;
        s.text = "hello";
    }
    QVariantMap m = stepsToVariant({s}).front().toMap();
    // A derive's defaults for every kind the user may switch to, so no field ever shows empty.
    if (s.op == StepOp::Derive) {
        m[QStringLiteral("deadline")] = QStringLiteral("300ms");
        m[QStringLiteral("cause")] = QStringLiteral("budget exhausted");
        m[QStringLiteral("key")] = QStringLiteral("requestID");
        m[QStringLiteral("value")] = QStringLiteral("r-1");
        m[QStringLiteral("valueType")] = QStringLiteral("string");
    }
    return m;
}

QString ScenarioEditor::stepsProblem(const QVariantList& steps) const {
    TaskBuilder builder; // ids are not needed to find a problem: empty ones stay empty
    QString error;
    if (!builder.steps(steps, &error))
        return error.isEmpty() ? QStringLiteral("the steps could not be read") : error;
    return {};
}

QString ScenarioEditor::stepProblem(const QVariantMap& step) const {
    QVariantMap alone = step;
    if (alone.contains(QStringLiteral("steps")))
        alone[QStringLiteral("steps")] = QVariantList(); // its own steps have their own lines
    const QString problem = stepsProblem({alone});
    const QString position = QStringLiteral("step 1: ");
    return problem.startsWith(position) ? problem.mid(position.size()) : problem;
}

QVariantMap ScenarioEditor::stepFields(const QVariantMap& step) const {
    const QString op = step.value(QStringLiteral("op")).toString();
    const auto kind = parseContextKind(ss(step.value(QStringLiteral("kind")).toString()));
    const bool derive = op == QLatin1String("derive") && kind;
    return {{QStringLiteral("duration"), op == QLatin1String("work")},
            {QStringLiteral("watch"), op == QLatin1String("work")},
            {QStringLiteral("poll"), op == QLatin1String("work") && step.value(QStringLiteral("watch")).toString() == QLatin1String("poll")},
            {QStringLiteral("what"), op == QLatin1String("await")},
            {QStringLiteral("ids"), op == QLatin1String("await") && step.value(QStringLiteral("what")).toString() == QLatin1String("list")},
            {QStringLiteral("kind"), derive},
            {QStringLiteral("timeout"), derive && isTimeoutKind(*kind)},
            {QStringLiteral("deadline"), derive && isDeadlineKind(*kind)},
            {QStringLiteral("cause"), (derive && isCauseDeadlineKind(*kind)) || op == QLatin1String("cancel")},
            {QStringLiteral("key"), (derive && *kind == ContextKind::WithValue) || op == QLatin1String("value")},
            {QStringLiteral("value"), derive && *kind == ContextKind::WithValue},
            {QStringLiteral("text"), op == QLatin1String("log") || op == QLatin1String("fail")},
            {QStringLiteral("target"), op == QLatin1String("cancel") || op == QLatin1String("stop_after_func")},
            {QStringLiteral("context"), op == QLatin1String("spawn") || op == QLatin1String("after_func")},
            {QStringLiteral("steps"), op == QLatin1String("spawn") || op == QLatin1String("after_func")}};
}

// --- contexts ------------------------------------------------------------------------------------

QVariantMap ScenarioEditor::describeDerive(const QString& parentId, const QString& kind, const QVariantMap& params) const {
    const auto k = parseContextKind(ss(kind));
    QVariantMap out{{QStringLiteral("known"), k.has_value()}};
    if (!k)
        return out;
    const bool timeout = isTimeoutKind(*k), deadline = isDeadlineKind(*k), cause = isCauseDeadlineKind(*k),
               value = *k == ContextKind::WithValue;
    out[QStringLiteral("timeout")] = timeout;
    out[QStringLiteral("deadline")] = deadline;
    out[QStringLiteral("cause")] = cause;
    out[QStringLiteral("key")] = value;
    out[QStringLiteral("value")] = value;
    out[QStringLiteral("takesParams")] = edits::hasParams(*k);
    const QString key = params.value(QStringLiteral("key")).toString();
    const QString valueText = params.value(QStringLiteral("value")).toString();
    const QString valueType = params.value(QStringLiteral("valueType"), QStringLiteral("string")).toString();
    QString keyError, valueError;
    if (value)
        keyError = qs(edits::valueKeyProblem(ss(key)));
    if (value)
        scalarFromText(valueText, valueType, &valueError);
    out[QStringLiteral("keyError")] = keyError;
    out[QStringLiteral("valueError")] = valueError;
    // The Go call, as the exported program writes it (durations as Go spells them).
    const auto quoted = [](const QString& t) { return QStringLiteral("\"%1\"").arg(QString(t).replace(QLatin1Char('"'), QStringLiteral("\\\""))); };
    const QString causeArg = cause ? QStringLiteral(", ") + quoted(params.value(QStringLiteral("cause")).toString()) : QString();
    QString call;
    if (timeout)
        call = QStringLiteral("context.%1(%2, %3%4)").arg(kind, parentId, params.value(QStringLiteral("timeout")).toString(), causeArg);
    else if (deadline)
        call = QStringLiteral("context.%1(%2, start.Add(%3)%4)").arg(kind, parentId, params.value(QStringLiteral("deadline")).toString(), causeArg);
    else if (value)
        call = QStringLiteral("context.WithValue(%1, %2(%3), %4)")
                   .arg(parentId, params.value(QStringLiteral("keyType"), QStringLiteral("ctxKey")).toString(), quoted(key),
                        valueType == QLatin1String("string") ? quoted(valueText)
                        : valueType == QLatin1String("null") ? QStringLiteral("nil")
                                                             : valueText);
    else
        call = QStringLiteral("context.%1(%2)").arg(kind, parentId);
    out[QStringLiteral("goCall")] = call;
    return out;
}

QVariantMap ScenarioEditor::placeOf(const QString& contextId) const {
    if (!m_document)
        return {{QStringLiteral("ok"), false}};
    const Scenario& s = m_document->editedScenario();
    const std::string id = ss(contextId);
    const ContextSpec* self = nullptr;
    std::unordered_set<std::string> subtree{id};
    QVariantList parents;
    for (const ContextSpec& c : s.contexts) {
        if (c.id == id) {
            self = &c;
            continue;
        }
        if (!c.parent.empty() && subtree.count(c.parent)) {
            subtree.insert(c.id); // listed after its parent: one pass finds the subtree
            continue;
        }
        const QString label = qs(c.label.empty() ? c.id : c.label);
        parents << QVariantMap{{QStringLiteral("id"), qs(c.id)},
                               {QStringLiteral("title"), c.label.empty() || c.label == c.id ? label : QStringLiteral("%1 (%2)").arg(label, qs(c.id))}};
    }
    if (!self || isRoot(self->kind))
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("error"), self ? QStringLiteral("%1 has no parent to change").arg(QString::fromLatin1(contextKindName(self->kind)))
                                               : QStringLiteral("only contexts of the scenario can be moved (\"%1\" is made by a task)").arg(contextId)}};
    return {{QStringLiteral("ok"), true},
            {QStringLiteral("parent"), qs(self->parent)},
            {QStringLiteral("at"), durationText(self->at)},
            {QStringLiteral("parents"), parents}};
}

QString ScenarioEditor::place(const QString& contextId, const QString& parent, const QString& at) {
    if (!m_document)
        return QStringLiteral("no document");
    QString error;
    const auto t = readDuration(QStringLiteral("at"), at, &error);
    if (!t)
        return error;
    // One undo step for both: the move's patch, then the new time applied to the moved scenario.
    const Scenario& s = m_document->editedScenario();
    edits::EditResult r = edits::moveContext(s, ss(contextId), ss(parent));
    if (!r.error.empty())
        return qs(r.error);
    Scenario moved = s;
    r.patch.apply(moved);
    edits::EditResult when = edits::setContextAt(moved, ss(contextId), *t);
    if (!when.error.empty())
        return qs(when.error);
    if (!when.patch.empty()) {
        // setContextAt replaces one element of the moved list: fold it into the move's patch.
        for (auto& appended : r.patch.contexts.appended)
            if (appended.id == ss(contextId))
                appended.at = *t;
        if (r.patch.contexts.appended.empty())
            r.patch.contexts.replaced.insert(r.patch.contexts.replaced.end(), when.patch.contexts.replaced.begin(),
                                             when.patch.contexts.replaced.end());
    }
    return apply(tr("Move %1").arg(contextId), r);
}

// --- timed actions -----------------------------------------------------------------------------

QString ScenarioEditor::editAction(int index, const QString& at, const QString& cause) {
    if (!m_document)
        return QStringLiteral("no document");
    const Scenario& s = m_document->editedScenario();
    if (index < 0 || static_cast<std::size_t>(index) >= s.actions.size())
        return QStringLiteral("no timed action #%1").arg(index + 1);
    QString error;
    const auto t = readDuration(QStringLiteral("at"), at, &error);
    if (!t)
        return error;
    Action a = s.actions[static_cast<std::size_t>(index)];
    a.at = *t;
    if (a.op == ActionOp::Cancel) {
        if (cause.isEmpty())
            a.cause.reset();
        else
            a.cause = ss(cause);
    }
    return apply(tr("Edit action at %1").arg(durationText(*t)), edits::replaceAction(s, static_cast<std::size_t>(index), a));
}

QString ScenarioEditor::deleteAction(int index) {
    if (!m_document)
        return QStringLiteral("no document");
    if (index < 0)
        return QStringLiteral("no timed action #%1").arg(index + 1);
    return apply(tr("Delete action"), edits::deleteAction(m_document->editedScenario(), static_cast<std::size_t>(index)));
}

// --- expectations -------------------------------------------------------------------------------

QVariantMap ScenarioEditor::expectation(int index) const {
    if (!m_document || index < 0 || static_cast<std::size_t>(index) >= m_document->editedScenario().expect.size())
        return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), QStringLiteral("no expectation #%1").arg(index + 1)}};
    return expectationToMap(m_document->editedScenario().expect[static_cast<std::size_t>(index)]);
}

QStringList ScenarioEditor::expectationFields(const QString& kind) const { return expectationFieldList(kind); }

QString ScenarioEditor::addExpectation(const QVariantMap& m) {
    if (!m_document)
        return QStringLiteral("no document");
    QString error;
    auto e = expectationFromMap(m, &error);
    if (!e)
        return error;
    return apply(tr("Add expectation"), edits::addExpectation(m_document->editedScenario(), std::move(*e)));
}

QString ScenarioEditor::editExpectation(int index, const QVariantMap& m) {
    if (!m_document)
        return QStringLiteral("no document");
    if (index < 0)
        return QStringLiteral("no expectation #%1").arg(index + 1);
    QString error;
    auto e = expectationFromMap(m, &error);
    if (!e)
        return error;
    return apply(tr("Edit expectation"), edits::replaceExpectation(m_document->editedScenario(), static_cast<std::size_t>(index), std::move(*e)));
}

QString ScenarioEditor::deleteExpectation(int index) {
    if (!m_document)
        return QStringLiteral("no document");
    if (index < 0)
        return QStringLiteral("no expectation #%1").arg(index + 1);
    return apply(tr("Delete expectation"), edits::deleteExpectation(m_document->editedScenario(), static_cast<std::size_t>(index)));
}

QString ScenarioEditor::addExpectationNow(const QString& kind, const QString& id) {
    if (!m_document)
        return QStringLiteral("no document");
    Selection sel;
    sel.id = ss(id);
    sel.kind = kind == QLatin1String("context")      ? Selection::Kind::Context
               : kind == QLatin1String("task")       ? Selection::Kind::Task
               : kind == QLatin1String("after_func") ? Selection::Kind::AfterFunc
                                                     : Selection::Kind::None;
    const auto e = expectationAt(sel, m_document->result(), m_document->playback());
    if (!e)
        return QStringLiteral("nothing called \"%1\" to write an expectation about").arg(id);
    return apply(tr("Expect %1 as at %2").arg(id, m_document->timeText()), edits::addExpectation(m_document->editedScenario(), *e));
}

// --- settings -----------------------------------------------------------------------------------

QVariantMap ScenarioEditor::settings() const {
    if (!m_document)
        return {};
    const Scenario& s = m_document->editedScenario();
    return {{QStringLiteral("name"), qs(s.name)},
            {QStringLiteral("description"), qs(s.description)},
            {QStringLiteral("seed"), QString::number(s.seed)},
            {QStringLiteral("cancelOrder"), s.cancelOrder == CancelOrder::Random ? QStringLiteral("random") : QStringLiteral("creation")},
            {QStringLiteral("until"), s.until ? durationText(*s.until) : QString()}};
}

QString ScenarioEditor::editSettings(const QVariantMap& m) {
    if (!m_document)
        return QStringLiteral("no document");
    ScenarioSettings st;
    st.name = ss(m.value(QStringLiteral("name")).toString());
    st.description = ss(m.value(QStringLiteral("description")).toString());
    bool ok = false;
    st.seed = m.value(QStringLiteral("seed")).toString().trimmed().toLongLong(&ok);
    if (!ok)
        return QStringLiteral("seed: a whole number, such as 1");
    st.cancelOrder = m.value(QStringLiteral("cancelOrder")).toString() == QLatin1String("random") ? CancelOrder::Random
                                                                                                 : CancelOrder::Creation;
    const QString until = m.value(QStringLiteral("until")).toString().trimmed();
    if (!until.isEmpty()) {
        QString error;
        const auto t = readDuration(QStringLiteral("until"), until, &error);
        if (!t)
            return error;
        st.until = *t;
    }
    return apply(tr("Scenario settings"), edits::editSettings(m_document->editedScenario(), st));
}

} // namespace ctxscope
