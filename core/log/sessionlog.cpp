#include "sessionlog.h"

#include "recordring.h"
#include "redactor.h"
#include "protocol/bytetext.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>

namespace atb {

QString LogRecord::kindName(Kind k)
{
    switch (k) {
    case Kind::Tx: return QStringLiteral("tx");
    case Kind::TxData: return QStringLiteral("tx-data");
    case Kind::Rx: return QStringLiteral("rx");
    case Kind::Final: return QStringLiteral("final");
    case Kind::Urc: return QStringLiteral("urc");
    case Kind::Prompt: return QStringLiteral("prompt");
    case Kind::RxData: return QStringLiteral("rx-data");
    case Kind::Info: return QStringLiteral("info");
    case Kind::Error: return QStringLiteral("error");
    }
    return {};
}

SessionLog::SessionLog(qsizetype capacity, QObject *parent, qsizetype byteBudget)
    : QObject(parent), m_capacity(qMax<qsizetype>(16, capacity)), m_byteBudget(qMax<qsizetype>(4096, byteBudget)),
      m_records(std::make_unique<RecordRing>(m_capacity, m_byteBudget))
{
    qRegisterMetaType<atb::LogRecord>();
    qRegisterMetaType<QList<atb::LogRecord>>();
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(30);
    connect(&m_batchTimer, &QTimer::timeout, this, &SessionLog::flushBatch);
}

SessionLog::~SessionLog()
{
    stopStreaming();
}

QByteArray SessionLog::escapeBytes(QByteArrayView bytes, qsizetype maxBytes)
{
    const qsizetype n = qMin(bytes.size(), maxBytes);
    QByteArray out = ByteText::escape(bytes.first(n));
    if (bytes.size() > n)
        out += QByteArray("… (") + QByteArray::number(bytes.size() - n) + " more bytes)";
    return out;
}

void SessionLog::setClock(std::function<qint64()> nowMs)
{
    QMutexLocker lock(&m_mutex);
    m_clock = std::move(nowMs);
}

void SessionLog::append(LogRecord r)
{
    QMutexLocker lock(&m_mutex);
    if (r.timeMs == 0)
        r.timeMs = m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
    if (m_stream.isOpen()) {
        m_stream.write(m_streamFormat == Format::Text ? formatText(r) : formatJson(r));
        m_stream.flush();
    }
    m_records->push(r);
    m_batch.append(std::move(r));
    lock.unlock();
    if (!m_batchTimer.isActive())
        QMetaObject::invokeMethod(&m_batchTimer, qOverload<>(&QTimer::start), Qt::AutoConnection);
}

void SessionLog::appendTx(const QByteArray &line, quint64 commandId)
{
    LogRecord r;
    r.kind = LogRecord::Kind::Tx;
    r.text = escapeBytes(Redactor::maskLine(line), 4096);
    r.commandId = commandId;
    append(std::move(r));
}

void SessionLog::appendTxData(const QByteArray &commandLine, const QByteArray &payload, quint64 commandId)
{
    LogRecord r;
    r.kind = LogRecord::Kind::TxData;
    r.text = Redactor::payloadIsSecret(commandLine)
        ? QByteArray("[") + QByteArray::number(payload.size()) + " secret bytes masked]"
        : QByteArray("[") + QByteArray::number(payload.size()) + " bytes] " + escapeBytes(payload);
    r.commandId = commandId;
    append(std::move(r));
}

void SessionLog::appendEvent(const AtEvent &e, quint64 commandId)
{
    LogRecord r;
    r.commandId = commandId;
    switch (e.kind) {
    case AtEvent::Kind::Line:
        r.kind = LogRecord::Kind::Rx;
        r.text = escapeBytes(Redactor::maskLine(e.text), 4096);
        break;
    case AtEvent::Kind::Final:
        r.kind = LogRecord::Kind::Final;
        r.failure = !e.isSuccess();
        r.text = e.text;
        for (quint32 c : e.errCodes)
            r.text += QByteArray(" [ERR CODE:0x") + QByteArray::number(c, 16).rightJustified(8, '0') + ']';
        break;
    case AtEvent::Kind::Prompt:
        r.kind = LogRecord::Kind::Prompt;
        r.text = ">";
        break;
    case AtEvent::Kind::Urc:
        r.kind = LogRecord::Kind::Urc;
        if (e.length >= 0 && !e.payload.isNull()) {
            r.text = escapeBytes(e.text, 256) + escapeBytes(e.payload);
        } else {
            r.text = escapeBytes(Redactor::maskLine(e.text), 4096);
        }
        break;
    case AtEvent::Kind::Data:
        r.kind = LogRecord::Kind::RxData;
        r.text = escapeBytes(e.text, 256) + escapeBytes(e.payload);
        break;
    case AtEvent::Kind::Raw:
        r.kind = LogRecord::Kind::RxData;
        r.text = QByteArray("[") + QByteArray::number(e.payload.size()) + " bytes] " + escapeBytes(e.payload, 256);
        break;
    case AtEvent::Kind::Error:
        r.kind = LogRecord::Kind::Error;
        r.failure = true;
        r.text = e.text;
        if (!e.payload.isEmpty())
            r.text += ": " + escapeBytes(e.payload, 64);
        break;
    }
    append(std::move(r));
}

void SessionLog::appendInfo(const QString &text, bool problem)
{
    LogRecord r;
    r.kind = problem ? LogRecord::Kind::Error : LogRecord::Kind::Info;
    r.failure = problem;
    r.text = Redactor::maskLine(text.toUtf8());
    append(std::move(r));
}

qsizetype SessionLog::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_records->size();
}

