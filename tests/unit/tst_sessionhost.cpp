// SessionHost: a DeviceSession in its own I/O thread, owned and ended from the creating thread.
// Many hosts at once (one per module on a provisioning station), ended at any moment: idle, with
// commands in flight, while the module floods the link. Every command gets an answer, nothing
// hangs, and (in the ThreadSanitizer tier) no thread touches a session another one deletes.
#include "engine/devicesession.h"
#include "engine/sessionhost.h"
#include "transport/pipetransport.h"

#include <QElapsedTimer>
#include <QThread>
#include <QTimer>
#include <QtTest>
#include <memory>
#include <vector>

using namespace atb;

namespace {

// A module at the far end of an in-process pipe, created by the session's openWith() factory,
// so it lives in the session's I/O thread: answers "AT" with OK, never answers "AT+SLOW", and
// after "AT+FLOOD" sends a URC every millisecond until the link closes.
Transport *respondingModule(QObject *parent)
{
    auto [host, device] = PipeTransport::createPair(QStringLiteral("pipe"), parent);
    device->setParent(host); // dies with the host end, in this thread
    device->open();
    auto *flood = new QTimer(device);
    flood->setInterval(1);
    QObject::connect(flood, &QTimer::timeout, device, [device = device] { device->write("+IPD,4:ping\r\n"); });
    QObject::connect(device, &Transport::received, device, [device = device, flood](const QByteArray &b) {
        for (const QByteArray &line : b.split('\n')) {
            const QByteArray l = line.trimmed();
            if (l == "AT") {
                device->write("\r\nOK\r\n");
            } else if (l == "AT+FLOOD") {
                device->write("\r\nOK\r\n");
                flood->start();
            }
        }
    });
    return host;
}

// What one session told the test thread (queued: the session lives in another thread).
struct Tally : QObject
{
    explicit Tally(DeviceSession *s)
    {
        connect(s, &DeviceSession::commandFinished, this, [this](const AtResult &r) {
            ++finished;
            if (r.ok())
                ++ok;
            else if (r.status == AtResult::Status::Disconnected)
                ++disconnected;
        });
        connect(s, &DeviceSession::stateChanged, this, [this](DeviceSession::State st) { last = st; });
        connect(s, &DeviceSession::urcReceived, this, [this] { ++urcs; });
    }
    int finished = 0, ok = 0, disconnected = 0, urcs = 0;
    DeviceSession::State last = DeviceSession::State::Disconnected;
};

} // namespace

class tst_SessionHost : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qRegisterMetaType<atb::AtResult>();
        qRegisterMetaType<atb::AtEvent>();
    }

    void sessionRunsInItsOwnThread()
    {
        SessionHost host;
        DeviceSession *s = host.session();
        QVERIFY(s->thread() != QThread::currentThread());
        Tally tally(s);
        s->openWith(respondingModule);
        QTRY_COMPARE(s->state(), DeviceSession::State::Connected);
        QCOMPARE(s->linkName(), QStringLiteral("pipe"));
        for (int i = 0; i < 50; ++i)
            s->submit(AtCommand::fromLine("AT"));
        QTRY_COMPARE(tally.finished, 50);
        QCOMPARE(tally.ok, 50);
        QCOMPARE(s->txBytes(), 50 * 4);
        QCOMPARE(s->traffic()->total(ThroughputPath::UartRx), 50 * 6);
    }

    void endingAnswersEveryCommand_data()
    {
        QTest::addColumn<int>("sessions");
        QTest::addColumn<QByteArray>("last"); // sent after 5 "AT"s, just before the end
        QTest::newRow("1 idle") << 1 << QByteArray();
        QTest::newRow("1 in flight") << 1 << QByteArray("AT+SLOW");
        QTest::newRow("8 idle") << 8 << QByteArray();
        QTest::newRow("8 in flight") << 8 << QByteArray("AT+SLOW");
        QTest::newRow("8 flooding") << 8 << QByteArray("AT+FLOOD");
        QTest::newRow("24 flooding") << 24 << QByteArray("AT+FLOOD");
    }

    void endingAnswersEveryCommand()
    {
        QFETCH(int, sessions);
        QFETCH(QByteArray, last);
        std::vector<std::unique_ptr<SessionHost>> hosts;
        std::vector<std::unique_ptr<Tally>> tallies;
        for (int i = 0; i < sessions; ++i) {
            hosts.push_back(std::make_unique<SessionHost>(QStringLiteral("io-%1").arg(i)));
            tallies.push_back(std::make_unique<Tally>(hosts.back()->session()));
            hosts.back()->session()->openWith(respondingModule);
        }
        for (auto &h : hosts)
            QTRY_COMPARE(h->session()->state(), DeviceSession::State::Connected);
        int submitted = 5;
        for (auto &h : hosts) {
            for (int k = 0; k < 5; ++k)
                h->session()->submit(AtCommand::fromLine("AT"));
            if (!last.isEmpty())
                h->session()->submit(AtCommand::fromLine(last));
        }
        if (!last.isEmpty())
            ++submitted;
        for (auto &t : tallies)
            QTRY_VERIFY(t->ok >= 5); // the "AT"s are answered; `last` is in flight or flooding
        if (last == "AT+FLOOD") {
            for (auto &t : tallies)
                QTRY_VERIFY(t->urcs > 10);
        }
        // Queued behind the one in flight: these can only end with the link.
        for (auto &h : hosts)
            h->session()->submit(AtCommand::fromLine("AT"));
        ++submitted;

        QElapsedTimer clock;
        clock.start();
        hosts.clear(); // every session ends here, from this thread
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QStringLiteral("%1 ms to end").arg(clock.elapsed())));
        // The ends were queued to this thread: each command has its answer, the link is closed.
        for (auto &t : tallies) {
            QTRY_COMPARE(t->finished, submitted);
            QCOMPARE(t->ok + t->disconnected, submitted);
            QTRY_COMPARE(t->last, DeviceSession::State::Disconnected);
        }
    }

    void endingRightAfterStarting()
    {
        // The open is still queued when the host goes: nothing runs, nothing hangs or leaks.
        for (int i = 0; i < 20; ++i) {
            SessionHost host;
            host.session()->openWith(respondingModule);
            if (i % 2)
                host.session()->submit(AtCommand::fromLine("AT"));
        }
        SessionHost never; // not even a call
        QVERIFY(never.session());
    }

    void readsFromTheOwnerWhileTheLinkWorks()
    {
        // The owner reads state, link name and counters while the I/O thread reopens the link
        // and counts a flood; then ends the session. Run under ThreadSanitizer this is the
        // race tst_devicesession::guiStallLosesNothing showed (a read against the deletion).
        auto host = std::make_unique<SessionHost>();
        DeviceSession *s = host->session();
        s->openWith(respondingModule);
        QTRY_COMPARE(s->state(), DeviceSession::State::Connected);
        s->submit(AtCommand::fromLine("AT+FLOOD"));
        QElapsedTimer t;
        t.start();
        qint64 rx = 0;
        int reopened = 0;
        while (t.elapsed() < 300) {
            if (s->state() == DeviceSession::State::Connected && reopened < 3 && t.elapsed() > 100 * (reopened + 1)) {
                s->openWith(respondingModule); // closes the old link, opens a new one
                ++reopened;
            }
            QVERIFY(s->linkName() == QLatin1String("pipe"));
            rx = qMax(rx, s->rxBytes());
            QCoreApplication::processEvents();
        }
        QVERIFY(rx > 0);
        host.reset();
    }
};

QTEST_GUILESS_MAIN(tst_SessionHost)
#include "tst_sessionhost.moc"
