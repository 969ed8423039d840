// Command/response behaviours of the in-process SimulatedModule (protocol.md section 7), exact bytes.
#include "simtestutil.h"

using namespace atb::sim;
using namespace simtest;

class TstSimCommands : public QObject
{
    Q_OBJECT
private slots:
    void replies_data();
    void replies();
    void echoIsOnAfterBootAndOffAfterAte0();
    void escapedSsidJoinsTheUnescapedName();
    void gmrHasFourLinesOnEspAndTwoOnBeken();
    void bekenTcpServerLinkOfSeedExample2();
    void secondCommandWhileExecutingGetsBusy();
    void busyFaultAnswersTheNextNCommandsWithBusy();
    void errorFaultFailsTheNextCommandWithThatCode();
    void delayFaultDelaysTheReply();
    void dropFaultDropsBytes();
    void rstRebootsAndResetsState();
    void wifiDropFaultPrintsDisconnectAndClosesLinks();
    void bootWithWifiConnectedPrintsWifiUrcsAfterReady();
    void cmdListsCommands();
    void faultSpecGrammar_data();
    void faultSpecGrammar();
    void commandCountsAreKeptPerName();
    void worksWhenDrivenFromAnotherThread();
    void directConnectedHostMaySendFromInsideSendToHost();
};

static QByteArray longStr(int n, char c = 'a') { return QByteArray(n, c); }

