// The console's bounded scrollback model and its palette-derived colours.
#include "console/consolemodel.h"

#include <QAbstractItemModelTester>
#include <QPalette>
#include <QtTest>

using atb::LogRecord;

class tst_ConsoleModel : public QObject
{
    Q_OBJECT

private slots:
    void staysBoundedAndKeepsNewest_data();
    void staysBoundedAndKeepsNewest();
    void kindsHaveDistinctReadableColours_data();
    void kindsHaveDistinctReadableColours();
    void linesCarryMillisecondTimestamps();
    void clearRemovesEverything();
    void byteBudgetDropsOldestRowsConsistently_data();
    void byteBudgetDropsOldestRowsConsistently();

private:
    static QList<LogRecord> records(int from, int count);
};

QList<LogRecord> tst_ConsoleModel::records(int from, int count)
{
    QList<LogRecord> out;
    for (int i = from; i < from + count; ++i) {
        LogRecord r;
        r.timeMs = 1700000000000 + i;
        r.kind = LogRecord::Kind::Rx;
        r.text = "line " + QByteArray::number(i);
        out << r;
    }
    return out;
}

void tst_ConsoleModel::staysBoundedAndKeepsNewest_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("batch");

    QTest::newRow("one at a time past capacity") << 16 << 40 << 1;
    QTest::newRow("uneven batches") << 100 << 1234 << 7;
    QTest::newRow("batch larger than capacity") << 50 << 500 << 120;
    QTest::newRow("exactly capacity") << 64 << 64 << 64;
    QTest::newRow("console size, 3x over") << 50000 << 150000 << 5000;
}

void tst_ConsoleModel::staysBoundedAndKeepsNewest()
{
    QFETCH(int, capacity);
    QFETCH(int, total);
    QFETCH(int, batch);
    ConsoleModel model(capacity);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < total; i += batch)
        model.appendRecords(records(i, qMin(batch, total - i)));
    QCOMPARE(model.rowCount(), qMin(capacity, total));
    QCOMPARE(model.index(model.rowCount() - 1).data(ConsoleModel::TextRole).toString(),
             QStringLiteral("line %1").arg(total - 1));
    QCOMPARE(model.index(0).data(ConsoleModel::TextRole).toString(),
             QStringLiteral("line %1").arg(qMax(0, total - capacity)));
}

void tst_ConsoleModel::kindsHaveDistinctReadableColours_data()
{
    QTest::addColumn<QColor>("base");
    QTest::addColumn<QColor>("text");
    QTest::newRow("light") << QColor(Qt::white) << QColor(Qt::black);
    QTest::newRow("dark") << QColor(0x1e, 0x1e, 0x1e) << QColor(0xe0, 0xe0, 0xe0);
}

void tst_ConsoleModel::kindsHaveDistinctReadableColours()
{
    QFETCH(QColor, base);
    QFETCH(QColor, text);
    QPalette pal;
    pal.setColor(QPalette::Base, base);
    pal.setColor(QPalette::Text, text);
    pal.setColor(QPalette::PlaceholderText, base); // unreadable on purpose: must be replaced
    const ThemeColours c = ThemeColours::fromPalette(pal);
    const QList<QColor> all { c.tx, c.rx, c.finalOk, c.finalError, c.urc, c.prompt, c.rxData, c.info };
    for (const QColor &col : all)
        QVERIFY2(qAbs(col.lightness() - base.lightness()) >= 60, qPrintable(col.name() + QLatin1String(" on ") + base.name()));
    QVERIFY(c.finalOk != c.finalError);
    QVERIFY(c.tx != c.rx);
    QCOMPARE(c.rx, text);
}

void tst_ConsoleModel::linesCarryMillisecondTimestamps()
{
    ConsoleModel model(100);
    LogRecord r;
    r.timeMs = QDateTime(QDate(2025, 1, 2), QTime(13, 4, 5, 67)).toMSecsSinceEpoch();
    r.kind = LogRecord::Kind::Tx;
    r.text = "AT+GMR";
    model.appendRecords({ r });
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("13:04:05.067  TX   AT+GMR"));
    QCOMPARE(model.index(0).data(Qt::ForegroundRole).value<QColor>(), model.colours().tx);
}

void tst_ConsoleModel::clearRemovesEverything()
{
    ConsoleModel model(10);
    model.appendRecords(records(0, 25));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.appendRecords(records(100, 3));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0).data(ConsoleModel::TextRole).toString(), QStringLiteral("line 100"));
}

QTEST_MAIN(tst_ConsoleModel)
#include "tst_consolemodel.moc"

void tst_ConsoleModel::byteBudgetDropsOldestRowsConsistently_data()
{
    QTest::addColumn<int>("lineBytes");
    QTest::addColumn<int>("batch");
    QTest::newRow("one long line at a time") << 700 << 1;
    QTest::newRow("batches of three") << 700 << 3;
    QTest::newRow("a batch over the budget by itself") << 700 << 10;
    QTest::newRow("lines the size of the budget") << 4096 << 2;
}

// The console also bounds its text's bytes (+IPD lines are kilobytes each): rows drop out in order,
// the model's signals stay consistent (QAbstractItemModelTester) and every row shows its own line.
void tst_ConsoleModel::byteBudgetDropsOldestRowsConsistently()
{
    QFETCH(int, lineBytes);
    QFETCH(int, batch);
    ConsoleModel model(1000, nullptr, 4096);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    int removed = 0;
    connect(&model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [&](const QModelIndex &, int first, int last) {
        QCOMPARE(first, 0);
        removed += last - first + 1;
    });
    const int total = 60;
    for (int i = 0; i < total; i += batch) {
        QList<LogRecord> lines = records(i, qMin(batch, total - i));
        for (LogRecord &r : lines)
            r.text = r.text.leftJustified(lineBytes, '.');
        model.appendRecords(lines);
        QVERIFY(model.rowCount() >= 1);
        QVERIFY(qsizetype(model.rowCount()) * lineBytes <= 4096);
        const int first = qMin(i + batch, total) - model.rowCount();
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.index(row).data(ConsoleModel::TextRole).toString().startsWith(QStringLiteral("line %1.").arg(first + row)));
    }
    QVERIFY(removed > 0);
}
