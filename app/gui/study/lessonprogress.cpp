#include "lessonprogress.h"

namespace ctxscope {
namespace {

const QString kGroup = QStringLiteral("progress");
const QString kSuffix = QStringLiteral(".ctxscope.json");

} // namespace

LessonProgress::LessonProgress(QObject* parent) : QObject(parent), m_settings(std::make_unique<QSettings>()) {}

void LessonProgress::setSettingsFile(const QString& path) {
    m_settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
    touched();
}

QString LessonProgress::keyOf(const QString& lesson) {
    QString base = lesson;
    if (base.endsWith(kSuffix))
        base.chop(kSuffix.size());
    return base;
}

void LessonProgress::setDocument(Document* doc) {
    if (doc == m_doc)
        return;
    if (m_doc)
        disconnect(m_doc, nullptr, this, nullptr);
    m_doc = doc;
    if (m_doc)
        connect(m_doc, &Document::fileChanged, this, &LessonProgress::onFileChanged);
    Q_EMIT documentChanged();
}

void LessonProgress::setLibrary(LessonLibrary* library) {
    if (library == m_library)
        return;
    if (m_library)
        disconnect(m_library, nullptr, this, nullptr);
    m_library = library;
    if (m_library)
        connect(m_library, &LessonLibrary::currentChanged, this, &LessonProgress::followLibrary);
    followLibrary();
    Q_EMIT libraryChanged();
}

void LessonProgress::followLibrary() {
    const int row = m_library ? m_library->currentRow() : -1;
    if (row < 0 || (m_doc && !m_doc->filePath().isEmpty())) {
        setCurrent(QString());
        return;
    }
    setCurrent(keyOf(m_library->data(m_library->index(row), LessonLibrary::FileNameRole).toString()));
    markRead();
}

void LessonProgress::onFileChanged() {
    // A file replaced the lesson (or the lesson was saved as a file): it is no lesson any more.
    if (m_doc && !m_doc->filePath().isEmpty())
        setCurrent(QString());
}

void LessonProgress::setCurrent(const QString& lesson) {
    if (lesson == m_current)
        return;
    m_current = lesson;
    Q_EMIT currentLessonChanged();
}

void LessonProgress::touched() {
    m_settings->sync();
    ++m_revision;
    Q_EMIT progressChanged();
}

QVariantMap LessonProgress::of(const QString& lesson) const {
    const QString g = kGroup + QLatin1Char('/') + keyOf(lesson) + QLatin1Char('/');
    const int right = m_settings->value(g + QStringLiteral("bestRight"), -1).toInt();
    const int total = m_settings->value(g + QStringLiteral("bestTotal"), 0).toInt();
    return {{QStringLiteral("read"), m_settings->value(g + QStringLiteral("read"), false).toBool()},
            {QStringLiteral("solved"), m_settings->value(g + QStringLiteral("solved"), QString()).toString()},
            {QStringLiteral("best"), right >= 0 ? QStringLiteral("%1/%2").arg(right).arg(total) : QString()},
            {QStringLiteral("bestRight"), right},
            {QStringLiteral("bestTotal"), total}};
}

void LessonProgress::markRead() {
    if (m_current.isEmpty())
        return;
    const QString key = kGroup + QLatin1Char('/') + m_current + QStringLiteral("/read");
    if (m_settings->value(key, false).toBool())
        return;
    m_settings->setValue(key, true);
    touched();
}

void LessonProgress::markSolved(bool bySolution) {
    if (m_current.isEmpty())
        return;
    const QString key = kGroup + QLatin1Char('/') + m_current + QStringLiteral("/solved");
    const QString was = m_settings->value(key, QString()).toString();
    const QString now = bySolution ? QStringLiteral("solution") : QStringLiteral("solved");
    if (was == QStringLiteral("solved") || was == now)
        return; // solved on one's own stays so
    m_settings->setValue(key, now);
    touched();
}

void LessonProgress::recordScore(int right, int total) {
    if (m_current.isEmpty() || total <= 0)
        return;
    const QString g = kGroup + QLatin1Char('/') + m_current + QLatin1Char('/');
    const int bestRight = m_settings->value(g + QStringLiteral("bestRight"), -1).toInt();
    const int bestTotal = m_settings->value(g + QStringLiteral("bestTotal"), 0).toInt();
    // Best as a fraction (the questions can change if the lesson does).
    if (bestRight >= 0 && static_cast<long long>(right) * bestTotal <= static_cast<long long>(bestRight) * total)
        return;
    m_settings->setValue(g + QStringLiteral("bestRight"), right);
    m_settings->setValue(g + QStringLiteral("bestTotal"), total);
    touched();
}

void LessonProgress::reset() {
    m_settings->remove(kGroup);
    touched();
}

int LessonProgress::readCount() const {
    m_settings->beginGroup(kGroup);
    int n = 0;
    for (const QString& lesson : m_settings->childGroups())
        n += m_settings->value(lesson + QStringLiteral("/read"), false).toBool() ? 1 : 0;
    m_settings->endGroup();
    return n;
}

int LessonProgress::solvedCount() const {
    m_settings->beginGroup(kGroup);
    int n = 0;
    for (const QString& lesson : m_settings->childGroups())
        n += m_settings->value(lesson + QStringLiteral("/solved"), QString()).toString() == QStringLiteral("solved") ? 1 : 0;
    m_settings->endGroup();
    return n;
}

} // namespace ctxscope
