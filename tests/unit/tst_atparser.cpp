// Framer + parser on the module's output, for both dialects. Every row is also fed split at
// every byte offset and one byte at a time: the events must not depend on the chunking.
#include "eventrecorder.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace atb;

class tst_AtParser : public QObject
{
    Q_OBJECT

private:
    static QStringList parseWhole(const QByteArray &in, Dialect d = Dialect::Esp)
    {
        EventRecorder rec;
        AtParser p(&rec, d);
        p.feed(in);
        p.finish();
        return rec.events;
    }

private slots:
    void replies_data();
    void replies();
    void everySplitGivesTheSameEvents_data() { replies_data(); }
    void everySplitGivesTheSameEvents();
    void oneByteAtATime_data() { replies_data(); }
    void oneByteAtATime();
    void randomBytesNeverCrashAndStayBounded();
    void megabyteLineIsReportedAndSkipped();
    void lineStartingWithPromptCharIsALineWhenWhole();
    void absurdLengthIsRejected();
    void truncatedPayloadIsReportedAtEnd();
    void promptSwitchesToRawInsideOneChunk();
    void finalClassification_data();
    void finalClassification();
};

void tst_AtParser::replies_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");
    const QString ok = QStringLiteral("final:OK");

    // protocol.md 7.1
    QTest::newRow("1 AT OK") << QByteArray("\r\nOK\r\n") << QStringList { ok };
    QTest::newRow("2 unknown with ERR CODE") << QByteArray("ERR CODE:0x01090000\r\n\r\nERROR\r\n")
                                             << QStringList { "final:ERROR[01090000]" };
    QTest::newRow("4 echo of ATE0") << QByteArray("ATE0\r\n\r\nOK\r\n") << QStringList { "line:ATE0", ok };
    QTest::newRow("6 reset then ready") << QByteArray("\r\nOK\r\nWIFI DISCONNECT\r\n\r\nready\r\n")
                                        << QStringList { ok, "urc:WIFI DISCONNECT", "urc:ready" };
    QTest::newRow("7 busy with code") << QByteArray("ERR CODE:0x010b0000\r\nbusy p...\r\n")
                                      << QStringList { "final:busy p...[010b0000]" };
    QTest::newRow("8 GMR") << QByteArray("AT version:2.3.0.0(abc)\r\nSDK version:v4.3\r\ncompile time(123):Nov 21 2026\r\nBin version:2.3.0(ESP32-C3)\r\n\r\nOK\r\n")
                           << QStringList { "line:AT version:2.3.0.0(abc)", "line:SDK version:v4.3",
                                            "line:compile time(123):Nov 21 2026", "line:Bin version:2.3.0(ESP32-C3)", ok };
    QTest::newRow("10 CWJAP success") << QByteArray("WIFI CONNECTED\r\nWIFI GOT IP\r\n\r\nOK\r\n")
                                      << QStringList { "urc:WIFI CONNECTED", "urc:WIFI GOT IP", ok };
    QTest::newRow("11 CWJAP wrong password") << QByteArray("+CWJAP:2\r\n\r\nERROR\r\n")
                                             << QStringList { "line:+CWJAP:2", "final:ERROR" };
    // 7.2
    QTest::newRow("19 CONNECT before OK") << QByteArray("CONNECT\r\n\r\nOK\r\n") << QStringList { "urc:CONNECT", ok };
    QTest::newRow("20 0,CONNECT") << QByteArray("0,CONNECT\r\n\r\nOK\r\n") << QStringList { "urc:CONNECT#0", ok };
    QTest::newRow("22 already connected") << QByteArray("ALREADY CONNECTED\r\n\r\nERROR\r\n")
                                          << QStringList { "line:ALREADY CONNECTED", "final:ERROR" };
    QTest::newRow("24 CIPSEND prompt and result")
        << QByteArray("\r\nOK\r\n\r\n>") << QStringList { ok, "prompt" };
    QTest::newRow("24b after data") << QByteArray("\r\nRecv 4 bytes\r\n\r\nSEND OK\r\n")
                                    << QStringList { "line:Recv 4 bytes", "final:SEND OK" };
    QTest::newRow("26 busy then SEND OK") << QByteArray("busy p...\r\nRecv 4 bytes\r\n\r\nSEND OK\r\n")
                                          << QStringList { "final:busy p...", "line:Recv 4 bytes", "final:SEND OK" };
    QTest::newRow("29 +IPD single") << QByteArray("\r\n+IPD,4:test") << QStringList { "urc:+IPD(4)=test" };
    QTest::newRow("30 +IPD multi") << QByteArray("+IPD,0,4:test\r\n") << QStringList { "urc:+IPD#0(4)=test" };
    QTest::newRow("31 +IPD with remote") << QByteArray("+IPD,0,4,\"127.0.0.1\",8080:test")
                                         << QStringList { "urc:+IPD#0@127.0.0.1:8080(4)=test" };
    QTest::newRow("31b +IPD single with remote") << QByteArray("+IPD,4,\"::1\",8080:t:st")
                                                 << QStringList { "urc:+IPD@::1:8080(4)=t:st" };
    QTest::newRow("31c NONOS unquoted ip") << QByteArray("+IPD,0,3,127.0.0.1,80:abc")
                                           << QStringList { "urc:+IPD#0@127.0.0.1:80(3)=abc" };
    QTest::newRow("33 payload with CR LF") << QByteArray("+IPD,4:a\r\nb\r\nOK\r\n")
                                           << QStringList { "urc:+IPD(4)=a\\r\\nb", ok };
    QTest::newRow("payload looks like replies") << QByteArray("+IPD,0,12:\r\nOK\r\n+IPD,1\r\n\r\nOK\r\n")
                                                << QStringList { "urc:+IPD#0(12)=\\r\\nOK\\r\\n+IPD,1", ok };
    QTest::newRow("34 passive notification") << QByteArray("+IPD,4\r\n") << QStringList { "urc:+IPD(4)" };
    QTest::newRow("34 passive multi") << QByteArray("+IPD,1,20\r\n") << QStringList { "urc:+IPD#1(20)" };
    QTest::newRow("34 CIPRECVDATA") << QByteArray("+CIPRECVDATA:4,test\r\nOK\r\n")
                                    << QStringList { "data:+CIPRECVDATA(4)=test", ok };
    QTest::newRow("CIPRECVDATA with remote") << QByteArray("+CIPRECVDATA:2,\"127.0.0.1\",5000,hi\r\n\r\nOK\r\n")
                                             << QStringList { "data:+CIPRECVDATA@127.0.0.1:5000(2)=hi", ok };
    QTest::newRow("CIPRECVDATA data with quote") << QByteArray("+CIPRECVDATA:3,\"x\"\r\nOK\r\n")
                                                 << QStringList { "data:+CIPRECVDATA(3)=\"x\"", ok };
    QTest::newRow("CIPRECVDATA old form") << QByteArray("+CIPRECVDATA,4:te\r\nOK\r\n")
                                          << QStringList { "data:+CIPRECVDATA(4)=te\\r\\n", ok };
    // 7.4 MQTT
    QTest::newRow("68 MQTTCONNECTED") << QByteArray("+MQTTCONNECTED:0,1,\"127.0.0.1\",\"8883\",\"\",1\r\n\r\nOK\r\n")
                                      << QStringList { "urc:+MQTTCONNECTED:0,1,\"127.0.0.1\",\"8883\",\"\",1", ok };
    QTest::newRow("73 already subscribe") << QByteArray("ALREADY SUBSCRIBE\r\n\r\nOK\r\n")
                                          << QStringList { "line:ALREADY SUBSCRIBE", ok };
    QTest::newRow("75 SUBRECV") << QByteArray("+MQTTSUBRECV:0,\"topic\",4,test\r\n")
                                << QStringList { "urc:+MQTTSUBRECV#0\"topic\"(4)=test" };
    QTest::newRow("76 SUBRECV with OK inside") << QByteArray("+MQTTSUBRECV:0,\"topic\",8,a\r\nOK\r\nb\r\nOK\r\n")
                                               << QStringList { "urc:+MQTTSUBRECV#0\"topic\"(8)=a\\r\\nOK\\r\\nb", ok };
    QTest::newRow("SUBRECV topic with comma and quote")
        << QByteArray("+MQTTSUBRECV:0,\"a,\"b\",3,x,y\r\n") << QStringList { "urc:+MQTTSUBRECV#0\"a,\"b\"(3)=x,y" };
    QTest::newRow("SUBRECV binary with NUL") << QByteArray("+MQTTSUBRECV:0,\"t\",3,\0\r\n", 24)
                                             << QStringList { "urc:+MQTTSUBRECV#0\"t\"(3)=\\x00\\r\\n" };
    QTest::newRow("79 two codes then ERROR")
        << QByteArray("ERR CODE:0x01080002\r\nERR CODE:0x010a6044\r\n\r\nERROR\r\n")
        << QStringList { "final:ERROR[01080002,010a6044]" };
    QTest::newRow("80 PUBRAW") << QByteArray("\r\nOK\r\n\r\n>") << QStringList { ok, "prompt" };
    QTest::newRow("80b PUBRAW result") << QByteArray("\r\n+MQTTPUB:OK\r\n") << QStringList { "final:+MQTTPUB:OK" };
    QTest::newRow("81 PUBRAW fail") << QByteArray("+MQTTPUB:FAIL\r\n") << QStringList { "final:+MQTTPUB:FAIL" };
    QTest::newRow("85 disconnected") << QByteArray("+MQTTDISCONNECTED:0\r\n") << QStringList { "urc:+MQTTDISCONNECTED:0" };
    QTest::newRow("86 URC inside a failing reply")
        << QByteArray("+MQTTDISCONNECTED:0\r\n\r\nERROR\r\n") << QStringList { "urc:+MQTTDISCONNECTED:0", "final:ERROR" };
    QTest::newRow("code, URC, then ERROR keeps the code")
        << QByteArray("ERR CODE:0x010a6051\r\n+MQTTDISCONNECTED:0\r\nERROR\r\n")
        << QStringList { "urc:+MQTTDISCONNECTED:0", "final:ERROR[010a6051]" };
    QTest::newRow("code before OK is a line")
        << QByteArray("ERR CODE:0x01000000\r\nOK\r\n") << QStringList { "line:ERR CODE:0x01000000", ok };
    // 7.5 / 7.6 Beken
    QTest::newRow("94 BIPSTATUS no final") << QByteArray("+BIPSTATUS:0,127.0.0.1,20108,50123,0\r\n")
                                           << QStringList { "line:+BIPSTATUS:0,127.0.0.1,20108,50123,0" };
    QTest::newRow("95 Beken prompt without OK") << QByteArray("\r\n>") << QStringList { "prompt" };
    QTest::newRow("96 CMDRSP:ERROR") << QByteArray("CMDRSP:ERROR\r\n") << QStringList { "final:CMDRSP:ERROR" };
    QTest::newRow("95 Beken capture: prompt then SEND OK") << QByteArray("\r\n>SEND OK\r\n")
                                                        << QStringList { "prompt", "final:SEND OK" };
    QTest::newRow("101 +QUIT") << QByteArray("+QUIT\r\n") << QStringList { "urc:+QUIT" };
    QTest::newRow("112 Beken ready") << QByteArray("\r\nready\r\n") << QStringList { "urc:ready" };
    QTest::newRow("113 Beken echo") << QByteArray("AT\r\n\r\nOK\r\n") << QStringList { "line:AT", ok };
    QTest::newRow("116 surplus and BUSY") << QByteArray("SEND OK\r\nxy\r\nBUSY\r\n")
                                          << QStringList { "final:SEND OK", "line:xy", "final:BUSY" };
    QTest::newRow("117 Beken IPD") << QByteArray("+IPD(0),4:test") << QStringList { "urc:+IPD#0(4)=test" };
    QTest::newRow("119 Beken ping") << QByteArray("64 bytes from 127.0.0.1 icmp_seq=0 ttl=64 time=3 ticks\r\nOK\r\n")
                                    << QStringList { "line:64 bytes from 127.0.0.1 icmp_seq=0 ttl=64 time=3 ticks", ok };
    QTest::newRow("121 EVT") << QByteArray("EVT:WLAN CONNECTED\r\nEVT:GOT-IP\r\n")
                             << QStringList { "urc:EVT:WLAN CONNECTED", "urc:EVT:GOT-IP" };
    QTest::newRow("WFI typo") << QByteArray("WFI DISCONNECTED\r\n") << QStringList { "urc:WFI DISCONNECTED" };
    QTest::newRow("WIFI DISCONNECTED") << QByteArray("WIFI DISCONNECTED\r\n") << QStringList { "urc:WIFI DISCONNECTED" };
    // Framing tolerance
    QTest::newRow("lone LF") << QByteArray("+CIPMUX:0\nOK\n") << QStringList { "line:+CIPMUX:0", ok };
    QTest::newRow("lone CR") << QByteArray("+CIPMUX:0\rOK\r\n") << QStringList { "line:+CIPMUX:0", ok };
    QTest::newRow("many blank lines") << QByteArray("\r\n\r\n\r\nOK\r\n\r\n") << QStringList { ok };
    QTest::newRow("v1 prompt with space") << QByteArray("OK\r\n> ") << QStringList { ok, "prompt" };
    QTest::newRow("+IP prefix that is not IPD") << QByteArray("+IPV6:1\r\n") << QStringList { "line:+IPV6:1" };
    QTest::newRow("IPD with bad length is a line") << QByteArray("+IPD,x:abc\r\nOK\r\n")
                                                   << QStringList { "line:+IPD,x:abc", ok };
    QTest::newRow("TIME_UPDATED") << QByteArray("+TIME_UPDATED\r\n") << QStringList { "urc:+TIME_UPDATED" };
    QTest::newRow("Have connections") << QByteArray("Have 5 Connections\r\n") << QStringList { "urc:Have 5 Connections" };
    QTest::newRow("station connected") << QByteArray("+STA_CONNECTED:\"aa:bb\"\r\n")
                                       << QStringList { "urc:+STA_CONNECTED:\"aa:bb\"" };
}

