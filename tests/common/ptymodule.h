#pragma once

// A scripted module on a pseudo-terminal: the host opens slavePath() with QSerialPort exactly
// as it would open a USB adapter. Replies are looked up by command line. Independent of the
// host's protocol code on purpose. (The opposite end, a test acting as the host of a real
// atbench-sim on a pty, is PtySim in ptysim.h; both use rawpty.h.)

#include "crlflines.h"
#include "rawpty.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSocketNotifier>
#include <QString>

#include <pty.h>
#include <unistd.h>

class PtyModule : public QObject
{
public:
    PtyModule()
    {
        int slave = -1;
        char name[256] = {};
        if (::openpty(&m_master, &slave, name, nullptr, nullptr) != 0)
            return;
        rawpty::makeRaw(slave);
        ::close(slave); // the host opens it by name
        m_slavePath = QString::fromLocal8Bit(name);
        rawpty::setNonBlocking(m_master);
        m_notifier = new QSocketNotifier(m_master, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &PtyModule::readMaster);
        m_clock.start();
    }
    ~PtyModule() override { unplug(); }

    bool isValid() const { return m_master >= 0; }
    int masterFd() const { return m_master; }
    QString slavePath() const { return m_slavePath; }

    // reply for a command line (without CR LF); "*" = default. Echo off unless setEcho(true).
    void on(const QByteArray &line, const QByteArray &reply) { m_replies.insert(line, reply); }
    void setEcho(bool on) { m_echo = on; }
    void send(const QByteArray &bytes)
    {
        if (m_master >= 0) {
            const ssize_t n = ::write(m_master, bytes.constData(), size_t(bytes.size()));
            Q_UNUSED(n);
        }
    }
    // Like pulling the USB adapter: the host side sees an I/O error.
    void unplug()
    {
        if (m_master < 0)
            return;
        delete m_notifier;
        m_notifier = nullptr;
        ::close(m_master);
        m_master = -1;
    }

    QByteArray received;            // everything the host sent
    QList<QByteArray> lines;        // command lines the host sent
    QList<qint64> plusTimesMs;      // arrival time of each '+' byte
    QList<qint64> byteTimesMs;      // arrival time of each read
    int passthroughBytes = 0;
    bool passthrough = false;
    int expectData = 0;             // data phase: bytes still expected after '>'
    QByteArray dataReply;           // sent after the data phase

private:
    void readMaster()
    {
        QByteArray bytes;
        if (rawpty::readAvailable(m_master, bytes) == 0)
            return;
        const qint64 now = m_clock.elapsed();
        byteTimesMs << now;
        for (char c : std::as_const(bytes)) {
            if (c == '+')
                plusTimesMs << now;
        }
        received += bytes;
        m_pending += bytes;
        process();
    }

    void process()
    {
        for (;;) {
            if (passthrough) {
                if (m_pending == "+++") {
                    passthrough = false;
                    m_pending.clear();
                    send("+QUIT\r\n");
                    continue;
                }
                passthroughBytes += int(m_pending.size());
                m_pending.clear();
                return;
            }
            if (expectData > 0) {
                const int take = int(qMin<qsizetype>(expectData, m_pending.size()));
                m_pending.remove(0, take);
                expectData -= take;
                if (expectData == 0)
                    send(dataReply);
                if (m_pending.isEmpty())
                    return;
                continue;
            }
            QByteArray line;
            if (!takeCrLfLine(m_pending, &line))
                return;
            lines << line;
            if (m_echo)
                send(line + "\r\n");
            QByteArray reply = m_replies.value(line, m_replies.value("*", "\r\nERROR\r\n"));
            if (reply.startsWith("@PASSTHROUGH")) {
                passthrough = true;
                reply = reply.mid(12);
            } else if (reply.startsWith("@DATA:")) {
                const qsizetype colon = reply.indexOf(':', 6);
                expectData = reply.mid(6, colon - 6).toInt();
                reply = reply.mid(colon + 1);
            }
            send(reply);
        }
    }

    int m_master = -1;
    QString m_slavePath;
    QSocketNotifier *m_notifier = nullptr;
    QHash<QByteArray, QByteArray> m_replies;
    QByteArray m_pending;
    bool m_echo = false;
    QElapsedTimer m_clock;
};
