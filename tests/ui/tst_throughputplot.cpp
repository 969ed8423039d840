#include "screenshotdir.h"
#include "widgets/throughputplot.h"

#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestThroughputPlot : public QObject
{
    Q_OBJECT
private slots:
    void decimationKeepsMinMaxPerColumn_data();
    void decimationKeepsMinMaxPerColumn();
    void decimationIgnoresPointsOutsideTheWindow();
    void historyIsBounded();
    void csvHasOneRowPerTime();
    void csvFileAndPng();
    void pauseFreezesTheWindow();
    void hoverShowsValuesInScaledUnits();
    void paintsAtRealisticSize();
};

void TestThroughputPlot::decimationKeepsMinMaxPerColumn_data()
{
    QTest::addColumn<int>("points");
    QTest::addColumn<int>("columns");
    QTest::newRow("fewer points than columns") << 300 << 1000;
    QTest::newRow("100k on 1000") << 100000 << 1000;
    QTest::newRow("odd sizes") << 12345 << 777;
}

void TestThroughputPlot::decimationKeepsMinMaxPerColumn()
{
    QFETCH(int, points);
    QFETCH(int, columns);
    QRandomGenerator rng(42);
    std::vector<double> t(static_cast<size_t>(points)), v(static_cast<size_t>(points));
    for (int i = 0; i < points; ++i) {
        t[size_t(i)] = i * 0.1;
        v[size_t(i)] = rng.bounded(1000000.0);
    }
    const double t0 = 0, t1 = points * 0.1;
    std::vector<ThroughputPlot::Column> cols;
    ThroughputPlot::decimate(points, [&](qsizetype i) { return std::pair<double, double>(t[size_t(i)], v[size_t(i)]); },
                             t0, t1, columns, cols);
    QCOMPARE(int(cols.size()), columns);
    // Brute force: every point's column holds it between min and max, and min/max are attained.
    std::vector<double> mn(size_t(columns), 1e300), mx(size_t(columns), -1e300);
    std::vector<int> n(size_t(columns), 0);
    int total = 0;
    for (int i = 0; i < points; ++i) {
        const int c = qMin(columns - 1, int((t[size_t(i)] - t0) * columns / (t1 - t0)));
        mn[size_t(c)] = qMin(mn[size_t(c)], v[size_t(i)]);
        mx[size_t(c)] = qMax(mx[size_t(c)], v[size_t(i)]);
        ++n[size_t(c)];
    }
    for (int c = 0; c < columns; ++c) {
        QCOMPARE(cols[size_t(c)].count, n[size_t(c)]);
        total += cols[size_t(c)].count;
        if (n[size_t(c)]) {
            QCOMPARE(cols[size_t(c)].min, mn[size_t(c)]);
            QCOMPARE(cols[size_t(c)].max, mx[size_t(c)]);
        }
    }
    QCOMPARE(total, points);
}

void TestThroughputPlot::decimationIgnoresPointsOutsideTheWindow()
{
    const std::vector<double> t { 0, 1, 2, 3, 4 }, v { 100, 5, 6, 7, 100 };
    std::vector<ThroughputPlot::Column> cols;
    ThroughputPlot::decimate(5, [&](qsizetype i) { return std::pair<double, double>(t[size_t(i)], v[size_t(i)]); }, 1,
                             4, 1, cols);
    QCOMPARE(cols.size(), size_t(1));
    QCOMPARE(cols[0].count, 3);
    QCOMPARE(cols[0].min, 5.0);
    QCOMPARE(cols[0].max, 7.0);
}

void TestThroughputPlot::historyIsBounded()
{
    ThroughputPlot plot;
    const int s = plot.addSeries(QStringLiteral("RX"));
    plot.setCapacity(100);
    for (int i = 0; i < 1000; ++i)
        plot.append(s, i, i);
    QCOMPARE(plot.pointCount(s), 100);
    QVERIFY(plot.toCsv().startsWith(QStringLiteral("time_s,\"RX\"\n900.000,900\n")));
    plot.clear();
    QCOMPARE(plot.pointCount(s), 0);
}

void TestThroughputPlot::csvHasOneRowPerTime()
{
    ThroughputPlot plot;
    const int a = plot.addSeries(QStringLiteral("UART TX"));
    const int b = plot.addSeries(QStringLiteral("Say \"hi\""));
    plot.append(a, 1.0, 1000);
    plot.append(b, 1.0, 11520.5);
    plot.append(a, 2.0, 2000);
    plot.append(b, 3.0, 0);
    QCOMPARE(plot.toCsv(), QStringLiteral("time_s,\"UART TX\",\"Say \"\"hi\"\"\"\n"
                                          "1.000,1000,11520.5\n"
                                          "2.000,2000,\n"
                                          "3.000,,0\n"));
}

