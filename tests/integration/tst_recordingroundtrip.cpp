// The recording round trip (issue 13, part 5): a session against the simulator is recorded,
// opened again (RecordingReader), played back through a real session (RecordingPlayer: the
// model ends where it did live) and replayed into the simulator (ReplayModule in-process and
// atbench-sim --replay on a pty): the host sees the same results and URCs.
#include "ptysim.h"
#include "recording/recordingplayer.h"
#include "recording/recordingreader.h"
#include "recording/sessionrecorder.h"
#include "engine/sessionhost.h"
#include "simharness.h"
#include "simulator/replaymodule.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace atb;

namespace {

struct Seen
{
    QList<QByteArray> results; // "<line> -> <status> <final> | <lines>"
    QList<QByteArray> urcs;
};

QByteArray describe(const AtResult &r)
{
    return r.command.line + " -> " + AtResult::statusName(r.status).toUtf8() + " " + r.finalText + " | " + r.lines.join(" / ");
}

// Listens to a session: what the host saw.
struct Watcher
{
    explicit Watcher(DeviceSession *s, const QString &originPrefix = QString())
    {
        QObject::connect(s, &DeviceSession::commandFinished, &ctx, [this, originPrefix](const AtResult &r) {
            if (r.command.origin.startsWith(originPrefix))
                seen.results << describe(r);
            ++finished;
        });
        QObject::connect(s, &DeviceSession::urcReceived, &ctx, [this](const AtEvent &e) { seen.urcs << e.text; });
    }
    QObject ctx;
    Seen seen;
    int finished = 0;
};

const QList<QPair<QByteArray, QString>> kCommands = {
    { "AT+GMR", QStringLiteral("connection") },     { "AT+CWMODE=1", QStringLiteral("wifi") },
    { "AT+CWJAP=\"BenchAP\",\"12345678\"", QStringLiteral("wifi") }, { "AT+CWJAP?", QStringLiteral("timeline") },
    { "AT+CIPMUX=1", QStringLiteral("connections") }, { "AT+NOSUCH", QStringLiteral("console") },
    { "AT+CWQAP", QStringLiteral("wifi") },
};

// Runs the commands one after the other on `session`, waiting for each result.
bool runAll(DeviceSession &session)
{
    for (const auto &[line, origin] : kCommands) {
        AtCommand c = AtCommand::fromLine(line);
        c.origin = origin;
        bool done = false;
        QObject ctx;
        quint64 id = 0;
        QObject::connect(&session, &DeviceSession::commandFinished, &ctx, [&](const AtResult &r) { done = done || r.id == id; });
        id = session.submit(c);
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            return false;
    }
    return true;
}

} // namespace

class TstRecordingRoundTrip : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void playbackShowsWhatHappenedLive();
    void playbackSeeksAndIsReadOnly();
    void playbackWithTheSessionInItsOwnThread();
    void playbackEndsATimeoutAsATimeout();
    void replayInProcessAnswersTheSame();
    void replayProgramOnAPtyAnswersTheSame();

private:
    QTemporaryDir m_dir;
    QString m_path;
    Seen m_live;
    WifiState m_liveWifi;
    QStringList m_liveFirmware;
};

void TstRecordingRoundTrip::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("live.jsonl"));
    SimHarness h;
    auto recorder = std::make_shared<SessionRecorder>();
    QVERIFY(recorder->open(m_path, QJsonObject { { QStringLiteral("link"), QStringLiteral("sim") } }));
    h.session.setTap(recorder);
    QVERIFY(h.ready());
    Watcher w(&h.session);
    QVERIFY(runAll(h.session));
    QTRY_VERIFY(w.seen.urcs.contains("WIFI DISCONNECT"));
    m_live = w.seen;
    m_liveWifi = h.model.wifi();
    m_liveFirmware = h.model.firmware();
    h.session.setTap(nullptr);
    recorder->close();
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(!text.contains("12345678"));
    QVERIFY(text.contains("\"origin\":\"timeline\""));
    QCOMPARE(m_live.results.size(), kCommands.size());
    QVERIFY2(m_live.results[5].contains("ERROR"), m_live.results[5].constData());
}

