// SNTP, DNS, ping, servers, multi-link and fault flows of the in-process module with local peers.
#include "simtestutil.h"

#include <QRegularExpression>

using namespace atb::sim;
using namespace simtest;

class TstSimServices : public QObject
{
    Q_OBJECT
private slots:
    void sntpTimeComesFromTheConfiguredServer_data();
    void sntpTimeComesFromTheConfiguredServer();
    void cipdomainResolvesLocalhost_data();
    void cipdomainResolvesLocalhost();
    void cipdomainRefusesNamesOutsideLoopbackInTests();
    void pingLoopbackAnswers_data();
    void pingLoopbackAnswers();
    void pingToAForbiddenAddressTimesOut();
    void closeAllClosesEveryLinkInOrder();
    void cipmuxCannotChangeWithALinkOpen();
    void startingAConnectedIdAgainSaysAlreadyConnected();
    void serverAcceptsClientsAsLinks();
    void cipsendexEndsAtBackslashZero();
    void bekenSurplusIsEchoedBeforeBusy();
    void timedResetFaultRebootsTheModule();
    void joinFailFaultGivesTheChosenReason();
    void bekenPassthroughNeedsOneLinkAndQuitsWithPlusQuit();
    void bekenDocUdpSendToAnotherPeer();
    void wifiUrcsAndLinksSurviveNothingAfterCwqap();
    void sysmsgBit1ReportsLinkConn();
};

static QByteArray joinLine() { return "AT+CWJAP=\"BenchAP\",\"12345678\""; }

void TstSimServices::sntpTimeComesFromTheConfiguredServer_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("utc");
    QTest::addColumn<int>("tz");
    QTest::addColumn<QByteArray>("prefix");
    QTest::newRow("45 esp asctime") << "esp" << "2021-10-19T09:47:56Z" << 8 << QByteArray("+CIPSNTPTIME:Tue Oct 19 17:47:5");
    QTest::newRow("45 esp single-digit day is space padded") << "esp" << "2021-09-02T10:57:03Z" << 8
                                                             << QByteArray("+CIPSNTPTIME:Thu Sep  2 18:57:0");
    QTest::newRow("esp negative hhmm zone -0330") << "esp" << "2021-09-02T10:57:03Z" << -330 << QByteArray("+CIPSNTPTIME:Thu Sep  2 07:27:0");
    QTest::newRow("105 beken-doc dashes and colons") << "beken-doc" << "2022-10-21T11:20:39Z" << 8
                                                     << QByteArray("+CIPSNTPTIME:2022-10-21 19:20:");
    QTest::newRow("118 beken-src unpadded with dashes") << "beken-src" << "2022-01-02T01:02:03Z" << 1
                                                        << QByteArray("+CIPSNTPTIME:2022-1-2 2-2-");
}

void TstSimServices::sntpTimeComesFromTheConfiguredServer()
{
    QFETCH(QString, dialect);
    QFETCH(QString, utc);
    QFETCH(int, tz);
    QFETCH(QByteArray, prefix);
    LocalNtp ntp(QDateTime::fromString(utc, Qt::ISODate).toSecsSinceEpoch());
    SimulatedModule::Options o;
    QVERIFY(parseDialect(dialect, &o.dialect));
    InProc sim(o);
    sim.run("ATE0");
    sim.run(joinLine());
    QVERIFY(sim.module->wifiConnected());
    const QByteArray ok = dialect == QLatin1String("esp") ? "\r\nOK\r\n" : "OK\r\n";
    QCOMPARE(sim.run("AT+CIPSNTPCFG=1," + QByteArray::number(tz) + ",\"127.0.0.1:" + QByteArray::number(ntp.port()) + "\""), ok);
    QTRY_COMPARE(ntp.requests, 1);
    QTRY_VERIFY(sim.run("AT+CIPSNTPTIME?").startsWith(prefix));
    const QByteArray r = sim.run("AT+CIPSNTPTIME?");
    QVERIFY2(r.endsWith("\r\n" + ok), r.constData());
}

void TstSimServices::cipdomainResolvesLocalhost_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("42 esp quotes the address") << "esp" << QByteArray("+CIPDOMAIN:\"127.0.0.1\"\r\n\r\nOK\r\n");
    QTest::newRow("107 beken-doc quotes the address") << "beken-doc" << QByteArray("+CIPDOMAIN:\"127.0.0.1\"\r\nOK\r\n");
    QTest::newRow("beken-src prints it bare") << "beken-src" << QByteArray("+CIPDOMAIN:127.0.0.1\r\nOK\r\n");
}

