#pragma once
// The five ways a context node looks at the playhead, and the words and glyphs for each. The
// canvas colours by state; labels add text and an icon so colour is never the only signal.
#include "ctxscope/engine/playback.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

// NodeState is a Q_ENUM_NS of its own namespace, which QML sees as the enumeration-only type
// `NodeState`: QML compares with NodeState.Canceled, never with a number or a string. Models
// hand it out as this enum (QVariant::fromValue); QML properties that hold one are `int`, as
// QML in 6.4 has no enum-typed properties.
namespace nodestate {
Q_NAMESPACE
QML_NAMED_ELEMENT(NodeState)

enum class NodeState {   // int-sized: QML reads it as a number
    NotCreated,        // not created yet at the playhead (or never)
    Alive,             // created, not done, can still be canceled
    NeverCancelable,   // Background, TODO, WithoutCancel and values over them: Done() is nil
    Canceled,          // Err() == context.Canceled
    DeadlineExceeded,  // Err() == context.DeadlineExceeded
    Hidden,            // Predict mode: a cancelable context whose state is the learner's to guess ("?")
};
Q_ENUM_NS(NodeState)

} // namespace nodestate

using nodestate::NodeState;

// shownState is what a view shows for a context in state s: in Predict mode (hide) a context
// that can be done shows Hidden, done or not, so that nothing says "alive" when it is not.
NodeState shownState(NodeState s, bool hide);

NodeState nodeStateAt(const SimulationResult& r, const Playback& p, CtxIndex c);
QString stateName(NodeState s);   // "alive", "canceled", ...
QString stateGlyph(NodeState s);  // a one-character icon drawn with the text

} // namespace ctxscope
