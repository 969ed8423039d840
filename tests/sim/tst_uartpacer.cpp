// UartPacer alone: rate, order, exact line times, baud changes and flushes of the simulated UART.
#include "simulator/uartpacer.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <vector>

using atb::sim::UartPacer;

class TstUartPacer : public QObject
{
    Q_OBJECT
private slots:
    void unthrottledPassesBytesThroughAtOnce();
    void outputKeepsTheLineRate_data();
    void outputKeepsTheLineRate();
    void inputKeepsTheLineRate();
    void bytesKeepTheirOrderAcrossChunks();
    void shortReplyNeverBeatsTheLine_data();
    void shortReplyNeverBeatsTheLine();
    void burstTailLeavesAtItsLineTimeNotAtATick();
    void writeLeavesAtItsLineTimeWithOutputQueuedBehindIt_data();
    void writeLeavesAtItsLineTimeWithOutputQueuedBehindIt();
    void baudChangeWaitsForQueuedOutput();
    void baudZeroFlushesBothDirections();
    void tickedRepeatsOnlyWhileAskedFor();
    void clearDropsEverything();
};

namespace {
QByteArray pattern(int n)
{
    QByteArray b(n, '\0');
    for (int i = 0; i < n; ++i)
        b[i] = char('A' + i % 26);
    return b;
}
} // namespace

void TstUartPacer::unthrottledPassesBytesThroughAtOnce()
{
    UartPacer p;
    QByteArray toHost, toDevice;
    connect(&p, &UartPacer::hostBytes, this, [&](const QByteArray &b) { toHost += b; });
    connect(&p, &UartPacer::deviceBytes, this, [&](const QByteArray &b) { toDevice += b; });
    p.toHost("ready\r\n");
    p.fromHost("AT\r\n");
    // Synchronous: no event loop turn needed.
    QCOMPARE(toHost, QByteArray("ready\r\n"));
    QCOMPARE(toDevice, QByteArray("AT\r\n"));
    QCOMPARE(p.pendingToHost(), 0);
    QCOMPARE(p.pendingFromHost(), 0);
}

void TstUartPacer::outputKeepsTheLineRate_data()
{
    QTest::addColumn<qint64>("baud");
    QTest::addColumn<int>("bytes");
    // About 0.4 s of line time each.
    QTest::newRow("9600 baud") << qint64(9600) << 384;
    QTest::newRow("115200 baud") << qint64(115200) << 4608;
    QTest::newRow("921600 baud") << qint64(921600) << 36864;
}

void TstUartPacer::outputKeepsTheLineRate()
{
    QFETCH(qint64, baud);
    QFETCH(int, bytes);
    UartPacer p;
    p.setBaud(baud);
    QByteArray got;
    connect(&p, &UartPacer::hostBytes, this, [&](const QByteArray &b) { got += b; });
    const QByteArray data = pattern(bytes);
    QElapsedTimer t;
    t.start();
    p.toHost(data);
    QVERIFY(p.pendingToHost() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), data.size(), 5000);
    const double lineMs = bytes * 10.0 * 1000.0 / double(baud);
    // Never faster than the line (1 ms for the rounding of elapsed()); the upper bound
    // leaves room for a loaded machine.
    QVERIFY2(t.elapsed() >= lineMs - 1, qPrintable(QString::number(t.elapsed())));
    QVERIFY2(t.elapsed() <= lineMs * 1.5 + 50, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(got, data);
}

void TstUartPacer::inputKeepsTheLineRate()
{
    UartPacer p;
    p.setBaud(57600);
    QByteArray got;
    connect(&p, &UartPacer::deviceBytes, this, [&](const QByteArray &b) { got += b; });
    const QByteArray data = pattern(1152); // 200 ms of line time
    QElapsedTimer t;
    t.start();
    p.fromHost(data);
    QCOMPARE(p.pendingFromHost(), data.size());
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), data.size(), 5000);
    QVERIFY2(t.elapsed() >= 200 - 3 - 1, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(got, data);
}

void TstUartPacer::bytesKeepTheirOrderAcrossChunks()
{
    UartPacer p;
    p.setBaud(460800);
    QByteArray got;
    int chunks = 0;
    connect(&p, &UartPacer::hostBytes, this, [&](const QByteArray &b) {
        got += b;
        ++chunks;
    });
    QByteArray sent;
    for (int i = 0; i < 50; ++i) {
        const QByteArray piece = QByteArray::number(i) + ":" + pattern(97 + i) + "\r\n";
        sent += piece;
        p.toHost(piece);
    }
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), sent.size(), 5000);
    QCOMPARE(got, sent);
    QVERIFY(chunks > 1); // it really was paced in pieces
}

