// Predict on any lesson shows no state before Reveal (issue #10): for every shipped lesson, in
// the whole window, with the playhead at the end of the run and a context selected, no text on
// screen tells how the run ends: no node or inspector state ("alive", "canceled", "deadline
// exceeded"), no task result, no lint, no countdown, no event, no Check verdict. The exercise
// banner's checklist shows "?". Then Reveal grades and shows it all, and the next lesson starts
// without Predict mode.
import QtQuick
import QtTest
import Ctxscope
import Ctxscope.Study
import Ctxscope.App

TestCase {
    id: testCase
    name: "PredictEveryLesson"
    when: windowShown

    Document { id: doc; files.recoveryPath: "" }
    LessonLibrary { id: lessons }
    Component { id: mainComponent; Main { document: doc; offerRecovery: false; library: lessons } }

    readonly property var outcome: /\balive\b|\bcanceled\b|deadline exceeded|returned|never started|goroutine-outlived-context|goroutine-leak|lostcancel|SA1029|Lints \(\d+\)|\b\d+ lints?\b|\u25D4 \S+ left|\u2713|\u2715|\u25F7|\u2717|expectations? (hold|fail)|Solved|ran at/

    // The texts on screen, leaving out the legend (it names every state: a key, not an answer)
    // and the exercise banner's goal (what to achieve is no secret; its checklist is checked
    // apart).
    // The names the lesson's author gave contexts and tasks (cards, chips, lanes): words such as
    // "canceled at 30 ms" in a label are the scenario, not its outcome.
    function authorLabels(w) {
        const labels = []
        const walk = (item) => {
            if (!item) return
            if (typeof item.label === "string" && item.label !== "" && item.contextId !== undefined) labels.push(item.label)
            if (item.chip !== undefined && item.chip && typeof item.chip.label === "string") labels.push(item.chip.label)
            for (let i = 0; i < item.children.length; ++i) walk(item.children[i])
        }
        walk(w.contentItem)
        return labels.sort((a, b) => b.length - a.length)
    }
    function shownTexts(w) {
        const found = []
        const labels = authorLabels(w)
        const walk = (item) => {
            if (!item || !item.visible || item.opacity === 0) return
            if (item.labelsShown !== undefined && item.zoom !== undefined) return // Legend
            if (item.objectName === "exerciseBanner") return
            if (item.text !== undefined && item.text !== null && String(item.text) !== "") found.push(String(item.text))
            if (item.displayText !== undefined && item.displayText !== null) found.push(String(item.displayText))
            for (let i = 0; i < item.children.length; ++i) walk(item.children[i])
        }
        walk(w.contentItem)
        walk(w.footer)
        walk(w.header)
        return found.map(t => labels.reduce((text, l) => text.split(l).join("«»"), t))
    }

    function test_predictOnAnyLessonShowsNoStateBeforeReveal() {
        const w = createTemporaryObject(mainComponent, testCase)
        verify(w !== null)
        verify(lessons.count >= 24)
        let revealedWithOutcome = 0
        for (let row = 0; row < lessons.count; ++row) {
            compare(lessons.open(row, doc), "")
            verify(!doc.predicting, "Predict mode carried over to lesson " + row)
            w.showSideTab(0)                  // the inspector (the notes are the lesson's prose)
            w.setPredictMode(true)
            verify(w.hideOutcome)
            doc.seekEnd()
            w.select(w.scene.firstRootId)
            w.selectRelative(1)               // a context under the root, if any
            for (const tab of [0, 1, 2]) {    // events, lints, check
                w.showStudyTab(tab)
                waitForRendering(w.contentItem)
                // "never canceled" (Background, TODO, WithoutCancel) is what a kind is, not an outcome.
                const leaks = shownTexts(w).filter(t => testCase.outcome.test(t.replace(/never canceled/g, "")))
                compare(leaks, [], "lesson #" + row + " tab " + tab + ": " + leaks.join(" | "))
            }
            // The exercise checklist says "?" for every condition.
            const banner = w.exerciseBanner
            if (banner.model.active) {
                verify(banner.model.hidden)
                verify(!banner.model.solved)
            }
            // Reveal grades and shows the outcome again.
            w.studyPanel.expectations.predict.reveal()
            verify(!doc.predicting)
            verify(!w.hideOutcome)
            // The control: the same search finds the outcome once it is revealed.
            w.showStudyTab(0)
            waitForRendering(w.contentItem)
            if (shownTexts(w).some(t => testCase.outcome.test(t.replace(/never canceled/g, "")))) ++revealedWithOutcome
        }
        verify(revealedWithOutcome > lessons.count / 2, revealedWithOutcome)
        w.close()
    }
}
