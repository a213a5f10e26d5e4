// RaceView: races.h's exploration in the views' words (raceview.h).
#include "raceview.h"

#include "ctxscope/formats/race_report.h"
#include "eventtext.h"

#include <QVariantMap>

#include <algorithm>

namespace ctxscope {

RaceView::RaceView(std::shared_ptr<const RaceExploration> races) : m_races(std::move(races)) { index(); }

void RaceView::index() {
    m_facts.clear();
    if (!m_races)
        return;
    const SimulationResult* documented = m_races->outcomes.empty() ? nullptr : &m_races->outcomes.front().result;
    for (const RaceFact& f : m_races->facts) {
        const QString path = QString::fromStdString(f.fact);
        Fact out;
        out.fact = &f;
        const auto split = [&](const QString& kind, qsizetype prefix) {
            // ID.FIELD: the field is after the last dot (a field name has none; an id may).
            const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
            out.kind = kind;
            out.id = path.mid(prefix, dot - prefix);
            out.field = path.mid(dot + 1);
        };
        if (path.startsWith(QLatin1String("contexts.")))
            split(QStringLiteral("context"), 9);
        else if (path.startsWith(QLatin1String("tasks.")))
            split(QStringLiteral("task"), 6);
        else if (path.startsWith(QLatin1String("after_funcs.")))
            split(QStringLiteral("after_func"), 12);
        else if (path.startsWith(QLatin1String("lookups."))) {
            // lookups.I.FIELD, I in the documented order: the task that made it.
            const qsizetype dot = path.indexOf(QLatin1Char('.'), 8);
            const std::size_t i = path.mid(8, dot - 8).toULongLong();
            out.kind = QStringLiteral("task");
            if (documented && i < documented->lookups.size() && documented->lookups[i].task < documented->tasks.size())
                out.id = QString::fromStdString(documented->tasks[documented->lookups[i].task].id);
            out.field = QStringLiteral("lookup %1 %2").arg(i).arg(path.mid(dot + 1));
        } else {
            out.kind = QStringLiteral("run");
            out.field = path;
        }
        m_facts.push_back(out);
    }
    // Per fact and outcome, the index of its value (lookups are numbered differently in
    // outcomeFacts, per task: not matched, so no "shown" for them).
    m_valueOf.assign(m_races->facts.size(), std::vector<std::size_t>(m_races->outcomes.size(), kNoValue));
    for (std::size_t k = 0; k < m_races->outcomes.size(); ++k) {
        std::map<std::string, FactValue> values;
        for (auto& [path, value] : outcomeFacts(m_races->outcomes[k].result))
            values.emplace(std::move(path), std::move(value));
        for (std::size_t i = 0; i < m_races->facts.size(); ++i) {
            const RaceFact& f = m_races->facts[i];
            const auto it = values.find(f.fact);
            if (it == values.end())
                continue;
            const auto v = std::find(f.values.begin(), f.values.end(), it->second);
            if (v != f.values.end())
                m_valueOf[i][k] = static_cast<std::size_t>(v - f.values.begin());
        }
    }
}

std::vector<RaceView::Fact> RaceView::facts(const QString& kind, const QString& id, const QString& field) const {
    std::vector<Fact> out;
    for (const Fact& f : m_facts)
        if (f.kind == kind && (id.isEmpty() || f.id == id) && (field.isEmpty() || f.field == field))
            out.push_back(f);
    return out;
}

QString RaceView::fieldName(const QString& kind, const QString& field) {
    if (field.startsWith(QLatin1String("lookup "))) {
        const QStringList parts = field.split(QLatin1Char(' '));
        return QStringLiteral("lookup #%1's %2").arg(parts.value(1), parts.value(2));
    }
    if (kind == QLatin1String("context")) {
        if (field == QLatin1String("err")) return QStringLiteral("Err()");
        if (field == QLatin1String("cause")) return QStringLiteral("Cause()");
        if (field == QLatin1String("reason")) return QStringLiteral("reason (what ended it)");
        if (field == QLatin1String("done_ns")) return QStringLiteral("done at");
        if (field == QLatin1String("source")) return QStringLiteral("where its cancel began");
        if (field == QLatin1String("deadline_ns")) return QStringLiteral("Deadline()");
        if (field == QLatin1String("created_ns")) return QStringLiteral("created at");
    }
    if (kind == QLatin1String("after_func")) {
        if (field == QLatin1String("started_ns")) return QStringLiteral("ran at");
        if (field == QLatin1String("registered_ns")) return QStringLiteral("registered at");
    }
    if (field == QLatin1String("ended_ns")) return QStringLiteral("returned at");
    if (field == QLatin1String("started_ns")) return QStringLiteral("started at");
    if (field == QLatin1String("end_ns")) return QStringLiteral("the run's end");
    if (field == QLatin1String("stopped") && kind == QLatin1String("run")) return QStringLiteral("why the run stopped");
    return field;
}

QString RaceView::valueText(const QString& field, const FactValue& v) {
    const bool time = field.endsWith(QLatin1String("_ns"));
    switch (v.type) {
    case FactValue::Type::Null:
        return time ? QStringLiteral("never") : QStringLiteral("nil");
    case FactValue::Type::Integer:
        if (time)
            return durationText(static_cast<Nanos>(std::stoll(v.text)));
        return QString::fromStdString(v.text);
    case FactValue::Type::String: return QStringLiteral("\"%1\"").arg(QString::fromStdString(v.text));
    default: return QString::fromStdString(factValueText(v));
    }
}

namespace {

// "deadline of request vs work timer of watchdog", or what there is of it.
QString between(const RaceFact& f) {
    QStringList parts;
    for (const std::string& b : f.between)
        parts << QString::fromStdString(b);
    return parts.join(QStringLiteral(" vs "));
}

// "a", "a or b", "a, b or c"
QString orList(const QStringList& items) {
    if (items.size() <= 1)
        return items.value(0);
    return QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" or ") + items.last();
}

} // namespace

