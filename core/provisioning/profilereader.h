#pragma once

#include "provisioning/readback.h"
#include "services/mqttservice.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace atb {

class DeviceSession;

// Reads everything a module reports about the state a profile describes ("save module as
// profile", the read before an apply, the read-back after it, a support bundle):
//
//   ProfileReader reader(session);            // any open session, in any thread's host
//   connect(&reader, &ProfileReader::finished, ..., [](const ModuleReadBack &r) {
//       Profile p = r.toProfile(port);        // or compare r.values with a profile
//   });
//   reader.start(Dialect::Esp);
//
// The queries (AT+GMR, AT+CIFSR, AT+SYSSTORE?, AT+CWMODE?, AT+CWJAP?, AT+CIPMUX?, AT+CIPMODE?,
// AT+CIPRECVMODE?, AT+CIPDNS?, AT+CIPSNTPCFG?, AT+CIPSSLCPSK?, AT+MQTTCONN?, AT+MQTTSUB?; those
// the dialect's catalog has, see queryLines()) go one after the other through the session's
// command queue (origin "provisioning"), so they never interleave with other commands. Nothing
// is changed on the module. A query the firmware answers with ERROR is noted in
// failedQueries and the read goes on; no answer at all, or the link going away, ends the read
// (complete = false, error says why). The reader lives in its creator's thread and reports
// through finished(), never from inside start().
class ProfileReader : public QObject
{
    Q_OBJECT
public:
    explicit ProfileReader(DeviceSession *session, QObject *parent = nullptr);

    // The exact lines a read sends in `dialect`, in order.
    static QList<QByteArray> queryLines(Dialect dialect);

    // MQTT values the module accepted earlier in this session (MqttService::lastConfig()): the
    // firmware cannot report client id, user name, keep-alive, last will or ALPN, so
    // toProfile() takes them from here instead of the format's defaults. Optional.
    void setSessionHints(const std::optional<MqttConfig> &mqtt) { m_mqttHint = mqtt; }

    bool isRunning() const { return m_running; }
    // False when a read is already running.
    bool start(Dialect dialect);
    void cancel();

    // Parses the replies of a read (also usable on results collected elsewhere).
    static ModuleReadBack interpret(const QList<AtResult> &results, Dialect dialect);

signals:
    void finished(const atb::ModuleReadBack &readBack);

private:
    void submitNext();
    void onCommandFinished(const AtResult &result);
    void finish(const QString &error);

    QPointer<DeviceSession> m_session;
    std::optional<MqttConfig> m_mqttHint;
    Dialect m_dialect = Dialect::Esp;
    QList<QByteArray> m_todo;
    QList<AtResult> m_results;
    quint64 m_waiting = 0;
    bool m_running = false;
};

} // namespace atb

Q_DECLARE_METATYPE(atb::ModuleReadBack)
