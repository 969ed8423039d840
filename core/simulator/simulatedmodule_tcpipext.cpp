// SimulatedModule: ESP-AT 2.4/3.x TCP/IP settings beyond the seeds: server timeout, SNTP
// interval, passthrough reconnect interval, TLS client options per link, TCP socket options.
#include "simulator/simulatedmodule.h"

#include "simulator/wire.h"

#include <QAbstractSocket>
#include <QVariant>

namespace atb::sim {

void SimulatedModule::cmdCipsto(const Command &c)
{
    intSetting(c, "+CIPSTO:", &m_settings.serverTimeout, 7200);
}

void SimulatedModule::cmdCipsntpintv(const Command &c)
{
    intSetting(c, "+CIPSNTPINTV:", &m_settings.sntpIntervalS, IntRule { 15, 4294967 });
}

void SimulatedModule::cmdCipreconnintv(const Command &c)
{
    intSetting(c, "+CIPRECONNINTV:", &m_settings.reconnIntv, IntRule { 1, 36000 });
}

// The TLS and socket option commands take a link id first in multi-link mode (5 = all links).
bool SimulatedModule::tlsLinkParam(const Command &c, int *id, int *next)
{
    *id = 0;
    *next = 0;
    if (!m_cipmux)
        return true;
    qint64 v = 0;
    if (!intParam(c, 0, &v) || v < 0 || v > maxLinks()) {
        finishError(0x01070000);
        return false;
    }
    *id = int(v);
    *next = 1;
    return true;
}

namespace {
QList<int> queryIds(bool mux, int maxLinks)
{
    QList<int> ids;
    for (int i = 0; i < (mux ? maxLinks : 1); ++i)
        ids.append(i);
    return ids;
}
} // namespace

void SimulatedModule::cmdCipsslcconf(const Command &c)
{
    if (c.kind == 'q') {
        for (int id : queryIds(m_cipmux, maxLinks())) {
            const TlsClientSettings t = m_settings.tls.value(id);
            outLine("+CIPSSLCCONF:" + num(id) + "," + num(t.authMode) + "," + num(t.pkiNumber) + "," + num(t.caNumber));
        }
        finishOk();
        return;
    }
    int id = 0, i = 0;
    if (!tlsLinkParam(c, &id, &i))
        return;
    qint64 auth = 0, pki = 0, ca = 0;
    if (!intParam(c, i, &auth) || auth < 0 || auth > 3 || (hasParam(c, i + 1) && (!intParam(c, i + 1, &pki) || pki < 0))
        || (hasParam(c, i + 2) && (!intParam(c, i + 2, &ca) || ca < 0)) || c.params.size() > i + 3) {
        finishError(0x01070000);
        return;
    }
    for (int l : id == maxLinks() ? queryIds(true, maxLinks()) : QList<int> { id }) {
        TlsClientSettings &t = m_settings.tls[l];
        t.authMode = int(auth);
        t.pkiNumber = int(pki);
        t.caNumber = int(ca);
    }
    finishOk();
}

// AT+CIPSSLCCN (certificate common name) and AT+CIPSSLCSNI (server name indication).
void SimulatedModule::cmdCipsslcText(const Command &c)
{
    const bool sni = c.name == "AT+CIPSSLCSNI";
    const QByteArray prefix = sni ? "+CIPSSLCSNI:" : "+CIPSSLCCN:";
    if (c.kind == 'q') {
        for (int id : queryIds(m_cipmux, maxLinks())) {
            const TlsClientSettings t = m_settings.tls.value(id);
            outLine(prefix + num(id) + ",\"" + (sni ? t.sni : t.commonName).toUtf8() + "\"");
        }
        finishOk();
        return;
    }
    int id = 0, i = 0;
    if (!tlsLinkParam(c, &id, &i))
        return;
    const QString v = strParam(c, i);
    if (c.params.size() != i + 1 || v.isEmpty() || v.toUtf8().size() > 64) {
        finishError(0x01070000);
        return;
    }
    for (int l : id == maxLinks() ? queryIds(true, maxLinks()) : QList<int> { id })
        (sni ? m_settings.tls[l].sni : m_settings.tls[l].commonName) = v;
    finishOk();
}

void SimulatedModule::cmdCipsslcalpn(const Command &c)
{
    if (c.kind == 'q') {
        for (int id : queryIds(m_cipmux, maxLinks())) {
            QByteArray line = "+CIPSSLCALPN:" + num(id);
            for (const QString &p : m_settings.tls.value(id).alpn)
                line += ",\"" + p.toUtf8() + "\"";
            outLine(line);
        }
        finishOk();
        return;
    }
    int id = 0, i = 0;
    if (!tlsLinkParam(c, &id, &i))
        return;
    qint64 count = 0;
    if (!intParam(c, i, &count) || count < 0 || count > 5 || c.params.size() != i + 1 + count) {
        finishError(0x01070000);
        return;
    }
    QStringList alpn;
    for (int k = 0; k < count; ++k)
        alpn.append(strParam(c, i + 1 + k));
    for (int l : id == maxLinks() ? queryIds(true, maxLinks()) : QList<int> { id })
        m_settings.tls[l].alpn = alpn;
    finishOk();
}

// AT+CIPTCPOPT=[<link ID>,][<so_linger>],[<tcp_nodelay>],[<so_sndtimeo>] (3.x: [,<keep_alive>]);
// TCP_NODELAY is applied to the host socket, the others are kept and reported.
void SimulatedModule::cmdCiptcpopt(const Command &c)
{
    if (c.kind == 'q') {
        for (int id : queryIds(m_cipmux, maxLinks())) {
            const TcpOptions o = m_settings.tcpOptions.value(id);
            outLine("+CIPTCPOPT:" + num(id) + "," + num(o.linger) + "," + num(o.noDelay) + "," + num(o.sendTimeoutMs)
                    + (isEsp3() ? "," + num(o.keepAlive) : QByteArray()));
        }
        finishOk();
        return;
    }
    int id = 0, i = 0;
    if (!tlsLinkParam(c, &id, &i))
        return;
    TcpOptions o;
    qint64 v = 0;
    if (c.params.size() > i + (isEsp3() ? 4 : 3) || (hasParam(c, i) && (!intParam(c, i, &v) || v < -1 || v > 7200))) {
        finishError(0x01070000);
        return;
    }
    o.linger = hasParam(c, i) ? int(v) : -1;
    if (hasParam(c, i + 1) && (!intParam(c, i + 1, &v) || v < 0 || v > 1)) {
        finishError(0x01070000);
        return;
    }
    o.noDelay = hasParam(c, i + 1) ? int(v) : 0;
    if (hasParam(c, i + 2) && (!intParam(c, i + 2, &v) || v < 0 || v > 60000)) {
        finishError(0x01070000);
        return;
    }
    o.sendTimeoutMs = hasParam(c, i + 2) ? int(v) : 0;
    if (hasParam(c, i + 3) && (!intParam(c, i + 3, &v) || v < 0 || v > 7200)) {
        finishError(0x01070000);
        return;
    }
    o.keepAlive = hasParam(c, i + 3) ? int(v) : 0;
    for (int l : id == maxLinks() ? queryIds(true, maxLinks()) : QList<int> { id }) {
        m_settings.tcpOptions.insert(l, o);
        if (Link *lk = link(l); lk && lk->socket && lk->type == QLatin1String("TCP"))
            lk->socket->setSocketOption(QAbstractSocket::LowDelayOption, QVariant(o.noDelay));
    }
    finishOk();
}

} // namespace atb::sim
