#pragma once
// lessonHtml: a lesson's Markdown as rich text for a narrow side panel. Qt's Markdown import
// keeps code blocks on unbreakable lines (they run off a 400 px panel) and sizes headings for
// a document page; this lets code wrap and steps the headings down, so the text reads beside
// the tree. Colours are left to the view's palette.
#include <QString>

namespace ctxscope {

QString lessonHtml(const QString& markdown);

} // namespace ctxscope
