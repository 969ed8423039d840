// MQTT (seed 004) end to end: atbench-sim on a pty <-> Paho <-> mosquitto on 127.0.0.1 <->
// mosquitto_sub / mosquitto_pub. Payloads are compared byte for byte.
#include "simtestutil.h"

#include <QCryptographicHash>

using namespace simtest;

namespace {
// A minimal WebSocket server (RFC 6455) that bridges binary frames to the broker's TCP port,
// so MQTT over WebSocket (scheme 6) can be checked against the plain mosquitto listener.
class WsBridge : public QObject
{
public:
    explicit WsBridge(quint16 brokerPort) : m_brokerPort(brokerPort)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            QTcpSocket *c = m_server.nextPendingConnection();
            auto *b = new QTcpSocket(c);
            auto *buf = new QByteArray;
            auto *upgraded = new bool(false);
            QObject::connect(c, &QObject::destroyed, [buf, upgraded]() { delete buf; delete upgraded; });
            b->connectToHost(QHostAddress::LocalHost, m_brokerPort);
            QObject::connect(b, &QTcpSocket::readyRead, c, [c, b]() { c->write(frame(b->readAll())); });
            QObject::connect(c, &QTcpSocket::readyRead, c, [this, c, b, buf, upgraded]() {
                *buf += c->readAll();
                if (!*upgraded) {
                    const qsizetype end = buf->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const QByteArray head = buf->left(end);
                    buf->remove(0, end + 4);
                    requestLine = head.left(head.indexOf("\r\n"));
                    QByteArray key;
                    for (const QByteArray &l : head.split('\n'))
                        if (l.toLower().startsWith("sec-websocket-key:"))
                            key = l.mid(18).trimmed();
                    const QByteArray accept = QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                                                       QCryptographicHash::Sha1).toBase64();
                    c->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                             "Sec-WebSocket-Accept: " + accept + "\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n");
                    *upgraded = true;
                }
                for (;;) { // client frames are masked
                    if (buf->size() < 2)
                        return;
                    const uchar op = uchar(buf->at(0)) & 0x0f;
                    quint64 len = uchar(buf->at(1)) & 0x7f;
                    int off = 2;
                    if (len == 126) {
                        if (buf->size() < 4) return;
                        len = qFromBigEndian<quint16>(buf->constData() + 2);
                        off = 4;
                    } else if (len == 127) {
                        if (buf->size() < 10) return;
                        len = qFromBigEndian<quint64>(buf->constData() + 2);
                        off = 10;
                    }
                    if (quint64(buf->size()) < off + 4 + len)
                        return;
                    const QByteArray mask = buf->mid(off, 4);
                    QByteArray payload = buf->mid(off + 4, qsizetype(len));
                    for (qsizetype i = 0; i < payload.size(); ++i)
                        payload[i] = char(payload[i] ^ mask[i % 4]);
                    buf->remove(0, off + 4 + qsizetype(len));
                    if (op == 0x2 || op == 0x0)
                        b->write(payload);
                    else if (op == 0x8)
                        c->disconnectFromHost();
                }
            });
        });
    }
    static QByteArray frame(const QByteArray &p)
    {
        QByteArray f(1, char(0x82));
        if (p.size() < 126) {
            f += char(p.size());
        } else {
            f += char(126);
            f += char(p.size() >> 8);
            f += char(p.size() & 0xff);
        }
        return f + p;
    }
    quint16 port() const { return m_server.serverPort(); }
    QByteArray requestLine;

private:
    QTcpServer m_server;
    quint16 m_brokerPort;
};
} // namespace

class TstSimMqtt : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void connectReportsConnectedUrcAndState4();
    void subscribeThenDuplicateSubscribe();
    void brokerMessagesArriveAsSubrecvByteExact_data();
    void brokerMessagesArriveAsSubrecvByteExact();
    void publishArrivesAtSubscriberByteExact_data();
    void publishArrivesAtSubscriberByteExact();
    void pubrawCarriesBinaryWithNul();
    void unsubscribeKnownAndUnknownTopics();
    void brokerDropFaultReconnects();
    void mqttOverWebSocketScheme6();
    void pubrawFailsWhenTheBrokerGoesAwayDuringTheTransfer();
    void brokerLossGivesDisconnectedAndState3();
    void cleanReturnsToState0();

