#include "transport/portspec.h"

#include <QTest>

using atb::PortSpec;

class tst_PortSpec : public QObject
{
    Q_OBJECT
private slots:
    void parsesWhatUsersType_data();
    void parsesWhatUsersType();
    void refusesWhatNamesNoPort_data();
    void refusesWhatNamesNoPort();
};

void tst_PortSpec::parsesWhatUsersType_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("name");   // serial port name, TCP host or simulator flavour
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("back");   // toString()

    const int serial = int(PortSpec::Kind::Serial), tcp = int(PortSpec::Kind::Tcp), sim = int(PortSpec::Kind::Simulator);
    QTest::newRow("device path") << "/dev/ttyUSB0" << serial << "/dev/ttyUSB0" << 0 << "/dev/ttyUSB0";
    QTest::newRow("bare name") << "ttyACM1" << serial << "ttyACM1" << 0 << "ttyACM1";
    QTest::newRow("windows") << "COM3" << serial << "COM3" << 0 << "COM3";
    QTest::newRow("pty link, spaces trimmed") << "  /tmp/x/ttyAT " << serial << "/tmp/x/ttyAT" << 0 << "/tmp/x/ttyAT";
    QTest::newRow("tcp v4") << "tcp:127.0.0.1:7000" << tcp << "127.0.0.1" << 7000 << "tcp:127.0.0.1:7000";
    QTest::newRow("tcp name") << "TCP:localhost:1" << tcp << "localhost" << 1 << "tcp:localhost:1";
    QTest::newRow("tcp v6") << "tcp:[::1]:65535" << tcp << "::1" << 65535 << "tcp:[::1]:65535";
    QTest::newRow("sim esp") << "sim:esp" << sim << "esp" << 0 << "sim:esp";
    QTest::newRow("sim beken, any case") << "SIM:Beken" << sim << "beken" << 0 << "sim:beken";
}

void tst_PortSpec::parsesWhatUsersType()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, name);
    QFETCH(int, port);
    QFETCH(QString, back);
    QString error;
    const std::optional<PortSpec> s = PortSpec::parse(text, &error);
    QVERIFY2(s, qPrintable(error));
    QCOMPARE(int(s->kind), kind);
    const QString got = s->kind == PortSpec::Kind::Serial ? s->serial.portName
                      : s->kind == PortSpec::Kind::Tcp    ? s->host
                                                          : s->simulator;
    QCOMPARE(got, name);
    QCOMPARE(int(s->port), port);
    QCOMPARE(s->toString(), back);
    // toString() reads back to the same value.
    QCOMPARE(PortSpec::parse(back).value(), *s);
}

void tst_PortSpec::refusesWhatNamesNoPort_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions"); // part of the sentence

    QTest::newRow("empty") << "" << "No port given";
    QTest::newRow("blank") << "   " << "No port given";
    QTest::newRow("tcp without port") << "tcp:127.0.0.1" << "tcp:HOST:PORT";
    QTest::newRow("tcp port 0") << "tcp:127.0.0.1:0" << "1 to 65535";
    QTest::newRow("tcp port too big") << "tcp:127.0.0.1:70000" << "1 to 65535";
    QTest::newRow("tcp port not a number") << "tcp:127.0.0.1:http" << "tcp:HOST:PORT";
    QTest::newRow("tcp without host") << "tcp::7000" << "tcp:HOST:PORT";
    QTest::newRow("bare v6 without brackets") << "tcp:::1:7000" << "brackets";
    QTest::newRow("brackets around no v6") << "tcp:[localhost]:7000" << "tcp:HOST:PORT";
    QTest::newRow("unknown simulator") << "sim:nordic" << "sim:esp or sim:beken";
    QTest::newRow("url") << "tcp://127.0.0.1:7000" << "tcp:HOST:PORT";
    QTest::newRow("other url") << "rfc2217://127.0.0.1:7000" << "is not a port";
}

void tst_PortSpec::refusesWhatNamesNoPort()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!PortSpec::parse(text, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
}

QTEST_APPLESS_MAIN(tst_PortSpec)
#include "tst_portspec.moc"
