// TaskChip: a task (or an after-func) on its context's card: name, a progress bar under it,
// its result once it returned, and the name of any lint about it (outlived its context, leak).
// In Predict mode (hideOutcome) it shows only that the task started: the lint, how far along it
// is (the bar fills by the time it will end) and whether an after-func ran are outcomes.
import QtQuick
import QtQuick.Controls
import Ctxscope

Rectangle {
    id: root

    required property var chip   // {id, label, title, kind, state, progress, result, lint}
    property bool hideOutcome: false
    property bool selected: false
    // A click selects the task (the inspector shows it), a double click edits it, a right
    // click asks for its menu.
    signal tapped(string id, int button, int count)

    readonly property bool isAfterFunc: root.chip.kind === "afterfunc"
    readonly property bool flagged: root.chip.lint !== "" && !root.hideOutcome
    // What may be shown: in Predict mode only whether it has started (or been registered).
    readonly property string shownState: !root.hideOutcome || root.chip.state === "pending" ? root.chip.state
                                         : root.isAfterFunc ? "registered" : "started"
    readonly property string shownResult: root.hideOutcome ? "" : root.chip.result
    readonly property string racedNote: root.hideOutcome ? "" : (root.chip.raced ?? "")
    readonly property color accent: root.flagged ? Theme.lint
                                    : root.shownResult === "ok" ? Theme.alive
                                    : root.shownResult !== "" ? Theme.canceled
                                    : root.shownState === "ran" ? Theme.alive
                                    : root.palette.highlight

    implicitWidth: label.implicitWidth + 12   // its whole label; the card shares its rows out (NodeCard chipRow.slots)
    implicitHeight: 20
    radius: 4
    color: root.flagged ? Theme.lintBackground : root.palette.alternateBase
    border.color: root.selected ? Theme.selection : root.flagged ? Theme.lint : root.palette.mid
    border.width: root.selected ? 2 : 1
    opacity: root.shownState === "pending" ? 0.55 : 1

    Rectangle {
        // Progress through the task's life at the playhead.
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: 1
        height: 3
        radius: 1
        visible: !root.hideOutcome
        width: (parent.width - 2) * root.chip.progress
        color: root.accent
    }
    Label {
        id: label
        anchors.verticalCenter: parent.verticalCenter
        anchors.verticalCenterOffset: -1
        x: 6
        width: root.width - 12
        elide: Text.ElideRight
        font.pixelSize: 11
        // The result as a glyph (the tooltip and the inspector spell it out): ✓ ok, ✕ canceled,
        // ◷ deadline exceeded, ! error; an after-func shows ƒ, and a lint ⚠ with its rule.
        text: {
            const r = root.shownResult
            const mark = r === "ok" ? "\u2713 " : r === "context canceled" ? "\u2715 " : r === "context deadline exceeded" ? "\u25F7 "
                       : r !== "" ? "! " : root.shownState === "ran" ? "\u2713 " : root.shownState === "stopped" ? "\u2298 " : ""
            let t = mark + (root.isAfterFunc ? "\u0192 " : "") + root.chip.label
            if (root.flagged) t = "\u26A0 " + t // the card spells out the lint's name
            if (root.racedNote !== "") t = "\u2684 " + t // decided by a race: the tooltip says what raced
            return t
        }
    }
    ToolTip.visible: hover.hovered
    ToolTip.text: (root.isAfterFunc ? qsTr("AfterFunc %1: %2") : qsTr("task %1: %2")).arg(root.chip.title ?? root.chip.id)
                  .arg(root.shownResult !== "" ? root.shownResult : root.shownState)
                  + (root.flagged ? "\n" + qsTr("lint: %1").arg(root.chip.lint) : "")
                  + (root.racedNote !== "" ? "\n\u2684 " + root.racedNote : "")
    HoverHandler { id: hover }
    MouseArea {
        // A MouseArea, not a TapHandler: it takes the press, so the canvas under it does not
        // also select (and a double click reaches it as one).
        anchors.fill: parent
        acceptedButtons: Qt.LeftButton | Qt.RightButton
        onClicked: (mouse) => root.tapped(root.chip.id, mouse.button, 1)
        onDoubleClicked: (mouse) => root.tapped(root.chip.id, mouse.button, 2)
    }
}
