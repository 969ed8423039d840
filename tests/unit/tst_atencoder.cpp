#include "protocol/atencoder.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace atb;

Q_DECLARE_METATYPE(atb::Dialect)
Q_DECLARE_METATYPE(atb::AtArg)

using Args = QList<AtArg>;

static AtArg I(qint64 v)
{
    return AtArg::integer(v);
}
static AtArg S(const QByteArray &v)
{
    return AtArg::string(v);
}
static AtArg O()
{
    return AtArg::omitted();
}

class tst_AtEncoder : public QObject
{
    Q_OBJECT

private slots:
    void escapeString_data();
    void escapeString();
    void setBuildsLines_data();
    void setBuildsLines();
    void limitAcceptedAtBoundaryRefusedOnePast_data();
    void limitAcceptedAtBoundaryRefusedOnePast();
    void refusals_data();
    void refusals();
    void lineLimitIsExactly256BytesWithCrLf_data();
    void lineLimitIsExactly256BytesWithCrLf();
    void bekenCipsendAbove1024Warns();
    void forcedSignatureIsUsed();
    void simpleForms_data();
    void simpleForms();
    void composeWithoutCatalog();
    void splitParams_data();
    void splitParams();
    void encodeThenSplitGivesOriginalValues_data();
    void encodeThenSplitGivesOriginalValues();
    void randomStringsRoundTrip_data();
    void randomStringsRoundTrip();
    void redactHidesSecrets_data();
    void redactHidesSecrets();
};

// ---- escaping -------------------------------------------------------------------------

void tst_AtEncoder::escapeString_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected"); // empty = refused
    QTest::addColumn<QString>("errorFragment");
    const Dialect E = Dialect::Esp, B = Dialect::Beken;
    QTest::newRow("esp plain") << E << QByteArray("abc") << QByteArray("\"abc\"") << QString();
    QTest::newRow("esp empty") << E << QByteArray("") << QByteArray("\"\"") << QString();
    QTest::newRow("esp protocol.md ssid")
        << E << QByteArray("comma,backslash\\ssid") << QByteArray("\"comma\\,backslash\\\\ssid\"") << QString();
    QTest::newRow("esp seed-004 json") << E << QByteArray("\"{\"timestamp\":\"20201121085253\"}\"")
                                       << QByteArray("\"\\\"{\\\"timestamp\\\":\\\"20201121085253\\\"}\\\"\"")
                                       << QString();
    QTest::newRow("esp lone backslash") << E << QByteArray("\\") << QByteArray("\"\\\\\"") << QString();
    QTest::newRow("esp utf-8 kept") << E << QByteArray("caf\xc3\xa9") << QByteArray("\"caf\xc3\xa9\"") << QString();
    QTest::newRow("esp NUL refused") << E << QByteArray("a\0b", 3) << QByteArray() << QString("NUL");
    QTest::newRow("esp CR refused") << E << QByteArray("a\rb") << QByteArray() << QString("line break");
    QTest::newRow("esp LF refused") << E << QByteArray("a\nb") << QByteArray() << QString("line break");
    QTest::newRow("beken comma literal") << B << QByteArray("a,b") << QByteArray("\"a,b\"") << QString();
    QTest::newRow("beken quote escaped") << B << QByteArray("say \"hi\"") << QByteArray("\"say \\\"hi\\\"\"")
                                         << QString();
    QTest::newRow("beken backslash refused") << B << QByteArray("a\\b") << QByteArray() << QString("backslash");
    QTest::newRow("beken NUL refused") << B << QByteArray("\0", 1) << QByteArray() << QString("NUL");
    QTest::newRow("beken LF refused") << B << QByteArray("x\n") << QByteArray() << QString("line break");
}

void tst_AtEncoder::escapeString()
{
    QFETCH(Dialect, dialect);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QFETCH(QString, errorFragment);
    QString error = QStringLiteral("stale");
    const QByteArray got = AtEncoder::escapeString(input, dialect, &error);
    QCOMPARE(got, expected);
    if (errorFragment.isEmpty())
        QVERIFY2(error.isEmpty(), qPrintable(error));
    else
        QVERIFY2(error.contains(errorFragment), qPrintable(error));
}

// ---- set lines ------------------------------------------------------------------------

