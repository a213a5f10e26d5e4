// OutcomeSwitcher: "⚄ outcome 1 of 3" with previous and next (Shift+O and O), in the play bar.
// A scenario with a race has more than one outcome real Go can produce (spec/trace.md "Races");
// the Document shows one of them in every view and this switches which, keeping the playhead.
// Hidden when there is one outcome; in Predict mode too (that a fact is raced is a hint). When
// the races were not explored (a huge scenario) or only in part, a dim note says so.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

RowLayout {
    id: root

    required property Document document
    property bool hideOutcome: false
    readonly property bool switching: root.document.outcomes.count > 1 && !root.hideOutcome

    spacing: 0
    visible: root.switching || (root.document.outcomes.racesNote !== "" && !root.hideOutcome)

    ToolButton {
        objectName: "previousOutcome"
        visible: root.switching
        text: "\u2039"
        font.pixelSize: 16
        implicitWidth: 26
        onClicked: root.document.outcomes.previous()
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Previous outcome (Shift+O)")
    }
    Label {
        objectName: "outcomeLabel"
        text: root.switching ? "\u2684 " + root.document.outcomes.text : qsTr("\u2684 races: see note")
        font.bold: root.switching
        color: root.switching ? Theme.lint : root.palette.windowText
        opacity: root.switching ? 1 : 0.6
        Layout.leftMargin: root.switching ? 0 : 8
        ToolTip.visible: outcomeHover.hovered
        ToolTip.text: root.switching ? root.document.outcomes.detail : root.document.outcomes.racesNote
        ToolTip.delay: 300
        HoverHandler { id: outcomeHover }
    }
    ToolButton {
        objectName: "nextOutcome"
        visible: root.switching
        text: "\u203A"
        font.pixelSize: 16
        implicitWidth: 26
        onClicked: root.document.outcomes.next()
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Next outcome (O)")
    }
}
