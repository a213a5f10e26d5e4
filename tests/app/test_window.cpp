// The whole window, as a user drives it with the keyboard: the shortcuts reach the actions and
// the actions reach the document. Loads Main.qml from the module exactly as the app does.
#include "apptestutil.h"
#include "document.h"

#include <catch2/catch.hpp>

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
        doc.setRecoveryPath(QString());
        REQUIRE(doc.loadDefaultExample());
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine.setInitialProperties({{QStringLiteral("document"), QVariant::fromValue(&doc)},
                                     {QStringLiteral("offerRecovery"), false}});
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Ctxscope/Main.qml")));
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
    CHECK(w.doc.time() == w.doc.endTime());
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
    CHECK(w.doc.contextCount() == 9);
    CHECK(w.doc.scenario().contexts.back().parent == "reqid");
    QTest::keyClick(w.window, Qt::Key_Z, Qt::ControlModifier);
    CHECK(w.doc.contextCount() == 8);
    QTest::keyClick(w.window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(w.doc.contextCount() == 9);
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
