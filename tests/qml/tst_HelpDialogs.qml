// The Help dialogs on their own: HelpTextDialog renders Markdown (a table, code, a list) and
// scrolls with the keys; it, AboutDialog and the shortcuts sheet each close on Enter (either
// key) and on Escape.
import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "HelpDialogs"
    when: windowShown
    width: 900
    height: 640
    visible: true

    Document { id: doc }
    TreeScene { id: testScene; document: doc }
    PlayClock { id: testClock; document: doc }
    RecordingActions { id: testActions; document: doc; scene: testScene; clock: testClock }
    Component { id: textComponent; HelpTextDialog { title: "Help"; markdown: AppInfo.reference } }
    Component { id: aboutComponent; AboutDialog {} }
    Component { id: sheetComponent; ShortcutsSheet { groups: testActions.groups } }

    function closesOn(component, key) {
        const d = createTemporaryObject(component, testCase)
        d.open()
        tryCompare(d, "opened", true)
        keyClick(key)
        tryCompare(d, "visible", false)
    }

    function test_everyHelpDialogClosesOnEnterAndEscape_data() {
        return [
            {tag: "text, Return", component: textComponent, key: Qt.Key_Return},
            {tag: "text, Enter", component: textComponent, key: Qt.Key_Enter},
            {tag: "text, Escape", component: textComponent, key: Qt.Key_Escape},
            {tag: "about, Return", component: aboutComponent, key: Qt.Key_Return},
            {tag: "about, Enter", component: aboutComponent, key: Qt.Key_Enter},
            {tag: "about, Escape", component: aboutComponent, key: Qt.Key_Escape},
            {tag: "shortcuts, Return", component: sheetComponent, key: Qt.Key_Return},
            {tag: "shortcuts, Enter", component: sheetComponent, key: Qt.Key_Enter},
            {tag: "shortcuts, Escape", component: sheetComponent, key: Qt.Key_Escape},
        ]
    }
    function test_everyHelpDialogClosesOnEnterAndEscape(data) { closesOn(data.component, data.key) }

    function test_markdownIsRenderedNotShownRaw() {
        const d = createTemporaryObject(textComponent, testCase)
        d.open()
        tryCompare(d, "opened", true)
        compare(d.body.textFormat, Text.MarkdownText)
        // Rendered, the table's pipes and the headings' hashes are gone from what is painted:
        // as plain text the body would be as tall as its source has lines at this width.
        const lines = AppInfo.reference.split("\n").length
        verify(d.body.lineCount > 0)
        verify(d.body.lineCount < lines * 3)
        verify(d.body.contentWidth <= d.body.width + 1)   // wrapped to the dialog, nothing cut
    }

    function test_keysScrollALongText() {
        const d = createTemporaryObject(textComponent, testCase, {height: 300})
        d.open()
        tryCompare(d, "opened", true)
        const bar = d.scrollBar
        verify(bar.size < 1)
        compare(bar.position, 0)
        keyClick(Qt.Key_PageDown)
        verify(bar.position > 0)
        keyClick(Qt.Key_Home)
        compare(bar.position, 0)
        keyClick(Qt.Key_Down)
        verify(bar.position > 0)
        verify(d.visible)
    }
}
