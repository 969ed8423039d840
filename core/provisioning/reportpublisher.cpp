#include "reportpublisher.h"

#include "mqttclient/pahohandle.h"
#include "provisioning/placeholders.h"

#include <QHash>
#include <QJsonDocument>
#include <QMetaMethod>
#include <QUrl>

#include <MQTTAsync.h>
#include <unistd.h>

#include <mutex>

namespace atb {

namespace {

// Paho's callbacks get a number, not a pointer: a callback already running on a Paho thread when
// the publisher is destroyed looks its number up here and finds nobody. The table itself is
// never destroyed (a callback may still come while the program exits); the publishers in it
// remove themselves, so nothing is left behind (before: a 16-byte context leaked per publisher,
// LeakSanitizer in tst_station). The callback's work waits in the publisher's inbox, under the
// table's mutex, and a queued call without arguments runs it (drainInbox): a functor handed over
// through Qt's posted-event queue alone is invisible to ThreadSanitizer (Debian's Qt is not
// instrumented), the std::mutex is not.
struct Owners
{
    std::mutex mutex; // also guards every publisher's m_inbox
    QHash<quintptr, ReportPublisher *> byKey;
    quintptr nextKey = 1;
};

Owners &owners()
{
    static Owners *const table = new Owners; // reachable for the whole run: not a leak
    return *table;
}

QString failureText(MQTTAsync_failureData *d)
{
    if (!d)
        return QStringLiteral("no answer");
    if (d->message)
        return QString::fromUtf8(d->message);
    return QString::fromUtf8(MQTTAsync_strerror(d->code));
}

} // namespace

template<typename F>
void ReportPublisher::postTo(void *key, F f)
{
    Owners &o = owners();
    std::lock_guard<std::mutex> lock(o.mutex);
    if (ReportPublisher *p = o.byKey.value(quintptr(key))) {
        p->m_inbox.emplace_back([p, f] { f(p); });
        static const QMetaMethod drain
            = ReportPublisher::staticMetaObject.method(ReportPublisher::staticMetaObject.indexOfMethod("drainInbox()"));
        drain.invoke(p, Qt::QueuedConnection);
    }
}

std::optional<ReportPublishSettings> ReportPublishSettings::parse(const QString &text, QString *error)
{
    const QUrl url(text, QUrl::TolerantMode);
    ReportPublishSettings s;
    if (!url.isValid() || url.scheme() != QLatin1String("mqtt") || url.host().isEmpty()) {
        *error = tr("'%1' is not mqtt://HOST[:PORT]/TOPIC").arg(text);
        return std::nullopt;
    }
    if (!url.userInfo().isEmpty()) {
        *error = tr("'%1': a user name or password in the address is not supported").arg(text);
        return std::nullopt;
    }
    s.host = url.host();
    const int port = url.port(1883);
    if (port < 1 || port > 65535) {
        *error = tr("'%1': the port must be 1 to 65535").arg(text);
        return std::nullopt;
    }
    s.port = quint16(port);
    // The path is the topic; placeholders stay as written (QUrl would encode "${").
    const qsizetype hostEnd = text.indexOf(QLatin1Char('/'), text.indexOf(QLatin1String("://")) + 3);
    s.topic = hostEnd < 0 ? QString() : text.mid(hostEnd + 1);
    if (s.topic.isEmpty() || s.topic.contains(QLatin1Char('#')) || s.topic.contains(QLatin1Char('+'))) {
        *error = tr("'%1': give a topic without wildcards after the broker, e.g. mqtt://%2/line3/${MAC}")
                     .arg(text, s.host);
        return std::nullopt;
    }
    return s;
}

QString ReportPublishSettings::toString() const
{
    return QStringLiteral("mqtt://%1:%2/%3").arg(host).arg(port).arg(topic);
}

QString ReportPublishSettings::topicFor(const ModuleReport &r) const
{
    QString t = topic;
    if (r.mac.isEmpty())
        t.replace(QLatin1String("${MAC6}"), QLatin1String("unknown")).replace(QLatin1String("${MAC}"), QLatin1String("unknown"));
    if (r.serial.isEmpty())
        t.replace(QLatin1String("${SERIAL}"), QLatin1String("unknown"));
    ModuleIdentity id;
    id.index = r.index;
    id.port = r.port;
    id.serial = r.serial;
    id.mac = r.mac;
    QList<JsonIssue> issues; // none left: every name is known, the MAC and serial are filled above
    return placeholders::expand(t, id, QString(), &issues);
}

ReportPublisher::ReportPublisher(const ReportPublishSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings)
{
    Owners &o = owners();
    std::lock_guard<std::mutex> lock(o.mutex);
    m_key = o.nextKey++;
    o.byKey.insert(m_key, this);
}

ReportPublisher::~ReportPublisher()
{
    destroyHandle();
    Owners &o = owners();
    std::lock_guard<std::mutex> lock(o.mutex);
    o.byKey.remove(m_key);
}

void ReportPublisher::drainInbox()
{
    // One item per queued call (postTo queues one per item), oldest first.
    std::function<void()> f;
    {
        std::lock_guard<std::mutex> lock(owners().mutex);
        if (m_inbox.empty())
            return;
        f = std::move(m_inbox.front());
        m_inbox.pop_front();
    }
    f();
}

void ReportPublisher::destroyHandle()
{
    if (!m_handle)
        return;
    destroyPahoHandle(m_handle);
    m_connected = m_connecting = false;
}

void ReportPublisher::publish(const ModuleReport &report)
{
    m_queue << Item { report.index, m_settings.topicFor(report), QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact) };
    sendNext();
}

