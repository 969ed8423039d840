// Widely used ESP-AT host libraries, replayed line for line against atbench-sim on a pty at its
// defaults (115200 baud, field network latency): the start-up, join, connect, send, receive and
// close sequences of MaJerle's esp-at-lib (lwesp, C, POSIX port) and of a Python ESP-AT driver
// must succeed as they do on an ESP32 with ESP-AT 2.4 / 3.x.
#include "simtestutil.h"

using namespace simtest;

class TstSimHostLibs : public QObject
{
    Q_OBJECT
private slots:
    void espAtLibSequence_data();
    void espAtLibSequence();
    void pythonDriverSequence();

private:
    // Sends one line and returns the reply up to OK or ERROR; fails the test on ERROR.
    static QByteArray step(PtySim &sim, const QByteArray &line, int timeoutMs = 5000);
};

QByteArray TstSimHostLibs::step(PtySim &sim, const QByteArray &line, int timeoutMs)
{
    sim.cmd(line);
    QDeadlineTimer d(timeoutMs);
    for (;;) {
        sim.pump();
        QByteArray &b = sim.buffer();
        const qsizetype ok = b.indexOf("\r\nOK\r\n"), err = b.indexOf("ERROR\r\n");
        if (ok >= 0 && (err < 0 || ok < err)) {
            const QByteArray r = b.left(ok + 6);
            b.remove(0, ok + 6);
            return r;
        }
        if (err >= 0) {
            const QByteArray r = b.left(err + 7);
            b.remove(0, err + 7);
            qWarning("%s -> %s", line.constData(), r.constData());
            return QByteArray("ERROR from ") + line;
        }
        if (d.hasExpired())
            return QByteArray("no final code for ") + line + " (got: " + b + ")";
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
    }
}

void TstSimHostLibs::espAtLibSequence_data()
{
    QTest::addColumn<QString>("firmware");
    QTest::newRow("ESP-AT 2.4") << "2.4";
    QTest::newRow("ESP-AT 3.2") << "3.2";
}

