#pragma once

#include "services/commandrunner.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <optional>

namespace atb {

class DeviceModel;
class DeviceSession;

struct DnsSettings
{
    bool manual = false;  // AT+CIPDNS=0 automatic (DHCP) / 1 manual
    QStringList servers;  // manual: 1..3 distinct IPv4 addresses (empty entries are skipped)
    bool operator==(const DnsSettings &o) const { return manual == o.manual && servers == o.servers; }
    bool operator!=(const DnsSettings &o) const { return !(*this == o); }
};

struct SntpSettings
{
    bool enabled = true;
    QString timezone = QStringLiteral("0"); // "8", "-5"; ESP also [+|-]hhmm ("530", "+0530", "-0930")
    QStringList servers;                    // 1..3 names or addresses (empty entries are skipped)
    bool operator==(const SntpSettings &o) const
    {
        return enabled == o.enabled && timezone == o.timezone && servers == o.servers;
    }
    bool operator!=(const SntpSettings &o) const { return !(*this == o); }
};

// What the Network services page applies: DNS and/or SNTP.
struct NetSettings
{
    bool applyDns = true;
    DnsSettings dns;
    bool applySntp = true;
    SntpSettings sntp;
};

// The answer to AT+CIPSNTPTIME?, with the PC's clock at the moment it arrived.
struct TimeReading
{
    bool valid = false;          // a reading exists
    QString moduleText;          // as printed: "Thu Sep  2 18:57:03 2021", "2022-10-21 19-20-39"
    bool parsed = false;         // moduleText understood
    QDateTime moduleTime;        // the printed wall-clock time (module's time zone, stored as UTC fields)
    QDateTime pcTimeUtc;         // the PC clock when the reply arrived
    bool timezoneKnown = false;  // the module's SNTP time zone is known (else compared with PC local time)
    int timezoneMinutes = 0;
    qint64 offsetSeconds = 0;    // module - PC (positive: the module is ahead); when parsed
    bool synchronised = false;   // the module clock looks set (year >= 2000)
};

struct PingRecord
{
    QDateTime when;       // PC local time
    QString host;
    bool ok = false;
    int time = -1;        // ms (ESP, Beken doc) or ticks (Beken source output)
    bool ticks = false;   // `time` is in Beken OS ticks
    int replies = 0;      // Beken source: echo replies out of `sent`
    int sent = 0;
    QString failure;      // "TIMEOUT", "unknown host", ...
    QString text() const; // "3 ms", "TIMEOUT", "4/4 replies, average 2 ticks"
};

// DNS (AT+CIPDNS), SNTP (AT+CIPSNTPCFG, AT+CIPSNTPTIME?), domain lookup (AT+CIPDOMAIN) and
// ping (AT+PING) for the Network services page. Lines come from AtEncoder (dialect of the
// model) plus the checks the catalog cannot express (DNS servers IPv4 and distinct, the ESP
// [+|-]hhmm time zone); commands run through the service's CommandRunner.
class NetService : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPingHistory = 10;

    NetService(DeviceSession *session, DeviceModel *model, QObject *parent = nullptr);

    // Plans (pure: nothing is sent). errorParam is the field: "DNS_IP1".."DNS_IP3", "enable",
    // "timezone", "server1".."server3", "domain_name", "host" (catalog names).
    // Apply: the DNS and/or SNTP lines of the sections asked for (empty: nothing to do).
    OperationPlan planApply(const NetSettings &settings) const;
    OperationPlan planRead() const;     // AT+CIPSNTPCFG?, AT+CIPSNTPTIME?, AT+CIPDNS?
    OperationPlan planReadTime() const; // AT+CIPSNTPTIME?
    OperationPlan planLookup(const QString &name) const;
    OperationPlan planPing(const QString &host) const;

    // Operations: each runs its plan. The returned plan is what was started, or carries the
    // reason nothing was (invalid, nothing to do, busy); then no finished() follows.
    OperationPlan apply(const NetSettings &settings);
    OperationPlan read();
    OperationPlan readTime();
    OperationPlan lookup(const QString &name);
    OperationPlan ping(const QString &host);
    void cancel();

    bool isBusy() const;
    TimeReading lastTime() const { return m_time; }
    QString lastLookupName() const { return m_lookupName; }
    QString lastLookupIp() const { return m_lookupIp; } // empty when the last lookup failed
    QString lastLookupError() const { return m_lookupError; }
    QList<PingRecord> pingHistory() const { return m_pings; } // newest first, at most kPingHistory

    // "Thu Sep  2 18:57:03 2021" (asctime), "2022-10-21 19:20:39", "2022-10-21 19-20-39".
    // The result carries the printed fields with Qt::UTC as its time spec.
    static std::optional<QDateTime> parseModuleTime(const QString &text);
    // "8" -> 480, "-5" -> -300, "530"/"+0530" -> 330, "-0930" -> -570.
    static std::optional<int> timezoneMinutes(const QString &timezone);
    static bool isIpv4(const QString &text);

signals:
    void busyChanged(bool busy);
    void finished(const atb::OperationResult &result);
    void timeRead(const atb::TimeReading &reading);
    void lookupFinished(const QString &name, const QString &ip, const QString &error);
    void pingHistoryChanged();

private:
    enum class Op { None, Apply, Read, ReadTime, Lookup, Ping };
    OperationPlan start(Op op, const QString &label, const OperationPlan &plan, const QString &target = QString());
    Dialect dialect() const;
    // AT+CIPDOMAIN / AT+PING: one string parameter, named `param` for the form.
    OperationPlan planOneString(QByteArrayView command, const QString &value, const QByteArray &param,
                                const QString &emptyMessage) const;
    OperationPlan planDns(const DnsSettings &dns) const;
    OperationPlan planSntp(const SntpSettings &sntp) const;
    void onCommandFinished(const AtResult &result);
    void onRunnerFinished(const OperationResult &result);

    QPointer<DeviceSession> m_session;
    QPointer<DeviceModel> m_model;
    CommandRunner *m_runner;
    Op m_op = Op::None;
    QString m_opTarget;
    TimeReading m_time;
    QString m_lookupName, m_lookupIp, m_lookupError;
    QList<PingRecord> m_pings;
};

} // namespace atb

Q_DECLARE_METATYPE(atb::NetSettings)
Q_DECLARE_METATYPE(atb::TimeReading)
Q_DECLARE_METATYPE(atb::PingRecord)
