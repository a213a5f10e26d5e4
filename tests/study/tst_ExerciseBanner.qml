// ExerciseBanner: shown for an exercise only; the checklist goes green and Solved shows when an
// edit solves it; hints one at a time; Show solution lists what it changed; Reset goes back;
// while predicting the checklist says "?".
import QtQuick
import QtTest
import Ctxscope
import Ctxscope.Study

TestCase {
    id: testCase
    name: "ExerciseBanner"
    when: windowShown
    width: 700
    height: 600
    visible: true

    Document { id: doc; files.recoveryPath: "" }
    LessonLibrary { id: lessons }
    Component {
        id: bannerComponent
        ExerciseBanner { width: 700; document: doc }
    }
    SignalSpy { id: solvedSpy; signalName: "solvedNow" }

    function rows(b) {
        const out = []
        const walk = (it) => { if (it.objectName === "doneWhenRow") out.push(it); for (let i = 0; i < it.children.length; ++i) walk(it.children[i]) }
        walk(b)
        return out
    }

    function test_only_for_an_exercise() {
        compare(lessons.open(lessons.rowOf("01"), doc), "")
        const b = createTemporaryObject(bannerComponent, testCase)
        verify(!b.visible)
        compare(lessons.open(lessons.rowOf("13"), doc), "")
        verify(b.visible)
        verify(findChild(b, "goal").text.indexOf("handler") >= 0)
        compare(rows(b).length, 3)
    }

    function test_hints_solution_and_reset() {
        compare(lessons.open(lessons.rowOf("13"), doc), "")
        const b = createTemporaryObject(bannerComponent, testCase)
        solvedSpy.target = b
        solvedSpy.clear()
        verify(!findChild(b, "solvedBadge").visible)
        verify(rows(b).every(r => r.status !== "passed" || r.title === ""))
        mouseClick(findChild(b, "hintButton"))
        compare(b.model.shownHints.length, 1)
        mouseClick(findChild(b, "hintButton"))
        compare(b.model.shownHints.length, 2)
        verify(!findChild(b, "resetButton").enabled)
        mouseClick(findChild(b, "solutionButton"))
        verify(b.model.solved)
        verify(findChild(b, "solvedBadge").visible)
        compare(solvedSpy.count, 1)
        verify(rows(b).every(r => r.status === "passed"))
        verify(b.model.changes.length > 0)
        verify(findChild(b, "solutionChange") !== null)
        compare(doc.undoText, "Show solution")
        verify(findChild(b, "resetButton").enabled)
        mouseClick(findChild(b, "resetButton"))
        verify(!b.model.solved)
        compare(doc.undoText, "Reset exercise")
        doc.undo()
        verify(b.model.solved)
    }

    function test_predicting_hides_the_checklist() {
        compare(lessons.open(lessons.rowOf("13"), doc), "")
        const b = createTemporaryObject(bannerComponent, testCase)
        mouseClick(findChild(b, "solutionButton"))
        verify(b.model.solved)
        doc.predicting = true
        verify(!b.model.solved)
        verify(!findChild(b, "solvedBadge").visible)
        verify(rows(b).every(r => r.status === "hidden"))
        doc.predicting = false
        verify(b.model.solved)
    }
}
