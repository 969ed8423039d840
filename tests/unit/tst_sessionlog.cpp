// SessionLog and Redactor: secrets masked everywhere, memory bounded, streaming and export in
// text and JSON Lines.
#include "log/redactor.h"
#include "log/sessionlog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace atb;

class tst_SessionLog : public QObject
{
    Q_OBJECT

private slots:
    void maskLine_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("masked");
        QTest::newRow("CWJAP") << QByteArray("AT+CWJAP=\"BenchAP\",\"12345678\"") << QByteArray("AT+CWJAP=\"BenchAP\",\"***\"");
        QTest::newRow("CWJAP escaped comma and quote in password")
            << QByteArray("AT+CWJAP=\"a\\,b\",\"p\\\"w\\,d\",\"bssid\"") << QByteArray("AT+CWJAP=\"a\\,b\",\"***\",\"bssid\"");
        QTest::newRow("CWJAP lower case") << QByteArray("at+cwjap=\"x\",\"secret\"") << QByteArray("at+cwjap=\"x\",\"***\"");
        QTest::newRow("CWJAP no password") << QByteArray("AT+CWJAP=\"open\"") << QByteArray("AT+CWJAP=\"open\"");
        QTest::newRow("CWJAP query untouched") << QByteArray("AT+CWJAP?") << QByteArray("AT+CWJAP?");
        QTest::newRow("MQTTUSERCFG") << QByteArray("AT+MQTTUSERCFG=0,1,\"cid\",\"user\",\"pw\",0,0,\"\"")
                                     << QByteArray("AT+MQTTUSERCFG=0,1,\"cid\",\"user\",\"***\",0,0,\"\"");
        QTest::newRow("MQTTPASSWORD") << QByteArray("AT+MQTTPASSWORD=0,\"pw,x\"") << QByteArray("AT+MQTTPASSWORD=0,\"***\"");
        QTest::newRow("CIPSSLCPSK multi") << QByteArray("AT+CIPSSLCPSK=0,\"psk\",\"hint\"") << QByteArray("AT+CIPSSLCPSK=0,\"***\",\"hint\"");
        QTest::newRow("CIPSSLCPSK single") << QByteArray("AT+CIPSSLCPSK=\"psk\",\"hint\"") << QByteArray("AT+CIPSSLCPSK=\"***\",\"hint\"");
        QTest::newRow("CIPSSLCPSK reply") << QByteArray("+CIPSSLCPSK:0,\"psk\",\"hint\"") << QByteArray("+CIPSSLCPSK:0,\"***\",\"hint\"");
        QTest::newRow("CWSAP") << QByteArray("AT+CWSAP=\"ap\",\"pw\",5,3") << QByteArray("AT+CWSAP=\"ap\",\"***\",5,3");
        QTest::newRow("CWSAP reply") << QByteArray("+CWSAP:\"BenchSoftAP\",\"12345678\",6,3,4,0")
                                     << QByteArray("+CWSAP:\"BenchSoftAP\",\"***\",6,3,4,0");
        QTest::newRow("other untouched") << QByteArray("AT+CIPSTART=\"TCP\",\"127.0.0.1\",80") << QByteArray("AT+CIPSTART=\"TCP\",\"127.0.0.1\",80");
    }
    void maskLine()
    {
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, masked);
        QCOMPARE(Redactor::maskLine(line), masked);
    }

    void secretsNeverReachRecordsStreamOrExport()
    {
        QTemporaryDir dir;
        SessionLog log(100);
        QVERIFY(log.startStreaming(dir.filePath("stream.txt"), SessionLog::Format::Text));
        log.appendTx("AT+CWJAP=\"ap\",\"hunter2\"", 1);
        AtEvent echo;
        echo.kind = AtEvent::Kind::Line;
        echo.text = "AT+CWJAP=\"ap\",\"hunter2\"";
        log.appendEvent(echo, 1);
        log.appendTxData("AT+MQTTLONGPASSWORD=0,7", "hunter2", 2);
        log.appendInfo(QStringLiteral("AT+MQTTPASSWORD=0,\"hunter2\""));
        log.stopStreaming();
        QVERIFY(log.exportTo(dir.filePath("export.jsonl"), SessionLog::Format::JsonLines));
        QVERIFY(log.exportTo(dir.filePath("export.txt"), SessionLog::Format::Text));
        for (const char *name : { "stream.txt", "export.jsonl", "export.txt" }) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray all = f.readAll();
            QVERIFY2(!all.contains("hunter2"), name);
            QVERIFY2(all.contains("***") || all.contains("masked"), name);
        }
    }

    void memoryIsBounded()
    {
        SessionLog log(1000);
        for (int i = 0; i < 5000; ++i)
            log.appendTx("AT+" + QByteArray::number(i), quint64(i));
        QCOMPARE(log.size(), 1000);
        QCOMPARE(log.snapshot().first().text, QByteArray("AT+4000"));
    }

    void bytesAreBoundedToo()
    {
        SessionLog log(100000, nullptr, 64 * 1024);
        const QByteArray big(500, 'x');
        for (int i = 0; i < 1000; ++i)
            log.appendTx(big, quint64(i));
        QVERIFY(log.bytesHeld() <= 64 * 1024);
        QVERIFY(log.size() < 1000);
        QCOMPARE(log.snapshot().last().commandId, quint64(999)); // the newest are kept
    }

    void jsonLinesAreValidWithTimestamps()
    {
        QTemporaryDir dir;
        SessionLog log;
        AtEvent fin;
        fin.kind = AtEvent::Kind::Final;
        fin.finalClass = AtEvent::FinalClass::Failure;
        fin.text = "ERROR";
        fin.errCodes = { 0x010a6044 };
        log.appendEvent(fin, 7);
        AtEvent ipd;
        ipd.kind = AtEvent::Kind::Urc;
        ipd.name = "+IPD";
        ipd.text = "+IPD,0,3:";
        ipd.length = 3;
        ipd.payload = QByteArray("a\0\n", 3);
        log.appendEvent(ipd, 0);
        QVERIFY(log.exportTo(dir.filePath("x.jsonl"), SessionLog::Format::JsonLines));
        QFile f(dir.filePath("x.jsonl"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), 3); // two records and the empty tail
        const QJsonObject a = QJsonDocument::fromJson(lines[0]).object();
        QCOMPARE(a.value("kind").toString(), QStringLiteral("final"));
        QCOMPARE(a.value("text").toString(), QStringLiteral("ERROR [ERR CODE:0x010a6044]"));
        QCOMPARE(a.value("cmd").toInt(), 7);
        QVERIFY(a.value("t").toString().contains(QLatin1Char('.'))); // milliseconds
        const QJsonObject b = QJsonDocument::fromJson(lines[1]).object();
        QCOMPARE(b.value("text").toString(), QStringLiteral("+IPD,0,3:a\\x00\\n"));
    }

    void recordsAreBatched()
    {
        SessionLog log;
        QSignalSpy spy(&log, &SessionLog::recordsAppended);
        for (int i = 0; i < 100; ++i)
            log.appendTx("AT", 1);
        QTRY_VERIFY(!spy.isEmpty());
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy[0][0].value<QList<LogRecord>>().size(), 100);
    }
};

QTEST_GUILESS_MAIN(tst_SessionLog)
#include "tst_sessionlog.moc"
