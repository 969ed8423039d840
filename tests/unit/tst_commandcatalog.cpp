#include "protocol/commandcatalog.h"

#include <QtTest>

using namespace atb;

Q_DECLARE_METATYPE(atb::Dialect)

class tst_CommandCatalog : public QObject
{
    Q_OBJECT

private slots:
    void everyCommandIsPresentWithItsForms_data();
    void everyCommandIsPresentWithItsForms();
    void everyBriefCommandExistsForEsp();
    void tableIsConsistent();
    void limitsMatchProtocolPerDialect_data();
    void limitsMatchProtocolPerDialect();
    void dataPhaseAndQuietEndAreFlagged();
    void longRunningCommandsHaveLongerTimeouts();
    void findIsCaseInsensitiveAndAcceptsWholeLines();
    void findReturnsNullForUnknownOrOtherDialect();
    void allFiltersByDialect();
    void completions_data();
    void completions();
    void helpTextMentionsRangesAndLengths_data();
    void helpTextMentionsRangesAndLengths();
    void commandName_data();
    void commandName();
    void builtinIsOneInstance();
};

static int forms(std::initializer_list<CommandForm> fs)
{
    int f = 0;
    for (CommandForm x : fs)
        f |= formBit(x);
    return f;
}

void tst_CommandCatalog::everyCommandIsPresentWithItsForms_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<int>("forms");
    using F = CommandForm;
    const Dialect B = Dialect::Beken, E = Dialect::Esp;
    // Seed 000 (Beken TCP/IP)
    QTest::newRow("S000 CIPSTATUS query") << QByteArray("AT+CIPSTATUS") << B << forms({ F::Query });
    QTest::newRow("S000 CIPSTART set") << QByteArray("AT+CIPSTART") << B << forms({ F::Set });
    QTest::newRow("S000 CIPSEND set+exec") << QByteArray("AT+CIPSEND") << B << forms({ F::Set, F::Execute });
    QTest::newRow("S000 CIPCLOSE set") << QByteArray("AT+CIPCLOSE") << B << forms({ F::Set });
    QTest::newRow("S000 CIPMUX") << QByteArray("AT+CIPMUX") << B << forms({ F::Query, F::Set });
    QTest::newRow("S000 CIPMODE") << QByteArray("AT+CIPMODE") << B << forms({ F::Query, F::Set });
    QTest::newRow("S000 CIPSNTPCFG") << QByteArray("AT+CIPSNTPCFG") << B << forms({ F::Query, F::Set });
    QTest::newRow("S000 CIPSNTPTIME") << QByteArray("AT+CIPSNTPTIME") << B << forms({ F::Query });
    QTest::newRow("S000 PING") << QByteArray("AT+PING") << B << forms({ F::Set });
    QTest::newRow("S000 CIPDOMAIN") << QByteArray("AT+CIPDOMAIN") << B << forms({ F::Set });
    QTest::newRow("S000 CIPDNS") << QByteArray("AT+CIPDNS") << B << forms({ F::Query, F::Set });
    QTest::newRow("S000 CIPSSLCPSK") << QByteArray("AT+CIPSSLCPSK") << B << forms({ F::Query, F::Set });
    // Seed 004 (ESP-AT MQTT)
    QTest::newRow("S004 MQTTUSERCFG") << QByteArray("AT+MQTTUSERCFG") << E << forms({ F::Set });
    QTest::newRow("S004 MQTTCLIENTID") << QByteArray("AT+MQTTCLIENTID") << E << forms({ F::Set });
    QTest::newRow("S004 MQTTUSERNAME") << QByteArray("AT+MQTTUSERNAME") << E << forms({ F::Set });
    QTest::newRow("S004 MQTTPASSWORD") << QByteArray("AT+MQTTPASSWORD") << E << forms({ F::Set });
    QTest::newRow("S004 MQTTCONNCFG") << QByteArray("AT+MQTTCONNCFG") << E << forms({ F::Set });
    QTest::newRow("S004 MQTTALPN") << QByteArray("AT+MQTTALPN") << E << forms({ F::Set });
    QTest::newRow("S004 MQTTCONN") << QByteArray("AT+MQTTCONN") << E << forms({ F::Query, F::Set });
    QTest::newRow("S004 MQTTPUB") << QByteArray("AT+MQTTPUB") << E << forms({ F::Set });
    QTest::newRow("S004 MQTTPUBRAW") << QByteArray("AT+MQTTPUBRAW") << E << forms({ F::Set });
    QTest::newRow("S004 MQTTSUB") << QByteArray("AT+MQTTSUB") << E << forms({ F::Query, F::Set });
    QTest::newRow("S004 MQTTUNSUB") << QByteArray("AT+MQTTUNSUB") << E << forms({ F::Set });
    QTest::newRow("S004 MQTTCLEAN") << QByteArray("AT+MQTTCLEAN") << E << forms({ F::Set });
    // ESP counterparts whose forms differ from Beken
    QTest::newRow("esp CIPSTATUS execute") << QByteArray("AT+CIPSTATUS") << E << forms({ F::Execute });
    QTest::newRow("esp CIPCLOSE set+exec") << QByteArray("AT+CIPCLOSE") << E << forms({ F::Set, F::Execute });
    QTest::newRow("esp CWJAP") << QByteArray("AT+CWJAP") << E << forms({ F::Query, F::Set, F::Execute });
    QTest::newRow("esp CIPSENDEX") << QByteArray("AT+CIPSENDEX") << E << forms({ F::Set });
    QTest::newRow("esp AT") << QByteArray("AT") << E << forms({ F::Execute });
    QTest::newRow("beken ATE0") << QByteArray("ATE0") << B << forms({ F::Execute });
}

