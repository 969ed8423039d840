#pragma once

#include <QByteArray>
#include <QPlainTextEdit>

// Read-only view of the bytes a link received, as text (UTF-8; control characters shown as
// '·', CR LF as a line break) or as hex. Appends cheaply; the caller bounds the data.
class LinkDataView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit LinkDataView(QWidget *parent = nullptr);

    bool isHex() const { return m_hex; }
    void setHex(bool hex);
    // Replaces the content.
    void setBytes(const QByteArray &bytes);
    void appendBytes(const QByteArray &bytes);
    QByteArray bytes() const { return m_bytes; }

    static QString renderText(const QByteArray &bytes);
    static QString renderHex(const QByteArray &bytes);

private:
    QString render(const QByteArray &bytes) const;

    QByteArray m_bytes;
    bool m_hex = false;
};
