// LintsPane: each lint finding with its rule id, subject, time and message, and a paragraph on
// what it means in a Go program (what leaks, for how long, which tool reports it). Clicking a
// finding selects its subject (the task's context for a task finding).
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
    property bool hideOutcome: false   // Predict mode: a finding (or "No lints") would give the outcome away
    readonly property alias model: lints
    readonly property alias list: list

    signal select(string id)

    padding: 6

    LintsModel { id: lints; document: root.document }

    ListView {
        id: list
        objectName: "lintList"
        anchors.fill: parent
        visible: !root.hideOutcome
        clip: true
        spacing: 6
        model: lints
        ScrollBar.vertical: ScrollBar {}

        delegate: ItemDelegate {
            id: card
            required property int index
            required property string rule
            required property string severity
            required property string subject
            required property string subjectKind
            required property string contextId
            required property string timeText
            required property string message
            required property string explanation
            required property string tool
            required property bool reached
            width: ListView.view.width - 12
            padding: 10
            opacity: card.reached ? 1 : 0.6
            highlighted: card.contextId === root.selectedId && root.selectedId !== ""
            onClicked: root.select(card.contextId)
            background: Rectangle {
                radius: 4
                color: card.highlighted ? Qt.rgba(Theme.selection.r, Theme.selection.g, Theme.selection.b, 0.18)
                                        : Theme.lintBackground
                border.color: card.severity === "error" ? Theme.canceled : Theme.lint
            }
            contentItem: ColumnLayout {
                spacing: 6
                RowLayout {
                    spacing: 6
                    Layout.fillWidth: true
                    Label {
                        text: "\u26A0 " + card.rule
                        font.bold: true
                        color: card.severity === "error" ? Theme.canceled : Theme.lint
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label { text: qsTr("at %1 \u00B7 %2").arg(card.timeText).arg(card.tool); opacity: 0.75; font.pixelSize: 11 }
                }
                // On a line of its own: beside a long rule name, in the side panel's width, it
                // was elided to nothing ("goroutine-outlived-context …").
                Label {
                    objectName: "lintSubject"
                    text: card.subjectKind + " " + card.subject
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label { text: card.message; wrapMode: Text.Wrap; Layout.fillWidth: true }
                Label {
                    text: card.explanation
                    textFormat: Text.MarkdownText
                    wrapMode: Text.Wrap
                    opacity: 0.85
                    font.pixelSize: 12
                    Layout.fillWidth: true
                }
            }
        }
    }

    Label {
        anchors.centerIn: parent
        width: parent.width - 24
        visible: lints.count === 0 && !root.hideOutcome
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: qsTr("No lints: every cancel function is called, every goroutine ends with its context.")
        opacity: 0.7
    }

    OutcomeCover {
        objectName: "lintCover"
        parent: root
        visible: root.hideOutcome
        text: qsTr("The lints are hidden in Predict mode: they would tell what leaks. Press Reveal in the Check tab to see them.")
    }
}
