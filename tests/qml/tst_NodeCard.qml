import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "NodeCard"
    when: windowShown
    width: 400
    height: 200
    visible: true

    Component { id: cardComponent; NodeCard {} }
    SignalSpy { id: toggleSpy; signalName: "toggleCollapse" }

    function props(extra) {
        return Object.assign({ contextId: "db", label: "db query", kind: "WithTimeout", nodeX: 10, nodeY: 20, nodeState: NodeState.Alive,
                               stateName: "alive", stateGlyph: "\u25CF", detail: "", countdown: "\u25D4 30ms left",
                               inheritedFrom: "", lint: "", derivedBy: "", childCount: 0, collapsed: false, chips: [], raced: "" }, extra)
    }

    function test_showsStateWithIconAndCountdown() {
        const card = createTemporaryObject(cardComponent, testCase, props({}))
        compare(card.x, 10)
        compare(card.y, 20)
        const state = findChild(card, "stateLabel")
        verify(state.text.indexOf("\u25CF alive") >= 0)
        verify(state.text.indexOf("30ms left") >= 0)
        verify(state.text.indexOf(Theme.alive.toString()) >= 0)
    }

    // The state line takes the state's colour from the NodeState enum; a context not created yet,
    // or hidden by Predict mode, reads in the text colour (and a context not created yet is faded).
    function test_stateColourForEachNodeState() {
        const expected = [[NodeState.NotCreated, null], [NodeState.Alive, Theme.alive], [NodeState.NeverCancelable, Theme.never],
                          [NodeState.Canceled, Theme.canceled], [NodeState.DeadlineExceeded, Theme.deadline], [NodeState.Hidden, null]]
        for (const [state, colour] of expected) {
            const card = createTemporaryObject(cardComponent, testCase, props({ nodeState: state }))
            const text = findChild(card, "stateLabel").text
            const shown = colour === null ? card.palette.windowText : colour
            verify(text.indexOf("<font color=\"" + shown.toString() + "\">") === 0, state + ": " + text)
            compare(card.opacity, state === NodeState.NotCreated ? 0.6 : 1, "opacity of " + state)
        }
        compare(NodeState.Canceled, 3)   // the C++ enum's values, as the models hand them out
    }

    function test_inheritedDeadlineNamesTheAncestor() {
        const card = createTemporaryObject(cardComponent, testCase, props({ inheritedFrom: "req" }))
        verify(findChild(card, "stateLabel").text.indexOf("\u2191req") >= 0)
    }

    function test_lintsAreNamedOnTheirOwnLine() {
        const card = createTemporaryObject(cardComponent, testCase, props({ detail: "at 120ms: shutting down", lint: "worker3: goroutine-outlived-context" }))
        const lint = findChild(card, "lintLabel")
        verify(lint.visible)
        compare(lint.text, "\u26A0 worker3: goroutine-outlived-context")
        const clean = createTemporaryObject(cardComponent, testCase, props({}))
        verify(!findChild(clean, "lintLabel").visible)
    }

    function test_collapseButtonOnlyWithChildren() {
        const leaf = createTemporaryObject(cardComponent, testCase, props({}))
        verify(!findChild(leaf, "collapseButton").visible)
        const parent = createTemporaryObject(cardComponent, testCase, props({ childCount: 3, collapsed: true }))
        const button = findChild(parent, "collapseButton")
        verify(button.visible)
        compare(button.text, "\u25B8 3")
        toggleSpy.target = parent
        toggleSpy.clear()
        mouseClick(button)
        compare(toggleSpy.count, 1)
        compare(toggleSpy.signalArguments[0][0], "db")
    }

    function test_chipsAreCappedWithACount() {
        const chips = []
        for (let i = 0; i < 5; ++i)
            chips.push({ id: "t" + i, label: "t" + i, kind: "task", state: "running", progress: 0.2, result: "", lint: "" })
        const card = createTemporaryObject(cardComponent, testCase, props({ chips: chips }))
        let plus = null, count = 0
        const walk = (item) => {
            for (let i = 0; i < item.children.length; ++i) {
                const c = item.children[i]
                if (c.chip !== undefined) ++count
                if (c.text === "+3") plus = c
                walk(c)
            }
        }
        walk(card)
        compare(count, 2) // five tasks: two chips and "+3"
        verify(plus !== null && plus.visible)
    }

    // Predict mode: a countdown that goes on to "0s left" on a card still shown alive, a lint's
    // name, or a chip's progress would tell how the run ends before the learner guessed.
    function test_predictModeHidesTheCountdownAndTheLints() {
        const chips = [{ id: "w3", label: "worker3", kind: "task", state: "ended", progress: 1, result: "", lint: "goroutine-outlived-context" }]
        const card = createTemporaryObject(cardComponent, testCase, props({ countdown: "\u25D4 0s left", inheritedFrom: "req",
                                                                          lint: "worker3: goroutine-outlived-context", chips: chips }))
        const state = findChild(card, "stateLabel")
        const lint = findChild(card, "lintLabel")
        verify(state.text.indexOf("0s left") >= 0 && lint.visible)
        card.hideOutcome = true
        verify(state.text.indexOf("left") < 0, state.text)
        verify(state.text.indexOf("\u25CF alive") >= 0)
        verify(!lint.visible)
        let chip = null
        const walk = (item) => { for (let i = 0; i < item.children.length; ++i) { const c = item.children[i]; if (c.chip !== undefined) chip = c; walk(c) } }
        walk(card)
        verify(chip !== null && chip.hideOutcome)
        verify(!chip.flagged)
        // And back.
        card.hideOutcome = false
        verify(state.text.indexOf("0s left") >= 0 && state.text.indexOf("\u2191req") >= 0)
        verify(lint.visible && chip.flagged)
    }

    function test_outsideAWindowPredictModeIsOff() {
        const card = createTemporaryObject(cardComponent, testCase, props({}))
        verify(!card.hideOutcome)
    }

    // Issue #12: "worker: ‹-ct…". A short chip leaves the rest of the row to a long one, which
    // elides only if it cannot fit; chips never leave the card.
    function test_chipsShareTheRowByNeed() {
        const chip = (id, label) => ({ id: id, label: label, title: label + " (" + id + ")", kind: "task", state: "running",
                                        progress: 0.5, result: "", lint: "" })
        const card = createTemporaryObject(cardComponent, testCase,
                                           props({ cardWidth: 216, chips: [chip("db", "db"), chip("w", "worker: reads the queue")] }))
        waitForRendering(card)
        const chips = []
        const walk = (item) => { if (item.chip !== undefined) chips.push(item); for (let i = 0; i < item.children.length; ++i) walk(item.children[i]) }
        walk(card)
        compare(chips.length, 2)
        compare(chips[0].width, chips[0].implicitWidth)          // "db" whole
        verify(chips[1].width > 216 / 2 - 10, chips[1].width)    // the long one gets what is left
        verify(chips[1].x + chips[1].width <= 216 - 12 - 6 + 0.5)
        // Alone, a chip may use the whole row.
        const single = createTemporaryObject(cardComponent, testCase,
                                             props({ cardWidth: 216, chips: [chip("w", "worker: <-ctx.Done()")] }))
        waitForRendering(single)
        const one = []
        const walk1 = (item) => { if (item.chip !== undefined) one.push(item); for (let i = 0; i < item.children.length; ++i) walk1(item.children[i]) }
        walk1(single)
        compare(one[0].width, one[0].implicitWidth)
    }

    // The issue's own card (lesson 01's job): two long chips. With room on the card they take a
    // row each, whole; on a card full of text lines they share one row.
    function test_longChipsTakeTwoRowsWhenThereIsRoom() {
        const chip = (id, label) => ({ id: id, label: label, title: label, kind: "task", state: "running",
                                        progress: 0.5, result: "", lint: "" })
        const chips = [chip("worker", "worker: <-ctx.Done()"), chip("download", "download (300 ms)")]
        const find = (card) => { const out = []; const walk = (item) => { if (item.chip !== undefined) out.push(item); for (let i = 0; i < item.children.length; ++i) walk(item.children[i]) }; walk(card); return out }
        const roomy = createTemporaryObject(cardComponent, testCase, props({ cardWidth: 216, cardHeight: 108, countdown: "", chips: chips }))
        waitForRendering(roomy)
        let items = find(roomy)
        compare(items.length, 2)
        for (const c of items) compare(c.width, c.implicitWidth)
        verify(items[1].y > items[0].y)
        verify(items[1].mapToItem(roomy, 0, items[1].height).y <= roomy.height)
        const full = createTemporaryObject(cardComponent, testCase,
                                           props({ cardWidth: 216, cardHeight: 108, detail: "at 100ms: context canceled", lint: "worker: goroutine-leak", chips: chips }))
        waitForRendering(full)
        items = find(full)
        compare(items[0].y, items[1].y)
        verify(items[1].mapToItem(full, 0, items[1].height).y <= full.height)
    }
}

