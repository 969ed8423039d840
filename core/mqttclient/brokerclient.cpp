#include "brokerclient.h"

#include "pahohandle.h"
#include "stats/steadyclock.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QRandomGenerator>

#include <MQTTAsync.h>

#include <climits>
#include <deque>
#include <mutex>

#if defined(__SANITIZE_ADDRESS__)
#define ATB_BROKER_HAS_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ATB_BROKER_HAS_LSAN 1
#endif
#endif
#if ATB_BROKER_HAS_LSAN
#include <sanitizer/lsan_interface.h>
#endif

Q_LOGGING_CATEGORY(lcBroker, "atbench.brokerclient", QtWarningMsg)

namespace atb {

// ---- the hand-over from Paho's threads ---------------------------------------------------------

// One per Paho handle. Paho may still be inside a callback when the handle is destroyed, so the
// context outlives it on purpose: destroyHandle() clears `owner` under the mutex (later callbacks
// find nobody and return) and the context itself, a few hundred bytes, is never freed.
struct BrokerClient::Context
{
    struct Event
    {
        enum class Kind { Message, Connected, ConnectFailed, Lost, Published, Subscribed, Unsubscribed };
        Kind kind = Kind::Message;
        BrokerMessage message;
        int token = 0;
        int code = 0; // granted QoS for Subscribed, Paho's code for failures
        bool ok = false;
        QString text;
    };

    std::mutex mutex;
    BrokerClient *owner = nullptr;
    std::deque<Event> inbox;
    qint64 queuedMessages = 0;
    bool drainPosted = false;

    void post(Event &&e)
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (!owner)
            return;
        if (e.kind == Event::Kind::Message) {
            if (queuedMessages >= kInboxLimit) {
                owner->m_dropped.fetch_add(1);
                return;
            }
            ++queuedMessages;
        }
        inbox.push_back(std::move(e));
        if (!drainPosted) {
            drainPosted = true;
            static const QMetaMethod drain
                = BrokerClient::staticMetaObject.method(BrokerClient::staticMetaObject.indexOfMethod("drainInbox()"));
            drain.invoke(owner, Qt::QueuedConnection);
        }
    }
};

namespace {

BrokerClient::Context *ctxOf(void *p)
{
    return static_cast<BrokerClient::Context *>(p);
}

using Event = BrokerClient::Context::Event;

Event makeEvent(Event::Kind kind, int token = 0, bool ok = false, int code = 0, const QString &text = QString())
{
    Event e;
    e.kind = kind;
    e.token = token;
    e.ok = ok;
    e.code = code;
    e.text = text;
    return e;
}

QString failureText(MQTTAsync_failureData *r)
{
    return r && r->message ? QString::fromUtf8(r->message) : QString();
}

} // namespace

// ---- the client --------------------------------------------------------------------------------

BrokerClient::BrokerClient(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<atb::BrokerMessage>();
    qRegisterMetaType<QList<atb::BrokerMessage>>();
    qRegisterMetaType<atb::BrokerClient::State>();
}

BrokerClient::~BrokerClient()
{
    destroyHandle();
}

void BrokerClient::setState(State s)
{
    if (s == m_state)
        return;
    m_state = s;
    emit stateChanged(s);
}

void BrokerClient::destroyHandle()
{
    if (m_ctx) {
        std::lock_guard<std::mutex> lock(m_ctx->mutex);
        m_ctx->owner = nullptr;
        m_ctx->inbox.clear();
        m_ctx->queuedMessages = 0;
    }
    m_ctx = nullptr;
    if (!m_handle)
        return;
    destroyPahoHandle(m_handle);
    m_pendingSubscribe.clear();
    m_pendingUnsubscribe.clear();
}

