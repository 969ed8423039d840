#include "simulatorlink.h"

#include "transport/pipetransport.h"

#include <QCoreApplication>
#include <QPointer>
#include <QMutex>
#include <optional>

#ifdef ATBENCH_HAVE_SIMULATOR
#include "simulator/recordingfile.h"
#include "simulator/replaymodule.h"
#include "simulator/simulatedmodule.h"
#endif

using atb::PipeTransport;
using atb::Transport;

// The current host end lives in the session's thread, the link in the GUI's: the pointer and
// the open state are kept under the mutex by the host end's own signals (direct, in its thread),
// so the GUI never reads a transport that thread is changing or deleting.
struct SimulatorLink::Shared
{
    mutable QMutex mutex;
    PipeTransport *host = nullptr;
    bool open = false;
#ifdef ATBENCH_HAVE_SIMULATOR
    std::optional<atb::sim::RecordingFile> replay; // for the next factory() module
#endif
};

namespace {

#ifndef ATBENCH_HAVE_SIMULATOR
// Stand-in used only when the simulator library is not built: answers a few commands with
// canned ESP-AT replies and everything else with ERROR.
class CannedResponder : public QObject
{
public:
    CannedResponder(PipeTransport *device) : QObject(device), m_device(device)
    {
        connect(device, &Transport::received, this, &CannedResponder::feed);
    }
    void boot() { m_device->write("\r\nready\r\n"); }

private:
    void feed(const QByteArray &bytes)
    {
        m_line += bytes;
        qsizetype eol;
        while ((eol = m_line.indexOf("\r\n")) >= 0) {
            const QByteArray line = m_line.left(eol);
            m_line.remove(0, eol + 2);
            QByteArray reply = m_echo ? line + "\r\n" : QByteArray();
            if (line == "AT")
                reply += "\r\nOK\r\n";
            else if (line == "ATE0") {
                m_echo = false;
                reply += "\r\nOK\r\n";
            } else if (line == "ATE1") {
                m_echo = true;
                reply += "\r\nOK\r\n";
            } else if (line == "AT+GMR")
                reply += "AT version:3.4.0.0(canned)\r\nSDK version:v5.0\r\ncompile time:Jan 1 2025\r\n\r\nOK\r\n";
            else if (line == "AT+CIPMUX?")
                reply += "+CIPMUX:0\r\n\r\nOK\r\n";
            else
                reply += "\r\nERROR\r\n";
            m_device->write(reply);
        }
    }
    PipeTransport *m_device;
    QByteArray m_line;
    bool m_echo = true;
};
#endif

} // namespace

SimulatorLink::SimulatorLink(QObject *parent) : QObject(parent), m_shared(std::make_shared<Shared>()) { }

SimulatorLink::~SimulatorLink() = default;

bool SimulatorLink::isBuiltIn()
{
#ifdef ATBENCH_HAVE_SIMULATOR
    return true;
#else
    return false;
#endif
}

QString SimulatorLink::displayName(Flavour flavour)
{
    return flavour == Flavour::Esp ? tr("Simulated module (ESP-AT)") : tr("Simulated module (Beken)");
}

QList<SimulatorLink::AccessPoint> SimulatorLink::accessPoints()
{
    QList<AccessPoint> out;
#ifdef ATBENCH_HAVE_SIMULATOR
    // factory() keeps the simulator's default list, so its defaults are the truth.
    for (const atb::sim::AccessPoint &ap : atb::sim::SimulatedModule::Options().accessPoints)
        out << AccessPoint { ap.ssid, ap.password };
#endif
    return out;
}

bool SimulatorLink::replayNext(const QString &recordingPath, QString *error)
{
#ifdef ATBENCH_HAVE_SIMULATOR
    atb::sim::RecordingFile file;
    if (!atb::sim::RecordingFile::read(recordingPath, &file, error))
        return false;
    QMutexLocker lock(&m_shared->mutex);
    m_shared->replay = file;
    return true;
#else
    Q_UNUSED(recordingPath);
    if (error)
        *error = tr("This build has no simulator to replay into.");
    return false;
#endif
}

