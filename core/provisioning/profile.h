#pragma once

#include "protocol/dialect.h"
#include "provisioning/jsonschema.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace atb {

// A password or PSK field of a profile: either nothing ("" in the file: an open network, no
// MQTT password) or a reference to a secret by name ({"secret": "wifi.password"}). The value is
// never part of a profile; SecretResolver (core/secrets) supplies it when the profile is applied.
struct SecretRef
{
    QString name; // empty: no secret (the field is "")

    bool isSet() const { return !name.isEmpty(); }
    bool operator==(const SecretRef &o) const { return name == o.name; }
};

// The desired state a profile describes (docs/provisioning.md; resources/schema/
// atbench-profile.schema.json). Every section is optional: an absent one is left as the module
// has it. Optional fields inside a section are std::optional, absent = left as it is.
struct ProfileWifi
{
    int mode = 1;            // AT+CWMODE 0 off, 1 station, 2 softAP, 3 both
    bool join = false;       // true: joined to ssid; false: joined to nothing
    QString ssid;
    SecretRef password;
    QString bssid;           // empty: any access point of that name
};

struct ProfileConnection
{
    std::optional<bool> multiple;    // AT+CIPMUX
    std::optional<bool> passthrough; // AT+CIPMODE
    std::optional<bool> passive;     // AT+CIPRECVMODE (ESP)
};

struct ProfileDns
{
    bool automatic = true;
    QStringList servers;
};

struct ProfileSntp
{
    bool enabled = true;
    std::optional<int> timezone; // hours, or [+|-]hhmm on ESP
    QStringList servers;
};

struct ProfilePsk
{
    SecretRef psk;
    QString hint;
};

struct ProfileMqttSubscription
{
    QString topic;
    int qos = 0;
    bool operator==(const ProfileMqttSubscription &o) const { return topic == o.topic && qos == o.qos; }
};

struct ProfileMqtt
{
    int scheme = 1;
    QString clientId;
    QString username;
    SecretRef password;
    QString path;
    int keepAlive = 120;
    bool cleanSession = true;
    bool hasLastWill = false;
    QString lwtTopic;
    QString lwtMessage;
    int lwtQos = 0;
    bool lwtRetain = false;
    QStringList alpn;
    QString host;             // empty: configure only, do not connect
    int port = 1883;
    bool reconnect = false;
    bool connect = false;     // default: true when host is given
    QList<ProfileMqttSubscription> subscriptions;
};

struct ProfilePersistence
{
    bool store = true; // AT+SYSSTORE
};

struct PostCheck
{
    enum class Kind { Ping, Resolve, SntpTime, MqttLoopback };
    Kind kind = Kind::Ping;
    QString target;         // ping: host; resolve: name; mqtt_loopback: topic
    QString expect;         // resolve: the address expected (optional)
    QString message;        // mqtt_loopback: payload
    int qos = 0;            // mqtt_loopback
    int maxOffsetS = -1;    // sntp_time: -1 = any synchronised time
    int timeoutS = 0;       // sntp_time / mqtt_loopback; 0 = the default

    static QString kindName(Kind k); // "ping", "resolve", "sntp_time", "mqtt_loopback"
};

class Profile
{
    Q_DECLARE_TR_FUNCTIONS(atb::Profile)
public:
    static constexpr int kVersion = 1;
    static QString formatName() { return QStringLiteral("atbench-profile"); }

    // The schema shipped in the repo (resources/schema/atbench-profile.schema.json), embedded.
    static const JsonSchema &schema();
    // The schema's "errorMessage" sentences as the code lists them for translation.
    static QStringList schemaMessages();

    // Parses and validates a profile document: JSON syntax, the schema (format, version, unknown
    // keys, types, ranges) and the rules between fields the schema does not express (an SSID to
    // join, servers with manual DNS, ...). Firmware limits need the planner (ProfilePlanner::
    // validate). On failure the issues say where (JSON Pointer) and why; the profile is empty.
    static std::optional<Profile> parse(const QByteArray &json, QList<JsonIssue> *issues);
    static std::optional<Profile> fromJson(const QJsonObject &object, QList<JsonIssue> *issues);
    // Reads a file; a missing or unreadable file is one issue at path "".
    static std::optional<Profile> load(const QString &fileName, QList<JsonIssue> *issues);

    QJsonObject toJson() const;
    // Indented JSON, keys in a fixed order: what "save module as profile" writes.
    QByteArray toFileText() const;
    bool save(const QString &fileName, QString *error) const;
    // "sha256:<hex>" of toJson() in compact form (keys sorted): the same for profiles that mean
    // the same, whatever their layout in the file or the defaults they spell out.
    QString hash() const;

    // Every secret the profile refers to, with the JSON Pointer of each use.
    QList<QPair<QString, QString>> secretUses() const; // (name, path)
    // Calls `visit` for every text field a placeholder may appear in (see placeholders.h), with
    // its JSON Pointer; the visitor may change the text.
    void forEachText(const std::function<void(QString &text, const QString &path)> &visit);

    QString name;
    QString description;
    Dialect dialect = Dialect::Esp;
    std::optional<ProfilePersistence> persistence;
    std::optional<ProfileWifi> wifi;
    std::optional<ProfileConnection> connection;
    std::optional<ProfileDns> dns;
    std::optional<ProfileSntp> sntp;
    std::optional<ProfilePsk> tlsPsk;
    std::optional<ProfileMqtt> mqtt;
    QList<PostCheck> postChecks;
    // "source": informational (written by ProfileReader), never applied.
    QJsonObject source;
};

// Wi-Fi mode names of the profile format ("off", "station", "softap", "station+softap").
QString wifiModeName(int mode);
int wifiModeFromName(const QString &name); // -1 when unknown

} // namespace atb