void TstSimCommands::replies_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QByteArrayList>("setup");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray join = "AT+CWJAP=\"BenchAP\",\"12345678\"";
    const QByteArray user = "AT+MQTTUSERCFG=0,1,\"ESP32\",\"espressif\",\"1234567890\",0,0,\"\"";
    const QByteArray ok = "\r\nOK\r\n", err = "\r\nERROR\r\n";
    auto esp = [&](const char *name, QByteArrayList setup, QByteArray cmd, QByteArray exp) {
        QTest::newRow(name) << "esp" << setup << cmd << exp;
    };
    // 7.1 framing and basics
    esp("1 AT gives OK", {}, "AT", ok);
    esp("2 unknown command gives ERROR", {}, "AT+FAKE", err);
    esp("2 unknown command with SYSLOG=1 prints ERR CODE", { "AT+SYSLOG=1" }, "AT+FAKE", "ERR CODE:0x01090000\r\n" + err);
    esp("3 lower-case at is rejected", { "AT+SYSLOG=1" }, "at", "ERR CODE:0x01030000\r\n" + err);
    esp("5 ATE1 then AT is echoed", { "ATE1" }, "AT", "AT\r\n" + ok);
    esp("9 SYSLOG query", {}, "AT+SYSLOG?", "+SYSLOG:0\r\n" + ok);
    esp("10 CWJAP success", {}, join, "WIFI CONNECTED\r\nWIFI GOT IP\r\n" + ok);
    esp("11 CWJAP wrong password", {}, "AT+CWJAP=\"BenchAP\",\"wrongpass\"", "+CWJAP:2\r\n" + err);
    esp("11 CWJAP unknown AP", {}, "AT+CWJAP=\"NoSuchAP\",\"12345678\"", "+CWJAP:3\r\n" + err);
    esp("11 CWJAP join-fail:1 gives timeout", { "" }, "AT+CWJAP=\"BenchAP\",\"12345678\"", "+CWJAP:1\r\n" + err);
    esp("13 line over 256 bytes", {}, "AT+" + longStr(300, 'A'), err);
    esp("CWJAP query when not joined", {}, "AT+CWJAP?", "No AP\r\n" + ok);
    esp("CWMODE query", {}, "AT+CWMODE?", "+CWMODE:1\r\n" + ok);
    esp("CIFSR before join", {}, "AT+CIFSR", QByteArray());
    // 7.2 TCP/IP
    esp("14 CIPMUX at boot", {}, "AT+CIPMUX?", "+CIPMUX:0\r\n" + ok);
    esp("15 CIPMUX=1", {}, "AT+CIPMUX=1", ok);
    esp("16 CIPMUX=1 while CIPMODE=1", { "AT+CIPMODE=1" }, "AT+CIPMUX=1", err);
    esp("18 CIPMODE at boot", {}, "AT+CIPMODE?", "+CIPMODE:0\r\n" + ok);
    esp("21 CIPSTART id 5", { join, "AT+CIPMUX=1" }, "AT+CIPSTART=5,\"TCP\",\"127.0.0.1\",8080", err);
    esp("27 CIPSEND without link", {}, "AT+CIPSEND=4", err);
    esp("28 CIPSEND over 8192", {}, "AT+CIPSEND=8193", err);
    esp("32 CIPDINFO query", {}, "AT+CIPDINFO?", "+CIPDINFO:false\r\n" + ok);
    esp("35 CIPRECVDATA with nothing buffered", { "AT+CIPRECVMODE=1" }, "AT+CIPRECVDATA=4", err);
    esp("41 CIPSTATE with no link", {}, "AT+CIPSTATE?", ok);
    esp("CIPSTATUS without Wi-Fi is 5", {}, "AT+CIPSTATUS", "STATUS:5\r\n" + ok);
    esp("CIPSTATUS joined, no link is 2", { join }, "AT+CIPSTATUS", "STATUS:2\r\n" + ok);
    esp("44 CIPSNTPCFG two servers", { "AT+CIPSNTPCFG=1,8,\"cn.ntp.org.cn\",\"ntp.sjtu.edu.cn\"" }, "AT+CIPSNTPCFG?",
        "+CIPSNTPCFG:1,8,\"cn.ntp.org.cn\",\"ntp.sjtu.edu.cn\"\r\n" + ok);
    esp("CIPSNTPCFG hhmm timezone 530", {}, "AT+CIPSNTPCFG=1,530,\"127.0.0.1\"", ok);
    esp("CIPSNTPCFG timezone 1500 (15 h) is out of range", {}, "AT+CIPSNTPCFG=1,1500,\"127.0.0.1\"", err);
    esp("CIPSNTPTIME before sync is the epoch", {}, "AT+CIPSNTPTIME?", "+CIPSNTPTIME:Thu Jan  1 00:00:00 1970\r\n" + ok);
    esp("46 CIPDNS=0 query", { "AT+CIPDNS=0" }, "AT+CIPDNS?", "+CIPDNS:0,\"208.67.222.222\",\"114.114.114.114\",\"8.8.8.8\"\r\n" + ok);
    esp("47 CIPDNS duplicate servers", {}, "AT+CIPDNS=1,\"8.8.8.8\",\"8.8.8.8\"", err);
    esp("48 CIPSSLCPSK single link", { "AT+CIPSSLCPSK=\"psk\",\"hint\"" }, "AT+CIPSSLCPSK?", "+CIPSSLCPSK:0,\"psk\",\"hint\"\r\n" + ok);
    esp("49 CIPSSLCPSK 33-character identity", {}, "AT+CIPSSLCPSK=\"" + longStr(33) + "\",\"hint\"", err);
    esp("52 TRANSINTVL", { "AT+TRANSINTVL=0" }, "AT+TRANSINTVL?", "+TRANSINTVL:0\r\n" + ok);
    esp("57 CIPSEND without parameter in normal mode", {}, "AT+CIPSEND", err);
    esp("CIPSERVER needs CIPMUX=1", {}, "AT+CIPSERVER=1,3333", err);
    // 7.4 MQTT
    esp("59 MQTTUSERCFG", {}, user, ok);
    esp("60 MQTTUSERCFG link id 1", { "AT+SYSLOG=1" }, "AT+MQTTUSERCFG=1,1,\"c\",\"u\",\"p\",0,0,\"\"", "ERR CODE:0x010a6011\r\n" + err);
    esp("61 MQTTUSERCFG scheme 11", { "AT+SYSLOG=1" }, "AT+MQTTUSERCFG=0,11,\"c\",\"u\",\"p\",0,0,\"\"", "ERR CODE:0x010a6013\r\n" + err);
    esp("62 MQTTUSERCFG 65-byte username", { "AT+SYSLOG=1" }, "AT+MQTTUSERCFG=0,1,\"c\",\"" + longStr(65) + "\",\"p\",0,0,\"\"",
        "ERR CODE:0x010a6019\r\n" + err);
    esp("62 MQTTUSERCFG 33-byte path", { "AT+SYSLOG=1" }, "AT+MQTTUSERCFG=0,1,\"c\",\"u\",\"p\",0,0,\"" + longStr(33) + "\"",
        "ERR CODE:0x010a6029\r\n" + err);
    esp("63 MQTTCONNCFG after USERCFG", { user }, "AT+MQTTCONNCFG=0,0,0,\"lwt\",\"bye\",0,0", ok);
    esp("63 state 2 after CONNCFG", { user, "AT+MQTTCONNCFG=0,0,0,\"lwt\",\"bye\",0,0" }, "AT+MQTTCONN?",
        "+MQTTCONN:0,2,1,\"\",\"\",\"\",0\r\n" + ok);
    esp("64 MQTTCONNCFG keepalive 7201", { "AT+SYSLOG=1", user }, "AT+MQTTCONNCFG=0,7201,0,\"t\",\"m\",0,0", "ERR CODE:0x010a602d\r\n" + err);
    esp("64 MQTTCONNCFG 65-byte lwt_msg", { "AT+SYSLOG=1", user }, "AT+MQTTCONNCFG=0,0,0,\"t\",\"" + longStr(65) + "\",0,0",
        "ERR CODE:0x010a6035\r\n" + err);
    esp("65 MQTTCONNCFG before USERCFG", { "AT+SYSLOG=1" }, "AT+MQTTCONNCFG=0,0,0,\"t\",\"m\",0,0", "ERR CODE:0x010a6001\r\n" + err);
    esp("66 MQTTCLIENTID after USERCFG", { user }, "AT+MQTTCLIENTID=0,\"client-2\"", ok);
    esp("66 MQTTPASSWORD after USERCFG", { user }, "AT+MQTTPASSWORD=0,\"secret-2\"", ok);
    esp("67 MQTTALPN two", { user }, "AT+MQTTALPN=0,2,\"mqtt-ca.cn\",\"mqtt-ca.us\"", ok);
    esp("67 MQTTALPN six", { user }, "AT+MQTTALPN=0,6,\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"", err);
    esp("71 MQTTCONN in state 0", { "AT+SYSLOG=1", join }, "AT+MQTTCONN=0,\"127.0.0.1\",1883,0", "ERR CODE:0x010a6001\r\n" + err);
    esp("79 unescaped comma in MQTTPUB data", { "AT+SYSLOG=1" }, "AT+MQTTPUB=0,\"messages/log\",\"765933, 94875095\",0,0",
        "ERR CODE:0x01080002\r\nERR CODE:0x010a6044\r\n" + err);
    esp("87 MQTTCLEAN in state 0", { "AT+SYSLOG=1" }, "AT+MQTTCLEAN=0", "ERR CODE:0x010a6003\r\n" + err);
    esp("87 MQTTCLEAN after USERCFG", { user }, "AT+MQTTCLEAN=0", ok);
    esp("MQTTPUB without a connection", { "AT+SYSLOG=1", user }, "AT+MQTTPUB=0,\"t\",\"x\",0,0", "ERR CODE:0x010a6006\r\n" + err);
    esp("82 MQTTPUB qos 3", { "AT+SYSLOG=1", user }, "AT+MQTTPUB=0,\"t\",\"x\",3,0", "ERR CODE:0x010a6048\r\n" + err);
    esp("82 MQTTPUB 129-byte topic", { "AT+SYSLOG=1", user }, "AT+MQTTPUB=0,\"" + longStr(129) + "\",\"x\",0,0", "ERR CODE:0x010a6043\r\n" + err);

    // 7.5 beken-doc (seed 000 literally): no blank line before the final code
    auto bd = [&](const char *name, QByteArrayList setup, QByteArray cmd, QByteArray exp) {
        QTest::newRow(name) << "beken-doc" << setup << cmd << exp;
    };
    const QByteArray bjoin = join;
    bd("89 beken-doc CIPMUX at boot", {}, "AT+CIPMUX?", "+CIPMUX:0\r\nOK\r\n");
    bd("90 beken-doc CIPMUX=1", {}, "AT+CIPMUX=1", "OK\r\n");
    bd("93 beken-doc CIPSTART id 6", { bjoin }, "AT+CIPSTART=6,\"TCP\",\"127.0.0.1\",20108", "ERROR\r\n");
    bd("94 beken-doc CIPSTATUS with no link prints nothing", {}, "AT+CIPSTATUS?", QByteArray());
    bd("96 beken-doc CIPSEND unconnected link", {}, "AT+CIPSEND=3,4", "CMDRSP:ERROR\r\n");
    bd("97 beken-doc CIPSEND 2049", {}, "AT+CIPSEND=0,2049", "CMDRSP:ERROR\r\n");
    bd("99 beken-doc CIPMODE query", { "AT+CIPMODE=1" }, "AT+CIPMODE?", "+CIPMODE:1\r\nOK\r\n");
    bd("100 beken-doc passthrough without link", { "AT+CIPMODE=1" }, "AT+CIPSEND", "CMDRSP:ERROR\r\n");
    bd("103 beken-doc CIPSNTPCFG", { "AT+CIPSNTPCFG=1,8,\"cn.ntp.org.cn\"" }, "AT+CIPSNTPCFG?", "+CIPSNTPCFG:1,8,\"cn.ntp.org.cn\"\r\nOK\r\n");
    bd("104 beken-doc CIPSNTPCFG -5", {}, "AT+CIPSNTPCFG=1,-5,\"0.pool.ntp.org\"", "OK\r\n");
    bd("104 beken-doc CIPSNTPCFG 13", {}, "AT+CIPSNTPCFG=1,13,\"x\"", "ERROR\r\n");
    bd("108 beken-doc CIPDNS two servers", { "AT+CIPDNS=1,\"8.8.8.8\",\"114.114.114.114\"" }, "AT+CIPDNS?",
       "+CIPDNS:1,\"8.8.8.8\",\"114.114.114.114\"\r\nOK\r\n");
    bd("109 beken-doc CIPDNS=1 default", { "AT+CIPDNS=1" }, "AT+CIPDNS?", "+CIPDNS:1,\"208.67.222.222\"\r\nOK\r\n");
    bd("110 beken-doc CIPDNS duplicate", {}, "AT+CIPDNS=1,\"8.8.8.8\",\"8.8.8.8\"", "ERROR\r\n");
    bd("111 beken-doc CIPSSLCPSK", { "AT+CIPMUX=1", "AT+CIPSSLCPSK=0,\"id\",\"hint\"" }, "AT+CIPSSLCPSK?", "+CIPSSLCPSK:0,\"id\",\"hint\"\r\nOK\r\n");
    bd("111 beken-doc CIPSSLCPSK 49 characters", { "AT+CIPMUX=1" }, "AT+CIPSSLCPSK=0,\"" + longStr(49) + "\",\"hint\"", "ERROR\r\n");
    bd("121 beken-doc CWJAP prints OK before the events", {}, bjoin, "OK\r\nWIFI CONNECTED\r\nWIFI GOT IP\r\n");
    bd("beken-doc CIPSNTPTIME format", {}, "AT+CIPSNTPTIME?", "+CIPSNTPTIME:1970-01-01 00:00:00\r\nOK\r\n");

    auto bs = [&](const char *name, QByteArrayList setup, QByteArray cmd, QByteArray exp) {
        QTest::newRow(name) << "beken-src" << setup << cmd << exp;
    };
    bs("114 beken-src unknown command", {}, "AT+FAKE", "ERROR\r\n");
    bs("115 beken-src CIPSTATUS with no link", {}, "AT+CIPSTATUS?", "+BIPSTATUS:ALL disconnect\r\n");
    bs("118 beken-src CIPSNTPTIME without Wi-Fi", {}, "AT+CIPSNTPTIME?", "ERROR\r\n");
    bs("120 beken-src CIPDNS=1 without servers", {}, "AT+CIPDNS=1", "ERROR\r\n");
    bs("120 beken-src CIPDNS=0", {}, "AT+CIPDNS=0", "OK\r\n");
    bs("122 beken-src SYSSTORE query", {}, "AT+SYSSTORE?", "+SYSSTORE:1\r\nOK\r\n");
    bs("beken-src CIPMUX defaults to 1", {}, "AT+CIPMUX?", "+CIPMUX:1\r\nOK\r\n");
    bs("beken-src has no CIPMODE query handler", {}, "AT+CIPMODE?", "ERROR\r\n");
    bs("beken-src has no CIPDNS query handler", {}, "AT+CIPDNS?", "ERROR\r\n");
    bs("beken-src CIPSNTPCFG unquoted", { "AT+CIPSNTPCFG=1,8,\"cn.ntp.org.cn\"" }, "AT+CIPSNTPCFG?", "+CIPSNTPCFG:1,8,cn.ntp.org.cn\r\nOK\r\n");
}

