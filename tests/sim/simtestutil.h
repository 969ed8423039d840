#pragma once
// Helpers for the simulator tests: a pty-driven atbench-sim child, an in-process module driver,
// and local peers (TCP/UDP echo, NTP responder, mosquitto). Everything talks to 127.0.0.1 only.
#include "simulator/simulatedmodule.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>
#include <QUdpSocket>
#include <QtEndian>

#include <cerrno>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace simtest {

inline QString simBinary() { return QStringLiteral(ATB_BINARY_DIR "/app/atbench-sim"); }

// Processes events while waiting (the peers live in this thread).
inline void spin(int ms)
{
    QDeadlineTimer d(ms);
    while (!d.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

// atbench-sim on a pty, opened with plain POSIX calls in raw mode.
class PtySim
{
public:
    ~PtySim() { stop(); }

    bool start(const QStringList &extraArgs, QString *error = nullptr)
    {
        m_link = m_dir.filePath(QStringLiteral("tty"));
        m_proc.setProgram(simBinary());
        m_proc.setArguments(QStringList { QStringLiteral("--pty"), m_link, QStringLiteral("--loopback-only") } + extraArgs);
        m_proc.setProcessChannelMode(QProcess::SeparateChannels);
        m_proc.start();
        if (!m_proc.waitForStarted(5000)) {
            if (error)
                *error = m_proc.errorString();
            return false;
        }
        QDeadlineTimer d(10000);
        while (!m_proc.canReadLine() && !d.hasExpired() && m_proc.state() == QProcess::Running)
            m_proc.waitForReadyRead(100);
        const QByteArray line = m_proc.readLine();
        if (!line.startsWith("READY")) {
            if (error)
                *error = QStringLiteral("no READY line: %1 / %2").arg(QString::fromUtf8(line), QString::fromUtf8(m_proc.readAllStandardError()));
            return false;
        }
        m_fd = ::open(QFile::encodeName(m_link).constData(), O_RDWR | O_NOCTTY | O_NONBLOCK);
        if (m_fd < 0) {
            if (error)
                *error = QStringLiteral("open %1 failed").arg(m_link);
            return false;
        }
        termios t {};
        ::tcgetattr(m_fd, &t);
        ::cfmakeraw(&t);
        ::tcsetattr(m_fd, TCSANOW, &t);
        return true;
    }

    void stop()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.terminate();
            if (!m_proc.waitForFinished(5000))
                m_proc.kill();
            m_proc.waitForFinished(2000);
            checkSanitizerReport(m_proc.readAllStandardError());
        }
    }
    // Sanitizer builds: make a report from the child visible in the test log.
    static void checkSanitizerReport(const QByteArray &stderrText)
    {
        if (stderrText.contains("Sanitizer") || stderrText.contains("runtime error:"))
            qCritical("atbench-sim reported a sanitizer error:\n%s", stderrText.constData());
    }

    // Stops the child with SIGTERM and returns its stderr (the summary line).
    QByteArray terminateAndCollectStderr()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        m_proc.terminate();
        m_proc.waitForFinished(5000);
        const QByteArray err = m_proc.readAllStandardError();
        checkSanitizerReport(err);
        return err;
    }
    int exitCode() const { return m_proc.exitCode(); }

    void write(const QByteArray &b)
    {
        qsizetype done = 0;
        QDeadlineTimer d(20000);
        while (done < b.size() && !d.hasExpired()) {
            const ssize_t n = ::write(m_fd, b.constData() + done, size_t(b.size() - done));
            if (n > 0)
                done += n;
            else
                QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        }
    }
    void cmd(const QByteArray &line) { write(line + "\r\n"); }

    void pump()
    {
        char buf[65536];
        for (;;) {
            const ssize_t n = ::read(m_fd, buf, sizeof buf);
            if (n <= 0)
                break;
            m_buf.append(buf, int(n));
            m_total += n;
            if (!m_firstByte.isValid())
                m_firstByte.start();
            m_lastByteNs = m_firstByte.nsecsElapsed();
        }
    }
    // Waits until the received bytes contain needle; returns everything up to and including it.
    QByteArray waitFor(const QByteArray &needle, int timeoutMs = 5000)
    {
        QDeadlineTimer d(timeoutMs);
        for (;;) {
            pump();
            const qsizetype i = m_buf.indexOf(needle);
            if (i >= 0) {
                const QByteArray r = m_buf.left(i + needle.size());
                m_buf.remove(0, i + needle.size());
                return r;
            }
            if (d.hasExpired())
                return QByteArray();
            QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        }
    }
    // Collects for ms milliseconds.
    QByteArray collect(int ms)
    {
        QDeadlineTimer d(ms);
        while (!d.hasExpired()) {
            pump();
            QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        }
        pump();
        const QByteArray r = m_buf;
        m_buf.clear();
        return r;
    }
    // Sends a command and returns the reply up to its final code (e.g. "\r\nOK\r\n").
    QByteArray transact(const QByteArray &line, const QByteArray &until = QByteArrayLiteral("OK\r\n"), int timeoutMs = 5000)
    {
        cmd(line);
        return waitFor(until, timeoutMs);
    }
    QByteArray &buffer() { return m_buf; }
    qint64 totalRead() const { return m_total; }
    qint64 firstToLastNs() const { return m_lastByteNs; }
    void resetTiming() { m_firstByte.invalidate(); m_lastByteNs = 0; m_total = 0; }
    int fd() const { return m_fd; }
    QProcess &process() { return m_proc; }
    QString dirPath() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QString m_link;
    QProcess m_proc;
    int m_fd = -1;
    QByteArray m_buf;
    qint64 m_total = 0;
    QElapsedTimer m_firstByte;
    qint64 m_lastByteNs = 0;
};

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
    QByteArray waitFor(const QByteArray &needle, int timeoutMs = 5000)
    {
        QDeadlineTimer d(timeoutMs);
        while (!out.contains(needle) && !d.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        const qsizetype i = out.indexOf(needle);
        if (i < 0)
            return QByteArray();
        const QByteArray r = out.left(i + needle.size());
        out.remove(0, i + needle.size());
        return r;
    }
    std::unique_ptr<atb::sim::SimulatedModule> module;
    QByteArray out;
};

