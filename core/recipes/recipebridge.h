#pragma once

#include "engine/atcommand.h"
#include "recipeservices.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QRegularExpression>
#include <QStringList>
#include <QVariantMap>

#include <deque>
#include <functional>
#include <memory>
#include <mutex>

namespace atb {

class EchoServer;
class RunControl;
class SntpResponder;
struct MqttMessage;
struct OperationResult;
struct OperationPlan;

// What expect() and link/mqtt waits look for: a regular expression, or a plain substring.
struct LineMatcher
{
    QRegularExpression regex; // used when valid and non-empty
    QString substring;
    bool matches(const QString &subject, QStringList *groups = nullptr) const;
    QString describe() const;
};

// The owner-thread half of a recipe run: it does what the script asks (in the thread of the
// session's services) and answers through RunControl. Commands go through the session's queue
// (one in flight, like every other caller); operations through the services the pages use;
// what the module says is kept in order for expect(). Requests arrive through post(), from the
// script thread; nothing here blocks.
class RecipeBridge : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxLines = 4000;       // lines kept for expect()
    static constexpr int kMaxMessages = 1000;    // MQTT messages kept for mqtt.receive()

    explicit RecipeBridge(const RecipeServices &services, QObject *parent = nullptr);
    ~RecipeBridge() override;

    const RecipeServices &services() const { return m_services; }

    // Script thread: run `job` in this object's thread (in order).
    void post(std::function<void(RecipeBridge &)> job);

    // ---- the rest runs in this object's thread -------------------------------------------
    // A run begins: what arrives from now on is kept for expect(); answers go to `control`.
    void begin(std::shared_ptr<RunControl> control);
    // The run ended: what it left running is cancelled, its PC peers are closed.
    void end();
    // The script gave up waiting for `req` (its deadline, a stop): cancel what serves it.
    void abandon(quint64 req);

    void command(quint64 req, const AtCommand &command);
    void payload(quint64 req, quint64 commandId, const QByteArray &bytes);
    void raw(quint64 req, const QByteArray &bytes);
    void expect(quint64 req, const LineMatcher &matcher);
    // expect() and link/MQTT reads forget what arrived so far.
    void discard(quint64 req);
    void ask(quint64 req, const QString &question, const QStringList &choices);
    void answer(quint64 req, const QString &text);
    void snapshot(quint64 req);

    // Services (recipebridge_services.cpp); each answers {ok, message, ...}.
    void wifiJoin(quint64 req, const QString &ssid, const QString &password, const QString &bssid);
    void wifiDisconnect(quint64 req);
    void wifiScan(quint64 req);
    void wifiRead(quint64 req);
    void netPing(quint64 req, const QString &host);
    void netLookup(quint64 req, const QString &name);
    void netTime(quint64 req);
    void netSntp(quint64 req, const QVariantMap &settings);
    void netDns(quint64 req, const QVariantMap &settings);
    void linkMode(quint64 req, const QVariantMap &settings);
    void linkOpen(quint64 req, const QVariantMap &settings);
    void linkSend(quint64 req, int linkId, const QByteArray &bytes);
    void linkClose(quint64 req, int linkId);
    // Leaves passthrough ("+++" with its guard times); answers once the link takes AT commands.
    void linkLeavePassthrough(quint64 req);
    // Waits for `count` bytes (0: any) from the link; without `wait` takes what is there.
    void linkRead(quint64 req, int linkId, qint64 count, bool wait);
    void mqttConfigure(quint64 req, const QVariantMap &settings);
    void mqttConnect(quint64 req, const QVariantMap &settings);
    void mqttPublish(quint64 req, const QString &topic, const QByteArray &payload, const QVariantMap &options);
    void mqttSubscribe(quint64 req, const QString &topic, int qos);
    void mqttUnsubscribe(quint64 req, const QString &topic);
    void mqttDisconnect(quint64 req);
    void mqttReceive(quint64 req, const QString &topicFilter);
    void throughputRun(quint64 req, const QVariantMap &settings);
    void pcEchoServer(quint64 req, const QString &address, int port);
    void pcNtpServer(quint64 req, const QString &address, int port);

    // {ok, status, final, lines, text, errCodes, error, ms, attempts}
    static QVariantMap resultMap(const AtResult &r);
    static QVariantMap failure(const QString &message);

signals:
    // ask(): the GUI shows the question and calls answer(); askClosed when nobody waits any more.
    void askRequested(quint64 req, const QString &question, const QStringList &choices);
    void askClosed(quint64 req);

private:
    struct Line
    {
        quint64 seq = 0;
        QString kind; // "urc", "line", "final", "prompt", "raw"
        QByteArray text, name, payload, topic;
        int link = -1;
        qint64 timeMs = 0;
        QString subject() const; // what a pattern is matched against
    };
    // A request waiting for something to arrive (a line, link data, an MQTT message): `take`
    // answers it from what is there, or says not yet.
    struct Waiter
    {
        quint64 req = 0;
        std::function<bool(QVariantMap *)> take;
    };

    Q_INVOKABLE void runPosted();
    void fulfil(quint64 req, const QVariant &value);
    void onFinished(const AtResult &r);
    void onPrompt(quint64 id, qint64 expectedLength);
    // Answers `req` now when `take` can, else when something arrives that it can take.
    void takeOrWait(quint64 req, const std::function<bool(QVariantMap *)> &take);
    // Something arrived: the first waiter that can take it does.
    void offer();
    void keep(Line line);
    bool findLine(const LineMatcher &m, QVariantMap *found);
    void onLinkData(int linkId, const QByteArray &bytes);
    bool takeLinkData(int linkId, qint64 count, QVariantMap *out, bool partial);
    void onMqttMessage(const MqttMessage &m);
    bool takeMessage(const QString &filter, QVariantMap *out);
    // Runs a service operation: `start` returns its plan; its `finished` answers req, with
    // `extra` added to the map.
    template<typename Service>
    void operation(quint64 req, Service *service, const std::function<OperationPlan()> &start,
                   const std::function<void(QVariantMap &, const OperationResult &)> &extra = {});
    QVariantMap lineMap(const Line &l, const QStringList &groups) const;

    RecipeServices m_services;
    std::shared_ptr<RunControl> m_control;
    bool m_active = false;

    std::mutex m_postMutex;
    std::deque<std::function<void(RecipeBridge &)>> m_posted;

    QHash<quint64, quint64> m_commands;   // command id -> request
    std::deque<Line> m_lines;
    quint64 m_nextSeq = 1;
    quint64 m_cursor = 1;                 // expect() looks at lines with seq >= cursor
    QHash<int, QByteArray> m_linkData;    // received and not yet read, per link
    std::deque<QVariantMap> m_messages;   // MQTT messages not yet received by the script
    QList<Waiter> m_waiters;
    QHash<quint64, std::function<void()>> m_cleanup; // request -> how to cancel what serves it
    QList<QMetaObject::Connection> m_connections;
    QList<QPointer<QObject>> m_peers;
    QList<quint64> m_asks;
};

} // namespace atb
