// OutcomeCover: covers its parent entirely, says why, and lets nothing under it be clicked.
import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "OutcomeCover"
    when: windowShown
    width: 400
    height: 300
    visible: true

    Component {
        id: paneComponent
        Rectangle {
            width: 400; height: 300
            property int clicks: 0
            readonly property alias cover: cover
            MouseArea { anchors.fill: parent; onClicked: parent.clicks++ }
            OutcomeCover { id: cover; text: "Hidden in Predict mode." }
        }
    }

    function test_coversItsParentAndSaysWhy() {
        const pane = createTemporaryObject(paneComponent, testCase)
        compare(pane.cover.width, pane.width)
        compare(pane.cover.height, pane.height)
        compare(findChild(pane.cover, "coverNote").text, "Hidden in Predict mode.")
        verify(findChild(pane.cover, "coverNote").width <= pane.width - 40)
    }

    function test_nothingUnderItCanBeClicked() {
        const pane = createTemporaryObject(paneComponent, testCase)
        mouseClick(pane, 50, 50)
        compare(pane.clicks, 0)
        pane.cover.visible = false
        mouseClick(pane, 50, 50)
        compare(pane.clicks, 1)
    }
}
