#include "ctxscope/engine/context_tree.h"

#include "prefault.h"

#include <algorithm>

namespace ctxscope {

namespace {
// splitmix64: a tiny, fully specified generator, so a seeded "random" cancel order is the
// same on every platform and standard library (std::shuffle's algorithm is not specified).
std::uint64_t nextRandom(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}
} // namespace

void ContextTree::reserve(std::size_t n)
{
    m_kind.reserve(n);
    m_flags.reserve(n);
    m_err.reserve(n);
    m_reason.reserve(n);
    m_parent.reserve(n);
    m_firstChild.reserve(n);
    m_nextSibling.reserve(n);
    m_source.reserve(n);
    m_deadlineFrom.reserve(n);
    m_cause.reserve(n);
    m_deadline.reserve(n);
    if (m_keepDoneAt)
        m_doneAt.reserve(n);
    // Every created context writes a row of each (prefault.h).
    prefault(m_kind);
    prefault(m_flags);
    prefault(m_err);
    prefault(m_reason);
    prefault(m_parent);
    prefault(m_firstChild);
    prefault(m_nextSibling);
    prefault(m_source);
    prefault(m_deadlineFrom);
    prefault(m_cause);
    prefault(m_deadline);
    if (m_keepDoneAt)
        prefault(m_doneAt);
}

void ContextTree::setCancelOrder(CancelOrder order, std::uint64_t seed)
{
    m_order = order;
    m_rng = seed;
}

CtxIndex ContextTree::add(ContextKind kind, CtxIndex parent)
{
    const auto c = static_cast<CtxIndex>(m_kind.size());
    m_kind.push_back(static_cast<std::uint8_t>(kind));
    m_flags.push_back(parent == kNone ? 0 : (m_flags[parent] & kHasDeadline)); // inherited (R17)
    m_err.push_back(static_cast<std::uint8_t>(Err::None));
    m_reason.push_back(static_cast<std::uint8_t>(Reason::None));
    m_parent.push_back(parent);
    m_firstChild.push_back(kNone);
    m_nextSibling.push_back(parent == kNone ? kNone : m_firstChild[parent]);
    m_source.push_back(kNone);
    m_deadlineFrom.push_back(parent == kNone ? kNone : m_deadlineFrom[parent]); // inherited (R17)
    m_cause.push_back(kNone);
    m_deadline.push_back(parent == kNone ? kNoDeadline : m_deadline[parent]);
    if (m_keepDoneAt)
        m_doneAt.push_back(kNever);
    if (parent != kNone)
        m_firstChild[parent] = c;
    return c;
}

void ContextTree::markDone(CtxIndex c, Nanos now, Err err, StrId cause, Reason reason, CtxIndex source)
{
    // Err and cause are recorded together and never change again (R3, R4, R13).
    m_err[c] = static_cast<std::uint8_t>(err);
    m_cause[c] = cause;
    m_reason[c] = static_cast<std::uint8_t>(reason);
    m_source[c] = source;
    if (m_keepDoneAt)
        m_doneAt[c] = now;
}

CtxIndex ContextTree::background(Nanos /*now: a root is never done*/, ContextKind kind)
{
    return add(kind, kNone);
}

CtxIndex ContextTree::withCancel(CtxIndex parent, Nanos now, ContextKind kind)
{
    const CtxIndex c = add(kind, parent);
    m_flags[c] |= kCancellable;
    if (isDone(parent)) // R16: born done, with the parent's err and cause
        markDone(c, now, err(parent), m_cause[parent], Reason::Parent, m_source[parent]);
    return c;
}

CtxIndex ContextTree::withDeadline(CtxIndex parent, Nanos now, Nanos deadline, StrId deadlineCause,
                                   ContextKind kind)
{
    const CtxIndex c = add(kind, parent);
    m_flags[c] |= kCancellable;
    if (hasDeadline(parent) && m_deadline[parent] < deadline) {
        // R27: the parent's deadline is earlier, so Go returns WithCancel(parent): the parent's
        // deadline, no timer of its own, the supplied cause dropped.
        m_flags[c] |= kDegraded;
        if (isDone(parent))
            markDone(c, now, err(parent), m_cause[parent], Reason::Parent, m_source[parent]);
        return c;
    }
    m_deadline[c] = deadline;
    m_flags[c] |= kOwnDeadline | kHasDeadline;
    m_deadlineFrom[c] = c;
    if (isDone(parent)) {
        // R16 comes before R30: a past deadline under a canceled parent reports Canceled.
        markDone(c, now, err(parent), m_cause[parent], Reason::Parent, m_source[parent]);
    } else if (deadline <= now) {
        // R30, R33: "passed" means now >= d; done before the constructor returns.
        markDone(c, now, Err::DeadlineExceeded, deadlineCause == kNone ? kStrDeadlineExceeded : deadlineCause,
                 Reason::Deadline, c);
    } else {
        m_cause[c] = deadlineCause; // kept until the timer fires (R35)
    }
    return c;
}

CtxIndex ContextTree::withValue(CtxIndex parent, Nanos now)
{
    const CtxIndex c = add(ContextKind::WithValue, parent);
    m_flags[c] |= (m_flags[parent] & kCancellable); // mirrors its parent (R36)
    if (isDone(parent))
        markDone(c, now, err(parent), m_cause[parent], Reason::Parent, m_source[parent]);
    return c;
}

CtxIndex ContextTree::withoutCancel(CtxIndex parent, Nanos /*now: never done*/)
{
    const CtxIndex c = add(ContextKind::WithoutCancel, parent);
    m_deadline[c] = kNoDeadline; // R42: no deadline, whatever the parent has
    m_flags[c] &= static_cast<std::uint8_t>(~kHasDeadline);
    return c;
}

bool ContextTree::cancel(CtxIndex ctx, Nanos now, StrId cause)
{
    if (isDone(ctx) || !canEverBeDone(ctx) || kind(ctx) == ContextKind::WithValue)
        return false; // R13: later calls are no-ops
    markDone(ctx, now, Err::Canceled, cause == kNone ? kStrCanceled : cause, Reason::Cancel, ctx);
    cascade(ctx, now);
    return true;
}

bool ContextTree::expire(CtxIndex ctx, Nanos now)
{
    if (isDone(ctx) || !hasOwnDeadline(ctx))
        return false; // canceled earlier: its timer was stopped (R31)
    const StrId cause = m_cause[ctx] == kNone ? kStrDeadlineExceeded : m_cause[ctx];
    markDone(ctx, now, Err::DeadlineExceeded, cause, Reason::Deadline, ctx);
    cascade(ctx, now);
    return true;
}

void ContextTree::pushChildren(CtxIndex c)
{
    // The list is newest first; pushing in list order leaves the oldest child on top of the
    // stack, so children are visited in creation order.
    const std::size_t begin = m_stack.size();
    for (CtxIndex ch = m_firstChild[c]; ch != kNone; ch = m_nextSibling[ch])
        m_stack.push_back(ch);
    if (m_order == CancelOrder::Random) {
        // Fisher–Yates over this node's children only: a seeded stand-in for Go's map order.
        for (std::size_t i = m_stack.size() - begin; i > 1; --i) {
            const std::size_t j = static_cast<std::size_t>(nextRandom(m_rng) % i);
            std::swap(m_stack[begin + i - 1], m_stack[begin + j]);
        }
    }
}

void ContextTree::cascade(CtxIndex from, Nanos now)
{
    // R54/R55: depth first, parent before children, every descendant done before we return.
    // A child that is already done keeps its own err and cause, and so does its subtree (every
    // descendant of a done node is done); WithoutCancel cuts the cascade (R43).
    if (m_observer)
        m_observer->contextDone(from);
    const Err e = err(from);
    const StrId cause = m_cause[from];
    m_stack.clear();
    pushChildren(from);
    while (!m_stack.empty()) {
        const CtxIndex c = m_stack.back();
        m_stack.pop_back();
        if (isDone(c) || kind(c) == ContextKind::WithoutCancel)
            continue;
        markDone(c, now, e, cause, Reason::Parent, from);
        if (m_observer)
            m_observer->contextDone(c);
        pushChildren(c);
    }
}

} // namespace ctxscope
