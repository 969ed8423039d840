#pragma once

#include "protocol/dialect.h"
#include "services/commandrunner.h"

#include <QObject>
#include <QPointer>

namespace atb {

class DeviceModel;
class DeviceSession;

// What the System page changes: -1 leaves a setting as it is.
struct SystemSettings
{
    int store = -1;  // AT+SYSSTORE: 1 configuration changes are saved to flash, 0 they are not
    int sysLog = -1; // AT+SYSLOG (ESP-AT): 1 failures carry ERR CODE lines, 0 they do not
    bool operator==(const SystemSettings &o) const { return store == o.store && sysLog == o.sysLog; }
};

// The module as a whole: version (AT+GMR), whether settings persist (AT+SYSSTORE), error codes
// (AT+SYSLOG, ESP-AT), restart (AT+RST) and factory reset (AT+RESTORE). Plans are pure; the
// store mode follows the replies of every command (the console's too), the rest is the model's.
class SystemService : public QObject
{
    Q_OBJECT
public:
    SystemService(DeviceSession *session, DeviceModel *model, QObject *parent = nullptr);

    // errorParam: "store_mode", "status" (the catalog's names).
    OperationPlan planRead() const;
    // Only what differs from what the module reported; then reads it back.
    OperationPlan planApply(const SystemSettings &settings) const;
    OperationPlan planRestart() const; // AT+RST
    OperationPlan planRestore() const; // AT+RESTORE: factory settings, then a restart

    OperationPlan read();
    OperationPlan apply(const SystemSettings &settings);
    OperationPlan restart();
    OperationPlan restore();

    bool isBusy() const { return m_runner->isBusy(); }
    // AT+SYSSTORE as last reported or set: -1 unknown.
    int store() const { return m_store; }
    // The module came back after a restart or restore ("ready") since the last one started.
    bool rebooted() const { return m_rebooted; }

signals:
    void busyChanged(bool busy);
    void finished(const atb::OperationResult &result);
    void stateChanged();

private:
    enum class Op { None, Read, Apply, Restart, Restore };
    OperationPlan start(Op op, const QString &label, const OperationPlan &plan);
    Dialect dialect() const;
    void onCommandFinished(const AtResult &result);
    void onRunnerFinished(const OperationResult &result);

    QPointer<DeviceSession> m_session;
    QPointer<DeviceModel> m_model;
    CommandRunner *m_runner;
    Op m_op = Op::None;
    int m_store = -1;
    bool m_rebooted = false;
};

} // namespace atb
