// ExpectationsPane: the scenario's expectations as an exercise. Each one is pending until the
// playhead reaches the moment it is decided, then passed or failed. Check judges the whole run
// as it stands after the learner's edits. Predict mode hides the outcome (hideOutcome: the tree
// hides states too) until Reveal.
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
    property bool predictMode: false
    property bool revealed: false
    readonly property bool hideOutcome: root.predictMode && !root.revealed
    readonly property alias model: expectations

    function glyph(state) { return state === "passed" ? "\u2713" : state === "failed" ? "\u2717" : "\u2026" }
    function stateColor(state) {
        return state === "passed" ? Theme.alive : state === "failed" ? Theme.canceled : root.palette.mid
    }

    signal select(string id)

    padding: 8

    ExpectationsModel { id: expectations; document: root.document }
    Connections {
        target: root.document
        function onFileChanged() { root.revealed = false }   // a new lesson: predict afresh
    }

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
                checked: root.predictMode
                onToggled: { root.predictMode = checked; root.revealed = false }
            }
            Button {
                objectName: "revealButton"
                text: qsTr("Reveal")
                visible: root.predictMode
                enabled: !root.revealed
                onClicked: root.revealed = true
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

        Label {
            visible: root.hideOutcome
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Predict: what will each context and task end with? Play it through, then press Reveal.")
            opacity: 0.8
        }

        ListView {
            id: list
            objectName: "expectationList"
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
            visible: expectations.count === 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("This scenario has no \"expect\" entries to check.")
            opacity: 0.7
        }
    }
}
