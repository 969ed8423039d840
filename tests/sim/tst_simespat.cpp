// The ESP-AT 2.4 / 3.x Basic, Wi-Fi and TCP/IP commands beyond the seeds, byte-exact against the
// documented output (Basic_AT_Commands, Wi-Fi_AT_Commands, TCP-IP_AT_Commands of espressif/esp-at),
// in the esp dialect and, where the Beken firmware lacks them, the Beken dialects' ERROR.
#include "simtestutil.h"

#include "simulator/recorder.h"

#include <QJsonObject>

using namespace atb::sim;
using namespace simtest;

class TstSimEspAt : public QObject
{
    Q_OBJECT
private slots:
    void replies_data();
    void replies();
    void cipstartexTakesTheLowestFreeId();
    void cipstartexReportsTheIdInLinkConn();
    void ciprecvlenPrintsMinusOneForLinksNotOpen();
    void cipstatusIsTwoAgainAfterARejoin();
    void cipstatusStaysTwoAfterAFailedConnect();
    void gslpSleepsAndWakesWithReady();
    void gmrFollowsTheFirmware_data();
    void gmrFollowsTheFirmware();
    void systimestampFollowsTheSetValue();
    void restoreBringsBackTheDefaults();
    void commandListHasTheNewCommandsOnlyWhereTheyExist();
    void softApPasswordIsMaskedInTheRecord();
    void cipsendlSendsWhileTakingAndReports();
    void cipsendlSendsAShortBlockAfterASilence();
};

namespace {
const QByteArray kOk = "\r\nOK\r\n";
const QByteArray kErr = "\r\nERROR\r\n";
const QByteArray kJoin = "AT+CWJAP=\"BenchAP\",\"12345678\"";
// The simulated module's identity (stable across runs).
const QByteArray kStaMac = "ce:d8:71:ee:db:3f";
const QByteArray kApMac = "ce:d8:71:ee:db:40";
const QByteArray kBssid = "76:81:92:2c:b3:21";
} // namespace