QString RaceView::valuesText(const Fact& f, std::size_t shown) const {
    const RaceFact& rf = *f.fact;
    // Which value is on screen: the shown outcome's own.
    std::optional<std::size_t> shownValue;
    const std::size_t fi = static_cast<std::size_t>(f.fact - m_races->facts.data());
    if (fi < m_valueOf.size() && shown < m_valueOf[fi].size() && m_valueOf[fi][shown] != kNoValue)
        shownValue = m_valueOf[fi][shown];
    QStringList values;
    for (std::size_t i = 0; i < rf.values.size(); ++i) {
        const std::size_t outcome = i < rf.outcomeOf.size() ? rf.outcomeOf[i] : 0;
        values << QStringLiteral("%1 (outcome %2%3)")
                      .arg(valueText(f.field, rf.values[i]))
                      .arg(outcome + 1)
                      .arg(shownValue == i ? QStringLiteral(", shown") : QString());
    }
    return orList(values);
}

QString RaceView::note(const Fact& f, std::size_t shown) const {
    if (!f.fact || !m_races)
        return {};
    const RaceFact& rf = *f.fact;
    const QString who = f.kind == QLatin1String("run") ? QString() : f.id + QStringLiteral("'s ");
    QString text = QStringLiteral("%1%2 was decided by a race at %3").arg(who, fieldName(f.kind, f.field), durationText(rf.at));
    if (!rf.between.empty())
        text += QStringLiteral(": ") + between(rf);
    return text + QStringLiteral(". Go can give %1.").arg(valuesText(f, shown));
}

