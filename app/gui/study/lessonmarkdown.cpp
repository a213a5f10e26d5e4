#include "lessonmarkdown.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace ctxscope {

QString lessonHtml(const QString& markdown) {
    QTextDocument doc;
    doc.setMarkdown(markdown);
    // A code block is one QTextBlock a line, each marked non-breakable.
    const auto isCode = [](const QTextBlock& b) { return b.isValid() && b.blockFormat().nonBreakableLines(); };
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        QTextBlockFormat format = block.blockFormat();
        QTextCursor cursor(block);
        const int level = format.headingLevel();
        // The space under a paragraph goes under a code block's last line only: under every
        // line, the code read double-spaced.
        const bool codeInside = isCode(block) && isCode(block.next());
        if (format.nonBreakableLines() || level > 0) {
            format.setNonBreakableLines(false);
            if (level > 0) {
                format.setTopMargin(level <= 2 ? 14 : 10);
                format.setBottomMargin(4);
            }
            cursor.setBlockFormat(format);
        }
        if (level > 0) {
            // h1/h2 a step above the body text, h3 and below at body size (bold stays).
            QTextCharFormat chars;
            chars.setProperty(QTextFormat::FontSizeAdjustment, level <= 1 ? 2 : level == 2 ? 1 : 0);
            cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(chars);
        } else if (!block.textList()) {
            format.setBottomMargin(codeInside ? 0 : 6);
            cursor.setBlockFormat(format);
        }
    }
    return doc.toHtml();
}

} // namespace ctxscope
