// NodeMenu: what can be done to the selected context (right click, or Shift+F10). Items come
// from AppActions, so they are enabled exactly where Go allows them (no Cancel on a
// WithValue) and show the same shortcuts as the menu bar.
import QtQuick
import QtQuick.Controls
import Ctxscope

Menu {
    id: root

    required property AppActions actions

    NodeDeriveMenu {
        title: qsTr("&Derive")
        actions: root.actions
    }
    ActionMenuItem { action: root.actions.startTask }
    ActionMenuItem { action: root.actions.afterFunc }
    ActionMenuItem { action: root.actions.cancel }
    ActionMenuItem { action: root.actions.expectNow }
    MenuSeparator {}
    ActionMenuItem { action: root.actions.rename }
    ActionMenuItem { action: root.actions.editParams }
    ActionMenuItem { action: root.actions.move }
    ActionMenuItem { action: root.actions.remove }
    MenuSeparator {}
    ActionMenuItem { action: root.actions.collapse }
}
