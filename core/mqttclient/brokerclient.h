#pragma once

#include "brokersettings.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>

namespace atb {

// One message the app's client received.
struct BrokerMessage
{
    QString topic;
    QByteArray payload;
    int qos = 0;
    bool retained = false;  // a retained message delivered on subscribing
    bool duplicate = false; // the broker's DUP flag (a QoS 1/2 redelivery)
    qint64 arrivedNs = 0;   // steadyClockNs() in Paho's thread, as the message reached the client
    qint64 timeMs = 0;      // wall clock, ms since the epoch
};

// AT Bench's own MQTT client (Eclipse Paho C, MQTTAsync): TCP, TLS (a CA file, the system's CAs
// or no verification), WebSocket and WebSocket over TLS, user name and password, last will,
// QoS 0-2, retained messages, clean or persistent sessions, automatic reconnect with the
// subscriptions sent again.
//
// Threads: the client lives in the thread that creates it (its owner: the GUI thread, a CLI's
// main thread). Paho calls back on its own threads; each callback is put into an inbox under a
// mutex and the owner's event loop drains it, so every signal is emitted in the owner's thread,
// in the order Paho reported the events. Messages are handed over in batches
// (messagesReceived), and the inbox is bounded: when the owner's thread stalls for long, the
// messages beyond kInboxLimit are dropped and counted (droppedMessages()), never queued without
// end.
class BrokerClient : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    static constexpr int kInboxLimit = 200000;
    static constexpr int kDrainBatch = 500; // events handed over per turn of the owner's event loop

    explicit BrokerClient(QObject *parent = nullptr);
    ~BrokerClient() override;

    // Starts connecting with `settings` (validated first). False with *error when the settings
    // are invalid or Paho refuses them; otherwise connected() or connectFailed() follows.
    bool connectToBroker(const BrokerSettings &settings, QString *error = nullptr);
    // Closes the connection (a DISCONNECT: the broker does not send the last will).
    void disconnectFromBroker();
    // Connects again with the last settings (after a failure or a disconnect).
    bool reconnect(QString *error = nullptr);

    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    BrokerSettings settings() const { return m_settings; }
    // The client ID in use (the generated one when the settings had none).
    QString clientId() const { return m_clientId; }
    // Why the last connect failed or the connection was lost; empty after a clean connect.
    QString lastError() const { return m_lastError; }

    // Returns a token (> 0, this client's own count) and published(token, ...) follows once the
    // broker has it (QoS 1/2) or it was written (QoS 0); 0 with *error when it cannot be sent
    // (not connected, bad topic).
    int publish(const QString &topic, const QByteArray &payload, int qos, bool retain, QString *error = nullptr);
    // Subscriptions are remembered and sent again after every reconnect.
    bool subscribe(const QString &filter, int qos, QString *error = nullptr);
    bool unsubscribe(const QString &filter);
    QHash<QString, int> subscriptions() const { return m_subscriptions; }

    qint64 receivedCount() const { return m_received; }
    qint64 droppedMessages() const { return m_dropped.load(); }

    // Connection failures and losses in words ("the broker refused the user name or password").
    static QString describeFailure(int code, const QString &pahoMessage);
    // A topic name to publish to: not empty, no wildcards, no NUL, at most 65535 bytes.
    static QString checkTopic(const QString &topic);
    // A topic filter to subscribe to: '#' only last and alone in its level, '+' alone in its level.
    static QString checkFilter(const QString &filter);

signals:
    void stateChanged(atb::BrokerClient::State state);
    void connected(bool reconnected);
    void connectFailed(const QString &reason);
    void connectionLost(const QString &reason);
    void messagesReceived(const QList<atb::BrokerMessage> &messages);
    void published(int token, bool ok, const QString &error);
    void subscribed(const QString &filter, int grantedQos, bool ok);
    void unsubscribed(const QString &filter, bool ok);

public:
    struct Context; // shared with Paho's threads (public only for the C callbacks)

private:
    Q_INVOKABLE void drainInbox();
    bool createHandle(QString *error);
    void destroyHandle();
    bool startConnect(QString *error);
    void setState(State s);
    void onConnected(bool reconnected);
    void onConnectFailed(const QString &reason);
    void onLost(const QString &reason);

    Context *m_ctx = nullptr;
    void *m_handle = nullptr;
    BrokerSettings m_settings;
    QString m_clientId;
    QString m_lastError;
    State m_state = State::Disconnected;
    QHash<QString, int> m_subscriptions;
    QHash<int, QString> m_pendingSubscribe, m_pendingUnsubscribe; // by token
    qint64 m_received = 0;
    int m_nextToken = 0;
    std::atomic<qint64> m_dropped { 0 };
    // Paho keeps pointers into the connect options while it connects: the bytes live here.
    QByteArray m_uri, m_clientIdBytes, m_username, m_password, m_willTopic, m_willPayload, m_caFile;
};

} // namespace atb

Q_DECLARE_METATYPE(atb::BrokerMessage)
