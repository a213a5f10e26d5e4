import QtQuick
import QtTest
import Ctxscope

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
    FakeWindow { id: fake; document: doc; scene: testScene; clock: testClock }
    AppActions { id: testActions; window: fake }
    RecentFiles { id: recent }
    Component { id: barComponent; AppMenuBar { width: 800; actions: testActions; recent: recent; window: fake } }

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
        fake.calls = []
        for (let i = 0; i < exportMenu.count; ++i) exportMenu.itemAt(i).action.trigger()
        compare(fake.calls.join(","), "export trace,export chrome,export go,export report,export svg")
    }

    function test_viewMenuTogglesThePanels() {
        fake.calls = []
        verify(testActions.toggleTimeline.text.indexOf("Hide") === 0)
        testActions.toggleTimeline.trigger()
        compare(fake.timelineShown, false)
        verify(testActions.toggleTimeline.text.indexOf("Show") === 0)
        testActions.toggleTimeline.trigger()
        compare(fake.timelineShown, true)
        testActions.toggleStudyPanel.trigger()
        compare(fake.studyShown, false)
        testActions.toggleStudyPanel.trigger()
        testActions.showLints.trigger()
        testActions.showNotes.trigger()
        testActions.predict.trigger()
        compare(fake.calls.join(","), "study 1,side 1,predict true")
        testActions.predict.trigger()
        compare(fake.predictMode, false)
    }

    function test_actionsReachTheWindow() {
        fake.calls = []
        testActions.open.trigger()
        testActions.shortcuts.trigger()
        compare(fake.calls.join(","), "open,shortcuts")
    }
}
