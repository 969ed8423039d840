// G6: AT -> OK through the whole stack (queue, session in its I/O thread, QSerialPort on a
// pseudo-terminal, framer, parser, log, queued signals back to the caller's thread) against a
// trivial responder. Baseline: a bare QSerialPort write/read loop on the same pty.
#include "benchutil.h"
#include "scenarios.h"

#include "engine/devicesession.h"
#include "engine/sessionhost.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSerialPort>
#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <thread>
#include <unistd.h>

namespace atb::bench {

namespace {

// Answers every "AT\r\n" with "\r\nOK\r\n" as fast as it can, on its own thread.
class Responder
{
public:
    Responder()
    {
        int slave = -1;
        char name[256] = {};
        if (::openpty(&m_master, &slave, name, nullptr, nullptr) != 0)
            return;
        termios t {};
        ::tcgetattr(slave, &t);
        ::cfmakeraw(&t);
        ::tcsetattr(slave, TCSANOW, &t);
        ::close(slave);
        m_path = QString::fromLocal8Bit(name);
        m_thread = std::thread([this] { run(); });
    }
    ~Responder()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
        if (m_master >= 0)
            ::close(m_master);
    }
    QString path() const { return m_path; }

private:
    void run()
    {
        QByteArray pending;
        char buf[4096];
        while (!m_stop) {
            pollfd p { m_master, POLLIN, 0 };
            if (::poll(&p, 1, 50) <= 0)
                continue;
            const ssize_t n = ::read(m_master, buf, sizeof buf);
            if (n <= 0)
                continue;
            pending.append(buf, n);
            qsizetype eol;
            while ((eol = pending.indexOf("\r\n")) >= 0) {
                pending.remove(0, eol + 2);
                static const char ok[] = "\r\nOK\r\n";
                const ssize_t w = ::write(m_master, ok, sizeof ok - 1);
                Q_UNUSED(w);
            }
        }
    }

    int m_master = -1;
    QString m_path;
    std::thread m_thread;
    std::atomic<bool> m_stop { false };
};

std::vector<double> bareLoop(const QString &path, int n)
{
    std::vector<double> ms;
    QSerialPort port;
    port.setPortName(path);
    port.setBaudRate(115200);
    if (!port.open(QIODevice::ReadWrite))
        return ms;
    QElapsedTimer t;
    for (int i = 0; i < n; ++i) {
        t.start();
        port.write("AT\r\n");
        port.waitForBytesWritten(1000);
        QByteArray got;
        while (!got.contains("OK\r\n") && port.waitForReadyRead(1000))
            got += port.readAll();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return ms;
}

std::vector<double> stackLoop(const QString &path, int n)
{
    std::vector<double> ms;
    SessionHost host;
    DeviceSession *session = host.session();
    SerialSettings s;
    s.portName = path;
    s.baudRate = 115200;
    QEventLoop loop;
    QObject ctx;
    AtResult last;
    QObject::connect(session, &DeviceSession::commandFinished, &ctx, [&](const AtResult &r) {
        last = r;
        loop.quit();
    });
    QObject::connect(session, &DeviceSession::stateChanged, &ctx, [&](DeviceSession::State st) {
        if (st != DeviceSession::State::Connecting)
            loop.quit();
    });
    session->openSerial(s);
    if (session->state() != DeviceSession::State::Connected)
        loop.exec();
    if (session->state() == DeviceSession::State::Connected) {
        QObject::disconnect(session, &DeviceSession::stateChanged, &ctx, nullptr);
        QElapsedTimer t;
        const AtCommand at = AtCommand::fromLine("AT");
        for (int i = 0; i < n; ++i) {
            t.start();
            session->submit(at);
            loop.exec();
            if (!last.ok())
                break;
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
        }
    }
    return ms;
}

} // namespace

QJsonObject runRoundtripScenario(const Options &opt)
{
    const int n = opt.quick ? 300 : 2000;
    Responder responder;
    const std::vector<double> bare = bareLoop(responder.path(), n);
    const std::vector<double> stack = stackLoop(responder.path(), n);
    if (bare.size() != size_t(n) || stack.size() != size_t(n)) {
        QJsonObject o = result(QStringLiteral("roundtrip"), 0, QStringLiteral("ms"), 0, 0,
                               QStringLiteral("median <= 0.5 ms, p99 <= 2 ms"), false);
        o.insert(QStringLiteral("error"), QStringLiteral("round trips failed (bare %1, stack %2 of %3)")
                                              .arg(bare.size()).arg(stack.size()).arg(n));
        return o;
    }
    const double median = percentile(stack, 0.5);
    const double p99 = percentile(stack, 0.99);
    const double bareMedian = percentile(bare, 0.5);
    double total = 0;
    for (double v : stack)
        total += v;
    QJsonObject o = result(QStringLiteral("roundtrip"), median, QStringLiteral("ms (median)"), bareMedian,
                           median / bareMedian, QStringLiteral("median <= 0.5 ms, p99 <= 2 ms"),
                           median <= 0.5 && p99 <= 2.0);
    o.insert(QStringLiteral("p99_ms"), p99);
    o.insert(QStringLiteral("max_ms"), percentile(stack, 1.0));
    o.insert(QStringLiteral("baseline_p99_ms"), percentile(bare, 0.99));
    o.insert(QStringLiteral("commands_per_s"), 1000.0 * double(n) / total);
    o.insert(QStringLiteral("commands"), n);
    return o;
}

} // namespace atb::bench
