// SimulatedModule: TCP/IP commands with real sockets on the host (P 2.5, 2.6, 4, 5.2-5.5).
#include "simulator/simulatedmodule.h"

#include "simulator/pinger.h"
#include "simulator/simlogging.h"

#include <QDateTime>
#include <QDnsLookup>
#include <QDtls>
#include <QSslConfiguration>
#include <QHostInfo>
#include <QSslPreSharedKeyAuthenticator>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUdpSocket>
#include <QtEndian>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace atb::sim {

namespace {
int typeCode(const QString &t)
{
    if (t == QLatin1String("UDP"))
        return 1;
    if (t == QLatin1String("SSL") || t == QLatin1String("TLS"))
        return 2;
    if (t == QLatin1String("DTLS"))
        return 3;
    return 0;
}
QByteArray num(qint64 v) { return QByteArray::number(v); }
} // namespace

int SimulatedModule::maxLinks() const
{
    return isEsp() ? 5 : 6; // ESP ids 0..4, Beken 0..5 (P 5.2, P 6 #2)
}

SimulatedModule::Link *SimulatedModule::link(int id)
{
    return m_links.value(id, nullptr);
}

bool SimulatedModule::peerAllowed(const QHostAddress &a) const
{
    return !m_options.loopbackOnly || a.isLoopback();
}

void SimulatedModule::resolveHost(const QString &host, std::function<void(QString)> done)
{
    QHostAddress a;
    if (a.setAddress(host)) {
        done(peerAllowed(a) ? a.toString() : QString());
        return;
    }
    if (host.isEmpty() || (m_options.loopbackOnly && host != QLatin1String("localhost"))) {
        done(QString());
        return;
    }
    const quint64 gen = m_generation;
    // With loopbackOnly nothing may leave the machine: a manual DNS server is only asked when
    // it is itself a loopback address.
    const bool serverAllowed = !m_dnsServers.isEmpty()
        && (!m_options.loopbackOnly || QHostAddress(m_dnsServers.first()).isLoopback());
    if (m_dnsEnable == 1 && serverAllowed) {
        // Manual DNS (AT+CIPDNS=1,...): ask that server directly (Qt 6.4: port 53 only).
        auto *lookup = new QDnsLookup(QDnsLookup::A, host, QHostAddress(m_dnsServers.first()), this);
        connect(lookup, &QDnsLookup::finished, this, [this, lookup, done, gen]() {
            lookup->deleteLater();
            if (gen != m_generation)
                return;
            QString ip;
            const auto recs = lookup->hostAddressRecords();
            for (const QDnsHostAddressRecord &r : recs)
                if (r.value().protocol() == QAbstractSocket::IPv4Protocol && peerAllowed(r.value())) {
                    ip = r.value().toString();
                    break;
                }
            done(ip);
        });
        lookup->lookup();
        return;
    }
    QHostInfo::lookupHost(host, this, [this, done, gen](const QHostInfo &info) {
        if (gen != m_generation)
            return;
        QString ip;
        for (const QHostAddress &r : info.addresses())
            if (r.protocol() == QAbstractSocket::IPv4Protocol && peerAllowed(r)) {
                ip = r.toString();
                break;
            }
        done(ip);
    });
}

// ---------------------------------------------------------------------------------------------

void SimulatedModule::cmdCipmux(const Command &c)
{
    if (c.kind == 'q') {
        outLine("+CIPMUX:" + num(m_cipmux));
        finishOk();
        return;
    }
    qint64 v = 0;
    if (!intParam(c, 0, &v) || v < 0 || v > 1) {
        finishError(0x01070000);
        return;
    }
    if (m_options.dialect != Dialect::BekenSrc) {
        // Only with no link open, and multi-link only in normal mode (P 5.2, P 7.2 #16-17).
        if ((v != m_cipmux && !m_links.isEmpty()) || (v == 1 && m_cipmode == 1) || (v == 0 && m_server)) {
            finishError(0x010a0000);
            return;
        }
    }
    m_cipmux = int(v);
    finishOk();
}

void SimulatedModule::cmdCipmode(const Command &c)
{
    if (c.kind == 'q' && m_options.dialect == Dialect::BekenSrc) {
        finishError(); // the source's table has "AT+CIPMODE" but no "AT+CIPMODE?" (P 3.2)
        return;
    }
    if (c.kind == 'q') {
        outLine("+CIPMODE:" + num(m_cipmode));
        finishOk();
        return;
    }
    qint64 v = 0;
    if (!intParam(c, 0, &v) || v < 0 || v > 1) {
        finishError(0x01070000);
        return;
    }
    if (isEsp() && v == 1 && m_cipmux == 1) {
        finishError(0x010a0000);
        return;
    }
    m_cipmode = int(v);
    finishOk();
}

void SimulatedModule::cmdCipdinfo(const Command &c)
{
    if (c.kind == 'q') {
        outLine(m_cipdinfo ? "+CIPDINFO:true" : "+CIPDINFO:false");
        finishOk();
        return;
    }
    qint64 v = 0;
    if (!intParam(c, 0, &v) || v < 0 || v > 1) {
        finishError(0x01070000);
        return;
    }
    m_cipdinfo = int(v);
    finishOk();
}

void SimulatedModule::cmdTransintvl(const Command &c)
{
    intSetting(c, "+TRANSINTVL:", &m_transIntvl, 1000);
}

// ---------------------------------------------------------------------------------------------
// CIPSTART

