// PredictPanel: answer by choosing and typing, Reveal grades and shows the score, a graded
// answer selects the moment that decided it, Predict again starts over.
import QtQuick
import QtTest
import Ctxscope
import Ctxscope.Study

TestCase {
    id: testCase
    name: "PredictPanel"
    when: windowShown
    width: 500
    height: 700
    visible: true

    Document { id: doc; files.recoveryPath: "" }
    LessonLibrary { id: lessons }
    Component {
        id: panelComponent
        PredictPanel { width: 500; height: 700; document: doc }
    }
    SignalSpy { id: selectSpy; signalName: "select" }

    function test_answer_reveal_and_score() {
        compare(lessons.open(lessons.rowOf("13"), doc), "")
        doc.predicting = true
        const p = createTemporaryObject(panelComponent, testCase)
        selectSpy.target = p
        selectSpy.clear()
        const m = p.model
        compare(m.count, 6)
        verify(!findChild(p, "score").visible)
        // fetch: result ok (it ignores ctx), ended_at typed as 0.35s.
        waitForRendering(p.list)
        const rows = []
        const kids = p.list.contentItem.children
        for (let i = 0; i < kids.length; ++i) if (kids[i].field !== undefined) rows.push(kids[i])
        verify(rows.length >= 6, rows.length)
        const fetchResult = rows.find(r => r.index === 0)
        const combo = findChild(fetchResult, "choice")
        verify(combo.visible)
        m.choose(0, fetchResult.choices.indexOf("ok"))
        compare(combo.displayText, "ok")
        const typed = findChild(rows.find(r => r.index === 1), "typed")
        verify(typed.visible)
        mouseClick(typed)
        keyClick(Qt.Key_0); keyClick(Qt.Key_Period); keyClick(Qt.Key_3); keyClick(Qt.Key_5); keyClick(Qt.Key_S)
        compare(m.answered, 2)
        mouseClick(findChild(p, "revealButton"))
        verify(!doc.predicting)
        verify(findChild(p, "score").visible)
        compare(m.right, 2)
        compare(findChild(p, "score").text, "2 of 6 right")
        // A graded row shows the moment that decided it.
        waitForRendering(p.list)
        let lastRow = null
        const kids2 = p.list.contentItem.children
        for (let i = 0; i < kids2.length; ++i) if (kids2[i].field !== undefined && kids2[i].index === 5) lastRow = kids2[i]
        const graded = findChild(lastRow, "gradeRow")
        verify(graded.visible)
        mouseClick(graded)
        compare(selectSpy.count, 1)
        compare(selectSpy.signalArguments[0][0], "budget")
        verify(doc.appliedEvents < doc.run.eventCount)
        mouseClick(findChild(p, "predictAgainButton"))
        verify(doc.predicting)
        compare(m.answered, 0)
    }
}
