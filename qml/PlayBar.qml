// PlayBar: the transport. Restart, step back, play/pause, step forward, the speed (0.1×–10×),
// the clock in Go's duration form and a slider to scrub through virtual time.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ctxscope

ToolBar {
    id: root

    required property Document document
    required property PlayClock clock
    required property AppActions actions
    property bool hideOutcome: false   // Predict mode: no race marks, no outcome switcher

    readonly property var speeds: [0.1, 0.25, 0.5, 1, 2, 5, 10]
    property Item hoveredMark: null    // the action mark under the pointer (markTip names its actions)
    readonly property alias markTip: markTip

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 6
        anchors.rightMargin: 8
        spacing: 4

        ToolButton {
            objectName: "restartButton"
            text: "\u21E4"
            font.pixelSize: 18
            action: root.actions.restart
            display: AbstractButton.TextOnly
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Restart (Home)")
        }
        ToolButton {
            text: "\u25C0\u2759"
            action: root.actions.stepBack
            display: AbstractButton.TextOnly
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Step back one event (\u2190)")
        }
        ToolButton {
            objectName: "playButton"
            text: root.clock.playing ? "\u2759\u2759" : "\u25B6"
            action: root.actions.play
            display: AbstractButton.TextOnly
            font.pixelSize: 16
            implicitWidth: 44
            highlighted: root.clock.playing
            ToolTip.visible: hovered
            ToolTip.text: root.clock.playing ? qsTr("Pause (Space)") : qsTr("Play (Space)")
        }
        ToolButton {
            text: "\u2759\u25B6"
            action: root.actions.stepForward
            display: AbstractButton.TextOnly
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Step to the next event (\u2192)")
        }
        ComboBox {
            id: speedBox
            objectName: "speedBox"
            model: root.speeds.map(s => s + "\u00D7")
            currentIndex: {
                let best = 0
                for (let i = 0; i < root.speeds.length; ++i)
                    if (Math.abs(root.speeds[i] - root.clock.speed) < Math.abs(root.speeds[best] - root.clock.speed)) best = i
                return best
            }
            onActivated: (index) => root.clock.speed = root.speeds[index]
            implicitWidth: 84
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Speed: virtual time per wall-clock second ([ and ])")
        }
        Label {
            // At a precision that suits the axis (91.9ms, not 91.894977ms); the exact time is
            // in the tooltip. Never narrower than its text, so it cannot run into the speed box.
            objectName: "clockLabel"
            text: GoDuration.readable(root.document.time, root.document.run.timelineEnd)
            font.family: "DejaVu Sans Mono"
            font.pixelSize: 16
            font.bold: true
            horizontalAlignment: Text.AlignRight
            Layout.preferredWidth: Math.max(96, implicitWidth)
            Layout.minimumWidth: implicitWidth
            Layout.leftMargin: 4
            ToolTip.visible: clockHover.hovered && text !== root.document.timeText
            ToolTip.text: qsTr("Exactly %1").arg(root.document.timeText)
            HoverHandler { id: clockHover }
        }
        Slider {
            id: scrubber
            objectName: "scrubber"
            from: 0
            to: root.document.run.timelineEnd
            value: root.document.time
            live: true
            // Lands on an event near the pointer, else on a grid that suits the slider's scale
            // (as the timeline does): 90ms, not 91.894977ms.
            onMoved: {
                root.clock.playing = false
                root.document.seekTime(EventText.snapTime(root.document, scrubber.value,
                                                          scrubber.to / Math.max(1, scrubber.availableWidth)))
            }
            Layout.fillWidth: true
            Layout.minimumWidth: 120

            // Where a race decided something, under the groove (RaceTimeMarks).
            RaceTimeMarks {
                document: root.document
                hideOutcome: root.hideOutcome
                x: scrubber.leftPadding
                y: scrubber.topPadding + scrubber.availableHeight / 2 + 3
                width: scrubber.availableWidth
                height: 12
                xAt: (t) => scrubber.availableWidth * (t / scrubber.to)
            }
            // The user's timed actions (cancel at 120ms, ...) as marks above the groove.
            Repeater {
                model: root.document.run.actionMarks
                delegate: Rectangle {
                    id: mark
                    required property var modelData
                    // From the first to the last action it stands for (SimulationRunner::actionMarks).
                    x: scrubber.leftPadding + scrubber.availableWidth * (mark.modelData.t / scrubber.to) - 1.5
                    y: scrubber.topPadding + scrubber.availableHeight / 2 - 11
                    width: 3 + scrubber.availableWidth * ((mark.modelData.end - mark.modelData.t) / scrubber.to)
                    height: 6
                    color: Theme.canceled
                    objectName: "actionMark"
                    HoverHandler {
                        onHoveredChanged: {
                            if (hovered) root.hoveredMark = mark
                            else if (root.hoveredMark === mark) root.hoveredMark = null
                        }
                    }
                }
            }
            // One tooltip for the hovered mark, as wide as its longest line (a merged mark lists
            // up to five actions, one a line).
            FitToolTip {
                id: markTip
                parent: root.hoveredMark ?? scrubber
                visible: root.hoveredMark !== null
                text: root.hoveredMark ? root.hoveredMark.modelData.text : ""
            }
        }
        Label {
            text: root.document.run.timelineEndText
            font.family: "DejaVu Sans Mono"
            opacity: 0.75
            ToolTip.visible: endHover.hovered
            ToolTip.text: qsTr("The last event is at %1").arg(root.document.run.endTimeText)
            HoverHandler { id: endHover }
        }
        Label {
            // While predicting, how many events the run has would hint at how it ends.
            objectName: "eventCountLabel"
            text: root.document.predicting ? qsTr("event %1").arg(root.document.appliedEvents)
                                           : qsTr("event %1 / %2").arg(root.document.appliedEvents).arg(root.document.run.eventCount)
            opacity: 0.75
            Layout.leftMargin: 8
        }
        OutcomeSwitcher {
            document: root.document
            hideOutcome: root.hideOutcome
            Layout.leftMargin: 4
        }
    }
}
