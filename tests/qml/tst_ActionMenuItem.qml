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
    Action { id: checkAction; text: "&Loop"; shortcut: "L"; checkable: true; checked: true }
    Component { id: checkComponent; ActionMenuItem { action: checkAction; width: 200 } }

    function test_showsTextWithoutMnemonicAndTheShortcut() {
        const item = createTemporaryObject(itemComponent, testCase)
        compare(item.shortcutText, "F")
        const labels = item.contentItem.children
        compare(labels[0].text, "Fit to view")
        compare(labels[1].text, "F")
    }

    function test_aCheckableItemsTextStartsRightOfItsCheckBox() {
        const item = createTemporaryObject(checkComponent, testCase)
        verify(item.checkable)
        waitForRendering(item)
        const label = item.contentItem.children[0]
        const labelLeft = label.mapToItem(item, 0, 0).x
        verify(labelLeft >= item.indicator.x + item.indicator.width,
               "text at " + labelLeft + " overlaps the check box ending at " + (item.indicator.x + item.indicator.width))
        const plain = createTemporaryObject(itemComponent, testCase)
        waitForRendering(plain)
        verify(plain.contentItem.children[0].mapToItem(plain, 0, 0).x < labelLeft)
    }
}
