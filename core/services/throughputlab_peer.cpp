// ThroughputLab's PC-side peer: the TCP server or UDP socket the module connects to, acting as
// sink, source or echo, with the source paced by what the checker has received.
#include "throughputlab.h"

#include "stats/throughputmeter.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QUdpSocket>

namespace atb {

bool ThroughputLab::openPeer(QString *error)
{
    closePeer();
    const QHostAddress addr(m_s.peerAddress);
    if (m_s.protocol == LabSettings::Protocol::Tcp) {
        m_server = new QTcpServer(this);
        if (!m_server->listen(addr, m_s.peerPort)) {
            *error = tr("The PC-side peer cannot listen on %1:%2: %3")
                         .arg(m_s.peerAddress).arg(m_s.peerPort).arg(m_server->errorString());
            closePeer();
            return false;
        }
        m_port = m_server->serverPort();
        connect(m_server, &QTcpServer::newConnection, this, &ThroughputLab::onNewConnection);
    } else {
        m_udp = new QUdpSocket(this);
        if (!m_udp->bind(addr, m_s.peerPort)) {
            *error = tr("The PC-side peer cannot bind %1:%2: %3")
                         .arg(m_s.peerAddress).arg(m_s.peerPort).arg(m_udp->errorString());
            closePeer();
            return false;
        }
        m_port = m_udp->localPort();
        m_udpRemotePort = 0;
        connect(m_udp, &QUdpSocket::readyRead, this, &ThroughputLab::onUdpReadable);
    }
    return true;
}

void ThroughputLab::closePeer()
{
    m_sourceOn = false;
    if (m_peer) {
        m_peer->disconnect(this);
        m_peer->abort();
        m_peer->deleteLater();
        m_peer = nullptr;
    }
    if (m_server) {
        m_server->close();
        m_server->deleteLater();
        m_server = nullptr;
    }
    if (m_udp) {
        m_udp->disconnect(this);
        m_udp->close();
        m_udp->deleteLater();
        m_udp = nullptr;
    }
}

void ThroughputLab::onNewConnection()
{
    while (QTcpSocket *s = m_server->nextPendingConnection()) {
        if (m_peer) { // one link per run
            s->abort();
            s->deleteLater();
            continue;
        }
        m_peer = s;
        m_peer->setReadBufferSize(0);
        connect(m_peer, &QTcpSocket::readyRead, this, [this] { onPeerData(m_peer->readAll()); });
        connect(m_peer, &QTcpSocket::bytesWritten, this, &ThroughputLab::feedSource);
        feedSource(); // a source run may already be waiting for the peer
    }
}

void ThroughputLab::onUdpReadable()
{
    while (m_udp && m_udp->hasPendingDatagrams()) {
        QByteArray d(int(qMax<qint64>(0, m_udp->pendingDatagramSize())), '\0');
        QHostAddress from;
        quint16 fromPort = 0;
        const qint64 n = m_udp->readDatagram(d.data(), d.size(), &from, &fromPort);
        if (n < 0)
            break;
        d.resize(n);
        m_udpRemote = from;
        m_udpRemotePort = fromPort;
        if (m_helloPending && !m_s.sendsFromModule()) {
            m_helloPending = false; // the module's hello: now the source knows where to send
            m_meter->add(ThroughputPath::PeerRx, n);
            m_sourceOn = true;
            feedSource();
            continue;
        }
        onPeerData(d);
    }
}

void ThroughputLab::onPeerData(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    m_meter->add(ThroughputPath::PeerRx, bytes.size());
    if (m_s.mode == LabSettings::Mode::Echo) {
        if (m_peer)
            m_peer->write(bytes);
        else if (m_udp)
            m_udp->writeDatagram(bytes, m_udpRemote, m_udpRemotePort);
        m_meter->add(ThroughputPath::PeerTx, bytes.size());
        return;
    }
    if (!m_s.sendsFromModule())
        return; // a source ignores what comes back
    m_check.feed(bytes);
    m_lastDeliveredNs = m_clock.nsecsElapsed();
    if (m_s.mode == LabSettings::Mode::SendPassthrough && m_phase == Phase::Streaming)
        pump();
}

void ThroughputLab::feedSource()
{
    if (!m_sourceOn || m_phase != Phase::Streaming || m_s.sendsFromModule())
        return;
    const double rate = double(m_s.baud) / 10.0;
    // Keep at most ~0.2 s of line time (>= 8 KiB) in flight, so the drain after the run is short
    // and the kernel's socket buffers do not hide megabytes.
    const qint64 window = qMax<qint64>(8192, qint64(rate * 0.2));
    const int chunk = qMax(1, m_s.chunkSize);
    while (m_sent - m_check.received() < window) {
        // The module reports CONNECT as soon as its connection is made, which can be before this
        // side has accepted it: generate nothing until there is somewhere to send it, or the
        // stream would start with a hole the checker reports as misframing.
        if (!m_peer && !(m_udp && m_udpRemotePort))
            break;
        const QByteArray d = m_gen.next(chunk);
        bool written = true;
        if (m_peer)
            m_peer->write(d);
        else
            written = m_udp->writeDatagram(d, m_udpRemote, m_udpRemotePort) >= 0;
        if (m_firstSentNs < 0)
            m_firstSentNs = m_clock.nsecsElapsed();
        // A datagram the socket refused still counts as sent, so it shows up as lost.
        m_sent += d.size();
        m_meter->add(ThroughputPath::PeerTx, d.size());
        if (!written)
            break;
    }
}

} // namespace atb
