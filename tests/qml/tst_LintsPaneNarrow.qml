// In the side panel's width a lint card names its subject in full: beside a long rule name
// ("goroutine-outlived-context") it was elided to nothing.
import QtQuick
import QtTest
import Ctxscope
import Ctxscope.Study

TestCase {
    id: testCase
    name: "LintsPaneNarrow"
    when: windowShown
    width: 380
    height: 500
    visible: true

    Document { id: doc; files.recoveryPath: "" }
    Component { id: paneComponent; LintsPane { width: 370; height: 500; document: doc } }

    function test_theSubjectIsShownWhole() {
        verify(doc.files.loadDefaultExample())
        doc.seekEnd()
        const p = createTemporaryObject(paneComponent, testCase)
        verify(p.model.count > 0)
        tryVerify(() => findChild(p.list, "lintSubject") !== null)
        const subject = findChild(p.list, "lintSubject")
        waitForRendering(p.list)
        compare(subject.text, "task " + p.model.data(p.model.index(0, 0), Qt.UserRole + 3))
        verify(subject.text.indexOf("worker3") >= 0, subject.text)
        verify(!subject.truncated)
        verify(subject.contentWidth <= subject.width + 0.5)
    }
}