void TstRecordingRoundTrip::playbackShowsWhatHappenedLive()
{
    DeviceSession session;
    DeviceModel model;
    model.follow(&session);
    RecordingPlayer player(&session);
    QString error;
    QVERIFY2(player.load(m_path, &error), qPrintable(error));
    QCOMPARE(player.recording().dialect(), QStringLiteral("esp"));
    Watcher w(&session, QStringLiteral("playback:"));
    QSignalSpy finished(&player, &RecordingPlayer::finished);
    player.setSpeed(8);
    player.start();
    QVERIFY(finished.wait(20000));
    QTRY_COMPARE(w.seen.results.size(), kCommands.size() + 1); // ATE0 of ready() first
    // The console's records carry the recorded time, not now.
    const QList<LogRecord> log = session.log()->snapshot();
    QVERIFY(!log.isEmpty());
    const qint64 started = player.recording().startedMs();
    QVERIFY(log.last().timeMs >= started && log.last().timeMs < started + 60000);
    // The same results in the same order (ATE0 of ready() included first), the same URCs.
    // The password was masked at the source: playback shows the masked line.
    QList<QByteArray> expected = m_live.results;
    for (QByteArray &r : expected)
        r.replace("\"12345678\"", "\"***\"");
    QCOMPARE(w.seen.results.mid(1), expected);
    w.seen.urcs.removeAll("ready"); // the boot banner came before the live watcher existed
    QCOMPARE(w.seen.urcs, m_live.urcs);
    QCOMPARE(model.firmware(), m_liveFirmware);
    QCOMPARE(model.wifi(), m_liveWifi);
    QCOMPARE(player.mismatches(), 0);
    QCOMPARE(player.stalls(), 0);
    player.stop();
    QTRY_COMPARE(session.state(), DeviceSession::State::Disconnected);
}

void TstRecordingRoundTrip::playbackSeeksAndIsReadOnly()
{
    DeviceSession session;
    DeviceModel model;
    model.follow(&session);
    RecordingPlayer player(&session);
    QVERIFY(player.load(m_path));
    player.start(true); // paused
    QTRY_COMPARE(session.state(), DeviceSession::State::Connected);
    // Nobody else may send while a recording plays back.
    QSignalSpy results(&session, &DeviceSession::commandFinished);
    const quint64 id = session.submit(AtCommand::fromLine("AT"));
    QTRY_VERIFY(!results.isEmpty());
    const AtResult refused = results.takeFirst().first().value<AtResult>();
    QCOMPARE(refused.id, id);
    QCOMPARE(refused.status, AtResult::Status::Refused);
    // Seek to the end: the model shows the state at the end (joined then left again).
    QSignalSpy finished(&player, &RecordingPlayer::finished);
    player.seek(player.duration());
    QVERIFY(finished.wait(20000));
    QCOMPARE(model.firmware(), m_liveFirmware);
    // Back to the start of the join: everything restarts and runs ahead to there.
    const qint64 join = player.find(QStringLiteral("WIFI GOT IP"), 0);
    QVERIFY(join > 0);
    QSignalSpy restarted(&player, &RecordingPlayer::restarted);
    player.seek(join);
    QCOMPARE(restarted.count(), 1);
    QTRY_VERIFY(model.wifi().gotIp);
    QTRY_COMPARE(player.position(), join);
    QVERIFY(!player.atEnd());
    player.stop();
    // Read-only ends with the playback.
    QTRY_COMPARE(session.state(), DeviceSession::State::Disconnected);
}

void TstRecordingRoundTrip::playbackWithTheSessionInItsOwnThread()
{
    // As in the app: the session in its I/O thread (SessionHost), the player in this one.
    SessionHost host;
    DeviceModel model;
    model.follow(host.session());
    RecordingPlayer player(host.session());
    QVERIFY(player.load(m_path));
    QSignalSpy finished(&player, &RecordingPlayer::finished);
    player.setSpeed(16);
    player.start();
    QVERIFY(finished.wait(20000));
    QTRY_COMPARE(model.wifi(), m_liveWifi);
    QCOMPARE(model.firmware(), m_liveFirmware);
    QCOMPARE(player.stalls(), 0);
    player.stop();
    QTRY_COMPARE(host.session()->state(), DeviceSession::State::Disconnected);
}

