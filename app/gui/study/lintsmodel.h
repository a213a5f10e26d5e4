#pragma once
// LintsModel: the lint findings of the document's run, one row each, with the rule's Go
// consequence (lintexplanations.h). Findings later than the playhead are marked not reached.
#include "document.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

class LintsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::Document* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        RuleRole = Qt::UserRole + 1,
        SeverityRole,
        SubjectRole,      // context or task id
        SubjectKindRole,  // "context" or "task"
        ContextIdRole,    // what selecting the finding selects: the context, or the task's context
        TimeRole,         // ns, as double
        TimeTextRole,
        MessageRole,
        ExplanationRole,
        ToolRole,
        ReachedRole,      // the playhead is at or past the finding
    };
    Q_ENUM(Role)

    explicit LintsModel(QObject* parent = nullptr);

    Document* document() const { return m_doc; }
    void setDocument(Document* doc);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // contextIdAt returns the id to select for a row ("" when out of range).
    Q_INVOKABLE QString contextIdAt(int row) const;

Q_SIGNALS:
    void documentChanged();
    void countChanged();

private:
    void reset();
    void onPlayhead();
    bool reached(int row) const;

    QPointer<Document> m_doc;
    int m_rows = 0;
};

} // namespace ctxscope
