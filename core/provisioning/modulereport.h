#pragma once

#include "provisioning/fieldcheck.h"
#include "provisioning/profile.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace atb {

// One command of a provisioning run as the report keeps it: the line with secrets masked.
struct CommandRecord
{
    QString phase;     // "read", "apply", "read back", "check"
    QString step;      // the plan step's or check's label; "read", "read back"
    QByteArray line;   // redacted (AtEncoder::redact)
    QString status;    // AtResult::statusName: "ok", "error", "timeout", ...
    QString finalText; // "OK", "ERROR", ...
    QString message;   // the failure in words (CommandRunner::describe), secrets masked
    qint64 ms = 0;
    int attempts = 1;  // 1 + "busy p..." retries of the queue (the module did not run it meanwhile)
};

struct CheckResult
{
    PostCheck check;
    QString label;      // "Ping 127.0.0.1"
    enum class Verdict { Pass, Fail, Skipped } verdict = Verdict::Skipped;
    QString detail;     // "3 ms", "127.0.0.1", "Thu Sep  2 18:57:03 2021 (offset +1 s)", the failure
    qint64 ms = 0;

    static QString verdictName(Verdict v); // "pass", "fail", "skipped"
};

// Everything about one module's provisioning (or diff): who it is, what was sent and what it
// answered, the per-field table, the checks, the timings and the verdict. Written as the JSON
// report of the module (toJson), one row of the batch's CSV, one test case of its JUnit XML.
struct ModuleReport
{
    static constexpr int kVersion = 1;

    // Identity
    int index = 0;
    QString port;
    QString serial;
    QString mac;
    QStringList firmware;
    QString dialect;        // "esp" / "beken" as detected
    // What was applied
    QString profileName;
    QString profileHash;
    QString mode;           // "all", "only_changes", "diff"
    QDateTime started;      // UTC
    QDateTime finished;
    qint64 openMs = 0, readMs = 0, applyMs = 0, verifyMs = 0, checksMs = 0;
    QList<CommandRecord> commands;
    QList<FieldCheck> fields;
    QList<CheckResult> checks;
    QStringList notes;      // what a technician should know ("the module restarted during the apply")
    // Outcome
    bool passed = false;
    QString error;          // the first failure in words; empty when passed
    QString step;           // where it ended: "open", "read", "refused", "apply", "read back", "checks", "done"

    qint64 durationMs() const { return started.isValid() && finished.isValid() ? started.msecsTo(finished) : 0; }
    int failedFieldCount() const;
    // Commands the apply sent (not the reads, read-back or checks).
    int commandsSent() const;

    // {"format":"atbench-provision-report","version":1, ...}; secrets masked.
    QJsonObject toJson() const;
    // The one-line summary the CLI prints per module when it finishes:
    // {"index","port","mac","verdict","step","fields","fields_failed","checks_failed","commands","duration_ms","error","report"}
    QJsonObject summaryJson(const QString &reportFile = QString()) const;
};

} // namespace atb

Q_DECLARE_METATYPE(atb::ModuleReport)