void tst_AtEncoder::setBuildsLines_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<Args>("args");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<int>("signature");
    const Dialect E = Dialect::Esp, B = Dialect::Beken;
    QTest::newRow("protocol.md CWJAP escaping")
        << E << QByteArray("AT+CWJAP") << Args { S("comma,backslash\\ssid"), S("1234567890") }
        << QByteArray("AT+CWJAP=\"comma\\,backslash\\\\ssid\",\"1234567890\"") << 0;
    QTest::newRow("seed-004 MQTTPUB json")
        << E << QByteArray("AT+MQTTPUB")
        << Args { I(0), S("topic"), S("\"{\"timestamp\":\"20201121085253\"}\""), I(0), I(0) }
        << QByteArray("AT+MQTTPUB=0,\"topic\",\"\\\"{\\\"timestamp\\\":\\\"20201121085253\\\"}\\\"\",0,0") << 0;
    QTest::newRow("omitted middle keeps comma")
        << E << QByteArray("AT+CWJAP") << Args { S("ssid"), S("pwd"), O(), I(1) }
        << QByteArray("AT+CWJAP=\"ssid\",\"pwd\",,1") << 0;
    QTest::newRow("two omitted middle") << E << QByteArray("AT+CWJAP") << Args { S("ssid"), S("pwd"), O(), O(), I(5) }
                                        << QByteArray("AT+CWJAP=\"ssid\",\"pwd\",,,5") << 0;
    QTest::newRow("trailing omitted dropped") << E << QByteArray("AT+CWJAP") << Args { S("ssid"), S("pwd"), O(), O() }
                                              << QByteArray("AT+CWJAP=\"ssid\",\"pwd\"") << 0;
    QTest::newRow("seed-004 MQTTUSERCFG")
        << E << QByteArray("AT+MQTTUSERCFG")
        << Args { I(0), I(1), S("ESP32"), S("espressif"), S("1234567890"), I(0), I(0), S("") }
        << QByteArray("AT+MQTTUSERCFG=0,1,\"ESP32\",\"espressif\",\"1234567890\",0,0,\"\"") << 0;
    QTest::newRow("seed-004 MQTTALPN") << E << QByteArray("AT+MQTTALPN")
                                       << Args { I(0), I(2), S("mqtt-ca.cn"), S("mqtt-ca.us") }
                                       << QByteArray("AT+MQTTALPN=0,2,\"mqtt-ca.cn\",\"mqtt-ca.us\"") << 0;
    QTest::newRow("MQTTALPN clear") << E << QByteArray("AT+MQTTALPN") << Args { I(0), I(0) }
                                    << QByteArray("AT+MQTTALPN=0,0") << 0;
    QTest::newRow("seed-004 MQTTCONN") << E << QByteArray("AT+MQTTCONN")
                                       << Args { I(0), S("192.168.3.102"), I(8883), I(1) }
                                       << QByteArray("AT+MQTTCONN=0,\"192.168.3.102\",8883,1") << 0;
    QTest::newRow("beken CIPSTART tcp keepalive")
        << B << QByteArray("AT+CIPSTART") << Args { I(0), S("tcp"), S("192.168.0.103"), I(20108), I(1800) }
        << QByteArray("AT+CIPSTART=0,\"tcp\",\"192.168.0.103\",20108,1800") << 0;
    QTest::newRow("beken CIPSTART udp local port")
        << B << QByteArray("AT+CIPSTART")
        << Args { I(1), S("udp"), S("192.168.0.103"), I(20108), I(5637), S("192.168.0.107") }
        << QByteArray("AT+CIPSTART=1,\"udp\",\"192.168.0.103\",20108,5637,\"192.168.0.107\"") << 1;
    QTest::newRow("seed-000 CIPSTART tcp server (example 2)")
        << B << QByteArray("AT+CIPSTART")
        << Args { I(2), S("tcp"), S("192.168.0.103"), I(20108), I(1800), I(5637), S("192.168.0.107") }
        << QByteArray("AT+CIPSTART=2,\"tcp\",\"192.168.0.103\",20108,1800,5637,\"192.168.0.107\"") << 0;
    QTest::newRow("beken CIPSEND udp to a chosen peer")
        << B << QByteArray("AT+CIPSEND") << Args { I(1), I(4), S("127.0.0.1"), I(5000) }
        << QByteArray("AT+CIPSEND=1,4,\"127.0.0.1\",5000") << 0;
    QTest::newRow("esp CWSAP")
        << E << QByteArray("AT+CWSAP") << Args { S("BenchSoftAP"), S("12345678"), I(6), I(3), I(4), I(0) }
        << QByteArray("AT+CWSAP=\"BenchSoftAP\",\"12345678\",6,3,4,0") << 0;
    QTest::newRow("esp CWSAP open") << E << QByteArray("AT+CWSAP") << Args { S("open"), S(""), I(1), I(0) }
                                    << QByteArray("AT+CWSAP=\"open\",\"\",1,0") << 0;
    QTest::newRow("esp CIPSTA") << E << QByteArray("AT+CIPSTA")
                                << Args { S("192.168.4.20"), S("192.168.4.1"), S("255.255.255.0") }
                                << QByteArray("AT+CIPSTA=\"192.168.4.20\",\"192.168.4.1\",\"255.255.255.0\"") << 0;
    QTest::newRow("esp CWDHCPS range") << E << QByteArray("AT+CWDHCPS")
                                       << Args { I(1), I(120), S("192.168.4.10"), S("192.168.4.20") }
                                       << QByteArray("AT+CWDHCPS=1,120,\"192.168.4.10\",\"192.168.4.20\"") << 0;
    QTest::newRow("esp CIPSTO") << E << QByteArray("AT+CIPSTO") << Args { I(300) } << QByteArray("AT+CIPSTO=300") << 0;
    QTest::newRow("esp CIPSTART multi tcp")
        << E << QByteArray("AT+CIPSTART") << Args { I(4), S("TCP"), S("example.com"), I(80) }
        << QByteArray("AT+CIPSTART=4,\"TCP\",\"example.com\",80") << 0;
    QTest::newRow("esp CIPSTART multi udp")
        << E << QByteArray("AT+CIPSTART") << Args { I(0), S("UDP"), S("1.2.3.4"), I(1000), I(2000), I(2) }
        << QByteArray("AT+CIPSTART=0,\"UDP\",\"1.2.3.4\",1000,2000,2") << 1;
    QTest::newRow("esp CIPSTART single tcp keepalive")
        << E << QByteArray("AT+CIPSTART") << Args { S("SSL"), S("1.2.3.4"), I(443), I(60) }
        << QByteArray("AT+CIPSTART=\"SSL\",\"1.2.3.4\",443,60") << 2;
    QTest::newRow("esp CIPSTART single udp") << E << QByteArray("AT+CIPSTART") << Args { S("UDP"), S("1.2.3.4"), I(53) }
                                             << QByteArray("AT+CIPSTART=\"UDP\",\"1.2.3.4\",53") << 3;
    QTest::newRow("esp CIPSEND single") << E << QByteArray("AT+CIPSEND") << Args { I(5) } << QByteArray("AT+CIPSEND=5")
                                        << 1;
    QTest::newRow("esp CIPSEND multi") << E << QByteArray("AT+CIPSEND") << Args { I(0), I(5) }
                                       << QByteArray("AT+CIPSEND=0,5") << 0;
    QTest::newRow("esp CIPSEND single udp") << E << QByteArray("AT+CIPSEND") << Args { I(5), S("1.2.3.4"), I(80) }
                                            << QByteArray("AT+CIPSEND=5,\"1.2.3.4\",80") << 1;
    QTest::newRow("esp CIPSEND multi udp") << E << QByteArray("AT+CIPSEND") << Args { I(1), I(5), S("1.2.3.4"), I(80) }
                                           << QByteArray("AT+CIPSEND=1,5,\"1.2.3.4\",80") << 0;
    QTest::newRow("beken CIPSEND") << B << QByteArray("AT+CIPSEND") << Args { I(0), I(4) }
                                   << QByteArray("AT+CIPSEND=0,4") << 0;
    QTest::newRow("CIPDNS no server") << B << QByteArray("AT+CIPDNS") << Args { I(0) } << QByteArray("AT+CIPDNS=0")
                                      << 0;
    QTest::newRow("CIPDNS two servers") << B << QByteArray("AT+CIPDNS")
                                        << Args { I(1), S("8.8.8.8"), S("114.114.114.114") }
                                        << QByteArray("AT+CIPDNS=1,\"8.8.8.8\",\"114.114.114.114\"") << 0;
    QTest::newRow("CIPDNS three servers") << E << QByteArray("AT+CIPDNS") << Args { I(1), S("a"), S("b"), S("c") }
                                          << QByteArray("AT+CIPDNS=1,\"a\",\"b\",\"c\"") << 0;
    QTest::newRow("esp CIPSNTPCFG enable only")
        << E << QByteArray("AT+CIPSNTPCFG") << Args { I(0) } << QByteArray("AT+CIPSNTPCFG=0") << 0;
    QTest::newRow("seed-004 CIPSNTPCFG two servers")
        << E << QByteArray("AT+CIPSNTPCFG") << Args { I(1), I(8), S("ntp1.aliyun.com"), S("ntp2.aliyun.com") }
        << QByteArray("AT+CIPSNTPCFG=1,8,\"ntp1.aliyun.com\",\"ntp2.aliyun.com\"") << 0;
    QTest::newRow("beken CIPSNTPCFG negative tz")
        << B << QByteArray("AT+CIPSNTPCFG") << Args { I(1), I(-5), S("0.pool.ntp.org") }
        << QByteArray("AT+CIPSNTPCFG=1,-5,\"0.pool.ntp.org\"") << 0;
    QTest::newRow("beken CIPSSLCPSK multi") << B << QByteArray("AT+CIPSSLCPSK") << Args { I(0), S("id"), S("hint") }
                                            << QByteArray("AT+CIPSSLCPSK=0,\"id\",\"hint\"") << 0;
    QTest::newRow("beken CIPSSLCPSK single") << B << QByteArray("AT+CIPSSLCPSK") << Args { S("id"), S("hint") }
                                             << QByteArray("AT+CIPSSLCPSK=\"id\",\"hint\"") << 1;
    QTest::newRow("esp CIPRECVDATA single")
        << E << QByteArray("AT+CIPRECVDATA") << Args { I(100) } << QByteArray("AT+CIPRECVDATA=100") << 1;
    QTest::newRow("beken PING") << B << QByteArray("AT+PING") << Args { S("192.168.0.1") }
                                << QByteArray("AT+PING=\"192.168.0.1\"") << 0;
    QTest::newRow("beken json in quotes")
        << B << QByteArray("AT+MQTTPUB") << Args { I(0), S("t"), S("{\"a\":1,\"b\":2}"), I(1), I(0) }
        << QByteArray("AT+MQTTPUB=0,\"t\",\"{\\\"a\\\":1,\\\"b\\\":2}\",1,0") << 0;
    QTest::newRow("lower-case command name")
        << E << QByteArray("at+cipmux") << Args { I(1) } << QByteArray("AT+CIPMUX=1") << 0;
}

