#include "taskbuilder.h"

#include "ctxscope/duration.h"

#include <QRegularExpression>

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
            s.await = m.value(QStringLiteral("what")).toString() == QLatin1String("children")
                          ? AwaitKind::Children
                          : AwaitKind::Done;
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
                    c.id = freshContextId(m.value(QStringLiteral("base"), QStringLiteral("ctx")).toString().toStdString());
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
        } else if (op == QLatin1String("spawn")) {
            s.op = StepOp::Spawn;
            TaskSpec t;
            t.id = m.value(QStringLiteral("id")).toString().trimmed().toStdString();
            if (t.id.empty() && freshTaskId)
                t.id = freshTaskId(m.value(QStringLiteral("base"), QStringLiteral("worker")).toString().toStdString());
            t.label = m.value(QStringLiteral("label")).toString().toStdString();
            // An error inside names its own nested position ("step 2.1: ..."), so it is passed on whole.
            auto inner = stepsAt(m.value(QStringLiteral("steps")).toList(), position + QLatin1Char('.'), error);
            if (!inner)
                return std::nullopt;
            t.steps = std::move(*inner);
            s.spawn.push_back(std::move(t));
        } else if (op == QLatin1String("cancel")) {
            s.op = StepOp::Cancel;
            s.target = m.value(QStringLiteral("target")).toString().toStdString();
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
