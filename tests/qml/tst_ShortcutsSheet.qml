import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "ShortcutsSheet"
    when: windowShown
    width: 1000
    height: 700
    visible: true

    Document { id: doc }
    TreeScene { id: testScene; document: doc }
    PlayClock { id: testClock; document: doc }
    RecordingActions { id: testActions; document: doc; scene: testScene; clock: testClock }
    Component { id: sheetComponent; ShortcutsSheet { groups: testActions.groups } }

    function test_everyActionHasAShortcut() {
        let n = 0
        for (const group of testActions.groups)
            for (const action of group[1]) {
                verify(String(action.shortcut) !== "" && action.shortcut !== undefined, action.text)
                ++n
            }
        verify(n >= 30)
    }

    function test_sheetOpens() {
        const sheet = createTemporaryObject(sheetComponent, testCase)
        sheet.open()
        tryCompare(sheet, "opened", true)
    }
}
