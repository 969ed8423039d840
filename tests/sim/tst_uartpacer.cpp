// UartPacer alone: rate, order, lookahead, baud changes and flushes of the simulated UART.
#include "simulator/uartpacer.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

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
    void shortReplyLeavesWithoutWaitingForATick();
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
    const double lookaheadMs = 16 * 10.0 * 1000.0 / double(baud);
    // Never faster than the line (less the lookahead of at most 16 byte times); the upper bound
    // leaves room for a loaded machine.
    QVERIFY2(t.elapsed() >= lineMs - lookaheadMs - 1, qPrintable(QString::number(t.elapsed())));
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

void TstUartPacer::shortReplyLeavesWithoutWaitingForATick()
{
    UartPacer p;
    p.setBaud(115200);
    QByteArray got;
    connect(&p, &UartPacer::hostBytes, this, [&](const QByteArray &b) { got += b; });
    p.toHost("\r\nOK\r\n");
    QVERIFY(got.isEmpty()); // paced output never leaves synchronously
    QCoreApplication::processEvents(); // one turn of the event loop, no timer tick needed
    QCOMPARE(got, QByteArray("\r\nOK\r\n"));
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
    QVERIFY(got.size() <= 16); // at most what the lookahead let out before the clear
}

QTEST_GUILESS_MAIN(TstUartPacer)
#include "tst_uartpacer.moc"
