// NodeCard: the text of one context node on the canvas (the box, stripe and edges underneath
// are drawn by TreeCanvas). Created only for nodes in view, by VisibleNodesModel. Shows kind,
// label, state as icon + words, the countdown to its deadline (and whose deadline it is), the
// cause once done, lints, and its tasks as chips. In Predict mode (hideOutcome) the countdown
// and the lints are left out: "0s left" on a card that still says alive, or a leak's name, would
// tell how the run ends before the learner has guessed.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Item {
    id: root

    required property string contextId
    required property string label
    required property string kind
    required property real nodeX
    required property real nodeY
    required property int nodeState
    required property string stateName
    required property string stateGlyph
    required property string detail
    required property string countdown
    required property string inheritedFrom
    required property string lint
    required property string derivedBy
    required property int childCount
    required property bool collapsed
    required property var chips
    property real cardWidth: 200
    property real cardHeight: 108
    // Predict mode before Reveal. TreePane creates the cards; unless it says, ask the window
    // (Main.hideOutcome, which follows TreeScene.hideOutcome).
    property bool hideOutcome: ApplicationWindow.window?.hideOutcome === true
    // The row's data is gone for a moment while a new document replaces the cards.
    readonly property var chipList: root.chips ? root.chips : []
    // Three chips fit a card; with more tasks, two chips and "+N" leave each chip readable.
    readonly property int maxChips: root.chipList.length > 3 ? 2 : 3

    signal toggleCollapse(string id)
    signal chipTapped(string contextId, string id, int button, int count)
    property string selectedChip: ""

    x: root.nodeX
    y: root.nodeY
    width: root.cardWidth
    height: root.cardHeight
    opacity: root.nodeState === 0 ? 0.6 : 1

    ColumnLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 6
        anchors.topMargin: 4
        anchors.bottomMargin: 5
        spacing: 1

        RowLayout {
            spacing: 4
            Layout.fillWidth: true
            Label {
                text: root.kind + (root.derivedBy !== "" ? qsTr(" · by %1").arg(root.derivedBy) : "")
                font.pixelSize: 10
                opacity: 0.7
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            ToolButton {
                objectName: "collapseButton"
                visible: root.childCount > 0
                text: root.collapsed ? "\u25B8 " + root.childCount : "\u25BE"
                font.pixelSize: 10
                padding: 0
                implicitHeight: 16
                implicitWidth: root.collapsed ? 34 : 18
                onClicked: root.toggleCollapse(root.contextId)
                ToolTip.visible: hovered
                ToolTip.text: root.collapsed ? qsTr("Expand (C)") : qsTr("Collapse subtree (C)")
            }
        }
        Label {
            text: root.label
            font.pixelSize: 13
            font.bold: true
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            objectName: "stateLabel"
            textFormat: Text.StyledText
            // Not created, or "?" in Predict mode (5): no state colour, but readable.
            text: "<font color=\"" + (root.nodeState === 0 || root.nodeState === 5 ? root.palette.windowText : Theme.stateColor(root.nodeState)) + "\">" + root.stateGlyph + " " + root.stateName + "</font>"
                  + (root.hideOutcome ? "" : (root.countdown !== "" ? "  " + root.countdown : "")
                     + (root.inheritedFrom !== "" ? " <i>\u2191" + root.inheritedFrom + "</i>" : ""))
            font.pixelSize: 11
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            text: root.detail
            visible: text !== ""
            font.pixelSize: 10
            opacity: 0.8
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            objectName: "lintLabel"
            text: "\u26A0 " + root.lint
            visible: root.lint !== "" && !root.hideOutcome
            color: Theme.lint
            font.pixelSize: 10
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Item { Layout.fillHeight: true }
        Row {
            id: chipRow
            // Up to maxChips chips share the row evenly; "+N" keeps its room when there are more.
            readonly property int shown: Math.min(root.chipList.length, root.maxChips)
            readonly property real extraWidth: root.chipList.length > root.maxChips ? moreLabel.implicitWidth + chipRow.spacing : 0
            spacing: 3
            Layout.fillWidth: true
            clip: true
            Repeater {
                // A count, not the list: the chips' data changes every frame while playing
                // (progress), and a list model would recreate every chip each time.
                model: chipRow.shown
                delegate: TaskChip {
                    id: chipItem
                    required property int index
                    chip: root.chipList[chipItem.index] || {}
                    hideOutcome: root.hideOutcome
                    selected: root.selectedChip !== "" && chipItem.chip.id === root.selectedChip
                    onTapped: (id, button, count) => root.chipTapped(root.contextId, id, button, count)
                    width: Math.min(chipItem.implicitWidth, (chipRow.width - chipRow.extraWidth) / chipRow.shown - chipRow.spacing)
                }
            }
            Label {
                id: moreLabel
                visible: root.chipList.length > root.maxChips
                text: "+" + (root.chipList.length - root.maxChips)
                font.pixelSize: 11
                anchors.verticalCenter: parent.verticalCenter
            }
        }
    }
}
