// ExerciseBanner: above the tree while an exercise is open. The goal, the done_when checklist
// (live: it follows every edit; "?" while predicting), and a clear Solved moment; hints one at a
// time; Show solution (one undoable edit, then what it changed and the notes: ExerciseSolution)
// and Reset exercise (the shipped version back, one undoable edit). The rules are
// ExerciseModel's; this lays them out.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope
import Ctxscope.Study

Pane {
    id: root

    required property Document document
    readonly property alias model: exercise
    property bool expanded: true
    // The Solved moment: set when the learner's edit solves it, until the next change.
    property bool celebrating: false

    signal select(string id)
    signal failed(string error)
    signal solvedNow(bool bySolution)

    visible: exercise.active
    padding: 8
    background: Rectangle {
        color: exercise.solved ? Qt.rgba(Theme.alive.r, Theme.alive.g, Theme.alive.b, 0.16) : root.palette.alternateBase
        border.color: exercise.solved ? Theme.alive : root.palette.mid
        Behavior on color { ColorAnimation { duration: 300 } }
    }

    ExerciseModel {
        id: exercise
        document: root.document
        onSolvedNow: (bySolution) => {
            root.celebrating = true
            celebration.restart()
            root.solvedNow(bySolution)
        }
        onChanged: if (!exercise.solved) root.celebrating = false
    }
    SequentialAnimation {
        id: celebration
        NumberAnimation { target: solvedBadge; property: "scale"; from: 0.6; to: 1.25; duration: 220; easing.type: Easing.OutBack }
        NumberAnimation { target: solvedBadge; property: "scale"; to: 1.0; duration: 180 }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label { text: qsTr("Exercise"); font.bold: true; color: Theme.alive }
            Label {
                id: solvedBadge
                objectName: "solvedBadge"
                visible: exercise.solved
                text: "\u2713 " + (exercise.solutionShown ? qsTr("Solved (solution shown)") : qsTr("Solved!"))
                font.bold: true
                font.pixelSize: 16
                color: Theme.alive
            }
            Label {
                objectName: "status"
                text: exercise.statusText
                visible: !exercise.solved
                opacity: 0.85
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Item { visible: exercise.solved; Layout.fillWidth: true }
            ToolButton {
                objectName: "expandButton"
                text: root.expanded ? "\u25B4" : "\u25BE"
                onClicked: root.expanded = !root.expanded
                ToolTip.visible: hovered
                ToolTip.text: root.expanded ? qsTr("Show only the goal") : qsTr("Show the checklist and hints")
            }
        }
        Label {
            objectName: "goal"
            text: exercise.goal
            textFormat: Text.RichText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        // The checklist: one row per done_when entry.
        Repeater {
            model: root.expanded ? exercise : null
            delegate: ItemDelegate {
                id: row
                required property int index
                required property string title
                required property string status
                required property string failures
                required property string contextId
                objectName: "doneWhenRow"
                Layout.fillWidth: true
                padding: 1
                onClicked: {
                    exercise.seekToRow(row.index)
                    if (row.contextId !== "") root.select(row.contextId)
                }
                ToolTip.visible: hovered && row.failures !== ""
                ToolTip.text: row.failures
                contentItem: RowLayout {
                    spacing: 6
                    Label {
                        text: row.status === "passed" ? "\u2611" : row.status === "failed" ? "\u2610" : "?"
                        color: row.status === "passed" ? Theme.alive : row.palette.windowText
                        font.pixelSize: 15
                    }
                    Label {
                        text: row.title
                        color: row.status === "passed" ? Theme.alive : row.palette.windowText
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
            }
        }
        // Hints, one at a time.
        Repeater {
            // Hints and the solution tell how the run goes: not while predicting.
            model: root.expanded && !exercise.hidden ? exercise.shownHints : []
            delegate: Label {
                required property int index
                required property string modelData
                objectName: "hint"
                text: qsTr("<b>Hint %1.</b> ").arg(index + 1) + modelData
                textFormat: Text.RichText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
        ExerciseSolution {
            visible: root.expanded && exercise.solutionShown && !exercise.hidden
            exercise: exercise
            Layout.fillWidth: true
        }
        RowLayout {
            visible: root.expanded
            spacing: 6
            Button {
                objectName: "hintButton"
                text: exercise.shownHints.length === 0 ? qsTr("Hint") : qsTr("Next hint (%1 of %2)").arg(exercise.shownHints.length + 1).arg(exercise.hintCount)
                enabled: exercise.shownHints.length < exercise.hintCount && !exercise.hidden
                visible: exercise.hintCount > 0
                onClicked: exercise.showNextHint()
            }
            Button {
                objectName: "solutionButton"
                text: qsTr("Show solution")
                enabled: exercise.canShowSolution && !exercise.hidden
                onClicked: root.failed(exercise.showSolution())
            }
            Button {
                objectName: "resetButton"
                text: qsTr("Reset exercise")
                enabled: exercise.canReset
                onClicked: root.failed(exercise.resetExercise())
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Put the contexts, tasks and actions back as the lesson shipped them (Undo takes it back)")
            }
        }
    }
}