void TstSimCommands::replies()
{
    QFETCH(QString, dialect);
    QFETCH(QByteArrayList, setup);
    QFETCH(QByteArray, command);
    QFETCH(QByteArray, expected);
    SimulatedModule::Options o;
    QVERIFY(parseDialect(dialect, &o.dialect));
    InProc sim(o);
    sim.run("ATE0");
    for (const QByteArray &s : std::as_const(setup)) {
        if (s.isEmpty())
            sim.module->injectFault(QStringLiteral("join-fail:1"));
        else
            sim.run(s);
    }
    if (QByteArray(QTest::currentDataTag()) == "CIFSR before join")
        expected = "+CIFSR:STAIP,\"0.0.0.0\"\r\n+CIFSR:STAMAC,\"";
    const QByteArray got = sim.run(command);
    if (expected.endsWith("STAMAC,\""))
        QVERIFY2(got.startsWith(expected), got.constData());
    else
        QCOMPARE(got, expected);
    QVERIFY(!sim.module->isExecuting());
}

// Seed 000 example 2 as written (blanks after the commas): a TCP server link on the local port
// (127.0.0.1 whatever the local IP says); a client's data arrives on its link id, and the
// status reports it as the server side (tetype 1).
void TstSimCommands::bekenTcpServerLinkOfSeedExample2()
{
    SimulatedModule::Options o;
    o.dialect = Dialect::BekenDoc;
    InProc sim(o);
    sim.run("ATE0");
    QCOMPARE(sim.run("AT+CWJAP=\"BenchAP\",\"12345678\""), QByteArray("OK\r\nWIFI CONNECTED\r\nWIFI GOT IP\r\n"));
    const quint16 port = freeLoopbackPort();
    QCOMPARE(sim.run("AT+CIPSTART=2,\"tcp\",\"192.168.0.103\",20108,1800, " + QByteArray::number(port)
                     + ", \"192.168.0.107\""),
             QByteArray("OK\r\n"));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(5000));
    client.write("ping");
    QTRY_VERIFY(sim.out.contains("+IPD(2),4:ping") || sim.out.contains("+IPD,2,4:ping"));
    sim.out.clear();
    const QByteArray status = sim.run("AT+CIPSTATUS?");
    QVERIFY2(status.startsWith("+BIPSTATUS:0,127.0.0.1,") && status.endsWith("," + QByteArray::number(port) + ",1\r\n"),
             status.constData());
    QCOMPARE(sim.run("AT+CIPCLOSE=2"), QByteArray("OK\r\n"));

    // A TLS link with a local port would be a TLS server, which needs a certificate the
    // simulator has not: refused at once, never opened as a client to the remote end.
    TcpPeer remote;
    QCOMPARE(sim.run("AT+CIPSTART=1,\"TLS\",\"127.0.0.1\"," + QByteArray::number(remote.port()) + ",0,"
                     + QByteArray::number(freeLoopbackPort()) + ",\"127.0.0.1\""),
             QByteArray("ERROR\r\n"));
    QVERIFY(remote.clients.isEmpty());
    QVERIFY(!remote.hasPendingConnections());
}