void tst_CommandCatalog::everyCommandIsPresentWithItsForms()
{
    QFETCH(QByteArray, name);
    QFETCH(Dialect, dialect);
    QFETCH(int, forms);
    const CommandSpec *c = CommandCatalog::builtin().find(name, dialect);
    QVERIFY2(c, name.constData());
    QCOMPARE(c->name, name);
    QCOMPARE(c->forms, forms);
    QVERIFY(c->supports(dialect));
    QVERIFY(c->summary && *c->summary);
    QCOMPARE(c->supports(CommandForm::Set), !c->signatures.isEmpty());
}

void tst_CommandCatalog::everyBriefCommandExistsForEsp()
{
    const QList<QByteArray> names = {
        "AT",
        "ATE0",
        "ATE1",
        "AT+RST",
        "AT+RESTORE",
        "AT+GMR",
        "AT+CMD",
        "AT+SYSLOG",
        "AT+SYSMSG",
        "AT+SYSSTORE",
        "AT+UART_CUR",
        "AT+UART_DEF",
        "AT+CWMODE",
        "AT+CWJAP",
        "AT+CWQAP",
        "AT+CWLAP",
        "AT+CIFSR",
        "AT+CIPSTA",
        "AT+CIPSTATUS",
        "AT+CIPSTART",
        "AT+CIPSEND",
        "AT+CIPSENDEX",
        "AT+CIPCLOSE",
        "AT+CIPMUX",
        "AT+CIPMODE",
        "AT+CIPDINFO",
        "AT+CIPRECVMODE",
        "AT+CIPRECVDATA",
        "AT+CIPRECVLEN",
        "AT+CIPSERVER",
        "AT+CIPSERVERMAXCONN",
        "AT+CIPSTO",
        "AT+TRANSINTVL",
        "AT+CIPSNTPCFG",
        "AT+CIPSNTPTIME",
        "AT+CIPSNTPINTV",
        "AT+PING",
        "AT+CIPDOMAIN",
        "AT+CIPDNS",
        "AT+CIPSSLCPSK",
        "AT+MQTTUSERCFG",
        "AT+MQTTCLIENTID",
        "AT+MQTTUSERNAME",
        "AT+MQTTPASSWORD",
        "AT+MQTTCONNCFG",
        "AT+MQTTALPN",
        "AT+MQTTCONN",
        "AT+MQTTPUB",
        "AT+MQTTPUBRAW",
        "AT+MQTTSUB",
        "AT+MQTTUNSUB",
        "AT+MQTTCLEAN",
        // The SoftAP page and the Wi-Fi page's static address (ESP-AT Wi-Fi commands)
        "AT+CWDHCP",
        "AT+CWSAP",
        "AT+CWLIF",
        "AT+CWQIF",
        "AT+CWDHCPS",
        "AT+CIPAP",
    };
    for (const QByteArray &n : names) {
        const CommandSpec *c = CommandCatalog::builtin().find(n, Dialect::Esp);
        QVERIFY2(c, n.constData());
        QVERIFY2(c->forms != 0, n.constData());
    }
    QCOMPARE(CommandCatalog::builtin().all(Dialect::Esp).size(), names.size());
}

