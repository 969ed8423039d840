// SecretResolver: --secret arguments, secrets files, precedence, and the prompt asked once per
// batch for every missing name. The keychain is out of reach here (ATBENCH_NO_KEYCHAIN).
#include "secrets/keychain.h"
#include "secrets/secretresolver.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace atb;

class TstSecretResolver : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void arguments_data();
    void arguments();
    void fileFormat_data();
    void fileFormat();
    void argumentBeatsFileBeatsPrompt();
    void promptIsAskedOnceWithEveryMissingName();
    void missingWithoutPrompt();
    void unreadableFileSaysWhich();
    void keychainOutOfReachAnswersNoKeychain();
};

void TstSecretResolver::initTestCase()
{
    qputenv("ATBENCH_NO_KEYCHAIN", "1");
}

void TstSecretResolver::arguments_data()
{
    QTest::addColumn<QString>("arg");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << "wifi.password=12345678" << true << "wifi.password" << "12345678";
    QTest::newRow("equals in value") << "mqtt.password=a=b=c" << true << "mqtt.password" << "a=b=c";
    QTest::newRow("empty value") << "x=" << true << "x" << "";
    QTest::newRow("blanks kept") << "x= a b " << true << "x" << " a b ";
    QTest::newRow("no equals") << "wifi.password" << false << "" << "";
    QTest::newRow("no name") << "=hunter2" << false << "" << "";
    QTest::newRow("bad name") << "wifi password=hunter2" << false << "" << "";
}

void TstSecretResolver::arguments()
{
    QFETCH(QString, arg);
    QFETCH(bool, ok);
    QFETCH(QString, name);
    QFETCH(QString, value);
    SecretResolver r;
    QString error;
    QCOMPARE(r.addArgument(arg, &error), ok);
    if (!ok) {
        QVERIFY(error.contains(QLatin1String("NAME=VALUE")));
        QVERIFY(!error.contains(QLatin1String("hunter2"))); // the argument may be the secret
        return;
    }
    QStringList missing;
    QCOMPARE(r.resolve({ name }, &missing).value(name), value);
    QVERIFY(missing.isEmpty());
    QCOMPARE(r.sourceOf(name), QStringLiteral("argument"));
}

void TstSecretResolver::fileFormat_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::newRow("lf") << QByteArray("a=1\nb=2\n") << true << "b" << "2";
    QTest::newRow("crlf") << QByteArray("a=1\r\nb=two words\r\n") << true << "b" << "two words";
    QTest::newRow("comments") << QByteArray("# the bench\n\n  # indented\na=x#y\n") << true << "a" << "x#y";
    QTest::newRow("name blanks") << QByteArray("  tls.psk =abc\n") << true << "tls.psk" << "abc";
    QTest::newRow("no newline at end") << QByteArray("a=1") << true << "a" << "1";
    QTest::newRow("malformed") << QByteArray("a=1\njunk\n") << false << "" << "";
}

void TstSecretResolver::fileFormat()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(QString, name);
    QFETCH(QString, value);
    QHash<QString, QString> values;
    QString error;
    QCOMPARE(SecretResolver::parseFile(text, &values, &error), ok);
    if (ok)
        QCOMPARE(values.value(name), value);
    else
        QVERIFY(error.contains(QLatin1String("line 2")));
}

void TstSecretResolver::argumentBeatsFileBeatsPrompt()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("secrets"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("wifi.password=fromfile\nmqtt.password=fromfile\n");
    f.close();
    SecretResolver r;
    QString error;
    QVERIFY(r.addArgument(QStringLiteral("wifi.password=fromarg"), &error));
    QVERIFY(r.loadFile(file, &error));
    int prompts = 0;
    r.setPrompt([&prompts](const QStringList &missing) {
        ++prompts;
        QHash<QString, QString> h;
        for (const QString &m : missing)
            h.insert(m, QStringLiteral("fromprompt"));
        return h;
    });
    const QHash<QString, QString> v = r.resolve({ "wifi.password", "mqtt.password", "tls.psk" });
    QCOMPARE(v.value("wifi.password"), QStringLiteral("fromarg"));
    QCOMPARE(v.value("mqtt.password"), QStringLiteral("fromfile"));
    QCOMPARE(v.value("tls.psk"), QStringLiteral("fromprompt"));
    QCOMPARE(r.sourceOf("mqtt.password"), QStringLiteral("file"));
    QCOMPARE(r.sourceOf("tls.psk"), QStringLiteral("prompt"));
    QCOMPARE(prompts, 1);
}

void TstSecretResolver::promptIsAskedOnceWithEveryMissingName()
{
    SecretResolver r;
    QList<QStringList> asked;
    r.setPrompt([&asked](const QStringList &missing) {
        asked << missing;
        return QHash<QString, QString> { { "a", "1" } }; // the user fills one field only
    });
    QStringList missing;
    QHash<QString, QString> v = r.resolve({ "a", "b", "a" }, &missing);
    QCOMPARE(asked, QList<QStringList>({ QStringList { "a", "b" } }));
    QCOMPARE(v.value("a"), QStringLiteral("1"));
    QCOMPARE(missing, QStringList({ "b" }));
    // The next module of the batch: what was answered is not asked again.
    v = r.resolve({ "a" }, &missing);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(v.value("a"), QStringLiteral("1"));
}

void TstSecretResolver::missingWithoutPrompt()
{
    SecretResolver r;
    QStringList missing;
    QVERIFY(r.resolve({ "wifi.password" }, &missing).isEmpty());
    QCOMPARE(missing, QStringList({ "wifi.password" }));
}

void TstSecretResolver::unreadableFileSaysWhich()
{
    QTemporaryDir dir;
    SecretResolver r;
    QString error;
    QVERIFY(!r.loadFile(dir.filePath(QStringLiteral("none")), &error));
    QVERIFY(error.contains(dir.filePath(QStringLiteral("none"))));
}

void TstSecretResolver::keychainOutOfReachAnswersNoKeychain()
{
    QVERIFY(!Keychain::reachable());
    Keychain k;
    QSignalSpy spy(&k, &Keychain::readFinished);
    k.read(QStringLiteral("secret/x"));
    QCOMPARE(spy.size(), 0); // never from inside the call
    QVERIFY(spy.wait(1000));
    QCOMPARE(spy.first().at(2).value<Keychain::Result>(), Keychain::Result::NoKeychain);
    QString value;
    QCOMPARE(Keychain::readBlocking(QStringLiteral("secret/x"), &value), Keychain::Result::NoKeychain);
}

QTEST_GUILESS_MAIN(TstSecretResolver)
#include "tst_secretresolver.moc"
