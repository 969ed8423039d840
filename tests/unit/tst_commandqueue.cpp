// CommandQueue against scripted module output: one command in flight, timeouts, busy
// retries, the data phase, URCs inside replies, and late replies after a timeout.
#include "engine/commandqueue.h"

#include <QSignalSpy>
#include <QtTest>

using namespace atb;

namespace {

AtEvent line(const char *t)
{
    AtEvent e;
    e.kind = AtEvent::Kind::Line;
    e.text = t;
    return e;
}

AtEvent final(const char *t, AtEvent::FinalClass c, QList<quint32> codes = {})
{
    AtEvent e;
    e.kind = AtEvent::Kind::Final;
    e.text = t;
    e.finalClass = c;
    e.errCodes = codes;
    return e;
}

AtEvent ok() { return final("OK", AtEvent::FinalClass::Success); }
AtEvent error(QList<quint32> codes = {}) { return final("ERROR", AtEvent::FinalClass::Failure, codes); }
AtEvent busy() { return final("busy p...", AtEvent::FinalClass::Busy); }

AtEvent urc(const char *t)
{
    AtEvent e;
    e.kind = AtEvent::Kind::Urc;
    e.text = t;
    e.name = t;
    return e;
}

AtEvent prompt()
{
    AtEvent e;
    e.kind = AtEvent::Kind::Prompt;
    e.text = ">";
    return e;
}

AtCommand cmd(const char *line, int timeoutMs = 3000)
{
    AtCommand c = AtCommand::fromLine(line);
    c.timeoutMs = timeoutMs;
    return c;
}

struct Harness
{
    CommandQueue q;
    QList<QByteArray> written;
    QList<AtResult> results;
    QList<AtEvent> urcs;
    QList<AtEvent> unsolicited;

    Harness()
    {
        q.setSettleMs(50);
        QObject::connect(&q, &CommandQueue::writeRequested,
                         [this](const QByteArray &b, quint64, bool) { written << b; });
        QObject::connect(&q, &CommandQueue::commandFinished, [this](const AtResult &r) { results << r; });
        QObject::connect(&q, &CommandQueue::urcReceived, [this](const AtEvent &e) { urcs << e; });
        QObject::connect(&q, &CommandQueue::unsolicitedEvent,
                         [this](const AtEvent &e, bool) { unsolicited << e; });
    }
};

} // namespace

class tst_CommandQueue : public QObject
{
    Q_OBJECT

private slots:
    void onlyOneCommandInFlight();
    void infoLinesAndEchoAreSeparated();
    void urcInsideReplyIsRoutedSeparately();
    void failureCarriesErrCodes();
    void busyIsRetriedWithBackoff();
    void busyForeverGivesBusy();
    void dataPhaseSendsExactlyThePayloadAfterPrompt_data();
    void dataPhaseSendsExactlyThePayloadAfterPrompt();
    void promptWithoutPayloadWaitsForProvidePayload();
    void passthroughEnteredOnPrompt();
    void lostPromptAfterOk_data();
    void lostPromptAfterOk();
    void timeoutThenLateReplyIsNotAttributedToNext();
    void finalBeforeEchoIsLateWhenEchoIsOn();
    void timeoutRecoversAfterQuietPeriod();
    void recoveryEndsWhileTheLineKeepsTalking_data();
    void recoveryEndsWhileTheLineKeepsTalking();
    void cancelPendingAndInFlight();
    void abortAllOnDisconnect();
    void quietEndForRepliesWithoutFinal();
    void emptyReplyEndsOnQuietWhenAllowed();
    void pausedQueueSendsNothing();
    void echoStateFollowsAte();
};

void tst_CommandQueue::onlyOneCommandInFlight()
{
    Harness h;
    h.q.enqueue(cmd("AT"));
    h.q.enqueue(cmd("AT+GMR"));
    QCOMPARE(h.written, QList<QByteArray> { "AT\r\n" });
    h.q.handleEvent(ok());
    QCOMPARE(h.written, (QList<QByteArray> { "AT\r\n", "AT+GMR\r\n" }));
    h.q.handleEvent(ok());
    QCOMPARE(h.results.size(), 2);
    QVERIFY(h.results[0].ok() && h.results[1].ok());
    QVERIFY(h.q.isIdle());
}

