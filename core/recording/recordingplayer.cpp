#include "recordingplayer.h"

#include "engine/devicesession.h"
#include "transport/pipetransport.h"

#include <QCoreApplication>
#include <QMutex>

namespace atb {

// The session's end of the pipe lives (and dies) in the session's thread; the player reaches it
// only through this, under the mutex, as SimulatorLink does.
struct RecordingPlayer::Pipe
{
    QMutex mutex;
    RecordingPlayer *player = nullptr; // null once the player is gone
    PipeTransport *host = nullptr;     // null once the session deleted it
};

namespace {

AtResult::Status statusFromName(const QString &s)
{
    if (s == QLatin1String("ok"))
        return AtResult::Status::Ok;
    if (s == QLatin1String("error"))
        return AtResult::Status::Error;
    if (s == QLatin1String("busy"))
        return AtResult::Status::Busy;
    if (s == QLatin1String("timeout"))
        return AtResult::Status::Timeout;
    if (s == QLatin1String("disconnected"))
        return AtResult::Status::Disconnected;
    if (s == QLatin1String("refused"))
        return AtResult::Status::Refused;
    return AtResult::Status::Cancelled;
}

} // namespace

RecordingPlayer::RecordingPlayer(DeviceSession *session, QObject *parent) : QObject(parent), m_session(session)
{
    connect(session, &DeviceSession::commandFinished, this, [this](const AtResult &r) {
        if (!r.command.origin.startsWith(QLatin1String(kOriginPrefix)))
            return;
        m_finished.insert(r.id);
        if (m_waitingHost)
            step(); // a recorded timeout waits for the replayed command to time out too
    });
    m_wall.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RecordingPlayer::step);
    m_tick.setInterval(100);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (m_playing && !m_waitingHost)
            emit positionChanged(qBound<qint64>(0, clockUs() - m_rec.startUs(), duration()));
    });
    m_stallTimer.setSingleShot(true);
    m_stallTimer.setInterval(kStallMs);
    connect(&m_stallTimer, &QTimer::timeout, this, [this] {
        // The session never wrote what the recording says the host wrote next: go on without it.
        if (!m_waitingHost || m_index >= m_rec.entries.size())
            return;
        ++m_stalls;
        m_waitingHost = false;
        m_rawSent = false;
        m_hostBuffer.clear();
        ++m_index;
        reanchor();
        step();
    });
}

RecordingPlayer::~RecordingPlayer()
{
    if (m_active)
        stop();
    if (m_pipe) {
        QMutexLocker lock(&m_pipe->mutex);
        m_pipe->player = nullptr;
    }
}

bool RecordingPlayer::load(const QString &path, QString *error)
{
    Recording r;
    if (!RecordingReader::read(path, &r, error))
        return false;
    setRecording(r);
    return true;
}

void RecordingPlayer::setRecording(const Recording &recording)
{
    m_rec = recording;
    m_index = 0;
    m_posUs = m_rec.startUs();
}

void RecordingPlayer::start(bool paused)
{
    m_active = true;
    m_session->restrictOrigins(QLatin1String(kOriginPrefix),
                               QCoreApplication::translate("RecordingPlayer", "A recording is playing back: the pages are read-only"));
    m_session->log()->setClock([this] { return positionEpochMs(); });
    if (const auto d = dialectFromName(m_rec.dialect()))
        emit dialectChanged(*d);
    openSession();
    if (paused)
        pause();
    else
        play();
}

void RecordingPlayer::stop()
{
    m_active = false;
    pause();
    m_timer.stop();
    m_stallTimer.stop();
    m_session->close();
    m_session->restrictOrigins(QString());
    m_session->log()->setClock({});
    if (m_pipe) {
        QMutexLocker lock(&m_pipe->mutex);
        m_pipe->player = nullptr;
    }
    m_pipe.reset();
    m_attached = false;
}

