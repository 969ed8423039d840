// SimulatedModule: CIPSEND/CIPSENDEX, passthrough, CIPCLOSE/CIPSTATUS/CIPSERVER and passive
// receive (P 2.5, P 2.6, P 4, P 5.2).
#include "simulator/simulatedmodule.h"

#include "simulator/delayline.h"
#include "simulator/wire.h"

#include <QDtls>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUdpSocket>

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
} // namespace

// ---------------------------------------------------------------------------------------------
// CIPSEND / CIPSENDEX / passthrough

void SimulatedModule::cmdCipsend(const Command &c, bool ex)
{
    if (c.kind == 'e') {
        // Passthrough: CIPMODE=1 and one link (ESP: CIPMUX=0) (P 4.1, 4.2, P 7.5 #100).
        Link *only = nullptr;
        int connected = 0;
        for (Link *l : m_links.all())
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
    if (m_net->delayMs() > 0) {
        // The data reaches the peer after the network's latency; SEND OK does not wait for it.
        const int id = l->id;
        const quint64 gen = m_generation;
        m_net->post([this, id, gen, data, host, port]() {
            if (Link *l = link(id); l && gen == m_generation)
                writeNow(l, data, host, port);
        });
        return true;
    }
    return writeNow(l, data, host, port);
}

bool SimulatedModule::writeNow(Link *l, const QByteArray &data, const QString &host, quint16 port)
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
    const QList<int> ids = m_links.ids();
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
        // 0 station inactive (softAP-only or Wi-Fi off), 5 not connected to an AP, 2 got IP,
        // 3 a link is open, 4 all links have closed since the last join.
        const bool stationOn = m_cwmode == 1 || m_cwmode == 3;
        const int stat = !stationOn ? 0 : !m_wifiConnected ? 5 : (!m_links.isEmpty() ? 3 : (m_hadLinks ? 4 : 2));
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
            for (int id : m_links.ids())
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
            Link *l = m_links.add(freeId);
            l->type = QStringLiteral("TCP");
            l->socket = s;
            l->server = true;
            l->connected = true;
            l->remoteAddr = s->peerAddress();
            l->remoteHost = s->peerAddress().toString();
            l->remotePort = s->peerPort();
            l->localPort = s->localPort();
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
    // A length for every link; -1 where no link is open (real firmware, espressif/esp-at#280, #729).
    auto len = [this](int id) -> QByteArray {
        const Link *l = link(id);
        return l ? num(l->passive.size()) : QByteArray("-1");
    };
    if (!m_cipmux) {
        outLine("+CIPRECVLEN:" + len(0));
    } else {
        QByteArray line = "+CIPRECVLEN:";
        for (int id = 0; id < maxLinks(); ++id)
            line += (id ? "," : "") + len(id);
        outLine(line);
    }
    finishOk();
}

} // namespace atb::sim
