#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace atb {

// Small value types shared by the model, the services and the pages.

struct LinkInfo
{
    int id = 0;               // 0 in single-connection mode
    QString type;             // "TCP", "UDP", "SSL", "TLS", "DTLS"
    QString remoteHost;
    int remotePort = -1;
    int localPort = -1;
    bool server = false;      // tetype 1: the module is the server side of this link
    int keepAlive = -1;
    // Seed 000's +BIPSTATUS has no link id: an id not learnt from AT+CIPSTART, CONNECT or
    // AT+CIPCLOSE is the lowest free one, a guess (the table says so).
    bool idInferred = false;
    bool operator==(const LinkInfo &o) const
    {
        return id == o.id && type == o.type && remoteHost == o.remoteHost && remotePort == o.remotePort
            && localPort == o.localPort && server == o.server && keepAlive == o.keepAlive
            && idInferred == o.idInferred;
    }
};

struct WifiState
{
    bool connected = false;
    bool gotIp = false;
    QString ssid;
    QString ip;
    QString mac;
    int rssi = 0;
    int lastJoinError = 0; // +CWJAP:<code>: 1 timeout, 2 wrong password, 3 no AP, 4 failed
    bool operator==(const WifiState &o) const
    {
        return connected == o.connected && gotIp == o.gotIp && ssid == o.ssid && ip == o.ip && mac == o.mac
            && rssi == o.rssi && lastJoinError == o.lastJoinError;
    }
};

struct DnsState
{
    bool known = false;
    bool manual = false;
    QStringList servers;
    bool operator==(const DnsState &o) const
    {
        return known == o.known && manual == o.manual && servers == o.servers;
    }
};

struct SntpState
{
    bool known = false;
    bool enabled = false;
    QString timezone; // "8", "-5", "+0530"
    QStringList servers;
    QString moduleTime; // as the module printed it
    bool synced = false;
    bool operator==(const SntpState &o) const
    {
        return known == o.known && enabled == o.enabled && timezone == o.timezone && servers == o.servers
            && moduleTime == o.moduleTime && synced == o.synced;
    }
};

struct MqttSubscription
{
    QString topic;
    int qos = 0;
    bool operator==(const MqttSubscription &o) const { return topic == o.topic && qos == o.qos; }
};

struct MqttState
{
    int state = 0; // 0..6 as AT+MQTTCONN? reports it
    int scheme = 0;
    QString clientId;
    QString host;
    QString port;
    QString path;
    bool reconnect = false;
    QList<MqttSubscription> subscriptions;
    bool operator==(const MqttState &o) const
    {
        return state == o.state && scheme == o.scheme && clientId == o.clientId && host == o.host
            && port == o.port && path == o.path && reconnect == o.reconnect
            && subscriptions == o.subscriptions;
    }
    static QString stateText(int state);
};

} // namespace atb

Q_DECLARE_METATYPE(atb::LinkInfo)
Q_DECLARE_METATYPE(atb::WifiState)
Q_DECLARE_METATYPE(atb::DnsState)
Q_DECLARE_METATYPE(atb::SntpState)
Q_DECLARE_METATYPE(atb::MqttState)
