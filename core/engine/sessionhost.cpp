#include "sessionhost.h"

#include "devicesession.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>
#include <atomic>

namespace atb {

// The I/O thread: runs the event loop, then ends the session's link in this thread.
class SessionHost::IoThread : public QThread
{
public:
    IoThread(DeviceSession *session, QThread *owner) : m_session(session), m_owner(owner) { }

    // True once run() has handed the session back. Read by the owner after wait(): the acquire
    // pairs with run()'s release, an edge ThreadSanitizer sees even when the thread ended before
    // wait() was called (QThread then answers from its own, uninstrumented, state).
    bool handedBack() const { return m_handedBack.load(std::memory_order_acquire); }

protected:
    void run() override
    {
        exec();
        m_session->close(); // in this thread: inline, not queued
        // The transport (and a simulated module under it) was deleteLater()'d by close(): delete
        // it here, in the thread its sockets and timers belong to.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        // Stop the session's timers here: moving an object with a running timer makes Qt post
        // the timers' list to the new thread, and the owner deletes the session before its
        // event loop takes that event, so the list leaked (LeakSanitizer, 24 + 30 bytes a timer).
        for (QTimer *t : m_session->findChildren<QTimer *>())
            t->stop();
        m_session->moveToThread(m_owner);
        m_handedBack.store(true, std::memory_order_release);
    }

private:
    DeviceSession *m_session;
    QThread *m_owner;
    std::atomic<bool> m_handedBack { false };
};

SessionHost::SessionHost(const QString &threadName)
{
    m_session = new DeviceSession;
    m_thread = std::make_unique<IoThread>(m_session, QThread::currentThread());
    m_thread->setObjectName(threadName);
    m_session->moveToThread(m_thread.get());
    m_thread->start();
}

SessionHost::~SessionHost()
{
    Q_ASSERT_X(QThread::currentThread() != m_thread.get(), "SessionHost", "destroyed in its own I/O thread");
    m_thread->quit();
    m_thread->wait();
    if (!m_thread->handedBack())
        qWarning("SessionHost: the I/O thread ended without closing the session");
    delete m_session;
}

} // namespace atb
