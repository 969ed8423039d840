// BrokerClient (the app's own MQTT client, Eclipse Paho) against a real mosquitto on 127.0.0.1:
// QoS 0-2 both ways byte for byte (commas, quotes, CR LF, NUL), retained messages, the last will
// when the connection dies, clean and persistent sessions, user name and password, TLS with a
// generated CA (verified, wrong CA refused, no verification), WebSocket (through LocalBroker,
// whose mosquitto listens for it), a broker killed and restarted (lost, reconnected, subscribed
// again), and every signal arriving in the owner's thread.
#include "mosquittobroker.h"
#include "mqttclient/brokerclient.h"
#include "mqttclient/localbroker.h"
#include "testca.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QtTest>

using namespace atb;

namespace {

BrokerSettings plain(quint16 port)
{
    BrokerSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = port;
    return s;
}

QList<BrokerMessage> messagesOf(const QSignalSpy &spy)
{
    QList<BrokerMessage> all;
    for (const QList<QVariant> &args : spy)
        all += args.at(0).value<QList<BrokerMessage>>();
    return all;
}

int countOf(const QSignalSpy &spy)
{
    return int(messagesOf(spy).size());
}

} // namespace

class tst_BrokerClient : public QObject
{
    Q_OBJECT

private:
    bool connectClient(BrokerClient &c, const BrokerSettings &s)
    {
        QSignalSpy up(&c, &BrokerClient::connected);
        QString error;
        if (!c.connectToBroker(s, &error)) {
            qWarning() << error;
            return false;
        }
        return up.wait(10000) || c.isConnected();
    }
    bool subscribe(BrokerClient &c, const QString &filter, int qos)
    {
        QSignalSpy done(&c, &BrokerClient::subscribed);
        if (!c.subscribe(filter, qos))
            return false;
        return (done.size() || done.wait(5000)) && done.last().at(2).toBool();
    }

private slots:
    void initTestCase()
    {
        const QString missing = mqtttest::missingTools();
        if (!missing.isEmpty())
            QFAIL(qPrintable(QStringLiteral("required tools missing: ") + missing)); // setup-deps installs them
    }

    void settingsMakeUris_data()
    {
        QTest::addColumn<int>("transport");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("uri");
        QTest::newRow("tcp") << int(BrokerSettings::Transport::Tcp) << "127.0.0.1" << "/mqtt" << "tcp://127.0.0.1:1234";
        QTest::newRow("tls") << int(BrokerSettings::Transport::Tls) << "broker.lan" << "" << "ssl://broker.lan:1234";
        QTest::newRow("ws") << int(BrokerSettings::Transport::WebSocket) << "::1" << "mqtt" << "ws://[::1]:1234/mqtt";
        QTest::newRow("wss") << int(BrokerSettings::Transport::WebSocketTls) << "h" << "/" << "wss://h:1234/";
    }
    void settingsMakeUris()
    {
        QFETCH(int, transport);
        QFETCH(QString, host);
        QFETCH(QString, path);
        QFETCH(QString, uri);
        BrokerSettings s;
        s.transport = BrokerSettings::Transport(transport);
        s.host = host;
        s.port = 1234;
        s.path = path;
        QCOMPARE(s.uri(), uri);
        QVERIFY(s.validate().isEmpty());
    }

