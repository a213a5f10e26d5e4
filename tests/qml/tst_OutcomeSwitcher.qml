import QtQuick
import QtTest
import Ctxscope

// The outcome switcher (issue #13): hidden with one outcome, "⚄ outcome 1 of 2" with previous
// and next on a raced scenario (lesson 25), the keys O and Shift+O, the playhead kept, and the
// race marks on the play bar's slider.
TestCase {
    id: testCase
    name: "OutcomeSwitcher"
    when: windowShown
    width: 1200
    height: 60
    visible: true

    readonly property string lesson25: Qt.resolvedUrl("../../resources/lessons/25-race-deadline-vs-cancel.ctxscope.json")

    Document { id: doc }
    TreeScene { id: testScene; document: doc }
    PlayClock { id: testClock; document: doc }
    RecordingActions { id: testActions; document: doc; scene: testScene; clock: testClock }
    Component { id: switcherComponent; OutcomeSwitcher { document: doc } }
    Component { id: barComponent; PlayBar { width: testCase.width; document: doc; clock: testClock; actions: testActions } }

    function init() { verify(doc.files.loadDefaultExample()); doc.predicting = false }

    function test_hiddenWithOneOutcome() {
        const s = createTemporaryObject(switcherComponent, testCase)
        compare(doc.outcomes.count, 1)
        verify(!s.visible)
        verify(!testActions.nextOutcome.enabled)
    }

    function test_switchesOutcomesKeepingThePlayhead() {
        compare(doc.files.openFile(testCase.lesson25).length, 0)
        const s = createTemporaryObject(switcherComponent, testCase)
        verify(s.visible)
        const label = findChild(s, "outcomeLabel")
        compare(label.text, "\u2684 outcome 1 of 2")
        doc.seekTime(300e6)
        mouseClick(findChild(s, "nextOutcome"))
        compare(doc.outcomes.index, 1)
        compare(label.text, "\u2684 outcome 2 of 2")
        compare(doc.time, 300e6)
        verify(doc.outcomes.detail.indexOf("work timer of watchdog before deadline of request") >= 0)
        mouseClick(findChild(s, "previousOutcome"))
        compare(doc.outcomes.index, 0)
        mouseClick(findChild(s, "previousOutcome"))   // round: from the first to the last
        compare(doc.outcomes.index, 1)
        doc.outcomes.index = 0
    }

    function test_keysStepThroughOutcomes() {
        compare(doc.files.openFile(testCase.lesson25).length, 0)
        compare(String(testActions.nextOutcome.shortcut), "O")
        compare(String(testActions.previousOutcome.shortcut), "Shift+O")
        verify(testActions.nextOutcome.enabled)
        testActions.nextOutcome.trigger()
        compare(doc.outcomes.index, 1)
        testActions.previousOutcome.trigger()
        compare(doc.outcomes.index, 0)
        doc.predicting = true   // Predict mode (the scene hides the outcome): no switching (that a fact is raced is a hint)
        verify(!testActions.nextOutcome.enabled)
    }

    function test_hiddenWhilePredicting() {
        compare(doc.files.openFile(testCase.lesson25).length, 0)
        const s = createTemporaryObject(switcherComponent, testCase, { hideOutcome: true })
        verify(!s.visible)
    }

    function test_playBarShowsTheSwitcherAndRaceMarks() {
        compare(doc.files.openFile(testCase.lesson25).length, 0)
        const bar = createTemporaryObject(barComponent, testCase)
        const label = findChild(bar, "outcomeLabel")
        verify(label !== null)
        verify(label.visible)
        const tick = findChild(bar, "raceTick")
        verify(tick !== null)
        verify(tick.visible)
        compare(doc.outcomes.raceMarks.length, 1)
        verify(doc.outcomes.raceMarks[0].text.indexOf("deadline of request vs work timer of watchdog") >= 0)
    }
}
