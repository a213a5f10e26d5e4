// ExerciseSection: the learner blocks of the scenario in the Scenario tab, for an author: the
// exercise (goal, hints, the solution it records, its done_when conditions, and what is wrong
// with it) and the predict questions, each editable and deletable, one undo step each. Rows and
// checks come from the LearnerEditor (C++); the dialogs are opened through editLearner.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Ctxscope

Column {
    id: root

    required property LearnerEditor learner
    // what: "exercise" (index -1: make one), "doneWhen" or "predict" (index -1: add one).
    signal editLearner(string what, int index)
    signal failed(string error)

    spacing: 6

    function report(error) { if (error !== "") root.failed(error) }

    component RowButton: ToolButton {
        focusPolicy: Qt.StrongFocus
        font.pixelSize: 12
        ToolTip.text: Accessible.name
        ToolTip.visible: hovered || visualFocus
        ToolTip.delay: 600
    }
    // A heading with its buttons on the right.
    component Heading: Item {
        id: heading
        property alias text: headingLabel.text
        default property alias buttons: buttonRow.data
        width: root.width
        height: buttonRow.implicitHeight + 10
        Label { id: headingLabel; font.bold: true; anchors.bottom: parent.bottom; anchors.bottomMargin: 6 }
        Row { id: buttonRow; spacing: 4; anchors.right: parent.right; anchors.bottom: parent.bottom }
    }
    // One row of a list: its text, then edit and delete buttons.
    component ListRow: Item {
        id: row
        required property var modelData
        property string editName
        property string deleteName
        signal edit()
        signal remove()
        width: root.width
        height: Math.max(rowText.implicitHeight, editButton.implicitHeight) + 4
        Label {
            id: rowText
            text: row.modelData.text
            wrapMode: Text.Wrap
            width: parent.width - editButton.width - deleteButton.width - 8
            anchors.verticalCenter: parent.verticalCenter
        }
        RowButton {
            id: editButton
            objectName: "edit"
            anchors.right: deleteButton.left
            anchors.verticalCenter: parent.verticalCenter
            text: "\u270E"
            Accessible.name: row.editName
            onClicked: row.edit()
        }
        RowButton {
            id: deleteButton
            objectName: "delete"
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            text: "\u2715"
            Accessible.name: row.deleteName
            onClicked: row.remove()
        }
    }

    Heading {
        text: qsTr("Exercise")
        Button {
            objectName: "makeExercise"
            visible: !root.learner.hasExercise
            text: qsTr("Make an exercise…")
            onClicked: root.editLearner("exercise", -1)
        }
        Button {
            objectName: "editExercise"
            visible: root.learner.hasExercise
            text: qsTr("Edit…")
            onClicked: root.editLearner("exercise", 0)
        }
        Button {
            objectName: "removeExercise"
            visible: root.learner.hasExercise
            text: qsTr("Remove")
            onClicked: root.report(root.learner.removeExercise())
        }
    }
    Label {
        visible: !root.learner.hasExercise
        text: qsTr("None. Build the solved scenario first, then make an exercise of it: it becomes the solution, and you change the scenario into the version the learner starts from.")
        opacity: 0.7
        wrapMode: Text.Wrap
        width: root.width
    }
    Label {
        visible: root.learner.hasExercise
        text: root.learner.goal
        textFormat: Text.MarkdownText
        wrapMode: Text.Wrap
        width: root.width
    }
    Item {
        visible: root.learner.hasExercise
        width: root.width
        height: Math.max(solutionLabel.implicitHeight, recordButton.implicitHeight)
        Label {
            id: solutionLabel
            text: qsTr("Solution: replaces the %1.").arg(root.learner.solutionLists)
            opacity: 0.8
            wrapMode: Text.Wrap
            width: parent.width - recordButton.width - 8
            anchors.verticalCenter: parent.verticalCenter
        }
        Button {
            id: recordButton
            objectName: "recordSolution"
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Use the scenario now")
            ToolTip.text: qsTr("Make the scenario as it is now the exercise's solution")
            ToolTip.visible: hovered || visualFocus
            ToolTip.delay: 600
            onClicked: root.report(root.learner.recordSolution())
        }
    }
    // What is wrong with the exercise as it stands (already solved, or the solution fails).
    Repeater {
        model: root.learner.problems
        delegate: Label {
            required property string modelData
            text: "\u26A0 " + modelData
            color: Theme.lint
            wrapMode: Text.Wrap
            width: root.width
        }
    }
    Heading {
        visible: root.learner.hasExercise
        text: qsTr("Solved when")
        Button { objectName: "addDoneWhen"; text: qsTr("Add…"); onClicked: root.editLearner("doneWhen", -1) }
    }
    Repeater {
        model: root.learner.doneWhen
        delegate: ListRow {
            editName: qsTr("Edit condition %1").arg(modelData.index + 1)
            deleteName: qsTr("Delete condition %1").arg(modelData.index + 1)
            onEdit: root.editLearner("doneWhen", modelData.index)
            onRemove: root.report(root.learner.deleteDoneWhen(modelData.index))
        }
    }

    Heading {
        text: qsTr("Predict questions")
        Button { objectName: "addPredict"; text: qsTr("Add…"); onClicked: root.editLearner("predict", -1) }
    }
    Label {
        visible: root.learner.predictQuestions.length === 0
        text: qsTr("None: Predict mode asks about every subject and field the expectations name.")
        opacity: 0.7
        wrapMode: Text.Wrap
        width: root.width
    }
    Repeater {
        model: root.learner.predictQuestions
        delegate: ListRow {
            editName: qsTr("Edit question %1").arg(modelData.index + 1)
            deleteName: qsTr("Delete question %1").arg(modelData.index + 1)
            onEdit: root.editLearner("predict", modelData.index)
            onRemove: root.report(root.learner.deletePredictQuestion(modelData.index))
        }
    }
}
