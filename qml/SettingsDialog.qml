// SettingsDialog: the scenario's own settings (name, description, seed, cancel order, until),
// changed together as one undo step. The ScenarioEditor reads and checks what was typed.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Dialog {
    id: root

    required property ScenarioEditor editor
    signal failed(string error)

    function start() {
        const s = root.editor.settings()
        nameField.text = s.name
        descriptionArea.text = s.description
        seedField.text = s.seed
        orderBox.currentIndex = s.cancelOrder === "random" ? 1 : 0
        untilField.text = s.until
        root.open()
        nameField.forceActiveFocus()
        nameField.selectAll()
    }

    title: qsTr("Scenario settings")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(560, parent ? parent.width - 40 : 560)
    standardButtons: Dialog.Ok | Dialog.Cancel

    onAccepted: {
        const error = root.editor.editSettings({ name: nameField.text, description: descriptionArea.text, seed: seedField.text,
                                                 cancelOrder: orderBox.currentIndex === 1 ? "random" : "creation",
                                                 until: untilField.text })
        if (error !== "") root.failed(error)
    }

    GridLayout {
        anchors.fill: parent
        // Enter on a closed FormComboBox (the cancel order) takes the dialog's action too.
        function submitForm() { root.accept() }
        columns: 2
        columnSpacing: 8
        rowSpacing: 6
        Label { text: qsTr("Name") }
        TextField { id: nameField; objectName: "nameField"; selectByMouse: true; Layout.fillWidth: true; onAccepted: root.accept() }
        Label { text: qsTr("Description"); Layout.alignment: Qt.AlignTop; Layout.topMargin: 6 }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: 110
            // Framed as the fields around it are (Fusion's TextArea has no frame: the description
            // read as fixed text, not as something to edit).
            background: Rectangle {
                objectName: "descriptionFrame"
                radius: 2
                color: root.palette.base
                border.color: descriptionArea.activeFocus ? root.palette.highlight : Qt.darker(root.palette.window, 1.4)
            }
            TextArea { id: descriptionArea; objectName: "descriptionArea"; wrapMode: TextArea.Wrap; selectByMouse: true; leftPadding: 4; topPadding: 4 }
        }
        Label { text: qsTr("Seed") }
        TextField { id: seedField; objectName: "seedField"; selectByMouse: true; Layout.fillWidth: true; onAccepted: root.accept() }
        Label { text: qsTr("Cancel order") }
        FormComboBox {
            id: orderBox
            objectName: "orderBox"
            model: [qsTr("creation (children woken in the order they were made)"), qsTr("random (from the seed)")]
            Layout.fillWidth: true
        }
        Label { text: qsTr("Run until") }
        DurationField {
            id: untilField
            objectName: "untilField"
            allowNegative: false
            placeholderText: qsTr("empty: until nothing is left to happen")
            emptyText: qsTr("until nothing is left to happen (at most 1h)")
            field.onAccepted: root.accept()
            Layout.fillWidth: true
        }
    }
}
