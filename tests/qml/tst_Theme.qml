import QtQuick
import QtTest
import Ctxscope

TestCase {
    name: "Theme"

    function test_eachStateHasItsOwnColourInBothModes() {
        for (const dark of [false, true]) {
            Theme.dark = dark
            const colours = [0, 1, 2, 3, 4].map(s => String(Theme.stateColor(s)))
            compare(new Set(colours).size, 5)
        }
        Theme.dark = false
        compare(String(Theme.stateColor(3)), String(Theme.canceled))
    }
}
