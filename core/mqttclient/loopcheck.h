#pragma once

#include "brokerclient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <map>
#include <vector>

namespace atb {

class DeviceModel;
class DeviceSession;
class MqttService;
struct AtResult;
struct MqttMessage;

// What a loop run does.
struct LoopSettings
{
    // What the payload bytes are made of after the header: letters and digits; also the
    // characters AT+MQTTPUB escapes (, " \); or any byte including CR, LF and NUL (sent with
    // AT+MQTTPUBRAW, which carries exact bytes).
    enum class Content { Text, Special, Binary };

    QString topicPrefix;   // the module publishes to <prefix>/up, the app to <prefix>/down
    int count = 20;        // messages per direction; 0 = continuous until stop()
    double rate = 5;       // messages per second per direction
    int size = 32;         // payload bytes, at least kHeaderSize
    int qos = 0;
    Content content = Content::Special;
    bool rawAlways = false; // AT+MQTTPUBRAW even when AT+MQTTPUB could carry the payload
    bool moduleToApp = true;
    bool appToModule = true;
    int lossTimeoutMs = 5000; // a message not back within this is lost
    // The broker (app side or module side) gone for this long ends the run, with everything
    // outstanding counted as lost; 0 keeps running (continuous demos: the loop resumes when
    // the broker is back).
    int brokerLossEndMs = 3000;

    static constexpr int kHeaderSize = 17;
    static constexpr int kMaxSize = 65536;
    // Empty when valid, else why not; *field: "topic", "count", "rate", "size", "qos".
    QString validate(QByteArray *field = nullptr) const;
    // "atbench/loop/<4 hex digits>": a prefix no other run uses.
    static QString randomPrefix();
};

// The figures of one direction.
struct LoopDirectionStats
{
    qint64 sent = 0;       // messages the sender tried to send
    qint64 received = 0;   // arrived, byte for byte equal, once
    qint64 lost = 0;       // never arrived (within the loss timeout), failed sends included
    qint64 failed = 0;     // of those, refused by the sender (ERROR, +MQTTPUB:FAIL, client offline)
    qint64 duplicated = 0; // arrived again
    qint64 corrupted = 0;  // arrived with different bytes, or a header that does not parse
    qint64 outOfOrder = 0; // arrived after a later one
    qint64 late = 0;       // arrived after it had been counted lost (still counted lost)
    qint64 pending = 0;    // sent, not back yet, not lost yet
    // Latency from the moment the message left (module to app: the command's last byte left the
    // port; app to module: the app's client was handed the message) to its arrival (the app's
    // client received it; the session parsed the +MQTTSUBRECV), in ms; -1 while none.
    double latencyMinMs = -1, latencyMedianMs = -1, latencyP99Ms = -1, latencyMaxMs = -1, latencyLastMs = -1;
    // Time spent in AT Bench after the arrival until the loop check handled the message (a Paho
    // thread or the I/O thread handing it to the owner's thread), in ms.
    double appMedianMs = -1, appMaxMs = -1;
    qint64 bytes = 0; // payload bytes received
    // Arrived before the moment the module's command was estimated to have left the port (the
    // estimate assumes the UART shifts at the nominal rate from the write on; a simulator or a
    // FIFO may take the bytes sooner): counted with latency 0.
    qint64 early = 0;
};

struct LoopStats
{
    LoopDirectionStats moduleToApp, appToModule;
    double elapsedS = 0;
    bool passed() const;
};

// One message seen by either end, for the feeds of the loop view.
struct LoopEvent
{
    enum class Kind { Sent, Received, Duplicate, Corrupted, Lost, Failed };
    bool moduleToApp = true;
    Kind kind = Kind::Sent;
    quint32 seq = 0;
    QString topic;
    QByteArray payload;
    double latencyMs = -1;
    QString note;
};

// The MQTT loop check: module -> broker -> app and app -> broker -> module, byte for byte.
//
// Module to app: the module publishes (AT+MQTTPUB when the payload can be a quoted string,
// otherwise AT+MQTTPUBRAW) to <prefix>/up, which the app's BrokerClient subscribed to. App to
// module: the app publishes to <prefix>/down, which the module subscribed to (AT+MQTTSUB); its
// +MQTTSUBRECV is matched. Every payload starts with a header "ATB" + direction (u/d) + the run's
// tag (4 hex digits) + the sequence number (8 digits) + '|', then `size` bytes in all from a
// pattern of the chosen content; messages of other runs are ignored. Latency runs from when
// the message left the sender (AtResult::sentNs: the command's last byte left the port; or when
// the app handed the message to its client) to when the other end got it (BrokerMessage::
// arrivedNs in Paho's thread; MqttMessage::receivedNs in the session's I/O thread); the time
// from there until this object (in the owner's thread) handled it is AT Bench's own share.
//
// Commands go through the session's one command queue (at most kMaxOutstanding publishes
// queued: a rate the UART cannot carry falls behind instead of piling up). Lives in the owner's
// thread with the service, the client and the model.
class LoopCheck : public QObject
{
    Q_OBJECT
public:
    enum class Phase { Idle, Preparing, Running, Draining, Finished };
    Q_ENUM(Phase)
    static constexpr int kMaxOutstanding = 4;
    static constexpr int kLatencySamples = 20000; // kept per direction for the percentiles

