#pragma once

#include "engine/atcommand.h"
#include "protocol/dialect.h"
#include "services/commandrunner.h"
#include "stats/payloadstream.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QTcpServer;
class QTcpSocket;
class QUdpSocket;

namespace atb {

class DeviceSession;
class ThroughputMeter;

// What one lab run does. The PC-side peer listens on `peerAddress` (one of the host's
// addresses; 127.0.0.1 for the simulator) and the module connects to it with AT+CIPSTART.
struct LabSettings
{
    enum class Mode {
        SendNormal,         // module -> peer (sink): AT+CIPSEND=<chunk> + payload, stop-and-wait
        SendPassthrough,    // module -> peer (sink): AT+CIPMODE=1, AT+CIPSEND, raw bytes
        Receive,            // peer (source) -> module: +IPD frames
        ReceivePassthrough, // peer (source) -> module: raw bytes in passthrough
        Echo                // module -> peer (echo) -> module: CIPSEND out, +IPD back, round trip
    };
    enum class Protocol { Tcp, Udp };

    Mode mode = Mode::SendNormal;
    Protocol protocol = Protocol::Tcp;
    QString peerAddress = QStringLiteral("127.0.0.1");
    quint16 peerPort = 0;      // 0: any free port (chosen when the run starts)
    int chunkSize = 2048;      // CIPSEND length, passthrough write size, source write size
    int durationMs = 5000;     // length of the data phase
    qint64 baud = 115200;      // line rate for the efficiency figures (8N1: baud / 10 B/s)
    double hostTurnaroundMs = 0.06; // h of the stop-and-wait model (performance.md 1.5)

    bool sendsFromModule() const { return mode == Mode::SendNormal || mode == Mode::SendPassthrough || mode == Mode::Echo; }
    bool passthrough() const { return mode == Mode::SendPassthrough || mode == Mode::ReceivePassthrough; }
    static QString modeName(Mode m); // translated
};

// The outcome of one run. Byte counts are payload bytes of the self-checking stream.
struct LabResult
{
    bool ok = false;           // the run went through (loss is reported, not a failure)
    QString message;           // one sentence; on failure the decoded reason
    LabSettings settings;
    QList<QByteArray> lines;   // the setup and teardown lines sent (as preview() shows them)
    qint64 elapsedMs = 0;      // first payload byte sent -> last payload byte delivered
    qint64 sentBytes = 0;      // payload bytes handed to the path by the sender
    qint64 deliveredBytes = 0; // payload bytes that arrived at the other end
    qint64 lostBytes = 0;      // sent - delivered after the drain
    qint64 badBytes = 0;       // delivered bytes outside records that checked out
    qint64 missingRecords = 0; // sequence gaps
    qint64 integrityErrors = 0;
    qint64 uartTxBytes = 0, uartRxBytes = 0; // the session's counters over the run
    int chunks = 0;            // CIPSEND commands (normal modes)
    double goodputBps = 0;     // delivered / elapsed
    double lineRateBps = 0;    // baud / 10
    double efficiency = 0;     // goodput / line rate
    double modelEfficiency = 0;   // stop-and-wait model for SendNormal/Echo; 1 otherwise
    double rttMedianMs = -1, rttP99Ms = -1; // Echo: chunk sent -> chunk back

    bool lossFree() const { return lostBytes == 0 && badBytes == 0 && missingRecords == 0 && integrityErrors == 0; }
};

// Progress while a run is under way (about every 200 ms).
struct LabProgress
{
    QString phase;
    qint64 elapsedMs = 0;
    qint64 sentBytes = 0, deliveredBytes = 0;
    qint64 integrityErrors = 0;
};

// The throughput lab's engine: a PC-side TCP/UDP peer (sink, source or echo), the module's
// connection to it through the session, and the timed runs. No widgets. Feeds a
// ThroughputMeter (attached to the session) with the peer's network-side counts and the raw
// passthrough writes.
class ThroughputLab : public QObject
{
    Q_OBJECT
public:
    explicit ThroughputLab(DeviceSession *session, QObject *parent = nullptr);
    ~ThroughputLab() override;

    ThroughputMeter *meter() const { return m_meter; }
    Dialect dialect() const;