bool BrokerClient::createHandle(QString *error)
{
    destroyHandle();
    m_ctx = new Context;
    m_ctx->owner = this;
#if ATB_BROKER_HAS_LSAN
    __lsan_ignore_object(m_ctx); // outlives the handle on purpose, see Context
#endif
    m_uri = m_settings.uri().toUtf8();
    m_clientIdBytes = m_clientId.toUtf8();
    MQTTAsync_createOptions co = MQTTAsync_createOptions_initializer;
    co.sendWhileDisconnected = 0; // a publish while the broker is away fails at once: it is counted, not buffered
    co.maxBufferedMessages = 100000; // publishes queued in Paho before they are written (a burst)
    MQTTAsync h = nullptr;
    const int rc = MQTTAsync_createWithOptions(&h, m_uri.constData(), m_clientIdBytes.constData(),
                                               MQTTCLIENT_PERSISTENCE_NONE, nullptr, &co);
    if (rc != MQTTASYNC_SUCCESS) {
        if (error)
            *error = tr("The MQTT library refused %1: %2").arg(QString::fromUtf8(m_uri), QString::fromUtf8(MQTTAsync_strerror(rc)));
        return false;
    }
    m_handle = h;
    MQTTAsync_setCallbacks(
        h, m_ctx,
        [](void *c, char *cause) {
            ctxOf(c)->post(makeEvent(Event::Kind::Lost, 0, false, 0, cause ? QString::fromUtf8(cause) : QString()));
        },
        [](void *c, char *topicName, int topicLen, MQTTAsync_message *msg) -> int {
            Event e;
            e.kind = Event::Kind::Message;
            BrokerMessage &m = e.message;
            m.arrivedNs = steadyClockNs();
            m.timeMs = QDateTime::currentMSecsSinceEpoch();
            m.topic = topicLen > 0 ? QString::fromUtf8(topicName, topicLen) : QString::fromUtf8(topicName);
            m.payload = QByteArray(static_cast<const char *>(msg->payload), msg->payloadlen);
            m.qos = msg->qos;
            m.retained = msg->retained != 0;
            m.duplicate = msg->dup != 0;
            MQTTAsync_freeMessage(&msg);
            MQTTAsync_free(topicName);
            ctxOf(c)->post(std::move(e));
            return 1;
        },
        nullptr);
    // After every successful connect; the first one is reported by onSuccess, so only the
    // automatic reconnects are taken from here.
    MQTTAsync_setConnected(h, m_ctx, [](void *c, char *cause) {
        if (cause && QByteArray(cause).contains("reconnect"))
            ctxOf(c)->post(makeEvent(Event::Kind::Connected, 0, true, 1));
    });
    return true;
}