void tst_AtParser::replies()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    QCOMPARE(parseWhole(input), expected);
}

void tst_AtParser::everySplitGivesTheSameEvents()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    for (qsizetype cut = 1; cut < input.size(); ++cut) {
        EventRecorder rec;
        AtParser p(&rec);
        p.feed(QByteArrayView(input).first(cut));
        p.feed(QByteArrayView(input).sliced(cut));
        p.finish();
        if (rec.events != expected) {
            qWarning() << "split at" << cut;
            QCOMPARE(rec.events, expected);
        }
    }
}

void tst_AtParser::oneByteAtATime()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    EventRecorder rec;
    AtParser p(&rec);
    for (char c : input)
        p.feed(QByteArrayView(&c, 1));
    p.finish();
    QCOMPARE(rec.events, expected);
}

void tst_AtParser::randomBytesNeverCrashAndStayBounded()
{
    QRandomGenerator rng(1234);
    EventRecorder rec;
    AtParser p(&rec);
    // Garbage biased towards the interesting bytes.
    const char alphabet[] = "+IPD,:0123456789\"\r\n>OKERMQTSUBCV";
    qsizetype maxBuffered = 0;
    for (int i = 0; i < 2000; ++i) {
        QByteArray chunk(int(rng.bounded(1, 700)), Qt::Uninitialized);
        for (char &c : chunk)
            c = rng.bounded(4) == 0 ? char(rng.bounded(256)) : alphabet[rng.bounded(int(sizeof(alphabet) - 1))];
        p.feed(chunk);
        maxBuffered = qMax(maxBuffered, p.framer().bufferedBytes());
        rec.events.clear();
    }
    p.finish();
    QVERIFY2(maxBuffered <= Framer::kDefaultMaxPayload + 2048, qPrintable(QString::number(maxBuffered)));
}

