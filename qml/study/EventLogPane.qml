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
    // The time column fits the widest time it has shown ("319.892473ms" must not be cut to
    // "9.892473ms"); it starts wide enough for round times ("999ms") and grows, never shrinks,
    // so rows do not jump back while scrolling. Reset with the run.
    readonly property real timeColumnWidth: Math.max(timeMetrics.implicitWidth, root.widestTime)
    property real widestTime: 0

    // withAll puts an "all" entry before a list of choices.
    // popupWidth: a filter's list as wide as its longest entry ("cache lookup (cache)"), not
    // clipped to the box, which the side column keeps narrow; never narrower than the box.
    // Sized as a list opens, from its first entries (a list of 10^5 by its first 500): a binding
    // on every title would rebuild them all at each change, and read them all from JavaScript.
    readonly property int kMeasured: 500
    Connections {
        target: contextBox.popup
        function onAboutToShow() { contextBox.popup.width = root.popupWidth(contextBox, log.contextChoices.sampleTitles(root.kMeasured)) }
    }
    Connections {
        target: taskBox.popup
        function onAboutToShow() { taskBox.popup.width = root.popupWidth(taskBox, log.taskChoices.sampleTitles(root.kMeasured)) }
    }
    function popupWidth(box, texts) {
        let widest = 0
        for (let i = 0; i < texts.length; ++i) widest = Math.max(widest, filterMetrics.advanceWidth(texts[i]))
        return Math.max(box.width, Math.ceil(widest) + box.popup.leftPadding + box.popup.rightPadding + 24)
    }
    function withAll(first, list) {
        const out = [first]
        for (let i = 0; i < list.length; ++i) out.push(list[i])
        return out
    }

    padding: 6

    EventLogModel {
        id: log
        document: root.document
        onModelReset: root.widestTime = 0
        contextChoices.allText: qsTr("All contexts")
        taskChoices.allText: qsTr("All tasks")
    }

    // showCurrent scrolls to the current event (the last row: rows stop at the playhead) once the
    // list has laid out its new rows, after End, a seek, a step or a filter change, and when the
    // log comes into view again (it is not laid out while another tab is shown).
    function showCurrent() {
        if (root.followPlayhead && list.visible && list.count > 0) list.positionViewAtEnd()
    }
    // Only when an event was crossed: while playing between events (every frame) a reader who
    // scrolled up is left alone.
    property int shownApplied: -1
    Connections {
        target: root.document
        function onPlayheadChanged() {
            if (root.document.appliedEvents === root.shownApplied) return
            root.shownApplied = root.document.appliedEvents
            Qt.callLater(root.showCurrent)
        }
        function onSimulated() { Qt.callLater(root.showCurrent) }
    }

    ColumnLayout {
        anchors.fill: parent
        visible: !root.hideOutcome   // under the cover, and not read out by a screen reader either
        spacing: 6

        // Measures for the columns, as the rows' labels draw (invisible: no room in the layout).
        Label { id: timeMetrics; visible: false; font.family: "monospace"; text: "999ms" }
        Label { id: kindProbe; visible: false; font.pixelSize: 11; text: "afterfunc.registered" }   // the longest kind
        FontMetrics { id: filterMetrics; font: contextBox.font }

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
                id: contextBox
                objectName: "contextFilter"
                model: log.contextChoices
                textRole: "display"
                popup.leftMargin: 6    // kept inside the window (a wide list at the right edge)
                popup.rightMargin: 6
                onActivated: (i) => log.contextFilter = log.contextChoices.idAt(i)
                Layout.preferredWidth: 130
                Layout.fillWidth: true
                Layout.minimumWidth: 60
            }
            ComboBox {
                id: taskBox
                objectName: "taskFilter"
                model: log.taskChoices
                textRole: "display"
                popup.leftMargin: 6    // kept inside the window (a wide list at the right edge)
                popup.rightMargin: 6
                onActivated: (i) => log.taskFilter = log.taskChoices.idAt(i)
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
            // While playing a big run, every frame scrolls to rows never shown before: reused
            // rows are rebound, not made anew (making them was a fifth of a frame at 10^6).
            reuseItems: true
            ScrollBar.vertical: ScrollBar {}
            onCountChanged: Qt.callLater(root.showCurrent)
            onVisibleChanged: Qt.callLater(root.showCurrent)
            onHeightChanged: Qt.callLater(root.showCurrent)

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
                // The whole message (the row elides it), then the trace line it comes from.
                readonly property string tipText: row.timeText + "  " + row.message + "\n\n" + row.traceLine
                ToolTip.text: row.tipText
                ToolTip.visible: hovered
                ToolTip.delay: 800
                contentItem: RowLayout {
                    spacing: 8
                    Label {
                        objectName: "timeLabel"
                        text: row.timeText
                        horizontalAlignment: Text.AlignRight
                        font.family: "monospace"
                        opacity: 0.75
                        Layout.preferredWidth: root.timeColumnWidth
                        Layout.minimumWidth: root.timeColumnWidth
                        Component.onCompleted: root.widestTime = Math.max(root.widestTime, implicitWidth)
                        onImplicitWidthChanged: root.widestTime = Math.max(root.widestTime, implicitWidth)
                    }
                    Label {
                        objectName: "kindLabel"
                        text: row.kind
                        color: row.highlighted ? row.palette.highlightedText   // legible on the selection
                             : row.category === "cancel" ? Theme.canceled
                             : row.category === "lint" ? Theme.lint
                             : row.category === "task" ? (Theme.dark ? "#6fa4e8" : "#3d74b8")
                             : row.palette.text
                        font.pixelSize: 11
                        elide: Text.ElideRight
                        Layout.preferredWidth: kindProbe.implicitWidth + 2   // the longest kind, no more: the message needs the room
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
                                         .arg(log.count).arg(log.matchCount).arg(root.document.run.eventCount)
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