void tst_AtEncoder::setBuildsLines()
{
    QFETCH(Dialect, dialect);
    QFETCH(QByteArray, command);
    QFETCH(Args, args);
    QFETCH(QByteArray, expected);
    QFETCH(int, signature);
    const EncodeResult r = AtEncoder(dialect).set(command, args);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.line, expected);
    QCOMPARE(r.signature, signature);
    QVERIFY(r.spec);
    QVERIFY(r.error.isEmpty());
    QVERIFY(r.warning.isEmpty());
}

// ---- limits ---------------------------------------------------------------------------

// A row describes one parameter: `args` is a valid argument list, `index` the parameter to vary,
// `good` the boundary value (integer, or string length when `isString`), `bad` one past it.
void tst_AtEncoder::limitAcceptedAtBoundaryRefusedOnePast_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<Args>("args");
    QTest::addColumn<int>("index");
    QTest::addColumn<bool>("isString");
    QTest::addColumn<qint64>("good");
    QTest::addColumn<qint64>("bad");
    QTest::addColumn<QByteArray>("param");
    const Dialect E = Dialect::Esp, B = Dialect::Beken;
    const Args usercfg { I(0), I(1), S("c"), S("u"), S("p"), I(0), I(0), S("") };
    const Args conncfg { I(0), I(0), I(0), S("t"), S("m"), I(0), I(0) };
    const Args conn { I(0), S("h"), I(1883), I(0) };
    const Args pub { I(0), S("t"), S("d"), I(0), I(0) };
    const Args pubraw { I(0), S("t"), I(5), I(0), I(0) };
    const Args cipstart { I(0), S("TCP"), S("1.2.3.4"), I(80), I(0) };
    const Args cipsend { I(0), I(4) };
    const Args psk { I(0), S("id"), S("hint") };
    const Args sntp { I(1), I(0), S("pool.ntp.org") };