QList<LogRecord> SessionLog::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    QList<LogRecord> records;
    records.reserve(m_records->size());
    for (qsizetype i = 0; i < m_records->size(); ++i)
        records.append(m_records->at(i));
    return records;
}

void SessionLog::clear()
{
    QMutexLocker lock(&m_mutex);
    m_records->clear();
}

qsizetype SessionLog::bytesHeld() const
{
    QMutexLocker lock(&m_mutex);
    return m_records->textBytes();
}

void SessionLog::flushBatch()
{
    QList<LogRecord> batch;
    {
        QMutexLocker lock(&m_mutex);
        batch.swap(m_batch);
    }
    if (!batch.isEmpty())
        emit recordsAppended(batch);
}

QByteArray SessionLog::formatText(const LogRecord &r)
{
    QByteArray kind = LogRecord::kindName(r.kind).toLatin1().toUpper();
    kind = kind.leftJustified(8, ' ');
    return QDateTime::fromMSecsSinceEpoch(r.timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")).toLatin1()
        + ' ' + kind + r.text + '\n';
}

QByteArray SessionLog::formatJson(const LogRecord &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("t"), QDateTime::fromMSecsSinceEpoch(r.timeMs, Qt::UTC).toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("kind"), LogRecord::kindName(r.kind));
    o.insert(QStringLiteral("text"), QString::fromUtf8(r.text));
    if (r.commandId)
        o.insert(QStringLiteral("cmd"), qint64(r.commandId));
    if (r.failure)
        o.insert(QStringLiteral("failure"), true);
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

bool SessionLog::startStreaming(const QString &path, Format format, QString *error)
{
    QMutexLocker lock(&m_mutex);
    if (m_stream.isOpen())
        m_stream.close();
    m_stream.setFileName(path);
    if (!m_stream.open(QIODevice::WriteOnly | QIODevice::Append)) {
        if (error)
            *error = m_stream.errorString();
        return false;
    }
    m_streamFormat = format;
    return true;
}

void SessionLog::stopStreaming()
{
    QMutexLocker lock(&m_mutex);
    if (m_stream.isOpen())
        m_stream.close();
}

bool SessionLog::isStreaming() const
{
    QMutexLocker lock(&m_mutex);
    return m_stream.isOpen();
}

bool SessionLog::exportTo(const QString &path, Format format, QString *error) const
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = f.errorString();
        return false;
    }
    const QList<LogRecord> records = snapshot();
    for (const LogRecord &r : records)
        f.write(format == Format::Text ? formatText(r) : formatJson(r));
    if (!f.flush()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace atb
