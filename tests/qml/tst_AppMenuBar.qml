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

    function test_actionsReachTheWindow() {
        fake.calls = []
        testActions.open.trigger()
        testActions.shortcuts.trigger()
        compare(fake.calls.join(","), "open,shortcuts")
    }
}
