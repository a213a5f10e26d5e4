// The Qt Quick Test runner: adds the module's qrc import path (STYLE.md G4), pins Fusion, and
// runs headless (offscreen) unless a display or platform was chosen.
#include <QGuiApplication>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQuickTest>

class Setup : public QObject {
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable() { QQuickStyle::setStyle(QStringLiteral("Fusion")); }
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/qt/qml")); }
};

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QCoreApplication::setOrganizationName(QStringLiteral("ctxscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("ctxscope-qml-tests"));
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "ctxscope", QUICK_TEST_SOURCE_DIR, &setup);
}

#include "tst_qml.moc"
