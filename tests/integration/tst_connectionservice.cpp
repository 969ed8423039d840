// ConnectionService against the in-process simulator: exact lines, validation before sending,
// chunked CIPSEND, +IPD per link, passthrough, Beken +BIPSTATUS. Peers listen on 127.0.0.1 only.
#include "loopbackpeers.h"
#include "services/connectionservice.h"
#include "simharness.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QtTest>

using atb::ConnectionModeSettings;
using atb::OperationPlan;
using atb::ConnectionService;
using atb::LinkOpenSettings;
using atb::LinkSendSettings;
using atb::OperationResult;
using atb::PskSettings;

class tst_ConnectionService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<atb::OperationResult>(); }

    void readQueriesModesAndStatus_data();
    void readQueriesModesAndStatus();
    void openTcpSendAndReceiveEcho();
    void openUdpWithLocalPeer();
    void sendIsChunkedToTheDialectLimit();
    void closeOneAndAll();
    void invalidInputIsRefusedBeforeSending_data();
    void invalidInputIsRefusedBeforeSending();
    void muxChangeWithLinkOpenIsRefused();
    void passthroughNeedsSingleMode();
    void moduleErrorIsDecoded();
    void passthroughRoundTrip();
    void pskLineAndLimits();
    void bekenStatusFillsTheModel();
    void receiveBufferIsBounded();
    void passiveReceiveIsFetchedAutomatically();

private:
    static bool run(ConnectionService &svc, const std::function<OperationPlan()> &start, OperationResult *out = nullptr);
};

bool tst_ConnectionService::run(ConnectionService &svc, const std::function<OperationPlan()> &start, OperationResult *out)
{
    QSignalSpy spy(&svc, &ConnectionService::finished);
    if (!start().ok())
        return false;
    if (!spy.wait(15000) && spy.isEmpty())
        return false;
    const OperationResult r = spy.first().first().value<OperationResult>();
    if (out)
        *out = r;
    if (!r.ok)
        qWarning() << r.message;
    return r.ok;
}

void tst_ConnectionService::readQueriesModesAndStatus_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QList<QByteArray>>("expected");
    QTest::newRow("esp") << int(atb::sim::Dialect::Esp)
                         << QList<QByteArray> { "AT+CIPMUX?", "AT+CIPMODE?", "AT+CIPRECVMODE?", "AT+CIPSTATUS" };
    QTest::newRow("beken") << int(atb::sim::Dialect::BekenDoc)
                           << QList<QByteArray> { "AT+CIPMUX?", "AT+CIPMODE?", "AT+CIPSTATUS?" };
}