void TstSimServices::cipdomainResolvesLocalhost()
{
    QFETCH(QString, dialect);
    QFETCH(QByteArray, expected);
    SimulatedModule::Options o;
    QVERIFY(parseDialect(dialect, &o.dialect));
    InProc sim(o);
    sim.run("ATE0");
    sim.run(joinLine());
    QCOMPARE(sim.run("AT+CIPDOMAIN=\"localhost\""), expected);
}

void TstSimServices::cipdomainRefusesNamesOutsideLoopbackInTests()
{
    InProc sim; // loopbackOnly: no lookup leaves the machine
    sim.run("ATE0");
    sim.run(joinLine());
    QCOMPARE(sim.run("AT+CIPDOMAIN=\"iot.espressif.cn\""), QByteArray("\r\nERROR\r\n"));
    SimulatedModule::Options o;
    o.dialect = Dialect::BekenSrc;
    InProc bk(o);
    bk.run("ATE0");
    bk.run(joinLine());
    QCOMPARE(bk.run("AT+CIPDOMAIN=\"iot.espressif.cn\""), QByteArray()); // the source prints nothing (P 5.4)
    QVERIFY(!bk.module->isExecuting());
}

void TstSimServices::pingLoopbackAnswers_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("pattern");
    QTest::newRow("43 esp") << "esp" << "^\\+PING:\\d+\\r\\n\\r\\nOK\\r\\n$";
    QTest::newRow("106 beken-doc has no final code") << "beken-doc" << "^\\+PING:\\d+\\r\\n$";
    QTest::newRow("119 beken-src four replies then OK") << "beken-src"
                                                       << "^(\\d+ bytes from 127\\.0\\.0\\.1 icmp_seq=[0-3] ttl=\\d+ time=\\d+ ticks\\r\\n){4}OK\\r\\n$";
}

void TstSimServices::pingLoopbackAnswers()
{
    QFETCH(QString, dialect);
    QFETCH(QString, pattern);
    SimulatedModule::Options o;
    QVERIFY(parseDialect(dialect, &o.dialect));
    InProc sim(o);
    sim.run("ATE0");
    sim.run(joinLine());
    const QByteArray r = sim.run("AT+PING=\"127.0.0.1\"", 10000);
    QVERIFY2(QRegularExpression(pattern).match(QString::fromLatin1(r)).hasMatch(), r.constData());
}

void TstSimServices::pingToAForbiddenAddressTimesOut()
{
    InProc sim;
    sim.run("ATE0");
    sim.run(joinLine());
    // 192.0.2.1 (TEST-NET-1) is refused by loopbackOnly before any packet is sent.
    QCOMPARE(sim.run("AT+PING=\"192.0.2.1\""), QByteArray("+PING:TIMEOUT\r\n\r\nERROR\r\n"));
}

void TstSimServices::closeAllClosesEveryLinkInOrder()
{
    TcpPeer peer;
    InProc sim;
    sim.run("ATE0");
    sim.run(joinLine());
    sim.run("AT+CIPMUX=1");
    const QByteArray port = QByteArray::number(peer.port());
    QCOMPARE(sim.run("AT+CIPSTART=2,\"TCP\",\"127.0.0.1\"," + port), QByteArray("2,CONNECT\r\n\r\nOK\r\n"));
    QCOMPARE(sim.run("AT+CIPSTART=0,\"TCP\",\"127.0.0.1\"," + port), QByteArray("0,CONNECT\r\n\r\nOK\r\n"));
    QCOMPARE(sim.run("AT+CIPCLOSE=5"), QByteArray("0,CLOSED\r\n2,CLOSED\r\n\r\nOK\r\n")); // 7.2 #39
}

