#include "devicemodel.h"

#include "engine/devicesession.h"
#include "protocol/cwjapreply.h"

#include <QCoreApplication>
#include <algorithm>

namespace atb {

QString MqttState::stateText(int state)
{
    switch (state) {
    case 0: return QCoreApplication::translate("MqttState", "not initialised");
    case 1: return QCoreApplication::translate("MqttState", "user configuration set");
    case 2: return QCoreApplication::translate("MqttState", "connection configuration set");
    case 3: return QCoreApplication::translate("MqttState", "disconnected");
    case 4: return QCoreApplication::translate("MqttState", "connected");
    case 5: return QCoreApplication::translate("MqttState", "connected, no subscription");
    case 6: return QCoreApplication::translate("MqttState", "connected, subscribed");
    default: return QCoreApplication::translate("MqttState", "unknown (%1)").arg(state);
    }
}

namespace {

QByteArray commandName(const QByteArray &line)
{
    qsizetype end = line.size();
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == '=' || line[i] == '?') {
            end = i;
            break;
        }
    }
    return line.left(end).trimmed().toUpper();
}

QByteArray paramsOf(const QByteArray &line)
{
    const qsizetype eq = line.indexOf('=');
    return eq < 0 ? QByteArray() : line.mid(eq + 1);
}

bool isSetForm(const QByteArray &line)
{
    return line.contains('=') && !line.endsWith("=?");
}

int toInt(const QString &s, int fallback = -1)
{
    bool ok = false;
    const int v = s.trimmed().toInt(&ok);
    return ok ? v : fallback;
}

} // namespace

DeviceModel::DeviceModel(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<atb::Dialect>();
}

QStringList DeviceModel::splitFields(QByteArrayView params)
{
    QStringList out;
    QByteArray cur;
    bool quoted = false;
    for (qsizetype i = 0; i < params.size(); ++i) {
        const char c = params[i];
        if (c == '\\' && i + 1 < params.size()) {
            cur += params[++i];
            continue;
        }
        if (c == '"') {
            quoted = !quoted;
            continue;
        }
        if (c == ',' && !quoted) {
            out << QString::fromUtf8(cur).trimmed();
            cur.clear();
            continue;
        }
        cur += c;
    }
    out << QString::fromUtf8(cur).trimmed();
    return out;
}

void DeviceModel::setDialect(Dialect d, bool detected)
{
    m_dialectDetected = m_dialectDetected || detected;
    if (d == m_dialect)
        return;
    m_dialect = d;
    emit dialectChanged(d);
}

void DeviceModel::follow(DeviceSession *session)
{
    for (const QMetaObject::Connection &c : std::as_const(m_following))
        disconnect(c);
    m_following.clear();
    if (!session)
        return;
    m_following << connect(session, &DeviceSession::commandFinished, this, &DeviceModel::applyResult)
                << connect(session, &DeviceSession::urcReceived, this, &DeviceModel::applyUrc)
                << connect(session, &DeviceSession::stateChanged, this,
                           [this](DeviceSession::State s) {
                               setPassthrough(s == DeviceSession::State::Passthrough);
                               if (s == DeviceSession::State::Disconnected)
                                   reset();
                           })
                << connect(this, &DeviceModel::dialectChanged, session, &DeviceSession::setDialect);
    setPassthrough(session->state() == DeviceSession::State::Passthrough);
}

void DeviceModel::setPassthrough(bool on)
{
    if (on == m_passthrough)
        return;
    m_passthrough = on;
    emit passthroughChanged(on);
}

void DeviceModel::setEcho(bool on)
{
    if (m_echo == int(on))
        return;
    m_echo = int(on);
    emit echoChanged();
}

void DeviceModel::reset()
{
    m_echo = -1;
    emit echoChanged();
    setCipMux(-1);
    setCipMode(-1);
    setSysLog(-1);
    setLinks({});
    setWifi({});
    setDns({});
    setSntp({});
    setMqtt({});
    setPassthrough(false);
}

void DeviceModel::setCipMux(int v)
{
    if (v == m_cipMux)
        return;
    m_cipMux = v;
    emit cipMuxChanged();
}

void DeviceModel::setSysLog(int v)
{
    if (v == m_sysLog)
        return;
    m_sysLog = v;
    emit sysLogChanged();
}

void DeviceModel::setCipMode(int v)
{
    if (v == m_cipMode)
        return;
    m_cipMode = v;
    emit cipModeChanged();
}

void DeviceModel::setLinks(const QList<LinkInfo> &links)
{
    if (links == m_links)
        return;
    m_links = links;
    std::sort(m_links.begin(), m_links.end(), [](const LinkInfo &a, const LinkInfo &b) { return a.id < b.id; });
    emit linksChanged();
}

