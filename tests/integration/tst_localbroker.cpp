// LocalBroker: mosquitto on free 127.0.0.1 ports with a generated configuration (the WebSocket
// listener too, on loopback only), reachable by the app's client, stopped cleanly, and gone when
// the app is killed; a broker that dies is reported; a mosquitto without WebSocket support falls back to plain MQTT and says why;
// a missing mosquitto gives a sentence, not a hang.
#include "mqttclient/brokerclient.h"
#include "mqttclient/localbroker.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace atb;

namespace {

// Listening TCP sockets on `port` from /proc/net/tcp and tcp6: their local addresses in hex
// ("0100007F" is 127.0.0.1).
QStringList listenersOn(quint16 port)
{
    QStringList out;
    for (const char *file : { "/proc/net/tcp", "/proc/net/tcp6" }) {
        QFile f(QString::fromLatin1(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = f.readAll().split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> cols = line.simplified().split(' ');
            if (cols.size() < 4 || cols[3] != "0A") // LISTEN
                continue;
            const QList<QByteArray> local = cols[1].split(':');
            if (local.size() == 2 && local[1].toUInt(nullptr, 16) == port)
                out << QString::fromLatin1(local[0]);
        }
    }
    return out;
}

bool reachable(quint16 port)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    return s.waitForConnected(1000);
}

} // namespace

class tst_LocalBroker : public QObject
{
    Q_OBJECT

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // The child of brokerEndsWhenTheAppDies(): starts a local broker, says its pid, waits to be killed.
    [[noreturn]] static void runAsChild()
    {
        LocalBroker b;
        QEventLoop loop;
        QObject::connect(&b, &LocalBroker::started, &loop, &QEventLoop::quit);
        QObject::connect(&b, &LocalBroker::failed, &loop, &QEventLoop::quit);
        b.start(false);
        loop.exec();
        printf("BROKERPID %lld\n", b.processId());
        fflush(stdout);
        for (;;)
            QThread::sleep(1);
    }

private slots:
    void initTestCase()
    {
        if (LocalBroker::program().isEmpty())
            QFAIL("mosquitto is not installed (scripts/setup-deps.sh installs it)");
        if (qEnvironmentVariableIsSet("ATB_LOCALBROKER_CHILD"))
            runAsChild(); // brokerEndsWhenTheAppDies(): this process is the "app" that dies
    }

    void startsOnLoopbackOnlyAndStops()
    {
        LocalBroker b;
        QSignalSpy started(&b, &LocalBroker::started);
        QSignalSpy states(&b, &LocalBroker::stateChanged);
        b.start(true);
        QCOMPARE(b.state(), LocalBroker::State::Starting);
        QVERIFY(started.wait(10000));
        QCOMPARE(b.state(), LocalBroker::State::Running);
        QVERIFY(b.port() > 0);
        QCOMPARE(b.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(b.addressText().startsWith(QStringLiteral("127.0.0.1:%1").arg(b.port())));
        QVERIFY(b.processId() > 0);
        // Nothing but 127.0.0.1: every listener of both ports (the WebSocket one too).
        QCOMPARE(listenersOn(b.port()), QStringList { QStringLiteral("0100007F") });
        if (b.webSocketPort()) {
            QCOMPARE(listenersOn(b.webSocketPort()), QStringList { QStringLiteral("0100007F") });
            QVERIFY(b.logTail().join(QLatin1Char('\n')).contains(QLatin1String("websockets listen socket")));
        } else {
            QVERIFY(!b.webSocketNote().isEmpty());
        }

        BrokerClient c;
        QSignalSpy up(&c, &BrokerClient::connected);
        BrokerSettings s;
        s.host = b.host();
        s.port = b.port();
        QVERIFY(c.connectToBroker(s));
        QVERIFY(up.wait(10000));

        const quint16 port = b.port();
        b.stop();
        QCOMPARE(b.state(), LocalBroker::State::Stopped);
        QCOMPARE(b.port(), quint16(0));
        QVERIFY(!reachable(port));
        QVERIFY(listenersOn(port).isEmpty());
    }

    void destroyingStopsIt()
    {
        quint16 port = 0;
        {
            LocalBroker b;
            QSignalSpy started(&b, &LocalBroker::started);
            b.start(false);
            QVERIFY(started.wait(10000));
            QCOMPARE(b.webSocketPort(), quint16(0));
            QVERIFY(b.webSocketNote().isEmpty()); // none asked for
            port = b.port();
            QVERIFY(reachable(port));
        }
        QVERIFY(!reachable(port));
    }

    void aBrokerThatDiesIsReported()
    {
        LocalBroker b;
        QSignalSpy started(&b, &LocalBroker::started);
        QSignalSpy died(&b, &LocalBroker::stoppedUnexpectedly);
        b.start(false);
        QVERIFY(started.wait(10000));
        b.kill();
        QVERIFY(died.wait(5000));
        QVERIFY(!died[0][0].toString().isEmpty());
        QCOMPARE(b.state(), LocalBroker::State::Stopped);
        // It can be started again.
        b.start(false);
        QVERIFY(started.wait(10000));
        QVERIFY(b.isRunning());
    }

    // A mosquitto built without WebSocket support: the broker runs with plain MQTT only and
    // webSocketNote() says why (a stand-in script answers like such a build).
    void withoutWebSocketSupportFallsBack()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("mosquitto"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("#!/bin/sh\n"
                               "if grep -q websockets \"$2\"; then\n"
                               "  echo \"1700000000: Error: Websockets support not available.\" >&2\n"
                               "  echo \"1700000000: Error found at $2:10.\" >&2\n"
                               "  exit 3\n"
                               "fi\n"
                               "exec %1 \"$@\"\n")
                    .arg(LocalBroker::program())
                    .toUtf8());
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("ATBENCH_MOSQUITTO", script.toUtf8());
        LocalBroker b;
        QSignalSpy started(&b, &LocalBroker::started);
        b.start(true);
        const bool ok = started.wait(10000);
        qunsetenv("ATBENCH_MOSQUITTO");
        QVERIFY(ok);
        QCOMPARE(b.webSocketPort(), quint16(0));
        QVERIFY2(b.webSocketNote().contains(QLatin1String("WebSocket")), qPrintable(b.webSocketNote()));
        QVERIFY(reachable(b.port()));
    }

