// LessonNotes: the open scenario's description (a lesson's text), Markdown rendered for a side
// panel (code wraps, headings stepped down), meant to sit beside the tree. It follows the
// document: opening another lesson replaces it.
import QtQuick
import QtQuick.Controls
import Ctxscope
import Ctxscope.Study

Pane {
    id: root

    required property Document document
    property LessonLibrary library: LessonLibrary {}
    // Re-read on every simulation (a new file, an undo back to another scenario).
    readonly property string markdown: (root.document.revision, root.library.descriptionOf(root.document))
    readonly property alias text: body

    padding: 0

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        Column {
            width: scroll.availableWidth
            spacing: 6
            padding: 14
            Label {
                width: parent.width - 28
                text: root.document.scenarioName
                font.bold: true
                font.pixelSize: 17
                wrapMode: Text.Wrap
            }
            TextEdit {
                id: body
                objectName: "notesText"
                width: parent.width - 28
                // Always rich text: switching the format while the text changes showed the HTML
                // source of the last lesson after File ▸ New.
                text: root.library.html(root.markdown !== "" ? root.markdown : qsTr("*This scenario has no description.*"))
                textFormat: TextEdit.RichText
                wrapMode: TextEdit.Wrap
                readOnly: true
                selectByMouse: true
                color: root.palette.text
                selectionColor: root.palette.highlight
                selectedTextColor: root.palette.highlightedText
                font.pixelSize: 13
                onLinkActivated: (link) => Qt.openUrlExternally(link)
            }
        }
    }
}
