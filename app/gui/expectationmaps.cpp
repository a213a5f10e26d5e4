#include "expectationmaps.h"

#include "taskbuilder.h"

#include "ctxscope/engine/validate.h"

namespace ctxscope {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }
std::string ss(const QString& s) { return s.toStdString(); }

const char* const kKindNames[] = {"context", "task", "after_func", "lookup", "lint", "no_lints", "stopped"};

// The JSON type of a typed expectation value: the words null/true/false, a number for a lookup's
// value, otherwise the text. The validator then says whether the field takes that type.
Scalar typedScalar(const QString& name, const QString& text) {
    const QString t = text.trimmed();
    if (t == QLatin1String("null") || t.isEmpty())
        return Scalar::null();
    if (t == QLatin1String("true") || t == QLatin1String("false"))
        return Scalar::boolean(t == QLatin1String("true"));
    if (name == QLatin1String("value")) {
        QString ignored;
        if (auto n = scalarFromText(t, QStringLiteral("number"), &ignored))
            return *n;
    }
    return Scalar::string(text.toStdString());
}

QString scalarText(const Scalar& v) {
    switch (v.type) {
    case Scalar::Type::Null: return QStringLiteral("null");
    case Scalar::Type::String: return QStringLiteral("\"%1\"").arg(qs(v.text));
    default: return qs(v.text);
    }
}

} // namespace

QStringList expectationKindNames() {
    QStringList out;
    for (const char* k : kKindNames)
        out << QString::fromLatin1(k);
    return out;
}

std::optional<Expectation::Kind> expectationKindNamed(const QString& name) {
    for (int i = 0; i < 7; ++i)
        if (name == QLatin1String(kKindNames[i]))
            return static_cast<Expectation::Kind>(i);
    return std::nullopt;
}

QString expectationKindName(Expectation::Kind kind) { return QString::fromLatin1(kKindNames[static_cast<int>(kind)]); }

QStringList expectationFieldList(const QString& kind) {
    QStringList out;
    if (const auto k = expectationKindNamed(kind))
        for (std::string_view f : expectationFieldNames(*k))
            out << QString::fromLatin1(f.data(), static_cast<qsizetype>(f.size()));
    return out;
}

QVariantMap expectationToMap(const Expectation& e) {
    QVariantList fields;
    for (const auto& [name, value] : e.fields)
        fields << QVariantMap{{QStringLiteral("name"), qs(name)},
                              {QStringLiteral("value"), value.type == Scalar::Type::Null ? QStringLiteral("null") : qs(value.text)}};
    return {{QStringLiteral("ok"), true},
            {QStringLiteral("kind"), expectationKindName(e.kind)},
            {QStringLiteral("subject"), qs(e.subject)},
            {QStringLiteral("task"), qs(e.task)},
            {QStringLiteral("fields"), fields}};
}

std::optional<Expectation> expectationFromMap(const QVariantMap& m, QString* error) {
    const auto kind = expectationKindNamed(m.value(QStringLiteral("kind")).toString());
    if (!kind) {
        *error = QStringLiteral("kind: one of context, task, after_func, lookup, lint, no_lints, stopped");
        return std::nullopt;
    }
    Expectation e;
    e.kind = *kind;
    e.subject = ss(m.value(QStringLiteral("subject")).toString().trimmed());
    e.task = ss(m.value(QStringLiteral("task")).toString().trimmed());
    if (e.kind == Expectation::Kind::NoLints)
        e.subject = "true";
    for (const QVariant& f : m.value(QStringLiteral("fields")).toList()) {
        const QVariantMap fm = f.toMap();
        const QString name = fm.value(QStringLiteral("name")).toString().trimmed();
        if (name.isEmpty())
            continue;
        e.fields.emplace_back(ss(name), typedScalar(name, fm.value(QStringLiteral("value")).toString()));
    }
    return e;
}

QString expectationText(const Expectation& e) {
    using K = Expectation::Kind;
    QString head;
    switch (e.kind) {
    case K::Context: head = QStringLiteral("context %1").arg(qs(e.subject)); break;
    case K::Task: head = QStringLiteral("task %1").arg(qs(e.subject)); break;
    case K::AfterFunc: head = QStringLiteral("after-func %1").arg(qs(e.subject)); break;
    case K::Lookup: head = QStringLiteral("lookup %1 by %2").arg(qs(e.subject), qs(e.task)); break;
    case K::Lint:
        return e.task.empty() ? QStringLiteral("lint %1").arg(qs(e.subject))
                              : QStringLiteral("lint %1 on %2").arg(qs(e.subject), qs(e.task));
    case K::NoLints: return QStringLiteral("no lints");
    case K::Stopped: return QStringLiteral("the run stops: %1").arg(qs(e.subject));
    }
    QStringList fields;
    for (const auto& [name, value] : e.fields)
        fields << QStringLiteral("%1 = %2").arg(qs(name), scalarText(value));
    return fields.isEmpty() ? head : head + QStringLiteral(": ") + fields.join(QStringLiteral(", "));
}

} // namespace ctxscope
