// StudyPanel: four tabs; selections made in its panes come out through select(id), and
// hideOutcome reflects Predict mode.
import QtQuick
import QtTest
import Ctxscope
import Ctxscope.Study

TestCase {
    id: testCase
    name: "StudyPanel"
    when: windowShown
    width: 560
    height: 420
    visible: true

    Document { id: doc; files.recoveryPath: "" }
    LessonLibrary { id: lessons }

    Component {
        id: panelComponent
        StudyPanel {
            width: 560
            height: 420
            document: doc
            readonly property SignalSpy selectSpy: SignalSpy { signalName: "select" }
        }
    }

    function test_tabs_and_pass_through() {
        compare(lessons.open(lessons.rowOf("14"), doc), "")
        const p = createTemporaryObject(panelComponent, testCase)
        p.selectSpy.target = p
        p.currentTab = 1
        p.lints.select("db")
        compare(p.selectSpy.count, 1)
        compare(p.selectSpy.signalArguments[0][0], "db")
        p.currentTab = 2
        verify(!p.hideOutcome)
        doc.predicting = true
        verify(p.hideOutcome)
        doc.predicting = false
        p.currentTab = 3
        verify(p.lessons.library.count > 0)
    }

    // Predict mode reaches the events and lints, and the Lints tab stops counting.
    function test_predict_mode_hides_the_events_the_lints_and_their_count() {
        compare(lessons.open(lessons.rowOf("14"), doc), "")
        const p = createTemporaryObject(panelComponent, testCase)
        const tab = findChild(p, "lintsTab")
        verify(/Lints \(\d+\)/.test(tab.text), tab.text)
        doc.predicting = true
        compare(tab.text, "Lints")
        verify(p.lints.hideOutcome && p.eventLog.hideOutcome)
        p.expectations.predict.reveal()
        verify(/Lints \(\d+\)/.test(tab.text), tab.text)
        verify(!p.lints.hideOutcome && !p.eventLog.hideOutcome)
    }
}
