import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "ProblemsDialog"
    when: windowShown
    width: 800
    height: 500
    visible: true

    Component { id: dialogComponent; ProblemsDialog {} }

    function test_listsEveryProblem() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.show("Could not open", ["f.json: contexts[0].timeout: bad (line 3, column 9)", "f.json: name: missing"])
        tryCompare(d, "opened", true)
        compare(d.title, "Could not open")
        compare(d.problems.length, 2)
    }
}
