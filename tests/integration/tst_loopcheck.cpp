// LoopCheck end to end: the simulated module (in-process, through the session and MqttService)
// and the app's BrokerClient on a real mosquitto at 127.0.0.1. Both directions byte for byte with
// text, the characters AT+MQTTPUB escapes (, " \) and binary payloads (CR, LF, NUL: sent with
// AT+MQTTPUBRAW) at QoS 0-2; over TLS and WebSocket; a relay that corrupts the module's payloads
// (detected, with the byte); the broker killed mid-run (counted as lost, the run ends within
// seconds, the next run works after a reconnect); the module losing Wi-Fi; continuous mode.
#include "loopbackpeers.h"
#include "mosquittobroker.h"
#include "mqttclient/brokerclient.h"
#include "mqttclient/localbroker.h"
#include "mqttclient/loopcheck.h"
#include "mqttclient/modulebrokersetup.h"
#include "services/mqttservice.h"
#include "simharness.h"
#include "testca.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

using namespace atb;

namespace {

// The module, the app's client and the loop check, wired as the app wires them.
struct Rig
{
    Rig() : mqtt(&sim.session, &sim.model), setup(&mqtt, &sim.model), loop(&sim.session, &mqtt, &client, &sim.model)
    {
        QObject::connect(&loop, &LoopCheck::event, &loop, [this](const LoopEvent &e) { events << e; });
    }

    bool ready() { return sim.ready(); }

    // The module's MQTT client to the broker (ModuleBrokerSetup), the app's client too.
    bool connectBoth(const BrokerSettings &app, const BrokerSettings &module)
    {
        QSignalSpy done(&setup, &ModuleBrokerSetup::finished);
        if (!setup.start(ModuleBrokerSetup::configFor(module), ModuleBrokerSetup::connectFor(module)))
            return false;
        if (!done.wait(15000) || !done[0][0].toBool()) {
            qWarning() << "module:" << (done.isEmpty() ? QString() : done[0][1].toString());
            return false;
        }
        if (client.isConnected() && client.settings() == app)
            return true;
        QSignalSpy up(&client, &BrokerClient::connected);
        QString error;
        if (!client.connectToBroker(app, &error)) {
            qWarning() << "app:" << error;
            return false;
        }
        return up.wait(10000);
    }

    // Runs to the end; the verdict's pass/fail.
    bool run(const LoopSettings &s, int timeoutMs = 30000)
    {
        QSignalSpy finished(&loop, &LoopCheck::finished);
        QString error;
        if (!loop.start(s, &error)) {
            qWarning() << "start:" << error;
            return false;
        }
        if (!finished.wait(timeoutMs)) {
            qWarning() << "no verdict within" << timeoutMs << "ms";
            return false;
        }
        return finished[0][0].toBool();
    }

    // Command lines the module received that start with `prefix` (after a raw payload, which
    // does not end in CR LF, the next line starts behind the payload's last bytes).
    QList<QByteArray> sentLines(const QByteArray &prefix) const
    {
        QList<QByteArray> out;
        for (const QByteArray &l : sim.sent)
            if (const qsizetype i = l.indexOf(prefix); i >= 0)
                out << l.mid(i);
        return out;
    }

    SimHarness sim { sim::Dialect::Esp, true };
    MqttService mqtt;
    BrokerClient client;
    ModuleBrokerSetup setup;
    LoopCheck loop;
    QList<LoopEvent> events;
};

BrokerSettings at(quint16 port, BrokerSettings::Transport t = BrokerSettings::Transport::Tcp)
{
    BrokerSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = port;
    s.transport = t;
    return s;
}

LoopSettings quick(int count = 10, LoopSettings::Content content = LoopSettings::Content::Special, int qos = 0);

// A run long enough to break something in the middle of; a broker gone for 1.5 s ends it.
LoopSettings longRun()
{
    LoopSettings s = quick(1000);
    s.rate = 40;
    s.brokerLossEndMs = 1500;
    return s;
}

LoopSettings quick(int count, LoopSettings::Content content, int qos)
{
    LoopSettings s;
    s.topicPrefix = LoopSettings::randomPrefix();
    s.count = count;
    s.rate = 50;
    s.size = 48;
    s.qos = qos;
    s.content = content;
    s.lossTimeoutMs = 3000;
    return s;
}

} // namespace

