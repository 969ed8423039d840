// SecretStore against a real Secret Service: a private D-Bus session bus (dbus-daemon with its
// own configuration: no service activation, a socket in a temporary folder) and
// gnome-keyring-daemon with a login keyring unlocked by a known password, its files in a
// temporary HOME. Each store operation runs in a new process (this program started again with
// --secretstore-child), so "read back" really is the next run of the app: store, read back,
// read back after the keyring daemon restarted, delete; then the fallback when no daemon answers
// on the bus. Skipped only when dbus-daemon, gnome-keyring-daemon or QtKeychain are missing.
#include "secretstore.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QEventLoop>

#include <cstring>

namespace {

const char kChildFlag[] = "--secretstore-child";
const QString kKeyringPassword = QStringLiteral("known-login-password");
const QString kSecret = QStringLiteral("p\u00e455,\"w\u00f6rd\\ 42");

// The child: one SecretStore operation, one line on stdout.
//   reachable | check | save KEY VALUE | load KEY | remove KEY | saveload KEY VALUE
int runChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments().mid(2);
    QTextStream out(stdout);
    SecretStore store;
    const QString op = a.value(0), key = a.value(1), value = a.value(2);
    QEventLoop loop;
    QTimer::singleShot(60000, &loop, [&] {
        out << "timeout" << Qt::endl;
        loop.exit(3);
    });
    QObject::connect(&store, &SecretStore::saved, &loop, [&](const QString &, bool ok) {
        out << "saved " << int(ok) << Qt::endl;
        if (op == QLatin1String("saveload"))
            store.load(key);
        else
            loop.exit(0);
    });
    QObject::connect(&store, &SecretStore::secretLoaded, &loop, [&](const QString &, const QString &v, bool found) {
        out << "loaded " << int(found) << ' ' << v << Qt::endl;
        loop.exit(0);
    });
    QObject::connect(&store, &SecretStore::availabilityChanged, &loop, [&](bool available) {
        if (op != QLatin1String("check"))
            return; // also announced along the way when a save or load reaches the keychain
        out << "available " << int(available) << Qt::endl;
        loop.exit(0);
    });
    if (op == QLatin1String("reachable")) {
        out << "reachable " << int(SecretStore::keychainReachable()) << Qt::endl;
        return 0;
    }
    if (op == QLatin1String("check"))
        store.checkAvailability();
    else if (op == QLatin1String("save") || op == QLatin1String("saveload"))
        store.save(key, value);
    else if (op == QLatin1String("load"))
        store.load(key);
    else if (op == QLatin1String("remove")) {
        store.remove(key);
        store.load(key); // answers once the removal went through (jobs run in order)
    } else {
        out << "unknown operation" << Qt::endl;
        return 2;
    }
    return loop.exec();
}

} // namespace

class tst_SecretStoreKeyring : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void storeReadBackAfterRestartAndDelete();
    void fallbackWhenNoDaemonAnswers();

private:
    QString child(const QStringList &args, qint64 *ms = nullptr);
    bool startKeyring(QString *error);
    void stopKeyring();
    bool waitAvailable(int timeoutMs);

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    QProcess m_bus, m_keyring;
    QString m_keyringProgram;
};