void tst_CommandQueue::infoLinesAndEchoAreSeparated()
{
    Harness h;
    h.q.enqueue(cmd("AT+CIPMUX?"));
    h.q.handleEvent(line("AT+CIPMUX?"));
    h.q.handleEvent(line("+CIPMUX:1"));
    h.q.handleEvent(ok());
    QCOMPARE(h.results.size(), 1);
    QVERIFY(h.results[0].sawEcho);
    QCOMPARE(h.results[0].lines, QList<QByteArray> { "+CIPMUX:1" });
    QCOMPARE(h.results[0].finalText, QByteArray("OK"));
}

void tst_CommandQueue::urcInsideReplyIsRoutedSeparately()
{
    Harness h;
    h.q.enqueue(cmd("AT+CIPSTART=\"TCP\",\"127.0.0.1\",8080"));
    h.q.handleEvent(urc("CONNECT"));
    h.q.handleEvent(urc("+IPD"));
    h.q.handleEvent(ok());
    QCOMPARE(h.urcs.size(), 2);
    QCOMPARE(h.results.size(), 1);
    QVERIFY(h.results[0].lines.isEmpty());
    QVERIFY(h.results[0].ok());
}

void tst_CommandQueue::failureCarriesErrCodes()
{
    Harness h;
    h.q.enqueue(cmd("AT+MQTTPUB=0,\"t\",\"a,b\",0,0"));
    h.q.handleEvent(error({ 0x01080002, 0x010a6044 }));
    QCOMPARE(h.results.size(), 1);
    QCOMPARE(h.results[0].status, AtResult::Status::Error);
    QCOMPARE(h.results[0].errCodes, (QList<quint32> { 0x01080002, 0x010a6044 }));
}

void tst_CommandQueue::busyIsRetriedWithBackoff()
{
    Harness h;
    AtCommand c = cmd("AT+CWLAP");
    c.busyBackoffMs = 10;
    h.q.enqueue(c);
    h.q.handleEvent(busy());
    QCOMPARE(h.written.size(), 1);
    QTRY_COMPARE(h.written.size(), 2);
    QCOMPARE(h.written[1], QByteArray("AT+CWLAP\r\n"));
    h.q.handleEvent(busy());
    QTRY_COMPARE(h.written.size(), 3);
    h.q.handleEvent(ok());
    QCOMPARE(h.results.size(), 1);
    QVERIFY(h.results[0].ok());
    QCOMPARE(h.results[0].attempts, 3);
}

void tst_CommandQueue::busyForeverGivesBusy()
{
    Harness h;
    AtCommand c = cmd("AT");
    c.busyBackoffMs = 1;
    c.maxBusyRetries = 2;
    h.q.enqueue(c);
    for (int i = 0; i < 3; ++i) {
        QTRY_COMPARE(h.written.size(), i + 1);
        h.q.handleEvent(busy());
    }
    QCOMPARE(h.results.size(), 1);
    QCOMPARE(h.results[0].status, AtResult::Status::Busy);
}

void tst_CommandQueue::dataPhaseSendsExactlyThePayloadAfterPrompt_data()
{
    QTest::addColumn<QByteArray>("cmdLine");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("okBeforePrompt");
    QTest::addColumn<QByteArray>("resultFinal");
    QTest::newRow("esp CIPSEND") << QByteArray("AT+CIPSEND=4") << QByteArray("test") << true << QByteArray("SEND OK");
    QTest::newRow("beken CIPSEND no OK") << QByteArray("AT+CIPSEND=0,4") << QByteArray("te\r\n") << false << QByteArray("SEND OK");
    QTest::newRow("PUBRAW binary") << QByteArray("AT+MQTTPUBRAW=0,\"t\",5,0,0") << QByteArray("a\0\r\n,", 5) << true
                                   << QByteArray("+MQTTPUB:OK");
}

