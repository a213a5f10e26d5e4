// LessonsPane: the lessons library grouped by topic. Clicking a lesson opens it into the
// document (or, with confirmUnsaved and unsaved edits, asks the window to confirm first); the
// lesson opened last is highlighted.
// No "pragma ComponentBehavior: Bound" here: Qt 6.4 cannot create a bound section.delegate
// ("QQmlComponent: Component is not ready", and no topic headings).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope
import Ctxscope.Study

Pane {
    id: root

    required property Document document
    property LessonLibrary library: LessonLibrary {}
    // With confirmUnsaved set, a click while the document has unsaved edits only emits
    // openRequested(row): the window asks "save changes?" and then calls openLesson(row).
    property bool confirmUnsaved: false
    property string lastError: ""
    readonly property alias list: list

    signal opened(int row)
    signal openRequested(int row)

    // openLesson replaces the document with lesson `row`, without asking.
    function openLesson(row) {
        root.lastError = root.library.open(row, root.document)
        if (root.lastError === "") root.opened(row)
    }
    function requestLesson(row) {
        if (root.confirmUnsaved && root.document.modified) root.openRequested(row)
        else root.openLesson(row)
    }

    padding: 0

    ListView {
        id: list
        objectName: "lessonList"
        anchors.fill: parent
        clip: true
        model: root.library
        currentIndex: root.library.currentRow
        ScrollBar.vertical: ScrollBar {}
        section.property: "topic"
        section.delegate: Label {
            required property string section
            width: ListView.view.width
            topPadding: 10
            bottomPadding: 3
            leftPadding: 10
            text: section
            font.bold: true
            font.pixelSize: 12
            opacity: 0.75
        }
        delegate: ItemDelegate {
            id: row
            required property int index
            required property string number
            required property string title
            width: ListView.view.width
            highlighted: ListView.isCurrentItem
            onClicked: root.requestLesson(row.index)
            contentItem: RowLayout {
                spacing: 8
                Label { text: row.number; font.family: "monospace"; opacity: 0.6 }
                Label { text: row.title; elide: Text.ElideRight; Layout.fillWidth: true }
            }
        }
    }

    Label {
        anchors.bottom: parent.bottom
        anchors.margins: 8
        width: parent.width - 16
        x: 8
        visible: root.lastError !== ""
        text: root.lastError
        color: Theme.canceled
        wrapMode: Text.Wrap
    }
}
