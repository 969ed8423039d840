#include "recipenamespaces.h"

#include "recipeapi.h"
#include "services/connectionservice.h"

#include <QJSEngine>

namespace atb {

namespace {

QVariantMap mapOf(const QJSValue &v)
{
    return v.isObject() ? v.toVariant().toMap() : QVariantMap();
}

int intOr(const QJSValue &v, int fallback)
{
    return v.isUndefined() || v.isNull() ? fallback : v.toInt();
}

QString pcAddress(const QJSValue &options)
{
    const QString a = options.property(QStringLiteral("address")).toString();
    return a.isEmpty() || a == QLatin1String("undefined") ? QStringLiteral("127.0.0.1") : a;
}

} // namespace

// ---- device ----------------------------------------------------------------------------------

DeviceApi::DeviceApi(RecipeApi *api) : m_api(api)
{
    setObjectName(QStringLiteral("device"));
}

QVariant DeviceApi::snapshot() const
{
    return m_api->call([](RecipeBridge &b, quint64 req) { b.snapshot(req); });
}

QVariant DeviceApi::value(const char *key) const
{
    return snapshot().toMap().value(QString::fromLatin1(key));
}

// ---- wifi ------------------------------------------------------------------------------------

WifiApi::WifiApi(RecipeApi *api) : m_api(api)
{
    setObjectName(QStringLiteral("wifi"));
}

QJSValue WifiApi::join(const QJSValue &ssid, const QJSValue &password, const QJSValue &options)
{
    if (!ssid.isString() || ssid.toString().isEmpty())
        return m_api->typeError(tr("wifi.join(ssid, password): ssid must be a non-empty string."));
    const QString s = ssid.toString();
    const QString p = password.isUndefined() || password.isNull() ? QString() : password.toString();
    const QString bssid = options.property(QStringLiteral("bssid")).isString() ? options.property(QStringLiteral("bssid")).toString() : QString();
    return m_api->operation(tr("Wi-Fi: join %1").arg(s),
                            [s, p, bssid](RecipeBridge &b, quint64 req) { b.wifiJoin(req, s, p, bssid); });
}

QJSValue WifiApi::disconnect()
{
    return m_api->operation(tr("Wi-Fi: disconnect"), [](RecipeBridge &b, quint64 req) { b.wifiDisconnect(req); });
}

QJSValue WifiApi::scan()
{
    return m_api->operation(tr("Wi-Fi: scan"), [](RecipeBridge &b, quint64 req) { b.wifiScan(req); });
}

QJSValue WifiApi::read()
{
    return m_api->operation(tr("Wi-Fi: read"), [](RecipeBridge &b, quint64 req) { b.wifiRead(req); });
}

QJSValue WifiApi::ensureJoined(const QJSValue &ssid, const QJSValue &password)
{
    auto wifiState = [this] {
        return m_api->call([](RecipeBridge &b, quint64 req) { b.snapshot(req); }).toMap().value(QStringLiteral("wifi")).toMap();
    };
    m_api->setActivity(tr("Wi-Fi: read"));
    if (!m_api->call([](RecipeBridge &b, quint64 req) { b.wifiRead(req); }).isValid())
        return QJSValue(); // stopped
    m_api->setActivity(QString());
    QVariantMap wifi = wifiState();
    QString message;
    bool joinedNow = false;
    const QString s = ssid.isString() ? ssid.toString() : QString();
    if (!wifi.value(QStringLiteral("connected")).toBool() && !s.isEmpty()) {
        const QString p = password.isString() ? password.toString() : QString();
        const QJSValue joined = m_api->operation(tr("Wi-Fi: join %1").arg(s),
                                                 [s, p](RecipeBridge &b, quint64 req) { b.wifiJoin(req, s, p, QString()); });
        if (joined.isUndefined())
            return QJSValue(); // stopped
        joinedNow = true;
        message = joined.property(QStringLiteral("message")).toString();
        wifi = wifiState();
    }
    const bool connected = wifi.value(QStringLiteral("connected")).toBool();
    const bool ok = connected && wifi.value(QStringLiteral("gotIp")).toBool();
    if (!connected)
        message = !wifi.value(QStringLiteral("lastJoinFailure")).toString().isEmpty()
            ? wifi.value(QStringLiteral("lastJoinFailure")).toString()
            : s.isEmpty() ? tr("not joined (give the ssid and password parameters, or join on the Wi-Fi page)") : message;
    else if (!ok)
        message = tr("joined, but no IP address yet");
    wifi.insert(QStringLiteral("ok"), ok);
    wifi.insert(QStringLiteral("message"), message);
    wifi.insert(QStringLiteral("joinedNow"), joinedNow);
    return m_api->toJs(wifi);
}

// ---- net -------------------------------------------------------------------------------------

NetApi::NetApi(RecipeApi *api) : m_api(api)
{
    setObjectName(QStringLiteral("net"));
}

QJSValue NetApi::ping(const QJSValue &host)
{
    const QString h = host.toString();
    return m_api->operation(tr("ping %1").arg(h), [h](RecipeBridge &b, quint64 req) { b.netPing(req, h); });
}

QJSValue NetApi::lookup(const QJSValue &name)
{
    const QString n = name.toString();
    return m_api->operation(tr("look up %1").arg(n), [n](RecipeBridge &b, quint64 req) { b.netLookup(req, n); });
}

QJSValue NetApi::time()
{
    return m_api->operation(tr("read the module's time"), [](RecipeBridge &b, quint64 req) { b.netTime(req); });
}

QJSValue NetApi::sntp(const QJSValue &settings)
{
    const QVariantMap s = mapOf(settings);
    return m_api->operation(tr("set SNTP"), [s](RecipeBridge &b, quint64 req) { b.netSntp(req, s); });
}

QJSValue NetApi::dns(const QJSValue &settings)
{
    const QVariantMap s = mapOf(settings);
    return m_api->operation(tr("set DNS"), [s](RecipeBridge &b, quint64 req) { b.netDns(req, s); });
}

// ---- link ------------------------------------------------------------------------------------

LinkApi::LinkApi(RecipeApi *api) : m_api(api)
{
    setObjectName(QStringLiteral("link"));
}

QJSValue LinkApi::mode(const QJSValue &settings)
{
    const QVariantMap s = mapOf(settings);
    return m_api->operation(tr("link mode"), [s](RecipeBridge &b, quint64 req) { b.linkMode(req, s); });
}

QJSValue LinkApi::open(const QJSValue &settings)
{
    const QVariantMap s = mapOf(settings);
    return m_api->operation(tr("open a %1 link to %2:%3")
                                .arg(s.value(QStringLiteral("type"), QStringLiteral("TCP")).toString(),
                                     s.value(QStringLiteral("host")).toString(), s.value(QStringLiteral("port")).toString()),
                            [s](RecipeBridge &b, quint64 req) { b.linkOpen(req, s); });
}

QJSValue LinkApi::send(const QJSValue &id, const QJSValue &data)
{
    const int link = intOr(id, 0);
    const QByteArray bytes = m_api->bytes(data);
    return m_api->operation(tr("send %n byte(s) on link %1", "", int(bytes.size())).arg(link),
                            [link, bytes](RecipeBridge &b, quint64 req) { b.linkSend(req, link, bytes); });
}

QJSValue LinkApi::close(const QJSValue &id)
{
    const int link = intOr(id, ConnectionService::kCloseAll);
    return m_api->operation(tr("close link %1").arg(link), [link](RecipeBridge &b, quint64 req) { b.linkClose(req, link); });
}

QJSValue LinkApi::read(const QJSValue &id, const QJSValue &count, const QJSValue &timeoutMs)
{
    const int link = intOr(id, 0);
    const qint64 n = std::max(0, intOr(count, 0));
    const int limit = std::max(0, intOr(timeoutMs, RecipeApi::kDefaultExpectMs));
    m_api->setActivity(tr("read %1 byte(s) from link %2").arg(n).arg(link));
    bool timedOut = false;
    QVariant v = m_api->call([link, n](RecipeBridge &b, quint64 req) { b.linkRead(req, link, n, true); }, limit, &timedOut);
    if (timedOut) // what arrived so far, marked incomplete
        v = m_api->call([link, n](RecipeBridge &b, quint64 req) { b.linkRead(req, link, n, false); });
    m_api->setActivity(QString());
    if (!v.isValid())
        return QJSValue();
    QVariantMap m = v.toMap();
    m.insert(QStringLiteral("complete"), !timedOut && (n == 0 || m.value(QStringLiteral("bytes")).toLongLong() == n));
    return m_api->toJs(m);
}

QJSValue LinkApi::leavePassthrough()
{
    m_api->setActivity(tr("leave passthrough"));
    bool timedOut = false;
    const QVariant v = m_api->call([](RecipeBridge &b, quint64 req) { b.linkLeavePassthrough(req); }, 5000, &timedOut);
    m_api->setActivity(QString());
    if (timedOut)
        return m_api->toJs(RecipeBridge::failure(tr("Still in passthrough after 5 s.")));
    return v.isValid() ? m_api->toJs(v) : QJSValue();
}

// ---- mqtt ------------------------------------------------------------------------------------

MqttApi::MqttApi(RecipeApi *api) : m_api(api)
{
    setObjectName(QStringLiteral("mqtt"));
}

QJSValue MqttApi::configure(const QJSValue &settings)
{
    const QVariantMap s = mapOf(settings);
    return m_api->operation(tr("MQTT: configure"), [s](RecipeBridge &b, quint64 req) { b.mqttConfigure(req, s); });
}

QJSValue MqttApi::connect(const QJSValue &settings)
{
    const QVariantMap s = mapOf(settings);
    return m_api->operation(tr("MQTT: connect to %1").arg(s.value(QStringLiteral("host")).toString()),
                            [s](RecipeBridge &b, quint64 req) { b.mqttConnect(req, s); });
}

QJSValue MqttApi::publish(const QJSValue &topic, const QJSValue &payload, const QJSValue &options)
{
    const QString t = topic.toString();
    const QByteArray p = m_api->bytes(payload);
    const QVariantMap o = mapOf(options);
    return m_api->operation(tr("MQTT: publish to %1").arg(t), [t, p, o](RecipeBridge &b, quint64 req) { b.mqttPublish(req, t, p, o); });
}

QJSValue MqttApi::subscribe(const QJSValue &topic, const QJSValue &qos)
{
    const QString t = topic.toString();
    const int q = intOr(qos, 0);
    return m_api->operation(tr("MQTT: subscribe to %1").arg(t), [t, q](RecipeBridge &b, quint64 req) { b.mqttSubscribe(req, t, q); });
}

QJSValue MqttApi::unsubscribe(const QJSValue &topic)
{
    const QString t = topic.toString();
    return m_api->operation(tr("MQTT: unsubscribe from %1").arg(t), [t](RecipeBridge &b, quint64 req) { b.mqttUnsubscribe(req, t); });
}

QJSValue MqttApi::disconnect()
{
    return m_api->operation(tr("MQTT: disconnect"), [](RecipeBridge &b, quint64 req) { b.mqttDisconnect(req); });
}

QJSValue MqttApi::receive(const QJSValue &topicFilter, const QJSValue &timeoutMs)
{
    const QString filter = topicFilter.isString() ? topicFilter.toString() : QString();
    const int limit = std::max(0, intOr(timeoutMs, RecipeApi::kDefaultExpectMs));
    m_api->setActivity(tr("MQTT: wait for a message on %1").arg(filter.isEmpty() ? QStringLiteral("#") : filter));
    const QVariant v = m_api->call([filter](RecipeBridge &b, quint64 req) { b.mqttReceive(req, filter); }, limit);
    m_api->setActivity(QString());
    return v.isValid() ? m_api->toJs(v) : QJSValue(QJSValue::NullValue);
}

// ---- throughput ------------------------------------------------------------------------------

ThroughputApi::ThroughputApi(RecipeApi *api) : m_api(api)
{
    setObjectName(QStringLiteral("throughput"));
}

QJSValue ThroughputApi::run(const QJSValue &settings)
{
    const QVariantMap s = mapOf(settings);
    return m_api->operation(tr("throughput run (%1)").arg(s.value(QStringLiteral("mode"), QStringLiteral("send")).toString()),
                            [s](RecipeBridge &b, quint64 req) { b.throughputRun(req, s); });
}

// ---- pc --------------------------------------------------------------------------------------

PcApi::PcApi(RecipeApi *api) : m_api(api)
{
    setObjectName(QStringLiteral("pc"));
}

QJSValue PcApi::echoServer(const QJSValue &options)
{
    const QString address = pcAddress(options);
    const int port = intOr(options.property(QStringLiteral("port")), 0);
    return m_api->operation(tr("start the PC's echo server"),
                            [address, port](RecipeBridge &b, quint64 req) { b.pcEchoServer(req, address, port); });
}

QJSValue PcApi::ntpServer(const QJSValue &options)
{
    const QString address = pcAddress(options);
    const int port = intOr(options.property(QStringLiteral("port")), 0);
    return m_api->operation(tr("start the PC's SNTP server"),
                            [address, port](RecipeBridge &b, quint64 req) { b.pcNtpServer(req, address, port); });
}

} // namespace atb
