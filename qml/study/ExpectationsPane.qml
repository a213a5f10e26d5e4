// ExpectationsPane: the scenario's expectations as an exercise. Each one is pending until the
// playhead reaches the moment it is decided, then passed or failed. Check judges the whole run
// as it stands after the learner's edits (for an exercise: its done_when, so Check on the
// unsolved version says "Not solved"). Predict mode is the document's (document.predicting):
// while it is on, the questions (PredictPanel) replace the list and every outcome is hidden
// until Reveal grades the answers.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope
import Ctxscope.Study

Pane {
    id: root

    required property Document document
    property string selectedId: ""   // input: highlights what is selected in the tree
    readonly property bool predictMode: root.document.predicting
    readonly property bool hideOutcome: root.document.predicting
    readonly property alias model: expectations
    readonly property alias predict: predictPanel.model
    // The questions show while predicting and, after Reveal, with their grades until "Done".
    property bool gradesShown: false
    readonly property bool showPredict: root.document.predicting || (root.gradesShown && predictPanel.model.revealed)

    function glyph(state) { return state === "passed" ? "\u2713" : state === "failed" ? "\u2717" : "\u2026" }
    function stateColor(state) {
        return state === "passed" ? Theme.alive : state === "failed" ? Theme.canceled : root.palette.mid
    }

    signal select(string id)
    signal graded(int right, int total)

    padding: 8

    ExpectationsModel { id: expectations; document: root.document }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        // A Flow, not a row: in a narrow side column the counter goes under the buttons, whole,
        // instead of being cut to "…4 pen".
        Flow {
            Layout.fillWidth: true
            spacing: 6
            Button {
                id: checkButton
                objectName: "checkButton"
                text: qsTr("Check")
                highlighted: true
                enabled: expectations.count > 0 && !root.hideOutcome
                onClicked: expectations.check()
            }
            Switch {
                objectName: "predictSwitch"
                text: qsTr("Predict")
                checked: root.document.predicting
                onToggled: root.document.predicting = checked
            }
            Label {
                objectName: "counterLabel"
                visible: expectations.count > 0 && !root.hideOutcome
                text: qsTr("%1 \u2713  %2 \u2717  %3 pending").arg(expectations.passedAtPlayhead)
                      .arg(expectations.failedAtPlayhead).arg(expectations.pendingAtPlayhead)
                opacity: 0.8
                height: checkButton.height   // centred on the buttons' line
                verticalAlignment: Text.AlignVCenter
            }
        }

        // The verdict of the last Check, for this very revision of the scenario.
        Rectangle {
            objectName: "verdict"
            visible: expectations.checked
            Layout.fillWidth: true
            implicitHeight: verdictLabel.implicitHeight + 16
            radius: 4
            color: expectations.allPassed ? Qt.rgba(Theme.alive.r, Theme.alive.g, Theme.alive.b, 0.18)
                                          : Qt.rgba(Theme.canceled.r, Theme.canceled.g, Theme.canceled.b, 0.18)
            border.color: expectations.allPassed ? Theme.alive : Theme.canceled
            Label {
                id: verdictLabel
                anchors.fill: parent
                anchors.margins: 8
                text: (expectations.allPassed ? "\u2713 " : "\u2717 ") + expectations.verdictText
                font.bold: true
                font.pixelSize: 15
                wrapMode: Text.Wrap
            }
        }

        PredictPanel {
            id: predictPanel
            objectName: "predictPanel"
            visible: root.showPredict
            document: root.document
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredHeight: 100   // it fills the pane: its wrapping text must not size it
            onSelect: (id) => root.select(id)
            onDone: root.gradesShown = false
        }
        Connections {
            target: predictPanel.model
            function onGraded(right, total) {
                root.gradesShown = true
                root.graded(right, total)
            }
        }

        Label {
            objectName: "listHeading"
            visible: expectations.isExercise && !root.showPredict
            text: qsTr("The exercise is solved when all of these hold:")
            opacity: 0.8
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }

        ListView {
            id: list
            objectName: "expectationList"
            visible: !root.showPredict
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 2
            model: expectations
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: row
                required property string title
                required property string status
                required property string failures
                required property string decidedAtText
                required property string contextId
                readonly property string shown: root.hideOutcome ? "pending" : row.status
                width: ListView.view.width - 12
                onClicked: if (row.contextId !== "") root.select(row.contextId)
                contentItem: RowLayout {
                    spacing: 8
                    Label {
                        text: root.hideOutcome ? "?" : root.glyph(row.status)
                        color: root.stateColor(row.shown)
                        font.bold: true
                        font.pixelSize: 16
                        Layout.preferredWidth: 16
                        Layout.alignment: Qt.AlignTop
                    }
                    ColumnLayout {
                        spacing: 1
                        Layout.fillWidth: true
                        Label { text: row.title; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label {
                            text: row.shown === "pending" ? qsTr("decided at %1").arg(row.decidedAtText) : row.failures
                            visible: text !== ""
                            wrapMode: Text.Wrap
                            font.pixelSize: 11
                            color: row.shown === "failed" ? Theme.canceled : row.palette.text
                            opacity: row.shown === "failed" ? 1 : 0.7
                            Layout.fillWidth: true
                        }
                    }
                }
            }
        }

        Label {
            visible: expectations.count === 0 && !root.showPredict
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("This scenario has no \"expect\" entries to check.")
            opacity: 0.7
        }
    }
}
