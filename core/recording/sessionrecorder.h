#pragma once

#include "engine/sessiontap.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QMutex>
#include <QStringList>
#include <functional>

namespace atb {

// Records a session to a file in the recording format (docs/recording.md): every byte both ways
// with microsecond timestamps, the link, dialect and firmware, each command with its origin
// (which page or service sent it) and its result, and notes of the app's own actions. Secrets
// are masked before anything is written (Redactor with the catalog's secret flags; the values
// learnt from command lines are masked in the module's bytes too, e.g. in echoes).
//
// Bounded: a part is closed at maxPartBytes and the next one starts with a full header
// ("rec.jsonl", "rec.part2.jsonl", ...); only the last maxParts parts are kept (the oldest is
// deleted), so a recording never takes more than about maxParts x maxPartBytes on disk.
//
// A SessionTap: hand it to DeviceSession::setTap(); the tap calls arrive in the session's
// thread, the rest from any thread (a mutex).
class SessionRecorder : public SessionTap
{
public:
    struct Options
    {
        qint64 maxPartBytes = 8 * 1024 * 1024;
        int maxParts = 8;
        // Microseconds on a monotonic clock; tests inject time to record an hour in a second.
        std::function<qint64()> clockUs;
        // Wall-clock start of the recording in ms since the epoch (default: now).
        qint64 startedMs = 0;
    };

    SessionRecorder();
    explicit SessionRecorder(const Options &options);
    ~SessionRecorder() override;

    // Starts a recording at `path` (a .jsonl file; later parts beside it). `context` goes into
    // every part's header: "link", "port" {...}, "app" {...}; "dialect" and "firmware" are kept
    // current by the session.
    bool open(const QString &path, const QJsonObject &context, QString *error = nullptr);
    void close();
    // Everything recorded so far is on disk (a bundle copies the parts while recording goes on).
    void flush();
    bool isOpen() const;
    QString path() const;
    // The parts on disk now, oldest first.
    QStringList parts() const;
    // Bytes on disk in the kept parts.
    qint64 bytesOnDisk() const;
    // A part was rotated and an old one deleted at least once.
    bool rotated() const;

    // One header field for this and every later part ("port", "app", ...).
    void setContext(const QString &key, const QJsonValue &value);
    // An app action worth seeing in the recording ("Wi-Fi page: Apply"); secrets never.
    void note(const QString &text, const QString &origin = QString());
    // Any other event ({"event": name, ...fields}).
    void event(const QString &name, const QJsonObject &fields = QJsonObject());

    // SessionTap.
    void linkOpened(const QString &linkName) override;
    void linkClosed(const QString &linkName) override;
    void hostBytes(const QByteArray &bytes, HostWrite kind, quint64 commandId, const QByteArray &commandLine) override;
    void moduleBytes(const QByteArray &bytes) override;
    void commandStarted(quint64 id, const AtCommand &command) override;
    void commandFinished(const AtResult &result) override;
    void dialectChanged(Dialect dialect) override;
    void passthroughLeaving() override;

    static QString statusName(int status); // AtResult::Status as written ("ok", "timeout", ...)

private:
    qint64 nowUs() const;
    void write(QJsonObject record);           // mutex held
    void writeLine(const QByteArray &line);   // mutex held
    bool openPart(int part, QString *error);  // mutex held
    void flushModule();                       // mutex held
    QByteArray maskHost(const QByteArray &line);
    QByteArray maskModule(const QByteArray &bytes) const;

    Options m_options;
    mutable QMutex m_mutex;
    QFile m_file;
    QString m_path;
    QElapsedTimer m_clock;
    qint64 m_startUs = 0;
    int m_part = 0;
    qint64 m_partBytes = 0;
    bool m_rotated = false;
    QString m_session;
    QJsonObject m_context;
    QList<QByteArray> m_secrets; // values seen masked in command lines
    QByteArray m_modulePending;  // module bytes after the last LF, not written yet
    qint64 m_modulePendingUs = 0;
};

} // namespace atb