    void invalidSettingsNameTheField_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("will");
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("no host") << "" << 1883 << "" << QByteArray("host");
        QTest::newRow("port 0") << "h" << 0 << "" << QByteArray("port");
        QTest::newRow("port 70000") << "h" << 70000 << "" << QByteArray("port");
        QTest::newRow("wildcard will") << "h" << 1883 << "a/#" << QByteArray("will_topic");
    }
    void invalidSettingsNameTheField()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, will);
        QFETCH(QByteArray, field);
        BrokerSettings s;
        s.host = host;
        s.port = port;
        s.willTopic = will;
        QByteArray got;
        QVERIFY(!s.validate(&got).isEmpty());
        QCOMPARE(got, field);
        BrokerClient c;
        QString error;
        QVERIFY(!c.connectToBroker(s, &error));
        QVERIFY(!error.isEmpty());
    }

    void filtersAndTopicsAreChecked()
    {
        QVERIFY(BrokerClient::checkFilter(QStringLiteral("#")).isEmpty());
        QVERIFY(BrokerClient::checkFilter(QStringLiteral("a/+/c/#")).isEmpty());
        QVERIFY(!BrokerClient::checkFilter(QStringLiteral("a/#/c")).isEmpty());
        QVERIFY(!BrokerClient::checkFilter(QStringLiteral("a/b+")).isEmpty());
        QVERIFY(!BrokerClient::checkTopic(QStringLiteral("a/+")).isEmpty());
        QVERIFY(!BrokerClient::checkTopic(QString()).isEmpty());
    }

    // Payloads byte for byte at every QoS, both ways, with the characters AT commands escape
    // and the bytes lines are made of.
    void publishAndReceiveByteExact_data()
    {
        QTest::addColumn<int>("qos");
        QTest::newRow("qos 0") << 0;
        QTest::newRow("qos 1") << 1;
        QTest::newRow("qos 2") << 2;
    }
    void publishAndReceiveByteExact()
    {
        QFETCH(int, qos);
        mqtttest::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        BrokerClient c;
        QSignalSpy states(&c, &BrokerClient::stateChanged);
        QVERIFY(connectClient(c, plain(broker.port())));
        QCOMPARE(c.state(), BrokerClient::State::Connected);
        QVERIFY(c.clientId().startsWith(QLatin1String("atbench-")));
        QVERIFY(subscribe(c, QStringLiteral("in/#"), qos));

        const QByteArray tricky("a,b\"c\\d\r\ne\0f\xff,\"\r\n", 18);
        QSignalSpy got(&c, &BrokerClient::messagesReceived);
        QCOMPARE(broker.publish(QStringLiteral("in/x"), tricky, qos), 0);
        QTRY_COMPARE(countOf(got), 1);
        const BrokerMessage m = messagesOf(got).first();
        QCOMPARE(m.topic, QStringLiteral("in/x"));
        QCOMPARE(m.payload, tricky);
        QCOMPARE(m.qos, qos);
        QVERIFY(!m.retained);
        QVERIFY(m.arrivedNs > 0);

        mqtttest::MosquittoSubscriber sub;
        QVERIFY(sub.start(broker.port(), QStringLiteral("out")));
        QSignalSpy published(&c, &BrokerClient::published);
        const int token = c.publish(QStringLiteral("out"), tricky, qos, false);
        QVERIFY(token > 0);
        QCOMPARE(sub.nextPayload(), tricky);
        QTRY_COMPARE(published.size(), 1);
        QCOMPARE(published[0][0].toInt(), token);
        QVERIFY(published[0][1].toBool());
        QCOMPARE(c.receivedCount(), 1);
        QCOMPARE(c.droppedMessages(), 0);
    }

    void retainedMessagesAreFlagged()
    {
        mqtttest::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        QCOMPARE(broker.publish(QStringLiteral("state/lamp"), "on", 1, true), 0);
        BrokerClient c;
        QVERIFY(connectClient(c, plain(broker.port())));
        QSignalSpy got(&c, &BrokerClient::messagesReceived);
        QVERIFY(subscribe(c, QStringLiteral("state/#"), 1));
        QTRY_COMPARE(countOf(got), 1);
        QVERIFY(messagesOf(got).first().retained);
        QCOMPARE(broker.publish(QStringLiteral("state/lamp"), "off", 1), 0);
        QTRY_COMPARE(countOf(got), 2);
        QVERIFY(!messagesOf(got).last().retained); // delivered live
        // Publishing retained from the app: a later subscriber gets it flagged.
        QSignalSpy published(&c, &BrokerClient::published);
        QVERIFY(c.publish(QStringLiteral("state/fan"), "3", 1, true) > 0);
        QTRY_COMPARE(published.size(), 1);
        BrokerClient late;
        QVERIFY(connectClient(late, plain(broker.port())));
        QSignalSpy lateGot(&late, &BrokerClient::messagesReceived);
        QVERIFY(subscribe(late, QStringLiteral("state/fan"), 0));
        QTRY_COMPARE(countOf(lateGot), 1);
        QVERIFY(messagesOf(lateGot).first().retained);
        QCOMPARE(messagesOf(lateGot).first().payload, QByteArray("3"));
    }

    // The broker publishes the last will when the connection dies without DISCONNECT, and
    // not after a clean disconnect.
    void lastWillOnlyWhenTheConnectionDies()
    {
        mqtttest::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        BrokerClient watcher;
        QVERIFY(connectClient(watcher, plain(broker.port())));
        QVERIFY(subscribe(watcher, QStringLiteral("will/#"), 1));
        QSignalSpy got(&watcher, &BrokerClient::messagesReceived);

        BrokerSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.willTopic = QStringLiteral("will/bench");
        s.willPayload = QByteArray("gone,\"\0", 7);
        s.willQos = 1;
        s.autoReconnect = false;
        {
            BrokerClient polite;
            s.port = broker.port();
            QVERIFY(connectClient(polite, s));
            polite.disconnectFromBroker();
        }
        TcpRelay relay(broker.port());
        BrokerClient dying;
        s.port = relay.port();
        QVERIFY(connectClient(dying, s));
        QSignalSpy lost(&dying, &BrokerClient::connectionLost);
        QSignalSpy states(&dying, &BrokerClient::stateChanged);
        QSignalSpy again(&dying, &BrokerClient::connected);
        relay.cut();
        QTRY_COMPARE_WITH_TIMEOUT(countOf(got), 1, 10000);
        QCOMPARE(messagesOf(got).first().topic, QStringLiteral("will/bench"));
        QCOMPARE(messagesOf(got).first().payload, QByteArray("gone,\"\0", 7));
        QTRY_COMPARE(lost.size(), 1);
        // No automatic reconnect asked for, so nothing may connect again. Nothing to await here:
        // the relay (this thread's event loop) gets a second connection at once if the client
        // tries, so a second of it is plenty. (Paho retried with MQTT 3.1 after a socket error
        // when no version was set, and the broker took it: a silent reconnect.)
        QTest::qWait(1000);
        QCOMPARE(relay.connections(), 1);
        QStringList history;
        for (const QList<QVariant> &args : std::as_const(states))
            history << QString::number(int(args[0].value<BrokerClient::State>()));
        for (const QList<QVariant> &args : std::as_const(again))
            history << (args[0].toBool() ? QStringLiteral("connected(reconnected)") : QStringLiteral("connected(first)"));
        QVERIFY2(dying.state() == BrokerClient::State::Disconnected, qPrintable(history.join(QLatin1Char(' '))));
        QVERIFY2(again.isEmpty(), qPrintable(history.join(QLatin1Char(' '))));
    }

    // A persistent session (clean session off) keeps the subscription and the QoS 1 messages
    // published while the client was away; a clean one does not.
    void persistentSessionKeepsMessages_data()
    {
        QTest::addColumn<bool>("clean");
        QTest::newRow("persistent") << false;
        QTest::newRow("clean") << true;
    }
    void persistentSessionKeepsMessages()
    {
        QFETCH(bool, clean);
        mqtttest::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        BrokerSettings s = plain(broker.port());
        s.clientId = QStringLiteral("atbench-test-persistent");
        s.cleanSession = clean;
        {
            BrokerClient c;
            QVERIFY(connectClient(c, s));
            QVERIFY(subscribe(c, QStringLiteral("queue/x"), 1));
            c.disconnectFromBroker();
        }
        QCOMPARE(broker.publish(QStringLiteral("queue/x"), "while away", 1), 0);
        BrokerClient again;
        QSignalSpy got(&again, &BrokerClient::messagesReceived);
        QVERIFY(connectClient(again, s)); // no subscribe call this time
        if (clean) {
            QCOMPARE(broker.publish(QStringLiteral("queue/x"), "now", 1), 0);
            QVERIFY(!got.wait(1500)); // nobody subscribed: nothing may arrive
        } else {
            QTRY_COMPARE(countOf(got), 1);
            QCOMPARE(messagesOf(got).first().payload, QByteArray("while away"));
        }
    }

    void userAndPassword()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("mosquitto_passwd")).isEmpty())
            QSKIP("mosquitto_passwd is not installed");
        QTemporaryDir dir;
        const QString passwords = dir.filePath(QStringLiteral("passwords"));
        QCOMPARE(QProcess::execute(QStringLiteral("mosquitto_passwd"),
                                   { QStringLiteral("-c"), QStringLiteral("-b"), passwords, QStringLiteral("bench"),
                                     QStringLiteral("s3cret,\"pw") }),
                 0);
        testca::TestCa::readableByAll(dir.path()); // mosquitto reads it after dropping root's privileges
        mqtttest::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error, QStringLiteral("password_file %1").arg(passwords)), qPrintable(error));
        BrokerSettings s = plain(broker.port());
        s.username = QStringLiteral("bench");
        s.password = QStringLiteral("s3cret,\"pw");
        BrokerClient good;
        QVERIFY(connectClient(good, s));

        s.password = QStringLiteral("wrong");
        BrokerClient bad;
        QSignalSpy failed(&bad, &BrokerClient::connectFailed);
        QVERIFY(bad.connectToBroker(s));
        QVERIFY(failed.wait(10000));
        const QString why = failed[0][0].toString();
        QVERIFY2(why.contains(QLatin1String("user name or password")) || why.contains(QLatin1String("not authorised")),
                 qPrintable(why));
        QVERIFY(!why.contains(QLatin1String("wrong")));
        QCOMPARE(bad.state(), BrokerClient::State::Disconnected);
    }

    void tlsWithGeneratedCa()
    {
        testca::TestCa ca, otherCa;
        QString error = ca.make();
        if (error.isEmpty())
            error = otherCa.make(QStringLiteral("Some other CA"));
        if (!error.isEmpty())
            QSKIP(qPrintable(error));
        mqtttest::MosquittoBroker broker;
        QVERIFY2(broker.start(&error, ca.mosquittoTlsLines()), qPrintable(error));
        BrokerSettings s = plain(broker.port());
        s.transport = BrokerSettings::Transport::Tls;
        s.caFile = ca.caFile();
        s.verifyServer = true;
        s.autoReconnect = false;
        BrokerClient verified;
        QVERIFY(connectClient(verified, s));
        QVERIFY(subscribe(verified, QStringLiteral("tls"), 1));
        QSignalSpy got(&verified, &BrokerClient::messagesReceived);
        QVERIFY(verified.publish(QStringLiteral("tls"), QByteArray("over\0tls", 8), 1, false) > 0);
        QTRY_COMPARE(countOf(got), 1);
        QCOMPARE(messagesOf(got).first().payload, QByteArray("over\0tls", 8));

        s.caFile = otherCa.caFile();
        BrokerClient wrongCa;
        QSignalSpy failed(&wrongCa, &BrokerClient::connectFailed);
        QVERIFY(wrongCa.connectToBroker(s));
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed[0][0].toString().contains(QLatin1String("TLS")), qPrintable(failed[0][0].toString()));
        QVERIFY(!wrongCa.isConnected());

        s.verifyServer = false; // the other CA is ignored without verification
        BrokerClient unverified;
        QVERIFY(connectClient(unverified, s));

        s.transport = BrokerSettings::Transport::Tcp; // plain MQTT to a TLS port fails, and says so
        s.connectTimeoutS = 2;
        BrokerClient plainToTls;
        QSignalSpy plainFailed(&plainToTls, &BrokerClient::connectFailed);
        QVERIFY(plainToTls.connectToBroker(s));
        QVERIFY(plainFailed.wait(10000));
    }

    // Debian's mosquitto serves WebSocket only beside a plain listener (LocalBroker does that).
    void webSocket()
    {
        LocalBroker local;
        QSignalSpy started(&local, &LocalBroker::started);
        local.start(true);
        QVERIFY(started.wait(10000));
        if (!local.webSocketPort())
            QSKIP(qPrintable(local.webSocketNote()));
        BrokerSettings s = plain(local.webSocketPort());
        s.transport = BrokerSettings::Transport::WebSocket;
        s.path = local.webSocketPath();
        BrokerClient ws;
        QVERIFY(connectClient(ws, s));
        QVERIFY(subscribe(ws, QStringLiteral("ws/#"), 2));
        BrokerClient tcp;
        QVERIFY(connectClient(tcp, plain(local.port())));
        QSignalSpy got(&ws, &BrokerClient::messagesReceived);
        const QByteArray payload("web,\"socket\"\r\n\0", 15);
        QVERIFY(tcp.publish(QStringLiteral("ws/a"), payload, 2, false) > 0);
        QTRY_COMPARE(countOf(got), 1);
        QCOMPARE(messagesOf(got).first().payload, payload);
    }

    // A broker that goes away: connectionLost, Reconnecting, and once it is back the client
    // connects again by itself and subscribes again.
    void brokerKilledAndRestarted()
    {
        mqtttest::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        BrokerClient c;
        QVERIFY(connectClient(c, plain(broker.port())));
        QVERIFY(subscribe(c, QStringLiteral("back/#"), 1));
        QSignalSpy lost(&c, &BrokerClient::connectionLost);
        QSignalSpy up(&c, &BrokerClient::connected);
        broker.kill();
        QVERIFY(lost.wait(10000));
        QCOMPARE(c.state(), BrokerClient::State::Reconnecting);
        QVERIFY(!c.lastError().isEmpty());
        QString publishError;
        QCOMPARE(c.publish(QStringLiteral("back/x"), "x", 0, false, &publishError), 0);
        QVERIFY(!publishError.isEmpty());
        QVERIFY2(broker.restart(&error), qPrintable(error));
        QVERIFY(up.wait(15000));
        QVERIFY(up[0][0].toBool()); // reconnected
        QCOMPARE(c.state(), BrokerClient::State::Connected);
        QSignalSpy got(&c, &BrokerClient::messagesReceived);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                broker.publish(QStringLiteral("back/y"), "again", 1);
                return countOf(got) > 0;
            }(),
            10000);
        QCOMPARE(messagesOf(got).first().payload, QByteArray("again"));
    }

    void connectionRefusedSaysSo()
    {
        BrokerClient c;
        QSignalSpy failed(&c, &BrokerClient::connectFailed);
        QVERIFY(c.connectToBroker(plain(freeLoopbackPort())));
        QCOMPARE(c.state(), BrokerClient::State::Connecting);
        QVERIFY(failed.wait(15000));
        QCOMPARE(c.state(), BrokerClient::State::Disconnected);
        QVERIFY(!failed[0][0].toString().isEmpty());
    }

    // Every signal in the owner's thread, whatever Paho's threads do.
    void signalsArriveInTheOwnersThread()
    {
        mqtttest::MosquittoBroker broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        BrokerClient c;
        QThread *owner = QThread::currentThread();
        bool allInOwner = true;
        auto check = [&] { allInOwner = allInOwner && QThread::currentThread() == owner; };
        connect(&c, &BrokerClient::connected, this, check, Qt::DirectConnection);
        connect(&c, &BrokerClient::messagesReceived, this, check, Qt::DirectConnection);
        connect(&c, &BrokerClient::published, this, check, Qt::DirectConnection);
        connect(&c, &BrokerClient::subscribed, this, check, Qt::DirectConnection);
        QVERIFY(connectClient(c, plain(broker.port())));
        QVERIFY(subscribe(c, QStringLiteral("burst"), 0));
        QSignalSpy got(&c, &BrokerClient::messagesReceived);
        for (int i = 0; i < 2000; ++i)
            c.publish(QStringLiteral("burst"), QByteArray::number(i), 0, false);
        QTRY_COMPARE_WITH_TIMEOUT(countOf(got), 2000, 20000);
        QVERIFY(got.size() < 2000); // handed over in batches
        const QList<BrokerMessage> all = messagesOf(got);
        for (int i = 0; i < all.size(); ++i)
            QCOMPARE(all[i].payload, QByteArray::number(i)); // in order
        QVERIFY(allInOwner);
    }
};

QTEST_GUILESS_MAIN(tst_BrokerClient)
#include "tst_brokerclient.moc"
