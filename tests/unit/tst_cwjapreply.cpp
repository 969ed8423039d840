// CwjapReply: both shapes of "+CWJAP:" (joined, failure code) and lines that are neither.
#include "protocol/cwjapreply.h"

#include <QtTest>

using atb::CwjapReply;

class tst_CwjapReply : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void failureCodeIn_data();
    void failureCodeIn();
    void failureText();
};

void tst_CwjapReply::parse_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("failureCode");
    QTest::addColumn<QString>("ssid");
    QTest::addColumn<QString>("bssid");
    QTest::addColumn<int>("channel");
    QTest::addColumn<int>("rssi");

    QTest::newRow("ESP v3 joined") << QByteArray("+CWJAP:\"BenchAP\",\"aa:bb:cc:dd:ee:ff\",6,-45,0,1,3,0,1")
                                   << true << 0 << "BenchAP" << "aa:bb:cc:dd:ee:ff" << 6 << -45;
    QTest::newRow("four fields") << QByteArray("+CWJAP:\"x\",\"11:22:33:44:55:66\",11,-70")
                                 << true << 0 << "x" << "11:22:33:44:55:66" << 11 << -70;
    // Module output is not escaped (protocol.md 3.1; section 7 row 12's SSID read back).
    QTest::newRow("SSID with comma and backslash")
        << QByteArray("+CWJAP:\"comma,backslash\\ssid\",\"aa:bb:cc:dd:ee:ff\",1,-50,0") << true << 0
        << "comma,backslash\\ssid" << "aa:bb:cc:dd:ee:ff" << 1 << -50;
    QTest::newRow("UTF-8 SSID") << QByteArray("+CWJAP:\"实验室\",\"aa:bb:cc:dd:ee:ff\",3,-60") << true << 0
                                << QStringLiteral("实验室") << "aa:bb:cc:dd:ee:ff" << 3 << -60;
    QTest::newRow("trailing CR LF") << QByteArray("+CWJAP:\"x\",\"b\",1,-1\r\n") << true << 0 << "x" << "b" << 1 << -1;
    QTest::newRow("wrong password") << QByteArray("+CWJAP:2") << true << 2 << "" << "" << 0 << 0;
    QTest::newRow("timeout") << QByteArray("+CWJAP:1") << true << 1 << "" << "" << 0 << 0;
    QTest::newRow("undocumented code") << QByteArray("+CWJAP:7") << true << 7 << "" << "" << 0 << 0;
    QTest::newRow("code with blank") << QByteArray("+CWJAP: 3") << true << 3 << "" << "" << 0 << 0;
    QTest::newRow("empty") << QByteArray("+CWJAP:") << false << 0 << "" << "" << 0 << 0;
    QTest::newRow("zero code") << QByteArray("+CWJAP:0") << false << 0 << "" << "" << 0 << 0;
    QTest::newRow("text code") << QByteArray("+CWJAP:x") << false << 0 << "" << "" << 0 << 0;
    QTest::newRow("three fields") << QByteArray("+CWJAP:\"x\",\"b\",6") << false << 0 << "" << "" << 0 << 0;
    QTest::newRow("other reply") << QByteArray("+CWLAP:(3,\"x\",-50,\"b\",6)") << false << 0 << "" << "" << 0 << 0;
    QTest::newRow("query echo") << QByteArray("AT+CWJAP?") << false << 0 << "" << "" << 0 << 0;
    QTest::newRow("unterminated quote") << QByteArray("+CWJAP:\"x,\"b\",6,-1") << false << 0 << "" << "" << 0 << 0;
}

void tst_CwjapReply::parse()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, valid);
    QFETCH(int, failureCode);
    QFETCH(QString, ssid);
    QFETCH(QString, bssid);
    QFETCH(int, channel);
    QFETCH(int, rssi);
    const std::optional<CwjapReply> r = CwjapReply::parse(line);
    QCOMPARE(r.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(r->failureCode, failureCode);
    QCOMPARE(r->joined(), failureCode == 0);
    QCOMPARE(r->ssid, ssid);
    QCOMPARE(r->bssid, bssid);
    QCOMPARE(r->channel, channel);
    QCOMPARE(r->rssi, rssi);
}

void tst_CwjapReply::failureCodeIn_data()
{
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addColumn<int>("code");
    QTest::newRow("none") << QList<QByteArray> {} << 0;
    QTest::newRow("one") << QList<QByteArray> { "+CWJAP:3" } << 3;
    QTest::newRow("after other lines") << QList<QByteArray> { "WIFI DISCONNECT", "+CWJAP:1" } << 1;
    QTest::newRow("the last wins") << QList<QByteArray> { "+CWJAP:1", "+CWJAP:4" } << 4;
    QTest::newRow("joined shape is no failure") << QList<QByteArray> { "+CWJAP:\"x\",\"b\",6,-40" } << 0;
}

void tst_CwjapReply::failureCodeIn()
{
    QFETCH(QList<QByteArray>, lines);
    QFETCH(int, code);
    QCOMPARE(CwjapReply::failureCodeIn(lines), code);
}

void tst_CwjapReply::failureText()
{
    QCOMPARE(CwjapReply::failureText(1), QStringLiteral("connection timed out"));
    QCOMPARE(CwjapReply::failureText(2), QStringLiteral("wrong password"));
    QCOMPARE(CwjapReply::failureText(3), QStringLiteral("access point not found"));
    QCOMPARE(CwjapReply::failureText(4), QStringLiteral("connection failed"));
    QCOMPARE(CwjapReply::failureText(9), QStringLiteral("unknown reason (9)"));
}

QTEST_APPLESS_MAIN(tst_CwjapReply)
#include "tst_cwjapreply.moc"