void tst_CommandCatalog::tableIsConsistent()
{
    QSet<QByteArray> seenPerDialect[2];
    for (const CommandSpec *c : CommandCatalog::builtin().all()) {
        QVERIFY2(c->dialects != 0, c->name.constData());
        QVERIFY2(c->timeoutMs > 0, c->name.constData());
        QVERIFY2(c->name.startsWith("AT"), c->name.constData());
        for (int d = 0; d < 2; ++d) {
            if (c->dialects & (1 << d)) {
                QVERIFY2(!seenPerDialect[d].contains(c->name), c->name.constData()); // one spec per dialect
                seenPerDialect[d].insert(c->name);
            }
        }
        for (const Signature &s : c->signatures) {
            QVERIFY(!s.params.isEmpty());
            bool sawOptional = false;
            for (const ParamSpec &p : s.params) {
                QVERIFY2(!p.name.isEmpty(), c->name.constData());
                QVERIFY2(p.help, (c->name + ' ' + p.name).constData());
                if (p.isNumeric())
                    QVERIFY2(p.min <= p.max, (c->name + ' ' + p.name).constData());
                if (p.type == ParamType::Enum)
                    QVERIFY2(!p.values.isEmpty(), (c->name + ' ' + p.name).constData());
                // Optional parameters only at the end: the encoder relies on it for trailing drops.
                if (sawOptional)
                    QVERIFY2(p.optional, (c->name + ' ' + p.name).constData());
                sawOptional = sawOptional || p.optional;
            }
        }
    }
}

