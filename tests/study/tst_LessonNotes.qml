// LessonNotes: the open scenario's description, rendered, following the document.
import QtQuick
import QtTest
import Ctxscope
import Ctxscope.Study

TestCase {
    id: testCase
    name: "LessonNotes"
    when: windowShown
    width: 420
    height: 500
    visible: true

    Document { id: doc; files.recoveryPath: "" }
    LessonLibrary { id: lessons }

    Component {
        id: notesComponent
        LessonNotes { width: 420; height: 500; document: doc }
    }

    function test_shows_the_open_lessons_description() {
        compare(lessons.open(lessons.rowOf("01"), doc), "")
        const n = createTemporaryObject(notesComponent, testCase)
        verify(n.markdown.indexOf("WithCancel") >= 0)
        verify(n.text.length > 100)
        verify(n.text.getText(0, n.text.length).indexOf("##") < 0) // rendered, not raw Markdown
        compare(lessons.open(lessons.rowOf("02"), doc), "")
        verify(n.markdown.indexOf("WithTimeout") >= 0)
        doc.files.newScenario()
        compare(n.markdown, "")
        // The placeholder, rendered: never the HTML source of the last lesson.
        const shown = n.text.getText(0, n.text.length)
        verify(shown.indexOf("no description") >= 0, shown)
        verify(shown.indexOf("<") < 0 && shown.indexOf("DOCTYPE") < 0, shown)
    }
}
