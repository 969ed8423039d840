// The host stack (QSerialPort, framer, parser, queue, session, model) against atbench-sim on a
// real pseudo-terminal: two independent implementations of the wire meet. Peers run on
// 127.0.0.1 only.
#include "engine/devicesession.h"
#include "loopbackpeers.h"
#include "model/devicemodel.h"
#include "protocol/atparser.h"
#include "ptysim.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace atb;

namespace {

using simtest::simBinary;
using Sim = simtest::SimProcess;

struct Host
{
    DeviceSession session;
    DeviceModel model;
    QList<AtResult> results;
    QList<AtEvent> urcs;

    Host()
    {
        model.follow(&session);
        QObject::connect(&session, &DeviceSession::commandFinished, [this](const AtResult &r) { results << r; });
        QObject::connect(&session, &DeviceSession::urcReceived, [this](const AtEvent &e) { urcs << e; });
    }

    bool open(const QString &link, int baud)
    {
        SerialSettings s;
        s.portName = link;
        s.baudRate = baud;
        session.openSerial(s);
        return QTest::qWaitFor([this] { return session.state() == DeviceSession::State::Connected; }, 5000);
    }

    // Runs one command to completion.
    AtResult run(const QByteArray &line, const QByteArray &payload = {}, bool beken = false)
    {
        AtCommand c = AtCommand::fromLine(line, beken);
        c.payload = payload;
        const int before = results.size();
        session.submit(c);
        if (!QTest::qWaitFor([&] { return results.size() > before; }, c.timeoutMs + 5000)) {
            AtResult r;
            r.message = QStringLiteral("test: no result");
            r.status = AtResult::Status::Timeout;
            return r;
        }
        return results.last();
    }
};

#define RUN_OK(host, ...)                                                                          \
    do {                                                                                           \
        const AtResult r_ = (host).run(__VA_ARGS__);                                               \
        QVERIFY2(r_.ok(), qPrintable(QString::fromUtf8(r_.command.line) + QStringLiteral(" -> ")    \
                                     + AtResult::statusName(r_.status) + QLatin1Char(' ')          \
                                     + QString::fromUtf8(r_.finalText) + QLatin1Char(' ') + r_.message)); \
    } while (0)

} // namespace

