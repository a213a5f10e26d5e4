// study_shot: renders a study component in a small window and saves a PNG, to look at it.
//   study_shot OUT.png WIDTH HEIGHT LESSON TIME_MS light|dark 'QML snippet using `doc`'
// e.g. study_shot t.png 1000 360 04 150 dark 'Timeline { anchors.fill: parent; document: doc }'
// LESSON "gen:N" opens a generated scenario of N contexts instead of a lesson.
#include "document.h"
#include "lessonlibrary.h"
#include "scenariogenerator.h"

#include <QGuiApplication>
#include <QPalette>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

namespace {

QPalette darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b2b2b));
    p.setColor(QPalette::WindowText, QColor(0xe6e6e6));
    p.setColor(QPalette::Base, QColor(0x1f1f1f));
    p.setColor(QPalette::AlternateBase, QColor(0x2a2a2a));
    p.setColor(QPalette::Text, QColor(0xe6e6e6));
    p.setColor(QPalette::Button, QColor(0x353535));
    p.setColor(QPalette::ButtonText, QColor(0xe6e6e6));
    p.setColor(QPalette::Highlight, QColor(0x2a7fff));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x555555));
    p.setColor(QPalette::PlaceholderText, QColor(0x909090));
    return p;
}

} // namespace

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    if (argc < 8) {
        std::fprintf(stderr, "usage: study_shot OUT.png W H LESSON TIME_MS light|dark SNIPPET\n");
        return 2;
    }
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    const QString out = QString::fromLocal8Bit(argv[1]);
    const QString lesson = QString::fromLocal8Bit(argv[4]);
    const bool dark = QString::fromLocal8Bit(argv[6]) == QLatin1String("dark");
    if (dark)
        QGuiApplication::setPalette(darkPalette());

    ctxscope::Document doc;
    ctxscope::LessonLibrary lessons;
    if (lesson.startsWith(QLatin1String("gen:"))) {
        doc.setScenario(ctxscope::generateScenario(lesson.mid(4).toInt()), QString());
    } else {
        const QString error = lessons.open(lessons.rowOf(lesson), &doc);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "study_shot: %s\n", qPrintable(error));
            return 1;
        }
    }
    doc.seekTime(QString::fromLocal8Bit(argv[5]).toDouble() * 1e6);

    const QString qml = QStringLiteral(
        "import QtQuick\nimport QtQuick.Controls\nimport Ctxscope\nimport Ctxscope.Timeline\nimport Ctxscope.Study\n"
        "ApplicationWindow { id: win; visible: true; width: %1; height: %2\n%4"
        "  Component.onCompleted: Theme.dark = win.palette.window.hslLightness < 0.5\n"
        "  %3\n}\n").arg(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]), QString::fromLocal8Bit(argv[7]),
                        dark ? QStringLiteral("  palette { window: '#2b2b2b'; windowText: '#e6e6e6'; base: '#1f1f1f';"
                                              " alternateBase: '#2a2a2a'; text: '#e6e6e6'; button: '#353535';"
                                              " buttonText: '#e6e6e6'; mid: '#555555'; highlight: '#2a7fff';"
                                              " highlightedText: 'white'; placeholderText: '#909090' }\n")
                             : QString());
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.rootContext()->setContextProperty(QStringLiteral("doc"), &doc);
    engine.rootContext()->setContextProperty(QStringLiteral("lessons"), &lessons);
    engine.loadData(qml.toUtf8());
    if (engine.rootObjects().isEmpty())
        return 1;
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    QTimer::singleShot(1500, &app, [&] {
        const bool ok = window->grabWindow().save(out);
        std::fprintf(stderr, "study_shot: %s %s\n", ok ? "saved" : "could not save", qPrintable(out));
        QCoreApplication::exit(ok ? 0 : 1);
    });
    return QGuiApplication::exec();
}
