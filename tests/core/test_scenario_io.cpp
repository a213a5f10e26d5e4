#include "ctxscope/formats/atomic_file.h"
#include "ctxscope/formats/json.h"
#include "ctxscope/formats/scenario_io.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace ctxscope;
namespace fs = std::filesystem;

namespace {

const fs::path kBadDir = fs::path(CTXSCOPE_TEST_DATA) / "bad";
const fs::path kConformanceDir = fs::path(CTXSCOPE_SOURCE_DIR) / ".." / "shared" / "conformance" / "cases";

std::string slurp(const fs::path& p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        out.push_back(line);
    return out;
}

std::vector<fs::path> filesIn(const fs::path& dir, const std::string& ext)
{
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() == ext)
            out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string messages(const LoadResult& r)
{
    std::string s;
    for (const Problem& p : r.problems)
        s += formatProblem("f", p) + "\n";
    return s;
}

Scenario loadOk(std::string_view text)
{
    LoadResult r = parseScenario(text);
    INFO(messages(r));
    REQUIRE(r.problems.empty());
    REQUIRE(r.scenario.has_value());
    return *r.scenario;
}

ContextSpec mkContext(std::string id, ContextKind kind, std::string parent = {}, Nanos at = 0)
{
    ContextSpec c;
    c.id = std::move(id);
    c.kind = kind;
    c.parent = std::move(parent);
    c.at = at;
    return c;
}

Step mkStep(StepOp op)
{
    Step st;
    st.op = op;
    return st;
}

Step mkWork(Nanos d, Watch watch = Watch::Done, Nanos poll = 0)
{
    Step st = mkStep(StepOp::Work);
    st.duration = d;
    st.watch = watch;
    st.pollEvery = poll;
    return st;
}

TaskSpec mkTask(std::string id, std::string context, std::vector<Step> steps)
{
    TaskSpec t;
    t.id = std::move(id);
    t.context = std::move(context);
    t.steps = std::move(steps);
    return t;
}

Action mkAction(Nanos at, ActionOp op, std::string target, std::optional<std::string> cause = std::nullopt)
{
    Action a;
    a.at = at;
    a.op = op;
    a.target = std::move(target);
    a.cause = std::move(cause);
    return a;
}

// A scenario that uses every part of the format, built in code.
Scenario everything()
{
    Scenario s;
    s.name = "every feature";
    s.description = "Markdown *here*\nwith \"quotes\" and \xC3\xA9";
    s.seed = -42;
    s.cancelOrder = CancelOrder::Random;
    s.until = 5 * kSecond;

    ContextSpec req = mkContext("req", ContextKind::WithCancelCause, "root");
    req.label = "request";
    ContextSpec t = mkContext("t", ContextKind::WithTimeoutCause, "req", 10 * kMillisecond);
    t.timeout = 200 * kMillisecond;
    t.cause = "budget spent";
    ContextSpec d = mkContext("d", ContextKind::WithDeadline, "t", 10 * kMillisecond);
    d.deadline = 1500 * kMillisecond;
    ContextSpec v = mkContext("v", ContextKind::WithValue, "d", 10 * kMillisecond);
    v.key = "user";
    v.value = Scalar::number("7.50");
    v.keyType = "string";
    s.contexts = {mkContext("root", ContextKind::Background), mkContext("todo", ContextKind::TODO, "", 3 * kMillisecond),
                  req, t, d, v, mkContext("w", ContextKind::WithoutCancel, "v", 10 * kMillisecond)};

    Step derive = mkStep(StepOp::Derive);
    ContextSpec db = mkContext("db", ContextKind::WithTimeout);
    db.timeout = 80 * kMillisecond;
    derive.derive = {db};
    derive.deferCancel = false;
    Step child = mkStep(StepOp::Spawn);
    TaskSpec query = mkTask("query", "", {mkWork(300 * kMillisecond, Watch::Poll, 50 * kMillisecond), mkStep(StepOp::Await)});
    query.label = "SELECT";
    child.spawn = {query};
    Step other = mkStep(StepOp::Spawn);
    other.spawn = {mkTask("side", "w", {mkWork(kSecond, Watch::None)})};
    Step awaitList = mkStep(StepOp::Await);
    awaitList.await = AwaitKind::List;
    awaitList.awaitIds = {"query", "side"};
    Step awaitChildren = mkStep(StepOp::Await);
    awaitChildren.await = AwaitKind::Children;
    Step af = mkStep(StepOp::AfterFunc);
    Step log = mkStep(StepOp::Log);
    log.text = "cleaning";
    AfterFuncSpec inner;
    inner.id = "inner";
    inner.steps = {log};
    af.afterFunc = {inner};
    Step stop = mkStep(StepOp::StopAfterFunc);
    stop.target = "inner";
    Step cancel = mkStep(StepOp::Cancel);
    cancel.target = "req";
    cancel.cause = "done here";
    Step cancelDb = mkStep(StepOp::Cancel);
    cancelDb.target = "db";
    Step value = mkStep(StepOp::Value);
    value.text = "user";
    value.keyType = "string";
    Step plainValue = mkStep(StepOp::Value);
    plainValue.text = "trace";
    Step fail = mkStep(StepOp::Fail);
    fail.text = "boom";
    TaskSpec handler = mkTask("handler", "v",
                              {derive, child, other, awaitList, awaitChildren, af, stop, value, plainValue, cancelDb,
                               cancel, fail});
    handler.at = 20 * kMillisecond;
    handler.label = "GET /users";
    s.tasks = {handler};

    AfterFuncSpec cleanup;
    cleanup.id = "cleanup";
    cleanup.context = "req";
    cleanup.at = 1 * kMillisecond;
    cleanup.label = "tidy";
    cleanup.steps = {mkWork(5 * kMillisecond)};
    s.afterFuncs = {cleanup};
    s.actions = {mkAction(150 * kMillisecond, ActionOp::Cancel, "req", "client went away"),
                 mkAction(40 * kMillisecond, ActionOp::StopAfterFunc, "cleanup"), mkAction(0, ActionOp::Cancel, "t")};
    using K = Expectation::Kind;
    s.expect = {
        Expectation{K::Context, "req", "", {{"err", Scalar::string("context canceled")}, {"done_at", Scalar::string("150ms")}, {"deadline", Scalar::null()}}},
        Expectation{K::Task, "query", "", {{"result", Scalar::string("context deadline exceeded")}, {"ended_at", Scalar::string("100ms")}}},
        Expectation{K::AfterFunc, "cleanup", "", {{"ran_at", Scalar::null()}, {"stopped", Scalar::boolean(true)}}},
        Expectation{K::Lookup, "user", "handler", {{"found", Scalar::boolean(true)}, {"value", Scalar::number("7.50")}}},
        Expectation{K::Lint, "lostcancel", "db", {}},
        Expectation{K::Lint, "goroutine-leak", "", {}},
        Expectation{K::NoLints, "", "", {}},
        Expectation{K::Stopped, "horizon", "", {}},
    };
    return s;
}

} // namespace