void tst_CommandCatalog::limitsMatchProtocolPerDialect_data()
{
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<int>("signature");
    QTest::addColumn<QByteArray>("param");
    QTest::addColumn<qint64>("min");
    QTest::addColumn<qint64>("max"); // for strings: maxLength
    const Dialect B = Dialect::Beken, E = Dialect::Esp;
    QTest::newRow("esp CIPSEND length 8192")
        << QByteArray("AT+CIPSEND") << E << 0 << QByteArray("length") << qint64(1) << qint64(8192);
    QTest::newRow("beken CIPSEND length 2048")
        << QByteArray("AT+CIPSEND") << B << 0 << QByteArray("length") << qint64(1) << qint64(2048);
    QTest::newRow("esp CIPSEND link 0..4")
        << QByteArray("AT+CIPSEND") << E << 0 << QByteArray("link_id") << qint64(0) << qint64(4);
    QTest::newRow("beken CIPSEND link 0..5")
        << QByteArray("AT+CIPSEND") << B << 0 << QByteArray("link_id") << qint64(0) << qint64(5);
    QTest::newRow("esp CIPSTART link 0..4")
        << QByteArray("AT+CIPSTART") << E << 0 << QByteArray("link_id") << qint64(0) << qint64(4);
    QTest::newRow("beken CIPSTART link 0..5")
        << QByteArray("AT+CIPSTART") << B << 0 << QByteArray("link_id") << qint64(0) << qint64(5);
    QTest::newRow("CIPSTART keepalive 0..7200")
        << QByteArray("AT+CIPSTART") << B << 0 << QByteArray("keep_alive") << qint64(0) << qint64(7200);
    QTest::newRow("esp CIPCLOSE 5=all") << QByteArray("AT+CIPCLOSE") << E << 0 << QByteArray("link_id") << qint64(0)
                                        << qint64(5);
    QTest::newRow("beken CIPCLOSE 5=all")
        << QByteArray("AT+CIPCLOSE") << B << 0 << QByteArray("link_id") << qint64(0) << qint64(5);
    QTest::newRow("esp PSK 32") << QByteArray("AT+CIPSSLCPSK") << E << 0 << QByteArray("psk") << qint64(0)
                                << qint64(32);
    QTest::newRow("beken PSK 48") << QByteArray("AT+CIPSSLCPSK") << B << 0 << QByteArray("psk") << qint64(0)
                                  << qint64(48);
    QTest::newRow("beken hint 48") << QByteArray("AT+CIPSSLCPSK") << B << 1 << QByteArray("hint") << qint64(0)
                                   << qint64(48);
    QTest::newRow("esp timezone -12..14")
        << QByteArray("AT+CIPSNTPCFG") << E << 0 << QByteArray("timezone") << qint64(-12) << qint64(14);
    QTest::newRow("beken timezone -12..12")
        << QByteArray("AT+CIPSNTPCFG") << B << 0 << QByteArray("timezone") << qint64(-12) << qint64(12);
    QTest::newRow("CIPMUX 0..1") << QByteArray("AT+CIPMUX") << B << 0 << QByteArray("mode") << qint64(0) << qint64(1);
    QTest::newRow("MQTT LinkID only 0") << QByteArray("AT+MQTTUSERCFG") << E << 0 << QByteArray("LinkID") << qint64(0)
                                        << qint64(0);
    QTest::newRow("MQTT scheme 1..10") << QByteArray("AT+MQTTUSERCFG") << E << 0 << QByteArray("scheme") << qint64(1)
                                       << qint64(10);
    QTest::newRow("client_id 256") << QByteArray("AT+MQTTUSERCFG") << E << 0 << QByteArray("client_id") << qint64(0)
                                   << qint64(256);
    QTest::newRow("username 64") << QByteArray("AT+MQTTUSERCFG") << E << 0 << QByteArray("username") << qint64(0)
                                 << qint64(64);
    QTest::newRow("password 64") << QByteArray("AT+MQTTUSERCFG") << E << 0 << QByteArray("password") << qint64(0)
                                 << qint64(64);
    QTest::newRow("cert_key_ID only 0") << QByteArray("AT+MQTTUSERCFG") << E << 0 << QByteArray("cert_key_ID")
                                        << qint64(0) << qint64(0);
    QTest::newRow("CA_ID only 0") << QByteArray("AT+MQTTUSERCFG") << E << 0 << QByteArray("CA_ID") << qint64(0)
                                  << qint64(0);
    QTest::newRow("path 32") << QByteArray("AT+MQTTUSERCFG") << E << 0 << QByteArray("path") << qint64(0) << qint64(32);
    QTest::newRow("keepalive 0..7200") << QByteArray("AT+MQTTCONNCFG") << E << 0 << QByteArray("keepalive") << qint64(0)
                                       << qint64(7200);
    QTest::newRow("clean session 0..1") << QByteArray("AT+MQTTCONNCFG") << E << 0 << QByteArray("disable_clean_session")
                                        << qint64(0) << qint64(1);
    QTest::newRow("lwt_topic 128") << QByteArray("AT+MQTTCONNCFG") << E << 0 << QByteArray("lwt_topic") << qint64(0)
                                   << qint64(128);
    QTest::newRow("lwt_msg 64") << QByteArray("AT+MQTTCONNCFG") << E << 0 << QByteArray("lwt_msg") << qint64(0)
                                << qint64(64);
    QTest::newRow("lwt_qos 0..2") << QByteArray("AT+MQTTCONNCFG") << E << 0 << QByteArray("lwt_qos") << qint64(0)
                                  << qint64(2);
    QTest::newRow("lwt_retain 0..1") << QByteArray("AT+MQTTCONNCFG") << E << 0 << QByteArray("lwt_retain") << qint64(0)
                                     << qint64(1);
    QTest::newRow("alpn_counts 0..5") << QByteArray("AT+MQTTALPN") << E << 0 << QByteArray("alpn_counts") << qint64(0)
                                      << qint64(5);
    QTest::newRow("MQTTCONN host 128") << QByteArray("AT+MQTTCONN") << E << 0 << QByteArray("host") << qint64(1)
                                       << qint64(128);
    QTest::newRow("MQTTCONN port 65535") << QByteArray("AT+MQTTCONN") << E << 0 << QByteArray("port") << qint64(1)
                                         << qint64(65535);
    QTest::newRow("MQTTCONN reconnect 0..1")
        << QByteArray("AT+MQTTCONN") << E << 0 << QByteArray("reconnect") << qint64(0) << qint64(1);
    QTest::newRow("PUB topic 128") << QByteArray("AT+MQTTPUB") << E << 0 << QByteArray("topic") << qint64(1)
                                   << qint64(128);
    QTest::newRow("PUB qos 0..2") << QByteArray("AT+MQTTPUB") << E << 0 << QByteArray("qos") << qint64(0) << qint64(2);
    QTest::newRow("PUBRAW topic 128") << QByteArray("AT+MQTTPUBRAW") << E << 0 << QByteArray("topic") << qint64(1)
                                      << qint64(128);
    QTest::newRow("UNSUB topic 128") << QByteArray("AT+MQTTUNSUB") << E << 0 << QByteArray("topic") << qint64(1)
                                     << qint64(128);
    QTest::newRow("SNTP interval") << QByteArray("AT+CIPSNTPINTV") << E << 0 << QByteArray("interval_second")
                                   << qint64(15) << qint64(4294967);
}

