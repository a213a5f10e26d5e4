// ScenarioEditor, the QML bridge for tasks, after-funcs, timed actions, expectations and
// settings: each edit is one undo step; what the dialogs are given converts back without loss
// (every task of every lesson survives an unchanged edit byte for byte); refused edits say why.
#include "apptestutil.h"
#include "scenarioeditor.h"

#include "ctxscope/formats/scenario_io.h"

#include <catch2/catch.hpp>

#include <QDir>

using namespace ctxscope;

TEST_CASE("editor: every task and after-func of every lesson goes through the dialog unchanged", "[editor]") {
    ensureApp();
    const QDir dir(QStringLiteral(CTXSCOPE_SOURCE_DIR "/resources/lessons"));
    const QStringList lessons = dir.entryList({QStringLiteral("*.ctxscope.json")}, QDir::Files, QDir::Name);
    REQUIRE(lessons.size() >= 16);
    std::size_t goroutines = 0;
    for (const QString& name : lessons) {
        INFO(name.toStdString());
        const LoadResult lr = loadScenarioFile(dir.filePath(name).toStdString());
        REQUIRE(lr.problems.empty());
        Document doc;
        doc.setScenario(*lr.scenario, QString());
        ScenarioEditor editor;
        editor.setDocument(&doc);
        const QString before = doc.files()->serialized();
        std::vector<std::string> ids;
        for (const TaskSpec& t : lr.scenario->tasks)
            ids.push_back(t.id);
        for (const AfterFuncSpec& a : lr.scenario->afterFuncs)
            ids.push_back(a.id);
        for (const std::string& id : ids) {
            INFO(id);
            const QVariantMap g = editor.goroutine(QString::fromStdString(id));
            REQUIRE(g.value("ok").toBool());
            REQUIRE(editor.editGoroutine(QString::fromStdString(id), g).isEmpty());
            ++goroutines;
        }
        CHECK(doc.files()->serialized() == before);
        CHECK_FALSE(doc.canUndo()); // nothing changed, nothing recorded
    }
    CHECK(goroutines > 40);
}

TEST_CASE("editor: a task is edited and deleted as one undo step each", "[editor]") {
    ensureApp();
    Document doc;
    REQUIRE(doc.files()->loadDefaultExample());
    ScenarioEditor editor;
    editor.setDocument(&doc);
    const QString original = doc.files()->serialized();
    const std::string taskId = doc.editedScenario().tasks.front().id;
    const QString id = QString::fromStdString(taskId);
    QVariantMap g = editor.goroutine(id);
    QVariantList steps = g.value("steps").toList();
    REQUIRE_FALSE(steps.isEmpty());
    steps.append(editor.freshStep("log"));
    g["steps"] = steps;
    g["label"] = QStringLiteral("renamed in the dialog");
    REQUIRE(editor.editGoroutine(id, g).isEmpty());
    CHECK(doc.editedScenario().tasks.front().label == "renamed in the dialog");
    CHECK(doc.editedScenario().tasks.front().steps.back().op == StepOp::Log);
    CHECK(doc.undoText().startsWith("Edit task"));
    REQUIRE(editor.deleteGoroutine(id).isEmpty());
    for (const TaskSpec& t : doc.editedScenario().tasks)
        CHECK(t.id != taskId);
    doc.undo();
    doc.undo();
    CHECK(doc.files()->serialized() == original);
    // A bad step is refused, with the step named, and nothing changes.
    g["steps"] = QVariantList{QVariantMap{{"op", "work"}, {"duration", "soon"}}};
    const QString error = editor.editGoroutine(id, g);
    CHECK(error.startsWith("step 1: duration"));
    CHECK(doc.files()->serialized() == original);
    // A task a step spawns is not top-level: edited through its spawner.
    CHECK_FALSE(editor.goroutine(QStringLiteral("nosuch")).value("ok").toBool());
}

TEST_CASE("editor: timed actions are listed, retimed, given a cause where Go takes one, and deleted", "[editor]") {
    ensureApp();
    Document doc;
    doc.files()->newScenario();
    ScenarioEditor editor;
    editor.setDocument(&doc);
    REQUIRE(doc.contexts()->derive("root", "WithCancelCause", variantMap({{"id", QStringLiteral("job")}})).isEmpty());
    REQUIRE(doc.contexts()->derive("root", "WithCancel", variantMap({{"id", QStringLiteral("plain")}})).isEmpty());
    doc.seekTime(50e6);
    REQUIRE(doc.contexts()->cancelContext("job", QVariant()).isEmpty());
    REQUIRE(doc.contexts()->cancelContext("plain", QVariant()).isEmpty());
    QVariantList rows = editor.actions();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].toMap().value("at").toString() == "50ms");
    CHECK(rows[0].toMap().value("takesCause").toBool());
    CHECK_FALSE(rows[1].toMap().value("takesCause").toBool());
    REQUIRE(editor.editAction(0, "120ms", "shutting down").isEmpty());
    rows = editor.actions();
    CHECK(rows[0].toMap().value("at").toString() == "120ms");
    CHECK(rows[0].toMap().value("cause").toString() == "shutting down");
    CHECK(editor.editAction(0, "soon", "").startsWith("at: "));
    // Go's plain cancel takes no cause: the validator refuses it, with the loader's words.
    CHECK_FALSE(editor.editAction(1, "60ms", "why").isEmpty());
    REQUIRE(editor.deleteAction(1).isEmpty());
    CHECK(editor.actions().size() == 1);
    CHECK_FALSE(editor.deleteAction(5).isEmpty());
}

