#pragma once

#include <QHostAddress>
#include <QObject>

class QTcpServer;
class QUdpSocket;

namespace atb {

// PC-side peers a recipe starts for the module to talk to (pc.echoServer(), pc.ntpServer()).
// They listen on the address given: 127.0.0.1 for the simulator, the PC's address on the
// module's network for real hardware. They live as long as the run that started them.

// TCP echo: every client's bytes go straight back to it.
class EchoServer : public QObject
{
    Q_OBJECT
public:
    explicit EchoServer(QObject *parent = nullptr);
    // Port 0: any free one. False with *error when it cannot listen.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;
    qint64 echoedBytes() const { return m_echoed; }
    int clients() const { return m_clients; }

private:
    QTcpServer *m_server;
    qint64 m_echoed = 0;
    int m_clients = 0;
};

// SNTP (RFC 4330) server: answers each request with the PC's clock, as stratum 1.
class SntpResponder : public QObject
{
    Q_OBJECT
public:
    explicit SntpResponder(QObject *parent = nullptr);
    // Port 0: any free one (the simulator takes "host:port"; real modules ask port 123).
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;
    int requests() const { return m_requests; }

private:
    void answer();
    QUdpSocket *m_socket;
    int m_requests = 0;
};

} // namespace atb
