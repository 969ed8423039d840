#pragma once

#include "protocol/atevent.h"

#include <QFile>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

namespace atb {

class RecordRing;

struct LogRecord
{
    enum class Kind { Tx, TxData, Rx, Final, Urc, Prompt, RxData, Info, Error };
    qint64 timeMs = 0; // ms since the epoch
    Kind kind = Kind::Info;
    QByteArray text;   // already redacted; payloads escaped (\r \n \xNN)
    quint64 commandId = 0;
    bool failure = false; // Final: failure/busy; Info: a problem worth colouring

    static QString kindName(Kind k);
};

// Millisecond-timestamped record of everything that crossed the link, bounded in memory,
// optionally streamed to a file (plain text or JSON Lines). Secrets are masked on the way in,
// so nothing downstream (view, export, stream) ever sees them. Thread-safe.
class SessionLog : public QObject
{
    Q_OBJECT
public:
    enum class Format { Text, JsonLines };
    Q_ENUM(Format)

    // At most `capacity` records and `byteBudget` bytes of text in memory (the oldest go first;
    // a longer text keeps its first byteBudget bytes); the stream file has everything. The memory
    // is two rings that grow while the log fills and then stay (RecordRing).
    explicit SessionLog(qsizetype capacity = 100000, QObject *parent = nullptr,
                        qsizetype byteBudget = 32 * 1024 * 1024);
    ~SessionLog() override;

    void append(LogRecord record);
    void appendTx(const QByteArray &line, quint64 commandId);
    void appendTxData(const QByteArray &commandLine, const QByteArray &payload, quint64 commandId);
    void appendEvent(const AtEvent &event, quint64 commandId);
    void appendInfo(const QString &text, bool problem = false);
    // Where record times come from (ms since the epoch); an empty function = the system clock.
    // A recording playing back sets the recorded time, so the log shows it as it was.
    void setClock(std::function<qint64()> nowMs);

    qsizetype capacity() const { return m_capacity; }
    qsizetype byteBudget() const { return m_byteBudget; }
    qsizetype bytesHeld() const;
    qsizetype size() const;
    QList<LogRecord> snapshot() const;
    void clear();

    bool startStreaming(const QString &path, Format format, QString *error = nullptr);
    void stopStreaming();
    bool isStreaming() const;
    bool exportTo(const QString &path, Format format, QString *error = nullptr) const;

    static QByteArray formatText(const LogRecord &r);
    static QByteArray formatJson(const LogRecord &r);
    // Printable form of raw bytes (ByteText::escape: text kept, \ CR LF TAB as \\ \r \n \t,
    // other bytes as \xNN); at most maxBytes of input are shown, then "… (N more bytes)".
    static QByteArray escapeBytes(QByteArrayView bytes, qsizetype maxBytes = 512);

signals:
    // Batched (about every 30 ms) so views update once per frame, not per line.
    void recordsAppended(const QList<atb::LogRecord> &records);

private:
    void flushBatch();

    qsizetype m_capacity;
    qsizetype m_byteBudget;
    mutable QMutex m_mutex;
    std::unique_ptr<RecordRing> m_records;
    QList<LogRecord> m_batch;
    QTimer m_batchTimer { this };
    QFile m_stream;
    std::function<qint64()> m_clock;
    Format m_streamFormat = Format::Text;
};

} // namespace atb

Q_DECLARE_METATYPE(atb::LogRecord)
