// InspectorPane: the selected context in words. Err, Cause, Deadline (own or inherited, from
// which ancestor), values visible from it (shadowed ones marked), children, tasks, after-funcs,
// lints, and "why is this done?": the chain to where the cancellation began and what began it.
// It scrolls, with the scroll bar shown whenever there is more than fits, so that the last
// section is never cut off unnoticed; a new selection starts at the top. In Predict mode
// (hideOutcome) lints and what the after-funcs did are left out: they are outcomes.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Pane {
    id: root

    required property var details
    required property Document document
    required property AppActions actions
    property bool hideOutcome: false
    readonly property bool hasNode: root.details.id !== undefined
    readonly property alias flickable: scroll.contentItem   // for tests: scroll and look
    readonly property alias content: column
    property string shownId: ""   // whose details are on screen (onDetailsChanged)

    signal select(string id)
    signal failed(string error)

    padding: 0

    // Another context: back to its top (a long one scrolled down must not leave the next blank).
    onDetailsChanged: {
        if ((root.details.id ?? "") === root.shownId) return
        root.shownId = root.details.id ?? ""
        scroll.contentItem.contentY = 0
    }

    ScrollView {
        id: scroll
        objectName: "inspectorScroll"
        readonly property bool overflows: column.implicitHeight > scroll.availableHeight
        anchors.fill: parent
        contentWidth: availableWidth
        contentHeight: column.implicitHeight
        // Always there when it is needed: a bar that appears only on hover hides that there is more.
        ScrollBar.vertical.policy: scroll.overflows ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff

        ColumnLayout {
            id: column
            // 12 px margins, and the scroll bar's width kept clear on the right, always: a width
            // that depended on whether the text overflows would wrap it anew (a polish loop).
            width: scroll.availableWidth - 24 - scroll.ScrollBar.vertical.width
            x: 12
            spacing: 4

            // Nothing selected: the scenario itself.
            ColumnLayout {
                visible: !root.hasNode
                Layout.fillWidth: true
                Layout.topMargin: 12
                Label { text: root.document.scenarioName; font.bold: true; font.pixelSize: 16; wrapMode: Text.Wrap; Layout.fillWidth: true }
                Label {
                    text: qsTr("Click a context to inspect it. Right-click it (or press Shift+F10) to derive children, start tasks, cancel it. Press ? for all shortcuts.")
                    wrapMode: Text.Wrap
                    opacity: 0.75
                    Layout.fillWidth: true
                }
            }

            // Header: state, label, kind.
            RowLayout {
                visible: root.hasNode
                Layout.fillWidth: true
                Layout.topMargin: 12
                Rectangle {
                    width: 8
                    color: Theme.stateColor(root.details.nodeState ?? NodeState.NotCreated)
                    Layout.fillHeight: true
                }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Label { objectName: "titleLabel"; text: root.details.label ?? ""; font.bold: true; font.pixelSize: 16; elide: Text.ElideRight; Layout.fillWidth: true }
                    Label { text: (root.details.kind ?? "") + "  \u00B7  id " + (root.details.id ?? ""); opacity: 0.75; elide: Text.ElideRight; Layout.fillWidth: true }
                    Label {
                        objectName: "stateLabel"
                        text: (root.details.stateGlyph ?? "") + " " + (root.details.stateName ?? "")
                        color: Theme.stateColor(root.details.nodeState ?? NodeState.NotCreated)
                        font.bold: true
                    }
                }
            }
            Flow {
                visible: root.hasNode
                spacing: 4
                Layout.fillWidth: true
                Layout.topMargin: 4
                // A Flow's height follows its width only after layout: ask for what it wraps to,
                // or the buttons' second row lies over the next section.
                Layout.preferredHeight: childrenRect.height
                Button { text: qsTr("Derive \u25BE"); enabled: root.actions.deriveEnabled; opacity: enabled ? 1 : 0.45; onClicked: deriveMenu.popup(); NodeDeriveMenu { id: deriveMenu; actions: root.actions } }
                Button { action: root.actions.startTask; opacity: enabled ? 1 : 0.45 }
                Button { action: root.actions.afterFunc; opacity: enabled ? 1 : 0.45 }
                Button {
                    action: root.actions.cancel
                    opacity: enabled ? 1 : 0.45
                    ToolTip.visible: cancelHover.hovered && !enabled
                    ToolTip.text: qsTr("%1 has no cancel function in Go").arg(root.details.kind ?? "")
                    HoverHandler { id: cancelHover }
                }
                Button { action: root.actions.rename; opacity: enabled ? 1 : 0.45 }
                // Only kinds made with parameters have any to edit (not WithCancel, WithoutCancel, ...).
                Button { action: root.actions.editParams; opacity: enabled ? 1 : 0.45; visible: root.actions.selectedActions.hasParams === true }
                Button { action: root.actions.remove; opacity: enabled ? 1 : 0.45 }
            }
            // The task or after-func selected on this context (a click on its chip).
            Rectangle {
                objectName: "goroutineSection"
                visible: root.hasNode && root.actions.selectedGoroutine !== ""
                color: "transparent"
                border.color: Theme.selection
                radius: 4
                implicitHeight: goroutineColumn.implicitHeight + 12
                Layout.fillWidth: true
                Layout.topMargin: 6
                ColumnLayout {
                    id: goroutineColumn
                    x: 8
                    y: 6
                    width: parent.width - 16
                    Label { text: qsTr("Selected: %1").arg(root.actions.selectedGoroutine); font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                    Label {
                        visible: !root.actions.selectedGoroutineEditable
                        text: root.actions.selectedGoroutineOwner !== ""
                              ? qsTr("Started by a step of %1: Edit task opens its steps, this one among them.").arg(root.actions.selectedGoroutineOwner)
                              : qsTr("Started by a step of another task: edit that task's steps.")
                        wrapMode: Text.Wrap
                        opacity: 0.75
                        Layout.fillWidth: true
                    }
                    Flow {
                        spacing: 4
                        Layout.fillWidth: true
                        Layout.preferredHeight: childrenRect.height
                        Button { action: root.actions.editGoroutine; opacity: enabled ? 1 : 0.45 }
                        Button { action: root.actions.expectNow; opacity: enabled ? 1 : 0.45 }
                        Button { action: root.actions.remove; opacity: enabled ? 1 : 0.45 }
                    }
                }
            }

            InspectorSection {
                title: qsTr("State at %1").arg(root.document.timeText)
                visible: root.hasNode
                FieldRow { name: "Err()"; value: root.details.err ?? ""; valueColor: root.details.err === "nil" || (root.details.err ?? "").startsWith("?") ? root.palette.windowText : Theme.canceled }
                FieldRow { name: "Cause()"; value: root.details.cause ?? "" }
                FieldRow { name: qsTr("Done at"); value: root.details.doneAt ?? ""; visible: value !== "" }
                FieldRow { name: "Deadline()"; value: root.details.deadline ?? "" }
                FieldRow { name: qsTr("Created"); value: root.details.created ?? "" }
                // fmt.Sprint(ctx), as the exported Go test prints it (its clock starts at 2000-01-01 UTC).
                FieldRow { name: "fmt.Sprint"; value: root.details.goName ?? ""; visible: value !== "" }
                FieldRow {
                    name: qsTr("Parent"); value: root.details.parentName ?? ""; visible: value !== ""; link: true
                    onActivated: root.select(root.details.parentId)
                }
                FieldRow { name: qsTr("Derived by"); value: root.details.derivedBy ?? ""; visible: value !== "" }
            }
            InspectorSection {
                // Facts here that Go decides by a race (spec/trace.md "Races"): what raced, when,
                // and the values Go can give; the play bar's switcher shows the other outcomes.
                objectName: "raceSection"
                title: qsTr("\u2684 Decided by a race")
                visible: root.hasNode && (root.details.races ?? []).length > 0
                Repeater {
                    model: root.details.races ?? []
                    delegate: Label {
                        required property string modelData
                        text: modelData
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
            InspectorSection {
                objectName: "whySection"
                // A context that nothing can cancel says why it is never done.
                title: (root.details.doneAt ?? "") === "" ? qsTr("Why is this never done?") : qsTr("Why is this done?")
                visible: root.hasNode && (root.details.why ?? []).length > 0
                Repeater {
                    model: root.details.why ?? []
                    delegate: Label {
                        required property string modelData
                        required property int index
                        text: (index + 1) + ". " + modelData
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
            InspectorSection {
                title: qsTr("Values visible here")
                visible: root.hasNode && (root.details.values ?? []).length > 0
                Repeater {
                    model: root.details.values ?? []
                    delegate: Label {
                        required property var modelData
                        text: modelData.keyType + "(\"" + modelData.key + "\") = " + modelData.value
                              + qsTr("  from %1").arg(modelData.from) + (modelData.shadowed ? qsTr("  (shadowed)") : "")
                        font.strikeout: modelData.shadowed
                        opacity: modelData.shadowed ? 0.6 : 1
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }
            InspectorSection {
                title: qsTr("Children (%1)").arg((root.details.children ?? []).length)
                visible: root.hasNode && (root.details.children ?? []).length > 0
                Repeater {
                    model: root.details.children ?? []
                    delegate: FieldRow {
                        id: child
                        required property var modelData
                        name: child.modelData.name ?? child.modelData.id
                        value: child.modelData.kind + " \u2014 " + child.modelData.state
                        link: true
                        onActivated: root.select(child.modelData.id)
                    }
                }
            }
            InspectorSection {
                title: qsTr("Tasks")
                visible: root.hasNode && (root.details.tasks ?? []).length > 0
                Repeater {
                    model: root.details.tasks ?? []
                    delegate: FieldRow {
                        id: task
                        required property var modelData
                        name: task.modelData.name ?? task.modelData.id
                        readonly property bool flagged: task.modelData.lint !== "" && !root.hideOutcome
                        // Running or returned tells whether it has ended: in Predict mode both read "started".
                        readonly property string status: root.hideOutcome && (task.modelData.status === "running"
                                                         || task.modelData.status.startsWith("returned")) ? qsTr("started") : task.modelData.status
                        value: task.status + (task.flagged ? "  \u26A0 " + task.modelData.lint : "")
                        valueColor: task.flagged ? Theme.lint : root.palette.windowText
                    }
                }
            }
            InspectorSection {
                title: qsTr("AfterFuncs")
                visible: root.hasNode && (root.details.afterFuncs ?? []).length > 0
                Repeater {
                    model: root.details.afterFuncs ?? []
                    delegate: RowLayout {
                        id: afterFunc
                        required property var modelData
                        Layout.fillWidth: true
                        FieldRow {
                            name: afterFunc.modelData.id
                            // Whether it ran (or can still be stopped) tells whether its context is done.
                            value: root.hideOutcome ? qsTr("? (hidden: predict first)") : afterFunc.modelData.status
                        }
                        Button {
                            text: qsTr("Stop")
                            visible: afterFunc.modelData.canStop && !root.hideOutcome
                            onClicked: {
                                const error = root.document.contexts.stopAfterFunc(afterFunc.modelData.id)
                                if (error !== "") root.failed(error)
                            }
                            ToolTip.visible: stopHover.hovered
                            HoverHandler { id: stopHover }
                            ToolTip.text: qsTr("Call stop() at %1").arg(root.document.timeText)
                        }
                    }
                }
            }
            InspectorSection {
                objectName: "lintsSection"
                title: qsTr("Lints")
                visible: root.hasNode && (root.details.lints ?? []).length > 0 && !root.hideOutcome
                Repeater {
                    model: root.details.lints ?? []
                    delegate: Label { required property string modelData; text: "\u26A0 " + modelData; color: Theme.lint; wrapMode: Text.Wrap; Layout.fillWidth: true }
                }
            }
            Item { Layout.preferredHeight: 12 }
        }
    }
    // More below: the last lines fade out instead of ending at the edge as if cut.
    Rectangle {
        objectName: "moreBelow"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.rightMargin: scroll.overflows ? scroll.ScrollBar.vertical.width : 0
        height: 28
        visible: scroll.overflows && !scroll.contentItem.atYEnd
        gradient: Gradient {
            GradientStop { position: 0; color: Qt.rgba(root.palette.window.r, root.palette.window.g, root.palette.window.b, 0) }
            GradientStop { position: 1; color: root.palette.window }
        }
    }
}
