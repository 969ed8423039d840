// DeviceModel: the links. Which ids are open comes from AT+CIPSTART, CONNECT, CLOSED and
// AT+CIPCLOSE as they pass, and from the status replies (ESP +CIPSTATUS/+CIPSTATE, Beken
// +BIPSTATUS). Seed 000's +BIPSTATUS carries no link id, so its rows get the ids the model
// learnt for the same link, or the lowest free id marked as inferred.
#include "devicemodel.h"

#include <algorithm>

namespace atb {

namespace {

int number(const QString &s, int fallback = -1)
{
    bool ok = false;
    const int v = s.trimmed().toInt(&ok);
    return ok ? v : fallback;
}

QString bekenTypeName(const QString &s)
{
    static const char *const types[] = { "TCP", "UDP", "TLS", "DTLS" };
    const int t = number(s);
    return t >= 0 && t < 4 ? QString::fromLatin1(types[t]) : s.toUpper();
}

// The same link as the module reports it and as it was opened: servers by their local port
// (the remote side changes with the client), clients by their remote end.
bool sameLink(const LinkInfo &known, const LinkInfo &row, bool strict)
{
    if (known.type != row.type || known.server != row.server)
        return false;
    const bool localMatches = known.localPort < 0 || row.localPort < 0 || known.localPort == row.localPort;
    if (row.server)
        return localMatches && known.localPort >= 0;
    const bool remoteMatches = known.remoteHost == row.remoteHost && known.remotePort == row.remotePort;
    return remoteMatches && (!strict || localMatches);
}

} // namespace

void DeviceModel::linkOpened(int id, const QString &type, const QString &host, int port)
{
    QList<LinkInfo> links = m_links;
    auto it = std::find_if(links.begin(), links.end(), [id](const LinkInfo &l) { return l.id == id; });
    if (it == links.end()) {
        LinkInfo l;
        l.id = id;
        links.append(l);
        it = links.end() - 1;
    }
    it->idInferred = false;
    if (!type.isEmpty())
        it->type = type.toUpper();
    if (!host.isEmpty())
        it->remoteHost = host;
    if (port >= 0)
        it->remotePort = port;
    setLinks(links);
}

void DeviceModel::linkClosed(int id)
{
    QList<LinkInfo> links = m_links;
    links.erase(std::remove_if(links.begin(), links.end(),
                               [id](const LinkInfo &l) { return id < 0 || l.id == id; }),
                links.end());
    setLinks(links);
}

bool DeviceModel::parseStatusLine(const QByteArray &l, int row, LinkInfo *li, bool *hasId)
{
    *hasId = true;
    if (l.startsWith("+CIPSTATUS:") || l.startsWith("+CIPSTATE:")) {
        // ESP: <id>,"<type>","<ip>",<rport>,<lport>,<tetype>
        const QStringList f = splitFields(QByteArrayView(l).sliced(l.indexOf(':') + 1));
        if (f.size() < 6)
            return false;
        li->id = number(f[0], 0);
        li->type = f[1].toUpper();
        li->remoteHost = f[2];
        li->remotePort = number(f[3]);
        li->localPort = number(f[4]);
        li->server = number(f[5]) == 1;
        return true;
    }
    if (!l.startsWith("+BIPSTATUS:"))
        return false;
    const QStringList f = splitFields(QByteArrayView(l).sliced(11));
    int at = 0;
    if (f.size() >= 7 && f[1] == QLatin1String("connected")) {
        // Beken source: <id>,connected, <type>, <host>, <port>,<localport>,<is_server>
        li->id = number(f[0], 0);
        at = 2;
    } else if (f.size() == 6) {
        // seed 000 with a link id in front
        li->id = number(f[0], 0);
        at = 1;
    } else if (f.size() == 5) {
        // seed 000 literally: <type>,<remoteip>,<port>,<localport>,<tetype> (no link id)
        li->id = row;
        li->idInferred = true;
        *hasId = false;
    } else {
        return false; // "+BIPSTATUS:ALL disconnect"
    }
    li->type = bekenTypeName(f[at]);
    li->remoteHost = f[at + 1];
    li->remotePort = number(f[at + 2]);
    li->localPort = number(f[at + 3]);
    li->server = number(f[at + 4]) == 1;
    return true;
}

QList<LinkInfo> DeviceModel::withKnownIds(QList<LinkInfo> rows) const
{
    QList<LinkInfo> known;
    for (const LinkInfo &l : m_links)
        if (!l.idInferred)
            known << l;
    QList<bool> placed(rows.size(), false);
    QList<int> taken;
    // Exact matches first, then the looser ones, so two links to one peer keep their ids.
    for (bool strict : { true, false }) {
        for (int i = 0; i < rows.size(); ++i) {
            if (placed[i])
                continue;
            for (int k = 0; k < known.size(); ++k) {
                if (!taken.contains(known[k].id) && sameLink(known[k], rows[i], strict)) {
                    rows[i].id = known[k].id;
                    rows[i].idInferred = false;
                    taken << known[k].id;
                    placed[i] = true;
                    break;
                }
            }
        }
    }
    // The rest: the lowest ids nobody holds, in the order the module listed them.
    int next = 0;
    for (int i = 0; i < rows.size(); ++i) {
        if (placed[i])
            continue;
        while (taken.contains(next))
            ++next;
        rows[i].id = next;
        rows[i].idInferred = true;
        taken << next;
    }
    return rows;
}

} // namespace atb
