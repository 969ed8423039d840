#pragma once

#include <QByteArray>
#include <QString>

namespace atb {

struct MqttConfig;
struct MqttConnectSettings;

// How AT Bench's own MQTT client reaches a broker. Plain values; the password comes from the
// SecretStore and is never written to settings or logs.
struct BrokerSettings
{
    enum class Transport { Tcp, Tls, WebSocket, WebSocketTls };

    Transport transport = Transport::Tcp;
    QString host;
    int port = 1883;
    QString path = QStringLiteral("/mqtt"); // WebSocket resource path (WebSocket transports only)
    bool verifyServer = true; // TLS: check the certificate chain and the host name
    QString caFile;           // TLS: PEM file of trusted CAs; empty = the system's CAs
    QString clientId;         // empty: a generated "atbench-<8 hex digits>"
    QString username;
    QString password;
    int keepAlive = 60; // seconds
    bool cleanSession = true;
    QString willTopic; // empty: no last will
    QByteArray willPayload;
    int willQos = 0;
    bool willRetain = false;
    bool autoReconnect = true; // after a loss, retry every 1..4 s and subscribe again
    int connectTimeoutS = 5;

    bool usesTls() const { return transport == Transport::Tls || transport == Transport::WebSocketTls; }
    bool usesWebSocket() const { return transport == Transport::WebSocket || transport == Transport::WebSocketTls; }
    // "tcp://host:port", "ssl://host:port", "ws://host:port/path", "wss://host:port/path".
    QString uri() const;
    // Empty when valid; otherwise why not, and *field names the field: "host", "port", "path",
    // "ca_file", "client_id", "keepalive", "will_topic", "will_qos".
    QString validate(QByteArray *field = nullptr) const;
    static QString transportText(Transport transport);
    static int defaultPort(Transport transport); // 1883, 8883, 8080, 8081

    // "Use the module's broker": host, port, transport and verification from the module's
    // scheme (1 TCP, 2-5 TLS, 6 WebSocket, 7-10 WebSocket over TLS; 2 and 7 without
    // verification), the WebSocket path, user name and password. Everything else (client ID,
    // CA file, last will, keep-alive) stays `base`'s: the module's client ID would throw the
    // module off the broker, and its CA lives in its flash.
    static BrokerSettings fromModule(const MqttConfig &config, const MqttConnectSettings &connect,
                                     const BrokerSettings &base);

    bool operator==(const BrokerSettings &o) const;
    bool operator!=(const BrokerSettings &o) const { return !(*this == o); }
};

} // namespace atb
