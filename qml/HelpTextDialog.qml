// HelpTextDialog: a Help text (Markdown, rendered as such) in a scrolling dialog: Help ▸ What is
// ctxscope and the file-format and command-line reference. Enter or Escape closes it; the arrow
// and page keys scroll.
import QtQuick
import QtQuick.Controls

Dialog {
    id: root

    property string markdown: ""
    readonly property alias body: body
    readonly property Item scrollBar: scroll.ScrollBar.vertical

    // Sized and centred over the window wherever it is declared (AppMenuBar declares it).
    parent: Overlay.overlay
    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(780, parent ? parent.width - 40 : 780)
    height: Math.min(640, parent ? parent.height - 40 : 640)
    standardButtons: Dialog.Close
    onOpened: { scroll.ScrollBar.vertical.position = 0; keys.forceActiveFocus() }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        Label {
            id: body
            objectName: "helpText"
            width: scroll.availableWidth
            rightPadding: 12
            text: root.markdown
            textFormat: Text.MarkdownText
            wrapMode: Text.Wrap
            onLinkActivated: (link) => Qt.openUrlExternally(link)
        }
    }
    Item {
        id: keys
        focus: true
        function scrollBy(pages) {
            const bar = scroll.ScrollBar.vertical
            bar.position = Math.max(0, Math.min(1 - bar.size, bar.position + pages * bar.size))
        }
        Keys.onReturnPressed: root.close()
        Keys.onEnterPressed: root.close()
        Keys.onDownPressed: keys.scrollBy(0.1)
        Keys.onUpPressed: keys.scrollBy(-0.1)
        Keys.onPressed: (event) => {
            if (event.key === Qt.Key_PageDown || event.key === Qt.Key_Space) { keys.scrollBy(0.9); event.accepted = true }
            else if (event.key === Qt.Key_PageUp) { keys.scrollBy(-0.9); event.accepted = true }
            else if (event.key === Qt.Key_Home) { scroll.ScrollBar.vertical.position = 0; event.accepted = true }
        }
    }
}
