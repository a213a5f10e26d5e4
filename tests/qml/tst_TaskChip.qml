import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "TaskChip"
    when: windowShown
    width: 300
    height: 100
    visible: true

    Component { id: chipComponent; TaskChip {} }

    function chip(fields) {
        return Object.assign({ id: "t", label: "worker", kind: "task", state: "running", progress: 0.5, result: "", lint: "" }, fields)
    }
    function labelOf(item) {
        for (let i = 0; i < item.children.length; ++i)
            if (item.children[i].text !== undefined) return item.children[i].text
        return ""
    }

    function test_runningTaskShowsItsLabel() {
        const c = createTemporaryObject(chipComponent, testCase, { chip: chip({}) })
        compare(labelOf(c), "worker")
        verify(!c.flagged)
    }

    function test_resultIsShownAsAGlyph() {
        const ok = createTemporaryObject(chipComponent, testCase, { chip: chip({ state: "ended", result: "ok", progress: 1 }) })
        compare(labelOf(ok), "\u2713 worker")
        const late = createTemporaryObject(chipComponent, testCase, { chip: chip({ state: "ended", result: "context deadline exceeded" }) })
        compare(labelOf(late), "\u25F7 worker")
        compare(late.accent, Theme.canceled)
    }

    function test_lintIsNamedOnTheChip() {
        const c = createTemporaryObject(chipComponent, testCase, { chip: chip({ lint: "goroutine-outlived-context" }) })
        verify(c.flagged)
        compare(labelOf(c), "\u26A0 worker")
        verify(c.ToolTip.text.indexOf("goroutine-outlived-context") >= 0)
        compare(c.border.color, Theme.lint)
    }

    function test_afterFuncIsMarked() {
        const c = createTemporaryObject(chipComponent, testCase, { chip: chip({ kind: "afterfunc", state: "ran", label: "cleanup" }) })
        verify(labelOf(c).indexOf("\u0192 cleanup") >= 0)
    }
}
