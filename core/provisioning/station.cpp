#include "station.h"

#include "engine/devicesession.h"
#include "transport/portwatcher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace atb {

// The live part of a row: its connection (session and I/O thread) and runner while it runs.
struct Station::Slot
{
    StationModule row;
    std::unique_ptr<ModuleConnection> connection;
    ProfileRunner *runner = nullptr; // child of the connection (goes with it)
    QElapsedTimer clock;
    bool stopRequested = false;
    bool linkLost = false; // the session saw the link go (an adapter pulled before the watcher saw it)
    // The last run's connection, deleted from the event loop: its port is free once it is gone.
    QPointer<ModuleConnection> retiring;
};

QString StationModule::stateName(State s)
{
    switch (s) {
    case State::Waiting: return QStringLiteral("waiting");
    case State::Opening: return QStringLiteral("opening");
    case State::Running: return QStringLiteral("running");
    case State::Passed: return QStringLiteral("pass");
    case State::Failed: return QStringLiteral("fail");
    case State::Stopped: return QStringLiteral("stopped");
    }
    return QString();
}

Station::Station(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<atb::ModuleReport>();
}

Station::~Station()
{
    stopWatching();
    // A finished module's connection is deleted from the event loop (onFinished); when the
    // station goes first (atbench-cli provision returns right after the last verdict), it is
    // deleted here, so its host joins the I/O thread now. Left to a turn of the loop that never
    // comes, the connection leaked and its thread ran on into the program's exit, racing Qt's
    // teardown of its statics (ASan: a double free in QLibraryInfo, tst_cliprovision).
    for (const auto &s : m_modules)
        delete s->retiring.data();
    // Runners and models go with their connections; each host ends its I/O thread.
    m_modules.clear();
}

Station::Slot *Station::slot(int index) const
{
    return index >= 1 && index <= int(m_modules.size()) ? m_modules[size_t(index - 1)].get() : nullptr;
}

const StationModule &Station::module(int index) const
{
    static const StationModule none;
    const Slot *s = slot(index);
    return s ? s->row : none;
}

QList<StationModule> Station::modules() const
{
    QList<StationModule> out;
    for (const auto &s : m_modules)
        out << s->row;
    return out;
}

bool Station::isRunning() const
{
    return std::any_of(m_modules.begin(), m_modules.end(), [](const std::unique_ptr<Slot> &s) {
        return s->row.state == StationModule::State::Opening || s->row.state == StationModule::State::Running;
    });
}

int Station::addPort(const PortSpec &spec, const QString &serial)
{
    auto s = std::make_unique<Slot>();
    s->row.index = int(m_modules.size()) + 1;
    s->row.spec = spec;
    s->row.port = spec.toString();
    s->row.serial = serial;
    s->row.step = tr("waiting");
    m_modules.push_back(std::move(s));
    const int index = int(m_modules.size());
    emit moduleAdded(index);
    return index;
}

void Station::start()
{
    if (!m_started.isValid() || !isRunning())
        m_started = QDateTime::currentDateTimeUtc();
    for (const auto &s : m_modules)
        if (s->row.state == StationModule::State::Waiting)
            startModule(s->row.index);
}

void Station::startModule(int index)
{
    Slot *s = slot(index);
    if (!s || s->row.state == StationModule::State::Opening || s->row.state == StationModule::State::Running)
        return;
    if (s->retiring) {
        // A retry right after the verdict: the previous session still holds the port until its
        // connection is deleted (a serial port is opened exclusively).
        connect(s->retiring, &QObject::destroyed, this, [this, index] { startModule(index); }, Qt::QueuedConnection);
        return;
    }
    if (!m_started.isValid())
        m_started = QDateTime::currentDateTimeUtc();
    StationModule &row = s->row;
    row.state = StationModule::State::Opening;
    row.step = tr("opening");
    row.stepsDone = row.stepsTotal = 0;
    row.error.clear();
    row.removed = false;
    row.report = ModuleReport();
    row.reportFile.clear();
    row.log.clear();
    s->stopRequested = false;
    s->linkLost = false;
    s->clock.start();
    s->connection = std::make_unique<ModuleConnection>();
    if (m_settings.simulatorFactory)
        s->connection->setSimulatorFactory(m_settings.simulatorFactory(index));
    ModuleConnection *c = s->connection.get();
    connect(c, &ModuleConnection::opened, this, [this, s] { onOpened(s); });
    connect(c, &ModuleConnection::failed, this, [this, s](const QString &reason) { onFailedToOpen(s, reason); });
    connect(c, &ModuleConnection::lost, this, [s] { s->linkLost = true; });
    PortSpec spec = row.spec;
    if (spec.kind != PortSpec::Kind::Tcp && spec.serial.baudRate <= 0)
        spec.serial.baudRate = m_settings.baud;
    emit moduleChanged(index);
    c->open(spec, m_settings.dialect, m_settings.openTimeoutMs);
}