void SimulatedModule::cmdCipstart(const Command &c)
{
    int idx = 0, id = 0;
    qint64 v = 0;
    const bool firstIsNumber = !c.params.isEmpty() && !c.params.first().quoted && intParam(c, 0, &v);
    if (isEsp() ? m_cipmux == 1 : firstIsNumber) {
        if (!intParam(c, 0, &v) || v < 0 || v >= maxLinks()) {
            finishError(0x01070000);
            return;
        }
        id = int(v);
        idx = 1;
    } else if (isEsp() && firstIsNumber) {
        finishError(0x01070000);
        return;
    }
    QString type = strParam(c, idx).trimmed().toUpper();
    if (type == QLatin1String("0"))
        type = QStringLiteral("TCP");
    else if (type == QLatin1String("1"))
        type = QStringLiteral("UDP");
    else if (type == QLatin1String("2") || (isBeken() && type == QLatin1String("TLS")))
        type = QStringLiteral("SSL");
    else if (isBeken() && type == QLatin1String("3"))
        type = QStringLiteral("DTLS");
    const QString host = strParam(c, idx + 1).trimmed();
    qint64 port = 0;
    // DTLS exists only in the Beken seed (type 3); ESP-AT has TCP, UDP and SSL.
    const bool dtls = type == QLatin1String("DTLS") && isBeken();
    if ((type != QLatin1String("TCP") && type != QLatin1String("UDP") && type != QLatin1String("SSL") && !dtls)
        || host.isEmpty() || !intParam(c, idx + 2, &port) || port < 1 || port > 65535) {
        finishError(0x01070000);
        return;
    }
    if (m_options.dialect == Dialect::BekenSrc && QHostAddress(host).protocol() != QAbstractSocket::IPv4Protocol) {
        finishError(); // the Beken source wants a dotted IPv4 remote host (P 5.2)
        return;
    }
    qint64 keepAlive = 0, localPort = 0, udpMode = 0;
    QString localIp;
    if (type == QLatin1String("UDP") || type == QLatin1String("DTLS")) {
        // Position 5 is the local port for UDP/DTLS (P 6 #9).
        if (hasParam(c, idx + 3) && (!intParam(c, idx + 3, &localPort) || localPort < 0 || localPort > 65535)) {
            finishError(0x01070000);
            return;
        }
        if (isEsp() && hasParam(c, idx + 4) && (!intParam(c, idx + 4, &udpMode) || udpMode < 0 || udpMode > 2)) {
            finishError(0x01070000);
            return;
        }
        if (isBeken() && hasParam(c, idx + 4))
            localIp = strParam(c, idx + 4);
    } else {
        if (hasParam(c, idx + 3) && (!intParam(c, idx + 3, &keepAlive) || keepAlive < 0 || keepAlive > 7200)) {
            finishError(0x01070000);
            return;
        }
        if (isBeken() && hasParam(c, idx + 4)) {
            // Beken "TCP server" form: ...,<keepalive>,<localport>,"<localip>" (seed 000 example 2).
            if (!intParam(c, idx + 4, &localPort) || localPort < 1 || localPort > 65535) {
                finishError(0x01070000);
                return;
            }
            localIp = strParam(c, idx + 5);
        }
    }
    if (!m_wifiConnected) {
        finishError(0x010a0000);
        return;
    }
    if (Link *existing = link(id)) {
        Q_UNUSED(existing);
        if (isEsp())
            outLine("ALREADY CONNECTED");
        finishError(0x010a0000);
        return;
    }
    if (isEsp() && m_cipmux == 0 && !m_links.isEmpty()) {
        outLine("ALREADY CONNECTED");
        finishError(0x010a0000);
        return;
    }

    auto *l = new Link;
    l->id = id;
    l->type = type;
    l->remoteHost = host;
    l->remotePort = quint16(port);
    l->keepAlive = int(keepAlive);
    l->udpMode = int(udpMode);
    m_links.insert(id, l);
    m_hadLinks = true;
    beginAsync();
    const quint64 gen = m_generation;

    auto connectedReply = [this, id]() {
        if (isEsp())
            printConnect(id);
        finishOk();
    };
    auto fail = [this, id, gen]() {
        if (gen != m_generation)
            return;
        closeLink(id, false);
        finishError(0x010a0000);
    };

    if (isBeken() && type == QLatin1String("TCP") && localPort > 0) {
        // Listen on loopback only whatever <localip> says (the network rule of this project).
        l->server = true;
        l->listener = new QTcpServer(this);
        if (!l->listener->listen(QHostAddress::LocalHost, quint16(localPort))) {
            fail();
            return;
        }
        l->localPort = l->listener->serverPort();
        QTcpServer *srv = l->listener;
        connect(srv, &QTcpServer::newConnection, this, [this, srv]() {
            for (Link *lk : std::as_const(m_links)) {
                if (lk->listener != srv)
                    continue;
                QTcpSocket *s = srv->nextPendingConnection();
                if (lk->socket) {
                    s->abort();
                    s->deleteLater();
                    return;
                }
                s->setParent(this);
                lk->socket = s;
                lk->connected = true;
                lk->remoteHost = s->peerAddress().toString();
                lk->remotePort = s->peerPort();
                attachSocket(lk);
                return;
            }
        });
        finishOk();
        return;
    }

    resolveHost(host, [this, id, gen, type, localPort, connectedReply, fail](const QString &ip) {
        if (gen != m_generation)
            return;
        Link *l = link(id);
        if (!l)
            return;
        if (ip.isEmpty()) {
            qCInfo(lcSimNet) << "CIPSTART: cannot resolve or not allowed:" << l->remoteHost;
            fail();
            return;
        }
        l->remoteAddr = QHostAddress(ip);
        if (type == QLatin1String("DTLS")) {
            auto *u = new QUdpSocket(this);
            if (!u->bind(QHostAddress(l->remoteAddr.isLoopback() ? QHostAddress::LocalHost : QHostAddress::AnyIPv4),
                         quint16(localPort))) {
                delete u;
                fail();
                return;
            }
            l->socket = u;
            l->localPort = u->localPort();
            l->dtls = new QDtls(QSslSocket::SslClientMode, u);
            QSslConfiguration conf = QSslConfiguration::defaultDtlsConfiguration();
            conf.setPeerVerifyMode(QSslSocket::VerifyNone); // like the TLS links: no verification
            l->dtls->setDtlsConfiguration(conf);
            l->dtls->setPeer(l->remoteAddr, l->remotePort);
            QDtls *d = l->dtls;
            connect(d, &QDtls::handshakeTimeout, this, [d, u]() { d->handleTimeout(u); });
            auto *timeout = new QTimer(u);
            timeout->setSingleShot(true);
            connect(timeout, &QTimer::timeout, this, [fail]() { fail(); });
            timeout->start(10000);
            connect(u, &QUdpSocket::readyRead, this, [this, id, gen, u, timeout, connectedReply, fail]() {
                Link *l = link(id);
                if (gen != m_generation || !l || l->socket != u)
                    return;
                if (l->connected) {
                    pumpLink(l);
                    return;
                }
                while (u->hasPendingDatagrams()) {
                    QByteArray dg(int(qMax<qint64>(0, u->pendingDatagramSize())), '\0');
                    dg.resize(qMax<qint64>(0, u->readDatagram(dg.data(), dg.size())));
                    if (!l->dtls->doHandshake(u, dg)) {
                        qCInfo(lcSimNet) << "DTLS handshake failed:" << l->dtls->dtlsErrorString();
                        fail();
                        return;
                    }
                    if (l->dtls->handshakeState() == QDtls::PeerVerificationFailed) {
                        l->dtls->ignoreVerificationErrors(l->dtls->peerVerificationErrors());
                        l->dtls->resumeHandshake(u);
                    }
                    if (l->dtls->isConnectionEncrypted()) {
                        timeout->stop();
                        l->connected = true;
                        connectedReply();
                        return;
                    }
                }
            });
            if (!l->dtls->doHandshake(u)) {
                fail();
                return;
            }
            return;
        }
        if (type == QLatin1String("UDP")) {
            auto *u = new QUdpSocket(this);
            const QHostAddress bindAddr = l->remoteAddr.isLoopback() ? QHostAddress(QHostAddress::LocalHost)
                                                                     : QHostAddress(QHostAddress::AnyIPv4);
            if (!u->bind(bindAddr, quint16(localPort))) {
                delete u;
                fail();
                return;
            }
            l->socket = u;
            l->localPort = u->localPort();
            l->connected = true;
            attachSocket(l);
            connectedReply();
            return;
        }
        QTcpSocket *s = nullptr;
        if (type == QLatin1String("SSL")) {
            auto *ssl = new QSslSocket(this);
            // ESP default AT+CIPSSLCCONF=0: no certificate verification.
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
            s = ssl;
        } else {
            s = new QTcpSocket(this);
        }
        l->socket = s;
        auto *timeout = new QTimer(s);
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, this, [fail]() { fail(); });
        timeout->start(10000);
        auto onUp = [this, id, gen, s, timeout, connectedReply]() {
            timeout->stop();
            Link *l = link(id);
            if (gen != m_generation || !l || l->socket != s)
                return;
            l->connected = true;
            l->localPort = s->localPort();
            if (l->keepAlive > 0) {
                // TCP_KEEPIDLE = parameter, TCP_KEEPINTVL 1, TCP_KEEPCNT 3 (seed 000, P 1.1).
                s->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
                const int fd = int(s->socketDescriptor());
                int idle = l->keepAlive, intvl = 1, cnt = 3;
                setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
                setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &intvl, sizeof intvl);
                setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &cnt, sizeof cnt);
            }
            attachSocket(l);
            connectedReply();
        };
        connect(s, &QAbstractSocket::errorOccurred, this, [this, id, s, fail](QAbstractSocket::SocketError) {
            Link *l = link(id);
            if (l && l->socket == s && !l->connected)
                fail();
        });
        if (auto *ssl = qobject_cast<QSslSocket *>(s)) {
            connect(ssl, &QSslSocket::encrypted, this, onUp);
            connect(ssl, &QSslSocket::sslErrors, ssl, [ssl](const QList<QSslError> &) { ssl->ignoreSslErrors(); });
            connect(ssl, &QSslSocket::preSharedKeyAuthenticationRequired, this, [this, id](QSslPreSharedKeyAuthenticator *a) {
                // AT+CIPSSLCPSK gives an identity and a hint; the identity is used for both (ESP docs are vague).
                const auto psk = m_psk.value(id, m_psk.value(5));
                a->setIdentity(psk.first.toUtf8());
                a->setPreSharedKey(psk.first.toUtf8());
            });
            ssl->connectToHostEncrypted(l->remoteHost, l->remotePort);
        } else {
            connect(s, &QAbstractSocket::connected, this, onUp);
            s->connectToHost(l->remoteAddr, l->remotePort);
        }
    });
}

