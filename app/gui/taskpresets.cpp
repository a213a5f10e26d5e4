#include "taskpresets.h"

#include <QCoreApplication>

namespace ctxscope {
namespace {

QVariantMap work(const QString& duration, const char* watch, const QString& poll = {}) {
    QVariantMap m{{QStringLiteral("op"), QStringLiteral("work")},
                  {QStringLiteral("duration"), duration},
                  {QStringLiteral("watch"), QString::fromLatin1(watch)}};
    if (!poll.isNull())
        m.insert(QStringLiteral("poll"), poll);
    return m;
}

QVariantMap await(const char* what) {
    return {{QStringLiteral("op"), QStringLiteral("await")}, {QStringLiteral("what"), QString::fromLatin1(what)}};
}

} // namespace

QStringList taskPresetNames() {
    const auto tr = [](const char* s) { return QCoreApplication::translate("TaskPresets", s); };
    return {tr("Work for D, watching ctx.Done()"), tr("Work for D, ignoring ctx (time.Sleep)"),
            tr("Work for D, polling ctx.Err() every P"), tr("Wait for ctx.Done()"),
            tr("Derive a WithTimeout, spawn children, wait for them"), tr("Work for D, then fail")};
}

QVariantList taskPresetSteps(int preset, const QVariantMap& params) {
    const QString d = params.value(QStringLiteral("duration")).toString();
    const QString p = params.value(QStringLiteral("poll")).toString();
    switch (preset) {
    case 0: return {work(d, "done", p)};
    case 1: return {work(d, "none", p)};
    case 2: return {work(d, "poll", p)};
    case 3: return {await("done")};
    case 4: {
        QVariantList steps{QVariantMap{{QStringLiteral("op"), QStringLiteral("derive")},
                                       {QStringLiteral("kind"), QStringLiteral("WithTimeout")},
                                       {QStringLiteral("timeout"), params.value(QStringLiteral("budget")).toString()},
                                       {QStringLiteral("base"), QStringLiteral("budget")}}};
        const int children = params.value(QStringLiteral("children"), 2).toInt();
        for (int i = 0; i < children; ++i)
            steps << QVariantMap{{QStringLiteral("op"), QStringLiteral("spawn")},
                                 {QStringLiteral("base"), QStringLiteral("worker")},
                                 {QStringLiteral("steps"), QVariantList{work(d, "done")}}};
        steps << await("children");
        return steps;
    }
    case 5: return {work(d, "done", p), QVariantMap{{QStringLiteral("op"), QStringLiteral("fail")}, {QStringLiteral("text"), QStringLiteral("something broke")}}};
    default: return {};
    }
}

} // namespace ctxscope
