#include "sessionrecorder.h"

#include "atbench_version.h"
#include "log/redactor.h"
#include "recordingformat.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace atb {

namespace {

constexpr qsizetype kModuleHoldMax = 4096; // a partial line longer than this is written as is

// The value a masked line hides: what stands between the common prefix and suffix.
QByteArray hiddenValue(const QByteArray &line, const QByteArray &masked)
{
    qsizetype a = 0;
    while (a < line.size() && a < masked.size() && line[a] == masked[a])
        ++a;
    qsizetype b = 0;
    while (b < line.size() - a && b < masked.size() - a && line[line.size() - 1 - b] == masked[masked.size() - 1 - b])
        ++b;
    QByteArray v = line.mid(a, line.size() - a - b);
    if (v.startsWith('"'))
        v.remove(0, 1);
    if (v.endsWith('"'))
        v.chop(1);
    return v;
}

QByteArray chopEol(const QByteArray &b, QByteArray *eol)
{
    qsizetype n = b.size();
    while (n > 0 && (b[n - 1] == '\n' || b[n - 1] == '\r'))
        --n;
    *eol = b.mid(n);
    return b.left(n);
}

} // namespace

SessionRecorder::SessionRecorder() : SessionRecorder(Options()) { }

SessionRecorder::SessionRecorder(const Options &options) : m_options(options)
{
    if (m_options.maxParts < 1)
        m_options.maxParts = 1;
    if (m_options.maxPartBytes < 4096)
        m_options.maxPartBytes = 4096;
    m_clock.start();
}

SessionRecorder::~SessionRecorder()
{
    close();
}

qint64 SessionRecorder::nowUs() const
{
    return m_options.clockUs ? m_options.clockUs() : m_clock.nsecsElapsed() / 1000;
}

QString SessionRecorder::statusName(int status)
{
    switch (AtResult::Status(status)) {
    case AtResult::Status::Ok: return QStringLiteral("ok");
    case AtResult::Status::Error: return QStringLiteral("error");
    case AtResult::Status::Busy: return QStringLiteral("busy");
    case AtResult::Status::Timeout: return QStringLiteral("timeout");
    case AtResult::Status::Cancelled: return QStringLiteral("cancelled");
    case AtResult::Status::Disconnected: return QStringLiteral("disconnected");
    case AtResult::Status::Refused: return QStringLiteral("refused");
    }
    return QStringLiteral("unknown");
}

bool SessionRecorder::open(const QString &path, const QJsonObject &context, QString *error)
{
    close();
    QMutexLocker lock(&m_mutex);
    m_path = path.endsWith(QLatin1String(".jsonl")) ? path : path + QStringLiteral(".jsonl");
    m_context = context;
    m_session = QString::number(QRandomGenerator::global()->generate64(), 16);
    m_startUs = nowUs();
    if (m_options.startedMs == 0)
        m_options.startedMs = QDateTime::currentMSecsSinceEpoch();
    m_rotated = false;
    m_secrets.clear();
    m_modulePending.clear();
    // Leftover parts of an earlier recording under the same name would be read as ours.
    for (int i = 2;; ++i) {
        const QString p = recording::partPath(m_path, i);
        if (!QFile::exists(p))
            break;
        QFile::remove(p);
    }
    return openPart(1, error);
}

bool SessionRecorder::openPart(int part, QString *error)
{
    if (m_file.isOpen())
        m_file.close();
    m_file.setFileName(recording::partPath(m_path, part));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = m_file.errorString();
        return false;
    }
    m_part = part;
    m_partBytes = 0;
    if (part > m_options.maxParts) {
        QFile::remove(recording::partPath(m_path, part - m_options.maxParts));
        m_rotated = true;
    }
    QJsonObject h = m_context;
    h.insert(QStringLiteral("format"), QLatin1String(recording::kFormat));
    h.insert(QStringLiteral("version"), recording::kVersion);
    h.insert(QStringLiteral("recorder"), QStringLiteral("atbench " ATBENCH_VERSION));
    h.insert(QStringLiteral("session"), m_session);
    h.insert(QStringLiteral("part"), part);
    h.insert(QStringLiteral("started"), QDateTime::fromMSecsSinceEpoch(m_options.startedMs, Qt::UTC).toString(Qt::ISODateWithMs));
    h.insert(QStringLiteral("part_t"), double(nowUs() - m_startUs));
    writeLine(QJsonDocument(h).toJson(QJsonDocument::Compact));
    return true;
}

void SessionRecorder::close()
{
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen())
        return;
    flushModule();
    m_file.close();
}

void SessionRecorder::flush()
{
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen())
        return;
    flushModule();
    m_file.flush();
}

bool SessionRecorder::isOpen() const
{
    QMutexLocker lock(&m_mutex);
    return m_file.isOpen();
}

QString SessionRecorder::path() const
{
    QMutexLocker lock(&m_mutex);
    return m_path;
}

