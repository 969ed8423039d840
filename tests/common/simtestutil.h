#pragma once
// Helpers for the simulator tests: atbench-sim as a child on a pty (the test is the host end) and
// an in-process module driver; the local peers (TCP/UDP echo, SNTP responder, mosquitto) come
// from their own headers here. Everything talks to 127.0.0.1 only.
#include "localntp.h"
#include "loopbackpeers.h"
#include "mosquittobroker.h"
#include "ptysim.h"
#include "simulator/simulatedmodule.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTest>

namespace simtest {

// Processes events while waiting (the peers live in this thread).
inline void spin(int ms)
{
    QDeadlineTimer d(ms);
    while (!d.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

// "+++" leaves passthrough only with silence on the line before and after it (>= 20 ms, P 4.1),
// and nothing on the wire says when that silence has passed: this wait is part of the protocol,
// not settling time. Five guard times, so a loaded machine still keeps the module's timer.
constexpr int kGuardSilenceMs = 100;
inline void keepLineSilent(int ms = kGuardSilenceMs) { spin(ms); }

// Processes events until `buffer` (filled by a signal) contains `needle`, then takes everything up
// to and including it out of the buffer; empty when it did not come in time.
inline QByteArray takeUntil(QByteArray &buffer, const QByteArray &needle, int timeoutMs = 5000)
{
    QDeadlineTimer d(timeoutMs);
    while (!buffer.contains(needle) && !d.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const qsizetype i = buffer.indexOf(needle);
    if (i < 0)
        return QByteArray();
    const QByteArray r = buffer.left(i + needle.size());
    buffer.remove(0, i + needle.size());
    return r;
}

// In-process module driver (no pty): collects sendToHost.
class InProc
{
public:
    explicit InProc(atb::sim::SimulatedModule::Options o = {})
    {
        o.loopbackOnly = true;
        if (o.bootDelayMs < 0)
            o.bootDelayMs = 0;
        module = std::make_unique<atb::sim::SimulatedModule>(o);
        QObject::connect(module.get(), &atb::sim::SimulatedModule::sendToHost, module.get(),
                         [this](const QByteArray &b) { out += b; });
        module->start();
        waitIdle();
        out.clear();
    }
    bool waitIdle(int timeoutMs = 5000)
    {
        QDeadlineTimer d(timeoutMs);
        // Let queued work (zero timers, socket events) run at least once.
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        while ((module->isExecuting() || module->pendingToHost() > 0 || module->pendingFromHost() > 0) && !d.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        return !module->isExecuting();
    }
    // Runs one command to completion and returns exactly what the module sent meanwhile.
    QByteArray run(const QByteArray &line, int timeoutMs = 5000)
    {
        out.clear();
        module->receiveFromHost(line + "\r\n");
        waitIdle(timeoutMs);
        const QByteArray r = out;
        out.clear();
        return r;
    }
    // Sends a command that answers with the ">" data prompt; returns the output up to it.
    QByteArray prompt(const QByteArray &line)
    {
        out.clear();
        module->receiveFromHost(line + "\r\n");
        return waitFor(">");
    }
    QByteArray waitFor(const QByteArray &needle, int timeoutMs = 5000) { return takeUntil(out, needle, timeoutMs); }
    std::unique_ptr<atb::sim::SimulatedModule> module;
    QByteArray out;
};

// Names the simulator tests used before the peers moved next to the other test support.
using NtpResponder = ::LocalNtp;
using Mosquitto = mqtttest::MosquittoBroker;
inline quint16 freeTcpPort() { return freeLoopbackPort(); }

} // namespace simtest