#define row(name) QTest::newRow(name)
    // clang-format off
    row("MQTT LinkID only 0")          << E << QByteArray("AT+MQTTUSERCFG") << usercfg << 0 << false << qint64(0) << qint64(1) << QByteArray("LinkID");
    row("MQTT scheme max 10")          << E << QByteArray("AT+MQTTUSERCFG") << usercfg << 1 << false << qint64(10) << qint64(11) << QByteArray("scheme");
    row("MQTT scheme min 1")           << E << QByteArray("AT+MQTTUSERCFG") << usercfg << 1 << false << qint64(1) << qint64(0) << QByteArray("scheme");
    row("client_id bound by the line")  << E << QByteArray("AT+MQTTCLIENTID") << Args { I(0), S("c") } << 1 << true << qint64(234) << qint64(235) << QByteArray("client_id");
    row("username 64")                 << E << QByteArray("AT+MQTTUSERCFG") << usercfg << 3 << true << qint64(64) << qint64(65) << QByteArray("username");
    row("password 64")                 << E << QByteArray("AT+MQTTUSERCFG") << usercfg << 4 << true << qint64(64) << qint64(65) << QByteArray("password");
    row("cert_key_ID only 0")          << E << QByteArray("AT+MQTTUSERCFG") << usercfg << 5 << false << qint64(0) << qint64(1) << QByteArray("cert_key_ID");
    row("CA_ID only 0")                << E << QByteArray("AT+MQTTUSERCFG") << usercfg << 6 << false << qint64(0) << qint64(1) << QByteArray("CA_ID");
    row("path 32")                     << E << QByteArray("AT+MQTTUSERCFG") << usercfg << 7 << true << qint64(32) << qint64(33) << QByteArray("path");
    row("keepalive 7200")              << E << QByteArray("AT+MQTTCONNCFG") << conncfg << 1 << false << qint64(7200) << qint64(7201) << QByteArray("keepalive");
    row("keepalive not negative")      << E << QByteArray("AT+MQTTCONNCFG") << conncfg << 1 << false << qint64(0) << qint64(-1) << QByteArray("keepalive");
    row("disable_clean_session 1")     << E << QByteArray("AT+MQTTCONNCFG") << conncfg << 2 << false << qint64(1) << qint64(2) << QByteArray("disable_clean_session");
    row("lwt_topic 128")               << E << QByteArray("AT+MQTTCONNCFG") << conncfg << 3 << true << qint64(128) << qint64(129) << QByteArray("lwt_topic");
    row("lwt_msg 64")                  << E << QByteArray("AT+MQTTCONNCFG") << conncfg << 4 << true << qint64(64) << qint64(65) << QByteArray("lwt_msg");
    row("lwt_qos 2")                   << E << QByteArray("AT+MQTTCONNCFG") << conncfg << 5 << false << qint64(2) << qint64(3) << QByteArray("lwt_qos");
    row("lwt_retain 1")                << E << QByteArray("AT+MQTTCONNCFG") << conncfg << 6 << false << qint64(1) << qint64(2) << QByteArray("lwt_retain");
    row("alpn_counts 5")               << E << QByteArray("AT+MQTTALPN") << Args { I(0), I(5), S("a"), S("b"), S("c"), S("d"), S("e") } << 1 << false << qint64(5) << qint64(6) << QByteArray("alpn_counts");
    row("MQTTCONN host 128")           << E << QByteArray("AT+MQTTCONN") << conn << 1 << true << qint64(128) << qint64(129) << QByteArray("host");
    row("MQTTCONN host not empty")     << E << QByteArray("AT+MQTTCONN") << conn << 1 << true << qint64(1) << qint64(0) << QByteArray("host");
    row("MQTTCONN port 65535")         << E << QByteArray("AT+MQTTCONN") << conn << 2 << false << qint64(65535) << qint64(65536) << QByteArray("port");
    row("MQTTCONN reconnect 1")        << E << QByteArray("AT+MQTTCONN") << conn << 3 << false << qint64(1) << qint64(2) << QByteArray("reconnect");
    row("MQTTPUB topic 128")           << E << QByteArray("AT+MQTTPUB") << pub << 1 << true << qint64(128) << qint64(129) << QByteArray("topic");
    row("MQTTPUB qos 2")               << E << QByteArray("AT+MQTTPUB") << pub << 3 << false << qint64(2) << qint64(3) << QByteArray("qos");
    row("MQTTPUB retain 1")            << E << QByteArray("AT+MQTTPUB") << pub << 4 << false << qint64(1) << qint64(2) << QByteArray("retain");
    row("MQTTPUBRAW topic 128")        << E << QByteArray("AT+MQTTPUBRAW") << pubraw << 1 << true << qint64(128) << qint64(129) << QByteArray("topic");
    row("MQTTPUBRAW length min 1")     << E << QByteArray("AT+MQTTPUBRAW") << pubraw << 2 << false << qint64(1) << qint64(0) << QByteArray("length");
    row("MQTTSUB qos 2")               << E << QByteArray("AT+MQTTSUB") << Args { I(0), S("t"), I(0) } << 2 << false << qint64(2) << qint64(3) << QByteArray("qos");
    row("MQTTUNSUB topic 128")         << E << QByteArray("AT+MQTTUNSUB") << Args { I(0), S("t") } << 1 << true << qint64(128) << qint64(129) << QByteArray("topic");
    row("MQTTCLEAN LinkID only 0")     << E << QByteArray("AT+MQTTCLEAN") << Args { I(0) } << 0 << false << qint64(0) << qint64(1) << QByteArray("LinkID");
    row("esp CIPSTART link 4")         << E << QByteArray("AT+CIPSTART") << cipstart << 0 << false << qint64(4) << qint64(5) << QByteArray("link_id");
    row("beken CIPSTART link 5")       << B << QByteArray("AT+CIPSTART") << cipstart << 0 << false << qint64(5) << qint64(6) << QByteArray("link_id");
    row("CIPSTART keepalive 7200")     << B << QByteArray("AT+CIPSTART") << cipstart << 4 << false << qint64(7200) << qint64(7201) << QByteArray("keep_alive");
    row("CIPSTART port 65535")         << E << QByteArray("AT+CIPSTART") << cipstart << 3 << false << qint64(65535) << qint64(65536) << QByteArray("remote_port");
    row("esp CIPSEND length 8192")     << E << QByteArray("AT+CIPSEND") << cipsend << 1 << false << qint64(8192) << qint64(8193) << QByteArray("length");
    row("esp CIPSEND length min 1")    << E << QByteArray("AT+CIPSEND") << cipsend << 1 << false << qint64(1) << qint64(0) << QByteArray("length");
    row("beken CIPSEND length 2048")   << B << QByteArray("AT+CIPSEND") << cipsend << 1 << false << qint64(2048) << qint64(2049) << QByteArray("length");
    row("esp CIPSEND link 4")          << E << QByteArray("AT+CIPSEND") << cipsend << 0 << false << qint64(4) << qint64(5) << QByteArray("link_id");
    row("beken CIPSEND link 5")        << B << QByteArray("AT+CIPSEND") << cipsend << 0 << false << qint64(5) << qint64(6) << QByteArray("link_id");
    row("esp CIPSENDEX length 8192")   << E << QByteArray("AT+CIPSENDEX") << cipsend << 1 << false << qint64(8192) << qint64(8193) << QByteArray("length");
    row("esp CIPCLOSE 5 = all")        << E << QByteArray("AT+CIPCLOSE") << Args { I(0) } << 0 << false << qint64(5) << qint64(6) << QByteArray("link_id");
    row("beken CIPCLOSE 5 = all")      << B << QByteArray("AT+CIPCLOSE") << Args { I(0) } << 0 << false << qint64(5) << qint64(6) << QByteArray("link_id");
    row("esp PSK 32")                  << E << QByteArray("AT+CIPSSLCPSK") << psk << 1 << true << qint64(32) << qint64(33) << QByteArray("psk");
    row("esp hint 32")                 << E << QByteArray("AT+CIPSSLCPSK") << psk << 2 << true << qint64(32) << qint64(33) << QByteArray("hint");
    row("beken PSK 48")                << B << QByteArray("AT+CIPSSLCPSK") << psk << 1 << true << qint64(48) << qint64(49) << QByteArray("psk");
    row("beken hint 48")               << B << QByteArray("AT+CIPSSLCPSK") << psk << 2 << true << qint64(48) << qint64(49) << QByteArray("hint");
    row("beken PSK link 5 = all")      << B << QByteArray("AT+CIPSSLCPSK") << psk << 0 << false << qint64(5) << qint64(6) << QByteArray("link_id");
    row("esp timezone 14")             << E << QByteArray("AT+CIPSNTPCFG") << sntp << 1 << false << qint64(14) << qint64(15) << QByteArray("timezone");
    row("esp timezone -12")            << E << QByteArray("AT+CIPSNTPCFG") << sntp << 1 << false << qint64(-12) << qint64(-13) << QByteArray("timezone");
    row("beken timezone 12")           << B << QByteArray("AT+CIPSNTPCFG") << sntp << 1 << false << qint64(12) << qint64(13) << QByteArray("timezone");
    row("beken timezone -12")          << B << QByteArray("AT+CIPSNTPCFG") << sntp << 1 << false << qint64(-12) << qint64(-13) << QByteArray("timezone");
    row("CIPMUX mode 1")               << B << QByteArray("AT+CIPMUX") << Args { I(0) } << 0 << false << qint64(1) << qint64(2) << QByteArray("mode");
    row("CIPMODE mode 1")              << B << QByteArray("AT+CIPMODE") << Args { I(0) } << 0 << false << qint64(1) << qint64(2) << QByteArray("mode");
    row("CIPDNS enable 1")             << B << QByteArray("AT+CIPDNS") << Args { I(0) } << 0 << false << qint64(1) << qint64(2) << QByteArray("enable");
    row("CWJAP ssid 32")               << E << QByteArray("AT+CWJAP") << Args { S("s"), S("p") } << 0 << true << qint64(32) << qint64(33) << QByteArray("ssid");
    row("CWJAP pwd 64")                << E << QByteArray("AT+CWJAP") << Args { S("s"), S("p") } << 1 << true << qint64(64) << qint64(65) << QByteArray("pwd");
    row("CWMODE mode 3")               << E << QByteArray("AT+CWMODE") << Args { I(1) } << 0 << false << qint64(3) << qint64(4) << QByteArray("mode");
    row("SNTP interval 15")            << E << QByteArray("AT+CIPSNTPINTV") << Args { I(3600) } << 0 << false << qint64(15) << qint64(14) << QByteArray("interval_second");
    row("beken UART baud 2000000")     << B << QByteArray("AT+UART_CUR") << Args { I(115200), I(8), I(1), I(0), I(0) } << 0 << false << qint64(2000000) << qint64(2000001) << QByteArray("baudrate");
    row("UART stopbits 3")             << E << QByteArray("AT+UART_CUR") << Args { I(115200), I(8), I(1), I(0), I(0) } << 2 << false << qint64(3) << qint64(4) << QByteArray("stopbits");
    // clang-format on
