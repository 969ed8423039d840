#pragma once

// Plain POSIX access to one end of a pseudo-terminal, shared by the pty test doubles: raw mode,
// non-blocking reads of whatever is waiting, and writes that wait while the pty is full.

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QDeadlineTimer>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace rawpty {

// No echo, no CR/LF translation, 8 data bits: the line passes bytes like a UART.
inline void makeRaw(int fd)
{
    termios t {};
    ::tcgetattr(fd, &t);
    ::cfmakeraw(&t);
    ::tcsetattr(fd, TCSANOW, &t);
}

inline void setNonBlocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

// Appends everything that can be read now (fd non-blocking); returns how many bytes came.
inline qsizetype readAvailable(int fd, QByteArray &into)
{
    char buf[65536];
    qsizetype total = 0;
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0)
            return total;
        into.append(buf, qsizetype(n));
        total += n;
    }
}

// Writes all of bytes, processing events while the pty is full (the reader may live in this
// thread). False when the deadline passes first.
inline bool writeAll(int fd, QByteArrayView bytes, int timeoutMs = 20000)
{
    qsizetype done = 0;
    QDeadlineTimer d(timeoutMs);
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, size_t(bytes.size() - done));
        if (n > 0)
            done += n;
        else if (d.hasExpired())
            return false;
        else
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    }
    return true;
}

} // namespace rawpty
