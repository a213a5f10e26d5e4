import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "ActionMenuItem"
    when: windowShown
    width: 400
    height: 200
    visible: true

    Action { id: testAction; text: "&Fit to view"; shortcut: "F" }
    Component { id: itemComponent; ActionMenuItem { action: testAction } }

    function test_showsTextWithoutMnemonicAndTheShortcut() {
        const item = createTemporaryObject(itemComponent, testCase)
        compare(item.shortcutText, "F")
        const labels = item.contentItem.children
        compare(labels[0].text, "Fit to view")
        compare(labels[1].text, "F")
    }
}
