// RecipeBridge: the operations a recipe runs through the services the pages use, the waits for
// link data and MQTT messages, and the PC-side peers.
#include "recipebridge.h"

#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "pcpeers.h"
#include "services/connectionservice.h"
#include "services/mqttservice.h"
#include "services/netservice.h"
#include "services/throughputlab.h"
#include "services/wifiservice.h"

#include <QHostAddress>
#include <QVariantList>

namespace atb {

namespace {

QVariantMap operationMap(const OperationResult &r)
{
    return { { QStringLiteral("ok"), r.ok },
             { QStringLiteral("message"), r.message },
             { QStringLiteral("cancelled"), r.cancelled },
             { QStringLiteral("commands"), int(r.results.size()) } };
}

QStringList stringList(const QVariant &v)
{
    QStringList out;
    for (const QVariant &e : v.toList())
        if (!e.toString().trimmed().isEmpty())
            out << e.toString().trimmed();
    if (out.isEmpty() && v.typeId() == QMetaType::QString && !v.toString().isEmpty())
        out << v.toString();
    return out;
}

} // namespace

template<typename Service>
void RecipeBridge::operation(quint64 req, Service *service, const std::function<OperationPlan()> &start,
                             const std::function<void(QVariantMap &, const OperationResult &)> &extra)
{
    if (!service) {
        fulfil(req, failure(tr("This service is not available here.")));
        return;
    }
    // Connected before the start: the result may come straight away (the session in this thread).
    auto connection = std::make_shared<QMetaObject::Connection>();
    auto done = std::make_shared<bool>(false);
    *connection = connect(service, &Service::finished, this, [this, req, connection, done, extra](const OperationResult &r) {
        disconnect(*connection);
        *done = true;
        QVariantMap m = operationMap(r);
        if (extra)
            extra(m, r);
        fulfil(req, m);
    });
    const OperationPlan plan = start();
    if (*done)
        return;
    if (!plan.ok()) {
        disconnect(*connection);
        fulfil(req, failure(plan.error));
        return;
    }
    m_cleanup.insert(req, [service, connection] {
        QObject::disconnect(*connection);
        service->cancel();
    });
}

// ---- Wi-Fi ---------------------------------------------------------------------------------

void RecipeBridge::wifiJoin(quint64 req, const QString &ssid, const QString &password, const QString &bssid)
{
    WifiService *w = m_services.wifi;
    WifiSettings s;
    s.mode = w && (w->info().mode == 3) ? 3 : 1; // keep SoftAP + station; else station
    s.ssid = ssid;
    s.password = password;
    s.bssid = bssid;
    operation(req, w, [w, s] { return w->apply(s); }, [this, w](QVariantMap &m, const OperationResult &) {
        m.insert(QStringLiteral("failure"), w->lastJoinFailure());
        if (m_services.model)
            m.insert(QStringLiteral("ip"), m_services.model->wifi().ip);
    });
}

void RecipeBridge::wifiDisconnect(quint64 req)
{
    WifiService *w = m_services.wifi;
    operation(req, w, [w] { return w->disconnectFromAp(); });
}

void RecipeBridge::wifiScan(quint64 req)
{
    WifiService *w = m_services.wifi;
    operation(req, w, [w] { return w->scan(); }, [w](QVariantMap &m, const OperationResult &) {
        QVariantList aps;
        for (const AccessPointInfo &a : w->accessPoints())
            aps << QVariantMap { { QStringLiteral("ssid"), a.ssid },
                                 { QStringLiteral("rssi"), a.rssi },
                                 { QStringLiteral("channel"), a.channel },
                                 { QStringLiteral("encryption"), a.encryption },
                                 { QStringLiteral("bssid"), a.bssid } };
        m.insert(QStringLiteral("accessPoints"), aps);
    });
}

void RecipeBridge::wifiRead(quint64 req)
{
    WifiService *w = m_services.wifi;
    operation(req, w, [w] { return w->read(); });
}

// ---- network services ----------------------------------------------------------------------

void RecipeBridge::netPing(quint64 req, const QString &host)
{
    NetService *n = m_services.net;
    operation(req, n, [n, host] { return n->ping(host); }, [n](QVariantMap &m, const OperationResult &) {
        const QList<PingRecord> h = n->pingHistory();
        if (h.isEmpty())
            return;
        const PingRecord &p = h.first();
        m.insert(QStringLiteral("ok"), m.value(QStringLiteral("ok")).toBool() && p.ok);
        m.insert(QStringLiteral("ms"), p.ok && !p.ticks ? p.time : -1);
        m.insert(QStringLiteral("text"), p.text());
    });
}

void RecipeBridge::netLookup(quint64 req, const QString &name)
{
    NetService *n = m_services.net;
    operation(req, n, [n, name] { return n->lookup(name); }, [n](QVariantMap &m, const OperationResult &) {
        m.insert(QStringLiteral("ip"), n->lastLookupIp());
        if (!n->lastLookupError().isEmpty())
            m.insert(QStringLiteral("message"), n->lastLookupError());
    });
}

void RecipeBridge::netTime(quint64 req)
{
    NetService *n = m_services.net;
    // The SNTP settings first: the offset needs the module's time zone.
    operation(req, n, [n] { return n->read(); }, [n](QVariantMap &m, const OperationResult &) {
        const TimeReading t = n->lastTime();
        m.insert(QStringLiteral("text"), t.moduleText);
        m.insert(QStringLiteral("parsed"), t.parsed);
        m.insert(QStringLiteral("synchronised"), t.synchronised);
        m.insert(QStringLiteral("timezoneKnown"), t.timezoneKnown);
        m.insert(QStringLiteral("offsetSeconds"), t.parsed ? QVariant(t.offsetSeconds) : QVariant());
    });
}

void RecipeBridge::netSntp(quint64 req, const QVariantMap &settings)
{
    NetService *n = m_services.net;
    NetSettings s;
    s.applyDns = false;
    s.sntp.enabled = settings.value(QStringLiteral("enabled"), true).toBool();
    s.sntp.timezone = settings.value(QStringLiteral("timezone"), QStringLiteral("0")).toString();
    s.sntp.servers = stringList(settings.value(QStringLiteral("servers")));
    operation(req, n, [n, s] { return n->apply(s); });
}

void RecipeBridge::netDns(quint64 req, const QVariantMap &settings)
{
    NetService *n = m_services.net;
    NetSettings s;
    s.applySntp = false;
    s.dns.servers = stringList(settings.value(QStringLiteral("servers")));
    s.dns.manual = settings.value(QStringLiteral("manual"), !s.dns.servers.isEmpty()).toBool();
    operation(req, n, [n, s] { return n->apply(s); });
}

// ---- links ---------------------------------------------------------------------------------

void RecipeBridge::linkMode(quint64 req, const QVariantMap &settings)
{
    ConnectionService *c = m_services.connections;
    ConnectionModeSettings s;
    s.mux = settings.value(QStringLiteral("mux"), 0).toInt();
    s.mode = settings.value(QStringLiteral("mode"), 0).toInt();
    s.recvMode = settings.value(QStringLiteral("recvMode"), -1).toInt();
    operation(req, c, [c, s] { return c->applyMode(s); });
}

void RecipeBridge::linkOpen(quint64 req, const QVariantMap &settings)
{
    ConnectionService *c = m_services.connections;
    LinkOpenSettings s;
    s.linkId = settings.value(QStringLiteral("id"), 0).toInt();
    s.type = settings.value(QStringLiteral("type"), QStringLiteral("TCP")).toString().toUpper();
    s.host = settings.value(QStringLiteral("host")).toString();
    s.remotePort = settings.value(QStringLiteral("port")).toInt();
    s.keepAlive = settings.value(QStringLiteral("keepAlive"), 0).toInt();
    s.localPort = settings.value(QStringLiteral("localPort"), 0).toInt();
    m_linkData.remove(s.linkId);
    operation(req, c, [c, s] { return c->open(s); });
}

void RecipeBridge::linkSend(quint64 req, int linkId, const QByteArray &bytes)
{
    ConnectionService *c = m_services.connections;
    LinkSendSettings s;
    s.linkId = linkId;
    s.format = LinkSendSettings::Format::Hex; // exact bytes
    s.text = QString::fromLatin1(bytes.toHex());
    operation(req, c, [c, s] { return c->send(s); });
}

void RecipeBridge::linkClose(quint64 req, int linkId)
{
    ConnectionService *c = m_services.connections;
    operation(req, c, [c, linkId] { return c->close(linkId); });
}

void RecipeBridge::linkLeavePassthrough(quint64 req)
{
    DeviceSession *session = m_services.session;
    if (!session || session->state() != DeviceSession::State::Passthrough) {
        fulfil(req, QVariantMap { { QStringLiteral("ok"), true }, { QStringLiteral("message"), tr("Not in passthrough.") } });
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(session, &DeviceSession::stateChanged, this, [this, req, connection](DeviceSession::State s) {
        if (s == DeviceSession::State::Passthrough)
            return;
        disconnect(*connection);
        fulfil(req, QVariantMap { { QStringLiteral("ok"), s == DeviceSession::State::Connected },
                                  { QStringLiteral("message"), s == DeviceSession::State::Connected ? tr("Left passthrough.")
                                                                                                   : tr("The link was lost.") } });
    });
    m_cleanup.insert(req, [connection] { QObject::disconnect(*connection); });
    if (m_services.connections)
        m_services.connections->leavePassthrough();
    else
        session->leavePassthrough();
}

void RecipeBridge::onLinkData(int linkId, const QByteArray &bytes)
{
    QByteArray &buffer = m_linkData[linkId];
    buffer += bytes;
    if (buffer.size() > ConnectionService::kMaxBufferBytes)
        buffer.remove(0, buffer.size() - ConnectionService::kMaxBufferBytes);
    offer();
}

bool RecipeBridge::takeLinkData(int linkId, qint64 count, QVariantMap *out, bool partial)
{
    QByteArray &buffer = m_linkData[linkId];
    if (buffer.isEmpty() || (!partial && count > 0 && buffer.size() < count))
        return false;
    const QByteArray taken = count > 0 ? buffer.left(count) : buffer;
    buffer.remove(0, taken.size());
    *out = { { QStringLiteral("ok"), true },
             { QStringLiteral("text"), QString::fromUtf8(taken) },
             { QStringLiteral("hex"), QString::fromLatin1(taken.toHex()) },
             { QStringLiteral("bytes"), taken.size() } };
    return true;
}

void RecipeBridge::linkRead(quint64 req, int linkId, qint64 count, bool wait)
{
    if (wait) {
        takeOrWait(req, [this, linkId, count](QVariantMap *out) { return takeLinkData(linkId, count, out, false); });
        return;
    }
    QVariantMap out;
    if (!takeLinkData(linkId, count, &out, true))
        out = { { QStringLiteral("ok"), false }, { QStringLiteral("text"), QString() },
                { QStringLiteral("hex"), QString() }, { QStringLiteral("bytes"), 0 } };
    fulfil(req, out);
}

// ---- MQTT ----------------------------------------------------------------------------------

void RecipeBridge::mqttConfigure(quint64 req, const QVariantMap &settings)
{
    MqttService *q = m_services.mqtt;
    MqttConfig c = q && q->hasLastConfig() ? q->lastConfig() : MqttConfig();
    c.scheme = settings.value(QStringLiteral("scheme"), c.scheme).toInt();
    c.clientId = settings.value(QStringLiteral("clientId"), c.clientId).toString();
    c.username = settings.value(QStringLiteral("username"), c.username).toString();
    c.password = settings.value(QStringLiteral("password"), c.password).toString();
    c.keepAlive = settings.value(QStringLiteral("keepAlive"), c.keepAlive).toInt();
    c.cleanSession = settings.value(QStringLiteral("cleanSession"), c.cleanSession).toBool();
    operation(req, q, [q, c] { return q->configure(c); });
}

void RecipeBridge::mqttConnect(quint64 req, const QVariantMap &settings)
{
    MqttService *q = m_services.mqtt;
    MqttConnectSettings s;
    s.host = settings.value(QStringLiteral("host")).toString();
    s.port = settings.value(QStringLiteral("port"), 1883).toInt();
    s.reconnect = settings.value(QStringLiteral("reconnect"), false).toBool();
    operation(req, q, [q, s] { return q->connectToBroker(s); });
}

void RecipeBridge::mqttPublish(quint64 req, const QString &topic, const QByteArray &payload, const QVariantMap &options)
{
    MqttService *q = m_services.mqtt;
    MqttPublishSettings s;
    s.topic = topic;
    s.payload = payload;
    s.qos = options.value(QStringLiteral("qos"), 0).toInt();
    s.retain = options.value(QStringLiteral("retain"), false).toBool();
    s.raw = options.value(QStringLiteral("raw"), false).toBool();
    operation(req, q, [q, s] { return q->publish(s); });
}

void RecipeBridge::mqttSubscribe(quint64 req, const QString &topic, int qos)
{
    MqttService *q = m_services.mqtt;
    operation(req, q, [q, topic, qos] { return q->subscribe(topic, qos); });
}

void RecipeBridge::mqttUnsubscribe(quint64 req, const QString &topic)
{
    MqttService *q = m_services.mqtt;
    operation(req, q, [q, topic] { return q->unsubscribe(topic); });
}

void RecipeBridge::mqttDisconnect(quint64 req)
{
    MqttService *q = m_services.mqtt;
    operation(req, q, [q] { return q->disconnectFromBroker(); });
}

void RecipeBridge::onMqttMessage(const MqttMessage &msg)
{
    m_messages.push_back({ { QStringLiteral("ok"), true },
                           { QStringLiteral("topic"), msg.topic },
                           { QStringLiteral("payload"), QString::fromUtf8(msg.payload) },
                           { QStringLiteral("payloadHex"), QString::fromLatin1(msg.payload.toHex()) },
                           { QStringLiteral("qos"), msg.qos },
                           { QStringLiteral("time"), msg.time.toMSecsSinceEpoch() } });
    while (m_messages.size() > kMaxMessages)
        m_messages.pop_front();
    offer();
}

bool RecipeBridge::takeMessage(const QString &filter, QVariantMap *out)
{
    for (auto it = m_messages.begin(); it != m_messages.end(); ++it) {
        if (filter.isEmpty() || MqttService::topicMatches(filter, it->value(QStringLiteral("topic")).toString())) {
            *out = *it;
            m_messages.erase(it);
            return true;
        }
    }
    return false;
}

void RecipeBridge::mqttReceive(quint64 req, const QString &topicFilter)
{
    takeOrWait(req, [this, topicFilter](QVariantMap *out) { return takeMessage(topicFilter, out); });
}

// ---- throughput ----------------------------------------------------------------------------

void RecipeBridge::throughputRun(quint64 req, const QVariantMap &settings)
{
    ThroughputLab *lab = m_services.lab;
    if (!lab) {
        fulfil(req, failure(tr("This service is not available here.")));
        return;
    }
    static const QHash<QString, LabSettings::Mode> kModes {
        { QStringLiteral("send"), LabSettings::Mode::SendNormal },
        { QStringLiteral("send-passthrough"), LabSettings::Mode::SendPassthrough },
        { QStringLiteral("receive"), LabSettings::Mode::Receive },
        { QStringLiteral("receive-passthrough"), LabSettings::Mode::ReceivePassthrough },
        { QStringLiteral("echo"), LabSettings::Mode::Echo } };
    LabSettings s;
    const QString mode = settings.value(QStringLiteral("mode"), QStringLiteral("send")).toString();
    if (!kModes.contains(mode)) {
        fulfil(req, failure(tr("Unknown throughput mode \"%1\" (send, send-passthrough, receive, "
                               "receive-passthrough, echo).").arg(mode)));
        return;
    }
    s.mode = kModes.value(mode);
    s.protocol = settings.value(QStringLiteral("protocol")).toString().compare(QLatin1String("udp"), Qt::CaseInsensitive) == 0
        ? LabSettings::Protocol::Udp : LabSettings::Protocol::Tcp;
    s.peerAddress = settings.value(QStringLiteral("peerAddress"), s.peerAddress).toString();
    s.peerPort = quint16(settings.value(QStringLiteral("peerPort"), 0).toUInt());
    s.chunkSize = settings.value(QStringLiteral("chunkSize"), s.chunkSize).toInt();
    s.durationMs = settings.value(QStringLiteral("durationMs"), s.durationMs).toInt();
    s.baud = settings.value(QStringLiteral("baud"), s.baud).toLongLong();
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(lab, &ThroughputLab::finished, this, [this, req, connection](const LabResult &r) {
        disconnect(*connection);
        fulfil(req, QVariantMap { { QStringLiteral("ok"), r.ok },
                                  { QStringLiteral("message"), r.message },
                                  { QStringLiteral("elapsedMs"), r.elapsedMs },
                                  { QStringLiteral("sentBytes"), r.sentBytes },
                                  { QStringLiteral("deliveredBytes"), r.deliveredBytes },
                                  { QStringLiteral("lostBytes"), r.lostBytes },
                                  { QStringLiteral("lossFree"), r.lossFree() },
                                  { QStringLiteral("goodputBps"), r.goodputBps },
                                  { QStringLiteral("efficiency"), r.efficiency },
                                  { QStringLiteral("modelEfficiency"), r.modelEfficiency },
                                  { QStringLiteral("rttMedianMs"), r.rttMedianMs },
                                  { QStringLiteral("rttP99Ms"), r.rttP99Ms } });
    });
    const OperationPlan plan = lab->start(s);
    if (!plan.ok()) {
        disconnect(*connection);
        fulfil(req, failure(plan.error));
        return;
    }
    m_cleanup.insert(req, [lab, connection] {
        QObject::disconnect(*connection);
        lab->stop();
    });
}

// ---- PC-side peers -------------------------------------------------------------------------

void RecipeBridge::pcEchoServer(quint64 req, const QString &address, int port)
{
    auto *server = new EchoServer(this);
    QString error;
    if (!server->listen(QHostAddress(address), quint16(port), &error)) {
        delete server;
        fulfil(req, failure(error));
        return;
    }
    m_peers << server;
    fulfil(req, QVariantMap { { QStringLiteral("ok"), true },
                              { QStringLiteral("host"), address },
                              { QStringLiteral("port"), server->port() } });
}

void RecipeBridge::pcNtpServer(quint64 req, const QString &address, int port)
{
    auto *ntp = new SntpResponder(this);
    QString error;
    if (!ntp->listen(QHostAddress(address), quint16(port), &error)) {
        delete ntp;
        fulfil(req, failure(error));
        return;
    }
    m_peers << ntp;
    const QString server = ntp->port() == 123 ? address : QStringLiteral("%1:%2").arg(address).arg(ntp->port());
    fulfil(req, QVariantMap { { QStringLiteral("ok"), true },
                              { QStringLiteral("host"), address },
                              { QStringLiteral("port"), ntp->port() },
                              { QStringLiteral("server"), server } });
}

} // namespace atb
