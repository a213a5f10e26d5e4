// FitToolTip: a tooltip as wide as its longest line. Qt 6.4's wrapping Text reports the widths of
// all its lines end to end as its implicit width when the text has line breaks, so the stock
// tooltip of a text of several lines is a box far wider than the text, which sits in its left
// part. This one measures the text unwrapped; the text wraps only where the window is narrower.
import QtQuick
import QtQuick.Controls

ToolTip {
    id: root

    // The text laid out without wrapping: its implicit width is that of the longest line.
    readonly property Text measure: Text {
        text: root.text
        font: root.font
        wrapMode: Text.NoWrap
        visible: false
    }

    implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset,
                            Math.ceil(measure.implicitWidth) + leftPadding + rightPadding)
}