TEST_CASE("every bad file in the gallery is rejected with exactly the expected problems")
{
    const std::vector<fs::path> files = filesIn(kBadDir, ".json");
    REQUIRE(files.size() >= 33);
    for (const fs::path& file : files) {
        fs::path expectedFile = file;
        expectedFile.replace_extension(".expected");
        INFO("file: " << file.filename().string());
        REQUIRE(fs::exists(expectedFile));
        const std::vector<std::string> want = lines(slurp(expectedFile));
        REQUIRE_FALSE(want.empty());

        LoadResult r = loadScenarioFile(file.string());
        CHECK_FALSE(r.scenario.has_value());
        std::vector<std::string> got;
        for (const Problem& p : r.problems)
            got.push_back(formatProblem(file.filename().string(), p));
        CHECK(got == want);
    }
}

TEST_CASE("every valid conformance case loads and round-trips through the canonical form")
{
    const std::vector<fs::path> files = filesIn(kConformanceDir, ".json");
    REQUIRE(files.size() >= 20);
    int checked = 0;
    for (const fs::path& file : files) {
        if (file.filename().string().rfind("invalid-", 0) == 0)
            continue;
        INFO("case: " << file.filename().string());
        LoadResult first = loadScenarioFile(file.string());
        INFO(messages(first));
        REQUIRE(first.problems.empty());
        REQUIRE(first.scenario.has_value());

        const std::string saved = serializeScenario(*first.scenario);
        LoadResult second = parseScenario(saved);
        INFO(messages(second));
        REQUIRE(second.scenario.has_value());
        CHECK(*second.scenario == *first.scenario);
        CHECK(serializeScenario(*second.scenario) == saved);

        // The canonical form means the same as the original, key for key, as a JSON document.
        json::ParseResult original = json::parse(slurp(file));
        json::ParseResult canonical = json::parse(saved);
        REQUIRE(original.ok());
        REQUIRE(canonical.ok());
        CHECK(canonical.value->find("ctxscope")->text == "1");
        CHECK(canonical.value->find("name")->text == original.value->find("name")->text);
        ++checked;
    }
    CHECK(checked >= 20);
}