void TstUartPacer::shortReplyNeverBeatsTheLine_data()
{
    QTest::addColumn<qint64>("baud");
    QTest::addColumn<QByteArray>("reply");
    QTest::newRow("OK at 9600") << qint64(9600) << QByteArray("\r\nOK\r\n");
    QTest::newRow("OK at 115200") << qint64(115200) << QByteArray("\r\nOK\r\n");
    QTest::newRow("SEND OK at 921600") << qint64(921600) << QByteArray("\r\nRecv 2048 bytes\r\n\r\nSEND OK\r\n");
    QTest::newRow("prompt at 3000000") << qint64(3000000) << QByteArray("\r\nOK\r\n\r\n>");
}

// A byte leaves when its stop bit would have ended on the wire: a short reply is never early.
void TstUartPacer::shortReplyNeverBeatsTheLine()
{
    QFETCH(qint64, baud);
    QFETCH(QByteArray, reply);
    UartPacer p;
    p.setBaud(baud);
    QByteArray got;
    QElapsedTimer t;
    qint64 lastByteNs = -1;
    connect(&p, &UartPacer::hostBytes, this, [&](const QByteArray &b) {
        got += b;
        if (got.size() == reply.size())
            lastByteNs = t.nsecsElapsed();
    });
    t.start();
    p.toHost(reply);
    QVERIFY(got.isEmpty()); // paced output never leaves synchronously
    QTRY_COMPARE_WITH_TIMEOUT(got, reply, 3000);
    const qint64 lineNs = qint64(double(reply.size()) * 10.0 * 1e9 / double(baud));
    QVERIFY2(lastByteNs >= lineNs, qPrintable(QStringLiteral("%1 ns < line time %2 ns").arg(lastByteNs).arg(lineNs)));
}

// The last piece of a burst leaves when its line time ends, not at the next millisecond tick:
// with 1 ms ticks the lateness of a 29-byte reply at 921600 (0.31 ms of line time) would be
// spread over 0..1 ms (median about 0.5 ms); with exact wake-ups it is the event loop's latency.
void TstUartPacer::burstTailLeavesAtItsLineTimeNotAtATick()
{
    UartPacer p;
    const qint64 baud = 921600;
    p.setBaud(baud);
    const QByteArray reply("\r\nRecv 2048 bytes\r\n\r\nSEND OK\r\n");
    const qint64 lineNs = qint64(double(reply.size()) * 10.0 * 1e9 / double(baud));
    std::vector<double> latenessUs;
    QByteArray got;
    QElapsedTimer t;
    QEventLoop loop; // a real event loop: QTRY_* would sleep 10 ms between its looks
    connect(&p, &UartPacer::hostBytes, this, [&](const QByteArray &b) {
        got += b;
        if (got.size() == reply.size()) {
            latenessUs.push_back(double(t.nsecsElapsed() - lineNs) / 1000.0);
            loop.quit();
        }
    });
    for (int i = 0; i < 41; ++i) {
        got.clear();
        QTest::qSleep(1 + i % 3); // start at different phases of any millisecond clock
        t.start();
        p.toHost(reply);
        QTimer::singleShot(3000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(got.size(), reply.size());
    }
    std::sort(latenessUs.begin(), latenessUs.end());
    const double median = latenessUs.at(latenessUs.size() / 2);
    qInfo("lateness of the last byte: min %.0f us, median %.0f us, max %.0f us", latenessUs.front(), median,
          latenessUs.back());
    QVERIFY2(latenessUs.front() >= 0, "a reply left before its line time");
    // Well under the 500 us a millisecond tick would cost on average (loaded machines included).
    QVERIFY2(median < 300, qPrintable(QStringLiteral("median lateness %1 us").arg(median)));
}

void TstUartPacer::writeLeavesAtItsLineTimeWithOutputQueuedBehindIt_data()
{
    QTest::addColumn<qint64>("baud");
    QTest::newRow("921600") << qint64(921600);
    QTest::newRow("460800") << qint64(460800);
}

// An OK with a URC queued right behind it (the module's MQTT client delivering a message while
// the answer is on the line) leaves when its own line time ends. A step that ran on into the
// next write held the OK back by the URC's line time: at 921600 a 40-byte +MQTTSUBRECV is 0.43 ms,
// which cost AT+MQTTPUB a third of its rate under a subscription load (performance.md 6).
void TstUartPacer::writeLeavesAtItsLineTimeWithOutputQueuedBehindIt()
{
    QFETCH(qint64, baud);
    UartPacer p;
    p.setBaud(baud);
    const QByteArray ok("\r\nOK\r\n");
    const QByteArray urc("+MQTTSUBRECV:0,\"bench/load\",8,00000000\r\n");
    const double byteNs = 10.0 * 1e9 / double(baud);
    const qint64 okLineNs = qint64(double(ok.size()) * byteNs);
    const double urcLineUs = double(urc.size()) * byteNs / 1000.0;
    std::vector<double> latenessUs;
    QByteArray got;
    QElapsedTimer t;
    QEventLoop loop;
    connect(&p, &UartPacer::hostBytes, this, [&](const QByteArray &b) {
        const bool hadOk = got.size() >= ok.size();
        got += b;
        if (!hadOk && got.size() >= ok.size())
            latenessUs.push_back(double(t.nsecsElapsed() - okLineNs) / 1000.0);
        if (got.size() == ok.size() + urc.size())
            loop.quit();
    });
    for (int i = 0; i < 41; ++i) {
        got.clear();
        QTest::qSleep(1 + i % 3);
        t.start();
        p.toHost(ok);
        p.toHost(urc);
        QTimer::singleShot(3000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(got, ok + urc);
    }
    std::sort(latenessUs.begin(), latenessUs.end());
    const double median = latenessUs.at(latenessUs.size() / 2);
    qInfo("OK's last byte after its line time: min %.0f us, median %.0f us, max %.0f us (the URC's line time: %.0f us)",
          latenessUs.front(), median, latenessUs.back(), urcLineUs);
    QVERIFY2(latenessUs.front() >= 0, "the OK left before its line time");
    // Held back behind the URC it would be at least the URC's line time late, every time.
    QVERIFY2(median < urcLineUs * 0.75 && median < 300,
             qPrintable(QStringLiteral("median lateness %1 us, URC line time %2 us").arg(median).arg(urcLineUs)));
}

void TstUartPacer::baudChangeWaitsForQueuedOutput()
{
    UartPacer p;
    p.setBaud(9600);
    QByteArray got;
    connect(&p, &UartPacer::hostBytes, this, [&](const QByteArray &b) { got += b; });
    p.toHost(pattern(96)); // 100 ms at 9600
    p.setBaudAfterOutput(921600);
    QCOMPARE(p.baud(), qint64(9600));
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), 96, 3000);
    QTRY_COMPARE(p.baud(), qint64(921600));
    // Nothing queued: the change applies at once.
    p.setBaudAfterOutput(115200);
    QCOMPARE(p.baud(), qint64(115200));
}

