// G1-G4, G10, G11: throughput through the whole host stack against the simulator on a
// pseudo-terminal. The simulated module (atb::sim::SimulatedModule paced at the baud rate, with
// its PtyFrontEnd counting overruns) runs in its own thread; the host opens the pty slave with
// the real QSerialPort through a DeviceSession in its own I/O thread (as the app does); the
// ThroughputLab (PC-side TCP peer on 127.0.0.1, self-checking payload) runs in the main thread,
// which plays the GUI thread. Every figure is a ratio to the line rate (baud/10 B/s) or to the
// stop-and-wait model of performance.md 1.5.
#ifdef ATBENCH_HAVE_SIMULATOR
#include "benchutil.h"
#include "scenarios.h"

#include "engine/devicesession.h"
#include "services/throughputlab.h"
#include "simulator/ptyfrontend.h"
#include "simulator/simulatedmodule.h"
#include "stats/throughputmeter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QThread>
#include <QTimer>
#include <sys/resource.h>
#include <unistd.h>

namespace atb::bench {

namespace {

struct RunOutcome
{
    LabResult result;
    bool finished = false;
    double hostCpuS = 0, simCpuS = 0, wallS = 0;
    qint64 overruns = 0;
    QString error;
};

// One lab run on a fresh rig. `during` is called once the data phase runs (for stalls, RSS).
RunOutcome runLab(qint64 baud, LabSettings s, const std::function<void(Rig &, ThroughputLab &)> &during = {})
{
    RunOutcome out;
    Rig rig(baud);
    if (!rig.ready()) {
        out.error = rig.error();
        return out;
    }
    ThroughputLab lab(rig.session);
    lab.setDrainTimeout(3000);
    s.baud = baud;
    s.peerAddress = QStringLiteral("127.0.0.1");
    bool done = false;
    QObject ctx;
    QObject::connect(&lab, &ThroughputLab::finished, &ctx, [&](const LabResult &r) {
        out.result = r;
        done = true;
    });
    const ProcessUsage u0 = processUsage();
    const double sim0 = rig.simCpuSeconds();
    QElapsedTimer wall;
    wall.start();
    if (!lab.start(s).ok()) {
        out.error = lab.lastResult().message;
        return out;
    }
    if (during)
        during(rig, lab);
    out.finished = waitFor([&done] { return done; }, s.durationMs + 60000);
    out.wallS = double(wall.nsecsElapsed()) / 1e9;
    out.simCpuS = rig.simCpuSeconds() - sim0;
    out.hostCpuS = processUsage().cpuSeconds - u0.cpuSeconds - out.simCpuS;
    out.overruns = rig.overruns();
    if (!out.finished)
        out.error = QStringLiteral("the run did not finish");
    else if (!out.result.ok)
        out.error = out.result.message;
    return out;
}

QJsonObject report(const QString &name, qint64 baud, const RunOutcome &o, double value, const QString &unit,
                   double baseline, const QString &target, bool pass)
{
    QJsonObject j = result(name, value, unit, baseline, baseline > 0 ? value / baseline : 0, target, pass && o.error.isEmpty());
    j.insert(QStringLiteral("baud"), baud);
    j.insert(QStringLiteral("line_rate_Bps"), double(baud) / 10.0);
    j.insert(QStringLiteral("goodput_Bps"), o.result.goodputBps);
    j.insert(QStringLiteral("of_line_rate"), o.result.efficiency);
    j.insert(QStringLiteral("sent_bytes"), o.result.sentBytes);
    j.insert(QStringLiteral("delivered_bytes"), o.result.deliveredBytes);
    j.insert(QStringLiteral("lost_bytes"), o.result.lostBytes);
    j.insert(QStringLiteral("integrity_errors"), o.result.integrityErrors);
    j.insert(QStringLiteral("sim_overruns"), o.overruns);
    j.insert(QStringLiteral("elapsed_s"), double(o.result.elapsedMs) / 1000.0);
    j.insert(QStringLiteral("host_cpu_s"), o.hostCpuS);
    j.insert(QStringLiteral("sim_cpu_s"), o.simCpuS);
    j.insert(QStringLiteral("host_cpu_of_core"), o.wallS > 0 ? o.hostCpuS / o.wallS : 0);
    if (!o.error.isEmpty())
        j.insert(QStringLiteral("error"), o.error);
    return j;
}

int durationMs(const ThroughputOptions &opt, double defaultSeconds)
{
    const double s = opt.seconds > 0 ? opt.seconds : (opt.quick ? 2.0 : defaultSeconds);
    return int(s * 1000);
}

} // namespace

// G1: passthrough TX goodput >= 98 % of line rate, no loss.
QList<QJsonObject> runPassthroughTxScenario(const ThroughputOptions &opt)
{
    QList<QJsonObject> out;
    for (qint64 baud : opt.bauds) {
        LabSettings s;
        s.mode = LabSettings::Mode::SendPassthrough;
        s.chunkSize = 2920;
        s.durationMs = durationMs(opt, 10);
        const RunOutcome o = runLab(baud, s);
        const double v = o.result.efficiency;
        out << report(QStringLiteral("passthrough-tx"), baud, o, v, QStringLiteral("of line rate"), 1.0,
                      QStringLiteral(">= 0.98 of line rate, 0 lost"), v >= 0.98 && o.result.lossFree());
    }
    return out;
}

// G2: passthrough RX goodput >= 99 % of line rate, sim overruns 0, no loss.
QList<QJsonObject> runPassthroughRxScenario(const ThroughputOptions &opt)
{
    QList<QJsonObject> out;
    for (qint64 baud : opt.bauds) {
        LabSettings s;
        s.mode = LabSettings::Mode::ReceivePassthrough;
        s.chunkSize = 2920;
        s.durationMs = durationMs(opt, 10);
        const RunOutcome o = runLab(baud, s);
        const double v = o.result.efficiency;
        out << report(QStringLiteral("passthrough-rx"), baud, o, v, QStringLiteral("of line rate"), 1.0,
                      QStringLiteral(">= 0.99 of line rate, 0 overruns, 0 lost"),
                      v >= 0.99 && o.overruns == 0 && o.result.lossFree());
    }
    return out;
}

// G3: normal-mode CIPSEND goodput >= 95 % of the stop-and-wait model (h = 0.06 ms).
QList<QJsonObject> runCipsendScenario(const ThroughputOptions &opt)
{
    QList<QJsonObject> out;
    for (qint64 baud : opt.bauds) {
        for (int chunk : { 2048, 8192 }) {
            if (chunk == 8192 && baud != 3000000)
                continue;
            LabSettings s;
            s.mode = LabSettings::Mode::SendNormal;
            s.chunkSize = chunk;
            s.durationMs = durationMs(opt, 10);
            const RunOutcome o = runLab(baud, s);
            const double model = ThroughputLab::stopAndWaitModel(chunk, baud, 0.06);
            const double v = o.result.efficiency / model;
            QJsonObject j = report(QStringLiteral("cipsend-%1").arg(chunk), baud, o, v, QStringLiteral("of model"),
                                   1.0, QStringLiteral(">= 0.95 of the stop-and-wait model (h = 0.06 ms)"),
                                   v >= 0.95 && o.result.lossFree());
            j.insert(QStringLiteral("model_of_line_rate"), model);
            j.insert(QStringLiteral("chunks"), o.result.chunks);
            out << j;
        }
    }
    return out;
}

// G4: +IPD receive >= 97 % of line rate (3 Mbaud target; every baud reported), no loss.
QList<QJsonObject> runIpdRxScenario(const ThroughputOptions &opt)
{
    QList<QJsonObject> out;
    for (qint64 baud : opt.bauds) {
        LabSettings s;
        s.mode = LabSettings::Mode::Receive;
        s.chunkSize = 1460;
        s.durationMs = durationMs(opt, 10);
        const RunOutcome o = runLab(baud, s);
        const double v = o.result.efficiency;
        out << report(QStringLiteral("ipd-rx"), baud, o, v, QStringLiteral("of line rate"), 1.0,
                      QStringLiteral(">= 0.97 of line rate, 0 lost or misframed"),
                      v >= 0.97 && o.overruns == 0 && o.result.lossFree());
    }
    return out;
}

// G10: a 200 ms stall of the main ("GUI") thread during passthrough RX at 3 Mbaud loses nothing.
// G11: host CPU (process minus the simulator thread) <= 60 % of one core at 3 Mbaud RX.
QList<QJsonObject> runStallScenario(const ThroughputOptions &opt)
{
    QList<QJsonObject> out;
    const qint64 baud = opt.bauds.contains(3000000) || opt.bauds.isEmpty() ? 3000000 : opt.bauds.last();
    LabSettings s;
    s.mode = LabSettings::Mode::ReceivePassthrough;
    s.chunkSize = 2920;
    s.durationMs = durationMs(opt, 5);
    const RunOutcome o = runLab(baud, s, [](Rig &, ThroughputLab &lab) {
        // Once the data flows, block this thread (the one the lab and its peer live in) for 200 ms.
        waitFor([&lab] { return lab.meter()->total(ThroughputPath::RawRx) > 100000; }, 10000);
        QThread::msleep(200);
    });
    QJsonObject j = report(QStringLiteral("gui-stall"), baud, o, double(o.result.lostBytes + o.overruns),
                           QStringLiteral("bytes lost"), 0, QStringLiteral("0 bytes lost after a 200 ms stall"),
                           o.result.lossFree() && o.overruns == 0 && o.result.sentBytes > 0);
    j.insert(QStringLiteral("ratio"), o.result.efficiency);
    out << j;
    const double cpu = o.wallS > 0 ? o.hostCpuS / o.wallS : 0;
    QJsonObject c = report(QStringLiteral("cpu-rx"), baud, o, cpu, QStringLiteral("of one core (host side)"), 0.60,
                           QStringLiteral("<= 0.60 of one core at 3 Mbaud RX"), cpu <= 0.60);
    out << c;
    return out;
}

} // namespace atb::bench
#endif // ATBENCH_HAVE_SIMULATOR
