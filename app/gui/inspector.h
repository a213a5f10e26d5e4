#pragma once
// Inspector: everything about one context at the playhead, as plain QVariant data for the
// inspector pane: Err, Cause, Deadline (own or inherited, and from where), the values visible
// from it (shadowed ones marked), children, tasks, after-funcs, and "why is this done?": the
// chain from the node to where its cancellation began and what began it.
#include "treescene.h"

#include <QObject>
#include <QPointer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <string>
#include <unordered_map>

namespace ctxscope {

class Inspector : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ctxscope::Document* document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(QString contextId READ contextId WRITE setContextId NOTIFY contextIdChanged)
    Q_PROPERTY(QVariantMap details READ details NOTIFY detailsChanged)
    // The fields keyboard navigation and renaming need, typed (details is a map for display).
    Q_PROPERTY(QString label READ label NOTIFY detailsChanged)
    Q_PROPERTY(QString parentId READ parentId NOTIFY detailsChanged)
    Q_PROPERTY(QString firstChildId READ firstChildId NOTIFY detailsChanged)
    // Predict mode (TreeScene::hideOutcome): done looks alive, err/cause/results are hidden.
    Q_PROPERTY(bool hideOutcome READ hideOutcome WRITE setHideOutcome NOTIFY hideOutcomeChanged)

public:
    explicit Inspector(QObject* parent = nullptr);

    Document* document() const { return m_doc; }
    void setDocument(Document* doc);
    QString contextId() const { return m_contextId; }
    void setContextId(const QString& id);
    QVariantMap details() const { return m_details; }
    QString label() const { return m_details.value(QStringLiteral("label")).toString(); }
    QString parentId() const { return m_details.value(QStringLiteral("parentId")).toString(); }
    QString firstChildId() const;
    bool hideOutcome() const { return m_hideOutcome; }
    void setHideOutcome(bool hide);

Q_SIGNALS:
    void documentChanged();
    void contextIdChanged();
    void detailsChanged();
    void hideOutcomeChanged();

private:
    void rebuild();
    void indexSpecs();
    QVariantList values(CtxIndex c) const;
    QVariantList whyDone(CtxIndex c) const;
    QVariantList races(CtxIndex c) const;

    QPointer<Document> m_doc;
    QString m_contextId;
    QVariantMap m_details;
    std::unordered_map<std::string, const ContextSpec*> m_specs; // every context spec by id
    int m_specsRevision = -1;
    bool m_hideOutcome = false;
};

} // namespace ctxscope
