// Dialect detection (DialectProbe) against the real simulator in every dialect, and against
// scripted modules whose version text is not conclusive (the AT+CIPSTATUS? fallback).

#include "engine/dialectprobe.h"
#include "simharness.h"
#include "transport/pipetransport.h"

#include <QSignalSpy>
#include <QTest>

using atb::DialectProbe;
using atb::DialectProbeResult;

Q_DECLARE_METATYPE(atb::sim::Dialect)
Q_DECLARE_METATYPE(atb::Dialect)

namespace {

// A module on a pipe that answers from a table (independent of the host's parser).
class TableModule : public QObject
{
public:
    explicit TableModule(atb::PipeTransport *device) : m_device(device)
    {
        connect(device, &atb::Transport::received, this, [this](const QByteArray &b) {
            m_rx += b;
            qsizetype eol;
            while ((eol = m_rx.indexOf("\r\n")) >= 0) {
                const QByteArray line = m_rx.left(eol);
                m_rx.remove(0, eol + 2);
                lines << line;
                m_device->write(replies.value(line, "\r\nERROR\r\n"));
            }
        });
    }
    QHash<QByteArray, QByteArray> replies;
    QList<QByteArray> lines;

private:
    atb::PipeTransport *m_device;
    QByteArray m_rx;
};

} // namespace

class tst_DialectProbe : public QObject
{
    Q_OBJECT
private slots:
    void detectsTheSimulatorDialect_data();
    void detectsTheSimulatorDialect();
    void fallsBackToCipstatusWhenVersionIsUnclear_data();
    void fallsBackToCipstatusWhenVersionIsUnclear();
    void reportsNoAnswerWhenDisconnected();
};

void tst_DialectProbe::detectsTheSimulatorDialect_data()
{
    QTest::addColumn<atb::sim::Dialect>("simDialect");
    QTest::addColumn<atb::Dialect>("startAs");
    QTest::addColumn<atb::Dialect>("expected");
    QTest::newRow("esp") << atb::sim::Dialect::Esp << atb::Dialect::Beken << atb::Dialect::Esp;
    QTest::newRow("beken-doc") << atb::sim::Dialect::BekenDoc << atb::Dialect::Esp << atb::Dialect::Beken;
    QTest::newRow("beken-src") << atb::sim::Dialect::BekenSrc << atb::Dialect::Esp << atb::Dialect::Beken;
}

void tst_DialectProbe::detectsTheSimulatorDialect()
{
    QFETCH(atb::sim::Dialect, simDialect);
    QFETCH(atb::Dialect, startAs);
    QFETCH(atb::Dialect, expected);
    SimHarness h(simDialect);
    QVERIFY(h.ready());
    // Start from the wrong guess: the probe must not depend on the session's dialect.
    h.session.setDialect(startAs);
    DialectProbe probe(&h.session);
    QSignalSpy spy(&probe, &DialectProbe::finished);
    QVERIFY(spy.isValid());
    QVERIFY(probe.start());
    QVERIFY(!probe.start()); // one at a time
    QTRY_COMPARE(spy.count(), 1);
    const auto r = spy.at(0).at(0).value<DialectProbeResult>();
    QVERIFY(r.answered);
    QCOMPARE(r.dialect, expected);
    QCOMPARE(r.confidence, DialectProbeResult::Confidence::High);
    QVERIFY(!r.firmware.isEmpty());
    QVERIFY2(r.evidence.contains(QStringLiteral("AT+GMR")), qPrintable(r.evidence));
    QCOMPARE(h.sent, QList<QByteArray>({ "AT+GMR" }));
    QVERIFY(!probe.isRunning());
}

void tst_DialectProbe::fallsBackToCipstatusWhenVersionIsUnclear_data()
{
    QTest::addColumn<QByteArray>("gmr");
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<atb::Dialect>("expected");
    QTest::addColumn<int>("confidence");
    QTest::addColumn<QString>("evidence");
    QTest::newRow("beken-bipstatus") << QByteArray("v1.2.3\r\nOK\r\n") << QByteArray("+BIPSTATUS:ALL disconnect\r\n")
                                     << atb::Dialect::Beken << int(DialectProbeResult::Confidence::High)
                                     << QStringLiteral("+BIPSTATUS");
    QTest::newRow("beken-cmdrsp") << QByteArray("v1.2.3\r\nOK\r\n") << QByteArray("CMDRSP:ERROR\r\n")
                                  << atb::Dialect::Beken << int(DialectProbeResult::Confidence::High)
                                  << QStringLiteral("CMDRSP:ERROR");
    QTest::newRow("esp-rejects-query") << QByteArray("v1.2.3\r\n\r\nOK\r\n") << QByteArray("\r\nERROR\r\n")
                                       << atb::Dialect::Esp << int(DialectProbeResult::Confidence::Low)
                                       << QStringLiteral("rejected");
    QTest::newRow("cmdrsp-on-gmr") << QByteArray("1.0\r\nCMDRSP:OK\r\n") << QByteArray()
                                   << atb::Dialect::Beken << int(DialectProbeResult::Confidence::High)
                                   << QStringLiteral("CMDRSP:OK");
}

void tst_DialectProbe::fallsBackToCipstatusWhenVersionIsUnclear()
{
    QFETCH(QByteArray, gmr);
    QFETCH(QByteArray, status);
    QFETCH(atb::Dialect, expected);
    QFETCH(int, confidence);
    QFETCH(QString, evidence);

    atb::DeviceSession session;
    auto [host, device] = atb::PipeTransport::createPair(QStringLiteral("table"));
    device->open();
    TableModule module(device);
    module.replies.insert("AT+GMR", gmr);
    module.replies.insert("AT+CIPSTATUS?", status);
    session.openWith([host = host](QObject *parent) {
        host->setParent(parent);
        return host;
    });
    QTRY_COMPARE(session.state(), atb::DeviceSession::State::Connected);

    DialectProbe probe(&session);
    QSignalSpy spy(&probe, &DialectProbe::finished);
    QVERIFY(probe.start());
    QTRY_COMPARE(spy.count(), 1);
    const auto r = spy.at(0).at(0).value<DialectProbeResult>();
    QCOMPARE(r.dialect, expected);
    QCOMPARE(int(r.confidence), confidence);
    QVERIFY2(r.evidence.contains(evidence), qPrintable(r.evidence));
    QCOMPARE(r.firmware.value(0), QString::fromUtf8(gmr.left(gmr.indexOf('\r'))));
    const QList<QByteArray> expectedLines = status.isEmpty() ? QList<QByteArray>({ "AT+GMR" }) : DialectProbe::probeLines();
    QCOMPARE(module.lines, expectedLines);
    session.close();
    delete device;
}

void tst_DialectProbe::reportsNoAnswerWhenDisconnected()
{
    atb::DeviceSession session;
    DialectProbe probe(&session);
    QSignalSpy spy(&probe, &DialectProbe::finished);
    QVERIFY(probe.start());
    QTRY_COMPARE(spy.count(), 1);
    const auto r = spy.at(0).at(0).value<DialectProbeResult>();
    QVERIFY(!r.answered);
    QVERIFY(!r.detected());
    QVERIFY(!r.evidence.isEmpty());
    QVERIFY(!probe.isRunning());
}

QTEST_GUILESS_MAIN(tst_DialectProbe)
#include "tst_dialectprobe.moc"
