#pragma once
// GroupedLists: many short lists of indices (the children of each context, the tasks on each)
// as runs of one array, made by a counting sort. A vector per owner was 10^6 small vectors at
// 10^6 contexts: allocations and 24 bytes each even when empty.
#include <cstdint>
#include <span>
#include <vector>

namespace ctxscope {

struct GroupedLists {
    std::vector<std::uint32_t> start; // the items of owner o: items[start[o] .. start[o + 1])
    std::vector<std::uint32_t> items;

    std::span<const std::uint32_t> of(std::size_t owner) const {
        if (owner + 1 >= start.size())
            return {};
        return {items.data() + start[owner], start[owner + 1] - start[owner]};
    }
    std::span<std::uint32_t> of(std::size_t owner) {
        if (owner + 1 >= start.size())
            return {};
        return {items.data() + start[owner], start[owner + 1] - start[owner]};
    }
};

// groupBy lists the items 0..count-1 by owner(i) for owners below `owners`, in index order
// within an owner; an item whose owner is not below `owners` is left out, or appended to *rest
// when rest is given.
template <typename Owner>
GroupedLists groupBy(std::size_t owners, std::size_t count, Owner owner, std::vector<std::uint32_t>* rest = nullptr) {
    GroupedLists g;
    g.start.assign(owners + 1, 0);
    for (std::size_t i = 0; i < count; ++i)
        if (const std::size_t o = owner(i); o < owners)
            ++g.start[o + 1];
    for (std::size_t o = 0; o < owners; ++o)
        g.start[o + 1] += g.start[o];
    g.items.resize(g.start[owners]);
    std::vector<std::uint32_t> fill(g.start.begin(), g.start.end() - 1);
    for (std::size_t i = 0; i < count; ++i) {
        if (const std::size_t o = owner(i); o < owners)
            g.items[fill[o]++] = static_cast<std::uint32_t>(i);
        else if (rest)
            rest->push_back(static_cast<std::uint32_t>(i));
    }
    return g;
}

} // namespace ctxscope