TEST_CASE("editor: expectations are added from the playhead, edited and deleted", "[editor]") {
    ensureApp();
    Document doc;
    doc.files()->newScenario();
    ScenarioEditor editor;
    editor.setDocument(&doc);
    REQUIRE(doc.contexts()->derive("root", "WithTimeout", variantMap({{"id", QStringLiteral("budget")}, {"timeout", "200ms"}})).isEmpty());
    doc.seekEnd();
    REQUIRE(editor.addExpectationNow("context", "budget").isEmpty());
    QVariantList rows = editor.expectations();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].toMap().value("text").toString() ==
          "context budget: err = \"context deadline exceeded\", cause = \"context deadline exceeded\", done_at = \"200ms\"");
    // At the start it is alive: what happens "now" is what gets written down.
    doc.restart();
    REQUIRE(editor.addExpectationNow("context", "budget").isEmpty());
    CHECK(editor.expectations()[1].toMap().value("text").toString() ==
          "context budget: err = null, cause = null, done_at = null");
    QVariantMap e = editor.expectation(1);
    QVariantList fields{QVariantMap{{"name", "err"}, {"value", "context canceled"}}};
    e["fields"] = fields;
    REQUIRE(editor.editExpectation(1, e).isEmpty());
    CHECK(editor.expectations()[1].toMap().value("text").toString() == "context budget: err = \"context canceled\"");
    e["fields"] = QVariantList{QVariantMap{{"name", "colour"}, {"value", "red"}}};
    CHECK(editor.editExpectation(1, e).contains("unknown field"));
    e["subject"] = QStringLiteral("ghost");
    e["fields"] = fields;
    CHECK_FALSE(editor.addExpectation(e).isEmpty());
    REQUIRE(editor.deleteExpectation(0).isEmpty());
    CHECK(editor.expectations().size() == 1);
}

TEST_CASE("editor: settings change together and are checked", "[editor]") {
    ensureApp();
    Document doc;
    doc.files()->newScenario();
    ScenarioEditor editor;
    editor.setDocument(&doc);
    QVariantMap s = editor.settings();
    s["name"] = QStringLiteral("Timeouts");
    s["description"] = QStringLiteral("What WithTimeout does.");
    s["seed"] = QStringLiteral("7");
    s["cancelOrder"] = QStringLiteral("random");
    s["until"] = QStringLiteral("2s");
    REQUIRE(editor.editSettings(s).isEmpty());
    CHECK(doc.scenarioName() == "Timeouts");
    CHECK(doc.editedScenario().seed == 7);
    CHECK(doc.editedScenario().cancelOrder == CancelOrder::Random);
    CHECK(doc.editedScenario().until == 2 * kSecond);
    CHECK(doc.undoText() == "Scenario settings");
    s["seed"] = QStringLiteral("seven");
    CHECK(editor.editSettings(s).startsWith("seed"));
    s["seed"] = QStringLiteral("7");
    s["until"] = QStringLiteral("-1s");
    CHECK_FALSE(editor.editSettings(s).isEmpty());
    s["until"] = QString();
    REQUIRE(editor.editSettings(s).isEmpty());
    CHECK_FALSE(doc.editedScenario().until.has_value());
}

TEST_CASE("editor: the derive dialog's fields and Go call come from C++", "[editor]") {
    ensureApp();
    ScenarioEditor editor;
    QVariantMap d = editor.describeDerive("root", "WithTimeoutCause", variantMap({{"timeout", "250ms"}, {"cause", "slow"}}));
    CHECK(d.value("timeout").toBool());
    CHECK(d.value("cause").toBool());
    CHECK_FALSE(d.value("key").toBool());
    CHECK(d.value("goCall").toString() == "context.WithTimeoutCause(root, 250ms, \"slow\")");
    d = editor.describeDerive("root", "WithValue", variantMap({{"key", ""}, {"value", "x"}, {"valueType", "number"}}));
    CHECK_FALSE(d.value("keyError").toString().isEmpty());
    CHECK(d.value("valueError").toString().contains("not a JSON number"));
    CHECK_FALSE(editor.describeDerive("root", "WithCancel", {}).value("takesParams").toBool());
    CHECK(editor.describeDerive("root", "WithDeadline", {}).value("takesParams").toBool());
}

