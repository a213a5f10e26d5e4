#pragma once
// Session: everything a user does to one scenario, below Qt (design.md, "Editing lives below
// Qt"). It owns the scenario being edited and its history, validates every edit once (with the
// loader's messages), keeps the playhead and the view state the views read (selection,
// collapsed nodes, predict mode), and answers what may be done to a selection. The GUI's
// Document is a bridge over it (it adds files, threads and signals); tests drive it directly.
#include "ctxscope/engine/playback.h"
#include "ctxscope/engine/scenario.h"
#include "ctxscope/session/edits.h"
#include "ctxscope/session/history.h"
#include "ctxscope/engine/simulation.h"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_set>

namespace ctxscope {

// What is selected: a context, a task or after-func (top-level or declared in steps), a timed
// action or an expectation (by index in the scenario's lists).
struct Selection {
    enum class Kind : std::uint8_t { None, Context, Task, AfterFunc, Action, Expectation };
    Kind kind = Kind::None;
    std::string id;        // Context, Task, AfterFunc
    std::size_t index = 0; // Action, Expectation
    bool operator==(const Selection&) const = default;
};

// What the menus and keys may offer for a selection at the playhead.
struct Capabilities {
    bool exists = false;      // the selection names something in the scenario or the run
    bool editable = false;    // it is declared at the scenario's top level (not made by a step)
    bool deletable = false;
    bool canDerive = false;   // a context that exists at the playhead
    bool canStartTask = false;
    bool canCancel = false;   // a context whose kind has a cancel function
    bool takesCause = false;  // WithCancelCause
    bool hasParams = false;   // timeout, deadline, cause or key/value to edit
    bool canMove = false;     // a non-root context of the scenario
    bool canStop = false;     // an after-func (a stop_after_func action)
    bool created = false;     // at the playhead
    bool done = false;        // a context canceled or expired at the playhead
};

// expectationAt writes down what is true of the selected context, task or after-func at the
// playback's playhead, as an expectation ("add expectation from what happens now"): a context's
// err, cause and done_at (null while it is alive), a task's result and ended_at (null while it
// runs), an after-func's ran_at and stopped. Nothing for other selections or unknown ids.
std::optional<Expectation> expectationAt(const Selection& sel, const SimulationResult& result,
                                         const Playback& playback);

class Session {
public:
    explicit Session(Scenario scenario = {});

    const Scenario& scenario() const { return m_scenario; }
    // reset makes scenario the whole document (opened, new, recovered): no history, clean,
    // playhead at 0, nothing selected or collapsed, not predicting.
    void reset(Scenario scenario);

    // check tells why an edit would be refused (its own error, or the first problem the
    // validator finds in the scenario it would make, as "path: message"); "" if it is fine.
    std::string check(const edits::EditResult& edit);
    // edit checks an edit and, if it is fine, applies it and records it as one undo step named
    // text. An empty patch is accepted and recorded as nothing. Returns check()'s answer.
    std::string edit(std::string text, const edits::EditResult& edit);
    // commit applies and records an edit that check() has just accepted, without checking it
    // again (the Document checks before it keeps the scenario on screen; validating a 100,000-
    // context scenario twice per edit doubled the edit's cost).
    void commit(std::string text, const edits::EditResult& edit);

    // Undo and redo apply to the scenario; they return the entry moved over (null: none).
    const HistoryEntry* undo();
    const HistoryEntry* redo();
    // setHistoryIndex undoes or redoes until index entries are applied.
    void setHistoryIndex(std::size_t index);
    const History& history() const { return m_history; }
    void setClean() { m_history.setClean(); }
    bool isClean() const { return m_history.isClean(); }

    // The GUI's views may hold pointers into the scenario on screen while an edit is simulated
    // on a worker. detach() moves the scenario out (its buffers, and so those pointers, stay
    // valid in the returned object) and keeps an equal copy to edit; adopt() takes an equal
    // scenario back (the one on screen once it is current again).
    Scenario detach();
    void adopt(Scenario equal);

    // The playhead, in virtual time.
    Nanos playhead() const { return m_playhead; }
    void setPlayhead(Nanos t) { m_playhead = t; }

    // View state: one owner for each fact the views show.
    const Selection& selection() const { return m_selection; }
    void select(Selection s) { m_selection = std::move(s); }
    bool isCollapsed(const std::string& contextId) const { return m_collapsed.count(contextId) > 0; }
    void setCollapsed(const std::vector<std::string>& contextIds, bool collapsed);
    const std::unordered_set<std::string>& collapsed() const { return m_collapsed; }
    bool predicting() const { return m_predict; }
    void setPredicting(bool on) { m_predict = on; }

    // capabilities answers what may be done to sel, given the run on screen and its playback
    // at the playhead (either may be null: then only what the scenario alone tells).
    Capabilities capabilities(const Selection& sel, const SimulationResult* result, const Playback* playback) const;

private:
    Scenario m_scenario;
    History m_history;
    Nanos m_playhead = 0;
    Selection m_selection;
    std::unordered_set<std::string> m_collapsed;
    bool m_predict = false;
};

} // namespace ctxscope
