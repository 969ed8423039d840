#include "connectionservice.h"

#include "model/devicemodel.h"
#include "protocol/atencoder.h"
#include "protocol/commandcatalog.h"

// ConnectionService: what the module reports about PSKs and its server, from the replies of
// every command (the console's too), so the pages show what is set.

namespace atb {

namespace {

int intAfter(const QByteArray &line, qsizetype prefix, int fallback = -1)
{
    bool ok = false;
    const int v = line.mid(prefix).trimmed().toInt(&ok);
    return ok ? v : fallback;
}

} // namespace

void ConnectionService::forgetModuleState()
{
    if (!m_psk.isEmpty() || m_pskKnown) {
        m_psk.clear();
        m_pskKnown = false;
        emit pskChanged();
    }
    if (!(m_server == ServerState())) {
        m_server = ServerState();
        emit serverChanged();
    }
}

ServerSettings ConnectionService::serverSettings() const
{
    ServerSettings s;
    s.enabled = m_server.enabled == 1;
    if (m_server.port > 0)
        s.port = m_server.port;
    if (!m_server.type.isEmpty())
        s.type = m_server.type;
    if (m_server.maxConnections > 0)
        s.maxConnections = m_server.maxConnections;
    if (m_server.timeout >= 0)
        s.timeout = m_server.timeout;
    return s;
}

void ConnectionService::onAnyCommandFinished(const AtResult &r)
{
    if (!r.ok())
        return;
    const QByteArray line = r.command.line.trimmed();
    const QByteArray name = CommandCatalog::commandName(line).toUpper();
    const bool query = line.endsWith('?');
    const qsizetype eq = line.indexOf('=');
    const QList<QByteArray> args
        = eq < 0 ? QList<QByteArray>() : AtEncoder::splitParams(line.mid(eq + 1), dialect());
    ServerState server = m_server;

    if (name == "AT+CIPSSLCPSK") {
        QList<PskState> psk;
        if (query) {
            // +CIPSSLCPSK:<link>,"<psk>","<hint>", one line per link that has one
            for (const QByteArray &l : r.lines) {
                if (!l.startsWith("+CIPSSLCPSK:"))
                    continue;
                const QStringList f = DeviceModel::splitFields(QByteArrayView(l).sliced(12));
                if (f.size() >= 3)
                    psk << PskState { f[0].toInt(), f[1], f[2] };
            }
        } else {
            // What the module accepted: <link>,"psk","hint" (5 = all links) or "psk","hint".
            const bool withId = args.size() >= 3;
            const int id = withId ? args[0].toInt() : 0;
            const PskState set { id, QString::fromUtf8(args.value(withId ? 1 : 0)),
                                 QString::fromUtf8(args.value(withId ? 2 : 1)) };
            psk = m_psk;
            psk.erase(std::remove_if(psk.begin(), psk.end(),
                                     [id](const PskState &p) { return id == kCloseAll || p.linkId == id; }),
                      psk.end());
            psk << set;
            std::sort(psk.begin(), psk.end(), [](const PskState &a, const PskState &b) { return a.linkId < b.linkId; });
        }
        if (psk != m_psk || (query && !m_pskKnown)) {
            m_psk = psk;
            m_pskKnown = m_pskKnown || query;
            emit pskChanged();
        }
        return;
    }
    if (name == "AT+CIPSERVER") {
        if (query) {
            // +CIPSERVER:<mode>[,<port>,"<type>",<CA_enable>]
            for (const QByteArray &l : r.lines) {
                if (!l.startsWith("+CIPSERVER:"))
                    continue;
                const QStringList f = DeviceModel::splitFields(QByteArrayView(l).sliced(11));
                server.enabled = f.value(0).toInt() == 1 ? 1 : 0;
                server.port = server.enabled ? f.value(1).toInt() : -1;
                server.type = server.enabled ? f.value(2).toUpper() : QString();
            }
        } else if (!args.isEmpty()) {
            server.enabled = args[0].toInt() == 1 ? 1 : 0;
            server.port = server.enabled ? (args.size() > 1 ? args[1].toInt() : 333) : -1;
            server.type = server.enabled ? (args.size() > 2 ? QString::fromUtf8(args[2]).toUpper() : QStringLiteral("TCP"))
                                         : QString();
        }
    } else if (name == "AT+CIPSERVERMAXCONN") {
        for (const QByteArray &l : r.lines)
            if (l.startsWith("+CIPSERVERMAXCONN:"))
                server.maxConnections = intAfter(l, 18);
        if (!query && !args.isEmpty())
            server.maxConnections = args[0].toInt();
    } else if (name == "AT+CIPSTO") {
        for (const QByteArray &l : r.lines)
            if (l.startsWith("+CIPSTO:"))
                server.timeout = intAfter(l, 8);
        if (!query && !args.isEmpty())
            server.timeout = args[0].toInt();
    } else if (name == "AT+RST" || name == "AT+RESTORE") {
        forgetModuleState(); // a reboot deletes the server and the PSKs
        return;
    } else {
        return;
    }
    if (!(server == m_server)) {
        m_server = server;
        emit serverChanged();
    }
}

} // namespace atb
