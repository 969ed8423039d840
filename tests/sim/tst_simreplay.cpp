// ReplayModule and atbench-sim --replay: a recording answers the host (docs/recording.md,
// "Replay"), and --disable takes commands out of the simulated firmware.
#include "simtestutil.h"
#include "simulator/recorder.h"
#include "simulator/recordingfile.h"
#include "simulator/replaymodule.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace atb::sim;
using namespace simtest;

namespace {

// A recording written by hand in the documented format (what the tests expect to replay).
QString writeRecording(const QTemporaryDir &dir, const QList<QByteArray> &lines, const QString &name = QStringLiteral("r.jsonl"))
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QString();
    f.write("{\"format\":\"atbench-recording\",\"version\":1,\"dialect\":\"esp\",\"session\":\"1\",\"part\":1,"
            "\"started\":\"2026-01-01T00:00:00.000Z\"}\n");
    for (const QByteArray &l : lines)
        f.write(l + "\n");
    return path;
}

// Drives a ReplayModule in-process and collects what it sends.
struct Replay
{
    explicit Replay(const QString &path, ReplayOptions o = ReplayOptions())
    {
        QString error;
        ok = RecordingFile::read(path, &file, &error);
        module = std::make_unique<ReplayModule>(file, o);
        QObject::connect(module.get(), &DeviceEndpoint::sendToHost, module.get(), [this](const QByteArray &b) { out += b; });
        QObject::connect(module.get(), &ReplayModule::mismatch, module.get(), [this](const QString &t) { mismatches << t; });
    }
    QByteArray waitFor(const QByteArray &needle, int timeoutMs = 5000) { return takeUntil(out, needle, timeoutMs); }
    QByteArray send(const QByteArray &line, const QByteArray &until = "OK\r\n")
    {
        module->receiveFromHost(line + "\r\n");
        return waitFor(until);
    }
    bool ok = false;
    RecordingFile file;
    std::unique_ptr<ReplayModule> module;
    QByteArray out;
    QStringList mismatches;
};

QByteArray rec(qint64 t, const char *key, const QByteArray &text, int id = 0)
{
    QJsonObject o { { QStringLiteral("t"), double(t) }, { QLatin1String(key), QString::fromUtf8(text) } };
    if (id)
        o.insert(QStringLiteral("id"), id);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

const QList<QByteArray> kSession = {
    rec(1000, "module", "\r\nready\r\n"),
    rec(50000, "host", "AT\r\n"),
    rec(51000, "module", "AT\r\n\r\nOK\r\n"),
    rec(60000, "host", "AT+CWJAP=\"Lab\",\"***\"\r\n"),
    rec(61000, "module", "AT+CWJAP=\"Lab\",\"***\"\r\n"),
    rec(300000, "module", "WIFI CONNECTED\r\nWIFI GOT IP\r\n\r\nOK\r\n"),
    rec(400000, "module", "WIFI DISCONNECT\r\n"),
    rec(900000, "host", "AT+CWJAP?\r\n"),
    rec(901000, "module", "AT+CWJAP?\r\nNo AP\r\n\r\nOK\r\n"),
    rec(950000, "host", "AT+CIPSEND=4\r\n"),
    rec(951000, "module", "AT+CIPSEND=4\r\n\r\nOK\r\n\r\n>"),
    rec(960000, "host_hex", "00ff0d0a", 9),
    rec(970000, "module", "\r\nRecv 4 bytes\r\n\r\nSEND OK\r\n"),
};

} // namespace

class TstSimReplay : public QObject
{
    Q_OBJECT
private slots:
    void answersInOrderWithRecordedTiming();
    void mismatchPolicies_data();
    void mismatchPolicies();
    void hostFasterThanTheRecordingKeepsTheOrder();
    void recordThenReplayGivesTheSameAnswers();
    void programReplaysOnAPty();
    void disabledCommandsAreMissingFromTheFirmware();
};

