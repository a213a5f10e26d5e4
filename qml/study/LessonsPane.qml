// LessonsPane: the lessons library grouped by topic. Clicking a lesson opens it into the
// document (or, with confirmUnsaved and unsaved edits, asks the window to confirm first); the
// lesson opened last is highlighted. Each row shows the learner's progress (LessonProgress):
// read, exercise solved, best prediction score; "Reset progress" forgets it all.
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
    property LessonProgress progress: null
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

    RowLayout {
        id: progressBar
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 4
        visible: root.progress !== null
        Label {
            objectName: "progressSummary"
            text: root.progress ? qsTr("%1 of %2 read \u00B7 %3 solved").arg(root.progress.readCount)
                                    .arg(root.library.count).arg(root.progress.solvedCount) : ""
            opacity: 0.8
            elide: Text.ElideRight
            Layout.fillWidth: true
            leftPadding: 6
        }
        Button {
            objectName: "resetProgressButton"
            text: qsTr("Reset progress")
            flat: true
            onClicked: resetConfirm.open()
        }
    }
    Dialog {
        id: resetConfirm
        objectName: "resetProgressDialog"
        title: qsTr("Reset progress?")
        modal: true
        anchors.centerIn: parent
        standardButtons: Dialog.Reset | Dialog.Cancel
        Label { text: qsTr("Forget which lessons you read, which exercises you solved and your best prediction scores?") ; wrapMode: Text.Wrap; width: 260 }
        onReset: { root.progress.reset(); resetConfirm.close() }
    }

    ListView {
        id: list
        objectName: "lessonList"
        anchors.fill: parent
        anchors.topMargin: progressBar.visible ? progressBar.height + 8 : 0
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
            required property string fileName
            required property bool hasExercise
            // Re-read whenever the progress changes (the comma makes revision a dependency).
            readonly property var done: root.progress ? (root.progress.revision, root.progress.of(row.fileName)) : ({})
            width: ListView.view.width
            highlighted: ListView.isCurrentItem
            onClicked: root.requestLesson(row.index)
            contentItem: RowLayout {
                spacing: 8
                Label { text: row.number; font.family: "monospace"; opacity: 0.6 }
                Label {
                    text: row.title
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                    font.bold: row.done.read !== true   // unread lessons stand out
                }
                Label {
                    objectName: "progressMarks"
                    // ✓ solved, ◐ solved with the solution shown; ★ best prediction score.
                    text: [row.done.solved === "solved" ? "\u2713 solved" : row.done.solved === "solution" ? "\u25D0 solution seen" : "",
                           (row.done.best ?? "") !== "" ? "\u2605 " + row.done.best : ""].filter(t => t !== "").join("  ")
                    color: row.highlighted ? row.palette.highlightedText : row.done.solved === "solved" ? Theme.alive : row.palette.windowText
                    font.pixelSize: 11
                    visible: text !== ""
                }
            }
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: (row.done.read ? qsTr("Read") : qsTr("Not opened yet"))
                          + (row.hasExercise ? (row.done.solved === "solved" ? qsTr(" · exercise solved") : qsTr(" · exercise not solved yet")) : "")
                          + ((row.done.best ?? "") !== "" ? qsTr(" · best prediction %1").arg(row.done.best) : "")
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
