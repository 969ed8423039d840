// DeviceSession end to end: real QSerialPort on a pseudo-terminal, the TCP bridge transport,
// the in-process pipe, an unplugged adapter, passthrough guard times, a session living in its
// own I/O thread (SessionHost; more in tst_sessionhost), and secrets masked in the log.
#include "engine/devicesession.h"
#include "engine/sessionhost.h"
#include "ptymodule.h"
#include "transport/pipetransport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <atomic>
#include <thread>
#include <QtTest>

using namespace atb;

class tst_DeviceSession : public QObject
{
    Q_OBJECT

private:
    static SerialSettings serialFor(const PtyModule &m)
    {
        SerialSettings s;
        s.portName = m.slavePath();
        s.baudRate = 115200;
        return s;
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<atb::AtResult>();
        qRegisterMetaType<atb::AtEvent>();
    }

    void atOkOverRealSerialPort()
    {
        PtyModule m;
        QVERIFY(m.isValid());
        m.setEcho(true);
        m.on("AT", "\r\nOK\r\n");
        m.on("AT+GMR", "AT version:2.3.0.0\r\nSDK version:v4.3\r\n\r\nOK\r\n");
        DeviceSession s;
        QSignalSpy done(&s, &DeviceSession::commandFinished);
        s.openSerial(serialFor(m));
        QTRY_COMPARE(s.state(), DeviceSession::State::Connected);
        s.submit(AtCommand::fromLine("AT"));
        s.submit(AtCommand::fromLine("AT+GMR"));
        QTRY_COMPARE(done.size(), 2);
        const AtResult a = done[0][0].value<AtResult>();
        const AtResult b = done[1][0].value<AtResult>();
        QVERIFY(a.ok());
        QVERIFY(a.sawEcho);
        QVERIFY(b.ok());
        QCOMPARE(b.lines, (QList<QByteArray> { "AT version:2.3.0.0", "SDK version:v4.3" }));
        QCOMPARE(m.received, QByteArray("AT\r\nAT+GMR\r\n"));
        QCOMPARE(s.txBytes(), 12);
    }

    void unpluggedAdapterIsReportedAndReopenWorks()
    {
        DeviceSession s;
        QSignalSpy errors(&s, &DeviceSession::errorOccurred);
        QSignalSpy done(&s, &DeviceSession::commandFinished);
        {
            PtyModule m;
            m.on("AT", "\r\nOK\r\n");
            m.on("AT+CWLAP", ""); // never answers
            s.openSerial(serialFor(m));
            QTRY_COMPARE(s.state(), DeviceSession::State::Connected);
            s.submit(AtCommand::fromLine("AT+CWLAP")); // never answered: in flight when unplugged
            QTRY_COMPARE(m.lines.size(), 1);
            m.unplug();
            QTRY_COMPARE(s.state(), DeviceSession::State::Disconnected);
        }
        QVERIFY(errors.size() >= 1);
        QTRY_COMPARE(done.size(), 1);
        QCOMPARE(done[0][0].value<AtResult>().status, AtResult::Status::Disconnected);
        // A command while disconnected is refused, not lost silently.
        s.submit(AtCommand::fromLine("AT"));
        QTRY_COMPARE(done.size(), 2);
        QCOMPARE(done[1][0].value<AtResult>().status, AtResult::Status::Refused);

        PtyModule again;
        again.on("AT", "\r\nOK\r\n");
        s.openSerial(serialFor(again));
        QTRY_COMPARE(s.state(), DeviceSession::State::Connected);
        s.submit(AtCommand::fromLine("AT"));
        QTRY_COMPARE(done.size(), 3);
        QVERIFY(done[2][0].value<AtResult>().ok());
    }

    void openingAMissingPortFailsClearly()
    {
        DeviceSession s;
        QSignalSpy errors(&s, &DeviceSession::errorOccurred);
        SerialSettings bad;
        bad.portName = QStringLiteral("/dev/atbench-no-such-port");
        s.openSerial(bad);
        QTRY_COMPARE(errors.size(), 1);
        QVERIFY(errors[0][0].toString().contains(QLatin1String("atbench-no-such-port")));
        QCOMPARE(s.state(), DeviceSession::State::Disconnected);
    }

