#pragma once
// EditCommand: one ScenarioPatch on the QUndoStack. redo() applies it to the document's
// scenario and undo() reverts it; the document re-simulates after either.
#include "scenariopatch.h"

#include <QUndoCommand>

#include <functional>

namespace ctxscope {

class EditCommand : public QUndoCommand {
public:
    // apply is called with (patch, true) to apply and (patch, false) to revert.
    using Applier = std::function<void(const ScenarioPatch&, bool forward)>;
    EditCommand(const QString& text, ScenarioPatch patch, Applier apply);

    void redo() override;
    void undo() override;

private:
    ScenarioPatch m_patch;
    Applier m_apply;
};

} // namespace ctxscope
