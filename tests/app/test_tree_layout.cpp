// The tidy layout: no two boxes overlap, parents sit over their children, siblings keep their
// order, collapse hides a subtree, and deep or cyclic input neither recurses nor hangs.
#include "ctxscope/layout/tree_layout.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <vector>

using namespace ctxscope;

namespace {

constexpr std::uint32_t kRoot = 0xffffffffu;

bool overlap(const TreeLayout& l, const TreeLayoutParams& p, std::size_t a, std::size_t b) {
    return l.x[a] < l.x[b] + p.nodeWidth && l.x[b] < l.x[a] + p.nodeWidth && l.y[a] < l.y[b] + p.nodeHeight &&
           l.y[b] < l.y[a] + p.nodeHeight;
}

std::vector<std::uint32_t> randomForest(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<std::uint32_t> parent(n, kRoot);
    for (std::size_t i = 1; i < n; ++i) {
        if (rng() % 20 == 0)
            continue; // a new root now and then
        // Mostly recent parents (deep, bushy), sometimes any earlier node.
        const std::size_t span = rng() % 3 == 0 ? i : std::min<std::size_t>(i, 6);
        parent[i] = static_cast<std::uint32_t>(i - 1 - rng() % span);
    }
    return parent;
}

} // namespace

TEST_CASE("no two node boxes overlap in a random forest", "[layout]") {
    const TreeLayoutParams p;
    for (unsigned seed = 1; seed <= 20; ++seed) {
        const auto parent = randomForest(300, seed);
        const TreeLayout l = layoutForest(parent, {}, p);
        REQUIRE(l.visibleCount == 300);
        for (std::size_t a = 0; a < parent.size(); ++a)
            for (std::size_t b = a + 1; b < parent.size(); ++b)
                REQUIRE_FALSE(overlap(l, p, a, b));
    }
}

TEST_CASE("a parent is centred over its first and last child, one row above them", "[layout]") {
    const TreeLayoutParams p;
    //      0
    //   1  2  3
    //  4 5     6
    const std::vector<std::uint32_t> parent{kRoot, 0, 0, 0, 1, 1, 3};
    const TreeLayout l = layoutForest(parent, {}, p);
    CHECK(l.x[0] == Approx((l.x[1] + l.x[3]) / 2));
    CHECK(l.x[1] == Approx((l.x[4] + l.x[5]) / 2));
    CHECK(l.x[3] == Approx(l.x[6]));
    CHECK(l.y[1] == Approx(l.y[0] + p.nodeHeight + p.verticalGap));
    CHECK(l.depth[6] == 2);
    // Siblings keep index order left to right.
    CHECK(l.x[1] < l.x[2]);
    CHECK(l.x[2] < l.x[3]);
    CHECK(l.x[4] < l.x[5]);
    // The bounding box starts at 0 and holds every box.
    float minX = 1e9f;
    for (float x : l.x)
        minX = std::min(minX, x);
    CHECK(minX == Approx(0));
    CHECK(l.width >= l.x[6] + p.nodeWidth);
    CHECK(l.rows == 3);
}

TEST_CASE("subtrees pack by their contours rather than by their bounding boxes", "[layout]") {
    // Root 0 has children A=1, B=2, C=3. A and C have four children each; B is a leaf. B only
    // needs room on row 1, so it sits one slot right of A although A's children reach further.
    const TreeLayoutParams p{10, 10, 2, 5};
    const std::vector<std::uint32_t> parent{kRoot, 0, 0, 0, 1, 1, 1, 1, 3, 3, 3, 3};
    const TreeLayout l = layoutForest(parent, {}, p);
    for (std::size_t a = 0; a < parent.size(); ++a)
        for (std::size_t b = a + 1; b < parent.size(); ++b)
            REQUIRE_FALSE(overlap(l, p, a, b));
    const float slot = p.nodeWidth + p.horizontalGap;
    CHECK(l.x[2] - l.x[1] == Approx(slot));
    CHECK(l.x[7] > l.x[2]); // A's last child reaches past B
    CHECK(l.x[8] - l.x[7] == Approx(slot)); // C's children start right after A's
}

TEST_CASE("a collapsed node hides its descendants and still counts its children", "[layout]") {
    const std::vector<std::uint32_t> parent{kRoot, 0, 1, 1, 2, 0};
    std::vector<std::uint8_t> flags(parent.size(), 0);
    flags[1] = kLayoutCollapsed;
    const TreeLayout l = layoutForest(parent, flags);
    CHECK(l.visible[1] == 1);
    CHECK(l.visible[2] == 0);
    CHECK(l.visible[3] == 0);
    CHECK(l.visible[4] == 0);
    CHECK(l.visible[5] == 1);
    CHECK(l.visibleCount == 3);
    CHECK(l.childCount[1] == 2);
    CHECK(l.rows == 2);
}

TEST_CASE("an excluded node takes its subtree with it", "[layout]") {
    const std::vector<std::uint32_t> parent{kRoot, 0, 1, kRoot};
    std::vector<std::uint8_t> flags{0, kLayoutExcluded, 0, 0};
    const TreeLayout l = layoutForest(parent, flags);
    CHECK(l.visible == std::vector<std::uint8_t>{1, 0, 0, 1});
    CHECK(l.x[3] > l.x[0]); // the second root sits to the right of the first
}

TEST_CASE("a chain a million deep lays out without recursion", "[layout]") {
    const std::size_t n = 1'000'000;
    std::vector<std::uint32_t> parent(n);
    parent[0] = kRoot;
    for (std::size_t i = 1; i < n; ++i)
        parent[i] = static_cast<std::uint32_t>(i - 1);
    const TreeLayout l = layoutForest(parent, {});
    CHECK(l.visibleCount == n);
    CHECK(l.rows == n);
    CHECK(l.x[n - 1] == Approx(l.x[0]));
}

TEST_CASE("nodes caught in a parent cycle are not shown and do not hang the layout", "[layout]") {
    const std::vector<std::uint32_t> parent{kRoot, 2, 1, 0};
    const TreeLayout l = layoutForest(parent, {});
    CHECK(l.visible == std::vector<std::uint8_t>{1, 0, 0, 1});
}

TEST_CASE("an empty forest has an empty layout", "[layout]") {
    const TreeLayout l = layoutForest({}, {});
    CHECK(l.visibleCount == 0);
    CHECK(l.width == 0);
    CHECK(l.rows == 0);
}