void RecordingPlayer::openSession()
{
    if (m_pipe) {
        QMutexLocker lock(&m_pipe->mutex);
        m_pipe->player = nullptr; // whatever the old link still says goes nowhere
    }
    m_pipe = std::make_shared<Pipe>();
    m_pipe->player = this;
    m_attached = false;
    m_index = 0;
    m_hostBuffer.clear();
    m_waitingHost = false;
    m_rawSent = false;
    m_ids.clear();
    m_finished.clear();
    setPosition(m_rec.startUs());
    m_session->close();
    const QString name = QCoreApplication::translate("RecordingPlayer", "Recording %1")
                             .arg(m_rec.parts.isEmpty() ? QString() : m_rec.parts.first().section(QLatin1Char('/'), -1));
    std::shared_ptr<Pipe> pipe = m_pipe;
    // Runs in the session's thread.
    m_session->openWith([pipe, name](QObject *parent) -> Transport * {
        auto [host, device] = PipeTransport::createPair(name, parent);
        device->setParent(host); // the module end dies with the session's end
        device->open();
        QObject::connect(host, &QObject::destroyed, [pipe] {
            QMutexLocker lock(&pipe->mutex);
            pipe->host = nullptr;
        });
        QMutexLocker lock(&pipe->mutex);
        pipe->host = host;
        if (RecordingPlayer *player = pipe->player) {
            // What the session writes reaches the player in its thread (queued).
            QObject::connect(device, &Transport::received, player, [player, pipe](const QByteArray &bytes) {
                if (player->m_pipe == pipe)
                    player->onHostWrote(bytes);
            });
            QMetaObject::invokeMethod(player, [player, pipe] {
                if (player->m_pipe != pipe)
                    return;
                player->m_attached = true;
                player->reanchor();
                player->step();
            }, Qt::QueuedConnection);
        }
        return host;
    });
}

void RecordingPlayer::writeModule(const QByteArray &bytes)
{
    QMutexLocker lock(&m_pipe->mutex);
    if (m_pipe->host) // alive while the mutex is held: its destroyed() handler waits for it
        QMetaObject::invokeMethod(m_pipe->host, "deliver", Qt::QueuedConnection, Q_ARG(QByteArray, bytes));
}

void RecordingPlayer::play()
{
    if (m_playing || atEnd())
        return;
    m_playing = true;
    reanchor();
    m_tick.start();
    emit playingChanged(true);
    step();
}

void RecordingPlayer::pause()
{
    if (!m_playing)
        return;
    if (!m_waitingHost)
        setPosition(qMax(m_posUs, qMin(clockUs(), m_index < m_rec.entries.size() ? m_rec.entries[m_index].tUs : m_posUs)));
    m_playing = false;
    m_timer.stop();
    m_tick.stop();
    emit playingChanged(false);
    emit positionChanged(position());
}

void RecordingPlayer::setSpeed(double speed)
{
    if (m_playing && !m_waitingHost)
        setPosition(qMax(m_posUs, clockUs()));
    m_speed = qBound(0.25, speed, 64.0);
    reanchor();
    if (m_playing)
        step();
}

void RecordingPlayer::reanchor()
{
    m_anchorWallUs = m_wall.nsecsElapsed() / 1000;
    m_anchorPosUs = m_posUs;
}

qint64 RecordingPlayer::clockUs() const
{
    if (m_targetUs >= 0)
        return m_targetUs;
    if (!m_playing || m_waitingHost)
        return m_posUs;
    return m_anchorPosUs + qint64(double(m_wall.nsecsElapsed() / 1000 - m_anchorWallUs) * m_speed);
}

void RecordingPlayer::setPosition(qint64 tUs)
{
    m_posUs = tUs;
    m_positionEpochMs.store(m_rec.startedMs() + tUs / 1000, std::memory_order_relaxed);
}

