#pragma once

#include "engine/atcommand.h"
#include "services/operationplan.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

namespace atb {

class DeviceSession;

// The outcome of one service operation (a short sequence of commands).
struct OperationResult
{
    bool ok = false;
    QString label;            // what was attempted: "Join Wi-Fi", "Set DNS servers", ...
    QString message;          // one human sentence: success, or the decoded reason of the failure
    QList<AtResult> results;  // in order; the last one is the failure when !ok
    bool cancelled = false;
};

// Runs commands through a DeviceSession one after the other, stopping at the first failure,
// and turns the outcome into words (ERR CODE decoded, MQTT 0x60xx meaning, timeouts, ...).
// Services own one each; pages show busy() and the finished() message.
class CommandRunner : public QObject
{
    Q_OBJECT
public:
    explicit CommandRunner(DeviceSession *session, QObject *parent = nullptr);

    bool isBusy() const { return m_busy; }
    // Returns false (and does nothing) when an operation is already running.
    bool run(const QString &label, const QList<AtCommand> &commands);
    // Who sends (the service: "wifi", "mqtt", ...): the origin of every command that has none,
    // so logs and recordings tell which page sent what.
    void setOrigin(const QString &origin) { m_origin = origin; }
    QString origin() const { return m_origin; }
    // Why `plan` cannot start now: its own error, nothing to send, or another operation still
    // running. Empty when it can.
    QString refusal(const OperationPlan &plan) const;
    // Runs the plan's commands unless refusal() says why not. Returns the plan; when nothing
    // started, its error holds the reason. `beforeRun` is called right before the first command
    // is submitted (services note which operation is under way there).
    OperationPlan start(const QString &label, OperationPlan plan, const std::function<void()> &beforeRun = {});
    void cancel();

    // "AT+MQTTCONN failed: MQTT: ... (AT_MQTT_NO_CONFIGURED)"; never bare hex.
    static QString describe(const AtResult &result);

signals:
    void busyChanged(bool busy);
    void commandDone(const atb::AtResult &result);
    void finished(const atb::OperationResult &result);

private:
    void submitNext();
    void onFinished(const AtResult &result);
    void finish(bool ok, const QString &message, bool cancelled = false);

    QPointer<DeviceSession> m_session;
    QString m_origin;
    QList<AtCommand> m_todo;
    OperationResult m_current;
    quint64 m_waitingFor = 0;
    bool m_busy = false;
};

} // namespace atb

Q_DECLARE_METATYPE(atb::OperationResult)