bool BrokerClient::connectToBroker(const BrokerSettings &settings, QString *error)
{
    QByteArray field;
    const QString why = settings.validate(&field);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    m_settings = settings;
    m_settings.host = settings.host.trimmed();
    m_clientId = settings.clientId.isEmpty()
        ? QStringLiteral("atbench-%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'))
        : settings.clientId;
    if (!createHandle(error)) {
        setState(State::Disconnected);
        return false;
    }
    return startConnect(error);
}

bool BrokerClient::reconnect(QString *error)
{
    if (m_settings.host.isEmpty()) {
        if (error)
            *error = tr("No broker to connect to yet.");
        return false;
    }
    if (!m_handle && !createHandle(error))
        return false;
    return startConnect(error);
}

bool BrokerClient::startConnect(QString *error)
{
    MQTTAsync_connectOptions o = MQTTAsync_connectOptions_initializer;
    if (m_settings.usesWebSocket()) {
        MQTTAsync_connectOptions ws = MQTTAsync_connectOptions_initializer_ws;
        o = ws;
    }
    o.keepAliveInterval = m_settings.keepAlive;
    o.cleansession = m_settings.cleanSession ? 1 : 0;
    o.connectTimeout = qMax(1, m_settings.connectTimeoutS);
    m_username = m_settings.username.toUtf8();
    m_password = m_settings.password.toUtf8();
    if (!m_username.isEmpty())
        o.username = m_username.constData();
    if (!m_password.isEmpty()) {
        o.binarypwd.data = m_password.constData();
        o.binarypwd.len = int(m_password.size());
    }
    MQTTAsync_willOptions will = MQTTAsync_willOptions_initializer;
    m_willTopic = m_settings.willTopic.toUtf8();
    m_willPayload = m_settings.willPayload;
    if (!m_willTopic.isEmpty()) {
        will.topicName = m_willTopic.constData();
        will.message = nullptr; // the binary payload below
        will.payload.data = m_willPayload.constData();
        will.payload.len = int(m_willPayload.size());
        will.qos = m_settings.willQos;
        will.retained = m_settings.willRetain ? 1 : 0;
        o.will = &will;
    }
    MQTTAsync_SSLOptions ssl = MQTTAsync_SSLOptions_initializer;
    m_caFile = m_settings.caFile.toUtf8();
    if (m_settings.usesTls()) {
        ssl.enableServerCertAuth = m_settings.verifyServer ? 1 : 0;
        ssl.verify = m_settings.verifyServer ? 1 : 0; // the host name too
        if (m_settings.verifyServer && !m_caFile.isEmpty())
            ssl.trustStore = m_caFile.constData();
        o.ssl = &ssl;
    }
    // MQTT 3.1.1, named: left at its default, Paho tries 3.1.1 and then 3.1, and it takes a socket
    // error on a live connection for a failed attempt, so it connected again with 3.1 (and the
    // broker took it) although no automatic reconnect was asked for (tst_brokerclient,
    // lastWillOnlyWhenTheConnectionDies). Every broker in use speaks 3.1.1.
    o.MQTTVersion = MQTTVERSION_3_1_1;
    o.automaticReconnect = m_settings.autoReconnect ? 1 : 0;
    o.minRetryInterval = 1;
    o.maxRetryInterval = 4;
    o.context = m_ctx;
    o.onSuccess = [](void *c, MQTTAsync_successData *) { ctxOf(c)->post(makeEvent(Event::Kind::Connected, 0, true, 0)); };
    o.onFailure = [](void *c, MQTTAsync_failureData *r) {
        ctxOf(c)->post(makeEvent(Event::Kind::ConnectFailed, 0, false, r ? r->code : MQTTASYNC_FAILURE, failureText(r)));
    };
    const int rc = MQTTAsync_connect(m_handle, &o);
    if (rc != MQTTASYNC_SUCCESS) {
        const QString why = describeFailure(rc, QString());
        if (error)
            *error = why;
        m_lastError = why;
        setState(State::Disconnected);
        return false;
    }
    qCInfo(lcBroker).noquote() << "connecting to" << QString::fromUtf8(m_uri) << "as" << m_clientId;
    setState(State::Connecting);
    return true;
}

void BrokerClient::disconnectFromBroker()
{
    const bool wasOpen = m_state != State::Disconnected;
    if (m_handle && MQTTAsync_isConnected(m_handle)) {
        MQTTAsync_disconnectOptions d = MQTTAsync_disconnectOptions_initializer;
        d.timeout = 1000; // let QoS 1/2 flows in flight finish
        MQTTAsync_disconnect(m_handle, &d);
    }
    // A new handle on the next connect: late callbacks of this one reach nobody.
    destroyHandle();
    if (wasOpen)
        setState(State::Disconnected);
}

int BrokerClient::publish(const QString &topic, const QByteArray &payload, int qos, bool retain, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return 0;
    };
    const QString bad = checkTopic(topic);
    if (!bad.isEmpty())
        return fail(bad);
    if (qos < 0 || qos > 2)
        return fail(tr("QoS is 0, 1 or 2."));
    if (!m_handle || m_state != State::Connected)
        return fail(tr("The app's MQTT client is not connected."));
    // Paho's token is 0 for every QoS 0 message, so each publish carries its own: a few bytes
    // Paho hands back to exactly one of the two callbacks, which frees them.
    struct Publish
    {
        Context *ctx;
        int token;
    };
    m_nextToken = m_nextToken >= INT_MAX - 1 ? 1 : m_nextToken + 1;
    const int token = m_nextToken;
    auto *pc = new Publish { m_ctx, token }; // may be freed by a Paho thread once sent: not read after
    MQTTAsync_responseOptions r = MQTTAsync_responseOptions_initializer;
    r.context = pc;
    r.onSuccess = [](void *c, MQTTAsync_successData *) {
        const Publish *p = static_cast<Publish *>(c);
        p->ctx->post(makeEvent(Event::Kind::Published, p->token, true));
        delete p;
    };
    r.onFailure = [](void *c, MQTTAsync_failureData *d) {
        const Publish *p = static_cast<Publish *>(c);
        p->ctx->post(makeEvent(Event::Kind::Published, p->token, false, d ? d->code : 0, failureText(d)));
        delete p;
    };
    const QByteArray t = topic.toUtf8();
    const int rc = MQTTAsync_send(m_handle, t.constData(), int(payload.size()), payload.constData(), qos,
                                  retain ? 1 : 0, &r);
    if (rc != MQTTASYNC_SUCCESS) {
        delete pc;
        return fail(describeFailure(rc, QString()));
    }
    return token;
}

