// RecordRing, the session log's memory: after any sequence of pushes it holds exactly the newest
// records, unchanged, within both bounds, and once full it stops growing.
#include "log/recordring.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace atb;

class tst_RecordRing : public QObject
{
    Q_OBJECT

    static LogRecord record(int i, qsizetype length)
    {
        LogRecord r;
        r.timeMs = 1700000000000 + i;
        r.kind = LogRecord::Kind(i % 9);
        r.commandId = quint64(i) * 7;
        r.failure = i % 3 == 0;
        r.text.resize(length);
        for (qsizetype k = 0; k < length; ++k)
            r.text[k] = char('a' + (i + k) % 26);
        return r;
    }

private slots:
    void holdsTheNewestWithinBothBounds_data()
    {
        QTest::addColumn<int>("maxRecords");
        QTest::addColumn<int>("maxBytes");
        QTest::addColumn<QList<int>>("lengths"); // cycled through
        QTest::addColumn<int>("pushes");
        QTest::newRow("short texts: the count binds") << 1000 << 1024 * 1024 << QList<int> { 2, 14, 60, 5 } << 20000;
        QTest::newRow("long texts: the bytes bind") << 100000 << 64 * 1024 << QList<int> { 500, 1900, 730 } << 5000;
        QTest::newRow("the soak's mix") << 5000 << 256 * 1024 << QList<int> { 60, 2048, 60, 60, 1100, 9, 4096 } << 40000;
        QTest::newRow("lengths that fill the ring exactly") << 100000 << 64 * 1024 << QList<int> { 1024, 4096, 2048 } << 3000;
        QTest::newRow("empty texts between others") << 300 << 8192 << QList<int> { 0, 0, 700, 0, 1 } << 5000;
        QTest::newRow("texts longer than the ring are clipped") << 100 << 4096 << QList<int> { 5000, 100, 4096, 4095 } << 1000;
        QTest::newRow("one record") << 1 << 4096 << QList<int> { 10, 3000 } << 50;
    }
    void holdsTheNewestWithinBothBounds()
    {
        QFETCH(int, maxRecords);
        QFETCH(int, maxBytes);
        QFETCH(QList<int>, lengths);
        QFETCH(int, pushes);
        RecordRing ring(maxRecords, maxBytes);
        const qsizetype longest = qMin<qsizetype>(*std::max_element(lengths.begin(), lengths.end()), maxBytes);
        for (int i = 0; i < pushes; ++i) {
            ring.push(record(i, lengths[i % lengths.size()]));
            QVERIFY(ring.size() >= 1);
            QVERIFY(ring.size() <= maxRecords);
            QVERIFY(ring.textBytes() <= maxBytes);
            QVERIFY(ring.ringBytes() <= maxBytes);
            // Full by bytes means nearly full: at most the wrap's padding and the newest text short.
            if (ring.size() < maxRecords && ring.size() < i + 1)
                QVERIFY2(ring.textBytes() > maxBytes - 3 * longest, qPrintable(QString::number(i)));
            if (i % 97 == 0 || i == pushes - 1) {
                qsizetype sum = 0;
                const int first = i + 1 - int(ring.size());
                for (qsizetype k = 0; k < ring.size(); ++k) {
                    LogRecord want = record(first + int(k), lengths[(first + k) % lengths.size()]);
                    want.text.truncate(maxBytes);
                    const LogRecord got = ring.at(k);
                    QCOMPARE(got.text, want.text);
                    QCOMPARE(got.timeMs, want.timeMs);
                    QCOMPARE(got.kind, want.kind);
                    QCOMPARE(got.commandId, want.commandId);
                    QCOMPARE(got.failure, want.failure);
                    const LogRecord head = ring.header(k);
                    QVERIFY(head.text.isNull());
                    QCOMPARE(head.timeMs, want.timeMs);
                    QCOMPARE(head.kind, want.kind);
                    QCOMPARE(head.commandId, want.commandId);
                    QCOMPARE(head.failure, want.failure);
                    sum += got.text.size();
                }
                QCOMPARE(ring.textBytes(), sum);
            }
        }
    }

    // The byte ring grows only as far as the newest maxRecords texts need (not to maxBytes when the
    // count binds first), then stays the same size however long the log runs.
    void stopsGrowingOnceFull()
    {
        RecordRing ring(1000, 32 * 1024 * 1024);
        QRandomGenerator random(15);
        auto pushSome = [&](int n, int base) {
            for (int i = 0; i < n; ++i)
                ring.push(record(base + i, random.bounded(2) ? 60 : qsizetype(random.bounded(1000, 2048))));
        };
        pushSome(5000, 0);
        const qsizetype grown = ring.ringBytes();
        QVERIFY2(grown <= 4 * 1000 * 2048, qPrintable(QString::number(grown)));
        pushSome(200000, 5000);
        QCOMPARE(ring.ringBytes(), grown);
        QCOMPARE(ring.size(), 1000);
        ring.clear();
        QCOMPARE(ring.size(), 0);
        QCOMPARE(ring.ringBytes(), 0);
        ring.push(record(1, 3));
        QCOMPARE(ring.at(0).text, record(1, 3).text);
    }
};

QTEST_GUILESS_MAIN(tst_RecordRing)
#include "tst_recordring.moc"
