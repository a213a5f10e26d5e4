// LearnerDialogs: the dialogs that edit the learner blocks (ExerciseSection's rows): the
// exercise's text, its done_when conditions (the expectation dialog, on done_when) and the
// predict questions. An edit that was not made comes out as failed(error).
import QtQuick
import Ctxscope

Item {
    id: root

    required property LearnerEditor learner
    required property ScenarioEditor editor
    readonly property bool anyOpen: exerciseDialog.visible || doneWhenDialog.visible || predictDialog.visible
    signal failed(string error)

    // The dialogs size themselves from their parent (this item): it covers the window.
    anchors.fill: parent

    // what: "exercise", "doneWhen" or "predict"; index -1 adds one (see ExerciseSection).
    function start(what, index) {
        if (what === "exercise")
            exerciseDialog.start()
        else if (what === "doneWhen")
            doneWhenDialog.start(index)
        else if (what === "predict")
            predictDialog.start(index)
    }

    ExerciseDialog { id: exerciseDialog; learner: root.learner; onFailed: (error) => root.failed(error) }
    ExpectationDialog { id: doneWhenDialog; editor: root.editor; learner: root.learner; onFailed: (error) => root.failed(error) }
    PredictQuestionDialog { id: predictDialog; objectName: "predictDialog"; learner: root.learner; editor: root.editor; onFailed: (error) => root.failed(error) }
}
