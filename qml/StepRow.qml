// StepRow: the fields of one step, in one row: its operation and what that operation takes.
// Which fields a step shows is the ScenarioEditor's (stepFields), and so is what is wrong with
// it (stepProblem): this file only lays them out and reports edits as (key, value).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

RowLayout {
    id: row

    required property ScenarioEditor editor
    required property var step
    required property string position
    property bool first: false
    property bool last: false
    readonly property var fields: row.editor.stepFields(row.step)
    readonly property bool makesSomething: row.step.op === "derive" || row.fields.steps === true

    signal update(string key, var value)
    signal setOp(string op)
    signal move(int delta)
    signal remove()

    function focusMoveButton(delta) {
        (delta < 0 ? (upButton.enabled ? upButton : downButton) : (downButton.enabled ? downButton : upButton)).forceActiveFocus()
    }

    spacing: 4

    FormComboBox {
        objectName: "opBox"
        model: row.editor.stepOps
        currentIndex: row.editor.stepOps.indexOf(row.step.op)
        onActivated: (i) => row.setOp(row.editor.stepOps[i])
        implicitWidth: 132
        Layout.alignment: Qt.AlignTop
        Accessible.name: qsTr("Operation of step %1").arg(row.position)
    }
    DurationField {
        id: durationField
        objectName: "durationField"
        showStatus: false
        visible: row.fields.duration === true
        text: row.step.duration ?? ""
        allowNegative: false
        field.onTextEdited: row.update("duration", durationField.text)
        Layout.preferredWidth: 90
        Layout.fillWidth: false
        Layout.alignment: Qt.AlignTop
    }
    FormComboBox {
        id: watchBox
        readonly property var values: ["done", "none", "poll"]
        visible: row.fields.watch === true
        model: [qsTr("watch Done"), qsTr("ignore ctx"), qsTr("poll Err()")]
        currentIndex: watchBox.values.indexOf(row.step.watch ?? "done")
        onActivated: (i) => row.update("watch", watchBox.values[i])
        implicitWidth: 116
        Layout.alignment: Qt.AlignTop
    }
    DurationField {
        id: pollField
        objectName: "pollField"
        showStatus: false
        visible: row.fields.poll === true
        text: row.step.poll ?? ""
        allowNegative: false
        field.onTextEdited: row.update("poll", pollField.text)
        Layout.preferredWidth: 80
        Layout.fillWidth: false
        Layout.alignment: Qt.AlignTop
    }
    FormComboBox {
        id: whatBox
        objectName: "whatBox"
        readonly property var values: ["done", "children", "list"]
        visible: row.fields.what === true
        model: [qsTr("ctx.Done()"), qsTr("its children"), qsTr("these tasks")]
        currentIndex: whatBox.values.indexOf(row.step.what ?? "done")
        onActivated: (i) => row.update("what", whatBox.values[i])
        implicitWidth: 130
        Layout.alignment: Qt.AlignTop
    }
    FormComboBox {
        id: kindBox
        objectName: "kindBox"
        visible: row.fields.kind === true
        model: row.editor.deriveKinds
        currentIndex: row.editor.deriveKinds.indexOf(row.step.kind ?? "WithTimeout")
        onActivated: (i) => row.update("kind", row.editor.deriveKinds[i])
        implicitWidth: 158
        Layout.alignment: Qt.AlignTop
        Accessible.name: qsTr("Kind of the context step %1 derives").arg(row.position)
    }
    DurationField {
        id: timeoutField
        objectName: "timeoutField"
        showStatus: false
        visible: row.fields.timeout === true
        text: row.step.timeout ?? ""
        field.onTextEdited: row.update("timeout", timeoutField.text)
        Layout.preferredWidth: 80
        Layout.fillWidth: false
        Layout.alignment: Qt.AlignTop
    }
    DurationField {
        id: deadlineField
        objectName: "deadlineField"
        showStatus: false
        visible: row.fields.deadline === true
        text: row.step.deadline ?? ""
        field.onTextEdited: row.update("deadline", deadlineField.text)
        Layout.preferredWidth: 80
        Layout.fillWidth: false
        Layout.alignment: Qt.AlignTop
    }
    component StepText: TextField {
        required property string key
        property string hint
        visible: row.fields[key] === true
        text: row.step[key] ?? ""
        placeholderText: hint
        selectByMouse: true
        onTextEdited: row.update(key, text)
        Layout.fillWidth: true
        Layout.minimumWidth: 60
        Layout.alignment: Qt.AlignTop
    }
    StepText { objectName: "targetField"; key: "target"; hint: row.step.op === "cancel" ? qsTr("context id") : qsTr("after-func id") }
    StepText { objectName: "idsField"; key: "ids"; hint: qsTr("task ids, comma-separated") }
    StepText { objectName: "causeField"; key: "cause"; hint: qsTr("cause") }
    StepText { objectName: "keyField"; key: "key"; hint: qsTr("key") }
    StepText { objectName: "valueField"; key: "value"; hint: qsTr("value") }
    StepText { objectName: "textField"; key: "text" }
    StepText { objectName: "contextField"; key: "context"; hint: qsTr("on: the current ctx") }
    // derive, spawn and after_func: the id of what they make (automatic when empty)
    TextField {
        id: idField
        objectName: "idField"
        visible: row.makesSomething
        text: row.step.id ?? ""
        placeholderText: qsTr("id: auto")
        selectByMouse: true
        onTextEdited: row.update("id", idField.text.trim())
        Layout.preferredWidth: 84
        Layout.fillWidth: row.fields.steps === true
        Layout.alignment: Qt.AlignTop
        Accessible.name: qsTr("Id of what step %1 makes").arg(row.position)
    }
    Item { Layout.fillWidth: true }

    component RowButton: ToolButton {
        focusPolicy: Qt.StrongFocus
        Layout.alignment: Qt.AlignTop
        ToolTip.text: Accessible.name
        ToolTip.visible: hovered || visualFocus
        ToolTip.delay: 600
    }
    RowButton {
        id: upButton
        objectName: "upButton"
        text: "\u2191"
        enabled: !row.first
        onClicked: row.move(-1)
        Accessible.name: qsTr("Move step %1 up").arg(row.position)
    }
    RowButton {
        id: downButton
        objectName: "downButton"
        text: "\u2193"
        enabled: !row.last
        onClicked: row.move(1)
        Accessible.name: qsTr("Move step %1 down").arg(row.position)
    }
    RowButton {
        objectName: "removeButton"
        text: "\u2715"
        onClicked: row.remove()
        Accessible.name: qsTr("Remove step %1").arg(row.position)
    }
}
