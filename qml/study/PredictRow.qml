// PredictRow: one field of one Predict question (PredictModel's row). Before Reveal the learner
// picks an answer (ComboBox over the values Go can produce) or types a time as a Go duration
// (checked in C++); after Reveal it shows right or wrong, the real value and the event that
// decided it (a click on it shows that moment).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope
import Ctxscope.Study

ColumnLayout {
    id: root

    required property PredictModel predict
    required property int index
    required property string title
    required property bool firstOfItem
    required property string field
    required property var choices
    required property int choiceIndex
    required property string guess
    required property string guessError
    required property string grade
    required property string actual
    required property string message
    required property string eventText
    required property string contextId
    signal showEvent(int row, string contextId)

    spacing: 2

    Label {
        visible: root.firstOfItem
        objectName: "predictTitle"
        text: root.title
        font.bold: true
        topPadding: root.index === 0 ? 0 : 6
        Layout.fillWidth: true
        wrapMode: Text.Wrap   // a label with its id can be long: it wraps rather than lose the id
    }
    RowLayout {
        spacing: 6
        Layout.fillWidth: true
        Label {
            text: root.grade === "right" ? "\u2713" : root.grade === "wrong" ? "\u2717" : "?"
            color: root.grade === "right" ? Theme.alive : root.grade === "wrong" ? Theme.canceled : root.palette.windowText
            font.bold: true
            Layout.preferredWidth: 14
        }
        Label { text: root.field; Layout.preferredWidth: 70; elide: Text.ElideRight; opacity: 0.85 }
        ComboBox {
            objectName: "choice"
            visible: root.choices.length > 0
            enabled: root.grade === ""
            model: root.choices
            currentIndex: root.choiceIndex
            displayText: root.choiceIndex < 0 ? qsTr("choose…") : currentText
            Layout.fillWidth: true
            onActivated: (i) => root.predict.choose(root.index, i)
        }
        TextField {
            objectName: "typed"
            visible: root.choices.length === 0
            enabled: root.grade === ""
            text: root.guess
            placeholderText: qsTr("a Go duration (150ms), or never")
            Layout.fillWidth: true
            onTextEdited: root.predict.type(root.index, text)
        }
    }
    Label {
        visible: root.guessError !== "" && root.grade === ""
        text: root.guessError
        color: Theme.canceled
        font.pixelSize: 11
        wrapMode: Text.Wrap
        leftPadding: 20
        Layout.fillWidth: true
    }
    // After Reveal: the real value and where it was decided.
    ItemDelegate {
        objectName: "gradeRow"
        visible: root.grade !== ""
        Layout.fillWidth: true
        padding: 2
        leftPadding: 20
        onClicked: root.showEvent(root.index, root.contextId)
        contentItem: ColumnLayout {
            spacing: 0
            Label {
                text: (root.grade === "right" ? qsTr("Right: %1") : root.guess === "" ? qsTr("Not answered: it is %1")
                                                                  : qsTr("Wrong: it is %1")).arg(root.actual)
                color: root.grade === "right" ? Theme.alive : Theme.canceled
                font.pixelSize: 12
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                // A race decided it: every value Go can give (any of them is right).
                objectName: "racedNote"
                visible: root.message.startsWith("\u2684")
                text: root.message
                font.pixelSize: 11
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                visible: root.eventText !== ""
                text: qsTr("decided at %1").arg(root.eventText)
                font.pixelSize: 11
                opacity: 0.75
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }
}
