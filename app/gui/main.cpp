// ctxscope: the desktop app. `ctxscope [FILE]` opens FILE; without one, the very first start
// opens lesson 01 and later starts the default example.
// Flags for screenshots and the frame-time benchmark: --grab PNG (grab the window after load and
// quit; --grab-busy: do not wait for a document being opened on the worker), --at DURATION (move the playhead first), --steps N (step N events), --select ID,
// --dialog NAME (open a dialog), --play (start playing), --loop (play starts over at the end),
// --generate N (a generated tree), --frame-stats (print statistics of the frames shown while
// playing, at exit), --quit-after MS, --palette dark, --lesson NN (open a lesson), --tab NAME
// (show a panel tab). --renderer auto|gl|software chooses the scene-graph backend (renderchoice.h).
#include "appinfo.h"
#include "ctxscope/engine/duration.h"
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
#include <optional>

namespace {

void setApplicationInfo() {
    QCoreApplication::setOrganizationName(QStringLiteral("ctxscope"));
    QCoreApplication::setApplicationName(QStringLiteral("ctxscope"));
    QCoreApplication::setApplicationVersion(ctxscope::AppInfo::version()); // the CMake project's
}

} // namespace

int main(int argc, char* argv[]) {
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("See what Go's context.Context does."));
    cli.addHelpOption();
    cli.addVersionOption();
    cli.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Scenario file to open (.ctxscope.json)."));
    const QCommandLineOption grab(QStringLiteral("grab"), QStringLiteral("Save a PNG of the window after loading, then quit."), QStringLiteral("png"));
    const QCommandLineOption grabDelay(QStringLiteral("grab-delay"), QStringLiteral("Milliseconds to wait before --grab (default 1200)."), QStringLiteral("ms"), QStringLiteral("1200"));
    const QCommandLineOption grabBusy(QStringLiteral("grab-busy"), QStringLiteral("--grab does not wait for a document that is still being opened or simulated."));
    const QCommandLineOption at(QStringLiteral("at"), QStringLiteral("Move the playhead to this virtual time (Go duration)."), QStringLiteral("duration"));
    const QCommandLineOption steps(QStringLiteral("steps"), QStringLiteral("Step forward this many events."), QStringLiteral("n"));
    const QCommandLineOption select(QStringLiteral("select"), QStringLiteral("Select this context."), QStringLiteral("id"));
    const QCommandLineOption dialog(QStringLiteral("dialog"), QStringLiteral("Open a dialog: derive, task, afterfunc, cancel, rename, editparams, delete, edittask, settings, expectation, shortcuts, problems, recovery, unsaved, menu, open, export, export-menu, play-menu, predict."), QStringLiteral("name"));
    const QCommandLineOption play(QStringLiteral("play"), QStringLiteral("Start playing at once (a document still being opened: once it is open)."));
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
    const QCommandLineOption tab(QStringLiteral("tab"), QStringLiteral("Show a panel tab: inspector, notes, scenario, events, lints, check, lessons."), QStringLiteral("name"));
    const QCommandLineOption outcome(QStringLiteral("outcome"), QStringLiteral("Show the K-th outcome Go can produce (0: the documented order, as ctxscope-cli run --outcome K; the switcher shows it as outcome K+1)."), QStringLiteral("k"));
    cli.addOptions({grab, grabDelay, grabBusy, at, steps, select, dialog, play, generate, size, frameStats, loop, renderer, quitAfter, paletteOption, lesson, tab, outcome});

    // --help and --version need no display: answer them before a QGuiApplication (which needs
    // a display platform) exists. Other errors (an unknown option) are left to cli.process below,
    // after QGuiApplication has taken its own options such as -platform out of the list.
    {
        QStringList args;
        for (int i = 0; i < argc; ++i)
            args << QString::fromLocal8Bit(argv[i]);
        (void)cli.parse(args);
        const bool help = cli.isSet(QStringLiteral("help"));
        const bool helpAll = cli.isSet(QStringLiteral("help-all"));
        const bool version = cli.isSet(QStringLiteral("version"));
        if (help || helpAll || version) {
            QCoreApplication core(argc, argv);
            setApplicationInfo();
            if (helpAll)
                cli.process(core); // Qt's own options too; exits
            else if (help)
                cli.showHelp(0);   // exits
            cli.showVersion();     // exits
        }
    }

    QGuiApplication app(argc, argv);
    setApplicationInfo();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("ctxscope"));
    QGuiApplication::setDesktopFileName(QStringLiteral("ctxscope"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/ctxscope/icons/ctxscope.png")));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
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
            document->files()->loadDefaultExample();
    } else if (cli.isSet(generate)) {
        // Made and simulated on the worker (issue #14): the window shows at once, with progress.
        document->files()->openGenerated(cli.value(generate).toInt());
    } else if (!cli.positionalArguments().isEmpty()) {
        // A big file is read, checked and simulated on the worker; a small one here. Either way
        // the default example stands in until it has been opened (or if it cannot be).
        document->files()->loadDefaultExample();
        startupProblems = document->files()->openFile(cli.positionalArguments().constFirst());
    } else if (!cli.isSet(grab) && library->rowCount() > 0 && library->takeFirstStart()) {
        // The very first start teaches: lesson 01 (later starts open the default example).
        if (!openLesson(std::max(0, library->rowOf(QStringLiteral("01")))))
            document->files()->loadDefaultExample();
    } else if (!document->files()->loadDefaultExample()) {
        startupProblems << QStringLiteral("the default example could not be loaded");
    }
    std::optional<ctxscope::Nanos> startAt;
    if (cli.isSet(at)) {
        const auto t = ctxscope::parseDuration(cli.value(at).toStdString());
        if (!t.value) {
            std::fprintf(stderr, "ctxscope: --at: %s\n", t.error.c_str());
            return 2;
        }
        startAt = *t.value;
    }
    // --at and --steps apply to the document asked for: now, or once the worker has made it.
    const int startSteps = cli.value(steps).toInt();
    const int startOutcome = cli.value(outcome).toInt();
    const auto moveStartPlayhead = [document, startAt, startSteps, startOutcome] {
        if (startOutcome > 0)
            document->outcomes()->setIndex(startOutcome);
        if (startAt)
            document->seekTime(static_cast<double>(*startAt));
        for (int i = 0; i < startSteps; ++i)
            document->stepForward();
    };
    if (document->run()->busy()) {
        auto* once = new QObject(document);
        QObject::connect(document->files(), &ctxscope::ScenarioFiles::opened, once, [once, moveStartPlayhead] {
            moveStartPlayhead();
            once->deleteLater();
        });
        // Failed (Main.qml shows why; the default example stays) or cancelled: nothing to move.
        QObject::connect(document->run(), &ctxscope::SimulationRunner::jobChanged, once, [once, document] {
            if (!document->run()->busy())
                once->deleteLater();
        });
    } else {
        moveStartPlayhead();
    }

    // --play plays the document asked for: one still made on the worker starts playing once it
    // is open (the stand-in's run would end, and stop playing, before a big one is ready).
    const bool playWhenOpened = cli.isSet(play) && document->run()->busy();

    const QStringList wh = cli.value(size).split(QLatin1Char('x'));
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml")); // STYLE.md G4: 6.4 has no such default
    engine.setInitialProperties({
        {QStringLiteral("document"), QVariant::fromValue(document)},
        {QStringLiteral("startupProblems"), startupProblems},
        {QStringLiteral("initialSelection"), cli.value(select)},
        {QStringLiteral("initialDialog"), cli.value(dialog)},
        {QStringLiteral("startPlaying"), cli.isSet(play) && !playWhenOpened},
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
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Ctxscope/App/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;

    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    auto* clock = window ? window->property("clock").value<ctxscope::PlayClock*>() : nullptr;
    if (cli.isSet(loop) && clock)
        clock->setLoop(true);
    if (playWhenOpened && clock) {
        auto* once = new QObject(document);
        QObject::connect(document->files(), &ctxscope::ScenarioFiles::opened, once, [once, clock] {
            clock->setPlaying(true);
            once->deleteLater();
        });
    }
    if (cli.isSet(frameStats) && window && clock) {
        auto* stats = new ctxscope::FrameStats(window, clock, &app);
        QObject::connect(&app, &QCoreApplication::aboutToQuit, stats, [stats] { std::printf("%s\n", stats->summaryJson().constData()); });
    }
    if (cli.isSet(quitAfter))
        QTimer::singleShot(cli.value(quitAfter).toInt(), &app, [] { QCoreApplication::quit(); });
    if (cli.isSet(grab)) {
        const QString file = cli.value(grab);
        const auto grabLater = [&app, window, file, delay = cli.value(grabDelay).toInt()] {
            QTimer::singleShot(delay, &app, [window, file] {
                const bool ok = window && window->grabWindow().save(file);
                if (!ok)
                    std::fprintf(stderr, "ctxscope: could not save %s\n", qPrintable(file));
                QCoreApplication::exit(ok ? 0 : 1);
            });
        };
        // "After loading": a document still made on the worker is waited for (--grab-busy: not,
        // to see the progress line).
        if (document->run()->busy() && !cli.isSet(grabBusy)) {
            auto* once = new QObject(document);
            QObject::connect(document->run(), &ctxscope::SimulationRunner::jobChanged, once, [once, document, grabLater] {
                if (document->run()->busy())
                    return;
                grabLater();
                once->deleteLater();
            });
        } else {
            grabLater();
        }
    }
    return QGuiApplication::exec();
}