TEST_CASE("every invalid conformance case is rejected with a message that says what is wrong")
{
    struct Case {
        const char* file;
        const char* expected;
    };
    const Case cases[] = {
        {"invalid-duration-number.json",
         "f: contexts[1].timeout: expected a duration, found the number 200: durations are strings such as \"250ms\" (line 13, column 18)"},
        {"invalid-json-syntax.json", "f: unexpected end of input: the document stops inside an array (line 3, column 1)"},
        {"invalid-nil-parent.json",
         "f: contexts[0].parent: WithCancel needs a parent: Go panics with \"cannot create context from nil parent\" (SA1012) (line 5, column 5)"},
        {"invalid-unknown-key.json",
         "f: contexts[1].timout: unknown key \"timout\" in a context (did you mean \"timeout\"?) (line 13, column 7)"},
        {"invalid-unknown-parent.json", "f: contexts[1].parent: unknown parent \"nope\" (line 12, column 17)"},
        {"invalid-version.json", "f: ctxscope: unsupported format version 2: this build reads version 1 (line 2, column 15)"},
    };
    for (const Case& c : cases) {
        INFO("case: " << c.file);
        LoadResult r = loadScenarioFile((kConformanceDir / c.file).string());
        CHECK_FALSE(r.scenario.has_value());
        CHECK(messages(r) == std::string(c.expected) + "\n");
    }
}

TEST_CASE("serializeScenario writes the canonical form: fixed key order, defaults left out")
{
    Scenario s;
    s.name = "small";
    ContextSpec req = mkContext("req", ContextKind::WithTimeout, "root", 50 * kMillisecond);
    req.label = "request";
    req.timeout = 1500 * kMillisecond;
    s.contexts = {mkContext("root", ContextKind::Background), req};
    s.tasks = {mkTask("h", "req", {mkWork(100 * kMicrosecond)})};
    s.actions = {mkAction(0, ActionOp::Cancel, "req")};
    s.expect = {Expectation{Expectation::Kind::Task, "h", "", {{"result", Scalar::string("ok")}}}};
    CHECK(serializeScenario(s) == R"({
  "ctxscope": 1,
  "name": "small",
  "contexts": [
    {
      "id": "root",
      "kind": "Background"
    },
    {
      "id": "req",
      "kind": "WithTimeout",
      "parent": "root",
      "at": "50ms",
      "label": "request",
      "timeout": "1.5s"
    }
  ],
  "tasks": [
    {
      "id": "h",
      "context": "req",
      "steps": [
        {
          "work": "100µs"
        }
      ]
    }
  ],
  "actions": [
    {
      "at": "0s",
      "cancel": "req"
    }
  ],
  "expect": [
    {
      "task": "h",
      "result": "ok"
    }
  ]
}
)");
}

TEST_CASE("a scenario using every feature survives save and load unchanged")
{
    const Scenario s = everything();
    REQUIRE(validateScenario(s).empty());
    const std::string text = serializeScenario(s);
    const Scenario back = loadOk(text);
    CHECK(back == s);
    CHECK(serializeScenario(back) == text);
    // Spot checks of the spelling, so a symmetric mistake in save and load cannot hide.
    CHECK(text.find("\"seed\": -42") != std::string::npos);
    CHECK(text.find("\"cancel_order\": \"random\"") != std::string::npos);
    CHECK(text.find("\"until\": \"5s\"") != std::string::npos);
    CHECK(text.find("\"value\": 7.50,\n      \"key_type\": \"string\"") != std::string::npos);
    CHECK(text.find("\"defer_cancel\": false") != std::string::npos);
    CHECK(text.find("\"watch\": \"50ms\"") != std::string::npos);
    CHECK(text.find("\"watch\": \"none\"") != std::string::npos);
    CHECK(text.find("\"cause\": \"done here\"") != std::string::npos);
    CHECK(text.find("\"no_lints\": true") != std::string::npos);
    CHECK(text.find("\"lookup\": \"user\",\n      \"task\": \"handler\"") != std::string::npos);
}

