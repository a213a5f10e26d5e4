#include "scenepalette.h"

#include <QDebug>
#include <QMetaProperty>

namespace ctxscope {

ScenePalette ScenePalette::withColors(const QVariantMap& colors) const {
    ScenePalette p = *this;
    const QMetaObject& mo = staticMetaObject;
    for (auto it = colors.cbegin(); it != colors.cend(); ++it) {
        const int i = mo.indexOfProperty(it.key().toUtf8().constData());
        if (i < 0 || !mo.property(i).writeOnGadget(&p, it.value()))
            qWarning() << "ScenePalette: no colour" << it.key() << "to set to" << it.value();
    }
    return p;
}

} // namespace ctxscope