void TstSimCommands::echoIsOnAfterBootAndOffAfterAte0()
{
    InProc esp;
    QCOMPARE(esp.run("ATE0"), QByteArray("ATE0\r\n\r\nOK\r\n")); // 7.1 #4
    QCOMPARE(esp.run("AT"), QByteArray("\r\nOK\r\n"));
    SimulatedModule::Options o;
    o.dialect = Dialect::BekenSrc;
    InProc bk(o);
    QCOMPARE(bk.run("AT"), QByteArray("AT\r\n\r\nOK\r\n")); // 7.6 #113
    QCOMPARE(bk.run("ATE0"), QByteArray("ATE0\r\n\r\nOK\r\n"));
    QCOMPARE(bk.run("AT"), QByteArray("OK\r\n"));
}

void TstSimCommands::escapedSsidJoinsTheUnescapedName()
{
    SimulatedModule::Options o;
    o.accessPoints = { AccessPoint { QStringLiteral("comma,backslash\\ssid"), QStringLiteral("1234567890"), -50, 1 } };
    InProc sim(o);
    sim.run("ATE0");
    QCOMPARE(sim.run("AT+CWJAP=\"comma\\,backslash\\\\ssid\",\"1234567890\""), QByteArray("WIFI CONNECTED\r\nWIFI GOT IP\r\n\r\nOK\r\n"));
    QVERIFY(sim.run("AT+CWJAP?").startsWith("+CWJAP:\"comma,backslash\\ssid\""));
}

