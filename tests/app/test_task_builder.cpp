// TaskBuilder: the task dialog's step maps, nested spawns included, become scenario steps, and a
// bad step is named by its nested position.
#include "apptestutil.h"
#include "ctxscope/engine/duration.h"
#include "taskbuilder.h"

#include <catch2/catch.hpp>

#include <QVariantMap>

#include <memory>

using namespace ctxscope;

namespace {

constexpr auto step = &variantMap;

QVariantMap work(const char* d) { return step({{"op", "work"}, {"duration", d}}); }

QVariantMap spawn(QVariantList steps) { return step({{"op", "spawn"}, {"steps", steps}}); }

TaskBuilder counting() {
    TaskBuilder b;
    auto n = std::make_shared<int>(0);
    b.freshTaskId = [n](const std::string& base) { return base + std::to_string(++*n); };
    b.freshContextId = [n](const std::string& base) { return base + std::to_string(++*n); };
    return b;
}

} // namespace

TEST_CASE("nested spawns become nested tasks with their own steps, derives included", "[taskbuilder]") {
    const QVariantList list{
        work("10ms"),
        spawn({step({{"op", "derive"}, {"kind", "WithValue"}, {"key", "user"}, {"value", "7"}, {"valueType", "number"}}),
               spawn({work("5ms"), step({{"op", "value"}, {"key", "user"}})}),
               step({{"op", "await"}, {"what", "children"}})}),
    };
    QString error;
    const auto steps = counting().steps(list, &error);
    REQUIRE(steps.has_value());
    CHECK(error.isEmpty());
    REQUIRE(steps->size() == 2);
    const TaskSpec& outer = steps->at(1).spawn.at(0);
    REQUIRE(outer.steps.size() == 3);
    CHECK(outer.steps[0].derive.at(0).kind == ContextKind::WithValue);
    CHECK(outer.steps[0].derive.at(0).value == Scalar::number("7"));
    const TaskSpec& inner = outer.steps[1].spawn.at(0);
    REQUIRE(inner.steps.size() == 2);
    CHECK(inner.steps[0].duration == 5 * kMillisecond);
    CHECK(inner.steps[1].text == "user");
    CHECK(outer.steps[2].await == AwaitKind::Children);
    CHECK(outer.id != inner.id);
}

TEST_CASE("a bad nested step is named by its position in the nesting", "[taskbuilder]") {
    TaskBuilder b = counting();
    QString error;
    CHECK_FALSE(b.steps({work("1ms"), spawn({work("2ms"), work("soon")})}, &error).has_value());
    CHECK(error.startsWith("step 2.2: duration \"soon\""));

    CHECK_FALSE(b.steps({spawn({spawn({work("1ms"), step({{"op", "derive"}, {"kind", "WithTimeout"}, {"timeout", "x"}})})})}, &error).has_value());
    CHECK(error.startsWith("step 1.1.2: timeout \"x\""));

    CHECK_FALSE(b.steps({work("1ms"), work("1ms"), spawn({step({{"op", "derive"}, {"kind", "WithValue"}, {"key", ""}})})}, &error).has_value());
    CHECK(error == "step 3.1: derive: a WithValue needs a key");

    CHECK_FALSE(b.steps({work("nope")}, &error).has_value());
    CHECK(error.startsWith("step 1: duration"));
}
