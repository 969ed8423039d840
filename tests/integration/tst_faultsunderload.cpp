// Simulator faults under load: while the throughput lab sends (normal-mode CIPSEND to its
// PC-side sink) and an MQTT subscription receives a sequence-numbered load from a local
// mosquitto, the module garbles or drops bytes, loses its broker, or resets. For each fault,
// counted rather than eyeballed:
// - the app reports it: a failed command or lab run, a problem in the session log, the MQTT
//   state going to 3 (disconnected), or the module's "ready";
// - nothing the app reported as delivered is lost: every chunk the module answered SEND OK to
//   is at the sink, in order and intact, and no MQTT message arrives twice or out of the load;
// - it recovers without a restart: on the same session, a new lab run completes loss-free and
//   every MQTT message published after recovery arrives (after a reset the user connects MQTT
//   again from the MQTT page; after a broker loss with reconnect=1 the module does it itself).
#include "mosquittobroker.h"
#include "mqttload.h"
#include "services/mqttservice.h"
#include "services/throughputlab.h"
#include "simharness.h"

#include <QSignalSpy>
#include <QTest>

using atb::AtResult;
using atb::LabResult;
using atb::LabSettings;
using atb::LogRecord;
using atb::MqttMessage;
using atb::MqttService;
using atb::OperationResult;
using atb::ThroughputLab;

namespace {

const QString kLoadTopic = QStringLiteral("bench/faults/load");
constexpr int kLoadPerS = 100;

enum class FaultKind { Garble, Drop, BrokerLoss, Reset };

// Everything the app told its user while a fault was active.
struct Reports
{
    int failedCommands = 0, logProblems = 0, mqttDisconnected = 0, moduleReady = 0;
    int total() const { return failedCommands + logProblems + mqttDisconnected + moduleReady; }
};

bool runMqttOp(MqttService &svc, const std::function<atb::OperationPlan()> &call, QString *why)
{
    QSignalSpy spy(&svc, &MqttService::finished);
    const atb::OperationPlan p = call();
    if (!p.error.isEmpty()) {
        *why = p.error;
        return false;
    }
    if (!spy.wait(15000) && spy.isEmpty()) {
        *why = QStringLiteral("no answer");
        return false;
    }
    const auto r = spy.first().first().value<OperationResult>();
    *why = r.message;
    return r.ok;
}

bool connectMqtt(MqttService &svc, quint16 port, QString *why)
{
    atb::MqttConfig c;
    c.clientId = QStringLiteral("faults-under-load");
    c.keepAlive = 60;
    return runMqttOp(svc, [&] { return svc.configure(c); }, why)
        && runMqttOp(svc, [&] { return svc.connectToBroker({ QStringLiteral("127.0.0.1"), port, true }); }, why)
        && runMqttOp(svc, [&] { return svc.subscribe(kLoadTopic, 0); }, why);
}

LabSettings labSettings(int durationMs)
{
    LabSettings s;
    s.mode = LabSettings::Mode::SendNormal;
    s.chunkSize = 2048;
    s.durationMs = durationMs;
    s.baud = 921600;
    s.peerAddress = QStringLiteral("127.0.0.1");
    return s;
}

} // namespace

Q_DECLARE_METATYPE(FaultKind)

class TstFaultsUnderLoad : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void faultIsReportedLosesNothingAndRecovers_data();
    void faultIsReportedLosesNothingAndRecovers();
};

void TstFaultsUnderLoad::initTestCase()
{
    const QString missing = mqtttest::missingTools();
    if (!missing.isEmpty())
        QSKIP(qPrintable(QStringLiteral("MQTT tools missing: %1 (Debian: mosquitto, mosquitto-clients)").arg(missing)));
}

void TstFaultsUnderLoad::faultIsReportedLosesNothingAndRecovers_data()
{
    QTest::addColumn<FaultKind>("fault");
    QTest::newRow("garbled bytes") << FaultKind::Garble;
    QTest::newRow("dropped bytes") << FaultKind::Drop;
    QTest::newRow("broker lost") << FaultKind::BrokerLoss;
    QTest::newRow("module reset") << FaultKind::Reset;
}

