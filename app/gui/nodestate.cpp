#include "nodestate.h"

namespace ctxscope {

NodeState nodeStateAt(const SimulationResult& r, const Playback& p, CtxIndex c) {
    if (!p.isCreated(c))
        return NodeState::NotCreated;
    switch (p.isDone(c) ? r.contexts[c].err : Err::None) {
    case Err::Canceled: return NodeState::Canceled;
    case Err::DeadlineExceeded: return NodeState::DeadlineExceeded;
    case Err::None: break;
    }
    return r.contexts[c].canEverBeDone ? NodeState::Alive : NodeState::NeverCancelable;
}

NodeState shownState(NodeState s, bool hide) {
    if (hide && (s == NodeState::Alive || s == NodeState::Canceled || s == NodeState::DeadlineExceeded))
        return NodeState::Hidden;
    return s;
}

QString stateName(NodeState s) {
    switch (s) {
    case NodeState::NotCreated: return QStringLiteral("not created yet");
    case NodeState::Alive: return QStringLiteral("alive");
    case NodeState::NeverCancelable: return QStringLiteral("never canceled");
    case NodeState::Canceled: return QStringLiteral("canceled");
    case NodeState::DeadlineExceeded: return QStringLiteral("deadline exceeded");
    case NodeState::Hidden: return QStringLiteral("predict");
    }
    return {};
}

QString stateGlyph(NodeState s) {
    switch (s) {
    case NodeState::NotCreated: return QStringLiteral("\u25CB");       // ○
    case NodeState::Alive: return QStringLiteral("\u25CF");            // ●
    case NodeState::NeverCancelable: return QStringLiteral("\u221E");  // ∞
    case NodeState::Canceled: return QStringLiteral("\u2715");         // ✕
    case NodeState::DeadlineExceeded: return QStringLiteral("\u25F7"); // ◷ (a clock face)
    case NodeState::Hidden: return QStringLiteral("?");
    }
    return {};
}

} // namespace ctxscope
