#pragma once
// AppInfo: what the Help menu shows. The version is the CMake project version (compiled in as
// CTXSCOPE_VERSION), the Qt version the one running (qVersion()). The texts are resources, each
// kept in one place: "What is ctxscope" is the README's introduction (the README itself is
// compiled in, and the part before its first "## " heading is shown), the reference is
// resources/help/reference.md, the licence line is resources/help/licence.md.
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace ctxscope {

class AppInfo : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QString qtVersion READ qtVersion CONSTANT)           // the Qt library in use
    Q_PROPERTY(QString qtBuildVersion READ qtBuildVersion CONSTANT) // the Qt it was built against
    Q_PROPERTY(QString introduction READ introduction CONSTANT)     // Markdown
    Q_PROPERTY(QString reference READ reference CONSTANT)           // Markdown
    Q_PROPERTY(QString licence READ licence CONSTANT)               // Markdown

public:
    explicit AppInfo(QObject* parent = nullptr) : QObject(parent) {}

    static QString version();
    static QString qtVersion();
    static QString qtBuildVersion();
    static QString introduction();
    static QString reference();
    static QString licence();
    // introductionOf cuts a README down to what the dialog shows: the paragraphs after the
    // "# title" line and before the first "## " heading, without pictures, and with links to
    // the README's own headings turned into plain text (the dialog cannot follow them).
    static QString introductionOf(const QString& readme);
};

} // namespace ctxscope
