// ToolTipFit: sizes a tooltip to its longest line. Qt 6.4's wrapping Text reports the widths of
// all its lines end to end as its implicit width when the text has line breaks, so a tooltip of
// several lines (a race note, why a check fails) is a box far wider than its text, often the
// whole window, with the text in its left part. This measures the text unwrapped instead; the
// text still wraps where the window is narrower. FitToolTip uses it, and the window applies it
// to the shared tooltip behind every attached ToolTip.text.
import QtQuick
import QtQuick.Controls

QtObject {
    id: root

    required property ToolTip toolTip

    // The text laid out without wrapping: its implicit width is that of the longest line.
    readonly property Text measure: Text {
        text: root.toolTip ? root.toolTip.text : ""
        font: root.toolTip ? root.toolTip.font : Qt.font({})
        wrapMode: Text.NoWrap
        visible: false
    }
    readonly property real fitWidth: root.toolTip
        ? Math.max(root.toolTip.implicitBackgroundWidth + root.toolTip.leftInset + root.toolTip.rightInset,
                   Math.ceil(root.measure.implicitWidth) + root.toolTip.leftPadding + root.toolTip.rightPadding)
        : 0

    Component.onCompleted: if (root.toolTip) root.toolTip.implicitWidth = Qt.binding(() => root.fitWidth)
}
