// SimulatedModule: data arriving on links, +IPD, closing and reconnecting links (P 2.6, P 4.1).
#include "simulator/simulatedmodule.h"

#include "simulator/delayline.h"
#include "simulator/wire.h"
#include "simulator/uartpacer.h"

#include <QDtls>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUdpSocket>

namespace atb::sim {

void SimulatedModule::attachSocket(Link *l)
{
    QAbstractSocket *s = l->socket;
    if (l->dtls)
        return; // the DTLS readyRead handler set up in cmdCipstart() pumps the link
    if (qobject_cast<QTcpSocket *>(s))
        s->setReadBufferSize(64 * 1024); // bounded: beyond this TCP flow control pushes back
    connect(s, &QIODevice::readyRead, this, [this, s]() {
        if (Link *l = m_links.bySocket(s))
            pumpLink(l);
    });
    connect(s, &QAbstractSocket::disconnected, this, [this, s]() {
        if (Link *l = m_links.bySocket(s))
            onLinkDisconnected(l->id);
    });
}

void SimulatedModule::pumpLink(Link *l)
{
    if (!l->socket)
        return;
    if (auto *u = qobject_cast<QUdpSocket *>(l->socket)) {
        if (l->dtls) {
            while (u->hasPendingDatagrams()) {
                QByteArray dg(int(qMax<qint64>(0, u->pendingDatagramSize())), '\0');
                dg.resize(qMax<qint64>(0, u->readDatagram(dg.data(), dg.size())));
                const QByteArray plain = l->dtls->decryptDatagram(u, dg);
                if (l->dtls->isConnectionEncrypted() && !plain.isEmpty())
                    deliverLater(l, plain, l->remoteAddr.toString(), l->remotePort);
                else if (!l->dtls->isConnectionEncrypted()) { // peer sent close_notify
                    onLinkDisconnected(l->id);
                    return;
                }
            }
            return;
        }
        while (u->hasPendingDatagrams()) {
            QHostAddress from;
            quint16 fromPort = 0;
            QByteArray d;
            d.resize(qMax<qint64>(0, u->pendingDatagramSize()));
            const qint64 n = u->readDatagram(d.data(), d.size(), &from, &fromPort);
            if (n < 0)
                break;
            d.resize(n);
            // UDP mode 1: the peer may change once; mode 2: any number of times (ESP).
            if (l->udpMode == 2 || (l->udpMode == 1 && !l->passiveNotified)) {
                l->remoteAddr = from;
                l->remoteHost = from.toString();
                l->remotePort = fromPort;
            }
            deliverLater(l, d, from.toString(), fromPort);
        }
        return;
    }
    const bool passive = m_recvMode == 1 && !(m_cipmode == 1);
    if (passive) {
        const qint64 window = 5760; // ESP default socket window (P 2.6)
        const qint64 room = window - l->passive.size() - l->inFlight;
        if (room > 0 && l->socket->bytesAvailable() > 0) {
            passiveLater(l, l->socket->read(room));
        }
        return;
    }
    const qint64 chunk = isEsp() ? 2920 : 1024; // ESP delivers at most 2920 bytes per +IPD
    while (l->socket && l->socket->bytesAvailable() > 0) {
        if (baud() > 0 && pendingToHost() + m_net->pendingBytes() > kHostBacklogHigh) {
            // The UART is the bottleneck: leave the rest in the socket (TCP pushes back).
            m_linksStarved = true;
            m_pacer->keepTicking();
            return;
        }
        const QByteArray d = l->socket->read(chunk);
        deliverLater(l, d, l->remoteAddr.toString(), l->remotePort);
    }
}

// Passive receive: the data lands in the link's buffer after the latency; +IPD,<len> once.
void SimulatedModule::passiveLater(Link *l, const QByteArray &data)
{
    l->inFlight += data.size();
    const int id = l->id;
    const quint64 gen = m_generation;
    m_net->post([this, id, gen, data]() {
        Link *l = link(id);
        if (gen != m_generation || !l)
            return;
        l->inFlight -= data.size();
        l->passive += data;
        if (!l->passiveNotified) {
            l->passiveNotified = true;
            outLine("+IPD," + (m_cipmux ? num(l->id) + "," : QByteArray()) + num(l->passive.size()));
        }
    }, data.size());
}

// Data from the network reaches the module after the network's latency (m_net).
void SimulatedModule::deliverLater(Link *l, const QByteArray &data, const QString &fromIp, quint16 fromPort)
{
    const int id = l->id;
    const quint64 gen = m_generation;
    m_net->post([this, id, gen, data, fromIp, fromPort]() {
        if (Link *l = link(id); l && gen == m_generation)
            deliverToHost(l, data, fromIp, fromPort);
    }, data.size());
}

void SimulatedModule::deliverToHost(Link *l, const QByteArray &data, const QString &fromIp, quint16 fromPort)
{
    if (data.isEmpty())
        return;
    if (m_dataMode == DataMode::Passthrough || (isEsp() && m_cipmode == 1)) {
        out(data); // passthrough (receiving) mode: raw, no +IPD (P 4.1, P 7.3 #56)
        return;
    }
    if (isBeken()) {
        out("+IPD(" + num(l->id) + ")," + num(data.size()) + ":" + data); // P 2.6, P 7.6 #117
        return;
    }
    if (m_recvMode == 1 && l->type == QLatin1String("UDP")) {
        // Passive mode for UDP: buffered like TCP.
        l->passive += data;
        if (!l->passiveNotified) {
            l->passiveNotified = true;
            outLine("+IPD," + (m_cipmux ? num(l->id) + "," : QByteArray()) + num(l->passive.size()));
        }
        return;
    }
    QByteArray h = "\r\n+IPD,";
    if (m_cipmux)
        h += num(l->id) + ",";
    h += num(data.size());
    if (m_cipdinfo)
        h += ",\"" + fromIp.toLatin1() + "\"," + num(fromPort);
    out(h + ":" + data);
}

void SimulatedModule::onLinkDisconnected(int id)
{
    Link *l = link(id);
    if (!l || l->disconnecting)
        return;
    // Drain what is still buffered before reporting the close; the close travels the same
    // delay line as the data, so it arrives after it.
    if (l->socket && l->socket->bytesAvailable() > 0) {
        if (m_recvMode == 1 && m_cipmode == 0) {
            passiveLater(l, l->socket->readAll());
        } else {
            while (l->socket->bytesAvailable() > 0)
                deliverLater(l, l->socket->read(isEsp() ? 2920 : 1024), l->remoteAddr.toString(), l->remotePort);
        }
    }
    l->disconnecting = true;
    const quint64 gen = m_generation;
    m_net->post([this, id, gen]() {
        if (gen == m_generation)
            finishDisconnect(id);
    });
}

void SimulatedModule::finishDisconnect(int id)
{
    Link *l = link(id);
    if (!l)
        return;
    l->disconnecting = false;
    if (m_recvMode == 1 && !l->passive.isEmpty()) {
        // Passive receive: CLOSED is withheld until the data has been read (P 2.6).
        l->closePending = true;
        l->connected = false;
        if (!l->passiveNotified) {
            l->passiveNotified = true;
            outLine("+IPD," + (m_cipmux ? num(l->id) + "," : QByteArray()) + num(l->passive.size()));
        }
        return;
    }
    if (l->listener) {
        // Beken TCP server link: the client went away, wait for the next one.
        l->socket->deleteLater();
        l->socket = nullptr;
        l->connected = false;
        return;
    }
    if (m_dataMode == DataMode::Passthrough && id == m_dataLink && isEsp() && !l->server
        && l->type != QLatin1String("UDP")) {
        // ESP passthrough client: keep reconnecting until "+++" (P 4.1). Status lines only
        // with AT+SYSMSG bit 2.
        if (m_sysmsg & 4)
            outLine("CLOSED");
        l->socket->disconnect(this);
        l->socket->deleteLater();
        l->socket = nullptr;
        l->connected = false;
        scheduleReconnect(id);
        return;
    }
    closeLink(id, true);
}

void SimulatedModule::printConnect(int id)
{
    Link *l = link(id);
    if (l && (m_sysmsg & 2)) {
        // AT+SYSMSG bit 1: +LINK_CONN replaces <id>,CONNECT (P 2.6).
        outLine("+LINK_CONN:0," + num(id) + ",\"" + l->type.toLatin1() + "\"," + (l->server ? "1" : "0") + ",\""
                + l->remoteAddr.toString().toLatin1() + "\"," + num(l->remotePort) + "," + num(l->localPort));
        return;
    }
    outLine(m_cipmux ? num(id) + ",CONNECT" : QByteArray("CONNECT"));
}

void SimulatedModule::scheduleReconnect(int id)
{
    const quint64 gen = m_generation;
    // AT+CIPRECONNINTV, in units of 100 ms.
    QTimer::singleShot(m_settings.reconnIntv * 100, this, [this, gen, id]() {
        Link *l = link(id);
        if (gen != m_generation || !l || l->connected || m_dataMode != DataMode::Passthrough || id != m_dataLink)
            return;
        QTcpSocket *s = l->type == QLatin1String("SSL") ? new QSslSocket(this) : new QTcpSocket(this);
        l->socket = s;
        auto up = [this, id, s]() {
            Link *l = link(id);
            if (!l || l->socket != s)
                return;
            l->connected = true;
            l->localPort = s->localPort();
            attachSocket(l);
            if (m_sysmsg & 4)
                outLine("CONNECT");
        };
        connect(s, &QAbstractSocket::errorOccurred, this, [this, id, s](QAbstractSocket::SocketError) {
            Link *l = link(id);
            if (!l || l->socket != s || l->connected)
                return;
            s->disconnect(this);
            s->deleteLater();
            l->socket = nullptr;
            scheduleReconnect(id);
        });
        if (auto *ssl = qobject_cast<QSslSocket *>(s)) {
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
            connect(ssl, &QSslSocket::encrypted, this, up);
            ssl->connectToHostEncrypted(l->remoteHost, l->remotePort);
        } else {
            connect(s, &QAbstractSocket::connected, this, up);
            s->connectToHost(l->remoteAddr, l->remotePort);
        }
    });
}

void SimulatedModule::closeLink(int id, bool printUrc)
{
    Link *l = m_links.take(id);
    if (!l)
        return;
    if (l->dtls && l->dtls->isConnectionEncrypted())
        l->dtls->shutdown(static_cast<QUdpSocket *>(l->socket)); // close_notify to the peer
    if (l->socket) {
        l->socket->disconnect(this);
        l->socket->abort();
        l->socket->deleteLater();
    }
    if (l->listener) {
        l->listener->close();
        l->listener->deleteLater();
    }
    delete l;
    if (printUrc && isEsp())
        outLine(m_cipmux ? num(id) + ",CLOSED" : QByteArray("CLOSED"));
}

void SimulatedModule::closeAllLinks(bool printUrc)
{
    for (int id : m_links.ids())
        closeLink(id, printUrc);
}

} // namespace atb::sim