void DeviceModel::setWifi(const WifiState &w)
{
    if (w == m_wifi)
        return;
    m_wifi = w;
    emit wifiChanged();
}

void DeviceModel::setDns(const DnsState &d)
{
    if (d == m_dns)
        return;
    m_dns = d;
    emit dnsChanged();
}

void DeviceModel::setSntp(const SntpState &s)
{
    if (s == m_sntp)
        return;
    m_sntp = s;
    emit sntpChanged();
}

void DeviceModel::setMqtt(const MqttState &m)
{
    if (m == m_mqtt)
        return;
    m_mqtt = m;
    emit mqttChanged();
}

void DeviceModel::applyResult(const AtResult &r)
{
    const QByteArray line = r.command.line.trimmed();
    const QByteArray name = commandName(line);
    const QStringList args = isSetForm(line) ? splitFields(paramsOf(line)) : QStringList();

    if (r.status == AtResult::Status::Error && name == "AT+CWJAP") {
        WifiState w = m_wifi;
        if (const int code = CwjapReply::failureCodeIn(r.lines))
            w.lastJoinError = code;
        setWifi(w);
        return;
    }
    if (!r.ok())
        return;

    QList<LinkInfo> statusLinks;
    bool sawStatus = false;
    bool rowsWithoutId = false;
    QList<MqttSubscription> listedSubscriptions;
    for (const QByteArray &l : r.lines) {
        if (l.startsWith("+CIPSTATUS:") || l.startsWith("+BIPSTATUS:") || l.startsWith("+CIPSTATE:")) {
            sawStatus = true;
            LinkInfo li;
            bool hasId = true;
            if (parseStatusLine(l, int(statusLinks.size()), &li, &hasId)) {
                statusLinks << li;
                rowsWithoutId = rowsWithoutId || !hasId;
            }
        } else if (l.startsWith("+MQTTSUB:")) {
            // +MQTTSUB:<LinkID>,<state>,"<topic>",<qos>
            const QStringList f = splitFields(QByteArrayView(l).sliced(9));
            if (f.size() >= 4) {
                MqttState m = m_mqtt;
                m.state = toInt(f[1], m.state);
                setMqtt(m);
                const MqttSubscription s { f[2], toInt(f[3], 0) };
                if (!listedSubscriptions.contains(s))
                    listedSubscriptions << s;
            }
        } else {
            applyReplyLine(l);
        }
    }
    if (sawStatus || name == "AT+CIPSTATUS" || name == "AT+CIPSTATE") {
        if (rowsWithoutId)
            statusLinks = withKnownIds(statusLinks);
        // Status replies do not report the keep-alive: keep what the opening command set.
        for (LinkInfo &l : statusLinks) {
            for (const LinkInfo &old : std::as_const(m_links)) {
                if (old.id == l.id && l.keepAlive < 0)
                    l.keepAlive = old.keepAlive;
            }
        }
        setLinks(statusLinks);
    }
    if (name == "AT+MQTTSUB" && line.endsWith('?')) {
        // The query lists every subscription the module has: rows it no longer lists go.
        MqttState m = m_mqtt;
        m.subscriptions = listedSubscriptions;
        setMqtt(m);
    }

    if (name == "ATE0" || name == "ATE1") {
        setEcho(name == "ATE1");
    } else if (name == "AT+GMR") {
        QStringList fw;
        bool beken = false, esp = false;
        for (const QByteArray &l : r.lines) {
            fw << QString::fromUtf8(l);
            if (l.contains("ATSVR") || l.contains("BK7") || l.contains("Beken") || l.contains("beken"))
                beken = true;
            if (l.startsWith("AT version:") || l.startsWith("SDK version:") || l.startsWith("Bin version"))
                esp = true;
        }
        if (fw != m_firmware) {
            m_firmware = fw;
            emit firmwareChanged();
        }
        if (beken)
            setDialect(Dialect::Beken, true);
        else if (esp)
            setDialect(Dialect::Esp, true);
    } else if (name == "AT+RST" || name == "AT+RESTORE") {
        reset();
        setEcho(true);
    } else if (name == "AT+CIPMUX" && args.size() == 1) {
        setCipMux(toInt(args[0]));
    } else if (name == "AT+CIPMODE" && args.size() == 1) {
        setCipMode(toInt(args[0]));
    } else if (name == "AT+SYSLOG" && args.size() == 1) {
        setSysLog(toInt(args[0]));
    } else if (name == "AT+CIPDNS" && !args.isEmpty()) {
        DnsState d;
        d.known = true;
        d.manual = toInt(args[0]) == 1;
        d.servers = d.manual ? args.mid(1) : QStringList();
        d.servers.removeAll(QString());
        setDns(d);
    } else if (name == "AT+CIPSNTPCFG" && !args.isEmpty()) {
        SntpState s = m_sntp;
        s.known = true;
        s.enabled = toInt(args[0]) == 1;
        if (args.size() > 1)
            s.timezone = args[1];
        if (args.size() > 2)
            s.servers = args.mid(2);
        setSntp(s);
    } else if (name == "AT+CWJAP" && !args.isEmpty()) {
        WifiState w = m_wifi;
        w.ssid = args[0];
        w.connected = true;
        w.lastJoinError = 0;
        setWifi(w);
    } else if (name == "AT+CWQAP") {
        setWifi(WifiState());
    } else if (name == "AT+CIPSTART" && args.size() >= 3) {
        bool numeric = false;
        const int first = args[0].toInt(&numeric);
        // [<id>,]"<type>","<host>",<port>[,<keepalive (TCP/SSL) | local port (UDP)>[,...]]
        const int base = numeric && args.size() >= 4 ? 1 : 0;
        const int id = base ? first : 0;
        linkOpened(id, args[base], args[base + 1], toInt(args[base + 2]));
        if (args.size() > base + 3 && !args[base + 3].isEmpty()) {
            QList<LinkInfo> links = m_links;
            for (LinkInfo &l : links) {
                if (l.id != id)
                    continue;
                const bool udp = l.type.startsWith(QLatin1String("UDP")) || l.type == QLatin1String("DTLS");
                if (udp) {
                    l.localPort = toInt(args[base + 3]);
                } else {
                    l.keepAlive = toInt(args[base + 3]);
                    // Beken TCP/TLS server (seed 000 example 2): <keepalive>,<localport>,"<localip>".
                    if (m_dialect == Dialect::Beken && args.size() > base + 4 && toInt(args[base + 4]) > 0) {
                        l.localPort = toInt(args[base + 4]);
                        l.server = true;
                    }
                }
            }
            setLinks(links);
        }
    } else if (name == "AT+CIPCLOSE") {
        const int id = args.isEmpty() ? 0 : toInt(args[0], 0);
        linkClosed(id == 5 ? -1 : id);
    } else if (name == "AT+MQTTUSERCFG" && args.size() >= 3) {
        MqttState m = m_mqtt;
        m.scheme = toInt(args[1], 0);
        m.clientId = args[2];
        m.path = args.size() > 7 ? args[7] : QString();
        if (m.state < 1)
            m.state = 1;
        setMqtt(m);
    } else if (name == "AT+MQTTCLIENTID" && args.size() >= 2) {
        MqttState m = m_mqtt;
        m.clientId = args[1];
        setMqtt(m);
    } else if (name == "AT+MQTTCONNCFG") {
        MqttState m = m_mqtt;
        if (m.state < 2)
            m.state = 2;
        setMqtt(m);
    } else if (name == "AT+MQTTCONN" && args.size() >= 4) {
        MqttState m = m_mqtt;
        m.host = args[1];
        m.port = args[2];
        m.reconnect = toInt(args[3]) == 1;
        if (m.state < 4)
            m.state = m.subscriptions.isEmpty() ? 4 : 6;
        setMqtt(m);
    } else if (name == "AT+MQTTSUB" && args.size() >= 2) {
        MqttState m = m_mqtt;
        MqttSubscription s { args[1], args.size() > 2 ? toInt(args[2], 0) : 0 };
        const bool dup = std::any_of(m.subscriptions.begin(), m.subscriptions.end(),
                                     [&](const MqttSubscription &x) { return x.topic == s.topic; });
        if (!dup)
            m.subscriptions.append(s);
        m.state = 6;
        setMqtt(m);
    } else if (name == "AT+MQTTUNSUB" && args.size() >= 2) {
        MqttState m = m_mqtt;
        m.subscriptions.erase(std::remove_if(m.subscriptions.begin(), m.subscriptions.end(),
                                             [&](const MqttSubscription &x) { return x.topic == args[1]; }),
                              m.subscriptions.end());
        if (m.state >= 4)
            m.state = m.subscriptions.isEmpty() ? 5 : 6;
        setMqtt(m);
    } else if (name == "AT+MQTTCLEAN") {
        setMqtt(MqttState());
    }
}

