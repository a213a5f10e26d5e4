// StudyPanel: the four study panes in tabs (Events, Lints, Check, Lessons), for a window that
// wants them in one place. selectedId comes in, select(id) goes out, hideOutcome is Predict mode.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope
import Ctxscope.Study

Pane {
    id: root

    required property Document document
    property string selectedId: ""   // input: the tree's selection
    property LessonLibrary library: LessonLibrary {}
    property bool confirmUnsaved: false
    property alias currentTab: tabs.currentIndex
    readonly property bool hideOutcome: root.document.predicting   // Predict mode is the document's
    readonly property alias eventLog: eventLog
    readonly property alias lints: lintsPane
    readonly property alias expectations: expectationsPane
    readonly property alias lessons: lessonsPane
    readonly property alias progress: lessonProgress

    signal select(string id)         // a lint or an expectation was clicked
    signal openLessonRequested(int row) // with confirmUnsaved: confirm, then lessons.openLesson(row)

    padding: 0

    // What the learner has done with each lesson (kept across restarts).
    LessonProgress { id: lessonProgress; document: root.document; library: root.library }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        TabBar {
            id: tabs
            Layout.fillWidth: true
            TabButton { text: qsTr("Events") }
            // No count in Predict mode: how many lints there are is part of the outcome.
            TabButton {
                objectName: "lintsTab"
                text: lintsPane.model.count > 0 && !root.hideOutcome ? qsTr("Lints (%1)").arg(lintsPane.model.count) : qsTr("Lints")
            }
            TabButton { text: qsTr("Check") }
            TabButton { text: qsTr("Lessons") }
        }
        StackLayout {
            currentIndex: tabs.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true
            EventLogPane { id: eventLog; document: root.document; hideOutcome: root.hideOutcome }
            LintsPane {
                id: lintsPane
                document: root.document
                hideOutcome: root.hideOutcome
                selectedId: root.selectedId
                onSelect: (id) => root.select(id)
            }
            ExpectationsPane {
                id: expectationsPane
                document: root.document
                selectedId: root.selectedId
                onSelect: (id) => root.select(id)
                onGraded: (right, total) => lessonProgress.recordScore(right, total)
            }
            LessonsPane {
                id: lessonsPane
                document: root.document
                library: root.library
                progress: lessonProgress
                confirmUnsaved: root.confirmUnsaved
                onOpenRequested: (row) => root.openLessonRequested(row)
            }
        }
    }
}