void tst_CommandCatalog::limitsMatchProtocolPerDialect()
{
    QFETCH(QByteArray, command);
    QFETCH(Dialect, dialect);
    QFETCH(int, signature);
    QFETCH(QByteArray, param);
    QFETCH(qint64, min);
    QFETCH(qint64, max);
    const CommandSpec *c = CommandCatalog::builtin().find(command, dialect);
    QVERIFY(c);
    QVERIFY(signature < c->signatures.size());
    const ParamSpec *p = nullptr;
    for (const ParamSpec &x : c->signatures[signature].params)
        if (x.name == param)
            p = &x;
    QVERIFY2(p, param.constData());
    if (p->type == ParamType::String) {
        QCOMPARE(qint64(p->minLength), min);
        QCOMPARE(qint64(p->maxLength), max);
    } else {
        QCOMPARE(p->min, min);
        QCOMPARE(p->max, max);
    }
}

void tst_CommandCatalog::dataPhaseAndQuietEndAreFlagged()
{
    const CommandCatalog &cat = CommandCatalog::builtin();
    QVERIFY(cat.find("AT+CIPSEND", Dialect::Esp)->hasPrompt(CommandForm::Set));
    QVERIFY(cat.find("AT+CIPSEND", Dialect::Beken)->hasPrompt(CommandForm::Set));
    QVERIFY(cat.find("AT+CIPSENDEX", Dialect::Esp)->hasPrompt(CommandForm::Set));
    QVERIFY(cat.find("AT+MQTTPUBRAW", Dialect::Esp)->hasPrompt(CommandForm::Set));
    QVERIFY(!cat.find("AT+MQTTPUB", Dialect::Esp)->hasPrompt(CommandForm::Set));
    QVERIFY(cat.find("AT+CIPSTATUS", Dialect::Beken)->hasQuietEnd(CommandForm::Query));
    QVERIFY(!cat.find("AT+CIPSTATUS", Dialect::Esp)->hasQuietEnd(CommandForm::Execute));
    QVERIFY(cat.find("AT+PING", Dialect::Beken)->hasQuietEnd(CommandForm::Set));
    QVERIFY(!cat.find("AT+PING", Dialect::Esp)->hasQuietEnd(CommandForm::Set));
    // The data-length parameter is marked for the engine.
    QVERIFY(cat.find("AT+MQTTPUBRAW", Dialect::Esp)->param("length")->dataLength);
    QVERIFY(cat.find("AT+CIPSEND", Dialect::Beken)->param("length")->dataLength);
    QCOMPARE(cat.find("AT+CIPSEND", Dialect::Beken)->param("length")->recommendedMax, qint64(1024));
    // Secrets are flagged for redaction.
    QVERIFY(cat.find("AT+CWJAP", Dialect::Esp)->param("pwd")->secret);
    QVERIFY(cat.find("AT+MQTTUSERCFG", Dialect::Esp)->param("password")->secret);
    QVERIFY(cat.find("AT+MQTTPASSWORD", Dialect::Esp)->param("password")->secret);
    QVERIFY(cat.find("AT+CIPSSLCPSK", Dialect::Beken)->param("psk")->secret);
    QVERIFY(!cat.find("AT+CWJAP", Dialect::Esp)->param("ssid")->secret);
}

