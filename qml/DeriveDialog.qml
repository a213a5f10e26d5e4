// DeriveDialog: the parameters of a context (timeout, deadline, cause, key/value), with a
// preview of the Go call it stands for. Durations validate as you type. Two modes: derive a new
// child (start), or edit the parameters of an existing context in place (startEdit), which
// keeps its id, label, children and tasks. Which fields a kind takes, what is wrong with the key
// or value and the Go call come from the ScenarioEditor (C++).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Dialog {
    id: root

    required property Document document
    required property ScenarioEditor editor
    property string parentId: ""
    property string kind: "WithTimeout"
    // Edit mode: the context whose parameters change, and when it is created (unchanged).
    property bool editing: false
    property string contextId: ""
    property string createdAt: ""
    readonly property var params: ({ id: idField.text, label: labelField.text, timeout: timeoutField.text, deadline: deadlineField.text,
                                     cause: causeField.text, key: keyField.text, value: valueField.text,
                                     valueType: typeBox.currentText, keyType: keyTypeField.text })
    readonly property var described: root.editor.describeDerive(root.parentId, root.kind, root.params)
    readonly property bool isTimeout: root.described.timeout === true
    readonly property bool isDeadline: root.described.deadline === true
    readonly property bool hasCause: root.described.cause === true
    readonly property bool isValue: root.described.value === true
    // Why the key or the value cannot be used ("" when they can): shown under the fields as you
    // type, as the duration fields do.
    readonly property string keyError: root.described.keyError ?? ""
    readonly property string valueError: root.described.valueError ?? ""
    readonly property bool valid: (!root.isTimeout || timeoutField.valid) && (!root.isDeadline || deadlineField.valid)
                                  && root.keyError === "" && root.valueError === ""
    readonly property string goCall: root.described.goCall ?? ""

    signal failed(string error)

    // setFields fills the parameter fields: the defaults for a new context, or a context's own.
    function setFields(p) {
        timeoutField.text = p.timeout
        deadlineField.text = p.deadline
        causeField.text = p.cause
        keyField.text = p.key
        valueField.text = p.value
        typeBox.currentIndex = Math.max(0, typeBox.find(p.valueType))
        keyTypeField.text = p.keyType
    }
    function openAndFocus() {
        root.open()
        const first = root.isTimeout ? timeoutField.field : root.isDeadline ? deadlineField.field
                    : root.isValue ? keyField : labelField
        first.forceActiveFocus()
        if (root.editing && first.selectAll) first.selectAll()
    }
    function start(parentId, kind) {
        root.editing = false
        root.contextId = ""
        root.parentId = parentId
        root.kind = kind
        idField.text = ""
        labelField.text = ""
        root.setFields({ timeout: "100ms", deadline: "300ms", cause: "budget exhausted", key: "",
                         value: "42", valueType: "string", keyType: "ctxKey" })
        root.openAndFocus()
    }
    // startEdit opens the dialog on the current parameters of contextId; false (and `failed`)
    // when it has none to edit.
    function startEdit(contextId) {
        const p = Object.assign({}, root.document.contexts.contextParameters(contextId))
        if (!p.ok || !p.hasParams) {
            root.failed(p.ok ? qsTr("%1 takes no parameters to edit").arg(p.kind) : p.error)
            return false
        }
        root.editing = true
        root.contextId = contextId
        root.parentId = p.parent
        root.kind = p.kind
        root.createdAt = p.at
        root.setFields(p)
        root.openAndFocus()
        return true
    }

    title: root.editing ? qsTr("Edit %1 %2").arg(root.kind).arg(EventText.contextTitle(root.document, root.contextId))
                        : qsTr("Derive %1 from %2").arg(root.kind).arg(EventText.contextTitle(root.document, root.parentId))
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 460
    standardButtons: Dialog.Ok | Dialog.Cancel
    Component.onCompleted: {
        const ok = root.standardButton(Dialog.Ok)
        ok.enabled = Qt.binding(() => root.valid)
        ok.text = Qt.binding(() => root.editing ? qsTr("Apply") : qsTr("OK"))
        ok.objectName = "okButton"
    }

    onAccepted: {
        const error = root.editing ? root.document.contexts.editParameters(root.contextId, root.params)
                                   : root.document.contexts.derive(root.parentId, root.kind, root.params)
        if (error !== "") root.failed(error)
    }

    GridLayout {
        anchors.fill: parent
        // Enter in any field takes the dialog's one obvious action (a TextField passes it on).
        function submitForm() { if (root.valid) root.accept() }
        Keys.onReturnPressed: submitForm()
        Keys.onEnterPressed: submitForm()
        columns: 2
        columnSpacing: 10
        rowSpacing: 6

        Label { text: qsTr("Timeout"); visible: root.isTimeout; Layout.alignment: Qt.AlignTop; Layout.topMargin: 6 }
        DurationField { id: timeoutField; objectName: "timeoutField"; text: "100ms"; visible: root.isTimeout; Layout.fillWidth: true }
        Label { text: qsTr("Deadline at"); visible: root.isDeadline; Layout.alignment: Qt.AlignTop; Layout.topMargin: 6 }
        DurationField { id: deadlineField; objectName: "deadlineField"; text: "300ms"; visible: root.isDeadline; Layout.fillWidth: true }
        Label { text: qsTr("Cause"); visible: root.hasCause }
        TextField { id: causeField; objectName: "causeField"; text: "budget exhausted"; visible: root.hasCause; selectByMouse: true; Layout.fillWidth: true }
        Label { text: qsTr("Key"); visible: root.isValue; Layout.alignment: Qt.AlignTop; Layout.topMargin: 6 }
        ColumnLayout {
            visible: root.isValue
            spacing: 2
            Layout.fillWidth: true
            TextField { id: keyField; objectName: "keyField"; placeholderText: "userID"; selectByMouse: true; Layout.fillWidth: true }
            Label {
                objectName: "keyError"
                visible: root.keyError !== ""
                text: "\u2715 " + root.keyError
                color: Theme.canceled
                font.pixelSize: 11
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
        Label { text: qsTr("Value"); visible: root.isValue; Layout.alignment: Qt.AlignTop; Layout.topMargin: 6 }
        ColumnLayout {
            visible: root.isValue
            spacing: 2
            Layout.fillWidth: true
            RowLayout {
                Layout.fillWidth: true
                TextField { id: valueField; objectName: "valueField"; text: "42"; enabled: typeBox.currentText !== "null"; selectByMouse: true; Layout.fillWidth: true }
                FormComboBox { id: typeBox; objectName: "valueTypeBox"; model: ["string", "number", "bool", "null"]; implicitWidth: 96 }
            }
            Label {
                objectName: "valueError"
                visible: root.valueError !== ""
                text: "\u2715 " + root.valueError
                color: Theme.canceled
                font.pixelSize: 11
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
        Label { text: qsTr("Key type"); visible: root.isValue }
        TextField { id: keyTypeField; objectName: "keyTypeField"; text: "ctxKey"; visible: root.isValue; selectByMouse: true; Layout.fillWidth: true }
        Label { text: qsTr("Id"); visible: !root.editing }
        TextField { id: idField; objectName: "idField"; visible: !root.editing; placeholderText: qsTr("automatic"); selectByMouse: true; Layout.fillWidth: true }
        Label { text: qsTr("Label"); visible: !root.editing }
        TextField { id: labelField; objectName: "labelField"; visible: !root.editing; placeholderText: qsTr("same as the id"); selectByMouse: true; Layout.fillWidth: true }
        Label {
            text: root.goCall
            font.family: "DejaVu Sans Mono"
            font.pixelSize: 11
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            opacity: 0.8
            Layout.columnSpan: 2
            Layout.fillWidth: true
            Layout.topMargin: 4
        }
        Label {
            objectName: "modeNote"
            visible: root.editing || root.document.time > 0
            text: root.editing ? qsTr("Keeps its id, label, children and tasks; still created at %1.").arg(root.createdAt)
                               : qsTr("Created at %1, the playhead's time.").arg(root.document.timeText)
            font.pixelSize: 11
            opacity: 0.75
            wrapMode: Text.Wrap
            Layout.columnSpan: 2
            Layout.fillWidth: true
        }
    }
}
