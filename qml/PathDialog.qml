// PathDialog: the Save dialog (File ▸ Save on an untitled scenario, Save As), and the Open dialog
// where Qt's file dialog cannot load (its QML implementation needs Qt.labs.folderlistmodel).
// A folder (typed, or walked through in the list of what is in it) and a file name: the button
// says Save or Open, is enabled as soon as the name names something it can use, and Enter in
// the name field does what the button does. Saving adds ".ctxscope.json" to a name without a
// .json suffix, and the button says Replace when that file exists already. Qt's own file dialog
// (Qt 6.4) is not used for saving: its button says Open, and a typed name enables it only
// after Enter, which then does not save.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Dialog {
    id: root

    property bool saving: false
    property string folder: ""
    readonly property alias fileName: nameField.text
    readonly property alias nameField: nameField
    readonly property alias folderField: folderField
    readonly property alias acceptButton: acceptButton
    // What the name field names (a folder's name goes into that folder), and the file the
    // button would save to or open.
    readonly property string typedPath: places.join(root.folder, nameField.text)
    // The file system is asked again when the dialog starts or changes folder (`looked`).
    property int looked: 0
    readonly property bool targetIsFolder: (root.looked, nameField.text.trim() !== "" && places.isFolder(root.typedPath))
    readonly property string path: root.saving && nameField.text.trim() !== "" && !/\.json$/i.test(root.typedPath)
                                   ? root.typedPath + ".ctxscope.json" : root.typedPath
    readonly property bool targetExists: (root.looked, nameField.text.trim() !== "" && places.exists(root.path))
    readonly property bool canAccept: nameField.text.trim() !== "" && !root.targetIsFolder
                                      && (root.saving || root.targetExists)
    property var entries: []
    property bool submitted: false

    signal chosen(string path)
    signal canceled()   // closed without choosing (Cancel, Escape)

    // start opens the dialog in `folder` with `fileName` typed in (selected up to its suffix).
    function start(saving, folder, fileName) {
        root.saving = saving
        root.submitted = false
        root.enterFolder(folder)
        nameField.text = fileName
        root.open()
        nameField.forceActiveFocus()
        const dot = fileName.indexOf(".")
        nameField.select(0, dot > 0 ? dot : fileName.length)
    }
    // enterFolder goes to a folder: absolute, ~/…, or relative to the one shown.
    function enterFolder(folder) {
        root.folder = places.join(root.folder !== "" ? root.folder : places.documentsFolder(), folder)
        folderField.text = root.folder
        root.entries = places.entries(root.folder)
        ++root.looked
    }
    // submit saves or opens what the name field names; a folder's name goes into that folder.
    function submit() {
        if (root.targetIsFolder) {
            root.enterFolder(root.typedPath)
            nameField.text = root.saving ? nameField.text.replace(/^.*\//, "") : ""
            return
        }
        if (!root.canAccept) return
        const chosenPath = root.path
        root.submitted = true
        root.close()
        root.chosen(chosenPath)
    }
    function activate(entry) {
        if (entry.folder) root.enterFolder(places.join(root.folder, entry.name))
        else { nameField.text = entry.name; root.submit() }
    }

    title: root.saving ? qsTr("Save scenario as") : qsTr("Open scenario")
    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(620, parent ? parent.width - 40 : 620)
    height: Math.min(480, parent ? parent.height - 40 : 480)
    onClosed: if (!root.submitted) root.canceled()

    FilePlaces { id: places }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("Folder") }
            TextField {
                id: folderField
                objectName: "folderField"
                selectByMouse: true
                Layout.fillWidth: true
                // Enter goes to the typed folder (and back to the name).
                onAccepted: {
                    const typed = places.join(root.folder, folderField.text)
                    if (places.isFolder(typed)) { root.enterFolder(typed); nameField.forceActiveFocus() }
                }
            }
            Button {
                objectName: "upButton"
                text: qsTr("Up")
                enabled: places.parentFolder(root.folder) !== root.folder
                onClicked: root.enterFolder(places.parentFolder(root.folder))
            }
        }
        Frame {
            padding: 1
            Layout.fillWidth: true
            Layout.fillHeight: true
            ListView {
                id: list
                objectName: "entryList"
                anchors.fill: parent
                clip: true
                model: root.entries
                ScrollBar.vertical: ScrollBar {}
                delegate: ItemDelegate {
                    id: entryRow
                    required property var modelData
                    width: ListView.view.width
                    text: entryRow.modelData.name + (entryRow.modelData.folder ? "/" : "")
                    font.bold: entryRow.modelData.folder
                    highlighted: !entryRow.modelData.folder && entryRow.modelData.name === nameField.text
                    // One click picks a file's name (a folder: goes in); a double click opens or saves.
                    onClicked: {
                        if (entryRow.modelData.folder) root.activate(entryRow.modelData)
                        else nameField.text = entryRow.modelData.name
                    }
                    onDoubleClicked: root.activate(entryRow.modelData)
                }
                Label {
                    anchors.centerIn: parent
                    visible: list.count === 0
                    text: places.isFolder(root.folder) ? qsTr("No folders or scenario files here") : qsTr("There is no such folder")
                    opacity: 0.6
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Label { text: root.saving ? qsTr("File name") : qsTr("File") }
            TextField {
                id: nameField
                objectName: "nameField"
                placeholderText: root.saving ? "scenario.ctxscope.json" : ""
                selectByMouse: true
                Layout.fillWidth: true
                onAccepted: root.submit()
            }
        }
        Label {
            objectName: "pathHint"
            Layout.fillWidth: true
            elide: Text.ElideMiddle
            opacity: 0.75
            text: nameField.text.trim() === "" ? qsTr("Type a file name.")
                  : root.targetIsFolder ? qsTr("%1 is a folder: Enter goes into it.").arg(root.typedPath)
                  : root.saving && root.targetExists ? qsTr("%1 exists already: Replace writes over it.").arg(root.path)
                  : !root.saving && !root.targetExists ? qsTr("%1 does not exist.").arg(root.path)
                  : root.path
        }
    }

    footer: DialogButtonBox {
        Button {
            id: acceptButton
            objectName: "acceptButton"
            text: !root.saving ? qsTr("Open") : root.targetExists ? qsTr("Replace") : qsTr("Save")
            enabled: root.canAccept
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: root.submit()
        }
        Button {
            objectName: "cancelButton"
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