void TstSimReplay::answersInOrderWithRecordedTiming()
{
    QTemporaryDir dir;
    Replay r(writeRecording(dir, kSession));
    QVERIFY(r.ok);
    QSignalSpy booted(r.module.get(), &DeviceEndpoint::booted);
    r.module->start();
    QCOMPARE(r.waitFor("ready\r\n"), QByteArray("\r\nready\r\n"));
    QVERIFY(booted.count() == 1 || booted.wait(1000));
    QCOMPARE(r.send("AT"), QByteArray("AT\r\n\r\nOK\r\n"));
    // The password is masked in the recording; the echo carries the host's own line, and the
    // reply comes ~240 ms after it, as recorded.
    QElapsedTimer t;
    t.start();
    QCOMPARE(r.send("AT+CWJAP=\"Lab\",\"realPassword\""), QByteArray("AT+CWJAP=\"Lab\",\"realPassword\"\r\nWIFI CONNECTED\r\nWIFI GOT IP\r\n\r\nOK\r\n"));
    QVERIFY2(t.elapsed() >= 200, qPrintable(QString::number(t.elapsed())));
    // The unprompted URC keeps its place 100 ms after the reply.
    QCOMPARE(r.waitFor("WIFI DISCONNECT\r\n"), QByteArray("WIFI DISCONNECT\r\n"));
    QCOMPARE(r.send("AT+CWJAP?"), QByteArray("AT+CWJAP?\r\nNo AP\r\n\r\nOK\r\n"));
    // Data after '>' is matched by its length, whatever the bytes.
    QCOMPARE(r.send("AT+CIPSEND=4", ">"), QByteArray("AT+CIPSEND=4\r\n\r\nOK\r\n\r\n>"));
    r.module->receiveFromHost("abcd");
    QCOMPARE(r.waitFor("SEND OK\r\n"), QByteArray("\r\nRecv 4 bytes\r\n\r\nSEND OK\r\n"));
    QVERIFY(r.module->atEnd());
    QCOMPARE(r.module->stats().matched, 5);
    QVERIFY(r.mismatches.isEmpty());
}

void TstSimReplay::mismatchPolicies_data()
{
    QTest::addColumn<bool>("strict");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<int>("byExample");
    QTest::addColumn<int>("unmatched");
    // Expected next: AT. A later line skips to it; a line seen nowhere is ERROR.
    QTest::newRow("skip ahead") << false << QByteArray("AT+CWJAP?") << QByteArray("AT+CWJAP?\r\nNo AP\r\n\r\nOK\r\n") << 2 << 0 << 0;
    QTest::newRow("unknown") << false << QByteArray("AT+GMR") << QByteArray("\r\nERROR\r\n") << 0 << 0 << 1;
    QTest::newRow("strict") << true << QByteArray("AT+CWJAP?") << QByteArray("\r\nERROR\r\n") << 0 << 0 << 1;
}

void TstSimReplay::mismatchPolicies()
{
    QFETCH(bool, strict);
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, reply);
    QTemporaryDir dir;
    ReplayOptions o;
    o.strict = strict;
    Replay r(writeRecording(dir, kSession), o);
    r.module->start();
    r.waitFor("ready\r\n");
    QCOMPARE(r.send(line, reply.right(4)), reply);
    QTEST(r.module->stats().skipped, "skipped");
    QTEST(r.module->stats().byExample, "byExample");
    QTEST(r.module->stats().unmatched, "unmatched");
    QCOMPARE(r.mismatches.size(), 1);
    QVERIFY2(r.mismatches.first().contains(QString::fromUtf8(line)), qPrintable(r.mismatches.first()));
}

void TstSimReplay::hostFasterThanTheRecordingKeepsTheOrder()
{
    QTemporaryDir dir;
    Replay r(writeRecording(dir, kSession));
    r.module->start();
    r.waitFor("ready\r\n");
    r.send("AT");
    r.send("AT+CWJAP=\"Lab\",\"x\"");
    // At once: the recorded WIFI DISCONNECT (due 100 ms later) comes out first, then the answer.
    r.module->receiveFromHost("AT+CWJAP?\r\n");
    QCOMPARE(r.waitFor("No AP\r\n\r\nOK\r\n"), QByteArray("WIFI DISCONNECT\r\nAT+CWJAP?\r\nNo AP\r\n\r\nOK\r\n"));
    // After the end of the recording a known line is answered from its example.
    r.send("AT+CIPSEND=4", ">");
    r.module->receiveFromHost("wxyz");
    r.waitFor("SEND OK\r\n");
    QCOMPARE(r.send("AT"), QByteArray("AT\r\n\r\nOK\r\n"));
    QCOMPARE(r.module->stats().byExample, 1);
}

