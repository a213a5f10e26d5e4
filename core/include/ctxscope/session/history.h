#pragma once
// History: the undo/redo list of a session's edits. Each entry is a ScenarioPatch (the
// difference an edit makes, not a copy of the scenario) with the text the Edit menu shows
// ("Derive WithTimeout"). The history only keeps the list and where the scenario stands in it;
// the Session applies and reverts the patches.
#include "ctxscope/session/scenario_patch.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ctxscope {

struct HistoryEntry {
    std::string text;
    ScenarioPatch patch;
};

class History {
public:
    // clear forgets every entry; the empty history is the clean (saved) state.
    void clear();
    // push records an edit made at the current position; the entries that could be redone go.
    void push(std::string text, ScenarioPatch patch);

    bool canUndo() const { return m_index > 0; }
    bool canRedo() const { return m_index < m_entries.size(); }
    // The entry undo() would revert / redo() would apply (null when there is none).
    const HistoryEntry* undoEntry() const { return canUndo() ? &m_entries[m_index - 1] : nullptr; }
    const HistoryEntry* redoEntry() const { return canRedo() ? &m_entries[m_index] : nullptr; }
    // Move the position one step; the caller reverts / applies the returned entry's patch.
    const HistoryEntry* stepBack();
    const HistoryEntry* stepForward();

    std::size_t index() const { return m_index; } // how many entries are applied
    std::size_t count() const { return m_entries.size(); }

    // The clean state is the position the scenario was last saved (or opened) at. An edit pushed
    // below it drops the entries that led there, and with them any way back to clean.
    void setClean() { m_clean = m_index; }
    bool isClean() const { return m_clean && *m_clean == m_index; }

private:
    std::vector<HistoryEntry> m_entries;
    std::size_t m_index = 0;
    std::optional<std::size_t> m_clean = 0;
};

} // namespace ctxscope
