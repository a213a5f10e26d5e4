// DarkPalette: the colours of `ctxscope --palette dark` (Main.forceDark), for checking the dark
// look on a light desktop. Every role the Fusion style reads is set, so that nothing (menu bar,
// menus, tooltips, text fields) keeps the system's light colours. Pairs of text and background
// stay above WCAG's 4.5:1 contrast (tst_DarkPalette checks it).
import QtQuick

Palette {
    window: "#2b2d30"
    windowText: "#e6e6e6"
    base: "#1e1f22"
    alternateBase: "#313338"
    text: "#e6e6e6"
    button: "#3a3d41"
    buttonText: "#e6e6e6"
    brightText: "#ffffff"
    mid: "#55585c"
    dark: "#18191b"
    light: "#4a4d52"
    midlight: "#43464a"
    shadow: "#000000"
    highlight: "#3574cc"
    highlightedText: "#ffffff"
    link: "#6ca8ff"
    linkVisited: "#b48cf0"
    placeholderText: "#8a8a8a"
    toolTipBase: "#1e1f22"
    toolTipText: "#e6e6e6"
    // Disabled controls read as disabled (greyed text), as they do in the light palette.
    disabled.windowText: "#808286"
    disabled.text: "#808286"
    disabled.buttonText: "#808286"
    disabled.highlightedText: "#b0b2b6"
    disabled.highlight: "#4a4d52"
}
