#pragma once

#include "provisioning/modulereport.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <optional>

namespace atb {

// Where a station publishes its module reports: mqtt://HOST[:PORT]/TOPIC, the topic with the
// profile placeholders of the module (${MAC}, ${MAC6}, ${INDEX}, ${PORT}, ${SERIAL}; a module
// whose MAC is unknown publishes with "unknown" in its place). QoS 1, not retained.
struct ReportPublishSettings
{
    Q_DECLARE_TR_FUNCTIONS(atb::ReportPublishSettings)
public:
    QString host;
    quint16 port = 1883;
    QString topic;
    int qos = 1;

    // "mqtt://127.0.0.1:1883/line3/reports/${MAC}"; nullopt with *error (one sentence) otherwise.
    static std::optional<ReportPublishSettings> parse(const QString &url, QString *error);
    QString toString() const;
    // The topic for one module's report.
    QString topicFor(const ModuleReport &report) const;
};

// Publishes each module's JSON report (ModuleReport::toJson, secrets masked) to an MQTT broker
// the station names, so a line of stations reports to one place; AT Bench runs no server of its
// own. Eclipse Paho C (MQTTAsync), one connection opened on the first report and kept. Reports
// are sent one after the other; published() says for each whether the broker acknowledged it
// (PUBACK); idle() when nothing is left to send. A broker that cannot be reached fails every
// report waiting (published(..., false, why)); the next report tries to connect again.
// Lives in its creator's thread; Paho's callbacks are posted back to it.
class ReportPublisher : public QObject
{
    Q_OBJECT
public:
    explicit ReportPublisher(const ReportPublishSettings &settings, QObject *parent = nullptr);
    ~ReportPublisher() override;

    const ReportPublishSettings &settings() const { return m_settings; }
    void publish(const ModuleReport &report);
    // Reports queued or in flight.
    int pending() const { return int(m_queue.size()) + (m_inFlight ? 1 : 0); }

signals:
    void published(int index, const QString &topic, bool ok, const QString &error);
    void idle();

private:
    struct Item
    {
        int index = 0;
        QString topic;
        QByteArray payload;
    };
    void connectToBroker();
    void sendNext();
    void onConnected(bool ok, const QString &error);
    void onSent(bool ok, const QString &error);
    void onLost();
    void destroyHandle();

    // What Paho's callbacks get as their context: this publisher's number in a table (.cpp).
    void *key() const { return reinterpret_cast<void *>(m_key); }
    // Runs the oldest callback's work handed over from Paho's threads (.cpp).
    Q_INVOKABLE void drainInbox();
    // From a Paho thread: f(publisher) in the publisher's thread, if publisher `key` still exists.
    template<typename F>
    static void postTo(void *key, F f);

    ReportPublishSettings m_settings;
    quintptr m_key = 0;
    std::deque<std::function<void()>> m_inbox; // guarded by the key table's mutex (.cpp)
    void *m_handle = nullptr;
    bool m_connecting = false;
    bool m_connected = false;
    bool m_inFlight = false;
    Item m_current;
    QList<Item> m_queue;
    QByteArray m_uri, m_clientId;
};

} // namespace atb