// TCP echo server on 127.0.0.1 (also records what it received and can push data).
class TcpPeer : public QObject
{
public:
    explicit TcpPeer(bool echo = true) : m_echo(echo)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                clients.append(s);
                QObject::connect(s, &QTcpSocket::readyRead, this, [this, s]() {
                    const QByteArray d = s->readAll();
                    received += d;
                    if (m_echo)
                        s->write(d);
                });
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QTcpSocket *client(int i = 0) const { return clients.value(i); }
    QTcpServer m_server;
    QList<QTcpSocket *> clients;
    QByteArray received;
    bool m_echo;
};

class UdpPeer : public QObject
{
public:
    UdpPeer()
    {
        sock.bind(QHostAddress::LocalHost, 0);
        QObject::connect(&sock, &QUdpSocket::readyRead, this, [this]() {
            while (sock.hasPendingDatagrams()) {
                QByteArray d(int(sock.pendingDatagramSize()), '\0');
                QHostAddress from;
                quint16 port = 0;
                sock.readDatagram(d.data(), d.size(), &from, &port);
                datagrams.append(d);
                sock.writeDatagram(d, from, port);
            }
        });
    }
    quint16 port() const { return sock.localPort(); }
    QUdpSocket sock;
    QList<QByteArray> datagrams;
};

// Answers NTP client requests with a fixed transmit time (seconds since 1970, UTC).
class NtpResponder : public QObject
{
public:
    explicit NtpResponder(qint64 unixSeconds) : m_unix(unixSeconds)
    {
        sock.bind(QHostAddress::LocalHost, 0);
        QObject::connect(&sock, &QUdpSocket::readyRead, this, [this]() {
            while (sock.hasPendingDatagrams()) {
                QByteArray d(int(sock.pendingDatagramSize()), '\0');
                QHostAddress from;
                quint16 port = 0;
                sock.readDatagram(d.data(), d.size(), &from, &port);
                ++requests;
                QByteArray r(48, '\0');
                r[0] = 0x1c; // LI 0, VN 3, mode 4 (server)
                r[1] = 1;    // stratum
                const quint32 sec = quint32(m_unix + 2208988800LL);
                qToBigEndian<quint32>(sec, r.data() + 32); // receive timestamp
                qToBigEndian<quint32>(sec, r.data() + 40); // transmit timestamp
                sock.writeDatagram(r, from, port);
            }
        });
    }
    quint16 port() const { return sock.localPort(); }
    QUdpSocket sock;
    int requests = 0;
    qint64 m_unix;
};

inline quint16 freeTcpPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// mosquitto on a free loopback port with anonymous access.
class Mosquitto
{
public:
    ~Mosquitto() { stop(); }
    // extraListenerLines go right after the listener line (e.g. certfile/keyfile for TLS).
    bool start(QString *error, const QString &extraListenerLines = QString())
    {
        m_port = freeTcpPort();
        const QString conf = m_dir.filePath(QStringLiteral("mosquitto.conf"));
        QFile f(conf);
        f.open(QIODevice::WriteOnly);
        f.write(QStringLiteral("listener %1 127.0.0.1\n%2\nallow_anonymous true\npersistence false\n")
                    .arg(m_port).arg(extraListenerLines).toUtf8());
        f.close();
        m_proc.setProgram(QStringLiteral("mosquitto"));
        m_proc.setArguments({ QStringLiteral("-c"), conf });
        m_proc.start();
        if (!m_proc.waitForStarted(5000)) {
            *error = QStringLiteral("mosquitto did not start: %1").arg(m_proc.errorString());
            return false;
        }
        QDeadlineTimer d(5000);
        while (!d.hasExpired()) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_port);
            if (s.waitForConnected(200))
                return true;
            QThread::msleep(50);
        }
        *error = QStringLiteral("mosquitto not listening: %1").arg(QString::fromUtf8(m_proc.readAllStandardError()));
        return false;
    }
    void stop()
    {
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.terminate();
            m_proc.waitForFinished(5000);
        }
    }
    quint16 port() const { return m_port; }

private:
    QTemporaryDir m_dir;
    QProcess m_proc;
    quint16 m_port = 0;
};

} // namespace simtest
