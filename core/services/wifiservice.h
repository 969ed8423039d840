#pragma once

#include "services/commandrunner.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

namespace atb {

class DeviceModel;
class DeviceSession;

// What the Wi-Fi page asks for when the user presses Apply.
struct WifiSettings
{
    int mode = 1;     // AT+CWMODE: 0 off, 1 station, 2 SoftAP, 3 SoftAP + station
    QString ssid;     // empty: do not join
    QString password; // empty for an open network; never stored by the service
    QString bssid;    // optional, xx:xx:xx:xx:xx:xx

    bool operator==(const WifiSettings &o) const
    {
        return mode == o.mode && ssid == o.ssid && password == o.password && bssid == o.bssid;
    }
    bool operator!=(const WifiSettings &o) const { return !(*this == o); }
};

// The station's address: DHCP (AT+CWDHCP=1,1) or fixed (AT+CIPSTA="ip","gateway","netmask",
// which turns the station's DHCP client off). ESP-AT only.
struct StationAddressSettings
{
    bool dhcp = true;
    QString ip;
    QString gateway; // optional with a fixed address
    QString netmask; // optional with a fixed address
    bool operator==(const StationAddressSettings &o) const
    {
        return dhcp == o.dhcp && (dhcp || (ip == o.ip && gateway == o.gateway && netmask == o.netmask));
    }
    bool operator!=(const StationAddressSettings &o) const { return !(*this == o); }
};

// One row of an AT+CWLAP scan.
struct AccessPointInfo
{
    QString ssid;
    int rssi = 0;        // dBm
    int channel = 0;
    int encryption = -1; // <ecn>: 0 open, 1 WEP, 2 WPA_PSK, 3 WPA2_PSK, ...
    QString bssid;

    static QString encryptionText(int ecn); // translated, "WPA2-PSK"
    // 0..100 for a signal bar: -100 dBm -> 0, -50 dBm or better -> 100.
    static int signalPercent(int rssi);
    bool operator==(const AccessPointInfo &o) const
    {
        return ssid == o.ssid && rssi == o.rssi && channel == o.channel && encryption == o.encryption
            && bssid == o.bssid;
    }
};

// Station details the DeviceModel does not hold (yet): mode, gateway, netmask, AP BSSID.
// Kept current from the replies of every command (also the ones typed in the console).
struct WifiInfo
{
    int mode = -1; // -1 unknown
    QString gateway;
    QString netmask;
    QString bssid;
    int channel = 0;
    int dhcp = -1;     // the station's DHCP client: -1 unknown, 0 off (fixed address), 1 on
    QString staticIp;  // the address AT+CIPSTA set (or reported while DHCP is off)
    bool operator==(const WifiInfo &o) const
    {
        return mode == o.mode && gateway == o.gateway && netmask == o.netmask && bssid == o.bssid
            && channel == o.channel && dhcp == o.dhcp && staticIp == o.staticIp;
    }
};

// Wi-Fi mode, scan, join, disconnect, IP information and the station's address (AT+CWMODE,
// AT+CWLAP, AT+CWJAP, AT+CWQAP, AT+CIFSR, AT+CIPSTA, AT+CWDHCP). Builds every line with AtEncoder (dialect of the model) and
// runs it with its own CommandRunner. Messages never contain the password (redacted).
class WifiService : public QObject
{
    Q_OBJECT
public:
    WifiService(DeviceSession *session, DeviceModel *model, QObject *parent = nullptr);

    // Plans (pure: nothing is sent). errorParam is the field: "mode", "ssid", "pwd", "bssid".
    // Apply: AT+CWMODE=<mode> when the module's mode is unknown or different, then (when an
    // SSID is given) AT+CWJAP=... followed by the queries (ESP: AT+CWJAP?, AT+CIFSR, AT+CIPSTA?).
    // An empty valid plan: nothing to do.
    OperationPlan planApply(const WifiSettings &settings) const;
    OperationPlan planRead() const;       // AT+CWMODE?, AT+CWJAP?, AT+CIFSR, AT+CIPSTA? (what exists)
    OperationPlan planScan() const;       // AT+CWLAP
    OperationPlan planDisconnect() const; // AT+CWQAP
    // DHCP back on (AT+CWDHCP=1,1), or a fixed address (AT+CIPSTA), then AT+CIPSTA? to read it
    // back. errorParam "ip", "gateway", "netmask", or "address" (not on this dialect).
    OperationPlan planAddress(const StationAddressSettings &settings) const;
    // What the module reported (for the form): DHCP unless known to be off.
    StationAddressSettings address() const;

    // Operations: each runs its plan. The returned plan is what was started, or carries the
    // reason nothing was (invalid, nothing to do, busy); then no finished() follows.
    OperationPlan apply(const WifiSettings &settings);
    OperationPlan read();
    OperationPlan scan();
    OperationPlan disconnectFromAp();
    OperationPlan applyAddress(const StationAddressSettings &settings);
    void cancel();

    bool isBusy() const;
    WifiInfo info() const { return m_info; }
    QList<AccessPointInfo> accessPoints() const { return m_aps; }
    // The reason of the last failed join in words (+CWJAP:<n> decoded, or the module's answer);
    // empty after a successful join.
    QString lastJoinFailure() const { return m_lastJoinFailure; }
    // The line with the password replaced by "***" (for anything a user or a log sees).
    QByteArray redacted(const QByteArray &line) const;

signals:
    void busyChanged(bool busy);
    void finished(const atb::OperationResult &result);
    void infoChanged();
    void accessPointsChanged();
    void lastJoinFailureChanged();

private:
    enum class Op { None, Apply, Read, Scan, Disconnect, Address };
    OperationPlan start(Op op, const QString &label, const OperationPlan &plan);
    Dialect dialect() const;
    void onCommandFinished(const AtResult &result);
    void onRunnerFinished(const OperationResult &result);
    void setInfo(const WifiInfo &info);

    QPointer<DeviceSession> m_session;
    QPointer<DeviceModel> m_model;
    CommandRunner *m_runner;
    Op m_op = Op::None;
    WifiInfo m_info;
    QList<AccessPointInfo> m_aps;
    QString m_lastJoinFailure;
    QString m_joiningSsid;
};

} // namespace atb

Q_DECLARE_METATYPE(atb::WifiSettings)
Q_DECLARE_METATYPE(atb::AccessPointInfo)
