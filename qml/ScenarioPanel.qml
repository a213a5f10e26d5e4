// ScenarioPanel: the parts of the scenario that are not drawn in the tree: its settings, the
// timed actions (when, what, with which cause), the expectations, and the exercise and predict
// questions (ExerciseSection), each editable and deletable, one undo step each. The rows come
// from the ScenarioEditor and LearnerEditor (C++).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Ctxscope

ScrollView {
    id: root

    required property ScenarioEditor editor
    required property Document document
    required property LearnerEditor learner
    signal editSettings()
    signal editAction(var row)
    signal editExpectation(int index)   // -1: add one
    signal editLearner(string what, int index) // see ExerciseSection
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

    contentHeight: column.implicitHeight

    // A Column with explicit widths, not a ColumnLayout: wrapped labels in layouts are sized
    // for the wrong width and leave tall gaps.
    Column {
        id: column
        width: root.availableWidth - 16
        x: 8
        spacing: 6
        topPadding: 8
        bottomPadding: 8

        Item {
            width: column.width
            height: Math.max(nameLabel.implicitHeight, settingsButton.implicitHeight)
            Label {
                id: nameLabel
                text: root.document.scenarioName
                font.bold: true
                wrapMode: Text.Wrap
                width: parent.width - settingsButton.width - 8
                anchors.verticalCenter: parent.verticalCenter
            }
            Button {
                id: settingsButton
                objectName: "settingsButton"
                text: qsTr("Settings…")
                anchors.right: parent.right
                onClicked: root.editSettings()
            }
        }

        Label { text: qsTr("Timed actions"); font.bold: true; topPadding: 6 }
        Label {
            visible: root.editor.actions.length === 0
            text: qsTr("None. Cancel a context at the playhead (X) to add one.")
            opacity: 0.7
            wrapMode: Text.Wrap
            width: column.width
        }
        Repeater {
            // Rows only while the panel is shown (it sits behind the Inspector tab): a generated
            // scenario lists 500 actions, whose rows took a tenth of a second on every change.
            model: root.visible ? root.editor.actions : []
            delegate: Item {
                id: actionRow
                required property var modelData
                objectName: "action " + actionRow.modelData.index
                width: column.width
                height: Math.max(actionText.implicitHeight, editAction.implicitHeight)
                Label {
                    id: actionTime
                    text: actionRow.modelData.at
                    font.family: "monospace"
                    horizontalAlignment: Text.AlignRight
                    width: 84
                    anchors.verticalCenter: parent.verticalCenter
                    MouseArea { anchors.fill: parent; onClicked: root.seek(actionRow.modelData.atNanos); cursorShape: Qt.PointingHandCursor }
                }
                Label {
                    id: actionText
                    text: actionRow.modelData.text
                    wrapMode: Text.Wrap
                    x: actionTime.width + 8
                    width: parent.width - x - editAction.width - deleteAction.width - 4
                    anchors.verticalCenter: parent.verticalCenter
                }
                RowButton {
                    id: editAction
                    objectName: "editAction"
                    anchors.right: deleteAction.left
                    anchors.verticalCenter: parent.verticalCenter
                    text: "\u270E"
                    Accessible.name: qsTr("Change the time or cause of %1").arg(actionRow.modelData.text)
                    onClicked: root.editAction(actionRow.modelData)
                }
                RowButton {
                    id: deleteAction
                    objectName: "deleteAction"
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    text: "\u2715"
                    Accessible.name: qsTr("Delete %1").arg(actionRow.modelData.text)
                    onClicked: { const e = root.editor.deleteAction(actionRow.modelData.index); if (e !== "") root.failed(e) }
                }
            }
        }

        Label {
            visible: root.editor.actionCount > root.editor.actions.length
            text: qsTr("The first %1 of %2 timed actions are listed.").arg(root.editor.actions.length).arg(root.editor.actionCount)
            opacity: 0.7
            wrapMode: Text.Wrap
            width: column.width
        }

        Item {
            width: column.width
            height: addButton.implicitHeight + 10
            Label { text: qsTr("Expectations"); font.bold: true; anchors.bottom: parent.bottom; anchors.bottomMargin: 6 }
            Button { id: addButton; objectName: "addExpectation"; text: qsTr("Add…"); anchors.right: parent.right; anchors.bottom: parent.bottom; onClicked: root.editExpectation(-1) }
        }
        Label {
            visible: root.editor.expectations.length === 0
            text: qsTr("None. Select a context or task and press \u201cExpect this now\u201d (Ctrl+Shift+E) to write down what it shows at the playhead.")
            opacity: 0.7
            wrapMode: Text.Wrap
            width: column.width
        }
        Repeater {
            model: root.editor.expectations
            delegate: Item {
                id: expectRow
                required property var modelData
                objectName: "expectation " + expectRow.modelData.index
                width: column.width
                height: Math.max(expectText.implicitHeight, editExpectation.implicitHeight) + 4
                Label {
                    id: expectText
                    text: expectRow.modelData.text
                    wrapMode: Text.Wrap
                    width: parent.width - editExpectation.width - deleteExpectation.width - 8
                    anchors.verticalCenter: parent.verticalCenter
                }
                RowButton {
                    id: editExpectation
                    objectName: "editExpectation"
                    anchors.right: deleteExpectation.left
                    anchors.verticalCenter: parent.verticalCenter
                    text: "\u270E"
                    Accessible.name: qsTr("Edit expectation %1").arg(expectRow.modelData.index + 1)
                    onClicked: root.editExpectation(expectRow.modelData.index)
                }
                RowButton {
                    id: deleteExpectation
                    objectName: "deleteExpectation"
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    text: "\u2715"
                    Accessible.name: qsTr("Delete expectation %1").arg(expectRow.modelData.index + 1)
                    onClicked: { const e = root.editor.deleteExpectation(expectRow.modelData.index); if (e !== "") root.failed(e) }
                }
            }
        }
        Label {
            visible: root.editor.expectationCount > root.editor.expectations.length
            text: qsTr("The first %1 of %2 expectations are listed.").arg(root.editor.expectations.length).arg(root.editor.expectationCount)
            opacity: 0.7
            wrapMode: Text.Wrap
            width: column.width
        }

        ExerciseSection {
            objectName: "exerciseSection"
            width: column.width
            topPadding: 6
            learner: root.learner
            onEditLearner: (what, index) => root.editLearner(what, index)
            onFailed: (error) => root.failed(error)
        }
    }
}
