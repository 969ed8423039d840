#pragma once

#include "engine/devicesession.h"
#include "engine/dialectprobe.h"
#include "transport/serialtransport.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

namespace atb {
class DeviceModel;
}
class SimulatorLink;

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

// Where to connect, as the port bar describes it. A value passed to MainWindow.
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
    // "/dev/ttyUSB0 @ 115200", "tcp://host:port", "Simulated module (ESP-AT)"
    QString displayName() const;
};

// The one object that knows where we connect and how: the current ConnectionChoice (shared by
// the port bar and the Port page, so they never disagree), the dialect override, automatic
// reconnection after an unplug, dialect detection and "read module state" after every
// (re)connect. Drives the session through its thread-safe calls and listens to its signals.
// Its options are remembered in QSettings group "portPage" (never a password).
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
    void setChoice(const ConnectionChoice &choice);
    DialectOverride dialectOverride() const { return m_override; }
    void setDialectOverride(DialectOverride o);
    bool autoReconnect() const { return m_autoReconnect; }
    void setAutoReconnect(bool on);
    // Detect the dialect and read the state after each (re)connect (default on).
    bool readOnConnect() const { return m_readOnConnect; }
    void setReadOnConnect(bool on) { m_readOnConnect = on; }
    int reconnectIntervalMs() const { return m_reconnectTimer.interval(); }
    void setReconnectIntervalMs(int ms) { m_reconnectTimer.setInterval(ms); }

    // Opens the link described by `choice` (and makes it the current choice).
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
    void loadSettings();
    void saveSettings() const;

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

private:
    void onStateChanged(atb::DeviceSession::State state);
    void onUrc(const atb::AtEvent &event);
    void onFinished(const atb::AtResult &result);
    void onProbeFinished(const atb::DialectProbeResult &result);
    void open(const ConnectionChoice &choice);
    void tryReconnect();
    void startAfterConnect();
    void setBusy(bool on);
    void say(const QString &text, bool problem);
    bool portPresent(const QString &nameOrPath) const;

    atb::DeviceSession *m_session;
    atb::DeviceModel *m_model;
    SimulatorLink *m_sim;
    atb::DialectProbe *m_probe;
    ConnectionChoice m_choice;
    DialectOverride m_override = DialectOverride::Auto;
    bool m_autoReconnect = true;
    bool m_readOnConnect = true;
    bool m_persist = true;
    bool m_userClosing = false;
    bool m_wasConnected = false;
    bool m_busy = false;
    bool m_readAfterProbe = false;
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

// The port bar: serial port (or simulator, or TCP bridge), baud rate, flow control, DTR/RTS on
// open, Connect/Disconnect and a state indicator.
class ConnectionBar : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionBar(bool simulatorEntries, QWidget *parent = nullptr);

    // Fills *choice from the widgets; false with *error set when an entry is invalid.
    bool choice(ConnectionChoice *choice, QString *error) const;
    // Selects the entries that describe `choice` (serial port names not listed are added).
    void setChoice(const ConnectionChoice &choice);
    // Selects a serial port by name or path; false when it is not listed.
    bool selectSerialPort(const QString &nameOrPath);
    int serialPortCount() const;
    // Serial ports that look like real adapters (USB IDs or a description), as opposed to bare
    // legacy or virtual UARTs such as an unused ttyS0.
    int adapterCount() const;

    void setState(atb::DeviceSession::State state);

    // Shares the choice with `controller`: edits here update it, its changes (from the Port
    // page) update the widgets. One object holds the state; the bar is a view of it.
    void setController(ConnectionController *controller);
    ConnectionController *controller() const { return m_controller; }

    QComboBox *portCombo() const { return m_port; }
    QComboBox *baudCombo() const { return m_baud; }
    QLineEdit *tcpEdit() const { return m_tcp; }
    QPushButton *connectButton() const { return m_connect; }
    QLabel *stateLabel() const { return m_state; }

public slots:
    void refreshPorts();

signals:
    void connectRequested();
    void disconnectRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateEnabled();

    void pushToController();

    ConnectionController *m_controller = nullptr;
    bool m_syncing = false;
    bool m_simulatorEntries;
    QLabel *m_portLabel;
    QComboBox *m_port;
    QToolButton *m_refresh;
    QLineEdit *m_tcp;
    QLabel *m_baudLabel;
    QComboBox *m_baud;
    QLabel *m_flowLabel;
    QComboBox *m_flow;
    QCheckBox *m_dtr;
    QCheckBox *m_rts;
    QPushButton *m_connect;
    QLabel *m_state;
    atb::DeviceSession::State m_sessionState = atb::DeviceSession::State::Disconnected;
};
