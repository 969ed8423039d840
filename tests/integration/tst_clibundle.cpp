// atbench-cli bundle as a program against atbench-sim on a pty (issue 13): the bundle holds the
// recording and the module's state, and none of the secrets the module was given; bad uses fail
// with the documented exit codes. Its module/profile.json is the provisioning reader's profile.
#include "diagnostics/supportbundle.h"
#include "provisioning/profile.h"
#include "ptysim.h"
#include "rawpty.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString cliBinary()
{
    return QStringLiteral(ATB_BINARY_DIR "/app/atbench-cli");
}

const QByteArray kWifiSecret = "wifiS3cret99";
const QByteArray kPskSecret = "pskS3cretValue";

// Talks to the module on `link` (raw), as a field engineer did before the bundle.
bool configure(const QString &link)
{
    const int fd = ::open(QFile::encodeName(link).constData(), O_RDWR | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return false;
    rawpty::makeRaw(fd);
    QByteArray in;
    auto transact = [&](const QByteArray &line) {
        in.clear();
        rawpty::writeAll(fd, line + "\r\n");
        QDeadlineTimer d(5000);
        while (!in.contains("OK\r\n") && !in.contains("ERROR\r\n") && !d.hasExpired()) {
            rawpty::readAvailable(fd, in);
            QTest::qWait(5);
        }
        return in.contains("OK\r\n");
    };
    const bool ok = transact("ATE0") && transact("AT+CWMODE=1") && transact("AT+CWJAP=\"Lab\",\"" + kWifiSecret + "\"")
        && transact("AT+CIPMUX=1") && transact("AT+CIPSSLCPSK=0,\"" + kPskSecret + "\",\"hint\"") && transact("AT+SYSLOG=1");
    ::close(fd);
    return ok;
}

} // namespace

class TstCliBundle : public QObject
{
    Q_OBJECT
private slots:
    void bundleHoldsTheRecordingAndNoSecret();
    void badUsesFailClearly_data();
    void badUsesFailClearly();
};

