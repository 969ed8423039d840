// ConnectionService against the in-process simulator: exact lines, validation before sending,
// chunked CIPSEND, +IPD per link, passthrough, Beken +BIPSTATUS. Peers listen on 127.0.0.1 only.
#include "loopbackpeers.h"
#include "services/connectionservice.h"
#include "simharness.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QUdpSocket>
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
    void bekenServerLinksOfTheSeedExamples_data();
    void bekenServerLinksOfTheSeedExamples();
    void bekenLocalAddressNeedsAPort();
    void udpSendToAChosenPeer_data();
    void udpSendToAChosenPeer();
    void bekenCloseFiveWarnsThatItClosesAll();
    void pskIsReadBack_data();
    void pskIsReadBack();
    void espServerStartsAcceptsAndStops();

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
                         << QList<QByteArray> { "AT+CIPMUX?",      "AT+CIPMODE?",         "AT+CIPRECVMODE?",
                                                "AT+CIPSSLCPSK?",  "AT+CIPSERVER?",       "AT+CIPSERVERMAXCONN?",
                                                "AT+CIPSTO?",      "AT+CIPSTATUS" };
    QTest::newRow("beken") << int(atb::sim::Dialect::BekenDoc)
                           << QList<QByteArray> { "AT+CIPMUX?", "AT+CIPMODE?", "AT+CIPSSLCPSK?", "AT+CIPSTATUS?" };
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

// Seed 000 examples 2 (TCP server: keep-alive, local port, local IP) and 4 (UDP with a local
// port and IP): entered as settings, sent as the seed writes them, and the module's side
// listens on the local port (127.0.0.1 whatever the local IP says: the network rule).
void tst_ConnectionService::bekenServerLinksOfTheSeedExamples_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("keepAlive");
    QTest::newRow("example 2, TCP server") << QStringLiteral("TCP") << 1800;
    QTest::newRow("example 4, UDP server") << QStringLiteral("UDP") << 0;
}

void tst_ConnectionService::bekenServerLinksOfTheSeedExamples()
{
    QFETCH(QString, type);
    QFETCH(int, keepAlive);
    SimHarness h(atb::sim::Dialect::BekenDoc, true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    const quint16 local = freeLoopbackPort();
    LinkOpenSettings o;
    o.linkId = 2;
    o.type = type;
    // The seed's remote host for the TCP server (never contacted: it listens); UDP sends to its
    // remote, so that one is on loopback (the simulator refuses other peers).
    const QString remote = type == QLatin1String("TCP") ? QStringLiteral("192.168.0.103") : QStringLiteral("127.0.0.1");
    o.host = remote;
    o.remotePort = 20108;
    o.keepAlive = keepAlive;
    o.localPort = local;
    o.localIp = QStringLiteral("192.168.0.107");
    const OperationPlan plan = svc.planOpen(o);
    QVERIFY2(plan.ok(), qPrintable(plan.error));
    const QByteArray expected = type == QLatin1String("TCP")
        ? "AT+CIPSTART=2,\"TCP\",\"192.168.0.103\",20108,1800," + QByteArray::number(local) + ",\"192.168.0.107\""
        : "AT+CIPSTART=2,\"UDP\",\"127.0.0.1\",20108," + QByteArray::number(local) + ",\"192.168.0.107\"";
    QCOMPARE(plan.lines().first(), expected);
    if (type == QLatin1String("TCP"))
        QVERIFY(plan.warning.contains(QLatin1String("6 #8"))); // what the SDK source does with it
    h.sent.clear();
    QVERIFY(run(svc, [&] { return svc.open(o); }));
    QCOMPARE(h.sent.first(), expected);
    QTRY_COMPARE(h.model.links().size(), 1);
    QCOMPARE(h.model.links().first().id, 2);
    QVERIFY(!h.model.links().first().idInferred);
    QCOMPARE(h.model.links().first().localPort, int(local));

    if (type == QLatin1String("TCP")) {
        QCOMPARE(h.model.links().first().server, true);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, local);
        QVERIFY(client.waitForConnected(5000));
        client.write("to the server link");
        QTRY_COMPARE(svc.received(2), QByteArray("to the server link"));
    } else {
        QUdpSocket client;
        QVERIFY(client.bind(QHostAddress::LocalHost, 0));
        client.writeDatagram("to the udp link", QHostAddress::LocalHost, local);
        QTRY_COMPARE(svc.received(2), QByteArray("to the udp link"));
    }
}

