#include "stats/ringbuffer.h"
#include "stats/throughputmeter.h"

#include <QSignalSpy>
#include <QTest>

using atb::ThroughputMeter;
using atb::ThroughputPath;

class TestThroughputMeter : public QObject
{
    Q_OBJECT
private slots:
    void ringBufferOverwritesOldest();
    void tickRateIsDeltaOverInterval();
    void windowsAverageOverTheirSpan_data();
    void windowsAverageOverTheirSpan();
    void historyIsOneSecondAndBounded();
    void windowsAreBoundedAtSixtySeconds();
    void resetForgetsEverything();
    void scaleFor_data();
    void scaleFor();
    void formatRate_data();
    void formatRate();
    void messagePaths();
    void realTickEmitsSamples();
    void sourceCountsFromAttachAndReset();
};

void TestThroughputMeter::ringBufferOverwritesOldest()
{
    atb::RingBuffer<int> r(3);
    QVERIFY(r.isEmpty());
    for (int i = 1; i <= 5; ++i)
        r.push(i);
    QCOMPARE(r.size(), 3);
    QVERIFY(r.isFull());
    QCOMPARE(r.first(), 3);
    QCOMPARE(r.at(1), 4);
    QCOMPARE(r.last(), 5);
    r.clear();
    QCOMPARE(r.size(), 0);
    r.push(9);
    QCOMPARE(r.first(), 9);
}

void TestThroughputMeter::tickRateIsDeltaOverInterval()
{
    ThroughputMeter m;
    m.reset();
    QSignalSpy spy(&m, &ThroughputMeter::sampled);
    QVERIFY(spy.isValid());
    m.add(ThroughputPath::LinkTx, 500);
    auto s = m.sampleAt(100);
    QCOMPARE(s.rateOf(ThroughputPath::LinkTx), 5000.0);
    QCOMPARE(s.totalOf(ThroughputPath::LinkTx), 500);
    QCOMPARE(s.rateOf(ThroughputPath::LinkRx), 0.0);
    m.add(ThroughputPath::LinkTx, 100);
    s = m.sampleAt(300);
    QCOMPARE(s.rateOf(ThroughputPath::LinkTx), 500.0); // 100 bytes in 200 ms
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.last().first().value<atb::ThroughputSample>().totalOf(ThroughputPath::LinkTx), 600);
}

void TestThroughputMeter::windowsAverageOverTheirSpan_data()
{
    QTest::addColumn<int>("window");
    QTest::addColumn<double>("expected");
    // 70 s: 1000 B/s for the first 60 s, then 11000 B/s for the last 10 s.
    QTest::newRow("1 s") << 1000 << 11000.0;
    QTest::newRow("10 s") << 10000 << 11000.0;
    QTest::newRow("60 s") << 60000 << (50.0 * 1000 + 10.0 * 11000) / 60.0;
    QTest::newRow("more than held clamps to 60 s") << 600000 << (50.0 * 1000 + 10.0 * 11000) / 60.0;
}

void TestThroughputMeter::windowsAverageOverTheirSpan()
{
    QFETCH(int, window);
    QFETCH(double, expected);
    ThroughputMeter m;
    m.reset();
    for (int t = 100; t <= 70000; t += 100) {
        m.add(ThroughputPath::UartRx, t <= 60000 ? 100 : 1100);
        m.sampleAt(t);
    }
    QVERIFY(qAbs(m.average(ThroughputPath::UartRx, window) - expected) < 1e-6 * expected);
}

void TestThroughputMeter::historyIsOneSecondAndBounded()
{
    ThroughputMeter m;
    m.setHistoryCapacity(5);
    m.reset();
    QSignalSpy spy(&m, &ThroughputMeter::secondCompleted);
    for (int t = 100; t <= 8000; t += 100) {
        m.add(ThroughputPath::RawRx, t / 1000 * 10 + 10); // second k (0-based) carries (k+1)*10 per tick
        m.sampleAt(t);
    }
    QCOMPARE(spy.count(), 8);
    const auto h = m.history(ThroughputPath::RawRx);
    QCOMPARE(h.size(), 5); // bounded: seconds 4..8 kept
    QCOMPARE(h.first().tMs, 4000);
    QCOMPARE(h.last().tMs, 8000);
    // Second ending at 8000 ms: ticks 7100..7900 carry 80 each, tick 8000 carries 90.
    QCOMPARE(h.last().rate, (9.0 * 80 + 90) * 1.0);
}

void TestThroughputMeter::windowsAreBoundedAtSixtySeconds()
{
    ThroughputMeter m;
    m.setTickInterval(100);
    m.reset();
    for (int t = 100; t <= 3600 * 1000; t += 100) {
        m.add(ThroughputPath::PeerRx, 10);
        m.sampleAt(t);
    }
    QCOMPARE(m.average60s(ThroughputPath::PeerRx), 100.0);
    QCOMPARE(m.historySize(), 3600);
    QCOMPARE(m.total(ThroughputPath::PeerRx), qint64(36000) * 10);
}

