// NodeDeriveMenu: the Derive ▸ submenu on its own, for the inspector's "Derive" button.
import QtQuick
import QtQuick.Controls
import Ctxscope

Menu {
    id: root

    required property AppActions actions

    ActionMenuItem { action: root.actions.deriveCancel }
    ActionMenuItem { action: root.actions.deriveCancelCause }
    ActionMenuItem { action: root.actions.deriveTimeout }
    ActionMenuItem { action: root.actions.deriveDeadline }
    ActionMenuItem { action: root.actions.deriveTimeoutCause }
    ActionMenuItem { action: root.actions.deriveDeadlineCause }
    ActionMenuItem { action: root.actions.deriveValue }
    ActionMenuItem { action: root.actions.deriveWithoutCancel }
}
