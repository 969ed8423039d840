#pragma once

#include "provisioning/readback.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>

namespace atb {

// One row of the per-field table: what the profile wants, what the module reports, the verdict.
struct FieldCheck
{
    enum class Verdict {
        Match,      // read back equal to the profile
        Differs,    // read back different (after an apply: the module accepted a command but
                    // reports another value, or the value was not set)
        Unreadable, // the firmware cannot report it (note: whether this run set it and the module
                    // accepted, or why the query failed)
        Failed,     // the command that sets it failed
        NotApplied, // not reached: an earlier step failed, nothing was sent for it
    };

    QString field;       // JSON Pointer in the profile format: "/mqtt/port"
    QJsonValue desired;
    QJsonValue actual;   // Undefined: not reported
    Verdict verdict = Verdict::Match;
    QString note;        // why, in words (translated)
    bool applied = false; // a command setting it was sent in this run and answered OK
    bool secret = false;  // desired and actual are shown as "***"

    bool passed() const { return verdict == Verdict::Match || verdict == Verdict::Unreadable; }
    static QString verdictName(Verdict v); // "match", "differs", "unreadable", "failed", "not_applied"
    // {"field","desired","actual","verdict","applied","note"}; secrets masked ("***", "" stays "").
    QJsonObject toJson() const;
    // The value as a short text for tables ("BenchAP", "1883", "true", "[a, b]", "***").
    static QString shown(const QJsonValue &v, bool secret);
};

namespace fieldchecks {

// Every field the profile sets, as values in the read-back's key space (ModuleReadBack::values),
// plus those no firmware reports (client id, passwords, ...). Secrets take their resolved value
// from `secrets` (name -> value); a missing one is left out. The profile must be expanded
// (placeholders) already.
QMap<QString, QJsonValue> desiredValues(const Profile &profile, const QHash<QString, QString> &secrets);

// Whether the module's value equals the profile's, field by field rules: time zones by their
// UTC offset, subscriptions as sets, BSSIDs without case.
bool sameValue(const QString &field, const QJsonValue &desired, const QJsonValue &actual);

// The query that reports a field ("AT+CIPDNS?" for "/dns/servers"); empty when none does.
QByteArray queryFor(const QString &field);

// The table of a diff: every desired field against the read-back. Match, Differs (a value not
// reported because it does not apply, such as the SSID of a module that joined nothing, counts
// as null), or Unreadable (the firmware cannot report it, or its query failed).
QList<FieldCheck> compare(const QMap<QString, QJsonValue> &desired, const ModuleReadBack &readBack);

// True when no row differs or failed (Unreadable rows do not count against it).
bool allPassed(const QList<FieldCheck> &rows);

} // namespace fieldchecks

} // namespace atb
