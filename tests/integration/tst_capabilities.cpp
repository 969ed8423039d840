// Capabilities: the firmware's command list once per connection, AT+CMD? on ESP-AT (filtered
// by dialect, firmware and --disable in the simulator) and test-form probing on Beken.
#include "diagnostics/capabilities.h"
#include "engine/devicesession.h"
#include "simulator/simulatedmodule.h"
#include "transport/pipetransport.h"

#include <QSignalSpy>
#include <QTest>

using namespace atb;

namespace {

// A session on an in-process simulated module with `options`.
struct Rig
{
    explicit Rig(sim::SimulatedModule::Options o)
    {
        o.loopbackOnly = true;
        o.bootDelayMs = 0;
        module = new sim::SimulatedModule(o);
        auto [h, d] = PipeTransport::createPair(QStringLiteral("sim"));
        device = d;
        device->open();
        QObject::connect(device, &Transport::received, module, &sim::SimulatedModule::receiveFromHost);
        QObject::connect(module, &sim::SimulatedModule::sendToHost, device, &Transport::write);
        caps.follow(&session);
        session.openWith([host = h](QObject *parent) {
            host->setParent(parent);
            return host;
        });
        module->start();
    }
    ~Rig()
    {
        session.close();
        module->stop();
        delete module;
        delete device;
    }
    DeviceSession session;
    Capabilities caps;
    sim::SimulatedModule *module = nullptr;
    PipeTransport *device = nullptr;
};

} // namespace

class TstCapabilities : public QObject
{
    Q_OBJECT
private slots:
    void parsesTheCommandList_data();
    void parsesTheCommandList();
    void espListFollowsFirmwareAndDisabled_data();
    void espListFollowsFirmwareAndDisabled();
    void bekenIsProbed();
};

void TstCapabilities::parsesTheCommandList_data()
{
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addColumn<QStringList>("commands");
    QTest::newRow("ESP-AT") << QList<QByteArray> { "+CMD:0,\"AT\",0,0,0,1", "+CMD:1,\"AT+RST\",0,0,0,1", "+CMD:2,\"at+cwjap\",1,1,1,1" }
                            << QStringList { QStringLiteral("AT"), QStringLiteral("AT+CWJAP"), QStringLiteral("AT+RST") };
    QTest::newRow("other lines ignored") << QList<QByteArray> { "AT+CMD?", "+CMD:0,\"AT+GMR\",0,0,0,1", "+CMD:1,broken", "" }
                                         << QStringList { QStringLiteral("AT+GMR") };
}

void TstCapabilities::parsesTheCommandList()
{
    QFETCH(QList<QByteArray>, lines);
    QFETCH(QStringList, commands);
    QStringList got(Capabilities::parseCmdList(lines).cbegin(), Capabilities::parseCmdList(lines).cend());
    got.sort();
    QCOMPARE(got, commands);
}

void TstCapabilities::espListFollowsFirmwareAndDisabled_data()
{
    QTest::addColumn<int>("firmware");
    QTest::addColumn<QStringList>("disabled");
    QTest::addColumn<QString>("present");
    QTest::addColumn<QString>("absent");
    QTest::newRow("2.4 has no CWINIT") << int(sim::EspFirmware::V2_4) << QStringList() << QStringLiteral("AT+CWJAP") << QStringLiteral("AT+CWINIT");
    QTest::newRow("3.2 has CWINIT") << int(sim::EspFirmware::V3_2) << QStringList() << QStringLiteral("AT+CWINIT") << QStringLiteral("AT+NOSUCH");
    QTest::newRow("--disable AT+PING") << int(sim::EspFirmware::V2_4) << QStringList { QStringLiteral("AT+PING") } << QStringLiteral("AT+CIPDOMAIN")
                                       << QStringLiteral("AT+PING");
}

void TstCapabilities::espListFollowsFirmwareAndDisabled()
{
    QFETCH(int, firmware);
    QFETCH(QStringList, disabled);
    QFETCH(QString, present);
    QFETCH(QString, absent);
    sim::SimulatedModule::Options o;
    o.firmware = sim::EspFirmware(firmware);
    o.disabledCommands = disabled;
    Rig rig(o);
    QTRY_COMPARE(rig.session.state(), DeviceSession::State::Connected);
    QVERIFY(!rig.caps.isKnown());
    QVERIFY(rig.caps.supports(absent)); // unknown: assume everything
    QSignalSpy changed(&rig.caps, &Capabilities::changed);
    rig.caps.read(Dialect::Esp);
    QVERIFY(changed.wait(5000));
    QVERIFY(rig.caps.isKnown());
    QCOMPARE(rig.caps.source(), QStringLiteral("AT+CMD?"));
    QVERIFY(rig.caps.supports(present));
    QVERIFY(rig.caps.supports(present.toLower()));
    QVERIFY(!rig.caps.supports(absent));
    QVERIFY(rig.caps.commands().size() > 50);
    rig.session.close();
    QTRY_VERIFY(!rig.caps.isKnown()); // once per connection: forgotten when the link closes
}

void TstCapabilities::bekenIsProbed()
{
    sim::SimulatedModule::Options o;
    o.dialect = sim::Dialect::BekenDoc;
    o.disabledCommands = { QStringLiteral("AT+MQTTCONN") };
    Rig rig(o);
    rig.session.setDialect(Dialect::Beken);
    QTRY_COMPARE(rig.session.state(), DeviceSession::State::Connected);
    QSignalSpy changed(&rig.caps, &Capabilities::changed);
    rig.caps.read(Dialect::Beken);
    QVERIFY(changed.wait(10000));
    QCOMPARE(rig.caps.source(), QStringLiteral("probing"));
    QVERIFY(rig.caps.supports(QStringLiteral("AT+CWLAP")));
    QVERIFY(rig.caps.supports(QStringLiteral("AT+MQTTUSERCFG")));
    QVERIFY(!rig.caps.supports(QStringLiteral("AT+MQTTCONN")));
    QVERIFY(rig.caps.supports(QStringLiteral("AT+SOMETHINGNOTPROBED"))); // not probed: assumed present
    QCOMPARE(rig.module->commandCount(QStringLiteral("AT+CMD")), 0);
}

QTEST_GUILESS_MAIN(TstCapabilities)
#include "tst_capabilities.moc"
