#pragma once
// ScenarioFiles: a Document's scenario file (open, save, new, the default example, a generated
// one) and its crash recovery (an autosave of every edit, removed when the document is saved or
// closed).
// Reading and writing a scenario is the core's (scenario_io.h); this decides when, on which
// thread, and tells QML how it went.
#include "ctxscope/engine/scenario.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

class Document;
class SimulationJob;

class ScenarioFiles : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("a Document's file: document.files")
    Q_PROPERTY(QString recoveryPath READ recoveryPath WRITE setRecoveryPath NOTIFY recoveryPathChanged)

public:
    explicit ScenarioFiles(Document& document);
    ~ScenarioFiles() override; // a normal close leaves no recovery file; only a crash does

    // What a new document holds: one context.Background() named root.
    static Scenario untitledScenario();

    // openFile returns the problems found (formatted as spec/cli.md asks); empty means the file
    // is now the document, or, for a file of kSyncOpenBytes or more, that it is being opened on
    // the worker: opened() or openFailed() tells how that went. save/saveAs return an error
    // message, empty on success.
    Q_INVOKABLE QStringList openFile(const QString& pathOrUrl);
    Q_INVOKABLE QString save();
    Q_INVOKABLE QString saveAs(const QString& pathOrUrl);
    Q_INVOKABLE void newScenario();
    Q_INVOKABLE bool loadDefaultExample();
    Q_INVOKABLE QString serialized() const;
    // replaceScenario makes scenario the document (as Document::setScenario), but a big one is
    // simulated on the worker first: the document changes only when it is done (then opened()
    // is emitted), and not at all if the job is cancelled. `what` names it for the progress line
    // ("Generating 300,000 contexts").
    void replaceScenario(Scenario scenario, const QString& filePath, const QString& what);
    // openGenerated (--generate N) makes the scenario on the worker as well.
    Q_INVOKABLE void openGenerated(int contexts);

    // Crash recovery.
    QString recoveryPath() const { return m_recoveryPath; }
    void setRecoveryPath(const QString& path);
    Q_INVOKABLE bool hasRecovery() const;
    Q_INVOKABLE QStringList recover();
    Q_INVOKABLE void discardRecovery();
    // finishOpening takes a finished job that read or made a new document: it becomes this one
    // (then opened()) or it could not be made (openFailed()).
    void finishOpening(SimulationJob& job);
    // writeRecovery autosaves the document after an edit, undo or redo (or removes the copy when
    // that went back to the saved state); recoveryOnWorker has a big scenario's job write it.
    void writeRecovery();
    void recoveryOnWorker(SimulationJob& job);

Q_SIGNALS:
    void recoveryPathChanged();
    // A document opened or made on the worker replaced this one (after openFile of a big file,
    // replaceScenario, openGenerated); openFailed: it could not be read (nothing changed).
    void opened(const QString& filePath);
    void openFailed(const QString& title, const QStringList& problems);

private:
    Document& m_document;
    QString m_recoveryPath;
};

// Converts a path or a file: URL given by QML to a local path.
QString localPath(const QString& pathOrUrl);

} // namespace ctxscope