void TstRecordingRoundTrip::playbackEndsATimeoutAsATimeout()
{
    // Live: the module answers too late for the host (timeout), then the next command works.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("timeout.jsonl"));
    {
        SimHarness h;
        auto recorder = std::make_shared<SessionRecorder>();
        QVERIFY(recorder->open(path, QJsonObject()));
        h.session.setTap(recorder);
        QVERIFY(h.ready());
        Watcher w(&h.session);
        h.module->setReplyDelay(800);
        AtCommand slow = AtCommand::fromLine("AT+CWMODE?");
        slow.timeoutMs = 300;
        h.session.submit(slow);
        QTRY_COMPARE(w.finished, 1);
        h.module->setReplyDelay(0);
        // The late reply arrives (and goes to nobody) before the next command.
        auto lateReplySeen = [&h] {
            const QList<LogRecord> log = h.session.log()->snapshot();
            return std::any_of(log.cbegin(), log.cend(), [](const LogRecord &r) { return r.text.contains("+CWMODE:"); });
        };
        QTRY_VERIFY(lateReplySeen());
        h.session.submit(AtCommand::fromLine("AT"));
        QTRY_COMPARE_WITH_TIMEOUT(w.finished, 2, 5000);
        QVERIFY2(w.seen.results[0].contains("-> timeout"), w.seen.results[0].constData());
        QVERIFY2(w.seen.results[1].contains("-> OK OK"), w.seen.results[1].constData());
        h.session.setTap(nullptr);
        recorder->close();
    }
    DeviceSession session;
    RecordingPlayer player(&session);
    QVERIFY(player.load(path));
    Watcher w(&session, QStringLiteral("playback:"));
    QSignalSpy finished(&player, &RecordingPlayer::finished);
    player.setSpeed(2);
    player.start();
    QVERIFY(finished.wait(10000));
    QTRY_COMPARE(w.seen.results.size(), 3); // ATE0, the timeout, AT
    QVERIFY2(w.seen.results[1].contains("-> timeout"), w.seen.results[1].constData());
    QVERIFY2(w.seen.results[2].contains("-> OK OK"), w.seen.results[2].constData());
    QCOMPARE(player.stalls(), 0);
    player.stop();
}

void TstRecordingRoundTrip::replayInProcessAnswersTheSame()
{
    atb::sim::RecordingFile file;
    QString error;
    QVERIFY2(atb::sim::RecordingFile::read(m_path, &file, &error), qPrintable(error));
    auto *replay = new atb::sim::ReplayModule(file);
    auto [host, device] = PipeTransport::createPair(QStringLiteral("replay"));
    device->open();
    replay->setParent(device);
    QObject::connect(device, &Transport::received, replay, &atb::sim::ReplayModule::receiveFromHost);
    QObject::connect(replay, &atb::sim::DeviceEndpoint::sendToHost, device, &Transport::write);
    DeviceSession session;
    session.openWith([host = host](QObject *parent) {
        host->setParent(parent);
        return host;
    });
    replay->start();
    QTRY_COMPARE(session.state(), DeviceSession::State::Connected);
    Watcher w(&session);
    AtCommand ate0 = AtCommand::fromLine("ATE0");
    session.submit(ate0);
    QTRY_COMPARE(w.finished, 1);
    QVERIFY(runAll(session));
    QTRY_VERIFY(w.seen.urcs.contains("WIFI DISCONNECT"));
    QCOMPARE(w.seen.results.mid(1), m_live.results);
    w.seen.urcs.removeAll("ready"); // the boot banner came before the live watcher existed
    QCOMPARE(w.seen.urcs, m_live.urcs);
    QCOMPARE(replay->stats().unmatched, 0);
    QCOMPARE(replay->stats().matched, kCommands.size() + 1);
    session.close();
    delete device;
}

void TstRecordingRoundTrip::replayProgramOnAPtyAnswersTheSame()
{
    simtest::PtySim sim;
    QString error;
    QVERIFY2(sim.start({ QStringLiteral("--replay"), m_path }, &error), qPrintable(error));
    DeviceSession session;
    SerialSettings s;
    s.portName = sim.link();
    s.baudRate = 115200;
    session.openSerial(s);
    QTRY_COMPARE(session.state(), DeviceSession::State::Connected);
    Watcher w(&session);
    session.submit(AtCommand::fromLine("ATE0"));
    QTRY_COMPARE(w.finished, 1);
    QVERIFY(runAll(session));
    QTRY_VERIFY(w.seen.urcs.contains("WIFI DISCONNECT"));
    QCOMPARE(w.seen.results.mid(1), m_live.results);
    session.close();
    const QByteArray err = sim.terminateAndCollectStderr();
    QVERIFY2(err.contains("unmatched=0"), err.constData());
}

QTEST_GUILESS_MAIN(TstRecordingRoundTrip)
#include "tst_recordingroundtrip.moc"
