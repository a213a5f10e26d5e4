// DarkPalette: dark, readable (WCAG contrast of text on its background), disabled text that
// looks disabled, and a window that takes it passes it to its controls.
import QtQuick
import QtQuick.Controls
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "DarkPalette"
    when: windowShown
    width: 300
    height: 200
    visible: true

    DarkPalette { id: dark }
    Component {
        id: windowComponent
        ApplicationWindow {
            width: 300; height: 200; visible: true
            palette: dark
            readonly property alias button: button
            Button { id: button; text: "Go"; enabled: false }
        }
    }

    // luminance and contrast as WCAG 2 defines them.
    function luminance(c) {
        const lin = (v) => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)
        const q = Qt.color(c)
        return 0.2126 * lin(q.r) + 0.7152 * lin(q.g) + 0.0722 * lin(q.b)
    }
    function contrast(a, b) {
        const la = luminance(a), lb = luminance(b)
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
    }

    function test_isDark() {
        verify(Qt.color(dark.window).hslLightness < 0.3)
        verify(Qt.color(dark.base).hslLightness < 0.3)
        verify(Qt.color(dark.button).hslLightness < 0.3)
    }

    function test_textIsReadableOnItsBackground() {
        const pairs = [["windowText", "window"], ["text", "base"], ["text", "alternateBase"], ["buttonText", "button"],
                       ["highlightedText", "highlight"], ["toolTipText", "toolTipBase"], ["link", "base"], ["brightText", "button"]]
        for (const [fg, bg] of pairs)
            verify(contrast(dark[fg], dark[bg]) >= 4.5, fg + " on " + bg + ": " + contrast(dark[fg], dark[bg]).toFixed(2))
        // Placeholders and disabled text are meant to be fainter, but still legible (3:1).
        verify(contrast(dark.placeholderText, dark.base) >= 3)
        verify(contrast(dark.disabled.buttonText, dark.button) >= 2.5)
    }

    function test_disabledTextLooksDisabled() {
        verify(contrast(dark.disabled.buttonText, dark.button) < contrast(dark.buttonText, dark.button) - 2)
        verify(contrast(dark.disabled.windowText, dark.window) < contrast(dark.windowText, dark.window) - 2)
    }

    function test_aWindowPassesItToItsControls() {
        const w = createTemporaryObject(windowComponent, testCase)
        verify(w !== null)
        compare(w.palette.window, dark.window)
        compare(w.button.palette.button, dark.button)
        compare(w.button.palette.buttonText, dark.disabled.buttonText)   // the button is disabled
        w.close()
    }
}
