#include "scenariotext.h"

#include <QStringList>
#include <QVariantMap>

namespace ctxscope {
namespace {

QString str(const std::string& s) { return QString::fromStdString(s); }
QString dur(Nanos d) { return QString::fromStdString(formatDuration(d)); }

QString scalarText(const Scalar& v) {
    switch (v.type) {
    case Scalar::Type::Null: return QStringLiteral("nil");
    case Scalar::Type::String: return QLatin1Char('"') + str(v.text) + QLatin1Char('"');
    default: return str(v.text);
    }
}

// The parameters of a context, without its parent: "WithTimeout 200ms \"budget\"".
QString contextParams(const ContextSpec& c) {
    QString t = QString::fromLatin1(contextKindName(c.kind));
    if (isTimeoutKind(c.kind))
        t += QLatin1Char(' ') + dur(c.timeout);
    if (isDeadlineKind(c.kind))
        t += QStringLiteral(" at ") + dur(c.deadline);
    if (isCauseDeadlineKind(c.kind) && !c.cause.empty())
        t += QStringLiteral(" cause \"%1\"").arg(str(c.cause));
    if (c.kind == ContextKind::WithValue)
        t += QStringLiteral(" %1(\"%2\") = %3").arg(str(c.keyType), str(c.key), scalarText(c.value));
    return t;
}

QString goroutineBody(const std::vector<Step>& steps) { return QStringLiteral("{ ") + stepsText(steps) + QStringLiteral(" }"); }

} // namespace

QString stepText(const Step& s) {
    switch (s.op) {
    case StepOp::Work:
        switch (s.watch) {
        case Watch::Done: return QStringLiteral("work %1, select on ctx.Done()").arg(dur(s.duration));
        case Watch::None: return QStringLiteral("work %1, ignoring ctx (time.Sleep)").arg(dur(s.duration));
        case Watch::Poll: return QStringLiteral("work %1, polling ctx.Err() every %2").arg(dur(s.duration), dur(s.pollEvery));
        }
        break;
    case StepOp::Await:
        switch (s.await) {
        case AwaitKind::Done: return QStringLiteral("wait for ctx.Done()");
        case AwaitKind::Children: return QStringLiteral("wait for its goroutines (wg.Wait())");
        case AwaitKind::List: {
            QStringList ids;
            for (const std::string& id : s.awaitIds)
                ids << str(id);
            return QStringLiteral("wait for %1").arg(ids.join(QStringLiteral(", ")));
        }
        }
        break;
    case StepOp::Derive: {
        if (s.derive.empty())
            return QStringLiteral("derive");
        const ContextSpec& c = s.derive.front();
        return QStringLiteral("derive %1 %2%3").arg(str(c.id), contextParams(c),
                                                   s.deferCancel ? QStringLiteral(", defer cancel()")
                                                                 : QStringLiteral(", cancel not deferred"));
    }
    case StepOp::Cancel:
        return s.cause ? QStringLiteral("cancel %1 (cause \"%2\")").arg(str(s.target), str(*s.cause))
                       : QStringLiteral("cancel %1").arg(str(s.target));
    case StepOp::Spawn:
        if (s.spawn.empty())
            return QStringLiteral("go");
        return QStringLiteral("go %1%2 %3")
            .arg(str(s.spawn.front().id),
                 s.spawn.front().context.empty() ? QString() : QStringLiteral(" on ") + str(s.spawn.front().context),
                 goroutineBody(s.spawn.front().steps));
    case StepOp::Value: return QStringLiteral("ctx.Value(%1(\"%2\"))").arg(str(s.keyType), str(s.text));
    case StepOp::AfterFunc:
        if (s.afterFunc.empty())
            return QStringLiteral("AfterFunc");
        return QStringLiteral("AfterFunc %1 %2").arg(str(s.afterFunc.front().id), goroutineBody(s.afterFunc.front().steps));
    case StepOp::StopAfterFunc: return QStringLiteral("stop %1()").arg(str(s.target));
    case StepOp::Fail: return QStringLiteral("return error \"%1\"").arg(str(s.text));
    case StepOp::Log: return QStringLiteral("log \"%1\"").arg(str(s.text));
    }
    return {};
}

QString stepsText(const std::vector<Step>& steps) {
    QStringList parts;
    for (const Step& s : steps)
        parts << stepText(s);
    return parts.isEmpty() ? QStringLiteral("no steps") : parts.join(QStringLiteral("; "));
}

QString contextSpecText(const ContextSpec& c) {
    QString t = contextParams(c);
    if (!c.parent.empty())
        t += QStringLiteral(" of ") + str(c.parent);
    if (c.at != 0)
        t += QStringLiteral(" at ") + dur(c.at);
    if (!c.label.empty())
        t += QStringLiteral(" (\"%1\")").arg(str(c.label));
    return t;
}

QString taskSpecText(const TaskSpec& t) {
    return QStringLiteral("on %1 at %2: %3").arg(str(t.context), dur(t.at), stepsText(t.steps));
}

QString afterFuncSpecText(const AfterFuncSpec& a) {
    return QStringLiteral("on %1 at %2: %3").arg(str(a.context), dur(a.at), stepsText(a.steps));
}

QString actionText(const Action& a) {
    if (a.op == ActionOp::StopAfterFunc)
        return QStringLiteral("stop %1() at %2").arg(str(a.target), dur(a.at));
    return a.cause ? QStringLiteral("cancel %1 at %2 (cause \"%3\")").arg(str(a.target), dur(a.at), str(*a.cause))
                   : QStringLiteral("cancel %1 at %2").arg(str(a.target), dur(a.at));
}

namespace {

QVariantMap line(const QString& label, const QString& before, const QString& after) {
    return {{QStringLiteral("label"), label}, {QStringLiteral("before"), before}, {QStringLiteral("after"), after}};
}

// What differs in a task or after-func besides its steps.
template <typename Spec>
QString headerText(const Spec& s) {
    return QStringLiteral("on %1 at %2%3")
        .arg(str(s.context), dur(s.at), s.label.empty() ? QString() : QStringLiteral(" (\"%1\")").arg(str(s.label)));
}

template <typename Spec>
QVariantList goroutineLines(const ScenarioChange& c, const std::vector<Spec>& before, const std::vector<Spec>& after) {
    QVariantList lines;
    const Spec* b = c.before < before.size() ? &before[c.before] : nullptr;
    const Spec* a = c.after < after.size() ? &after[c.after] : nullptr;
    if (b && a) {
        if (headerText(*b) != headerText(*a))
            lines << line(QString(), headerText(*b), headerText(*a));
        for (std::size_t i : c.steps)
            lines << line(QStringLiteral("step %1").arg(i + 1),
                          i < b->steps.size() ? stepText(b->steps[i]) : QStringLiteral("(none)"),
                          i < a->steps.size() ? stepText(a->steps[i]) : QStringLiteral("(none)"));
    } else if (b) {
        lines << line(QString(), headerText(*b) + QStringLiteral(": ") + stepsText(b->steps), QStringLiteral("(removed)"));
    } else if (a) {
        lines << line(QString(), QStringLiteral("(none)"), headerText(*a) + QStringLiteral(": ") + stepsText(a->steps));
    }
    return lines;
}

} // namespace

QVariantList changeRows(const Scenario& before, const Scenario& after) {
    QVariantList rows;
    for (const ScenarioChange& c : scenarioChanges(before, after)) {
        QVariantMap row;
        const QString what = c.what == ScenarioChange::What::Added     ? QStringLiteral("added")
                             : c.what == ScenarioChange::What::Removed ? QStringLiteral("removed")
                                                                       : QStringLiteral("changed");
        QString list;
        QVariantList lines;
        switch (c.list) {
        case ScenarioChange::List::Contexts: {
            list = QStringLiteral("context");
            const QString b = c.before < before.contexts.size() ? contextSpecText(before.contexts[c.before]) : QStringLiteral("(none)");
            const QString a = c.after < after.contexts.size() ? contextSpecText(after.contexts[c.after]) : QStringLiteral("(removed)");
            lines << line(QString(), b, a);
            break;
        }
        case ScenarioChange::List::Tasks:
            list = QStringLiteral("task");
            lines = goroutineLines(c, before.tasks, after.tasks);
            break;
        case ScenarioChange::List::AfterFuncs:
            list = QStringLiteral("after-func");
            lines = goroutineLines(c, before.afterFuncs, after.afterFuncs);
            break;
        case ScenarioChange::List::Actions: {
            list = QStringLiteral("action");
            const QString b = c.before < before.actions.size() ? actionText(before.actions[c.before]) : QStringLiteral("(none)");
            const QString a = c.after < after.actions.size() ? actionText(after.actions[c.after]) : QStringLiteral("(removed)");
            lines << line(QString(), b, a);
            break;
        }
        }
        row[QStringLiteral("list")] = list;
        row[QStringLiteral("id")] = str(c.id);
        row[QStringLiteral("what")] = what;
        row[QStringLiteral("title")] = c.id.empty() ? QStringLiteral("%1 %2").arg(list, what)
                                                    : QStringLiteral("%1 %2 %3").arg(list, str(c.id), what);
        row[QStringLiteral("lines")] = lines;
        rows << row;
    }
    return rows;
}

} // namespace ctxscope
