import QtQuick
import QtTest
import Ctxscope

TestCase {
    name: "Theme"

    function test_eachStateHasItsOwnColourInBothModes() {
        for (const dark of [false, true]) {
            Theme.dark = dark
            const colours = [NodeState.NotCreated, NodeState.Alive, NodeState.NeverCancelable, NodeState.Canceled, NodeState.DeadlineExceeded].map(s => String(Theme.stateColor(s)))
            compare(new Set(colours).size, 5)
        }
        Theme.dark = false
        compare(String(Theme.stateColor(NodeState.Canceled)), String(Theme.canceled))
    }
}