TEST_CASE("files that differ only in key order, spacing and duration spelling load to equal scenarios")
{
    const Scenario a = loadOk(R"({"ctxscope": 1, "name": "n", "contexts": [
        {"id": "root", "kind": "Background"},
        {"id": "t", "kind": "WithTimeout", "parent": "root", "timeout": "200ms", "at": "0s"}],
        "tasks": [{"id": "x", "context": "t", "steps": [{"work": "1000ms", "watch": "done"}]}],
        "seed": 1, "cancel_order": "creation",
        "expect": [{"context": "t", "done_at": "0.2s", "err": null}]})");
    const Scenario b = loadOk(R"({
        "expect": [{"context": "t", "done_at": "200ms", "err": null}],
        "tasks": [{"steps": [{"watch": "done", "work": "1s"}], "context": "t", "id": "x"}],
        "contexts": [{"kind": "Background", "id": "root"},
                     {"at": "0", "timeout": ".2s", "parent": "root", "kind": "WithTimeout", "id": "t"}],
        "name": "n", "ctxscope": 1})");
    CHECK(a == b);
    CHECK(serializeScenario(a) == serializeScenario(b));
}

TEST_CASE("expectation fields keep their file order and times their canonical spelling")
{
    const Scenario s = loadOk(R"({"ctxscope": 1, "name": "n",
        "contexts": [{"id": "root", "kind": "Background"}],
        "expect": [{"context": "root", "deadline": null, "done_at": "1000ms", "err": "context canceled"}]})");
    REQUIRE(s.expect.size() == 1);
    const auto& f = s.expect[0].fields;
    REQUIRE(f.size() == 3);
    CHECK(f[0].first == "deadline");
    CHECK(f[0].second == Scalar::null());
    CHECK(f[1].first == "done_at");
    CHECK(f[1].second == Scalar::string("1s"));
    CHECK(f[2].first == "err");
}

TEST_CASE("a UTF-8 byte order mark before the document is accepted")
{
    const Scenario s = loadOk("\xEF\xBB\xBF{\"ctxscope\": 1, \"name\": \"bom\"}");
    CHECK(s.name == "bom");
}

TEST_CASE("problems come in document order and all of them are listed")
{
    LoadResult r = parseScenario(R"({"ctxscope": 1, "name": "n",
        "contexts": [{"id": "c", "kind": "WithCancel"}, {"id": "c", "kind": "WithTimeout", "parent": "c", "timeout": 5}],
        "actions": [{"at": "1s", "cancel": "nope"}]})");
    REQUIRE(r.problems.size() == 5);
    for (std::size_t i = 1; i < r.problems.size(); ++i) {
        const Problem& a = r.problems[i - 1];
        const Problem& b = r.problems[i];
        CHECK((a.line < b.line || (a.line == b.line && a.column <= b.column)));
    }
    CHECK(r.problems[0].path == "contexts[0].parent");
    CHECK(r.problems[1].path == "contexts[1].id");
    CHECK(r.problems[2].path == "contexts[1].parent"); // "c" is its own parent: the id it names is its own
    CHECK(r.problems[3].path == "contexts[1].timeout");
    CHECK(r.problems[4].path == "actions[0].cancel");
}

TEST_CASE("a file with thousands of problems lists the first thousand and says how many more")
{
    std::string text = R"({"ctxscope": 1, "name": "n", "contexts": [)";
    for (int i = 0; i < 1500; ++i)
        text += std::string(i ? "," : "") + R"({"id": "c)" + std::to_string(i) + R"(", "kind": "WithCancel"})";
    text += "]}";
    LoadResult r = parseScenario(text);
    REQUIRE(r.problems.size() == 1001);
    CHECK(r.problems.back().message == "500 more problems not shown");
    CHECK(r.problems.front().path == "contexts[0].parent");
}

