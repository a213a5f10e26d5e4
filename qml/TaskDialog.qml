// TaskDialog: start a task (a goroutine) or register an AfterFunc on a context, from a common
// behaviour (work for D watching Done / ignoring it / polling; wait for Done; derive + spawn
// children + wait; fail) that fills an editable step list, spawned goroutines' steps included.
// OK waits until every step is usable; the first problem is named by its position ("step 2.1").
// No JSON anywhere. startEdit opens it on a task or after-func of the scenario instead: its
// steps, id, label and start time, replaced as one undo step on OK.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Dialog {
    id: root

    required property Document document
    required property ScenarioEditor editor
    property string contextId: ""
    property bool afterFunc: false
    property var steps: []
    property string editedId: ""     // the goroutine being edited ("" when starting a new one)
    readonly property bool editing: root.editedId !== ""

    readonly property var presets: root.editor.taskPresets

    signal failed(string error)

    function start(contextId, afterFunc) {
        root.editedId = ""
        root.contextId = contextId
        root.afterFunc = afterFunc
        idField.text = ""
        labelField.text = ""
        presetBox.currentIndex = afterFunc ? 0 : 0
        root.applyPreset()
        root.open()
        // The first field has the focus, so that typing a duration and Enter start the task.
        workField.field.forceActiveFocus()
        workField.field.selectAll()
    }
    // startEdit opens the dialog on an existing top-level task or after-func; false (and
    // failed) if there is none by that id.
    function startEdit(id) {
        const g = root.editor.goroutine(id)
        if (!g.ok) { root.failed(g.error); return false }
        root.editedId = id
        root.contextId = g.context
        root.afterFunc = g.afterFunc
        idField.text = g.id
        labelField.text = g.label
        atField.text = g.at
        contextField.text = g.context
        root.steps = g.steps
        root.open()
        idField.forceActiveFocus()
        idField.selectAll()
        return true
    }
    function applyPreset() {
        root.steps = root.editor.presetSteps(presetBox.currentIndex, { duration: workField.text, poll: pollField.text,
                                                                       budget: budgetField.text, children: childrenBox.value })
    }

    title: root.editing ? (root.afterFunc ? qsTr("Edit after-func %1") : qsTr("Edit task %1")).arg(EventText.taskTitle(root.document, root.editedId))
                        : (root.afterFunc ? qsTr("AfterFunc on %1") : qsTr("Start a task on %1")).arg(EventText.contextTitle(root.document, root.contextId))
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(720, parent ? parent.width - 40 : 720)
    // As tall as the steps need, up to the window: beyond that the step list scrolls.
    height: parent ? Math.min(implicitHeight, parent.height - 40) : implicitHeight
    standardButtons: Dialog.Ok | Dialog.Cancel
    Component.onCompleted: {
        const ok = root.standardButton(Dialog.Ok)
        ok.enabled = Qt.binding(() => root.valid)
        ok.objectName = "okButton"
    }

    readonly property var problems: stepEditor.problems
    readonly property bool valid: root.problems.length === 0

    onAccepted: {
        const spec = { id: idField.text, label: labelField.text, steps: root.steps }
        if (root.editing) {
            spec.at = atField.text
            spec.context = contextField.text
            const e = root.editor.editGoroutine(root.editedId, spec)
            if (e !== "") root.failed(e)
            return
        }
        const error = root.afterFunc ? root.document.contexts.addAfterFunc(root.contextId, spec)
                                     : root.document.contexts.startTask(root.contextId, spec)
        if (error !== "") root.failed(error)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        // Enter in any field takes the dialog's one obvious action (a TextField passes it on).
        function submitForm() { if (root.valid) root.accept() }
        Keys.onReturnPressed: submitForm()
        Keys.onEnterPressed: submitForm()

        GridLayout {
            columns: 2
            columnSpacing: 8
            rowSpacing: 6
            Layout.fillWidth: true

            Label { text: qsTr("Behaviour"); visible: !root.editing }
            FormComboBox {
                id: presetBox
                objectName: "presetBox"
                visible: !root.editing
                model: root.presets
                onActivated: root.applyPreset()
                Layout.fillWidth: true
            }
            Label { text: qsTr("D (work)"); visible: !root.editing }
            DurationField { id: workField; objectName: "workField"; text: "150ms"; allowNegative: false; visible: !root.editing; field.onTextEdited: root.applyPreset(); Layout.fillWidth: true }
            Label { text: qsTr("P (poll)"); visible: !root.editing && presetBox.currentIndex === 2 }
            DurationField { id: pollField; text: "40ms"; allowNegative: false; visible: !root.editing && presetBox.currentIndex === 2; field.onTextEdited: root.applyPreset(); Layout.fillWidth: true }
            Label { text: qsTr("Budget"); visible: !root.editing && presetBox.currentIndex === 4 }
            DurationField { id: budgetField; text: "100ms"; visible: !root.editing && presetBox.currentIndex === 4; field.onTextEdited: root.applyPreset(); Layout.fillWidth: true }
            Label { text: qsTr("Children"); visible: !root.editing && presetBox.currentIndex === 4 }
            SpinBox { id: childrenBox; from: 1; to: 8; value: 2; visible: !root.editing && presetBox.currentIndex === 4; onValueModified: root.applyPreset() }
            Label { text: qsTr("Id") }
            TextField { id: idField; objectName: "idField"; placeholderText: qsTr("automatic"); selectByMouse: true; Layout.fillWidth: true }
            Label { text: qsTr("Label") }
            TextField { id: labelField; placeholderText: qsTr("same as the id"); selectByMouse: true; Layout.fillWidth: true }
            Label { text: qsTr("On context"); visible: root.editing }
            TextField { id: contextField; objectName: "contextField"; visible: root.editing; selectByMouse: true; Layout.fillWidth: true }
            Label { text: root.afterFunc ? qsTr("Registered at") : qsTr("Starts at"); visible: root.editing }
            DurationField { id: atField; objectName: "atField"; allowNegative: false; visible: root.editing; Layout.fillWidth: true }
        }
        Label { text: qsTr("Steps"); font.bold: true }
        ScrollView {
            id: stepsView
            readonly property bool scrolls: stepEditor.implicitHeight + 8 > stepsView.height
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: Math.min(stepEditor.implicitHeight + 8, 120)
            Layout.preferredHeight: stepEditor.implicitHeight + 8
            contentWidth: availableWidth
            clip: true
            ScrollBar.vertical.policy: stepsView.scrolls ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
            StepListEditor {
                id: stepEditor
                objectName: "stepEditor"
                editor: root.editor
                width: stepsView.availableWidth - (stepsView.scrolls ? stepsView.ScrollBar.vertical.width + 4 : 4)
                steps: root.steps
                onEdited: (steps) => root.steps = steps
            }
        }
        Label {
            objectName: "stepProblem"
            visible: root.problems.length > 0
            text: "\u2715 " + root.problems[0] + (root.problems.length > 1 ? qsTr(" (and %n more)", "", root.problems.length - 1) : "")
            color: Theme.canceled
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: !root.editing && root.document.time > 0
            text: (root.afterFunc ? qsTr("Registered at %1, the playhead's time.") : qsTr("Starts at %1, the playhead's time.")).arg(root.document.timeText)
            font.pixelSize: 11
            opacity: 0.75
        }
    }
}