void tst_SecretStoreKeyring::initTestCase()
{
    const QString bus = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    m_keyringProgram = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
    if (bus.isEmpty() || m_keyringProgram.isEmpty())
        QSKIP("dbus-daemon or gnome-keyring-daemon is not installed (Debian: dbus-daemon, gnome-keyring; "
              "scripts/setup-deps.sh installs them)");
    QVERIFY(m_dir.isValid());
    for (const char *sub : { "home", "run", "data", "config", "cache" })
        QVERIFY(QDir(m_dir.path()).mkpath(QString::fromLatin1(sub)));
    QFile::setPermissions(m_dir.filePath(QStringLiteral("run")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    // A session bus of our own: no service activation (so "no daemon" really means none), the
    // socket in the temporary folder.
    QFile conf(m_dir.filePath(QStringLiteral("bus.conf")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write(QStringLiteral(
                   "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                   " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                   "<busconfig><type>session</type><listen>unix:dir=%1</listen><auth>EXTERNAL</auth>\n"
                   "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                   "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n")
                   .arg(m_dir.filePath(QStringLiteral("run")))
                   .toUtf8());
    conf.close();
    m_bus.setProgram(bus);
    m_bus.setArguments({ QStringLiteral("--config-file=") + conf.fileName(), QStringLiteral("--nofork"),
                         QStringLiteral("--print-address=1") });
    m_bus.start();
    QVERIFY2(m_bus.waitForStarted(5000), qPrintable(m_bus.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 5000);
    const QString address = QString::fromUtf8(m_bus.readLine()).trimmed();
    QVERIFY2(address.startsWith(QLatin1String("unix:")), qPrintable(address));

    m_env = QProcessEnvironment::systemEnvironment();
    m_env.remove(QStringLiteral("ATBENCH_NO_KEYCHAIN"));
    m_env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
    m_env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    m_env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir.filePath(QStringLiteral("run")));
    m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    m_env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
    m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    if (child({ QStringLiteral("reachable") }) != QLatin1String("reachable 1"))
        QSKIP("this build has no QtKeychain (Debian: qtkeychain-qt6-dev; scripts/setup-deps.sh installs it)");
}

void tst_SecretStoreKeyring::cleanupTestCase()
{
    stopKeyring();
    if (m_bus.state() != QProcess::NotRunning) {
        m_bus.terminate();
        if (!m_bus.waitForFinished(5000))
            m_bus.kill();
    }
}

QString tst_SecretStoreKeyring::child(const QStringList &args, qint64 *ms)
{
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.setProgram(QCoreApplication::applicationFilePath());
    p.setArguments(QStringList { QString::fromLatin1(kChildFlag) } + args);
    QElapsedTimer t;
    t.start();
    p.start();
    if (!p.waitForFinished(90000)) {
        p.kill();
        p.waitForFinished(2000);
        return QStringLiteral("no answer within 90 s");
    }
    if (ms)
        *ms = t.elapsed();
    // The last line is the answer (saveload prints two).
    const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.join(QLatin1Char('|'));
}

bool tst_SecretStoreKeyring::startKeyring(QString *error)
{
    m_keyring.setProcessEnvironment(m_env);
    m_keyring.setProgram(m_keyringProgram);
    // --unlock reads the login keyring's password on stdin (and creates the keyring the first time).
    m_keyring.setArguments({ QStringLiteral("--unlock"), QStringLiteral("--components=secrets"), QStringLiteral("--foreground") });
    m_keyring.start();
    if (!m_keyring.waitForStarted(5000)) {
        *error = m_keyring.errorString();
        return false;
    }
    m_keyring.write(kKeyringPassword.toUtf8());
    m_keyring.closeWriteChannel();
    return true;
}

void tst_SecretStoreKeyring::stopKeyring()
{
    if (m_keyring.state() == QProcess::NotRunning)
        return;
    m_keyring.terminate();
    if (!m_keyring.waitForFinished(5000))
        m_keyring.kill();
    m_keyring.waitForFinished(2000);
}

bool tst_SecretStoreKeyring::waitAvailable(int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (child({ QStringLiteral("check") }) == QLatin1String("available 1"))
            return true;
        QTest::qWait(200);
    }
    return false;
}

void tst_SecretStoreKeyring::storeReadBackAfterRestartAndDelete()
{
    QString error;
    QVERIFY2(startKeyring(&error), qPrintable(error));
    QVERIFY2(waitAvailable(20000), qPrintable(QString::fromUtf8(m_keyring.readAllStandardError())));
    const QString key = QStringLiteral("wifi/BenchAP");

    QCOMPARE(child({ QStringLiteral("save"), key, kSecret }), QStringLiteral("saved 1"));
    // The next run of the app reads it back from the keychain.
    QCOMPARE(child({ QStringLiteral("load"), key }), QStringLiteral("loaded 1 ") + kSecret);
    // Never in clear on disk: the keyring file is encrypted, nothing else was written.
    int files = 0;
    QDirIterator it(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        ++files;
        const QByteArray content = f.readAll();
        QVERIFY2(!content.contains(kSecret.toUtf8()), qPrintable(f.fileName()));
    }
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("data/keyrings/login.keyring"))));
    QVERIFY(files > 0);

    // The keyring daemon restarts (a new login): the secret is still there.
    stopKeyring();
    QVERIFY2(startKeyring(&error), qPrintable(error));
    QVERIFY(waitAvailable(20000));
    QCOMPARE(child({ QStringLiteral("load"), key }), QStringLiteral("loaded 1 ") + kSecret);

    // Deleted, it is gone for the next run too.
    QCOMPARE(child({ QStringLiteral("remove"), key }), QStringLiteral("loaded 0 "));
    QCOMPARE(child({ QStringLiteral("load"), key }), QStringLiteral("loaded 0 "));
}

void tst_SecretStoreKeyring::fallbackWhenNoDaemonAnswers()
{
    stopKeyring(); // the bus is up, nobody owns org.freedesktop.secrets, nothing is activated
    qint64 ms = 0;
    QCOMPARE(child({ QStringLiteral("check") }, &ms), QStringLiteral("available 0"));
    QVERIFY2(ms < 30000, qPrintable(QString::number(ms))); // an answer, not a hang
    // Kept for this session only: "not stored", but readable in the same run ...
    QCOMPARE(child({ QStringLiteral("saveload"), QStringLiteral("mqtt/127.0.0.1/bench"), kSecret }),
             QStringLiteral("saved 0|loaded 1 ") + kSecret);
    // ... and gone in the next.
    QCOMPARE(child({ QStringLiteral("load"), QStringLiteral("mqtt/127.0.0.1/bench") }), QStringLiteral("loaded 0 "));
}

int main(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], kChildFlag) == 0)
        return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    tst_SecretStoreKeyring t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_secretstorekeyring.moc"
