#pragma once

#include "protocol/dialect.h"
#include "services/commandrunner.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace atb {

class DeviceModel;
class DeviceSession;

// AT+CWSAP: the SoftAP's network. The password is a secret: never logged (masked on the way
// into the session log, also in the AT+CWSAP? reply).
struct SoftApSettings
{
    QString ssid;
    QString password;   // 8..64 bytes; empty with encryption 0 (open)
    int channel = 1;    // 1..14
    int encryption = 3; // <ecn>: 0 open, 2 WPA_PSK, 3 WPA2_PSK, 4 WPA_WPA2_PSK
    int maxConnections = 4; // 1..10
    bool hidden = false;
    bool operator==(const SoftApSettings &o) const
    {
        return ssid == o.ssid && password == o.password && channel == o.channel && encryption == o.encryption
            && maxConnections == o.maxConnections && hidden == o.hidden;
    }
    bool operator!=(const SoftApSettings &o) const { return !(*this == o); }
};

// AT+CIPAP (the SoftAP's own address) and AT+CWDHCPS (the range its DHCP server gives out).
struct SoftApNetworkSettings
{
    QString ip;
    QString gateway;           // optional
    QString netmask;           // optional
    bool defaultRange = true;  // AT+CWDHCPS=0: the firmware's range
    int leaseMinutes = 120;    // 1..2880
    QString rangeStart;
    QString rangeEnd;
    bool operator==(const SoftApNetworkSettings &o) const
    {
        return ip == o.ip && gateway == o.gateway && netmask == o.netmask && defaultRange == o.defaultRange
            && (defaultRange || (leaseMinutes == o.leaseMinutes && rangeStart == o.rangeStart && rangeEnd == o.rangeEnd));
    }
    bool operator!=(const SoftApNetworkSettings &o) const { return !(*this == o); }
};

// One station connected to the SoftAP (+CWLIF:<ip>,<mac>).
struct SoftApStation
{
    QString ip;
    QString mac;
    bool operator==(const SoftApStation &o) const { return ip == o.ip && mac == o.mac; }
};

// What the module reported (known = read at least once since it came up).
struct SoftApState
{
    int mode = -1; // AT+CWMODE: 0 off, 1 station, 2 SoftAP, 3 both; -1 unknown
    bool known = false;
    SoftApSettings config;
    SoftApNetworkSettings network;
    QList<SoftApStation> stations;
    bool apOn() const { return mode == 2 || mode == 3; }
    bool operator==(const SoftApState &o) const
    {
        return mode == o.mode && known == o.known && config == o.config && network == o.network
            && stations == o.stations;
    }
};

// The module's SoftAP (ESP-AT; the Beken seed has none): its network (AT+CWSAP), address and
// DHCP range (AT+CIPAP, AT+CWDHCPS), the connected stations (AT+CWLIF) and disconnecting them
// (AT+CWQIF). Plans are pure; the state follows the replies of every command (the console's
// too). Switching the SoftAP on means AT+CWMODE=3 (keeps the station) or 2 (Wi-Fi was off).
class SoftApService : public QObject
{
    Q_OBJECT
public:
    SoftApService(DeviceSession *session, DeviceModel *model, QObject *parent = nullptr);

    // Plans (pure: nothing is sent). errorParam: "ssid", "pwd", "chl", "ecn", "max_conn", "ip",
    // "gateway", "netmask", "lease", "start_IP", "end_IP", "mac", or "softap" (not available).
    // Read: AT+CWMODE?, and while the SoftAP is on (or not known to be off) its queries.
    OperationPlan planRead() const;
    // AT+CWMODE=3/2 first when the SoftAP is off, then AT+CWSAP and its read-back (the whole
    // SoftAP when it was just turned on).
    OperationPlan planApply(const SoftApSettings &settings) const;
    OperationPlan planNetwork(const SoftApNetworkSettings &settings) const;
    OperationPlan planStations() const;
    // Empty mac: every station.
    OperationPlan planDisconnectStation(const QString &mac) const;

    OperationPlan read();
    OperationPlan apply(const SoftApSettings &settings);
    OperationPlan applyNetwork(const SoftApNetworkSettings &settings);
    OperationPlan refreshStations();
    OperationPlan disconnectStation(const QString &mac);

    bool isBusy() const { return m_runner->isBusy(); }
    SoftApState state() const { return m_state; }
    bool available() const; // the dialect has AT+CWSAP

signals:
    void busyChanged(bool busy);
    void finished(const atb::OperationResult &result);
    void stateChanged();

private:
    enum class Op { None, Read, Apply, Network, Stations, Disconnect };
    OperationPlan start(Op op, const QString &label, const OperationPlan &plan);
    OperationPlan apQueries() const;
    Dialect dialect() const;
    void onCommandFinished(const AtResult &result);
    void onRunnerFinished(const OperationResult &result);
    void setState(const SoftApState &state);

    QPointer<DeviceSession> m_session;
    QPointer<DeviceModel> m_model;
    CommandRunner *m_runner;
    Op m_op = Op::None;
    SoftApState m_state;
};

} // namespace atb