TEST_CASE("a large scenario loads and round-trips")
{
    Scenario s;
    s.name = "large";
    s.contexts.push_back(mkContext("root", ContextKind::Background));
    auto name = [](int i) {
        std::string n = "c";
        n += std::to_string(i);
        return n;
    };
    for (int i = 1; i < 20000; ++i) {
        ContextSpec c = mkContext(name(i), i % 2 ? ContextKind::WithCancel : ContextKind::WithTimeout,
                                  i < 10 ? std::string("root") : name(i / 10));
        c.timeout = i % 2 ? 0 : i * kMillisecond;
        s.contexts.push_back(c);
    }
    const std::string text = serializeScenario(s);
    const Scenario back = loadOk(text);
    CHECK(back == s);
}

TEST_CASE("formatProblem renders FILE: PATH: message (line L, column C)")
{
    CHECK(formatProblem("a.json", Problem{"contexts[3].timeout", "bad", 4, 7}) ==
          "a.json: contexts[3].timeout: bad (line 4, column 7)");
    CHECK(formatProblem("a.json", Problem{"", "unexpected end of input", 1, 1}) ==
          "a.json: unexpected end of input (line 1, column 1)");
    CHECK(formatProblem("a.json", Problem{"", "cannot open a.json: No such file or directory", 0, 0}) ==
          "a.json: cannot open a.json: No such file or directory");
}

TEST_CASE("loading a missing file is one problem without a path")
{
    LoadResult r = loadScenarioFile("/nonexistent/dir/x.ctxscope.json");
    CHECK_FALSE(r.scenario.has_value());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].path.empty());
    CHECK(r.problems[0].message == "cannot open /nonexistent/dir/x.ctxscope.json: No such file or directory");
}

TEST_CASE("saveScenarioFile writes the canonical text and leaves no temporary file behind")
{
    const fs::path dir = fs::temp_directory_path() / "ctxscope-test-save";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path file = dir / "s.ctxscope.json";
    std::string error;
    const Scenario s = everything();
    REQUIRE(saveScenarioFile(file.string(), s, &error));
    CHECK(error.empty());
    CHECK(slurp(file) == serializeScenario(s));
    LoadResult r = loadScenarioFile(file.string());
    REQUIRE(r.scenario.has_value());
    CHECK(*r.scenario == s);
    // Overwrite with a different scenario.
    Scenario t;
    t.name = "second";
    REQUIRE(saveScenarioFile(file.string(), t, &error));
    CHECK(slurp(file) == serializeScenario(t));
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    fs::remove_all(dir);
}

TEST_CASE("a failed save leaves the existing target as it was and reports why")
{
    const fs::path dir = fs::temp_directory_path() / "ctxscope-test-save-fail";
    fs::remove_all(dir);
    fs::create_directories(dir / "target" / "inside");
    std::string error;
    // The target is a non-empty directory: refused before anything is written.
    CHECK_FALSE(writeFileAtomically((dir / "target").string(), "data", &error));
    CHECK(error.find("cannot write") == 0);
    CHECK(error.find("directory") != std::string::npos);
    CHECK(fs::is_directory(dir / "target" / "inside"));
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    // A directory that does not exist.
    error.clear();
    CHECK_FALSE(saveScenarioFile((dir / "missing" / "x.json").string(), Scenario{}, &error));
    CHECK(error.find("cannot create a temporary file in") == 0);
    fs::remove_all(dir);
}

TEST_CASE("readFile refuses files above its size limit")
{
    const fs::path file = fs::temp_directory_path() / "ctxscope-test-readfile.txt";
    {
        std::ofstream out(file, std::ios::binary);
        out << std::string(100, 'x');
    }
    std::string contents;
    std::string error;
    CHECK(readFile(file.string(), &contents, &error, 100));
    CHECK(contents.size() == 100);
    CHECK_FALSE(readFile(file.string(), &contents, &error, 99));
    CHECK(error == "cannot read " + file.string() + ": the file is larger than 99 bytes");
    CHECK_FALSE(readFile(fs::temp_directory_path().string(), &contents, &error));
    CHECK(error.find("it is a directory") != std::string::npos);
    fs::remove(file);
}