    void dataPhaseOverSerial()
    {
        PtyModule m;
        m.on("AT+CIPSEND=6", "@DATA:6:\r\nOK\r\n\r\n>");
        m.dataReply = "\r\nRecv 6 bytes\r\n\r\nSEND OK\r\n";
        DeviceSession s;
        QSignalSpy done(&s, &DeviceSession::commandFinished);
        s.openSerial(serialFor(m));
        QTRY_COMPARE(s.state(), DeviceSession::State::Connected);
        AtCommand c = AtCommand::fromLine("AT+CIPSEND=6");
        c.payload = QByteArray("a\r\nOK\r", 6);
        s.submit(c);
        QTRY_COMPARE(done.size(), 1);
        const AtResult r = done[0][0].value<AtResult>();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.finalText, QByteArray("SEND OK"));
        QCOMPARE(m.received, QByteArray("AT+CIPSEND=6\r\na\r\nOK\r"));
        QCOMPARE(s.traffic()->total(ThroughputPath::LinkTx), 6);
        QCOMPARE(s.traffic()->total(ThroughputPath::UartTx), 20);
    }

    void trafficIsCountedPerPath()
    {
        // What ThroughputMeter reads: counted in the session's thread as the traffic passes.
        PtyModule m;
        m.on("AT+MQTTPUB=0,\"t\",\"x\",0,0", "\r\nOK\r\n");
        m.on("AT+MQTTPUB=0,\"t\",\"y\",0,0", "\r\nERROR\r\n");
        DeviceSession s;
        QSignalSpy done(&s, &DeviceSession::commandFinished);
        QSignalSpy urcs(&s, &DeviceSession::urcReceived);
        s.openSerial(serialFor(m));
        QTRY_COMPARE(s.state(), DeviceSession::State::Connected);
        s.submit(AtCommand::fromLine("AT+MQTTPUB=0,\"t\",\"x\",0,0"));
        s.submit(AtCommand::fromLine("AT+MQTTPUB=0,\"t\",\"y\",0,0")); // failed: not counted
        QTRY_COMPARE(done.size(), 2);
        m.send("+IPD,5:hello\r\n+MQTTSUBRECV:0,\"t\",3,abc\r\n+IPD,0,3\r\n");
        QTRY_COMPARE(urcs.size(), 3);
        const auto traffic = s.traffic();
        QCOMPARE(traffic->total(ThroughputPath::MqttPub), 1);
        QCOMPARE(traffic->total(ThroughputPath::MqttRecv), 1);
        QCOMPARE(traffic->total(ThroughputPath::LinkRx), 5); // the passive notice carries no data
        QCOMPARE(traffic->total(ThroughputPath::UartRx), s.rxBytes());
        QCOMPARE(traffic->total(ThroughputPath::UartTx), s.txBytes());
        QCOMPARE(s.txBytes(), qint64(2 * QByteArray("AT+MQTTPUB=0,\"t\",\"x\",0,0\r\n").size()));
    }

    void passthroughLeavesWithGuardedPlusPlusPlus()
    {
        PtyModule m;
        m.on("AT+CIPSEND", "@PASSTHROUGH\r\nOK\r\n\r\n>");
        m.on("AT", "\r\nOK\r\n");
        DeviceSession s;
        s.setPassthroughGuards(40, 40, 200);
        QSignalSpy done(&s, &DeviceSession::commandFinished);
        QSignalSpy raw(&s, &DeviceSession::rawDataReceived);
        QSignalSpy urcs(&s, &DeviceSession::urcReceived);
        s.openSerial(serialFor(m));
        QTRY_COMPARE(s.state(), DeviceSession::State::Connected);
        s.enterPassthrough();
        QTRY_COMPARE(s.state(), DeviceSession::State::Passthrough);
        s.submit(AtCommand::fromLine("AT")); // must wait until passthrough is left
        s.sendRaw(QByteArray(100, 'x'));
        QTRY_COMPARE(m.passthroughBytes, 100);
        QCOMPARE(s.rawTxBytes(), 100);
        m.send("OK\r\n+IPD,1:z"); // data from the peer is raw, not parsed
        QTRY_VERIFY(!raw.isEmpty());
        s.leavePassthrough();
        QTRY_COMPARE(s.state(), DeviceSession::State::Connected);
        QTRY_COMPARE(done.size(), 2);
        QVERIFY(done[1][0].value<AtResult>().ok());
        QVERIFY(m.received.endsWith("xxx+++AT\r\n"));
        QCOMPARE(m.plusTimesMs.size(), 4); // AT+CIPSEND, then +++
        // Silence before "+++" (the 100 bytes take ~9 ms at 115200, plus the 40 ms guard) and
        // a pause after it before the next command.
        const qint64 lastData = m.byteTimesMs.at(m.byteTimesMs.size() - 3);
        QVERIFY2(m.plusTimesMs[1] - lastData >= 40, qPrintable(QString::number(m.plusTimesMs[1] - lastData)));
        QVERIFY(m.byteTimesMs.last() - m.plusTimesMs.last() >= 200);
        bool sawQuit = false;
        for (const auto &args : urcs)
            sawQuit = sawQuit || args[0].value<AtEvent>().text == "+QUIT";
        QVERIFY(sawQuit);
    }

    void tcpBridgeTransport()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        DeviceSession s;
        QSignalSpy done(&s, &DeviceSession::commandFinished);
        QSignalSpy errors(&s, &DeviceSession::errorOccurred);
        s.openTcp(QStringLiteral("127.0.0.1"), server.serverPort());
        QTRY_VERIFY(server.hasPendingConnections());
        QTcpSocket *peer = server.nextPendingConnection();
        QTRY_COMPARE(s.state(), DeviceSession::State::Connected);
        s.submit(AtCommand::fromLine("AT+CIPMUX?"));
        QTRY_COMPARE(peer->bytesAvailable(), 12);
        QCOMPARE(peer->readAll(), QByteArray("AT+CIPMUX?\r\n"));
        peer->write("+CIPMUX:0\r\n\r\nOK\r\n");
        QTRY_COMPARE(done.size(), 1);
        QCOMPARE(done[0][0].value<AtResult>().lines, QList<QByteArray> { "+CIPMUX:0" });
        peer->close(); // the bridge goes away
        QTRY_COMPARE(s.state(), DeviceSession::State::Disconnected);
        QVERIFY(errors.size() >= 1);
    }

    void guiStallLosesNothing()
    {
        // G10: with the session in its own I/O thread, a 200 ms stall of the caller's thread
        // loses nothing, even though a UART (modelled here by a non-blocking writer that counts
        // what it could not hand over) has no back-pressure.
        PtyModule m;
        QAtomicInteger<int> ipd { 0 }; // outlives the host: counted in its I/O thread
        SessionHost host;
        DeviceSession *s = host.session();
        QObject::connect(s, &DeviceSession::urcReceived, s, [&ipd](const AtEvent &e) {
            if (e.name == "+IPD" && e.length == 100)
                ipd.fetchAndAddRelaxed(1);
        }, Qt::DirectConnection);
        SerialSettings ss = serialFor(m);
        ss.baudRate = 3000000;
        s->openSerial(ss);
        QTRY_COMPARE(s->state(), DeviceSession::State::Connected);
        std::atomic<qint64> lost { 0 };
        const int records = 600; // ~64 KB at 300 kB/s: about 210 ms
        std::thread writer([&] {
            const QByteArray rec = "+IPD,0,100:" + QByteArray(100, 'x') + "\r\n";
            for (int i = 0; i < records; ++i) {
                qsizetype off = 0;
                while (off < rec.size()) {
                    const ssize_t n = ::write(m.masterFd(), rec.constData() + off, size_t(rec.size() - off));
                    if (n <= 0) { // EAGAIN: a real UART would have dropped these bytes
                        lost += rec.size() - off;
                        break;
                    }
                    off += n;
                }
                std::this_thread::sleep_for(std::chrono::microseconds(350));
            }
        });
        QThread::msleep(200); // the stall
        writer.join();
        QTRY_COMPARE(ipd.loadRelaxed(), records);
        QCOMPARE(lost.load(), 0);
    }

    void secretsAreMaskedInTheLog()
    {
        PtyModule m;
        m.setEcho(true);
        m.on("AT+CWJAP=\"BenchAP\",\"s3cret,pw\"", "WIFI CONNECTED\r\nWIFI GOT IP\r\n\r\nOK\r\n");
        m.on("AT+CWJAP=\"BenchAP\",\"s3cret\\,pw\"", "WIFI CONNECTED\r\nWIFI GOT IP\r\n\r\nOK\r\n");
        DeviceSession s;
        QSignalSpy done(&s, &DeviceSession::commandFinished);
        s.openSerial(serialFor(m));
        QTRY_COMPARE(s.state(), DeviceSession::State::Connected);
        s.submit(AtCommand::fromLine("AT+CWJAP=\"BenchAP\",\"s3cret\\,pw\""));
        QTRY_COMPARE(done.size(), 1);
        QVERIFY(done[0][0].value<AtResult>().ok());
        const QList<LogRecord> records = s.log()->snapshot();
        QByteArray all;
        for (const LogRecord &r : records)
            all += SessionLog::formatText(r) + SessionLog::formatJson(r);
        QVERIFY(!all.contains("s3cret"));
        QVERIFY(all.contains("AT+CWJAP=\"BenchAP\",\"***\""));
    }

    // AtResult::sentNs is when the command's last byte left the port at the link's nominal rate
    // (line, then data phase), AtEvent::receivedNs when the session parsed an event: the two
    // ends of the MQTT loop latency. Rate 1000 B/s: 20 line bytes take 20 ms on the wire.
    void sentAndReceivedStampsFollowTheWire()
    {
        auto [host, device] = PipeTransport::createPair(QStringLiteral("pipe"));
        host->setNominalBytesPerSecond(1000);
        std::unique_ptr<PipeTransport> deviceOwner(device);
        device->open();
        QByteArray got;
        connect(device, &Transport::received, device, [&got, device = device](const QByteArray &b) {
            got += b;
            if (got.endsWith("AT+MQTTPUBRAW=0,\"t\",3,0,0\r\n")) {
                got.clear();
                device->write("\r\nOK\r\n\r\n>");
            } else if (got == "abc") {
                got.clear();
                device->write("\r\n+MQTTPUB:OK\r\n");
            } else if (got.endsWith("\r\n")) {
                got.clear();
                device->write("\r\nOK\r\n+MQTTSUBRECV:0,\"t\",1,x\r\n");
            }
        });
        DeviceSession s;
        QSignalSpy done(&s, &DeviceSession::commandFinished);
        QSignalSpy urcs(&s, &DeviceSession::urcReceived);
        s.openWith([host = host](QObject *parent) {
            host->setParent(parent);
            return host;
        });
        QTRY_COMPARE(s.state(), DeviceSession::State::Connected);

        const qint64 before = steadyClockNs();
        s.submit(AtCommand::fromLine("AT+MQTTPUB=0,\"t\",\"1\",0,0")); // 18 bytes + CR LF
        QTRY_COMPARE(done.size(), 1);
        const AtResult pub = done[0][0].value<AtResult>();
        QVERIFY(pub.ok());
        QVERIFY2(pub.sentNs >= before + 20 * 1000000LL, qPrintable(QString::number(pub.sentNs - before)));
        QVERIFY(pub.sentNs < before + 2000 * 1000000LL); // an estimate from the rate, not a wait
        QTRY_COMPARE(urcs.size(), 1);
        const AtEvent urc = urcs[0][0].value<AtEvent>();
        QCOMPARE(urc.name, QByteArray("+MQTTSUBRECV"));
        QVERIFY(urc.receivedNs >= before && urc.receivedNs <= steadyClockNs());

        // A data-phase command: the stamp is the payload's last byte (line 30 + payload 3 bytes).
        const qint64 rawStart = steadyClockNs();
        AtCommand raw = AtCommand::fromLine("AT+MQTTPUBRAW=0,\"t\",3,0,0");
        raw.payload = "abc";
        s.submit(raw);
        QTRY_COMPARE(done.size(), 2);
        const AtResult r = done[1][0].value<AtResult>();
        QVERIFY(r.ok());
        QVERIFY2(r.sentNs >= rawStart + 33 * 1000000LL, qPrintable(QString::number(r.sentNs - rawStart)));

        // Nothing written, no stamp.
        s.close();
        QTRY_COMPARE(s.state(), DeviceSession::State::Disconnected);
        s.submit(AtCommand::fromLine("AT"));
        QTRY_COMPARE(done.size(), 3);
        QCOMPARE(done[2][0].value<AtResult>().status, AtResult::Status::Refused);
        QCOMPARE(done[2][0].value<AtResult>().sentNs, 0);
    }
};

QTEST_GUILESS_MAIN(tst_DeviceSession)
#include "tst_devicesession.moc"
