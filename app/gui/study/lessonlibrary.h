#pragma once
// LessonLibrary: the lessons (resources/lessons/*.ctxscope.json, built into the module's
// resources) grouped by topic as resources/lessons/index.json lists them, one row each. It
// opens a lesson into the Document (parsed from the resource, no temporary file) and answers
// "is this the very first start?" so the app can open lesson 01 then.
#include "document.h"

#include <QAbstractListModel>
#include <QSettings>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace ctxscope {

class LessonLibrary : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    // Where the lessons are read from; the built-in resource by default.
    Q_PROPERTY(QString directory READ directory WRITE setDirectory NOTIFY directoryChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY directoryChanged)
    Q_PROPERTY(int currentRow READ currentRow NOTIFY currentChanged) // the lesson opened last, -1 none
    Q_PROPERTY(QStringList topics READ topics NOTIFY directoryChanged)

public:
    enum Role {
        FileNameRole = Qt::UserRole + 1, // "01-withcancel-basics.ctxscope.json"
        NumberRole,                      // "01"
        TitleRole,                       // the scenario's name
        TopicRole,
        DescriptionRole,                 // Markdown
        PathRole,                        // ":/ctxscope-study/lessons/…" or a file path
        IsExerciseRole,                  // it has expectations to check
        HasExerciseRole,                 // it has an "exercise" block (goal, done_when, solution)
    };
    Q_ENUM(Role)

    static inline const QString kBuiltIn = QStringLiteral(":/ctxscope-study/lessons");

    explicit LessonLibrary(QObject* parent = nullptr);

    QString directory() const { return m_dir; }
    void setDirectory(const QString& dir);
    int currentRow() const { return m_current; }
    QStringList topics() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // open makes lesson `row` the document (untitled, unmodified, playhead at 0). It returns ""
    // on success, else why not (the document is then unchanged).
    Q_INVOKABLE QString open(int row, ctxscope::Document* document);
    // rowOf finds a lesson by file name, base name ("01-withcancel-basics") or number ("01").
    Q_INVOKABLE int rowOf(const QString& name) const;
    // takeFirstStart returns true exactly once per user (QSettings "study/firstStartDone").
    Q_INVOKABLE bool takeFirstStart();
    static bool takeFirstStart(QSettings& settings);
    // descriptionOf returns the Markdown description of the document's scenario.
    Q_INVOKABLE QString descriptionOf(ctxscope::Document* document) const;
    // html renders lesson Markdown for a side panel (lessonmarkdown.h).
    Q_INVOKABLE QString html(const QString& markdown) const;

Q_SIGNALS:
    void directoryChanged();
    void currentChanged();

private:
    struct Lesson {
        QString fileName, number, title, topic, description, path;
        bool exercise = false;
        bool hasExercise = false;
    };
    void load();

    QString m_dir = kBuiltIn;
    std::vector<Lesson> m_lessons;
    int m_current = -1;
};

} // namespace ctxscope
