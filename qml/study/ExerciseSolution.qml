// ExerciseSolution: what "Show solution" changed, element by element and step by step
// (before → after), and the solution's notes. Inside the ExerciseBanner.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope
import Ctxscope.Study

ColumnLayout {
    id: root

    required property ExerciseModel exercise

    spacing: 3

    Label {
        text: root.exercise.changes.length === 0 ? qsTr("<b>Solution.</b> Nothing to change: the scenario already is the solution.")
                                                 : qsTr("<b>Solution</b> (applied; Undo takes it back). What it changed:")
        textFormat: Text.StyledText
        Layout.fillWidth: true
        wrapMode: Text.Wrap
    }
    Repeater {
        model: root.exercise.changes
        delegate: ColumnLayout {
            id: change
            required property var modelData
            objectName: "solutionChange"
            spacing: 1
            Layout.fillWidth: true
            Label { text: change.modelData.title; font.bold: true; Layout.fillWidth: true; elide: Text.ElideRight }
            Repeater {
                model: change.modelData.lines
                delegate: Label {
                    required property var modelData
                    text: (modelData.label !== "" ? modelData.label + ": " : "") + modelData.before + "  \u2192  " + modelData.after
                    font.family: "monospace"
                    font.pixelSize: 11
                    wrapMode: Text.Wrap
                    leftPadding: 12
                    Layout.fillWidth: true
                }
            }
        }
    }
    Label {
        objectName: "solutionNotes"
        visible: text !== ""
        text: root.exercise.solutionNotes
        textFormat: Text.RichText
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