void TstSimReplay::recordThenReplayGivesTheSameAnswers()
{
    // Record an in-process module, then replay the file: the same lines get the same answers.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sim.jsonl"));
    const QList<QByteArray> lines = { "ATE0", "AT+GMR", "AT+CWMODE=1", "AT+CWJAP=\"BenchAP\",\"12345678\"", "AT+CWJAP?",
                                      "AT+CIPMUX=1", "AT+NOSUCH", "AT+CWQAP" };
    QList<QByteArray> live;
    {
        Recorder recorder;
        QString error;
        QVERIFY2(recorder.open(path, QJsonObject { { QStringLiteral("dialect"), QStringLiteral("esp") } }, &error), qPrintable(error));
        InProc sim;
        sim.module->setRecorder(&recorder);
        for (const QByteArray &l : lines)
            live << sim.run(l);
        sim.module->setRecorder(nullptr);
    }
    QFile recorded(path);
    QVERIFY(recorded.open(QIODevice::ReadOnly));
    QVERIFY(!recorded.readAll().contains("12345678"));
    Replay r(path);
    QVERIFY(r.ok);
    r.module->start();
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray until = live[i].right(4);
        QCOMPARE(r.send(lines[i], until), live[i]);
    }
    QCOMPARE(r.module->stats().matched, lines.size());
}

void TstSimReplay::programReplaysOnAPty()
{
    QTemporaryDir dir;
    const QString path = writeRecording(dir, kSession);
    PtySim sim;
    QString error;
    QVERIFY2(sim.start({ QStringLiteral("--replay"), path }, &error), qPrintable(error));
    QCOMPARE(sim.waitFor("ready\r\n"), QByteArray("\r\nready\r\n"));
    QCOMPARE(sim.transact("AT"), QByteArray("AT\r\n\r\nOK\r\n"));
    QCOMPARE(sim.transact("AT+GMR", "ERROR\r\n"), QByteArray("\r\nERROR\r\n"));
    const QByteArray err = sim.terminateAndCollectStderr();
    QVERIFY2(err.contains("replay: expected 'AT+CWJAP=\"Lab\",\"***\"', got 'AT+GMR' -> ERROR"), err.constData());
    QVERIFY2(err.contains("replay matched=1 skipped=0 by_example=0 unmatched=1"), err.constData());
    // Bad uses are refused with a reason.
    QProcess p;
    p.start(simBinary(), { QStringLiteral("--pty"), dir.filePath(QStringLiteral("tty")), QStringLiteral("--replay"),
                           dir.filePath(QStringLiteral("missing.jsonl")) });
    QVERIFY(p.waitForFinished(5000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("--replay:"));
    p.start(simBinary(), { QStringLiteral("--pty"), dir.filePath(QStringLiteral("tty")), QStringLiteral("--replay"), path,
                           QStringLiteral("--fault"), QStringLiteral("busy:1") });
    QVERIFY(p.waitForFinished(5000));
    QCOMPARE(p.exitCode(), 2);
}

void TstSimReplay::disabledCommandsAreMissingFromTheFirmware()
{
    SimulatedModule::Options o;
    o.disabledCommands = { QStringLiteral("AT+MQTTCONN"), QStringLiteral("AT+PING") };
    InProc sim(o);
    sim.run("ATE0");
    const QByteArray list = sim.run("AT+CMD?");
    QVERIFY(list.contains("\"AT+MQTTUSERCFG\""));
    QVERIFY(!list.contains("\"AT+MQTTCONN\""));
    QVERIFY(!list.contains("\"AT+PING\""));
    QCOMPARE(sim.run("AT+MQTTCONN?"), QByteArray("\r\nERROR\r\n"));
    QVERIFY(sim.run("AT+CWMODE?").endsWith("OK\r\n"));
    // The program: --disable is checked against the command table.
    PtySim pty;
    QVERIFY(pty.start({ QStringLiteral("--disable"), QStringLiteral("AT+PING,at+cipdomain") }));
    pty.waitFor("ready\r\n");
    QVERIFY(!pty.transact("AT+CMD?").contains("AT+CIPDOMAIN"));
    QProcess p;
    QTemporaryDir dir;
    p.start(simBinary(), { QStringLiteral("--pty"), dir.filePath(QStringLiteral("tty")), QStringLiteral("--disable"), QStringLiteral("AT+NOPE") });
    QVERIFY(p.waitForFinished(5000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardError().contains("AT+NOPE"));
}

QTEST_GUILESS_MAIN(TstSimReplay)
#include "tst_simreplay.moc"