QStringList SessionRecorder::parts() const
{
    QMutexLocker lock(&m_mutex);
    QStringList out;
    for (int i = qMax(1, m_part - m_options.maxParts + 1); i <= m_part; ++i) {
        const QString p = recording::partPath(m_path, i);
        if (QFile::exists(p))
            out << p;
    }
    return out;
}

qint64 SessionRecorder::bytesOnDisk() const
{
    qint64 total = 0;
    for (const QString &p : parts())
        total += QFileInfo(p).size();
    return total;
}

bool SessionRecorder::rotated() const
{
    QMutexLocker lock(&m_mutex);
    return m_rotated;
}

void SessionRecorder::writeLine(const QByteArray &line)
{
    m_file.write(line);
    m_file.write("\n", 1);
    m_partBytes += line.size() + 1;
}

void SessionRecorder::write(QJsonObject record)
{
    if (!m_file.isOpen())
        return;
    if (!record.contains(QStringLiteral("t")))
        record.insert(QStringLiteral("t"), double(nowUs() - m_startUs));
    writeLine(QJsonDocument(record).toJson(QJsonDocument::Compact));
    if (m_partBytes >= m_options.maxPartBytes)
        openPart(m_part + 1, nullptr);
}

void SessionRecorder::setContext(const QString &key, const QJsonValue &value)
{
    QMutexLocker lock(&m_mutex);
    m_context.insert(key, value);
}

void SessionRecorder::note(const QString &text, const QString &origin)
{
    QMutexLocker lock(&m_mutex);
    QJsonObject o { { QStringLiteral("event"), QStringLiteral("note") },
                    { QStringLiteral("text"), QString::fromUtf8(maskModule(text.toUtf8())) } };
    if (!origin.isEmpty())
        o.insert(QStringLiteral("origin"), origin);
    flushModule();
    write(o);
}

void SessionRecorder::event(const QString &name, const QJsonObject &fields)
{
    QJsonObject o = fields;
    o.insert(QStringLiteral("event"), name);
    QMutexLocker lock(&m_mutex);
    flushModule();
    write(o);
}

QByteArray SessionRecorder::maskHost(const QByteArray &bytes)
{
    QByteArray eol;
    const QByteArray line = chopEol(bytes, &eol);
    const QByteArray masked = Redactor::maskLine(line);
    if (masked != line) {
        const QByteArray secret = hiddenValue(line, masked);
        if (secret.size() >= 3 && !m_secrets.contains(secret))
            m_secrets.append(secret);
    }
    return masked + eol;
}

QByteArray SessionRecorder::maskModule(const QByteArray &bytes) const
{
    QByteArray out;
    qsizetype from = 0;
    while (from < bytes.size()) {
        const qsizetype lf = bytes.indexOf('\n', from);
        const qsizetype end = lf < 0 ? bytes.size() : lf + 1;
        QByteArray eol;
        const QByteArray line = chopEol(bytes.mid(from, end - from), &eol);
        out += Redactor::maskLine(line) + eol;
        from = end;
    }
    for (const QByteArray &s : m_secrets)
        out.replace(s, QByteArray(Redactor::kMask.data(), Redactor::kMask.size()));
    return out;
}

void SessionRecorder::flushModule()
{
    if (m_modulePending.isEmpty())
        return;
    const auto [key, value] = recording::encodeBytes(QStringLiteral("module"), maskModule(m_modulePending));
    m_modulePending.clear();
    write(QJsonObject { { QStringLiteral("t"), double(m_modulePendingUs) }, { key, value } });
}

void SessionRecorder::linkOpened(const QString &linkName)
{
    QMutexLocker lock(&m_mutex);
    m_context.insert(QStringLiteral("link"), linkName);
    flushModule();
    write(QJsonObject { { QStringLiteral("event"), QStringLiteral("open") }, { QStringLiteral("link"), linkName } });
}

void SessionRecorder::linkClosed(const QString &linkName)
{
    QMutexLocker lock(&m_mutex);
    flushModule();
    write(QJsonObject { { QStringLiteral("event"), QStringLiteral("close") }, { QStringLiteral("link"), linkName } });
}

void SessionRecorder::hostBytes(const QByteArray &bytes, HostWrite kind, quint64 commandId, const QByteArray &commandLine)
{
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen())
        return;
    flushModule();
    QByteArray shown;
    switch (kind) {
    case HostWrite::Line:
        shown = maskHost(bytes);
        break;
    case HostWrite::Payload:
        // A secret payload keeps its length (a replay matches data by length).
        shown = Redactor::payloadIsSecret(commandLine) ? QByteArray(bytes.size(), '*') : maskModule(bytes);
        break;
    case HostWrite::Raw:
    case HostWrite::Escape:
        shown = bytes;
        break;
    }
    const auto [key, value] = recording::encodeBytes(QStringLiteral("host"), shown);
    QJsonObject o { { key, value } };
    if (kind == HostWrite::Payload)
        o.insert(QStringLiteral("id"), double(commandId));
    else if (kind == HostWrite::Raw)
        o.insert(QStringLiteral("raw"), true);
    else if (kind == HostWrite::Escape)
        o.insert(QStringLiteral("escape"), true);
    write(o);
}

