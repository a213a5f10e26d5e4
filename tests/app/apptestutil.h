#pragma once
// Shared helpers for the app tests: one QGuiApplication for the whole binary (QSettings,
// QStandardPaths and the model tester want one), and a scratch directory per test.
#include <QGuiApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QVariantMap>

#include <initializer_list>
#include <utility>


// variantMap builds the QVariantMap that QML hands the document ({"timeout": "1s", ...}).
inline QVariantMap variantMap(std::initializer_list<std::pair<const char*, QVariant>> list) {
    QVariantMap m;
    for (const auto& [k, v] : list)
        m.insert(QString::fromLatin1(k), v);
    return m;
}

inline void ensureApp() {
    static int argc = 1;
    static char name[] = "app_tests";
    static char* argv[] = {name, nullptr};
    if (!QCoreApplication::instance()) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ctxscope-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("ctxscope-app-tests"));
        // Never destroyed: tearing it down during static destruction would outlive Qt's globals.
        new QGuiApplication(argc, argv);
    }
}
