// Theme: the state colours and sizes shared by the canvas, the cards and the inspector. The
// window sets `dark` from the system palette; state colours keep enough contrast on both.
pragma Singleton
import QtQuick
import Ctxscope

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
    readonly property color task: dark ? "#6fa4e8" : "#3d74b8"   // a task's lane on the timeline

    // scenePalette is the one set of colours of the scene-graph items (TreeCanvas.colors,
    // TimelineView.colors): the colours above over the surfaces of `ui`, the palette of the
    // control that shows them (the window's, or DarkPalette's).
    function scenePalette(ui) {
        return root.sceneDefaults.withColors({
            box: ui.window, border: ui.mid, edge: Qt.darker(ui.mid, 1.1), selected: root.selection,
            alive: root.alive, never: root.never, canceled: root.canceled, deadline: root.deadline, pending: root.pending,
            task: root.task, mark: ui.text,
            highlight: Qt.rgba(root.selection.r, root.selection.g, root.selection.b, 0.22),
            stripe: Qt.rgba(ui.text.r, ui.text.g, ui.text.b, 0.04)
        })
    }
    property scenePalette sceneDefaults   // ScenePalette's own colours, which scenePalette replaces

    // The colour for a NodeState (nodestate.h); NotCreated and Hidden have none of their own.
    function stateColor(state: int): color {
        switch (state) {
        case NodeState.Alive: return root.alive
        case NodeState.NeverCancelable: return root.never
        case NodeState.Canceled: return root.canceled
        case NodeState.DeadlineExceeded: return root.deadline
        default: return root.pending
        }
    }
}
