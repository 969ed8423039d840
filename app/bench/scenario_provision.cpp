// Provisioning station: N simulated modules provisioned at once with a full profile, N = 1, 4, 16
// (--quick: 1, 4). Each module is its own atbench-sim process on its own pty at 115200 baud
// (10 ms simulated network latency, as in the field), with a distinct MAC; the host side is a
// Station (one ModuleConnection = session + I/O thread per module, ProfileRunners in the main
// thread), exactly as `atbench-cli provision` runs it. The profile sets every section (persistence,
// Wi-Fi join, connection modes, DNS, SNTP against a local SNTP responder, TLS PSK, MQTT with last
// will and two subscriptions against a local mosquitto) and runs every post-check (ping, name
// lookup, SNTP time, MQTT loop-back). Value: wall time from start to the last verdict; baseline:
// N = 1 in the same run; goal: N = 16 at most 1.2 x N = 1, every module verified. Also reported:
// CPU of this process and of the simulators, peak RSS, the host's CPU count.
#ifdef ATBENCH_HAVE_SIMULATOR
#include "benchutil.h"
#include "scenarios.h"

#include "localntp.h"        // tests/common: the same local SNTP responder the tests use
#include "mosquittobroker.h" // tests/common: the same local broker the tests use
#include "provisioning/station.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QThread>

#include <memory>
#include <unistd.h>
#include <vector>

