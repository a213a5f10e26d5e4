// Theme: the state colours and sizes shared by the canvas, the cards and the inspector. The
// window sets `dark` from the system palette; state colours keep enough contrast on both.
pragma Singleton
import QtQuick

QtObject {
    id: root

    property bool dark: false

    readonly property color alive: dark ? "#4cc46a" : "#2e9e48"
    readonly property color never: dark ? "#9a9a9a" : "#7a7a7a"
    readonly property color canceled: dark ? "#ef6a55" : "#cf3a25"
    readonly property color deadline: dark ? "#f0a53a" : "#c97a00"
    readonly property color pending: dark ? "#5a5a5a" : "#c4c4c4"
    readonly property color selection: dark ? "#5aa0ff" : "#2a7fff"
    readonly property color lint: dark ? "#ffcf4d" : "#8a5a00"
    readonly property color lintBackground: dark ? "#4a3b10" : "#fff1c2"

    // The colour for a NodeState (see nodestate.h: 0 not created … 4 deadline exceeded).
    function stateColor(state) {
        switch (state) {
        case 1: return root.alive
        case 2: return root.never
        case 3: return root.canceled
        case 4: return root.deadline
        default: return root.pending
        }
    }
}