void TstSimCommands::gmrHasFourLinesOnEspAndTwoOnBeken()
{
    InProc esp;
    esp.run("ATE0");
    const QByteArray g = esp.run("AT+GMR");
    QVERIFY2(g.endsWith("\r\n\r\nOK\r\n"), g.constData());
    const QList<QByteArray> lines = g.left(g.size() - 8).split('\n');
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(0).startsWith("AT version:"));
    QVERIFY(lines.at(1).startsWith("SDK version:"));
    QVERIFY(lines.at(2).startsWith("compile time"));
    QVERIFY(lines.at(3).startsWith("Bin version:"));
    SimulatedModule::Options o;
    o.dialect = Dialect::BekenDoc;
    InProc bk(o);
    bk.run("ATE0");
    const QByteArray b = bk.run("AT+GMR");
    QCOMPARE(b.count("\r\n"), 3); // 7.6 #123: two lines, then OK
    QVERIFY(b.endsWith("\r\nOK\r\n"));
}

void TstSimCommands::secondCommandWhileExecutingGetsBusy()
{
    InProc sim;
    sim.run("ATE0");
    sim.run("AT+SYSLOG=1");
    sim.module->receiveFromHost("AT+CWJAP=\"BenchAP\",\"12345678\"\r\nAT\r\n"); // 7.1 #7
    QCOMPARE(sim.out, QByteArray("ERR CODE:0x010b0000\r\nbusy p...\r\n"));
    QVERIFY(sim.waitIdle());
    QCOMPARE(sim.out, QByteArray("ERR CODE:0x010b0000\r\nbusy p...\r\nWIFI CONNECTED\r\nWIFI GOT IP\r\n\r\nOK\r\n"));
    QCOMPARE(sim.module->commandCount(QStringLiteral("AT")), 0);
}

