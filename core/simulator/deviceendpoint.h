#pragma once
// DeviceEndpoint: what a front end (PtyFrontEnd, TcpFrontEnd) or an in-process pipe drives: the
// device side of the wire. SimulatedModule (a module that executes commands) and ReplayModule
// (a module that answers from a recording) are the two kinds.
#include <QByteArray>
#include <QObject>

namespace atb::sim {

class DeviceEndpoint : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Powers the device on (the boot banner follows) and off.
    virtual void start() = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;
    // Bytes received from the host but not yet consumed (pacing backlog; front ends stop
    // reading the host above a threshold).
    virtual qint64 pendingFromHost() const { return 0; }
    // Front ends report bytes a real UART would have lost (host not reading in time).
    virtual void reportOverrun(qint64 bytes) { Q_UNUSED(bytes); }

public slots:
    virtual void receiveFromHost(const QByteArray &bytes) = 0;

signals:
    void sendToHost(const QByteArray &bytes);
    void booted(); // the boot banner has been queued (or there is none)
};

} // namespace atb::sim
