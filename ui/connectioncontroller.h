#pragma once

#include "engine/devicesession.h"
#include "engine/dialectprobe.h"
#include "transport/portlister.h"
#include "transport/serialtransport.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace atb {
class DeviceModel;
class PortWatcher;
}
class SimulatorLink;

// Where to connect: a serial port with its line settings, a raw TCP bridge or a built-in
// simulated module. A value; ConnectionController holds the current one.
struct ConnectionChoice
{
    enum class Kind { Serial, Tcp, SimulatorEsp, SimulatorBeken };
    Kind kind = Kind::Serial;
    atb::SerialSettings serial; // Kind::Serial
    QString host;               // Kind::Tcp
    quint16 port = 0;           // Kind::Tcp

    bool isSimulator() const { return kind == Kind::SimulatorEsp || kind == Kind::SimulatorBeken; }
    bool operator==(const ConnectionChoice &o) const
    {
        return kind == o.kind && (kind != Kind::Serial || serial == o.serial)
            && (kind != Kind::Tcp || (host == o.host && port == o.port));
    }
    bool operator!=(const ConnectionChoice &o) const { return !(*this == o); }
    // "/dev/ttyUSB0 @ 115200", "/dev/ttyUSB0 @ 115200 7E1", "tcp://host:port",
    // "Simulated module (ESP-AT)"
    QString displayName() const;
    // "8N1", "7E1", "8N1.5"
    static QString frameName(const atb::SerialSettings &settings);
};

// The one owner of the connection: the current ConnectionChoice (the port bar and the Port page
// are views of it, so they never disagree), the dialect override, automatic reconnection after
// an unplug, dialect detection and "read module state" after every (re)connect. Drives the
// session through its thread-safe calls and listens to its signals. The only place that
// remembers the choice and its options: QSettings group "portPage" (never a password).
class ConnectionController : public QObject
{
    Q_OBJECT
public:
    enum class DialectOverride { Auto, Esp, Beken };
    Q_ENUM(DialectOverride)

    ConnectionController(atb::DeviceSession *session, atb::DeviceModel *model, SimulatorLink *simulator,
                         QObject *parent = nullptr);
    ~ConnectionController() override;

    atb::DeviceSession *session() const { return m_session; }
    atb::DeviceModel *model() const { return m_model; }
    SimulatorLink *simulator() const { return m_sim; }

    ConnectionChoice choice() const { return m_choice; }
    // A new current choice (the views follow); remembered at the next connect.
    void setChoice(const ConnectionChoice &choice);
    // Remembered at once.
    DialectOverride dialectOverride() const { return m_override; }
    void setDialectOverride(DialectOverride o);
    bool autoReconnect() const { return m_autoReconnect; }
    void setAutoReconnect(bool on);
    // Detect the dialect and read the state after each (re)connect (default on).
    bool readOnConnect() const { return m_readOnConnect; }
    void setReadOnConnect(bool on) { m_readOnConnect = on; }
    int reconnectIntervalMs() const { return m_reconnectTimer.interval(); }
    void setReconnectIntervalMs(int ms) { m_reconnectTimer.setInterval(ms); }

    // A recording plays back on the session (RecordingPlayer): no probing, reading, reconnecting
    // or connecting elsewhere until it ends; the state still follows the session.
    void setPlayback(bool on);
    bool isPlayback() const { return m_playback; }

    // Opens the link described by `choice` (and makes it the current choice, remembered).
    void connectTo(const ConnectionChoice &choice);
    void connectCurrent() { connectTo(m_choice); }
    void disconnectFromModule();

    // AT+GMR (+ AT+CIPSTATUS? when the version does not decide), then applies the result or
    // the manual override to the model and the session.
    void detectDialect();
    // detectDialect(), then the state queries (stateQueryLines), continuing past failures.
    void readModuleState();
    // The exact lines "Read module state" sends after the probe (a teaching aid).
    static QList<QByteArray> stateQueryLines(atb::Dialect dialect);
    // Everything readModuleState() sends when the version text decides the dialect.
    static QList<QByteArray> readPreview(atb::Dialect dialect);

