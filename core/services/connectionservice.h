#pragma once

#include "engine/atcommand.h"
#include "protocol/dialect.h"
#include "services/commandrunner.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace atb {

class DeviceModel;
class DeviceSession;

// ---- settings structs (values between the Connections page and the service) ----------------

// AT+CIPMUX / AT+CIPMODE.
struct ConnectionModeSettings
{
    int mux = 0;  // 0 single connection, 1 multiple connections
    int mode = 0; // 0 normal transmission, 1 passthrough (CIPMODE=1)
    // ESP AT+CIPRECVMODE: -1 leave as is, 0 active (+IPD carries the data), 1 passive (+IPD only
    // announces it; the service fetches it with AT+CIPRECVDATA).
    int recvMode = -1;
};

// AT+CIPSTART.
struct LinkOpenSettings
{
    int linkId = 0;       // only used with CIPMUX=1 (ESP) and always on Beken
    QString type;         // "TCP", "UDP", "SSL" (ESP) / "TCP", "UDP", "TLS", "DTLS" (Beken)
    QString host;         // IPv4 address or host name
    int remotePort = 0;   // 1..65535
    int keepAlive = 0;    // TCP/SSL/TLS: 0 off, 1..7200 s
    // UDP/DTLS: 0 = any. Beken TCP/TLS: > 0 makes the link a server on this port (seed 000
    // example 2: ...,<keepalive>,<localport>,"<localip>").
    int localPort = 0;
    QString localIp;      // Beken: the local address to bind (seed 000 examples 2 and 4); needs a local port
    int udpMode = 0;      // ESP UDP: 0 fixed peer, 1 may change once, 2 may change any time
};

// AT+CIPSEND, as many pieces as the dialect's length limit asks for.
struct LinkSendSettings
{
    enum class Format { Text, Hex, File };
    int linkId = 0;
    Format format = Format::Text;
    QString text;          // Text: sent as UTF-8; Hex: "48 65 6c" / "48656c" (blanks ignored)
    QString filePath;      // File
    bool appendCrLf = false; // Text only
    int chunkSize = 0;     // 0 = the dialect's limit (chunkLimit())
    // UDP links only: send these datagrams to another peer (AT+CIPSEND=<id>,<len>,"host",port).
    // Empty host: the link's own remote end.
    QString remoteHost;
    int remotePort = 0;
};

// AT+CIPSSLCPSK. The PSK is a secret: never logged (the session log masks it).
struct PskSettings
{
    int linkId = 5; // 5 = all links (only sent with CIPMUX=1)
    QString psk;
    QString hint;
};

// What AT+CIPSSLCPSK? reported for one link. The identity is a secret: pages show it masked.
struct PskState
{
    int linkId = 0;
    QString psk;
    QString hint;
    bool operator==(const PskState &o) const { return linkId == o.linkId && psk == o.psk && hint == o.hint; }
};

// ESP-AT's TCP/SSL server: AT+CIPSERVERMAXCONN, AT+CIPSERVER, AT+CIPSTO. (Beken servers are
// links opened with a local port, LinkOpenSettings.)
struct ServerSettings
{
    bool enabled = false;
    int port = 333;          // 1..65535 (ESP-AT's default 333)
    QString type = QStringLiteral("TCP"); // "TCP" or "SSL"
    int maxConnections = 5;  // AT+CIPSERVERMAXCONN 1..5
    int timeout = 180;       // AT+CIPSTO seconds, 0 = never; ESP-AT's default 180
    bool closeClients = true; // deleting: also close the clients' links (AT+CIPSERVER=0,1)
};

// The server as the module reported it (-1 / empty: not read yet).
struct ServerState
{
    int enabled = -1;
    int port = -1;
    QString type;
    int maxConnections = -1;
    int timeout = -1;
    bool operator==(const ServerState &o) const
    {
        return enabled == o.enabled && port == o.port && type == o.type && maxConnections == o.maxConnections
            && timeout == o.timeout;
    }
};