void tst_CommandQueue::dataPhaseSendsExactlyThePayloadAfterPrompt()
{
    QFETCH(QByteArray, cmdLine);
    QFETCH(QByteArray, payload);
    QFETCH(bool, okBeforePrompt);
    QFETCH(QByteArray, resultFinal);
    Harness h;
    AtCommand c = AtCommand::fromLine(cmdLine);
    QVERIFY(c.expectsPrompt);
    c.payload = payload;
    h.q.enqueue(c);
    if (okBeforePrompt)
        h.q.handleEvent(ok());
    QCOMPARE(h.written.size(), 1);
    h.q.handleEvent(prompt());
    QCOMPARE(h.written.size(), 2);
    QCOMPARE(h.written[1], payload); // nothing appended
    h.q.handleEvent(line("Recv 4 bytes"));
    h.q.handleEvent(final(resultFinal.constData(), AtEvent::FinalClass::Success));
    QCOMPARE(h.results.size(), 1);
    QVERIFY(h.results[0].ok());
    QCOMPARE(h.results[0].finalText, resultFinal);
}

void tst_CommandQueue::promptWithoutPayloadWaitsForProvidePayload()
{
    Harness h;
    QSignalSpy spy(&h.q, &CommandQueue::promptReceived);
    QVERIFY(spy.isValid());
    const quint64 id = h.q.enqueue(cmd("AT+CIPSEND=0,5"));
    h.q.handleEvent(ok());
    h.q.handleEvent(prompt());
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy[0][1].toLongLong(), 5);
    QVERIFY(h.q.isAwaitingPayload());
    QVERIFY(!h.q.providePayload(id + 1, "hello"));
    QVERIFY(h.q.providePayload(id, "hello"));
    QCOMPARE(h.written.last(), QByteArray("hello"));
    h.q.handleEvent(final("SEND FAIL", AtEvent::FinalClass::Failure));
    QCOMPARE(h.results[0].status, AtResult::Status::Error);
}

void tst_CommandQueue::passthroughEnteredOnPrompt()
{
    Harness h;
    QSignalSpy spy(&h.q, &CommandQueue::passthroughEntered);
    h.q.enqueue(cmd("AT+CIPSEND"));
    h.q.enqueue(cmd("AT"));
    h.q.handleEvent(ok());
    h.q.handleEvent(prompt());
    QCOMPARE(spy.size(), 1);
    QCOMPARE(h.results.size(), 1);
    QVERIFY(h.results[0].ok());
    QVERIFY(h.q.isPaused()); // "AT" must wait until passthrough is left
    QCOMPARE(h.written.size(), 1);
    h.q.setPaused(false);
    QCOMPARE(h.written.last(), QByteArray("AT\r\n"));
}

void tst_CommandQueue::lostPromptAfterOk_data()
{
    QTest::addColumn<bool>("okSeen");
    QTest::addColumn<QByteArray>("payload"); // empty: the caller provides it at the prompt
    QTest::newRow("OK seen, payload given") << true << QByteArray("test");
    QTest::newRow("OK seen, payload asked for") << true << QByteArray();
    QTest::newRow("no OK (Beken, or the OK lost too)") << false << QByteArray("test");
}

