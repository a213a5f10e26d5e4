// StatusBar: the window's footer. What the last event did (or, in Predict mode, that it is
// hidden) and the size of the scenario. The lint count is left out in Predict mode: "0 lints"
// or "2 lints" would tell whether the run leaks before the learner has guessed.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

ToolBar {
    id: root

    required property Document document
    property bool hideOutcome: false

    // counted("task", 1) is "1 task", counted("task", 3) "3 tasks".
    function counted(noun, n) { return n + " " + noun + (n === 1 ? "" : "s") }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 8
        anchors.rightMargin: 8
        Label {
            objectName: "eventLabel"
            text: root.hideOutcome ? qsTr("Predict mode: what happened is hidden until you reveal it")
                                   : root.document.lastEventText
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            objectName: "countsLabel"
            text: [root.counted("context", root.document.contextCount), root.counted("task", root.document.taskCount),
                   root.counted("event", root.document.eventCount)]
                  .concat(root.hideOutcome ? [] : [root.counted("lint", root.document.lintCount)]).join(" \u00B7 ")
            opacity: 0.75
        }
    }
}
