#include "editcommand.h"

namespace ctxscope {

EditCommand::EditCommand(const QString& text, ScenarioPatch patch, Applier apply)
    : QUndoCommand(text), m_patch(std::move(patch)), m_apply(std::move(apply)) {}

void EditCommand::redo() { m_apply(m_patch, true); }

void EditCommand::undo() { m_apply(m_patch, false); }

} // namespace ctxscope
