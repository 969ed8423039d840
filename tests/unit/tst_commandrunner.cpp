// CommandRunner: sequences stop at the first failure and failures come out in words.
#include "engine/devicesession.h"
#include "services/commandrunner.h"
#include "transport/pipetransport.h"

#include <QSignalSpy>
#include <QtTest>

using namespace atb;

namespace {

// A module on a pipe that answers from a table.
struct PipeModule
{
    DeviceSession session;
    PipeTransport *device = nullptr;
    QHash<QByteArray, QByteArray> replies;
    QList<QByteArray> lines;

    PipeModule()
    {
        auto [host, dev] = PipeTransport::createPair(QStringLiteral("pipe"));
        device = dev;
        device->open();
        QObject::connect(device, &Transport::received, device, [this](const QByteArray &b) {
            for (const QByteArray &l : b.split('\n')) {
                const QByteArray line = l.trimmed();
                if (line.isEmpty())
                    continue;
                lines << line;
                device->write(replies.value(line, "\r\nERROR\r\n"));
            }
        });
        session.openWith([host = host](QObject *parent) {
            host->setParent(parent);
            return host;
        });
    }
    ~PipeModule() { delete device; }
};

AtCommand cmd(const char *l) { return AtCommand::fromLine(l); }

} // namespace

class tst_CommandRunner : public QObject
{
    Q_OBJECT

private slots:
    void runsInOrderAndSucceeds()
    {
        PipeModule m;
        m.replies["AT+CIPMUX=1"] = "\r\nOK\r\n";
        m.replies["AT+CIPDINFO=1"] = "\r\nOK\r\n";
        QTRY_COMPARE(m.session.state(), DeviceSession::State::Connected);
        CommandRunner r(&m.session);
        QSignalSpy done(&r, &CommandRunner::finished);
        QSignalSpy busy(&r, &CommandRunner::busyChanged);
        QVERIFY(r.run(QStringLiteral("Set up links"), { cmd("AT+CIPMUX=1"), cmd("AT+CIPDINFO=1") }));
        QVERIFY(r.isBusy());
        QVERIFY(!r.run(QStringLiteral("again"), { cmd("AT") })); // one operation at a time
        QTRY_COMPARE(done.size(), 1);
        const OperationResult res = done[0][0].value<OperationResult>();
        QVERIFY(res.ok);
        QCOMPARE(res.results.size(), 2);
        QCOMPARE(m.lines, (QList<QByteArray> { "AT+CIPMUX=1", "AT+CIPDINFO=1" }));
        QCOMPARE(busy.size(), 2);
    }

    void stopsAtFirstFailureWithDecodedReason_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<QString>("expected");
        QTest::newRow("mqtt code") << QByteArray("ERR CODE:0x010a6001\r\n\r\nERROR\r\n") << QStringLiteral("AT_MQTT_NO_CONFIGURED");
        QTest::newRow("wrong password") << QByteArray("+CWJAP:2\r\n\r\nERROR\r\n") << QStringLiteral("wrong password");
        QTest::newRow("bare error") << QByteArray("\r\nERROR\r\n") << QStringLiteral("AT+SYSLOG=1");
    }
    void stopsAtFirstFailureWithDecodedReason()
    {
        QFETCH(QByteArray, reply);
        QFETCH(QString, expected);
        PipeModule m;
        m.replies["AT+FIRST"] = reply;
        QTRY_COMPARE(m.session.state(), DeviceSession::State::Connected);
        CommandRunner r(&m.session);
        QSignalSpy done(&r, &CommandRunner::finished);
        r.run(QStringLiteral("Two steps"), { cmd("AT+FIRST"), cmd("AT+SECOND") });
        QTRY_COMPARE(done.size(), 1);
        const OperationResult res = done[0][0].value<OperationResult>();
        QVERIFY(!res.ok);
        QVERIFY2(res.message.contains(expected), qPrintable(res.message));
        QVERIFY(!res.message.contains(QLatin1String("0x010a6001")) || res.message.contains(QLatin1String("AT_MQTT")));
        QCOMPARE(m.lines, QList<QByteArray> { "AT+FIRST" }); // the second was never sent
    }

    void notConnectedIsReported()
    {
        DeviceSession s;
        CommandRunner r(&s);
        QSignalSpy done(&r, &CommandRunner::finished);
        r.run(QStringLiteral("x"), { cmd("AT") });
        QTRY_COMPARE(done.size(), 1);
        QVERIFY(!done[0][0].value<OperationResult>().ok);
        QVERIFY(done[0][0].value<OperationResult>().message.contains(QLatin1String("not sent")));
    }
};

QTEST_GUILESS_MAIN(tst_CommandRunner)
#include "tst_commandrunner.moc"
