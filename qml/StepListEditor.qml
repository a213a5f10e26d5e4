// StepListEditor: the task's steps as an editable list (operation, duration, how it watches
// ctx, text), with add, remove and reorder. Nested steps (derive, spawn) show as a summary.
// It edits a copy and reports the whole new list through `edited`, so the owner stays the
// single place where the steps live.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

ColumnLayout {
    id: root

    required property var steps
    signal edited(var steps)

    readonly property var ops: ["work", "await done", "await children", "fail", "log", "value"]

    function opName(step) {
        if (step.op === "await") return step.what === "children" ? "await children" : "await done"
        return step.op
    }
    function summary(step) {
        if (step.op === "derive") return qsTr("derive %1 %2").arg(step.kind).arg(step.timeout ?? step.deadline ?? "")
        if (step.op === "spawn") return qsTr("spawn a task: %1").arg(step.steps.map(s => s.op + " " + (s.duration ?? "")).join(", "))
        return ""
    }
    function replace(index, step) {
        const copy = root.steps.slice()
        if (step === null) copy.splice(index, 1)
        else copy[index] = step
        root.edited(copy)
    }
    function update(index, key, value) {
        const step = Object.assign({}, root.steps[index])
        step[key] = value
        root.replace(index, step)
    }
    function setOp(index, name) {
        const fresh = { "work": { op: "work", duration: "100ms", watch: "done", poll: "20ms" },
                        "await done": { op: "await", what: "done" }, "await children": { op: "await", what: "children" },
                        "fail": { op: "fail", text: "boom" }, "log": { op: "log", text: "hello" }, "value": { op: "value", key: "requestID" } }
        root.replace(index, fresh[name])
    }
    function move(index, delta) {
        const copy = root.steps.slice()
        const j = index + delta
        if (j < 0 || j >= copy.length) return
        const t = copy[index]; copy[index] = copy[j]; copy[j] = t
        root.edited(copy)
    }

    spacing: 4

    Repeater {
        model: root.steps
        delegate: RowLayout {
            id: row
            required property var modelData
            required property int index
            readonly property bool nested: row.modelData.op === "derive" || row.modelData.op === "spawn"
            spacing: 4
            Layout.fillWidth: true

            Label { text: (row.index + 1) + "."; Layout.preferredWidth: 20 }
            ComboBox {
                visible: !row.nested
                model: root.ops
                currentIndex: root.ops.indexOf(root.opName(row.modelData))
                onActivated: (i) => root.setOp(row.index, root.ops[i])
                implicitWidth: 132
            }
            Label { visible: row.nested; text: root.summary(row.modelData); elide: Text.ElideRight; Layout.fillWidth: true }
            DurationField {
                id: durationField
                visible: row.modelData.op === "work"
                text: row.modelData.duration ?? ""
                allowNegative: false
                field.onTextEdited: root.update(row.index, "duration", durationField.text)
                Layout.preferredWidth: 90
            }
            ComboBox {
                id: watchBox
                readonly property var values: ["done", "none", "poll"]
                visible: row.modelData.op === "work"
                model: [qsTr("watch Done"), qsTr("ignore ctx"), qsTr("poll Err()")]
                currentIndex: watchBox.values.indexOf(row.modelData.watch ?? "done")
                onActivated: (i) => root.update(row.index, "watch", watchBox.values[i])
                implicitWidth: 116
            }
            DurationField {
                id: pollField
                visible: row.modelData.op === "work" && row.modelData.watch === "poll"
                text: row.modelData.poll ?? "20ms"
                allowNegative: false
                field.onTextEdited: root.update(row.index, "poll", pollField.text)
                Layout.preferredWidth: 80
            }
            TextField {
                id: textField
                visible: ["fail", "log"].includes(row.modelData.op)
                text: row.modelData.text ?? ""
                onTextEdited: root.update(row.index, "text", textField.text)
                Layout.fillWidth: true
            }
            TextField {
                id: keyField
                visible: row.modelData.op === "value"
                text: row.modelData.key ?? ""
                placeholderText: qsTr("key")
                onTextEdited: root.update(row.index, "key", keyField.text)
                Layout.fillWidth: true
            }
            Item { Layout.fillWidth: true; visible: ["await"].includes(row.modelData.op) || row.modelData.op === "work" }
            ToolButton { text: "\u2191"; enabled: row.index > 0; onClicked: root.move(row.index, -1) }
            ToolButton { text: "\u2193"; enabled: row.index < root.steps.length - 1; onClicked: root.move(row.index, 1) }
            ToolButton { text: "\u2715"; onClicked: root.replace(row.index, null) }
        }
    }
    Button {
        text: qsTr("Add step")
        onClicked: root.edited(root.steps.concat([{ op: "work", duration: "50ms", watch: "done", poll: "20ms" }]))
    }
}