void TstSimCommands::busyFaultAnswersTheNextNCommandsWithBusy()
{
    InProc sim;
    sim.run("ATE0");
    QVERIFY(sim.module->injectFault(QStringLiteral("busy:2")));
    QCOMPARE(sim.run("AT"), QByteArray("busy p...\r\n"));
    QCOMPARE(sim.run("AT"), QByteArray("busy p...\r\n"));
    QCOMPARE(sim.run("AT"), QByteArray("\r\nOK\r\n"));
    SimulatedModule::Options o;
    o.dialect = Dialect::BekenSrc;
    o.faults = { Fault { Fault::Kind::Busy, 1 } };
    InProc bk(o);
    QCOMPARE(bk.run("AT"), QByteArray("\r\nBUSY\r\n"));
}

void TstSimCommands::errorFaultFailsTheNextCommandWithThatCode()
{
    InProc sim;
    sim.run("ATE0");
    sim.run("AT+SYSLOG=1");
    QVERIFY(sim.module->injectFault(QStringLiteral("error:0x010a6044")));
    QCOMPARE(sim.run("AT"), QByteArray("ERR CODE:0x010a6044\r\n\r\nERROR\r\n"));
    QCOMPARE(sim.run("AT"), QByteArray("\r\nOK\r\n"));
}

