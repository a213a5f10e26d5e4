// DurationField: a text field for a Go duration ("250ms", "1.5s", "2m30s") that validates as
// you type with the core's parseDuration and shows why the text is not a duration.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

ColumnLayout {
    id: root

    property alias text: field.text
    property alias placeholderText: field.placeholderText
    property bool allowNegative: true
    // showStatus false hides the "= 1.5s" / "✕ why" line under the field, for a compact row
    // that shows the reason itself (the step list editor).
    property bool showStatus: true
    // emptyText: what an empty field means where it may be left empty ("until idle"); "" when
    // a duration is required.
    property string emptyText: ""
    readonly property bool empty: root.emptyText !== "" && field.text.trim() === ""
    readonly property var parsed: GoDuration.parse(field.text)
    readonly property bool valid: root.empty || (root.parsed.ok && (root.allowNegative || root.parsed.nanos >= 0))
    readonly property double nanos: root.parsed.nanos
    readonly property string error: !root.parsed.ok ? root.parsed.error
                                    : !root.valid ? qsTr("must not be negative") : ""
    readonly property alias field: field

    spacing: 2

    TextField {
        id: field
        objectName: "durationInput"
        selectByMouse: true
        Layout.fillWidth: true
        color: root.valid ? root.palette.text : Theme.canceled
    }
    Label {
        objectName: "durationError"
        visible: root.showStatus
        text: root.empty ? root.emptyText : root.valid ? "= " + GoDuration.format(root.nanos) : "\u2715 " + root.error
        color: root.valid ? root.palette.windowText : Theme.canceled
        opacity: root.valid ? 0.6 : 1
        font.pixelSize: 11
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
