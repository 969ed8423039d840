#include "simulator/pinger.h"

#include "simulator/simlogging.h"

#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QTcpSocket>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace atb::sim {

namespace {
quint16 checksum(const unsigned char *data, int len)
{
    quint32 sum = 0;
    for (int i = 0; i + 1 < len; i += 2)
        sum += quint32(data[i] << 8 | data[i + 1]);
    if (len & 1)
        sum += quint32(data[len - 1] << 8);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return quint16(~sum);
}
} // namespace

Pinger::Pinger(QObject *parent)
    : QObject(parent), m_timeout(this)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this]() { done(false, -1); });
    m_ident = quint16(QRandomGenerator::global()->generate());
}

Pinger::~Pinger()
{
    cleanup();
}

void Pinger::cleanup()
{
    m_timeout.stop();
    delete m_notifier;
    m_notifier = nullptr;
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    if (m_tcp) {
        m_tcp->disconnect(this);
        m_tcp->abort();
        m_tcp->deleteLater();
        m_tcp = nullptr;
    }
}

void Pinger::done(bool ok, int ttl)
{
    if (!m_busy)
        return;
    m_busy = false;
    const qint64 us = m_clock.nsecsElapsed() / 1000;
    cleanup();
    emit finished(ok, us, ttl);
}

void Pinger::ping(const QHostAddress &address, int sequence, int timeoutMs)
{
    cleanup();
    m_busy = true;
    m_seq = quint16(sequence);
    sockaddr_in sa {};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(address.toIPv4Address());

    m_method = Method::IcmpDatagram;
    m_fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_ICMP);
    if (m_fd < 0) {
        m_method = Method::IcmpRaw;
        m_fd = ::socket(AF_INET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_ICMP);
    }
    m_clock.start();
    m_timeout.start(timeoutMs);
    if (m_fd >= 0) {
        unsigned char pkt[40] = {};
        pkt[0] = 8; // echo request
        pkt[4] = m_ident >> 8;
        pkt[5] = m_ident & 0xff;
        pkt[6] = m_seq >> 8;
        pkt[7] = m_seq & 0xff;
        for (int i = 8; i < int(sizeof pkt); ++i)
            pkt[i] = char('a' + i % 26);
        const quint16 cs = checksum(pkt, sizeof pkt);
        pkt[2] = cs >> 8;
        pkt[3] = cs & 0xff;
        if (::sendto(m_fd, pkt, sizeof pkt, 0, reinterpret_cast<sockaddr *>(&sa), sizeof sa) == ssize_t(sizeof pkt)) {
            m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
            connect(m_notifier, &QSocketNotifier::activated, this, &Pinger::onReadable);
            return;
        }
        qCInfo(lcSimNet) << "ICMP send failed, errno" << errno << "- falling back to TCP connect timing";
        ::close(m_fd);
        m_fd = -1;
    }
    m_method = Method::TcpConnect;
    m_tcp = new QTcpSocket(this);
    connect(m_tcp, &QTcpSocket::connected, this, [this]() { done(true, -1); });
    connect(m_tcp, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e == QAbstractSocket::ConnectionRefusedError)
            done(true, -1);
    });
    m_tcp->connectToHost(address, 7);
}

void Pinger::onReadable()
{
    unsigned char buf[1500];
    for (;;) {
        const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
        if (n <= 0)
            return;
        int off = 0, ttl = -1;
        if (m_method == Method::IcmpRaw) {
            off = (buf[0] & 0x0f) * 4; // IP header
            ttl = buf[8];
        }
        if (n < off + 8)
            continue;
        const unsigned char *icmp = buf + off;
        if (icmp[0] != 0) // not an echo reply (a raw socket also sees our own request on loopback)
            continue;
        const quint16 seq = quint16(icmp[6] << 8 | icmp[7]);
        const quint16 ident = quint16(icmp[4] << 8 | icmp[5]);
        if (seq != m_seq || (m_method == Method::IcmpRaw && ident != m_ident))
            continue;
        done(true, ttl);
        return;
    }
}

} // namespace atb::sim
