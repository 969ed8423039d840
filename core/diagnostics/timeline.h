#pragma once

#include "model/devicestate.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QTimer>
#include <deque>
#include <functional>

namespace atb {

class DeviceModel;
class DeviceSession;
struct AtEvent;
struct AtResult;

// One thing the module did, on one lane of the timeline.
struct TimelineEvent
{
    enum class Lane { Wifi, Rssi, Ip, Links, Mqtt, Errors, Resets };
    static constexpr int kLaneCount = 7;

    qint64 timeMs = 0; // ms since the epoch (the recorded time while a recording plays back)
    Lane lane = Lane::Wifi;
    // Wifi: 0 disconnected, 1 joined without IP, 2 got IP; Rssi: dBm; Links: open links after
    // the event; Mqtt: state 0..6; Ip: 1 has an address, 0 none; Errors, Resets: 1.
    int value = 0;
    QString text;         // what happened, in words
    bool problem = false; // drawn as a problem (failure, join error, link lost)
};

// What the module did over time, as lanes (issue 13, "A timeline"): Wi-Fi state, RSSI (polled
// with AT+CWJAP? at a chosen interval while joined), IP address, links opened and closed, MQTT
// state, errors and busy replies, resets ("ready"). Fed by the session and the model it follows;
// the widget in ui/diagnostics draws it. Bounded (the oldest events go first).
class Timeline : public QObject
{
    Q_OBJECT
public:
    static constexpr char kOrigin[] = "timeline";
    static constexpr int kCapacity = 50000;

    explicit Timeline(QObject *parent = nullptr);

    void follow(DeviceSession *session, DeviceModel *model);
    // Where event times come from (ms since the epoch); empty = the system clock.
    void setClock(std::function<qint64()> nowMs) { m_clock = std::move(nowMs); }
    // AT+CWJAP? every `seconds` while joined (0 = never). Default 10.
    void setRssiInterval(int seconds);
    int rssiInterval() const { return m_rssiSeconds; }
    // Off while something else owns the session (a recording playing back).
    void setPolling(bool on);
    bool isPolling() const { return m_polling; }

    const std::deque<TimelineEvent> &events() const { return m_events; }
    void clear();

signals:
    void appended(const atb::TimelineEvent &event);
    void cleared();

private:
    void add(TimelineEvent::Lane lane, int value, const QString &text, bool problem = false);
    void onWifi();
    void onLinks();
    void onMqtt();
    void onFinished(const AtResult &result);
    void onUrc(const AtEvent &event);
    void poll();
    void updatePolling();
    qint64 now() const;

    DeviceSession *m_session = nullptr;
    DeviceModel *m_model = nullptr;
    QList<QMetaObject::Connection> m_following;
    std::function<qint64()> m_clock;
    std::deque<TimelineEvent> m_events;
    QTimer m_poll;
    int m_rssiSeconds = 10;
    bool m_polling = true;
    // Last values seen, so only changes become events.
    int m_wifiLevel = -1;
    QString m_ip;
    int m_rssi = 0;
    QList<LinkInfo> m_links;
    int m_mqttState = -1;
};

} // namespace atb

Q_DECLARE_METATYPE(atb::TimelineEvent)