private:
    QByteArray port() const { return QByteArray::number(m_broker.port()); }
    mqtttest::MosquittoBroker m_broker;
    PtySim m_sim;
};

void TstSimMqtt::initTestCase()
{
    const QString missing = mqtttest::missingTools();
    if (!missing.isEmpty())
        QFAIL(qPrintable(QStringLiteral("required for this test: %1").arg(missing)));
    QString error;
    QVERIFY2(m_broker.start(&error), qPrintable(error));
    QVERIFY2(m_sim.start({ QStringLiteral("--wifi-connected") }, &error), qPrintable(error));
    m_sim.waitFor("WIFI GOT IP\r\n");
    QCOMPARE(m_sim.transact("ATE0"), QByteArray("ATE0\r\n\r\nOK\r\n"));
    QCOMPARE(m_sim.transact("AT+SYSLOG=1"), QByteArray("\r\nOK\r\n"));
}

void TstSimMqtt::cleanupTestCase()
{
    m_sim.stop();
    m_broker.stop();
}

void TstSimMqtt::connectReportsConnectedUrcAndState4()
{
    QCOMPARE(m_sim.transact("AT+MQTTUSERCFG=0,1,\"ESP32\",\"espressif\",\"1234567890\",0,0,\"\""), QByteArray("\r\nOK\r\n"));
    QCOMPARE(m_sim.transact("AT+MQTTCONNCFG=0,0,0,\"lwt\",\"bye\",0,0"), QByteArray("\r\nOK\r\n"));
    // 7.4 #68/#69 with the broker on loopback.
    QCOMPARE(m_sim.transact("AT+MQTTCONN=0,\"127.0.0.1\"," + port() + ",1", "OK\r\n", 15000),
             "+MQTTCONNECTED:0,1,\"127.0.0.1\",\"" + port() + "\",\"\",1\r\n\r\nOK\r\n");
    QCOMPARE(m_sim.transact("AT+MQTTCONN?"), "+MQTTCONN:0,4,1,\"127.0.0.1\",\"" + port() + "\",\"\",1\r\n\r\nOK\r\n");
    // 7.4 #70: connecting again while connected.
    QCOMPARE(m_sim.transact("AT+MQTTCONN=0,\"127.0.0.1\"," + port() + ",1", "ERROR\r\n"), QByteArray("ERR CODE:0x010a6004\r\n\r\nERROR\r\n"));
}

void TstSimMqtt::subscribeThenDuplicateSubscribe()
{
    QCOMPARE(m_sim.transact("AT+MQTTSUB=0,\"topic\",1"), QByteArray("\r\nOK\r\n")); // 7.4 #72
    QCOMPARE(m_sim.transact("AT+MQTTSUB=0,\"topic\",1"), QByteArray("ALREADY SUBSCRIBE\r\n\r\nOK\r\n")); // #73
    QCOMPARE(m_sim.transact("AT+MQTTSUB?"), QByteArray("+MQTTSUB:0,6,\"topic\",1\r\n\r\nOK\r\n")); // #74
}

void TstSimMqtt::brokerMessagesArriveAsSubrecvByteExact_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("75 plain text") << QByteArray("test");
    QTest::newRow("76 embedded OK with CR LF") << QByteArray("a\r\nOK\r\nb");
    QTest::newRow("commas and quotes") << QByteArray("x,\"y\",z,,\"");
    QTest::newRow("NUL bytes") << QByteArray("\0nul\0in\0the\0middle\0", 20);
    QTest::newRow("looks like a URC") << QByteArray("\r\n+MQTTSUBRECV:0,\"topic\",3,abc\r\n");
    QTest::newRow("1000 bytes of binary") << [] { QByteArray b; for (int i = 0; i < 1000; ++i) b.append(char(i * 7)); return b; }();
}

