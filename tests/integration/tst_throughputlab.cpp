// The throughput lab's engine against the in-process simulator (SimHarness) with its own
// PC-side peer on 127.0.0.1: every mode delivers the self-checking stream intact, the lines it
// sends are the ones preview() shows, and bytes the module drops are reported as loss.
#include "services/throughputlab.h"
#include "simharness.h"
#include "stats/payloadstream.h"
#include "stats/throughputmeter.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using atb::LabResult;
using atb::LabSettings;
using atb::ThroughputLab;
using Mode = LabSettings::Mode;
using Protocol = LabSettings::Protocol;

Q_DECLARE_METATYPE(LabSettings::Mode)
Q_DECLARE_METATYPE(LabSettings::Protocol)

namespace {
quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

LabResult runLab(SimHarness &h, ThroughputLab &lab, const LabSettings &s, int timeoutMs = 30000)
{
    QSignalSpy done(&lab, &ThroughputLab::finished);
    if (!lab.start(s).ok())
        return lab.lastResult();
    if (!done.wait(timeoutMs) && done.isEmpty())
        return LabResult();
    Q_UNUSED(h);
    return done.first().first().value<LabResult>();
}
} // namespace

class TestThroughputLab : public QObject
{
    Q_OBJECT
private slots:
    void payloadStreamRoundTrip_data();
    void payloadStreamRoundTrip();
    void payloadCheckerFindsDamage();
    void stopAndWaitModelMatchesTable_data();
    void stopAndWaitModelMatchesTable();
    void previewRefusesBadInput_data();
    void previewRefusesBadInput();
    void modesDeliverIntact_data();
    void modesDeliverIntact();
    void previewEqualsWhatTheModuleReceived();
    void droppedBytesAreReportedAsLoss();
    void setupFailureIsInWords();
};

void TestThroughputLab::payloadStreamRoundTrip_data()
{
    QTest::addColumn<int>("piece");
    QTest::newRow("1") << 1;
    QTest::newRow("31") << 31;
    QTest::newRow("32") << 32;
    QTest::newRow("1460") << 1460;
    QTest::newRow("8192") << 8192;
}

void TestThroughputLab::payloadStreamRoundTrip()
{
    QFETCH(int, piece);
    atb::PayloadGenerator g;
    atb::PayloadChecker c;
    for (int i = 0; i < 100; ++i)
        c.feed(g.next(piece));
    QCOMPARE(c.received(), g.produced());
    QVERIFY(c.clean());
    QCOMPARE(c.goodBytes(), g.produced() / 32 * 32);
    const QByteArray all = atb::PayloadGenerator().next(4096);
    QVERIFY(!all.contains("+++"));
    QVERIFY(!all.contains('\r'));
    QVERIFY(!all.contains('\n'));
}

void TestThroughputLab::payloadCheckerFindsDamage()
{
    atb::PayloadGenerator g;
    QByteArray s = g.next(32 * 10);
    atb::PayloadChecker dropOne;
    QByteArray d = s;
    d.remove(100, 1); // inside record 3
    dropOne.feed(d);
    QCOMPARE(dropOne.received(), 319);
    QVERIFY(!dropOne.clean());
    QCOMPARE(dropOne.goodBytes(), 9 * 32);
    QVERIFY(dropOne.badBytes() > 0);

    atb::PayloadChecker gap;
    gap.feed(s.left(64));
    gap.feed(s.mid(128)); // records 2 and 3 missing
    QCOMPARE(gap.missingRecords(), 2);
    QCOMPARE(gap.badBytes(), 0);

    atb::PayloadChecker flip;
    QByteArray f = s;
    f[40] = char(f[40] ^ 0x01);
    flip.feed(f);
    QCOMPARE(flip.goodBytes(), 9 * 32);
    QCOMPARE(flip.missingRecords(), 1); // the damaged record is skipped: a gap after it
    QCOMPARE(flip.errors(), 2);
}

void TestThroughputLab::stopAndWaitModelMatchesTable_data()
{
    QTest::addColumn<int>("chunk");
    QTest::addColumn<qint64>("baud");
    QTest::addColumn<double>("h");
    QTest::addColumn<double>("expected");
    // performance.md 1.5
    QTest::newRow("2048 115200 pty") << 2048 << qint64(115200) << 0.06 << 0.973;
    QTest::newRow("2048 3M pty") << 2048 << qint64(3000000) << 0.06 << 0.957;
    QTest::newRow("2048 3M FTDI") << 2048 << qint64(3000000) << 16.0 << 0.175;
    QTest::newRow("8192 3M pty") << 8192 << qint64(3000000) << 0.06 << 0.989;
}

