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
    int localPort = 0;    // UDP/DTLS: 0 = any
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
};

// AT+CIPSSLCPSK. The PSK is a secret: never logged (the session log masks it).
struct PskSettings
{
    int linkId = 5; // 5 = all links (only sent with CIPMUX=1)
    QString psk;
    QString hint;
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

    // Plans (pure: nothing is sent). errorParam is the field: catalog names ("link_id",
    // "remote_host", "remote_port", "keep_alive", "local_port", "mode", "psk", "hint", "length")
    // or "cipmux", "cipmode", "recvmode", "type", "data", "hex", "file", "links".
    OperationPlan planRead() const;
    OperationPlan planMode(const ConnectionModeSettings &s) const;
    OperationPlan planOpen(const LinkOpenSettings &s) const;
    OperationPlan planClose(int linkId) const; // kCloseAll = every link
    OperationPlan planSend(const LinkSendSettings &s) const;
    OperationPlan planPsk(const PskSettings &s) const;
    OperationPlan planEnterPassthrough() const;

    // Operations: each runs its plan. The returned plan is what was started, or carries the
    // reason nothing was (then finished() reports "<label>: not sent: <reason>").
    OperationPlan read();
    OperationPlan applyMode(const ConnectionModeSettings &s);
    OperationPlan open(const LinkOpenSettings &s);
    OperationPlan close(int linkId);
    OperationPlan send(const LinkSendSettings &s);
    OperationPlan setPsk(const PskSettings &s);
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

signals:
    void busyChanged(bool busy);
    void finished(const atb::OperationResult &result);
    void sendProgress(qint64 doneBytes, qint64 totalBytes);
    void dataReceived(int linkId, const QByteArray &bytes);
    void rawDataReceived(const QByteArray &bytes);
    void countersChanged(int linkId);
    void passthroughChanged(bool on);
    void receiveModeChanged(int mode);

private:
    OperationPlan runPlan(const QString &label, const OperationPlan &plan);
    void onUrc(const AtEvent &e);
    void onCommandDone(const AtResult &r);
    void appendReceived(int linkId, const QByteArray &bytes);
    AtCommand command(const QByteArray &line) const;
    bool linkOpen(int id) const;
    void scheduleFetch();
    void setReceiveMode(int mode);
    int openLinkCount() const;

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
};

} // namespace atb
