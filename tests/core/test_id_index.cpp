// IdIndex: addRange finds the same rows as one add per row, duplicates included.
#include "ctxscope/engine/id_index.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace ctxscope;

namespace {
struct Row {
    std::string id;
};
} // namespace

TEST_CASE("IdIndex::addRange indexes as one add per row does: the first row with an id wins", "[id_index]")
{
    std::vector<Row> rows;
    for (int i = 0; i < 3000; ++i)
        rows.push_back({"c" + std::to_string(i % 2500)}); // rows 2500.. repeat ids of 0..499
    rows.push_back({""});
    rows.push_back({"c7"});

    IdIndex one;
    for (std::uint32_t r = 0; r < rows.size(); ++r)
        one.add(rows, r);
    IdIndex range;
    range.add(rows, 7); // already there: addRange must keep row 7 for "c7"
    range.addRange(rows, 0, static_cast<std::uint32_t>(rows.size()));
    CHECK(range.size() == one.size());
    CHECK(range.size() == 2501);
    for (const Row& row : rows)
        CHECK(range.find(rows, row.id) == one.find(rows, row.id));
    CHECK(range.find(rows, "c7") == 7);
    CHECK(range.find(rows, "c2600") == kNone);

    IdIndex small; // grows from empty, a range shorter than the look-ahead
    small.addRange(rows, 10, 13);
    CHECK(small.size() == 3);
    CHECK(small.find(rows, "c11") == 11);
    CHECK(small.find(rows, "c13") == kNone);
}
