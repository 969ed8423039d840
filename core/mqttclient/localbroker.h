#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>

class QTemporaryDir;
class QTcpSocket;

namespace atb {

// "Start a local broker": runs mosquitto on a free 127.0.0.1 port with a generated configuration
// in a temporary folder (anonymous access, no persistence, nothing but loopback), plus a
// WebSocket listener on a second free port when the installed mosquitto has one that works;
// stops it when stopped or destroyed (and, on Linux, when AT Bench dies: the child gets SIGTERM
// from the kernel).
//
// WebSocket with Debian's mosquitto 2.0.11: it is built with libwebsockets (4.1), but a
// configuration whose only listener is a WebSocket one ends with "Unable to start any listening
// sockets" (mosquitto only counts its own MQTT listeners there), and without `socket_domain ipv4`
// the WebSocket listener ignores the 127.0.0.1 bind address and listens on every interface. The
// generated configuration therefore always has the plain MQTT listener first and gives the
// WebSocket listener `socket_domain ipv4`. A mosquitto without WebSocket support ("Websockets
// support not available") is started again without it, and webSocketNote() says why.
class LocalBroker : public QObject
{
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Running, Failed };
    Q_ENUM(State)

    explicit LocalBroker(QObject *parent = nullptr);
    ~LocalBroker() override;

    // The mosquitto program: $ATBENCH_MOSQUITTO, else PATH, /usr/sbin, /usr/local/sbin; empty
    // when not installed.
    static QString program();

    // Asynchronous: started() or failed(reason) follows. `webSocket`: also a WebSocket listener.
    void start(bool webSocket = true);
    // Terminates mosquitto (SIGTERM, then SIGKILL after 3 s) and waits for it.
    void stop();
    // Kills mosquitto at once without the usual shutdown (tests: a broker that goes away).
    void kill();

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 port() const { return m_port; }
    quint16 webSocketPort() const { return m_wsPort; }
    QString webSocketPath() const { return QStringLiteral("/mqtt"); }
    // Why there is no WebSocket listener (empty when there is one or none was asked for).
    QString webSocketNote() const { return m_wsNote; }
    // "127.0.0.1:PORT" (and ", WebSocket ws://127.0.0.1:PORT/mqtt").
    QString addressText() const;
    QString lastError() const { return m_error; }
    // mosquitto's last lines of output (its log goes to stderr), oldest first, at most 50.
    QStringList logTail() const { return m_log; }
    qint64 processId() const { return m_proc ? m_proc->processId() : 0; }

signals:
    void stateChanged(atb::LocalBroker::State state);
    void started();
    void failed(const QString &reason);
    // mosquitto ended while it was running (killed, crashed): the reason in words.
    void stoppedUnexpectedly(const QString &reason);

private:
    void launch();
    bool writeConfig(QString *error);
    void probe();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onOutput();
    void fail(const QString &reason);
    void setState(State s);
    static quint16 freePort();

    State m_state = State::Stopped;
    bool m_wantWebSocket = true;
    bool m_webSocket = false; // in this attempt's configuration
    bool m_plainUp = false;   // the MQTT listener answered; the WebSocket one is probed next
    int m_attempts = 0;
    quint16 m_port = 0, m_wsPort = 0;
    QString m_program, m_wsNote, m_error;
    QStringList m_log;
    QByteArray m_partial;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess *m_proc = nullptr;
    QTcpSocket *m_probe = nullptr;
    QTimer m_probeTimer;
    QTimer m_deadline;
};

} // namespace atb
