// ctxscope: the desktop app. `ctxscope [FILE]` opens FILE; without one, the very first start
// opens lesson 01 and later starts the default example.
// Flags for screenshots and the frame-time benchmark: --grab PNG (grab the window after load and
// quit), --at DURATION (move the playhead first), --steps N (step N events), --select ID,
// --dialog NAME (open a dialog), --play (start playing), --loop (play starts over at the end),
// --generate N (a generated tree), --frame-stats (print statistics of the frames shown while
// playing, at exit), --quit-after MS, --palette dark, --lesson NN (open a lesson), --tab NAME
// (show a panel tab). --renderer auto|gl|software chooses the scene-graph backend (renderchoice.h).
#include "ctxscope/duration.h"
#include "document.h"
#include "framestats.h"
#include "lessonlibrary.h"
#include "playclock.h"
#include "renderchoice.h"
#include "scenariogenerator.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>

#include <algorithm>
#include <cstdio>

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("ctxscope"));
    QGuiApplication::setApplicationName(QStringLiteral("ctxscope"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("ctxscope"));
    QGuiApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QGuiApplication::setDesktopFileName(QStringLiteral("ctxscope"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/ctxscope/icons/ctxscope.png")));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));

    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("See what Go's context.Context does."));
    cli.addHelpOption();
    cli.addVersionOption();
    cli.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Scenario file to open (.ctxscope.json)."));
    const QCommandLineOption grab(QStringLiteral("grab"), QStringLiteral("Save a PNG of the window after loading, then quit."), QStringLiteral("png"));
    const QCommandLineOption grabDelay(QStringLiteral("grab-delay"), QStringLiteral("Milliseconds to wait before --grab (default 1200)."), QStringLiteral("ms"), QStringLiteral("1200"));
    const QCommandLineOption at(QStringLiteral("at"), QStringLiteral("Move the playhead to this virtual time (Go duration)."), QStringLiteral("duration"));
    const QCommandLineOption steps(QStringLiteral("steps"), QStringLiteral("Step forward this many events."), QStringLiteral("n"));
    const QCommandLineOption select(QStringLiteral("select"), QStringLiteral("Select this context."), QStringLiteral("id"));
    const QCommandLineOption dialog(QStringLiteral("dialog"), QStringLiteral("Open a dialog: derive, task, afterfunc, cancel, rename, editparams, delete, shortcuts, problems, recovery, unsaved, menu, open, export, export-menu, play-menu, predict."), QStringLiteral("name"));
    const QCommandLineOption play(QStringLiteral("play"), QStringLiteral("Start playing at once."));
    const QCommandLineOption generate(QStringLiteral("generate"), QStringLiteral("Open a generated scenario of N contexts."), QStringLiteral("n"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size WxH."), QStringLiteral("wxh"), QStringLiteral("1360x860"));
    const QCommandLineOption frameStats(QStringLiteral("frame-stats"),
                                        QStringLiteral("Print statistics (JSON) of the frames shown while playing, when quitting."));
    const QCommandLineOption renderer(QStringLiteral("renderer"),
                                      QStringLiteral("Scene-graph backend: auto (the default: software when OpenGL is a CPU rasterizer), gl or software."),
                                      QStringLiteral("NAME"), QStringLiteral("auto"));
    const QCommandLineOption loop(QStringLiteral("loop"), QStringLiteral("Play in a loop: start over at the end."));
    const QCommandLineOption quitAfter(QStringLiteral("quit-after"), QStringLiteral("Quit after this many milliseconds."), QStringLiteral("ms"));
    const QCommandLineOption paletteOption(QStringLiteral("palette"), QStringLiteral("\"dark\": use a dark palette whatever the system's (to check the dark look)."), QStringLiteral("dark"));
    const QCommandLineOption lesson(QStringLiteral("lesson"), QStringLiteral("Open this lesson (number such as 01, or file name)."), QStringLiteral("name"));
    const QCommandLineOption tab(QStringLiteral("tab"), QStringLiteral("Show a panel tab: inspector, notes, events, lints, check, lessons."), QStringLiteral("name"));
    cli.addOptions({grab, grabDelay, at, steps, select, dialog, play, generate, size, frameStats, loop, renderer, quitAfter, paletteOption, lesson, tab});
    cli.process(app);
    if (const QString error = ctxscope::applyRendererChoice(cli.value(renderer)); !error.isEmpty()) {
        std::fprintf(stderr, "ctxscope: %s\n", qPrintable(error));
        return 2;
    }

    auto* document = new ctxscope::Document(&app);
    auto* library = new ctxscope::LessonLibrary(&app);
    QStringList startupProblems;
    const auto openLesson = [&](int row) {
        const QString error = library->open(row, document);
        if (!error.isEmpty())
            startupProblems << error;
        return error.isEmpty();
    };
    if (cli.isSet(lesson)) {
        const int row = library->rowOf(cli.value(lesson));
        if (row < 0)
            startupProblems << QStringLiteral("there is no lesson \"%1\"").arg(cli.value(lesson));
        if (row < 0 || !openLesson(row))
            document->loadDefaultExample();
    } else if (cli.isSet(generate)) {
        document->setScenario(ctxscope::generateScenario(cli.value(generate).toInt()), QString());
    } else if (!cli.positionalArguments().isEmpty()) {
        startupProblems = document->openFile(cli.positionalArguments().constFirst());
        if (!startupProblems.isEmpty())
            document->loadDefaultExample();
    } else if (!cli.isSet(grab) && library->rowCount() > 0 && library->takeFirstStart()) {
        // The very first start teaches: lesson 01 (later starts open the default example).
        if (!openLesson(std::max(0, library->rowOf(QStringLiteral("01")))))
            document->loadDefaultExample();
    } else if (!document->loadDefaultExample()) {
        startupProblems << QStringLiteral("the default example could not be loaded");
    }
    if (cli.isSet(at)) {
        const auto t = ctxscope::parseDuration(cli.value(at).toStdString());
        if (!t.value) {
            std::fprintf(stderr, "ctxscope: --at: %s\n", t.error.c_str());
            return 2;
        }
        document->seekTime(static_cast<double>(*t.value));
    }
    for (int i = 0, n = cli.value(steps).toInt(); i < n; ++i)
        document->stepForward();

    const QStringList wh = cli.value(size).split(QLatin1Char('x'));
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml")); // STYLE.md G4: 6.4 has no such default
    engine.setInitialProperties({
        {QStringLiteral("document"), QVariant::fromValue(document)},
        {QStringLiteral("startupProblems"), startupProblems},
        {QStringLiteral("initialSelection"), cli.value(select)},
        {QStringLiteral("initialDialog"), cli.value(dialog)},
        {QStringLiteral("startPlaying"), cli.isSet(play)},
        {QStringLiteral("forceDark"), cli.value(paletteOption) == QLatin1String("dark")},
        {QStringLiteral("library"), QVariant::fromValue(library)},
        {QStringLiteral("initialTab"), cli.isSet(tab) ? cli.value(tab) : (library->currentRow() >= 0 ? QStringLiteral("notes") : QString())},
        // Qt's QML file dialog needs Qt.labs.folderlistmodel (Debian: qml6-module-qt-labs-folderlistmodel);
        // without it, open() crashes, so the window falls back to typing a path.
        {QStringLiteral("nativeFileDialog"),
         QFileInfo::exists(QLibraryInfo::path(QLibraryInfo::QmlImportsPath) + QStringLiteral("/Qt/labs/folderlistmodel/qmldir"))},
        {QStringLiteral("offerRecovery"), !cli.isSet(grab)},
        {QStringLiteral("width"), wh.value(0).toInt() > 0 ? wh.value(0).toInt() : 1360},
        {QStringLiteral("height"), wh.value(1).toInt() > 0 ? wh.value(1).toInt() : 860},
    });
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Ctxscope/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;

    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    auto* clock = window ? window->property("clock").value<ctxscope::PlayClock*>() : nullptr;
    if (cli.isSet(loop) && clock)
        clock->setLoop(true);
    if (cli.isSet(frameStats) && window && clock) {
        auto* stats = new ctxscope::FrameStats(window, clock, &app);
        QObject::connect(&app, &QCoreApplication::aboutToQuit, stats, [stats] { std::printf("%s\n", stats->summaryJson().constData()); });
    }
    if (cli.isSet(quitAfter))
        QTimer::singleShot(cli.value(quitAfter).toInt(), &app, [] { QCoreApplication::quit(); });
    if (cli.isSet(grab)) {
        const QString file = cli.value(grab);
        QTimer::singleShot(cli.value(grabDelay).toInt(), &app, [window, file] {
            const bool ok = window && window->grabWindow().save(file);
            if (!ok)
                std::fprintf(stderr, "ctxscope: could not save %s\n", qPrintable(file));
            QCoreApplication::exit(ok ? 0 : 1);
        });
    }
    return QGuiApplication::exec();
}
