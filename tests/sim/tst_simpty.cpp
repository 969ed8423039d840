// atbench-sim as a program on a real pseudo-terminal, talking to real peers on 127.0.0.1.
#include "simtestutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace simtest;

class TstSimPty : public QObject
{
    Q_OBJECT
private slots:
    void espHostStartupSequenceReachesTcpEchoServer();
    void peerDataWithCrLfArrivesAsOneIpd();
    void peerCloseIsReportedAsClosed();
    void udpLinkSendsAndReceivesDatagrams();
    void surplusBytesAfterCipsendGiveBusyThenSendOk();
    void passthroughSendsAndPlusPlusPlusLeavesDataMode();
    void plusPlusPlusInsideDataIsPayload();
    void passthroughClientReconnectsAfterLinkLoss();
    void passthroughSendsFullPacketsAtOnceAndTheRestAfterTheIdleInterval();
    void passiveReceiveBuffersUntilCiprecvdata();
    void bekenSrcPrintsIpdWithParenthesisAndBekenDocHasNoOkBeforePrompt();
    void bekenDocCipstatusListsLinksWithoutFinalCode();
    void hostNotReadingCausesCountedOverruns();
    void recordMasksSecretsAndExtractsDeviceBytes();
    void extractOfACheckedInRecordIsStable();
    void badArgumentsFailWithAMessage_data();
    void badArgumentsFailWithAMessage();
    void tcpFrontEndServesOneClient();
};

static QByteArray join() { return "AT+CWJAP=\"BenchAP\",\"12345678\""; }

// Sum of the "overrun" events in an atbench-sim record so far (the file is flushed per line).
static qint64 overrunBytesRecorded(const QString &record)
{
    QFile f(record);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    qint64 total = 0;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        if (line.contains("\"event\":\"overrun\""))
            total += qint64(QJsonDocument::fromJson(line).object().value(QStringLiteral("bytes")).toDouble());
    }
    return total;
}

void TstSimPty::espHostStartupSequenceReachesTcpEchoServer()
{
    TcpPeer peer;
    PtySim sim;
    QString error;
    QVERIFY2(sim.start({}, &error), qPrintable(error));
    QCOMPARE(sim.waitFor("ready\r\n"), QByteArray("ready\r\n"));
    QCOMPARE(sim.transact("AT"), QByteArray("AT\r\n\r\nOK\r\n"));
    QCOMPARE(sim.transact("ATE0"), QByteArray("ATE0\r\n\r\nOK\r\n"));
    const QByteArray gmr = sim.transact("AT+GMR");
    QVERIFY2(gmr.startsWith("AT version:") && gmr.endsWith("\r\n\r\nOK\r\n"), gmr.constData());
    QCOMPARE(sim.transact("AT+CWMODE=1"), QByteArray("\r\nOK\r\n"));
    QCOMPARE(sim.transact("AT+CIPMUX=1"), QByteArray("\r\nOK\r\n"));
    QCOMPARE(sim.transact("AT+CIPDINFO=1"), QByteArray("\r\nOK\r\n"));
    QCOMPARE(sim.transact(join()), QByteArray("WIFI CONNECTED\r\nWIFI GOT IP\r\n\r\nOK\r\n"));
    const QByteArray port = QByteArray::number(peer.port());
    QCOMPARE(sim.transact("AT+CIPSTART=0,\"TCP\",\"127.0.0.1\"," + port), QByteArray("0,CONNECT\r\n\r\nOK\r\n"));
    QCOMPARE(sim.transact("AT+CIPSEND=0,5", ">"), QByteArray("\r\nOK\r\n\r\n>"));
    sim.write("hello");
    const QByteArray sent = sim.waitFor("SEND OK\r\n");
    QVERIFY2(sent.startsWith("\r\nRecv 5 bytes\r\n"), sent.constData());
    QTRY_COMPARE(peer.received, QByteArray("hello"));
    // The echo comes back as +IPD with the remote address (CIPDINFO=1, 7.2 #31).
    const QByteArray expectedIpd = "+IPD,0,5,\"127.0.0.1\"," + port + ":hello";
    QByteArray all = sent + sim.waitFor(expectedIpd);
    QVERIFY2(all.contains(expectedIpd), all.constData());
    const QByteArray status = sim.transact("AT+CIPSTATUS");
    QVERIFY2(status.startsWith("STATUS:3\r\n+CIPSTATUS:0,\"TCP\",\"127.0.0.1\"," + port + ","), status.constData());
    QCOMPARE(sim.transact("AT+CIPCLOSE=0"), QByteArray("0,CLOSED\r\n\r\nOK\r\n"));
}