void TstSimEspAt::replies_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("firmware");
    QTest::addColumn<QByteArrayList>("setup");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QByteArray>("expected");
    auto esp = [](const char *name, QByteArrayList setup, QByteArray cmd, QByteArray exp) {
        QTest::newRow(name) << "esp" << "2.4" << setup << cmd << exp;
    };
    auto esp3 = [](const char *name, QByteArrayList setup, QByteArray cmd, QByteArray exp) {
        QTest::newRow(name) << "esp" << "3.2" << setup << cmd << exp;
    };
    const QByteArray ap3 = "AT+CWMODE=3";

    // Basic
    esp("GSLP without a time", {}, "AT+GSLP", kErr);
    esp("SLEEP query", {}, "AT+SLEEP?", "+SLEEP:1\r\n" + kOk);
    esp("SLEEP set", { "AT+SLEEP=0" }, "AT+SLEEP?", "+SLEEP:0\r\n" + kOk);
    esp("SLEEP mode 4", {}, "AT+SLEEP=4", kErr);
    esp("SYSRAM query", {}, "AT+SYSRAM?", "+SYSRAM:172032,139264\r\n" + kOk);
    esp("RFPOWER query", {}, "AT+RFPOWER?", "+RFPOWER:84,15,15,15\r\n" + kOk);
    esp("RFPOWER Wi-Fi only (esp-at-lib)", { "AT+RFPOWER=40" }, "AT+RFPOWER?", "+RFPOWER:40,15,15,15\r\n" + kOk);
    esp("RFPOWER all four", { "AT+RFPOWER=50,1,2,3" }, "AT+RFPOWER?", "+RFPOWER:50,1,2,3\r\n" + kOk);
    esp("RFPOWER below 40", {}, "AT+RFPOWER=39", kErr);
    esp("SLEEPWKCFG timer", {}, "AT+SLEEPWKCFG=0,1000", kOk);
    esp("SLEEPWKCFG GPIO needs a level", {}, "AT+SLEEPWKCFG=2,3", kErr);
    esp("SLEEPWKCFG GPIO", {}, "AT+SLEEPWKCFG=2,3,1", kOk);
    esp("test form answers OK", {}, "AT+CWMODE=?", kOk);
    esp("SYSFLASH is not answered", {}, "AT+SYSFLASH?", kErr);
    esp("CWINIT is 3.x only", {}, "AT+CWINIT?", kErr);
    esp3("3.2 CWINIT query", {}, "AT+CWINIT?", "+CWINIT:1\r\n" + kOk);
    esp3("3.2 CWINIT=0", { "AT+CWINIT=0" }, "AT+CWINIT?", "+CWINIT:0\r\n" + kOk);

    // Wi-Fi state and station
    esp("CWSTATE at boot", {}, "AT+CWSTATE?", "+CWSTATE:0,\"\"\r\n" + kOk);
    esp("CWSTATE joined", { kJoin }, "AT+CWSTATE?", "+CWSTATE:2,\"BenchAP\"\r\n" + kOk);
    esp("CWSTATE after CWQAP", { kJoin, "AT+CWQAP" }, "AT+CWSTATE?", "+CWSTATE:4,\"BenchAP\"\r\n" + kOk);
    esp("CWSTATE after a failed join", { "AT+CWJAP=\"BenchAP\",\"wrongpass\"" }, "AT+CWSTATE?",
        "+CWSTATE:4,\"BenchAP\"\r\n" + kOk);
    esp("CWJAP query has nine fields", { kJoin }, "AT+CWJAP?", "+CWJAP:\"BenchAP\",\"" + kBssid + "\",6,-45,0,1,3,0,1\r\n" + kOk);
    esp("CWJAP with the right BSSID", {}, "AT+CWJAP=\"BenchAP\",\"12345678\",\"" + kBssid + "\"",
        "WIFI CONNECTED\r\nWIFI GOT IP\r\n" + kOk);
    esp("CWJAP with another BSSID", {}, "AT+CWJAP=\"BenchAP\",\"12345678\",\"02:00:00:00:00:01\"", "+CWJAP:3\r\n" + kErr);
    esp("CWJAP options are reported", { "AT+CWJAP=\"BenchAP\",\"12345678\",,1,30,10,1,20,0" }, "AT+CWJAP?",
        "+CWJAP:\"BenchAP\",\"" + kBssid + "\",6,-45,1,30,10,1,0\r\n" + kOk);
    esp("CWJAP reconn_interval is CWRECONNCFG's", { "AT+CWJAP=\"BenchAP\",\"12345678\",,0,30" }, "AT+CWRECONNCFG?",
        "+CWRECONNCFG:30,0\r\n" + kOk);
    esp("CWJAP listen interval 101", {}, "AT+CWJAP=\"BenchAP\",\"12345678\",,0,1,101", kErr);
    esp("CWMODE with auto_connect (esp-at-lib)", {}, "AT+CWMODE=3,1", kOk);
    esp("CWRECONNCFG query", {}, "AT+CWRECONNCFG?", "+CWRECONNCFG:1,0\r\n" + kOk);
    esp("CWRECONNCFG set", { "AT+CWRECONNCFG=5,100" }, "AT+CWRECONNCFG?", "+CWRECONNCFG:5,100\r\n" + kOk);
    esp("CWRECONNCFG interval 7201", {}, "AT+CWRECONNCFG=7201,0", kErr);
    esp("CWLAP has eleven fields by default", {}, "AT+CWLAP",
        "+CWLAP:(3,\"BenchAP\",-45,\"" + kBssid + "\",6,-1,-1,4,4,7,0)\r\n" + kOk);
    esp("CWLAPOPT hex mask (esp-at-lib)", {}, "AT+CWLAPOPT=1,0x7FF", kOk);
    esp("CWLAPOPT mask 31 gives five fields", { "AT+CWLAPOPT=1,31" }, "AT+CWLAP",
        "+CWLAP:(3,\"BenchAP\",-45,\"" + kBssid + "\",6)\r\n" + kOk);
    esp("CWLAPOPT ssid and rssi only", { "AT+CWLAPOPT=0,6" }, "AT+CWLAP", "+CWLAP:(\"BenchAP\",-45)\r\n" + kOk);
    esp("CWLAPOPT rssi filter", { "AT+CWLAPOPT=1,2047,-40" }, "AT+CWLAP", kOk);
    esp("CWLAPOPT open networks only", { "AT+CWLAPOPT=1,2047,-100,1" }, "AT+CWLAP", kOk);
    esp("CWLAPOPT mask above 0x7FF", {}, "AT+CWLAPOPT=1,4096", kErr);
    esp("CWQAP reports the disconnect before OK", { kJoin }, "AT+CWQAP", "WIFI DISCONNECT\r\n" + kOk);
    esp("CWQAP when not joined", {}, "AT+CWQAP", kOk);
    esp("CWAUTOCONN query", {}, "AT+CWAUTOCONN?", "+CWAUTOCONN:1\r\n" + kOk);
    esp("CWAUTOCONN=0", { "AT+CWAUTOCONN=0" }, "AT+CWAUTOCONN?", "+CWAUTOCONN:0\r\n" + kOk);
    esp("CWAUTOCONN=2", {}, "AT+CWAUTOCONN=2", kErr);
    esp("CWSTAPROTO query", {}, "AT+CWSTAPROTO?", "+CWSTAPROTO:7\r\n" + kOk);
    esp("CWAPPROTO set", { "AT+CWAPPROTO=3" }, "AT+CWAPPROTO?", "+CWAPPROTO:3\r\n" + kOk);
    esp("CIPSTAMAC query", {}, "AT+CIPSTAMAC?", "+CIPSTAMAC:\"" + kStaMac + "\"\r\n" + kOk);
    esp("CIPSTAMAC set", { "AT+CIPSTAMAC=\"1a:fe:34:a0:00:01\"" }, "AT+CIPSTAMAC?", "+CIPSTAMAC:\"1a:fe:34:a0:00:01\"\r\n" + kOk);
    esp("CIPSTAMAC multicast", {}, "AT+CIPSTAMAC=\"01:fe:34:a0:00:01\"", kErr);
    esp("CIPSTAMAC equal to the AP MAC", {}, "AT+CIPSTAMAC=\"" + kApMac + "\"", kErr);
    esp("CIPSTAMAC in softAP mode", { "AT+CWMODE=2" }, "AT+CIPSTAMAC=\"1a:fe:34:a0:00:01\"", kErr);
    esp("CWDHCP query", {}, "AT+CWDHCP?", "+CWDHCP:3\r\n" + kOk);
    esp("CWDHCP station off", { "AT+CWDHCP=0,1" }, "AT+CWDHCP?", "+CWDHCP:2\r\n" + kOk);
    esp("CWDHCP after a static address", { "AT+CIPSTA=\"192.168.1.50\"" }, "AT+CWDHCP?", "+CWDHCP:2\r\n" + kOk);
    esp("CWDHCP mode 4", {}, "AT+CWDHCP=1,4", kErr);
    esp("CWHOSTNAME query", {}, "AT+CWHOSTNAME?", "+CWHOSTNAME:espressif\r\n" + kOk);
    esp("CWHOSTNAME set", { "AT+CWHOSTNAME=\"bench-1\"" }, "AT+CWHOSTNAME?", "+CWHOSTNAME:bench-1\r\n" + kOk);
    esp("CWHOSTNAME 33 bytes", {}, "AT+CWHOSTNAME=\"" + QByteArray(33, 'h') + "\"", kErr);
    esp("CWCOUNTRY query", {}, "AT+CWCOUNTRY?", "+CWCOUNTRY:0,\"CN\",1,13\r\n" + kOk);
    esp("CWCOUNTRY set", { "AT+CWCOUNTRY=1,\"US\",1,11" }, "AT+CWCOUNTRY?", "+CWCOUNTRY:1,\"US\",1,11\r\n" + kOk);
    esp("CWCOUNTRY beyond channel 14", {}, "AT+CWCOUNTRY=0,\"JP\",1,15", kErr);

    // softAP side
    esp("CWSAP needs the softAP", {}, "AT+CWSAP?", kErr);
    esp("CWSAP default", { ap3 }, "AT+CWSAP?", "+CWSAP:\"ESP_EEDB40\",\"\",1,0,4,0\r\n" + kOk);
    esp("CWSAP set", { ap3, "AT+CWSAP=\"sim-ap\",\"password1\",5,3,4,1" }, "AT+CWSAP?",
        "+CWSAP:\"sim-ap\",\"password1\",5,3,4,1\r\n" + kOk);
    esp("CWSAP WEP is refused", { ap3 }, "AT+CWSAP=\"sim-ap\",\"password1\",5,1", kErr);
    esp("CWSAP short password", { ap3 }, "AT+CWSAP=\"sim-ap\",\"short\",5,3", kErr);
    esp("CWSAP channel outside the country", { ap3 }, "AT+CWSAP=\"sim-ap\",\"password1\",14,3", kErr);
    esp("CWSAP eleven stations", { ap3 }, "AT+CWSAP=\"sim-ap\",\"password1\",5,3,11", kErr);
    esp("CWLIF with no station", { ap3 }, "AT+CWLIF", kOk);
    esp("CWQIF all", { ap3 }, "AT+CWQIF", kOk);
    esp("CWQIF bad MAC", { ap3 }, "AT+CWQIF=\"zz:00:00:00:00:00\"", kErr);
    esp("CWDHCPS query", { ap3 }, "AT+CWDHCPS?", "+CWDHCPS:120,\"192.168.4.2\",\"192.168.4.101\"\r\n" + kOk);
    esp("CWDHCPS set", { ap3, "AT+CWDHCPS=1,3,\"192.168.4.10\",\"192.168.4.15\"" }, "AT+CWDHCPS?",
        "+CWDHCPS:3,\"192.168.4.10\",\"192.168.4.15\"\r\n" + kOk);
    esp("CWDHCPS outside the AP subnet", { ap3 }, "AT+CWDHCPS=1,3,\"192.168.5.10\",\"192.168.5.15\"", kErr);
    esp("CWDHCPS=0 restores the range", { ap3, "AT+CWDHCPS=1,3,\"192.168.4.10\",\"192.168.4.15\"", "AT+CWDHCPS=0" },
        "AT+CWDHCPS?", "+CWDHCPS:120,\"192.168.4.2\",\"192.168.4.101\"\r\n" + kOk);
    esp("CIPAP query", { ap3 }, "AT+CIPAP?",
        "+CIPAP:ip:\"192.168.4.1\"\r\n+CIPAP:gateway:\"192.168.4.1\"\r\n+CIPAP:netmask:\"255.255.255.0\"\r\n" + kOk);
    esp("CIPAP set", { ap3, "AT+CIPAP=\"192.168.6.1\",\"192.168.6.1\",\"255.255.255.0\"" }, "AT+CIPAP?",
        "+CIPAP:ip:\"192.168.6.1\"\r\n+CIPAP:gateway:\"192.168.6.1\"\r\n+CIPAP:netmask:\"255.255.255.0\"\r\n" + kOk);
    esp("CIPAPMAC query", { ap3 }, "AT+CIPAPMAC?", "+CIPAPMAC:\"" + kApMac + "\"\r\n" + kOk);
    esp("CIFSR in station+softAP mode", { ap3 }, "AT+CIFSR",
        "+CIFSR:APIP,\"192.168.4.1\"\r\n+CIFSR:APMAC,\"" + kApMac + "\"\r\n+CIFSR:STAIP,\"0.0.0.0\"\r\n+CIFSR:STAMAC,\""
            + kStaMac + "\"\r\n" + kOk);
    esp("CIFSR in softAP mode", { "AT+CWMODE=2" }, "AT+CIFSR",
        "+CIFSR:APIP,\"192.168.4.1\"\r\n+CIFSR:APMAC,\"" + kApMac + "\"\r\n" + kOk);

    // TCP/IP
    esp("CIPSTO query", {}, "AT+CIPSTO?", "+CIPSTO:180\r\n" + kOk);
    esp("CIPSTO 7201", {}, "AT+CIPSTO=7201", kErr);
    esp("CIPSNTPINTV query", {}, "AT+CIPSNTPINTV?", "+CIPSNTPINTV:3600\r\n" + kOk);
    esp("CIPSNTPINTV 14 s", {}, "AT+CIPSNTPINTV=14", kErr);
    esp("CIPRECONNINTV query", {}, "AT+CIPRECONNINTV?", "+CIPRECONNINTV:1\r\n" + kOk);
    esp("CIPRECONNINTV set", { "AT+CIPRECONNINTV=10" }, "AT+CIPRECONNINTV?", "+CIPRECONNINTV:10\r\n" + kOk);
    esp("CIPSSLCCONF single link", {}, "AT+CIPSSLCCONF?", "+CIPSSLCCONF:0,0,0,0\r\n" + kOk);
    esp("CIPSSLCCONF set single", { "AT+CIPSSLCCONF=2,0,0" }, "AT+CIPSSLCCONF?", "+CIPSSLCCONF:0,2,0,0\r\n" + kOk);
    esp("CIPSSLCCONF multi link", { "AT+CIPMUX=1", "AT+CIPSSLCCONF=3,1,0,0" }, "AT+CIPSSLCCONF?",
        "+CIPSSLCCONF:0,0,0,0\r\n+CIPSSLCCONF:1,0,0,0\r\n+CIPSSLCCONF:2,0,0,0\r\n+CIPSSLCCONF:3,1,0,0\r\n+CIPSSLCCONF:4,0,0,0\r\n" + kOk);
    esp("CIPSSLCCONF auth mode 4", {}, "AT+CIPSSLCCONF=4", kErr);
    esp("CIPSSLCSNI", { "AT+CIPSSLCSNI=\"example.org\"" }, "AT+CIPSSLCSNI?", "+CIPSSLCSNI:0,\"example.org\"\r\n" + kOk);
    esp("CIPSSLCCN", { "AT+CIPSSLCCN=\"bench\"" }, "AT+CIPSSLCCN?", "+CIPSSLCCN:0,\"bench\"\r\n" + kOk);
    esp("CIPSSLCALPN two", { "AT+CIPSSLCALPN=2,\"h2\",\"http/1.1\"" }, "AT+CIPSSLCALPN?",
        "+CIPSSLCALPN:0,\"h2\",\"http/1.1\"\r\n" + kOk);
    esp("CIPSSLCALPN count mismatch", {}, "AT+CIPSSLCALPN=2,\"h2\"", kErr);
    esp("CIPTCPOPT 2.4 has four fields", {}, "AT+CIPTCPOPT?", "+CIPTCPOPT:0,-1,0,0\r\n" + kOk);
    esp("CIPTCPOPT set", { "AT+CIPTCPOPT=5,1,100" }, "AT+CIPTCPOPT?", "+CIPTCPOPT:0,5,1,100\r\n" + kOk);
    esp3("3.2 CIPTCPOPT has keep_alive", {}, "AT+CIPTCPOPT?", "+CIPTCPOPT:0,-1,0,0,0\r\n" + kOk);
    esp("CIPTCPOPT keep_alive is 3.x only", {}, "AT+CIPTCPOPT=-1,0,0,10", kErr);
    esp("CIPSTATUS with the station off", { "AT+CWMODE=2" }, "AT+CIPSTATUS", "STATUS:0\r\n" + kOk);
    esp("CIPSENDLCFG query", {}, "AT+CIPSENDLCFG?", "+CIPSENDLCFG:1024,2920\r\n" + kOk);
    esp("CIPSENDLCFG set", { "AT+CIPSENDLCFG=100,200" }, "AT+CIPSENDLCFG?", "+CIPSENDLCFG:100,200\r\n" + kOk);
    esp("CIPSENDLCFG report 99", {}, "AT+CIPSENDLCFG=99", kErr);
    esp("CIPSENDLCFG transmit 2921", {}, "AT+CIPSENDLCFG=1024,2921", kErr);
    esp("CIPSENDL without a link", {}, "AT+CIPSENDL=100", kErr);
    esp("CIPRECVLEN single link, none open", {}, "AT+CIPRECVLEN?", "+CIPRECVLEN:-1\r\n" + kOk);
    esp("CIPRECVLEN multi link, none open", { "AT+CIPMUX=1" }, "AT+CIPRECVLEN?", "+CIPRECVLEN:-1,-1,-1,-1,-1\r\n" + kOk);
    esp("CIPSTARTEX without Wi-Fi", {}, "AT+CIPSTARTEX=\"TCP\",\"127.0.0.1\",80", kErr);
    esp("CIPSTARTEX with a link id", { kJoin, "AT+CIPMUX=1" }, "AT+CIPSTARTEX=1,\"TCP\",\"127.0.0.1\",80", kErr);

    // Beken firmware has none of these.
    auto bk = [](const char *name, const char *dialect, QByteArray cmd) {
        QTest::newRow(name) << dialect << "2.4" << QByteArrayList() << cmd << QByteArray("ERROR\r\n");
    };
    bk("beken-doc CWSTATE", "beken-doc", "AT+CWSTATE?");
    bk("beken-doc CIPSTARTEX", "beken-doc", "AT+CIPSTARTEX=\"TCP\",\"127.0.0.1\",80");
    bk("beken-doc RFPOWER", "beken-doc", "AT+RFPOWER?");
    bk("beken-doc CWLAPOPT", "beken-doc", "AT+CWLAPOPT=1,31");
    bk("beken-src CWDHCP", "beken-src", "AT+CWDHCP?");
    bk("beken-src CIPSSLCCONF", "beken-src", "AT+CIPSSLCCONF?");
    bk("beken-src CWSAP", "beken-src", "AT+CWSAP?");
}

