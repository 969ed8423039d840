// SimulatedModule: Wi-Fi station commands (P 7.1).
#include "simulator/simulatedmodule.h"

#include "simulator/mqttclient.h"

#include "simulator/wire.h"

namespace atb::sim {

// ---------------------------------------------------------------------------------------------
// Wi-Fi

void SimulatedModule::intSetting(const Command &c, const QByteArray &prefix, int *value, int max,
                                 const std::function<void()> &afterSet)
{
    intSetting(c, prefix, value, IntRule { 0, max, {}, afterSet });
}

void SimulatedModule::intSetting(const Command &c, const QByteArray &prefix, int *value, const IntRule &rule)
{
    if (c.kind == 'q') {
        outLine(prefix + QByteArray::number(*value));
        finishOk();
        return;
    }
    qint64 v = 0;
    if (!intParam(c, 0, &v) || v < rule.min || v > rule.max) {
        finishError(0x01070000);
        return;
    }
    if (rule.allowed && !rule.allowed(int(v))) {
        finishError(0x010a0000);
        return;
    }
    *value = int(v);
    if (rule.after)
        rule.after();
    finishOk();
}

void SimulatedModule::cmdCwmode(const Command &c)
{
    intSetting(c, "+CWMODE:", &m_cwmode, 3, [this] {
        if ((m_cwmode == 0 || m_cwmode == 2) && m_wifiConnected)
            leaveWifi(true);
    });
}

void SimulatedModule::cmdCwjap(const Command &c)
{
    if (c.kind == 'q') {
        if (m_wifiConnected) {
            int rssi = -45, ch = 6;
            for (const AccessPoint &ap : std::as_const(m_options.accessPoints))
                if (ap.ssid == m_ssid) {
                    rssi = ap.rssi;
                    ch = ap.channel;
                }
            outLine("+CWJAP:\"" + m_ssid.toUtf8() + "\",\"" + macFor(m_ssid) + "\"," + QByteArray::number(ch)
                    + "," + QByteArray::number(rssi) + "," + num(m_settings.pciEn) + "," + num(m_settings.reconnInterval)
                    + "," + num(m_settings.listenInterval) + "," + num(m_settings.scanMode) + "," + num(m_settings.pmf));
        } else {
            outLine("No AP");
        }
        finishOk();
        return;
    }
    QString ssid = m_storedSsid, password = m_storedPassword;
    if (c.kind == 's') {
        if (c.params.size() < 2 || !hasParam(c, 0)) {
            finishError(0x01070000);
            return;
        }
        ssid = strParam(c, 0);
        password = strParam(c, 1);
        registerSecret(password);
        // [,<bssid>][,<pci_en>][,<reconn_interval>][,<listen_interval>][,<scan_mode>][,<jap_timeout>][,<pmf>]
        qint64 v[7] = { 0, m_settings.pciEn, m_settings.reconnInterval, m_settings.listenInterval, m_settings.scanMode, 15,
                        m_settings.pmf };
        static const int lo[7] = { 0, 0, 0, 1, 0, 3, 0 }, hi[7] = { 0, 1, 7200, 100, 1, 600, 3 };
        QString bssid;
        if (hasParam(c, 2) && !macParam(c, 2, &bssid)) {
            finishError(0x01070000);
            return;
        }
        for (int i = 1; i < 7; ++i) {
            if (hasParam(c, 2 + i) && (!intParam(c, 2 + i, &v[i]) || v[i] < lo[i] || v[i] > hi[i])) {
                finishError(0x01070000);
                return;
            }
        }
        m_joinBssid = bssid;
        m_settings.pciEn = int(v[1]);
        m_settings.reconnInterval = int(v[2]);
        m_settings.listenInterval = int(v[3]);
        m_settings.scanMode = int(v[4]);
        m_settings.pmf = int(v[6]);
    } else if (ssid.isEmpty()) {
        finishError(0x010a0000);
        return;
    }
    if (m_cwmode != 1 && m_cwmode != 3) {
        finishError(0x010a0000);
        return;
    }
    beginAsync();
    if (m_wifiConnected)
        leaveWifi(true);
    m_wifiState = 3; // connecting
    m_lastSsid = ssid;
    const quint64 gen = m_generation;
    // A join takes a moment on real hardware; the module is busy meanwhile.
    QTimer::singleShot(kJoinDelayMs, this, [this, gen, ssid, password]() {
        if (gen != m_generation || !m_running)
            return;
        int reason = 0;
        const AccessPoint *found = nullptr;
        for (const AccessPoint &ap : std::as_const(m_options.accessPoints))
            if (ap.ssid == ssid && (m_joinBssid.isEmpty() || QString::fromLatin1(macFor(ap.ssid)) == m_joinBssid))
                found = &ap;
        if (m_joinFail) {
            reason = m_joinFail;
            m_joinFail = 0;
        } else if (!found) {
            reason = 3;
        } else if (m_settings.pciEn && found->password.isEmpty()) {
            reason = 4; // <pci_en>=1 refuses open networks: connection failed
        } else if (found->password != password) {
            reason = 2;
        }
        if (reason) {
            // P 2.6: +CWJAP:<1 timeout|2 wrong password|3 AP not found|4 connect failed>, ERROR.
            if (isEsp())
                outLine("+CWJAP:" + QByteArray::number(reason));
            m_wifiState = 4;
            finishError(0x010a0000);
            return;
        }
        if (m_sysstore) {
            m_storedWifi = true;
            m_storedSsid = ssid;
            m_storedPassword = password;
        }
        joinWifi(ssid, password, false);
    });
}

void SimulatedModule::joinWifi(const QString &ssid, const QString &password, bool urcOnly)
{
    m_wifiConnected = true;
    m_ssid = ssid;
    m_lastSsid = ssid;
    m_wifiState = 2;
    m_hadLinks = false; // AT+CIPSTATUS reports 2 (got IP) again after a (re-)join
    m_wifiPassword = password;
    registerSecret(password);
    if (urcOnly || isEsp()) {
        outLine("WIFI CONNECTED");
        outLine("WIFI GOT IP");
        if (!urcOnly)
            finishOk();
    } else {
        // Beken doc: OK first, then the Wi-Fi events (P 2.6, P 7.6 #121).
        finishOk();
        outLine("WIFI CONNECTED");
        outLine("WIFI GOT IP");
    }
    if (m_sntp.enable)
        startNtpQuery();
}

void SimulatedModule::leaveWifi(bool printUrc)
{
    if (!m_wifiConnected)
        return;
    m_wifiConnected = false;
    m_ssid.clear();
    m_wifiState = 4;
    if (printUrc)
        outLine(isEsp() ? QByteArray("WIFI DISCONNECT") : QByteArray("WIFI DISCONNECTED"));
    closeAllLinks(true);
    if (m_mqtt.state >= 4) {
        if (m_mqttClient)
            m_mqttClient->disconnectFromBroker();
        mqttOnLost();
    }
}

void SimulatedModule::cmdCwqap()
{
    const bool was = m_wifiConnected;
    m_storedWifi = false;
    if (isEsp()) {
        // ESP-AT reports the disconnect before the OK (an ESP32 trace: "WIFI DISCONNECT", blank, "OK").
        if (was)
            leaveWifi(true);
        finishOk();
        return;
    }
    finishOk();
    if (was)
        leaveWifi(true);
}

void SimulatedModule::cmdCwlap(const Command &c)
{
    if (m_cwmode != 1 && m_cwmode != 3) {
        finishError(0x010a0000);
        return;
    }
    const QString only = c.kind == 's' ? strParam(c, 0) : QString();
    beginAsync();
    const quint64 gen = m_generation;
    QTimer::singleShot(kScanDelayMs, this, [this, gen, only]() {
        if (gen != m_generation || !m_running)
            return;
        QList<AccessPoint> aps = m_options.accessPoints;
        // Strongest first: the order real scans come out in (AT+CWLAPOPT's sort flag changes
        // nothing here).
        std::stable_sort(aps.begin(), aps.end(), [](const AccessPoint &a, const AccessPoint &b) { return a.rssi > b.rssi; });
        for (const AccessPoint &ap : std::as_const(aps)) {
            if (!only.isEmpty() && ap.ssid != only)
                continue;
            if (!isEsp()) {
                outLine("+CWLAP:(" + QByteArray(ap.password.isEmpty() ? "0" : "3") + ",\"" + ap.ssid.toUtf8() + "\","
                        + num(ap.rssi) + ",\"" + macFor(ap.ssid) + "\"," + num(ap.channel) + ")");
                continue;
            }
            const int authBit = ap.password.isEmpty() ? 0 : 3;
            if (ap.rssi < m_settings.lapRssiMin || !(m_settings.lapAuthMask & (1 << authBit)))
                continue;
            outLine(cwlapLine(ap));
        }
        finishOk();
    });
}

void SimulatedModule::cmdCifsr()
{
    // The softAP lines come first when the softAP is on (AT+CWMODE=2 or 3).
    if (isEsp() && (m_cwmode == 2 || m_cwmode == 3)) {
        outLine("+CIFSR:APIP,\"" + m_settings.ap.ip.toLatin1() + "\"");
        outLine("+CIFSR:APMAC,\"" + m_settings.apMac.toLatin1() + "\"");
    }
    if (!isEsp() || m_cwmode == 1 || m_cwmode == 3) {
        outLine(QByteArray("+CIFSR:STAIP,\"") + (m_wifiConnected ? m_staIp.toLatin1() : QByteArray("0.0.0.0")) + "\"");
        outLine("+CIFSR:STAMAC,\"" + m_settings.staMac.toLatin1() + "\"");
    }
    finishOk();
}

void SimulatedModule::cmdCipsta(const Command &c)
{
    if (c.kind == 's') {
        // Recorded and reported only: the simulator's sockets always use the host's loopback.
        QHostAddress a;
        if (!a.setAddress(strParam(c, 0)) || a.protocol() != QAbstractSocket::IPv4Protocol) {
            finishError(0x01070000);
            return;
        }
        m_staIp = a.toString();
        m_settings.dhcp &= ~1; // a static address turns the station's DHCP client off
        if (hasParam(c, 1))
            m_gateway = strParam(c, 1);
        if (hasParam(c, 2))
            m_netmask = strParam(c, 2);
        finishOk();
        return;
    }
    const bool up = m_wifiConnected;
    outLine("+CIPSTA:ip:\"" + (up ? m_staIp.toLatin1() : QByteArray("0.0.0.0")) + "\"");
    outLine("+CIPSTA:gateway:\"" + (up ? m_gateway.toLatin1() : QByteArray("0.0.0.0")) + "\"");
    outLine("+CIPSTA:netmask:\"" + (up ? m_netmask.toLatin1() : QByteArray("0.0.0.0")) + "\"");
    finishOk();
}

} // namespace atb::sim
