// ReportPublishSettings: the mqtt:// address of the station's report topic, and the topic of
// each module (placeholders). The publishing itself is in tst_station (a local mosquitto).
#include "provisioning/reportpublisher.h"

#include <QTest>

using namespace atb;

class TstReportPublisher : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void topicFor_data();
    void topicFor();
};

void TstReportPublisher::parse_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("topic");
    QTest::newRow("full") << "mqtt://127.0.0.1:1884/line3/reports/${MAC}" << true << "127.0.0.1" << 1884 << "line3/reports/${MAC}";
    QTest::newRow("default port") << "mqtt://broker.local/r" << true << "broker.local" << 1883 << "r";
    QTest::newRow("ipv6") << "mqtt://[::1]:1883/r/${INDEX}" << true << "::1" << 1883 << "r/${INDEX}";
    QTest::newRow("no topic") << "mqtt://127.0.0.1:1883" << false << "" << 0 << "";
    QTest::newRow("empty topic") << "mqtt://127.0.0.1:1883/" << false << "" << 0 << "";
    QTest::newRow("wildcard") << "mqtt://127.0.0.1/a/#" << false << "" << 0 << "";
    QTest::newRow("other scheme") << "http://127.0.0.1/a" << false << "" << 0 << "";
    QTest::newRow("user") << "mqtt://me:pw@127.0.0.1/a" << false << "" << 0 << "";
    QTest::newRow("not a url") << "127.0.0.1:1883/a" << false << "" << 0 << "";
}

void TstReportPublisher::parse()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, topic);
    QString error;
    const std::optional<ReportPublishSettings> s = ReportPublishSettings::parse(url, &error);
    QCOMPARE(s.has_value(), ok);
    if (!ok) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QCOMPARE(s->host, host);
    QCOMPARE(int(s->port), port);
    QCOMPARE(s->topic, topic);
    QCOMPARE(s->qos, 1);
}

void TstReportPublisher::topicFor_data()
{
    QTest::addColumn<QString>("topic");
    QTest::addColumn<QString>("mac");
    QTest::addColumn<QString>("serial");
    QTest::addColumn<QString>("expected");
    QTest::newRow("mac") << "r/${MAC}" << "02:00:00:00:12:34" << "" << "r/020000001234";
    QTest::newRow("mac6 index port") << "r/${MAC6}/${INDEX}/${PORT}" << "02:00:00:00:12:34" << "" << "r/001234/3/ttyUSB1";
    QTest::newRow("unknown mac") << "r/${MAC}/${MAC6}" << "" << "" << "r/unknown/unknown";
    QTest::newRow("serial") << "r/${SERIAL}" << "" << "A1B2" << "r/A1B2";
    QTest::newRow("no serial") << "r/${SERIAL}" << "" << "" << "r/unknown";
}

void TstReportPublisher::topicFor()
{
    QFETCH(QString, topic);
    QFETCH(QString, mac);
    QFETCH(QString, serial);
    QFETCH(QString, expected);
    ReportPublishSettings s;
    s.topic = topic;
    ModuleReport r;
    r.index = 3;
    r.port = QStringLiteral("/dev/ttyUSB1");
    r.mac = mac;
    r.serial = serial;
    QCOMPARE(s.topicFor(r), expected);
}

QTEST_GUILESS_MAIN(TstReportPublisher)
#include "tst_reportpublisher.moc"
