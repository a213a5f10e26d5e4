#include "lintsmodel.h"

#include "eventtext.h"
#include "lintexplanations.h"

namespace ctxscope {

LintsModel::LintsModel(QObject* parent) : QAbstractListModel(parent) {}

void LintsModel::setDocument(Document* doc) {
    if (!followDocument(this, m_doc, doc, &LintsModel::reset, &LintsModel::onPlayhead))
        return;
    reset();
    Q_EMIT documentChanged();
}

void LintsModel::reset() {
    beginResetModel();
    m_rows = m_doc ? static_cast<int>(m_doc->result().lints.size()) : 0;
    endResetModel();
    Q_EMIT countChanged();
}

bool LintsModel::reached(int row) const {
    return m_doc && m_doc->result().lints[static_cast<std::size_t>(row)].t <= m_doc->timeNanos();
}

void LintsModel::onPlayhead() {
    if (m_rows == 0)
        return;
    // Findings are not sorted by time; a playhead move refreshes one role of every row.
    Q_EMIT dataChanged(index(0), index(m_rows - 1), {ReachedRole});
}

int LintsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : m_rows; }

QString LintsModel::contextIdAt(int row) const {
    if (!m_doc || row < 0 || row >= m_rows)
        return {};
    return data(index(row), ContextIdRole).toString();
}

QVariant LintsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_doc)
        return {};
    const SimulationResult& r = m_doc->result();
    const LintFinding& f = r.lints[static_cast<std::size_t>(index.row())];
    const QString rule = QString::fromStdString(f.rule);
    // A subject is a context or a task; kNone: a context (or neither).
    const TaskIndex task = r.findContext(f.subject) ? kNone : r.findTask(f.subject).value_or(kNone);
    switch (role) {
    case RuleRole: return rule;
    case SeverityRole: return QString::fromStdString(f.severity);
    case SubjectRole: { // its name as the tree shows it, with the id: "worker (w3)"
        if (task != kNone)
            return taskTitle(r, task);
        if (const auto c = r.findContext(f.subject))
            return contextTitle(r, *c);
        return QString::fromStdString(f.subject);
    }
    case SubjectKindRole: return task != kNone ? QStringLiteral("task") : QStringLiteral("context");
    case ContextIdRole:
        if (task != kNone && r.tasks[task].context < r.contexts.size())
            return QString::fromStdString(r.contexts[r.tasks[task].context].id);
        return QString::fromStdString(f.subject);
    case TimeRole: return static_cast<double>(f.t);
    case TimeTextRole: return durationText(f.t);
    case Qt::DisplayRole:
    case MessageRole: return QString::fromStdString(f.message);
    case ExplanationRole: return lintExplanation(rule);
    case ToolRole: return lintTool(rule);
    case ReachedRole: return reached(index.row());
    default: return {};
    }
}

QHash<int, QByteArray> LintsModel::roleNames() const {
    return {{RuleRole, "rule"},       {SeverityRole, "severity"}, {SubjectRole, "subject"},
            {SubjectKindRole, "subjectKind"}, {ContextIdRole, "contextId"}, {TimeRole, "time"},
            {TimeTextRole, "timeText"}, {MessageRole, "message"}, {ExplanationRole, "explanation"},
            {ToolRole, "tool"},       {ReachedRole, "reached"}};
}

} // namespace ctxscope
