#include "renderchoice.h"

#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QQuickWindow>
#include <QSGRendererInterface>

namespace ctxscope {

bool openGLIsSoftware() {
    QOpenGLContext context;
    QOffscreenSurface surface;
    surface.setFormat(context.format());
    surface.create();
    if (!context.create() || !context.makeCurrent(&surface))
        return true; // no usable OpenGL at all: the software renderer still draws
    const auto* renderer = reinterpret_cast<const char*>(context.functions()->glGetString(GL_RENDERER));
    const QString name = QString::fromLatin1(renderer ? renderer : "").toLower();
    context.doneCurrent();
    return name.contains(QLatin1String("llvmpipe")) || name.contains(QLatin1String("softpipe"))
           || name.contains(QLatin1String("swrast")) || name.contains(QLatin1String("software rasterizer"));
}

QString applyRendererChoice(const QString& choice) {
    if (choice == QLatin1String("gl"))
        QQuickWindow::setGraphicsApi(QSGRendererInterface::OpenGL);
    else if (choice == QLatin1String("software"))
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    else if (!choice.isEmpty() && choice != QLatin1String("auto"))
        return QStringLiteral("--renderer: \"%1\" is not one of auto, gl, software").arg(choice);
    else if (qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND") && qEnvironmentVariableIsEmpty("QSG_RHI_BACKEND")
             && openGLIsSoftware())
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    return {};
}

} // namespace ctxscope
