#pragma once

#include "log/sessionlog.h"
#include "provisioning/batchreport.h"
#include "provisioning/profilerunner.h"
#include "provisioning/reportpublisher.h"
#include "services/moduleconnection.h"
#include "transport/portlister.h"
#include "transport/portspec.h"
#include "transport/portwatcher.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

namespace atb {

// One module of a station, as its table row shows it.
struct StationModule
{
    enum class State { Waiting, Opening, Running, Passed, Failed, Stopped };

    int index = 0;         // 1-based, the ${INDEX} of the module
    PortSpec spec;
    QString port;          // spec.toString()
    QString serial;        // USB serial number ("" for ptys, bridges, built-in modules)
    State state = State::Waiting;
    QString step;          // what it does now, in words
    int stepsDone = 0;
    int stepsTotal = 0;
    QString mac;
    QString firmware;      // first AT+GMR line
    qint64 elapsedMs = 0;  // open to verdict (running: so far)
    QString error;         // why it failed
    bool removed = false;  // the adapter went away
    ModuleReport report;   // once finished
    QString reportFile;    // the module's JSON report, when a report folder is set
    QList<LogRecord> log;  // the session log (secrets masked), kept when the module finishes

    static QString stateName(State s); // "waiting", "opening", "running", "pass", "fail", "stopped"
    bool finished() const { return state == State::Passed || state == State::Failed || state == State::Stopped; }
};

// A provisioning station: one profile, many modules at once. Each module gets its own
// ModuleConnection (a session in its own I/O thread) and ProfileRunner, so a slow or broken
// module never stalls another; all runners live in the station's thread and only react to
// their sessions' signals. Modules come from a list of ports (addPort + start) or, in station
// mode, from a PortWatcher: every adapter that appears is provisioned as soon as it is there (a
// line worker plugs module after module), and one that disappears is reported on its row (its
// commands end at once as "link lost"; nothing waits for it).
//
// Reports: with a report folder, each module's JSON report (and its session log, masked) is
// written when the module finishes, and the batch's CSV, JUnit XML and HTML are written again
// after every module, so the folder is always current (also in station mode, which has no end).
// With a publish address, each module's report also goes to an MQTT topic (ReportPublisher).
class Station : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        Profile profile;
        QHash<QString, QString> secrets;  // resolved once per batch (SecretResolver)
        ProfileRunner::Mode mode = ProfileRunner::Mode::All;
        DialectChoice dialect = DialectChoice::Auto;
        qint32 baud = 115200;             // serial ports found by the watcher, built-in modules
        int openTimeoutMs = ModuleConnection::kDefaultTimeoutMs;
        QString reportDir;                // empty: no files
        QString junitFile;                // optional extra JUnit path (CI)
        // Each module's report also to an MQTT topic (optional).
        std::optional<ReportPublishSettings> publish;
        // Built-in simulated modules (sim:esp): the factory for module `index` (a distinct MAC each).
        std::function<ModuleConnection::SimulatorFactory(int index)> simulatorFactory;
    };

    explicit Station(QObject *parent = nullptr);
    ~Station() override;

    void setSettings(const Settings &settings) { m_settings = settings; }
    const Settings &settings() const { return m_settings; }

    // Adds a module row (Waiting); returns its index.
    int addPort(const PortSpec &spec, const QString &serial = QString());
    // Starts every waiting module (or only `index`).
    void start();
    void startModule(int index);
    // Runs a finished module again as a new attempt (same index, same port).
    void retry(int index);
    // Stops every module (after the command in flight), and station mode.
    void stop();
    void stopModule(int index);
    // Forgets the rows (nothing may be running).
    void clear();

    // Station mode: modules from the watcher (ports present when it starts are not taken,
    // unless `includePresent`); the watcher is not owned.
    void watch(PortWatcher *watcher, bool includePresent = false);
    void stopWatching();
    bool isWatching() const { return m_watcher != nullptr; }

    bool isRunning() const;
    int moduleCount() const { return int(m_modules.size()); }
    const StationModule &module(int index) const; // 1-based
    QList<StationModule> modules() const;
    BatchReport batchReport() const;
    // The log of module `index` as text (its session log; masked).
    QString logText(int index) const;
    // The batch's secret values, for checks that no file holds one.
    QStringList secretValues() const { return m_settings.secrets.values(); }

signals:
    void moduleAdded(int index);
    void cleared();
    void moduleChanged(int index);
    void moduleFinished(int index, const atb::ModuleReport &report);
    // Every started module has finished and its report is published (not emitted while watching).
    void allFinished();
    void reportError(const QString &message);

private:
    struct Slot;
    Slot *slot(int index) const;
    void onOpened(Slot *s);
    void onFailedToOpen(Slot *s, const QString &reason);
    void onFinished(Slot *s, const ModuleReport &report);
    void onPortAdded(const PortDescription &port);
    void onPortRemoved(const PortDescription &port);
    void updateElapsed(Slot *s);
    void writeReports(Slot *s);
    void checkAllFinished();

    Settings m_settings;
    std::vector<std::unique_ptr<Slot>> m_modules;
    QPointer<PortWatcher> m_watcher;
    ReportPublisher *m_publisher = nullptr;
    QList<QMetaObject::Connection> m_watchConnections;
    QDateTime m_started;
};

} // namespace atb
