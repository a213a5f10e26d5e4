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

    function test_countsInWords() {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.show("Could not open", ["a", "b"])
        tryCompare(d, "opened", true)
        compare(findChild(d.contentItem, "problemCount").text, "2 problems:")
        d.problems = ["a"]
        compare(findChild(d.contentItem, "problemCount").text, "1 problem:")
    }

    // Its only button is Close: Enter (either key) takes it, as Escape does.
    function test_closesOnEnterAndEscape_data() {
        return [{tag: "Return", key: Qt.Key_Return}, {tag: "Enter", key: Qt.Key_Enter}, {tag: "Escape", key: Qt.Key_Escape}]
    }
    function test_closesOnEnterAndEscape(data) {
        const d = createTemporaryObject(dialogComponent, testCase)
        d.show("Could not open", ["f.json: name: missing"])
        tryCompare(d, "opened", true)
        keyClick(data.key)
        tryCompare(d, "visible", false)
    }
}