void DeviceModel::applyReplyLine(const QByteArray &l)
{
    auto after = [&](const char *prefix) { return splitFields(QByteArrayView(l).sliced(qsizetype(qstrlen(prefix)))); };
    if (l.startsWith("+CIPMUX:")) {
        setCipMux(toInt(QString::fromUtf8(l.mid(8))));
    } else if (l.startsWith("+SYSLOG:")) {
        setSysLog(toInt(QString::fromUtf8(l.mid(8))));
    } else if (l.startsWith("+CIPMODE:")) {
        setCipMode(toInt(QString::fromUtf8(l.mid(9))));
    } else if (l.startsWith("+CIPDNS:")) {
        const QStringList f = after("+CIPDNS:");
        DnsState d;
        d.known = true;
        d.manual = toInt(f.value(0)) == 1;
        d.servers = f.mid(1);
        d.servers.removeAll(QString());
        setDns(d);
    } else if (l.startsWith("+CIPSNTPCFG:")) {
        const QStringList f = after("+CIPSNTPCFG:");
        SntpState s = m_sntp;
        s.known = true;
        s.enabled = toInt(f.value(0)) == 1;
        s.timezone = f.value(1);
        s.servers = f.mid(2);
        s.servers.removeAll(QString());
        setSntp(s);
    } else if (l.startsWith("+CIPSNTPTIME:")) {
        SntpState s = m_sntp;
        s.moduleTime = QString::fromUtf8(l.mid(13)).trimmed();
        setSntp(s);
    } else if (l == "No AP") {
        // AT+CWJAP? when the station is not connected.
        WifiState w;
        w.mac = m_wifi.mac;
        setWifi(w);
    } else if (l.startsWith("+CWJAP:")) {
        const std::optional<CwjapReply> j = CwjapReply::parse(l);
        if (j && j->joined()) {
            WifiState w = m_wifi;
            w.connected = true;
            w.ssid = j->ssid;
            w.rssi = j->rssi;
            setWifi(w);
        }
    } else if (l.startsWith("+CIFSR:STAIP,") || l.startsWith("+CIPSTA:ip:")) {
        WifiState w = m_wifi;
        const qsizetype sep = l.startsWith("+CIFSR:") ? 13 : 11;
        w.ip = splitFields(QByteArrayView(l).sliced(sep)).value(0);
        w.gotIp = !w.ip.isEmpty() && w.ip != QLatin1String("0.0.0.0");
        setWifi(w);
    } else if (l.startsWith("+CIFSR:STAMAC,")) {
        WifiState w = m_wifi;
        w.mac = splitFields(QByteArrayView(l).sliced(14)).value(0);
        setWifi(w);
    } else if (l.startsWith("+MQTTCONN:")) {
        const QStringList f = after("+MQTTCONN:");
        if (f.size() >= 7) {
            MqttState m = m_mqtt;
            m.state = toInt(f[1], 0);
            m.scheme = toInt(f[2], 0);
            m.host = f[3];
            m.port = f[4];
            m.path = f[5];
            m.reconnect = toInt(f[6]) == 1;
            setMqtt(m);
        } else if (f.size() >= 2) {
            MqttState m = m_mqtt;
            m.state = toInt(f[1], 0);
            setMqtt(m);
        }
    }
}

