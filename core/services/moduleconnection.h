#pragma once

#include "engine/dialectprobe.h"
#include "protocol/dialect.h"
#include "transport/portspec.h"

#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace atb {

class DeviceModel;
class DeviceSession;
class SessionHost;
class Transport;

// Which dialect to speak: detect it (AT+GMR, then probing) or take the user's word.
enum class DialectChoice { Auto, Esp, Beken };
// "auto", "esp", "beken" (case-insensitive); nullopt otherwise.
std::optional<DialectChoice> dialectChoiceFromName(QStringView name);

// One module on one port, for everything that is not the GUI's main connection: a CLI
// sub-command, a provisioning station's module, a recipe run per port. Owns the session in its
// own I/O thread (SessionHost), a DeviceModel following it, and the opening sequence:
//   1. open the link (serial port with its line settings, TCP bridge, or a built-in simulated
//      module through the simulator factory, where the program provides one);
//   2. AT+GMR (+ AT+CIPSTATUS? when GMR does not decide) through DialectProbe: proves that a
//      module answers, reads its firmware, and detects the dialect;
//   3. applies the dialect (the detected one, or the one given) to the session and the model.
// Then opened() with the probe's findings, or failed() with one sentence that names the port
// and the reason (no such device, refused, no answer within the time limit, ...). A port that
// never answers fails within `timeoutMs`; nothing hangs.
//
// Lives in the thread that creates it (the session's calls are thread-safe). Destroying it
// closes the link and ends the I/O thread (SessionHost).
class ModuleConnection : public QObject
{
    Q_OBJECT
public:
    // Makes the transport of a built-in simulated module ("esp" / "beken") paced at `baud`; runs
    // in the session's thread. Programs that link the simulator provide one.
    using SimulatorFactory = std::function<std::function<Transport *(QObject *)>(const QString &flavour, qint64 baud)>;

    static constexpr int kDefaultTimeoutMs = 8000;

    explicit ModuleConnection(QObject *parent = nullptr);
    ~ModuleConnection() override;

    void setSimulatorFactory(SimulatorFactory factory) { m_simFactory = std::move(factory); }

    // Starts opening; opened() or failed() follows (also for an invalid spec, queued).
    void open(const PortSpec &spec, DialectChoice dialect = DialectChoice::Auto, int timeoutMs = kDefaultTimeoutMs);
    void close();

    DeviceSession *session() const;
    DeviceModel *model() const { return m_model; }
    PortSpec spec() const { return m_spec; }
    bool isOpen() const { return m_opened; }
    DialectProbeResult probe() const { return m_probe; }
    QString errorString() const { return m_error; }

    // Blocking convenience for mains: runs an event loop until opened or failed. Returns true
    // when opened; *error gets the reason otherwise.
    bool openAndWait(const PortSpec &spec, DialectChoice dialect, QString *error,
                     int timeoutMs = kDefaultTimeoutMs);

signals:
    void opened(const atb::DialectProbeResult &probe);
    void failed(const QString &reason);
    // The link went away after it was opened (unplugged adapter, bridge closed).
    void lost(const QString &reason);

private:
    void onLinkUp();
    void onLinkDown();
    void onError(const QString &message);
    void onProbeFinished(const DialectProbeResult &result);
    void fail(const QString &reason);
    QString portName() const;

    std::unique_ptr<SessionHost> m_host;
    DeviceModel *m_model;
    DialectProbe *m_dialectProbe = nullptr;
    SimulatorFactory m_simFactory;
    PortSpec m_spec;
    DialectChoice m_choice = DialectChoice::Auto;
    DialectProbeResult m_probe;
    QTimer m_deadline;
    QString m_error;
    QString m_lastLinkError;
    bool m_opening = false;
    bool m_linkStarted = false; // this open() has seen the link start
    bool m_opened = false;
};

} // namespace atb
