#include "simulator/mqttclient.h"

#include "simulator/simlogging.h"

#include <QMetaMethod>
#include <QPointer>

#include <MQTTAsync.h>

#include <deque>
#include <functional>
#include <mutex>

#if defined(__SANITIZE_ADDRESS__)
#define ATB_SIM_HAS_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ATB_SIM_HAS_LSAN 1
#endif
#endif
#if ATB_SIM_HAS_LSAN
#include <sanitizer/lsan_interface.h>
#endif

namespace atb::sim {

// The Paho context outlives the MqttClient on purpose: a callback already running on a Paho
// thread when the client is destroyed must still find valid memory. The destructor clears
// 'client' and the inbox under the mutex; the few bytes of the Context are then intentionally
// leaked.
//
// Each callback's work waits in the inbox and a queued call without arguments (drainInbox) runs
// it in the client's thread. Qt's posted-event queue alone would hand a captured functor over
// just as safely, but Debian's Qt is not instrumented: ThreadSanitizer cannot see that hand-over
// and reported the functor's captures as written by Paho's thread and read by the client's
// (atbench-sim under the TSan tier). The std::mutex makes it visible.
struct MqttClient::Context {
    std::mutex mutex;
    MqttClient *client = nullptr;
    std::deque<std::function<void(MqttClient *)>> inbox;

    template<typename F>
    void post(F f)
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (MqttClient *c = client) {
            inbox.emplace_back(std::move(f));
            static const QMetaMethod drain
                = MqttClient::staticMetaObject.method(MqttClient::staticMetaObject.indexOfMethod("drainInbox()"));
            drain.invoke(c, Qt::QueuedConnection);
        }
    }
};

namespace {
MqttClient::Context *ctxOf(void *p) { return static_cast<MqttClient::Context *>(p); }
} // namespace

MqttClient::MqttClient(QObject *parent)
    : QObject(parent), m_ctx(new Context)
{
    m_ctx->client = this;
#if ATB_SIM_HAS_LSAN
    __lsan_ignore_object(m_ctx); // intentionally never freed, see Context
#endif
}

MqttClient::~MqttClient()
{
    destroyHandle();
    std::lock_guard<std::mutex> lock(m_ctx->mutex);
    m_ctx->client = nullptr;
    m_ctx->inbox.clear();
}

void MqttClient::drainInbox()
{
    // One item per queued call (post() queues one per item), oldest first.
    std::function<void(MqttClient *)> f;
    {
        std::lock_guard<std::mutex> lock(m_ctx->mutex);
        if (m_ctx->inbox.empty())
            return;
        f = std::move(m_ctx->inbox.front());
        m_ctx->inbox.pop_front();
    }
    f(this);
}

void MqttClient::destroyHandle()
{
    if (!m_handle)
        return;
    MQTTAsync h = m_handle;
    m_handle = nullptr;
    if (MQTTAsync_isConnected(h)) {
        MQTTAsync_disconnectOptions d = MQTTAsync_disconnectOptions_initializer;
        d.timeout = 0;
        MQTTAsync_disconnect(h, &d);
    }
    MQTTAsync_destroy(&h);
}

bool MqttClient::isConnected() const
{
    return m_handle && MQTTAsync_isConnected(m_handle);
}

bool MqttClient::createHandle(QString *error)
{
    destroyHandle();
    m_uri = m_config.uri.toUtf8();
    m_clientId = m_config.clientId.toUtf8();
    MQTTAsync h = nullptr;
    int rc = MQTTAsync_create(&h, m_uri.constData(), m_clientId.constData(),
                              MQTTCLIENT_PERSISTENCE_NONE, nullptr);
    if (rc != MQTTASYNC_SUCCESS) {
        if (error)
            *error = QStringLiteral("MQTTAsync_create failed (%1)").arg(rc);
        return false;
    }
    m_handle = h;
    MQTTAsync_setCallbacks(h, m_ctx,
        [](void *c, char *) {
            ctxOf(c)->post([](MqttClient *self) { emit self->connectionLost(); });
        },
        [](void *c, char *topicName, int topicLen, MQTTAsync_message *msg) -> int {
            QString topic = topicLen > 0 ? QString::fromUtf8(topicName, topicLen)
                                         : QString::fromUtf8(topicName);
            QByteArray payload(static_cast<const char *>(msg->payload), msg->payloadlen);
            MQTTAsync_freeMessage(&msg);
            MQTTAsync_free(topicName);
            ctxOf(c)->post([topic, payload](MqttClient *self) { emit self->messageArrived(topic, payload); });
            return 1;
        },
        nullptr);
    // Fires after every successful (re)connect; the initial connect is reported by onSuccess.
    MQTTAsync_setConnected(h, m_ctx, [](void *c, char *cause) {
        const bool automatic = cause && QByteArray(cause).contains("reconnect");
        if (automatic)
            ctxOf(c)->post([](MqttClient *self) { emit self->connected(true); });
    });
    return true;
}

bool MqttClient::connectToBroker(const Config &config, QString *error)
{
    m_config = config;
    m_everConnected = false;
    if (!createHandle(error))
        return false;
    return reconnect() || (error && (*error = QStringLiteral("MQTTAsync_connect failed"), false));
}

