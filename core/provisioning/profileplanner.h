#pragma once

#include "provisioning/placeholders.h"
#include "provisioning/profile.h"
#include "provisioning/readback.h"
#include "services/operationplan.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace atb {

// One step of an apply: the commands of one section (or part of it), planned by its service.
struct PlanStep
{
    QString section;       // "persistence", "wifi", "connection", "dns", "sntp", "tls_psk", "mqtt"
    QString label;         // what it does, in words: "Join BenchAP"
    OperationPlan plan;
    QStringList fields;    // the profile fields (JSON Pointers) these commands set
};

// A post-check, planned: the commands that run it (the MQTT loop-back also waits for its
// message to come back through the subscription).
struct PlannedCheck
{
    PostCheck check;
    QString label;         // "Ping 127.0.0.1"
    OperationPlan plan;    // mqtt_loopback: subscribe (when no subscription covers the topic), publish
    OperationPlan cleanup; // mqtt_loopback: unsubscribe what the check subscribed
};

// What a profile sends to one module, in order, or why nothing can be sent.
struct ProfilePlan
{
    QList<PlanStep> steps;
    QList<PlannedCheck> checks;
    QList<JsonIssue> issues;  // non-empty: the profile cannot be applied to this module; nothing is sent
    QStringList unchanged;    // only-changes: fields the module already has (nothing sent for them)

    bool ok() const { return issues.isEmpty(); }
    int commandCount() const;
    QList<QByteArray> lines() const; // every line of the steps, in order (secrets in clear)
    // The Show AT text: "# <label>" then the lines with secrets masked, then the checks.
    QString previewText(Dialect dialect) const;
};

// Turns a profile and a module's state into the commands that make the module match it, with
// the services' pure planX() functions (SystemService::planApply, WifiService::planApply,
// ConnectionService::planMode / planPsk, NetService::planApply, MqttService::planConfigure /
// planConnect / planSubscribe ...)
// on PlanningServices, so every line comes from the catalog-driven AtEncoder: the dialect's
// limits, escaping and the 256-byte line. A limit a value breaks becomes an issue at that field's
// JSON Pointer ("/mqtt/client_id: ... at most 256 bytes").
//
// Order: persistence (AT+SYSSTORE first, so what follows is stored as asked), Wi-Fi, connection
// modes, DNS, SNTP, TLS PSK, MQTT. Modes:
//  - All: every field the profile names is sent, whatever the module has (rewrites the values
//    into flash with AT+SYSSTORE=1);
//  - OnlyChanges: fields the read-back shows equal are left alone; an MQTT connection that
//    matches everything the firmware reports is kept (its client id, user name, keep-alive, last
//    will and ALPN cannot be read back, so they cannot be told apart).
// Both need the module's read-back (MQTT must be released with AT+MQTTCLEAN before it is
// configured again, and an unspecified connection mode keeps its value).
class ProfilePlanner
{
    Q_DECLARE_TR_FUNCTIONS(atb::ProfilePlanner)
public:
    enum class Mode { All, OnlyChanges };

    // `profile` expanded for the module (placeholders), `secrets` name -> value.
    static ProfilePlan plan(const Profile &profile, const QHash<QString, QString> &secrets,
                            const ModuleReadBack &current, Mode mode);

    // Checks a profile against the firmware limits of its dialect before any module is open:
    // placeholders expanded for `sample`, a missing secret or one too long for its field, every
    // value through the encoder. Empty when the profile can be applied.
    static QList<JsonIssue> validate(const Profile &profile, const QHash<QString, QString> &secrets,
                                     const ModuleIdentity &sample = placeholders::sampleIdentity());

    // The profile field an encoder or service parameter name stands for, in a section
    // ("wifi", "pwd" -> "/wifi/password"; "mqtt", "lwt_msg" -> "/mqtt/last_will/message").
    static QString fieldOf(const QString &section, const QByteArray &param, int index = 0);
};

} // namespace atb