class tst_LoopCheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString missing = mqtttest::missingTools();
        if (!missing.isEmpty())
            QFAIL(qPrintable(QStringLiteral("required tools missing: ") + missing)); // setup-deps installs them
    }

    void headersRoundTrip_data()
    {
        QTest::addColumn<bool>("up");
        QTest::addColumn<int>("run");
        QTest::addColumn<int>("seq");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("content");
        QTest::newRow("up text") << true << 0xbeef << 0 << 17 << int(LoopSettings::Content::Text);
        QTest::newRow("down special") << false << 1 << 99999999 << 200 << int(LoopSettings::Content::Special);
        QTest::newRow("binary") << true << 0xffff << 12345 << 1000 << int(LoopSettings::Content::Binary);
    }
    void headersRoundTrip()
    {
        QFETCH(bool, up);
        QFETCH(int, run);
        QFETCH(int, seq);
        QFETCH(int, size);
        QFETCH(int, content);
        const QByteArray p = LoopCheck::makePayload(up, quint16(run), quint32(seq), size, LoopSettings::Content(content));
        QCOMPARE(p.size(), size);
        bool gotUp = !up;
        quint16 gotRun = 0;
        quint32 gotSeq = 0;
        QVERIFY(LoopCheck::parseHeader(p, &gotUp, &gotRun, &gotSeq));
        QCOMPARE(gotUp, up);
        QCOMPARE(int(gotRun), run);
        QCOMPARE(int(gotSeq), seq);
        if (LoopSettings::Content(content) == LoopSettings::Content::Binary && size > 60) {
            QVERIFY(p.contains('\0'));
            QVERIFY(p.contains("\r\n"));
        }
        if (LoopSettings::Content(content) == LoopSettings::Content::Special && size > 60) {
            QVERIFY(p.contains(','));
            QVERIFY(p.contains('"'));
            QVERIFY(p.contains('\\'));
        }
    }

    void badHeadersAreRefused_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("short") << QByteArray("ATBu0000000");
        QTest::newRow("no bar") << QByteArray("ATBu000000000001xyz");
        QTest::newRow("direction") << QByteArray("ATBx00000000001|");
        QTest::newRow("seq not digits") << QByteArray("ATBu00000000+001|");
        QTest::newRow("other") << QByteArray("hello world, this is long");
    }
    void badHeadersAreRefused()
    {
        QFETCH(QByteArray, payload);
        bool up = false;
        quint16 run = 0;
        quint32 seq = 0;
        QVERIFY(!LoopCheck::parseHeader(payload, &up, &run, &seq));
    }

    void settingsAreValidated_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<double>("rate");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("too small") << 16 << 5.0 << "a" << QByteArray("size");
        QTest::newRow("rate 0") << 32 << 0.0 << "a" << QByteArray("rate");
        QTest::newRow("wildcard") << 32 << 5.0 << "a/#" << QByteArray("topic");
        QTest::newRow("no prefix") << 32 << 5.0 << "" << QByteArray("topic");
    }
    void settingsAreValidated()
    {
        QFETCH(int, size);
        QFETCH(double, rate);
        QFETCH(QString, prefix);
        QFETCH(QByteArray, field);
        LoopSettings s;
        s.size = size;
        s.rate = rate;
        s.topicPrefix = prefix;
        QByteArray got;
        QVERIFY(!s.validate(&got).isEmpty());
        QCOMPARE(got, field);
    }

    void refusesToStartUnconnected()
    {
        Rig r;
        QVERIFY(r.ready());
        QString error;
        QVERIFY(!r.loop.start(quick(), &error));
        QVERIFY(error.contains(QLatin1String("app's MQTT client")));
        QCOMPARE(r.loop.phase(), LoopCheck::Phase::Idle);
    }

    // Both directions, byte for byte, whatever the payload is made of, at every QoS.
    void bothWaysByteExact_data()
    {
        QTest::addColumn<int>("content");
        QTest::addColumn<int>("qos");
        QTest::addColumn<QByteArray>("moduleCommand");
        QTest::newRow("text qos 0") << int(LoopSettings::Content::Text) << 0 << QByteArray("AT+MQTTPUB=");
        QTest::newRow("commas quotes qos 1") << int(LoopSettings::Content::Special) << 1 << QByteArray("AT+MQTTPUB=");
        QTest::newRow("CR LF NUL qos 2") << int(LoopSettings::Content::Binary) << 2 << QByteArray("AT+MQTTPUBRAW=");
    }
    void bothWaysByteExact()
    {
        QFETCH(int, content);
        QFETCH(int, qos);
        QFETCH(QByteArray, moduleCommand);
        mqtttest::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        Rig r;
        QVERIFY(r.ready());
        QVERIFY(r.connectBoth(at(broker.port()), at(broker.port())));
        const LoopSettings s = quick(10, LoopSettings::Content(content), qos);
        QVERIFY2(r.run(s), qPrintable(r.loop.verdictText()));
        const LoopStats st = r.loop.stats();
        for (const LoopDirectionStats &d : { st.moduleToApp, st.appToModule }) {
            QCOMPARE(d.sent, 10);
            QCOMPARE(d.received, 10);
            QCOMPARE(d.lost, 0);
            QCOMPARE(d.corrupted, 0);
            QCOMPARE(d.duplicated, 0);
            QCOMPARE(d.pending, 0);
            QVERIFY(d.latencyMinMs >= 0);
            QVERIFY(d.latencyMinMs <= d.latencyMedianMs && d.latencyMedianMs <= d.latencyP99Ms
                    && d.latencyP99Ms <= d.latencyMaxMs);
            QVERIFY(d.appMedianMs >= 0);
        }
        QVERIFY(r.loop.verdictText().startsWith(QLatin1String("pass")));
        // The module published with the command the payload needs, and was subscribed and
        // unsubscribed again.
        QCOMPARE(r.sentLines(moduleCommand).size(), 10);
        QVERIFY(r.sim.drain());
        QCOMPARE(r.sentLines("AT+MQTTSUB=").size(), 1);
        QCOMPARE(r.sentLines("AT+MQTTUNSUB=").size(), 1);
        if (content == int(LoopSettings::Content::Special))
            QVERIFY(r.sentLines("AT+MQTTPUB=").first().contains("\\,"));
        // The feed events: what was sent is what arrived.
        int received = 0;
        for (const LoopEvent &e : std::as_const(r.events))
            if (e.kind == LoopEvent::Kind::Received) {
                bool up = false;
                quint16 run = 0;
                quint32 seq = 0;
                QVERIFY(LoopCheck::parseHeader(e.payload, &up, &run, &seq));
                QCOMPARE(up, e.moduleToApp);
                ++received;
            }
        QCOMPARE(received, 20);
    }

    void overTls()
    {
        testca::TestCa ca;
        QString error = ca.make();
        if (!error.isEmpty())
            QSKIP(qPrintable(error));
        mqtttest::MosquittoBroker broker;
        QVERIFY2(broker.start(&error, ca.mosquittoTlsLines()), qPrintable(error));
        Rig r;
        QVERIFY(r.ready());
        BrokerSettings app = at(broker.port(), BrokerSettings::Transport::Tls);
        app.caFile = ca.caFile();
        BrokerSettings module = app;
        module.verifyServer = false; // scheme 2: the module has no copy of this CA
        QVERIFY(r.connectBoth(app, module));
        QVERIFY(r.sentLines("AT+MQTTUSERCFG=0,2,").size() == 1);
        QVERIFY2(r.run(quick(5, LoopSettings::Content::Binary, 1)), qPrintable(r.loop.verdictText()));
    }

    void overWebSocket()
    {
        LocalBroker local;
        QSignalSpy started(&local, &LocalBroker::started);
        local.start(true);
        QVERIFY(started.wait(10000));
        if (!local.webSocketPort())
            QSKIP(qPrintable(local.webSocketNote()));
        Rig r;
        QVERIFY(r.ready());
        BrokerSettings ws = at(local.webSocketPort(), BrokerSettings::Transport::WebSocket);
        ws.path = local.webSocketPath();
        QVERIFY(r.connectBoth(ws, ws)); // both ends over WebSocket (scheme 6)
        QCOMPARE(r.sentLines("AT+MQTTUSERCFG=0,6,").size(), 1);
        QVERIFY2(r.run(quick(5, LoopSettings::Content::Special, 0)), qPrintable(r.loop.verdictText()));
    }

    // A relay on the module's way to the broker changes one byte of every payload: each is
    // counted corrupted, with the byte, and the verdict fails.
    void corruptedPayloadsAreDetected()
    {
        mqtttest::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        TcpRelay relay(broker.port());
        relay.rewriteUp = [](const QByteArray &d) {
            QByteArray out = d;
            return out.replace("xyz0", "xyZ0"); // in every text payload of 100 bytes
        };
        Rig r;
        QVERIFY(r.ready());
        QVERIFY(r.connectBoth(at(broker.port()), at(relay.port())));
        LoopSettings s = quick(5, LoopSettings::Content::Text);
        s.size = 100;
        QVERIFY(!r.run(s));
        const LoopStats st = r.loop.stats();
        QCOMPARE(st.moduleToApp.corrupted, 5);
        QCOMPARE(st.moduleToApp.received, 0);
        QCOMPARE(st.appToModule.received, 5); // the other way is untouched
        QVERIFY(r.loop.verdictText().startsWith(QLatin1String("fail")));
        QVERIFY(r.loop.verdictText().contains(QLatin1String("corrupted")));
        bool noted = false;
        for (const LoopEvent &e : std::as_const(r.events))
            noted = noted || (e.kind == LoopEvent::Kind::Corrupted && e.note.contains(QLatin1String("differs")));
        QVERIFY(noted);
    }

    // The broker killed mid-run: what is outstanding is lost, the run ends within seconds with
    // the reason, and once the broker is back (same port) and the module reconnected, the
    // next run passes.
    void brokerKilledMidRun()
    {
        mqtttest::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        Rig r;
        QVERIFY(r.ready());
        QVERIFY(r.connectBoth(at(broker.port()), at(broker.port())));
        QSignalSpy finished(&r.loop, &LoopCheck::finished);
        QSignalSpy problems(&r.loop, &LoopCheck::problem);
        QVERIFY(r.loop.start(longRun(), &error));
        QTRY_VERIFY_WITH_TIMEOUT(r.loop.stats().moduleToApp.received >= 10 && r.loop.stats().appToModule.received >= 10,
                                 15000);
        QElapsedTimer t;
        t.start();
        broker.kill();
        QVERIFY(finished.wait(10000));
        QVERIFY2(t.elapsed() < 8000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(!finished[0][0].toBool());
        QVERIFY(!problems.isEmpty());
        QVERIFY2(problems[0][0].toString().contains(QLatin1String("broker")), qPrintable(problems[0][0].toString()));
        const LoopStats st = r.loop.stats();
        QVERIFY(st.moduleToApp.sent < 1000);
        QCOMPARE(st.moduleToApp.pending + st.appToModule.pending, 0);
        QCOMPARE(st.moduleToApp.received + st.moduleToApp.lost, st.moduleToApp.sent);
        QCOMPARE(st.appToModule.received + st.appToModule.lost, st.appToModule.sent);
        QVERIFY(st.moduleToApp.lost + st.appToModule.lost > 0);
        QVERIFY(r.loop.verdictText().contains(QLatin1String("broker")));

        QVERIFY2(broker.restart(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(r.client.isConnected(), 15000); // the app's client by itself
        QVERIFY(r.connectBoth(at(broker.port()), at(broker.port()))); // the module: released, connected again
        QVERIFY2(r.run(quick(5)), qPrintable(r.loop.verdictText()));
    }

    // The module loses Wi-Fi mid-run: its MQTT client goes (state 3), its publishes fail and
    // the run ends, saying it was the module's side.
    void moduleLosesWifi()
    {
        mqtttest::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        Rig r;
        QVERIFY(r.ready());
        QVERIFY(r.connectBoth(at(broker.port()), at(broker.port())));
        QSignalSpy finished(&r.loop, &LoopCheck::finished);
        QSignalSpy problems(&r.loop, &LoopCheck::problem);
        QVERIFY(r.loop.start(longRun(), &error));
        QTRY_VERIFY_WITH_TIMEOUT(r.loop.stats().moduleToApp.received >= 5, 15000);
        QVERIFY(r.sim.module->injectFault(QStringLiteral("wifi-drop")));
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished[0][0].toBool());
        QVERIFY(!problems.isEmpty());
        QVERIFY2(problems[0][0].toString().contains(QLatin1String("module")), qPrintable(problems[0][0].toString()));
        QCOMPARE(r.sim.model.mqtt().state, 3);
        const LoopStats st = r.loop.stats();
        QVERIFY(st.moduleToApp.lost + st.appToModule.lost > 0);
        QCOMPARE(st.moduleToApp.received + st.moduleToApp.lost, st.moduleToApp.sent);
    }

    // Continuous: runs until stopped, then drains; the figures add up.
    void continuousUntilStopped()
    {
        mqtttest::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        Rig r;
        QVERIFY(r.ready());
        QVERIFY(r.connectBoth(at(broker.port()), at(broker.port())));
        LoopSettings s = quick(0);
        s.rate = 100;
        QSignalSpy finished(&r.loop, &LoopCheck::finished);
        QVERIFY(r.loop.start(s, &error));
        QTRY_VERIFY_WITH_TIMEOUT(r.loop.stats().appToModule.received >= 50, 15000);
        QCOMPARE(r.loop.phase(), LoopCheck::Phase::Running);
        r.loop.stop();
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished[0][0].toBool(), qPrintable(r.loop.verdictText()));
        const LoopStats st = r.loop.stats();
        QCOMPARE(st.moduleToApp.received, st.moduleToApp.sent);
        QCOMPARE(st.appToModule.received, st.appToModule.sent);
        QCOMPARE(st.appToModule.outOfOrder, 0);
        QVERIFY(st.elapsedS > 0.3);
    }

    void previewShowsTheModulesCommands()
    {
        Rig r;
        LoopSettings s = quick(1, LoopSettings::Content::Binary);
        const QList<QByteArray> lines = r.loop.previewLines(s);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith("AT+MQTTSUB=0,\"" + s.topicPrefix.toUtf8() + "/down\""));
        QVERIFY(lines[1].startsWith("AT+MQTTPUBRAW=0,\"" + s.topicPrefix.toUtf8() + "/up\",48,"));
        QVERIFY(lines[2].startsWith("AT+MQTTUNSUB="));
    }
};

QTEST_GUILESS_MAIN(tst_LoopCheck)
#include "tst_loopcheck.moc"