bool MqttClient::reconnect()
{
    if (!m_handle) {
        QString e;
        if (!createHandle(&e))
            return false;
    }
    MQTTAsync_connectOptions o = MQTTAsync_connectOptions_initializer;
    o.keepAliveInterval = m_config.keepAlive;
    o.cleansession = m_config.cleanSession ? 1 : 0;
    o.connectTimeout = 10;
    m_username = m_config.username.toUtf8();
    m_password = m_config.password.toUtf8();
    if (!m_config.username.isEmpty())
        o.username = m_username.constData();
    if (!m_config.password.isEmpty())
        o.password = m_password.constData();
    MQTTAsync_willOptions will = MQTTAsync_willOptions_initializer;
    m_lwtTopic = m_config.lwtTopic.toUtf8();
    if (!m_config.lwtTopic.isEmpty()) {
        will.topicName = m_lwtTopic.constData();
        will.payload.data = m_config.lwtMessage.constData();
        will.payload.len = int(m_config.lwtMessage.size());
        will.message = nullptr;
        will.qos = m_config.lwtQos;
        will.retained = m_config.lwtRetain ? 1 : 0;
        o.will = &will;
    }
    MQTTAsync_SSLOptions ssl = MQTTAsync_SSLOptions_initializer;
    if (m_config.tls) {
        ssl.enableServerCertAuth = m_config.verifyServer ? 1 : 0;
        ssl.verify = m_config.verifyServer ? 1 : 0;
        m_alpnWire.clear();
        for (const QString &p : m_config.alpn) {
            QByteArray b = p.toUtf8();
            m_alpnWire.append(char(b.size())).append(b);
        }
        if (!m_alpnWire.isEmpty()) {
            ssl.protos = reinterpret_cast<const unsigned char *>(m_alpnWire.constData());
            ssl.protos_len = unsigned(m_alpnWire.size());
        }
        o.ssl = &ssl;
    }
    // 3.1.1 as ESP-AT speaks it; left at the default, Paho would retry a dropped connection
    // with 3.1 on its own, where the module reports +MQTTDISCONNECTED and waits for its
    // reconnect setting (BrokerClient has the same line, and the test that found it).
    o.MQTTVersion = MQTTVERSION_3_1_1;
    o.automaticReconnect = m_config.autoReconnect ? 1 : 0;
    o.minRetryInterval = 1;
    o.maxRetryInterval = 4;
    o.context = m_ctx;
    o.onSuccess = [](void *c, MQTTAsync_successData *) {
        ctxOf(c)->post([](MqttClient *self) {
            const bool again = self->m_everConnected;
            self->m_everConnected = true;
            emit self->connected(again);
        });
    };
    o.onFailure = [](void *c, MQTTAsync_failureData *r) {
        const int rc = r ? r->code : -1;
        ctxOf(c)->post([rc](MqttClient *self) { emit self->connectFailed(rc); });
    };
    const int rc = MQTTAsync_connect(m_handle, &o);
    if (rc != MQTTASYNC_SUCCESS) {
        qCWarning(lcSimMqtt) << "MQTTAsync_connect returned" << rc;
        return false;
    }
    return true;
}

bool MqttClient::publish(const QString &topic, const QByteArray &payload, int qos, bool retain, int *token)
{
    if (!m_handle)
        return false;
    MQTTAsync_responseOptions r = MQTTAsync_responseOptions_initializer;
    if (qos > 0) {
        r.context = m_ctx;
        r.onSuccess = [](void *c, MQTTAsync_successData *d) {
            const int t = d ? d->token : 0;
            ctxOf(c)->post([t](MqttClient *self) { emit self->published(t, true); });
        };
        r.onFailure = [](void *c, MQTTAsync_failureData *d) {
            const int t = d ? d->token : 0;
            ctxOf(c)->post([t](MqttClient *self) { emit self->published(t, false); });
        };
    }
    const QByteArray t = topic.toUtf8();
    const bool ok = MQTTAsync_send(m_handle, t.constData(), int(payload.size()), payload.constData(), qos,
                                   retain ? 1 : 0, &r) == MQTTASYNC_SUCCESS;
    if (token)
        *token = ok ? r.token : -1;
    return ok;
}

bool MqttClient::subscribe(const QString &topic, int qos)
{
    if (!m_handle)
        return false;
    MQTTAsync_responseOptions r = MQTTAsync_responseOptions_initializer;
    r.context = m_ctx;
    r.onSuccess = [](void *c, MQTTAsync_successData *d) {
        // QoS 0x80 in the SUBACK means the broker refused the subscription.
        const bool ok = !d || d->alt.qos != 0x80;
        ctxOf(c)->post([ok](MqttClient *self) { emit self->subscribed(ok); });
    };
    r.onFailure = [](void *c, MQTTAsync_failureData *) {
        ctxOf(c)->post([](MqttClient *self) { emit self->subscribed(false); });
    };
    const QByteArray t = topic.toUtf8();
    return MQTTAsync_subscribe(m_handle, t.constData(), qos, &r) == MQTTASYNC_SUCCESS;
}

bool MqttClient::unsubscribe(const QString &topic)
{
    if (!m_handle)
        return false;
    MQTTAsync_responseOptions r = MQTTAsync_responseOptions_initializer;
    r.context = m_ctx;
    r.onSuccess = [](void *c, MQTTAsync_successData *) {
        ctxOf(c)->post([](MqttClient *self) { emit self->unsubscribed(true); });
    };
    r.onFailure = [](void *c, MQTTAsync_failureData *) {
        ctxOf(c)->post([](MqttClient *self) { emit self->unsubscribed(false); });
    };
    const QByteArray t = topic.toUtf8();
    return MQTTAsync_unsubscribe(m_handle, t.constData(), &r) == MQTTASYNC_SUCCESS;
}

void MqttClient::disconnectFromBroker()
{
    destroyHandle();
}

} // namespace atb::sim
