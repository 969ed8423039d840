// TopicTree: levels, counts, rates, last payload and retained flag, the node and payload bounds
// (what was dropped is counted and said), the changes a view takes; numericJsonFields.
#include "mqttclient/topictree.h"

#include <QtTest>

using namespace atb;

namespace {

BrokerMessage msg(const QString &topic, const QByteArray &payload = "x", bool retained = false, int qos = 0)
{
    BrokerMessage m;
    m.topic = topic;
    m.payload = payload;
    m.retained = retained;
    m.qos = qos;
    m.timeMs = 1000;
    return m;
}

} // namespace

class tst_TopicTree : public QObject
{
    Q_OBJECT

private slots:
    void levelsAndCounts()
    {
        TopicTree t;
        t.add(msg(QStringLiteral("home/kitchen/temp"), "21.5"));
        t.add(msg(QStringLiteral("home/kitchen/temp"), "21.7", false, 1));
        t.add(msg(QStringLiteral("home/hall"), "{\"on\":true}", true));
        QCOMPARE(t.nodeCount(), 5); // root, home, kitchen, temp, hall
        const int temp = t.find(QStringLiteral("home/kitchen/temp"));
        QVERIFY(temp > 0);
        QCOMPARE(t.node(temp).name, QStringLiteral("temp"));
        QCOMPARE(t.node(temp).messages, 2);
        QCOMPARE(t.node(temp).lastPayload, QByteArray("21.7"));
        QCOMPARE(t.node(temp).lastQos, 1);
        QCOMPARE(t.topicOf(temp), QStringLiteral("home/kitchen/temp"));
        const int home = t.find(QStringLiteral("home"));
        QCOMPARE(t.node(home).messages, 0);
        QCOMPARE(t.node(home).subtreeMessages, 3);
        QCOMPARE(t.node(0).subtreeMessages, 3);
        QVERIFY(t.node(t.find(QStringLiteral("home/hall"))).retained);
        QCOMPARE(t.node(home).children.size(), 2);
        QCOMPARE(t.totalMessages(), 3);
    }

    void emptyLevelsAreLevels_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<int>("depth");
        QTest::newRow("leading slash") << QStringLiteral("/a") << 2;
        QTest::newRow("double slash") << QStringLiteral("a//b") << 3;
        QTest::newRow("trailing slash") << QStringLiteral("a/") << 2;
        QTest::newRow("one level") << QStringLiteral("a") << 1;
    }
    void emptyLevelsAreLevels()
    {
        QFETCH(QString, topic);
        QFETCH(int, depth);
        TopicTree t;
        const int n = t.add(msg(topic));
        QCOMPARE(t.nodeCount(), depth + 1);
        QCOMPARE(t.topicOf(n), topic);
        QCOMPARE(t.find(topic), n);
    }

    // A busy broker cannot grow the tree beyond its bound; what is kept out is counted and said.
    void nodeLimitDropsAndSaysSo()
    {
        TopicTree::Limits limits;
        limits.maxNodes = 100;
        limits.payloadBytes = 8;
        TopicTree t(limits);
        for (int i = 0; i < 1000; ++i)
            t.add(msg(QStringLiteral("sensors/%1/value").arg(i), QByteArray(20, 'p')));
        QVERIFY(t.nodeCount() - 1 <= 100);
        QCOMPARE(t.nodeCount() - 1, 99); // sensors + 49 * (n + value): the 50th pair does not fit
        QCOMPARE(t.droppedMessages(), 1000 - 49);
        QCOMPARE(t.lastDroppedTopic(), QStringLiteral("sensors/999/value"));
        QCOMPARE(t.truncatedPayloads(), 49);
        const int v = t.find(QStringLiteral("sensors/0/value"));
        QCOMPARE(t.node(v).lastPayload.size(), 8);
        QCOMPARE(t.node(v).lastPayloadSize, 20);
        // Known topics still count when the tree is full.
        t.add(msg(QStringLiteral("sensors/0/value")));
        QCOMPARE(t.node(v).messages, 2);
        QCOMPARE(t.droppedMessages(), 951);
    }

    void changesAreTakenOncePerLook()
    {
        TopicTree t;
        t.add(msg(QStringLiteral("a/b")));
        TopicTree::Changes c = t.takeChanges();
        QCOMPARE(c.firstNew, 1);
        QCOMPARE(c.changed, QList<int> { 0 }); // the root's total; a and a/b are new
        QCOMPARE(t.nodeCount(), 3);
        for (int i = 0; i < 500; ++i)
            t.add(msg(QStringLiteral("a/b")));
        t.add(msg(QStringLiteral("a/c")));
        c = t.takeChanges();
        QCOMPARE(c.firstNew, 3); // a/c is new
        QCOMPARE(c.changed, (QList<int> { 0, 1, 2 })); // root, a, a/b: once each, however many messages
        c = t.takeChanges();
        QCOMPARE(c.firstNew, 4);
        QVERIFY(c.changed.isEmpty());
    }

    void ratesFollowTheTraffic()
    {
        TopicTree t;
        for (int i = 0; i < 10; ++i)
            t.add(msg(QStringLiteral("r")));
        t.updateRates(1.0);
        const int r = t.find(QStringLiteral("r"));
        const double first = t.node(r).rate;
        QVERIFY(first > 0 && first <= 10);
        for (int k = 0; k < 30; ++k) { // 10/s for 30 s: the smoothed rate converges
            for (int i = 0; i < 10; ++i)
                t.add(msg(QStringLiteral("r")));
            t.updateRates(1.0);
        }
        QVERIFY(qAbs(t.node(r).rate - 10) < 0.1);
        for (int k = 0; k < 60; ++k)
            t.updateRates(1.0);
        QCOMPARE(t.node(r).rate, 0.0);
    }

    void jsonFields_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QList<double>>("values");
        QTest::newRow("object") << QByteArray("{\"t\":21.5,\"h\":40,\"name\":\"x\",\"on\":true}")
                                << QStringList { "h", "on", "t" } // keys in sorted order
                                << QList<double> { 40, 1, 21.5 };
        QTest::newRow("nested") << QByteArray("{\"a\":{\"b\":1},\"c\":[2,3]}") << QStringList { "a.b", "c[0]", "c[1]" }
                                << QList<double> { 1, 2, 3 };
        QTest::newRow("bare number") << QByteArray(" 21.5\r\n") << QStringList { "value" } << QList<double> { 21.5 };
        QTest::newRow("not json") << QByteArray("hello") << QStringList() << QList<double>();
        QTest::newRow("numeric string") << QByteArray("{\"v\":\"12\"}") << QStringList() << QList<double>();
    }
    void jsonFields()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QStringList, names);
        QFETCH(QList<double>, values);
        const auto fields = numericJsonFields(payload);
        QStringList gotNames;
        QList<double> gotValues;
        for (const auto &f : fields) {
            gotNames << f.first;
            gotValues << f.second;
        }
        QCOMPARE(gotNames, names);
        QCOMPARE(gotValues, values);
    }
};

QTEST_GUILESS_MAIN(tst_TopicTree)
#include "tst_topictree.moc"