#undef row
}

void tst_AtEncoder::limitAcceptedAtBoundaryRefusedOnePast()
{
    QFETCH(Dialect, dialect);
    QFETCH(QByteArray, command);
    QFETCH(Args, args);
    QFETCH(int, index);
    QFETCH(bool, isString);
    QFETCH(qint64, good);
    QFETCH(qint64, bad);
    QFETCH(QByteArray, param);
    const AtEncoder enc(dialect);

    QVERIFY2(enc.set(command, args).ok(), qPrintable(enc.set(command, args).error)); // the base row is valid

    Args a = args;
    a[index] = isString ? S(QByteArray(good, 'x')) : I(good);
    const EncodeResult ok = enc.set(command, a);
    QVERIFY2(ok.ok(), qPrintable(ok.error));

    a[index] = isString ? S(QByteArray(bad, 'x')) : I(bad);
    const EncodeResult refused = enc.set(command, a);
    QVERIFY(!refused.ok());
    QVERIFY(refused.line.isEmpty());
    // Where the 256-byte line is the tighter limit (MQTTCLIENTID) it names the same parameter.
    QCOMPARE(refused.errorParam, param);
    QVERIFY2(refused.error.contains(QString::fromLatin1(param)), qPrintable(refused.error));
    if (!isString || bad > good) {
        const qint64 limit
            = isString && refused.error.contains(QStringLiteral("including CR LF")) ? AtEncoder::kMaxLineBytes : good;
        QVERIFY2(refused.error.contains(QString::number(limit)), qPrintable(refused.error));
    }
}

void tst_AtEncoder::refusals_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<Args>("args");
    QTest::addColumn<QByteArray>("param");
    QTest::addColumn<QString>("fragment");
    const Dialect E = Dialect::Esp, B = Dialect::Beken;
    QTest::newRow("beken backslash in ssid")
        << B << QByteArray("AT+CWJAP") << Args { S("a\\b"), S("p") } << QByteArray("ssid") << QString("backslash");
    QTest::newRow("beken backslash in data")
        << B << QByteArray("AT+MQTTPUB") << Args { I(0), S("t"), S("C:\\x"), I(0), I(0) } << QByteArray("data")
        << QString("backslash");
    QTest::newRow("esp NUL in data") << E << QByteArray("AT+MQTTPUB")
                                     << Args { I(0), S("t"), S(QByteArray("a\0b", 3)), I(0), I(0) }
                                     << QByteArray("data") << QString("NUL");
    QTest::newRow("esp CR in topic") << E << QByteArray("AT+MQTTPUB") << Args { I(0), S("t\r"), S("d"), I(0), I(0) }
                                     << QByteArray("topic") << QString("line break");
    QTest::newRow("beken LF in pwd") << B << QByteArray("AT+CWJAP") << Args { S("s"), S("p\n") } << QByteArray("pwd")
                                     << QString("line break");
    QTest::newRow("string for integer") << E << QByteArray("AT+CIPMUX") << Args { S("1") } << QByteArray("mode")
                                        << QString("integer");
    QTest::newRow("integer for string") << E << QByteArray("AT+MQTTCONN") << Args { I(0), I(5), I(1883), I(0) }
                                        << QByteArray("host") << QString("string");
    QTest::newRow("required omitted in middle") << E << QByteArray("AT+MQTTCONN") << Args { I(0), O(), I(1883), I(0) }
                                                << QByteArray("host") << QString("required");
    QTest::newRow("required missing at end") << E << QByteArray("AT+MQTTCONN") << Args { I(0), S("h"), I(1883) }
                                             << QByteArray("reconnect") << QString("required");
    QTest::newRow("too many") << E << QByteArray("AT+CIPMUX") << Args { I(1), I(1) } << QByteArray()
                              << QString("at most 1");
    QTest::newRow("CIPSTART unknown type")
        << E << QByteArray("AT+CIPSTART") << Args { I(0), S("FOO"), S("1.2.3.4"), I(80) } << QByteArray("type")
        << QString("TCP");
    QTest::newRow("beken CIPSTART SSL is TLS")
        << B << QByteArray("AT+CIPSTART") << Args { I(0), S("SSL"), S("1.2.3.4"), I(80) } << QByteArray("type")
        << QString("TLS");
    QTest::newRow("ALPN count mismatch") << E << QByteArray("AT+MQTTALPN") << Args { I(0), I(2), S("h2") }
                                         << QByteArray("alpn_counts") << QString("1 values follow");
    QTest::newRow("enum value not listed")
        << E << QByteArray("AT+CWMODE") << Args { I(7) } << QByteArray("mode") << QString("0, 1, 2, 3");
    QTest::newRow("empty topic") << E << QByteArray("AT+MQTTSUB") << Args { I(0), S(""), I(0) } << QByteArray("topic")
                                 << QString("empty");
    QTest::newRow("CWSAP WEP") << E << QByteArray("AT+CWSAP") << Args { S("ap"), S("12345678"), I(6), I(1) }
                               << QByteArray("ecn") << QString("0, 2, 3, 4");
    QTest::newRow("CWSAP channel 15") << E << QByteArray("AT+CWSAP") << Args { S("ap"), S("12345678"), I(15), I(3) }
                                      << QByteArray("chl") << QString("14");
    QTest::newRow("CWSAP not on beken") << B << QByteArray("AT+CWSAP") << Args { S("ap"), S("12345678"), I(6), I(3) }
                                        << QByteArray() << QString("not available");
    QTest::newRow("CIPSENDEX not on beken")
        << B << QByteArray("AT+CIPSENDEX") << Args { I(0), I(4) } << QByteArray() << QString("not available");
    QTest::newRow("unknown command") << E << QByteArray("AT+NOPE") << Args { I(1) } << QByteArray()
                                     << QString("Unknown");
    QTest::newRow("no set form") << E << QByteArray("AT+GMR") << Args { I(1) } << QByteArray()
                                 << QString("no parameters");
    QTest::newRow("client_id over 256") << E << QByteArray("AT+MQTTCLIENTID") << Args { I(0), S(QByteArray(257, 'c')) }
                                        << QByteArray("client_id") << QString("at most 256 bytes");
    QTest::newRow("beken SNTP needs timezone")
        << B << QByteArray("AT+CIPSNTPCFG") << Args { I(1) } << QByteArray("timezone") << QString("required");
}

