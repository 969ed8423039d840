// SimulatedModule: DNS, ping, SNTP and TLS-PSK commands (P 5.3-5.5).
#include "simulator/simulatedmodule.h"

#include "simulator/wire.h"
#include "simulator/pinger.h"
#include "simulator/simlogging.h"

#include <QDateTime>
#include <QHostAddress>
#include <QUdpSocket>
#include <QtEndian>

namespace atb::sim {

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
    // Synchronise again every AT+CIPSNTPINTV seconds while SNTP is on and the station is up.
    m_sntpTimer.start(int(qMin<qint64>(qint64(m_settings.sntpIntervalS) * 1000, 0x7fffffff)));
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
