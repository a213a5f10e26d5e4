import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "InspectorSection"
    when: windowShown
    width: 400
    height: 200
    visible: true

    Component {
        id: sectionComponent
        InspectorSection {
            title: "Values"
            Label { objectName: "content"; text: "k = v" }
        }
    }

    function test_holdsItsContentUnderTheTitle() {
        const s = createTemporaryObject(sectionComponent, testCase)
        const content = findChild(s, "content")
        verify(content !== null)
        const title = s.children[0]
        compare(title.text, "Values")
        verify(content.mapToItem(s, 0, 0).y > title.y + title.height - 1)
    }
}
