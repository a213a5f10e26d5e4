// EventLogPane: every event up to the playhead, one line each, newest at the bottom, with
// filters by kind, context and task and a text search. Clicking a line moves the playhead so
// that this event is the last one applied. Rows come from EventLogModel (no object per event).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope
import Ctxscope.Study

Pane {
    id: root

    required property Document document
    property bool followPlayhead: true
    property bool hideOutcome: false   // Predict mode: the log would tell how the run ends
    readonly property alias model: log
    readonly property alias list: list

    // withAll puts an "all" entry before a list of choices.
    function withAll(first, list) {
        const out = [first]
        for (let i = 0; i < list.length; ++i) out.push(list[i])
        return out
    }

    padding: 6

    EventLogModel { id: log; document: root.document }

    ColumnLayout {
        anchors.fill: parent
        visible: !root.hideOutcome   // under the cover, and not read out by a screen reader either
        spacing: 6

        // Two rows (filters, then search) so that it fits a side column ~380 px wide.
        GridLayout {
            Layout.fillWidth: true
            columns: 3
            columnSpacing: 6
            rowSpacing: 4
            ComboBox {
                id: kindBox
                objectName: "kindFilter"
                model: root.withAll(qsTr("All kinds"), log.categories)
                onActivated: (i) => log.kindFilter = i === 0 ? "" : log.categories[i - 1]
                Layout.preferredWidth: 110
                Layout.fillWidth: true
                Layout.minimumWidth: 60
            }
            ComboBox {
                objectName: "contextFilter"
                model: root.withAll(qsTr("All contexts"), log.contextIds)
                onActivated: (i) => log.contextFilter = i === 0 ? "" : log.contextIds[i - 1]
                Layout.preferredWidth: 130
                Layout.fillWidth: true
                Layout.minimumWidth: 60
            }
            ComboBox {
                objectName: "taskFilter"
                model: root.withAll(qsTr("All tasks"), log.taskIds)
                onActivated: (i) => log.taskFilter = i === 0 ? "" : log.taskIds[i - 1]
                Layout.preferredWidth: 120
                Layout.fillWidth: true
                Layout.minimumWidth: 60
            }
            TextField {
                objectName: "searchField"
                placeholderText: qsTr("Search events")
                selectByMouse: true
                onTextChanged: log.searchText = text
                Layout.fillWidth: true
                Layout.columnSpan: 3
            }
        }

        ListView {
            id: list
            objectName: "eventList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: log
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            onCountChanged: if (root.followPlayhead) list.positionViewAtEnd()

            delegate: ItemDelegate {
                id: row
                required property int index
                required property string timeText
                required property string kind
                required property string category
                required property string message
                required property string traceLine
                required property bool isLast
                width: ListView.view.width
                height: 24
                padding: 0
                highlighted: row.isLast
                onClicked: log.seekToRow(row.index)
                ToolTip.text: row.traceLine
                ToolTip.visible: hovered
                ToolTip.delay: 800
                contentItem: RowLayout {
                    spacing: 8
                    Label {
                        text: row.timeText
                        horizontalAlignment: Text.AlignRight
                        font.family: "monospace"
                        opacity: 0.75
                        Layout.preferredWidth: 70
                    }
                    Label {
                        text: row.kind
                        color: row.highlighted ? row.palette.highlightedText   // legible on the selection
                             : row.category === "cancel" ? Theme.canceled
                             : row.category === "lint" ? Theme.lint
                             : row.category === "task" ? (Theme.dark ? "#6fa4e8" : "#3d74b8")
                             : row.palette.text
                        font.pixelSize: 11
                        elide: Text.ElideRight
                        Layout.preferredWidth: 130
                    }
                    // preferredWidth 1: take what is left and elide, instead of widening the row
                    Label { text: row.message; elide: Text.ElideRight; Layout.fillWidth: true; Layout.preferredWidth: 1; Layout.rightMargin: 8 }
                }
            }
        }

        Label {
            Layout.fillWidth: true
            text: log.matchCount === 0 ? qsTr("No events match.")
                                       : qsTr("%1 of %2 matching events reached (%3 in the run)")
                                         .arg(log.count).arg(log.matchCount).arg(root.document.eventCount)
            opacity: 0.7
            font.pixelSize: 11
            elide: Text.ElideRight
        }
    }

    OutcomeCover {
        objectName: "eventCover"
        parent: root   // the whole pane, filters included
        visible: root.hideOutcome
        text: qsTr("The events are hidden in Predict mode. Press Reveal in the Check tab to see them.")
    }
}
