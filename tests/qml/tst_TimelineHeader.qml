// The timeline's header counts its lanes in words: "17 lanes", "1 lane" (it read "17 lane(s)":
// no translation supplies qsTr's %n plurals).
import QtQuick
import QtTest
import Ctxscope
import Ctxscope.Timeline

TestCase {
    id: testCase
    name: "TimelineHeader"
    when: windowShown
    width: 900
    height: 320
    visible: true

    Document { id: doc; files.recoveryPath: "" }
    Component { id: timelineComponent; Timeline { width: 900; height: 320; document: doc } }

    function test_countsLanesInWords() {
        verify(doc.files.loadDefaultExample())
        const t = createTemporaryObject(timelineComponent, testCase)
        const label = findChild(t, "laneCountLabel")
        verify(label)
        compare(label.text, t.model.laneCount + " lanes")
        verify(t.model.laneCount > 1)
        doc.files.newScenario()
        tryCompare(t.model, "laneCount", 1)
        compare(label.text, "1 lane")
    }
}
