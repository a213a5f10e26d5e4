// BusyOverlay: what the window shows while the document runs a slow job (issue #14: simulating
// a big scenario, opening a big file, generating one). For the first moment nothing is drawn, so
// that a quick job does not flash; once the document says the job is visible (~300 ms), a card
// shows what runs, a progress bar (indeterminate when there is no telling how far it is) and
// Cancel (Esc does the same). While a job runs the window takes no input: the popup is modal,
// which also holds the menu and keyboard shortcuts, so no edit can land on a document that is
// about to be replaced; the window still redraws and answers Cancel. When a cancel left edits
// that were not simulated (SimulationRunner::cancelJob), a bar says so and offers to simulate them.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Item {
    id: root

    // The Document (typed var so that the tests can hand in a stand-in with the same members).
    required property var document
    readonly property bool busy: root.document.run.busy
    readonly property bool shown: popup.opened && root.document.run.jobVisible
    readonly property alias popup: popup

    anchors.fill: parent

    Popup {
        id: popup
        objectName: "busyPopup"
        parent: Overlay.overlay
        visible: root.busy
        modal: true
        dim: true
        focus: true
        closePolicy: Popup.NoAutoClose
        x: parent ? Math.round((parent.width - width) / 2) : 0
        y: parent ? Math.round((parent.height - height) / 2) : 0
        width: Math.min(480, parent ? parent.width - 40 : 480)
        padding: 16
        enter: null
        exit: null
        // The window dims with the card, not before (a dimmer made at open would not follow a
        // later change of `dim`).
        Overlay.modal: Rectangle {
            color: root.document.run.jobVisible ? Qt.rgba(0, 0, 0, 0.22) : "transparent"
            Behavior on color { ColorAnimation { duration: 120 } }
        }

        background: Rectangle {
            color: popup.palette.window
            border.color: popup.palette.mid
            radius: 6
            opacity: root.document.run.jobVisible ? 1 : 0
            Behavior on opacity { NumberAnimation { duration: 120 } }
        }

        contentItem: ColumnLayout {
            id: card
            spacing: 8
            focus: true
            opacity: root.document.run.jobVisible ? 1 : 0
            Behavior on opacity { NumberAnimation { duration: 120 } }
            Keys.onEscapePressed: root.document.run.cancelJob()

            Label {
                objectName: "jobText"
                text: root.document.run.jobText + "\u2026"
                font.bold: true
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            ProgressBar {
                objectName: "jobProgress"
                from: 0
                to: 1
                value: Math.max(0, root.document.run.jobFraction)
                indeterminate: root.document.run.jobFraction < 0
                Layout.fillWidth: true
            }
            Label {
                objectName: "jobDetail"
                text: root.document.run.jobDetail
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "cancelHint"
                    text: root.document.run.cancelHint
                    opacity: 0.75
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "cancelJobButton"
                    text: qsTr("Cancel")
                    enabled: root.document.run.jobVisible
                    onClicked: root.document.run.cancelJob()
                }
            }
        }
    }

    // After a cancel that had to keep the edits: the views show an older run than the scenario.
    Rectangle {
        objectName: "staleBar"
        visible: root.document.run.stale && !root.busy
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: staleRow.implicitHeight + 12
        color: Theme.lintBackground
        z: 10
        RowLayout {
            id: staleRow
            anchors.fill: parent
            anchors.leftMargin: 10
            anchors.rightMargin: 10
            Label {
                text: qsTr("Not simulated: what you see is the run before your last edits.")
                color: Theme.lint
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Button {
                objectName: "simulateButton"
                text: qsTr("Simulate")
                onClicked: root.document.run.simulateNow()
            }
        }
    }
}