void SimulatedModule::attachSocket(Link *l)
{
    QAbstractSocket *s = l->socket;
    if (l->dtls)
        return; // the DTLS readyRead handler set up in cmdCipstart() pumps the link
    if (qobject_cast<QTcpSocket *>(s))
        s->setReadBufferSize(64 * 1024); // bounded: beyond this TCP flow control pushes back
    connect(s, &QIODevice::readyRead, this, [this, s]() {
        for (Link *l : std::as_const(m_links))
            if (l->socket == s) {
                pumpLink(l);
                return;
            }
    });
    connect(s, &QAbstractSocket::disconnected, this, [this, s]() {
        for (Link *l : std::as_const(m_links))
            if (l->socket == s) {
                onLinkDisconnected(l->id);
                return;
            }
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
                    deliverToHost(l, plain, l->remoteAddr.toString(), l->remotePort);
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
            deliverToHost(l, d, from.toString(), fromPort);
        }
        return;
    }
    const bool passive = m_recvMode == 1 && !(m_cipmode == 1);
    if (passive) {
        const qint64 window = 5760; // ESP default socket window (P 2.6)
        const qint64 room = window - l->passive.size();
        if (room > 0 && l->socket->bytesAvailable() > 0)
            l->passive += l->socket->read(room);
        if (!l->passive.isEmpty() && !l->passiveNotified) {
            l->passiveNotified = true;
            outLine("+IPD," + (m_cipmux ? num(l->id) + "," : QByteArray()) + num(l->passive.size()));
        }
        return;
    }
    const qint64 chunk = isEsp() ? 2920 : 1024; // ESP delivers at most 2920 bytes per +IPD
    while (l->socket && l->socket->bytesAvailable() > 0) {
        if (m_baud > 0 && pendingToHost() > kHostBacklogHigh) {
            // The UART is the bottleneck: leave the rest in the socket (TCP pushes back).
            m_linksStarved = true;
            ensurePacer();
            return;
        }
        const QByteArray d = l->socket->read(chunk);
        deliverToHost(l, d, l->remoteAddr.toString(), l->remotePort);
    }
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
    if (!l)
        return;
    // Drain what is still buffered before reporting the close.
    if (l->socket && l->socket->bytesAvailable() > 0) {
        if (m_recvMode == 1 && m_cipmode == 0) {
            l->passive += l->socket->readAll();
        } else {
            while (l->socket->bytesAvailable() > 0)
                deliverToHost(l, l->socket->read(isEsp() ? 2920 : 1024), l->remoteAddr.toString(), l->remotePort);
        }
    }
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
    QTimer::singleShot(1000, this, [this, gen, id]() {
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
    QList<int> ids = m_links.keys();
    std::sort(ids.begin(), ids.end());
    for (int id : ids)
        closeLink(id, printUrc);
}

// ---------------------------------------------------------------------------------------------
// CIPSEND / CIPSENDEX / passthrough

void SimulatedModule::cmdCipsend(const Command &c, bool ex)
{
    if (c.kind == 'e') {
        // Passthrough: CIPMODE=1 and one link (ESP: CIPMUX=0) (P 4.1, 4.2, P 7.5 #100).
        Link *only = nullptr;
        int connected = 0;
        for (Link *l : std::as_const(m_links))
            if (l->connected) {
                only = l;
                ++connected;
            }
        const bool okEsp = isEsp() && m_cipmode == 1 && m_cipmux == 0 && only;
        const bool okBeken = isBeken() && m_cipmode == 1 && connected == 1;
        if (!(okEsp || okBeken)) {
            finishCipSendError();
            return;
        }
        m_dataLink = only->id;
        m_ptBuffer.clear();
        m_ptPlus = 0;
        m_ptLastByteMs = m_clock.elapsed();
        m_dataMode = DataMode::Passthrough;
        out(isEsp() ? QByteArray("\r\nOK\r\n\r\n>") : QByteArray("\r\n>"));
        m_executing = true;
        return;
    }
    qint64 id = 0, len = 0;
    int idx = 0;
    const int n = int(c.params.size());
    if (isEsp()) {
        if (m_cipmux) {
            if (!intParam(c, 0, &id)) {
                finishError(0x01070000);
                return;
            }
            idx = 1;
        }
    } else if (n == 2 || n == 4) {
        intParam(c, 0, &id);
        idx = 1;
    }
    if (!intParam(c, idx, &len)) {
        finishCipSendError();
        return;
    }
    QString host;
    qint64 port = 0;
    if (hasParam(c, idx + 1)) {
        host = strParam(c, idx + 1);
        if (!intParam(c, idx + 2, &port) || port < 1 || port > 65535) {
            finishCipSendError();
            return;
        }
    }
    const qint64 maxLen = isEsp() ? 8192 : 2048; // P 3.3
    Link *l = link(int(id));
    if (len < 1 || len > maxLen || id < 0 || id >= maxLinks() || !l || !l->connected
        || (!host.isEmpty() && l->type != QLatin1String("UDP"))) {
        finishCipSendError();
        return;
    }
    if (!host.isEmpty()) {
        QHostAddress a;
        if (host == QLatin1String("localhost"))
            a = QHostAddress::LocalHost;
        else if (!a.setAddress(host) || !peerAllowed(a)) {
            finishCipSendError(); // only literal addresses for the per-send UDP peer
            return;
        }
        m_dataHost = a.toString();
    } else {
        m_dataHost.clear();
    }
    m_dataPort = quint16(port);
    m_dataLink = int(id);
    m_dataExpected = len;
    m_data.clear();
    m_dataMode = ex ? DataMode::CipSendEx : DataMode::CipSend;
    m_executing = true;
    // ESP: OK, blank, ">"; Beken: CR LF ">" without OK (P 2.5).
    out(isEsp() ? QByteArray("\r\nOK\r\n\r\n>") : QByteArray("\r\n>"));
}

void SimulatedModule::handleDataBytes(const QByteArray &bytes, int *consumed)
{
    qsizetype i = 0;
    bool endEarly = false;
    while (i < bytes.size() && m_data.size() < m_dataExpected) {
        const char ch = bytes.at(i++);
        if (m_dataMode == DataMode::CipSendEx && ch == '0' && m_data.endsWith('\\')) {
            // CIPSENDEX: "\0" ends the data early (P 3.1); "\\0" would be a literal "\0".
            if (m_data.endsWith("\\\\")) {
                m_data.chop(1);
                m_data.append('0');
                continue;
            }
            m_data.chop(1);
            endEarly = true;
            break;
        }
        m_data.append(ch);
    }
    *consumed = int(i);
    if (m_data.size() < m_dataExpected && !endEarly)
        return;

    const DataMode mode = m_dataMode;
    m_dataMode = DataMode::None;
    const bool surplus = i < bytes.size();
    if (mode == DataMode::MqttPubRaw) {
        mqttPublishRaw();
        if (surplus && isEsp()) {
            out("busy p...\r\n");
            *consumed = int(bytes.size());
        }
        return;
    }
    if (isEsp())
        out("\r\nRecv " + num(m_data.size()) + " bytes\r\n");
    if (surplus) {
        // Beyond <len>: ESP answers busy p... and sends the first <len> bytes; Beken echoes
        // the surplus and prints BUSY after SEND OK (P 2.5, P 7.2 #26, P 7.6 #116).
        if (isEsp())
            out("busy p...\r\n");
        else
            m_surplus = bytes.mid(i);
        *consumed = int(bytes.size());
    }
    Link *l = link(m_dataLink);
    const bool ok = l && writeToLink(l, m_data, m_dataHost, m_dataPort);
    m_data.clear();
    // The module stays busy until the stack has taken the data (next event loop turn).
    m_sendingData = true;
    const quint64 gen = m_generation;
    QTimer::singleShot(0, this, [this, gen, ok]() {
        if (gen == m_generation)
            finishSend(ok);
    });
}

void SimulatedModule::finishSend(bool ok)
{
    m_sendingData = false;
    QByteArray bytes;
    if (isEsp())
        bytes = ok ? QByteArray("\r\nSEND OK\r\n") : QByteArray("\r\nSEND FAIL\r\n");
    else if (ok)
        bytes = "SEND OK\r\n";
    else
        bytes = m_options.dialect == Dialect::BekenDoc ? QByteArray("CMDRSP:ERROR\r\n") : QByteArray("SEND ERROR\r\n");
    if (!m_surplus.isEmpty()) {
        bytes += m_surplus + "\r\nBUSY\r\n";
        m_surplus.clear();
    }
    m_executing = false;
    out(bytes);
    finishNone();
}

bool SimulatedModule::writeToLink(Link *l, const QByteArray &data, const QString &host, quint16 port)
{
    if (!l->socket || !l->connected)
        return false;
    if (l->dtls)
        return l->dtls->writeDatagramEncrypted(static_cast<QUdpSocket *>(l->socket), data) == data.size();
    if (auto *u = qobject_cast<QUdpSocket *>(l->socket)) {
        const QHostAddress to = host.isEmpty() ? l->remoteAddr : QHostAddress(host);
        const quint16 toPort = host.isEmpty() ? l->remotePort : port;
        return u->writeDatagram(data, to, toPort) == data.size();
    }
    return l->socket->write(data) == data.size();
}

void SimulatedModule::handlePassthroughBytes(const QByteArray &bytes)
{
    // "+++" exits data mode only as a packet of its own: >= 20 ms silence before the first '+',
    // the three within 20 ms, and >= 20 ms silence after (P 4.1; Beken: a chunk equal to "+++",
    // reproduced with the same guard times since chunking is an artefact of the UART driver).
    const qint64 now = m_clock.elapsed();
    for (char ch : bytes) {
        const qint64 gap = now - m_ptLastByteMs;
        if (ch == '+' && m_ptPlus == 0 && gap >= 20) {
            m_ptPlus = 1;
        } else if (ch == '+' && m_ptPlus > 0 && m_ptPlus < 3 && gap < 20) {
            ++m_ptPlus;
        } else {
            if (m_ptPlus > 0) {
                m_ptBuffer.append(QByteArray(m_ptPlus, '+'));
                m_ptPlus = 0;
            }
            m_ptBuffer.append(ch);
        }
        m_ptLastByteMs = now;
    }
    const qsizetype chunk = isEsp() ? 2920 : 1460;
    while (m_ptBuffer.size() >= chunk)
        flushPassthrough(false);
    if (!m_ptBuffer.isEmpty())
        m_ptFlushTimer.start(qMax(1, m_transIntvl)); // idle flush (AT+TRANSINTVL, default 20 ms)
    if (m_ptPlus > 0)
        m_ptGuardTimer.start(20);
    else
        m_ptGuardTimer.stop();
}

void SimulatedModule::flushPassthrough(bool all)
{
    const qsizetype chunk = isEsp() ? 2920 : 1460;
    Link *l = link(m_dataLink);
    do {
        const QByteArray d = m_ptBuffer.left(chunk);
        m_ptBuffer.remove(0, d.size());
        if (l && !d.isEmpty())
            writeToLink(l, d);
    } while (all && !m_ptBuffer.isEmpty());
}

void SimulatedModule::passthroughGuardTimeout()
{
    if (m_dataMode != DataMode::Passthrough)
        return;
    if (m_ptPlus == 3 && m_clock.elapsed() - m_ptLastByteMs >= 20) {
        m_ptPlus = 0;
        flushPassthrough(true);
        m_ptFlushTimer.stop();
        m_dataMode = DataMode::None;
        m_lastPassthroughExitMs = m_clock.elapsed();
        m_executing = false;
        if (isBeken())
            outLine("+QUIT"); // P 4.2
        else if (m_sysmsg & 1)
            outLine("+QUITT"); // P 4.1: only with AT+SYSMSG bit 0
        finishNone();
        return;
    }
    if (m_ptPlus > 0) {
        m_ptBuffer.append(QByteArray(m_ptPlus, '+'));
        m_ptPlus = 0;
        m_ptFlushTimer.start(qMax(1, m_transIntvl));
    }
}

// ---------------------------------------------------------------------------------------------
// CIPCLOSE / CIPSTATUS / CIPSERVER

void SimulatedModule::cmdCipclose(const Command &c)
{
    if (c.kind == 'e') {
        if (isEsp() && m_cipmux == 0 && link(0)) {
            closeLink(0, true);
            finishOk();
        } else {
            finishError(0x010a0000);
        }
        return;
    }
    qint64 id = 0;
    if (!intParam(c, 0, &id) || id < 0 || id > 5) {
        finishError(0x01070000);
        return;
    }
    if (id == 5) { // 5 closes all (P 5.2)
        closeAllLinks(true);
        finishOk();
        return;
    }
    if (!link(int(id))) {
        finishError(0x010a0000);
        return;
    }
    closeLink(int(id), true);
    finishOk();
}

void SimulatedModule::cmdCipstatus(const Command &c)
{
    QList<int> ids = m_links.keys();
    std::sort(ids.begin(), ids.end());
    if (m_options.dialect == Dialect::BekenDoc) {
        // Seed 000: +BIPSTATUS:<type>,<remoteip>,<port>,<localport>,<tetype> and no final code.
        for (int id : ids) {
            Link *l = link(id);
            outLine("+BIPSTATUS:" + num(typeCode(l->type)) + "," + l->remoteHost.toLatin1() + "," + num(l->remotePort)
                    + "," + num(l->localPort) + "," + (l->server ? "1" : "0"));
        }
        finishNone();
        return;
    }
    if (m_options.dialect == Dialect::BekenSrc) {
        // network_link_status(): note the blanks after some commas; no final code (P 2.4).
        if (ids.isEmpty())
            outLine("+BIPSTATUS:ALL disconnect");
        for (int id : ids) {
            Link *l = link(id);
            outLine("+BIPSTATUS:" + num(id) + ",connected, " + num(typeCode(l->type)) + ", " + l->remoteHost.toLatin1()
                    + ", " + num(l->remotePort) + "," + num(l->localPort) + "," + (l->server ? "1" : "0"));
        }
        finishNone();
        return;
    }
    const bool state = c.name == "AT+CIPSTATE";
    if (!state) {
        const int stat = !m_wifiConnected ? 5 : (!m_links.isEmpty() ? 3 : (m_hadLinks ? 4 : 2));
        outLine("STATUS:" + num(stat));
    }
    for (int id : ids) {
        Link *l = link(id);
        if (!l->connected && !l->closePending)
            continue;
        outLine((state ? "+CIPSTATE:" : "+CIPSTATUS:") + num(id) + ",\"" + l->type.toLatin1() + "\",\""
                + l->remoteHost.toLatin1() + "\"," + num(l->remotePort) + "," + num(l->localPort) + ","
                + (l->server ? "1" : "0"));
    }
    finishOk();
}

void SimulatedModule::cmdCipserver(const Command &c)
{
    if (c.name == "AT+CIPSERVERMAXCONN") {
        if (c.kind == 'q') {
            outLine("+CIPSERVERMAXCONN:" + num(m_serverMaxConn));
            finishOk();
            return;
        }
        qint64 v = 0;
        if (!intParam(c, 0, &v) || v < 1 || v > 5) {
            finishError(0x01070000);
            return;
        }
        m_serverMaxConn = int(v);
        finishOk();
        return;
    }
    if (c.kind == 'q') {
        if (m_server)
            outLine("+CIPSERVER:1," + num(m_server->serverPort()) + ",\"TCP\",0");
        else
            outLine("+CIPSERVER:0");
        finishOk();
        return;
    }
    qint64 mode = 0, port = 333;
    if (!intParam(c, 0, &mode) || mode < 0 || mode > 1 || (hasParam(c, 1) && (!intParam(c, 1, &port) || port < 1 || port > 65535))) {
        finishError(0x01070000);
        return;
    }
    if (mode == 0) {
        if (!m_server) {
            finishError(0x010a0000);
            return;
        }
        delete m_server;
        m_server = nullptr;
        qint64 closeAll = 0;
        if (hasParam(c, 1) && intParam(c, 1, &closeAll) && closeAll == 1) {
            for (int id : m_links.keys())
                if (link(id)->server)
                    closeLink(id, true);
        }
        finishOk();
        return;
    }
    if (m_cipmux != 1 || m_server || (hasParam(c, 2) && strParam(c, 2).toUpper() != QLatin1String("TCP"))) {
        finishError(0x010a0000); // servers need CIPMUX=1 (P 5.2); SSL servers are not simulated
        return;
    }
    m_server = new QTcpServer(this);
    // Loopback only: the simulator never exposes a port to the network.
    if (!m_server->listen(QHostAddress::LocalHost, quint16(port))) {
        delete m_server;
        m_server = nullptr;
        finishError(0x010a0000);
        return;
    }
    QTcpServer *srv = m_server;
    connect(srv, &QTcpServer::newConnection, this, [this, srv]() {
        while (QTcpSocket *s = srv->nextPendingConnection()) {
            int serverLinks = 0, freeId = -1;
            for (int id = 0; id < maxLinks(); ++id) {
                if (Link *l = link(id)) {
                    if (l->server)
                        ++serverLinks;
                } else if (freeId < 0) {
                    freeId = id;
                }
            }
            if (freeId < 0 || serverLinks >= m_serverMaxConn) {
                s->abort();
                s->deleteLater();
                continue;
            }
            s->setParent(this);
            auto *l = new Link;
            l->id = freeId;
            l->type = QStringLiteral("TCP");
            l->socket = s;
            l->server = true;
            l->connected = true;
            l->remoteAddr = s->peerAddress();
            l->remoteHost = s->peerAddress().toString();
            l->remotePort = s->peerPort();
            l->localPort = s->localPort();
            m_links.insert(freeId, l);
            m_hadLinks = true;
            attachSocket(l);
            if (isEsp())
                printConnect(freeId);
            if (s->bytesAvailable())
                pumpLink(l);
        }
    });
    finishOk();
}

// ---------------------------------------------------------------------------------------------
// Passive receive (ESP v2.x AT+CIPRECVMODE, P 2.6)

void SimulatedModule::cmdCiprecvmode(const Command &c)
{
    intSetting(c, "+CIPRECVMODE:", &m_recvMode, 1);
}

void SimulatedModule::cmdCiprecvdata(const Command &c)
{
    qint64 id = 0, len = 0;
    const bool ok = m_cipmux ? (intParam(c, 0, &id) && intParam(c, 1, &len)) : intParam(c, 0, &len);
    Link *l = ok ? link(int(id)) : nullptr;
    if (!ok || len < 1 || m_recvMode != 1 || !l || l->passive.isEmpty()) {
        finishError(0x010a0000);
        return;
    }
    const QByteArray d = l->passive.left(len);
    l->passive.remove(0, d.size());
    QByteArray head = "+CIPRECVDATA:" + num(d.size()) + ",";
    if (m_cipdinfo)
        head += "\"" + l->remoteAddr.toString().toLatin1() + "\"," + num(l->remotePort) + ",";
    out(head + d);
    finishOk();
    l->passiveNotified = false;
    if (l->closePending && l->passive.isEmpty()) {
        closeLink(l->id, true);
        return;
    }
    pumpLink(l);
}

void SimulatedModule::cmdCiprecvlen(const Command &)
{
    if (!m_cipmux) {
        Link *l = link(0);
        outLine("+CIPRECVLEN:" + num(l ? l->passive.size() : 0));
    } else {
        QByteArray line = "+CIPRECVLEN:";
        for (int id = 0; id < 5; ++id) {
            if (id)
                line += ',';
            if (Link *l = link(id))
                line += num(l->passive.size());
        }
        outLine(line);
    }
    finishOk();
}

// ---------------------------------------------------------------------------------------------
// DNS (P 5.4)

void SimulatedModule::cmdCipdns(const Command &c)
{
    static const QStringList espDefaults { QStringLiteral("208.67.222.222"), QStringLiteral("114.114.114.114"),
                                           QStringLiteral("8.8.8.8") };
    if (c.kind == 'q') {
        if (m_options.dialect == Dialect::BekenSrc) {
            finishError(); // no query handler in the Beken source (P 5.4)
            return;
        }
        QStringList list;
        if (m_dnsEnable == 1)
            list = m_dnsServers.isEmpty() ? QStringList { QStringLiteral("208.67.222.222") } : m_dnsServers;
        else
            list = isEsp() ? espDefaults : QStringList { QStringLiteral("208.67.222.222") };
        QByteArray line = "+CIPDNS:" + num(m_dnsEnable);
        for (const QString &s : std::as_const(list))
            line += ",\"" + s.toLatin1() + "\"";
        outLine(line);
        finishOk();
        return;
    }
    qint64 en = 0;
    if (!intParam(c, 0, &en) || en < 0 || en > 1 || c.params.size() > 4) {
        finishError(0x01070000);
        return;
    }
    QStringList servers;
    for (int i = 1; i < c.params.size(); ++i) {
        if (!hasParam(c, i))
            continue;
        QHostAddress a;
        if (!a.setAddress(strParam(c, i)) || a.protocol() != QAbstractSocket::IPv4Protocol) {
            finishError(0x01070000);
            return;
        }
        if (servers.contains(a.toString())) {
            finishError(0x01070000); // the servers must differ (seed 000, P 7.2 #47)
            return;
        }
        servers.append(a.toString());
    }
    if (en == 1 && servers.isEmpty() && m_options.dialect == Dialect::BekenSrc) {
        finishError(); // P 7.6 #120
        return;
    }
    m_dnsEnable = int(en);
    m_dnsServers = en == 1 ? servers : QStringList();
    finishOk();
}

void SimulatedModule::cmdCipdomain(const Command &c)
{
    const QString name = strParam(c, 0);
    if (name.isEmpty() || name.size() > 64) {
        finishError(0x01070000);
        return;
    }
    if (!m_wifiConnected) {
        finishError(0x010a0000);
        return;
    }
    beginAsync();
    const quint64 gen = m_generation;
    resolveHost(name, [this, gen](const QString &ip) {
        if (gen != m_generation)
            return;
        if (ip.isEmpty()) {
            if (m_options.dialect == Dialect::BekenSrc)
                finishNone(); // the source prints nothing at all on failure (P 5.4)
            else
                finishError(0x010a0000);
            return;
        }
        if (m_options.dialect == Dialect::BekenSrc)
            outLine("+CIPDOMAIN:" + ip.toLatin1());
        else
            outLine("+CIPDOMAIN:\"" + ip.toLatin1() + "\"");
        finishOk();
    });
}

// ---------------------------------------------------------------------------------------------
// PING (P 5.5)

void SimulatedModule::cmdPing(const Command &c)
{
    const QString host = strParam(c, 0);
    if (host.isEmpty()) {
        finishError(0x01070000);
        return;
    }
    const Dialect d = m_options.dialect;
    auto timeoutReply = [this, d]() {
        if (d == Dialect::BekenDoc) {
            outLine("+PING:TIMEOUT");
            finishNone();
        } else if (d == Dialect::BekenSrc) {
            outLine("ping: unknown host");
            finishError();
        } else {
            outLine("+PING:TIMEOUT");
            finishError(0x010a0000);
        }
    };
    if (!m_wifiConnected) {
        beginAsync();
        timeoutReply();
        return;
    }
    beginAsync();
    const quint64 gen = m_generation;
    resolveHost(host, [this, gen, d, timeoutReply](const QString &ip) {
        if (gen != m_generation)
            return;
        if (ip.isEmpty()) {
            timeoutReply();
            return;
        }
        if (!m_pinger)
            m_pinger = new Pinger(this);
        const int rounds = d == Dialect::BekenSrc ? 4 : 1;
        auto seq = std::make_shared<int>(0);
        auto anyOk = std::make_shared<bool>(false);
        m_pinger->disconnect(this);
        connect(m_pinger, &Pinger::finished, this, [this, gen, d, ip, rounds, seq, anyOk](bool ok, qint64 us, int ttl) {
            if (gen != m_generation)
                return;
            const qint64 ms = (us + 999) / 1000; // whole milliseconds, rounded up
            if (d == Dialect::BekenSrc) {
                if (ok)
                    outLine("64 bytes from " + ip.toLatin1() + " icmp_seq=" + num(*seq) + " ttl="
                            + num(ttl > 0 ? ttl : 64) + " time=" + num(ms) + " ticks");
                else
                    outLine("From " + ip.toLatin1() + " icmp_seq=" + num(*seq) + " timeout");
                *anyOk = *anyOk || ok;
                if (++*seq < rounds) {
                    m_pinger->ping(QHostAddress(ip), *seq, 1000);
                    return;
                }
                finishOk();
                return;
            }
            if (ok) {
                outLine("+PING:" + num(ms));
                if (d == Dialect::BekenDoc)
                    finishNone();
                else
                    finishOk();
            } else {
                outLine("+PING:TIMEOUT");
                if (d == Dialect::BekenDoc)
                    finishNone();
                else
                    finishError(0x010a0000);
            }
        });
        m_pinger->ping(QHostAddress(ip), 0, d == Dialect::BekenSrc ? 1000 : 3000);
    });
}

// ---------------------------------------------------------------------------------------------
// SNTP (P 5.3). A server may be given as host:port (tests use a local responder).

void SimulatedModule::cmdCipsntpcfg(const Command &c)
{
    const Dialect d = m_options.dialect;
    if (c.kind == 'q') {
        QByteArray line = "+CIPSNTPCFG:" + num(m_sntp.enable) + "," + num(m_sntp.tzRaw);
        if (m_sntp.enable || isEsp()) {
            for (const QString &s : std::as_const(m_sntp.servers))
                line += d == Dialect::BekenSrc ? "," + s.toUtf8() : ",\"" + s.toUtf8() + "\"";
        }
        outLine(line);
        finishOk();
        return;
    }
    qint64 en = 0, tz = 0;
    if (!intParam(c, 0, &en) || en < 0 || en > 1 || c.params.size() > 5) {
        finishError(0x01070000);
        return;
    }
    if (en == 0 && d == Dialect::BekenSrc) {
        m_sntp.enable = 0; // enable=0 returns OK without touching the other fields (P 5.3)
        finishOk();
        return;
    }
    if (hasParam(c, 1) && !intParam(c, 1, &tz)) {
        finishError(0x01070000);
        return;
    }
    int minutes = 0;
    if (isEsp()) {
        // -12..14 hours, or [+|-]hhmm (P 5.3).
        if (tz >= -12 && tz <= 14) {
            minutes = int(tz) * 60;
        } else {
            const qint64 hh = tz / 100, mm = qAbs(tz % 100);
            if (hh < -12 || hh > 14 || (mm != 0 && mm != 15 && mm != 30 && mm != 45)) {
                finishError(0x01070000);
                return;
            }
            minutes = int(hh * 60 + (tz < 0 ? -mm : mm));
        }
    } else {
        if (tz < -12 || tz > 12) { // seed 000: [-12,12] (P 7.5 #104)
            finishError(0x01070000);
            return;
        }
        minutes = int(tz) * 60;
    }
    QStringList servers;
    for (int i = 2; i < c.params.size(); ++i)
        if (hasParam(c, i))
            servers.append(strParam(c, i));
    m_sntp.enable = int(en);
    m_sntp.tzRaw = int(tz);
    m_sntp.tzMinutes = minutes;
    if (!servers.isEmpty())
        m_sntp.servers = servers;
    m_sntp.synced = false;
    finishOk();
    if (m_sntp.enable && m_wifiConnected)
        startNtpQuery();
}

void SimulatedModule::startNtpQuery()
{
    if (m_sntp.servers.isEmpty())
        return;
    const QString server = m_sntp.servers.first();
    QString host = server;
    quint16 port = 123;
    const int colon = server.lastIndexOf(QLatin1Char(':'));
    if (colon > 0 && server.count(QLatin1Char(':')) == 1) {
        host = server.left(colon);
        port = quint16(server.mid(colon + 1).toUInt());
    }
    const quint64 gen = m_generation;
    resolveHost(host, [this, gen, port](const QString &ip) {
        if (gen != m_generation || ip.isEmpty()) {
            qCInfo(lcSimNet) << "SNTP: server not resolvable or not allowed";
            return;
        }
        delete m_ntpSocket;
        m_ntpSocket = new QUdpSocket(this);
        QUdpSocket *sock = m_ntpSocket;
        auto sentAt = std::make_shared<qint64>(QDateTime::currentMSecsSinceEpoch());
        connect(sock, &QUdpSocket::readyRead, this, [this, sock, sentAt]() {
            while (sock->hasPendingDatagrams()) {
                QByteArray d(qMax<qint64>(0, sock->pendingDatagramSize()), '\0');
                d.resize(qMax<qint64>(0, sock->readDatagram(d.data(), d.size())));
                if (d.size() < 48)
                    continue;
                // Transmit timestamp: seconds since 1900 at offset 40, fraction at 44 (RFC 5905).
                const quint32 sec = qFromBigEndian<quint32>(d.constData() + 40);
                const quint32 frac = qFromBigEndian<quint32>(d.constData() + 44);
                if (sec == 0)
                    continue;
                const qint64 serverMs = (qint64(sec) - 2208988800LL) * 1000 + qint64((quint64(frac) * 1000) >> 32);
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                m_sntp.offsetMs = serverMs + (now - *sentAt) / 2 - now;
                m_sntp.synced = true;
                qCInfo(lcSimNet) << "SNTP synchronised, offset ms" << m_sntp.offsetMs;
                sock->deleteLater();
                if (m_ntpSocket == sock)
                    m_ntpSocket = nullptr;
                return;
            }
        });
        QByteArray req(48, '\0');
        req[0] = 0x1b; // LI 0, VN 3, mode 3 (client)
        sock->writeDatagram(req, QHostAddress(ip), port);
    });
}

void SimulatedModule::cmdCipsntptime(const Command &)
{
    const Dialect d = m_options.dialect;
    if (d == Dialect::BekenSrc && !m_wifiConnected) {
        finishError(); // P 7.6 #118
        return;
    }
    // Before a sync the clock starts at the epoch, as on a freshly booted module.
    const qint64 ms = m_sntp.synced ? QDateTime::currentMSecsSinceEpoch() + m_sntp.offsetMs : m_clock.elapsed();
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).addSecs(qint64(m_sntp.tzMinutes) * 60);
    const QDate date = t.date();
    const QTime time = t.time();
    QByteArray s;
    if (d == Dialect::Esp) {
        static const char *days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
        static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
        s = QString::asprintf("%s %s %2d %02d:%02d:%02d %d", days[date.dayOfWeek() - 1], months[date.month() - 1],
                                 date.day(), time.hour(), time.minute(), time.second(), date.year()).toLatin1();
    } else if (d == Dialect::BekenDoc) {
        s = QString::asprintf("%04d-%02d-%02d %02d:%02d:%02d", date.year(), date.month(), date.day(), time.hour(),
                                 time.minute(), time.second()).toLatin1();
    } else {
        s = QString::asprintf("%d-%d-%d %d-%d-%d", date.year(), date.month(), date.day(), time.hour(), time.minute(),
                                 time.second()).toLatin1();
    }
    outLine("+CIPSNTPTIME:" + s);
    finishOk();
}

// ---------------------------------------------------------------------------------------------
// CIPSSLCPSK (P 7.2 #48-49, P 7.5 #111)

void SimulatedModule::cmdCipsslcpsk(const Command &c)
{
    const Dialect d = m_options.dialect;
    if (c.kind == 'q') {
        QList<int> ids = m_psk.keys();
        std::sort(ids.begin(), ids.end());
        for (int id : ids) {
            const auto p = m_psk.value(id);
            if (d == Dialect::BekenSrc)
                outLine("+CIPSSLCPSK:" + num(id) + "," + p.first.toUtf8() + "," + p.second.toUtf8());
            else
                outLine("+CIPSSLCPSK:" + num(id) + ",\"" + p.first.toUtf8() + "\",\"" + p.second.toUtf8() + "\"");
        }
        finishOk();
        return;
    }
    int idx = 0;
    qint64 id = 0;
    if (m_cipmux || c.params.size() == 3) {
        if (!intParam(c, 0, &id) || id < 0 || id > 5) {
            finishError(0x01070000);
            return;
        }
        idx = 1;
    }
    const QString psk = strParam(c, idx), hint = strParam(c, idx + 1);
    const int max = isEsp() ? 32 : 48;
    if (c.params.size() != idx + 2 || psk.isEmpty() || psk.toUtf8().size() > max || hint.toUtf8().size() > max) {
        finishError(0x01070000);
        return;
    }
    registerSecret(psk);
    if (id == 5 && m_cipmux) {
        for (int i = 0; i < maxLinks(); ++i)
            m_psk.insert(i, { psk, hint });
    } else {
        m_psk.insert(int(id), { psk, hint });
    }
    finishOk();
}

} // namespace atb::sim