void TstUartPacer::baudZeroFlushesBothDirections()
{
    UartPacer p;
    p.setBaud(300); // 30 bytes/s: nothing much leaves on its own during this test
    QByteArray toHost, toDevice;
    connect(&p, &UartPacer::hostBytes, this, [&](const QByteArray &b) { toHost += b; });
    connect(&p, &UartPacer::deviceBytes, this, [&](const QByteArray &b) { toDevice += b; });
    p.toHost(pattern(200));
    p.fromHost(pattern(100));
    p.setBaud(0);
    QCOMPARE(toHost, pattern(200));
    QCOMPARE(toDevice, pattern(100));
    QCOMPARE(p.pendingToHost(), 0);
    QCOMPARE(p.pendingFromHost(), 0);
}

void TstUartPacer::tickedRepeatsOnlyWhileAskedFor()
{
    UartPacer p;
    p.setBaud(115200);
    int ticks = 0;
    int askFor = 5;
    connect(&p, &UartPacer::ticked, this, [&] {
        ++ticks;
        if (--askFor > 0)
            p.keepTicking(); // a starved producer asks again each tick
    });
    p.keepTicking();
    QTRY_COMPARE(ticks, 5);
    QTest::qWait(30); // the pacer must have stopped: no further ticks arrive
    QCOMPARE(ticks, 5);
}

void TstUartPacer::clearDropsEverything()
{
    UartPacer p;
    p.setBaud(300);
    QByteArray got;
    connect(&p, &UartPacer::hostBytes, this, [&](const QByteArray &b) { got += b; });
    p.toHost(pattern(100));
    p.fromHost(pattern(100));
    p.clear();
    QCOMPARE(p.pendingToHost(), 0);
    QCOMPARE(p.pendingFromHost(), 0);
    QTest::qWait(20);
    QVERIFY(got.isEmpty()); // nothing leaves before its line time, and 300 baud is slow
}

QTEST_GUILESS_MAIN(TstUartPacer)
#include "tst_uartpacer.moc"