void TestThroughputPlot::csvFileAndPng()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ThroughputPlot plot;
    plot.resize(600, 300);
    const int a = plot.addSeries(QStringLiteral("A"));
    for (int i = 0; i < 50; ++i)
        plot.append(a, i, i * 100);
    const QString csv = dir.filePath(QStringLiteral("p.csv"));
    QVERIFY(plot.exportCsv(csv));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), plot.toCsv());
    const QString png = dir.filePath(QStringLiteral("p.png"));
    QVERIFY(plot.exportPng(png));
    const QImage img(png);
    QCOMPARE(img.size(), QSize(600, 300));
    QString error;
    QVERIFY(!plot.exportCsv(dir.filePath(QStringLiteral("missing/dir/p.csv")), &error));
    QVERIFY(!error.isEmpty());
}

void TestThroughputPlot::pauseFreezesTheWindow()
{
    ThroughputPlot plot;
    plot.setTimeSpan(10);
    const int a = plot.addSeries(QStringLiteral("A"));
    for (int i = 0; i <= 20; ++i)
        plot.append(a, i, 1);
    QCOMPARE(plot.timeWindow(), qMakePair(10.0, 20.0));
    QSignalSpy spy(&plot, &ThroughputPlot::pausedChanged);
    plot.setPaused(true);
    QCOMPARE(spy.count(), 1);
    for (int i = 21; i <= 30; ++i)
        plot.append(a, i, 1);
    QCOMPARE(plot.timeWindow(), qMakePair(10.0, 20.0)); // frozen
    QCOMPARE(plot.pointCount(a), 31);                   // data still collected
    plot.setPaused(false);
    QCOMPARE(plot.timeWindow(), qMakePair(20.0, 30.0));
}

void TestThroughputPlot::hoverShowsValuesInScaledUnits()
{
    ThroughputPlot plot;
    plot.resize(1000, 400);
    plot.setTimeSpan(0);
    const int a = plot.addSeries(QStringLiteral("UART RX"));
    const int b = plot.addSeries(QStringLiteral("Link RX"));
    for (int i = 0; i <= 100; ++i) {
        plot.append(a, i, 11520);
        plot.append(b, i, i < 50 ? 500 : 1500000);
    }
    const QRect area = plot.plotArea();
    const QString left = plot.valueTextAt(area.left() + area.width() / 4);
    QVERIFY2(left.contains(QStringLiteral("UART RX: 11.5 kB/s")), qPrintable(left));
    QVERIFY2(left.contains(QStringLiteral("Link RX: 500 B/s")), qPrintable(left));
    const QString right = plot.valueTextAt(area.right());
    QVERIFY2(right.contains(QStringLiteral("Link RX: 1.50 MB/s")), qPrintable(right));
    QVERIFY(plot.valueTextAt(area.left() - 5).isEmpty());
    plot.setUnit(ThroughputPlot::Unit::MessagesPerSecond);
    QVERIFY(plot.valueTextAt(area.right()).contains(QStringLiteral("msg/s")));
}

void TestThroughputPlot::paintsAtRealisticSize()
{
    ThroughputPlot plot;
    plot.resize(1000, 500);
    const char *names[] = { "UART TX", "UART RX", "Network to module", "Network from module" };
    for (const char *n : names)
        plot.addSeries(QString::fromLatin1(n));
    QRandomGenerator rng(7);
    for (int i = 0; i < 600; ++i)
        for (int s = 0; s < 4; ++s)
            plot.append(s, i * 0.1, 80000 + s * 3000 + rng.bounded(8000.0));
    QTest::mouseMove(&plot, QPoint(700, 200));
    const QImage img = plot.grab().toImage();
    QVERIFY(!img.isNull());
    // Something other than the background was drawn inside the plot area.
    const QRgb bg = img.pixel(plot.plotArea().center().x(), plot.plotArea().bottom() - 2);
    int different = 0;
    for (int x = plot.plotArea().left() + 2; x < plot.plotArea().right(); x += 3)
        for (int y = plot.plotArea().top() + 2; y < plot.plotArea().bottom(); y += 3)
            different += img.pixel(x, y) != bg;
    QVERIFY(different > 100);
    ScreenshotDir shots;
    QVERIFY(shots.isValid());
    QVERIFY(img.save(shots.filePath(QStringLiteral("throughputplot.png"))));
}

QTEST_MAIN(TestThroughputPlot)
#include "tst_throughputplot.moc"
