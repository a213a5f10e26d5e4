#pragma once
// GoDuration: Go's duration syntax for QML (parseDuration / formatDuration from the core), so a
// dialog can validate a field as the user types and show why the text is not a duration.
#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

class GoDuration : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    using QObject::QObject;
    // parse returns {ok: bool, nanos: double, error: string}.
    Q_INVOKABLE QVariantMap parse(const QString& text) const;
    Q_INVOKABLE QString format(double nanos) const;
    // readable: nanos at a precision that suits a time axis spanNanos long (readableDuration in
    // eventtext.h): 69.8ms, not 69.8452ms, on a 200ms axis. For readouts that move (the playhead).
    Q_INVOKABLE QString readable(double nanos, double spanNanos) const;
};

} // namespace ctxscope
