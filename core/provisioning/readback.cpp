#include "readback.h"

#include <QDateTime>
#include <QJsonArray>

namespace atb {

QStringList ModuleReadBack::unreadableFields(Dialect dialect)
{
    QStringList out { QStringLiteral("/wifi/password"),      QStringLiteral("/mqtt/client_id"),
                      QStringLiteral("/mqtt/username"),      QStringLiteral("/mqtt/password"),
                      QStringLiteral("/mqtt/keepalive"),     QStringLiteral("/mqtt/clean_session"),
                      QStringLiteral("/mqtt/last_will"),     QStringLiteral("/mqtt/alpn") };
    if (dialect == Dialect::Beken)
        out << QStringLiteral("/connection/receive_mode"); // no AT+CIPRECVMODE at all
    return out;
}

bool ModuleReadBack::isSecretField(const QString &path)
{
    return path == QLatin1String("/wifi/password") || path == QLatin1String("/mqtt/password")
        || path == QLatin1String("/tls_psk/psk");
}

Profile ModuleReadBack::toProfile(const QString &port) const
{
    Profile p;
    p.dialect = dialect;
    if (!mac.isEmpty())
        p.name = QStringLiteral("Saved from module %1").arg(mac);
    else if (!port.isEmpty())
        p.name = QStringLiteral("Saved from %1").arg(port);
    QStringList unreadable;
    auto str = [this](const char *path) { return value(QLatin1String(path)).toString(); };

    if (has(QStringLiteral("/persistence/store")))
        p.persistence = ProfilePersistence { value(QStringLiteral("/persistence/store")).toBool() };
    if (has(QStringLiteral("/wifi/mode"))) {
        ProfileWifi w;
        w.mode = wifiModeFromName(str("/wifi/mode"));
        w.join = value(QStringLiteral("/wifi/join")).toBool();
        if (w.join) {
            w.ssid = str("/wifi/ssid");
            w.password = SecretRef { QStringLiteral("wifi.password") };
            unreadable << QStringLiteral("/wifi/password");
        }
        p.wifi = w;
    }
    if (has(QStringLiteral("/connection/multiple_connections")) || has(QStringLiteral("/connection/transmission"))) {
        ProfileConnection c;
        if (has(QStringLiteral("/connection/multiple_connections")))
            c.multiple = value(QStringLiteral("/connection/multiple_connections")).toBool();
        if (has(QStringLiteral("/connection/transmission")))
            c.passthrough = str("/connection/transmission") == QLatin1String("passthrough");
        if (has(QStringLiteral("/connection/receive_mode")))
            c.passive = str("/connection/receive_mode") == QLatin1String("passive");
        p.connection = c;
    }
    if (has(QStringLiteral("/dns/automatic"))) {
        ProfileDns d;
        d.automatic = value(QStringLiteral("/dns/automatic")).toBool();
        for (const QJsonValue &s : value(QStringLiteral("/dns/servers")).toArray())
            d.servers << s.toString();
        p.dns = d;
    }
    if (has(QStringLiteral("/sntp/enabled"))) {
        ProfileSntp s;
        s.enabled = value(QStringLiteral("/sntp/enabled")).toBool();
        if (has(QStringLiteral("/sntp/timezone")))
            s.timezone = value(QStringLiteral("/sntp/timezone")).toInt();
        for (const QJsonValue &v : value(QStringLiteral("/sntp/servers")).toArray())
            s.servers << v.toString();
        if (s.enabled && (s.servers.isEmpty() || !s.timezone)) { // not what the format accepts
            s.enabled = false;
            s.servers.clear();
        }
        p.sntp = s;
    }
    if (!str("/tls_psk/psk").isEmpty()) {
        p.tlsPsk = ProfilePsk { SecretRef { QStringLiteral("tls.psk") }, str("/tls_psk/hint") };
    }
    if (mqttState > 0) {
        ProfileMqtt m;
        m.scheme = value(QStringLiteral("/mqtt/scheme")).toInt(1);
        m.path = str("/mqtt/path");
        m.reconnect = value(QStringLiteral("/mqtt/reconnect")).toBool();
        m.connect = value(QStringLiteral("/mqtt/connect")).toBool();
        if (m.connect) {
            m.host = str("/mqtt/host");
            m.port = value(QStringLiteral("/mqtt/port")).toInt(1883);
        }
        for (const QJsonValue &v : value(QStringLiteral("/mqtt/subscriptions")).toArray())
            m.subscriptions << ProfileMqttSubscription { v[QLatin1String("topic")].toString(), v[QLatin1String("qos")].toInt() };
        if (!m.connect)
            m.subscriptions.clear();
        if (mqttHint) {
            // Accepted by the module earlier in this session; still not read back from it.
            m.clientId = mqttHint->clientId;
            m.username = mqttHint->username;
            m.password = mqttHint->password.isEmpty() ? SecretRef() : SecretRef { QStringLiteral("mqtt.password") };
            m.keepAlive = mqttHint->keepAlive;
            m.cleanSession = mqttHint->cleanSession;
            m.hasLastWill = !mqttHint->lwtTopic.isEmpty();
            m.lwtTopic = mqttHint->lwtTopic;
            m.lwtMessage = mqttHint->lwtMessage;
            m.lwtQos = mqttHint->lwtQos;
            m.lwtRetain = mqttHint->lwtRetain;
            m.alpn = mqttHint->alpn;
        } else {
            m.clientId = mac.isEmpty() ? QStringLiteral("atbench-${INDEX}") : QStringLiteral("atbench-${MAC6}");
            m.password = SecretRef { QStringLiteral("mqtt.password") };
        }
        unreadable << QStringLiteral("/mqtt/client_id") << QStringLiteral("/mqtt/username")
                   << QStringLiteral("/mqtt/password") << QStringLiteral("/mqtt/keepalive")
                   << QStringLiteral("/mqtt/clean_session") << QStringLiteral("/mqtt/last_will")
                   << QStringLiteral("/mqtt/alpn");
        p.mqtt = m;
    }

    QJsonObject source;
    if (!port.isEmpty())
        source.insert(QStringLiteral("port"), port);
    if (!mac.isEmpty())
        source.insert(QStringLiteral("mac"), mac);
    if (!firmware.isEmpty())
        source.insert(QStringLiteral("firmware"), QJsonArray::fromStringList(firmware));
    source.insert(QStringLiteral("read_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!unreadable.isEmpty())
        source.insert(QStringLiteral("unreadable"), QJsonArray::fromStringList(unreadable));
    p.source = source;
    return p;
}

} // namespace atb