    bool isBusy() const { return m_busy; }
    bool isReconnecting() const { return m_reconnectTimer.isActive(); }
    int reconnectAttempts() const { return m_attempts; }
    atb::DeviceSession::State state() const { return m_state; }
    atb::DialectProbeResult lastProbe() const { return m_lastProbe; }
    QString lastMessage() const { return m_lastMessage; }

    // QSettings group "portPage": last choice and options. Not written when persist is off.
    void setPersistSettings(bool on) { m_persist = on; }
    // Takes the remembered choice and options; false when no choice was remembered (the
    // current one stays).
    bool loadSettings();
    void saveSettings() const;

    // The serial port exists now (a device node, or listed by the system).
    static bool portPresent(const QString &nameOrPath);

    // Hot-plug: the port list, followed by a PortWatcher (polled every second) without a
    // refresh click; portsChanged() tells the views. When the chosen adapter comes back under
    // another name (same serial number), the choice follows it.
    atb::PortWatcher *portWatcher() const { return m_watcher; }
    QList<atb::PortDescription> ports() const;
    void onPortsChanged(const QList<atb::PortDescription> &ports);

signals:
    void choiceChanged(const ConnectionChoice &choice);
    void dialectOverrideChanged(ConnectionController::DialectOverride o);
    void autoReconnectChanged(bool on);
    void stateChanged(atb::DeviceSession::State state);
    void busyChanged(bool busy);
    void probeFinished(const atb::DialectProbeResult &result);
    // After readModuleState(): ok when every query answered; message names the failures.
    void stateReadFinished(bool ok, const QString &message);
    void reconnectingChanged(bool on);
    // A sentence for a status line ("Link lost, retrying every 2 s", "Read 8 of 8 values").
    void statusMessage(const QString &text, bool problem);
    // The open link went away without a Disconnect; `reconnecting` when it is retried.
    void linkLost(const QString &linkName, bool reconnecting);
    // The system's serial ports changed (an adapter plugged or unplugged).
    void portsChanged(const QList<atb::PortDescription> &ports);

private:
    void onStateChanged(atb::DeviceSession::State state);
    void onUrc(const atb::AtEvent &event);
    void onFinished(const atb::AtResult &result);
    void onProbeFinished(const atb::DialectProbeResult &result);
    void open(const ConnectionChoice &choice);
    void tryReconnect();
    void stopReconnecting();
    // The forced dialect, else the detected one, to the model and the session.
    void applyDialect();
    void startAfterConnect();
    void setBusy(bool on);
    void say(const QString &text, bool problem);

    atb::DeviceSession *m_session;
    atb::DeviceModel *m_model;
    SimulatorLink *m_sim;
    atb::DialectProbe *m_probe;
    atb::PortWatcher *m_watcher;
    QString m_chosenSerial; // serial number of the chosen adapter (hot-plug)
    QList<atb::PortDescription> m_ports; // as last reported
    ConnectionChoice m_choice;
    DialectOverride m_override = DialectOverride::Auto;
    bool m_autoReconnect = true;
    bool m_readOnConnect = true;
    bool m_persist = true;
    bool m_loading = false; // loadSettings(): the setters do not write back
    bool m_userClosing = false;
    bool m_wasConnected = false;
    bool m_busy = false;
    bool m_readAfterProbe = false;
    bool m_playback = false;
    int m_attempts = 0;
    atb::DeviceSession::State m_state = atb::DeviceSession::State::Disconnected;
    atb::DialectProbeResult m_lastProbe;
    QString m_lastMessage;
    QString m_lastError;
    QTimer m_reconnectTimer;
    QTimer m_settleTimer;
    QHash<quint64, QByteArray> m_reads; // pending state queries
    QStringList m_readFailures;
    int m_readTotal = 0;
};