void tst_ConnectionService::bekenLocalAddressNeedsAPort()
{
    SimHarness h(atb::sim::Dialect::BekenDoc, true);
    ConnectionService svc(&h.session, &h.model);
    LinkOpenSettings o;
    o.linkId = 1;
    o.type = QStringLiteral("TCP");
    o.host = QStringLiteral("127.0.0.1");
    o.remotePort = 80;
    o.localIp = QStringLiteral("192.168.0.107");
    QCOMPARE(svc.planOpen(o).errorParam, QByteArray("local_port"));
    o.localPort = 5637;
    o.localIp = QStringLiteral("192.168.0.300");
    QCOMPARE(svc.planOpen(o).errorParam, QByteArray("local_ip"));
    o.type = QStringLiteral("TLS");
    o.localIp.clear();
    QVERIFY(svc.planOpen(o).warning.contains(QLatin1String("certificate")));

    SimHarness e(atb::sim::Dialect::Esp, true);
    ConnectionService esvc(&e.session, &e.model);
    o.type = QStringLiteral("TCP");
    o.localPort = 0;
    o.localIp = QStringLiteral("192.168.0.107");
    QCOMPARE(esvc.planOpen(o).errorParam, QByteArray("local_ip"));
}

void tst_ConnectionService::udpSendToAChosenPeer_data()
{
    QTest::addColumn<int>("dialect");
    QTest::newRow("esp") << int(atb::sim::Dialect::Esp);
    QTest::newRow("beken") << int(atb::sim::Dialect::BekenDoc);
}

