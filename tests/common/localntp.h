#pragma once

// A minimal SNTP server on 127.0.0.1 for tests: answers every request with the PC's current time,
// or with a fixed time (seconds since 1970, UTC) given to the constructor (receive and transmit
// timestamps both set). `address()` is "127.0.0.1:<port>", the host:port form the simulator
// accepts as an SNTP server.

#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QUdpSocket>
#include <QtEndian>

class LocalNtp : public QObject
{
public:
    LocalNtp() : LocalNtp(-1) { }
    explicit LocalNtp(qint64 fixedUnixSeconds) : m_fixedUnixSeconds(fixedUnixSeconds)
    {
        m_socket.bind(QHostAddress::LocalHost, 0);
        connect(&m_socket, &QUdpSocket::readyRead, this, [this] {
            while (m_socket.hasPendingDatagrams()) {
                QByteArray d(int(m_socket.pendingDatagramSize()), '\0');
                QHostAddress from;
                quint16 port = 0;
                m_socket.readDatagram(d.data(), d.size(), &from, &port);
                ++requests;
                QByteArray r(48, '\0');
                r[0] = 0x1c; // LI 0, VN 3, mode 4 (server)
                r[1] = 1;    // stratum
                const qint64 ms = m_fixedUnixSeconds >= 0 ? m_fixedUnixSeconds * 1000 : QDateTime::currentMSecsSinceEpoch();
                const quint32 sec = quint32(ms / 1000 + 2208988800LL);
                const quint32 frac = quint32((quint64(ms % 1000) << 32) / 1000);
                qToBigEndian<quint32>(sec, r.data() + 32); // receive timestamp
                qToBigEndian<quint32>(frac, r.data() + 36);
                qToBigEndian<quint32>(sec, r.data() + 40); // transmit timestamp
                qToBigEndian<quint32>(frac, r.data() + 44);
                m_socket.writeDatagram(r, from, port);
            }
        });
    }
    quint16 port() const { return m_socket.localPort(); }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(port()); }
    int requests = 0;

private:
    QUdpSocket m_socket;
    qint64 m_fixedUnixSeconds = -1;
};
