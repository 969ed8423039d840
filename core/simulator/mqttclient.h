#pragma once
// Thin Qt wrapper around the Eclipse Paho C asynchronous client (MQTTAsync).
// Paho calls back on its own threads; every callback is re-posted (queued) into the thread
// this object lives in, so the signals below are always emitted in the owner's thread.
#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

namespace atb::sim {

class MqttClient : public QObject
{
    Q_OBJECT
public:
    struct Config {
        QString uri;            // tcp://, ssl://, ws://, wss://
        QString clientId, username, password;
        int keepAlive = 120;
        bool cleanSession = true;
        QString lwtTopic;
        QByteArray lwtMessage;
        int lwtQos = 0;
        bool lwtRetain = false;
        bool autoReconnect = false;
        bool tls = false;
        bool verifyServer = false;
        QStringList alpn;
    };

    explicit MqttClient(QObject *parent = nullptr);
    ~MqttClient() override;

    bool connectToBroker(const Config &config, QString *error);
    // Hands the message to Paho. QoS 0 ends there (nothing is reported later, as on a module,
    // where QoS 0 is done once written to the socket); QoS 1/2 report published(token, ok) once
    // the broker acknowledged it (PUBACK / PUBCOMP) or the delivery failed. *token (optional)
    // tells which published() is this message's.
    bool publish(const QString &topic, const QByteArray &payload, int qos, bool retain, int *token = nullptr);
    bool subscribe(const QString &topic, int qos);
    bool unsubscribe(const QString &topic);
    // Closes the session without telling anyone (used for the broker-drop fault and MQTTCLEAN).
    void disconnectFromBroker();
    // Reconnects with the last configuration (broker-drop fault with reconnect=1).
    bool reconnect();
    bool isConnected() const;

signals:
    void connected(bool reconnected);
    void connectFailed(int rc);
    void connectionLost();
    void messageArrived(const QString &topic, const QByteArray &payload);
    void published(int token, bool ok); // QoS 1/2 only
    void subscribed(bool ok);
    void unsubscribed(bool ok);

public:
    struct Context; // shared with Paho threads (public only for the C callbacks)

private:
    Q_INVOKABLE void drainInbox(); // runs the oldest callback's work handed over from Paho (.cpp)
    bool createHandle(QString *error);
    void destroyHandle();

    Context *m_ctx = nullptr; // shared with Paho threads; see mqttclient.cpp
    void *m_handle = nullptr;
    Config m_config;
    // Paho may keep pointers into the connect options; keep the bytes alive here.
    QByteArray m_uri, m_clientId, m_username, m_password, m_lwtTopic, m_alpnWire;
    bool m_everConnected = false;
};

} // namespace atb::sim
