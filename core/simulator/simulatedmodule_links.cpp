// SimulatedModule: link settings and CIPSTART with real sockets on the host (P 5.2).
#include "simulator/simulatedmodule.h"

#include "simulator/delayline.h"
#include "simulator/wire.h"
#include "simulator/simlogging.h"

#include <QDnsLookup>
#include <QDtls>
#include <QHostInfo>
#include <QSslConfiguration>
#include <QSslPreSharedKeyAuthenticator>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUdpSocket>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace atb::sim {

int SimulatedModule::maxLinks() const
{
    return isEsp() ? 5 : 6; // ESP ids 0..4, Beken 0..5 (P 5.2, P 6 #2)
}

Link *SimulatedModule::link(int id)
{
    return m_links.get(id);
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
    intSetting(c, "+CIPMUX:", &m_cipmux, IntRule { 0, 1, [this](int v) {
        // Only with no link open, and multi-link only in normal mode (P 5.2, P 7.2 #16-17);
        // the Beken source checks nothing.
        return m_options.dialect == Dialect::BekenSrc
            || !((v != m_cipmux && !m_links.isEmpty()) || (v == 1 && m_cipmode == 1) || (v == 0 && m_server));
    } });
}

void SimulatedModule::cmdCipmode(const Command &c)
{
    if (c.kind == 'q' && m_options.dialect == Dialect::BekenSrc) {
        finishError(); // the source's table has "AT+CIPMODE" but no "AT+CIPMODE?" (P 3.2)
        return;
    }
    intSetting(c, "+CIPMODE:", &m_cipmode, IntRule { 0, 1, [this](int v) { return !(isEsp() && v == 1 && m_cipmux == 1); } });
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
    if (c.name == "AT+CIPSTARTEX") {
        // No link id: the lowest free one; the host learns it from <id>,CONNECT or +LINK_CONN.
        id = m_cipmux ? m_links.lowestFreeId(maxLinks()) : 0;
        if (id < 0 || firstIsNumber) {
            finishError(id < 0 ? 0x010a0000 : 0x01070000);
            return;
        }
    } else if (isEsp() ? m_cipmux == 1 : firstIsNumber) {
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
    if (isBeken() && type == QLatin1String("SSL") && localPort > 0) {
        // A TLS server link needs a server certificate from the flash, which the simulator has
        // not (like DTLS servers): refused rather than quietly opened as a client.
        finishError(0x01070000);
        return;
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

    Link *l = m_links.add(id);
    l->type = type;
    l->remoteHost = host;
    l->remotePort = quint16(port);
    l->keepAlive = int(keepAlive);
    l->udpMode = int(udpMode);
    beginAsync();
    const quint64 gen = m_generation;

    // The connection is reported after the network's latency; data the peer sends at once
    // travels the same delay line, so it never overtakes CONNECT.
    auto connectedReply = [this, id, gen]() {
        m_net->post([this, id, gen]() {
            if (gen != m_generation)
                return;
            m_hadLinks = true; // AT+CIPSTATUS: 3 while links are open, 4 once all have closed
            if (isEsp())
                printConnect(id);
            finishOk();
        });
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
            if (Link *lk = m_links.byListener(srv)) {
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
            if (m_settings.tcpOptions.value(id).noDelay)
                s->setSocketOption(QAbstractSocket::LowDelayOption, 1);
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
            // AT+CIPSSLCSNI and AT+CIPSSLCALPN of this link.
            const TlsClientSettings tls = m_settings.tls.value(id);
            if (!tls.alpn.isEmpty()) {
                QSslConfiguration conf = ssl->sslConfiguration();
                QList<QByteArray> protocols;
                for (const QString &p : tls.alpn)
                    protocols.append(p.toUtf8());
                conf.setAllowedNextProtocols(protocols);
                ssl->setSslConfiguration(conf);
            }
            ssl->connectToHostEncrypted(l->remoteHost, l->remotePort, tls.sni.isEmpty() ? l->remoteHost : tls.sni);
        } else {
            connect(s, &QAbstractSocket::connected, this, onUp);
            s->connectToHost(l->remoteAddr, l->remotePort);
        }
    });
}

} // namespace atb::sim