void TstSimPty::peerDataWithCrLfArrivesAsOneIpd()
{
    TcpPeer peer(false);
    PtySim sim;
    QVERIFY(sim.start({ QStringLiteral("--wifi-connected") }));
    sim.waitFor("WIFI GOT IP\r\n");
    sim.transact("ATE0");
    QCOMPARE(sim.transact("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port())), QByteArray("CONNECT\r\n\r\nOK\r\n"));
    QTRY_VERIFY(peer.client());
    peer.client()->write("a\r\nOK\r\nb"); // 7.2 #33 / #29
    QCOMPARE(sim.waitFor("b"), QByteArray("\r\n+IPD,8:a\r\nOK\r\nb"));
}

void TstSimPty::peerCloseIsReportedAsClosed()
{
    TcpPeer peer(false);
    PtySim sim;
    QVERIFY(sim.start({ QStringLiteral("--wifi-connected") }));
    sim.waitFor("WIFI GOT IP\r\n");
    sim.transact("ATE0");
    sim.transact("AT+CIPMUX=1");
    QCOMPARE(sim.transact("AT+CIPSTART=2,\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port())), QByteArray("2,CONNECT\r\n\r\nOK\r\n"));
    QTRY_VERIFY(peer.client());
    peer.client()->disconnectFromHost(); // 7.2 #36
    QCOMPARE(sim.waitFor("CLOSED\r\n"), QByteArray("2,CLOSED\r\n"));
}

void TstSimPty::udpLinkSendsAndReceivesDatagrams()
{
    UdpPeer peer;
    PtySim sim;
    QVERIFY(sim.start({ QStringLiteral("--wifi-connected") }));
    sim.waitFor("WIFI GOT IP\r\n");
    sim.transact("ATE0");
    QCOMPARE(sim.transact("AT+CIPSTART=\"UDP\",\"127.0.0.1\"," + QByteArray::number(peer.port()) + ",0,0"),
             QByteArray("CONNECT\r\n\r\nOK\r\n")); // 7.2 #23
    sim.transact("AT+CIPSEND=4", ">");
    sim.write("ping");
    sim.waitFor("SEND OK\r\n");
    QTRY_COMPARE(peer.datagrams.size(), 1);
    QCOMPARE(peer.datagrams.first(), QByteArray("ping"));
    QCOMPARE(sim.waitFor("ping"), QByteArray("\r\n+IPD,4:ping"));
}

void TstSimPty::surplusBytesAfterCipsendGiveBusyThenSendOk()
{
    TcpPeer peer;
    PtySim sim;
    QVERIFY(sim.start({ QStringLiteral("--wifi-connected"), QStringLiteral("--baud"), QStringLiteral("0") }));
    sim.waitFor("WIFI GOT IP\r\n");
    sim.transact("ATE0");
    sim.transact("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()));
    sim.transact("AT+CIPSEND=4", ">");
    sim.write("test12"); // 7.2 #26
    const QByteArray r = sim.waitFor("SEND OK\r\n");
    QVERIFY2(r.contains("busy p...\r\n") && r.indexOf("busy p...") < r.indexOf("SEND OK"), r.constData());
    QTRY_COMPARE(peer.received, QByteArray("test"));
}

void TstSimPty::passthroughSendsAndPlusPlusPlusLeavesDataMode()
{
    TcpPeer peer(false);
    PtySim sim;
    QVERIFY(sim.start({ QStringLiteral("--wifi-connected") }));
    sim.waitFor("WIFI GOT IP\r\n");
    sim.transact("ATE0");
    sim.transact("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()));
    QCOMPARE(sim.transact("AT+CIPMODE=1"), QByteArray("\r\nOK\r\n")); // 7.3 #50
    QCOMPARE(sim.transact("AT+CIPSEND", ">"), QByteArray("\r\nOK\r\n\r\n>"));
    QTRY_VERIFY(peer.client());
    // Peer data in passthrough arrives raw (7.3 #56).
    peer.client()->write("raw-from-peer");
    QCOMPARE(sim.waitFor("raw-from-peer"), QByteArray("raw-from-peer"));
    // 100 bytes in one burst reach the peer as one segment after the 20 ms idle flush (7.3 #51).
    const QByteArray burst(100, 'x');
    QElapsedTimer t;
    t.start();
    sim.write(burst);
    QTRY_COMPARE(peer.received, burst);
    QVERIFY(t.elapsed() >= 20);
    keepLineSilent();
    sim.write("+++"); // 7.3 #53: alone, with silence around it
    keepLineSilent(3 * kGuardSilenceMs);
    // ESP prints nothing on +++ unless SYSMSG bit 0: the reply below is all that comes.
    QCOMPARE(sim.transact("AT+CIPSTATE?"), "+CIPSTATE:0,\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()) + ","
                                               + QByteArray::number(peer.client()->peerPort()) + ",0\r\n\r\nOK\r\n");
    QCOMPARE(peer.received, burst); // the +++ was not forwarded
    // 7.3 #55: with SYSMSG=1 a valid +++ prints +QUITT.
    sim.transact("AT+SYSMSG=1");
    sim.transact("AT+CIPSEND", ">");
    keepLineSilent();
    sim.write("+++");
    QCOMPARE(sim.waitFor("+QUITT\r\n", 2000), QByteArray("+QUITT\r\n"));
    QCOMPARE(sim.transact("AT+CIPMODE=0"), QByteArray("\r\nOK\r\n")); // 7.3 #58
    QCOMPARE(sim.transact("AT+CIPCLOSE"), QByteArray("CLOSED\r\n\r\nOK\r\n"));
}

void TstSimPty::plusPlusPlusInsideDataIsPayload()
{
    TcpPeer peer(false);
    PtySim sim;
    QVERIFY(sim.start({ QStringLiteral("--wifi-connected") }));
    sim.waitFor("WIFI GOT IP\r\n");
    sim.transact("ATE0");
    sim.transact("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()));
    sim.transact("AT+CIPMODE=1");
    sim.transact("AT+CIPSEND", ">");
    keepLineSilent(); // a "+++" with silence before it, but followed by CR LF (7.3 #54)
    sim.write("+++\r\n");
    QTRY_COMPARE(peer.received, QByteArray("+++\r\n"));
    sim.write("a+++b");
    QTRY_COMPARE(peer.received, QByteArray("+++\r\na+++b"));
    // Still in data mode: an AT command is payload too.
    sim.write("AT\r\n");
    QTRY_COMPARE(peer.received, QByteArray("+++\r\na+++bAT\r\n"));
}

void TstSimPty::passthroughClientReconnectsAfterLinkLoss()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    PtySim sim;
    QVERIFY(sim.start({ QStringLiteral("--wifi-connected"), QStringLiteral("--baud"), QStringLiteral("0") }));
    sim.waitFor("WIFI GOT IP\r\n");
    sim.transact("ATE0");
    sim.transact("AT+CIPMODE=1");
    sim.transact("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(server.serverPort()));
    QTRY_VERIFY(server.hasPendingConnections());
    QTcpSocket *first = server.nextPendingConnection();
    sim.transact("AT+CIPSEND", ">");
    first->disconnectFromHost(); // P 4.1: as client the device keeps reconnecting until +++
    QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 5000);
    QTcpSocket *second = server.nextPendingConnection();
    // Without SYSMSG bit 2 the module does not say when its side of the new link is up, and
    // bytes that reach it before then are lost with the old link: give it time to see connected.
    spin(100);
    sim.write("after reconnect");
    QByteArray got;
    QTRY_COMPARE((got += second->readAll()), QByteArray("after reconnect"));
    QVERIFY(sim.collect(50).isEmpty()); // no CLOSED/CONNECT without AT+SYSMSG bit 2
}

void TstSimPty::passthroughSendsFullPacketsAtOnceAndTheRestAfterTheIdleInterval()
{
    // 7.3 #51: 6000 bytes go out as 2920 + 2920 at once and the remaining 160 after ~20 ms.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    PtySim sim;
    QVERIFY(sim.start({ QStringLiteral("--wifi-connected"), QStringLiteral("--baud"), QStringLiteral("0") }));
    sim.waitFor("WIFI GOT IP\r\n");
    sim.transact("ATE0");
    sim.transact("AT+CIPMODE=1");
    sim.transact("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(server.serverPort()));
    QTRY_VERIFY(server.hasPendingConnections());
    QTcpSocket *peer = server.nextPendingConnection();
    sim.transact("AT+CIPSEND", ">");
    // Timestamps are taken as the bytes arrive: an event loop wakes at once, whereas QTRY_*
    // sleeps 10 ms between looks and made the two instants up to 10 ms late.
    QEventLoop loop;
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    QElapsedTimer t;
    qint64 got = 0, tFull = -1, countAtFull = 0, tAll = -1;
    connect(peer, &QTcpSocket::readyRead, this, [&]() {
        got += peer->readAll().size();
        if (tFull < 0 && got >= 5840) {
            tFull = t.elapsed();
            countAtFull = got;
        }
        if (got >= 6000 && tAll < 0) {
            tAll = t.elapsed();
            loop.quit();
        }
    });
    t.start();
    sim.write(QByteArray(6000, 'p'));
    if (tAll < 0)
        loop.exec();
    QCOMPARE(got, qint64(6000));
    QCOMPARE(countAtFull, qint64(5840));
    QVERIFY2(tAll - tFull >= 15, qPrintable(QStringLiteral("%1 ms / %2 ms").arg(tFull).arg(tAll)));
}

void TstSimPty::passiveReceiveBuffersUntilCiprecvdata()
{
    TcpPeer peer(false);
    PtySim sim;
    QVERIFY(sim.start({ QStringLiteral("--wifi-connected") }));
    sim.waitFor("WIFI GOT IP\r\n");
    sim.transact("ATE0");
    QCOMPARE(sim.transact("AT+CIPRECVMODE=1"), QByteArray("\r\nOK\r\n")); // 7.2 #34
    sim.transact("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()));
    QTRY_VERIFY(peer.client());
    peer.client()->write("test");
    QCOMPARE(sim.waitFor("+IPD,4\r\n"), QByteArray("+IPD,4\r\n"));
    QCOMPARE(sim.transact("AT+CIPRECVLEN?"), QByteArray("+CIPRECVLEN:4\r\n\r\nOK\r\n"));
    QCOMPARE(sim.transact("AT+CIPRECVDATA=4"), QByteArray("+CIPRECVDATA:4,test\r\nOK\r\n"));
    QCOMPARE(sim.transact("AT+CIPRECVDATA=4", "ERROR\r\n"), QByteArray("\r\nERROR\r\n")); // 7.2 #35
    // Buffered data survives a remote close; CLOSED waits until it is read.
    peer.client()->write("bye!");
    peer.client()->flush();
    QCOMPARE(sim.waitFor("+IPD,4\r\n"), QByteArray("+IPD,4\r\n"));
    peer.client()->disconnectFromHost();
    QVERIFY(!sim.collect(250).contains("CLOSED")); // nothing to wait for: it must not come
    QCOMPARE(sim.transact("AT+CIPRECVDATA=10", "CLOSED\r\n"), QByteArray("+CIPRECVDATA:4,bye!\r\nOK\r\nCLOSED\r\n"));
}

void TstSimPty::bekenSrcPrintsIpdWithParenthesisAndBekenDocHasNoOkBeforePrompt()
{
    TcpPeer peer;
    PtySim sim;
    QVERIFY(sim.start({ QStringLiteral("--dialect"), QStringLiteral("beken-src"), QStringLiteral("--wifi-connected") }));
    QCOMPARE(sim.waitFor("WIFI GOT IP\r\n"), QByteArray("\r\nready\r\nWIFI CONNECTED\r\nWIFI GOT IP\r\n")); // 7.6 #112
    QCOMPARE(sim.transact("ATE0"), QByteArray("ATE0\r\n\r\nOK\r\n"));
    QCOMPARE(sim.transact("AT+CIPSTART=0,\"tcp\",\"127.0.0.1\"," + QByteArray::number(peer.port())), QByteArray("OK\r\n")); // no CONNECT
    QCOMPARE(sim.transact("AT+CIPSEND=0,4", ">"), QByteArray("\r\n>"));
    sim.write("test");
    QCOMPARE(sim.waitFor("SEND OK\r\n"), QByteArray("SEND OK\r\n"));
    QCOMPARE(sim.waitFor("test"), QByteArray("+IPD(0),4:test")); // 7.6 #117
    const QByteArray st = sim.transact("AT+CIPSTATUS?", ",0\r\n");
    QVERIFY2(st.startsWith("+BIPSTATUS:0,connected, 0, 127.0.0.1, " + QByteArray::number(peer.port()) + ","), st.constData());
    QCOMPARE(sim.transact("AT+CIPCLOSE=0"), QByteArray("OK\r\n"));
}

void TstSimPty::bekenDocCipstatusListsLinksWithoutFinalCode()
{
    TcpPeer peer(false);
    PtySim sim;
    QVERIFY(sim.start({ QStringLiteral("--dialect"), QStringLiteral("beken-doc"), QStringLiteral("--wifi-connected") }));
    sim.waitFor("WIFI GOT IP\r\n");
    sim.transact("ATE0");
    QCOMPARE(sim.transact("AT+CIPSTART=0,\"tcp\",\"127.0.0.1\"," + QByteArray::number(peer.port()) + ",1800"), QByteArray("OK\r\n")); // 7.5 #91
    sim.cmd("AT+CIPSTATUS?");
    const QByteArray st = sim.collect(400); // 7.5 #94: the host ends this on a quiet period
    QVERIFY2(st.startsWith("+BIPSTATUS:0,127.0.0.1," + QByteArray::number(peer.port()) + ","), st.constData());
    QVERIFY2(st.endsWith(",0\r\n") && !st.contains("OK"), st.constData());
    QCOMPARE(sim.transact("AT+CIPSEND=0,4", ">"), QByteArray("\r\n>")); // 7.5 #95
    sim.write("test");
    QCOMPARE(sim.waitFor("SEND OK\r\n"), QByteArray("SEND OK\r\n"));
    QCOMPARE(sim.transact("AT+CIPCLOSE=5"), QByteArray("OK\r\n")); // 7.5 #102
}

void TstSimPty::hostNotReadingCausesCountedOverruns()
{
    // The peer floods passthrough-receive mode at 921600 baud while the host does not read:
    // the pty pushes back after ~14 KB, and the simulator must count and drop like a UART.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    PtySim sim;
    const QString record = QDir(sim.dirPath()).filePath(QStringLiteral("rec.jsonl"));
    QVERIFY(sim.start({ QStringLiteral("--wifi-connected"), QStringLiteral("--baud"), QStringLiteral("921600"),
                        QStringLiteral("--record"), record }));
    sim.waitFor("WIFI GOT IP\r\n");
    sim.transact("ATE0");
    sim.transact("AT+CIPMODE=1");
    sim.transact("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(server.serverPort()));
    QTRY_VERIFY(server.hasPendingConnections());
    QTcpSocket *peer = server.nextPendingConnection();
    const QByteArray chunk(64 * 1024, 'z');
    for (int i = 0; i < 4; ++i)
        peer->write(chunk);
    // Not reading the pty meanwhile; the record shows the overruns as they are counted.
    QTRY_VERIFY_WITH_TIMEOUT(overrunBytesRecorded(record) > 50000, 15000);
    const QByteArray summary = sim.terminateAndCollectStderr();
    const qsizetype at = summary.indexOf("overruns=");
    QVERIFY2(at >= 0, summary.constData());
    const qint64 overruns = summary.mid(at + 9, summary.indexOf(' ', at) - at - 9).toLongLong();
    QVERIFY2(overruns > 50000, summary.constData());
    QFile f(record);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("\"event\":\"overrun\""));
}

void TstSimPty::recordMasksSecretsAndExtractsDeviceBytes()
{
    PtySim sim;
    const QString record = QDir(sim.dirPath()).filePath(QStringLiteral("rec.jsonl"));
    QVERIFY(sim.start({ QStringLiteral("--record"), record, QStringLiteral("--ap"), QStringLiteral("Lab:sup3rSecret") }));
    sim.waitFor("ready\r\n");
    QCOMPARE(sim.transact("AT+CWJAP=\"Lab\",\"sup3rSecret\""), QByteArray("AT+CWJAP=\"Lab\",\"sup3rSecret\"\r\nWIFI CONNECTED\r\nWIFI GOT IP\r\n\r\nOK\r\n"));
    sim.terminateAndCollectStderr();
    QFile f(record);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QVERIFY(lines.size() > 3);
    QCOMPARE(QJsonDocument::fromJson(lines.first()).object().value(QStringLiteral("format")).toString(), QStringLiteral("atbench-recording"));
    // docs/recording.md: "host" = host -> module, "module" = module -> host, as text or *_hex.
    QByteArray rx, tx;
    for (const QByteArray &l : lines) {
        const QJsonObject o = QJsonDocument::fromJson(l).object();
        rx += o.value(QStringLiteral("host")).toString().toUtf8();
        rx += QByteArray::fromHex(o.value(QStringLiteral("host_hex")).toString().toLatin1());
        tx += o.value(QStringLiteral("module")).toString().toUtf8();
        tx += QByteArray::fromHex(o.value(QStringLiteral("module_hex")).toString().toLatin1());
        QVERIFY(l.isEmpty() || o.contains(QStringLiteral("t")) || o.contains(QStringLiteral("format")));
    }
    QVERIFY2(!rx.contains("sup3rSecret") && rx.contains("AT+CWJAP=\"Lab\",\"***********\""), rx.constData());
    QVERIFY2(!tx.contains("sup3rSecret") && tx.contains("WIFI GOT IP"), tx.constData());
    const QString out = QDir(sim.dirPath()).filePath(QStringLiteral("device.bin"));
    QCOMPARE(QProcess::execute(simBinary(), { QStringLiteral("--extract-device-bytes"), record, out }), 0);
    QFile o(out);
    QVERIFY(o.open(QIODevice::ReadOnly));
    QCOMPARE(o.readAll(), tx);
}

void TstSimPty::extractOfACheckedInRecordIsStable()
{
    // tests/data/sim/esp_session.*: a recorded ESP session (start-up, CIPSEND, +IPD, ERROR) and
    // its device->host bytes; also usable as atbench-cli decode input.
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.bin"));
    QCOMPARE(QProcess::execute(simBinary(), { QStringLiteral("--extract-device-bytes"),
                                              QStringLiteral(ATB_TEST_DATA_DIR "/sim/esp_session.record.jsonl"), out }), 0);
    QFile a(out), b(QStringLiteral(ATB_TEST_DATA_DIR "/sim/esp_session.device.bin"));
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QByteArray bytes = a.readAll();
    QCOMPARE(bytes, b.readAll());
    QVERIFY(bytes.startsWith("ready\r\n"));
    QVERIFY(bytes.contains("+IPD,0,6:a\r\nOK\r"));
    QVERIFY(!bytes.contains("12345678")); // the Wi-Fi password is masked
}

void TstSimPty::badArgumentsFailWithAMessage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown dialect") << QStringList { "--dialect", "nordic", "--tcp", "0" } << "unknown dialect";
    QTest::newRow("no front end") << QStringList {} << "exactly one of --pty";
    QTest::newRow("both front ends") << QStringList { "--pty", "{tmp}/tty", "--tcp", "1" } << "exactly one of --pty";
    QTest::newRow("baud not a number") << QStringList { "--tcp", "0", "--baud", "fast" } << "--baud";
    QTest::newRow("bad fault") << QStringList { "--tcp", "0", "--fault", "explode" } << "bad fault spec";
    QTest::newRow("ap without password separator") << QStringList { "--tcp", "0", "--ap", "lonely" } << "--ap";
    QTest::newRow("unknown option") << QStringList { "--frobnicate" } << "frobnicate";
}

void TstSimPty::badArgumentsFailWithAMessage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTemporaryDir dir; // nothing may be created there, but if it is, it goes away
    args.replaceInStrings(QStringLiteral("{tmp}"), dir.path());
    QProcess p;
    p.start(simBinary(), args);
    QVERIFY(p.waitForFinished(10000));
    QVERIFY(p.exitCode() != 0);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

void TstSimPty::tcpFrontEndServesOneClient()
{
    const quint16 port = freeLoopbackPort();
    QProcess p;
    p.start(simBinary(), { QStringLiteral("--tcp"), QString::number(port), QStringLiteral("--baud"), QStringLiteral("0") });
    QVERIFY(p.waitForReadyRead(5000));
    QVERIFY(p.readLine().startsWith("READY tcp=127.0.0.1:"));
    QTcpSocket c;
    c.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(c.waitForConnected(3000));
    QByteArray got;
    QTRY_VERIFY((got += c.readAll()).contains("ready\r\n"));
    c.write("AT\r\n");
    QTRY_VERIFY((got += c.readAll()).contains("AT\r\n\r\nOK\r\n"));
    QTcpSocket second;
    second.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(second.waitForConnected(3000));
    QTRY_COMPARE(second.state(), QAbstractSocket::UnconnectedState); // refused: one client at a time
    p.terminate();
    QVERIFY(p.waitForFinished(5000));
}

QTEST_GUILESS_MAIN(TstSimPty)
#include "tst_simpty.moc"
