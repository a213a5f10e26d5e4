import QtQuick
import QtTest
import Ctxscope

TestCase {
    id: testCase
    name: "DurationField"
    when: windowShown
    width: 300
    height: 100
    visible: true

    Component { id: fieldComponent; DurationField { width: 200 } }

    function test_validDurationsParseToNanoseconds() {
        const f = createTemporaryObject(fieldComponent, testCase, { text: "1.5s" })
        verify(f.valid)
        compare(f.nanos, 1.5e9)
        f.text = "2m30s"
        compare(f.nanos, 150e9)
        compare(f.error, "")
    }

    function test_anEmptyFieldIsValidOnlyWhereItMeansSomething() {
        const required = createTemporaryObject(fieldComponent, testCase, { text: "" })
        verify(!required.valid)
        const optional = createTemporaryObject(fieldComponent, testCase, { text: "", emptyText: "until idle" })
        verify(optional.valid)
        compare(findChild(optional, "durationError").text, "until idle")
        optional.text = "soon"
        verify(!optional.valid)
    }

    function test_invalidTextShowsTheReason() {
        const f = createTemporaryObject(fieldComponent, testCase, { text: "12 parsecs" })
        verify(!f.valid)
        verify(f.error.length > 0)
        const label = findChild(f, "durationError")
        verify(label.text.indexOf(f.error) >= 0)
    }

    function test_typingValidatesAsYouType() {
        const f = createTemporaryObject(fieldComponent, testCase, { text: "" })
        f.field.forceActiveFocus()
        keyClick(Qt.Key_2); keyClick(Qt.Key_5); keyClick(Qt.Key_0)
        verify(!f.valid) // "250" has no unit
        keyClick(Qt.Key_M); keyClick(Qt.Key_S)
        tryCompare(f, "valid", true)
        compare(f.nanos, 250e6)
    }

    function test_negativeRefusedWhenNotAllowed() {
        const f = createTemporaryObject(fieldComponent, testCase, { text: "-10ms", allowNegative: false })
        verify(!f.valid)
        f.allowNegative = true
        verify(f.valid)
    }
}
