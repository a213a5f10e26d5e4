// A Predict question's heading names its subject as the tree does, label and id (PredictModel),
// which can be long: it wraps to the panel's width rather than lose the id to an ellipsis.
import QtQuick
import QtTest
import Ctxscope
import Ctxscope.Study

TestCase {
    id: testCase
    name: "PredictRowTitle"
    when: windowShown
    width: 360
    height: 300
    visible: true

    Document { id: doc }
    PredictModel { id: predictModel; document: doc }
    Component {
        id: rowComponent
        PredictRow {
            width: 300
            predict: predictModel
            index: 0
            title: "task db.QueryRow(...): no ctx, uses Background (300 ms) (query)"
            firstOfItem: true
            field: "result"
            choices: ["ok", "context canceled"]
            choiceIndex: -1
            guess: ""
            guessError: ""
            grade: ""
            actual: ""
            message: ""
            eventText: ""
            contextId: ""
        }
    }

    function test_aLongTitleWrapsAndKeepsTheId() {
        const row = createTemporaryObject(rowComponent, testCase)
        const title = findChild(row, "predictTitle")
        verify(title)
        waitForRendering(row)
        verify(!title.truncated)
        verify(title.lineCount > 1, title.lineCount)
        verify(title.width <= row.width)
        // The field row sits right under the heading, with no gap left by the wrapping.
        verify(title.y + title.height <= row.children[1].y + 0.5)
        verify(row.children[1].y - (title.y + title.height) < row.spacing + 1)
    }
}
