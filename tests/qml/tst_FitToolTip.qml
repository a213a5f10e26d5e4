// FitToolTip is as wide as its longest line (Qt 6.4's stock tooltip of a text of several lines
// is as wide as all its lines end to end), and still wraps a line wider than the window.
import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "FitToolTip"
    when: windowShown
    width: 900
    height: 300
    visible: true

    readonly property string lines: "100ms: cancel c0\n100.05ms: cancel c1\n100.1ms: cancel c2 (\"shutting down\")\nand 3 more"

    Rectangle { id: anchorItem; x: 400; y: 150; width: 3; height: 6 }
    Component { id: tipComponent; FitToolTip { parent: anchorItem } }

    function test_asWideAsTheLongestLine() {
        const tip = createTemporaryObject(tipComponent, testCase, {text: testCase.lines})
        tip.open()
        tryCompare(tip, "opened", true)
        waitForRendering(tip.contentItem)
        // Nothing wrapped: four lines, and the box hugs the longest.
        compare(tip.contentItem.lineCount, 4)
        verify(Math.abs(tip.availableWidth - tip.contentItem.contentWidth) < 2,
               tip.availableWidth + " for a text " + tip.contentItem.contentWidth + " wide")
        // What the stock tooltip would be: far wider than that (the bug this works around).
        verify(tip.contentItem.implicitWidth > tip.contentItem.contentWidth * 1.5)
    }

    function test_oneLineIsUnchanged() {
        const tip = createTemporaryObject(tipComponent, testCase, {text: "120ms: cancel pool"})
        tip.open()
        tryCompare(tip, "opened", true)
        compare(tip.contentItem.lineCount, 1)
        verify(Math.abs(tip.availableWidth - tip.contentItem.contentWidth) < 2)
    }

    function test_aLineWiderThanTheWindowWraps() {
        const tip = createTemporaryObject(tipComponent, testCase, {text: "word ".repeat(300).trim()})
        tip.open()
        tryCompare(tip, "opened", true)
        waitForRendering(tip.contentItem)
        verify(tip.width <= testCase.width, tip.width)
        verify(tip.contentItem.lineCount > 1)
    }
}