void Station::onOpened(Slot *s)
{
    StationModule &row = s->row;
    if (s->stopRequested) {
        onFailedToOpen(s, tr("stopped"));
        return;
    }
    row.state = StationModule::State::Running;
    s->runner = new ProfileRunner(s->connection->session(), s->connection.get());
    connect(s->runner, &ProfileRunner::progress, this, [this, s](const QString &step, int done, int total) {
        s->row.step = step;
        s->row.stepsDone = done;
        s->row.stepsTotal = total;
        if (!s->runner->report().mac.isEmpty())
            s->row.mac = s->runner->report().mac;
        if (!s->runner->report().firmware.isEmpty())
            s->row.firmware = s->runner->report().firmware.first();
        updateElapsed(s);
        emit moduleChanged(s->row.index);
    });
    connect(s->runner, &ProfileRunner::finished, this, [this, s](const ModuleReport &r) { onFinished(s, r); });
    ProfileRunner::Job job;
    job.profile = m_settings.profile;
    job.secrets = m_settings.secrets;
    job.identity.index = row.index;
    job.identity.port = row.port;
    job.identity.serial = row.serial;
    job.mode = m_settings.mode;
    job.openMs = s->clock.elapsed();
    s->runner->start(job);
}

void Station::onFailedToOpen(Slot *s, const QString &reason)
{
    ModuleReport r;
    r.index = s->row.index;
    r.port = s->row.port;
    r.serial = s->row.serial;
    r.profileName = m_settings.profile.name;
    r.profileHash = m_settings.profile.hash();
    r.mode = ProfileRunner::modeName(m_settings.mode);
    r.finished = QDateTime::currentDateTimeUtc();
    r.started = r.finished.addMSecs(-s->clock.elapsed());
    r.openMs = s->clock.elapsed();
    r.step = QStringLiteral("open");
    r.error = reason;
    onFinished(s, r);
}

void Station::onFinished(Slot *s, const ModuleReport &report)
{
    StationModule &row = s->row;
    row.report = report;
    row.mac = report.mac.isEmpty() ? row.mac : report.mac;
    if (!report.firmware.isEmpty())
        row.firmware = report.firmware.first();
    row.error = report.error;
    if (row.removed && !report.passed)
        row.error = tr("The adapter was removed: %1").arg(report.error);
    row.state = report.passed       ? StationModule::State::Passed
                : s->stopRequested ? StationModule::State::Stopped
                                   : StationModule::State::Failed;
    row.step = report.passed ? tr("done") : report.step;
    if (report.passed)
        row.stepsDone = row.stepsTotal;
    updateElapsed(s);
    if (s->connection) {
        row.log = s->connection->session()->log()->snapshot();
        // The port is free for the next module (station mode) as soon as the verdict is known.
        s->connection->close();
    }
    writeReports(s);
    if (m_settings.publish) {
        if (!m_publisher || m_publisher->settings().toString() != m_settings.publish->toString()) {
            delete m_publisher;
            m_publisher = new ReportPublisher(*m_settings.publish, this);
            connect(m_publisher, &ReportPublisher::published, this,
                    [this](int index, const QString &topic, bool ok, const QString &error) {
                        if (!ok)
                            emit reportError(tr("The report of module %1 was not published to %2: %3").arg(index).arg(topic, error));
                    });
            connect(m_publisher, &ReportPublisher::idle, this, &Station::checkAllFinished);
        }
        m_publisher->publish(report);
    }
    // The runner and connection are deleted from the event loop, not from inside their signal.
    if (s->connection) {
        ModuleConnection *c = s->connection.release();
        s->retiring = c;
        c->deleteLater();
        s->runner = nullptr;
    }
    emit moduleChanged(row.index);
    emit moduleFinished(row.index, report);
    checkAllFinished();
}

void Station::updateElapsed(Slot *s)
{
    if (s->clock.isValid())
        s->row.elapsedMs = s->clock.elapsed();
}

void Station::writeReports(Slot *s)
{
    if (m_settings.reportDir.isEmpty() && m_settings.junitFile.isEmpty())
        return;
    QString error;
    const QStringList secrets = secretValues();
    if (!m_settings.reportDir.isEmpty()) {
        s->row.reportFile = BatchReport::writeModule(m_settings.reportDir, s->row.report, secrets, &error);
        if (s->row.reportFile.isEmpty()) {
            emit reportError(error);
            return;
        }
        // The session log beside it (masked on the way in; checked like every other file).
        const QString logFile = s->row.reportFile.chopped(5) + QLatin1String(".log");
        QString text = logText(s->row.index);
        if (std::any_of(secrets.begin(), secrets.end(), [&text](const QString &v) { return v.size() >= 3 && text.contains(v); }))
            emit reportError(tr("%1 would contain a secret; not written").arg(logFile));
        else if (QFile f(logFile); !f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0)
            emit reportError(tr("cannot write %1").arg(logFile));
    }
    if (!batchReport().write(m_settings.reportDir, m_settings.junitFile, secrets, &error))
        emit reportError(error);
}

