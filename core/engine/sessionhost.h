#pragma once

#include <QString>
#include <QtGlobal>
#include <memory>

namespace atb {

class DeviceSession;

// Owns one DeviceSession and the I/O thread it lives in: the way to run a session that must not
// wait for its caller (the app, a CLI or benchmark main, a provisioning station with one host per
// module). Create it on the thread that owns it; use session() from any thread (DeviceSession's
// methods are thread-safe, its signals reach receivers in other threads queued); destroy it on
// the owning thread, at any moment:
//  1. the I/O thread's event loop stops; then, still in the I/O thread, the link is closed (each
//     command not yet answered ends with Status::Disconnected, stateChanged(Disconnected) is
//     emitted, both queued to their receivers), the transport and whatever hangs from it (a
//     built-in simulated module) are deleted there, and the session is handed to the owner;
//  2. the destructor waits for the thread to end and only then deletes the session, in the
//     owner's thread: nothing can touch it any more, so no caller (a GUI reading state(), the
//     app's window) ever races its deletion.
// Work posted to the session after step 1 began is dropped. Receivers connected to the session
// may outlive it; objects holding the pointer (services, pages) must be gone or idle by then.
// N hosts are N threads; creating and destroying them costs a thread start and join each.
class SessionHost
{
public:
    explicit SessionHost(const QString &threadName = QStringLiteral("atbench-io"));
    ~SessionHost();
    Q_DISABLE_COPY_MOVE(SessionHost)

    DeviceSession *session() const { return m_session; }

private:
    class IoThread;
    std::unique_ptr<IoThread> m_thread;
    DeviceSession *m_session = nullptr;
};

} // namespace atb
