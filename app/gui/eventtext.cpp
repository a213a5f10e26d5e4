#include "eventtext.h"

#include "document.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ctxscope {
namespace {

QString str(const SimulationResult& r, StrId id) {
    return id < r.strings.size() ? QString::fromStdString(r.strings[id]) : QString();
}

QString reasonText(Reason reason) {
    switch (reason) {
    case Reason::Cancel: return QStringLiteral("its cancel function");
    case Reason::Deadline: return QStringLiteral("its deadline");
    case Reason::Parent: return QStringLiteral("its parent");
    case Reason::None: break;
    }
    return {};
}

} // namespace

QString durationText(Nanos d) { return QString::fromStdString(formatDuration(d)); }

Nanos readableResolution(Nanos d, Nanos span) {
    if (span <= 0)
        return 1;
    const auto pow10Below = [](Nanos v) { // the largest power of ten <= v (1 for v < 10)
        Nanos p = 1;
        while (v / p >= 10)
            p *= 10;
        return p;
    };
    Nanos res = pow10Below(std::max<Nanos>(1, span / 1000));
    const Nanos mag = d == std::numeric_limits<Nanos>::min() ? std::numeric_limits<Nanos>::max() : (d < 0 ? -d : d);
    if (mag > 0)
        res = std::min(res, std::max<Nanos>(1, pow10Below(mag) / 10)); // two significant digits
    return res;
}

QString readableDuration(Nanos d, Nanos span) {
    const Nanos res = readableResolution(d, span);
    if (res <= 1)
        return durationText(d);
    // Round half away from zero, without overflowing at the ends of int64.
    const Nanos q = d / res, rem = d % res;
    Nanos rounded = q * res;
    if (rem >= res - rem && rem > 0 && rounded <= std::numeric_limits<Nanos>::max() - res)
        rounded += res;
    else if (-rem >= res + rem && rem < 0 && rounded >= std::numeric_limits<Nanos>::min() + res)
        rounded -= res;
    return durationText(rounded);
}

