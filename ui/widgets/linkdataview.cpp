#include "linkdataview.h"

#include <QFontDatabase>
#include <QScrollBar>
#include <QTextCursor>

LinkDataView::LinkDataView(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAnywhere);
}

void LinkDataView::setHex(bool hex)
{
    if (hex == m_hex)
        return;
    m_hex = hex;
    setBytes(QByteArray(m_bytes));
}

void LinkDataView::setBytes(const QByteArray &bytes)
{
    m_bytes = bytes.right(kShownBytes);
    setPlainText(render(m_bytes, 0));
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void LinkDataView::appendBytes(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    if (m_bytes.size() + bytes.size() > 2 * kShownBytes) {
        setBytes(m_bytes + bytes); // once per kShownBytes received: the cost per byte stays flat
        return;
    }
    QScrollBar *sb = verticalScrollBar();
    const bool atBottom = sb->value() >= sb->maximum();
    const QString text = render(bytes, int(m_bytes.size() % 16));
    m_bytes += bytes;
    QTextCursor c(document());
    c.movePosition(QTextCursor::End);
    c.insertText(text);
    if (atBottom)
        sb->setValue(sb->maximum());
}

QString LinkDataView::render(const QByteArray &bytes, int column) const
{
    return m_hex ? renderHex(bytes, column) : renderText(bytes);
}

QString LinkDataView::renderText(const QByteArray &bytes)
{
    QString s = QString::fromUtf8(bytes);
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('\r')) {
            if (i + 1 < s.size() && s.at(i + 1) == QLatin1Char('\n'))
                continue; // CR LF -> one line break
            out += QLatin1Char('\n');
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\t')) {
            out += c;
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            out += QChar(0x00B7);
        } else {
            out += c;
        }
    }
    return out;
}

QString LinkDataView::renderHex(const QByteArray &bytes, int column)
{
    QString out;
    out.reserve(bytes.size() * 3);
    static const char digits[] = "0123456789abcdef";
    for (const char b : bytes) {
        out += QLatin1Char(digits[(uchar(b) >> 4) & 0xf]);
        out += QLatin1Char(digits[uchar(b) & 0xf]);
        if (++column == 16) {
            out += QLatin1Char('\n');
            column = 0;
        } else {
            out += QLatin1Char(' ');
        }
    }
    return out;
}
