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

    Document { id: doc; recoveryPath: "" }
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
        p.expectations.predictMode = true
        verify(p.hideOutcome)
        p.currentTab = 3
        verify(p.lessons.library.count > 0)
    }
}
