// The play clock in a window: it ticks with the animation system (one step per frame, not a
// free-running timer), loops when asked, and the frame statistics the benchmark reads count the
// frames shown while it plays. Also the renderer choice's argument check.
#include "apptestutil.h"
#include "framestats.h"
#include "playclock.h"
#include "renderchoice.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>

using namespace ctxscope;

TEST_CASE("the play clock advances on animation ticks while playing and not after a pause", "[play]") {
    ensureApp();
    Document doc;
    REQUIRE(doc.files()->loadDefaultExample());
    doc.restart();
    PlayClock clock;
    clock.setDocument(&doc);
    clock.setSpeed(0.1); // slow, so the example cannot end within the test
    clock.setPlaying(true);
    REQUIRE(clock.isPlaying());
    CHECK(QTest::qWaitFor([&] { return doc.timeNanos() > 0; }, 2000));
    clock.setPlaying(false);
    const auto pausedAt = doc.timeNanos();
    QTest::qWait(100);
    CHECK(doc.timeNanos() == pausedAt);
}

TEST_CASE("a looping play clock starts over at the end instead of stopping", "[play]") {
    ensureApp();
    Document doc;
    REQUIRE(doc.files()->loadDefaultExample());
    PlayClock clock;
    clock.setDocument(&doc);
    QSignalSpy loopSpy(&clock, &PlayClock::loopChanged);
    clock.setLoop(true);
    CHECK(loopSpy.count() == 1);
    doc.restart();
    clock.setPlaying(true);
    bool wrapped = false;
    double last = 0;
    for (int frame = 0; frame < 5000 && !wrapped; ++frame) {
        clock.advance(16.0 * kMillisecond);
        wrapped = doc.time() < last;
        last = doc.time();
    }
    CHECK(wrapped);
    CHECK(clock.isPlaying());
    clock.setLoop(false);
    for (int frame = 0; frame < 5000 && clock.isPlaying(); ++frame)
        clock.advance(16.0 * kMillisecond);
    CHECK_FALSE(clock.isPlaying());
    CHECK(doc.time() == doc.run()->endTime());
}

TEST_CASE("frame statistics count the frames a window shows while the clock plays", "[play]") {
    ensureApp();
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software); // renders on the offscreen platform
    Document doc;
    REQUIRE(doc.files()->loadDefaultExample());
    doc.restart();
    PlayClock clock;
    clock.setDocument(&doc);
    clock.setLoop(true);
    QQuickWindow window;
    window.resize(200, 120);
    QObject::connect(&doc, &Document::playheadChanged, &window, &QQuickWindow::update); // a frame per tick
    FrameStats stats(&window, &clock);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(50);
    CHECK(QJsonDocument::fromJson(stats.summaryJson()).object().value("frames").toInt() == 0); // not playing yet
    clock.setPlaying(true);
    CHECK(QTest::qWaitFor([&] { return QJsonDocument::fromJson(stats.summaryJson()).object().value("frames").toInt() >= 5; }, 5000));
    clock.setPlaying(false);
    const QJsonObject o = QJsonDocument::fromJson(stats.summaryJson()).object();
    CHECK(o.value("frames").toInt() >= 5);
    CHECK(o.value("p50_ms").toDouble() >= 0);
    CHECK(o.value("p95_ms").toDouble() >= o.value("p50_ms").toDouble());
    CHECK(o.value("max_ms").toDouble() >= o.value("p95_ms").toDouble());
    CHECK(o.value("interval_p95_ms").toDouble() >= o.value("interval_p50_ms").toDouble());
    CHECK(o.value("cpu_ms_per_frame").toDouble() >= 0);
}

TEST_CASE("the renderer choice accepts auto or gl or software and names anything else", "[play]") {
    ensureApp();
    CHECK(applyRendererChoice(QStringLiteral("software")).isEmpty());
    CHECK(QQuickWindow::sceneGraphBackend() == QLatin1String("software"));
    const QString error = applyRendererChoice(QStringLiteral("vulkan"));
    CHECK(error.contains(QLatin1String("\"vulkan\"")));
    CHECK(error.contains(QLatin1String("auto, gl, software")));
}