void TstSimCommands::delayFaultDelaysTheReply()
{
    InProc sim;
    sim.run("ATE0");
    sim.module->setReplyDelay(300);
    QElapsedTimer t;
    t.start();
    sim.module->receiveFromHost("AT\r\n");
    QVERIFY(sim.out.isEmpty());
    QVERIFY(sim.module->isExecuting());
    QCOMPARE(sim.waitFor("\r\nOK\r\n", 3000), QByteArray("\r\nOK\r\n"));
    QVERIFY2(t.elapsed() >= 290, qPrintable(QString::number(t.elapsed())));
}

void TstSimCommands::dropFaultDropsBytes()
{
    InProc sim;
    sim.run("ATE0");
    sim.module->setDropProbability(1.0);
    QCOMPARE(sim.run("AT"), QByteArray());
    QCOMPARE(sim.module->bytesDroppedByFault(), qint64(6));
    sim.module->setDropProbability(0);
    sim.module->setGarbleProbability(1.0);
    const QByteArray g = sim.run("AT");
    QCOMPARE(g.size(), 6);
    QVERIFY(g != "\r\nOK\r\n");
}

void TstSimCommands::rstRebootsAndResetsState()
{
    InProc sim;
    sim.run("ATE0");
    sim.run("AT+CIPMUX=1");
    sim.run("AT+CWJAP=\"BenchAP\",\"12345678\"");
    sim.module->receiveFromHost("AT+RST\r\n");
    QCOMPARE(sim.waitFor("ready\r\n", 3000), QByteArray("\r\nOK\r\nWIFI DISCONNECT\r\nready\r\n")); // 7.1 #6
    // SYSSTORE=1 kept the AP: the module joins again by itself.
    QCOMPARE(sim.waitFor("WIFI GOT IP\r\n", 3000), QByteArray("WIFI CONNECTED\r\nWIFI GOT IP\r\n"));
    QCOMPARE(sim.run("AT"), QByteArray("AT\r\n\r\nOK\r\n")); // echo is back on
    QCOMPARE(sim.run("AT+CIPMUX?"), QByteArray("AT+CIPMUX?\r\n+CIPMUX:0\r\n\r\nOK\r\n"));
}

