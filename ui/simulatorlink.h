#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace atb {
class Transport;
}

// Wires the built-in simulated module (atb::sim::SimulatedModule) to a DeviceSession through an
// in-process pipe: factory() gives the session the host end; the device end and the module
// live beside it (in the session's thread) and are destroyed with it when the session closes.
class SimulatorLink : public QObject
{
    Q_OBJECT
public:
    enum class Flavour { Esp, Beken };
    Q_ENUM(Flavour)

    explicit SimulatorLink(QObject *parent = nullptr);
    ~SimulatorLink() override;

    // True when the simulator library is linked in (otherwise a small canned responder that
    // knows a handful of commands stands in, so screenshots still show a conversation).
    static bool isBuiltIn();
    static QString displayName(Flavour flavour);

    // The access points the built-in module's Wi-Fi sees, with their passwords (BenchAP /
    // 12345678 by default): a newcomer needs them to join. Empty without the simulator library.
    struct AccessPoint
    {
        QString ssid;
        QString password; // empty: an open network
    };
    static QList<AccessPoint> accessPoints();

    // For DeviceSession::openWith(). Each call creates a fresh module that boots when the
    // session opens the host end.
    // `baud` paces the module like a real UART (baud/10 bytes per second each way; 0 = as fast
    // as possible), so rates and timings in the app look like a real module's.
    // `stationMac` ("aa:bb:cc:dd:ee:ff") gives the module a MAC of its own (several modules at
    // once, a provisioning station); empty: the simulator's default.
    std::function<atb::Transport *(QObject *)> factory(Flavour flavour, qint64 baud = 115200,
                                                       const QString &stationMac = QString());

    // The next module factory() makes answers from this recording instead of simulating
    // (atb::sim::ReplayModule, the policy of atbench-sim --replay); one connection only. False
    // with *error when the file is not a recording or the simulator is not built in.
    bool replayNext(const QString &recordingPath, QString *error = nullptr);

    // Simulates an unplugged cable: the host end of the current pipe reports a fatal error.
    void breakLink();
    bool isActive() const;

signals:
    // A replayed module met a line the recording does not have (what it did about it).
    void replayMismatch(const QString &text);
    // The replayed module has played the recording's last step.
    void replayFinished();

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
};
