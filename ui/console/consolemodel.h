#pragma once

#include "log/recordring.h"
#include "log/sessionlog.h"
#include "theme.h"

#include <QAbstractListModel>
#include <QColor>

// The console's scrollback: the newest `capacity` log records within `byteBudget` bytes of text
// (oldest rows drop out first), kept as UTF-8 in a RecordRing (no allocation per row, however long
// the window stays open) and appended in batches so the view updates once per batch.
class ConsoleModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1, FailureRole, TimeRole, TextRole, CommandIdRole, MatchRole };

    explicit ConsoleModel(int capacity = 50000, QObject *parent = nullptr, qsizetype byteBudget = 16 * 1024 * 1024);

    int capacity() const { return m_capacity; }
    qsizetype byteBudget() const { return m_lines.maxBytes(); }
    qsizetype bytesHeld() const { return m_lines.textBytes(); }
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Rows can be dragged (onto the quick-send bar): as plain text (time, kind, text per line)
    // and as linesMimeType(), JSON [{"kind":"tx","text":"AT+GMR"}, ...].
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    static QString linesMimeType() { return QStringLiteral("application/x-atbench-console-lines"); }

    void appendRecords(const QList<atb::LogRecord> &records);
    // A line written by the UI itself (hints, decoded errors): kind Info or Error.
    void appendNote(const QString &text, bool problem = false);
    void clear();

    void setColours(const ThemeColours &colours);
    const ThemeColours &colours() const { return m_colours; }

    // Payload bytes (data phases, passthrough, +IPD/+CIPRECVDATA/+MQTTSUBRECV data) shown as hex.
    void setHexPayloads(bool on);
    bool hexPayloads() const { return m_hex; }
    // Rows whose text contains `term` (case-insensitive) get a highlight background.
    void setHighlight(const QString &term);
    QString highlight() const { return m_highlight; }
    void setHighlightColour(const QColor &c) { m_highlightColour = c; }

    // "[4 bytes] a\r\nb" -> "[4 bytes] 61 0d 0a 62"; +IPD/+MQTTSUBRECV: the part after the header.
    static QString hexForm(atb::LogRecord::Kind kind, const QString &text);

    // "TX", "RX", ... as shown in the kind column.
    static QString kindTag(atb::LogRecord::Kind kind);
    QString lineText(int row) const;
    QColor lineColour(int row) const;
    // Time, kind and text of the rows, one line each (for copying).
    QString plainText(const QModelIndexList &rows) const;

private:
    // Rows map to the ring's serials, so a row that has just dropped out of the ring (between
    // a batch's push and the rows-removed signal) is known as gone rather than shown wrong.
    bool holds(int row) const { return m_firstSerial + quint64(row) >= m_lines.firstSerial(); }
    qsizetype ringIndex(int row) const { return qsizetype(m_firstSerial + quint64(row) - m_lines.firstSerial()); }
    atb::LogRecord at(int row) const { return m_lines.at(ringIndex(row)); }
    atb::LogRecord header(int row) const { return m_lines.header(ringIndex(row)); } // no text

    int m_capacity;
    atb::RecordRing m_lines;
    quint64 m_firstSerial = 0; // the serial of row 0
    int m_count = 0;
    ThemeColours m_colours;
    bool m_hex = false;
    QString m_highlight;
    QColor m_highlightColour;
};
