// Scenario settings: the description is framed as the fields around it are, its text lined up
// with theirs (Fusion's TextArea has no frame: it read as fixed text, not something to edit).
import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "SettingsDialog"
    when: windowShown
    width: 700
    height: 500
    visible: true

    Document { id: doc; files.recoveryPath: "" }
    ScenarioEditor { id: scenarioEditor; document: doc }
    Component { id: dialogComponent; SettingsDialog { editor: scenarioEditor } }

    function test_theDescriptionIsAFramedFieldLinedUpWithTheOthers() {
        verify(doc.files.loadDefaultExample())
        const d = createTemporaryObject(dialogComponent, testCase)
        d.start()
        tryCompare(d, "opened", true)
        const frame = findChild(d.contentItem, "descriptionFrame")
        verify(frame)
        verify(frame.visible && frame.border.width > 0 && frame.width > 100 && frame.height > 50)
        const area = findChild(d.contentItem, "descriptionArea")
        const name = findChild(d.contentItem, "nameField")
        verify(area.text.length > 0)
        const areaText = area.mapToItem(d.contentItem, area.leftPadding, 0).x
        const nameText = name.mapToItem(d.contentItem, name.leftPadding, 0).x
        verify(Math.abs(areaText - nameText) <= 2, areaText + " vs " + nameText)
    }
}