TEST_CASE("the JSON Schema of the format is valid JSON and names every top-level key")
{
    const fs::path schemaFile = fs::path(CTXSCOPE_SOURCE_DIR) / "resources" / "scenario.schema.json";
    json::ParseResult r = json::parse(slurp(schemaFile));
    INFO(r.error.message << " at line " << r.error.line);
    REQUIRE(r.ok());
    const json::Value& schema = *r.value;
    CHECK(schema.find("$schema")->text == "https://json-schema.org/draft/2020-12/schema");
    const json::Value* props = schema.find("properties");
    REQUIRE(props);
    for (const char* key : {"ctxscope", "name", "description", "seed", "cancel_order", "until", "contexts", "tasks",
                            "after_funcs", "actions", "expect", "exercise", "predict"})
        CHECK(props->find(key) != nullptr);
    CHECK(schema.find("additionalProperties")->text == "false");
    const json::Value* defs = schema.find("$defs");
    REQUIRE(defs);
    for (const char* def : {"duration", "id", "context", "derivedContext", "task", "spawnedTask", "afterFunc",
                            "innerAfterFunc", "step", "action", "expectation", "exercise", "solution",
                            "predictQuestion"})
        CHECK(defs->find(def) != nullptr);
}

namespace {

// An exercise over a small scenario: the query sleeps through its deadline (shipped), the
// solution makes it watch ctx.Done().
const char* const kExerciseText = R"({
  "ctxscope": 1,
  "name": "exercise",
  "contexts": [
    {"id": "root", "kind": "Background"},
    {"id": "req", "kind": "WithTimeout", "parent": "root", "timeout": "100ms"}
  ],
  "tasks": [
    {"id": "query", "context": "req", "steps": [{"work": "250ms", "watch": "none"}]}
  ],
  "expect": [{"task": "query", "result": "ok"}],
  "exercise": {
    "goal": "Make `query` give up at the deadline.",
    "done_when": [
      {"task": "query", "result": "context deadline exceeded", "ended_at": "0.1s"},
      {"no_lints": true},
      {"lookup": "k", "task": "query", "found": false}
    ],
    "hints": ["first", "second"],
    "solution": {
      "tasks": [{"id": "query", "context": "req", "steps": [{"value": "k"}, {"work": "250ms"}]}],
      "actions": []
    },
    "solution_notes": "Use `select`."
  },
  "predict": [
    {"task": "query", "fields": ["result", "ended_at"]},
    {"lookup": "k", "task": "query", "fields": ["found"]}
  ]
})";

} // namespace

TEST_CASE("an exercise and its predict questions load into the scenario, field by field", "[exercise]")
{
    const Scenario s = loadOk(kExerciseText);
    REQUIRE(s.exercise.has_value());
    const Exercise& ex = *s.exercise;
    CHECK(ex.goal == "Make `query` give up at the deadline.");
    REQUIRE(ex.doneWhen.size() == 3);
    CHECK(ex.doneWhen[0].kind == Expectation::Kind::Task);
    CHECK(ex.doneWhen[0].fields[1] == std::pair<std::string, Scalar>{"ended_at", Scalar::string("100ms")});
    CHECK(ex.doneWhen[1].kind == Expectation::Kind::NoLints);
    CHECK(ex.doneWhen[2].task == "query");
    CHECK(ex.hints == std::vector<std::string>{"first", "second"});
    CHECK_FALSE(ex.solution.contexts.has_value());
    REQUIRE(ex.solution.tasks.has_value());
    CHECK(ex.solution.tasks->front().steps.size() == 2);
    CHECK_FALSE(ex.solution.afterFuncs.has_value());
    REQUIRE(ex.solution.actions.has_value()); // present and empty: "remove every action"
    CHECK(ex.solution.actions->empty());
    CHECK(ex.solutionNotes == "Use `select`.");
    REQUIRE(s.predict.size() == 2);
    CHECK(s.predict[0] == PredictQuestion{Expectation::Kind::Task, "query", "", {"result", "ended_at"}});
    CHECK(s.predict[1] == PredictQuestion{Expectation::Kind::Lookup, "k", "query", {"found"}});
    // expect still describes the shipped version.
    CHECK(s.expect.size() == 1);
}