TEST_CASE("editor: a context moves under another parent and to another time, as one step", "[editor]") {
    ensureApp();
    Document doc;
    doc.files()->newScenario();
    ScenarioEditor editor;
    editor.setDocument(&doc);
    REQUIRE(doc.contexts()->derive("root", "WithCancel", variantMap({{"id", QStringLiteral("a")}})).isEmpty());
    REQUIRE(doc.contexts()->derive("a", "WithCancel", variantMap({{"id", QStringLiteral("b")}})).isEmpty());
    REQUIRE(doc.contexts()->derive("root", "WithCancel", variantMap({{"id", QStringLiteral("c")}})).isEmpty());
    const QString before = doc.files()->serialized();
    QVariantMap p = editor.placeOf("a");
    REQUIRE(p.value("ok").toBool());
    QStringList ids;
    for (const QVariant& v : p.value("parents").toList())
        ids << v.toMap().value("id").toString();
    CHECK(ids == QStringList{"root", "c"}); // not a itself, not b in its subtree
    const Scenario& s = doc.editedScenario();
    const auto at = [&](const std::string& id) {
        for (const ContextSpec& c : s.contexts)
            if (c.id == id)
                return c;
        FAIL("no " << id);
        return ContextSpec{};
    };
    // A context cannot start after its own children: the validator says so, nothing changes.
    CHECK(editor.place("a", "c", "20ms").contains("b"));
    CHECK(doc.files()->serialized() == before);
    REQUIRE(editor.place("b", "c", "20ms").isEmpty());
    CHECK(at("b").parent == "c");
    CHECK(at("b").at == 20 * kMillisecond);
    doc.undo();
    CHECK(doc.files()->serialized() == before); // one undo step for both changes
    REQUIRE(editor.place("a", "c", "0s").isEmpty());
    CHECK(at("a").parent == "c");
    CHECK(at("b").parent == "a"); // the subtree moves along
    doc.undo();
    // Only the time: no move.
    REQUIRE(editor.place("b", "a", "5ms").isEmpty());
    CHECK(at("b").at == 5 * kMillisecond);
    CHECK(at("b").parent == "a");
    CHECK(editor.place("a", "b", "0s").contains("subtree"));
    CHECK_FALSE(editor.placeOf("root").value("ok").toBool());
}

TEST_CASE("editor: every behaviour of the task dialog makes a task the core accepts", "[editor]") {
    ensureApp();
    Document doc;
    doc.files()->newScenario();
    ScenarioEditor editor;
    editor.setDocument(&doc);
    const QStringList presets = editor.taskPresets();
    REQUIRE(presets.size() == 6);
    const QVariantMap params{{"duration", "150ms"}, {"poll", "40ms"}, {"budget", "100ms"}, {"children", 3}};
    for (int i = 0; i < presets.size(); ++i) {
        INFO(presets[i].toStdString());
        const QVariantList steps = editor.presetSteps(i, params);
        REQUIRE_FALSE(steps.isEmpty());
        CHECK(editor.stepsProblem(steps).isEmpty());
        CHECK(doc.contexts()->startTask("root", {{"steps", steps}}).isEmpty());
    }
    // Three children spawned, then the wait for them; a typo in D is the step's problem.
    const QVariantList fanOut = editor.presetSteps(4, params);
    CHECK(fanOut.size() == 5);
    CHECK(fanOut.last().toMap().value("what") == "children");
    CHECK_FALSE(editor.stepsProblem(editor.presetSteps(0, {{"duration", "150 ms"}})).isEmpty());
    CHECK(editor.presetSteps(99, params).isEmpty());
}

TEST_CASE("editor: a scenario with thousands of timed actions lists the first rows and says how many", "[editor]") {
    ensureApp();
    Scenario s;
    s.name = "many actions";
    ContextSpec root;
    root.id = "root";
    root.kind = ContextKind::Background;
    s.contexts.push_back(root);
    for (int i = 0; i < 1200; ++i) {
        ContextSpec c;
        c.id = "c" + std::to_string(i);
        c.kind = i % 2 ? ContextKind::WithCancelCause : ContextKind::WithCancel;
        c.parent = "root";
        s.contexts.push_back(c);
        Action a;
        a.at = (i + 1) * kMillisecond;
        a.target = c.id;
        s.actions.push_back(a);
    }
    Document doc;
    doc.setScenario(s, QString());
    ScenarioEditor editor;
    editor.setDocument(&doc);
    CHECK(editor.actionCount() == 1200);
    const QVariantList rows = editor.actions();
    REQUIRE(rows.size() == ScenarioEditor::kListedRows);
    CHECK(rows[1].toMap().value("takesCause").toBool());      // c1 is a WithCancelCause
    CHECK_FALSE(rows[0].toMap().value("takesCause").toBool());
    CHECK(rows.last().toMap().value("index").toInt() == ScenarioEditor::kListedRows - 1);
}