    // The exact lines a run with these settings sends: setup, one data command (normal modes),
    // teardown; port 0 shows as "<port>", the port a run would pick. Validated with the encoder
    // and the catalog limits; errorParam: "remote_host", "remote_port", "length", "mode",
    // "duration", "baud". Nothing is sent.
    OperationPlan planRun(const LabSettings &settings) const;

    // Starts a run; nothing is sent when busy or the settings do not validate, and the returned
    // plan's error (also lastResult().message) says why.
    OperationPlan start(const LabSettings &settings);
    // Ends the data phase early; the run still drains, tears down and reports.
    void stop();
    // Queries the module's connection settings (ESP: AT+CIPMUX?, AT+CIPMODE?, AT+CIPSTATE?;
    // Beken: AT+CIPSTATUS); the DeviceModel updates from the replies; statusRead() reports.
    OperationPlan planReadStatus() const;
    OperationPlan readStatus();
    bool isBusy() const { return m_phase != Phase::Idle || m_reading; }
    LabResult lastResult() const { return m_result; }
    quint16 peerPort() const { return m_port; }
    // Extra time allowed for in-flight bytes after the data phase (default 3000 ms).
    void setDrainTimeout(int ms) { m_drainTimeoutMs = ms; }
    // Stop-and-wait model efficiency (performance.md 1.5) for a chunk of `chunk` bytes.
    static double stopAndWaitModel(int chunk, qint64 baud, double turnaroundMs);

signals:
    void busyChanged(bool busy);
    void progress(const atb::LabProgress &progress);
    void finished(const atb::LabResult &result);
    void statusRead(const atb::OperationResult &result);

private:
    enum class Phase { Idle, Setup, Entering, Streaming, Draining, Leaving, Teardown };

    OperationPlan planSetup(const LabSettings &s, quint16 port) const;
    QList<AtCommand> teardownCommands(const LabSettings &s) const;
    AtCommand sendCommand(const QByteArray &payload) const;
    bool openPeer(QString *error);
    void closePeer();
    void onNewConnection();
    void onPeerData(const QByteArray &bytes);
    void onUdpReadable();
    void feedSource();
    void onSetupFinished(const OperationResult &r);
    void beginStreaming();
    void pump();
    void onCommandFinished(const AtResult &r);
    void onUrc(const AtEvent &e);
    void onRaw(const QByteArray &bytes);
    void onStateChanged(int state);
    void endStreaming();
    void checkDrained();
    void afterDrain();
    void teardown();
    void finish(bool ok, const QString &message);
    void fail(const QString &message);
    void emitProgress();
    void deliveredToModule(const QByteArray &bytes);
    void setPhase(Phase p);

    QPointer<DeviceSession> m_session;
    ThroughputMeter *m_meter;
    CommandRunner *m_runner;
    Phase m_phase = Phase::Idle;
    LabSettings m_s;
    LabResult m_result;
    QString m_failure;

    QTcpServer *m_server = nullptr;
    QTcpSocket *m_peer = nullptr;
    QUdpSocket *m_udp = nullptr;
    QHostAddress m_udpRemote;
    quint16 m_udpRemotePort = 0;
    quint16 m_port = 0;
    bool m_sourceOn = false;

    PayloadGenerator m_gen;
    PayloadChecker m_check;
    QList<quint64> m_outstanding;      // our CIPSEND ids in the queue
    QList<QPair<qint64, qint64>> m_rttMarks; // (stream offset end, send time ns)
    std::vector<double> m_rtt;
    qint64 m_sent = 0;                 // payload handed to the path
    qint64 m_lastDeliveredNs = -1, m_firstSentNs = -1;
    qint64 m_uartTx0 = 0, m_uartRx0 = 0;
    qint64 m_lastProgressDelivered = -1;
    QElapsedTimer m_clock, m_quiet;
    QTimer m_duration, m_pumpTimer, m_drainTimer, m_progressTimer;
    int m_drainTimeoutMs = 3000;
    qint64 m_drainStartMs = 0;
    bool m_helloPending = false;
    bool m_reading = false;
};

} // namespace atb

Q_DECLARE_METATYPE(atb::LabResult)
Q_DECLARE_METATYPE(atb::LabProgress)