void TstSimHostLibs::espAtLibSequence()
{
    QFETCH(QString, firmware);
    TcpPeer peer; // echoes
    PtySim sim;
    QString error;
    QVERIFY2(sim.start({ QStringLiteral("--firmware"), firmware }, &error), qPrintable(error));
    QVERIFY(!sim.waitFor("ready\r\n", 5000).isEmpty()); // power-on
    // Reset sequence (lwespi_get_reset_sub_cmd): AT+RST, then on "ready" the settings.
    sim.cmd("AT+RST");
    QVERIFY(!sim.waitFor("ready\r\n", 5000).isEmpty());
    const QByteArrayList reset { "ATE0", "AT+GMR", "AT+CMD?", "AT+SYSMSG=7", "AT+SYSLOG=1", "AT+RFPOWER=40",
                                 "AT+CWMODE=3,1", "AT+CWDHCP?", "AT+CIPMUX=1", "AT+CIPRECVMODE=1",
                                 "AT+CWLAPOPT=1,0x7FF", "AT+CIPSTATUS", "AT+CIPSTATE?", "AT+CIPAP?",
                                 "AT+CIPAPMAC?", "AT+CIPDINFO=1" };
    for (const QByteArray &line : reset) {
        const QByteArray r = step(sim, line);
        QVERIFY2(r.endsWith("\r\nOK\r\n"), (line + ": " + r).constData());
    }
    // Scan and join (LWESP_CMD_WIFI_CWJAP and its sub-commands).
    QVERIFY(step(sim, "AT+CWLAP").contains("+CWLAP:(3,\"BenchAP\",-45,"));
    const QByteArray join = step(sim, "AT+CWJAP=\"BenchAP\",\"12345678\"");
    QVERIFY2(join.endsWith("WIFI CONNECTED\r\nWIFI GOT IP\r\n\r\nOK\r\n"), join.constData());
    QCOMPARE(step(sim, "AT+CWDHCP?"), QByteArray("+CWDHCP:3\r\n\r\nOK\r\n"));
    QVERIFY(step(sim, "AT+CIPSTA?").startsWith("+CIPSTA:ip:\"127.0.0.1\"\r\n"));
    QVERIFY(step(sim, "AT+CIPSTAMAC?").startsWith("+CIPSTAMAC:\""));
    // Connect: status, CIPSTARTEX (the id comes back in +LINK_CONN with SYSMSG=7), status.
    QCOMPARE(step(sim, "AT+CIPSTATE?"), QByteArray("\r\nOK\r\n"));
    const QByteArray conn = step(sim, "AT+CIPSTARTEX=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()) + ",0");
    QVERIFY2(conn.startsWith("+LINK_CONN:0,0,\"TCP\",0,\"127.0.0.1\"," + QByteArray::number(peer.port()) + ","), conn.constData());
    QVERIFY(step(sim, "AT+CIPSTATE?").startsWith("+CIPSTATE:0,\"TCP\",\"127.0.0.1\","));
    // Send, then manual receive (+IPD,<id>,<len>, CIPRECVLEN, CIPRECVDATA, CIPRECVLEN).
    sim.cmd("AT+CIPSEND=0,5");
    QVERIFY(!sim.waitFor(">").isEmpty());
    sim.write("hello");
    QVERIFY(!sim.waitFor("SEND OK\r\n").isEmpty());
    QVERIFY(!sim.waitFor("+IPD,0,5\r\n", 3000).isEmpty());
    QCOMPARE(step(sim, "AT+CIPRECVLEN?"), QByteArray("+CIPRECVLEN:5,-1,-1,-1,-1\r\n\r\nOK\r\n"));
    QCOMPARE(step(sim, "AT+CIPRECVDATA=0,5"), "+CIPRECVDATA:5,\"127.0.0.1\"," + QByteArray::number(peer.port()) + ",hello\r\nOK\r\n");
    QCOMPARE(step(sim, "AT+CIPRECVLEN?"), QByteArray("+CIPRECVLEN:0,-1,-1,-1,-1\r\n\r\nOK\r\n"));
    QVERIFY(step(sim, "AT+CIPCLOSE=0").startsWith("0,CLOSED\r\n"));
    // A second connection takes the lowest free id again, UDP too.
    QVERIFY(step(sim, "AT+CIPSTARTEX=\"UDP\",\"127.0.0.1\"," + QByteArray::number(peer.port()) + ",0,2").startsWith("+LINK_CONN:0,0,\"UDP\",0,"));
}

void TstSimHostLibs::pythonDriverSequence()
{
    TcpPeer peer;
    PtySim sim;
    QString error;
    QVERIFY2(sim.start({}, &error), qPrintable(error));
    QVERIFY(!sim.waitFor("ready\r\n", 5000).isEmpty()); // power-on
    // Start-up: probe, echo off, version, station mode, TLS client configuration, Wi-Fi state.
    const QByteArrayList start { "AT", "ATE0", "AT+GMR", "AT+SYSSTORE=0", "AT+CWMODE=1", "AT+CWAUTOCONN=0",
                                 "AT+CIPSSLCCONF?", "AT+CWSTATE?", "AT+CIPMUX=1", "AT+CIPRECVMODE=1" };
    for (const QByteArray &line : start) {
        const QByteArray r = step(sim, line);
        QVERIFY2(r.endsWith("\r\nOK\r\n"), (line + ": " + r).constData());
    }
    // Join, polling AT+CWSTATE? until state 2 (got IP).
    QVERIFY(step(sim, "AT+CWJAP=\"BenchAP\",\"12345678\"").endsWith("\r\nOK\r\n"));
    QCOMPARE(step(sim, "AT+CWSTATE?"), QByteArray("+CWSTATE:2,\"BenchAP\"\r\n\r\nOK\r\n"));
    QVERIFY(step(sim, "AT+CIPSTA?").startsWith("+CIPSTA:ip:\"127.0.0.1\""));
    QVERIFY(step(sim, "AT+CIPDOMAIN=\"localhost\"").startsWith("+CIPDOMAIN:\"127.0.0.1\""));
    QVERIFY(step(sim, "AT+CIPSTART=0,\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port())).startsWith("0,CONNECT"));
    // Reads the pending length of every link, open or not.
    QCOMPARE(step(sim, "AT+CIPRECVLEN?"), QByteArray("+CIPRECVLEN:0,-1,-1,-1,-1\r\n\r\nOK\r\n"));
    QVERIFY(step(sim, "AT+CIPCLOSE=0").startsWith("0,CLOSED"));
    QCOMPARE(step(sim, "AT+CWQAP"), QByteArray("WIFI DISCONNECT\r\n\r\nOK\r\n"));
}

QTEST_GUILESS_MAIN(TstSimHostLibs)
#include "tst_simhostlibs.moc"
