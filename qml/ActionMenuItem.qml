// ActionMenuItem: a menu item that shows its action's shortcut on the right, as desktop menus
// do (Qt Quick Controls 6.4 menu items do not), so the keys are learnt where they are used.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

MenuItem {
    id: root

    readonly property string shortcutText: root.action && root.action.shortcut !== undefined ? String(root.action.shortcut) : ""

    contentItem: RowLayout {
        spacing: 24
        Label {
            text: root.text.replace("&", "")
            color: root.highlighted ? root.palette.highlightedText : root.palette.windowText
            opacity: root.enabled ? 1 : 0.5
            Layout.fillWidth: true
            // Room for the check box of a checkable action (Loop), as Fusion's own item leaves.
            Layout.leftMargin: root.checkable && root.indicator ? root.indicator.width + root.spacing : 0
        }
        Label {
            text: root.shortcutText
            visible: text !== ""
            color: root.highlighted ? root.palette.highlightedText : root.palette.windowText
            opacity: root.enabled ? 0.65 : 0.35
        }
    }
}
