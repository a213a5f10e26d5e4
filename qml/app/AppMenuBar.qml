// AppMenuBar: File, Edit, Context, Play, View and Help menus over the shared AppActions. Help
// also holds its own dialogs: what ctxscope is, the reference and About.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope
import Ctxscope.Study

MenuBar {
    id: root

    required property AppActions actions
    required property RecentFiles recent
    property LessonLibrary library: null   // Help ▸ Lessons lists its lessons
    // What the window does (asking about unsaved changes first): open a recent file, a lesson.
    signal openPathRequested(string path)
    signal openLessonRequested(int row)
    readonly property alias introDialog: introDialog
    readonly property alias referenceDialog: referenceDialog
    readonly property alias aboutDialog: aboutDialog
    readonly property bool helpOpen: introDialog.visible || referenceDialog.visible || aboutDialog.visible

    // fitWidth makes a menu as wide as its widest item (Qt 6.4's menus stay 200 px and elide).
    function fitWidth(menu) {
        let widest = 0
        for (let i = 0; i < menu.count; ++i) {
            const item = menu.itemAt(i)
            if (item) widest = Math.max(widest, item.implicitWidth)
        }
        menu.width = Math.max(menu.implicitWidth, widest + menu.leftPadding + menu.rightPadding)
    }
    // fitAll fits a menu and its submenus each time one opens (their items change: Predict
    // mode's text, the recent files), so no item runs into its shortcut.
    function fitAll(menu) {
        menu.aboutToShow.connect(() => root.fitWidth(menu))
        for (let i = 0; i < menu.count; ++i) {
            const item = menu.itemAt(i)
            if (item && item.subMenu) root.fitAll(item.subMenu)
        }
    }
    Component.onCompleted: {
        for (let i = 0; i < root.count; ++i) root.fitAll(root.menuAt(i))
    }
    // openMenuBar (F10) opens the first menu as a click on it would, so the bar takes the keys.
    function openMenuBar() {
        const item = root.itemAt(0)
        if (item && !root.menuAt(0).visible) item.triggered()
    }

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
                    onTriggered: root.openPathRequested(recentItem.modelData)
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
        MenuSeparator {}
        ActionMenuItem { action: root.actions.editGoroutine }
        ActionMenuItem { action: root.actions.selectNextGoroutine }
        ActionMenuItem { action: root.actions.expectNow }
        ActionMenuItem { action: root.actions.addExpectation }
        MenuSeparator {}
        ActionMenuItem { action: root.actions.scenarioSettings }
        ActionMenuItem { action: root.actions.showScenario }
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
        ActionMenuItem { action: root.actions.move }
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
        MenuSeparator {}
        ActionMenuItem { action: root.actions.nextOutcome }
        ActionMenuItem { action: root.actions.previousOutcome }
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
        id: helpMenu
        objectName: "helpMenu"
        title: qsTr("&Help")
        onAboutToShow: root.fitWidth(helpMenu)
        Menu {
            id: lessonsMenu
            objectName: "lessonsMenu"
            title: qsTr("&Lessons")
            onAboutToShow: root.fitWidth(lessonsMenu)
            MenuItem {
                objectName: "lessonIndexItem"
                text: qsTr("Lesson &index (the Lessons panel)")
                onTriggered: root.actions.showLessons.trigger()
            }
            MenuSeparator {}
            // One item per lesson, "01  WithCancel basics", in the Lessons panel's order (by
            // topic, shown on the right): it opens the lesson, asking about unsaved changes
            // first, as the panel does.
            Instantiator {
                model: root.library
                delegate: MenuItem {
                    id: lessonItem
                    required property int index
                    required property string number
                    required property string title
                    required property string topic
                    text: lessonItem.number + "  " + lessonItem.title
                    onTriggered: root.openLessonRequested(lessonItem.index)
                    contentItem: RowLayout {
                        spacing: 24
                        Label {
                            text: lessonItem.text
                            color: lessonItem.highlighted ? lessonItem.palette.highlightedText : lessonItem.palette.windowText
                            Layout.fillWidth: true
                        }
                        Label {
                            text: lessonItem.topic
                            color: lessonItem.highlighted ? lessonItem.palette.highlightedText : lessonItem.palette.windowText
                            opacity: 0.6
                        }
                    }
                }
                onObjectAdded: (index, object) => lessonsMenu.insertItem(index + 2, object)
                onObjectRemoved: (index, object) => lessonsMenu.removeItem(object)
            }
        }
        ActionMenuItem { action: root.actions.shortcuts }
        MenuSeparator {}
        MenuItem { objectName: "introItem"; text: qsTr("&What is ctxscope?"); onTriggered: introDialog.open() }
        MenuItem { objectName: "referenceItem"; text: qsTr("File format and command-line &reference"); onTriggered: referenceDialog.open() }
        MenuSeparator {}
        MenuItem { objectName: "aboutItem"; text: qsTr("&About ctxscope"); onTriggered: aboutDialog.open() }
    }

    // The Help menu's dialogs (a popup declared here is shown over the window like any other).
    HelpTextDialog { id: introDialog; title: qsTr("What is ctxscope?"); markdown: AppInfo.introduction }
    HelpTextDialog { id: referenceDialog; title: qsTr("File format and command-line reference"); markdown: AppInfo.reference }
    AboutDialog { id: aboutDialog }
}
