// PredictPanel: Predict mode's questions in the Check tab. Answer each (pick or type), then
// Reveal: every answer is graded, the score shows, and each graded row can be clicked to see
// the event that decided it. "Predict again" starts a new round from time 0.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope
import Ctxscope.Study

ColumnLayout {
    id: root

    required property Document document
    readonly property alias model: predictModel
    readonly property alias list: list
    signal select(string id)
    signal done()   // "Back to Check": the grades may go

    spacing: 6

    PredictModel { id: predictModel; document: root.document }

    Label {
        objectName: "predictIntro"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        opacity: 0.85
        text: predictModel.revealed ? qsTr("Click an answer to see the moment that decided it.")
              : predictModel.count === 0 ? qsTr("This scenario asks nothing to predict (no \"predict\" and no fields in \"expect\").")
              : qsTr("Predict how the run ends: answer each question (times as Go durations, such as 150ms), play it if you like (states show as ?), then press Reveal.")
    }
    RowLayout {
        Layout.fillWidth: true
        Label {
            objectName: "score"
            visible: predictModel.revealed
            text: predictModel.scoreText
            font.bold: true
            font.pixelSize: 15
            color: predictModel.right === predictModel.count ? Theme.alive : root.palette.windowText
        }
        Label {
            visible: !predictModel.revealed && predictModel.count > 0
            text: qsTr("%1 of %2 answered").arg(predictModel.answered).arg(predictModel.count)
            opacity: 0.8
        }
        Item { Layout.fillWidth: true }
        Button {
            objectName: "revealButton"
            visible: !predictModel.revealed
            enabled: predictModel.count > 0
            highlighted: predictModel.answered === predictModel.count
            text: qsTr("Reveal")
            onClicked: predictModel.reveal()
        }
        Button {
            objectName: "predictAgainButton"
            visible: predictModel.revealed
            text: qsTr("Predict again")
            onClicked: predictModel.startOver()
        }
        Button {
            objectName: "predictDoneButton"
            visible: predictModel.revealed
            text: qsTr("Back to Check")
            onClicked: root.done()
        }
    }
    ListView {
        id: list
        objectName: "predictList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        spacing: 2
        model: predictModel
        ScrollBar.vertical: ScrollBar {}
        delegate: PredictRow {
            width: ListView.view.width - 12
            predict: predictModel
            onShowEvent: (row, contextId) => {
                predictModel.showRow(row)
                if (contextId !== "") root.select(contextId)
            }
        }
    }
}
