#pragma once
// LessonProgress: what a learner has done with each lesson, kept across restarts (QSettings,
// group "progress/<lesson base name>"): read (opened), solved (its exercise solved by the
// learner's own edits; "solution" when it was Show solution that solved it), and the best
// prediction score ("right/total"). It follows which lesson the document holds: the library's
// current lesson, until a file replaces it. reset() forgets everything.
#include "document.h"
#include "lessonlibrary.h"

#include <QObject>
#include <QPointer>
#include <QSettings>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace ctxscope {

class LessonProgress : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::Document* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(ctxscope::LessonLibrary* library READ library WRITE setLibrary NOTIFY libraryChanged)
    // The lesson the document holds ("13-anti-ignoring-done"), "" when it holds no lesson.
    Q_PROPERTY(QString currentLesson READ currentLesson NOTIFY currentLessonChanged)
    Q_PROPERTY(int revision READ revision NOTIFY progressChanged) // bumps on every change
    Q_PROPERTY(int readCount READ readCount NOTIFY progressChanged)
    Q_PROPERTY(int solvedCount READ solvedCount NOTIFY progressChanged)

public:
    explicit LessonProgress(QObject* parent = nullptr);
    // For tests: keep the progress in this settings file instead of the user's.
    void setSettingsFile(const QString& path);
    Q_INVOKABLE void useSettingsFile(const QString& path) { setSettingsFile(path); }

    Document* document() const { return m_doc; }
    void setDocument(Document* doc);
    LessonLibrary* library() const { return m_library; }
    void setLibrary(LessonLibrary* library);
    QString currentLesson() const { return m_current; }
    int revision() const { return m_revision; }
    int readCount() const;
    int solvedCount() const;

    // of tells a lesson's progress: {read: bool, solved: "" | "solved" | "solution",
    // best: "" | "5/6", bestRight, bestTotal}. lesson: a base or file name.
    Q_INVOKABLE QVariantMap of(const QString& lesson) const;
    // What the views report about the current lesson (nothing when there is none).
    Q_INVOKABLE void markRead();
    Q_INVOKABLE void markSolved(bool bySolution);
    Q_INVOKABLE void recordScore(int right, int total);
    // reset forgets the progress of every lesson.
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void documentChanged();
    void libraryChanged();
    void currentLessonChanged();
    void progressChanged();

private:
    void followLibrary();
    void onFileChanged();
    void setCurrent(const QString& lesson);
    void touched();
    static QString keyOf(const QString& lesson);

    QPointer<Document> m_doc;
    QPointer<LessonLibrary> m_library;
    QString m_current;
    std::unique_ptr<QSettings> m_settings;
    int m_revision = 0;
};

} // namespace ctxscope
