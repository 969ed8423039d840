// SimulatedModule: basic commands (P 7.1) and fault injection.
#include "simulator/simulatedmodule.h"

#include "simulator/commandtable.h"
#include "simulator/recorder.h"
#include "simulator/simlogging.h"
#include "simulator/uartpacer.h"

#include "atbench_version.h"

#include <QJsonObject>

namespace atb::sim {

// ---------------------------------------------------------------------------------------------
// Basic commands

void SimulatedModule::cmdBasic(const Command &c)
{
    if (c.name == "AT") {
        finishOk();
    } else if (c.name == "ATE0") {
        m_echo = false;
        finishOk();
    } else if (c.name == "ATE1") {
        m_echo = true;
        finishOk();
    } else if (c.name == "AT+RST") {
        reboot(true);
    } else if (c.name == "AT+RESTORE") {
        finishOk();
        m_storedWifi = false;
        m_sysstore = 1;
        m_dnsEnable = 0;
        m_dnsServers.clear();
        m_uartDefBaud = m_options.baud;
        restoreSettings();
        reboot(false);
    }
}

void SimulatedModule::cmdGmr()
{
    if (isEsp()) {
        // The shape of ESP-AT 2.4 / 3.2 on an ESP32-C3 (P 7.1 #8); the text says honestly that
        // this is a simulator. 3.x prints a "v" before the bin version.
        const QByteArray at = isEsp3() ? "3.2.0.0" : "2.4.0.0";
        const QByteArray sdk = isEsp3() ? "v5.0.4" : "v4.3.2";
        outLine("AT version:" + at + "(atbench-sim " ATBENCH_VERSION " - ESP32C3 - simulated)");
        outLine("SDK version:" + sdk + "(atbench-sim)");
        outLine("compile time(atbench):" __DATE__ " " __TIME__);
        outLine(isEsp3() ? QByteArray("Bin version:v3.2.0.0(SIM)") : QByteArray("Bin version:2.4.0(SIM)"));
    } else {
        outLine("ATSVR-01.01");
        outLine("atbench-sim " ATBENCH_VERSION " (" + dialectName(m_options.dialect).toLatin1() + ")");
    }
    finishOk();
}

void SimulatedModule::cmdCmdList()
{
    int index = 0;
    for (const CommandInfo *ci : allCommands()) {
        if (!hasCommand(ci))
            continue;
        outLine(QByteArray("+CMD:") + QByteArray::number(index++) + ",\"" + ci->name + "\"," + (ci->test ? "1" : "0")
                + "," + (ci->query ? "1" : "0") + "," + (ci->set ? "1" : "0") + "," + (ci->exec ? "1" : "0"));
    }
    finishOk();
}

void SimulatedModule::cmdSysFlag(const Command &c, int *value, int max)
{
    if (c.kind == 'q') {
        outLine(QByteArray(c.name.mid(2)) + ":" + QByteArray::number(*value));
        finishOk();
        return;
    }
    qint64 v = 0;
    if (c.params.size() != 1 || !intParam(c, 0, &v) || v < 0 || v > max) {
        finishError(0x01070000);
        return;
    }
    *value = int(v);
    finishOk();
}

void SimulatedModule::cmdUart(const Command &c)
{
    const bool def = c.name == "AT+UART_DEF";
    if (c.kind == 'q') {
        const qint64 b = def ? m_uartDefBaud : m_pacer->baud();
        outLine(QByteArray(c.name.mid(2)) + ":" + QByteArray::number(b ? b : 115200) + ",8,1,0,0");
        finishOk();
        return;
    }
    qint64 baud = 0, bits = 8, stop = 1, parity = 0, flow = 0;
    if (c.params.size() != 5 || !intParam(c, 0, &baud) || !intParam(c, 1, &bits) || !intParam(c, 2, &stop)
        || !intParam(c, 3, &parity) || !intParam(c, 4, &flow) || baud < 80 || baud > 5000000 || bits < 5
        || bits > 8 || stop < 1 || stop > 3 || parity < 0 || parity > 2 || flow < 0 || flow > 3) {
        finishError(0x01070000);
        return;
    }
    finishOk();
    // Pacing always counts 10 bit times per byte; data bits/parity/stop are accepted but not
    // simulated. An unthrottled simulator (--baud 0) stays unthrottled.
    if (m_pacer->baud() > 0 || m_uartDefBaud > 0) {
        if (def)
            m_uartDefBaud = baud;
        m_pacer->setBaudAfterOutput(baud);
    }
}

// ---------------------------------------------------------------------------------------------
// Faults

void SimulatedModule::armFault(const Fault &f)
{
    if (f.atMs < 0) {
        applyFault(f);
        return;
    }
    auto *t = new QTimer(this);
    t->setSingleShot(true);
    const quint64 gen = m_generation;
    connect(t, &QTimer::timeout, this, [this, f, t, gen]() {
        m_faultTimers.removeOne(t);
        t->deleteLater();
        if (m_running && gen == m_generation)
            applyFault(f);
    });
    m_faultTimers.append(t);
    t->start(int(f.atMs));
}

void SimulatedModule::applyFault(const Fault &f)
{
    qCInfo(lcSim).noquote() << "fault" << f.toString();
    if (m_recorder)
        m_recorder->event(QStringLiteral("fault"), QJsonObject { { QStringLiteral("spec"), f.toString() } });
    switch (f.kind) {
    case Fault::Kind::Busy: m_busyFor += int(f.count); break;
    case Fault::Kind::Error: m_failWith.append(f.code); break;
    case Fault::Kind::Delay: m_replyDelayMs = int(f.delayMs); break;
    case Fault::Kind::Drop: m_dropP = f.probability; break;
    case Fault::Kind::Garble: m_garbleP = f.probability; break;
    case Fault::Kind::Reset: reboot(false); break;
    case Fault::Kind::BrokerDrop: dropBrokerConnection(); break;
    case Fault::Kind::WifiDrop: leaveWifi(true); break;
    case Fault::Kind::JoinFail: m_joinFail = int(f.count); break;
    }
}

void SimulatedModule::injectFault(const Fault &fault)
{
    if (!m_running) {
        m_options.faults.append(fault);
        return;
    }
    armFault(fault);
}

bool SimulatedModule::injectFault(const QString &spec, QString *error)
{
    Fault f;
    if (!Fault::parse(spec, &f, error))
        return false;
    injectFault(f);
    return true;
}

void SimulatedModule::makeBusyFor(int commands) { m_busyFor += commands; }
void SimulatedModule::failNextCommandWith(quint32 errCode) { m_failWith.append(errCode); }
void SimulatedModule::setReplyDelay(int ms) { m_replyDelayMs = qMax(0, ms); }
void SimulatedModule::setDropProbability(double p) { m_dropP = qBound(0.0, p, 1.0); }
void SimulatedModule::setGarbleProbability(double p) { m_garbleP = qBound(0.0, p, 1.0); }
void SimulatedModule::resetSpontaneously() { if (m_running) reboot(false); }
void SimulatedModule::dropWifi() { leaveWifi(true); }

} // namespace atb::sim
