#pragma once
// Pinger: one ICMP echo round trip to an IPv4 address.
// Method, in order: an unprivileged ICMP datagram socket (needs net.ipv4.ping_group_range), a raw
// ICMP socket (needs CAP_NET_RAW), otherwise a documented fallback: the time of a TCP connect to
// port 7 (echo) where both "connected" and "connection refused" count as a reply (the host
// answered), and no answer within the timeout counts as TIMEOUT. method() says which was used.
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

class QSocketNotifier;
class QTcpSocket;

namespace atb::sim {

class Pinger : public QObject
{
    Q_OBJECT
public:
    enum class Method { IcmpDatagram, IcmpRaw, TcpConnect };
    explicit Pinger(QObject *parent = nullptr);
    ~Pinger() override;

    void ping(const QHostAddress &address, int sequence, int timeoutMs);
    Method method() const { return m_method; }

signals:
    // ok=false: timeout. elapsedUs: round-trip time in microseconds; ttl (-1 if unknown).
    void finished(bool ok, qint64 elapsedUs, int ttl);

private:
    void cleanup();
    void onReadable();
    void done(bool ok, int ttl);

    Method m_method = Method::IcmpDatagram;
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QTcpSocket *m_tcp = nullptr;
    QTimer m_timeout;
    QElapsedTimer m_clock;
    quint16 m_ident = 0;
    quint16 m_seq = 0;
    bool m_busy = false;
};

} // namespace atb::sim
