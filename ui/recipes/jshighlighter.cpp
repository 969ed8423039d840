#include "jshighlighter.h"

#include "recipes/recipeapinames.h"

#include <QPalette>

namespace {
// A colour between the text colour and `hue`, readable on the palette's base.
QColor tint(const QPalette &p, const QColor &hue)
{
    const bool dark = p.color(QPalette::Base).lightness() < 128;
    return dark ? hue.lighter(150) : hue.darker(120);
}
} // namespace

JsHighlighter::JsHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    setPalette(QPalette());
}

void JsHighlighter::setPalette(const QPalette &palette)
{
    m_rules.clear();
    QTextCharFormat keyword;
    keyword.setForeground(tint(palette, QColor(0x8b, 0x3d, 0xb5)));
    keyword.setFontWeight(QFont::Bold);
    QTextCharFormat api;
    api.setForeground(tint(palette, QColor(0x1f, 0x5f, 0xbf)));
    api.setFontWeight(QFont::DemiBold);
    QTextCharFormat number;
    number.setForeground(tint(palette, QColor(0xb3, 0x5c, 0x00)));
    QTextCharFormat regex;
    regex.setForeground(tint(palette, QColor(0xa0, 0x30, 0x30)));
    m_string.setForeground(tint(palette, QColor(0x2e, 0x7d, 0x32)));
    m_comment.setForeground(palette.color(QPalette::Disabled, QPalette::Text));
    m_comment.setFontItalic(true);
    m_tag = m_comment;
    m_tag.setForeground(tint(palette, QColor(0x00, 0x79, 0x6b)));
    m_tag.setFontWeight(QFont::Bold);

    const QString keywords = atb::recipeapi::javaScriptKeywords().join(QLatin1Char('|'));
    m_rules << Rule { QRegularExpression(QStringLiteral("\\b(?:%1)\\b").arg(keywords)), keyword };
    QStringList names = atb::recipeapi::globalFunctions() + atb::recipeapi::namespaces();
    m_rules << Rule { QRegularExpression(QStringLiteral("\\b(?:%1)\\b").arg(names.join(QLatin1Char('|')))), api };
    m_rules << Rule { QRegularExpression(QStringLiteral("\\b(?:0[xX][0-9a-fA-F]+|\\d+(?:\\.\\d+)?)\\b")), number };
    // A regular expression literal: after ( , = : [ ! & | ? { } ; or at the start.
    m_rules << Rule { QRegularExpression(QStringLiteral("(?:^|(?<=[(,=:\\[!&|?{};]))\\s*/(?![/*])(?:\\\\.|[^/\\\\\\n])+/[gimsuy]*")),
                      regex };
    rehighlight();
}

void JsHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &r : std::as_const(m_rules)) {
        QRegularExpressionMatchIterator it = r.pattern.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            setFormat(int(m.capturedStart()), int(m.capturedLength()), r.format);
        }
    }
    // Strings and comments last, scanning left to right so quotes inside comments (and
    // comment marks inside strings) are what they are. State 1: inside /* */ from an earlier line.
    int i = 0;
    const int n = int(text.size());
    if (previousBlockState() == 1) {
        const int end = int(text.indexOf(QLatin1String("*/")));
        if (end < 0) {
            setFormat(0, n, m_comment);
            setCurrentBlockState(1);
            return;
        }
        setFormat(0, end + 2, m_comment);
        i = end + 2;
    }
    setCurrentBlockState(0);
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('/') && i + 1 < n && text.at(i + 1) == QLatin1Char('/')) {
            setFormat(i, n - i, m_comment);
            static const QRegularExpression tag(QStringLiteral("@(?:recipe|summary|timeout|param)\\b"));
            const QRegularExpressionMatch m = tag.match(text, i);
            if (m.hasMatch())
                setFormat(int(m.capturedStart()), int(m.capturedLength()), m_tag);
            return;
        }
        if (c == QLatin1Char('/') && i + 1 < n && text.at(i + 1) == QLatin1Char('*')) {
            const int end = int(text.indexOf(QLatin1String("*/"), i + 2));
            if (end < 0) {
                setFormat(i, n - i, m_comment);
                setCurrentBlockState(1);
                return;
            }
            setFormat(i, end + 2 - i, m_comment);
            i = end + 2;
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('`')) {
            int j = i + 1;
            while (j < n && text.at(j) != c)
                j += text.at(j) == QLatin1Char('\\') ? 2 : 1;
            setFormat(i, std::min(j + 1, n) - i, m_string);
            i = j + 1;
            continue;
        }
        ++i;
    }
}
