import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "Main"
    when: windowShown

    Document { id: doc; recoveryPath: "" }
    Component { id: mainComponent; Main { document: doc; offerRecovery: false } }

    function test_windowLoadsTheDocument() {
        verify(doc.loadDefaultExample())
        const w = createTemporaryObject(mainComponent, testCase)
        verify(w !== null)
        verify(w.title.indexOf("HTTP handler with a 200ms budget") >= 0)
        tryVerify(() => w.treePane.cardCount === 8, 3000)
        w.scene.selectedId = "db"
        verify(w.selectedActions.canCancel)
        w.derive("WithCancel")
        compare(doc.contextCount, 9)
        verify(w.title.indexOf("\u2022") === 0) // modified
        doc.undo()
        w.closingConfirmed = true
        w.close()
    }

    function test_theStudyPanelsAreInTheWindowAndFollowTheTree() {
        verify(doc.loadDefaultExample())
        const w = createTemporaryObject(mainComponent, testCase)
        verify(w !== null)
        tryVerify(() => w.treePane.cardCount === 8, 3000)
        verify(w.timeline.visible)
        verify(w.studyPanel.visible)
        tryVerify(() => w.timeline.model.laneCount > 8, 3000)
        // Selection goes both ways: tree -> timeline and study panel; panel -> tree.
        w.scene.selectedId = "db"
        compare(w.timeline.selectedId, "db")
        compare(w.studyPanel.selectedId, "db")
        w.studyPanel.select("cache")
        compare(w.scene.selectedId, "cache")
        // Collapsing in the tree reaches the timeline.
        const lanes = w.timeline.model.laneCount
        w.scene.toggleCollapsed("reqid")
        compare(w.timeline.collapsedIds, ["reqid"])
        tryVerify(() => w.timeline.model.laneCount < lanes, 3000)
        w.scene.expandAll()
        // View toggles hide and show the panes.
        w.actions.toggleTimeline.trigger()
        verify(!w.timeline.visible)
        w.actions.toggleTimeline.trigger()
        verify(w.timeline.visible)
        w.actions.showLints.trigger()
        compare(w.studyPanel.currentTab, 1)
        w.actions.showNotes.trigger()
        compare(w.sideTabs.currentIndex, 1)
        // Predict mode hides the outcome in the tree.
        doc.seekEnd()
        w.actions.predict.trigger()
        verify(w.scene.hideOutcome)
        compare(w.studyPanel.currentTab, 2)
        w.actions.predict.trigger()
        verify(!w.scene.hideOutcome)
        w.close()
    }

    function test_openingALessonAsksAboutUnsavedChangesFirst() {
        verify(doc.loadDefaultExample())
        const w = createTemporaryObject(mainComponent, testCase)
        tryVerify(() => w.treePane.cardCount === 8, 3000)
        w.scene.selectedId = "db"
        w.derive("WithCancel")
        verify(doc.modified)
        w.openLesson(0)
        tryVerify(() => w.popupOpen)           // the unsaved-changes prompt
        compare(doc.contextCount, 9)           // nothing replaced yet
        // Discarding goes on to open the lesson, titled by its name and with its notes shown.
        w.unsavedDialog.discardRequested()
        tryVerify(() => doc.displayName !== "untitled", 3000)
        compare(doc.displayName, doc.scenarioName)
        compare(w.sideTabs.currentIndex, 1)
        verify(w.notes.markdown.length > 20)
        w.close()
    }

    function test_theExportMenuOpensTheExportDialog() {
        verify(doc.loadDefaultExample())
        const w = createTemporaryObject(mainComponent, testCase)
        w.actions.exportChrome.trigger()
        tryCompare(w.exportDialog, "opened", true)
        compare(w.exportDialog.kind, "chrome")
        verify(w.popupOpen)
        w.exportDialog.close()
        tryCompare(w.exportDialog, "visible", false)
        w.actions.exportImage.trigger()
        tryCompare(w.exportDialog, "opened", true)
        compare(w.exportDialog.kind, "svg")
        w.exportDialog.close()
        tryCompare(w.exportDialog, "visible", false)
        // The timeline picture: grabbed from the window and written as PNG.
        tryVerify(() => w.timeline.width > 100 && w.timeline.height > 50, 3000)
        w.showExport("timeline-png")
        tryCompare(w.exportDialog, "opened", true)
        const path = "/tmp/ctxscope-qml-main-" + Date.now() + "-timeline.png"   // not in the user's folders
        w.exportDialog.pathField.text = path
        w.exportDialog.run()
        tryCompare(w.exportDialog, "visible", false, 5000)
        compare(w.exportDialog.error, "")
        compare(w.exportDialog.lastPath, path)
        // Hidden, it cannot be pictured: the dialog says so and stays.
        w.timelineShown = false
        w.showExport("timeline-png")
        tryCompare(w.exportDialog, "opened", true)
        w.exportDialog.run()
        verify(w.exportDialog.error.indexOf("hidden") >= 0)
        verify(w.exportDialog.visible)
        w.exportDialog.close()
        w.close()
    }
}
