#include "brokersettings.h"

#include "brokerclient.h"

#include "services/mqttservice.h"

#include <QFileInfo>

namespace atb {

// BrokerSettings, and the topic rules BrokerClient checks before it hands anything to Paho.

QString BrokerSettings::uri() const
{
    static const char *const prefixes[] = { "tcp", "ssl", "ws", "wss" };
    QString h = host.trimmed();
    if (h.contains(QLatin1Char(':')) && !h.startsWith(QLatin1Char('[')))
        h = QLatin1Char('[') + h + QLatin1Char(']'); // an IPv6 address
    QString u = QStringLiteral("%1://%2:%3").arg(QLatin1String(prefixes[int(transport)]), h).arg(port);
    if (usesWebSocket())
        u += path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path;
    return u;
}

QString BrokerSettings::transportText(Transport t)
{
    switch (t) {
    case Transport::Tcp: return BrokerClient::tr("MQTT over TCP");
    case Transport::Tls: return BrokerClient::tr("MQTT over TLS");
    case Transport::WebSocket: return BrokerClient::tr("MQTT over WebSocket");
    case Transport::WebSocketTls: return BrokerClient::tr("MQTT over WebSocket Secure (TLS)");
    }
    return QString();
}

int BrokerSettings::defaultPort(Transport t)
{
    switch (t) {
    case Transport::Tcp: return 1883;
    case Transport::Tls: return 8883;
    case Transport::WebSocket: return 8080;
    case Transport::WebSocketTls: return 8081;
    }
    return 1883;
}

QString BrokerSettings::validate(QByteArray *field) const
{
    auto fail = [field](const QString &why, const char *f) {
        if (field)
            *field = f;
        return why;
    };
    const QString h = host.trimmed();
    if (h.isEmpty())
        return fail(BrokerClient::tr("Enter the broker's host name or IP address."), "host");
    if (h.contains(QLatin1Char(' ')) || h.contains(QLatin1Char('/')))
        return fail(BrokerClient::tr("\"%1\" is not a host name or IP address.").arg(h), "host");
    if (port < 1 || port > 65535)
        return fail(BrokerClient::tr("The port must be 1 to 65535."), "port");
    if (usesWebSocket() && (path.contains(QLatin1Char(' ')) || path.contains(QLatin1Char('#'))))
        return fail(BrokerClient::tr("The WebSocket path must not contain spaces or '#'."), "path");
    if (usesTls() && !caFile.isEmpty() && !QFileInfo(caFile).isReadable())
        return fail(BrokerClient::tr("Cannot read the CA file %1.").arg(caFile), "ca_file");
    if (clientId.toUtf8().size() > 65535)
        return fail(BrokerClient::tr("The client ID is too long."), "client_id");
    if (keepAlive < 0 || keepAlive > 65535)
        return fail(BrokerClient::tr("The keep-alive must be 0 to 65535 s."), "keepalive");
    if (!willTopic.isEmpty()) {
        const QString why = BrokerClient::checkTopic(willTopic);
        if (!why.isEmpty())
            return fail(why, "will_topic");
    }
    if (willQos < 0 || willQos > 2)
        return fail(BrokerClient::tr("QoS is 0, 1 or 2."), "will_qos");
    if (field)
        field->clear();
    return QString();
}

BrokerSettings BrokerSettings::fromModule(const MqttConfig &config, const MqttConnectSettings &connect,
                                          const BrokerSettings &base)
{
    BrokerSettings s = base;
    s.host = connect.host.trimmed();
    s.port = connect.port;
    const bool tls = MqttService::schemeUsesTls(config.scheme);
    const bool ws = MqttService::schemeUsesWebSocket(config.scheme);
    s.transport = ws ? (tls ? Transport::WebSocketTls : Transport::WebSocket) : (tls ? Transport::Tls : Transport::Tcp);
    s.verifyServer = tls && config.scheme != 2 && config.scheme != 7;
    if (ws)
        s.path = config.path.isEmpty() ? QStringLiteral("/") : config.path;
    s.username = config.username;
    s.password = config.password;
    return s;
}

bool BrokerSettings::operator==(const BrokerSettings &o) const
{
    return transport == o.transport && host == o.host && port == o.port && path == o.path
        && verifyServer == o.verifyServer && caFile == o.caFile && clientId == o.clientId && username == o.username
        && password == o.password && keepAlive == o.keepAlive && cleanSession == o.cleanSession
        && willTopic == o.willTopic && willPayload == o.willPayload && willQos == o.willQos
        && willRetain == o.willRetain && autoReconnect == o.autoReconnect && connectTimeoutS == o.connectTimeoutS;
}

QString BrokerClient::checkTopic(const QString &topic)
{
    if (topic.isEmpty())
        return tr("The topic must not be empty.");
    if (topic.contains(QLatin1Char('+')) || topic.contains(QLatin1Char('#')))
        return tr("A topic to publish to cannot contain the wildcards + or #.");
    if (topic.contains(QChar(0)))
        return tr("A topic cannot contain NUL.");
    if (topic.toUtf8().size() > 65535)
        return tr("The topic is longer than 65535 bytes.");
    return QString();
}

QString BrokerClient::checkFilter(const QString &filter)
{
    if (filter.isEmpty())
        return tr("The topic filter must not be empty.");
    if (filter.contains(QChar(0)))
        return tr("A topic filter cannot contain NUL.");
    const QStringList levels = filter.split(QLatin1Char('/'));
    for (int i = 0; i < levels.size(); ++i) {
        const QString &l = levels.at(i);
        if (l.contains(QLatin1Char('#')) && (l != QLatin1String("#") || i != levels.size() - 1))
            return tr("'#' must be the last level of the filter, on its own.");
        if (l.contains(QLatin1Char('+')) && l != QLatin1String("+"))
            return tr("'+' must be a whole level of the filter.");
    }
    return QString();
}

} // namespace atb
