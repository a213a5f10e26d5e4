// AppMenuBar: File, Edit, Context, Play, View and Help menus over the shared AppActions.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls

MenuBar {
    id: root

    required property var actions
    required property var recent
    required property var window

    Menu {
        title: qsTr("&File")
        ActionMenuItem { action: root.actions.newFile }
        ActionMenuItem { action: root.actions.open }
        Menu {
            id: recentMenu
            title: qsTr("Open &Recent")
            enabled: root.recent.files.length > 0
            Instantiator {
                model: root.recent.files
                delegate: MenuItem {
                    id: recentItem
                    required property string modelData
                    text: recentItem.modelData
                    onTriggered: root.window.whenSaved(() => root.window.openPath(recentItem.modelData))
                }
                onObjectAdded: (index, object) => recentMenu.insertItem(index, object)
                onObjectRemoved: (index, object) => recentMenu.removeItem(object)
            }
            MenuSeparator {}
            MenuItem { text: qsTr("Clear list"); onTriggered: root.recent.clear() }
        }
        MenuSeparator {}
        ActionMenuItem { action: root.actions.save }
        ActionMenuItem { action: root.actions.saveAs }
        MenuSeparator {}
        Menu {
            objectName: "exportMenu"
            title: qsTr("E&xport")
            ActionMenuItem { action: root.actions.exportTrace }
            ActionMenuItem { action: root.actions.exportChrome }
            ActionMenuItem { action: root.actions.exportGo }
            ActionMenuItem { action: root.actions.exportReport }
            ActionMenuItem { action: root.actions.exportImage }
        }
        MenuSeparator {}
        ActionMenuItem { action: root.actions.quit }
    }
    Menu {
        title: qsTr("&Edit")
        ActionMenuItem { action: root.actions.undo }
        ActionMenuItem { action: root.actions.redo }
    }
    Menu {
        title: qsTr("&Context")
        Menu {
            title: qsTr("&Derive")
            ActionMenuItem { action: root.actions.deriveCancel }
            ActionMenuItem { action: root.actions.deriveCancelCause }
            ActionMenuItem { action: root.actions.deriveTimeout }
            ActionMenuItem { action: root.actions.deriveDeadline }
            ActionMenuItem { action: root.actions.deriveTimeoutCause }
            ActionMenuItem { action: root.actions.deriveDeadlineCause }
            ActionMenuItem { action: root.actions.deriveValue }
            ActionMenuItem { action: root.actions.deriveWithoutCancel }
        }
        ActionMenuItem { action: root.actions.startTask }
        ActionMenuItem { action: root.actions.afterFunc }
        ActionMenuItem { action: root.actions.cancel }
        MenuSeparator {}
        ActionMenuItem { action: root.actions.rename }
        ActionMenuItem { action: root.actions.editParams }
        ActionMenuItem { action: root.actions.remove }
    }
    Menu {
        title: qsTr("&Play")
        ActionMenuItem { action: root.actions.play }
        ActionMenuItem { action: root.actions.stepForward }
        ActionMenuItem { action: root.actions.stepBack }
        ActionMenuItem { action: root.actions.restart }
        ActionMenuItem { action: root.actions.toEnd }
        MenuSeparator {}
        ActionMenuItem { action: root.actions.slower }
        ActionMenuItem { action: root.actions.faster }
        ActionMenuItem { action: root.actions.loop }
    }
    Menu {
        title: qsTr("&View")
        ActionMenuItem { action: root.actions.fit }
        ActionMenuItem { action: root.actions.zoomIn }
        ActionMenuItem { action: root.actions.zoomOut }
        ActionMenuItem { action: root.actions.zoomReset }
        MenuSeparator {}
        ActionMenuItem { action: root.actions.collapse }
        ActionMenuItem { action: root.actions.expandAll }
        ActionMenuItem { action: root.actions.selectParent }
        ActionMenuItem { action: root.actions.selectChild }
        MenuSeparator {}
        ActionMenuItem { action: root.actions.toggleTimeline }
        ActionMenuItem { action: root.actions.toggleSidePanel }
        ActionMenuItem { action: root.actions.toggleStudyPanel }
        Menu {
            title: qsTr("&Go to panel")
            ActionMenuItem { action: root.actions.showInspector }
            ActionMenuItem { action: root.actions.showNotes }
            ActionMenuItem { action: root.actions.showEvents }
            ActionMenuItem { action: root.actions.showLints }
            ActionMenuItem { action: root.actions.showCheck }
            ActionMenuItem { action: root.actions.showLessons }
        }
        ActionMenuItem { action: root.actions.predict }
    }
    Menu {
        title: qsTr("&Help")
        ActionMenuItem { action: root.actions.shortcuts }
    }
}
