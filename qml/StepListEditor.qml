// StepListEditor: a task's steps as an editable list (operation, duration, how it watches ctx,
// the context a derive makes, text), with add, remove and reorder. A spawn step holds the steps
// of the goroutine it starts: they show indented under it, as a StepListEditor of their own
// (loaded, since a QML type cannot contain itself), to any depth.
// It edits a copy and reports the whole new list through `edited`, so the owner stays the
// single place where the steps live. Positions are numbered as TaskBuilder names them in its
// errors: "2.1" is the first step of the goroutine that step 2 spawns.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

ColumnLayout {
    id: root

    property var steps: []
    property string prefix: ""        // "2." for the steps spawned by step 2 of the outer list
    signal edited(var steps)
    // moved tells the row now at `index` that a step was moved there by `delta` (focus follows).
    signal moved(int index, int delta)

    readonly property var ops: ["work", "await done", "await children", "derive", "spawn", "value", "log", "fail"]
    readonly property var kinds: ["WithCancel", "WithCancelCause", "WithTimeout", "WithTimeoutCause",
                                  "WithDeadline", "WithDeadlineCause", "WithValue", "WithoutCancel"]
    // Every reason the list cannot be used, as "step 2.1: ...", nested steps included; the
    // owner disables OK while there is one. TaskBuilder checks the same things again.
    readonly property var problems: root.problemsOf(root.steps, root.prefix)

    function opName(step) {
        if (step.op === "await") return step.what === "children" ? "await children" : "await done"
        return step.op
    }
    function isTimeoutKind(kind) { return kind === "WithTimeout" || kind === "WithTimeoutCause" }
    function isDeadlineKind(kind) { return kind === "WithDeadline" || kind === "WithDeadlineCause" }
    function hasCause(kind) { return kind === "WithTimeoutCause" || kind === "WithDeadlineCause" }
    function idBase(kind) {
        return ({ WithCancel: "cancel", WithCancelCause: "cancelcause", WithTimeout: "timeout", WithTimeoutCause: "timeoutcause",
                  WithDeadline: "deadline", WithDeadlineCause: "deadlinecause", WithValue: "value", WithoutCancel: "detached" })[kind] ?? "ctx"
    }
    function durationProblem(text, allowNegative) {
        const p = Object.assign({}, GoDuration.parse(text ?? ""))
        if (!p.ok) return p.error
        return !allowNegative && p.nanos < 0 ? qsTr("must not be negative") : ""
    }
    // stepProblems lists what is wrong with one step itself ("duration: why"), not with the
    // steps it spawns.
    function stepProblems(s) {
        const out = []
        const bad = (what, why) => { if (why !== "") out.push(what + why) }
        if (s.op === "work") {
            bad(qsTr("duration: "), root.durationProblem(s.duration, false))
            if (s.watch === "poll") {
                const why = root.durationProblem(s.poll, false)
                bad(qsTr("poll: "), why !== "" ? why : Object.assign({}, GoDuration.parse(s.poll)).nanos <= 0 ? qsTr("the interval must be positive") : "")
            }
        } else if (s.op === "derive") {
            if (root.isTimeoutKind(s.kind)) bad(qsTr("timeout: "), root.durationProblem(s.timeout, true))
            if (root.isDeadlineKind(s.kind)) bad(qsTr("deadline: "), root.durationProblem(s.deadline, false))
            if (s.kind === "WithValue" && (s.key ?? "").trim() === "") bad(qsTr("derive: "), qsTr("a WithValue needs a key"))
        }
        return out
    }
    function problemsOf(steps, prefix) {
        let out = []
        for (let i = 0; i < steps.length; ++i) {
            const at = qsTr("step %1%2: ").arg(prefix).arg(i + 1)
            out = out.concat(root.stepProblems(steps[i]).map(p => at + p))
            if (steps[i].op === "spawn")
                out = out.concat(root.problemsOf(steps[i].steps ?? [], prefix + (i + 1) + "."))
        }
        return out
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
    function freshStep(name) {
        switch (name) {
        case "work": return { op: "work", duration: "100ms", watch: "done", poll: "20ms" }
        case "await done": return { op: "await", what: "done" }
        case "await children": return { op: "await", what: "children" }
        case "derive": return { op: "derive", kind: "WithTimeout", timeout: "100ms", deadline: "300ms", cause: "budget exhausted", key: "requestID", value: "r-1", base: "timeout" }
        case "spawn": return { op: "spawn", base: "worker", steps: [{ op: "work", duration: "50ms", watch: "done", poll: "20ms" }] }
        case "value": return { op: "value", key: "requestID" }
        case "log": return { op: "log", text: "hello" }
        case "fail": return { op: "fail", text: "boom" }
        }
        return null
    }
    function setOp(index, name) { root.replace(index, root.freshStep(name)) }
    // setKind and setWatch also fill in what the new kind or watch needs, so that the fields
    // never show a value the step does not hold.
    function setKind(index, kind) {
        const step = Object.assign({ timeout: "100ms", deadline: "300ms", cause: "budget exhausted", key: "requestID", value: "r-1" },
                                   root.steps[index])
        step.kind = kind
        step.base = root.idBase(kind)
        root.replace(index, step)
    }
    function setWatch(index, watch) {
        const step = Object.assign({ poll: "20ms" }, root.steps[index])
        step.watch = watch
        root.replace(index, step)
    }
    function move(index, delta) {
        const copy = root.steps.slice()
        const j = index + delta
        if (j < 0 || j >= copy.length) return
        const t = copy[index]; copy[index] = copy[j]; copy[j] = t
        root.edited(copy)
        root.moved(j, delta)
    }
    function addStep() { root.edited(root.steps.concat([root.freshStep("work")])) }

    spacing: 4

    // The width of the step numbers ("2.10."), so that the fields of one list line up.
    readonly property int numberWidth: Math.max(22, Math.ceil(numberMetrics.advanceWidth) + 6)
    TextMetrics { id: numberMetrics; text: root.prefix + "00." }

    Repeater {
        id: repeater
        // The count, not the array: editing a field keeps the rows (and the focus in them);
        // only adding or removing a step rebuilds them.
        model: root.steps.length
        delegate: ColumnLayout {
            id: row
            required property int index
            readonly property var step: root.steps[row.index] ?? ({})
            readonly property string position: root.prefix + (row.index + 1)
            readonly property bool isDerive: row.step.op === "derive"
            readonly property bool isSpawn: row.step.op === "spawn"
            readonly property var problems: root.stepProblems(row.step)
            // Keyboard users keep moving the same step: the focus follows it to its new place.
            Connections {
                target: root
                function onMoved(index, delta) {
                    if (index === row.index)
                        (delta < 0 ? (upButton.enabled ? upButton : downButton)
                                   : (downButton.enabled ? downButton : upButton)).forceActiveFocus()
                }
            }

            objectName: "step " + row.position
            spacing: 4
            Layout.fillWidth: true

            RowLayout {
                spacing: 4
                Layout.fillWidth: true

                Label {
                    text: row.position + "."
                    Layout.preferredWidth: root.numberWidth
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: 6
                }
                ComboBox {
                    objectName: "opBox"
                    model: root.ops
                    currentIndex: root.ops.indexOf(root.opName(row.step))
                    onActivated: (i) => root.setOp(row.index, root.ops[i])
                    implicitWidth: 132
                    Layout.alignment: Qt.AlignTop
                    Accessible.name: qsTr("Operation of step %1").arg(row.position)
                }

                // work: D, how it watches ctx, P
                DurationField {
                    id: durationField
                    showStatus: false
                    objectName: "durationField"
                    visible: row.step.op === "work"
                    text: row.step.duration ?? ""
                    allowNegative: false
                    field.onTextEdited: root.update(row.index, "duration", durationField.text)
                    Layout.preferredWidth: 90
                    Layout.fillWidth: false
                    Layout.alignment: Qt.AlignTop
                }
                ComboBox {
                    id: watchBox
                    readonly property var values: ["done", "none", "poll"]
                    visible: row.step.op === "work"
                    model: [qsTr("watch Done"), qsTr("ignore ctx"), qsTr("poll Err()")]
                    currentIndex: watchBox.values.indexOf(row.step.watch ?? "done")
                    onActivated: (i) => root.setWatch(row.index, watchBox.values[i])
                    implicitWidth: 116
                    Layout.alignment: Qt.AlignTop
                }
                DurationField {
                    id: pollField
                    showStatus: false
                    objectName: "pollField"
                    visible: row.step.op === "work" && row.step.watch === "poll"
                    text: row.step.poll ?? ""
                    allowNegative: false
                    field.onTextEdited: root.update(row.index, "poll", pollField.text)
                    Layout.preferredWidth: 80
                    Layout.fillWidth: false
                    Layout.alignment: Qt.AlignTop
                }

                // derive: the kind and what it takes
                ComboBox {
                    id: kindBox
                    objectName: "kindBox"
                    visible: row.isDerive
                    model: root.kinds
                    currentIndex: root.kinds.indexOf(row.step.kind ?? "WithTimeout")
                    onActivated: (i) => root.setKind(row.index, root.kinds[i])
                    implicitWidth: 158
                    Layout.alignment: Qt.AlignTop
                    Accessible.name: qsTr("Kind of the context step %1 derives").arg(row.position)
                }
                DurationField {
                    id: timeoutField
                    showStatus: false
                    objectName: "timeoutField"
                    visible: row.isDerive && root.isTimeoutKind(row.step.kind)
                    text: row.step.timeout ?? ""
                    field.onTextEdited: root.update(row.index, "timeout", timeoutField.text)
                    Layout.preferredWidth: 80
                    Layout.fillWidth: false
                    Layout.alignment: Qt.AlignTop
                }
                DurationField {
                    id: deadlineField
                    showStatus: false
                    objectName: "deadlineField"
                    visible: row.isDerive && root.isDeadlineKind(row.step.kind)
                    text: row.step.deadline ?? ""
                    allowNegative: false
                    field.onTextEdited: root.update(row.index, "deadline", deadlineField.text)
                    Layout.preferredWidth: 80
                    Layout.fillWidth: false
                    Layout.alignment: Qt.AlignTop
                }
                TextField {
                    id: causeField
                    visible: row.isDerive && root.hasCause(row.step.kind)
                    text: row.step.cause ?? ""
                    placeholderText: qsTr("cause")
                    selectByMouse: true
                    onTextEdited: root.update(row.index, "cause", causeField.text)
                    Layout.fillWidth: true
                    Layout.minimumWidth: 60
                    Layout.alignment: Qt.AlignTop
                }
                TextField {
                    id: deriveKeyField
                    objectName: "deriveKeyField"
                    visible: row.isDerive && row.step.kind === "WithValue"
                    text: row.step.key ?? ""
                    placeholderText: qsTr("key")
                    selectByMouse: true
                    color: deriveKeyField.text.trim() === "" ? Theme.canceled : deriveKeyField.palette.text
                    onTextEdited: root.update(row.index, "key", deriveKeyField.text)
                    Layout.fillWidth: true
                    Layout.minimumWidth: 50
                    Layout.alignment: Qt.AlignTop
                }
                TextField {
                    id: deriveValueField
                    visible: row.isDerive && row.step.kind === "WithValue"
                    text: row.step.value ?? ""
                    placeholderText: qsTr("value")
                    selectByMouse: true
                    onTextEdited: root.update(row.index, "value", deriveValueField.text)
                    Layout.fillWidth: true
                    Layout.minimumWidth: 50
                    Layout.alignment: Qt.AlignTop
                }

                // derive and spawn: the id of what they make (automatic when empty)
                TextField {
                    id: idField
                    objectName: "idField"
                    visible: row.isDerive || row.isSpawn
                    text: row.step.id ?? ""
                    placeholderText: row.isSpawn ? qsTr("id: %1…").arg(row.step.base ?? "worker") : qsTr("id: auto")
                    selectByMouse: true
                    onTextEdited: root.update(row.index, "id", idField.text.trim())
                    Layout.preferredWidth: 84
                    Layout.fillWidth: row.isSpawn
                    Layout.alignment: Qt.AlignTop
                    Accessible.name: qsTr("Id of what step %1 makes").arg(row.position)
                }

                TextField {
                    id: textField
                    visible: ["fail", "log"].includes(row.step.op)
                    text: row.step.text ?? ""
                    selectByMouse: true
                    onTextEdited: root.update(row.index, "text", textField.text)
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                }
                TextField {
                    id: keyField
                    visible: row.step.op === "value"
                    text: row.step.key ?? ""
                    placeholderText: qsTr("key")
                    selectByMouse: true
                    onTextEdited: root.update(row.index, "key", keyField.text)
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                }
                Item { Layout.fillWidth: true; visible: row.step.op === "await" || row.step.op === "work" || (row.isDerive && !root.hasCause(row.step.kind) && row.step.kind !== "WithValue") }

                ToolButton {
                    id: upButton
                    objectName: "upButton"
                    text: "\u2191"
                    enabled: row.index > 0
                    focusPolicy: Qt.StrongFocus
                    onClicked: root.move(row.index, -1)
                    Layout.alignment: Qt.AlignTop
                    Accessible.name: qsTr("Move step %1 up").arg(row.position)
                    ToolTip.text: Accessible.name
                    ToolTip.visible: hovered || visualFocus
                    ToolTip.delay: 600
                }
                ToolButton {
                    id: downButton
                    objectName: "downButton"
                    text: "\u2193"
                    enabled: row.index < root.steps.length - 1
                    focusPolicy: Qt.StrongFocus
                    onClicked: root.move(row.index, 1)
                    Layout.alignment: Qt.AlignTop
                    Accessible.name: qsTr("Move step %1 down").arg(row.position)
                    ToolTip.text: Accessible.name
                    ToolTip.visible: hovered || visualFocus
                    ToolTip.delay: 600
                }
                ToolButton {
                    objectName: "removeButton"
                    text: "\u2715"
                    focusPolicy: Qt.StrongFocus
                    onClicked: root.replace(row.index, null)
                    Layout.alignment: Qt.AlignTop
                    Accessible.name: qsTr("Remove step %1").arg(row.position)
                    ToolTip.text: Accessible.name
                    ToolTip.visible: hovered || visualFocus
                    ToolTip.delay: 600
                }
            }

            // What is wrong with this step, under it, as the dialog's OK button sees it.
            Label {
                objectName: "stepError"
                visible: row.problems.length > 0
                text: "\u2715 " + row.problems.join("; ")
                color: Theme.canceled
                font.pixelSize: 11
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: root.numberWidth + 4
            }

            // spawn: the goroutine's own steps, indented under it with a rule on the left.
            RowLayout {
                visible: row.isSpawn
                spacing: 8
                Layout.fillWidth: true
                Layout.leftMargin: root.numberWidth
                Rectangle {
                    implicitWidth: 2
                    color: root.palette.mid
                    Layout.fillHeight: true
                }
                Loader {
                    id: nestedLoader
                    active: row.isSpawn
                    source: "StepListEditor.qml"
                    Layout.fillWidth: true
                    onLoaded: {
                        nestedLoader.item.objectName = "spawned by " + row.position
                        nestedLoader.item.prefix = Qt.binding(() => row.position + ".")
                        nestedLoader.item.steps = Qt.binding(() => row.step.steps ?? [])
                        nestedLoader.item.edited.connect((s) => root.update(row.index, "steps", s))
                    }
                }
            }
        }
    }
    Button {
        objectName: "addButton"
        text: root.prefix === "" ? qsTr("Add step") : qsTr("Add step to %1").arg(root.prefix.slice(0, -1))
        onClicked: root.addStep()
        Layout.leftMargin: root.prefix === "" ? 0 : root.numberWidth + 4
    }
}
