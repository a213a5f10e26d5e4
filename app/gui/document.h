#pragma once
// Document: the scenario being edited, its undo stack, the file it came from, the simulation of
// it and the playhead. Every edit is a ScenarioPatch pushed on the undo stack; after each edit
// (and each undo/redo) the scenario is simulated again and the views are told. Nothing here
// simulates anything itself: simulate() is the only source of events (design.md).
#include "ctxscope/playback.h"
#include "ctxscope/scenario.h"
#include "ctxscope/simulation.h"
#include "scenarioedits.h"

#include <QObject>
#include <QPointer>
#include <QUndoStack>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace ctxscope {

class Document : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString filePath READ filePath NOTIFY fileChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY fileChanged)
    Q_PROPERTY(bool modified READ isModified NOTIFY modifiedChanged)
    Q_PROPERTY(QString scenarioName READ scenarioName NOTIFY simulated)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoStateChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY undoStateChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoStateChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY undoStateChanged)
    Q_PROPERTY(double time READ time NOTIFY playheadChanged)            // ns (G6: double in QML)
    Q_PROPERTY(QString timeText READ timeText NOTIFY playheadChanged)
    Q_PROPERTY(int appliedEvents READ appliedEvents NOTIFY playheadChanged)
    Q_PROPERTY(QString lastEventText READ lastEventText NOTIFY playheadChanged)
    Q_PROPERTY(int eventCount READ eventCount NOTIFY simulated)
    Q_PROPERTY(double endTime READ endTime NOTIFY simulated)
    Q_PROPERTY(QString endTimeText READ endTimeText NOTIFY simulated)
    // How far the playhead may go: past the last event, so that there is time to act in
    // (cancel at 900ms) even in a scenario where nothing happens after 0.
    Q_PROPERTY(double timelineEnd READ timelineEnd NOTIFY simulated)
    Q_PROPERTY(QString timelineEndText READ timelineEndText NOTIFY simulated)
    Q_PROPERTY(int contextCount READ contextCount NOTIFY simulated)
    Q_PROPERTY(int taskCount READ taskCount NOTIFY simulated)
    Q_PROPERTY(int lintCount READ lintCount NOTIFY simulated)
    Q_PROPERTY(int revision READ revision NOTIFY simulated)
    // The scenario's timed user actions, [{t: ns, text: "cancel pool"}], for marks on the timeline.
    Q_PROPERTY(QVariantList actionMarks READ actionMarks NOTIFY simulated)
    Q_PROPERTY(QString recoveryPath READ recoveryPath WRITE setRecoveryPath NOTIFY recoveryPathChanged)