void TstFaultsUnderLoad::faultIsReportedLosesNothingAndRecovers()
{
    QFETCH(FaultKind, fault);
    mqtttest::MosquittoBroker broker;
    QString why;
    QVERIFY2(broker.start(&why), qPrintable(why));
    SimHarness h(atb::sim::Dialect::Esp, true);
    QVERIFY(h.ready());
    MqttService mqtt(&h.session, &h.model);
    QVERIFY2(connectMqtt(mqtt, broker.port(), &why), qPrintable(why));
    mqtttest::SequenceTally tally;
    connect(&mqtt, &MqttService::messageReceived, this, [&tally](const MqttMessage &m) {
        if (m.topic == kLoadTopic)
            tally.add(m.payload);
    });
    mqtttest::MqttLoad load;
    QVERIFY2(load.connectTo(broker.port(), &why), qPrintable(why));
    load.start(kLoadTopic, kLoadPerS);

    // What the app reports, counted only while `watching`.
    bool watching = false;
    Reports reports;
    qint64 okBytes = 0; // payload the module answered SEND OK to, in the run under fault
    connect(&h.session, &atb::DeviceSession::commandFinished, this, [&](const AtResult &r) {
        if (r.command.line.startsWith("AT+CIPSEND=") && r.ok())
            okBytes += r.command.payload.size();
        if (watching && !r.ok())
            ++reports.failedCommands;
    });
    connect(h.session.log(), &atb::SessionLog::recordsAppended, this, [&](const QList<LogRecord> &records) {
        for (const LogRecord &r : records)
            if (watching && (r.failure || r.kind == LogRecord::Kind::Error))
                ++reports.logProblems;
    });
    connect(&h.session, &atb::DeviceSession::urcReceived, this, [&](const atb::AtEvent &e) {
        if (!watching)
            return;
        if (e.text.trimmed() == "ready")
            ++reports.moduleReady;
        if (e.name == "+MQTTDISCONNECTED:")
            ++reports.mqttDisconnected;
    });

    // The load reaches the app before anything goes wrong.
    QTRY_VERIFY_WITH_TIMEOUT(tally.received > 20, 10000);

    // A lab run, with the fault injected in its middle.
    ThroughputLab lab(&h.session);
    lab.setDrainTimeout(2000);
    QSignalSpy labDone(&lab, &ThroughputLab::finished);
    okBytes = 0;
    QVERIFY(lab.start(labSettings(2500)).ok());
    QTRY_VERIFY_WITH_TIMEOUT(okBytes > 20 * 2048, 10000); // streaming
    watching = true;
    atb::sim::SimulatedModule *m = h.module;
    switch (fault) {
    case FaultKind::Garble:
        m->setGarbleProbability(0.01);
        QTest::qWait(300);
        m->setGarbleProbability(0);
        break;
    case FaultKind::Drop:
        m->setDropProbability(0.01);
        QTest::qWait(300);
        m->setDropProbability(0);
        break;
    case FaultKind::BrokerLoss:
        m->dropBrokerConnection();
        break;
    case FaultKind::Reset:
        m->resetSpontaneously();
        break;
    }
    QVERIFY(labDone.wait(30000) || !labDone.isEmpty());
    const LabResult run = labDone.first().first().value<LabResult>();
    if (!run.ok) // the run itself ending in an error is a report too
        ++reports.failedCommands;
    // Settle: what the fault broke has been answered or timed out (the queue's own timeouts).
    QTRY_VERIFY_WITH_TIMEOUT(h.session.state() == atb::DeviceSession::State::Connected && h.drain(), 20000);
    watching = false;

    // 1. Reported.
    QVERIFY2(reports.total() > 0, "the fault went unreported");
    if (fault == FaultKind::BrokerLoss)
        QVERIFY(reports.mqttDisconnected > 0);
    if (fault == FaultKind::Reset)
        QVERIFY(reports.moduleReady > 0);

    // 2. Nothing reported as delivered is lost: every SEND OK'd byte is at the sink, in order.
    const qint64 reportedDelivered = okBytes;
    QVERIFY2(run.deliveredBytes >= okBytes,
             qPrintable(QStringLiteral("sink has %1 B, SEND OK for %2 B").arg(run.deliveredBytes).arg(okBytes)));
    QCOMPARE(run.badBytes, 0);
    QCOMPARE(run.integrityErrors, 0);
    // A digit garbled on the UART can turn a message's sequence number into one already seen: a
    // damaged payload, not a message delivered twice. Without garbling none may repeat.
    if (fault != FaultKind::Garble)
        QCOMPARE(tally.duplicates, 0);

    // 3. Recovery on the same session: MQTT again (the user reconnects after a reset; a lost
    // broker comes back by itself with reconnect=1) ...
    if (fault == FaultKind::Reset) {
        QTRY_VERIFY_WITH_TIMEOUT(h.model.wifi().gotIp, 10000); // the module rejoins its stored AP
        QVERIFY2(connectMqtt(mqtt, broker.port(), &why), qPrintable(why));
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(h.model.mqtt().state >= 4, 15000);
    }
    // ... every message published from now on arrives ...
    QTest::qWait(300); // the subscription is in place at the broker
    const qint64 from = load.sent();
    QTest::qWait(1000);
    const qint64 to = load.sent();
    QVERIFY(to > from);
    QTRY_COMPARE_WITH_TIMEOUT(tally.missingIn(from, to), 0, 10000);
    // ... and a new lab run completes without loss.
    labDone.clear();
    QVERIFY(lab.start(labSettings(700)).ok());
    QVERIFY(labDone.wait(30000) || !labDone.isEmpty());
    const LabResult again = labDone.first().first().value<LabResult>();
    QVERIFY2(again.ok && again.lossFree() && again.chunks > 0, qPrintable(again.message));
    if (fault != FaultKind::Garble)
        QCOMPARE(tally.duplicates, 0);
    // Only bytes garbled or dropped on the UART can damage a message's payload (AT has no
    // checksum there; a payload short of a byte takes the CR after it: "0000009\r").
    if (fault != FaultKind::Garble && fault != FaultKind::Drop)
        QCOMPARE(tally.malformed, 0);
    qInfo("%s: reports %d (failed commands %d, log problems %d, MQTT disconnected %d, ready %d); "
          "SEND OK %lld B, sink %lld B; MQTT %lld received, %lld malformed; recovery run %lld B",
          QTest::currentDataTag(), reports.total(), reports.failedCommands, reports.logProblems, reports.mqttDisconnected,
          reports.moduleReady, reportedDelivered, run.deliveredBytes, tally.received, tally.malformed, again.deliveredBytes);
}

QTEST_GUILESS_MAIN(TstFaultsUnderLoad)
#include "tst_faultsunderload.moc"
