// NodeCard: the text of one context node on the canvas (the box, stripe and edges underneath
// are drawn by TreeCanvas). Created only for nodes in view, by VisibleNodesModel. Shows kind,
// label, state as icon + words, the countdown to its deadline (and whose deadline it is), the
// cause once done, lints, and its tasks as chips. In Predict mode (hideOutcome) the countdown
// and the lints are left out: "0s left" on a card that still says alive, or a leak's name, would
// tell how the run ends before the learner has guessed.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

Item {
    id: root

    required property string contextId
    required property string label
    required property string kind
    required property real nodeX
    required property real nodeY
    required property int nodeState
    required property string stateName
    required property string stateGlyph
    required property string detail
    required property string countdown
    required property string inheritedFrom
    required property string lint
    required property string derivedBy
    required property int childCount
    required property bool collapsed
    required property var chips
    required property string raced   // what raced to decide its facts ("" none): a ⚄ and a tooltip
    property real cardWidth: 200
    property real cardHeight: 108
    // Predict mode before Reveal. TreePane creates the cards; unless it says, ask the window
    // (Main.hideOutcome, which follows TreeScene.hideOutcome).
    property bool hideOutcome: ApplicationWindow.window?.hideOutcome === true
    // The row's data is gone for a moment while a new document replaces the cards.
    readonly property var chipList: root.chips ? root.chips : []
    // Three chips fit a card; with more tasks, two chips and "+N" leave each chip readable.
    readonly property int maxChips: root.chipList.length > 3 ? 2 : 3

    signal toggleCollapse(string id)
    signal chipTapped(string contextId, string id, int button, int count)
    property string selectedChip: ""

    x: root.nodeX
    y: root.nodeY
    width: root.cardWidth
    height: root.cardHeight
    opacity: root.nodeState === NodeState.NotCreated ? 0.6 : 1

    ColumnLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 6
        anchors.topMargin: 4
        anchors.bottomMargin: 5
        spacing: 1

        RowLayout {
            id: header
            spacing: 4
            Layout.fillWidth: true
            Label {
                text: root.kind + (root.derivedBy !== "" ? qsTr(" · by %1").arg(root.derivedBy) : "")
                font.pixelSize: 10
                opacity: 0.7
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                objectName: "raceMark"
                visible: root.raced !== "" && !root.hideOutcome
                text: "\u2684"
                font.pixelSize: 12
                color: Theme.lint
                ToolTip.visible: raceHover.hovered
                ToolTip.text: root.raced
                HoverHandler { id: raceHover }
            }
            ToolButton {
                objectName: "collapseButton"
                visible: root.childCount > 0
                text: root.collapsed ? "\u25B8 " + root.childCount : "\u25BE"
                font.pixelSize: 10
                padding: 0
                implicitHeight: 16
                implicitWidth: root.collapsed ? 34 : 18
                onClicked: root.toggleCollapse(root.contextId)
                ToolTip.visible: hovered
                ToolTip.text: root.collapsed ? qsTr("Expand (C)") : qsTr("Collapse subtree (C)")
            }
        }
        Label {
            id: nameLabel
            text: root.label
            font.pixelSize: 13
            font.bold: true
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            id: stateLabel
            objectName: "stateLabel"
            textFormat: Text.StyledText
            // Not created, or "?" in Predict mode (Hidden): no state colour, but readable.
            text: "<font color=\"" + (root.nodeState === NodeState.NotCreated || root.nodeState === NodeState.Hidden ? root.palette.windowText : Theme.stateColor(root.nodeState)) + "\">" + root.stateGlyph + " " + root.stateName + "</font>"
                  + (root.hideOutcome ? "" : (root.countdown !== "" ? "  " + root.countdown : "")
                     + (root.inheritedFrom !== "" ? " <i>\u2191" + root.inheritedFrom + "</i>" : ""))
            font.pixelSize: 11
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            id: detailLabel
            text: root.detail
            visible: text !== ""
            font.pixelSize: 10
            opacity: 0.8
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            id: lintLabel
            objectName: "lintLabel"
            text: "\u26A0 " + root.lint
            visible: root.lint !== "" && !root.hideOutcome
            color: Theme.lint
            font.pixelSize: 10
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Item { Layout.fillHeight: true }
        Item {
            id: chipRow
            // Up to maxChips chips, "+N" after them when there are more. A chip that needs less
            // than an even share leaves the rest to the others, so only what cannot fit elides;
            // when they do not fit one row and the card has room, they take two ("worker: <-ct…"
            // beside "download (3…" became two whole chips).
            readonly property int shown: Math.min(root.chipList.length, root.maxChips)
            readonly property real chipHeight: 20
            readonly property real spacing: 3
            readonly property real extraWidth: root.chipList.length > root.maxChips ? moreLabel.implicitWidth + chipRow.spacing : 0
            // The card's height less its text lines and one row of chips: room for a second row?
            readonly property real spare: {
                let used = 9 + chipRow.chipHeight   // the column's margins and one row of chips
                for (const item of [header, nameLabel, stateLabel, detailLabel, lintLabel])
                    if (item.visible) used += item.implicitHeight + 1
                return root.cardHeight - used
            }
            property var naturals: []   // each chip's implicitWidth, by index
            // slots: {x, y, w} of each chip, and where "+N" goes.
            readonly property var slots: {
                const n = chipRow.shown, W = chipRow.width, gap = chipRow.spacing
                const nat = (i) => chipRow.naturals[i] ?? 0
                // share: widths for chips `ids` in a row `avail` wide (by need, then evenly).
                const share = (ids, avail) => {
                    const out = {}, order = ids.slice().sort((a, b) => nat(a) - nat(b))
                    let left = avail - gap * Math.max(0, ids.length - 1)
                    order.forEach((i, k) => { out[i] = Math.max(0, Math.min(nat(i), left / (order.length - k))); left -= out[i] })
                    return out
                }
                const all = [...Array(n).keys()]
                let rows = [all]
                const total = all.reduce((t, i) => t + nat(i), 0) + gap * Math.max(0, n - 1)
                if (n > 1 && total > W - chipRow.extraWidth && chipRow.spare >= chipRow.chipHeight + gap) {
                    let k = 1, used = nat(0)   // the first row: what fits whole (at least one chip)
                    while (k < n - 1 && used + gap + nat(k) <= W) { used += gap + nat(k); ++k }
                    rows = [all.slice(0, k), all.slice(k)]
                }
                const out = { chips: [], moreX: 0, moreY: 0, height: rows.length * chipRow.chipHeight + (rows.length - 1) * gap }
                rows.forEach((ids, r) => {
                    const w = share(ids, W - (r === rows.length - 1 ? chipRow.extraWidth : 0))
                    let x = 0
                    for (const i of ids) { out.chips[i] = { x: x, y: r * (chipRow.chipHeight + gap), w: w[i] }; x += w[i] + gap }
                    out.moreX = x
                    out.moreY = r * (chipRow.chipHeight + gap)
                })
                return out
            }
            function setNatural(i, w) {
                if (chipRow.naturals[i] === w) return
                const copy = chipRow.naturals.slice()
                copy[i] = w
                chipRow.naturals = copy
            }
            Layout.fillWidth: true
            Layout.preferredHeight: chipRow.slots.height
            visible: chipRow.shown > 0
            clip: true
            Repeater {
                // A count, not the list: the chips' data changes every frame while playing
                // (progress), and a list model would recreate every chip each time.
                model: chipRow.shown
                delegate: TaskChip {
                    id: chipItem
                    required property int index
                    readonly property var slot: chipRow.slots.chips[chipItem.index] ?? { x: 0, y: 0, w: 0 }
                    chip: root.chipList[chipItem.index] || {}
                    hideOutcome: root.hideOutcome
                    selected: root.selectedChip !== "" && chipItem.chip.id === root.selectedChip
                    onTapped: (id, button, count) => root.chipTapped(root.contextId, id, button, count)
                    x: chipItem.slot.x
                    y: chipItem.slot.y
                    width: chipItem.slot.w
                    onImplicitWidthChanged: chipRow.setNatural(chipItem.index, chipItem.implicitWidth)
                    Component.onCompleted: chipRow.setNatural(chipItem.index, chipItem.implicitWidth)
                }
            }
            Label {
                id: moreLabel
                visible: root.chipList.length > root.maxChips
                text: "+" + (root.chipList.length - root.maxChips)
                font.pixelSize: 11
                x: chipRow.slots.moreX
                y: chipRow.slots.moreY + (chipRow.chipHeight - height) / 2
            }
        }
    }
}
