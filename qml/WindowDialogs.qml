// WindowDialogs: the window's edit, problems, export, shortcuts and recovery dialogs, and the
// operations that open them for a context. Edits go straight to the Document; an edit that was
// not made is reported in the problems dialog. Picture exports grab `tree` or `timeline`.
import QtQuick
import Ctxscope

Item {
    id: root

    required property Document document
    required property ScenarioEditor editor
    required property LearnerEditor learner
    required property Exporter exporter
    required property var shortcutGroups
    required property Item tree
    required property Item timeline
    property bool nativeFileDialog: true
    readonly property bool anyOpen: deriveDialog.visible || taskDialog.visible || cancelDialog.visible
                                    || settingsDialog.visible || actionDialog.visible || expectationDialog.visible
                                    || placeDialog.visible || learnerDialogs.anyOpen
                                    || renameDialog.visible || deleteDialog.visible || problemsDialog.visible
                                    || shortcutsSheet.visible || recoveryDialog.visible || exportDialog.visible
    readonly property alias exportDialog: exportDialog
    readonly property alias shortcutsSheet: shortcutsSheet
    readonly property alias recoveryDialog: recoveryDialog

    signal recovered()   // the recovery file replaced the document

    function showProblems(title, messages) { problemsDialog.show(title, messages) }
    function report(error) {
        if (error !== "")
            root.showProblems(qsTr("That edit was not made"), [error])
    }
    // derive asks for the parameters of the kinds that take some, and derives the others at once.
    function derive(contextId, kind) {
        if (root.editor.describeDerive(contextId, kind, {}).takesParams === true)
            deriveDialog.start(contextId, kind)
        else
            root.report(root.document.contexts.derive(contextId, kind, {}))
    }
    function editParameters(contextId) { deriveDialog.startEdit(contextId) }
    function startTask(contextId, afterFunc) { taskDialog.start(contextId, afterFunc) }
    // A goroutine that a step spawns or registers is edited in its owner's steps.
    function editGoroutine(id) {
        const owner = root.editor.ownerOf(id)
        taskDialog.startEdit(owner !== "" ? owner : id)
    }
    function editAction(row) { actionDialog.start(row) }
    function editExpectation(index) { expectationDialog.start(index) }
    function editLearner(what, index) { learnerDialogs.start(what, index) }
    function showSettings() { settingsDialog.start() }
    function place(contextId) { placeDialog.start(contextId) }
    // cancel asks for a cause where Go's cancel function takes one.
    function cancel(contextId, takesCause) {
        if (takesCause)
            cancelDialog.start(contextId)
        else
            root.report(root.document.contexts.cancelContext(contextId, undefined))
    }
    function rename(contextId, label) { renameDialog.start(contextId, label) }
    function remove(contextId) { deleteDialog.start(contextId, root.document.contexts.deletionSummary(contextId)) }
    function showExport(kind) { exportDialog.start(kind !== "" ? kind : exportDialog.kind) }
    // grabForExport pictures the tree or the timeline, at twice its size, into path.
    function grabForExport(kind, path) {
        const item = kind === "timeline-png" ? root.timeline : root.tree
        if (!item.visible || item.width <= 0 || item.height <= 0) {
            exportDialog.finish(path, kind === "timeline-png" ? qsTr("the timeline is hidden: show it first (View ▸ Show timeline)")
                                                               : qsTr("the tree pane is not visible"))
            return
        }
        const ok = item.grabToImage((result) => exportDialog.finish(path, root.exporter.saveImage(result.image, path)),
                                    Qt.size(item.width * 2, item.height * 2))
        if (!ok) exportDialog.finish(path, qsTr("the picture could not be grabbed"))
    }

    anchors.fill: parent

    DeriveDialog { id: deriveDialog; document: root.document; editor: root.editor; onFailed: (error) => root.report(error) }
    TaskDialog { id: taskDialog; document: root.document; editor: root.editor; onFailed: (error) => root.report(error) }
    PlaceDialog { id: placeDialog; editor: root.editor; onFailed: (error) => root.report(error) }
    SettingsDialog { id: settingsDialog; editor: root.editor; onFailed: (error) => root.report(error) }
    ActionDialog { id: actionDialog; editor: root.editor; onFailed: (error) => root.report(error) }
    ExpectationDialog { id: expectationDialog; editor: root.editor; onFailed: (error) => root.report(error) }
    LearnerDialogs { id: learnerDialogs; learner: root.learner; editor: root.editor; onFailed: (error) => root.report(error) }
    CancelDialog { id: cancelDialog; document: root.document; onFailed: (error) => root.report(error) }
    RenameDialog { id: renameDialog; document: root.document; onFailed: (error) => root.report(error) }
    DeleteDialog { id: deleteDialog; onConfirmed: (id) => root.report(root.document.contexts.deleteContext(id)) }
    ProblemsDialog { id: problemsDialog }
    ExportDialog {
        id: exportDialog
        exporter: root.exporter
        nativeFileDialog: root.nativeFileDialog
        onGrabRequested: (kind, path) => root.grabForExport(kind, path)
    }
    ShortcutsSheet { id: shortcutsSheet; groups: root.shortcutGroups }
    RecoveryDialog {
        id: recoveryDialog
        onRecover: {
            const problems = root.document.files.recover()
            if (problems.length > 0) root.showProblems(qsTr("The recovery file could not be read"), problems)
            root.recovered()
        }
        onDiscard: root.document.files.discardRecovery()
    }
}