void TstSimMqtt::brokerMessagesArriveAsSubrecvByteExact()
{
    QFETCH(QByteArray, payload);
    QCOMPARE(m_broker.publish(QStringLiteral("topic"), payload), 0);
    const QByteArray header = "+MQTTSUBRECV:0,\"topic\"," + QByteArray::number(payload.size()) + ",";
    QVERIFY(!m_sim.waitFor(header, 5000).isEmpty());
    QDeadlineTimer d(5000);
    while (m_sim.buffer().size() < payload.size() + 2 && !d.hasExpired()) {
        m_sim.pump();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    const QByteArray rest = m_sim.buffer();
    QCOMPARE(rest.left(payload.size()), payload);
    QCOMPARE(rest.mid(payload.size(), 2), QByteArray("\r\n"));
    m_sim.buffer().clear();
}

void TstSimMqtt::publishArrivesAtSubscriberByteExact_data()
{
    QTest::addColumn<QByteArray>("escaped");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("77 plain") << QByteArray("test") << QByteArray("test");
    QTest::newRow("78 seed 004 JSON with escaped quotes") << QByteArray("\\\"{\\\"timestamp\\\":\\\"20201121085253\\\"}\\\"")
                                                         << QByteArray("\"{\"timestamp\":\"20201121085253\"}\"");
    QTest::newRow("escaped commas") << QByteArray("765933\\, 94875095") << QByteArray("765933, 94875095");
    QTest::newRow("escaped backslash") << QByteArray("back\\\\slash") << QByteArray("back\\slash");
}

void TstSimMqtt::publishArrivesAtSubscriberByteExact()
{
    QFETCH(QByteArray, escaped);
    QFETCH(QByteArray, expected);
    mqtttest::MosquittoSubscriber sub;
    QVERIFY(sub.start(m_broker.port(), QStringLiteral("out/topic")));
    QCOMPARE(m_sim.transact("AT+MQTTPUB=0,\"out/topic\",\"" + escaped + "\",1,0"), QByteArray("\r\nOK\r\n"));
    QCOMPARE(sub.nextPayload(), expected);
}

void TstSimMqtt::pubrawCarriesBinaryWithNul()
{
    mqtttest::MosquittoSubscriber sub;
    QVERIFY(sub.start(m_broker.port(), QStringLiteral("raw")));
    const QByteArray payload("\0\r\nOK\r\n,\"x\"\0\xff", 13);
    QCOMPARE(m_sim.transact("AT+MQTTPUBRAW=0,\"raw\"," + QByteArray::number(payload.size()) + ",0,0", ">"),
             QByteArray("\r\nOK\r\n\r\n>")); // 7.4 #80
    m_sim.write(payload);
    QCOMPARE(m_sim.waitFor("+MQTTPUB:OK\r\n"), QByteArray("\r\n+MQTTPUB:OK\r\n"));
    QCOMPARE(sub.nextPayload(), payload);
}

void TstSimMqtt::unsubscribeKnownAndUnknownTopics()
{
    QCOMPARE(m_sim.transact("AT+MQTTUNSUB=0,\"never-subscribed\""), QByteArray("NO UNSUBSCRIBE\r\n\r\nOK\r\n")); // #84
    QCOMPARE(m_sim.transact("AT+MQTTUNSUB=0,\"topic\""), QByteArray("\r\nOK\r\n")); // #83
    QVERIFY(m_sim.transact("AT+MQTTCONN?").startsWith("+MQTTCONN:0,5,"));
    QCOMPARE(m_sim.transact("AT+MQTTSUB=0,\"topic\",0"), QByteArray("\r\nOK\r\n"));
}

void TstSimMqtt::brokerDropFaultReconnects()
{
    // In-process module against the same broker: the broker-drop fault with reconnect=1.
    InProc sim;
    sim.run("ATE0");
    sim.run("AT+CWJAP=\"BenchAP\",\"12345678\"");
    QCOMPARE(sim.run("AT+MQTTUSERCFG=0,1,\"inproc\",\"\",\"\",0,0,\"\""), QByteArray("\r\nOK\r\n"));
    sim.module->receiveFromHost("AT+MQTTCONN=0,\"localhost\"," + port() + ",1\r\n");
    QCOMPARE(sim.waitFor("OK\r\n", 15000), "+MQTTCONNECTED:0,1,\"localhost\",\"" + port() + "\",\"\",1\r\n\r\nOK\r\n");
    QVERIFY(sim.waitIdle());
    QVERIFY(sim.module->injectFault(QStringLiteral("broker-drop")));
    QCOMPARE(sim.out, QByteArray("+MQTTDISCONNECTED:0\r\n")); // 7.4 #85
    QCOMPARE(sim.module->mqttState(), 3);
    sim.out.clear();
    QCOMPARE(sim.waitFor("\r\n", 10000), "+MQTTCONNECTED:0,1,\"localhost\",\"" + port() + "\",\"\",1\r\n");
    QCOMPARE(sim.module->mqttState(), 4);
}

void TstSimMqtt::pubrawFailsWhenTheBrokerGoesAwayDuringTheTransfer()
{
    InProc sim;
    sim.run("ATE0");
    sim.run("AT+CWJAP=\"BenchAP\",\"12345678\"");
    sim.run("AT+MQTTUSERCFG=0,1,\"raw-fail\",\"\",\"\",0,0,\"\"");
    QVERIFY(sim.run("AT+MQTTCONN=0,\"127.0.0.1\"," + port() + ",0", 15000).endsWith("\r\nOK\r\n"));
    QCOMPARE(sim.prompt("AT+MQTTPUBRAW=0,\"raw\",5,0,0"), QByteArray("\r\nOK\r\n\r\n>"));
    sim.module->receiveFromHost("ab");
    sim.module->dropBrokerConnection(); // 7.4 #81
    sim.module->receiveFromHost("cde");
    QCOMPARE(sim.waitFor("+MQTTPUB:FAIL\r\n"), QByteArray("+MQTTDISCONNECTED:0\r\n\r\n+MQTTPUB:FAIL\r\n"));
    QVERIFY(sim.waitIdle());
}

void TstSimMqtt::mqttOverWebSocketScheme6()
{
    WsBridge ws(m_broker.port());
    InProc sim;
    sim.run("ATE0");
    sim.run("AT+CWJAP=\"BenchAP\",\"12345678\"");
    QCOMPARE(sim.run("AT+MQTTUSERCFG=0,6,\"ws-client\",\"\",\"\",0,0,\"mqtt\""), QByteArray("\r\nOK\r\n"));
    const QByteArray wsPort = QByteArray::number(ws.port());
    QCOMPARE(sim.run("AT+MQTTCONN=0,\"127.0.0.1\"," + wsPort + ",0", 15000),
             "+MQTTCONNECTED:0,6,\"127.0.0.1\",\"" + wsPort + "\",\"mqtt\",0\r\n\r\nOK\r\n");
    QVERIFY2(ws.requestLine.startsWith("GET /mqtt HTTP/1.1"), ws.requestLine.constData());
    QCOMPARE(sim.run("AT+MQTTSUB=0,\"ws/loop\",0"), QByteArray("\r\nOK\r\n"));
    sim.out.clear();
    sim.module->receiveFromHost("AT+MQTTPUB=0,\"ws/loop\",\"via websocket\",0,0\r\n");
    QVERIFY(!sim.waitFor("via websocket\r\n").isEmpty());
    QVERIFY(sim.waitIdle());
}

void TstSimMqtt::brokerLossGivesDisconnectedAndState3()
{
    m_broker.stop(); // a real broker loss (7.4 #85)
    QCOMPARE(m_sim.waitFor("+MQTTDISCONNECTED:0\r\n", 10000), QByteArray("+MQTTDISCONNECTED:0\r\n"));
    QVERIFY(m_sim.transact("AT+MQTTCONN?").startsWith("+MQTTCONN:0,3,"));
    QCOMPARE(m_sim.transact("AT+MQTTPUB=0,\"t\",\"x\",0,0", "ERROR\r\n"), QByteArray("ERR CODE:0x010a6051\r\n\r\nERROR\r\n")); // #88
}

void TstSimMqtt::cleanReturnsToState0()
{
    QCOMPARE(m_sim.transact("AT+MQTTCLEAN=0"), QByteArray("\r\nOK\r\n")); // #87
    QCOMPARE(m_sim.transact("AT+MQTTCONN?"), QByteArray("+MQTTCONN:0,0,0,\"\",\"\",\"\",0\r\n\r\nOK\r\n"));
    QCOMPARE(m_sim.transact("AT+MQTTCLEAN=0", "ERROR\r\n"), QByteArray("ERR CODE:0x010a6003\r\n\r\nERROR\r\n"));
}

QTEST_GUILESS_MAIN(TstSimMqtt)
#include "tst_simmqtt.moc"
