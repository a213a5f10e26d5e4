import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "RenameDialog"
    when: windowShown
    width: 600
    height: 400
    visible: true

    Document { id: doc }
    Component { id: dialogComponent; RenameDialog { document: doc } }

    function test_renameSetsTheLabelAndUndoRestoresIt() {
        doc.files.newScenario()
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start("root", "root")
        tryCompare(d, "opened", true)
        compare(findChild(d, "labelField").text, "root")
        findChild(d, "labelField").text = "the root"
        d.accept()
        verify(doc.files.serialized().indexOf("\"label\": \"the root\"") >= 0)
        doc.undo()
        verify(doc.files.serialized().indexOf("the root") < 0)
    }
}