// TCP/UDP/TLS/DTLS links of the module: multiplexing and transmission mode, open/close, send
// (chunked CIPSEND), received data per link (+IPD) with byte counters, passthrough (enter,
// raw send, leave) and the TLS PSK. Builds every command with AtEncoder (validated against the
// command catalog of the model's dialect) and runs it through its own CommandRunner.
class ConnectionService : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxBufferBytes = 1024 * 1024; // received data kept per link
    static constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;
    static constexpr int kCloseAll = 5;

    ConnectionService(DeviceSession *session, DeviceModel *model, QObject *parent = nullptr);

    Dialect dialect() const;
    // Link ids accepted by AT+CIPSTART in this dialect (ESP 0..4, Beken 0..5), from the catalog.
    int maxLinkId() const;
    // The CIPMUX value commands are built for (the model's, or the boot default 0 when unknown).
    int effectiveMux() const;
    QStringList linkTypes() const;
    // Largest CIPSEND piece: ESP 8192 (2048 on ESP8266 firmware), Beken 1024 (recommended).
    int chunkLimit() const;

    static bool isUdpType(const QString &type); // UDP or DTLS
    // The link of that id is open (in the model).
    bool isLinkOpen(int id) const { return linkOpen(id); }

    // Plans (pure: nothing is sent). errorParam is the field: catalog names ("link_id",
    // "remote_host", "remote_port", "keep_alive", "local_port", "local_ip", "mode", "psk",
    // "hint", "length", "port", "num", "time") or "cipmux", "cipmode", "recvmode", "type",
    // "data", "hex", "file", "links", "server".
    OperationPlan planRead() const; // modes, PSKs, link status
    OperationPlan planMode(const ConnectionModeSettings &s) const;
    OperationPlan planOpen(const LinkOpenSettings &s) const;
    // kCloseAll = every link. On Beken link 5 is also "all": closing it while others are open
    // closes them too, and the plan's warning says so (pages ask first).
    OperationPlan planClose(int linkId) const;
    OperationPlan planSend(const LinkSendSettings &s) const;
    OperationPlan planPsk(const PskSettings &s) const;
    OperationPlan planReadPsk() const; // AT+CIPSSLCPSK?
    OperationPlan planEnterPassthrough() const;
    // ESP server: create (max connections, server, timeout) or delete; read it back.
    OperationPlan planServer(const ServerSettings &s) const;
    OperationPlan planReadServer() const;

    // Operations: each runs its plan. The returned plan is what was started, or carries the
    // reason nothing was (then finished() reports "<label>: not sent: <reason>").
    OperationPlan read();
    OperationPlan applyMode(const ConnectionModeSettings &s);
    OperationPlan open(const LinkOpenSettings &s);
    OperationPlan close(int linkId);
    OperationPlan send(const LinkSendSettings &s);
    OperationPlan setPsk(const PskSettings &s);
    OperationPlan readPsk();
    OperationPlan applyServer(const ServerSettings &s);
    OperationPlan readServer();
    OperationPlan enterPassthrough();
    void sendRaw(const QByteArray &bytes);
    void leavePassthrough();
    void cancel();

    bool isBusy() const { return m_runner->isBusy(); }
    // AT+CIPRECVMODE as last set or read (-1 unknown; Beken has no passive mode).
    int receiveMode() const { return m_recvMode; }
    bool inPassthrough() const;
    int passthroughLink() const { return m_ptLink; }

    // Received data per link (the last kMaxBufferBytes) and byte counters (not bounded).
    QByteArray received(int linkId) const { return m_rx.value(linkId); }
    qint64 receivedTotal(int linkId) const { return m_rxCount.value(linkId); }
    qint64 sentTotal(int linkId) const { return m_txCount.value(linkId); }
    QByteArray rawReceived() const { return m_raw; }
    void clearReceived(int linkId);
    // Keep-alive given when this service opened the link (-1 unknown).
    int keepAlive(int linkId) const { return m_keepAlive.value(linkId, -1); }
    // What the module last reported (AT+CIPSSLCPSK?, AT+CIPSERVER?, AT+CIPSERVERMAXCONN?,
    // AT+CIPSTO?, also when typed in the console) or accepted.
    QList<PskState> pskStates() const { return m_psk; }
    bool pskKnown() const { return m_pskKnown; } // AT+CIPSSLCPSK? answered since the module came up
    ServerState serverState() const { return m_server; }
    // The server plans assume the module's values where they are known, else ESP-AT's defaults.
    ServerSettings serverSettings() const;

signals:
    void busyChanged(bool busy);
    void finished(const atb::OperationResult &result);
    void sendProgress(qint64 doneBytes, qint64 totalBytes);
    void dataReceived(int linkId, const QByteArray &bytes);
    void rawDataReceived(const QByteArray &bytes);
    void countersChanged(int linkId);
    void passthroughChanged(bool on);
    void receiveModeChanged(int mode);
    void pskChanged();
    void serverChanged();

private:
    OperationPlan runPlan(const QString &label, const OperationPlan &plan);
    void onUrc(const AtEvent &e);
    void onCommandDone(const AtResult &r);
    // connectionservice_state.cpp: PSK and server state from any command's reply.
    void onAnyCommandFinished(const AtResult &r);
    void forgetModuleState(); // rebooted or disconnected: nothing known about PSKs and the server
    void appendReceived(int linkId, const QByteArray &bytes);
    AtCommand command(const QByteArray &line) const;
    bool linkOpen(int id) const;
    // Passive mode: fetch the data +IPD announced; else read the status when a link is known
    // only from CONNECT (a server's client). Runs when the runner is free, reports nothing.
    void scheduleFetch();
    bool unknownLinks() const;
    void setReceiveMode(int mode);
    int openLinkCount() const;
    QString passthroughRefusal() const;

    QPointer<DeviceSession> m_session;
    DeviceModel *m_model;
    CommandRunner *m_runner;
    QHash<int, QByteArray> m_rx;
    QHash<int, qint64> m_rxCount;
    QHash<int, qint64> m_txCount;
    QHash<int, int> m_keepAlive;
    QByteArray m_raw;
    int m_ptLink = 0;
    qint64 m_sendTotal = 0;
    qint64 m_sendDone = 0;
    int m_pendingKeepAlive = -1;
    int m_pendingKeepAliveId = -1;
    int m_recvMode = -1;
    QHash<int, qint64> m_toFetch; // passive mode: link -> bytes announced by +IPD
    bool m_fetching = false;
    QList<PskState> m_psk;
    bool m_pskKnown = false;
    ServerState m_server;
};

} // namespace atb