void ReportPublisher::connectToBroker()
{
    destroyHandle();
    m_uri = QStringLiteral("tcp://%1:%2").arg(m_settings.host).arg(m_settings.port).toUtf8();
    m_clientId = QStringLiteral("atbench-station-%1-%2").arg(::getpid()).arg(quintptr(this), 0, 16).toUtf8();
    MQTTAsync h = nullptr;
    if (MQTTAsync_create(&h, m_uri.constData(), m_clientId.constData(), MQTTCLIENT_PERSISTENCE_NONE, nullptr)
        != MQTTASYNC_SUCCESS) {
        onConnected(false, tr("the MQTT client could not be created for %1").arg(QString::fromUtf8(m_uri)));
        return;
    }
    m_handle = h;
    MQTTAsync_setCallbacks(
        h, key(), [](void *c, char *) { postTo(c, [](ReportPublisher *p) { p->onLost(); }); },
        [](void *, char *topic, int, MQTTAsync_message *m) -> int {
            MQTTAsync_freeMessage(&m); // nothing is subscribed; never called
            MQTTAsync_free(topic);
            return 1;
        },
        nullptr);
    MQTTAsync_connectOptions o = MQTTAsync_connectOptions_initializer;
    o.keepAliveInterval = 30;
    o.cleansession = 1;
    o.connectTimeout = 5;
    o.context = key();
    o.onSuccess = [](void *c, MQTTAsync_successData *) {
        postTo(c, [](ReportPublisher *p) { p->onConnected(true, QString()); });
    };
    o.onFailure = [](void *c, MQTTAsync_failureData *d) {
        const QString why = failureText(d);
        postTo(c, [why](ReportPublisher *p) { p->onConnected(false, why); });
    };
    m_connecting = true;
    if (MQTTAsync_connect(h, &o) != MQTTASYNC_SUCCESS)
        onConnected(false, tr("cannot connect to %1").arg(QString::fromUtf8(m_uri)));
}

void ReportPublisher::onConnected(bool ok, const QString &error)
{
    m_connecting = false;
    m_connected = ok;
    if (ok) {
        sendNext();
        return;
    }
    // Every report waiting fails; the next one tries again.
    const QString why = tr("broker %1:%2: %3").arg(m_settings.host).arg(m_settings.port).arg(error);
    const QList<Item> failed = m_queue;
    m_queue.clear();
    destroyHandle();
    for (const Item &i : failed)
        emit published(i.index, i.topic, false, why);
    emit idle();
}

void ReportPublisher::onLost()
{
    m_connected = false;
    if (m_inFlight)
        onSent(false, tr("the broker connection was lost"));
}

void ReportPublisher::sendNext()
{
    if (m_inFlight || m_connecting || m_queue.isEmpty())
        return;
    if (!m_connected || !m_handle || !MQTTAsync_isConnected(m_handle)) {
        connectToBroker();
        return;
    }
    m_current = m_queue.takeFirst();
    m_inFlight = true;
    MQTTAsync_responseOptions r = MQTTAsync_responseOptions_initializer;
    r.context = key();
    r.onSuccess = [](void *c, MQTTAsync_successData *) {
        postTo(c, [](ReportPublisher *p) { p->onSent(true, QString()); });
    };
    r.onFailure = [](void *c, MQTTAsync_failureData *d) {
        const QString why = failureText(d);
        postTo(c, [why](ReportPublisher *p) { p->onSent(false, why); });
    };
    const QByteArray topic = m_current.topic.toUtf8();
    if (MQTTAsync_send(m_handle, topic.constData(), int(m_current.payload.size()), m_current.payload.constData(),
                       m_settings.qos, 0, &r)
        != MQTTASYNC_SUCCESS)
        onSent(false, tr("the MQTT client refused the message"));
}

void ReportPublisher::onSent(bool ok, const QString &error)
{
    if (!m_inFlight)
        return;
    m_inFlight = false;
    emit published(m_current.index, m_current.topic, ok, error);
    if (m_queue.isEmpty())
        emit idle();
    else
        sendNext();
}

} // namespace atb
