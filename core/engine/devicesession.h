#pragma once

#include "commandqueue.h"
#include "sessiontap.h"
#include "log/sessionlog.h"
#include "protocol/atparser.h"
#include "stats/trafficcounters.h"
#include "transport/serialtransport.h"

#include <QAtomicInteger>
#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

namespace atb {

// One module on one link: transport + framer + parser + command queue + log.
//
// Thread model: a session that must not wait for its caller (the app, benchmarks, a station
// with one session per module) lives in its own I/O thread, owned by a SessionHost, which also
// ends it safely; tests may keep one in the test thread. Every public method is safe to call
// from any thread; the work is done in the session's thread and results come back through
// signals (queued across threads). Delete a session only in its own thread, or after that
// thread has ended (SessionHost does the latter).
class DeviceSession : public QObject, private AtEventSink
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Passthrough };
    Q_ENUM(State)

    explicit DeviceSession(QObject *parent = nullptr);
    ~DeviceSession() override;

    void openSerial(const SerialSettings &settings);
    void openTcp(const QString &host, quint16 port);
    // In-process devices (simulator, test doubles). The factory runs in the session's thread.
    void openWith(const std::function<Transport *(QObject *parent)> &factory);
    void close();

    quint64 submit(const AtCommand &command);
    void cancel(quint64 id);
    void cancelAll();
    void providePayload(quint64 id, const QByteArray &payload);

    // Passthrough (protocol.md 4): enter sends AT+CIPSEND and switches the link to raw data on
    // '>'; leave sends "+++" alone, with silence before and after, then waits before the next
    // command.
    quint64 enterPassthrough();
    void sendRaw(const QByteArray &bytes);
    void leavePassthrough();

    void setDialect(Dialect d);
    Dialect dialect() const { return Dialect(m_dialect.loadRelaxed()); }
    State state() const { return State(m_state.loadRelaxed()); }
    SessionLog *log() const { return m_log; }
    // The open (or last opened) link, e.g. "/dev/ttyUSB0 @ 115200"; empty before the first open.
    QString linkName() const;

    qint64 txBytes() const { return m_traffic->total(ThroughputPath::UartTx); }
    qint64 rxBytes() const { return m_traffic->total(ThroughputPath::UartRx); }
    // Payload bytes sent with sendRaw() in passthrough (part of txBytes()).
    qint64 rawTxBytes() const { return m_traffic->total(ThroughputPath::RawTx); }
    // Running totals per path (UART, link payloads, passthrough, MQTT messages), counted in the
    // session's thread as the traffic passes; what ThroughputMeter reads.
    std::shared_ptr<const TrafficCounters> traffic() const { return m_traffic; }

    // Everything the session does, also goes to `tap` (in the session's thread); nullptr stops.
    // The recorder is one (core/recording/sessionrecorder.h).
    void setTap(std::shared_ptr<SessionTap> tap);
    // While not empty, submit() refuses (Status::Refused, `reason`) every command whose origin
    // does not start with `originPrefix`: a recording playing back owns the session.
    void restrictOrigins(const QString &originPrefix, const QString &reason = QString());

    // Guard times (ms) around "+++" and the pause after it; defaults from protocol.md 4.
    void setPassthroughGuards(int beforeMs, int afterMs, int pauseMs);

signals:
    void stateChanged(atb::DeviceSession::State state);
    void errorOccurred(const QString &message);
    void commandStarted(quint64 id, const atb::AtCommand &command);
    void commandFinished(const atb::AtResult &result);
    void urcReceived(const atb::AtEvent &event);
    void promptReceived(quint64 id, qint64 expectedLength);
    void rawDataReceived(const QByteArray &bytes);
    void echoStateChanged(bool on);

private:
    template<typename F> void inSessionThread(F &&f);
    Q_INVOKABLE void runNextCall();
    void attach(Transport *t);
    void detach();
    void setState(State s);
    void onEvent(const AtEventView &event) override;
    void onReceived(const QByteArray &bytes);
    void writeBytes(const QByteArray &bytes);
    void refuse(quint64 id, const AtCommand &command, const QString &message);
    void stepLeavePassthrough();
    void countResult(const AtResult &result);
    void countUrc(const AtEvent &event);

    QPointer<Transport> m_transport;
    AtParser m_parser;
    CommandQueue *m_queue;
    SessionLog *m_log;
    QTimer m_payloadWatchdog { this };
    QTimer m_passthroughTimer { this };
    QElapsedTimer m_clock;
    qint64 m_drainEndMs = 0; // when the bytes written so far have left the UART (estimate)
    int m_leaveStep = 0;
    int m_guardBeforeMs = 60, m_guardAfterMs = 60, m_pauseAfterMs = 1000;
    // Calls from other threads, oldest first (inSessionThread()). A std::mutex, not a QMutex:
    // ThreadSanitizer sees all of a pthread mutex, but not QMutex's contended path in Qt.
    std::mutex m_callsMutex;
    std::deque<std::function<void()>> m_calls;
    mutable QMutex m_linkNameMutex; // written in the session's thread, read from any
    QString m_linkName;
    std::shared_ptr<SessionTap> m_tap; // session thread only
    QString m_originPrefix, m_restrictReason; // session thread only
    QAtomicInteger<int> m_state { int(State::Disconnected) };
    QAtomicInteger<int> m_dialect { int(Dialect::Esp) };
    const std::shared_ptr<TrafficCounters> m_traffic = std::make_shared<TrafficCounters>();
};

} // namespace atb
