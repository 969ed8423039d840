// AtCommand::fromLine derives timeout, data phase and quiet end from the command catalog.
#include "engine/atcommand.h"

#include <QtTest>

using namespace atb;

class tst_AtCommand : public QObject
{
    Q_OBJECT

private slots:
    void fromLine_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("beken");
        QTest::addColumn<bool>("prompt");
        QTest::addColumn<bool>("passthrough");
        QTest::addColumn<bool>("quietEnd");
        QTest::addColumn<qint64>("length");
        QTest::addColumn<int>("minTimeout");
        QTest::newRow("AT") << QByteArray("AT") << false << false << false << false << qint64(-1) << 2000;
        QTest::newRow("CIPSEND single") << QByteArray("AT+CIPSEND=4") << false << true << false << false << qint64(4) << 2000;
        QTest::newRow("CIPSEND multi") << QByteArray("AT+CIPSEND=1,2048") << false << true << false << false << qint64(2048) << 2000;
        QTest::newRow("CIPSEND udp remote") << QByteArray("AT+CIPSEND=0,5,\"127.0.0.1\",5000") << false << true << false << false << qint64(5) << 2000;
        QTest::newRow("CIPSEND single udp remote") << QByteArray("AT+CIPSEND=5,\"127.0.0.1\",5000") << false << true << false << false << qint64(5) << 2000;
        QTest::newRow("CIPSEND passthrough") << QByteArray("AT+CIPSEND") << false << true << true << false << qint64(-1) << 2000;
        QTest::newRow("PUBRAW") << QByteArray("AT+MQTTPUBRAW=0,\"a,b\",7,1,0") << false << true << false << false << qint64(7) << 10000;
        QTest::newRow("CWJAP long") << QByteArray("AT+CWJAP=\"a\",\"b\"") << false << false << false << false << qint64(-1) << 20000;
        QTest::newRow("MQTTCONN longer") << QByteArray("AT+MQTTCONN=0,\"127.0.0.1\",1883,1") << false << false << false << false << qint64(-1) << 25000;
        QTest::newRow("Beken CIPSTATUS? quiet") << QByteArray("AT+CIPSTATUS?") << true << false << false << true << qint64(-1) << 2000;
        QTest::newRow("Esp CIPSTATUS has OK") << QByteArray("AT+CIPSTATUS") << false << false << false << false << qint64(-1) << 2000;
        QTest::newRow("unknown command") << QByteArray("AT+WHATEVER=1") << false << false << false << false << qint64(-1) << 2000;
    }
    void fromLine()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, beken);
        QFETCH(bool, prompt);
        QFETCH(bool, passthrough);
        QFETCH(bool, quietEnd);
        QFETCH(qint64, length);
        QFETCH(int, minTimeout);
        qint64 len = 0;
        const AtCommand c = AtCommand::fromLine(line, beken, &len);
        QCOMPARE(c.line, line);
        QCOMPARE(c.expectsPrompt, prompt);
        QCOMPARE(c.enterPassthrough, passthrough);
        QCOMPARE(c.quietEndMs > 0, quietEnd);
        QCOMPARE(len, length);
        QVERIFY2(c.timeoutMs >= minTimeout, qPrintable(QString::number(c.timeoutMs)));
    }
};

QTEST_APPLESS_MAIN(tst_AtCommand)
#include "tst_atcommand.moc"
