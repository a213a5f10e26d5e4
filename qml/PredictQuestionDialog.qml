// PredictQuestionDialog: one question of Predict mode: a subject (named as an expectation names
// it) and the fields the learner must predict. The subjects offered are those of the run on
// screen; the LearnerEditor and the validator check the rest (one undo step).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Dialog {
    id: root

    required property LearnerEditor learner
    required property ScenarioEditor editor
    property int index: -1                 // -1: a new question
    property var chosen: []                // the fields ticked
    readonly property var kinds: root.learner.predictKinds
    readonly property string kind: root.kinds[kindBox.currentIndex] ?? "context"
    readonly property var fieldNames: root.editor.expectationFields(root.kind)
    readonly property bool lookup: root.kind === "lookup"
    signal failed(string error)

    function start(index) {
        const q = index >= 0 ? root.learner.predictQuestion(index) : { kind: "context", subject: "", task: "", fields: ["err", "done_at"] }
        root.index = index
        kindBox.currentIndex = Math.max(0, root.kinds.indexOf(q.kind))
        subjectBox.editText = q.subject
        taskBox.editText = q.task
        root.chosen = q.fields
        root.open()
        subjectBox.contentItem.forceActiveFocus()   // the id's text itself, so typing goes there
    }
    function toggle(name, on) {
        const rest = root.chosen.filter((f) => f !== name)
        // Keep the fields in the order the format lists them.
        root.chosen = root.fieldNames.filter((f) => f === name ? on : rest.indexOf(f) >= 0)
    }

    title: root.index >= 0 ? qsTr("Edit predict question %1").arg(root.index + 1) : qsTr("Add a predict question")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(520, parent ? parent.width - 40 : 520)
    standardButtons: Dialog.Ok | Dialog.Cancel

    onAccepted: {
        const q = { kind: root.kind, subject: subjectBox.editText, task: taskBox.editText, fields: root.chosen }
        const error = root.index >= 0 ? root.learner.editPredictQuestion(root.index, q) : root.learner.addPredictQuestion(q)
        if (error !== "") root.failed(error)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        // Enter in any field or on a field's check box takes the dialog's obvious action.
        function submitForm() { root.accept() }
        Keys.onReturnPressed: submitForm()
        Keys.onEnterPressed: submitForm()
        GridLayout {
            columns: 2
            columnSpacing: 8
            rowSpacing: 6
            Layout.fillWidth: true
            Label { text: qsTr("About") }
            FormComboBox {
                id: kindBox
                objectName: "kindBox"
                model: root.kinds
                Layout.fillWidth: true
                onActivated: root.chosen = root.chosen.filter((f) => root.fieldNames.indexOf(f) >= 0)
            }
            Label { text: root.lookup ? qsTr("Key") : qsTr("Id") }
            FormComboBox {
                id: subjectBox
                objectName: "subjectBox"
                editable: true
                model: root.lookup ? [] : root.learner.subjects(root.kind)
                Layout.fillWidth: true
                onAccepted: root.accept()
            }
            Label { text: qsTr("Looked up by task"); visible: root.lookup }
            FormComboBox {
                id: taskBox
                objectName: "taskBox"
                visible: root.lookup
                editable: true
                model: root.learner.subjects("task")
                Layout.fillWidth: true
                onAccepted: root.accept()
            }
        }
        Label { text: qsTr("The learner predicts"); font.bold: true }
        Flow {
            Layout.fillWidth: true
            Layout.preferredHeight: childrenRect.height
            spacing: 4
            Repeater {
                model: root.fieldNames
                delegate: CheckBox {
                    required property string modelData
                    objectName: "field " + modelData
                    text: modelData
                    checked: root.chosen.indexOf(modelData) >= 0
                    onToggled: root.toggle(modelData, checked)
                }
            }
        }
    }
}
