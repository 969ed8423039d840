#pragma once

#include "protocol/dialect.h"
#include "recordingreader.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <memory>

namespace atb {

class DeviceSession;

// Plays a recording back through a real DeviceSession, so everything that follows the session
// (console, DeviceModel and the pages, plots, timeline, status bar) shows it as it was live.
//
// The session is opened on an in-process pipe whose module end this player drives: the
// recorded module bytes are written at their recorded times (scaled by speed()), and each
// recorded command is submitted again with its origin ("playback:<origin>"), so the session's
// own queue pairs replies with commands exactly as it did. Lock-step: when the recording says
// the host wrote something next, the clock waits until the session has written it (a busy
// retry, a payload after '>'), so timing differences never reorder the conversation. While
// playing, the session refuses commands from anyone else (restrictOrigins), so pages are
// read-only. Seeking forward runs ahead as fast as the session answers; seeking back starts
// again from the beginning (restarted()). Lives in the session owner's thread.
class RecordingPlayer : public QObject
{
    Q_OBJECT
public:
    static constexpr char kOriginPrefix[] = "playback";

    explicit RecordingPlayer(DeviceSession *session, QObject *parent = nullptr);
    ~RecordingPlayer() override;

    bool load(const QString &path, QString *error = nullptr);
    void setRecording(const Recording &recording);
    const Recording &recording() const { return m_rec; }

    // Opens the session on the recording (close any other link first) and plays from the start
    // (or stays paused with `paused`). stop() closes it and lifts the read-only restriction.
    void start(bool paused = false);
    void stop();
    bool isActive() const { return m_active; }

    void play();
    void pause();
    bool isPlaying() const { return m_playing; }
    void setSpeed(double speed); // 0.25 .. 64
    double speed() const { return m_speed; }
    // Position and duration in microseconds from the recording's first record.
    void seek(qint64 positionUs);
    qint64 position() const { return m_posUs - m_rec.startUs(); }
    qint64 duration() const { return m_rec.durationUs(); }
    bool atEnd() const { return m_index >= m_rec.entries.size(); }
    // The wall-clock time of the current position (ms since the epoch); thread-safe, for the
    // session log's clock while playing.
    qint64 positionEpochMs() const { return m_positionEpochMs.load(std::memory_order_relaxed); }

    // The position (us from the start) of the first record at or after `fromUs` whose bytes,
    // line or text contain `text` (case-insensitive); -1 when there is none.
    qint64 find(const QString &text, qint64 fromUs) const;
    // Host writes that differed from the recording, and waits given up (kStallMs after the host
    // should have written, or after a replayed timeout should have ended).
    int mismatches() const { return m_mismatches; }
    int stalls() const { return m_stalls; }
    static constexpr int kStallMs = 5000;

signals:
    void positionChanged(qint64 positionUs);
    void playingChanged(bool playing);
    void finished();
    // The recording switched dialect (detected live): the model should follow.
    void dialectChanged(atb::Dialect dialect);
    // Playback starts again from the beginning (a seek back): views clear what they showed.
    void restarted();

private:
    struct Pipe;
    void openSession();
    void writeModule(const QByteArray &bytes);
    void onHostWrote(const QByteArray &bytes);
    void step();
    bool runEntry(const RecordingEntry &e); // false: wait for the host
    void submitRecorded(const RecordingEntry &e);
    qint64 clockUs() const;
    void setPosition(qint64 tUs);
    void reanchor();

    DeviceSession *m_session;
    Recording m_rec;
    bool m_active = false;
    bool m_playing = false;
    double m_speed = 1.0;
    qsizetype m_index = 0;
    qint64 m_posUs = 0;
    qint64 m_targetUs = -1; // seeking: run ahead to here
    QElapsedTimer m_wall;
    qint64 m_anchorWallUs = 0, m_anchorPosUs = 0;
    QTimer m_timer { this };
    QTimer m_tick { this };
    QTimer m_stallTimer { this };
    std::shared_ptr<Pipe> m_pipe; // the pipe of the current session link
    bool m_attached = false;
    QByteArray m_hostBuffer;
    bool m_waitingHost = false;
    bool m_rawSent = false;
    QHash<qint64, quint64> m_ids; // recorded command id -> id in this session
    QSet<quint64> m_finished;     // ids of replayed commands the session has finished
    int m_mismatches = 0;
    int m_stalls = 0;
    std::atomic<qint64> m_positionEpochMs { 0 };
};

} // namespace atb
