#pragma once
// LinkTable: the module's TCP/UDP/SSL links by link id (P 5.2). Owns the Link records; the
// sockets inside them belong to the module (it closes them before taking a link out).
#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QString>

class QAbstractSocket;
class QDtls;
class QTcpServer;

namespace atb::sim {

struct Link {
    int id = 0;
    QString type;        // "TCP", "UDP", "SSL", "DTLS" (Beken only)
    QDtls *dtls = nullptr; // DTLS links: the session over the QUdpSocket in 'socket'
    QAbstractSocket *socket = nullptr;
    QString remoteHost;
    QHostAddress remoteAddr;
    quint16 remotePort = 0;
    quint16 localPort = 0;
    bool server = false; // tetype 1
    int udpMode = 0;
    int keepAlive = 0;
    QByteArray passive;  // passive-receive buffer (P 2.6)
    bool passiveNotified = false;
    bool closePending = false;
    qint64 inFlight = 0;       // received bytes still on the simulated network (latency)
    bool disconnecting = false; // the peer closed; the close is on its way through the latency
    bool connected = false;
    QTcpServer *listener = nullptr; // Beken "TCP server" link form
};

class LinkTable
{
public:
    LinkTable() = default;
    ~LinkTable() { qDeleteAll(m_links); }
    LinkTable(const LinkTable &) = delete;
    LinkTable &operator=(const LinkTable &) = delete;

    Link *get(int id) const { return m_links.value(id, nullptr); }
    // Creates the record for id (which must be free) and returns it.
    Link *add(int id);
    // Removes the record for id and hands it to the caller (nullptr when there is none).
    Link *take(int id) { return m_links.take(id); }

    bool isEmpty() const { return m_links.isEmpty(); }
    int size() const { return int(m_links.size()); }
    // Ids in ascending order, and the links in that order.
    QList<int> ids() const;
    QList<Link *> all() const;
    // The lowest id below maxLinks with no link, or -1 when all are taken.
    int lowestFreeId(int maxLinks) const;
    Link *bySocket(const QAbstractSocket *socket) const;
    Link *byListener(const QTcpServer *listener) const;
    int serverLinkCount() const;

private:
    QHash<int, Link *> m_links;
};

} // namespace atb::sim
