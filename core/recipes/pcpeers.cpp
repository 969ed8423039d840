#include "pcpeers.h"

#include <QDateTime>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUdpSocket>
#include <QtEndian>

namespace atb {

EchoServer::EchoServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = m_server->nextPendingConnection()) {
            ++m_clients;
            s->setParent(this);
            connect(s, &QTcpSocket::readyRead, s, [this, s] {
                const QByteArray d = s->readAll();
                m_echoed += d.size();
                s->write(d);
            });
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    });
}

bool EchoServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_server->listen(address, port))
        return true;
    if (error)
        *error = tr("The PC's echo server cannot listen on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(m_server->errorString());
    return false;
}

quint16 EchoServer::port() const
{
    return m_server->serverPort();
}

SntpResponder::SntpResponder(QObject *parent) : QObject(parent), m_socket(new QUdpSocket(this))
{
    connect(m_socket, &QUdpSocket::readyRead, this, &SntpResponder::answer);
}

bool SntpResponder::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_socket->bind(address, port))
        return true;
    if (error)
        *error = tr("The PC's SNTP server cannot listen on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(m_socket->errorString());
    return false;
}

quint16 SntpResponder::port() const
{
    return m_socket->localPort();
}

void SntpResponder::answer()
{
    static constexpr quint32 kNtpEpochOffset = 2208988800u; // 1900-01-01 to 1970-01-01, in s
    while (m_socket->hasPendingDatagrams()) {
        QByteArray request(int(m_socket->pendingDatagramSize()), '\0');
        QHostAddress from;
        quint16 fromPort = 0;
        m_socket->readDatagram(request.data(), request.size(), &from, &fromPort);
        if (request.size() < 48)
            continue;
        ++m_requests;
        QByteArray reply(48, '\0');
        reply[0] = char(0x24); // LI 0, version 4, mode 4 (server)
        reply[1] = 1;          // stratum 1: the PC's clock is the reference
        reply[3] = char(-20);  // precision about 1 us
        reply.replace(12, 4, "LOCL");
        const qint64 ms = QDateTime::currentMSecsSinceEpoch();
        const quint32 sec = quint32(ms / 1000 + kNtpEpochOffset);
        const quint32 frac = quint32((quint64(ms % 1000) << 32) / 1000);
        reply.replace(24, 8, request.mid(40, 8)); // originate = the client's transmit time
        for (int offset : { 16, 32, 40 }) {       // reference, receive, transmit
            qToBigEndian<quint32>(sec, reply.data() + offset);
            qToBigEndian<quint32>(frac, reply.data() + offset + 4);
        }
        m_socket->writeDatagram(reply, from, fromPort);
    }
}

} // namespace atb