void TstSimServices::cipmuxCannotChangeWithALinkOpen()
{
    TcpPeer peer;
    InProc sim;
    sim.run("ATE0");
    sim.run(joinLine());
    sim.run("AT+CIPMUX=1");
    sim.run("AT+CIPSTART=0,\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()));
    QCOMPARE(sim.run("AT+CIPMUX=0"), QByteArray("\r\nERROR\r\n")); // 7.2 #17
}

void TstSimServices::startingAConnectedIdAgainSaysAlreadyConnected()
{
    TcpPeer peer;
    InProc sim;
    sim.run("ATE0");
    sim.run(joinLine());
    const QByteArray start = "AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port());
    QCOMPARE(sim.run(start), QByteArray("CONNECT\r\n\r\nOK\r\n"));
    QCOMPARE(sim.run(start), QByteArray("ALREADY CONNECTED\r\n\r\nERROR\r\n")); // 7.2 #22
}

void TstSimServices::serverAcceptsClientsAsLinks()
{
    InProc sim;
    sim.run("ATE0");
    sim.run(joinLine());
    sim.run("AT+CIPMUX=1");
    const quint16 port = freeLoopbackPort();
    QCOMPARE(sim.run("AT+CIPSERVER=1," + QByteArray::number(port)), QByteArray("\r\nOK\r\n"));
    QCOMPARE(sim.run("AT+CIPSERVER?"), "+CIPSERVER:1," + QByteArray::number(port) + ",\"TCP\",0\r\n\r\nOK\r\n");
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.waitForConnected(3000));
    QCOMPARE(sim.waitFor("CONNECT\r\n"), QByteArray("0,CONNECT\r\n"));
    client.write("hi");
    QCOMPARE(sim.waitFor("hi"), QByteArray("\r\n+IPD,0,2:hi"));
    QCOMPARE(sim.prompt("AT+CIPSEND=0,3"), QByteArray("\r\nOK\r\n\r\n>"));
    sim.module->receiveFromHost("yo!");
    QCOMPARE(sim.waitFor("SEND OK\r\n"), QByteArray("\r\nRecv 3 bytes\r\n\r\nSEND OK\r\n"));
    QByteArray got;
    QTRY_COMPARE((got += client.readAll()), QByteArray("yo!"));
    client.disconnectFromHost();
    QCOMPARE(sim.waitFor("CLOSED\r\n"), QByteArray("0,CLOSED\r\n"));
}