void tst_AtEncoder::refusals()
{
    QFETCH(Dialect, dialect);
    QFETCH(QByteArray, command);
    QFETCH(Args, args);
    QFETCH(QByteArray, param);
    QFETCH(QString, fragment);
    const EncodeResult r = AtEncoder(dialect).set(command, args);
    QVERIFY(!r.ok());
    QVERIFY(r.line.isEmpty());
    QCOMPARE(r.errorParam, param);
    QVERIFY2(r.error.contains(fragment), qPrintable(r.error));
    if (!param.isEmpty())
        QVERIFY2(r.error.contains(QStringLiteral("<%1>").arg(QString::fromLatin1(param))), qPrintable(r.error));
}

void tst_AtEncoder::lineLimitIsExactly256BytesWithCrLf_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<char>("fill");
    QTest::addColumn<int>("escapedSize"); // bytes one fill character takes on the line
    QTest::newRow("esp plain") << Dialect::Esp << 'a' << 1;
    QTest::newRow("esp commas count twice") << Dialect::Esp << ',' << 2;
    QTest::newRow("esp quotes count twice") << Dialect::Esp << '"' << 2;
    QTest::newRow("beken plain") << Dialect::Beken << 'a' << 1;
    QTest::newRow("beken commas count once") << Dialect::Beken << ',' << 1;
}

void tst_AtEncoder::lineLimitIsExactly256BytesWithCrLf()
{
    QFETCH(Dialect, dialect);
    QFETCH(char, fill);
    QFETCH(int, escapedSize);
    const AtEncoder enc(dialect);
    auto pub = [&](int n) { return enc.set("AT+MQTTPUB", { I(0), S("topic"), S(QByteArray(n, fill)), I(0), I(0) }); };
    // AT+MQTTPUB=0,"topic","",0,0 is 27 bytes; with CR LF 29.
    const int overhead = int(QByteArray("AT+MQTTPUB=0,\"topic\",\"\",0,0").size()) + 2;
    QVERIFY((256 - overhead) % escapedSize == 0 || escapedSize == 2);
    const int fits = (256 - overhead) / escapedSize;
    const EncodeResult atLimit = pub(fits);
    QVERIFY2(atLimit.ok(), qPrintable(atLimit.error));
    QCOMPARE(atLimit.line.size() + 2, 256 - (256 - overhead) % escapedSize);
    const EncodeResult over = pub(fits + 1);
    QVERIFY(!over.ok());
    QCOMPARE(over.errorParam, QByteArray("data"));
    QVERIFY2(over.error.contains(QStringLiteral("256")), qPrintable(over.error));
    QVERIFY2(over.error.contains(QString::number(256 - (256 - overhead) % escapedSize + escapedSize)),
             qPrintable(over.error));
}

void tst_AtEncoder::bekenCipsendAbove1024Warns()
{
    const AtEncoder enc(Dialect::Beken);
    const EncodeResult r1024 = enc.set("AT+CIPSEND", { I(0), I(1024) });
    QVERIFY(r1024.ok());
    QVERIFY(r1024.warning.isEmpty());
    const EncodeResult r1025 = enc.set("AT+CIPSEND", { I(0), I(1025) });
    QVERIFY(r1025.ok());
    QCOMPARE(r1025.line, QByteArray("AT+CIPSEND=0,1025"));
    QVERIFY2(r1025.warning.contains(QStringLiteral("1024")), qPrintable(r1025.warning));
    QVERIFY(AtEncoder(Dialect::Esp).set("AT+CIPSEND", { I(0), I(1025) }).warning.isEmpty());
}

void tst_AtEncoder::forcedSignatureIsUsed()
{
    const AtEncoder enc(Dialect::Esp);
    // Two integers fit "multi link"; forcing "single link" makes the second one a bad host.
    const EncodeResult forced = enc.set("AT+CIPSEND", { I(1), I(5) }, 1);
    QVERIFY(!forced.ok());
    QCOMPARE(forced.errorParam, QByteArray("remote_host"));
    QCOMPARE(enc.set("AT+CIPSEND", { I(5) }, 1).line, QByteArray("AT+CIPSEND=5"));
    QVERIFY(!enc.set("AT+CIPSEND", { I(5) }, 9).ok());
}

void tst_AtEncoder::simpleForms_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<int>("form");
    QTest::addColumn<QByteArray>("expected"); // empty = refused
    const Dialect E = Dialect::Esp, B = Dialect::Beken;
    const int Q = formBit(CommandForm::Query), X = formBit(CommandForm::Execute), T = formBit(CommandForm::Test);
    QTest::newRow("query CIPMUX") << E << QByteArray("AT+CIPMUX") << Q << QByteArray("AT+CIPMUX?");
    QTest::newRow("beken query CIPSTATUS") << B << QByteArray("AT+CIPSTATUS") << Q << QByteArray("AT+CIPSTATUS?");
    QTest::newRow("esp CIPSTATUS is execute") << E << QByteArray("AT+CIPSTATUS") << X << QByteArray("AT+CIPSTATUS");
    QTest::newRow("esp CIPSTATUS? refused") << E << QByteArray("AT+CIPSTATUS") << Q << QByteArray();
    QTest::newRow("beken CIPSTATUS exec refused") << B << QByteArray("AT+CIPSTATUS") << X << QByteArray();
    QTest::newRow("execute AT") << B << QByteArray("AT") << X << QByteArray("AT");
    QTest::newRow("execute ATE0") << E << QByteArray("ATE0") << X << QByteArray("ATE0");
    QTest::newRow("execute CIPSEND passthrough") << E << QByteArray("AT+CIPSEND") << X << QByteArray("AT+CIPSEND");
    QTest::newRow("query CWQAP refused") << E << QByteArray("AT+CWQAP") << Q << QByteArray();
    QTest::newRow("execute MQTTPUB refused") << E << QByteArray("AT+MQTTPUB") << X << QByteArray();
    QTest::newRow("test form not catalogued") << E << QByteArray("AT+CWMODE") << T << QByteArray();
    QTest::newRow("query unknown") << E << QByteArray("AT+NOPE") << Q << QByteArray();
}

void tst_AtEncoder::simpleForms()
{
    QFETCH(Dialect, dialect);
    QFETCH(QByteArray, command);
    QFETCH(int, form);
    QFETCH(QByteArray, expected);
    const AtEncoder enc(dialect);
    const EncodeResult r = form == formBit(CommandForm::Query) ? enc.query(command)
        : form == formBit(CommandForm::Test)                   ? enc.test(command)
                                                               : enc.execute(command);
    QCOMPARE(r.line, expected);
    QCOMPARE(r.ok(), !expected.isEmpty());
    QCOMPARE(r.error.isEmpty(), !expected.isEmpty());
}