void TstSimEspAt::replies()
{
    QFETCH(QString, dialect);
    QFETCH(QString, firmware);
    QFETCH(QByteArrayList, setup);
    QFETCH(QByteArray, command);
    QFETCH(QByteArray, expected);
    SimulatedModule::Options o;
    QVERIFY(parseDialect(dialect, &o.dialect));
    QVERIFY(parseFirmware(firmware, &o.firmware));
    InProc sim(o);
    sim.run("ATE0");
    for (const QByteArray &s : std::as_const(setup)) {
        const QByteArray r = sim.run(s);
        QVERIFY2(!r.contains("ERROR") || s.contains("wrongpass"), (s + " -> " + r).constData());
    }
    QCOMPARE(sim.run(command), expected);
    QVERIFY(!sim.module->isExecuting());
}

void TstSimEspAt::cipstartexTakesTheLowestFreeId()
{
    TcpPeer peer;
    const QByteArray port = QByteArray::number(peer.port());
    InProc sim;
    sim.run("ATE0");
    sim.run(kJoin);
    sim.run("AT+CIPMUX=1");
    QCOMPARE(sim.run("AT+CIPSTART=0,\"TCP\",\"127.0.0.1\"," + port), "0,CONNECT\r\n" + kOk);
    QCOMPARE(sim.run("AT+CIPSTARTEX=\"TCP\",\"127.0.0.1\"," + port), "1,CONNECT\r\n" + kOk);
    QCOMPARE(sim.run("AT+CIPSTARTEX=\"UDP\",\"127.0.0.1\"," + port), "2,CONNECT\r\n" + kOk);
    QCOMPARE(sim.run("AT+CIPCLOSE=0"), "0,CLOSED\r\n" + kOk);
    QCOMPARE(sim.run("AT+CIPSTARTEX=\"TCP\",\"127.0.0.1\"," + port), "0,CONNECT\r\n" + kOk);
    QCOMPARE(sim.run("AT+CIPSTARTEX=\"TCP\",\"127.0.0.1\"," + port), "3,CONNECT\r\n" + kOk);
    QCOMPARE(sim.run("AT+CIPSTARTEX=\"TCP\",\"127.0.0.1\"," + port), "4,CONNECT\r\n" + kOk);
    QCOMPARE(sim.run("AT+CIPSTARTEX=\"TCP\",\"127.0.0.1\"," + port), kErr); // all five taken
    // Single link: link 0, plain CONNECT.
    InProc one;
    one.run("ATE0");
    one.run(kJoin);
    const int before = int(peer.clients.size());
    QCOMPARE(one.run("AT+CIPSTARTEX=\"TCP\",\"127.0.0.1\"," + port), "CONNECT\r\n" + kOk);
    QTRY_COMPARE(peer.clients.size(), before + 1);
    QCOMPARE(one.run("AT+CIPSTATE?"), "+CIPSTATE:0,\"TCP\",\"127.0.0.1\"," + port + ","
             + QByteArray::number(peer.clients.last()->peerPort()) + ",0\r\n" + kOk);
}

