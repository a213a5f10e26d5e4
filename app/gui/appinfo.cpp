#include "appinfo.h"

#include <QFile>
#include <QRegularExpression>
#include <QStringList>
#include <QtGlobal>

#ifndef CTXSCOPE_VERSION
#error "CTXSCOPE_VERSION must be defined (app/gui/CMakeLists.txt sets it from the project version)"
#endif

namespace ctxscope {

namespace {
QString readResource(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.readAll());
}
} // namespace

QString AppInfo::version() { return QStringLiteral(CTXSCOPE_VERSION); }
QString AppInfo::qtVersion() { return QString::fromLatin1(qVersion()); }
QString AppInfo::qtBuildVersion() { return QStringLiteral(QT_VERSION_STR); }

QString AppInfo::introduction() { return introductionOf(readResource(QStringLiteral(":/ctxscope/README.md"))); }
QString AppInfo::reference() { return readResource(QStringLiteral(":/ctxscope/resources/help/reference.md")); }
QString AppInfo::licence() { return readResource(QStringLiteral(":/ctxscope/resources/help/licence.md")).trimmed(); }

QString AppInfo::introductionOf(const QString& readme) {
    static const QRegularExpression picture(QStringLiteral("^\\s*!\\[[^\\]]*\\]\\([^)]*\\)\\s*$"));
    static const QRegularExpression ownLink(QStringLiteral("\\[([^\\]]+)\\]\\(#[^)]*\\)"));
    QStringList kept;
    bool titleSeen = false;
    for (const QString& line : readme.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("## ")))
            break;
        if (!titleSeen && line.startsWith(QStringLiteral("# "))) {
            titleSeen = true;
            continue;
        }
        if (picture.match(line).hasMatch())
            continue;
        QString text = line;
        text.replace(ownLink, QStringLiteral("\\1"));
        kept << text;
    }
    QString out = kept.join(QLatin1Char('\n')).trimmed();
    static const QRegularExpression blankRuns(QStringLiteral("\n{3,}"));
    out.replace(blankRuns, QStringLiteral("\n\n"));
    return out;
}

} // namespace ctxscope
