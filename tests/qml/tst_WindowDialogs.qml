// WindowDialogs: each operation opens its dialog, or edits at once where Go takes no parameters;
// refused edits are reported; a hidden pane cannot be pictured; recovery says it replaced the
// document.
import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "WindowDialogs"
    when: windowShown
    width: 1000
    height: 700
    visible: true

    Document { id: doc; files.recoveryPath: "" }
    ScenarioEditor { id: testEditor; document: doc }
    LearnerEditor { id: testLearner; document: doc }
    Exporter { id: testExporter; document: doc }
    Rectangle { id: fakeTree; width: 200; height: 100 }
    Rectangle { id: fakeTimeline; width: 200; height: 100 }
    Component {
        id: dialogsComponent
        WindowDialogs { document: doc; editor: testEditor; learner: testLearner; exporter: testExporter; shortcutGroups: []; tree: fakeTree; timeline: fakeTimeline; nativeFileDialog: false }
    }
    SignalSpy { id: recoveredSpy; signalName: "recovered" }

    function init() { verify(doc.files.loadDefaultExample()); fakeTimeline.visible = true }

    function test_derivingWithoutParametersHappensAtOnce() {
        const d = createTemporaryObject(dialogsComponent, testCase)
        d.derive("db", "WithCancel")
        compare(doc.run.contextCount, 9)
        verify(!d.anyOpen)
        d.derive("db", "WithTimeout")   // a timeout to choose first
        tryVerify(() => d.anyOpen)
        compare(doc.run.contextCount, 9)
    }

    function test_cancelAsksForACauseOnlyWhereGoTakesOne() {
        const d = createTemporaryObject(dialogsComponent, testCase)
        const before = doc.files.serialized()
        d.cancel("cache", false)
        verify(doc.files.serialized() !== before)
        verify(!d.anyOpen)
        d.cancel("pool", true)
        tryVerify(() => d.anyOpen)
    }

    function test_refusedEditsAreReported() {
        const d = createTemporaryObject(dialogsComponent, testCase)
        d.report("")
        verify(!d.anyOpen)
        d.derive("no-such-context", "WithCancel")
        tryVerify(() => d.anyOpen)   // the problems dialog
    }

    function test_renameAndDeleteOpenTheirDialogs() {
        const d = createTemporaryObject(dialogsComponent, testCase)
        d.rename("db", "db query")
        tryVerify(() => d.anyOpen)
        const e = createTemporaryObject(dialogsComponent, testCase)
        e.remove("db")
        tryVerify(() => e.anyOpen)
        compare(doc.run.contextCount, 8)   // nothing deleted before it is confirmed
    }

    function test_aHiddenPaneCannotBePictured() {
        const d = createTemporaryObject(dialogsComponent, testCase)
        fakeTimeline.visible = false
        d.showExport("timeline-png")
        tryCompare(d.exportDialog, "opened", true)
        d.exportDialog.run()
        verify(d.exportDialog.error.indexOf("hidden") >= 0, d.exportDialog.error)
        d.exportDialog.close()
    }

    function test_recoverySaysItReplacedTheDocument() {
        const d = createTemporaryObject(dialogsComponent, testCase)
        recoveredSpy.target = d
        recoveredSpy.clear()
        d.recoveryDialog.recover()
        compare(recoveredSpy.count, 1)
    }

    // A goroutine that a step spawns opens its owner's task dialog, where its steps are edited.
    function test_aSpawnedGoroutineOpensItsOwnersDialog() {
        const d = createTemporaryObject(dialogsComponent, testCase)
        compare(testEditor.ownerOf("worker1"), "dispatcher")
        d.editGoroutine("worker1")
        tryVerify(() => d.anyOpen)
        tryVerify(() => findChild(d, "contextField") !== null && findChild(d, "contextField").visible)
        compare(findChild(d, "contextField").text, "pool")   // dispatcher's context: its dialog is open
    }
}