void TstSimEspAt::cipstartexReportsTheIdInLinkConn()
{
    TcpPeer peer;
    InProc sim;
    sim.run("ATE0");
    sim.run(kJoin);
    sim.run("AT+CIPMUX=1");
    sim.run("AT+SYSMSG=7"); // what esp-at-lib sets: +LINK_CONN instead of <id>,CONNECT
    sim.run("AT+CIPSTART=0,\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()));
    const QByteArray r = sim.run("AT+CIPSTARTEX=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()));
    QTRY_COMPARE(peer.clients.size(), 2);
    QCOMPARE(r, "+LINK_CONN:0,1,\"TCP\",0,\"127.0.0.1\"," + QByteArray::number(peer.port()) + ","
             + QByteArray::number(peer.client(1)->peerPort()) + "\r\n" + kOk);
}

void TstSimEspAt::ciprecvlenPrintsMinusOneForLinksNotOpen()
{
    TcpPeer peer(false);
    InProc sim;
    sim.run("ATE0");
    sim.run(kJoin);
    sim.run("AT+CIPMUX=1");
    sim.run("AT+CIPRECVMODE=1");
    sim.run("AT+CIPSTART=0,\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()));
    sim.run("AT+CIPSTART=1,\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()));
    QTRY_COMPARE(peer.clients.size(), 2);
    sim.run("AT+CIPCLOSE=0");
    peer.client(1)->write("data");
    QCOMPARE(sim.waitFor("+IPD,1,4\r\n"), QByteArray("+IPD,1,4\r\n"));
    QCOMPARE(sim.run("AT+CIPRECVLEN?"), "+CIPRECVLEN:-1,4,-1,-1,-1\r\n" + kOk);
    QCOMPARE(sim.run("AT+CIPRECVDATA=1,4"), "+CIPRECVDATA:4,data" + kOk);
    QCOMPARE(sim.run("AT+CIPRECVLEN?"), "+CIPRECVLEN:-1,0,-1,-1,-1\r\n" + kOk);
}

void TstSimEspAt::cipstatusIsTwoAgainAfterARejoin()
{
    TcpPeer peer;
    InProc sim;
    sim.run("ATE0");
    sim.run(kJoin);
    QCOMPARE(sim.run("AT+CIPSTATUS"), "STATUS:2\r\n" + kOk);
    sim.run("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()));
    QVERIFY(sim.run("AT+CIPSTATUS").startsWith("STATUS:3\r\n+CIPSTATUS:0,\"TCP\""));
    sim.run("AT+CIPCLOSE");
    QCOMPARE(sim.run("AT+CIPSTATUS"), "STATUS:4\r\n" + kOk);
    sim.run("AT+CWQAP");
    QCOMPARE(sim.run("AT+CIPSTATUS"), "STATUS:5\r\n" + kOk);
    sim.run(kJoin);
    QCOMPARE(sim.run("AT+CIPSTATUS"), "STATUS:2\r\n" + kOk);
}

void TstSimEspAt::cipstatusStaysTwoAfterAFailedConnect()
{
    InProc sim;
    sim.run("ATE0");
    sim.run(kJoin);
    QCOMPARE(sim.run("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(freeTcpPort())), kErr);
    QCOMPARE(sim.run("AT+CIPSTATUS"), "STATUS:2\r\n" + kOk);
}

void TstSimEspAt::gslpSleepsAndWakesWithReady()
{
    InProc sim;
    sim.run("ATE0");
    QElapsedTimer t;
    t.start();
    sim.module->receiveFromHost("AT+GSLP=200\r\n");
    QCOMPARE(sim.waitFor(kOk), "200\r\n" + kOk);
    QVERIFY(sim.module->isExecuting()); // asleep: nothing is taken
    QCOMPARE(sim.waitFor("ready\r\n", 3000), QByteArray("ready\r\n"));
    QVERIFY2(t.elapsed() >= 190, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(sim.run("AT"), "AT\r\n" + kOk); // a reset: echo is on again
}

void TstSimEspAt::gmrFollowsTheFirmware_data()
{
    QTest::addColumn<QString>("firmware");
    QTest::addColumn<QByteArray>("atVersion");
    QTest::addColumn<QByteArray>("binVersion");
    QTest::newRow("2.4") << "2.4" << QByteArray("AT version:2.4.0.0(") << QByteArray("Bin version:2.4.0(SIM)");
    QTest::newRow("3.2") << "3.2.0.0" << QByteArray("AT version:3.2.0.0(") << QByteArray("Bin version:v3.2.0.0(SIM)");
}

void TstSimEspAt::gmrFollowsTheFirmware()
{
    QFETCH(QString, firmware);
    QFETCH(QByteArray, atVersion);
    QFETCH(QByteArray, binVersion);
    SimulatedModule::Options o;
    QVERIFY(parseFirmware(firmware, &o.firmware));
    InProc sim(o);
    sim.run("ATE0");
    const QByteArrayList lines = sim.run("AT+GMR").split('\n');
    QCOMPARE(lines.size(), 7); // four lines, blank, OK, and the empty rest after the last LF
    QVERIFY2(lines.at(0).startsWith(atVersion), lines.at(0).constData());
    QVERIFY(lines.at(1).startsWith("SDK version:"));
    QVERIFY(lines.at(2).startsWith("compile time("));
    QCOMPARE(lines.at(3), binVersion + "\r");
    EspFirmware f;
    QVERIFY(!parseFirmware(QStringLiteral("2.5"), &f));
}

void TstSimEspAt::systimestampFollowsTheSetValue()
{
    InProc sim;
    sim.run("ATE0");
    QCOMPARE(sim.run("AT+SYSTIMESTAMP=1700000000"), kOk);
    const QByteArray r = sim.run("AT+SYSTIMESTAMP?");
    QVERIFY2(r.startsWith("+SYSTIMESTAMP:17000000") && r.endsWith("\r\n" + kOk), r.constData());
    const qint64 v = r.mid(14, r.indexOf('\r') - 14).toLongLong();
    QVERIFY(v >= 1700000000 && v <= 1700000001);
    QCOMPARE(sim.run("AT+SYSTIMESTAMP=-1"), kErr);
}

void TstSimEspAt::restoreBringsBackTheDefaults()
{
    InProc sim;
    sim.run("ATE0");
    sim.run("AT+CWHOSTNAME=\"changed\"");
    sim.run("AT+CIPSTAMAC=\"1a:fe:34:a0:00:01\"");
    sim.module->receiveFromHost("AT+RST\r\n");
    QVERIFY(!sim.waitFor("ready\r\n", 3000).isEmpty());
    sim.run("ATE0");
    QCOMPARE(sim.run("AT+CWHOSTNAME?"), "+CWHOSTNAME:changed\r\n" + kOk); // kept in flash across AT+RST
    sim.module->receiveFromHost("AT+RESTORE\r\n");
    QVERIFY(!sim.waitFor("ready\r\n", 3000).isEmpty());
    sim.run("ATE0");
    QCOMPARE(sim.run("AT+CWHOSTNAME?"), "+CWHOSTNAME:espressif\r\n" + kOk);
    QCOMPARE(sim.run("AT+CIPSTAMAC?"), "+CIPSTAMAC:\"" + kStaMac + "\"\r\n" + kOk);
}

void TstSimEspAt::commandListHasTheNewCommandsOnlyWhereTheyExist()
{
    InProc esp;
    esp.run("ATE0");
    const QByteArray list = esp.run("AT+CMD?");
    QVERIFY(list.contains(",\"AT+CIPSTARTEX\",1,0,1,0\r\n"));
    QVERIFY(list.contains(",\"AT+CWSTATE\",1,1,0,0\r\n"));
    QVERIFY(!list.contains("\"AT+CWINIT\"")); // 3.x only
    QVERIFY(list.endsWith(kOk));
    SimulatedModule::Options o3;
    o3.firmware = EspFirmware::V3_2;
    InProc esp3(o3);
    esp3.run("ATE0");
    QVERIFY(esp3.run("AT+CMD?").contains(",\"AT+CWINIT\",1,1,1,0\r\n"));
    SimulatedModule::Options ob;
    ob.dialect = Dialect::BekenDoc;
    InProc bk(ob);
    bk.run("ATE0");
    const QByteArray bl = bk.run("AT+CMD?");
    QVERIFY(bl.contains(",\"AT+CIPSTART\","));
    QVERIFY(!bl.contains("\"AT+CIPSTARTEX\""));
}

void TstSimEspAt::softApPasswordIsMaskedInTheRecord()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("record.jsonl"));
    Recorder recorder;
    QString error;
    QVERIFY2(recorder.open(path, QJsonObject(), &error), qPrintable(error));
    InProc sim;
    sim.module->setRecorder(&recorder);
    sim.run("ATE0");
    sim.run("AT+CWMODE=3");
    QCOMPARE(sim.run("AT+CWSAP=\"sim-ap\",\"apSecret99\",5,3"), kOk);
    // The wire carries it (the firmware prints it back too), the record does not.
    QCOMPARE(sim.run("AT+CWSAP?"), "+CWSAP:\"sim-ap\",\"apSecret99\",5,3,4,0\r\n" + kOk);
    sim.module->setRecorder(nullptr);
    recorder.close();
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains("sim-ap"));
    QVERIFY(!text.contains("apSecret99"));
    QVERIFY(!text.contains(QByteArray("apSecret99").toHex()));
}

void TstSimEspAt::cipsendlSendsWhileTakingAndReports()
{
    TcpPeer peer(false);
    InProc sim;
    sim.run("ATE0");
    sim.run(kJoin);
    sim.run("AT+CIPSTART=\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()));
    QCOMPARE(sim.run("AT+CIPSENDLCFG=1024,1000"), kOk);
    QCOMPARE(sim.prompt("AT+CIPSENDL=2500"), QByteArray("\r\nOK\r\n\r\n>"));
    QByteArray data(2500, '\0');
    for (int i = 0; i < data.size(); ++i)
        data[i] = char('a' + i % 26);
    sim.module->receiveFromHost(data + "AT\r\n"); // the data ends after 2500 bytes: AT is a command
    // Blocks of 1000 bytes; reports at each 1024 sent, and the final total.
    QCOMPARE(sim.waitFor("SEND OK\r\n"),
             QByteArray("+CIPSENDL:1024,2500\r\n+CIPSENDL:2048,2500\r\n+CIPSENDL:2500,2500\r\n\r\nSEND OK\r\n"));
    QCOMPARE(sim.waitFor(kOk), kOk);
    QTRY_COMPARE(peer.received.size(), data.size());
    QCOMPARE(peer.received, data);
}

void TstSimEspAt::cipsendlSendsAShortBlockAfterASilence()
{
    TcpPeer peer(false);
    InProc sim;
    sim.run("ATE0");
    sim.run(kJoin);
    sim.run("AT+CIPMUX=1");
    sim.run("AT+CIPSTART=2,\"TCP\",\"127.0.0.1\"," + QByteArray::number(peer.port()));
    QCOMPARE(sim.prompt("AT+CIPSENDL=2,500"), QByteArray("\r\nOK\r\n\r\n>"));
    sim.module->receiveFromHost(QByteArray(300, 'x'));
    // Less than a transmit block: it leaves after AT+TRANSINTVL (20 ms) of silence.
    QTRY_COMPARE(peer.received.size(), 300);
    QVERIFY(sim.module->inDataMode());
    sim.module->receiveFromHost(QByteArray(200, 'y'));
    QCOMPARE(sim.waitFor("SEND OK\r\n"), QByteArray("+CIPSENDL:500,500\r\n\r\nSEND OK\r\n"));
    QTRY_COMPARE(peer.received, QByteArray(300, 'x') + QByteArray(200, 'y'));
    QVERIFY(!sim.module->inDataMode());
}

QTEST_GUILESS_MAIN(TstSimEspAt)
#include "tst_simespat.moc"
