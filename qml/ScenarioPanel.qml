// ScenarioPanel: the parts of the scenario that are not drawn in the tree: its settings, the
// timed actions (when, what, with which cause) and the expectations, each editable and
// deletable, one undo step each. The rows come from the ScenarioEditor (C++).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

ScrollView {
    id: root

    required property ScenarioEditor editor
    required property Document document
    signal editSettings()
    signal editAction(var row)
    signal editExpectation(int index)   // -1: add one
    signal failed(string error)
    signal seek(double nanos)

    contentWidth: availableWidth
    clip: true

    component RowButton: ToolButton {
        focusPolicy: Qt.StrongFocus
        font.pixelSize: 12
        ToolTip.text: Accessible.name
        ToolTip.visible: hovered || visualFocus
        ToolTip.delay: 600
    }

    ColumnLayout {
        width: root.availableWidth - 16
        x: 8
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: 8
            Label {
                text: root.document.scenarioName
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Button { objectName: "settingsButton"; text: qsTr("Settings…"); onClicked: root.editSettings() }
        }

        Label { text: qsTr("Timed actions"); font.bold: true; Layout.topMargin: 6 }
        Label {
            visible: root.editor.actions.length === 0
            text: qsTr("None. Cancel a context at the playhead (X) to add one.")
            opacity: 0.7
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Repeater {
            model: root.editor.actions
            delegate: RowLayout {
                id: actionRow
                required property var modelData
                objectName: "action " + actionRow.modelData.index
                Layout.fillWidth: true
                Label {
                    text: actionRow.modelData.at
                    font.family: "monospace"
                    horizontalAlignment: Text.AlignRight
                    Layout.preferredWidth: 84
                    MouseArea { anchors.fill: parent; onClicked: root.seek(actionRow.modelData.atNanos); cursorShape: Qt.PointingHandCursor }
                }
                Label { text: actionRow.modelData.text; elide: Text.ElideRight; Layout.fillWidth: true }
                RowButton {
                    objectName: "editAction"
                    text: "\u270E"
                    Accessible.name: qsTr("Change the time or cause of %1").arg(actionRow.modelData.text)
                    onClicked: root.editAction(actionRow.modelData)
                }
                RowButton {
                    objectName: "deleteAction"
                    text: "\u2715"
                    Accessible.name: qsTr("Delete %1").arg(actionRow.modelData.text)
                    onClicked: { const e = root.editor.deleteAction(actionRow.modelData.index); if (e !== "") root.failed(e) }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: 10
            Label { text: qsTr("Expectations"); font.bold: true; Layout.fillWidth: true }
            Button { objectName: "addExpectation"; text: qsTr("Add…"); onClicked: root.editExpectation(-1) }
        }
        Label {
            visible: root.editor.expectations.length === 0
            text: qsTr("None. Select a context or task and press \u201cExpect this now\u201d in the inspector to write down what it shows at the playhead.")
            opacity: 0.7
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Repeater {
            model: root.editor.expectations
            delegate: RowLayout {
                id: expectRow
                required property var modelData
                objectName: "expectation " + expectRow.modelData.index
                Layout.fillWidth: true
                Label {
                    text: expectRow.modelData.text
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                RowButton {
                    objectName: "editExpectation"
                    text: "\u270E"
                    Accessible.name: qsTr("Edit expectation %1").arg(expectRow.modelData.index + 1)
                    onClicked: root.editExpectation(expectRow.modelData.index)
                }
                RowButton {
                    objectName: "deleteExpectation"
                    text: "\u2715"
                    Accessible.name: qsTr("Delete expectation %1").arg(expectRow.modelData.index + 1)
                    onClicked: { const e = root.editor.deleteExpectation(expectRow.modelData.index); if (e !== "") root.failed(e) }
                }
            }
        }
        Item { Layout.preferredHeight: 8 }
    }
}
