#pragma once
// A local mosquitto for tests: started on a free 127.0.0.1 port with a temporary config
// (anonymous, no persistence), plus mosquitto_pub / mosquitto_sub helpers that carry payloads
// byte for byte (files and hex output, so NUL, CR and LF survive). Nothing but loopback is used.
// Used by the simulator, service and page tests and by atbench-bench's mqtt-pub scenario.

#include "loopbackpeers.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

namespace mqtttest {

// Empty when every tool is there, else what is missing (for QSKIP/QFAIL messages).
inline QString missingTools()
{
    QStringList missing;
    if (QStandardPaths::findExecutable(QStringLiteral("mosquitto")).isEmpty()
        && QStandardPaths::findExecutable(QStringLiteral("mosquitto"), { QStringLiteral("/usr/sbin") }).isEmpty())
        missing << QStringLiteral("mosquitto");
    for (const char *tool : { "mosquitto_pub", "mosquitto_sub", "stdbuf" })
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            missing << QString::fromLatin1(tool);
    return missing.join(QLatin1String(", "));
}

class MosquittoBroker
{
public:
    ~MosquittoBroker() { stop(); }

    // extraListenerLines go right after the listener line (e.g. certfile/keyfile for TLS).
    bool start(QString *error = nullptr, const QString &extraListenerLines = QString())
    {
        if (program().isEmpty())
            return fail(error, QStringLiteral("mosquitto is not installed"));
        m_port = freeLoopbackPort();
        const QString conf = m_dir.filePath(QStringLiteral("mosquitto.conf"));
        QFile f(conf);
        if (!f.open(QIODevice::WriteOnly))
            return fail(error, QStringLiteral("cannot write %1").arg(conf));
        f.write(QStringLiteral("listener %1 127.0.0.1\n%2\nallow_anonymous true\npersistence false\n")
                    .arg(m_port)
                    .arg(extraListenerLines)
                    .toUtf8());
        f.close();
        return launch(error);
    }

    // Starts it again on the same port with the same configuration (after stop() or kill()).
    bool restart(QString *error = nullptr)
    {
        stop();
        return launch(error);
    }

    // Kills mosquitto at once (SIGKILL): its clients see their connections drop.
    void kill()
    {
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.kill();
            m_proc.waitForFinished(5000);
        }
    }

    void stop()
    {
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.terminate();
            m_proc.waitForFinished(5000);
        }
    }

    bool isRunning() const { return m_proc.state() == QProcess::Running; }
    quint16 port() const { return m_port; }
    QString host() const { return QStringLiteral("127.0.0.1"); }

    // mosquitto_pub -f <file>: the payload byte for byte. Returns the exit code (0 = sent).
    int publish(const QString &topic, const QByteArray &payload, int qos = 0, bool retain = false)
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("payload")));
        if (!f.open(QIODevice::WriteOnly))
            return -1;
        f.write(payload);
        f.close();
        QStringList args { QStringLiteral("-h"), host(), QStringLiteral("-p"), QString::number(m_port),
                           QStringLiteral("-t"), topic, QStringLiteral("-q"), QString::number(qos),
                           QStringLiteral("-f"), f.fileName() };
        if (retain)
            args << QStringLiteral("-r");
        return QProcess::execute(QStringLiteral("mosquitto_pub"), args);
    }

private:
    static bool fail(QString *error, const QString &why)
    {
        if (error)
            *error = why;
        return false;
    }

    static QString program()
    {
        QString p = QStandardPaths::findExecutable(QStringLiteral("mosquitto"));
        if (p.isEmpty())
            p = QStandardPaths::findExecutable(QStringLiteral("mosquitto"), { QStringLiteral("/usr/sbin") });
        return p;
    }

    bool launch(QString *error)
    {
        m_proc.setProgram(program());
        m_proc.setArguments({ QStringLiteral("-c"), m_dir.filePath(QStringLiteral("mosquitto.conf")) });
        // A test or benchmark killed before its destructor runs takes its broker with it.
        m_proc.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_proc.start();
        if (!m_proc.waitForStarted(5000))
            return fail(error, QStringLiteral("mosquitto did not start: %1").arg(m_proc.errorString()));
        QDeadlineTimer d(5000);
        while (!d.hasExpired()) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_port);
            if (s.waitForConnected(200))
                return true;
            QThread::msleep(50);
        }
        return fail(error, QStringLiteral("mosquitto not listening: %1").arg(QString::fromUtf8(m_proc.readAllStandardError())));
    }

    QTemporaryDir m_dir;
    QProcess m_proc;
    quint16 m_port = 0;
};

// mosquitto_sub printing each payload as hex (-F %x) with debug lines (-d) to see the SUBACK.
class MosquittoSubscriber
{
public:
    ~MosquittoSubscriber()
    {
        m_proc.terminate();
        m_proc.waitForFinished(3000);
    }

    // Returns once the broker acknowledged the subscription.
    bool start(quint16 port, const QString &topic, int timeoutMs = 5000)
    {
        // stdbuf: mosquitto_sub block-buffers stdout into a pipe, and the SUBACK line is needed now.
        m_proc.start(QStringLiteral("stdbuf"),
                     { QStringLiteral("-oL"), QStringLiteral("mosquitto_sub"), QStringLiteral("-h"),
                       QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(port), QStringLiteral("-t"),
                       topic, QStringLiteral("-d"), QStringLiteral("-F"), QStringLiteral("%x") });
        if (!m_proc.waitForStarted(5000))
            return false;
        QDeadlineTimer d(timeoutMs);
        while (!m_out.contains("Subscribed (mid") && !d.hasExpired()) {
            m_proc.waitForReadyRead(100);
            m_out += m_proc.readAllStandardOutput();
        }
        if (!m_out.contains("Subscribed (mid"))
            return false;
        m_out.remove(0, m_out.indexOf("Subscribed (mid"));
        return true;
    }

    // The next payload, or "<timeout>". Events keep being processed while waiting.
    QByteArray nextPayload(int timeoutMs = 5000)
    {
        QDeadlineTimer d(timeoutMs);
        for (;;) {
            m_out += m_proc.readAllStandardOutput();
            qsizetype nl;
            while ((nl = m_out.indexOf('\n')) >= 0) {
                const QByteArray line = m_out.left(nl).trimmed();
                m_out.remove(0, nl + 1);
                if (!line.startsWith("Client") && !line.startsWith("Subscribed") && !line.isEmpty())
                    return QByteArray::fromHex(line);
            }
            if (d.hasExpired())
                return "<timeout>";
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            m_proc.waitForReadyRead(20);
        }
    }

private:
    QProcess m_proc;
    QByteArray m_out;
};

} // namespace mqtttest