std::function<Transport *(QObject *)> SimulatorLink::factory(Flavour flavour, qint64 baud, const QString &stationMac)
{
    const QString name = displayName(flavour);
    std::shared_ptr<Shared> shared = m_shared;
    QPointer<SimulatorLink> self(this);
    return [shared, flavour, name, baud, stationMac, self](QObject *parent) -> Transport * {
        auto [host, device] = PipeTransport::createPair(name, parent);
        host->setNominalBytesPerSecond(baud / 10);
        // The device side and the module die with the host end, which the session owns.
        device->setParent(host);
#ifdef ATBENCH_HAVE_SIMULATOR
        std::optional<atb::sim::RecordingFile> replay;
        {
            QMutexLocker lock(&shared->mutex);
            replay.swap(shared->replay);
        }
        atb::sim::DeviceEndpoint *module = nullptr;
        if (replay) {
            auto *replayModule = new atb::sim::ReplayModule(*replay, atb::sim::ReplayOptions(), device);
            // Reported in the link's (GUI) thread.
            if (SimulatorLink *link = self.data()) {
                QObject::connect(replayModule, &atb::sim::ReplayModule::mismatch, link, &SimulatorLink::replayMismatch);
                QObject::connect(replayModule, &atb::sim::ReplayModule::replayFinished, link, &SimulatorLink::replayFinished);
            }
            module = replayModule;
        } else {
            atb::sim::SimulatedModule::Options options;
            options.dialect = flavour == Flavour::Esp ? atb::sim::Dialect::Esp : atb::sim::Dialect::BekenDoc;
            options.baud = baud;
            // Tests and --screenshot keep the built-in module on this machine: only loopback peers,
            // no name resolution but localhost.
            options.loopbackOnly = qEnvironmentVariableIsSet("ATBENCH_SIM_LOOPBACK_ONLY");
            // Host code meets the timing of a real Wi-Fi network (SEND OK well before the echo).
            options.networkLatencyMs = atb::sim::SimulatedModuleOptions::kFieldLatencyMs;
            options.stationMac = stationMac;
            module = new atb::sim::SimulatedModule(options, device);
        }
        QObject::connect(device, &Transport::received, module, &atb::sim::DeviceEndpoint::receiveFromHost);
        QObject::connect(module, &atb::sim::DeviceEndpoint::sendToHost, device, &PipeTransport::write);
        QObject::connect(host, &Transport::stateChanged, module, [module](Transport::State s) {
            if (s == Transport::State::Open && !module->isRunning())
                module->start();
            else if (s == Transport::State::Closed && module->isRunning())
                module->stop();
        });
#else
        Q_UNUSED(flavour);
        Q_UNUSED(baud);
        Q_UNUSED(stationMac);
        auto *module = new CannedResponder(device);
        QObject::connect(host, &Transport::stateChanged, module, [module](Transport::State s) {
            if (s == Transport::State::Open)
                module->boot();
        });
#endif
        device->open();
        QObject::connect(host, &Transport::stateChanged, host, [shared, host = host](Transport::State s) {
            QMutexLocker lock(&shared->mutex);
            if (shared->host == host)
                shared->open = s == Transport::State::Open;
        }, Qt::DirectConnection);
        QObject::connect(host, &QObject::destroyed, [shared, host = host] {
            QMutexLocker lock(&shared->mutex);
            if (shared->host == host) {
                shared->host = nullptr;
                shared->open = false;
            }
        });
        QMutexLocker lock(&shared->mutex);
        shared->host = host;
        shared->open = false;
        return host;
    };
}

void SimulatorLink::breakLink()
{
    QMutexLocker lock(&m_shared->mutex);
    if (m_shared->host) // alive while the mutex is held: its destroyed() handler waits for it
        QMetaObject::invokeMethod(m_shared->host, "breakLink", Qt::QueuedConnection);
}

bool SimulatorLink::isActive() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->open;
}
