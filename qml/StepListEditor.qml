// StepListEditor: a task's steps as an editable list, with add, remove and reorder. A spawn or
// after_func step holds the steps of the goroutine it starts: they show indented under it, as a
// StepListEditor of their own (loaded, since a QML type cannot contain itself), to any depth.
// It edits a copy and reports the whole new list through `edited`, so the owner stays the
// single place where the steps live. What a step may hold, its fresh defaults and what is wrong
// with it come from the ScenarioEditor (C++): positions are named as it names them in its
// errors ("step 2.1" is the first step of the goroutine that step 2 starts).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

ColumnLayout {
    id: root

    required property ScenarioEditor editor
    property var steps: []
    property string prefix: ""        // "2." for the steps started by step 2 of the outer list
    signal edited(var steps)
    // moved tells the row now at `index` that a step was moved there by `delta` (focus follows).
    signal moved(int index, int delta)

    // The first reason the list cannot be used ("step 2.1: duration: ..."), or none; the owner
    // disables OK while there is one.
    readonly property var problems: {
        const p = root.editor.stepsProblem(root.steps)
        return p === "" ? [] : [p]
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
    function setOp(index, op) { root.replace(index, root.editor.freshStep(op)) }
    function move(index, delta) {
        const copy = root.steps.slice()
        const j = index + delta
        if (j < 0 || j >= copy.length) return
        const t = copy[index]; copy[index] = copy[j]; copy[j] = t
        root.edited(copy)
        root.moved(j, delta)
    }
    function addStep() { root.edited(root.steps.concat([root.editor.freshStep("work")])) }

    spacing: 4

    // The width of the step numbers ("2.10."), so that the fields of one list line up.
    readonly property int numberWidth: Math.max(22, Math.ceil(numberMetrics.advanceWidth) + 6)
    TextMetrics { id: numberMetrics; text: root.prefix + "00." }

    Repeater {
        // The count, not the array: editing a field keeps the rows (and the focus in them);
        // only adding or removing a step rebuilds them.
        model: root.steps.length
        delegate: ColumnLayout {
            id: item
            required property int index
            readonly property var step: root.steps[item.index] ?? ({})
            readonly property string position: root.prefix + (item.index + 1)
            readonly property string problem: root.editor.stepProblem(item.step)
            readonly property bool holdsSteps: stepRow.fields.steps === true
            // Keyboard users keep moving the same step: the focus follows it to its new place.
            Connections {
                target: root
                function onMoved(index, delta) { if (index === item.index) stepRow.focusMoveButton(delta) }
            }

            objectName: "step " + item.position
            spacing: 4
            Layout.fillWidth: true

            RowLayout {
                spacing: 4
                Layout.fillWidth: true
                Label {
                    text: item.position + "."
                    Layout.preferredWidth: root.numberWidth
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: 6
                }
                StepRow {
                    id: stepRow
                    editor: root.editor
                    step: item.step
                    position: item.position
                    first: item.index === 0
                    last: item.index === root.steps.length - 1
                    onUpdate: (key, value) => root.update(item.index, key, value)
                    onSetOp: (op) => root.setOp(item.index, op)
                    onMove: (delta) => root.move(item.index, delta)
                    onRemove: root.replace(item.index, null)
                    Layout.fillWidth: true
                }
            }
            // What is wrong with this step, under it, as the dialog's OK button sees it.
            Label {
                objectName: "stepError"
                visible: item.problem !== ""
                text: "\u2715 " + item.problem
                color: Theme.canceled
                font.pixelSize: 11
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.leftMargin: root.numberWidth + 4
            }
            // spawn / after_func: the goroutine's own steps, indented under it with a rule.
            RowLayout {
                visible: item.holdsSteps
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
                    active: item.holdsSteps
                    Layout.fillWidth: true
                    Component.onCompleted: nestedLoader.setSource("StepListEditor.qml", { editor: root.editor })
                    onLoaded: {
                        nestedLoader.item.objectName = "spawned by " + item.position
                        nestedLoader.item.prefix = Qt.binding(() => item.position + ".")
                        nestedLoader.item.steps = Qt.binding(() => item.step.steps ?? [])
                        nestedLoader.item.edited.connect((s) => root.update(item.index, "steps", s))
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
