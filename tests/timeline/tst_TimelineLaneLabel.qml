// TimelineLaneLabel: shows the lane's label, and a click asks to select the lane's context.
import QtQuick
import QtTest
import Ctxscope
import Ctxscope.Timeline

TestCase {
    id: testCase
    name: "TimelineLaneLabel"
    when: windowShown
    width: 200
    height: 24
    visible: true

    Component {
        id: labelComponent
        TimelineLaneLabel {
            width: 200
            height: 24
            lane: 3
            laneY: 72
            laneId: "authCall"
            contextId: "auth"
            label: "check credentials"
            detail: "0s–120ms"
            isTask: true
            depth: 3
            laneState: NodeState.NotCreated
            readonly property SignalSpy clickSpy: SignalSpy { signalName: "clicked" }
        }
    }

    function test_click_selects_the_lanes_context() {
        const l = createTemporaryObject(labelComponent, testCase)
        l.clickSpy.target = l
        mouseClick(l, 100, 12)
        compare(l.clickSpy.count, 1)
        compare(l.clickSpy.signalArguments[0][0], "auth")
    }
}
