// The Qt Quick Test runner of the study panels: the module's qrc import path (STYLE.md G4),
// Fusion, headless unless a display or platform was chosen, and the source dir for test data.
#include <QGuiApplication>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QStandardPaths>
#include <QtQuickTest>

class Setup : public QObject {
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable() {
        QStandardPaths::setTestModeEnabled(true);
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    }
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->rootContext()->setContextProperty(QStringLiteral("sourceDir"), QStringLiteral(CTXSCOPE_SOURCE_DIR));
    }
};

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QCoreApplication::setOrganizationName(QStringLiteral("ctxscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("ctxscope-study-qml-tests"));
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "ctxscope_study", QUICK_TEST_SOURCE_DIR, &setup);
}

#include "tst_study.moc"
