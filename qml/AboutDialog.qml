// AboutDialog: Help ▸ About: the version (the CMake project version), the Qt version in use and
// the licence (AppInfo, from resources/help/licence.md). Enter or Escape closes it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Dialog {
    id: root

    readonly property string versionText: qsTr("Version %1").arg(AppInfo.version)
    readonly property string qtText: AppInfo.qtVersion === AppInfo.qtBuildVersion
                                     ? qsTr("Qt %1").arg(AppInfo.qtVersion)
                                     : qsTr("Qt %1 (built with %2)").arg(AppInfo.qtVersion).arg(AppInfo.qtBuildVersion)

    title: qsTr("About ctxscope")
    // Sized and centred over the window wherever it is declared (AppMenuBar declares it).
    parent: Overlay.overlay
    modal: true
    focus: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(520, parent ? parent.width - 40 : 520)
    standardButtons: Dialog.Ok
    onOpened: keys.forceActiveFocus()

    RowLayout {
        id: keys   // the dialog's only child (its size follows), and where Enter lands
        anchors.fill: parent
        spacing: 18
        focus: true
        Keys.onReturnPressed: root.close()
        Keys.onEnterPressed: root.close()
        Image {
            source: "qrc:/ctxscope/icons/ctxscope.png"
            sourceSize.width: 96
            sourceSize.height: 96
            Layout.alignment: Qt.AlignTop
        }
        ColumnLayout {
            spacing: 6
            Layout.fillWidth: true
            Label { text: "ctxscope"; font.bold: true; font.pixelSize: 20 }
            Label { objectName: "aboutVersion"; text: root.versionText }
            Label {
                text: qsTr("See what Go's context.Context does: build a tree of contexts, press play and watch cancellation run down it.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label { objectName: "aboutQt"; text: root.qtText; opacity: 0.8 }
            Label {
                objectName: "aboutLicence"
                text: AppInfo.licence
                textFormat: Text.MarkdownText
                wrapMode: Text.Wrap
                onLinkActivated: (link) => Qt.openUrlExternally(link)
                Layout.fillWidth: true
                Layout.topMargin: 6
            }
        }
    }
}
