// FileOperations: the unsaved-changes prompt before the document is replaced, opening (errors
// reported, successes remembered), Save / Save As through PathDialog (a Save dialog that says
// Save, saves on Enter after a typed name, and starts on the current file or in the folder used
// last), Open starting in the folder used last, and a Save As asked for by the prompt going on
// to what the prompt was for.
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

    Document { id: doc; files.recoveryPath: "" }
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

    Component { id: nativeFilesComponent; FileOperations { document: doc; recent: testRecent; nativeFileDialog: true } }
    FilePlaces { id: places }
    Component { id: placesComponent; FilePlaces {} }

    // A fresh FilePlaces reads the settings as they are now, so clearing through it always writes.
    function forgetLastFolder() { createTemporaryObject(placesComponent, testCase).lastFolder = "" }
    function init() { verify(doc.files.loadDefaultExample()); testRecent.clear(); forgetLastFolder() }
    function cleanupTestCase() { forgetLastFolder() }
    function typeText(text) {
        for (const c of text) keyClick(c)
    }

    function test_unmodifiedDocumentsAreReplacedAtOnce() {
        const f = make()
        let ran = 0
        f.whenSaved(() => ++ran)
        compare(ran, 1)
        verify(!f.dialogOpen)
    }

    function test_changesAreAskedAboutAndDiscardingGoesOn() {
        const f = make()
        compare(doc.contexts.derive("db", "WithCancel", {}), "")
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
        compare(doc.contexts.derive("db", "WithCancel", {}), "")
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

    function test_saveOnAnUntitledScenarioTypesANameAndEnterSaves() {
        const f = make()
        f.places.lastFolder = "/tmp"
        compare(doc.filePath, "")
        verify(!f.save())
        tryCompare(f.pathDialog, "opened", true)
        compare(f.pathDialog.saving, true)
        compare(f.pathDialog.acceptButton.text, "Save")
        compare(f.pathDialog.folder, "/tmp")                   // the folder used last
        // The name is made from the scenario's title, and its base is selected: typing replaces it.
        compare(f.pathDialog.fileName, places.suggestedFileName(doc.scenarioName))
        verify(f.pathDialog.fileName !== "untitled.ctxscope.json")
        const name = "ctxscope-qml-files-" + Date.now() + "-typed"
        typeText(name)
        verify(f.pathDialog.acceptButton.enabled)               // no Enter needed to enable it
        keyClick(Qt.Key_Return)                                  // Enter saves
        tryCompare(f.pathDialog, "visible", false)
        compare(failedSpy.count, 0)
        compare(doc.filePath, "/tmp/" + name + ".ctxscope.json")
        verify(places.exists(doc.filePath))
        verify(!doc.modified)
        compare(testRecent.files[0], doc.filePath)
    }

    function test_saveAsStartsOnTheCurrentFile() {
        const f = make()
        const path = scratch("current.ctxscope.json")
        compare(doc.files.saveAs(path), "")
        f.places.lastFolder = "/"
        f.saveAs()
        tryCompare(f.pathDialog, "opened", true)
        compare(f.pathDialog.fileName, places.fileNameOf(path))  // prefilled with the current name
        compare(f.pathDialog.folder, "/tmp")                     // in its folder, not the last one
        compare(f.pathDialog.acceptButton.text, "Replace")
        keyClick(Qt.Key_Escape)
        tryCompare(f.pathDialog, "visible", false)
    }

    function test_openAndSaveStartInTheLastFolderUsed() {
        const f = make()
        const path = scratch("remembered.ctxscope.json")
        compare(doc.files.saveAs(path), "")
        compare(f.places.lastFolder, "")
        f.openPath(path)                                         // opening remembers its folder…
        compare(openedSpy.count, 1)
        compare(f.places.lastFolder, "/tmp")
        compare(createTemporaryObject(placesComponent, testCase).lastFolder, "/tmp")   // …in the settings, for the next start
        doc.files.newScenario()
        f.places.lastFolder = "/"
        f.choose(false)                                          // Open (typed-path dialog)
        tryCompare(f.pathDialog, "opened", true)
        compare(f.pathDialog.saving, false)
        compare(f.pathDialog.folder, "/")
        keyClick(Qt.Key_Escape)
        tryCompare(f.pathDialog, "visible", false)
        f.save()                                                 // untitled: Save As, in the last folder
        tryCompare(f.pathDialog, "opened", true)
        compare(f.pathDialog.folder, "/")
        keyClick(Qt.Key_Escape)
        tryCompare(f.pathDialog, "visible", false)
    }

    function test_theFirstDialogStartsInTheDocumentsFolder() {
        const f = make()
        compare(f.places.lastFolder, "")
        compare(f.places.startFolder, places.documentsFolder())
        f.places.lastFolder = "/tmp/ctxscope-no-such-folder-" + Date.now()
        compare(f.places.startFolder, places.documentsFolder())   // a folder since removed: documents
        doc.files.newScenario()
        f.save()
        tryCompare(f.pathDialog, "opened", true)
        compare(f.pathDialog.folder, places.documentsFolder())
        keyClick(Qt.Key_Escape)
        tryCompare(f.pathDialog, "visible", false)
    }

    function test_qtsOpenDialogStartsInTheLastFolder() {
        const f = createTemporaryObject(nativeFilesComponent, testCase)
        f.places.lastFolder = "/tmp"
        f.choose(false)
        compare(f.fileDialog.currentFolder.toString(), "file:///tmp")
        compare(f.fileDialog.selectedFile.toString(), "")       // nothing recent there: nothing preselected
        f.fileDialog.close()
        const path = scratch("recent.ctxscope.json")
        compare(doc.files.saveAs(path), "")
        testRecent.add("/elsewhere/other.ctxscope.json")
        testRecent.add(path)
        testRecent.add("/elsewhere/newest.ctxscope.json")
        f.choose(false)                                          // the newest recent file there is preselected
        compare(f.fileDialog.selectedFile.toString(), "file://" + path)
        compare(f.fileDialog.fileMode, 0)                       // FileDialog.OpenFile, always
        f.fileDialog.close()
        f.saveAs()                                               // saving never uses Qt's dialog
        tryCompare(f.pathDialog, "opened", true)
        verify(!f.fileDialog.visible)
        keyClick(Qt.Key_Escape)
    }

    function test_cancellingTheSaveDialogForgetsWhatThePromptWasFor() {
        const f = make()
        compare(doc.contexts.derive("db", "WithCancel", {}), "")
        let ran = 0
        f.whenSaved(() => ++ran)
        f.unsavedDialog.saveRequested()
        verify(f.afterSave !== null)
        tryCompare(f.pathDialog, "opened", true)
        keyClick(Qt.Key_Escape)
        tryCompare(f.pathDialog, "visible", false)
        compare(f.afterSave, null)
        compare(ran, 0)
    }
}