void RecordingPlayer::seek(qint64 positionUs)
{
    if (!m_active)
        return;
    const qint64 target = m_rec.startUs() + qBound<qint64>(0, positionUs, duration());
    if (target < m_posUs) {
        emit restarted();
        openSession(); // step() runs once the new pipe is attached
    }
    m_targetUs = target;
    step();
}

qint64 RecordingPlayer::find(const QString &text, qint64 fromUs) const
{
    const qint64 from = m_rec.startUs() + fromUs;
    for (const RecordingEntry &e : m_rec.entries) {
        if (e.tUs < from)
            continue;
        const QString hay = e.kind == RecordingEntry::Kind::Event
            ? e.fields.value(QStringLiteral("line")).toString() + e.fields.value(QStringLiteral("text")).toString()
            : QString::fromUtf8(e.bytes);
        if (hay.contains(text, Qt::CaseInsensitive))
            return e.tUs - m_rec.startUs();
    }
    return -1;
}

void RecordingPlayer::onHostWrote(const QByteArray &bytes)
{
    m_hostBuffer += bytes;
    if (m_waitingHost)
        step();
}

void RecordingPlayer::step()
{
    if (!m_active || !m_attached)
        return;
    while (m_index < m_rec.entries.size()) {
        const RecordingEntry &e = m_rec.entries[m_index];
        if (m_targetUs >= 0 && e.tUs > m_targetUs) {
            setPosition(m_targetUs);
            m_targetUs = -1;
            reanchor();
            emit positionChanged(position());
            break;
        }
        const qint64 now = clockUs();
        if (e.tUs > now && !m_waitingHost) {
            if (m_playing)
                m_timer.start(int(qBound(qint64(1), qint64(double(e.tUs - now) / m_speed / 1000.0), qint64(100))));
            if (m_playing)
                setPosition(qMax(m_posUs, now));
            return;
        }
        if (!runEntry(e)) {
            if (!m_waitingHost) {
                setPosition(qMax(m_posUs, e.tUs));
                m_waitingHost = true;
                // Waiting for a replayed timeout takes as long as the recorded one did.
                const double took = e.kind == RecordingEntry::Kind::Event ? e.fields.value(QStringLiteral("us")).toDouble() / 1000.0 : 0;
                m_stallTimer.start(kStallMs + int(took / (m_targetUs >= 0 ? 64.0 : m_speed)));
            }
            return;
        }
        if (m_waitingHost) {
            m_waitingHost = false;
            m_stallTimer.stop();
            setPosition(qMax(m_posUs, e.tUs));
            reanchor();
        } else if (e.tUs > m_posUs) {
            setPosition(e.tUs);
        }
        ++m_index;
    }
    if (m_index >= m_rec.entries.size()) {
        m_targetUs = -1;
        setPosition(m_rec.entries.isEmpty() ? 0 : m_rec.entries.last().tUs);
        emit positionChanged(position());
        if (m_playing) {
            m_playing = false;
            m_tick.stop();
            emit playingChanged(false);
        }
        emit finished();
    }
}

