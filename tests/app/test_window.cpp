// The whole window, as a user drives it with the keyboard: the shortcuts reach the actions and
// the actions reach the document. Loads Main.qml from the module exactly as the app does.
#include "apptestutil.h"
#include "document.h"

#include <catch2/catch.hpp>

#include <QColor>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTest>

using namespace ctxscope;

namespace {

struct AppFirst {
    AppFirst() { ensureApp(); } // the engine below needs the application to exist already
};

struct Window {
    AppFirst app;
    Document doc;
    QQmlApplicationEngine engine;
    QQuickWindow* window = nullptr;
    Window() {
        static const bool styled = (QQuickStyle::setStyle(QStringLiteral("Fusion")), true); // once per process
        Q_UNUSED(styled);
        doc.files()->setRecoveryPath(QString());
        REQUIRE(doc.files()->loadDefaultExample());
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine.setInitialProperties({{QStringLiteral("document"), QVariant::fromValue(&doc)},
                                     {QStringLiteral("offerRecovery"), false}});
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Ctxscope/App/Main.qml")));
        REQUIRE_FALSE(engine.rootObjects().isEmpty());
        window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
        REQUIRE(window);
        window->requestActivate();
        REQUIRE(QTest::qWaitForWindowExposed(window));
    }
    ~Window() {
        window->setProperty("closingConfirmed", true);
        window->close();
    }
    QObject* scene() const { return window->property("scene").value<QObject*>(); }
    QObject* clock() const { return window->property("clock").value<QObject*>(); }
};

} // namespace

TEST_CASE("arrow keys step through events, Home and End jump, Space plays and pauses", "[window]") {
    Window w;
    w.doc.restart();
    const int at = w.doc.appliedEvents();
    QTest::keyClick(w.window, Qt::Key_Right);
    CHECK(w.doc.appliedEvents() == at + 1);
    QTest::keyClick(w.window, Qt::Key_Left);
    CHECK(w.doc.appliedEvents() == at);
    QTest::keyClick(w.window, Qt::Key_End);
    CHECK(w.doc.time() == w.doc.run()->endTime());
    QTest::keyClick(w.window, Qt::Key_Home);
    CHECK(w.doc.time() == 0);
    QTest::keyClick(w.window, Qt::Key_Space);
    CHECK(w.clock()->property("playing").toBool());
    QTest::keyClick(w.window, Qt::Key_Space);
    CHECK_FALSE(w.clock()->property("playing").toBool());
}

TEST_CASE("edit shortcuts act on the selected context and Ctrl+Z undoes them", "[window]") {
    Window w;
    w.scene()->setProperty("selectedId", QStringLiteral("cache"));
    QTest::keyClick(w.window, Qt::Key_Up);
    CHECK(w.scene()->property("selectedId").toString() == "reqid");
    QTest::keyClick(w.window, Qt::Key_1, Qt::AltModifier); // Derive ▸ WithCancel
    CHECK(w.doc.run()->contextCount() == 9);
    CHECK(w.doc.scenario().contexts.back().parent == "reqid");
    QTest::keyClick(w.window, Qt::Key_Z, Qt::ControlModifier);
    CHECK(w.doc.run()->contextCount() == 8);
    QTest::keyClick(w.window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(w.doc.run()->contextCount() == 9);
    w.scene()->setProperty("selectedId", QStringLiteral("cache"));
    QTest::keyClick(w.window, Qt::Key_X); // cancel at the playhead
    REQUIRE(w.doc.scenario().actions.size() == 2);
    CHECK(w.doc.scenario().actions.back().target == "cache");
}

TEST_CASE("C collapses the selected subtree and F fits the view", "[window]") {
    Window w;
    w.scene()->setProperty("selectedId", QStringLiteral("reqid"));
    QTest::keyClick(w.window, Qt::Key_C);
    CHECK(w.scene()->property("visibleCount").toInt() == 3);
    QTest::keyClick(w.window, Qt::Key_C);
    CHECK(w.scene()->property("visibleCount").toInt() == 8);
}

TEST_CASE("a dark palette, as --palette dark sets, reaches the menu bar and not only the panes", "[window]") {
    AppFirst app;
    Document doc;
    doc.files()->setRecoveryPath(QString());
    REQUIRE(doc.files()->loadDefaultExample());
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    // As main.cpp passes --palette dark.
    engine.setInitialProperties({{QStringLiteral("document"), QVariant::fromValue(&doc)},
                                 {QStringLiteral("offerRecovery"), false},
                                 {QStringLiteral("forceDark"), true}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Ctxscope/App/Main.qml")));
    REQUIRE_FALSE(engine.rootObjects().isEmpty());
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    REQUIRE(window);
    REQUIRE(QTest::qWaitForWindowExposed(window));
    QTest::qWait(200);
    const QImage shot = window->grabWindow();
    REQUIRE_FALSE(shot.isNull());
    const qreal dpr = shot.devicePixelRatio();
    const auto lightness = [&](int x, int y) {
        return QColor(shot.pixel(static_cast<int>(x * dpr), static_cast<int>(y * dpr))).lightnessF();
    };
    // The menu bar (top row, right of its titles), the play bar under it, and the status bar.
    CHECK(lightness(window->width() - 20, 6) < 0.3);
    CHECK(lightness(window->width() - 20, 40) < 0.3);
    CHECK(lightness(window->width() / 2, window->height() - 6) < 0.3);
    window->setProperty("closingConfirmed", true);
    window->close();
}