QString Station::logText(int index) const
{
    const Slot *s = slot(index);
    if (!s)
        return QString();
    QList<LogRecord> records = s->row.log;
    if (s->connection)
        records = s->connection->session()->log()->snapshot();
    QStringList lines;
    for (const LogRecord &r : std::as_const(records))
        lines << QDateTime::fromMSecsSinceEpoch(r.timeMs).toString(QStringLiteral("HH:mm:ss.zzz")) + QLatin1Char(' ')
                     + LogRecord::kindName(r.kind) + QLatin1Char(' ') + QString::fromUtf8(r.text);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

BatchReport Station::batchReport() const
{
    BatchReport b;
    b.profileName = m_settings.profile.name;
    b.profileHash = m_settings.profile.hash();
    b.mode = ProfileRunner::modeName(m_settings.mode);
    b.started = m_started;
    b.finished = QDateTime::currentDateTimeUtc();
    for (const auto &s : m_modules)
        if (s->row.finished())
            b.modules << s->row.report;
    return b;
}

void Station::retry(int index)
{
    Slot *s = slot(index);
    if (!s || !s->row.finished())
        return;
    startModule(index);
}

void Station::stopModule(int index)
{
    Slot *s = slot(index);
    if (!s)
        return;
    s->stopRequested = true;
    if (s->row.state == StationModule::State::Waiting) {
        s->row.state = StationModule::State::Stopped;
        s->row.step = tr("stopped");
        emit moduleChanged(index);
        checkAllFinished();
    } else if (s->row.state == StationModule::State::Opening && s->connection) {
        s->connection->close(); // failed() follows
        onFailedToOpen(s, tr("stopped"));
    } else if (s->runner) {
        s->runner->stop();
    }
}

void Station::stop()
{
    stopWatching();
    for (const auto &s : m_modules)
        if (!s->row.finished())
            stopModule(s->row.index);
}

void Station::clear()
{
    if (isRunning())
        return;
    m_modules.clear();
    m_started = QDateTime();
    emit cleared();
}

void Station::watch(PortWatcher *watcher, bool includePresent)
{
    stopWatching();
    m_watcher = watcher;
    if (!includePresent) {
        // What is plugged in now is the bench's own equipment, not a module to provision.
        watcher->rescan();
    }
    m_watchConnections = { connect(watcher, &PortWatcher::portAdded, this, &Station::onPortAdded),
                           connect(watcher, &PortWatcher::portRemoved, this, &Station::onPortRemoved) };
    if (!m_started.isValid())
        m_started = QDateTime::currentDateTimeUtc();
    if (!watcher->isRunning())
        watcher->start();
    else if (includePresent)
        for (const PortDescription &p : watcher->ports())
            onPortAdded(p);
}

void Station::stopWatching()
{
    for (const QMetaObject::Connection &c : std::as_const(m_watchConnections))
        disconnect(c);
    m_watchConnections.clear();
    m_watcher = nullptr;
}

void Station::onPortAdded(const PortDescription &port)
{
    // The same port may come back (a new module on the same adapter): a new row each time, but
    // never two rows busy on one port.
    for (const auto &s : m_modules)
        if (s->row.port == port.systemLocation && !s->row.finished() && s->row.state != StationModule::State::Waiting)
            return;
    QString error;
    std::optional<PortSpec> spec = PortSpec::parse(port.systemLocation, &error);
    if (!spec)
        return;
    spec->serial.baudRate = m_settings.baud;
    const int index = addPort(*spec, port.serialNumber);
    startModule(index);
}

void Station::onPortRemoved(const PortDescription &port)
{
    for (const auto &s : m_modules) {
        // A running module, or one that just failed because its link went away (the session
        // notices a pulled adapter before the next poll of the watcher does).
        const bool lostIt = s->row.state == StationModule::State::Failed && s->linkLost && !s->row.removed;
        if (s->row.port != port.systemLocation || (s->row.finished() && !lostIt))
            continue;
        s->row.removed = true;
        if (lostIt) {
            s->row.error = tr("The adapter was removed: %1").arg(s->row.report.error);
            s->row.step = tr("adapter removed");
            emit moduleChanged(s->row.index);
            continue;
        }
        s->row.step = tr("adapter removed");
        emit moduleChanged(s->row.index);
        // Its session sees the link go (the read fails at once): the runner reports what was
        // applied. A module still opening fails on its own deadline or at once.
        if (s->row.state == StationModule::State::Opening && s->connection) {
            s->connection->close();
            onFailedToOpen(s.get(), tr("The adapter was removed while the port was opening."));
        }
    }
}

void Station::checkAllFinished()
{
    if (m_watcher || (m_publisher && m_publisher->pending() > 0))
        return;
    const bool all = std::all_of(m_modules.begin(), m_modules.end(), [](const std::unique_ptr<Slot> &s) {
        return s->row.finished() || s->row.state == StationModule::State::Waiting;
    });
    if (all)
        emit allFinished();
}

} // namespace atb