double snapTime(const SimulationResult* r, double t, double nsPerPixel, double snapPixels) {
    const double px = nsPerPixel > 0 ? nsPerPixel : 1;
    if (r) {
        const auto& ev = r->events;
        const auto it = std::lower_bound(ev.begin(), ev.end(), t, [](const Event& e, double v) { return static_cast<double>(e.t) < v; });
        double best = -1, bestDistance = snapPixels * px;
        for (auto c : {it, it == ev.begin() ? it : it - 1})
            if (c != ev.end() && std::abs(static_cast<double>(c->t) - t) <= bestDistance) {
                bestDistance = std::abs(static_cast<double>(c->t) - t);
                best = static_cast<double>(c->t);
            }
        if (best >= 0)
            return best;
    }
    // The grid: the smallest 1-2-5 step of at least 8 px, and at least 1ns.
    const double want = std::max(1.0, 8 * px);
    double step = std::pow(10.0, std::floor(std::log10(want)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (step * m >= want) {
            step *= m;
            break;
        }
    return std::max(0.0, std::round(t / step) * step);
}

QString titleText(const QString& id, const QString& label) {
    return label.isEmpty() || label == id ? id : QStringLiteral("%1 (%2)").arg(label, id);
}

QString contextName(const SimulationResult& r, CtxIndex c) {
    if (c >= r.contexts.size())
        return QStringLiteral("?");
    return QString::fromStdString(r.label(c));
}

QString taskName(const SimulationResult& r, TaskIndex t) {
    if (t >= r.tasks.size())
        return QStringLiteral("?");
    const TaskInfo& info = r.tasks[t];
    return QString::fromStdString(info.label.empty() ? info.id : info.label);
}

QString contextOfSubject(const SimulationResult& r, const std::string& id) {
    if (id.empty())
        return {};
    if (r.findContext(id))
        return QString::fromStdString(id);
    CtxIndex c = kNone;
    if (const auto t = r.findTask(id))
        c = r.tasks[*t].context;
    else if (const auto af = r.findAfterFunc(id))
        c = r.afterFuncs[*af].context;
    return c < r.contexts.size() ? QString::fromStdString(r.contexts[c].id) : QString();
}

QString contextTitle(const SimulationResult& r, CtxIndex c) {
    return c < r.contexts.size() ? titleText(QString::fromStdString(r.contexts[c].id), contextName(r, c))
                                 : QStringLiteral("?");
}

QString taskTitle(const SimulationResult& r, TaskIndex t) {
    return t < r.tasks.size() ? titleText(QString::fromStdString(r.tasks[t].id), taskName(r, t)) : QStringLiteral("?");
}

QString describeEvent(const SimulationResult& r, const Event& e) {
    const QString at = durationText(e.t) + QStringLiteral(" · ");
    auto af = [&](std::uint32_t i) {
        return i < r.afterFuncs.size() ? QString::fromStdString(r.afterFuncs[i].id) : QStringLiteral("?");
    };
    auto by = [&](std::uint32_t i) { return i == kNone ? QStringLiteral("the user") : taskName(r, i); };
    switch (e.kind) {
    case EventKind::ContextCreated:
        return at + QStringLiteral("%1 created").arg(contextName(r, e.subject)) +
               (e.by != kNone ? QStringLiteral(" by %1").arg(taskName(r, e.by)) : QString());
    case EventKind::ContextCanceled: {
        QString s = at + QStringLiteral("%1 done: %2 (%3").arg(contextName(r, e.subject),
                                                             QString::fromLatin1(errString(e.err)),
                                                             reasonText(e.reason));
        if (e.reason == Reason::Parent && e.other != kNone)
            s += QStringLiteral(", began at %1").arg(contextName(r, e.other));
        return s + QLatin1Char(')');
    }
    case EventKind::CancelCalled:
        return at + QStringLiteral("%1 calls cancel on %2%3%4")
                        .arg(by(e.by), contextName(r, e.subject),
                             e.str != kNone ? QStringLiteral(" with cause \"%1\"").arg(str(r, e.str)) : QString(),
                             e.flag ? QString() : QStringLiteral(" (no-op: already done)"));
    case EventKind::TaskStarted:
        return at + QStringLiteral("%1 started on %2").arg(taskName(r, e.subject), contextName(r, e.other));
    case EventKind::TaskEnded:
        return at + QStringLiteral("%1 returned %2").arg(taskName(r, e.subject), str(r, e.str));
    case EventKind::ValueLookup: {
        if (e.other >= r.lookups.size())
            return at + QStringLiteral("value lookup");
        const Lookup& l = r.lookups[e.other];
        return at + QStringLiteral("%1 looks up %2: %3")
                        .arg(taskName(r, e.subject), QString::fromStdString(l.key),
                             l.found ? QString::fromStdString(l.value.text) : QStringLiteral("not found"));
    }
    case EventKind::AfterFuncRegistered:
        return at + QStringLiteral("AfterFunc %1 registered on %2").arg(af(e.subject), contextName(r, e.other));
    case EventKind::AfterFuncStarted:
        return at + QStringLiteral("AfterFunc %1 runs").arg(af(e.subject));
    case EventKind::AfterFuncStop:
        return at + QStringLiteral("%1 stops AfterFunc %2: %3")
                        .arg(by(e.by), af(e.subject), e.flag ? QStringLiteral("true") : QStringLiteral("false"));
    case EventKind::Log:
        return at + QStringLiteral("%1 logs \"%2\"").arg(taskName(r, e.subject), str(r, e.str));
    case EventKind::Lint:
        if (e.other < r.lints.size())
            return at + QStringLiteral("lint %1: %2").arg(QString::fromStdString(r.lints[e.other].rule),
                                                          QString::fromStdString(r.lints[e.other].message));
        return at + QStringLiteral("lint");
    case EventKind::End:
        return at + (e.flag ? QStringLiteral("end (horizon reached)") : QStringLiteral("end (nothing left to happen)"));
    }
    return at;
}

QString EventText::contextTitle(Document* document, const QString& id) const {
    if (!document)
        return id;
    const auto c = document->result().findContext(id.toStdString());
    return c ? ctxscope::contextTitle(document->result(), *c) : id;
}

QString EventText::contextName(Document* document, const QString& id) const {
    if (!document)
        return id;
    const auto c = document->result().findContext(id.toStdString());
    return c ? ctxscope::contextName(document->result(), *c) : id;
}

QString EventText::taskTitle(Document* document, const QString& id) const {
    if (!document)
        return id;
    const auto t = document->result().findTask(id.toStdString());
    return t ? ctxscope::taskTitle(document->result(), *t) : id;
}

double EventText::snapTime(Document* document, double t, double nsPerPixel) const {
    return ctxscope::snapTime(document ? &document->result() : nullptr, t, nsPerPixel);
}

} // namespace ctxscope
