// FormComboBox: a ComboBox in a dialog's form. A plain ComboBox keeps Return for itself even
// with its list closed, so Enter after picking a value did nothing; here Return on a closed box
// asks the nearest ancestor that has a submitForm() function (the dialog's layout) to take the
// dialog's obvious action. With the list open, Return still picks the highlighted entry.
import QtQuick
import QtQuick.Controls

ComboBox {
    id: box

    function passEnter(event) {
        if (box.popup.visible) {
            event.accepted = false // the ComboBox picks the highlighted entry
            return
        }
        for (let p = box.parent; p; p = p.parent) {
            if (typeof p.submitForm === "function") {
                p.submitForm()
                return
            }
        }
        event.accepted = false
    }

    Keys.onReturnPressed: (event) => box.passEnter(event)
    Keys.onEnterPressed: (event) => box.passEnter(event)
}
