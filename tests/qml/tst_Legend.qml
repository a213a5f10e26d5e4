import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "Legend"
    when: windowShown
    width: 800
    height: 100
    visible: true

    Component { id: legendComponent; Legend {} }

    function test_namesEveryStateAndTheZoom() {
        const l = createTemporaryObject(legendComponent, testCase, { zoom: 0.2, labelsShown: false })
        compare(l.entries.length, 5)
        const names = l.entries.map(e => e[2])
        verify(names.includes("canceled") && names.includes("deadline exceeded") && names.includes("never canceled"))
        let zoomText = ""
        const walk = (item) => { for (let i = 0; i < item.children.length; ++i) { const c = item.children[i]; if (c.text !== undefined && String(c.text).indexOf("%") >= 0) zoomText = c.text; walk(c) } }
        walk(l)
        verify(zoomText.indexOf("20%") === 0, zoomText)
        verify(zoomText.indexOf("zoom in for labels") > 0)
    }
}