void TestThroughputLab::stopAndWaitModelMatchesTable()
{
    QFETCH(int, chunk);
    QFETCH(qint64, baud);
    QFETCH(double, h);
    QFETCH(double, expected);
    QVERIFY2(qAbs(ThroughputLab::stopAndWaitModel(chunk, baud, h) - expected) < 0.002,
             qPrintable(QString::number(ThroughputLab::stopAndWaitModel(chunk, baud, h))));
}

void TestThroughputLab::previewRefusesBadInput_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("chunk");
    QTest::addColumn<int>("duration");
    QTest::addColumn<QByteArray>("param");
    QTest::newRow("ok") << "127.0.0.1" << 2048 << 1000 << QByteArray();
    QTest::newRow("not an address") << "localhost" << 2048 << 1000 << QByteArray("remote_host");
    QTest::newRow("chunk 0") << "127.0.0.1" << 0 << 1000 << QByteArray("length");
    QTest::newRow("chunk above 8192") << "127.0.0.1" << 8193 << 1000 << QByteArray("length");
    QTest::newRow("duration too short") << "127.0.0.1" << 2048 << 100 << QByteArray("duration");
}

void TestThroughputLab::previewRefusesBadInput()
{
    QFETCH(QString, address);
    QFETCH(int, chunk);
    QFETCH(int, duration);
    QFETCH(QByteArray, param);
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    ThroughputLab lab(&h.session);
    LabSettings s;
    s.peerAddress = address;
    s.chunkSize = chunk;
    s.durationMs = duration;
    const auto pv = lab.planRun(s);
    QCOMPARE(pv.errorParam, param);
    QCOMPARE(pv.ok(), param.isEmpty());
    if (!pv.ok()) {
        QVERIFY(!pv.error.isEmpty());
        QVERIFY(!lab.start(s).ok());
        QCOMPARE(lab.lastResult().message, pv.error);
        QVERIFY(h.drain());
        QVERIFY(h.sent.isEmpty()); // nothing sent
    } else {
        QCOMPARE(pv.lines().value(2), QByteArray("AT+CIPSTART=\"TCP\",\"127.0.0.1\",<port>"));
    }
}

void TestThroughputLab::modesDeliverIntact_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<Protocol>("protocol");
    QTest::addColumn<int>("chunk");
    QTest::newRow("send normal tcp 2048") << Mode::SendNormal << Protocol::Tcp << 2048;
    QTest::newRow("send normal tcp 1460") << Mode::SendNormal << Protocol::Tcp << 1460;
    QTest::newRow("send normal udp 1024") << Mode::SendNormal << Protocol::Udp << 1024;
    QTest::newRow("send passthrough tcp") << Mode::SendPassthrough << Protocol::Tcp << 1460;
    QTest::newRow("receive tcp") << Mode::Receive << Protocol::Tcp << 1460;
    QTest::newRow("receive udp") << Mode::Receive << Protocol::Udp << 1024;
    QTest::newRow("receive passthrough tcp") << Mode::ReceivePassthrough << Protocol::Tcp << 2048;
    QTest::newRow("echo tcp") << Mode::Echo << Protocol::Tcp << 512;
}

