// TaskMenu: what can be done to the selected task or after-func (right click on its chip).
// Items come from AppActions, so they show the same shortcuts as the menu bar.
import QtQuick
import QtQuick.Controls
import Ctxscope

Menu {
    id: root

    required property AppActions actions

    ActionMenuItem { action: root.actions.editGoroutine }
    ActionMenuItem { action: root.actions.expectNow }
    MenuSeparator {}
    ActionMenuItem { action: root.actions.remove }
}
