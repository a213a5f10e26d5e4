// FitToolTip: a tooltip as wide as its longest line (ToolTipFit says why the stock one is not).
import QtQuick
import QtQuick.Controls

ToolTip {
    id: root

    readonly property ToolTipFit fit: ToolTipFit { toolTip: root }
}