void TestThroughputLab::modesDeliverIntact()
{
    QFETCH(Mode, mode);
    QFETCH(Protocol, protocol);
    QFETCH(int, chunk);
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    h.session.setPassthroughGuards(30, 30, 100);
    h.module->setBaud(921600);
    ThroughputLab lab(&h.session);
    LabSettings s;
    s.mode = mode;
    s.protocol = protocol;
    s.chunkSize = chunk;
    s.durationMs = 1000;
    s.baud = 921600;
    QSignalSpy busy(&lab, &ThroughputLab::busyChanged);
    const LabResult r = runLab(h, lab, s);
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(busy.count(), 2);
    QVERIFY(!lab.isBusy());
    QVERIFY(r.sentBytes > 0);
    QCOMPARE(r.deliveredBytes, r.sentBytes);
    QVERIFY2(r.lossFree(), qPrintable(r.message));
    // Plausible rates against the paced simulator: a real fraction of the line, never above it.
    QVERIFY2(r.efficiency > 0.3 && r.efficiency <= 1.02, qPrintable(QString::number(r.efficiency)));
    // The UART counters over the data phase: the payload crossed the line in its direction.
    if (s.sendsFromModule())
        QVERIFY(r.uartTxBytes >= r.sentBytes);
    else
        QVERIFY(r.uartRxBytes >= r.sentBytes);
    qInfo("%s: %.1f %% of line, %lld bytes", QTest::currentDataTag(), r.efficiency * 100, r.sentBytes);
    if (mode == Mode::SendNormal || mode == Mode::Echo)
        QVERIFY(r.chunks > 0);
    if (mode == Mode::Echo)
        QVERIFY(r.rttMedianMs > 0);
    const atb::ThroughputMeter *m = lab.meter();
    if (s.sendsFromModule())
        QCOMPARE(m->total(atb::ThroughputPath::PeerRx), r.sentBytes + (mode == Mode::Echo ? 0 : 0));
    else
        QCOMPARE(m->total(atb::ThroughputPath::PeerTx), r.sentBytes);
    QVERIFY(h.module->overruns() == 0);
    QCOMPARE(h.session.state(), atb::DeviceSession::State::Connected);
}

void TestThroughputLab::previewEqualsWhatTheModuleReceived()
{
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    ThroughputLab lab(&h.session);
    LabSettings s;
    s.mode = Mode::SendNormal;
    s.peerPort = freePort();
    s.chunkSize = 1000;
    s.durationMs = 500;
    const auto pv = lab.planRun(s);
    QVERIFY(pv.ok());
    QCOMPARE(pv.lines().size(), 5);
    const LabResult r = runLab(h, lab, s);
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(h.sent.size() >= 5);
    // Setup, then the first data command, exactly as shown.
    for (int i = 0; i < 4; ++i)
        QCOMPARE(h.sent.at(i), pv.lines().at(i));
    QCOMPARE(r.lines, pv.lines().mid(0, 3));
    // Teardown last (after the last payload, which has no line end of its own).
    QVERIFY2(h.sent.last().endsWith(pv.lines().last()), h.sent.last().right(40).constData());
    QCOMPARE(h.module->commandCount(QStringLiteral("AT+CIPSEND")), r.chunks);
}

void TestThroughputLab::droppedBytesAreReportedAsLoss()
{
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    h.session.setPassthroughGuards(30, 30, 100);
    h.module->setBaud(921600);
    ThroughputLab lab(&h.session);
    LabSettings s;
    s.mode = Mode::ReceivePassthrough;
    s.chunkSize = 1460;
    s.durationMs = 1500;
    s.baud = 921600;
    QObject ctx;
    qint64 droppedBefore = -1;
    // Drop bytes on the module's UART output only while the data flows.
    connect(&h.session, &atb::DeviceSession::stateChanged, &ctx, [&](atb::DeviceSession::State st) {
        if (st == atb::DeviceSession::State::Passthrough) {
            droppedBefore = h.module->bytesDroppedByFault();
            h.module->setDropProbability(0.001);
            QTimer::singleShot(800, &ctx, [&] { h.module->setDropProbability(0); });
        }
    });
    const LabResult r = runLab(h, lab, s);
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(droppedBefore >= 0);
    const qint64 dropped = h.module->bytesDroppedByFault() - droppedBefore;
    QVERIFY(dropped > 0);
    QVERIFY(!r.lossFree());
    QCOMPARE(r.lostBytes, dropped); // every dropped byte accounted for, none invented
    QVERIFY(r.integrityErrors > 0);
    QVERIFY(r.message.contains(QStringLiteral("lost")));
}

void TestThroughputLab::setupFailureIsInWords()
{
    SimHarness h(atb::sim::Dialect::Esp, false); // not joined: CIPSTART fails
    QVERIFY(h.ready());
    ThroughputLab lab(&h.session);
    LabSettings s;
    s.durationMs = 500;
    const LabResult r = runLab(h, lab, s);
    QVERIFY(!r.ok);
    QVERIFY(r.message.contains(QStringLiteral("AT+CIPSTART")));
    QVERIFY(!r.message.contains(QStringLiteral("0x")));
    QVERIFY(!lab.isBusy());
}

QTEST_GUILESS_MAIN(TestThroughputLab)
#include "tst_throughputlab.moc"
