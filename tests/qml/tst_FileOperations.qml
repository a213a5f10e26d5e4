// FileOperations: the unsaved-changes prompt before the document is replaced, opening (errors
// reported, successes remembered), Save / Save As through the typed-path dialog, and a Save As
// asked for by the prompt going on to what the prompt was for.
import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "FileOperations"
    when: windowShown
    width: 800
    height: 600
    visible: true

    Document { id: doc; recoveryPath: "" }
    RecentFiles { id: testRecent }
    Component { id: filesComponent; FileOperations { document: doc; recent: testRecent; nativeFileDialog: false } }
    SignalSpy { id: openedSpy; signalName: "opened" }
    SignalSpy { id: failedSpy; signalName: "failed" }

    function make() {
        const f = createTemporaryObject(filesComponent, testCase)
        openedSpy.target = f
        failedSpy.target = f
        openedSpy.clear()
        failedSpy.clear()
        return f
    }
    function scratch(name) { return "/tmp/ctxscope-qml-files-" + Date.now() + "-" + name }   // not in the user's folders

    function init() { verify(doc.loadDefaultExample()); testRecent.clear() }

    function test_unmodifiedDocumentsAreReplacedAtOnce() {
        const f = make()
        let ran = 0
        f.whenSaved(() => ++ran)
        compare(ran, 1)
        verify(!f.dialogOpen)
    }

    function test_changesAreAskedAboutAndDiscardingGoesOn() {
        const f = make()
        compare(doc.derive("db", "WithCancel", {}), "")
        verify(doc.modified)
        let ran = 0
        f.whenSaved(() => ++ran)
        compare(ran, 0)
        tryVerify(() => f.dialogOpen)
        f.unsavedDialog.discardRequested()
        compare(ran, 1)
        verify(!doc.modified)
    }

    function test_openingReportsProblemsAndRemembersWhatOpened() {
        const f = make()
        f.openPath(scratch("missing.ctxscope.json"))
        compare(failedSpy.count, 1)
        compare(failedSpy.signalArguments[0][0], "The scenario could not be opened")
        verify(failedSpy.signalArguments[0][1].length > 0)
        compare(openedSpy.count, 0)
        compare(testRecent.files.length, 0)
        const good = Qt.resolvedUrl("../../resources/examples/default.ctxscope.json").toString()
        f.openPath(good)
        compare(failedSpy.count, 1)
        compare(openedSpy.count, 1)
        compare(testRecent.files.length, 1)
    }

    function test_saveWithoutAFileAsksForAPathAndSavesThere() {
        const f = make()
        compare(doc.filePath, "")
        verify(!f.save())                 // nothing written yet: a path is asked for
        tryVerify(() => f.dialogOpen)
        const path = scratch("saved.ctxscope.json")
        f.chosen(path, true)
        compare(failedSpy.count, 0)
        verify(doc.filePath.indexOf("saved.ctxscope.json") >= 0, doc.filePath)
        compare(testRecent.files.length, 1)
        verify(f.save())                  // now it has a file
    }

    function test_saveAsFromThePromptGoesOnToWhatThePromptWasFor() {
        const f = make()
        compare(doc.derive("db", "WithCancel", {}), "")
        let ran = 0
        f.whenSaved(() => ++ran)
        f.unsavedDialog.saveRequested()   // no file yet: Save As first
        compare(ran, 0)
        verify(f.afterSave !== null)
        f.chosen(scratch("prompted.ctxscope.json"), true)
        compare(ran, 1)
        verify(!doc.modified)
        compare(f.afterSave, null)
    }
}