bool BrokerClient::subscribe(const QString &filter, int qos, QString *error)
{
    const QString bad = checkFilter(filter);
    if (!bad.isEmpty() || qos < 0 || qos > 2) {
        if (error)
            *error = bad.isEmpty() ? tr("QoS is 0, 1 or 2.") : bad;
        return false;
    }
    m_subscriptions.insert(filter, qos);
    if (!m_handle || m_state != State::Connected)
        return true; // sent once connected
    MQTTAsync_responseOptions r = MQTTAsync_responseOptions_initializer;
    r.context = m_ctx;
    r.onSuccess = [](void *c, MQTTAsync_successData *d) {
        // A granted QoS of 0x80 in the SUBACK means the broker refused the filter.
        const int granted = d ? d->alt.qos : 0;
        ctxOf(c)->post(makeEvent(Event::Kind::Subscribed, d ? d->token : 0, granted != 0x80, granted));
    };
    r.onFailure = [](void *c, MQTTAsync_failureData *d) {
        ctxOf(c)->post(makeEvent(Event::Kind::Subscribed, d ? d->token : 0, false, 0x80, failureText(d)));
    };
    const QByteArray f = filter.toUtf8();
    const int rc = MQTTAsync_subscribe(m_handle, f.constData(), qos, &r);
    if (rc != MQTTASYNC_SUCCESS) {
        if (error)
            *error = describeFailure(rc, QString());
        return false;
    }
    m_pendingSubscribe.insert(r.token, filter);
    return true;
}

bool BrokerClient::unsubscribe(const QString &filter)
{
    m_subscriptions.remove(filter);
    if (!m_handle || m_state != State::Connected)
        return true;
    MQTTAsync_responseOptions r = MQTTAsync_responseOptions_initializer;
    r.context = m_ctx;
    r.onSuccess = [](void *c, MQTTAsync_successData *d) {
        ctxOf(c)->post(makeEvent(Event::Kind::Unsubscribed, d ? d->token : 0, true));
    };
    r.onFailure = [](void *c, MQTTAsync_failureData *d) {
        ctxOf(c)->post(makeEvent(Event::Kind::Unsubscribed, d ? d->token : 0, false));
    };
    const QByteArray f = filter.toUtf8();
    if (MQTTAsync_unsubscribe(m_handle, f.constData(), &r) != MQTTASYNC_SUCCESS)
        return false;
    m_pendingUnsubscribe.insert(r.token, filter);
    return true;
}

