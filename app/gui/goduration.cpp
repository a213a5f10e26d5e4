#include "goduration.h"

#include "ctxscope/engine/duration.h"
#include "eventtext.h"

namespace ctxscope {

QVariantMap GoDuration::parse(const QString& text) const {
    const DurationParse p = parseDuration(text.trimmed().toStdString());
    return {{QStringLiteral("ok"), p.value.has_value()},
            {QStringLiteral("nanos"), p.value ? static_cast<double>(*p.value) : 0.0},
            {QStringLiteral("error"), QString::fromStdString(p.error)}};
}

QString GoDuration::format(double nanos) const {
    return QString::fromStdString(formatDuration(static_cast<Nanos>(nanos)));
}

QString GoDuration::readable(double nanos, double spanNanos) const {
    return readableDuration(static_cast<Nanos>(nanos), static_cast<Nanos>(spanNanos));
}

} // namespace ctxscope