void tst_AtParser::megabyteLineIsReportedAndSkipped()
{
    EventRecorder rec;
    AtParser p(&rec);
    QByteArray big(1024 * 1024, 'x');
    for (qsizetype off = 0; off < big.size(); off += 4096) {
        p.feed(QByteArrayView(big).sliced(off, 4096));
        QVERIFY(p.framer().bufferedBytes() <= Framer::kDefaultMaxLine + 4096);
    }
    p.feed("\r\nOK\r\n");
    p.finish();
    QCOMPARE(rec.events.size(), 2);
    QVERIFY(rec.events[0].startsWith(QLatin1String("error:line too long")));
    QCOMPARE(rec.events[1], QStringLiteral("final:OK"));
}

void tst_AtParser::lineStartingWithPromptCharIsALineWhenWhole()
{
    // The prompt cannot wait for more input (the module waits for us), so '>' at the start of
    // a line is always the prompt, whatever follows it.
    QCOMPARE(parseWhole(">abc\r\n"), (QStringList { "prompt", "line:abc" }));
}

void tst_AtParser::absurdLengthIsRejected()
{
    const QStringList ev = parseWhole("+IPD,0,999999999:abc\r\nOK\r\n");
    QCOMPARE(ev.size(), 3);
    QVERIFY(ev[0].startsWith(QLatin1String("error:absurd payload length")));
    QCOMPARE(ev[1], QStringLiteral("line:abc"));
    QCOMPARE(ev[2], QStringLiteral("final:OK"));
}

