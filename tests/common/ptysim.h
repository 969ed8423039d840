#pragma once
// atbench-sim as a program on a pseudo-terminal, for tests that talk to it from the host side:
// SimProcess starts the child and leaves the link to the caller (e.g. a DeviceSession through
// QSerialPort); PtySim also opens the link itself and reads and writes raw bytes. (The opposite
// role, a scripted module behind a pty for the host code to open, is PtyModule in ptymodule.h.)

#include "rawpty.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <fcntl.h>
#include <unistd.h>

namespace simtest {

inline QString simBinary() { return QStringLiteral(ATB_BINARY_DIR "/app/atbench-sim"); }

// atbench-sim as a child process serving a pty link in a temporary folder (`--loopback-only`:
// the simulated module reaches 127.0.0.1 only). start() returns once the child printed READY.
class SimProcess
{
public:
    ~SimProcess() { stop(); }

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
        return true;
    }

    void stop()
    {
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
        m_proc.terminate();
        m_proc.waitForFinished(5000);
        const QByteArray err = m_proc.readAllStandardError();
        checkSanitizerReport(err);
        return err;
    }
    int exitCode() const { return m_proc.exitCode(); }
    QString link() const { return m_link; }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString dirPath() const { return m_dir.path(); }
    QProcess &process() { return m_proc; }

private:
    QTemporaryDir m_dir;
    QString m_link;
    QProcess m_proc;
};

// The test as the host of atbench-sim: the pty link opened with plain POSIX calls in raw mode.
class PtySim : public SimProcess
{
public:
    ~PtySim() { stop(); }

    bool start(const QStringList &extraArgs, QString *error = nullptr)
    {
        if (!SimProcess::start(extraArgs, error))
            return false;
        m_fd = ::open(QFile::encodeName(link()).constData(), O_RDWR | O_NOCTTY | O_NONBLOCK);
        if (m_fd < 0) {
            if (error)
                *error = QStringLiteral("open %1 failed").arg(link());
            return false;
        }
        rawpty::makeRaw(m_fd);
        return true;
    }
    void stop()
    {
        closeLink();
        SimProcess::stop();
    }
    QByteArray terminateAndCollectStderr()
    {
        closeLink();
        return SimProcess::terminateAndCollectStderr();
    }

    bool write(const QByteArray &b) { return rawpty::writeAll(m_fd, b); }
    void cmd(const QByteArray &line) { write(line + "\r\n"); }

    void pump()
    {
        const qsizetype n = rawpty::readAvailable(m_fd, m_buf);
        if (n == 0)
            return;
        m_total += n;
        if (!m_firstByte.isValid())
            m_firstByte.start();
        m_lastByteNs = m_firstByte.nsecsElapsed();
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

private:
    void closeLink()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

    int m_fd = -1;
    QByteArray m_buf;
    qint64 m_total = 0;
    QElapsedTimer m_firstByte;
    qint64 m_lastByteNs = 0;
};

} // namespace simtest
