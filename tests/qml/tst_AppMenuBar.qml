// AppMenuBar: the menus and what their items reach; Help: the lessons (the panel, or one lesson
// straight away), what ctxscope is (the README's introduction), the reference and About, each
// dialog closing on Enter and on Escape.
import QtQuick
import QtTest
import Ctxscope
import Ctxscope.Study
import Ctxscope.App

TestCase {
    id: testCase
    name: "AppMenuBar"
    when: windowShown
    width: 800
    height: 400
    visible: true

    Document { id: doc }
    TreeScene { id: testScene; document: doc }
    PlayClock { id: testClock; document: doc }
    RecordingActions { id: testActions; document: doc; scene: testScene; clock: testClock }
    RecentFiles { id: testRecent }
    Component { id: barComponent; AppMenuBar { width: 800; actions: testActions; recent: testRecent } }
    // With the lessons library, as Main has: an opened lesson is written down with the actions' requests.
    LessonLibrary { id: testLibrary }
    Component {
        id: lessonBarComponent
        AppMenuBar {
            width: 800; actions: testActions; recent: testRecent; library: testLibrary
            onOpenLessonRequested: (row) => testActions.record("lesson " + row)
        }
    }

    function test_hasTheMenus() {
        const bar = createTemporaryObject(barComponent, testCase)
        compare(bar.count, 6)
        const titles = []
        for (let i = 0; i < bar.count; ++i) titles.push(bar.menuAt(i).title.replace("&", ""))
        compare(titles.join(","), "File,Edit,Context,Play,View,Help")
    }

    function test_fileMenuHasTheExportSubmenu() {
        const bar = createTemporaryObject(barComponent, testCase)
        const file = bar.menuAt(0)
        let exportMenu = null
        for (let i = 0; i < file.count; ++i)
            if (file.menuAt(i) && file.menuAt(i).title.replace("&", "") === "Export") exportMenu = file.menuAt(i)
        verify(exportMenu !== null)
        const texts = []
        for (let i = 0; i < exportMenu.count; ++i) texts.push(exportMenu.itemAt(i).text.replace("&", ""))
        compare(texts.join("|"), "Trace (JSONL)…|Chrome trace…|Go module…|Report…|Image…")
        testActions.calls = []
        for (let i = 0; i < exportMenu.count; ++i) exportMenu.itemAt(i).action.trigger()
        compare(testActions.calls.join(","), "export trace,export chrome,export go,export report,export svg")
    }

    function test_viewMenuTogglesThePanels() {
        testActions.calls = []
        verify(testActions.toggleTimeline.text.indexOf("Hide") === 0)
        testActions.toggleTimeline.trigger()
        compare(testActions.timelineShown, false)
        verify(testActions.toggleTimeline.text.indexOf("Show") === 0)
        testActions.toggleTimeline.trigger()
        compare(testActions.timelineShown, true)
        testActions.toggleStudyPanel.trigger()
        compare(testActions.studyShown, false)
        testActions.toggleStudyPanel.trigger()
        testActions.showLints.trigger()
        testActions.showNotes.trigger()
        testActions.predict.trigger()
        compare(testActions.calls.join(","), "study 1,side 1,predict true")
        doc.predicting = true                       // what the window does on the request
        verify(testActions.predictMode)
        verify(testActions.predict.text.indexOf("Leave") === 0)
        testActions.predict.trigger()
        compare(testActions.calls[testActions.calls.length - 1], "predict false")
        doc.predicting = false
    }

    function test_actionsReachTheWindow() {
        testActions.calls = []
        testActions.open.trigger()
        testActions.shortcuts.trigger()
        compare(testActions.calls.join(","), "open,shortcuts")
    }

    function texts(menu) {
        const out = []
        for (let i = 0; i < menu.count; ++i) {
            const item = menu.itemAt(i)
            if (menu.menuAt(i)) out.push(menu.menuAt(i).title.replace("&", "") + " ▸")
            else if (item && item.text !== undefined && item.text !== "") out.push(item.text.replace("&", ""))
            else out.push("-")
        }
        return out
    }
    function helpMenuOf(bar) { return bar.menuAt(5) }

    function test_helpMenuHasTheLessonsTheTextsAndAbout() {
        const bar = createTemporaryObject(lessonBarComponent, testCase)
        compare(texts(helpMenuOf(bar)).join("|"),
                "Lessons ▸|Keyboard shortcuts|-|What is ctxscope?|File format and command-line reference|-|About ctxscope")
    }

    function test_lessonIndexListsEveryLessonAndOpensOne() {
        const bar = createTemporaryObject(lessonBarComponent, testCase)
        const lessons = helpMenuOf(bar).menuAt(0)
        verify(lessons !== null)
        const library = testLibrary
        verify(library.count >= 16)
        compare(lessons.count, library.count + 2)      // the panel, a separator, one per lesson
        const first = lessons.itemAt(2).text
        verify(first.indexOf("01") === 0, first)
        verify(first.indexOf(String(library.data(library.index(0, 0), LessonLibrary.TitleRole))) > 0, first)
        testActions.calls = []
        lessons.itemAt(0).triggered()                   // Lesson index: the Lessons panel
        lessons.itemAt(3).triggered()                   // the second lesson, opened
        compare(testActions.calls.join(","), "study 3,lesson 1")
    }

    function test_whatIsCtxscopeIsTheReadmesIntroduction() {
        const bar = createTemporaryObject(barComponent, testCase)
        const intro = AppInfo.introduction
        verify(intro.indexOf("ctxscope shows what Go's `context.Context` does.") === 0, intro.substring(0, 80))
        verify(intro.indexOf("![") < 0)                 // no pictures
        verify(intro.indexOf("## ") < 0)                // nothing after the introduction
        verify(intro.indexOf("](#") < 0)                // no links to the README's own headings
        verify(intro.indexOf("What it does") > 0)
        helpMenuOf(bar).itemAt(3).triggered()
        const d = bar.introDialog
        tryCompare(d, "opened", true)
        compare(d.title, "What is ctxscope?")
        // Over the window, not the menu bar it is declared in: as big as the window allows.
        verify(d.height > 300, "height " + d.height)
        verify(d.width > 500, "width " + d.width)
        const topLeft = d.contentItem.mapToItem(null, 0, 0)
        verify(topLeft.y > 0 && topLeft.y + d.contentItem.height < testCase.height, "y " + topLeft.y)
        compare(d.body.textFormat, Text.MarkdownText)
        compare(d.body.text, intro)
        verify(d.body.contentHeight > 200)
        keyClick(Qt.Key_Return)
        tryCompare(d, "visible", false)
        helpMenuOf(bar).itemAt(3).triggered()
        tryCompare(d, "opened", true)
        keyClick(Qt.Key_Escape)
        tryCompare(d, "visible", false)
    }

    function test_referenceCoversTheFormatAndEveryCommand() {
        const bar = createTemporaryObject(barComponent, testCase)
        const ref = AppInfo.reference
        for (const word of ["ctxscope.json", "`ctxscope`", "contexts", "tasks", "after_funcs", "actions", "expect",
                            "WithCancelCause", "WithDeadlineCause", "WithoutCancel", "await", "spawn",
                            "run SCENARIO", "check SCENARIO", "render SCENARIO", "export-go SCENARIO", "verify SCENARIO",
                            "--trace", "--report", "--chrome", "--until", "--seed", "Exit status"])
            verify(ref.indexOf(word) >= 0, "the reference lacks " + word)
        helpMenuOf(bar).itemAt(4).triggered()
        const d = bar.referenceDialog
        tryCompare(d, "opened", true)
        compare(d.body.textFormat, Text.MarkdownText)
        verify(d.body.contentHeight > d.height)        // long enough to scroll
        keyClick(Qt.Key_PageDown)
        keyClick(Qt.Key_Return)
        tryCompare(d, "visible", false)
    }

    function test_aboutShowsTheVersionsAndTheLicence() {
        const bar = createTemporaryObject(barComponent, testCase)
        verify(/^[0-9]+\.[0-9]+\.[0-9]+$/.test(AppInfo.version), AppInfo.version)
        verify(/^6\.[0-9]+\.[0-9]+/.test(AppInfo.qtVersion), AppInfo.qtVersion)
        verify(AppInfo.licence.length > 0)
        helpMenuOf(bar).itemAt(6).triggered()
        const d = bar.aboutDialog
        tryCompare(d, "opened", true)
        verify(d.height > 150 && d.height < testCase.height, "height " + d.height)
        verify(d.width > 400, "width " + d.width)
        compare(findChild(d, "aboutVersion").text, "Version " + AppInfo.version)
        verify(findChild(d, "aboutQt").text.indexOf("Qt " + AppInfo.qtVersion) === 0)
        compare(findChild(d, "aboutLicence").text, AppInfo.licence)
        verify(bar.helpOpen)
        keyClick(Qt.Key_Enter)
        tryCompare(d, "visible", false)
        verify(!bar.helpOpen)
        helpMenuOf(bar).itemAt(6).triggered()
        tryCompare(d, "opened", true)
        keyClick(Qt.Key_Escape)
        tryCompare(d, "visible", false)
    }

    function test_helpMenusAreWideEnoughForTheirItems() {
        const bar = createTemporaryObject(lessonBarComponent, testCase)
        const help = helpMenuOf(bar)
        const lessons = help.menuAt(0)
        for (const menu of [help, lessons]) {
            menu.open()                                  // aboutToShow fits the width
            tryCompare(menu, "opened", true)
            for (let i = 0; i < menu.count; ++i) {
                const item = menu.itemAt(i)
                verify(item.implicitWidth <= menu.availableWidth + 0.5,
                       (item.text || "separator") + ": " + item.implicitWidth + " > " + menu.availableWidth)
            }
        }
        verify(lessons.width > 300)
        lessons.close()
        help.close()
        const item = lessons.itemAt(2)
        verify(item.contentItem.children[1].text.length > 0)   // the topic, beside the title
    }

    // Issue #12: "Predict mode…" ran into its shortcut. Every menu is as wide as its widest item
    // when it opens, so each item's text ends before its shortcut.
    function test_menusAreWideEnoughForTheirItems() {
        const bar = createTemporaryObject(barComponent, testCase)
        for (let m = 0; m < bar.count; ++m) {
            const menu = bar.menuAt(m)
            menu.open()
            tryVerify(() => menu.opened)
            for (let i = 0; i < menu.count; ++i) {
                const item = menu.itemAt(i)
                if (!item || item.implicitWidth === undefined || item.subMenu) continue
                verify(item.implicitWidth <= menu.width - menu.leftPadding - menu.rightPadding + 0.5,
                       menu.title + ": " + item.text + " " + item.implicitWidth + " > " + menu.width)
            }
            menu.close()
            tryVerify(() => !menu.visible)
        }
    }

    // F10 (an action, so the shortcuts sheet lists it) asks the window to open the menu bar,
    // and openMenuBar opens the first menu through the bar (Main connects the two).
    function test_f10OpensTheFirstMenu() {
        const bar = createTemporaryObject(barComponent, testCase)
        compare(String(testActions.menus.shortcut), "F10")
        testActions.calls = []
        testActions.menus.trigger()
        compare(testActions.calls, ["menuBar"])
        bar.openMenuBar()
        tryVerify(() => bar.menuAt(0).visible)
        bar.menuAt(0).close()
        tryVerify(() => !bar.menuAt(0).visible)
    }
}
