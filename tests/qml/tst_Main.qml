import QtQuick
import QtTest
import Ctxscope
import Ctxscope.App

TestCase {
    id: testCase
    name: "Main"
    when: windowShown

    Document { id: doc; files.recoveryPath: "" }
    Component { id: mainComponent; Main { document: doc; offerRecovery: false } }
    Component { id: darkComponent; Main { document: doc; offerRecovery: false; forceDark: true } }

    // outcomeTexts lists the texts on screen in the window that give the run's outcome away: lint
    // names, lint counts ("Lints (1)", "1 lint") and the cards' countdowns ("\u25D4 0s left", still
    // counting on a context that the run has already ended). Items that are hidden, or under a
    // hidden ancestor, are not on screen. (The inspector's "Deadline() 200ms, 100ms left" is the
    // scenario's own deadline, shown only before it: not an outcome.)
    function outcomeTexts(w) {
        const found = []
        const pattern = /goroutine-outlived-context|goroutine-leak|lostcancel|SA1029|Lints \(\d+\)|\b\d+ lints?\b|\u25D4 \S+ left/
        const walk = (item) => {
            if (!item.visible || item.opacity === 0) return
            if (item.text !== undefined && pattern.test(String(item.text))) found.push(String(item.text))
            for (let i = 0; i < item.children.length; ++i) walk(item.children[i])
        }
        walk(w.contentItem)
        walk(w.footer)
        return found
    }
    function texts(item) {
        const out = []
        const walk = (it) => { if (it.text !== undefined) out.push(String(it.text)); for (let i = 0; i < it.children.length; ++i) walk(it.children[i]) }
        walk(item)
        return out.join("\n")
    }

    function test_windowLoadsTheDocument() {
        verify(doc.files.loadDefaultExample())
        const w = createTemporaryObject(mainComponent, testCase)
        verify(w !== null)
        verify(w.title.indexOf("HTTP handler with a 200ms budget") >= 0)
        tryVerify(() => w.treePane.cardCount === 8, 3000)
        w.scene.selectedId = "db"
        verify(w.selectedActions.canCancel)
        w.derive("WithCancel")
        compare(doc.run.contextCount, 9)
        verify(w.title.indexOf("\u2022") === 0) // modified
        doc.undo()
        w.closingConfirmed = true
        w.close()
    }

    function test_theStudyPanelsAreInTheWindowAndFollowTheTree() {
        verify(doc.files.loadDefaultExample())
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
        verify(doc.files.loadDefaultExample())
        const w = createTemporaryObject(mainComponent, testCase)
        tryVerify(() => w.treePane.cardCount === 8, 3000)
        w.scene.selectedId = "db"
        w.derive("WithCancel")
        verify(doc.modified)
        w.openLesson(0)
        tryVerify(() => w.popupOpen)           // the unsaved-changes prompt
        compare(doc.run.contextCount, 9)           // nothing replaced yet
        // Discarding goes on to open the lesson, titled by its name and with its notes shown.
        w.unsavedDialog.discardRequested()
        tryVerify(() => doc.displayName !== "untitled", 3000)
        compare(doc.displayName, doc.scenarioName)
        compare(w.sideTabs.currentIndex, 1)
        verify(w.notes.markdown.length > 20)
        w.close()
    }

    function test_theExportMenuOpensTheExportDialog() {
        verify(doc.files.loadDefaultExample())
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

    function test_predictModeHidesLintsAndCountdownsUntilItIsLeft() {
        verify(doc.files.loadDefaultExample())
        const w = createTemporaryObject(mainComponent, testCase)
        tryVerify(() => w.treePane.cardCount === 8, 3000)
        w.scene.selectedId = "pool"
        // 300ms: worker3 outlived pool (a lint at 250ms), shown on its card, chip, the inspector,
        // the Lints tab and the status bar.
        doc.seekTime(300e6)
        tryVerify(() => outcomeTexts(w).some(t => t.indexOf("goroutine-outlived-context") >= 0), 2000)
        verify(outcomeTexts(w).some(t => /Lints \(1\)/.test(t)))
        w.showStudyTab(1)   // the Lints tab, open when Predict starts: it must not show them either
        w.setPredictMode(true)
        verify(w.hideOutcome)
        tryVerify(() => outcomeTexts(w).length === 0, 2000, "shown while predicting: " + outcomeTexts(w).join(" | "))
        w.showStudyTab(1)
        waitForRendering(w.contentItem)
        compare(outcomeTexts(w), [])
        // 100ms: every deadline is still ahead; the cards would count down to them.
        doc.seekTime(100e6)
        waitForRendering(w.contentItem)
        compare(outcomeTexts(w), [])
        // Leaving Predict mode shows them all again.
        w.setPredictMode(false)
        tryVerify(() => outcomeTexts(w).some(t => / left/.test(t)), 2000)
        doc.seekTime(300e6)
        tryVerify(() => outcomeTexts(w).some(t => t.indexOf("goroutine-outlived-context") >= 0), 2000)
        verify(texts(w.footer).indexOf("1 lint") >= 0)
        // Reveal counts as leaving it too.
        w.setPredictMode(true)
        tryVerify(() => outcomeTexts(w).length === 0, 2000)
        w.studyPanel.expectations.predict.reveal()
        verify(!doc.predicting)
        tryVerify(() => outcomeTexts(w).some(t => t.indexOf("goroutine-outlived-context") >= 0), 2000)
        w.close()
    }

    function test_darkPaletteReachesTheMenuBarAndItsMenus() {
        verify(doc.files.loadDefaultExample())
        const w = createTemporaryObject(darkComponent, testCase)
        tryVerify(() => w.treePane.cardCount === 8, 3000)
        verify(Theme.dark)
        waitForRendering(w.menuBar)
        const bar = grabImage(w.menuBar)
        // The bar itself, right of its titles, and the colour of its titles.
        verify(Qt.color(bar.pixel(w.menuBar.width - 5, 5)).hslLightness < 0.3, String(bar.pixel(w.menuBar.width - 5, 5)))
        verify(Qt.color(w.menuBar.itemAt(0).palette.text).hslLightness > 0.7)
        // Every menu and submenu as drawn when open (a submenu takes the window's palette when
        // it is shown), items included.
        const dark = (c) => Qt.color(c).hslLightness < 0.3
        const light = (c) => Qt.color(c).hslLightness > 0.7
        const check = (menu) => {
            menu.open()
            tryCompare(menu, "opened", true)
            waitForRendering(menu.contentItem)
            const bg = grabImage(menu.background)
            verify(dark(bg.pixel(menu.background.width / 2, menu.background.height - 3)), menu.title)
            verify(dark(menu.palette.window), menu.title)
            for (let i = 0; i < menu.count; ++i) {
                const item = menu.itemAt(i)
                if (item && item.text && item.enabled) verify(light(item.palette.windowText), menu.title + " > " + item.text)
            }
        }
        let checked = 0
        for (let i = 0; i < w.menuBar.count; ++i) {
            const menu = w.menuBar.menuAt(i)
            check(menu)
            ++checked
            for (let j = 0; j < menu.count; ++j) {
                const sub = menu.menuAt(j)
                if (!sub || !sub.enabled) continue
                menu.currentIndex = j
                check(sub)
                ++checked
                sub.close()
            }
            menu.close()
        }
        verify(checked >= 9, checked)   // six menus; Export, Derive and Go to panel
        w.close()
    }

    // Issue #12: a newly derived context could land off-screen; now it is selected and scrolled
    // into view, clear of the legend.
    function test_aNewContextIsSelectedAndInView() {
        verify(doc.files.loadDefaultExample())
        const w = createTemporaryObject(mainComponent, testCase)
        tryVerify(() => w.treePane.cardCount === 8, 3000)
        w.scene.selectedId = "audit"
        // Scroll the tree so that audit's children would be far off the canvas.
        w.treePane.zoom = 1
        w.treePane.panX = -3000
        w.treePane.panY = -2000
        compare(doc.contexts.derive("audit", "WithCancel", {id: "fresh"}), "")
        compare(w.selectedId, "fresh")
        verify(w.treePane.nodeInView("fresh"))
        doc.undo()
        w.closingConfirmed = true
        w.close()
    }

    // After an export the status bar says where the file went, with Open folder.
    function test_anExportSaysWhereItWent() {
        verify(doc.files.loadDefaultExample())
        const w = createTemporaryObject(mainComponent, testCase)
        const path = "/tmp/ctxscope-main-export-" + Date.now() + ".trace.jsonl"
        w.exportDialog.start("trace")
        tryCompare(w.exportDialog, "opened", true)
        w.exportDialog.pathField.text = path
        w.exportDialog.run()
        tryCompare(w.exportDialog, "visible", false, 10000)
        const notice = findChild(w.footer, "exportNotice")
        tryVerify(() => notice.visible)
        verify(findChild(w.footer, "noticeLabel").text.indexOf(path) >= 0)
        verify(findChild(w.footer, "openFolderButton").visible)
        mouseClick(findChild(w.footer, "dismissNotice"))
        verify(!notice.visible)
        w.closingConfirmed = true
        w.close()
    }

    // F10 opens the menu bar's first menu, as desktop apps do.
    function test_f10OpensTheMenuBar() {
        verify(doc.files.loadDefaultExample())
        const w = createTemporaryObject(mainComponent, testCase)
        tryVerify(() => w.treePane.cardCount === 8, 3000)
        compare(String(w.actions.menus.shortcut), "F10")
        w.actions.menus.trigger()
        tryVerify(() => w.menuBar.menuAt(0).visible, 2000)
        w.menuBar.menuAt(0).close()
        tryVerify(() => !w.menuBar.menuAt(0).visible, 2000)
        w.closingConfirmed = true
        w.close()
    }

    // A goroutine a step spawns: Edit task opens its top-level owner, whose steps hold it; Del
    // stays off (it is deleted from the owner's steps).
    function test_aSpawnedGoroutineIsEditedThroughItsOwner() {
        verify(doc.files.loadDefaultExample())
        const w = createTemporaryObject(mainComponent, testCase)
        tryVerify(() => w.treePane.cardCount === 8, 3000)
        w.selectedGoroutine = "worker1"
        compare(w.selectedGoroutineOwner, "dispatcher")
        verify(!w.selectedGoroutineEditable)
        verify(w.actions.editGoroutine.enabled)
        verify(!w.actions.remove.enabled)
        w.selectedGoroutine = "dispatcher"
        compare(w.selectedGoroutineOwner, "")
        verify(w.actions.editGoroutine.enabled)
        w.closingConfirmed = true
        w.close()
    }

    // Every attached ToolTip.text in the window (a chip's or a card's race note, why a check
    // fails) shares one tooltip, sized to its longest line: Qt 6.4 made one of several lines as
    // wide as all its lines end to end, up to the whole window, with the text in its left part.
    function test_theSharedTooltipIsAsWideAsItsLongestLine() {
        verify(doc.files.loadDefaultExample())
        const w = createTemporaryObject(mainComponent, testCase)
        w.show()   // a tooltip needs a window on screen
        const item = Qt.createQmlObject('import QtQuick; import QtQuick.Controls; Rectangle {'
            + ' width: 10; height: 10; property bool shown: false; readonly property var tip: ToolTip.toolTip;'
            + ' ToolTip.text: "task handler: context deadline exceeded\\n\u2684 At 200ms: deadline of request vs work timer of watchdog\\nshort";'
            + ' ToolTip.visible: shown }', w.contentItem)
        item.parent = w.contentItem
        item.shown = true
        tryCompare(item.tip, "opened", true)
        waitForRendering(w.contentItem)
        compare(item.tip.contentItem.lineCount, 3)
        verify(Math.abs(item.tip.availableWidth - item.tip.contentItem.contentWidth) < 2,
               item.tip.availableWidth + " for a text " + item.tip.contentItem.contentWidth + " wide")
        item.destroy()
    }
}