void BrokerClient::drainInbox()
{
    Context *ctx = m_ctx;
    if (!ctx)
        return;
    // At most kDrainBatch events per turn of the owner's event loop: a burst of thousands is
    // handed over in slices, with timers and painting in between.
    std::deque<Event> events;
    bool more = false;
    {
        std::lock_guard<std::mutex> lock(ctx->mutex);
        if (ctx->inbox.size() <= size_t(kDrainBatch)) {
            events.swap(ctx->inbox);
            ctx->queuedMessages = 0;
        } else {
            const auto end = ctx->inbox.begin() + kDrainBatch;
            events.assign(std::make_move_iterator(ctx->inbox.begin()), std::make_move_iterator(end));
            ctx->inbox.erase(ctx->inbox.begin(), end);
            for (const Event &e : events)
                ctx->queuedMessages -= e.kind == Event::Kind::Message ? 1 : 0;
            more = true;
        }
        ctx->drainPosted = more; // still posted: the next slice follows
    }
    if (more)
        QMetaObject::invokeMethod(this, &BrokerClient::drainInbox, Qt::QueuedConnection);
    QList<BrokerMessage> batch;
    auto flush = [this, &batch] {
        if (batch.isEmpty())
            return;
        m_received += batch.size();
        const QList<BrokerMessage> out = std::move(batch);
        batch = QList<BrokerMessage>();
        emit messagesReceived(out);
    };
    for (Event &e : events) {
        if (m_ctx != ctx)
            return; // a receiver disconnected or reconnected: the rest belongs to the old handle
        if (e.kind == Event::Kind::Message) {
            batch.append(std::move(e.message));
            continue;
        }
        flush();
        switch (e.kind) {
        case Event::Kind::Connected:
            onConnected(e.code == 1);
            break;
        case Event::Kind::ConnectFailed:
            onConnectFailed(describeFailure(e.code, e.text));
            break;
        case Event::Kind::Lost:
            onLost(e.text);
            break;
        case Event::Kind::Published:
            emit published(e.token, e.ok, e.ok ? QString() : describeFailure(e.code, e.text));
            break;
        case Event::Kind::Subscribed: {
            const QString filter = m_pendingSubscribe.take(e.token);
            if (!filter.isEmpty())
                emit subscribed(filter, e.ok ? e.code : 0x80, e.ok);
            break;
        }
        case Event::Kind::Unsubscribed: {
            const QString filter = m_pendingUnsubscribe.take(e.token);
            if (!filter.isEmpty())
                emit unsubscribed(filter, e.ok);
            break;
        }
        case Event::Kind::Message:
            break;
        }
    }
    if (m_ctx == ctx)
        flush();
}

void BrokerClient::onConnected(bool reconnected)
{
    m_lastError.clear();
    setState(State::Connected);
    // A clean session forgets the subscriptions; a persistent one keeps them, and subscribing
    // again is harmless.
    const QHash<QString, int> subs = m_subscriptions;
    for (auto it = subs.cbegin(); it != subs.cend(); ++it)
        subscribe(it.key(), it.value());
    emit connected(reconnected);
}

void BrokerClient::onConnectFailed(const QString &reason)
{
    m_lastError = reason;
    qCInfo(lcBroker).noquote() << "connect failed:" << reason;
    setState(State::Disconnected);
    emit connectFailed(reason);
}

void BrokerClient::onLost(const QString &cause)
{
    m_lastError = cause.isEmpty() ? tr("The connection to the broker was lost.")
                                  : tr("The connection to the broker was lost (%1).").arg(cause);
    qCInfo(lcBroker).noquote() << m_lastError;
    m_pendingSubscribe.clear();
    m_pendingUnsubscribe.clear();
    setState(m_settings.autoReconnect ? State::Reconnecting : State::Disconnected);
    emit connectionLost(m_lastError);
}

QString BrokerClient::describeFailure(int code, const QString &pahoMessage)
{
    switch (code) {
    case 1: return tr("The broker refused the connection: unacceptable protocol version.");
    case 2: return tr("The broker refused the client ID.");
    case 3: return tr("The broker refused the connection: server unavailable.");
    case 4: return tr("The broker refused the user name or password.");
    case 5: return tr("The broker refused the connection: not authorised.");
    case MQTTASYNC_DISCONNECTED: return tr("Not connected to the broker.");
    case MQTTASYNC_MAX_MESSAGES_INFLIGHT: return tr("Too many messages in flight; the broker is not keeping up.");
    case MQTTASYNC_BAD_UTF8_STRING: return tr("The topic is not valid UTF-8.");
    case MQTTASYNC_BAD_QOS: return tr("QoS is 0, 1 or 2.");
    case MQTTASYNC_SSL_NOT_SUPPORTED: return tr("This build of the MQTT library has no TLS.");
    case MQTTASYNC_BAD_PROTOCOL: return tr("Unknown URI scheme (tcp, ssl, ws or wss).");
    default: break;
    }
    const QString detail = pahoMessage.isEmpty() ? QString::fromUtf8(MQTTAsync_strerror(code)) : pahoMessage;
    if (detail.contains(QLatin1String("TLS"), Qt::CaseInsensitive) || detail.contains(QLatin1String("SSL")))
        return tr("The TLS handshake failed (%1): check the CA file, the host name and the port.").arg(detail);
    if (detail.isEmpty())
        return tr("The connection failed (code %1).").arg(code);
    return tr("The connection failed: %1.").arg(detail);
}

} // namespace atb
