// WorkArea: the panes under the play bar. The tree over its timeline on the left; on the right
// the inspector or the lesson notes over the study tabs. Which panes show is the View menu's
// (timelineShown, sideShown, studyShown); a selection made in any pane comes out as select(id).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope
import Ctxscope.Timeline
import Ctxscope.Study

SplitView {
    id: root

    required property Document document
    required property TreeScene scene
    required property ScenarioEditor editor
    required property LearnerEditor learner
    property string selectedGoroutine: ""
    signal goroutineSelected(string id)
    required property Inspector inspector
    required property AppActions actions
    required property LessonLibrary library
    property bool timelineShown: true
    property bool sideShown: true
    property bool studyShown: true
    readonly property alias treePane: treePane
    readonly property alias timeline: timeline
    readonly property alias sideTabs: sideTabs
    readonly property alias inspectorPane: inspectorPane
    readonly property alias notes: lessonNotes
    readonly property alias studyPanel: studyPanel
    readonly property alias exerciseBanner: exerciseBanner

    signal select(string id)
    signal failed(string error)            // an edit made in the inspector was refused
    signal openLessonRequested(int row)
    signal editActionRequested(var row)
    signal editExpectationRequested(int index)
    signal editLearnerRequested(string what, int index)
    readonly property alias scenarioPanel: scenarioPanel

    orientation: Qt.Horizontal

    // The tree over its timeline.
    SplitView {
        orientation: Qt.Vertical
        SplitView.fillWidth: true
        SplitView.minimumWidth: 300

        // The exercise's goal and checklist over the tree (only while an exercise is open).
        ColumnLayout {
            spacing: 0
            SplitView.fillHeight: true
            SplitView.minimumHeight: 160
            ScrollView {
                id: bannerScroll
                objectName: "bannerScroll"
                // The model's flag, not the banner's visible: that reads false while this is hidden.
                visible: exerciseBanner.model.active
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(exerciseBanner.implicitHeight, parent.height * 0.45)
                contentWidth: availableWidth
                // When it is cut off (a shown solution and its Go code are taller than the room),
                // the scroll bar says there is more: the code stopped mid-line with no hint.
                readonly property bool scrolls: exerciseBanner.implicitHeight > bannerScroll.height + 1
                ScrollBar.vertical.policy: bannerScroll.scrolls ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
                ExerciseBanner {
                    id: exerciseBanner
                    objectName: "exerciseBanner"
                    width: bannerScroll.availableWidth - (bannerScroll.scrolls ? bannerScroll.ScrollBar.vertical.width : 0)
                    document: root.document
                    onSelect: (id) => root.select(id)
                    onFailed: (error) => { if (error !== "") root.failed(error) }
                    onSolvedNow: (bySolution) => studyPanel.progress.markSolved(bySolution)
                }
            }
            TreePane {
                id: treePane
                scene: root.scene
                actions: root.actions
                selectedGoroutine: root.selectedGoroutine
                onGoroutineSelected: (id) => root.goroutineSelected(id)
                Layout.fillWidth: true
                Layout.fillHeight: true
            }
        }
        Item {
            visible: root.timelineShown
            SplitView.preferredHeight: 240
            SplitView.minimumHeight: 90
            Timeline {
                id: timeline
                objectName: "timeline"
                anchors.fill: parent
                document: root.document
                selectedId: root.scene.selectedId
                onSelect: (id) => root.select(id)
            }
            OutcomeCover {
                objectName: "timelineCover"
                visible: root.scene.hideOutcome
                text: qsTr("The timeline is hidden in Predict mode: it would show how the run ends. Press Reveal in the Check tab (or Ctrl+Shift+P) to see it.")
            }
        }
    }

    // The side column: inspector or lesson notes, over the study tabs.
    SplitView {
        orientation: Qt.Vertical
        visible: root.sideShown || root.studyShown
        SplitView.preferredWidth: 380
        SplitView.minimumWidth: 280

        ColumnLayout {
            visible: root.sideShown
            spacing: 0
            SplitView.fillHeight: true
            SplitView.minimumHeight: 150
            TabBar {
                id: sideTabs
                Layout.fillWidth: true
                TabButton { text: qsTr("Inspector") }
                TabButton { text: qsTr("Lesson notes") }
                TabButton { text: qsTr("Scenario") }
            }
            StackLayout {
                currentIndex: sideTabs.currentIndex
                Layout.fillWidth: true
                Layout.fillHeight: true
                InspectorPane {
                    id: inspectorPane
                    details: root.inspector.details
                    hideOutcome: root.inspector.hideOutcome
                    document: root.document
                    actions: root.actions
                    onSelect: (id) => root.select(id)
                    onFailed: (error) => root.failed(error)
                }
                LessonNotes {
                    id: lessonNotes
                    document: root.document
                    library: root.library
                }
                ScenarioPanel {
                    id: scenarioPanel
                    objectName: "scenarioPanel"
                    editor: root.editor
                    document: root.document
                    onEditSettings: root.actions.scenarioSettings.trigger()
                    onEditAction: (row) => root.editActionRequested(row)
                    onEditExpectation: (index) => root.editExpectationRequested(index)
                    learner: root.learner
                    onEditLearner: (what, index) => root.editLearnerRequested(what, index)
                    onFailed: (error) => root.failed(error)
                    onSeek: (nanos) => root.document.seekTime(nanos)
                }
            }
        }
        StudyPanel {
            id: studyPanel
            objectName: "studyPanel"
            document: root.document
            library: root.library
            visible: root.studyShown
            selectedId: root.scene.selectedId
            confirmUnsaved: true
            onSelect: (id) => root.select(id)
            onOpenLessonRequested: (row) => root.openLessonRequested(row)
            SplitView.preferredHeight: 330
            SplitView.minimumHeight: 150
        }
    }
}
