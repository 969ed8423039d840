#pragma once

// A DeviceSession (in the test thread) talking to the real simulator (atb::sim::SimulatedModule)
// in-process over a PipeTransport pair, plus a DeviceModel fed by the session like in the app.
// `sent` collects every command line the module received (what a form "sent"), so page and
// service tests can assert the exact AT lines. Peers the tests start must listen on 127.0.0.1.

#include "crlflines.h"
#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "simulator/simulatedmodule.h"
#include "transport/pipetransport.h"

#include <QList>
#include <QTest>

class SimHarness
{
public:
    explicit SimHarness(atb::sim::Dialect dialect = atb::sim::Dialect::Esp, bool wifiConnected = false)
        : SimHarness(options(dialect, wifiConnected))
    {
    }

    // Any module options (access points, MAC, faults, latency); the harness still sets an
    // unthrottled line, no boot delay and loopback only.
    explicit SimHarness(atb::sim::SimulatedModule::Options o)
    {
        const atb::sim::Dialect dialect = o.dialect;
        model.follow(&session);
        o.baud = 0;
        o.bootDelayMs = 0;
        o.loopbackOnly = true; // nothing leaves the machine
        module = new atb::sim::SimulatedModule(o);
        auto [host, device] = atb::PipeTransport::createPair(QStringLiteral("sim"));
        m_device = device;
        m_device->open();
        QObject::connect(m_device, &atb::Transport::received, module, &atb::sim::SimulatedModule::receiveFromHost);
        QObject::connect(m_device, &atb::Transport::received, m_device, [this](const QByteArray &b) {
            m_rx += b;
            QByteArray line;
            while (takeCrLfLine(m_rx, &line))
                sent << line;
        });
        QObject::connect(module, &atb::sim::SimulatedModule::sendToHost, m_device, &atb::Transport::write);
        if (dialect != atb::sim::Dialect::Esp)
            model.setDialect(atb::Dialect::Beken);
        session.openWith([host = host](QObject *parent) {
            host->setParent(parent);
            return host;
        });
        module->start();
    }

    static atb::sim::SimulatedModule::Options options(atb::sim::Dialect dialect, bool wifiConnected)
    {
        atb::sim::SimulatedModule::Options o;
        o.dialect = dialect;
        o.wifiConnected = wifiConnected;
        return o;
    }

    ~SimHarness()
    {
        session.close();
        module->stop();
        delete module;
        delete m_device;
    }

    // Waits for the link and turns echo off, so `sent` starts clean.
    bool ready()
    {
        if (!QTest::qWaitFor([this] { return session.state() == atb::DeviceSession::State::Connected; }, 5000))
            return false;
        const bool ok = roundTrip("ATE0");
        sent.clear();
        return ok;
    }

    // True once everything submitted before the call has been through the one command queue:
    // an "AT" goes in behind it and its answer is awaited, then it is taken off `sent` again.
    // Tests check that nothing was sent this way rather than by waiting an arbitrary time.
    bool drain()
    {
        if (!roundTrip("AT") || sent.isEmpty() || sent.last() != "AT")
            return false;
        sent.removeLast();
        return true;
    }

    atb::DeviceSession session;
    atb::DeviceModel model;
    atb::sim::SimulatedModule *module = nullptr;
    QList<QByteArray> sent; // command lines (and data-phase bytes, when they end in CR LF)

private:
    // Submits line and waits for its own result (not an earlier command's).
    bool roundTrip(const QByteArray &line)
    {
        quint64 id = 0;
        bool finished = false;
        QObject ctx;
        QObject::connect(&session, &atb::DeviceSession::commandFinished, &ctx, [&](const atb::AtResult &r) {
            if (r.id == id)
                finished = true;
        });
        id = session.submit(atb::AtCommand::fromLine(line));
        return QTest::qWaitFor([&finished] { return finished; }, 5000);
    }

    atb::PipeTransport *m_device = nullptr;
    QByteArray m_rx;
};