void TstSimServices::cipsendexEndsAtBackslashZero()
{
    TcpPeer peer(false);
    InProc sim;
    sim.run("ATE0");
    sim.run(joinLine());
    sim.run("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()));
    QCOMPARE(sim.prompt("AT+CIPSENDEX=100"), QByteArray("\r\nOK\r\n\r\n>"));
    sim.module->receiveFromHost("abc\\0");
    QCOMPARE(sim.waitFor("SEND OK\r\n"), QByteArray("\r\nRecv 3 bytes\r\n\r\nSEND OK\r\n"));
    QTRY_COMPARE(peer.received, QByteArray("abc"));
}

void TstSimServices::bekenSurplusIsEchoedBeforeBusy()
{
    TcpPeer peer(false);
    SimulatedModule::Options o;
    o.dialect = Dialect::BekenSrc;
    InProc sim(o);
    sim.run("ATE0");
    sim.run(joinLine());
    QCOMPARE(sim.run("AT+CIPSTART=0,\"tcp\",\"127.0.0.1\"," + QByteArray::number(peer.port())), QByteArray("OK\r\n"));
    QCOMPARE(sim.prompt("AT+CIPSEND=0,4"), QByteArray("\r\n>"));
    sim.module->receiveFromHost("testxy"); // 7.6 #116
    QCOMPARE(sim.waitFor("BUSY\r\n"), QByteArray("SEND OK\r\nxy\r\nBUSY\r\n"));
    QTRY_COMPARE(peer.received, QByteArray("test"));
}

void TstSimServices::timedResetFaultRebootsTheModule()
{
    SimulatedModule::Options o;
    QVERIFY(Fault::parse(QStringLiteral("reset@300"), &o.faults.emplace_back(), nullptr));
    InProc sim(o);
    sim.run("ATE0");
    QElapsedTimer t;
    t.start();
    QCOMPARE(sim.waitFor("ready\r\n", 3000), QByteArray("ready\r\n"));
    QVERIFY(t.elapsed() >= 200);
    QCOMPARE(sim.run("AT"), QByteArray("AT\r\n\r\nOK\r\n")); // echo back on after the reset
}

void TstSimServices::joinFailFaultGivesTheChosenReason()
{
    InProc sim;
    sim.run("ATE0");
    QVERIFY(sim.module->injectFault(QStringLiteral("join-fail:4")));
    QCOMPARE(sim.run(joinLine()), QByteArray("+CWJAP:4\r\n\r\nERROR\r\n"));
    QCOMPARE(sim.run(joinLine()), QByteArray("WIFI CONNECTED\r\nWIFI GOT IP\r\n\r\nOK\r\n"));
}

void TstSimServices::bekenPassthroughNeedsOneLinkAndQuitsWithPlusQuit()
{
    TcpPeer peer(false);
    SimulatedModule::Options o;
    o.dialect = Dialect::BekenDoc;
    InProc sim(o);
    sim.run("ATE0");
    sim.run(joinLine());
    QCOMPARE(sim.run("AT+CIPMODE=1"), QByteArray("OK\r\n"));
    const QByteArray start = "AT+CIPSTART=0,\"tcp\",\"127.0.0.1\"," + QByteArray::number(peer.port());
    QCOMPARE(sim.run(start), QByteArray("OK\r\n"));
    QCOMPARE(sim.run("AT+CIPSTART=1,\"tcp\",\"127.0.0.1\"," + QByteArray::number(peer.port())), QByteArray("OK\r\n"));
    QCOMPARE(sim.run("AT+CIPSEND"), QByteArray("CMDRSP:ERROR\r\n")); // 7.5 #100: two links
    QCOMPARE(sim.run("AT+CIPCLOSE=1"), QByteArray("OK\r\n"));
    QCOMPARE(sim.prompt("AT+CIPSEND"), QByteArray("\r\n>"));
    sim.module->receiveFromHost("beken data");
    QTRY_COMPARE(peer.received, QByteArray("beken data"));
    keepLineSilent();
    sim.module->receiveFromHost("+++"); // 7.5 #101
    QCOMPARE(sim.waitFor("+QUIT\r\n", 2000), QByteArray("+QUIT\r\n"));
    QVERIFY(!sim.module->inDataMode());
    QCOMPARE(peer.received, QByteArray("beken data"));
}

void TstSimServices::bekenDocUdpSendToAnotherPeer()
{
    UdpPeer first, second;
    SimulatedModule::Options o;
    o.dialect = Dialect::BekenDoc;
    InProc sim(o);
    sim.run("ATE0");
    sim.run(joinLine());
    QCOMPARE(sim.run("AT+CIPSTART=1,\"udp\",\"127.0.0.1\"," + QByteArray::number(first.port())), QByteArray("OK\r\n")); // 7.5 #92
    QCOMPARE(sim.prompt("AT+CIPSEND=1,4,\"127.0.0.1\"," + QByteArray::number(second.port())), QByteArray("\r\n>")); // #98
    sim.module->receiveFromHost("abcd");
    QCOMPARE(sim.waitFor("SEND OK\r\n"), QByteArray("SEND OK\r\n"));
    QTRY_COMPARE(second.datagrams.size(), 1);
    QCOMPARE(second.datagrams.first(), QByteArray("abcd"));
    QVERIFY(first.datagrams.isEmpty());
    // The echo from the second peer arrives on link 1.
    QCOMPARE(sim.waitFor("abcd"), QByteArray("+IPD(1),4:abcd"));
}

void TstSimServices::wifiUrcsAndLinksSurviveNothingAfterCwqap()
{
    TcpPeer peer;
    InProc sim;
    sim.run("ATE0");
    sim.run(joinLine());
    sim.run("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()));
    QCOMPARE(sim.run("AT+CWQAP"), QByteArray("WIFI DISCONNECT\r\nCLOSED\r\n\r\nOK\r\n"));
    QCOMPARE(sim.run("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port())), QByteArray("\r\nERROR\r\n"));
    QCOMPARE(sim.run("AT+CIPSTATUS"), QByteArray("STATUS:5\r\n\r\nOK\r\n"));
}

void TstSimServices::sysmsgBit1ReportsLinkConn()
{
    TcpPeer peer;
    InProc sim;
    sim.run("ATE0");
    sim.run(joinLine());
    sim.run("AT+CIPMUX=1");
    QCOMPARE(sim.run("AT+SYSMSG=2"), QByteArray("\r\nOK\r\n"));
    const QByteArray r = sim.run("AT+CIPSTART=1,\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()));
    QVERIFY2(r.startsWith("+LINK_CONN:0,1,\"TCP\",0,\"127.0.0.1\"," + QByteArray::number(peer.port()) + ",") && r.endsWith("\r\n\r\nOK\r\n"),
             r.constData());
}

QTEST_GUILESS_MAIN(TstSimServices)
#include "tst_simservices.moc"