class tst_HostSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!QFile::exists(simBinary()))
            QFAIL("atbench-sim was not built");
    }

    void espStartupSequenceAndTcpEcho_data()
    {
        QTest::addColumn<int>("baud");
        QTest::newRow("unthrottled") << 0;
        QTest::newRow("921600") << 921600;
    }

    void espStartupSequenceAndTcpEcho()
    {
        QFETCH(int, baud);
        TcpPeer echo;
        QVERIFY(echo.isListening());
        Sim sim;
        const QString record = sim.path(QStringLiteral("rec.jsonl"));
        QVERIFY(sim.start({ QStringLiteral("--baud"), QString::number(baud), QStringLiteral("--record"), record }));
        Host h;
        QVERIFY(h.open(sim.link(), baud ? baud : 115200));
        RUN_OK(h, "AT");
        RUN_OK(h, "ATE0");
        QCOMPARE(h.session.dialect(), Dialect::Esp);
        const AtResult gmr = h.run("AT+GMR");
        QVERIFY(gmr.ok());
        QVERIFY(!gmr.lines.isEmpty());
        QVERIFY(!h.model.firmware().isEmpty());
        RUN_OK(h, "AT+CWMODE=1");
        RUN_OK(h, "AT+CIPMUX=1");
        QCOMPARE(h.model.cipMux(), 1);
        RUN_OK(h, "AT+CIPDINFO=1");
        RUN_OK(h, "AT+CWJAP=\"BenchAP\",\"12345678\"");
        QVERIFY(h.model.wifi().gotIp);
        RUN_OK(h, "AT+CIPSTART=0,\"TCP\",\"127.0.0.1\"," + QByteArray::number(echo.serverPort()));
        QCOMPARE(h.model.links().size(), 1);
        const QByteArray payload("he\r\nOK\r\n,\"llo", 13);
        RUN_OK(h, "AT+CIPSEND=0,13", payload);
        QVERIFY(QTest::qWaitFor([&] {
            for (const AtEvent &e : h.urcs)
                if (e.name == "+IPD" && e.payload == payload)
                    return true;
            return false;
        }, 5000));
        const auto it = std::find_if(h.urcs.begin(), h.urcs.end(), [](const AtEvent &e) { return e.name == "+IPD"; });
        QCOMPARE(it->link, 0);
        QCOMPARE(it->remoteIp, QByteArray("127.0.0.1"));
        QCOMPARE(it->remotePort, int(echo.serverPort()));
        RUN_OK(h, "AT+CIPCLOSE=0");
        QVERIFY(QTest::qWaitFor([&] { return h.model.links().isEmpty(); }, 2000));
        // A wrong password is a decoded failure, and the model remembers why.
        const AtResult bad = h.run("AT+CWJAP=\"BenchAP\",\"wrong\"");
        QCOMPARE(bad.status, AtResult::Status::Error);
        QCOMPARE(h.model.wifi().lastJoinError, 2);

        // The simulator's record, decoded by the host parser, contains the same +IPD.
        h.session.close();
        sim.process().terminate();
        QVERIFY(sim.process().waitForFinished(5000));
        QProcess extract;
        extract.start(simBinary(), { QStringLiteral("--extract-device-bytes"), record,
                                     sim.path(QStringLiteral("device.bin")) });
        QVERIFY(extract.waitForFinished(5000));
        QCOMPARE(extract.exitCode(), 0);
        QFile f(sim.path(QStringLiteral("device.bin")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        struct Sink : AtEventSink
        {
            int ipd = 0;
            QByteArray payload;
            void onEvent(const AtEventView &e) override
            {
                if (e.name == "+IPD") {
                    ++ipd;
                    payload = e.payload.toByteArray();
                }
            }
        } sink;
        AtParser parser(&sink);
        parser.feed(f.readAll());
        parser.finish();
        QCOMPARE(sink.ipd, 1);
        QCOMPARE(sink.payload, payload);
    }

    void busyIsRetriedAgainstTheSimulator()
    {
        Sim sim;
        QVERIFY(sim.start({ QStringLiteral("--baud"), QStringLiteral("0"), QStringLiteral("--fault"), QStringLiteral("busy:2") }));
        Host h;
        QVERIFY(h.open(sim.link(), 115200));
        const AtResult r = h.run("AT");
        QVERIFY(r.ok());
        QCOMPARE(r.attempts, 3);
    }

    void errCodesAreFoldedAndDecoded()
    {
        Sim sim;
        QVERIFY(sim.start({ QStringLiteral("--baud"), QStringLiteral("0") }));
        Host h;
        QVERIFY(h.open(sim.link(), 115200));
        RUN_OK(h, "AT+SYSLOG=1");
        const AtResult r = h.run("AT+MQTTCONN=0,\"127.0.0.1\",1883,0"); // state 0: not configured
        QCOMPARE(r.status, AtResult::Status::Error);
        QVERIFY(!r.errCodes.isEmpty());
        QCOMPARE(r.errCodes.last() & 0xffff, 0x6001u);
    }

    void bekenStatusEndsOnQuietAndPromptHasNoOk()
    {
        TcpPeer echo;
        Sim sim;
        QVERIFY(sim.start({ QStringLiteral("--dialect"), QStringLiteral("beken-doc"), QStringLiteral("--baud"),
                            QStringLiteral("0"), QStringLiteral("--wifi-connected") }));
        Host h;
        h.session.setDialect(Dialect::Beken);
        QVERIFY(h.open(sim.link(), 115200));
        RUN_OK(h, "ATE0", {}, true);
        RUN_OK(h, "AT+CIPSTART=0,\"tcp\",\"127.0.0.1\"," + QByteArray::number(echo.serverPort()), {}, true);
        const AtResult st = h.run("AT+CIPSTATUS?", {}, true);
        QVERIFY2(st.ok(), qPrintable(st.message));
        QVERIFY(st.endedOnQuiet);
        QCOMPARE(st.lines.size(), 1);
        QVERIFY(st.lines[0].startsWith("+BIPSTATUS:"));
        QCOMPARE(h.model.links().size(), 1);
        const AtResult send = h.run("AT+CIPSEND=0,4", "test", true);
        QVERIFY2(send.ok(), qPrintable(send.message + QString::fromUtf8(send.finalText)));
        QCOMPARE(send.finalText, QByteArray("SEND OK"));
    }
};

QTEST_GUILESS_MAIN(tst_HostSim)
#include "tst_hostsim.moc"