void tst_ConnectionService::readQueriesModesAndStatus()
{
    QFETCH(int, dialect);
    QFETCH(QList<QByteArray>, expected);
    SimHarness h(atb::sim::Dialect(dialect), true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    QCOMPARE(svc.planRead().lines(), expected);
    QVERIFY(run(svc, [&] { return svc.read(); }));
    QCOMPARE(h.sent, expected);
    QCOMPARE(h.model.cipMux(), 0);
    QCOMPARE(h.model.cipMode(), 0);
}

void tst_ConnectionService::openTcpSendAndReceiveEcho()
{
    TcpPeer server;
    QVERIFY(server.isListening());
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    QVERIFY(run(svc, [&] { return svc.read(); }));
    QVERIFY(run(svc, [&] { return svc.applyMode({ 1, 0 }); }));
    h.sent.clear();

    LinkOpenSettings o;
    o.linkId = 2;
    o.type = QStringLiteral("TCP");
    o.host = QStringLiteral("127.0.0.1");
    o.remotePort = server.port();
    o.keepAlive = 60;
    const QList<QByteArray> preview = svc.planOpen(o).lines();
    QCOMPARE(preview.first(), QByteArray("AT+CIPSTART=2,\"TCP\",\"127.0.0.1\",") + QByteArray::number(server.port())
                                  + ",60");
    QVERIFY(run(svc, [&] { return svc.open(o); }));
    QCOMPARE(h.sent, preview);
    QCOMPARE(h.model.links().size(), 1);
    QCOMPARE(h.model.links().first().id, 2);
    QVERIFY(h.model.links().first().localPort > 0);
    QCOMPARE(svc.keepAlive(2), 60);

    h.sent.clear();
    QSignalSpy rx(&svc, &ConnectionService::dataReceived);
    LinkSendSettings s;
    s.linkId = 2;
    s.text = QStringLiteral("hello link");
    s.appendCrLf = true;
    QCOMPARE(svc.planSend(s).lines(), QList<QByteArray> { "AT+CIPSEND=2,12" });
    QVERIFY(run(svc, [&] { return svc.send(s); }));
    QCOMPARE(h.sent, (QList<QByteArray> { "AT+CIPSEND=2,12", "hello link" }));
    QTRY_COMPARE(svc.received(2), QByteArray("hello link\r\n"));
    QCOMPARE(svc.receivedTotal(2), 12);
    QCOMPARE(svc.sentTotal(2), 12);
    QCOMPARE(server.received, QByteArray("hello link\r\n"));
}

void tst_ConnectionService::openUdpWithLocalPeer()
{
    UdpPeer peer;
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    QVERIFY(run(svc, [&] { return svc.read(); }));
    h.sent.clear();
    LinkOpenSettings o;
    o.type = QStringLiteral("UDP");
    o.host = QStringLiteral("127.0.0.1");
    o.remotePort = peer.port();
    o.udpMode = 0;
    QVERIFY(run(svc, [&] { return svc.open(o); }));
    QCOMPARE(h.sent, (QList<QByteArray> { "AT+CIPSTART=\"UDP\",\"127.0.0.1\"," + QByteArray::number(peer.port()),
                                          "AT+CIPSTATUS" }));
    QCOMPARE(h.model.links().value(0).type, QStringLiteral("UDP"));

    LinkSendSettings s;
    s.format = LinkSendSettings::Format::Hex;
    s.text = QStringLiteral("de ad be ef 0d 0a");
    h.sent.clear();
    QVERIFY(run(svc, [&] { return svc.send(s); }));
    QCOMPARE(h.sent.first(), QByteArray("AT+CIPSEND=6"));
    QTRY_COMPARE(peer.received, QByteArray::fromHex("deadbeef0d0a"));
    QTRY_COMPARE(svc.received(0), QByteArray::fromHex("deadbeef0d0a"));
}

void tst_ConnectionService::sendIsChunkedToTheDialectLimit()
{
    TcpPeer server;
    server.echo = false;
    SimHarness h(atb::sim::Dialect::BekenDoc, true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    QCOMPARE(svc.chunkLimit(), 1024);
    QCOMPARE(svc.maxLinkId(), 5);
    LinkOpenSettings o;
    o.linkId = 0;
    o.type = QStringLiteral("TCP");
    o.host = QStringLiteral("127.0.0.1");
    o.remotePort = server.port();
    QVERIFY(run(svc, [&] { return svc.open(o); }));

    QTemporaryFile file;
    QVERIFY(file.open());
    QByteArray content;
    for (int i = 0; i < 2600; ++i)
        content += char('a' + i % 26);
    file.write(content);
    file.flush();

    LinkSendSettings s;
    s.format = LinkSendSettings::Format::File;
    s.filePath = file.fileName();
    const OperationPlan plan = svc.planSend(s);
    QVERIFY(plan.ok());
    QCOMPARE(plan.lines(), (QList<QByteArray> { "AT+CIPSEND=0,1024", "AT+CIPSEND=0,1024", "AT+CIPSEND=0,552" }));
    QCOMPARE(plan.payloadBytes, 2600);
    QSignalSpy progress(&svc, &ConnectionService::sendProgress);
    h.sent.clear();
    QVERIFY(run(svc, [&] { return svc.send(s); }));
    QCOMPARE(progress.size(), 4);
    QCOMPARE(progress.last().at(0).toLongLong(), 2600);
    QCOMPARE(progress.at(1).at(0).toLongLong(), 1024);
    QTRY_COMPARE(server.received, content);
    QCOMPARE(svc.sentTotal(0), 2600);
    QCOMPARE(h.module->commandCount(QStringLiteral("AT+CIPSEND")), 3);
}

void tst_ConnectionService::closeOneAndAll()
{
    TcpPeer server;
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    QVERIFY(run(svc, [&] { return svc.read(); }));
    QVERIFY(run(svc, [&] { return svc.applyMode({ 1, 0 }); }));
    for (int id : { 0, 3 }) {
        LinkOpenSettings o;
        o.linkId = id;
        o.type = QStringLiteral("TCP");
        o.host = QStringLiteral("127.0.0.1");
        o.remotePort = server.port();
        QVERIFY(run(svc, [&] { return svc.open(o); }));
    }
    QCOMPARE(h.model.links().size(), 2);
    h.sent.clear();
    QVERIFY(run(svc, [&] { return svc.close(3); }));
    QCOMPARE(h.sent, QList<QByteArray> { "AT+CIPCLOSE=3" });
    QCOMPARE(h.model.links().size(), 1);
    QVERIFY(!svc.planClose(3).ok());
    QCOMPARE(svc.planClose(3).errorParam, QByteArray("link_id"));
    h.sent.clear();
    QVERIFY(run(svc, [&] { return svc.close(ConnectionService::kCloseAll); }));
    QCOMPARE(h.sent, QList<QByteArray> { "AT+CIPCLOSE=5" });
    QVERIFY(h.model.links().isEmpty());
}

void tst_ConnectionService::invalidInputIsRefusedBeforeSending_data()
{
    QTest::addColumn<int>("linkId");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("keepAlive");
    QTest::addColumn<QByteArray>("param");
    QTest::newRow("port 0") << 0 << "TCP" << "127.0.0.1" << 0 << 0 << QByteArray("remote_port");
    QTest::newRow("port 70000") << 0 << "TCP" << "127.0.0.1" << 70000 << 0 << QByteArray("remote_port");
    QTest::newRow("empty host") << 0 << "TCP" << "" << 80 << 0 << QByteArray("remote_host");
    QTest::newRow("bad ipv4") << 0 << "TCP" << "192.168.1.300" << 80 << 0 << QByteArray("remote_host");
    QTest::newRow("bad name") << 0 << "TCP" << "bad_host!" << 80 << 0 << QByteArray("remote_host");
    QTest::newRow("link 5 on esp") << 5 << "TCP" << "127.0.0.1" << 80 << 0 << QByteArray("link_id");
    QTest::newRow("keepalive 7201") << 0 << "TCP" << "127.0.0.1" << 80 << 7201 << QByteArray("keep_alive");
    QTest::newRow("DTLS on esp") << 0 << "DTLS" << "127.0.0.1" << 80 << 0 << QByteArray("type");
    QTest::newRow("overlong line") << 0 << "TCP" << QString(250, QLatin1Char('a')) << 80 << 0
                                   << QByteArray("remote_host");
}

void tst_ConnectionService::invalidInputIsRefusedBeforeSending()
{
    QFETCH(int, linkId);
    QFETCH(QString, type);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(int, keepAlive);
    QFETCH(QByteArray, param);
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    QVERIFY(run(svc, [&] { return svc.applyMode({ 1, 0 }); }));
    h.sent.clear();
    LinkOpenSettings o;
    o.linkId = linkId;
    o.type = type;
    o.host = host;
    o.remotePort = port;
    o.keepAlive = keepAlive;
    const OperationPlan p = svc.planOpen(o);
    QVERIFY(!p.ok());
    QCOMPARE(p.errorParam, param);
    QVERIFY(!p.error.isEmpty());
    QSignalSpy fin(&svc, &ConnectionService::finished);
    QVERIFY(!svc.open(o).ok());
    QCOMPARE(fin.size(), 1);
    QVERIFY(fin.first().first().value<OperationResult>().message.contains(p.error));
    QVERIFY(h.drain());
    QVERIFY(h.sent.isEmpty());
}

void tst_ConnectionService::muxChangeWithLinkOpenIsRefused()
{
    TcpPeer server;
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    QVERIFY(run(svc, [&] { return svc.read(); }));
    LinkOpenSettings o;
    o.type = QStringLiteral("TCP");
    o.host = QStringLiteral("127.0.0.1");
    o.remotePort = server.port();
    QVERIFY(run(svc, [&] { return svc.open(o); }));
    h.sent.clear();
    const OperationPlan p = svc.planMode({ 1, 0 });
    QVERIFY(!p.ok());
    QCOMPARE(p.errorParam, QByteArray("cipmux"));
    QVERIFY(p.error.contains(QLatin1String("no link is open")));
    QVERIFY(!svc.applyMode({ 1, 0 }).ok());
    // A second link in single mode is refused too.
    QCOMPARE(svc.planOpen(o).errorParam, QByteArray("link_id"));
    QVERIFY(h.drain());
    QVERIFY(h.sent.isEmpty());
}

void tst_ConnectionService::passthroughNeedsSingleMode()
{
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    QVERIFY(run(svc, [&] { return svc.read(); }));
    const OperationPlan both = svc.planMode({ 1, 1 });
    QCOMPARE(both.errorParam, QByteArray("cipmode"));
    QVERIFY(svc.planEnterPassthrough().errorParam == "links"); // no link open
    QCOMPARE(svc.planMode({ 0, 1 }).lines(), QList<QByteArray> { "AT+CIPMODE=1" });
    QVERIFY(run(svc, [&] { return svc.applyMode({ 1, 0 }); }));
    // From multiple + normal to single + passthrough: CIPMUX first, then CIPMODE.
    QCOMPARE(svc.planMode({ 0, 1 }).lines(), (QList<QByteArray> { "AT+CIPMUX=0", "AT+CIPMODE=1" }));
    QVERIFY(!svc.planMode({ 1, 0 }).ok()); // nothing to change
}

void tst_ConnectionService::moduleErrorIsDecoded()
{
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    QVERIFY(run(svc, [&] { return svc.read(); }));
    LinkOpenSettings o;
    o.type = QStringLiteral("TCP");
    o.host = QStringLiteral("127.0.0.1");
    o.remotePort = freeLoopbackPort();
    OperationResult r;
    QVERIFY(!run(svc, [&] { return svc.open(o); }, &r));
    QVERIFY2(r.message.startsWith(QLatin1String("AT+CIPSTART=")), qPrintable(r.message));
    QVERIFY2(r.message.contains(QLatin1String("failed")), qPrintable(r.message));
    QVERIFY2(!r.message.contains(QLatin1String("0x")), qPrintable(r.message));
    QVERIFY(h.model.links().isEmpty());
}

void tst_ConnectionService::passthroughRoundTrip()
{
    TcpPeer server;
    SimHarness h(atb::sim::Dialect::Esp, true);
    h.session.setPassthroughGuards(40, 40, 200);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    QVERIFY(run(svc, [&] { return svc.read(); }));
    LinkOpenSettings o;
    o.type = QStringLiteral("TCP");
    o.host = QStringLiteral("127.0.0.1");
    o.remotePort = server.port();
    QVERIFY(run(svc, [&] { return svc.open(o); }));
    h.sent.clear();
    QCOMPARE(svc.planEnterPassthrough().lines(), (QList<QByteArray> { "AT+CIPMODE=1", "AT+CIPSEND" }));
    QVERIFY(run(svc, [&] { return svc.enterPassthrough(); }));
    QCOMPARE(h.sent, (QList<QByteArray> { "AT+CIPMODE=1", "AT+CIPSEND" }));
    QTRY_VERIFY(h.model.passthrough());
    QVERIFY(svc.inPassthrough());
    QVERIFY(!svc.planRead().ok());

    svc.sendRaw("raw bytes");
    QTRY_COMPARE(server.received, QByteArray("raw bytes"));
    QTRY_COMPARE(svc.rawReceived(), QByteArray("raw bytes"));
    QCOMPARE(svc.received(0), QByteArray("raw bytes"));

    svc.leavePassthrough();
    QTRY_VERIFY_WITH_TIMEOUT(!h.model.passthrough(), 5000);
    h.sent.clear();
    QVERIFY(run(svc, [&] { return svc.read(); }));
    QCOMPARE(h.sent.last(), QByteArray("AT+CIPSTATUS"));
    QCOMPARE(h.model.cipMode(), 1);
    QCOMPARE(h.model.links().size(), 1);
}

void tst_ConnectionService::pskLineAndLimits()
{
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    QVERIFY(run(svc, [&] { return svc.read(); }));
    PskSettings p;
    p.psk = QStringLiteral("identity");
    p.hint = QStringLiteral("hint");
    QCOMPARE(svc.planPsk(p).lines(), QList<QByteArray> { "AT+CIPSSLCPSK=\"identity\",\"hint\"" });
    h.sent.clear();
    QVERIFY(run(svc, [&] { return svc.setPsk(p); }));
    QCOMPARE(h.sent, svc.planPsk(p).lines());
    p.psk = QString(33, QLatin1Char('x'));
    QCOMPARE(svc.planPsk(p).errorParam, QByteArray("psk"));
    p.psk.clear();
    QCOMPARE(svc.planPsk(p).errorParam, QByteArray("psk"));
    // The session log never holds the PSK.
    bool leaked = false;
    for (const atb::LogRecord &r : h.session.log()->snapshot())
        leaked = leaked || r.text.contains("identity");
    QVERIFY(!leaked);

    SimHarness b(atb::sim::Dialect::BekenDoc, true);
    QVERIFY(b.ready());
    ConnectionService bsvc(&b.session, &b.model);
    p.psk = QString(48, QLatin1Char('x'));
    QVERIFY(bsvc.planPsk(p).ok());
    p.psk = QString(49, QLatin1Char('x'));
    QCOMPARE(bsvc.planPsk(p).errorParam, QByteArray("psk"));
}

void tst_ConnectionService::bekenStatusFillsTheModel()
{
    TcpPeer server;
    UdpPeer peer;
    SimHarness h(atb::sim::Dialect::BekenDoc, true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    LinkOpenSettings o;
    o.linkId = 0;
    o.type = QStringLiteral("TCP");
    o.host = QStringLiteral("127.0.0.1");
    o.remotePort = server.port();
    o.keepAlive = 1800;
    h.sent.clear();
    QVERIFY(run(svc, [&] { return svc.open(o); }));
    QCOMPARE(h.sent, (QList<QByteArray> { "AT+CIPSTART=0,\"TCP\",\"127.0.0.1\"," + QByteArray::number(server.port())
                                              + ",1800",
                                          "AT+CIPSTATUS?" }));
    o.linkId = 1;
    o.type = QStringLiteral("UDP");
    o.remotePort = peer.port();
    QVERIFY(run(svc, [&] { return svc.open(o); }));
    QVERIFY(run(svc, [&] { return svc.read(); }));
    const QList<atb::LinkInfo> links = h.model.links();
    QCOMPARE(links.size(), 2);
    QCOMPARE(links[0].type, QStringLiteral("TCP"));
    QCOMPARE(links[0].remotePort, int(server.port()));
    QVERIFY(links[0].localPort > 0);
    QCOMPARE(links[1].type, QStringLiteral("UDP"));
    QCOMPARE(links[1].remotePort, int(peer.port()));

    // Beken data comes as +IPD(<id>),<len>:
    LinkSendSettings s;
    s.linkId = 0;
    s.text = QStringLiteral("bk");
    QVERIFY(run(svc, [&] { return svc.send(s); }));
    QTRY_COMPARE(svc.received(0), QByteArray("bk"));
}

void tst_ConnectionService::receiveBufferIsBounded()
{
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    atb::AtEvent e;
    e.kind = atb::AtEvent::Kind::Urc;
    e.name = "+IPD";
    e.link = 1;
    e.payload = QByteArray(600 * 1024, 'x');
    emit h.session.urcReceived(e);
    e.payload = QByteArray(600 * 1024, 'y');
    emit h.session.urcReceived(e);
    QCOMPARE(svc.received(1).size(), ConnectionService::kMaxBufferBytes);
    QVERIFY(svc.received(1).endsWith('y'));
    QCOMPARE(svc.receivedTotal(1), 1200 * 1024);
}

void tst_ConnectionService::passiveReceiveIsFetchedAutomatically()
{
    TcpPeer server;
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    QVERIFY(run(svc, [&] { return svc.read(); }));
    QCOMPARE(svc.receiveMode(), 0);
    ConnectionModeSettings m;
    m.mux = 1;
    m.recvMode = 1;
    QCOMPARE(svc.planMode(m).lines(), (QList<QByteArray> { "AT+CIPMUX=1", "AT+CIPRECVMODE=1" }));
    QVERIFY(run(svc, [&] { return svc.applyMode(m); }));
    QCOMPARE(svc.receiveMode(), 1);
    LinkOpenSettings o;
    o.linkId = 1;
    o.type = QStringLiteral("TCP");
    o.host = QStringLiteral("127.0.0.1");
    o.remotePort = server.port();
    QVERIFY(run(svc, [&] { return svc.open(o); }));
    LinkSendSettings s;
    s.linkId = 1;
    s.text = QStringLiteral("passive\r\n");
    QSignalSpy fin(&svc, &ConnectionService::finished);
    QVERIFY(svc.send(s).ok());
    QTRY_COMPARE(svc.received(1), QByteArray("passive\r\n"));
    QVERIFY(h.sent.contains("AT+CIPRECVDATA=1,9"));
    QCOMPARE(fin.size(), 1); // the send; the automatic fetch reports nothing when it works
    ConnectionModeSettings beken;
    beken.recvMode = 1;
    SimHarness b(atb::sim::Dialect::BekenDoc, true);
    ConnectionService bsvc(&b.session, &b.model);
    QCOMPARE(bsvc.planMode(beken).errorParam, QByteArray("recvmode"));
}

QTEST_GUILESS_MAIN(tst_ConnectionService)
#include "tst_connectionservice.moc"
