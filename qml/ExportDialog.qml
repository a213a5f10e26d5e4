// ExportDialog: File ▸ Export. Pick what to export (trace, Chrome trace, report, Go module, a
// picture of the tree or the timeline) and where; the Exporter writes it off the GUI thread
// while a busy indicator turns. A failure stays in the dialog with its reason; nothing that was
// already at the path is touched then. Pictures in PNG are grabbed by the window (grabRequested).
// A success closes the dialog and says where the file went (exported: the status bar shows it,
// with Open folder).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Ctxscope

Dialog {
    id: root

    required property Exporter exporter
    property bool nativeFileDialog: true
    property string kind: "trace"
    property string error: ""
    property string lastPath: ""   // the last file written, shown after success
    property bool grabbing: false
    readonly property bool working: root.exporter.busy || root.grabbing
    readonly property alias pathField: pathField
    readonly property var kinds: [
        {key: "trace", text: qsTr("Trace (JSON Lines)"), hint: qsTr("Every event, one JSON object a line (spec/trace.md).")},
        {key: "chrome", text: qsTr("Chrome trace"), hint: qsTr("Open it in ui.perfetto.dev or chrome://tracing.")},
        {key: "report", text: qsTr("Report (JSON)"), hint: qsTr("The final state of every context and task, and the expectations' outcome.")},
        {key: "go", text: qsTr("Go module"), hint: qsTr("A folder with go.mod, main.go and scenario_test.go: `go run .` or `go test`.")},
        {key: "svg", text: qsTr("Tree picture (SVG)"), hint: qsTr("The tree at the playhead, for slides and docs.")},
        {key: "png", text: qsTr("Tree picture (PNG)"), hint: qsTr("The tree pane as it is on screen, at twice its size.")},
        {key: "timeline-png", text: qsTr("Timeline picture (PNG)"), hint: qsTr("The timeline pane as it is on screen, at twice its size.")}
    ]
    readonly property int kindIndex: Math.max(0, root.kinds.findIndex(k => k.key === root.kind))

    signal grabRequested(string kind, string path)   // the window grabs the item and calls finish()
    signal exported(string what, string path)        // what: the kind in words ("Chrome trace")

    function start(kind) {
        root.kind = kind
        root.error = ""
        root.lastPath = ""
        pathField.text = root.exporter.suggestedPath(kind)
        root.open()
        pathField.forceActiveFocus()
    }
    function run() {
        if (root.working) return
        const path = pathField.text.trim()
        if (path === "") { root.error = qsTr("Type where to write it."); return }
        root.error = ""
        if (root.kind === "png" || root.kind === "timeline-png") {
            root.grabbing = true
            root.grabRequested(root.kind, path)
        } else if (!root.exporter.start(root.kind, path)) {
            root.error = qsTr("Another export is still running.")
        }
    }
    // finish is told the outcome: "" closes the dialog, an error stays on screen.
    function finish(path, error) {
        root.grabbing = false
        if (error !== "") { root.error = error; return }
        root.lastPath = path
        root.close()
        root.exported(root.kinds[root.kindIndex].text, path)
    }

    title: qsTr("Export")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(620, parent ? parent.width - 40 : 620)
    closePolicy: root.working ? Popup.NoAutoClose : Popup.CloseOnEscape

    Connections {
        target: root.exporter
        function onFinished(kind, path, error) { if (root.visible) root.finish(path, error) }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label { text: qsTr("What") }
        ComboBox {
            id: kindBox
            objectName: "kindBox"
            model: root.kinds
            textRole: "text"
            currentIndex: root.kindIndex
            enabled: !root.working
            Layout.fillWidth: true
            onActivated: (index) => {
                root.kind = root.kinds[index].key
                pathField.text = root.exporter.suggestedPath(root.kind)
            }
        }
        Label {
            text: root.kinds[root.kindIndex].hint
            opacity: 0.75
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label { text: root.kind === "go" ? qsTr("Folder") : qsTr("File"); Layout.topMargin: 4 }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: pathField
                objectName: "exportPath"
                selectByMouse: true
                enabled: !root.working
                Layout.fillWidth: true
                onAccepted: root.run()
            }
            Button {
                text: qsTr("Browse…")
                visible: root.nativeFileDialog
                enabled: !root.working
                onClicked: root.kind === "go" ? folderDialog.open() : fileDialog.open()
            }
        }
        Label {
            objectName: "exportError"
            visible: root.error !== ""
            text: qsTr("Not exported: %1").arg(root.error)
            color: Theme.canceled
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            visible: root.working
            BusyIndicator { running: root.working; implicitWidth: 28; implicitHeight: 28 }
            Label { text: qsTr("Exporting…") }
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "exportButton"
            text: qsTr("Export")
            enabled: !root.working
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.ApplyRole
            onClicked: root.run()
        }
        Button {
            // While an export runs: stop it (nothing is written; the dialog then says so).
            objectName: "stopButton"
            text: qsTr("Stop")
            visible: root.exporter.busy
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: root.exporter.cancel()
        }
        Button {
            text: qsTr("Cancel")
            enabled: !root.working
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    FileDialog {
        id: fileDialog
        fileMode: FileDialog.SaveFile
        onAccepted: pathField.text = decodeURIComponent(fileDialog.selectedFile.toString().replace(/^file:\/\//, ""))
    }
    FolderDialog {
        id: folderDialog
        onAccepted: pathField.text = decodeURIComponent(folderDialog.selectedFolder.toString().replace(/^file:\/\//, ""))
    }
}