void tst_CommandCatalog::longRunningCommandsHaveLongerTimeouts()
{
    const CommandCatalog &cat = CommandCatalog::builtin();
    const int basic = cat.find("AT+CIPMUX", Dialect::Esp)->timeoutMs;
    for (const char *n : { "AT+CWJAP", "AT+MQTTCONN", "AT+CIPSTART", "AT+PING" })
        QVERIFY2(cat.find(n, Dialect::Esp)->timeoutMs > basic, n);
    QVERIFY(cat.find("AT+MQTTCONN", Dialect::Esp)->timeoutMs > cat.find("AT+MQTTPUB", Dialect::Esp)->timeoutMs);
}

void tst_CommandCatalog::findIsCaseInsensitiveAndAcceptsWholeLines()
{
    const CommandCatalog &cat = CommandCatalog::builtin();
    QCOMPARE(cat.find("at+cwjap", Dialect::Esp), cat.find("AT+CWJAP", Dialect::Esp));
    QCOMPARE(cat.find("AT+CWJAP=\"a\",\"b\"", Dialect::Esp), cat.find("AT+CWJAP", Dialect::Esp));
    QCOMPARE(cat.find("AT+CIPSTATUS?\r\n", Dialect::Beken), cat.find("AT+CIPSTATUS", Dialect::Beken));
    QVERIFY(cat.find("AT+CIPSTATUS", Dialect::Esp) != cat.find("AT+CIPSTATUS", Dialect::Beken));
    QCOMPARE(cat.find("AT+CIPSEND"), cat.find("AT+CIPSEND", Dialect::Esp));
}

void tst_CommandCatalog::findReturnsNullForUnknownOrOtherDialect()
{
    const CommandCatalog &cat = CommandCatalog::builtin();
    QVERIFY(!cat.find("AT+FAKE", Dialect::Esp));
    QVERIFY(!cat.find("", Dialect::Esp));
    QVERIFY(!cat.find("AT+CIPSENDEX", Dialect::Beken));
    QVERIFY(!cat.find("AT+CIPS", Dialect::Esp)); // prefixes are not names
}

void tst_CommandCatalog::allFiltersByDialect()
{
    const CommandCatalog &cat = CommandCatalog::builtin();
    const auto esp = cat.all(Dialect::Esp);
    const auto bk = cat.all(Dialect::Beken);
    const auto every = cat.all();
    QVERIFY(esp.size() > bk.size());
    QVERIFY(every.size() > esp.size());
    for (const CommandSpec *c : bk)
        QVERIFY(c->supports(Dialect::Beken));
}

void tst_CommandCatalog::completions_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QByteArrayList>("expected");
    QTest::newRow("esp AT+CIPSEND") << QByteArray("AT+CIPSEND") << Dialect::Esp
                                    << QByteArrayList { "AT+CIPSEND", "AT+CIPSENDEX" };
    QTest::newRow("beken AT+CIPSEND") << QByteArray("AT+CIPSEND") << Dialect::Beken << QByteArrayList { "AT+CIPSEND" };
    QTest::newRow("lower-case mqttp") << QByteArray("at+mqttp") << Dialect::Esp
                                      << QByteArrayList { "AT+MQTTPASSWORD", "AT+MQTTPUB", "AT+MQTTPUBRAW" };
    QTest::newRow("without AT+") << QByteArray("cwj") << Dialect::Esp << QByteArrayList { "AT+CWJAP" };
    QTest::newRow("ATE") << QByteArray("ATE") << Dialect::Esp << QByteArrayList { "ATE0", "ATE1" };
    QTest::newRow("beken SNTP") << QByteArray("AT+CIPSNTP") << Dialect::Beken
                                << QByteArrayList { "AT+CIPSNTPCFG", "AT+CIPSNTPTIME" };
    QTest::newRow("esp SNTP") << QByteArray("AT+CIPSNTP") << Dialect::Esp
                              << QByteArrayList { "AT+CIPSNTPCFG", "AT+CIPSNTPINTV", "AT+CIPSNTPTIME" };
    QTest::newRow("nothing") << QByteArray("AT+ZZZ") << Dialect::Esp << QByteArrayList {};
}

