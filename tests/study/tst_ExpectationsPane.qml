// ExpectationsPane: states follow the playhead, Check shows a verdict, an edit clears it,
// Predict hides the outcome until Reveal.
import QtQuick
import QtTest
import Ctxscope
import Ctxscope.Study

TestCase {
    id: testCase
    name: "ExpectationsPane"
    when: windowShown
    width: 500
    height: 400
    visible: true

    Document { id: doc; files.recoveryPath: "" }
    LessonLibrary { id: lessons }

    Component {
        id: paneComponent
        ExpectationsPane { width: 500; height: 400; document: doc }
    }

    function makePane() {
        compare(lessons.open(lessons.rowOf("01"), doc), "")
        const p = createTemporaryObject(paneComponent, testCase)
        verify(p)
        return p
    }

    function test_states_follow_the_playhead() {
        const p = makePane()
        verify(p.model.count > 0)
        doc.seekTime(0)
        compare(p.model.passedAtPlayhead + p.model.failedAtPlayhead, 0)
        doc.seekEnd()
        compare(p.model.pendingAtPlayhead, 0)
        compare(p.model.passedAtPlayhead, p.model.count) // the lesson as shipped holds
    }

    function test_check_shows_a_verdict_until_the_next_edit() {
        const p = makePane()
        const verdict = findChild(p, "verdict")
        verify(!verdict.visible)
        mouseClick(findChild(p, "checkButton"))
        verify(verdict.visible)
        verify(p.model.allPassed)
        compare(doc.contexts.cancelContext("metrics", undefined), "")  // now metrics is canceled: an expectation breaks
        verify(!verdict.visible)
        mouseClick(findChild(p, "checkButton"))
        verify(verdict.visible)
        verify(!p.model.allPassed)
    }

    function test_predict_hides_the_outcome_until_reveal() {
        const p = makePane()
        verify(!p.hideOutcome)
        const sw = findChild(p, "predictSwitch")
        mouseClick(sw)
        verify(p.hideOutcome)
        verify(!findChild(p, "checkButton").enabled)
        verify(doc.predicting)                                  // the document's mode
        verify(findChild(p, "predictPanel").visible)
        mouseClick(findChild(p, "revealButton"))
        verify(!p.hideOutcome)
        verify(!doc.predicting)
        mouseClick(sw)
        verify(p.hideOutcome)
        compare(lessons.open(lessons.rowOf("02"), doc), "")   // a new lesson: Predict mode does not carry over
        verify(!p.hideOutcome)
        verify(!doc.predicting)
    }

    // Issue #12: in the side column, with Reveal shown, the counter was cut to "…4 pen". It goes
    // under the buttons instead, whole.
    function test_counterIsNeverCut() {
        const p = makePane()
        doc.predicting = false
        doc.restart()                        // at 0 the entries are pending: the longest counter
        for (const w of [500, 380, 300]) {
            p.width = w
            waitForRendering(p)
            const counter = findChild(p, "counterLabel")
            verify(counter.visible)
            verify(counter.width >= counter.implicitWidth - 0.5, w + ": " + counter.width)
            verify(counter.x + counter.width <= p.availableWidth + 0.5, w + ": " + (counter.x + counter.width))
            verify(counter.text.indexOf("pending") > 0)
        }
    }
}
