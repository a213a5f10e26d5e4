// PathDialog: the Save dialog says Save, is enabled as soon as a name is typed (no Enter
// needed), Enter saves, the suffix is added, an existing file turns the button into Replace;
// opening needs an existing file; folders are walked into; Escape closes without choosing.
import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "PathDialog"
    when: windowShown
    width: 800
    height: 600
    visible: true

    Component { id: dialogComponent; PathDialog {} }
    SignalSpy { id: spy; signalName: "chosen" }
    SignalSpy { id: canceledSpy; signalName: "canceled" }
    Document { id: doc; files.recoveryPath: "" }
    FilePlaces { id: places }

    function make() {
        const d = createTemporaryObject(dialogComponent, testCase)
        spy.target = d
        spy.clear()
        canceledSpy.target = d
        canceledSpy.clear()
        return d
    }
    function typeText(text) {
        for (const c of text) keyClick(c)
    }
    function unique(name) { return "ctxscope-qml-path-" + Date.now() + "-" + name }   // in /tmp, not the user's folders

    function test_saveSaysSaveAndIsEnabledByTypingAlone() {
        const d = make()
        d.start(true, "/tmp", "")
        tryCompare(d, "opened", true)
        verify(d.title.indexOf("Save") === 0)
        compare(d.acceptButton.text, "Save")
        verify(!d.acceptButton.enabled)         // no name yet
        verify(d.nameField.activeFocus)
        typeText("abc")                          // typed, no Enter
        compare(d.fileName, "abc")
        verify(d.acceptButton.enabled)
        compare(d.acceptButton.text, "Save")
        compare(spy.count, 0)
    }

    function test_enterSavesWithTheSuffixAdded() {
        const d = make()
        d.start(true, "/tmp", "")
        tryCompare(d, "opened", true)
        const name = unique("typed")
        typeText(name)
        keyClick(Qt.Key_Return)
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], "/tmp/" + name + ".ctxscope.json")
        tryCompare(d, "visible", false)
        compare(canceledSpy.count, 0)
    }

    function test_theButtonSavesToo() {
        const d = make()
        d.start(true, "/tmp", "b.json")
        tryCompare(d, "opened", true)
        mouseClick(d.acceptButton)
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], "/tmp/b.json")   // a .json name keeps its suffix
    }

    function test_startPrefillsTheNameAndSelectsItsBase() {
        const d = make()
        d.start(true, "/tmp", "my-scenario.ctxscope.json")
        tryCompare(d, "opened", true)
        compare(d.fileName, "my-scenario.ctxscope.json")
        compare(d.nameField.selectedText, "my-scenario")   // typing replaces the name, keeps the suffix
        compare(d.folder, "/tmp")
        compare(d.folderField.text, "/tmp")
        typeText("other")
        compare(d.fileName, "other.ctxscope.json")
    }

    function test_anExistingFileIsReplacedOnlyWhenTheButtonSaysSo() {
        const path = "/tmp/" + unique("existing.ctxscope.json")
        verify(doc.files.loadDefaultExample())
        compare(doc.files.saveAs(path), "")
        const d = make()
        d.start(true, "/tmp", places.fileNameOf(path))
        tryCompare(d, "opened", true)
        verify(d.targetExists)
        compare(d.acceptButton.text, "Replace")
        verify(d.acceptButton.enabled)
        keyClick(Qt.Key_End)
        typeText("x")                            // another name: Save again
        compare(d.acceptButton.text, "Save")
    }

    function test_openNeedsAnExistingFile() {
        const path = "/tmp/" + unique("to-open.ctxscope.json")
        verify(doc.files.loadDefaultExample())
        compare(doc.files.saveAs(path), "")
        const d = make()
        d.start(false, "/tmp", "")
        tryCompare(d, "opened", true)
        verify(d.title.indexOf("Open") === 0)
        compare(d.acceptButton.text, "Open")
        typeText("no-such-file.ctxscope.json")
        verify(!d.acceptButton.enabled)
        keyClick(Qt.Key_Return)
        compare(spy.count, 0)                   // Enter does nothing it could not
        d.nameField.text = places.fileNameOf(path)
        verify(d.acceptButton.enabled)
        keyClick(Qt.Key_Return)
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], path)
    }

    function test_foldersAreWalkedThrough() {
        const d = make()
        d.start(true, "/", "name.ctxscope.json")
        tryCompare(d, "opened", true)
        const names = d.entries.map(e => e.name + (e.folder ? "/" : ""))
        verify(names.indexOf("tmp/") >= 0, names.join(" "))
        d.activate({name: "tmp", folder: true})
        compare(d.folder, "/tmp")
        compare(d.folderField.text, "/tmp")
        compare(d.fileName, "name.ctxscope.json")   // the name stays
        const up = findChild(d, "upButton")
        verify(up && up.enabled)
        mouseClick(up)
        compare(d.folder, "/")
        // A typed folder name goes into that folder on Enter instead of saving.
        d.nameField.text = "tmp"
        d.nameField.forceActiveFocus()
        keyClick(Qt.Key_Return)
        compare(spy.count, 0)
        compare(d.folder, "/tmp")
        verify(d.visible)
    }

    function test_escapeCancels() {
        const d = make()
        d.start(true, "/tmp", "x.ctxscope.json")
        tryCompare(d, "opened", true)
        keyClick(Qt.Key_Escape)
        tryCompare(d, "visible", false)
        compare(spy.count, 0)
        compare(canceledSpy.count, 1)
    }

    function test_aFileWrittenSinceTheLastLookIsSeen() {
        const path = "/tmp/" + unique("later.ctxscope.json")
        const d = make()
        d.start(true, "/tmp", places.fileNameOf(path))
        tryCompare(d, "opened", true)
        compare(d.acceptButton.text, "Save")
        keyClick(Qt.Key_Escape)
        tryCompare(d, "visible", false)
        verify(doc.files.loadDefaultExample())
        compare(doc.files.saveAs(path), "")                // written while the dialog was closed
        d.start(true, "/tmp", places.fileNameOf(path))   // the same folder and name again
        tryCompare(d, "opened", true)
        compare(d.acceptButton.text, "Replace")
        verify(d.entries.some(e => e.name === places.fileNameOf(path)))
    }
}
