import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "StepListEditor"
    when: windowShown
    width: 700
    height: 300
    visible: true

    Component {
        id: editorComponent
        StepListEditor {
            id: editor
            width: 680
            steps: [{ op: "work", duration: "100ms", watch: "done" }, { op: "fail", text: "boom" }]
            onEdited: (s) => editor.steps = s
        }
    }

    function test_editsReplaceTheList() {
        const e = createTemporaryObject(editorComponent, testCase)
        e.update(0, "duration", "250ms")
        compare(e.steps[0].duration, "250ms")
        e.setOp(1, "await done")
        compare(e.steps[1].op, "await")
        e.move(1, -1)
        compare(e.steps[0].op, "await")
        e.replace(0, null)
        compare(e.steps.length, 1)
        compare(e.steps[0].duration, "250ms")
    }
}