bool RecordingPlayer::runEntry(const RecordingEntry &e)
{
    switch (e.kind) {
    case RecordingEntry::Kind::Module:
        writeModule(e.bytes);
        return true;
    case RecordingEntry::Kind::Host: {
        if (e.fields.value(QStringLiteral("raw")).toBool() && !m_rawSent) {
            m_rawSent = true;
            m_session->sendRaw(e.bytes);
        }
        if (m_hostBuffer.size() < e.bytes.size())
            return false;
        if (!m_hostBuffer.startsWith(e.bytes))
            ++m_mismatches;
        m_hostBuffer.remove(0, e.bytes.size());
        m_rawSent = false;
        return true;
    }
    case RecordingEntry::Kind::Event:
        break;
    }
    if (e.event == QLatin1String("command")) {
        submitRecorded(e);
    } else if (e.event == QLatin1String("result")) {
        const AtResult::Status s = statusFromName(e.fields.value(QStringLiteral("status")).toString());
        const qint64 recorded = qint64(e.fields.value(QStringLiteral("id")).toDouble());
        const auto it = m_ids.constFind(recorded);
        if (it != m_ids.constEnd()) {
            // A recorded timeout: the replayed command was given a timeout that ends it about
            // now (submitRecorded), so it ends the same way; wait for it. A cancel or a lost
            // link: end the replayed one here.
            if (s == AtResult::Status::Timeout && !m_finished.contains(*it))
                return false;
            if (s != AtResult::Status::Ok && s != AtResult::Status::Error && s != AtResult::Status::Busy
                && s != AtResult::Status::Timeout && !m_finished.contains(*it))
                m_session->cancel(*it);
            m_finished.remove(*it);
            m_ids.erase(it);
        }
    } else if (e.event == QLatin1String("leave_passthrough")) {
        m_session->leavePassthrough();
    } else if (e.event == QLatin1String("dialect")) {
        if (const auto d = dialectFromName(e.fields.value(QStringLiteral("dialect")).toString()))
            emit dialectChanged(*d);
    } else if (e.event == QLatin1String("note")) {
        m_session->log()->appendInfo(e.fields.value(QStringLiteral("text")).toString());
    }
    return true;
}

void RecordingPlayer::submitRecorded(const RecordingEntry &e)
{
    const QJsonObject &f = e.fields;
    AtCommand c;
    c.line = f.value(QStringLiteral("line")).toString().toUtf8();
    c.origin = QStringLiteral("%1:%2").arg(QLatin1String(kOriginPrefix), f.value(QStringLiteral("origin")).toString());
    c.expectsPrompt = f.value(QStringLiteral("prompt")).toBool();
    c.enterPassthrough = f.value(QStringLiteral("passthrough")).toBool();
    // The recording decides when the host gave up (a "result" record); the replayed command
    // waits for it however long the replay takes, except when it timed out: then it times out
    // too, after its recorded timeout at the playback's speed.
    c.timeoutMs = 24 * 3600 * 1000;
    c.dataTimeoutMs = c.timeoutMs;
    for (qsizetype i = m_index + 1; i < m_rec.entries.size(); ++i) {
        const RecordingEntry &r = m_rec.entries[i];
        if (r.kind != RecordingEntry::Kind::Event || r.event != QLatin1String("result")
            || r.fields.value(QStringLiteral("id")).toDouble() != f.value(QStringLiteral("id")).toDouble())
            continue;
        if (r.fields.value(QStringLiteral("status")).toString() == QLatin1String("timeout")) {
            const double speed = m_targetUs >= 0 ? 64.0 : m_speed;
            c.timeoutMs = qMax(50, int(f.value(QStringLiteral("timeout_ms")).toInt(3000) / speed));
            c.dataTimeoutMs = qMax(50, int(f.value(QStringLiteral("data_timeout_ms")).toInt(5000) / speed));
        }
        break;
    }
    c.quietEndMs = f.value(QStringLiteral("quiet_ms")).toInt();
    c.emptyReplyOk = f.value(QStringLiteral("empty_ok")).toBool();
    c.maxBusyRetries = f.value(QStringLiteral("busy_retries")).toInt(c.maxBusyRetries);
    c.busyBackoffMs = f.value(QStringLiteral("busy_backoff_ms")).toInt(c.busyBackoffMs);
    const double id = f.value(QStringLiteral("id")).toDouble();
    if (f.value(QStringLiteral("payload_len")).toDouble() > 0) {
        for (qsizetype i = m_index + 1; i < m_rec.entries.size(); ++i) {
            const RecordingEntry &p = m_rec.entries[i];
            if (p.kind == RecordingEntry::Kind::Host && p.fields.value(QStringLiteral("id")).toDouble() == id) {
                c.payload = p.bytes;
                break;
            }
        }
    }
    m_ids.insert(qint64(id), m_session->submit(c));
}

} // namespace atb