QStringList RaceView::grouped(const std::vector<std::pair<QString, QString>>& subjects, std::size_t shown,
                              std::optional<Nanos> upTo) const {
    // One entry per race (instant and what raced), in the exploration's order.
    std::vector<std::pair<QString, QStringList>> races;
    for (const Fact& f : m_facts) {
        if (upTo && f.fact->at > *upTo)
            continue;
        if (std::none_of(subjects.begin(), subjects.end(), [&](const auto& s) { return s.first == f.kind && s.second == f.id; }))
            continue;
        const QString head = QStringLiteral("At %1: %2").arg(durationText(f.fact->at), between(*f.fact));
        auto it = std::find_if(races.begin(), races.end(), [&](const auto& r) { return r.first == head; });
        if (it == races.end())
            it = races.insert(races.end(), {head, {}});
        const QString who = f.kind == QLatin1String("run") ? QString() : f.id + QStringLiteral("'s ");
        it->second << QStringLiteral("\u2022 %1%2: %3").arg(who, fieldName(f.kind, f.field), valuesText(f, shown));
    }
    QStringList out;
    for (const auto& [head, lines] : races)
        out << head + QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
    return out;
}

QString RaceView::subjectNote(const QString& kind, const QString& id, std::size_t shown, std::optional<Nanos> upTo) const {
    return grouped({{kind, id}}, shown, upTo).join(QLatin1Char('\n'));
}

QVariantList RaceView::marks() const {
    // One mark per (instant, what raced), listing what it decides.
    struct Mark {
        Nanos t;
        QString what;
        QStringList decides;
    };
    std::vector<Mark> marks;
    for (const Fact& f : m_facts) {
        const QString what = between(*f.fact);
        auto it = std::find_if(marks.begin(), marks.end(), [&](const Mark& m) { return m.t == f.fact->at && m.what == what; });
        if (it == marks.end())
            it = marks.insert(marks.end(), Mark{f.fact->at, what, {}});
        const QString name = f.kind == QLatin1String("run") ? fieldName(f.kind, f.field)
                                                            : f.id + QStringLiteral("'s ") + fieldName(f.kind, f.field);
        if (!it->decides.contains(name))
            it->decides << name;
    }
    std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.t < b.t; });
    QVariantList out;
    for (const Mark& m : marks)
        out << QVariantMap{{QStringLiteral("t"), static_cast<double>(m.t)},
                           {QStringLiteral("text"), QStringLiteral("\u2684 race at %1%2; it decides %3")
                                                        .arg(durationText(m.t),
                                                             m.what.isEmpty() ? QString() : QStringLiteral(": ") + m.what,
                                                             m.decides.join(QStringLiteral(", ")))}};
    return out;
}

QString RaceView::outcomeText(std::size_t shown) const {
    return QStringLiteral("outcome %1 of %2").arg(shown + 1).arg(outcomeCount());
}

QString RaceView::outcomeDetail(std::size_t shown) const {
    if (!raced() || shown >= m_races->outcomes.size())
        return {};
    const RaceOutcome& o = m_races->outcomes[shown];
    QString text;
    if (o.choices.empty()) {
        text = QStringLiteral("Outcome 1 is the documented order (what the simulator shows by default).");
    } else {
        QStringList steps;
        for (const RaceChoice& c : o.choices)
            steps << QStringLiteral("at %1, %2 before %3")
                         .arg(durationText(c.t), QString::fromStdString(c.chosen), QString::fromStdString(c.documented));
        text = QStringLiteral("Outcome %1: %2.").arg(shown + 1).arg(steps.join(QStringLiteral("; ")));
    }
    text += QStringLiteral(" Real Go can produce each of the %1 outcomes; \u2684 marks what differs between them"
                           " (ctxscope-cli run --outcome %2 writes this one).")
                .arg(outcomeCount())
                .arg(shown);
    if (const QString s = status(); !s.isEmpty())
        text += QLatin1Char(' ') + s;
    return text;
}

QString RaceView::status() const {
    if (!m_races || m_races->complete)
        return {};
    return QStringLiteral("The search for other orders %1: Go may produce outcomes not shown here.")
        .arg(QString::fromStdString(m_races->incomplete));
}

} // namespace ctxscope
