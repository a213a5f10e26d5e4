// ProblemsDialog: a list of problems (a file that does not load, with each located message as
// formatProblem writes it; an edit that was refused, with the reason). Enter or Escape closes it.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Dialog {
    id: root

    property var problems: []

    function show(title, problems) {
        root.title = title
        root.problems = problems
        root.open()
    }

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(720, parent ? parent.width - 40 : 720)
    standardButtons: Dialog.Close
    focus: true
    onOpened: keys.forceActiveFocus()

    ColumnLayout {
        id: keys   // where Enter lands (also from a problem's text, which takes focus to select)
        anchors.fill: parent
        spacing: 6
        focus: true
        Keys.onReturnPressed: root.close()
        Keys.onEnterPressed: root.close()
        Label {
            objectName: "problemCount"
            text: root.problems.length === 1 ? qsTr("1 problem:") : qsTr("%1 problems:").arg(root.problems.length)
            opacity: 0.8
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(list.implicitHeight + 8, 320)
            contentWidth: availableWidth
            ColumnLayout {
                id: list
                width: parent.width
                spacing: 4
                Repeater {
                    model: root.problems
                    delegate: TextEdit {
                        id: problem
                        required property string modelData
                        text: "\u2715 " + problem.modelData
                        readOnly: true
                        selectByMouse: true
                        wrapMode: TextEdit.Wrap
                        color: root.palette.windowText
                        font.family: "DejaVu Sans Mono"
                        font.pixelSize: 12
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
