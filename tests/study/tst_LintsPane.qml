// LintsPane: one card per finding with the rule and its explanation; a click selects the
// finding's subject.
import QtQuick
import QtTest
import Ctxscope
import Ctxscope.Study

TestCase {
    id: testCase
    name: "LintsPane"
    when: windowShown
    width: 500
    height: 400
    visible: true

    Document { id: doc; files.recoveryPath: "" }
    LessonLibrary { id: lessons }

    Component {
        id: paneComponent
        LintsPane {
            width: 500
            height: 400
            document: doc
            readonly property SignalSpy selectSpy: SignalSpy { signalName: "select" }
        }
    }

    function test_a_lostcancel_finding_is_listed_and_selects_its_context() {
        compare(lessons.open(lessons.rowOf("14"), doc), "")
        const p = createTemporaryObject(paneComponent, testCase)
        p.selectSpy.target = p
        verify(p.model.count > 0)
        compare(p.list.count, p.model.count)
        compare(p.model.data(p.model.index(0, 0), Qt.UserRole + 1), "lostcancel")
        waitForRendering(p.list)
        mouseClick(p.list, 100, 20)
        compare(p.selectSpy.count, 1)
        compare(p.selectSpy.signalArguments[0][0], p.model.contextIdAt(0))
    }

    function test_no_lints_shows_a_note() {
        compare(lessons.open(lessons.rowOf("02"), doc), "")
        const p = createTemporaryObject(paneComponent, testCase)
        compare(p.model.count, 0)
        compare(p.list.count, 0)
    }

    // Predict mode: neither the findings nor "No lints" may show; a note says why.
    function test_predict_mode_covers_the_findings_and_the_no_lints_note() {
        compare(lessons.open(lessons.rowOf("14"), doc), "")
        const p = createTemporaryObject(paneComponent, testCase, { hideOutcome: true })
        verify(p.model.count > 0)
        verify(!p.list.visible)
        verify(findChild(p, "lintCover").visible)
        p.hideOutcome = false
        verify(p.list.visible)
        verify(!findChild(p, "lintCover").visible)
        compare(lessons.open(lessons.rowOf("02"), doc), "")   // no lints at all
        const none = createTemporaryObject(paneComponent, testCase, { hideOutcome: true })
        const shown = []
        const walk = (it) => { if (!it.visible) return; if (it.text !== undefined) shown.push(String(it.text)); for (let i = 0; i < it.children.length; ++i) walk(it.children[i]) }
        walk(none)
        verify(!shown.some(t => t.indexOf("No lints") >= 0), shown.join(" | "))
    }
}
