// The loader reads a plain context element straight from the text (core/src/formats/
// plain_context.h) and any other through a json::Value (Loader::readContext). Whichever reads it,
// the loaded scenario and every problem, position included, must be the same. Each case here is
// loaded twice: as written, and with a key spelled with an escape ("l\u0061bel"), which no fast
// path takes, so the second load is the full reader's.
#include "ctxscope/formats/scenario_io.h"

#include <catch2/catch.hpp>

#include <string>

using namespace ctxscope;

namespace {

// The element's members go first and the label last, so the escape moves no other position.
std::string document(const std::string& members, bool escaped)
{
    return "{\"ctxscope\": 1, \"name\": \"plain\", \"contexts\": [\n"
           "  {\"id\": \"root\", \"kind\": \"Background\"},\n"
           "  {\"id\": \"late\", \"kind\": \"WithCancel\", \"parent\": \"root\", \"at\": \"50ms\"},\n"
           "  {" +
           members + (members.empty() ? "" : ", ") + (escaped ? "\"l\\u0061bel\"" : "\"label\"") +
           ": \"L\"}\n],\n"
           "\"tasks\": [{\"id\": \"t\", \"context\": \"root\", \"steps\": [{\"derive\": {\"id\": \"d\", \"kind\": "
           "\"WithCancel\"}}]}]}";
}

std::string describe(const LoadResult& r)
{
    std::string out;
    for (const Problem& p : r.problems)
        out += formatProblem("f", p) + "\n";
    return out;
}

} // namespace

TEST_CASE("a context read straight from the text loads exactly as through a JSON value", "[scenario_io]")
{
    const char* const cases[] = {
        // accepted by the fast path
        R"("id": "a", "kind": "WithCancel", "parent": "root")",
        R"("kind": "WithCancelCause", "parent": "root", "id": "a", "at": "1.5ms")",
        R"("id": "a", "kind": "WithTimeout", "parent": "root", "timeout": "5ms")",
        R"("id": "a", "kind": "WithTimeoutCause", "parent": "root", "timeout": "1h2m", "cause": "slow")",
        R"("id": "a", "kind": "WithDeadline", "parent": "root", "deadline": "500us")",
        R"("id": "a", "kind": "WithDeadlineCause", "parent": "root", "deadline": "0s", "cause": "late")",
        R"("id": "a", "kind": "WithValue", "parent": "root", "key": "k", "value": "v")",
        R"("id": "a", "kind": "WithValue", "parent": "root", "key": "k", "value": "", "key_type": "myKey")",
        R"("id": "a", "kind": "WithoutCancel", "parent": "root")",
        R"("id": "a", "kind": "TODO")",
        "\"id\":\n\"a\" ,\r\n\t\"kind\" : \"WithCancel\",\"parent\":\"root\"",
        // valid, but not plain: the full reader takes them
        R"("id": "a", "kind": "WithValue", "parent": "root", "key": "k", "value": 7.50)",
        R"("id": "a", "kind": "WithValue", "parent": "root", "key": "k", "value": null)",
        R"("id": "a", "kind": "WithValue", "parent": "root", "key": "k", "value": true)",
        R"("id": "a", "kind": "Background", "parent": null)",
        R"("id": "\u0061", "kind": "WithCancel", "parent": "root")",
        // problems the loader finds
        R"("id": "a", "kind": "WithTimeout", "parent": "root")",
        R"("id": "a", "kind": "WithCancel", "parent": "root", "timeout": "5ms")",
        R"("id": "a", "kind": "WithTimeout", "parent": "root", "timeout": "5")",
        R"("id": "a", "kind": "WithTimeout", "parent": "root", "timeout": 5)",
        R"("id": "a", "kind": "WithTimeout", "parent": "root", "timeout": "")",
        R"("id": "a", "kind": "WithDeadline", "parent": "root")",
        R"("id": "a", "kind": "WithDeadlineCause", "parent": "root", "deadline": "1s")",
        R"("id": "a", "kind": "WithTimeoutCause", "parent": "root", "cause": "x")",
        R"("id": "a", "kind": "WithCancel", "parent": "root", "deadline": "1s")",
        R"("id": "a", "kind": "WithCancel", "parent": "root", "cause": "x")",
        R"("id": "a", "kind": "WithCancel", "parent": "root", "key": "k")",
        R"("id": "a", "kind": "WithCancel", "parent": "root", "value": "v")",
        R"("id": "a", "kind": "WithCancel", "parent": "root", "key_type": "k")",
        R"("id": "a", "kind": "WithValue", "parent": "root", "value": "v")",
        R"("id": "a", "kind": "WithValue", "parent": "root", "key": "k")",
        R"("id": "a", "kind": "WithCancl", "parent": "root")",
        R"("id": "a", "kind": "withcancel", "parent": "root", "timeout": "1s")",
        R"("id": "a", "kind": 3, "parent": "root")",
        R"("id": "a", "parent": "root")",
        R"("kind": "WithCancel", "parent": "root")",
        R"("parnt": "root", "id": "a", "kind": "WithCancel")",
        R"("id": "a", "kind": "WithCancel", "parent": "root", "at": "-1ms")",
        R"("id": "a", "kind": "WithCancel", "parent": "root", "at": "1 ms")",
        R"("id": "a", "kind": "WithCancel", "parent": "late")",
        // problems the validator finds
        R"("id": "1a", "kind": "WithCancel", "parent": "root")",
        R"("id": "", "kind": "WithCancel", "parent": "root")",
        "\"id\": \"\xC3\xA9\", \"kind\": \"WithCancel\", \"parent\": \"root\"",
        R"("id": "root", "kind": "WithCancel", "parent": "root")",
        R"("id": "d", "kind": "WithCancel", "parent": "root")",
        R"("id": "a", "kind": "WithCancel", "parent": "d")",
        R"("id": "a", "kind": "WithCancel", "parent": "nope")",
        R"("id": "a", "kind": "WithCancel", "parent": "a")",
        R"("id": "a", "kind": "WithCancel")",
        R"("id": "a", "kind": "WithCancel", "parent": "")",
        R"("id": "a", "kind": "Background", "parent": "root")",
        R"("id": "a", "kind": "WithValue", "parent": "root", "key": "k", "value": "v", "key_type": "not go")",
        R"("id": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "kind": "TODO")",
        "",
    };
    for (const char* members : cases) {
        INFO(members);
        const LoadResult plain = parseScenario(document(members, false));
        const LoadResult full = parseScenario(document(members, true));
        CHECK(describe(plain) == describe(full));
        CHECK(plain.scenario.has_value() == full.scenario.has_value());
        if (plain.scenario && full.scenario)
            CHECK(*plain.scenario == *full.scenario);
    }
}