// A '>' dropped on the line after ESP's OK: the module waits for the data, so the queue sends it
// rather than time out and have the module swallow the next commands as data. Without the OK
// nothing says the module is waiting: a plain timeout, the payload never written.
void tst_CommandQueue::lostPromptAfterOk()
{
    QFETCH(bool, okSeen);
    QFETCH(QByteArray, payload);
    Harness h;
    QSignalSpy prompts(&h.q, &CommandQueue::promptReceived);
    AtCommand c = cmd("AT+CIPSEND=4", 5000);
    c.payload = payload;
    const quint64 id = h.q.enqueue(c);
    if (okSeen)
        h.q.handleEvent(ok());
    QElapsedTimer t;
    t.start();
    if (!okSeen) {
        QTRY_COMPARE_WITH_TIMEOUT(h.results.size(), 1, 8000);
        QCOMPARE(h.results[0].status, AtResult::Status::Timeout);
        QCOMPARE(h.written.size(), 1);
        return;
    }
    if (payload.isEmpty()) {
        QTRY_COMPARE_WITH_TIMEOUT(prompts.size(), 1, 4000);
        QVERIFY(h.q.providePayload(id, "data"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(h.written.size(), 2, 4000);
    QVERIFY2(t.elapsed() < 4000, "waited for the whole reply timeout, not the grace after OK");
    QCOMPARE(h.written[1], payload.isEmpty() ? QByteArray("data") : payload);
    h.q.handleEvent(line("Recv 4 bytes"));
    h.q.handleEvent(final("SEND OK", AtEvent::FinalClass::Success));
    QCOMPARE(h.results.size(), 1);
    QVERIFY(h.results[0].ok());
    QVERIFY(h.results[0].message.contains(QLatin1String("'>'")));
}

void tst_CommandQueue::timeoutThenLateReplyIsNotAttributedToNext()
{
    Harness h;
    h.q.enqueue(cmd("AT+CWJAP=\"a\",\"b\"", 30));
    h.q.enqueue(cmd("AT+CIPMUX?"));
    QTRY_COMPARE(h.results.size(), 1);
    QCOMPARE(h.results[0].status, AtResult::Status::Timeout);
    // Recovering: the next command is not sent yet.
    QCOMPARE(h.written.size(), 1);
    h.q.handleEvent(line("WIFI noise"));
    h.q.handleEvent(final("FAIL", AtEvent::FinalClass::Failure)); // the late answer
    QCOMPARE(h.written.size(), 2);
    QCOMPARE(h.written[1], QByteArray("AT+CIPMUX?\r\n"));
    QCOMPARE(h.results.size(), 1);
    h.q.handleEvent(line("+CIPMUX:0"));
    h.q.handleEvent(ok());
    QCOMPARE(h.results.size(), 2);
    QCOMPARE(h.results[1].lines, QList<QByteArray> { "+CIPMUX:0" });
    QVERIFY(h.unsolicited.size() >= 2);
}

void tst_CommandQueue::finalBeforeEchoIsLateWhenEchoIsOn()
{
    Harness h;
    h.q.setEchoState(CommandQueue::EchoState::On);
    h.q.enqueue(cmd("AT+GMR"));
    h.q.handleEvent(ok()); // stale OK of something before: no echo yet
    QCOMPARE(h.results.size(), 0);
    h.q.handleEvent(line("AT+GMR"));
    h.q.handleEvent(line("AT version:2"));
    h.q.handleEvent(ok());
    QCOMPARE(h.results.size(), 1);
    QCOMPARE(h.results[0].lines, QList<QByteArray> { "AT version:2" });
}

void tst_CommandQueue::timeoutRecoversAfterQuietPeriod()
{
    Harness h;
    h.q.enqueue(cmd("AT", 20));
    h.q.enqueue(cmd("AT+GMR"));
    QTRY_COMPARE(h.results.size(), 1);
    QCOMPARE(h.written.size(), 1);
    QTRY_COMPARE(h.written.size(), 2); // after the settle period
}

void tst_CommandQueue::recoveryEndsWhileTheLineKeepsTalking_data()
{
    QTest::addColumn<bool>("urcs");
    QTest::addColumn<int>("withinMs");
    // URCs (an MQTT subscription, +IPD) are not the late reply: the quiet period runs through
    // them. Other lines may be its tail, but noise or garbled bytes must not block the queue:
    // at most four settle periods (50 ms here).
    QTest::newRow("URCs every 5 ms") << true << 50;
    QTest::newRow("noise lines every 5 ms") << false << 200;
}

void tst_CommandQueue::recoveryEndsWhileTheLineKeepsTalking()
{
    QFETCH(bool, urcs);
    QFETCH(int, withinMs);
    Harness h;
    h.q.enqueue(cmd("AT", 20));
    h.q.enqueue(cmd("AT+GMR"));
    QTRY_COMPARE(h.results.size(), 1);
    QCOMPARE(h.results[0].status, AtResult::Status::Timeout);
    QElapsedTimer t;
    t.start();
    QTimer talk;
    QObject::connect(&talk, &QTimer::timeout, [&] {
        h.q.handleEvent(urcs ? urc("+MQTTSUBRECV:0,\"t\",1,x") : line("n#ise"));
    });
    talk.start(5);
    QTRY_COMPARE_WITH_TIMEOUT(h.written.size(), 2, 5000);
    // The next command went out although the line never fell silent (loaded machines: 10x).
    QVERIFY2(t.elapsed() < withinMs * 10, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(h.written[1], QByteArray("AT+GMR\r\n"));
}

void tst_CommandQueue::cancelPendingAndInFlight()
{
    Harness h;
    const quint64 a = h.q.enqueue(cmd("AT"));
    const quint64 b = h.q.enqueue(cmd("AT+GMR"));
    QVERIFY(h.q.cancel(b));
    QCOMPARE(h.results.size(), 1);
    QCOMPARE(h.results[0].status, AtResult::Status::Cancelled);
    QCOMPARE(h.results[0].id, b);
    QVERIFY(h.q.cancel(a));
    QCOMPARE(h.results[1].status, AtResult::Status::Cancelled);
    QVERIFY(!h.q.cancel(a));
    QCOMPARE(h.written.size(), 1);
}

void tst_CommandQueue::abortAllOnDisconnect()
{
    Harness h;
    h.q.enqueue(cmd("AT"));
    h.q.enqueue(cmd("AT+GMR"));
    h.q.abortAll(AtResult::Status::Disconnected, QStringLiteral("gone"));
    QCOMPARE(h.results.size(), 2);
    QCOMPARE(h.results[0].status, AtResult::Status::Disconnected);
    QCOMPARE(h.results[1].status, AtResult::Status::Disconnected);
    h.q.handleEvent(ok()); // nothing in flight any more
    QCOMPARE(h.results.size(), 2);
}

void tst_CommandQueue::quietEndForRepliesWithoutFinal()
{
    Harness h;
    AtCommand c = AtCommand::fromLine("AT+CIPSTATUS?", true);
    QCOMPARE(c.quietEndMs, 300);
    c.quietEndMs = 30;
    h.q.enqueue(c);
    h.q.handleEvent(line("+BIPSTATUS:0,127.0.0.1,20108,50123,0"));
    QCOMPARE(h.results.size(), 0);
    QTRY_COMPARE(h.results.size(), 1);
    QVERIFY(h.results[0].ok());
    QVERIFY(h.results[0].endedOnQuiet);
}

void tst_CommandQueue::emptyReplyEndsOnQuietWhenAllowed()
{
    Harness h;
    AtCommand c = AtCommand::fromLine("AT+CIPSTATUS?", true); // Beken, no link: prints nothing
    QVERIFY(c.emptyReplyOk);
    h.q.enqueue(c);
    QTRY_COMPARE_WITH_TIMEOUT(h.results.size(), 1, 3000);
    QVERIFY(h.results[0].ok());
    QVERIFY(h.results[0].endedOnQuiet);
    QVERIFY(h.results[0].lines.isEmpty());
    // A PING is not complete without a line: silence is a timeout, not an answer.
    Harness p;
    AtCommand ping = AtCommand::fromLine("AT+PING=\"127.0.0.1\"", true);
    QVERIFY(!ping.emptyReplyOk);
    ping.timeoutMs = 1500;
    p.q.enqueue(ping);
    QTRY_COMPARE_WITH_TIMEOUT(p.results.size(), 1, 4000);
    QCOMPARE(p.results[0].status, AtResult::Status::Timeout);
}

void tst_CommandQueue::pausedQueueSendsNothing()
{
    Harness h;
    h.q.setPaused(true);
    h.q.enqueue(cmd("AT"));
    QVERIFY(h.written.isEmpty());
    h.q.setPaused(false);
    QCOMPARE(h.written.size(), 1);
}

void tst_CommandQueue::echoStateFollowsAte()
{
    Harness h;
    h.q.enqueue(cmd("ATE0"));
    h.q.handleEvent(line("ATE0"));
    h.q.handleEvent(ok());
    QCOMPARE(h.q.echoState(), CommandQueue::EchoState::Off);
    h.q.enqueue(cmd("ATE1"));
    h.q.handleEvent(ok());
    QCOMPARE(h.q.echoState(), CommandQueue::EchoState::On);
}

QTEST_GUILESS_MAIN(tst_CommandQueue)
#include "tst_commandqueue.moc"