void tst_AtParser::truncatedPayloadIsReportedAtEnd()
{
    const QStringList ev = parseWhole("+IPD,10:abc");
    QCOMPARE(ev.size(), 1);
    QVERIFY(ev[0].startsWith(QLatin1String("error:truncated payload")));
}

void tst_AtParser::promptSwitchesToRawInsideOneChunk()
{
    // The host switches to passthrough on '>'; bytes in the same chunk after it are data.
    struct Switcher : EventRecorder
    {
        AtParser *parser = nullptr;
        void onEvent(const AtEventView &e) override
        {
            EventRecorder::onEvent(e);
            if (e.kind == AtEvent::Kind::Prompt)
                parser->framer().setRawMode(true);
        }
    } rec;
    AtParser p(&rec);
    rec.parser = &p;
    p.feed("\r\nOK\r\n\r\n>\r\nOK\r\nhello");
    p.feed("+IPD,1:x");
    QCOMPARE(rec.events, (QStringList { "final:OK", "prompt", "raw:\\r\\nOK\\r\\nhello+IPD,1:x" }));
    p.framer().setRawMode(false);
    p.feed("+QUIT\r\n");
    QCOMPARE(rec.events.last(), QStringLiteral("urc:+QUIT"));
}

void tst_AtParser::finalClassification_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("cls");
    using C = AtEvent::FinalClass;
    QTest::newRow("OK") << QByteArray("OK") << int(C::Success);
    QTest::newRow("OK trailing space") << QByteArray("OK ") << int(C::Success);
    QTest::newRow("SEND FAIL") << QByteArray("SEND FAIL") << int(C::Failure);
    QTest::newRow("SEND ERROR") << QByteArray("SEND ERROR") << int(C::Failure);
    QTest::newRow("busy") << QByteArray("busy p...") << int(C::Busy);
    QTest::newRow("BUSY") << QByteArray("BUSY") << int(C::Busy);
    QTest::newRow("CMDRSP:OK") << QByteArray("CMDRSP:OK") << int(C::Success);
    QTest::newRow("OKAY is not") << QByteArray("OKAY") << int(C::None);
    QTest::newRow("ok lower is not") << QByteArray("ok") << int(C::None);
}

void tst_AtParser::finalClassification()
{
    QFETCH(QByteArray, line);
    QFETCH(int, cls);
    QCOMPARE(int(AtParser::finalClassOf(line)), cls);
}

QTEST_APPLESS_MAIN(tst_AtParser)
#include "tst_atparser.moc"
