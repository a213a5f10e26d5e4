#include "taskbuilder.h"

#include "ctxscope/engine/duration.h"
#include "ctxscope/session/edits.h"

#include <QRegularExpression>

#include <tuple>

namespace ctxscope {
namespace {

bool durationField(const QVariantMap& m, const char* key, Nanos* out, QString* error) {
    const QString text = m.value(QString::fromLatin1(key)).toString().trimmed();
    const DurationParse p = parseDuration(text.toStdString());
    if (!p.value) {
        *error = QStringLiteral("%1 \"%2\": %3").arg(QString::fromLatin1(key), text,
                                                      QString::fromStdString(p.error));
        return false;
    }
    *out = *p.value;
    return true;
}

} // namespace

std::optional<Scalar> scalarFromText(const QString& text, const QString& valueType, QString* error) {
    if (valueType == QLatin1String("null"))
        return Scalar::null();
    if (valueType == QLatin1String("bool")) {
        if (text == QLatin1String("true") || text == QLatin1String("false"))
            return Scalar::boolean(text == QLatin1String("true"));
        *error = QStringLiteral("a bool value is true or false");
        return std::nullopt;
    }
    if (valueType == QLatin1String("number")) {
        static const QRegularExpression json(
            QStringLiteral("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$"));
        if (json.match(text.trimmed()).hasMatch())
            return Scalar::number(text.trimmed().toStdString());
        *error = QStringLiteral("\"%1\" is not a JSON number").arg(text);
        return std::nullopt;
    }
    return Scalar::string(text.toStdString());
}

std::optional<std::vector<Step>> TaskBuilder::steps(const QVariantList& list, QString* error) const {
    return stepsAt(list, QString(), error);
}

std::optional<std::vector<Step>> TaskBuilder::stepsAt(const QVariantList& list, const QString& prefix,
                                                      QString* error) const {
    std::vector<Step> out;
    for (int i = 0; i < list.size(); ++i) {
        const QVariantMap m = list[i].toMap();
        const QString position = prefix + QString::number(i + 1);
        const QString op = m.value(QStringLiteral("op")).toString();
        QString why;
        Step s;
        bool ok = true;
        if (op == QLatin1String("work")) {
            s.op = StepOp::Work;
            ok = durationField(m, "duration", &s.duration, &why);
            const QString watch = m.value(QStringLiteral("watch"), QStringLiteral("done")).toString();
            if (watch == QLatin1String("none")) {
                s.watch = Watch::None;
            } else if (watch == QLatin1String("poll")) {
                s.watch = Watch::Poll;
                ok = ok && durationField(m, "poll", &s.pollEvery, &why);
                if (ok && s.pollEvery <= 0) {
                    why = QStringLiteral("poll: the interval must be positive");
                    ok = false;
                }
            }
        } else if (op == QLatin1String("await")) {
            s.op = StepOp::Await;
            const QString what = m.value(QStringLiteral("what")).toString();
            s.await = what == QLatin1String("children") ? AwaitKind::Children
                      : what == QLatin1String("list")   ? AwaitKind::List
                                                        : AwaitKind::Done;
            if (s.await == AwaitKind::List) {
                for (const QString& id : m.value(QStringLiteral("ids")).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
                    s.awaitIds.push_back(id.trimmed().toStdString());
                if (s.awaitIds.empty()) {
                    why = QStringLiteral("await: name the tasks to wait for, separated by commas");
                    ok = false;
                }
            }
        } else if (op == QLatin1String("derive")) {
            s.op = StepOp::Derive;
            ContextSpec c;
            const auto kind = parseContextKind(m.value(QStringLiteral("kind")).toString().toStdString());
            if (!kind || isRoot(*kind)) {
                why = QStringLiteral("derive: unknown kind");
                ok = false;
            } else {
                c.kind = *kind;
                c.id = m.value(QStringLiteral("id")).toString().trimmed().toStdString();
                if (c.id.empty() && freshContextId)
                    c.id = freshContextId(m.contains(QStringLiteral("base"))
                                              ? m.value(QStringLiteral("base")).toString().toStdString()
                                              : edits::idBaseForKind(c.kind));
                c.label = m.value(QStringLiteral("label")).toString().toStdString();
                if (isTimeoutKind(c.kind))
                    ok = durationField(m, "timeout", &c.timeout, &why);
                if (isDeadlineKind(c.kind))
                    ok = durationField(m, "deadline", &c.deadline, &why);
                if (isCauseDeadlineKind(c.kind))
                    c.cause = m.value(QStringLiteral("cause")).toString().toStdString();
                if (ok && c.kind == ContextKind::WithValue) {
                    c.key = m.value(QStringLiteral("key")).toString().toStdString();
                    c.keyType = m.value(QStringLiteral("keyType"), QStringLiteral("ctxKey")).toString().trimmed().toStdString();
                    if (c.keyType.empty())
                        c.keyType = "ctxKey";
                    if (QString::fromStdString(c.key).trimmed().isEmpty()) {
                        why = QStringLiteral("derive: a WithValue needs a key");
                        ok = false;
                    }
                    auto v = scalarFromText(m.value(QStringLiteral("value")).toString(),
                                            m.value(QStringLiteral("valueType"), QStringLiteral("string")).toString(), &why);
                    ok = ok && v.has_value();
                    if (v)
                        c.value = *v;
                }
                s.derive.push_back(std::move(c));
                s.deferCancel = m.value(QStringLiteral("deferCancel"), true).toBool();
            }
        } else if (op == QLatin1String("spawn") || op == QLatin1String("after_func")) {
            const bool spawn = op == QLatin1String("spawn");
            s.op = spawn ? StepOp::Spawn : StepOp::AfterFunc;
            std::string id = m.value(QStringLiteral("id")).toString().trimmed().toStdString();
            if (id.empty() && freshTaskId)
                id = freshTaskId(m.value(QStringLiteral("base"), spawn ? QStringLiteral("worker") : QStringLiteral("cleanup"))
                                     .toString().toStdString());
            // An error inside names its own nested position ("step 2.1: ..."), so it is passed on whole.
            auto inner = stepsAt(m.value(QStringLiteral("steps")).toList(), position + QLatin1Char('.'), error);
            if (!inner)
                return std::nullopt;
            const auto fill = [&](auto& g) {
                g.id = std::move(id);
                g.label = m.value(QStringLiteral("label")).toString().toStdString();
                g.context = m.value(QStringLiteral("context")).toString().trimmed().toStdString();
                g.steps = std::move(*inner);
            };
            if (spawn) {
                TaskSpec t;
                fill(t);
                s.spawn.push_back(std::move(t));
            } else {
                AfterFuncSpec a;
                fill(a);
                s.afterFunc.push_back(std::move(a));
            }
        } else if (op == QLatin1String("stop_after_func")) {
            s.op = StepOp::StopAfterFunc;
            s.target = m.value(QStringLiteral("target")).toString().trimmed().toStdString();
        } else if (op == QLatin1String("cancel")) {
            s.op = StepOp::Cancel;
            s.target = m.value(QStringLiteral("target")).toString().trimmed().toStdString();
            if (m.contains(QStringLiteral("cause")) && !m.value(QStringLiteral("cause")).toString().isEmpty())
                s.cause = m.value(QStringLiteral("cause")).toString().toStdString();
        } else if (op == QLatin1String("value")) {
            s.op = StepOp::Value;
            s.text = m.value(QStringLiteral("key")).toString().toStdString();
            s.keyType = m.value(QStringLiteral("keyType"), QStringLiteral("ctxKey")).toString().toStdString();
        } else if (op == QLatin1String("fail") || op == QLatin1String("log")) {
            s.op = op == QLatin1String("fail") ? StepOp::Fail : StepOp::Log;
            s.text = m.value(QStringLiteral("text")).toString().toStdString();
        } else {
            why = QStringLiteral("unknown step \"%1\"").arg(op);
            ok = false;
        }
        if (!ok) {
            *error = QStringLiteral("step %1: %2").arg(position, why);
            return std::nullopt;
        }
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace ctxscope

namespace ctxscope {
namespace {

QString valueTypeName(Scalar::Type t) {
    switch (t) {
    case Scalar::Type::Null: return QStringLiteral("null");
    case Scalar::Type::Bool: return QStringLiteral("bool");
    case Scalar::Type::Number: return QStringLiteral("number");
    case Scalar::Type::String: break;
    }
    return QStringLiteral("string");
}

QString dur(Nanos d) { return QString::fromStdString(formatDuration(d)); }

} // namespace

// The inverse of TaskBuilder::steps: every field a step holds, so that editing a task and
// saving it unchanged gives back the same steps.
QVariantList stepsToVariant(const std::vector<Step>& steps) {
    QVariantList out;
    for (const Step& s : steps) {
        QVariantMap m;
        switch (s.op) {
        case StepOp::Work:
            m = {{QStringLiteral("op"), QStringLiteral("work")},
                 {QStringLiteral("duration"), dur(s.duration)},
                 {QStringLiteral("watch"), s.watch == Watch::None   ? QStringLiteral("none")
                                           : s.watch == Watch::Poll ? QStringLiteral("poll")
                                                                    : QStringLiteral("done")},
                 {QStringLiteral("poll"), s.watch == Watch::Poll ? dur(s.pollEvery) : QStringLiteral("20ms")}};
            break;
        case StepOp::Await: {
            QStringList ids;
            for (const std::string& id : s.awaitIds)
                ids << QString::fromStdString(id);
            m = {{QStringLiteral("op"), QStringLiteral("await")},
                 {QStringLiteral("what"), s.await == AwaitKind::Children ? QStringLiteral("children")
                                          : s.await == AwaitKind::List   ? QStringLiteral("list")
                                                                         : QStringLiteral("done")},
                 {QStringLiteral("ids"), ids.join(QStringLiteral(", "))}};
            break;
        }
        case StepOp::Derive: {
            const ContextSpec& c = s.derive.front();
            m = {{QStringLiteral("op"), QStringLiteral("derive")},
                 {QStringLiteral("kind"), QString::fromLatin1(contextKindName(c.kind))},
                 {QStringLiteral("id"), QString::fromStdString(c.id)},
                 {QStringLiteral("label"), QString::fromStdString(c.label)},
                 {QStringLiteral("timeout"), dur(c.timeout)},
                 {QStringLiteral("deadline"), dur(c.deadline)},
                 {QStringLiteral("cause"), QString::fromStdString(c.cause)},
                 {QStringLiteral("key"), QString::fromStdString(c.key)},
                 {QStringLiteral("value"), QString::fromStdString(c.value.text)},
                 {QStringLiteral("valueType"), valueTypeName(c.value.type)},
                 {QStringLiteral("keyType"), QString::fromStdString(c.keyType)},
                 {QStringLiteral("deferCancel"), s.deferCancel}};
            break;
        }
        case StepOp::Spawn:
        case StepOp::AfterFunc: {
            const bool spawn = s.op == StepOp::Spawn;
            const auto& g = [&]() -> std::tuple<const std::string&, const std::string&, const std::string&, const std::vector<Step>&> {
                if (spawn)
                    return {s.spawn.front().id, s.spawn.front().label, s.spawn.front().context, s.spawn.front().steps};
                return {s.afterFunc.front().id, s.afterFunc.front().label, s.afterFunc.front().context, s.afterFunc.front().steps};
            }();
            m = {{QStringLiteral("op"), spawn ? QStringLiteral("spawn") : QStringLiteral("after_func")},
                 {QStringLiteral("id"), QString::fromStdString(std::get<0>(g))},
                 {QStringLiteral("label"), QString::fromStdString(std::get<1>(g))},
                 {QStringLiteral("context"), QString::fromStdString(std::get<2>(g))},
                 {QStringLiteral("steps"), stepsToVariant(std::get<3>(g))}};
            break;
        }
        case StepOp::Cancel:
            m = {{QStringLiteral("op"), QStringLiteral("cancel")},
                 {QStringLiteral("target"), QString::fromStdString(s.target)},
                 {QStringLiteral("cause"), s.cause ? QString::fromStdString(*s.cause) : QString()}};
            break;
        case StepOp::StopAfterFunc:
            m = {{QStringLiteral("op"), QStringLiteral("stop_after_func")},
                 {QStringLiteral("target"), QString::fromStdString(s.target)}};
            break;
        case StepOp::Value:
            m = {{QStringLiteral("op"), QStringLiteral("value")},
                 {QStringLiteral("key"), QString::fromStdString(s.text)},
                 {QStringLiteral("keyType"), QString::fromStdString(s.keyType)}};
            break;
        case StepOp::Fail:
        case StepOp::Log:
            m = {{QStringLiteral("op"), s.op == StepOp::Fail ? QStringLiteral("fail") : QStringLiteral("log")},
                 {QStringLiteral("text"), QString::fromStdString(s.text)}};
            break;
        }
        out << m;
    }
    return out;
}

} // namespace ctxscope