namespace atb::bench {

namespace {

constexpr qint64 kBaud = 115200;

// One atbench-sim process serving a pty link.
class SimModule
{
public:
    ~SimModule()
    {
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.terminate();
            if (!m_proc.waitForFinished(5000))
                m_proc.kill();
        }
    }
    bool start(const QString &link, int index, QString *error)
    {
        // Beside this program, or one folder up (the build tree: app/bench/atbench-bench, app/atbench-sim).
        const QString dir = QCoreApplication::applicationDirPath();
        m_proc.setProgram(QFile::exists(dir + QStringLiteral("/atbench-sim")) ? dir + QStringLiteral("/atbench-sim")
                                                                             : dir + QStringLiteral("/../atbench-sim"));
        m_proc.setArguments({ QStringLiteral("--pty"), link, QStringLiteral("--loopback-only"), QStringLiteral("--baud"),
                              QString::number(kBaud), QStringLiteral("--mac"),
                              QStringLiteral("02:be:00:00:%1:%2").arg(index / 256, 2, 16, QLatin1Char('0')).arg(index % 256, 2, 16, QLatin1Char('0')) });
        m_proc.start();
        if (!m_proc.waitForStarted(5000)) {
            *error = m_proc.errorString();
            return false;
        }
        QDeadlineTimer d(10000);
        while (!m_proc.canReadLine() && !d.hasExpired() && m_proc.state() == QProcess::Running)
            m_proc.waitForReadyRead(100);
        if (!m_proc.readLine().startsWith("READY")) {
            *error = QStringLiteral("atbench-sim did not start: %1").arg(QString::fromUtf8(m_proc.readAllStandardError()));
            return false;
        }
        return true;
    }
    // user + system CPU of the process so far, from /proc.
    double cpuSeconds() const
    {
        QFile f(QStringLiteral("/proc/%1/stat").arg(m_proc.processId()));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        const QByteArray s = f.readAll();
        const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
        // fields[0] is the state (field 3); utime and stime are fields 14 and 15.
        return (fields.value(11).toDouble() + fields.value(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
    }

private:
    QProcess m_proc;
};

Profile fullProfile(quint16 brokerPort, const QString &ntp)
{
    QJsonObject o { { "format", "atbench-profile" }, { "version", 1 }, { "name", "bench: every section" }, { "dialect", "esp" } };
    o.insert("persistence", QJsonObject { { "store", true } });
    o.insert("wifi", QJsonObject { { "mode", "station" }, { "ssid", "BenchAP" }, { "password", QJsonObject { { "secret", "wifi.password" } } } });
    o.insert("connection", QJsonObject { { "multiple_connections", true }, { "transmission", "normal" }, { "receive_mode", "active" } });
    o.insert("dns", QJsonObject { { "automatic", false }, { "servers", QJsonArray { "192.0.2.53", "198.51.100.53" } } });
    o.insert("sntp", QJsonObject { { "enabled", true }, { "timezone", 8 }, { "servers", QJsonArray { ntp } } });
    o.insert("tls_psk", QJsonObject { { "psk", QJsonObject { { "secret", "tls.psk" } } }, { "hint", "bench" } });
    o.insert("mqtt", QJsonObject { { "scheme", 1 }, { "client_id", "bench-${MAC6}" }, { "username", "bench" },
                                   { "password", QJsonObject { { "secret", "mqtt.password" } } }, { "keepalive", 60 },
                                   { "last_will", QJsonObject { { "topic", "bench/${MAC6}/status" }, { "message", "offline" }, { "qos", 1 } } },
                                   { "host", "127.0.0.1" }, { "port", int(brokerPort) },
                                   { "subscriptions", QJsonArray { QJsonObject { { "topic", "bench/${MAC6}/cmd" }, { "qos", 1 } },
                                                                   QJsonObject { { "topic", "bench/all" }, { "qos", 0 } } } } });
    o.insert("post_checks", QJsonArray { QJsonObject { { "check", "ping" }, { "host", "127.0.0.1" } },
                                         QJsonObject { { "check", "resolve" }, { "name", "localhost" } },
                                         QJsonObject { { "check", "sntp_time" }, { "max_offset_s", 60 } },
                                         QJsonObject { { "check", "mqtt_loopback" }, { "topic", "bench/${MAC6}/cmd" }, { "message", "module ${INDEX}" } } });
    QList<JsonIssue> issues;
    return Profile::fromJson(o, &issues).value_or(Profile());
}

struct RunResult
{
    QString error;
    double wallS = 0;
    int passed = 0;
    double benchCpuS = 0;
    double simCpuS = 0;
    QList<double> moduleS;
    int fields = 0;
    int commands = 0;
};

RunResult provisionMany(int n, const Profile &profile, const QTemporaryDir &dir)
{
    RunResult out;
    std::vector<std::unique_ptr<SimModule>> sims;
    Station station;
    Station::Settings s;
    s.profile = profile;
    s.secrets = { { "wifi.password", "12345678" }, { "tls.psk", "benchpsk" }, { "mqtt.password", "benchpw" } };
    s.mode = ProfileRunner::Mode::All;
    s.baud = qint32(kBaud);
    station.setSettings(s);
    for (int i = 1; i <= n; ++i) {
        const QString link = dir.filePath(QStringLiteral("tty-%1-%2").arg(n).arg(i));
        auto sim = std::make_unique<SimModule>();
        if (!sim->start(link, n * 100 + i, &out.error))
            return out;
        sims.push_back(std::move(sim));
        PortSpec spec = PortSpec::parse(link).value();
        spec.serial.baudRate = qint32(kBaud);
        station.addPort(spec);
    }
    bool done = false;
    QObject::connect(&station, &Station::allFinished, [&done] { done = true; });
    const ProcessUsage before = processUsage();
    QElapsedTimer wall;
    wall.start();
    station.start();
    if (!waitFor([&done] { return done; }, 600000)) {
        out.error = QStringLiteral("the station did not finish within 10 minutes");
        return out;
    }
    out.wallS = double(wall.nsecsElapsed()) / 1e9;
    out.benchCpuS = processUsage().cpuSeconds - before.cpuSeconds;
    for (const auto &sim : sims)
        out.simCpuS += sim->cpuSeconds();
    for (const StationModule &m : station.modules()) {
        if (m.state == StationModule::State::Passed)
            ++out.passed;
        else if (out.error.isEmpty())
            out.error = m.port + QLatin1String(": ") + m.error;
        out.moduleS << double(m.report.durationMs()) / 1000.0;
        out.fields += int(m.report.fields.size());
        out.commands += m.report.commandsSent();
    }
    return out;
}

} // namespace

QList<QJsonObject> runProvisionScenario(const Options &opt)
{
    QList<QJsonObject> out;
    mqtttest::MosquittoBroker broker;
    LocalNtp ntp;
    QString error;
    const QList<int> counts = opt.quick ? QList<int> { 1, 4 } : QList<int> { 1, 4, 16 };
    if (!broker.start(&error)) {
        QJsonObject o = result(QStringLiteral("provision"), 0, QStringLiteral("s"), 0, 0, QString(), false);
        o.insert(QStringLiteral("error"), error);
        return { o };
    }
    const Profile profile = fullProfile(broker.port(), ntp.address());
    QTemporaryDir dir;
    double baseline = 0;
    for (const int n : counts) {
        const RunResult r = provisionMany(n, profile, dir);
        if (n == 1)
            baseline = r.wallS;
        const double ratio = baseline > 0 ? r.wallS / baseline : 0;
        const bool allPassed = r.error.isEmpty() && r.passed == n;
        const bool pass = allPassed && (n == 1 || ratio <= 1.2);
        QJsonObject o = result(QStringLiteral("provision"), r.wallS, QStringLiteral("s"), baseline, ratio,
                               QStringLiteral("wall(N) <= 1.2 x wall(1), every module verified"), pass);
        o.insert(QStringLiteral("modules"), n);
        o.insert(QStringLiteral("modules_passed"), r.passed);
        o.insert(QStringLiteral("fields_verified"), r.fields);
        o.insert(QStringLiteral("commands_sent"), r.commands);
        QList<double> times = r.moduleS;
        std::sort(times.begin(), times.end());
        o.insert(QStringLiteral("module_s_median"), times.isEmpty() ? 0 : times[times.size() / 2]);
        o.insert(QStringLiteral("module_s_max"), times.isEmpty() ? 0 : times.last());
        o.insert(QStringLiteral("run_cpu_s"), r.benchCpuS);
        o.insert(QStringLiteral("sim_cpu_s"), r.simCpuS);
        o.insert(QStringLiteral("host_cpus"), QThread::idealThreadCount());
        if (!r.error.isEmpty())
            o.insert(QStringLiteral("error"), r.error);
        out << o;
    }
    return out;
}

} // namespace atb::bench

#endif
