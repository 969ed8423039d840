#include "simulator/waketimer.h"

#include <QSocketNotifier>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/timerfd.h>
#include <unistd.h>
#endif

namespace atb::sim {

WakeTimer::WakeTimer(QObject *parent)
    : QObject(parent),
      m_fallback(this)
{
    m_fallback.setSingleShot(true);
    m_fallback.setTimerType(Qt::PreciseTimer);
    connect(&m_fallback, &QTimer::timeout, this, &WakeTimer::fire);
#ifdef Q_OS_LINUX
    m_fd = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
#endif
}

WakeTimer::~WakeTimer()
{
    delete m_notifier;
#ifdef Q_OS_LINUX
    if (m_fd >= 0)
        ::close(m_fd);
#endif
}

void WakeTimer::start(qint64 ns)
{
    m_active = true;
#ifdef Q_OS_LINUX
    if (m_fd >= 0) {
        if (!m_notifier) {
            m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
            connect(m_notifier, &QSocketNotifier::activated, this, [this] {
                quint64 expirations = 0;
                ssize_t n;
                while ((n = ::read(m_fd, &expirations, sizeof expirations)) < 0 && errno == EINTR) {
                }
                // Nothing to read: the timer was moved or stopped after it became readable.
                if (n == ssize_t(sizeof expirations) && expirations > 0 && m_active)
                    fire();
            });
        }
        itimerspec spec {};
        ns = qMax<qint64>(1, ns); // an all-zero it_value would disarm the timer
        spec.it_value.tv_sec = time_t(ns / 1000000000);
        spec.it_value.tv_nsec = long(ns % 1000000000);
        if (::timerfd_settime(m_fd, 0, &spec, nullptr) == 0)
            return;
    }
#endif
    m_fallback.start(int(qBound<qint64>(0, (ns + 999999) / 1000000, qint64(1) << 30)));
}

void WakeTimer::stop()
{
    m_active = false;
    m_fallback.stop();
#ifdef Q_OS_LINUX
    if (m_fd >= 0) {
        itimerspec off {};
        ::timerfd_settime(m_fd, 0, &off, nullptr);
    }
#endif
}

void WakeTimer::fire()
{
    m_active = false;
    emit timeout();
}

} // namespace atb::sim
