#include "ctxscope/session/history.h"

namespace ctxscope {

void History::clear() {
    m_entries.clear();
    m_index = 0;
    m_clean = 0;
}

void History::push(std::string text, ScenarioPatch patch) {
    if (m_clean && *m_clean > m_index)
        m_clean.reset(); // the saved state was in the redo part, which goes now
    m_entries.resize(m_index);
    m_entries.push_back({std::move(text), std::move(patch)});
    m_index = m_entries.size();
}

const HistoryEntry* History::stepBack() {
    if (!canUndo())
        return nullptr;
    return &m_entries[--m_index];
}

const HistoryEntry* History::stepForward() {
    if (!canRedo())
        return nullptr;
    return &m_entries[m_index++];
}

} // namespace ctxscope
