// TLS: an "SSL" link to a local QSslServer and MQTT scheme 2 (TLS without verification) against
// a mosquitto TLS listener, both on 127.0.0.1 with a throw-away self-signed certificate.
#include "simtestutil.h"

#include <QDtls>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>

using namespace simtest;

class TstSimTls : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sslLinkEchoesThroughTls();
    void mqttOverTlsScheme2PublishesAndReceives();
    void clientCertificateSchemesAreRefused();
    void bekenDtlsLinkEchoesThroughDtls();
    void espHasNoDtls();

private:
    QTemporaryDir m_dir;
    QString m_cert, m_key;
};

void TstSimTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    m_cert = m_dir.filePath(QStringLiteral("cert.pem"));
    m_key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.setStandardErrorFile(QProcess::nullDevice());
    openssl.start(QStringLiteral("openssl"),
                                     { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                       QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_key, QStringLiteral("-out"), m_cert,
                                       QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-days"), QStringLiteral("2") });
    QVERIFY(openssl.waitForFinished(30000));
    QCOMPARE(openssl.exitCode(), 0);
}

void TstSimTls::sslLinkEchoesThroughTls()
{
    QFile cf(m_cert), kf(m_key);
    QVERIFY(cf.open(QIODevice::ReadOnly) && kf.open(QIODevice::ReadOnly));
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificate(QSslCertificate(&cf));
    conf.setPrivateKey(QSslKey(&kf, QSsl::Rsa));
    QSslServer server;
    server.setSslConfiguration(conf);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QByteArray serverGot;
    connect(&server, &QTcpServer::pendingConnectionAvailable, this, [&]() {
        auto *s = qobject_cast<QSslSocket *>(server.nextPendingConnection());
        connect(s, &QSslSocket::readyRead, s, [&, s]() {
            const QByteArray d = s->readAll();
            serverGot += d;
            s->write(d);
        });
    });
    InProc sim;
    sim.run("ATE0");
    sim.run("AT+CWJAP=\"BenchAP\",\"12345678\"");
    QCOMPARE(sim.run("AT+CIPSTART=\"SSL\",\"127.0.0.1\"," + QByteArray::number(server.serverPort()), 10000),
             QByteArray("CONNECT\r\n\r\nOK\r\n"));
    QVERIFY(sim.run("AT+CIPSTATUS").contains("+CIPSTATUS:0,\"SSL\",\"127.0.0.1\""));
    QCOMPARE(sim.prompt("AT+CIPSEND=6"), QByteArray("\r\nOK\r\n\r\n>"));
    sim.module->receiveFromHost("secure");
    QCOMPARE(sim.waitFor("SEND OK\r\n"), QByteArray("\r\nRecv 6 bytes\r\n\r\nSEND OK\r\n"));
    QTRY_COMPARE(serverGot, QByteArray("secure"));
    QCOMPARE(sim.waitFor("secure"), QByteArray("\r\n+IPD,6:secure"));
}

void TstSimTls::mqttOverTlsScheme2PublishesAndReceives()
{
    mqtttest::MosquittoBroker broker;
    QString error;
    QVERIFY2(broker.start(&error, QStringLiteral("certfile %1\nkeyfile %2\nuser root").arg(m_cert, m_key)), qPrintable(error));
    const QByteArray port = QByteArray::number(broker.port());
    InProc sim;
    sim.run("ATE0");
    sim.run("AT+CWJAP=\"BenchAP\",\"12345678\"");
    QCOMPARE(sim.run("AT+MQTTUSERCFG=0,2,\"tls-client\",\"\",\"\",0,0,\"\""), QByteArray("\r\nOK\r\n"));
    QCOMPARE(sim.run("AT+MQTTCONN=0,\"127.0.0.1\"," + port + ",0", 15000),
             "+MQTTCONNECTED:0,2,\"127.0.0.1\",\"" + port + "\",\"\",0\r\n\r\nOK\r\n");
    QCOMPARE(sim.run("AT+MQTTSUB=0,\"loop\",0"), QByteArray("\r\nOK\r\n"));
    // Publish to itself through the TLS broker.
    // The message may come back before or after the command's OK; both must be there, whole.
    sim.out.clear();
    sim.module->receiveFromHost("AT+MQTTPUB=0,\"loop\",\"over tls\",0,0\r\n");
    QByteArray got = sim.waitFor("over tls\r\n");
    QVERIFY(sim.waitIdle());
    got += sim.out;
    QVERIFY2(got == "\r\nOK\r\n+MQTTSUBRECV:0,\"loop\",8,over tls\r\n" || got == "+MQTTSUBRECV:0,\"loop\",8,over tls\r\n\r\nOK\r\n",
             got.constData());
}

void TstSimTls::clientCertificateSchemesAreRefused()
{
    InProc sim;
    sim.run("ATE0");
    sim.run("AT+SYSLOG=1");
    sim.run("AT+CWJAP=\"BenchAP\",\"12345678\"");
    sim.run("AT+MQTTUSERCFG=0,4,\"c\",\"\",\"\",0,0,\"\"");
    // No client certificate store in the simulator: AT_MQTT_TLS_CONFIG_ERROR.
    QCOMPARE(sim.run("AT+MQTTCONN=0,\"127.0.0.1\",8883,0"), QByteArray("ERR CODE:0x010a6009\r\n\r\nERROR\r\n"));
}

void TstSimTls::bekenDtlsLinkEchoesThroughDtls()
{
    // A minimal DTLS echo server (cookie verification off, one client).
    QFile cf(m_cert), kf(m_key);
    QVERIFY(cf.open(QIODevice::ReadOnly) && kf.open(QIODevice::ReadOnly));
    QSslConfiguration conf = QSslConfiguration::defaultDtlsConfiguration();
    conf.setLocalCertificate(QSslCertificate(&cf));
    conf.setPrivateKey(QSslKey(&kf, QSsl::Rsa));
    conf.setPeerVerifyMode(QSslSocket::VerifyNone);
    conf.setDtlsCookieVerificationEnabled(false);
    QUdpSocket sock;
    QVERIFY(sock.bind(QHostAddress::LocalHost, 0));
    std::unique_ptr<QDtls> server;
    QByteArray serverGot;
    connect(&sock, &QUdpSocket::readyRead, this, [&]() {
        while (sock.hasPendingDatagrams()) {
            QHostAddress from;
            quint16 port = 0;
            QByteArray dg(int(sock.pendingDatagramSize()), '\0');
            sock.readDatagram(dg.data(), dg.size(), &from, &port);
            if (!server) {
                server = std::make_unique<QDtls>(QSslSocket::SslServerMode);
                server->setDtlsConfiguration(conf);
                server->setPeer(from, port);
            }
            if (!server->isConnectionEncrypted()) {
                server->doHandshake(&sock, dg);
                continue;
            }
            const QByteArray plain = server->decryptDatagram(&sock, dg);
            if (!plain.isEmpty()) {
                serverGot += plain;
                server->writeDatagramEncrypted(&sock, plain);
            }
        }
    });
    atb::sim::SimulatedModule::Options o;
    o.dialect = atb::sim::Dialect::BekenDoc;
    InProc sim(o);
    sim.run("ATE0");
    sim.run("AT+CWJAP=\"BenchAP\",\"12345678\"");
    QCOMPARE(sim.run("AT+CIPSTART=0,\"DTLS\",\"127.0.0.1\"," + QByteArray::number(sock.localPort()), 10000), QByteArray("OK\r\n"));
    sim.run("AT+CIPSTATUS?");
    QCOMPARE(sim.prompt("AT+CIPSEND=0,5"), QByteArray("\r\n>"));
    sim.module->receiveFromHost("dtls!");
    QCOMPARE(sim.waitFor("SEND OK\r\n"), QByteArray("SEND OK\r\n"));
    QTRY_COMPARE(serverGot, QByteArray("dtls!"));
    QCOMPARE(sim.waitFor("dtls!"), QByteArray("+IPD(0),5:dtls!"));
    sim.module->receiveFromHost("AT+CIPSTATUS?\r\n");
    QVERIFY(sim.waitIdle());
    QVERIFY2(sim.out.startsWith("+BIPSTATUS:3,127.0.0.1," + QByteArray::number(sock.localPort()) + ","), sim.out.constData());
}

void TstSimTls::espHasNoDtls()
{
    InProc sim;
    sim.run("ATE0");
    sim.run("AT+CWJAP=\"BenchAP\",\"12345678\"");
    QCOMPARE(sim.run("AT+CIPSTART=\"DTLS\",\"127.0.0.1\",5684"), QByteArray("\r\nERROR\r\n"));
}

QTEST_GUILESS_MAIN(TstSimTls)
#include "tst_simtls.moc"
