// ExerciseDialog: what the learner reads in an exercise (goal, hints, solution notes), to make an
// exercise of the scenario as it is now (it becomes the solution) or to change an existing one.
// The LearnerEditor checks it (a goal is required) and records it as one undo step.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Dialog {
    id: root

    required property LearnerEditor learner
    property bool making: true
    signal failed(string error)

    function start() {
        root.making = !root.learner.hasExercise
        goalField.text = root.learner.goal
        hintsArea.text = root.learner.hintsText
        notesArea.text = root.learner.solutionNotes
        root.open()
        goalField.forceActiveFocus()
    }

    title: root.making ? qsTr("Make an exercise") : qsTr("Edit the exercise")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(620, parent ? parent.width - 40 : 620)
    standardButtons: Dialog.Ok | Dialog.Cancel

    onAccepted: {
        const error = root.making ? root.learner.makeExercise(goalField.text, hintsArea.text, notesArea.text)
                                  : root.learner.editExerciseText(goalField.text, hintsArea.text, notesArea.text)
        if (error !== "") root.failed(error)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Label {
            visible: root.making
            text: qsTr("The scenario as it is now becomes the solution, and its expectations the first conditions of \u201csolved\u201d. Then change the scenario into the version the learner starts from.")
            wrapMode: Text.Wrap
            opacity: 0.8
            Layout.fillWidth: true
        }
        Label { text: qsTr("Goal (one sentence the learner reads)") }
        TextField {
            id: goalField
            objectName: "goalField"
            placeholderText: qsTr("Make the handler answer within its 200 ms budget.")
            selectByMouse: true
            onAccepted: root.accept()
            Layout.fillWidth: true
        }
        Label { text: qsTr("Hints, one a line (shown one at a time)") }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: 90
            TextArea { id: hintsArea; objectName: "hintsArea"; wrapMode: TextArea.Wrap; selectByMouse: true }
        }
        Label { text: qsTr("Solution notes (Markdown, shown with the solution)") }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: 110
            TextArea { id: notesArea; objectName: "notesArea"; wrapMode: TextArea.Wrap; selectByMouse: true }
        }
    }
}
