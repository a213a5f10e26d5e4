#include "fileplaces.h"

#include "document.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QVariantMap>

namespace ctxscope {

namespace {
const QString kLastFolderKey = QStringLiteral("files/lastFolder");
}

FilePlaces::FilePlaces(QObject* parent) : QObject(parent) {
    m_lastFolder = QSettings().value(kLastFolderKey).toString();
}

void FilePlaces::setLastFolder(const QString& folder) {
    const QString clean = folder.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(localPath(folder)).absoluteFilePath());
    if (clean == m_lastFolder)
        return;
    m_lastFolder = clean;
    QSettings().setValue(kLastFolderKey, m_lastFolder);
    Q_EMIT lastFolderChanged();
}

QString FilePlaces::startFolder() const {
    if (!m_lastFolder.isEmpty() && QFileInfo(m_lastFolder).isDir())
        return m_lastFolder;
    return documentsFolder();
}

void FilePlaces::remember(const QString& filePathOrUrl) {
    const QString folder = folderOf(filePathOrUrl);
    if (!folder.isEmpty())
        setLastFolder(folder);
}

QString FilePlaces::documentsFolder() {
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!docs.isEmpty() && QFileInfo(docs).isDir())
        return QDir::cleanPath(docs);
    return QDir::homePath();
}

QString FilePlaces::folderOf(const QString& filePathOrUrl) {
    const QString path = localPath(filePathOrUrl);
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')) || path.startsWith(QLatin1String("qrc:")))
        return {};   // a built-in resource (a lesson) has no folder to go back to
    return QDir::cleanPath(QFileInfo(path).absolutePath());
}

QString FilePlaces::fileNameOf(const QString& filePathOrUrl) {
    return QFileInfo(localPath(filePathOrUrl)).fileName();
}

QUrl FilePlaces::folderUrl(const QString& folder) {
    return QUrl::fromLocalFile(localPath(folder));
}

QString FilePlaces::join(const QString& folder, const QString& name) {
    const QString n = name.trimmed();
    if (n.isEmpty())
        return QDir::cleanPath(QFileInfo(localPath(folder)).absoluteFilePath());
    if (n == QStringLiteral("~"))
        return QDir::homePath();
    if (n.startsWith(QStringLiteral("~/")))
        return QDir::cleanPath(QDir::homePath() + n.mid(1));
    if (QDir::isAbsolutePath(n))
        return QDir::cleanPath(n);
    return QDir::cleanPath(QDir(localPath(folder)).absoluteFilePath(n));
}

QString FilePlaces::parentFolder(const QString& folder) {
    QDir dir(localPath(folder));
    return dir.cdUp() ? QDir::cleanPath(dir.absolutePath()) : QDir::cleanPath(localPath(folder));
}

bool FilePlaces::exists(const QString& path) { return QFileInfo::exists(localPath(path)); }

bool FilePlaces::isFolder(const QString& path) { return QFileInfo(localPath(path)).isDir(); }

QVariantList FilePlaces::entries(const QString& folder) {
    QVariantList list;
    const QDir dir(localPath(folder));
    if (!dir.exists())
        return list;
    const auto sort = QDir::Name | QDir::IgnoreCase;
    for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, sort))
        list.append(QVariantMap{{QStringLiteral("name"), name}, {QStringLiteral("folder"), true}});
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, sort))
        list.append(QVariantMap{{QStringLiteral("name"), name}, {QStringLiteral("folder"), false}});
    return list;
}

QString FilePlaces::suggestedFileName(const QString& title) {
    QString base = title.trimmed().toLower();
    if (base.endsWith(QStringLiteral(".ctxscope.json")))
        base.chop(14);
    else if (base.endsWith(QStringLiteral(".json")))
        base.chop(5);
    static const QRegularExpression unsafe(QStringLiteral("[^a-z0-9._-]+"));
    base.replace(unsafe, QStringLiteral("-"));
    while (base.startsWith(QLatin1Char('-')) || base.startsWith(QLatin1Char('.')))
        base.remove(0, 1);
    while (base.endsWith(QLatin1Char('-')) || base.endsWith(QLatin1Char('.')))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("untitled");
    return base + QStringLiteral(".ctxscope.json");
}

} // namespace ctxscope
