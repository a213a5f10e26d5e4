#pragma once
// IdIndex finds a row by its id in a table of rows that each have an `id` string (contexts,
// tasks, after-funcs). Open addressing over row numbers, each slot with 32 bits of the id's
// hash so that a probe past another id rarely has to read that row: no allocation per entry
// and 8 bytes a slot at a load of at most 1/2, where a node-based map spends most of its time in the
// allocator and in cache misses once there are 10^5..10^6 ids. The rows themselves are not
// stored: every call is given the table, so the index stays right when the table is moved or
// copied along with it.
#include "ctxscope/engine/event.h"

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace ctxscope {

class IdIndex {
public:
    std::size_t size() const { return m_size; }

    void reserve(std::size_t n)
    {
        std::size_t cap = 16;
        while (cap < 2 * n)
            cap *= 2;
        if (cap > m_slots.size() && m_size == 0)
            m_slots.assign(cap, Slot{});
    }

    // add indexes rows[row] (rows must already hold it). False, changing nothing, when its id
    // is indexed already: the first row with an id wins.
    template <typename Rows>
    bool add(const Rows& rows, std::uint32_t row)
    {
        if (2 * (m_size + 1) > m_slots.size())
            grow(rows);
        const std::size_t h = hashOf(rows[row].id);
        const std::size_t i = slotOf(rows, rows[row].id, h);
        if (m_slots[i].row != kNone)
            return false;
        m_slots[i] = {row, static_cast<std::uint32_t>(h >> 32)};
        ++m_size;
        return true;
    }

    // addRange is add(rows, r) for each r in [first, last), in that order (the first row with an
    // id wins, as there), with the slot of the row a few ahead fetched meanwhile: at 10^6 ids
    // the slot table is far larger than the cache, and each add alone waits for a miss.
    template <typename Rows>
    void addRange(const Rows& rows, std::uint32_t first, std::uint32_t last)
    {
        if (first >= last)
            return;
        while (2 * (m_size + (last - first)) > m_slots.size())
            grow(rows);
        constexpr std::uint32_t kAhead = 8;
        std::size_t hashes[kAhead];
        const std::size_t mask = m_slots.size() - 1;
        auto fetch = [&](std::uint32_t r) {
            const std::size_t h = hashOf(rows[r].id);
            hashes[(r - first) % kAhead] = h;
            __builtin_prefetch(&m_slots[h & mask]);
        };
        for (std::uint32_t r = first; r < last && r - first < kAhead; ++r)
            fetch(r);
        for (std::uint32_t r = first; r < last; ++r) {
            const std::size_t h = hashes[(r - first) % kAhead];
            if (r + kAhead < last)
                fetch(r + kAhead); // takes the entry h was read from
            const std::size_t i = slotOf(rows, rows[r].id, h);
            if (m_slots[i].row != kNone)
                continue; // indexed already: the first row wins
            m_slots[i] = {r, static_cast<std::uint32_t>(h >> 32)};
            ++m_size;
        }
    }

    // find gives the row with this id, or kNone.
    template <typename Rows>
    std::uint32_t find(const Rows& rows, std::string_view id) const
    {
        if (m_slots.empty())
            return kNone;
        return m_slots[slotOf(rows, id, hashOf(id))].row;
    }

private:
    struct Slot {
        std::uint32_t row = kNone;
        std::uint32_t hashHigh = 0;
    };

    static std::size_t hashOf(std::string_view id)
    {
        // The low bits pick the slot, the high 32 are kept in it: mix so both are good.
        std::uint64_t h = std::hash<std::string_view>{}(id);
        h ^= h >> 29;
        h *= 0xbf58476d1ce4e5b9ull;
        h ^= h >> 32;
        return static_cast<std::size_t>(h);
    }

    template <typename Rows>
    std::size_t slotOf(const Rows& rows, std::string_view id, std::size_t h) const
    {
        const std::size_t mask = m_slots.size() - 1;
        const auto high = static_cast<std::uint32_t>(h >> 32);
        std::size_t i = h & mask;
        while (m_slots[i].row != kNone &&
               (m_slots[i].hashHigh != high || std::string_view(rows[m_slots[i].row].id) != id))
            i = (i + 1) & mask;
        return i;
    }

    template <typename Rows>
    void grow(const Rows& rows)
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 16 : old.size() * 2, Slot{});
        for (const Slot& s : old)
            if (s.row != kNone)
                m_slots[slotOf(rows, rows[s.row].id, hashOf(rows[s.row].id))] = s;
    }

    std::vector<Slot> m_slots;
    std::size_t m_size = 0;
};

} // namespace ctxscope