void SessionRecorder::moduleBytes(const QByteArray &bytes)
{
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen())
        return;
    const qint64 t = nowUs() - m_startUs;
    if (m_modulePending.isEmpty())
        m_modulePendingUs = t;
    m_modulePending += bytes;
    // Whole lines go out at once (masking works on lines); the rest waits for its LF, for the
    // next record of any other kind, or for the hold limit. A '>' prompt has no LF.
    const qsizetype lf = m_modulePending.lastIndexOf('\n');
    QByteArray rest;
    if (lf >= 0 && lf + 1 < m_modulePending.size() && m_modulePending.size() - lf - 1 < kModuleHoldMax) {
        rest = m_modulePending.mid(lf + 1);
        m_modulePending.truncate(lf + 1);
    } else if (lf < 0 && m_modulePending.size() < kModuleHoldMax && !m_modulePending.trimmed().endsWith('>')) {
        return;
    }
    flushModule();
    m_modulePending = rest;
    m_modulePendingUs = t;
}

void SessionRecorder::commandStarted(quint64 id, const AtCommand &c)
{
    QJsonObject o { { QStringLiteral("event"), QStringLiteral("command") },
                    { QStringLiteral("id"), double(id) },
                    { QStringLiteral("line"), QString::fromUtf8(Redactor::maskLine(c.line)) },
                    { QStringLiteral("timeout_ms"), c.timeoutMs } };
    if (!c.origin.isEmpty())
        o.insert(QStringLiteral("origin"), c.origin);
    if (c.expectsPrompt)
        o.insert(QStringLiteral("prompt"), true);
    if (c.enterPassthrough)
        o.insert(QStringLiteral("passthrough"), true);
    if (!c.payload.isEmpty())
        o.insert(QStringLiteral("payload_len"), double(c.payload.size()));
    if (c.expectsPrompt)
        o.insert(QStringLiteral("data_timeout_ms"), c.dataTimeoutMs);
    if (c.quietEndMs > 0)
        o.insert(QStringLiteral("quiet_ms"), c.quietEndMs);
    if (c.emptyReplyOk)
        o.insert(QStringLiteral("empty_ok"), true);
    if (c.maxBusyRetries != AtCommand().maxBusyRetries)
        o.insert(QStringLiteral("busy_retries"), c.maxBusyRetries);
    if (c.busyBackoffMs != AtCommand().busyBackoffMs)
        o.insert(QStringLiteral("busy_backoff_ms"), c.busyBackoffMs);
    QMutexLocker lock(&m_mutex);
    flushModule();
    write(o);
}

void SessionRecorder::commandFinished(const AtResult &r)
{
    QJsonObject o { { QStringLiteral("event"), QStringLiteral("result") },
                    { QStringLiteral("id"), double(r.id) },
                    { QStringLiteral("status"), statusName(int(r.status)) },
                    { QStringLiteral("us"), double(r.elapsedUs) } };
    if (!r.finalText.isEmpty())
        o.insert(QStringLiteral("final"), QString::fromUtf8(r.finalText));
    if (!r.errCodes.isEmpty()) {
        QJsonArray codes;
        for (quint32 c : r.errCodes)
            codes.append(QStringLiteral("0x%1").arg(c, 8, 16, QLatin1Char('0')));
        o.insert(QStringLiteral("err_codes"), codes);
    }
    if (r.attempts > 1)
        o.insert(QStringLiteral("attempts"), r.attempts);
    QMutexLocker lock(&m_mutex);
    flushModule();
    write(o);
    if (r.ok() && r.command.line.trimmed().toUpper() == "AT+GMR" && !r.lines.isEmpty()) {
        QJsonArray lines;
        for (const QByteArray &l : r.lines)
            lines.append(QString::fromUtf8(l));
        m_context.insert(QStringLiteral("firmware"), lines);
        write(QJsonObject { { QStringLiteral("event"), QStringLiteral("firmware") }, { QStringLiteral("lines"), lines } });
    }
}

void SessionRecorder::dialectChanged(Dialect d)
{
    const QString name = dialectName(d);
    QMutexLocker lock(&m_mutex);
    if (m_context.value(QStringLiteral("dialect")).toString() == name)
        return;
    m_context.insert(QStringLiteral("dialect"), name);
    flushModule();
    write(QJsonObject { { QStringLiteral("event"), QStringLiteral("dialect") }, { QStringLiteral("dialect"), name } });
}

void SessionRecorder::passthroughLeaving()
{
    QMutexLocker lock(&m_mutex);
    flushModule();
    write(QJsonObject { { QStringLiteral("event"), QStringLiteral("leave_passthrough") } });
}

} // namespace atb