void tst_AtEncoder::composeWithoutCatalog()
{
    EncodeResult r = AtEncoder::compose("AT+USERCMD", { I(1), O(), S("a,b") }, Dialect::Esp);
    QVERIFY(r.ok());
    QCOMPARE(r.line, QByteArray("AT+USERCMD=1,,\"a\\,b\""));
    r = AtEncoder::compose("AT+USERCMD", {}, Dialect::Esp);
    QCOMPARE(r.line, QByteArray("AT+USERCMD"));
    r = AtEncoder::compose("AT+USERCMD", { S("a\\b") }, Dialect::Beken);
    QVERIFY(!r.ok());
    QCOMPARE(r.errorParam, QByteArray("parameter 1"));
    // "AT+X=" (5) + quotes (2) + 247 + CR LF (2) = 256.
    r = AtEncoder::compose("AT+X", { S(QByteArray(247, 'a')) }, Dialect::Esp);
    QVERIFY2(r.ok(), qPrintable(r.error));
    r = AtEncoder::compose("AT+X", { S(QByteArray(248, 'a')) }, Dialect::Esp);
    QVERIFY(!r.ok());
    QVERIFY(r.error.contains(QStringLiteral("257")));
    QVERIFY(!AtEncoder::compose("AT+X=1", {}, Dialect::Esp).ok());
    QVERIFY(!AtEncoder::compose("XY", {}, Dialect::Esp).ok());
}

// ---- splitting ------------------------------------------------------------------------

void tst_AtEncoder::splitParams_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArrayList>("expected");
    QTest::addColumn<bool>("ok");
    const Dialect E = Dialect::Esp, B = Dialect::Beken;
    QTest::newRow("bare list") << E << QByteArray("1,\"a\",\"b\"") << QByteArrayList { "1", "a", "b" } << true;
    QTest::newRow("reply line") << E << QByteArray("+CIPDNS:1,\"208.67.222.222\",\"8.8.8.8\"\r\n")
                                << QByteArrayList { "1", "208.67.222.222", "8.8.8.8" } << true;
    QTest::newRow("command line") << E << QByteArray("AT+CWJAP=\"comma\\,backslash\\\\ssid\",\"1234567890\"")
                                  << QByteArrayList { "comma,backslash\\ssid", "1234567890" } << true;
    QTest::newRow("esp json")
        << E << QByteArray("AT+MQTTPUB=0,\"topic\",\"\\\"{\\\"timestamp\\\":\\\"20201121085253\\\"}\\\"\",0,0")
        << QByteArrayList { "0", "topic", "\"{\"timestamp\":\"20201121085253\"}\"", "0", "0" } << true;
    QTest::newRow("omitted middle") << E << QByteArray("\"ssid\",\"pwd\",,1")
                                    << QByteArrayList { "ssid", "pwd", "", "1" } << true;
    QTest::newRow("trailing empty") << E << QByteArray("1,") << QByteArrayList { "1", "" } << true;
    QTest::newRow("empty") << E << QByteArray("") << QByteArrayList {} << true;
    QTest::newRow("query without params") << E << QByteArray("AT+CIPMUX?") << QByteArrayList {} << true;
    QTest::newRow("reply comma inside quotes")
        << E << QByteArray("+CWJAP:\"my,ssid\",\"aa:bb\",6") << QByteArrayList { "my,ssid", "aa:bb", "6" } << true;
    QTest::newRow("beken blanks after commas")
        << B << QByteArray("AT+CIPSTART=2,\"tcp\",\"192.168.0.103\",20108,1800, 5637, \"192.168.0.107\"")
        << QByteArrayList { "2", "tcp", "192.168.0.103", "20108", "1800", "5637", "192.168.0.107" } << true;
    QTest::newRow("beken comma literal") << B << QByteArray("\"a,b\",1") << QByteArrayList { "a,b", "1" } << true;
    QTest::newRow("beken backslash kept")
        << B << QByteArray("\"a\\\\b\\,c\"") << QByteArrayList { "a\\\\b\\,c" } << true;
    QTest::newRow("beken escaped quote") << B << QByteArray("\"say \\\"hi\\\"\"") << QByteArrayList { "say \"hi\"" }
                                         << true;
    QTest::newRow("beken unquoted reply") << B << QByteArray("+BIPSTATUS:0,192.168.0.103,20108,50123,0")
                                          << QByteArrayList { "0", "192.168.0.103", "20108", "50123", "0" } << true;
    QTest::newRow("time value with colon")
        << B << QByteArray("+CIPSNTPTIME:2022-10-21 19:20:39") << QByteArrayList { "2022-10-21 19:20:39" } << true;
    QTest::newRow("reply keeps backslashes") << E << QByteArray("+CWJAP:\"a\\b\",\"x\"")
                                             << QByteArrayList { "a\\b", "x" } << true;
    QTest::newRow("reply inner quote") << E << QByteArray("+CWJAP:\"say \"hi\"\",1")
                                       << QByteArrayList { "say \"hi\"", "1" } << true;
    QTest::newRow("reply quote before blank comma") << B << QByteArray("+CIPSSLCPSK:0,\"id\" , \"h\"")
                                                    << QByteArrayList { "0", "id", "h" } << true;
    QTest::newRow("command unescapes, reply does not") << E << QByteArray("AT+CWJAP=\"a\\\\b\"")
                                                       << QByteArrayList { "a\\b" } << true;
    QTest::newRow("unterminated quote") << E << QByteArray("1,\"abc") << QByteArrayList { "1", "abc" } << false;
    QTest::newRow("text after quote") << E << QByteArray("\"a\"b,1") << QByteArrayList { "ab", "1" } << false;
}

void tst_AtEncoder::splitParams()
{
    QFETCH(Dialect, dialect);
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, expected);
    QFETCH(bool, ok);
    bool gotOk = !ok;
    QCOMPARE(AtEncoder::splitParams(input, dialect, &gotOk), expected);
    QCOMPARE(gotOk, ok);
}

void tst_AtEncoder::encodeThenSplitGivesOriginalValues_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<Args>("args");
    const Dialect E = Dialect::Esp, B = Dialect::Beken;
    QTest::newRow("esp CWJAP nasty") << E << QByteArray("AT+CWJAP") << Args { S("a\\,b\"c,"), S("\\\\"), O(), I(1) };
    QTest::newRow("esp PUB json") << E << QByteArray("AT+MQTTPUB")
                                  << Args { I(0), S("a/b,c"), S("{\"k\":\"v,w\"}"), I(1), I(1) };
    QTest::newRow("beken PUB json") << B << QByteArray("AT+MQTTPUB")
                                    << Args { I(0), S("a/b,c"), S("{\"k\":\"v,w\"}"), I(1), I(1) };
    QTest::newRow("beken SNTP negative") << B << QByteArray("AT+CIPSNTPCFG") << Args { I(1), I(-12), S("x,y") };
    QTest::newRow("esp USERCFG empty path")
        << E << QByteArray("AT+MQTTUSERCFG") << Args { I(0), I(1), S(" c "), S("u\""), S("p,"), I(0), I(0), S("") };
}

