#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

// Syntax colours for recipe scripts: JavaScript keywords, the recipe API's names, strings and
// template literals, numbers, regular expression literals, comments (// and /* */) and the
// header's @tags. Colours come from the palette, so dark themes stay readable.
class JsHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit JsHighlighter(QTextDocument *document);
    // Recolours after a palette change.
    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule
    {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    QList<Rule> m_rules;
    QTextCharFormat m_comment, m_string, m_tag;
};
