#include "simulator/ptyfrontend.h"

#include "simulator/simlogging.h"
#include "simulator/deviceendpoint.h"

#include <QFile>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

namespace atb::sim {

PtyFrontEnd::PtyFrontEnd(DeviceEndpoint *module, const QString &linkPath, QObject *parent)
    : QObject(parent), m_module(module), m_linkPath(linkPath)
{
}

PtyFrontEnd::~PtyFrontEnd()
{
    delete m_notifier;
    if (m_master >= 0)
        ::close(m_master);
    if (m_slave >= 0)
        ::close(m_slave);
    if (m_linkCreated)
        ::unlink(QFile::encodeName(m_linkPath).constData());
}

bool PtyFrontEnd::open(QString *error)
{
    auto fail = [&](const QString &what) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    };
    if (::openpty(&m_master, &m_slave, nullptr, nullptr, nullptr) != 0)
        return fail(QStringLiteral("openpty"));
    termios t {};
    if (::tcgetattr(m_slave, &t) == 0) {
        ::cfmakeraw(&t);
        ::cfsetispeed(&t, B115200);
        ::cfsetospeed(&t, B115200);
        ::tcsetattr(m_slave, TCSANOW, &t);
    }
    ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
    ::fcntl(m_master, F_SETFD, FD_CLOEXEC);
    ::fcntl(m_slave, F_SETFD, FD_CLOEXEC);
    m_slavePath = QString::fromLocal8Bit(::ttyname(m_slave));
    const QByteArray link = QFile::encodeName(m_linkPath);
    QFileInfo fi(m_linkPath);
    if (fi.isSymLink())
        ::unlink(link.constData());
    else if (fi.exists()) {
        errno = EEXIST;
        return fail(QStringLiteral("%1 exists and is not a symlink").arg(m_linkPath));
    }
    if (::symlink(QFile::encodeName(m_slavePath).constData(), link.constData()) != 0)
        return fail(QStringLiteral("symlink %1 -> %2").arg(m_linkPath, m_slavePath));
    m_linkCreated = true;
    m_notifier = new QSocketNotifier(m_master, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &PtyFrontEnd::onReadable);
    connect(m_module, &DeviceEndpoint::sendToHost, this, &PtyFrontEnd::write);
    qCInfo(lcSimWire).noquote() << "pty" << m_slavePath << "linked as" << m_linkPath;
    return true;
}

void PtyFrontEnd::onReadable()
{
    static constexpr qint64 kMaxBacklog = 16 * 1024;
    if (m_module->pendingFromHost() > kMaxBacklog) {
        m_notifier->setEnabled(false);
        if (!m_resume) {
            m_resume = new QTimer(this);
            m_resume->setInterval(2);
            connect(m_resume, &QTimer::timeout, this, [this]() {
                if (m_module->pendingFromHost() <= kMaxBacklog) {
                    m_resume->stop();
                    m_notifier->setEnabled(true);
                }
            });
        }
        m_resume->start();
        return;
    }
    char buf[16384];
    for (;;) {
        const ssize_t n = ::read(m_master, buf, sizeof buf);
        if (n > 0) {
            m_module->receiveFromHost(QByteArray(buf, int(n)));
            if (m_module->pendingFromHost() > kMaxBacklog)
                return; // the next activation parks the notifier
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        return; // EAGAIN, or EIO while no one has the slave open (cannot happen: we hold it)
    }
}

void PtyFrontEnd::write(const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_master, bytes.constData() + done, size_t(bytes.size() - done));
        if (n > 0) {
            done += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        break; // EAGAIN: the host is not reading; a UART would lose these bytes
    }
    if (done < bytes.size()) {
        qCDebug(lcSimWire) << "overrun" << (bytes.size() - done) << "bytes";
        m_module->reportOverrun(bytes.size() - done);
    }
}

} // namespace atb::sim
