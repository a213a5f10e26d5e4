// ExpectationDialog: add or change one entry of "expect" (or, given a learner, one condition of
// the exercise's done_when, written the same way): its subject and the fields to check, each a
// name and the value as you would write it ("context canceled", "200ms", null, true). The
// ScenarioEditor lists the fields a subject has and the validator checks the values.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Dialog {
    id: root

    required property ScenarioEditor editor
    property int index: -1              // -1: a new expectation
    property LearnerEditor learner: null // set: the dialog edits exercise.done_when
    property var fields: []             // [{name, value}]
    readonly property var kinds: root.editor.expectationKinds
    readonly property string kind: root.kinds[kindBox.currentIndex] ?? "context"
    readonly property var fieldNames: root.editor.expectationFields(root.kind)
    signal failed(string error)

    function start(index) {
        const e = index >= 0 ? (root.learner ? root.learner.doneWhenCondition(index) : root.editor.expectation(index)) : { kind: "context", subject: "", task: "", fields: [{ name: "err", value: "context canceled" }] }
        root.index = index
        kindBox.currentIndex = Math.max(0, root.kinds.indexOf(e.kind))
        subjectField.text = e.subject
        taskField.text = e.task
        root.fields = e.fields
        root.open()
        subjectField.forceActiveFocus()
    }
    function setField(i, key, value) {
        const copy = root.fields.slice()
        copy[i] = Object.assign({}, copy[i])
        copy[i][key] = value
        root.fields = copy
    }

    title: root.learner ? (root.index >= 0 ? qsTr("Edit condition %1 of \u201csolved\u201d").arg(root.index + 1) : qsTr("Add a condition of \u201csolved\u201d"))
                        : (root.index >= 0 ? qsTr("Edit expectation %1").arg(root.index + 1) : qsTr("Add expectation"))
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(560, parent ? parent.width - 40 : 560)
    standardButtons: Dialog.Ok | Dialog.Cancel

    onAccepted: {
        const e = { kind: root.kind, subject: subjectField.text, task: taskField.text, fields: root.fields }
        const error = root.learner ? (root.index >= 0 ? root.learner.editDoneWhen(root.index, e) : root.learner.addDoneWhen(e))
                                   : (root.index >= 0 ? root.editor.editExpectation(root.index, e) : root.editor.addExpectation(e))
        if (error !== "") root.failed(error)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        // Enter on a closed FormComboBox (what it is about, a field's name) takes the dialog's action.
        function submitForm() { root.accept() }
        GridLayout {
            columns: 2
            columnSpacing: 8
            rowSpacing: 6
            Layout.fillWidth: true
            Label { text: qsTr("About") }
            FormComboBox { id: kindBox; objectName: "kindBox"; model: root.kinds; Layout.fillWidth: true }
            Label { text: root.kind === "lint" ? qsTr("Rule") : root.kind === "lookup" ? qsTr("Key") : root.kind === "stopped" ? qsTr("How") : qsTr("Id"); visible: root.kind !== "no_lints" }
            TextField { id: subjectField; objectName: "subjectField"; visible: root.kind !== "no_lints"; selectByMouse: true; onAccepted: root.accept(); Layout.fillWidth: true }
            Label { text: root.kind === "lint" ? qsTr("On (optional)") : qsTr("Task"); visible: root.kind === "lint" || root.kind === "lookup" }
            TextField { id: taskField; objectName: "taskField"; visible: root.kind === "lint" || root.kind === "lookup"; selectByMouse: true; onAccepted: root.accept(); Layout.fillWidth: true }
        }
        Label { text: qsTr("Fields"); font.bold: true; visible: root.fieldNames.length > 0 }
        Repeater {
            model: root.fieldNames.length > 0 ? root.fields.length : 0
            delegate: RowLayout {
                id: fieldRow
                required property int index
                Layout.fillWidth: true
                FormComboBox {
                    model: root.fieldNames
                    currentIndex: root.fieldNames.indexOf(root.fields[fieldRow.index].name)
                    onActivated: (i) => root.setField(fieldRow.index, "name", root.fieldNames[i])
                    implicitWidth: 130
                }
                TextField {
                    objectName: "valueField"
                    text: root.fields[fieldRow.index].value
                    placeholderText: qsTr("null, true, 200ms, context canceled…")
                    selectByMouse: true
                    onTextEdited: root.setField(fieldRow.index, "value", text)
                    onAccepted: root.accept()
                    Layout.fillWidth: true
                }
                ToolButton {
                    text: "\u2715"
                    onClicked: { const c = root.fields.slice(); c.splice(fieldRow.index, 1); root.fields = c }
                    Accessible.name: qsTr("Remove this field")
                }
            }
        }
        Button {
            text: qsTr("Add field")
            visible: root.fieldNames.length > 0
            onClicked: root.fields = root.fields.concat([{ name: root.fieldNames[0], value: "" }])
        }
    }
}
