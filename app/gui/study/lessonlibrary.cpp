#include "lessonlibrary.h"

#include "ctxscope/formats/scenario_io.h"
#include "lessonmarkdown.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace ctxscope {
namespace {

const QString kSuffix = QStringLiteral(".ctxscope.json");
const QString kOtherTopic = QStringLiteral("More lessons");

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

LessonLibrary::LessonLibrary(QObject* parent) : QAbstractListModel(parent) { load(); }

void LessonLibrary::setDirectory(const QString& dir) {
    if (dir == m_dir)
        return;
    m_dir = dir;
    load();
    Q_EMIT directoryChanged();
}

void LessonLibrary::load() {
    beginResetModel();
    m_lessons.clear();
    m_current = -1;
    // Topic order and membership from index.json; lessons it does not name come last.
    QStringList topicOrder;
    QHash<QString, std::pair<int, int>> place; // base name -> (topic rank, position)
    QHash<QString, QString> topicOf;
    const QJsonObject index = QJsonDocument::fromJson(readAll(m_dir + QStringLiteral("/index.json"))).object();
    for (const QJsonValue& t : index.value(QStringLiteral("topics")).toArray()) {
        const QString topic = t.toObject().value(QStringLiteral("topic")).toString();
        const QJsonArray names = t.toObject().value(QStringLiteral("lessons")).toArray();
        for (int i = 0; i < names.size(); ++i) {
            place.insert(names[i].toString(), {static_cast<int>(topicOrder.size()), i});
            topicOf.insert(names[i].toString(), topic);
        }
        topicOrder << topic;
    }
    const QStringList files = QDir(m_dir).entryList({QStringLiteral("*") + kSuffix}, QDir::Files, QDir::Name);
    std::vector<std::pair<std::pair<int, int>, Lesson>> found;
    for (const QString& file : files) {
        const QJsonObject o = QJsonDocument::fromJson(readAll(m_dir + QLatin1Char('/') + file)).object();
        if (o.isEmpty())
            continue; // not a readable lesson: leave it out rather than show a broken row
        Lesson l;
        l.fileName = file;
        l.path = m_dir + QLatin1Char('/') + file;
        const QString base = file.left(file.size() - kSuffix.size());
        l.number = base.section(QLatin1Char('-'), 0, 0);
        l.title = o.value(QStringLiteral("name")).toString(base);
        l.description = o.value(QStringLiteral("description")).toString();
        l.exercise = !o.value(QStringLiteral("expect")).toArray().isEmpty();
        l.hasExercise = o.value(QStringLiteral("exercise")).isObject();
        l.topic = topicOf.value(base, kOtherTopic);
        found.emplace_back(place.value(base, {static_cast<int>(topicOrder.size()), 0}), l);
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [key, lesson] : found)
        m_lessons.push_back(std::move(lesson));
    endResetModel();
    Q_EMIT currentChanged();
}

QStringList LessonLibrary::topics() const {
    QStringList out;
    for (const Lesson& l : m_lessons)
        if (out.isEmpty() || out.last() != l.topic)
            out << l.topic;
    return out;
}

int LessonLibrary::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_lessons.size());
}

QVariant LessonLibrary::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Lesson& l = m_lessons[static_cast<std::size_t>(index.row())];
    switch (role) {
    case FileNameRole: return l.fileName;
    case NumberRole: return l.number;
    case Qt::DisplayRole:
    case TitleRole: return l.title;
    case TopicRole: return l.topic;
    case DescriptionRole: return l.description;
    case PathRole: return l.path;
    case IsExerciseRole: return l.exercise;
    case HasExerciseRole: return l.hasExercise;
    default: return {};
    }
}

QHash<int, QByteArray> LessonLibrary::roleNames() const {
    return {{FileNameRole, "fileName"}, {NumberRole, "number"},   {TitleRole, "title"},
            {TopicRole, "topic"},       {DescriptionRole, "description"}, {PathRole, "path"},
            {IsExerciseRole, "isExercise"}, {HasExerciseRole, "hasExercise"}};
}

QString LessonLibrary::open(int row, Document* document) {
    if (!document)
        return QStringLiteral("no document to open the lesson in");
    if (row < 0 || row >= rowCount())
        return QStringLiteral("there is no lesson %1").arg(row);
    const Lesson& l = m_lessons[static_cast<std::size_t>(row)];
    const QByteArray text = readAll(l.path);
    const LoadResult r = parseScenario(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    if (!r.scenario) {
        const std::string first = r.problems.empty() ? "could not be read" : formatProblem(l.fileName.toStdString(), r.problems.front());
        return QString::fromStdString(first);
    }
    document->setScenario(*r.scenario, QString());
    document->setUntitledName(l.title); // "untitled" would say nothing about what is open
    m_current = row;
    Q_EMIT currentChanged();
    return {};
}

int LessonLibrary::rowOf(const QString& name) const {
    for (std::size_t i = 0; i < m_lessons.size(); ++i) {
        const Lesson& l = m_lessons[i];
        if (l.fileName == name || l.number == name || l.fileName == name + kSuffix)
            return static_cast<int>(i);
    }
    return -1;
}

bool LessonLibrary::takeFirstStart(QSettings& settings) {
    const QString key = QStringLiteral("study/firstStartDone");
    if (settings.value(key, false).toBool())
        return false;
    settings.setValue(key, true);
    settings.sync();
    return true;
}

bool LessonLibrary::takeFirstStart() {
    QSettings settings;
    return takeFirstStart(settings);
}

QString LessonLibrary::descriptionOf(Document* document) const {
    return document ? QString::fromStdString(document->scenario().description) : QString();
}

} // namespace ctxscope

namespace ctxscope {

QString LessonLibrary::html(const QString& markdown) const { return lessonHtml(markdown); }

} // namespace ctxscope
