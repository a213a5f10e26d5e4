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
    function childWith(item, test) {
        for (let i = 0; i < item.children.length; ++i) if (test(item.children[i])) return item.children[i]
        return null
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

    // Predict mode: the chip says only that the task started (or the after-func was registered).
    function test_predictModeHidesTheLintTheProgressAndWhatAnAfterFuncDid() {
        const task = createTemporaryObject(chipComponent, testCase, { chip: chip({ state: "ended", progress: 1, lint: "goroutine-outlived-context" }), hideOutcome: true })
        verify(!task.flagged)
        compare(labelOf(task), "worker")
        verify(task.ToolTip.text.indexOf("goroutine") < 0, task.ToolTip.text)
        verify(task.ToolTip.text.indexOf("ended") < 0, task.ToolTip.text)
        verify(task.border.color !== Theme.lint)
        const bar = childWith(task, (c) => c.text === undefined && c.height === 3)
        verify(bar !== null && !bar.visible)
        task.hideOutcome = false
        verify(task.flagged && bar.visible)
        compare(labelOf(task), "\u26A0 worker")

        const ran = createTemporaryObject(chipComponent, testCase, { chip: chip({ kind: "afterfunc", state: "ran", label: "cleanup", progress: 1 }), hideOutcome: true })
        compare(labelOf(ran), "\u0192 cleanup")   // no ✓: it runs only once its context is done
        verify(ran.accent !== Theme.alive)
        ran.hideOutcome = false
        compare(labelOf(ran), "\u2713 \u0192 cleanup")
        // Not started yet is no outcome: still shown faded.
        const pending = createTemporaryObject(chipComponent, testCase, { chip: chip({ state: "pending", progress: 0 }), hideOutcome: true })
        compare(pending.opacity, 0.55)
    }
}