    // AT Bench killed (no destructor runs): the kernel's parent-death signal ends mosquitto too,
    // also when AT Bench runs as root (the broker keeps AT Bench's user, see writeConfig()).
    void brokerEndsWhenTheAppDies()
    {
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ATB_LOCALBROKER_CHILD"), QStringLiteral("1"));
        app.setProcessEnvironment(env);
        app.start(QCoreApplication::applicationFilePath(), { QStringLiteral("destroyingStopsIt") }); // initTestCase() runs first
        QVERIFY(app.waitForStarted(5000));
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += app.readAllStandardOutput()).contains("BROKERPID "), 15000);
        const qint64 pid = out.mid(out.indexOf("BROKERPID ") + 10).split('\n').first().trimmed().toLongLong();
        QVERIFY(pid > 0);
        QVERIFY(QFile::exists(QStringLiteral("/proc/%1").arg(pid)));
        app.kill(); // SIGKILL
        QVERIFY(app.waitForFinished(5000));
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(QStringLiteral("/proc/%1/cmdline").arg(pid))
                                     || QFile(QStringLiteral("/proc/%1/cmdline").arg(pid)).size() == 0
                                     || !readAll(QStringLiteral("/proc/%1/cmdline").arg(pid)).contains("mosquitto"),
                                 10000);
    }

    void missingMosquittoSaysHowToInstallIt()
    {
        qputenv("ATBENCH_MOSQUITTO", "/nonexistent/atbench/mosquitto");
        LocalBroker b;
        QSignalSpy failed(&b, &LocalBroker::failed);
        b.start(true);
        qunsetenv("ATBENCH_MOSQUITTO");
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(b.state(), LocalBroker::State::Failed);
        QVERIFY(failed[0][0].toString().contains(QLatin1String("setup-deps")));
    }

    // A configuration mosquitto refuses ends in failed() with mosquitto's own words.
    void refusedConfigurationGivesMosquittosReason()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("mosquitto"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\necho \"1700000000: Error: Invalid bridge configuration.\" >&2\nexit 1\n");
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("ATBENCH_MOSQUITTO", script.toUtf8());
        LocalBroker b;
        QSignalSpy failed(&b, &LocalBroker::failed);
        b.start(false);
        qunsetenv("ATBENCH_MOSQUITTO");
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed[0][0].toString().contains(QLatin1String("Invalid bridge configuration")),
                 qPrintable(failed[0][0].toString()));
    }
};

QTEST_GUILESS_MAIN(tst_LocalBroker)
#include "tst_localbroker.moc"
