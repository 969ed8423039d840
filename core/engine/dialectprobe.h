#pragma once

#include "engine/atcommand.h"
#include "protocol/dialect.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace atb {

class DeviceSession;

// What the probe found out about the firmware family on the other end of the link.
struct DialectProbeResult
{
    enum class Confidence { None, Low, High };
    bool answered = false;          // the module replied to anything at all
    Dialect dialect = Dialect::Esp; // meaningful when confidence > None
    Confidence confidence = Confidence::None;
    QString evidence;               // one sentence: which reply decided it
    QStringList firmware;           // AT+GMR information lines, as printed

    bool detected() const { return confidence != Confidence::None; }
};

// Finds out whether the module speaks ESP-AT or Beken ATSVR (protocol.md 1.3): AT+GMR first
// ("AT version:" -> ESP; "ATSVR"/"BK72xx" -> Beken), then, when that does not decide,
// AT+CIPSTATUS? (Beken answers +BIPSTATUS with no final code, ESP rejects the query form).
// Any "CMDRSP:" final also means Beken. Commands go through the session's queue (origin
// "probe"), so they never interleave with other commands.
class DialectProbe : public QObject
{
    Q_OBJECT
public:
    explicit DialectProbe(DeviceSession *session, QObject *parent = nullptr);

    // The exact lines the probe may send, in order (the second only when GMR did not decide).
    static QList<QByteArray> probeLines();

    bool isRunning() const { return m_running; }
    // Returns false when a probe is already running.
    bool start();
    void cancel();

    // Decision rules, also usable on a capture: GMR lines, then the CIPSTATUS? reply.
    static DialectProbeResult classifyGmr(const AtResult &gmr);
    static DialectProbeResult classifyStatus(const AtResult &status, const DialectProbeResult &fromGmr);

signals:
    void finished(const atb::DialectProbeResult &result);

private:
    void onFinished(const AtResult &result);
    void finish(const DialectProbeResult &result);

    QPointer<DeviceSession> m_session;
    quint64 m_waiting = 0;
    int m_step = 0;
    bool m_running = false;
    DialectProbeResult m_partial;
};

} // namespace atb

Q_DECLARE_METATYPE(atb::DialectProbeResult)