// How the ESP firmware sees the line: every comma not preceded by a backslash separates
// parameters, inside quotes too (protocol.md 3.1). Used to prove the encoder escapes commas.
static int espDeviceParamCount(const QByteArray &line)
{
    int count = 1;
    for (qsizetype i = line.indexOf('=') + 1; i < line.size(); ++i) {
        if (line[i] == '\\')
            ++i;
        else if (line[i] == ',')
            ++count;
    }
    return count;
}

static QByteArrayList expectedValues(const Args &args)
{
    int n = int(args.size());
    while (n > 0 && args[n - 1].kind == AtArg::Omitted)
        --n;
    QByteArrayList out;
    for (int i = 0; i < n; ++i)
        out << (args[i].kind == AtArg::Int ? QByteArray::number(args[i].i) : args[i].s);
    return out;
}

void tst_AtEncoder::encodeThenSplitGivesOriginalValues()
{
    QFETCH(Dialect, dialect);
    QFETCH(QByteArray, command);
    QFETCH(Args, args);
    const EncodeResult r = AtEncoder(dialect).set(command, args);
    QVERIFY2(r.ok(), qPrintable(r.error));
    bool ok = false;
    QCOMPARE(AtEncoder::splitParams(r.line, dialect, &ok), expectedValues(args));
    QVERIFY(ok);
}

void tst_AtEncoder::randomStringsRoundTrip_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : { 1u, 2u, 3u, 42u, 4711u }) {
        QTest::addRow("esp seed %u", seed) << Dialect::Esp << seed;
        QTest::addRow("beken seed %u", seed) << Dialect::Beken << seed;
    }
}

void tst_AtEncoder::randomStringsRoundTrip()
{
    QFETCH(Dialect, dialect);
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    // Weighted towards the characters that need escaping.
    const QByteArray special = dialect == Dialect::Esp ? QByteArray("\\\",= ?:'") : QByteArray("\",= ?:'");
    int encoded = 0;
    for (int round = 0; round < 300; ++round) {
        Args args;
        const int count = 1 + int(rng.bounded(5));
        for (int k = 0; k < count; ++k) {
            if (rng.bounded(4) == 0) {
                args << I(qint64(rng.bounded(200000)) - 100000);
                continue;
            }
            QByteArray s;
            const int len = int(rng.bounded(30));
            for (int j = 0; j < len; ++j) {
                const quint32 pick = rng.bounded(3);
                char c;
                if (pick == 0)
                    c = special[int(rng.bounded(quint32(special.size())))];
                else if (pick == 1)
                    c = char(0x20 + rng.bounded(0x5f)); // printable ASCII
                else
                    c = char(0x80 + rng.bounded(0x80)); // high bytes
                if (c == '\\' && dialect == Dialect::Beken)
                    c = '/';
                s += c;
            }
            args << S(s);
        }
        const EncodeResult r = AtEncoder::compose("AT+X", args, dialect);
        if (!r.ok()) {
            QVERIFY2(r.error.contains(QStringLiteral("256")), qPrintable(r.error));
            continue;
        }
        ++encoded;
        bool ok = false;
        const QByteArrayList back = AtEncoder::splitParams(r.line, dialect, &ok);
        QVERIFY2(ok, r.line.constData());
        QCOMPARE(back, expectedValues(args));
        if (dialect == Dialect::Esp)
            QCOMPARE(espDeviceParamCount(r.line), int(expectedValues(args).size()));
    }
    QVERIFY(encoded > 250);

    // Through the catalog too: random MQTT data.
    const AtEncoder enc(dialect);
    for (int round = 0; round < 100; ++round) {
        QByteArray data;
        const int len = 1 + int(rng.bounded(100));
        for (int j = 0; j < len; ++j) {
            char c = special[int(rng.bounded(quint32(special.size())))];
            if (rng.bounded(2))
                c = char(0x20 + rng.bounded(0x5f));
            if (c == '\\' && dialect == Dialect::Beken)
                c = 'x';
            data += c;
        }
        const Args args { I(0), S("t/" + QByteArray::number(round)), S(data), I(1), I(0) };
        const EncodeResult r = enc.set("AT+MQTTPUB", args);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(AtEncoder::splitParams(r.line, dialect), expectedValues(args));
    }
}

// ---- redaction ------------------------------------------------------------------------

void tst_AtEncoder::redactHidesSecrets_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("expected");
    const Dialect E = Dialect::Esp, B = Dialect::Beken;
    QTest::newRow("CWJAP pwd") << E << QByteArray("AT+CWJAP=\"ssid\",\"secret,pw\\\\\",,1")
                               << QByteArray("AT+CWJAP=\"ssid\",\"***\",,1");
    QTest::newRow("MQTTUSERCFG password")
        << E << QByteArray("AT+MQTTUSERCFG=0,1,\"ESP32\",\"espressif\",\"1234567890\",0,0,\"\"")
        << QByteArray("AT+MQTTUSERCFG=0,1,\"ESP32\",\"espressif\",\"***\",0,0,\"\"");
    QTest::newRow("CWSAP pwd") << E << QByteArray("AT+CWSAP=\"ap\",\"12345678\",6,3")
                               << QByteArray("AT+CWSAP=\"ap\",\"***\",6,3");
    QTest::newRow("MQTTPASSWORD") << E << QByteArray("AT+MQTTPASSWORD=0,\"pw\"")
                                  << QByteArray("AT+MQTTPASSWORD=0,\"***\"");
    QTest::newRow("beken PSK multi") << B << QByteArray("AT+CIPSSLCPSK=0,\"id\",\"hint\"")
                                     << QByteArray("AT+CIPSSLCPSK=0,\"***\",\"hint\"");
    QTest::newRow("beken PSK single") << B << QByteArray("AT+CIPSSLCPSK=\"id\",\"hint\"")
                                      << QByteArray("AT+CIPSSLCPSK=\"***\",\"hint\"");
    QTest::newRow("no secret unchanged") << E << QByteArray("AT+MQTTPUB=0,\"t\",\"d\",0,0")
                                         << QByteArray("AT+MQTTPUB=0,\"t\",\"d\",0,0");
    QTest::newRow("query unchanged") << E << QByteArray("AT+CWJAP?") << QByteArray("AT+CWJAP?");
    QTest::newRow("shape unknown hides all strings")
        << E << QByteArray("AT+CWJAP=1,\"x\",\"y\"") << QByteArray("AT+CWJAP=1,\"***\",\"***\"");
    QTest::newRow("unknown command unchanged") << E << QByteArray("AT+NOPE=\"x\"") << QByteArray("AT+NOPE=\"x\"");
}

void tst_AtEncoder::redactHidesSecrets()
{
    QFETCH(Dialect, dialect);
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, expected);
    QCOMPARE(AtEncoder(dialect).redact(line), expected);
}

QTEST_APPLESS_MAIN(tst_AtEncoder)
#include "tst_atencoder.moc"
