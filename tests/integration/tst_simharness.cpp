// The in-process harness used by service and page tests: session, model and simulator agree.
#include "simharness.h"

#include <QSignalSpy>
#include <QtTest>

class tst_SimHarness : public QObject
{
    Q_OBJECT

private slots:
    void commandsReachTheModuleAndTheModelFollows()
    {
        SimHarness h;
        QVERIFY(h.ready());
        QSignalSpy done(&h.session, &atb::DeviceSession::commandFinished);
        h.session.submit(atb::AtCommand::fromLine("AT+CIPMUX=1"));
        QTRY_COMPARE(done.size(), 1);
        QCOMPARE(h.sent, QList<QByteArray> { "AT+CIPMUX=1" });
        QCOMPARE(h.model.cipMux(), 1);
    }

    void bekenHarnessSetsTheDialect()
    {
        SimHarness h(atb::sim::Dialect::BekenDoc);
        QVERIFY(h.ready());
        QCOMPARE(h.session.dialect(), atb::Dialect::Beken);
    }
};

QTEST_GUILESS_MAIN(tst_SimHarness)
#include "tst_simharness.moc"
