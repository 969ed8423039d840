#pragma once

#include "provisioning/modulereport.h"
#include "provisioning/placeholders.h"
#include "provisioning/profileplanner.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace atb {

class CommandRunner;
class DeviceSession;
class ProfileReader;
struct OperationResult;

// Applies a profile to one module on an open session and proves it:
//   1. read   everything the module reports (ProfileReader): its MAC and firmware for the
//             placeholders and the report, and the state the plan starts from;
//   2. refuse before anything is sent when the profile cannot apply to this module (another
//             dialect, a placeholder it cannot fill, a firmware limit, a missing secret);
//   3. apply  the plan's steps in order (all fields, or only those that differ), stopping at
//             the first command that fails: nothing is retried (the command queue resends only
//             a command the module answered "busy p..." to, which it did not run);
//   4. read back and compare, field by field: desired / actual / verdict. A module that accepted
//             a command but reports another value fails that field; fields of a step that
//             failed are "failed", those after it "not_applied"; what the firmware cannot report
//             says whether this run set it;
//   5. post-checks (ping, name lookup, SNTP time, an MQTT message out and back) once the apply
//             succeeded.
// A module that restarts (a "ready" in the middle) or whose link goes away fails, with exactly
// what was and was not applied; a rerun with only-changes resumes from its read-back.
// Diff mode stops after step 1 and compares (no command that changes anything is sent).
//
// Lives in its creator's thread (the GUI thread, a CLI main); the session may be in its own
// I/O thread (SessionHost). One runner per module; runners never wait for one another.
class ProfileRunner : public QObject
{
    Q_OBJECT
public:
    enum class Mode { All, OnlyChanges, Diff };

    struct Job
    {
        Profile profile;                  // as loaded (placeholders not yet expanded)
        QHash<QString, QString> secrets;  // name -> value (in memory only)
        ModuleIdentity identity;          // index, port, serial (MAC and firmware come from the read)
        Mode mode = Mode::All;
        qint64 openMs = 0;                // how long opening the port took (for the report)
    };

    explicit ProfileRunner(DeviceSession *session, QObject *parent = nullptr);
    ~ProfileRunner() override;

    bool isRunning() const { return m_running; }
    // False when a run is in progress. Results come through finished(), never from inside start().
    bool start(const Job &job);
    // Stops after the command in flight; the report says where (verdict fail, "stopped").
    void stop();

    // The current step in words ("read", "Join BenchAP", "read back", "Ping 127.0.0.1") and
    // progress (steps done, steps planned), for a station's table.
    QString currentStep() const { return m_stepText; }
    int stepsDone() const { return m_stepsDone; }
    int stepsTotal() const { return m_stepsTotal; }
    const ModuleReport &report() const { return m_report; }

    static QString modeName(Mode m); // "all", "only_changes", "diff"

signals:
    void progress(const QString &step, int done, int total);
    void finished(const atb::ModuleReport &report);

private:
    enum class Stage { Idle, Read, Apply, ReadBack, Checks };
    void onRead(const ModuleReadBack &rb);
    void runNextStep();
    void onStepFinished(const OperationResult &result);
    void onReadBack(const ModuleReadBack &rb);
    void runNextCheck();
    void onCheckFinished(const OperationResult &result);
    void finishCheck(CheckResult::Verdict verdict, const QString &detail);
    void endLoopback(CheckResult::Verdict verdict, const QString &detail);
    void onUrc(const AtEvent &event);
    void onSessionState(int state);
    void record(const QString &phase, const QString &step, const AtResult &result);
    void setStep(const QString &text);
    void finish(bool passed, const QString &error, const QString &step);
    QList<FieldCheck> verify(const ModuleReadBack &rb) const;

    QPointer<DeviceSession> m_session;
    ProfileReader *m_reader;
    CommandRunner *m_runner;
    QTimer m_checkTimer;
    Job m_job;
    Profile m_expanded;
    ProfilePlan m_plan;
    QMap<QString, QJsonValue> m_desired;
    ModuleReport m_report;
    Stage m_stage = Stage::Idle;
    bool m_running = false;
    bool m_stopRequested = false;
    bool m_restarted = false;
    bool m_linkLost = false;
    int m_nextStep = 0;
    int m_failedStep = -1;
    QString m_failure;
    int m_nextCheck = 0;
    int m_checkPhase = 0;       // mqtt_loopback: 0 subscribe/publish, 1 waiting, 2 cleanup
    bool m_loopbackSeen = false;
    CheckResult::Verdict m_pendingVerdict = CheckResult::Verdict::Skipped; // decided before the cleanup
    QString m_pendingDetail;
    QElapsedTimer m_checkClock;
    int m_sntpAttempts = 0;
    QString m_stepText;
    int m_stepsDone = 0;
    int m_stepsTotal = 0;
    QElapsedTimer m_clock;
    QElapsedTimer m_stageClock;
    QList<QMetaObject::Connection> m_sessionConnections;
};

} // namespace atb