TEST_CASE("an exercise round-trips: load, save, load gives an equal scenario and the same bytes", "[exercise]")
{
    const Scenario s = loadOk(kExerciseText);
    const std::string saved = serializeScenario(s);
    const Scenario back = loadOk(saved);
    CHECK(back == s);
    CHECK(serializeScenario(back) == saved);
    // The spelling, so that a mistake made the same way by the saver and the loader shows.
    CHECK(saved.find("\"exercise\": {\n    \"goal\": \"Make `query` give up at the deadline.\",\n    \"done_when\": [") !=
          std::string::npos);
    CHECK(saved.find("\"ended_at\": \"100ms\"") != std::string::npos);
    CHECK(saved.find("\"solution\": {\n      \"tasks\": [") != std::string::npos);
    CHECK(saved.find("\"actions\": []\n    },\n    \"solution_notes\": \"Use `select`.\"") != std::string::npos);
    CHECK(saved.find("\"predict\": [\n    {\n      \"task\": \"query\",\n      \"fields\": [\n        \"result\",") !=
          std::string::npos);
    CHECK(saved.find("\"lookup\": \"k\",\n      \"task\": \"query\",\n      \"fields\"") != std::string::npos);
    // exercise and predict come last, in that order.
    CHECK(saved.find("\"expect\": [") < saved.find("\"exercise\": {"));
    CHECK(saved.find("\"exercise\": {") < saved.find("\"predict\": ["));
}

TEST_CASE("an exercise built in code saves without the optional parts and loads back equal", "[exercise]")
{
    Scenario s;
    s.name = "built";
    s.contexts = {mkContext("root", ContextKind::Background)};
    s.tasks = {mkTask("t", "root", {mkWork(kMillisecond)})};
    Exercise ex;
    ex.goal = "g";
    ex.doneWhen = {Expectation{Expectation::Kind::Task, "t", "", {{"ended_at", Scalar::string("2ms")}}}};
    ex.solution.tasks = std::vector<TaskSpec>{mkTask("t", "root", {mkWork(2 * kMillisecond)})};
    s.exercise = ex;
    REQUIRE(validateScenario(s).empty());
    const std::string text = serializeScenario(s);
    CHECK(text.find("hints") == std::string::npos);
    CHECK(text.find("solution_notes") == std::string::npos);
    CHECK(text.find("predict") == std::string::npos);
    CHECK(loadOk(text) == s);
    // A file without the new keys means what it meant before: no exercise, no questions.
    s.exercise.reset();
    const Scenario plain = loadOk(serializeScenario(s));
    CHECK_FALSE(plain.exercise.has_value());
    CHECK(plain.predict.empty());
}

TEST_CASE("a problem only the solution causes is reported where it is, saying so", "[exercise]")
{
    // The solution replaces contexts; the kept task still runs on "req", which it removes.
    std::string text = kExerciseText;
    const std::string from = R"("tasks": [{"id": "query", "context": "req", "steps": [{"value": "k"}, {"work": "250ms"}]}],)";
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), R"("contexts": [{"id": "root", "kind": "Background"}],)");
    LoadResult r = parseScenario(text);
    CHECK_FALSE(r.scenario.has_value());
    const std::string m = messages(r);
    INFO(m);
    CHECK(m.find("f: tasks[0].context: with the solution applied: unknown context \"req\" (line 9, column 32)") != std::string::npos);
    CHECK(m.find("f: exercise.done_when[0]") == std::string::npos); // done_when names "query", which exists
}

TEST_CASE("the validator reports an exercise's empty parts with the shared messages", "[exercise]")
{
    Scenario s = loadOk(kExerciseText);
    s.exercise->goal.clear();
    s.exercise->doneWhen.clear();
    s.exercise->solution = Solution{};
    s.predict.push_back(PredictQuestion{Expectation::Kind::Stopped, "idle", "", {"x"}});
    s.predict.push_back(PredictQuestion{Expectation::Kind::Context, "req", "", {}});
    const std::vector<Problem> problems = validateScenario(s);
    auto has = [&](const std::string& path, ExerciseError e) {
        return std::find(problems.begin(), problems.end(), Problem{path, exerciseMessage(e), 0, 0}) != problems.end();
    };
    CHECK(has("exercise.goal", ExerciseError::GoalEmpty));
    CHECK(has("exercise.done_when", ExerciseError::DoneWhenEmpty));
    CHECK(has("exercise.solution", ExerciseError::SolutionEmpty));
    CHECK(has("predict[2]", ExerciseError::PredictSubject));
    CHECK(has("predict[3].fields", ExerciseError::PredictNoFields));
    CHECK(problems.size() == 5);
}