// AT+CIPSEND=<id>,<len>,"host",port: the datagram goes to the chosen peer, not the link's own.
void tst_ConnectionService::udpSendToAChosenPeer()
{
    QFETCH(int, dialect);
    UdpPeer own, other;
    TcpPeer tcp;
    SimHarness h(atb::sim::Dialect(dialect), true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    QVERIFY(run(svc, [&] { return svc.read(); }));
    if (svc.effectiveMux() == 0)
        QVERIFY(run(svc, [&] { return svc.applyMode({ 1, 0 }); }));
    LinkOpenSettings o;
    o.linkId = 1;
    o.type = QStringLiteral("UDP");
    o.host = QStringLiteral("127.0.0.1");
    o.remotePort = own.port();
    o.udpMode = 2; // ESP: the peer may change
    QVERIFY(run(svc, [&] { return svc.open(o); }));
    o.linkId = 0;
    o.type = QStringLiteral("TCP");
    o.remotePort = tcp.port();
    QVERIFY(run(svc, [&] { return svc.open(o); }));

    LinkSendSettings s;
    s.linkId = 1;
    s.text = QStringLiteral("elsewhere");
    s.remoteHost = QStringLiteral("127.0.0.1");
    s.remotePort = other.port();
    const QByteArray line = "AT+CIPSEND=1,9,\"127.0.0.1\"," + QByteArray::number(other.port());
    QCOMPARE(svc.planSend(s).lines(), QList<QByteArray> { line });
    h.sent.clear();
    QVERIFY(run(svc, [&] { return svc.send(s); }));
    QCOMPARE(h.sent.first(), line);
    QTRY_COMPARE(other.received, QByteArray("elsewhere"));
    QVERIFY(own.received.isEmpty());

    s.remotePort = 0;
    QCOMPARE(svc.planSend(s).errorParam, QByteArray("remote_port"));
    s.remotePort = other.port();
    s.remoteHost = QStringLiteral("bad host");
    QCOMPARE(svc.planSend(s).errorParam, QByteArray("remote_host"));
    s.remoteHost = QStringLiteral("127.0.0.1");
    s.linkId = 0; // a TCP link has one peer
    QCOMPARE(svc.planSend(s).errorParam, QByteArray("remote_host"));
}

// On Beken 5 is both a link id and "all": closing link 5 with others open closes them too.
void tst_ConnectionService::bekenCloseFiveWarnsThatItClosesAll()
{
    TcpPeer server;
    SimHarness h(atb::sim::Dialect::BekenDoc, true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    LinkOpenSettings o;
    o.type = QStringLiteral("TCP");
    o.host = QStringLiteral("127.0.0.1");
    o.remotePort = server.port();
    o.linkId = 5;
    QVERIFY(run(svc, [&] { return svc.open(o); }));
    QVERIFY(svc.planClose(5).warning.isEmpty()); // alone: closing 5 closes only 5
    o.linkId = 3;
    QVERIFY(run(svc, [&] { return svc.open(o); }));
    const OperationPlan p = svc.planClose(5);
    QVERIFY(p.ok());
    QVERIFY2(p.warning.contains(QLatin1String("3")), qPrintable(p.warning));
    QVERIFY(svc.planClose(3).warning.isEmpty());
    QVERIFY(run(svc, [&] { return svc.close(5); }));
    QTRY_VERIFY(h.model.links().isEmpty()); // both went, as the warning said
}

void tst_ConnectionService::pskIsReadBack_data()
{
    QTest::addColumn<int>("dialect");
    QTest::newRow("esp") << int(atb::sim::Dialect::Esp);
    QTest::newRow("beken") << int(atb::sim::Dialect::BekenDoc);
}

void tst_ConnectionService::pskIsReadBack()
{
    QFETCH(int, dialect);
    SimHarness h(atb::sim::Dialect(dialect), true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    QVERIFY(run(svc, [&] { return svc.read(); }));
    QVERIFY(svc.pskStates().isEmpty());
    QVERIFY(run(svc, [&] { return svc.applyMode({ 1, 0 }); }));
    PskSettings p;
    p.linkId = 2;
    p.psk = QStringLiteral("identity");
    p.hint = QStringLiteral("hint");
    QVERIFY(run(svc, [&] { return svc.setPsk(p); }));
    // A service that did not set it (another run of the program) reads it from the module.
    ConnectionService fresh(&h.session, &h.model);
    QVERIFY(fresh.pskStates().isEmpty());
    QSignalSpy changed(&fresh, &ConnectionService::pskChanged);
    QCOMPARE(fresh.planReadPsk().lines(), QList<QByteArray> { "AT+CIPSSLCPSK?" });
    QVERIFY(run(fresh, [&] { return fresh.readPsk(); }));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(fresh.pskStates(), (QList<atb::PskState> { atb::PskState { 2, "identity", "hint" } }));
    QCOMPARE(svc.pskStates(), fresh.pskStates()); // the first one saw the reply too
    bool leaked = false;
    for (const atb::LogRecord &r : h.session.log()->snapshot())
        leaked = leaked || r.text.contains("identity");
    QVERIFY(!leaked);
}

void tst_ConnectionService::espServerStartsAcceptsAndStops()
{
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    ConnectionService svc(&h.session, &h.model);
    QVERIFY(run(svc, [&] { return svc.read(); }));
    QCOMPARE(svc.serverState().enabled, 0);
    atb::ServerSettings s = svc.serverSettings();
    s.enabled = true;
    s.port = freeLoopbackPort();
    s.maxConnections = 3;
    s.timeout = 300;
    QCOMPARE(svc.planServer(s).errorParam, QByteArray("server")); // CIPMUX=0
    QVERIFY(run(svc, [&] { return svc.applyMode({ 1, 0 }); }));
    const QList<QByteArray> lines = svc.planServer(s).lines();
    QCOMPARE(lines, (QList<QByteArray> { "AT+CIPSERVERMAXCONN=3", "AT+CIPSERVER=1," + QByteArray::number(s.port),
                                         "AT+CIPSTO=300", "AT+CIPSERVER?", "AT+CIPSERVERMAXCONN?", "AT+CIPSTO?" }));
    h.sent.clear();
    QVERIFY(run(svc, [&] { return svc.applyServer(s); }));
    QCOMPARE(h.sent, lines);
    QCOMPARE(svc.serverState().enabled, 1);
    QCOMPARE(svc.serverState().port, int(s.port));
    QCOMPARE(svc.serverState().maxConnections, 3);
    QCOMPARE(svc.serverState().timeout, 300);
    QVERIFY(!svc.planServer(s).ok()); // nothing to change

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, s.port);
    QVERIFY(client.waitForConnected(5000));
    QTRY_COMPARE(h.model.links().size(), 1); // "0,CONNECT"
    client.write("hello server");
    QTRY_COMPARE(svc.received(h.model.links().first().id), QByteArray("hello server"));

    s.enabled = false;
    QCOMPARE(svc.planServer(s).lines(), (QList<QByteArray> { "AT+CIPSERVER=0,1", "AT+CIPSERVER?" }));
    QVERIFY(run(svc, [&] { return svc.applyServer(s); }));
    QCOMPARE(svc.serverState().enabled, 0);
    QTRY_VERIFY(h.model.links().isEmpty());
}

QTEST_GUILESS_MAIN(tst_ConnectionService)
#include "tst_connectionservice.moc"
