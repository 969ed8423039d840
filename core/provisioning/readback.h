#pragma once

#include "engine/atcommand.h"
#include "protocol/dialect.h"
#include "provisioning/profile.h"
#include "services/mqttservice.h"

#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace atb {

// What a module reported about itself in one read (ProfileReader): its identity and every
// value of a profile it can report, by the field's JSON Pointer in the profile format
// ("/wifi/ssid", "/mqtt/port", "/connection/multiple_connections", ...), in the format's own
// types ("station", 1883, true). A field absent from `values` was not reported: the firmware
// has no query for it (MQTT client id, passwords, keep-alive, ...; see unreadableFields()) or
// the query failed (listed in `failedQueries`).
struct ModuleReadBack
{
    bool complete = false;       // the read ran to its end (a query the firmware lacks is not a failure)
    QString error;               // why it stopped early (the link went away, no answer)
    Dialect dialect = Dialect::Esp;
    QString mac;                 // station MAC, "aa:bb:cc:dd:ee:ff"; empty when the firmware cannot say
    QStringList firmware;        // AT+GMR lines
    QMap<QString, QJsonValue> values;
    int mqttState = -1;          // AT+MQTTCONN? state 0..6, -1 unknown
    QStringList failedQueries;   // "AT+CIPDNS?: ERROR" (firmware limits, read on)
    QList<AtResult> results;     // every reply of the read, in order (hold secrets: never written out)
    // MQTT values the module accepted earlier in this session (ProfileReader::setSessionHints).
    std::optional<MqttConfig> mqttHint;

    bool has(const QString &path) const { return values.contains(path); }
    QJsonValue value(const QString &path) const { return values.value(path); }

    // The state as a profile ("save module as profile"): readable values as read; passwords and
    // the PSK as secret references named wifi.password, mqtt.password, tls.psk; fields the module
    // cannot report get the format's defaults and are listed in source.unreadable; source also
    // names the port, MAC, firmware and the time of the read.
    Profile toProfile(const QString &port = QString()) const;

    // Fields of the profile format no firmware query reports (in the dialect given).
    static QStringList unreadableFields(Dialect dialect);
    // Fields whose value is a secret (masked wherever a value is shown or written).
    static bool isSecretField(const QString &path);
};

} // namespace atb
