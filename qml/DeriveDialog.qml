// DeriveDialog: the parameters of a new child context (timeout, deadline, cause, key/value),
// with a preview of the Go call it stands for. Durations validate as you type.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Dialog {
    id: root

    required property Document document
    property string parentId: ""
    property string kind: "WithTimeout"
    readonly property bool isTimeout: root.kind === "WithTimeout" || root.kind === "WithTimeoutCause"
    readonly property bool isDeadline: root.kind === "WithDeadline" || root.kind === "WithDeadlineCause"
    readonly property bool hasCause: root.kind === "WithTimeoutCause" || root.kind === "WithDeadlineCause"
    readonly property bool isValue: root.kind === "WithValue"
    readonly property bool valid: (!root.isTimeout || timeoutField.valid) && (!root.isDeadline || deadlineField.valid)
                                  && (!root.isValue || keyField.text.trim() !== "")
    readonly property string goCall: {
        const p = root.parentId
        if (root.isTimeout) return `context.${root.kind}(${p}, ${timeoutField.text}${root.hasCause ? ", " + JSON.stringify(causeField.text) : ""})`
        if (root.isDeadline) return `context.${root.kind}(${p}, start.Add(${deadlineField.text})${root.hasCause ? ", " + JSON.stringify(causeField.text) : ""})`
        if (root.isValue) return `context.WithValue(${p}, ${keyTypeField.text}(${JSON.stringify(keyField.text)}), ${valueField.text})`
        return `context.${root.kind}(${p})`
    }

    signal failed(string error)

    function start(parentId, kind) {
        root.parentId = parentId
        root.kind = kind
        idField.text = ""
        labelField.text = ""
        root.open()
        const first = root.isTimeout ? timeoutField.field : root.isDeadline ? deadlineField.field
                    : root.isValue ? keyField : labelField
        first.forceActiveFocus()
    }

    title: qsTr("Derive %1 from %2").arg(root.kind).arg(root.parentId)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 460
    standardButtons: Dialog.Ok | Dialog.Cancel
    Component.onCompleted: root.standardButton(Dialog.Ok).enabled = Qt.binding(() => root.valid)

    onAccepted: {
        const params = { id: idField.text, label: labelField.text, timeout: timeoutField.text, deadline: deadlineField.text,
                         cause: causeField.text, key: keyField.text, value: valueField.text,
                         valueType: typeBox.currentText, keyType: keyTypeField.text }
        const error = root.document.derive(root.parentId, root.kind, params)
        if (error !== "") root.failed(error)
    }

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: 10
        rowSpacing: 6

        Label { text: qsTr("Timeout"); visible: root.isTimeout }
        DurationField { id: timeoutField; objectName: "timeoutField"; text: "100ms"; visible: root.isTimeout; Layout.fillWidth: true }
        Label { text: qsTr("Deadline at"); visible: root.isDeadline }
        DurationField { id: deadlineField; objectName: "deadlineField"; text: "300ms"; visible: root.isDeadline; Layout.fillWidth: true }
        Label { text: qsTr("Cause"); visible: root.hasCause }
        TextField { id: causeField; text: "budget exhausted"; visible: root.hasCause; selectByMouse: true; Layout.fillWidth: true }
        Label { text: qsTr("Key"); visible: root.isValue }
        TextField { id: keyField; objectName: "keyField"; placeholderText: "userID"; visible: root.isValue; selectByMouse: true; Layout.fillWidth: true }
        Label { text: qsTr("Value"); visible: root.isValue }
        RowLayout {
            visible: root.isValue
            Layout.fillWidth: true
            TextField { id: valueField; text: "42"; selectByMouse: true; Layout.fillWidth: true }
            ComboBox { id: typeBox; model: ["string", "number", "bool", "null"]; implicitWidth: 96 }
        }
        Label { text: qsTr("Key type"); visible: root.isValue }
        TextField { id: keyTypeField; text: "ctxKey"; visible: root.isValue; selectByMouse: true; Layout.fillWidth: true }
        Label { text: qsTr("Id") }
        TextField { id: idField; objectName: "idField"; placeholderText: qsTr("automatic"); selectByMouse: true; Layout.fillWidth: true }
        Label { text: qsTr("Label") }
        TextField { id: labelField; placeholderText: qsTr("same as the id"); selectByMouse: true; Layout.fillWidth: true }
        Label {
            text: root.goCall
            font.family: "DejaVu Sans Mono"
            font.pixelSize: 11
            wrapMode: Text.WrapAnywhere
            opacity: 0.8
            Layout.columnSpan: 2
            Layout.fillWidth: true
            Layout.topMargin: 4
        }
        Label {
            visible: root.document.time > 0
            text: qsTr("Created at %1, the playhead's time.").arg(root.document.timeText)
            font.pixelSize: 11
            opacity: 0.75
            Layout.columnSpan: 2
        }
    }
}