    // `model` is optional (the module's MQTT state: a run refuses to start while it is not connected).
    LoopCheck(DeviceSession *session, MqttService *mqtt, BrokerClient *client, DeviceModel *model = nullptr,
              QObject *parent = nullptr);

    // Validates, subscribes both ends, then runs; false with *error when it cannot start.
    bool start(const LoopSettings &settings, QString *error = nullptr);
    // Stops sending; what is outstanding gets the loss timeout to arrive, then finished().
    void stop();
    // Ends at once; what is outstanding counts as lost.
    void abort();

    Phase phase() const { return m_phase; }
    bool isActive() const { return m_phase == Phase::Preparing || m_phase == Phase::Running || m_phase == Phase::Draining; }
    LoopSettings settings() const { return m_settings; }
    LoopStats stats() const;
    // "pass", or why not, in words.
    QString verdictText() const;
    QString upTopic() const { return m_settings.topicPrefix + QStringLiteral("/up"); }
    QString downTopic() const { return m_settings.topicPrefix + QStringLiteral("/down"); }
    // The AT commands the run sends to the module for message `seq` (Show AT).
    QList<QByteArray> previewLines(const LoopSettings &settings) const;

    static QByteArray makePayload(bool moduleToApp, quint16 run, quint32 seq, int size, LoopSettings::Content content);
    // Reads a header; false when the bytes do not start with one.
    static bool parseHeader(const QByteArray &payload, bool *moduleToApp, quint16 *run, quint32 *seq);
    // Where two payloads first differ: "byte 17 differs (0x5a instead of 0x7a)", "3 bytes missing".
    static QString difference(const QByteArray &expected, const QByteArray &got);

signals:
    void phaseChanged(atb::LoopCheck::Phase phase);
    // A message was sent, arrived, or was given up (for the feeds); batched per event-loop turn
    // would be nicer, but at loop rates (up to a few hundred per second) one signal each is fine.
    void event(const atb::LoopEvent &event);
    // Counters changed (at most every 100 ms).
    void statsChanged();
    // Why the run cannot go on (setup failed, a broker went away); the run ends after it.
    void problem(const QString &message);
    void finished(bool passed, const QString &verdict);

private:
    struct Pending
    {
        QByteArray payload;
        qint64 sentNs = 0;     // left the sender (0 while the module's command has not finished)
        qint64 arrivedNs = 0;  // reached the other end (0 while not)
        qint64 handledNs = 0;
        qint64 deadlineNs = 0; // lost when not back by then
        bool arrived = false;
    };
    struct Direction
    {
        LoopDirectionStats stats;
        std::map<quint32, Pending> pending; // by sequence number
        QHash<quint32, bool> done;          // seq -> arrived (true) or lost/corrupted (false)
        std::deque<double> latencies, appShares;
        quint32 nextSeq = 0, highestArrived = 0;
        bool anyArrived = false;
    };

    void setPhase(Phase p);
    void prepare();
    void tick();
    void sendModuleToApp();
    void sendAppToModule();
    void onCommandFinished(const AtResult &result);
    void onAppMessages(const QList<BrokerMessage> &messages);
    void onModuleMessage(const MqttMessage &message);
    void onAppPublished(int token, bool ok, const QString &error);
    void arrived(Direction &d, bool moduleToApp, const QString &topic, const QByteArray &payload, qint64 arrivedNs);
    void complete(Direction &d, bool moduleToApp, quint32 seq, Pending &p);
    void giveUp(Direction &d, bool moduleToApp, quint32 seq, LoopEvent::Kind kind, const QString &note);
    void expire(qint64 nowNs, bool all);
    void checkBrokers(qint64 nowNs);
    void finish();
    void notifyStats();
    bool allDone() const;
    LoopDirectionStats summarise(const Direction &d) const;

    QPointer<DeviceSession> m_session;
    QPointer<MqttService> m_mqtt;
    QPointer<BrokerClient> m_client;
    QPointer<DeviceModel> m_model;
    LoopSettings m_settings;
    Phase m_phase = Phase::Idle;
    quint16 m_run = 0;
    Direction m_up, m_down; // module -> app, app -> module
    QHash<quint64, quint32> m_commandSeq; // AT+MQTTPUB(RAW) command id -> sequence number
    QHash<int, quint32> m_publishSeq;     // the app's publish token -> sequence number
    quint64 m_subscribeId = 0;
    bool m_appSubscribed = false, m_moduleSubscribed = false, m_resubscribed = false;
    QElapsedTimer m_clock;
    qint64 m_startNs = 0, m_stopSendingNs = 0, m_brokerGoneSinceNs = 0;
    QString m_verdict, m_brokerProblem;
    QTimer m_ticker;
    QTimer m_statsTimer;
    bool m_statsDirty = false;
};

} // namespace atb

Q_DECLARE_METATYPE(atb::LoopEvent)