public:
    explicit Document(QObject* parent = nullptr);
    ~Document() override;

    // Read access for the C++ views and tests.
    const Scenario& scenario() const { return m_scenario; }
    const SimulationResult& result() const { return *m_result; }
    const Playback& playback() const { return *m_playback; }
    QUndoStack* undoStack() { return &m_undo; }
    Nanos timeNanos() const { return m_time; }

    QString filePath() const { return m_filePath; }
    QString displayName() const;
    bool isModified() const { return !m_undo.isClean() || m_dirtyWithoutUndo; }
    QString scenarioName() const { return QString::fromStdString(m_scenario.name); }
    bool canUndo() const { return m_undo.canUndo(); }
    bool canRedo() const { return m_undo.canRedo(); }
    QString undoText() const { return m_undo.undoText(); }
    QString redoText() const { return m_undo.redoText(); }
    double time() const { return static_cast<double>(m_time); }
    QString timeText() const;
    int appliedEvents() const { return static_cast<int>(m_playback->appliedEvents()); }
    QString lastEventText() const;
    int eventCount() const { return static_cast<int>(m_result->events.size()); }
    double endTime() const { return static_cast<double>(m_result->endTime); }
    QString endTimeText() const;
    double timelineEnd() const { return static_cast<double>(timelineEndNanos()); }
    QString timelineEndText() const;
    Nanos timelineEndNanos() const;
    int contextCount() const { return static_cast<int>(m_result->contexts.size()); }
    int taskCount() const { return static_cast<int>(m_result->tasks.size()); }
    int lintCount() const { return static_cast<int>(m_result->lints.size()); }
    int revision() const { return m_revision; }
    QVariantList actionMarks() const;
    QString recoveryPath() const { return m_recoveryPath; }
    void setRecoveryPath(const QString& path);

    // setScenario replaces the whole scenario (a new or opened document): the undo history is
    // cleared, the playhead goes to 0 and the document is unmodified.
    void setScenario(Scenario scenario, const QString& filePath);
    // setUntitledName names a document that has no file (a lesson: its title) until it is
    // saved or replaced; "" gives back "untitled".
    Q_INVOKABLE void setUntitledName(const QString& name);
    // applyEdit validates the patched scenario and, if it is valid, pushes the edit on the undo
    // stack (which applies it). On failure nothing changes and *error says why.
    bool applyEdit(const QString& text, const edits::EditResult& edit, QString* error);

    // Files. openFile returns the problems found (formatted as spec/cli.md asks); empty means
    // the file is now the document. save/saveAs return an error message, empty on success.
    Q_INVOKABLE QStringList openFile(const QString& pathOrUrl);
    Q_INVOKABLE QString save();
    Q_INVOKABLE QString saveAs(const QString& pathOrUrl);
    Q_INVOKABLE void newScenario();
    Q_INVOKABLE bool loadDefaultExample();
    Q_INVOKABLE QString serialized() const;

    // Crash recovery: an autosave of every edit, removed when the document is saved or closed.
    Q_INVOKABLE bool hasRecovery() const;
    Q_INVOKABLE QStringList recover();
    Q_INVOKABLE void discardRecovery();

    // Playhead. Seeking never re-simulates: it replays the cached events.
    Q_INVOKABLE void seekTime(double nanos);
    Q_INVOKABLE bool stepForward();   // shows exactly one more event
    Q_INVOKABLE bool stepBack();      // shows one event fewer
    Q_INVOKABLE void restart();
    // seekEvents shows exactly the first `count` events, the clock at the last one's time.
    Q_INVOKABLE void seekEvents(int count);
    Q_INVOKABLE void seekEnd();

    // Edits at the playhead (each returns an error message, empty on success).
    Q_INVOKABLE QString derive(const QString& parentId, const QString& kind, const QVariantMap& params);
    Q_INVOKABLE QString addRoot();
    Q_INVOKABLE QString startTask(const QString& contextId, const QVariantMap& spec);
    Q_INVOKABLE QString addAfterFunc(const QString& contextId, const QVariantMap& spec);
    Q_INVOKABLE QString cancelContext(const QString& contextId, const QVariant& cause);
    Q_INVOKABLE QString stopAfterFunc(const QString& afterFuncId);
    Q_INVOKABLE QString renameContext(const QString& contextId, const QString& label);
    Q_INVOKABLE QString renameScenario(const QString& name);
    // editParameters changes what a scenario context was made with (timeout, deadline, cause,
    // key, value, keyType, read as derive() reads them), keeping its id, label, children and
    // tasks: one undo step. contextParameters gives the current ones as derive() takes them,
    // plus kind, parent, at, label and hasParams; {ok: false, error} for no such context.
    Q_INVOKABLE QString editParameters(const QString& contextId, const QVariantMap& params);
    Q_INVOKABLE QVariantMap contextParameters(const QString& contextId) const;
    Q_INVOKABLE QVariantMap deletionSummary(const QString& contextId) const;
    Q_INVOKABLE QString deleteContext(const QString& contextId);
    // contextActions tells the menus what applies to a context: editable (a scenario context,
    // not one a task derives), canCancel, takesCause, hasParams (a timeout, deadline, cause or
    // key/value to edit), kind, created (at the playhead).
    Q_INVOKABLE QVariantMap contextActions(const QString& contextId) const;
    Q_INVOKABLE void undo() { m_undo.undo(); }
    Q_INVOKABLE void redo() { m_undo.redo(); }
    // markClean forgets the unsaved state without saving (used after "Discard").
    Q_INVOKABLE void markClean();

Q_SIGNALS:
    void fileChanged();
    void modifiedChanged();
    void undoStateChanged();
    void playheadChanged();
    void simulated();
    void recoveryPathChanged();

private:
    void applyPatch(const ScenarioPatch& patch, bool forward);
    void resimulate();
    void setPlayhead(Nanos time, std::size_t applied);
    void writeRecovery();
    QString pushEdit(const QString& text, const edits::EditResult& edit);

    Scenario m_scenario;
    std::unique_ptr<SimulationResult> m_result;
    std::unique_ptr<Playback> m_playback;
    QUndoStack m_undo;
    QString m_filePath;
    QString m_recoveryPath;
    QString m_untitledName; // displayName while there is no file; "" means "untitled"
    Nanos m_time = 0;
    int m_revision = 0;
    bool m_dirtyWithoutUndo = false; // recovered or generated content never saved
    bool m_resetting = false;        // inside setScenario
};

// Converts a path or a file: URL given by QML to a local path.
QString localPath(const QString& pathOrUrl);

// followDocument is how a view attaches to a document: it drops its connections to the old one,
// then calls onSimulated whenever the new one is simulated again and onPlayhead (if given)
// whenever its playhead moves. It returns false, changing nothing, when next is already current.
template <typename View>
bool followDocument(View* view, QPointer<Document>& current, Document* next, void (View::*onSimulated)(),
                    void (View::*onPlayhead)() = nullptr)
{
    if (next == current)
        return false;
    if (current)
        QObject::disconnect(current, nullptr, view, nullptr);
    current = next;
    if (current) {
        QObject::connect(current, &Document::simulated, view, onSimulated);
        if (onPlayhead)
            QObject::connect(current, &Document::playheadChanged, view, onPlayhead);
    }
    return true;
}

} // namespace ctxscope

