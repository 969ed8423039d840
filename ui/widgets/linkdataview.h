#pragma once

#include <QByteArray>
#include <QPlainTextEdit>

// Read-only view of the bytes a link received, as text (UTF-8; control characters shown as
// '·', CR LF as a line break) or as hex (16 bytes a line). Shows the newest bytes, between
// kShownBytes and twice that: appends go to the end of the document, and once it holds twice
// kShownBytes it is rendered again from the newest kShownBytes. So a link that keeps receiving
// costs the same per byte after an hour as after a minute (trimming the front of a
// QPlainTextEdit on every append, or rendering the whole 1 MiB the service keeps, does not);
// the whole received buffer stays in ConnectionService.
class LinkDataView : public QPlainTextEdit
{
    Q_OBJECT
public:
    static constexpr qsizetype kShownBytes = 64 * 1024;

    explicit LinkDataView(QWidget *parent = nullptr);

    bool isHex() const { return m_hex; }
    void setHex(bool hex);
    // Replaces the content (the newest kShownBytes of it are shown).
    void setBytes(const QByteArray &bytes);
    void appendBytes(const QByteArray &bytes);
    // The bytes shown (at most 2 * kShownBytes).
    QByteArray bytes() const { return m_bytes; }

    static QString renderText(const QByteArray &bytes);
    // "xx " per byte, a line break after every 16th; `column` = bytes already on the last line.
    static QString renderHex(const QByteArray &bytes, int column = 0);

private:
    QString render(const QByteArray &bytes, int column) const;

    QByteArray m_bytes;
    bool m_hex = false;
};