void TestThroughputMeter::resetForgetsEverything()
{
    ThroughputMeter m;
    m.reset();
    m.add(ThroughputPath::LinkRx, 1000);
    m.sampleAt(1000);
    QCOMPARE(m.historySize(), 1);
    m.reset();
    QCOMPARE(m.total(ThroughputPath::LinkRx), 0);
    QCOMPARE(m.historySize(), 0);
    QCOMPARE(m.average1s(ThroughputPath::LinkRx), 0.0);
}

void TestThroughputMeter::scaleFor_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("divisor");
    QTest::addColumn<QString>("unit");
    QTest::newRow("zero") << 0.0 << 1.0 << "B/s";
    QTest::newRow("999") << 999.0 << 1.0 << "B/s";
    QTest::newRow("1000") << 1000.0 << 1000.0 << "kB/s";
    QTest::newRow("115200 line") << 11520.0 << 1000.0 << "kB/s";
    QTest::newRow("3 Mbaud line") << 300000.0 << 1000.0 << "kB/s";
    QTest::newRow("pty") << 64e6 << 1e6 << "MB/s";
}

void TestThroughputMeter::scaleFor()
{
    QFETCH(double, value);
    QFETCH(double, divisor);
    QFETCH(QString, unit);
    const auto s = ThroughputMeter::scaleFor(value);
    QCOMPARE(s.divisor, divisor);
    QCOMPARE(s.unit, unit);
}

void TestThroughputMeter::formatRate_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("bytes") << 950.4 << "950 B/s";
    QTest::newRow("kB two decimals") << 1234.0 << "1.23 kB/s";
    QTest::newRow("kB one decimal") << 11520.0 << "11.5 kB/s";
    QTest::newRow("kB none") << 300000.0 << "300 kB/s";
    QTest::newRow("MB") << 1500000.0 << "1.50 MB/s";
}

void TestThroughputMeter::formatRate()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(ThroughputMeter::formatRate(value), text);
}

void TestThroughputMeter::messagePaths()
{
    QVERIFY(ThroughputMeter::isMessagePath(ThroughputPath::MqttPub));
    QVERIFY(ThroughputMeter::isMessagePath(ThroughputPath::MqttRecv));
    QVERIFY(!ThroughputMeter::isMessagePath(ThroughputPath::UartTx));
    QCOMPARE(ThroughputMeter::formatBytes(1500), QStringLiteral("1.50 kB"));
    QCOMPARE(ThroughputMeter::formatBytes(12), QStringLiteral("12 B"));
}

void TestThroughputMeter::realTickEmitsSamples()
{
    ThroughputMeter m;
    m.setTickInterval(20);
    QSignalSpy spy(&m, &ThroughputMeter::sampled);
    m.start();
    QVERIFY(m.isRunning());
    m.add(ThroughputPath::UartTx, 100);
    QTRY_VERIFY(spy.count() >= 3);
    m.stop();
    QVERIFY(!m.isRunning());
    QCOMPARE(m.lastSample().totalOf(ThroughputPath::UartTx), 100);
}

void TestThroughputMeter::sourceCountsFromAttachAndReset()
{
    // The link's counts come from a TrafficCounters (what DeviceSession counts into), read on
    // the tick; manual adds come on top.
    auto source = std::make_shared<atb::TrafficCounters>();
    source->add(ThroughputPath::UartRx, 1000); // before attach: not ours
    ThroughputMeter m;
    m.reset();
    m.attach(source);
    QCOMPARE(m.total(ThroughputPath::UartRx), 0);
    source->add(ThroughputPath::UartRx, 300);
    source->add(ThroughputPath::LinkRx, 100);
    m.add(ThroughputPath::LinkRx, 5);
    QCOMPARE(m.sampleAt(100).totalOf(ThroughputPath::UartRx), 300);
    QCOMPARE(m.total(ThroughputPath::LinkRx), 105);
    // Another source goes on from the same totals.
    auto other = std::make_shared<atb::TrafficCounters>();
    other->add(ThroughputPath::UartRx, 50);
    m.attach(other);
    QCOMPARE(m.total(ThroughputPath::UartRx), 300);
    other->add(ThroughputPath::UartRx, 20);
    QCOMPARE(m.total(ThroughputPath::UartRx), 320);
    // reset() starts from zero; detaching keeps what was counted.
    m.reset();
    QCOMPARE(m.total(ThroughputPath::UartRx), 0);
    other->add(ThroughputPath::UartRx, 7);
    m.attach(nullptr);
    QCOMPARE(m.total(ThroughputPath::UartRx), 7);
    other->add(ThroughputPath::UartRx, 7);
    QCOMPARE(m.total(ThroughputPath::UartRx), 7);
}

QTEST_GUILESS_MAIN(TestThroughputMeter)
#include "tst_throughputmeter.moc"
