#pragma once

#include <QJSValue>
#include <QObject>
#include <QVariant>

namespace atb {

class RecipeApi;

// The namespace objects of the recipe API (README "Recipes"): device.*, wifi.*, net.*, link.*,
// mqtt.*, throughput.* and pc.*. Each call runs through the service the matching page uses and
// returns an object with at least {ok, message}. They live in the script thread.

// device: a fresh look at the model on every read.
class DeviceApi : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QVariant connected READ connected)
    Q_PROPERTY(QVariant state READ state)
    Q_PROPERTY(QVariant port READ port)
    Q_PROPERTY(QVariant dialect READ dialect)
    Q_PROPERTY(QVariant firmware READ firmware)
    Q_PROPERTY(QVariant simulated READ simulated)
    Q_PROPERTY(QVariant wifi READ wifi)
    Q_PROPERTY(QVariant links READ links)
    Q_PROPERTY(QVariant mqtt READ mqtt)
    Q_PROPERTY(QVariant dns READ dns)
    Q_PROPERTY(QVariant sntp READ sntp)
public:
    explicit DeviceApi(RecipeApi *api);
    QVariant connected() const { return value("connected"); }
    QVariant state() const { return value("state"); }
    QVariant port() const { return value("port"); }
    QVariant dialect() const { return value("dialect"); }
    QVariant firmware() const { return value("firmware"); }
    QVariant simulated() const { return value("simulated"); }
    QVariant wifi() const { return value("wifi"); }
    QVariant links() const { return value("links"); }
    QVariant mqtt() const { return value("mqtt"); }
    QVariant dns() const { return value("dns"); }
    QVariant sntp() const { return value("sntp"); }
    // Everything at once.
    Q_INVOKABLE QVariant snapshot() const;

private:
    QVariant value(const char *key) const;
    RecipeApi *m_api;
};

class WifiApi : public QObject
{
    Q_OBJECT
public:
    explicit WifiApi(RecipeApi *api);
    Q_INVOKABLE QJSValue join(const QJSValue &ssid, const QJSValue &password = QJSValue(), const QJSValue &options = QJSValue());
    Q_INVOKABLE QJSValue disconnect();
    Q_INVOKABLE QJSValue scan();
    Q_INVOKABLE QJSValue read();
    // Reads the Wi-Fi state and joins `ssid` when the module is not joined yet (an empty ssid:
    // only reads). Returns device.wifi with {ok (joined with an IP), message, joinedNow}.
    Q_INVOKABLE QJSValue ensureJoined(const QJSValue &ssid = QJSValue(), const QJSValue &password = QJSValue());

private:
    RecipeApi *m_api;
};

class NetApi : public QObject
{
    Q_OBJECT
public:
    explicit NetApi(RecipeApi *api);
    Q_INVOKABLE QJSValue ping(const QJSValue &host);
    Q_INVOKABLE QJSValue lookup(const QJSValue &name);
    Q_INVOKABLE QJSValue time();
    Q_INVOKABLE QJSValue sntp(const QJSValue &settings);
    Q_INVOKABLE QJSValue dns(const QJSValue &settings);

private:
    RecipeApi *m_api;
};

class LinkApi : public QObject
{
    Q_OBJECT
public:
    explicit LinkApi(RecipeApi *api);
    Q_INVOKABLE QJSValue mode(const QJSValue &settings);
    Q_INVOKABLE QJSValue open(const QJSValue &settings);
    Q_INVOKABLE QJSValue send(const QJSValue &id, const QJSValue &data);
    Q_INVOKABLE QJSValue close(const QJSValue &id = QJSValue());
    Q_INVOKABLE QJSValue read(const QJSValue &id, const QJSValue &count = QJSValue(), const QJSValue &timeoutMs = QJSValue());
    // Back to AT commands after at("AT+CIPSEND") entered passthrough: "+++" with its guard times.
    Q_INVOKABLE QJSValue leavePassthrough();

private:
    RecipeApi *m_api;
};

class MqttApi : public QObject
{
    Q_OBJECT
public:
    explicit MqttApi(RecipeApi *api);
    Q_INVOKABLE QJSValue configure(const QJSValue &settings);
    Q_INVOKABLE QJSValue connect(const QJSValue &settings);
    Q_INVOKABLE QJSValue publish(const QJSValue &topic, const QJSValue &payload, const QJSValue &options = QJSValue());
    Q_INVOKABLE QJSValue subscribe(const QJSValue &topic, const QJSValue &qos = QJSValue());
    Q_INVOKABLE QJSValue unsubscribe(const QJSValue &topic);
    Q_INVOKABLE QJSValue disconnect();
    Q_INVOKABLE QJSValue receive(const QJSValue &topicFilter = QJSValue(), const QJSValue &timeoutMs = QJSValue());

private:
    RecipeApi *m_api;
};

class ThroughputApi : public QObject
{
    Q_OBJECT
public:
    explicit ThroughputApi(RecipeApi *api);
    Q_INVOKABLE QJSValue run(const QJSValue &settings = QJSValue());

private:
    RecipeApi *m_api;
};

// PC-side peers for the module to talk to, closed when the recipe ends.
class PcApi : public QObject
{
    Q_OBJECT
public:
    explicit PcApi(RecipeApi *api);
    Q_INVOKABLE QJSValue echoServer(const QJSValue &options = QJSValue());
    Q_INVOKABLE QJSValue ntpServer(const QJSValue &options = QJSValue());

private:
    RecipeApi *m_api;
};

} // namespace atb
