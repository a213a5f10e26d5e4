#pragma once
// ContextTree: Go's context tree with its exact semantics (spec/semantics.md), no clock, no
// tasks. Nodes live in flat arrays indexed by CtxIndex (struct of arrays: ~44 bytes a node),
// children are kept in creation order, and a cancellation walks the subtree iteratively, so a
// chain of a million contexts cancels without deep recursion.
//
// Time is passed in by the caller (the simulator's virtual clock). The tree does not arm timers:
// it reports through needsTimer() that a deadline node wants one, and the caller calls
// expire() when that time comes.
#include "ctxscope/engine/event.h"
#include "ctxscope/engine/scenario.h"

#include <cstdint>
#include <vector>

namespace ctxscope {

// Told about every context whose Err() becomes non-nil, parent before children (R54, R55).
class CancelObserver {
public:
    virtual ~CancelObserver() = default;
    virtual void contextDone(CtxIndex ctx) = 0;
};

class ContextTree {
public:
    // reserve makes room for n nodes without reallocating.
    void reserve(std::size_t n);
    std::size_t size() const { return m_kind.size(); }

    // seed drives the "random" cancel order (a seeded shuffle of each child list).
    void setCancelOrder(CancelOrder order, std::uint64_t seed);
    // keepDoneAt(false), before the first node, drops doneAt() (8 bytes a node): for a caller
    // that records the time itself when told by the observer, as the simulator does.
    void keepDoneAt(bool keep) { m_keepDoneAt = keep; }
    // setObserver installs the cascade observer (nullptr: none).
    void setObserver(CancelObserver* observer) { m_observer = observer; }

    // background creates a root (Background or TODO): never done, no deadline, no values (R5).
    CtxIndex background(Nanos now, ContextKind kind = ContextKind::Background);
    // Creation never calls the observer: a context that is done at creation (R16, R30) is
    // reported by isDone() right after the call, and the caller announces it itself.
    // withCancel creates a WithCancel/WithCancelCause child. Done at once, with the parent's
    // err and cause, when the parent is already done (R16).
    CtxIndex withCancel(CtxIndex parent, Nanos now, ContextKind kind = ContextKind::WithCancel);
    // withDeadline creates a deadline child of any deadline kind. Check order as in Go (R27,
    // R16, R30): a parent with an earlier deadline makes it a plain WithCancel (the cause is
    // dropped); else a done parent makes it done with the parent's err/cause; else a deadline
    // not after now makes it done with DeadlineExceeded (and deadlineCause, if not kNone);
    // else it wants a timer (needsTimer() is true).
    CtxIndex withDeadline(CtxIndex parent, Nanos now, Nanos deadline, StrId deadlineCause = kNone,
                          ContextKind kind = ContextKind::WithDeadline);
    // withValue creates a WithValue node, which mirrors its parent's state live (R36).
    CtxIndex withValue(CtxIndex parent, Nanos now);
    // withoutCancel creates a node that is never done and reports no deadline (R42, R43).
    CtxIndex withoutCancel(CtxIndex parent, Nanos now);

    // cancel is the node's CancelFunc (or CancelCauseFunc with cause != kNone). It returns false
    // and changes nothing if the node is already done (R13); otherwise the node and its whole
    // subtree become done now, synchronously, parent before children (R12, R54).
    bool cancel(CtxIndex ctx, Nanos now, StrId cause = kNone);
    // expire fires the node's own deadline timer: DeadlineExceeded with the node's deadline
    // cause (R31a, R32, R35). False if it was already done.
    bool expire(CtxIndex ctx, Nanos now);

    // Observers, as Go would answer them right now.
    ContextKind kind(CtxIndex c) const { return static_cast<ContextKind>(m_kind[c]); }
    CtxIndex parent(CtxIndex c) const { return m_parent[c]; }
    bool isDone(CtxIndex c) const { return m_err[c] != static_cast<std::uint8_t>(Err::None); }
    Err err(CtxIndex c) const { return static_cast<Err>(m_err[c]); }
    StrId cause(CtxIndex c) const { return isDone(c) ? m_cause[c] : kNone; } // Cause(ctx)
    Reason reason(CtxIndex c) const { return static_cast<Reason>(m_reason[c]); }
    CtxIndex source(CtxIndex c) const { return isDone(c) ? m_source[c] : kNone; }
    // doneAt: when it became done (kNever: not done), unless keepDoneAt(false) was called.
    Nanos doneAt(CtxIndex c) const { return m_keepDoneAt ? m_doneAt[c] : kNever; }
    // hasDeadline: Deadline() returns ok == true. Then deadline() is what it reports, which may
    // be any int64, kNoDeadline's value included (a WithDeadline of the largest time.Duration).
    bool hasDeadline(CtxIndex c) const { return (m_flags[c] & kHasDeadline) != 0; }
    Nanos deadline(CtxIndex c) const { return m_deadline[c]; }
    // hasOwnDeadline: a deadline node that kept its own deadline (not degraded by R27).
    bool hasOwnDeadline(CtxIndex c) const { return (m_flags[c] & kOwnDeadline) != 0; }
    // needsTimer: its own deadline is still ahead; the caller must call expire() at deadline().
    bool needsTimer(CtxIndex c) const { return hasOwnDeadline(c) && !isDone(c); }
    bool degraded(CtxIndex c) const { return (m_flags[c] & kDegraded) != 0; }
    // canEverBeDone is false for Background, TODO, WithoutCancel and WithValue over those:
    // nothing can ever close their Done channel (R5, R42, R51).
    bool canEverBeDone(CtxIndex c) const { return (m_flags[c] & kCancellable) != 0; }
    // deadlineFrom is the context whose own timer gives c's Deadline() (kNone if none): itself,
    // or what its parent's was (kept per node, so it is O(1) at any depth).
    CtxIndex deadlineFrom(CtxIndex c) const { return hasDeadline(c) ? m_deadlineFrom[c] : kNone; }

    // Children, newest first (first child, then next sibling); kNone ends the list. Newest-first
    // lets a node be linked in O(1) without a last-child array, and the cascade pushes them on
    // its stack in that order so it still visits children in creation order.
    CtxIndex firstChild(CtxIndex c) const { return m_firstChild[c]; }
    CtxIndex nextSibling(CtxIndex c) const { return m_nextSibling[c]; }

private:
    enum : std::uint8_t { kOwnDeadline = 1, kDegraded = 2, kCancellable = 4, kHasDeadline = 8 };
    CtxIndex add(ContextKind kind, CtxIndex parent);
    void markDone(CtxIndex c, Nanos now, Err err, StrId cause, Reason reason, CtxIndex source);
    void cascade(CtxIndex from, Nanos now);
    void pushChildren(CtxIndex c);

    std::vector<std::uint8_t> m_kind, m_flags, m_err, m_reason;
    std::vector<CtxIndex> m_parent, m_firstChild, m_nextSibling, m_source, m_deadlineFrom;
    std::vector<StrId> m_cause; // before done: the deadline cause of a *Cause node (or kNone)
    std::vector<Nanos> m_deadline, m_doneAt; // (creation times are the simulator's: ContextInfo)
    std::vector<CtxIndex> m_stack;    // scratch for the iterative cascade
    CancelObserver* m_observer = nullptr;
    bool m_keepDoneAt = true;
    CancelOrder m_order = CancelOrder::Creation;
    std::uint64_t m_rng = 0;
};

} // namespace ctxscope
