#pragma once
// RecentFiles: the most recently opened or saved scenario files, newest first, kept in
// QSettings so they survive restarts.
#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

class RecentFiles : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QStringList files READ files NOTIFY filesChanged)

public:
    explicit RecentFiles(QObject* parent = nullptr);
    QStringList files() const { return m_files; }

    static constexpr int kMax = 10;
    // add puts path first (removing an older entry for it) and forgets beyond kMax.
    Q_INVOKABLE void add(const QString& pathOrUrl);
    Q_INVOKABLE void remove(const QString& path);
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void filesChanged();

private:
    void store();
    QStringList m_files;
};

} // namespace ctxscope