void TstSimCommands::wifiDropFaultPrintsDisconnectAndClosesLinks()
{
    TcpPeer peer;
    InProc sim;
    sim.run("ATE0");
    sim.run("AT+CWJAP=\"BenchAP\",\"12345678\"");
    QCOMPARE(sim.run("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port())), QByteArray("CONNECT\r\n\r\nOK\r\n"));
    sim.module->dropWifi();
    QCOMPARE(sim.out, QByteArray("WIFI DISCONNECT\r\nCLOSED\r\n"));
    QVERIFY(!sim.module->wifiConnected());
}

void TstSimCommands::bootWithWifiConnectedPrintsWifiUrcsAfterReady()
{
    SimulatedModule::Options o;
    o.wifiConnected = true;
    o.loopbackOnly = true;
    SimulatedModule m(o);
    QByteArray got;
    connect(&m, &SimulatedModule::sendToHost, this, [&](const QByteArray &b) { got += b; });
    QSignalSpy booted(&m, &SimulatedModule::booted);
    m.start();
    QVERIFY(booted.wait(2000) || booted.count() == 1);
    QCOMPARE(got, QByteArray("ready\r\nWIFI CONNECTED\r\nWIFI GOT IP\r\n"));
}

void TstSimCommands::cmdListsCommands()
{
    InProc sim;
    sim.run("ATE0");
    const QByteArray r = sim.run("AT+CMD?");
    QVERIFY(r.contains("+CMD:"));
    QVERIFY(r.contains("\"AT+MQTTPUBRAW\""));
    QVERIFY(r.endsWith("\r\nOK\r\n"));
}

void TstSimCommands::faultSpecGrammar_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("busy for three commands") << "busy:3" << true << "busy:3";
    QTest::newRow("error with a hex code") << "error:0x010a6044" << true << "error:0x010a6044";
    QTest::newRow("delay") << "delay:200" << true << "delay:200";
    QTest::newRow("drop probability") << "drop:0.5" << true << "drop:0.5";
    QTest::newRow("reset after two seconds") << "reset@2000" << true << "reset@2000";
    QTest::newRow("broker drop") << "broker-drop@100" << true << "broker-drop@100";
    QTest::newRow("wifi drop") << "wifi-drop" << true << "wifi-drop";
    QTest::newRow("join-fail 4") << "join-fail:4" << true << "join-fail:4";
    QTest::newRow("unknown name is rejected") << "explode" << false << "";
    QTest::newRow("probability above 1 is rejected") << "garble:1.5" << false << "";
    QTest::newRow("busy zero is rejected") << "busy:0" << false << "";
    QTest::newRow("reset takes no argument") << "reset:3" << false << "";
    QTest::newRow("negative time is rejected") << "reset@-1" << false << "";
}

void TstSimCommands::faultSpecGrammar()
{
    QFETCH(QString, spec);
    QFETCH(bool, valid);
    QFETCH(QString, normalised);
    Fault f;
    QString error;
    QCOMPARE(Fault::parse(spec, &f, &error), valid);
    if (valid)
        QCOMPARE(f.toString(), normalised);
    else
        QVERIFY(error.contains(spec));
}

void TstSimCommands::commandCountsAreKeptPerName()
{
    InProc sim;
    sim.run("ATE0");
    sim.run("AT");
    sim.run("AT");
    sim.run("AT+CIPMUX?");
    QCOMPARE(sim.module->commandCount(QStringLiteral("AT")), 2);
    QCOMPARE(sim.module->commandCount(QStringLiteral("AT+CIPMUX")), 1);
    QCOMPARE(sim.module->commandCount(QStringLiteral("ATE0")), 1);
}

void TstSimCommands::worksWhenDrivenFromAnotherThread()
{
    QThread thread;
    SimulatedModule::Options o;
    o.bootDelayMs = 0;
    auto *m = new SimulatedModule(o);
    m->moveToThread(&thread);
    connect(&thread, &QThread::finished, m, &QObject::deleteLater);
    thread.start();
    QByteArray got;
    connect(m, &SimulatedModule::sendToHost, this, [&](const QByteArray &b) { got += b; }); // queued
    QMetaObject::invokeMethod(m, &SimulatedModule::start, Qt::QueuedConnection);
    QTRY_COMPARE(got, QByteArray("ready\r\n"));
    QMetaObject::invokeMethod(m, "receiveFromHost", Qt::QueuedConnection, Q_ARG(QByteArray, QByteArray("AT\r\n")));
    QTRY_COMPARE(got, QByteArray("ready\r\nAT\r\n\r\nOK\r\n"));
    QMetaObject::invokeMethod(m, &SimulatedModule::stop, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
}

void TstSimCommands::directConnectedHostMaySendFromInsideSendToHost()
{
    // A host on a direct connection that sends the next command as soon as it sees OK.
    SimulatedModule::Options o;
    o.bootDelayMs = 0;
    SimulatedModule m(o);
    QByteArray got;
    int sent = 0;
    const QByteArrayList script { "ATE0\r\n", "AT\r\n", "AT+CIPMUX?\r\n", "AT+CWJAP=\"BenchAP\",\"12345678\"\r\n", "AT\r\n" };
    connect(&m, &SimulatedModule::sendToHost, this, [&](const QByteArray &b) {
        got += b;
        if ((b.contains("ready") || b.endsWith("OK\r\n")) && sent < script.size())
            m.receiveFromHost(script.at(sent++));
    }, Qt::DirectConnection);
    m.start();
    QTRY_COMPARE(sent, int(script.size()));
    QTRY_VERIFY(got.endsWith("WIFI GOT IP\r\n\r\nOK\r\n\r\nOK\r\n"));
    QVERIFY2(!got.contains("busy"), got.constData());
}

QTEST_GUILESS_MAIN(TstSimCommands)
#include "tst_simcommands.moc"
