// StatusBar: the window's footer. What the last event did (or, in Predict mode, that it is
// hidden) and the size of the scenario. The lint count is left out in Predict mode: "0 lints"
// or "2 lints" would tell whether the run leaks before the learner has guessed. After an export
// it says where the file went, with Open folder, until dismissed or the next one.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

ToolBar {
    id: root

    required property Document document
    property bool hideOutcome: false
    property Exporter exporter: null
    property string noticeText: ""   // "Chrome trace written to /home/…/x.chrome.json"
    property string noticePath: ""
    readonly property alias noticeBar: notice

    function showExported(what, path) {
        root.noticeText = qsTr("%1 written to %2").arg(what).arg(path)
        root.noticePath = path
        noticeTimer.restart()
    }
    function dismissNotice() { root.noticeText = ""; root.noticePath = "" }

    Timer { id: noticeTimer; interval: 30000; onTriggered: root.dismissNotice() }

    // counted("task", 1) is "1 task", counted("task", 3) "3 tasks".
    function counted(noun, n) { return n + " " + noun + (n === 1 ? "" : "s") }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 8
        anchors.rightMargin: 8
        RowLayout {
            id: notice
            objectName: "exportNotice"
            visible: root.noticeText !== ""
            spacing: 6
            Layout.fillWidth: true
            Label {
                objectName: "noticeLabel"
                text: "\u2713 " + root.noticeText
                color: Theme.alive
                elide: Text.ElideMiddle   // the file name, at the end, stays
                Layout.fillWidth: true   // shrinks (eliding the middle of the path) only when the bar is full
                Layout.minimumWidth: 80
                Layout.preferredWidth: Math.ceil(implicitWidth)
                Layout.maximumWidth: Math.ceil(implicitWidth)
                ToolTip.visible: noticeHover.hovered && truncated
                ToolTip.text: root.noticeText
                HoverHandler { id: noticeHover }
            }
            Button {
                objectName: "openFolderButton"
                text: qsTr("Open folder")
                flat: true
                visible: root.exporter !== null
                onClicked: root.exporter.openFolder(root.noticePath)
                ToolTip.visible: hovered
                ToolTip.text: root.exporter ? root.exporter.folderOf(root.noticePath) : ""
            }
            ToolButton {
                objectName: "dismissNotice"
                text: "\u2715"
                onClicked: root.dismissNotice()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Dismiss")
            }
            Item { Layout.fillWidth: true }
        }
        Label {
            objectName: "eventLabel"
            visible: !notice.visible
            text: root.hideOutcome ? qsTr("Predict mode: what happened is hidden until you reveal it")
                                   : root.document.lastEventText
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            objectName: "countsLabel"
            // While predicting, how many events and lints the run has would hint at how it ends
            // (the play bar keeps its event count back too).
            text: [root.counted("context", root.document.run.contextCount), root.counted("task", root.document.run.taskCount)]
                  .concat(root.hideOutcome ? [] : [root.counted("event", root.document.run.eventCount),
                                                   root.counted("lint", root.document.run.lintCount)]).join(" \u00B7 ")
            opacity: 0.75
        }
    }
}
