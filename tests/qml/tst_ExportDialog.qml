import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "ExportDialog"
    when: windowShown
    width: 800
    height: 600
    visible: true

    Document { id: doc; files.recoveryPath: "" }
    Exporter { id: testExporter; document: doc }
    Component { id: dialogComponent; ExportDialog { exporter: testExporter; nativeFileDialog: false } }
    SignalSpy { id: finishedSpy; target: testExporter; signalName: "finished" }

    function init() { verify(doc.files.loadDefaultExample()); finishedSpy.clear() }

    function test_suggestsAPathForTheKindAndExportsInTheBackground() {
        const dialog = createTemporaryObject(dialogComponent, testCase)
        dialog.start("chrome")
        tryCompare(dialog, "opened", true)
        verify(dialog.pathField.text.endsWith(".chrome.json"))
        compare(dialog.kinds[dialog.kindIndex].key, "chrome")
        const path = "/tmp/ctxscope-qml-export-" + Date.now() + ".chrome.json"   // not in the user's folders
        dialog.pathField.text = path
        dialog.run()
        finishedSpy.wait(10000)
        compare(finishedSpy.signalArguments[0][2], "")
        tryCompare(dialog, "visible", false)
        compare(dialog.lastPath, path)
    }

    function test_aFailureStaysInTheDialogWithItsReason() {
        const dialog = createTemporaryObject(dialogComponent, testCase)
        dialog.start("trace")
        tryCompare(dialog, "opened", true)
        dialog.pathField.text = "/proc/no/such/dir/x.trace.jsonl"
        dialog.run()
        finishedSpy.wait(10000)
        tryVerify(() => dialog.error !== "")
        verify(dialog.visible)
        const error = findChild(dialog.contentItem, "exportError")
        verify(error.visible)
        verify(error.text.indexOf("Not exported") === 0)
        dialog.close()
    }

    function test_anEmptyPathIsRefusedWithoutExporting() {
        const dialog = createTemporaryObject(dialogComponent, testCase)
        dialog.start("go")
        tryCompare(dialog, "opened", true)
        verify(dialog.pathField.text.endsWith("-go"))
        dialog.pathField.text = "  "
        dialog.run()
        verify(dialog.error !== "")
        compare(finishedSpy.count, 0)
        dialog.close()
    }

    function test_picturesAreAskedOfTheWindow() {
        const dialog = createTemporaryObject(dialogComponent, testCase)
        const spy = createTemporaryQmlObject("import QtTest; SignalSpy { signalName: \"grabRequested\" }", testCase)
        spy.target = dialog
        dialog.start("timeline-png")
        tryCompare(dialog, "opened", true)
        verify(dialog.pathField.text.endsWith("-timeline.png"))
        dialog.run()
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], "timeline-png")
        verify(dialog.working)
        dialog.finish(spy.signalArguments[0][1], "the timeline is hidden")
        verify(!dialog.working)
        verify(dialog.visible)
        dialog.close()
    }

    function test_stopDuringAnExportWritesNothingAndSaysSo() {
        doc.files.openGenerated(60000)          // big enough that the export takes a moment
        tryVerify(() => !doc.run.busy, 60000)
        const dialog = createTemporaryObject(dialogComponent, testCase)
        dialog.start("chrome")
        tryCompare(dialog, "opened", true)
        const path = "/tmp/ctxscope-qml-stop-" + Date.now() + ".chrome.json"
        dialog.pathField.text = path
        dialog.run()
        const stop = findChild(dialog, "stopButton")
        verify(stop.visible)
        mouseClick(stop)
        finishedSpy.wait(10000)
        verify(finishedSpy.signalArguments[0][2].indexOf("cancelled") >= 0)
        verify(dialog.visible)                                   // it stays, with the reason
        tryVerify(() => dialog.error.indexOf("cancelled") >= 0)
        dialog.close()
    }

    // A success tells the window where the file went (the status bar shows it).
    function test_successSaysWhereTheFileWent() {
        const dialog = createTemporaryObject(dialogComponent, testCase)
        const spy = createTemporaryQmlObject("import QtTest; SignalSpy { signalName: \"exported\" }", testCase)
        spy.target = dialog
        dialog.start("report")
        tryCompare(dialog, "opened", true)
        const path = "/tmp/ctxscope-qml-export-" + Date.now() + ".report.json"
        dialog.pathField.text = path
        dialog.run()
        spy.wait(10000)
        compare(spy.signalArguments[0][0], "Report (JSON)")
        compare(spy.signalArguments[0][1], path)
    }

    // A failure says why in words: a missing folder is named.
    function test_aMissingFolderIsNamed() {
        const dialog = createTemporaryObject(dialogComponent, testCase)
        dialog.start("trace")
        tryCompare(dialog, "opened", true)
        dialog.pathField.text = "/tmp/ctxscope-no-such-folder-" + Date.now() + "/x.trace.jsonl"
        dialog.run()
        tryVerify(() => dialog.error !== "", 10000)
        verify(dialog.error.indexOf("the folder /tmp/ctxscope-no-such-folder-") === 0, dialog.error)
        verify(dialog.error.endsWith("does not exist"), dialog.error)
        dialog.close()
    }
}
