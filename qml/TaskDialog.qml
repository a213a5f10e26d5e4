// TaskDialog: start a task (a goroutine) or register an AfterFunc on a context, from a common
// behaviour (work for D watching Done / ignoring it / polling; wait for Done; derive + spawn
// children + wait; fail) that fills an editable step list, spawned goroutines' steps included.
// OK waits until every step is usable; the first problem is named by its position ("step 2.1").
// No JSON anywhere.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Dialog {
    id: root

    required property Document document
    property string contextId: ""
    property bool afterFunc: false
    property var steps: []

    readonly property var presets: [qsTr("Work for D, watching ctx.Done()"), qsTr("Work for D, ignoring ctx (time.Sleep)"),
                                    qsTr("Work for D, polling ctx.Err() every P"), qsTr("Wait for ctx.Done()"),
                                    qsTr("Derive a WithTimeout, spawn children, wait for them"), qsTr("Work for D, then fail")]

    signal failed(string error)

    function start(contextId, afterFunc) {
        root.contextId = contextId
        root.afterFunc = afterFunc
        idField.text = ""
        labelField.text = ""
        presetBox.currentIndex = afterFunc ? 0 : 0
        root.applyPreset()
        root.open()
    }
    function applyPreset() {
        const d = workField.text, p = pollField.text
        switch (presetBox.currentIndex) {
        case 0: root.steps = [{ op: "work", duration: d, watch: "done", poll: p }]; break
        case 1: root.steps = [{ op: "work", duration: d, watch: "none", poll: p }]; break
        case 2: root.steps = [{ op: "work", duration: d, watch: "poll", poll: p }]; break
        case 3: root.steps = [{ op: "await", what: "done" }]; break
        case 4: {
            const s = [{ op: "derive", kind: "WithTimeout", timeout: budgetField.text, base: "budget" }]
            for (let i = 0; i < childrenBox.value; ++i)
                s.push({ op: "spawn", base: "worker", steps: [{ op: "work", duration: d, watch: "done" }] })
            s.push({ op: "await", what: "children" })
            root.steps = s
            break
        }
        case 5: root.steps = [{ op: "work", duration: d, watch: "done", poll: p }, { op: "fail", text: "something broke" }]; break
        }
    }

    title: (root.afterFunc ? qsTr("AfterFunc on %1") : qsTr("Start a task on %1")).arg(root.contextId)
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

    readonly property var problems: editor.problems
    readonly property bool valid: root.problems.length === 0

    onAccepted: {
        const spec = { id: idField.text, label: labelField.text, steps: root.steps }
        const error = root.afterFunc ? root.document.addAfterFunc(root.contextId, spec)
                                     : root.document.startTask(root.contextId, spec)
        if (error !== "") root.failed(error)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        GridLayout {
            columns: 2
            columnSpacing: 8
            rowSpacing: 6
            Layout.fillWidth: true

            Label { text: qsTr("Behaviour") }
            ComboBox {
                id: presetBox
                objectName: "presetBox"
                model: root.presets
                onActivated: root.applyPreset()
                Layout.fillWidth: true
            }
            Label { text: qsTr("D (work)") }
            DurationField { id: workField; text: "150ms"; allowNegative: false; field.onTextEdited: root.applyPreset(); Layout.fillWidth: true }
            Label { text: qsTr("P (poll)"); visible: presetBox.currentIndex === 2 }
            DurationField { id: pollField; text: "40ms"; allowNegative: false; visible: presetBox.currentIndex === 2; field.onTextEdited: root.applyPreset(); Layout.fillWidth: true }
            Label { text: qsTr("Budget"); visible: presetBox.currentIndex === 4 }
            DurationField { id: budgetField; text: "100ms"; visible: presetBox.currentIndex === 4; field.onTextEdited: root.applyPreset(); Layout.fillWidth: true }
            Label { text: qsTr("Children"); visible: presetBox.currentIndex === 4 }
            SpinBox { id: childrenBox; from: 1; to: 8; value: 2; visible: presetBox.currentIndex === 4; onValueModified: root.applyPreset() }
            Label { text: qsTr("Id") }
            TextField { id: idField; placeholderText: qsTr("automatic"); selectByMouse: true; Layout.fillWidth: true }
            Label { text: qsTr("Label") }
            TextField { id: labelField; placeholderText: qsTr("same as the id"); selectByMouse: true; Layout.fillWidth: true }
        }
        Label { text: qsTr("Steps"); font.bold: true }
        ScrollView {
            id: stepsView
            readonly property bool scrolls: editor.implicitHeight + 8 > stepsView.height
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: Math.min(editor.implicitHeight + 8, 120)
            Layout.preferredHeight: editor.implicitHeight + 8
            contentWidth: availableWidth
            clip: true
            ScrollBar.vertical.policy: stepsView.scrolls ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
            StepListEditor {
                id: editor
                objectName: "stepEditor"
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
            visible: root.document.time > 0
            text: (root.afterFunc ? qsTr("Registered at %1, the playhead's time.") : qsTr("Starts at %1, the playhead's time.")).arg(root.document.timeText)
            font.pixelSize: 11
            opacity: 0.75
        }
    }
}
