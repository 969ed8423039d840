#pragma once

// Network peers for tests, all on 127.0.0.1 and nowhere else: a free port, a TCP server that
// records (and by default echoes) what it receives, a UDP echo, and a TCP relay whose
// connections can be cut or whose upstream bytes can be rewritten.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUdpSocket>

#include <functional>

// A loopback TCP port nobody listens on once this returns (for "connection refused" cases and
// for programs that are told which port to listen on).
inline quint16 freeLoopbackPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// A TCP server on 127.0.0.1: keeps every client, records what they sent and echoes it unless
// told not to; tests can push data through client(i).
class TcpPeer : public QTcpServer
{
public:
    explicit TcpPeer(bool echoBack = true) : echo(echoBack)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                clients << s;
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    const QByteArray d = s->readAll();
                    received += d;
                    if (echo)
                        s->write(d);
                });
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return serverPort(); }
    QTcpSocket *client(int i = 0) const { return clients.value(i); }

    QList<QTcpSocket *> clients;
    QByteArray received; // from every client, in arrival order
    bool echo;
};

// A UDP socket on 127.0.0.1 that sends every datagram back to where it came from.
class UdpPeer : public QUdpSocket
{
public:
    UdpPeer()
    {
        bind(QHostAddress::LocalHost, 0);
        connect(this, &QUdpSocket::readyRead, this, [this] {
            while (hasPendingDatagrams()) {
                QByteArray d(int(pendingDatagramSize()), '\0');
                QHostAddress from;
                quint16 fromPort = 0;
                readDatagram(d.data(), d.size(), &from, &fromPort);
                datagrams << d;
                received += d;
                writeDatagram(d, from, fromPort);
            }
        });
    }
    quint16 port() const { return localPort(); }

    QList<QByteArray> datagrams;
    QByteArray received; // the datagrams joined
};

// A TCP relay on 127.0.0.1 to another loopback port. cut() aborts every connection (the far
// end sees it die without a goodbye, as when a device loses power); `rewriteUp`, when set,
// may change the bytes going from the client to the target (same length keeps a protocol's
// framing: a corrupted payload).
class TcpRelay : public QTcpServer
{
public:
    explicit TcpRelay(quint16 target) : m_target(target)
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *in = nextPendingConnection()) {
                auto *out = new QTcpSocket(this);
                out->connectToHost(QHostAddress::LocalHost, m_target);
                connect(in, &QTcpSocket::readyRead, out, [this, in, out] {
                    const QByteArray d = in->readAll();
                    out->write(rewriteUp ? rewriteUp(d) : d);
                });
                connect(out, &QTcpSocket::readyRead, in, [in, out] { in->write(out->readAll()); });
                connect(in, &QTcpSocket::disconnected, out, &QTcpSocket::disconnectFromHost);
                connect(out, &QTcpSocket::disconnected, in, &QTcpSocket::disconnectFromHost);
                m_sockets << in << out;
            }
        });
    }
    quint16 port() const { return serverPort(); }
    int connections() const { return int(m_sockets.size() / 2); } // accepted so far
    void cut()
    {
        for (QTcpSocket *s : std::as_const(m_sockets))
            s->abort();
    }

    std::function<QByteArray(const QByteArray &)> rewriteUp;

private:
    quint16 m_target;
    QList<QTcpSocket *> m_sockets;
};