void tst_CommandCatalog::completions()
{
    QFETCH(QByteArray, prefix);
    QFETCH(Dialect, dialect);
    QFETCH(QByteArrayList, expected);
    QByteArrayList got;
    for (const CommandSpec *c : CommandCatalog::builtin().completions(prefix, dialect))
        got << c->name;
    QCOMPARE(got, expected);
}

void tst_CommandCatalog::helpTextMentionsRangesAndLengths_data()
{
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<QStringList>("fragments");
    QTest::newRow("esp CIPSEND") << QByteArray("AT+CIPSEND") << Dialect::Esp
                                 << QStringList { "AT+CIPSEND=<link_id>,<length>[,<\"remote_host\">[,<remote_port>]]",
                                                  "AT+CIPSEND=<length>",
                                                  "1..8192",
                                                  "<link_id>  integer 0..4",
                                                  "Execute: AT+CIPSEND",
                                                  "'>'",
                                                  "256 bytes" };
    QTest::newRow("beken CIPSEND") << QByteArray("AT+CIPSEND") << Dialect::Beken
                                   << QStringList { "1..2048", "recommended at most 1024", "integer 0..5" };
    QTest::newRow("MQTTUSERCFG") << QByteArray("AT+MQTTUSERCFG") << Dialect::Esp
                                 << QStringList { "at most 256 bytes",
                                                  "at most 64 bytes",
                                                  "at most 32 bytes",
                                                  "integer 1..10",
                                                  "10: MQTT over WebSocket Secure",
                                                  "secret",
                                                  "only 0" };
    QTest::newRow("beken CIPSTATUS") << QByteArray("AT+CIPSTATUS") << Dialect::Beken
                                     << QStringList { "Query: AT+CIPSTATUS?", "no final result code" };
    QTest::newRow("CWJAP optional") << QByteArray("AT+CWJAP") << Dialect::Esp
                                    << QStringList { "Query: AT+CWJAP?", "<\"ssid\">[,<\"pwd\">", "optional",
                                                     "integer 3..600" };
    QTest::newRow("beken SNTP tz") << QByteArray("AT+CIPSNTPCFG") << Dialect::Beken
                                   << QStringList { "integer -12..12" };
}

void tst_CommandCatalog::helpTextMentionsRangesAndLengths()
{
    QFETCH(QByteArray, command);
    QFETCH(Dialect, dialect);
    QFETCH(QStringList, fragments);
    const CommandCatalog &cat = CommandCatalog::builtin();
    const CommandSpec *c = cat.find(command, dialect);
    QVERIFY(c);
    const QString help = cat.helpText(*c, dialect);
    QVERIFY(help.startsWith(QString::fromLatin1(command)));
    for (const QString &f : fragments)
        QVERIFY2(help.contains(f), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(f, help)));
}

void tst_CommandCatalog::commandName_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("set") << QByteArray("AT+CWJAP=\"a\",\"b\"") << QByteArray("AT+CWJAP");
    QTest::newRow("query") << QByteArray("AT+CIPSTATUS?") << QByteArray("AT+CIPSTATUS");
    QTest::newRow("test") << QByteArray("AT+CWMODE=?") << QByteArray("AT+CWMODE");
    QTest::newRow("execute with CRLF") << QByteArray("AT+GMR\r\n") << QByteArray("AT+GMR");
    QTest::newRow("bare AT") << QByteArray("AT") << QByteArray("AT");
    QTest::newRow("ATE0") << QByteArray("ATE0") << QByteArray("ATE0");
    QTest::newRow("blanks") << QByteArray("  AT+RST  ") << QByteArray("AT+RST");
    QTest::newRow("equals in value") << QByteArray("AT+MQTTPUB=0,\"a=b\",\"?\",0,0") << QByteArray("AT+MQTTPUB");
    QTest::newRow("case kept") << QByteArray("at+gmr") << QByteArray("at+gmr");
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void tst_CommandCatalog::commandName()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, name);
    QCOMPARE(CommandCatalog::commandName(line), name);
}

void tst_CommandCatalog::builtinIsOneInstance()
{
    QCOMPARE(&CommandCatalog::builtin(), &CommandCatalog::builtin());
}

QTEST_APPLESS_MAIN(tst_CommandCatalog)
#include "tst_commandcatalog.moc"