void DeviceModel::applyUrc(const AtEvent &e)
{
    const QByteArray t = e.text.trimmed();
    if (t == "ready") {
        reset();
        setEcho(true);
        return;
    }
    if (t == "WIFI CONNECTED" || t == "EVT:WLAN CONNECTED") {
        WifiState w = m_wifi;
        w.connected = true;
        setWifi(w);
    } else if (t == "WIFI GOT IP" || t == "EVT:GOT-IP") {
        WifiState w = m_wifi;
        w.connected = true;
        w.gotIp = true;
        setWifi(w);
    } else if (t == "WIFI DISCONNECT" || t == "WFI DISCONNECTED" || t == "WIFI DISCONNECTED"
               || t == "EVT:WLAN DISCONNECTED") {
        WifiState w;
        w.mac = m_wifi.mac;
        setWifi(w);
    } else if (e.name == "CONNECT") {
        linkOpened(e.link < 0 ? 0 : e.link, QString(), QString(), -1);
    } else if (e.name == "CLOSED") {
        linkClosed(e.link < 0 ? 0 : e.link);
    } else if (e.name == "+MQTTCONNECTED:") {
        const QStringList f = splitFields(QByteArrayView(t).sliced(15));
        MqttState m = m_mqtt;
        m.state = m.subscriptions.isEmpty() ? 4 : 6;
        if (f.size() >= 6) {
            m.scheme = toInt(f[1], m.scheme);
            m.host = f[2];
            m.port = f[3];
            m.path = f[4];
            m.reconnect = toInt(f[5]) == 1;
        }
        setMqtt(m);
    } else if (e.name == "+MQTTDISCONNECTED:") {
        MqttState m = m_mqtt;
        m.state = 3;
        setMqtt(m);
    } else if (t.startsWith("+TIME_UPDATED")) {
        SntpState s = m_sntp;
        s.synced = true;
        setSntp(s);
    }
}

} // namespace atb