void TstCliBundle::bundleHoldsTheRecordingAndNoSecret()
{
    simtest::SimProcess sim;
    QString error;
    QVERIFY2(sim.start({ QStringLiteral("--ap"), QStringLiteral("Lab:") + QString::fromLatin1(kWifiSecret) }, &error), qPrintable(error));
    QVERIFY(configure(sim.link()));
    const QString out = sim.path(QStringLiteral("bundle.zip"));
    QProcess cli;
    cli.start(cliBinary(), { QStringLiteral("bundle"), QStringLiteral("--port"), sim.link(), QStringLiteral("--out"), out });
    QVERIFY(cli.waitForFinished(60000));
    const QByteArray stderrText = cli.readAllStandardError();
    QCOMPARE(cli.exitCode(), 0);
    const QJsonObject report = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QVERIFY2(!report.isEmpty(), stderrText.constData());
    QCOMPARE(report.value(QStringLiteral("dialect")).toString(), QStringLiteral("esp"));
    QVERIFY(report.value(QStringLiteral("complete")).toBool());
    QVERIFY(report.value(QStringLiteral("commands")).toInt() > 50); // AT+CMD? read
    QVERIFY(!report.value(QStringLiteral("firmware")).toArray().isEmpty());
    QVERIFY(report.value(QStringLiteral("bundle")).toString().endsWith(QLatin1String("bundle.zip")));

    const QMap<QString, QByteArray> zip = atb::SupportBundle::readAll(out, &error);
    QVERIFY2(!zip.isEmpty(), qPrintable(error));
    QString recording;
    for (auto it = zip.cbegin(); it != zip.cend(); ++it) {
        QVERIFY2(!it.value().contains(kWifiSecret), qPrintable(it.key()));
        QVERIFY2(!it.value().contains(kPskSecret), qPrintable(it.key()));
        if (it.key().startsWith(QLatin1String("recording/")))
            recording = it.key();
    }
    QVERIFY(!recording.isEmpty());
    QCOMPARE(report.value(QStringLiteral("files")).toArray().size(), zip.size());
    // The read-back was there, masked: the PSK reply and the joined network.
    QVERIFY(zip.value(recording).contains("+CIPSSLCPSK:0,\\\"***\\\""));
    QVERIFY(zip.value(QStringLiteral("module/state.json")).contains("\"ssid\": \"Lab\""));
    QVERIFY(zip.value(QStringLiteral("module/firmware.txt")).startsWith("AT version:"));
    QVERIFY(zip.value(QStringLiteral("module/capabilities.json")).contains("\"AT+CWJAP\""));
    QVERIFY(zip.value(QStringLiteral("environment.json")).contains("\"qt_runtime\""));
    QVERIFY(zip.value(QStringLiteral("port.json")).contains(sim.link().toUtf8()));
    // The profile core/provisioning's reader made of the same read: a profile "provision" takes,
    // the Wi-Fi password and the PSK as references to secrets, never their values.
    const QByteArray profileText = zip.value(QStringLiteral("module/profile.json"));
    QVERIFY2(!profileText.isEmpty(), "module/profile.json missing");
    QVERIFY(!profileText.contains(kWifiSecret));
    QVERIFY(!profileText.contains(kPskSecret));
    QList<atb::JsonIssue> issues;
    const std::optional<atb::Profile> profile = atb::Profile::parse(profileText, &issues);
    QVERIFY2(profile, issues.isEmpty() ? "" : qPrintable(issues.first().path + QLatin1String(": ") + issues.first().reason));
    QVERIFY(profile->wifi);
    QVERIFY(profile->wifi->join);
    QCOMPARE(profile->wifi->ssid, QStringLiteral("Lab"));
    QCOMPARE(profile->wifi->password.name, QStringLiteral("wifi.password"));
    QVERIFY(profile->tlsPsk);
    QCOMPARE(profile->tlsPsk->psk.name, QStringLiteral("tls.psk"));
    QCOMPARE(profile->tlsPsk->hint, QStringLiteral("hint"));
    QVERIFY(profile->connection && profile->connection->multiple);
    QVERIFY(*profile->connection->multiple);
    QVERIFY(profile->persistence); // AT+SYSSTORE?: a profile query the state read alone lacked
    QCOMPARE(profile->source.value(QStringLiteral("port")).toString(), sim.link());

    // AT+MQTTUSERCFG? fails on the simulator: a decoded failure (SYSLOG=1 gives ERR CODE).
    const QByteArray errors = zip.value(QStringLiteral("errors.jsonl"));
    QVERIFY2(errors.contains("AT+MQTTUSERCFG?") && errors.contains("\"explanation\""), errors.constData());
}

void TstCliBundle::badUsesFailClearly_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no --out") << QStringList { QStringLiteral("--port"), QStringLiteral("/dev/null") } << 2 << QStringLiteral("--out");
    QTest::newRow("no --port") << QStringList { QStringLiteral("--out"), QStringLiteral("x.zip") } << 2 << QStringLiteral("--port");
    QTest::newRow("no such port") << QStringList { QStringLiteral("--port"), QStringLiteral("/nonexistent/ttyX"), QStringLiteral("--out"),
                                                   QStringLiteral("x.zip"), QStringLiteral("--open-timeout"), QStringLiteral("2") }
                                  << 3 << QStringLiteral("/nonexistent/ttyX");
}

void TstCliBundle::badUsesFailClearly()
{
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    QProcess cli;
    cli.setWorkingDirectory(dir.path());
    cli.start(cliBinary(), QStringList { QStringLiteral("bundle") } + args);
    QVERIFY(cli.waitForFinished(30000));
    QTEST(cli.exitCode(), "exitCode");
    QFETCH(QString, message);
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.zip"))));
}

QTEST_GUILESS_MAIN(TstCliBundle)
#include "tst_clibundle.moc"
