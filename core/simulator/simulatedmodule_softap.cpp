// SimulatedModule: ESP-AT 2.4/3.x Wi-Fi commands beyond the seeds: Wi-Fi state, scan options,
// reconnect settings, the softAP side (AT+CWSAP, station list, DHCP server range, AP address),
// MAC addresses, host name, country, protocols. No station ever joins the simulated softAP:
// the simulator has no radio, so the station list is empty.
#include "simulator/simulatedmodule.h"

#include "simulator/wire.h"

#include <QHostAddress>

namespace atb::sim {

namespace {
QByteArray quoted(const QString &s) { return "\"" + s.toUtf8() + "\""; }
} // namespace

void SimulatedModule::cmdCwinit(const Command &c)
{
    intSetting(c, "+CWINIT:", &m_wifiInit, 1, [this] {
        if (!m_wifiInit)
            leaveWifi(true);
    });
}

void SimulatedModule::cmdCwstate()
{
    outLine("+CWSTATE:" + num(m_wifiState) + "," + quoted(m_lastSsid));
    finishOk();
}

void SimulatedModule::cmdCwreconncfg(const Command &c)
{
    ModuleSettings &s = m_settings;
    if (c.kind == 'q') {
        outLine("+CWRECONNCFG:" + num(s.reconnInterval) + "," + num(s.reconnRepeat));
        finishOk();
        return;
    }
    qint64 interval = 0, repeat = 0;
    if (c.params.size() != 2 || !intParam(c, 0, &interval) || interval < 0 || interval > 7200 || !intParam(c, 1, &repeat)
        || repeat < 0 || repeat > 1000) {
        finishError(0x01070000);
        return;
    }
    s.reconnInterval = int(interval);
    s.reconnRepeat = int(repeat);
    finishOk();
}

void SimulatedModule::cmdCwlapopt(const Command &c)
{
    qint64 sort = 0, mask = 0, rssi = -100, auth = 0xffff;
    if (c.params.size() > 4 || !intParam(c, 0, &sort) || sort < 0 || sort > 1 || !intParam(c, 1, &mask) || mask < 0
        || mask > 0x7ff || (hasParam(c, 2) && (!intParam(c, 2, &rssi) || rssi < -100 || rssi > 40))
        || (hasParam(c, 3) && (!intParam(c, 3, &auth) || auth < 0 || auth > 0xffff))) {
        finishError(0x01070000);
        return;
    }
    m_settings.lapSort = int(sort);
    m_settings.lapMask = int(mask);
    m_settings.lapRssiMin = int(rssi);
    m_settings.lapAuthMask = int(auth);
    finishOk();
}

// One +CWLAP line with the fields AT+CWLAPOPT's print mask selects (2.x: all eleven by default):
// ecn, ssid, rssi, mac, channel, freq_offset, freqcal_val, pairwise_cipher, group_cipher, bgn, wps.
QByteArray SimulatedModule::cwlapLine(const AccessPoint &ap) const
{
    const bool open = ap.password.isEmpty();
    const QByteArray fields[] = {
        open ? "0" : "3", // OPEN or WPA2_PSK
        quoted(ap.ssid),
        num(ap.rssi),
        quoted(macFor(ap.ssid)),
        num(ap.channel),
        "-1", "-1", // frequency offset and calibration: reserved, reported as -1
        open ? "0" : "4", open ? "0" : "4", // pairwise and group cipher: none or CCMP
        "7",  // 802.11 b/g/n
        "0",  // no WPS
    };
    QByteArray line = "+CWLAP:(";
    bool first = true;
    for (int i = 0; i < 11; ++i) {
        if (!(m_settings.lapMask & (1 << i)))
            continue;
        if (!first)
            line += ',';
        line += fields[i];
        first = false;
    }
    return line + ")";
}

void SimulatedModule::cmdCwsap(const Command &c)
{
    SoftApSettings &ap = m_settings.ap;
    if (m_cwmode != 2 && m_cwmode != 3) {
        finishError(0x010a0000); // softAP commands need AT+CWMODE=2 or 3
        return;
    }
    if (c.kind == 'q') {
        outLine("+CWSAP:" + quoted(ap.ssid) + "," + quoted(ap.password) + "," + num(ap.channel) + "," + num(ap.ecn) + ","
                + num(ap.maxConn) + "," + num(ap.hidden));
        finishOk();
        return;
    }
    qint64 ch = 0, ecn = 0, maxConn = ap.maxConn, hidden = 0;
    const QString ssid = strParam(c, 0), pwd = strParam(c, 1);
    const bool ok = c.params.size() >= 4 && c.params.size() <= 6 && !ssid.isEmpty() && ssid.toUtf8().size() <= 32
        && intParam(c, 2, &ch) && ch >= m_settings.countryStart && ch < m_settings.countryStart + m_settings.countryCount
        && intParam(c, 3, &ecn) && (ecn == 0 || (ecn >= 2 && ecn <= 4))
        && (ecn == 0 ? pwd.isEmpty() : (pwd.toUtf8().size() >= 8 && pwd.toUtf8().size() <= 64))
        && (!hasParam(c, 4) || (intParam(c, 4, &maxConn) && maxConn >= 1 && maxConn <= 10))
        && (!hasParam(c, 5) || (intParam(c, 5, &hidden) && hidden >= 0 && hidden <= 1));
    if (!ok) {
        finishError(0x01070000);
        return;
    }
    registerSecret(pwd);
    ap.ssid = ssid;
    ap.password = pwd;
    ap.channel = int(ch);
    ap.ecn = int(ecn);
    ap.maxConn = int(maxConn);
    ap.hidden = int(hidden);
    finishOk();
}

void SimulatedModule::cmdCwlif()
{
    // +CWLIF:<ip>,<mac> per station; no station can join a simulated softAP.
    finishOk();
}

void SimulatedModule::cmdCwqif(const Command &c)
{
    QString mac;
    if (c.kind == 's' && !macParam(c, 0, &mac)) {
        finishError(0x01070000);
        return;
    }
    finishOk(); // nobody to disconnect
}

void SimulatedModule::cmdCwdhcp(const Command &c)
{
    if (c.kind == 'q') {
        outLine("+CWDHCP:" + num(m_settings.dhcp));
        finishOk();
        return;
    }
    qint64 operate = 0, mode = 0;
    if (c.params.size() != 2 || !intParam(c, 0, &operate) || operate < 0 || operate > 1 || !intParam(c, 1, &mode)
        || mode < 1 || mode > 3) {
        finishError(0x01070000);
        return;
    }
    m_settings.dhcp = operate ? (m_settings.dhcp | int(mode)) : (m_settings.dhcp & ~int(mode));
    finishOk();
}

void SimulatedModule::cmdCwdhcps(const Command &c)
{
    SoftApSettings &ap = m_settings.ap;
    if (c.kind == 'q') {
        outLine("+CWDHCPS:" + num(ap.dhcpsLease) + "," + quoted(ap.dhcpsStart) + "," + quoted(ap.dhcpsEnd));
        finishOk();
        return;
    }
    qint64 enable = 0, lease = 0;
    if (!intParam(c, 0, &enable) || enable < 0 || enable > 1) {
        finishError(0x01070000);
        return;
    }
    if (enable == 0) { // back to the defaults
        const SoftApSettings d;
        ap.dhcpsLease = d.dhcpsLease;
        ap.dhcpsStart = d.dhcpsStart;
        ap.dhcpsEnd = d.dhcpsEnd;
        finishOk();
        return;
    }
    QString start, end;
    const quint32 net = QHostAddress(ap.ip).toIPv4Address() & 0xffffff00u;
    if (c.params.size() != 4 || !intParam(c, 1, &lease) || lease < 1 || lease > 2880 || !ipv4Param(c, 2, &start)
        || !ipv4Param(c, 3, &end) || (QHostAddress(start).toIPv4Address() & 0xffffff00u) != net
        || (QHostAddress(end).toIPv4Address() & 0xffffff00u) != net
        || QHostAddress(start).toIPv4Address() > QHostAddress(end).toIPv4Address()) {
        finishError(0x01070000);
        return;
    }
    ap.dhcpsLease = int(lease);
    ap.dhcpsStart = start;
    ap.dhcpsEnd = end;
    finishOk();
}

void SimulatedModule::cmdCwautoconn(const Command &c)
{
    intSetting(c, "+CWAUTOCONN:", &m_settings.autoConnect, 1);
}

void SimulatedModule::cmdCwproto(const Command &c)
{
    const bool ap = c.name == "AT+CWAPPROTO";
    // bit 0 802.11b, 1 802.11g, 2 802.11n, 3 802.11 LR (Espressif long range).
    intSetting(c, ap ? "+CWAPPROTO:" : "+CWSTAPROTO:", ap ? &m_settings.apProto : &m_settings.staProto, 15);
}

void SimulatedModule::cmdMac(const Command &c)
{
    const bool ap = c.name == "AT+CIPAPMAC";
    QString &mac = ap ? m_settings.apMac : m_settings.staMac;
    const QString &other = ap ? m_settings.staMac : m_settings.apMac;
    if (c.kind == 'q') {
        outLine((ap ? "+CIPAPMAC:" : "+CIPSTAMAC:") + quoted(mac));
        finishOk();
        return;
    }
    QString v;
    if (!macParam(c, 0, &v) || v == other) { // the two interfaces need different addresses
        finishError(0x01070000);
        return;
    }
    if (ap ? (m_cwmode != 2 && m_cwmode != 3) : (m_cwmode != 1 && m_cwmode != 3)) {
        finishError(0x010a0000);
        return;
    }
    mac = v;
    finishOk();
}

void SimulatedModule::cmdCipap(const Command &c)
{
    SoftApSettings &ap = m_settings.ap;
    if (c.kind == 'q') {
        outLine("+CIPAP:ip:" + quoted(ap.ip));
        outLine("+CIPAP:gateway:" + quoted(ap.gateway));
        outLine("+CIPAP:netmask:" + quoted(ap.netmask));
        finishOk();
        return;
    }
    QString ip, gw = ap.gateway, mask = ap.netmask;
    if (c.params.size() > 3 || !ipv4Param(c, 0, &ip) || (hasParam(c, 1) && !ipv4Param(c, 1, &gw))
        || (hasParam(c, 2) && !ipv4Param(c, 2, &mask))) {
        finishError(0x01070000);
        return;
    }
    if (m_cwmode != 2 && m_cwmode != 3) {
        finishError(0x010a0000);
        return;
    }
    ap.ip = ip;
    ap.gateway = hasParam(c, 1) ? gw : ip;
    ap.netmask = mask;
    finishOk();
}

void SimulatedModule::cmdCwhostname(const Command &c)
{
    if (c.kind == 'q') {
        outLine("+CWHOSTNAME:" + m_settings.hostname.toUtf8());
        finishOk();
        return;
    }
    const QString name = strParam(c, 0);
    if (c.params.size() != 1 || name.isEmpty() || name.toUtf8().size() > 32) {
        finishError(0x01070000);
        return;
    }
    if (m_cwmode != 1 && m_cwmode != 3) {
        finishError(0x010a0000);
        return;
    }
    m_settings.hostname = name;
    finishOk();
}

void SimulatedModule::cmdCwcountry(const Command &c)
{
    ModuleSettings &s = m_settings;
    if (c.kind == 'q') {
        outLine("+CWCOUNTRY:" + num(s.countryPolicy) + "," + quoted(s.country) + "," + num(s.countryStart) + ","
                + num(s.countryCount));
        finishOk();
        return;
    }
    qint64 policy = 0, start = 0, count = 0;
    const QString code = strParam(c, 1);
    if (c.params.size() != 4 || !intParam(c, 0, &policy) || policy < 0 || policy > 1 || code.size() != 2
        || !intParam(c, 2, &start) || start < 1 || start > 14 || !intParam(c, 3, &count) || count < 1
        || start + count - 1 > 14) {
        finishError(0x01070000);
        return;
    }
    s.countryPolicy = int(policy);
    s.country = code.toUpper();
    s.countryStart = int(start);
    s.countryCount = int(count);
    finishOk();
}

} // namespace atb::sim
