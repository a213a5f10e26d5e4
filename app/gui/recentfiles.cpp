#include "recentfiles.h"

#include "document.h"

#include <QFileInfo>
#include <QSettings>

namespace ctxscope {

RecentFiles::RecentFiles(QObject* parent) : QObject(parent) {
    m_files = QSettings().value(QStringLiteral("recentFiles")).toStringList();
}

void RecentFiles::add(const QString& pathOrUrl) {
    const QString path = QFileInfo(localPath(pathOrUrl)).absoluteFilePath();
    m_files.removeAll(path);
    m_files.prepend(path);
    while (m_files.size() > kMax)
        m_files.removeLast();
    store();
}

void RecentFiles::remove(const QString& path) {
    if (m_files.removeAll(path) > 0)
        store();
}

void RecentFiles::clear() {
    m_files.clear();
    store();
}

void RecentFiles::store() {
    QSettings().setValue(QStringLiteral("recentFiles"), m_files);
    Q_EMIT filesChanged();
}

} // namespace ctxscope
