#pragma once
// FilePlaces: where the Open and Save dialogs start, and the little file-system questions the
// Save dialog (PathDialog) asks. The folder used last is kept in QSettings ("files/lastFolder")
// so the next dialog, even after a restart, starts there; before any, the documents folder.
#include <QObject>
#include <QString>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

class FilePlaces : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // The folder a file was last opened from or saved to ("" before the first).
    Q_PROPERTY(QString lastFolder READ lastFolder WRITE setLastFolder NOTIFY lastFolderChanged)
    // Where a dialog starts: lastFolder while it exists, else the documents folder, else home.
    Q_PROPERTY(QString startFolder READ startFolder NOTIFY lastFolderChanged)

public:
    explicit FilePlaces(QObject* parent = nullptr);

    QString lastFolder() const { return m_lastFolder; }
    void setLastFolder(const QString& folder);
    QString startFolder() const;

    // remember makes the folder of a file (a path or a file: URL) the last folder.
    Q_INVOKABLE void remember(const QString& filePathOrUrl);
    Q_INVOKABLE static QString documentsFolder();
    Q_INVOKABLE static QString folderOf(const QString& filePathOrUrl);
    Q_INVOKABLE static QString fileNameOf(const QString& filePathOrUrl);
    // folderUrl gives the file: URL of a local folder (or file), as FileDialog wants it.
    Q_INVOKABLE static QUrl folderUrl(const QString& folder);
    // join puts a typed name in a folder; an absolute name, or one starting with ~/, stands alone.
    Q_INVOKABLE static QString join(const QString& folder, const QString& name);
    Q_INVOKABLE static QString parentFolder(const QString& folder);
    Q_INVOKABLE static bool exists(const QString& path);
    Q_INVOKABLE static bool isFolder(const QString& path);
    // entries lists a folder for the dialog: subfolders first, then *.json files, each
    // {name, folder}, sorted by name, hidden ones left out.
    Q_INVOKABLE static QVariantList entries(const QString& folder);
    // suggestedFileName makes a file name from a document's title: "Fan-out workers" gives
    // "fan-out-workers.ctxscope.json"; an empty title gives "untitled.ctxscope.json".
    Q_INVOKABLE static QString suggestedFileName(const QString& title);

Q_SIGNALS:
    void lastFolderChanged();

private:
    QString m_lastFolder;
};

} // namespace ctxscope
