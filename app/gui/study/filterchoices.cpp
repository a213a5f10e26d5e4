#include "filterchoices.h"

#include "eventtext.h"

#include <algorithm>
#include <functional>
#include <string_view>

namespace ctxscope {

FilterChoices::FilterChoices(Of of, QObject* parent) : QAbstractListModel(parent), m_of(of) {}

void FilterChoices::setDocument(Document* doc) {
    m_doc = doc;
    refresh();
}

std::size_t FilterChoices::items() const {
    if (!m_doc)
        return 0;
    return m_of == Of::Contexts ? m_doc->result().contexts.size() : m_doc->result().tasks.size();
}

QString FilterChoices::title(std::size_t i) const {
    if (i >= items())
        return {};
    const SimulationResult& r = m_doc->result();
    return m_of == Of::Contexts ? contextTitle(r, static_cast<CtxIndex>(i)) : taskTitle(r, static_cast<TaskIndex>(i));
}

std::size_t FilterChoices::fingerprint() const {
    // A title is a function of the id and the label (eventtext.h), so those two are hashed.
    std::size_t h = items();
    const auto mix = [&h](std::string_view s) { h = h * 1099511628211ull ^ std::hash<std::string_view>{}(s); };
    if (!m_doc)
        return h;
    const SimulationResult& r = m_doc->result();
    if (m_of == Of::Contexts) {
        for (const ContextInfo& c : r.contexts) {
            mix(c.id);
            mix(r.label(c));
        }
    } else {
        for (const TaskInfo& t : r.tasks) {
            mix(t.id);
            mix(t.label);
        }
    }
    return h;
}

void FilterChoices::refresh() {
    const std::size_t n = items();
    const std::size_t f = fingerprint();
    if (n == m_items && f == m_fingerprint)
        return; // data() reads the new run, which names the same things in the same order
    const bool countChanges = n != m_items;
    beginResetModel();
    m_items = n;
    m_fingerprint = f;
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

void FilterChoices::setAllText(const QString& text) {
    if (text == m_allText)
        return;
    m_allText = text;
    Q_EMIT dataChanged(index(0), index(0));
    Q_EMIT allTextChanged();
}

QString FilterChoices::idAt(int row) const {
    if (!m_doc || row < 1 || static_cast<std::size_t>(row) > std::min(m_items, items()))
        return {};
    const SimulationResult& r = m_doc->result();
    const auto i = static_cast<std::size_t>(row - 1);
    return QString::fromStdString(m_of == Of::Contexts ? r.contexts[i].id : r.tasks[i].id);
}

QStringList FilterChoices::ids() const {
    QStringList out;
    for (std::size_t i = 0; i < m_items; ++i)
        out << idAt(static_cast<int>(i + 1));
    return out;
}

QStringList FilterChoices::titles() const {
    QStringList out;
    for (std::size_t i = 0; i < m_items; ++i)
        out << title(i);
    return out;
}

QStringList FilterChoices::sampleTitles(int limit) const {
    QStringList out;
    const std::size_t n = std::min(m_items, static_cast<std::size_t>(std::max(0, limit)));
    for (std::size_t i = 0; i < n; ++i)
        out << title(i);
    return out;
}

int FilterChoices::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_items) + 1; }

QVariant FilterChoices::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || role != Qt::DisplayRole)
        return {};
    if (index.row() == 0)
        return m_allText;
    if (!m_doc)
        return {};
    return title(static_cast<std::size_t>(index.row() - 1));
}

QHash<int, QByteArray> FilterChoices::roleNames() const { return {{Qt::DisplayRole, "display"}}; }

} // namespace ctxscope
