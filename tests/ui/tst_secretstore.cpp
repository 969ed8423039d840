// SecretStore: the QtKeychain backend when a keychain answers, the session-only fallback when
// none does (CI: no D-Bus session), and passwords never reaching QSettings files.

#include "connectioncontroller.h"
#include "model/devicemodel.h"
#include "secretstore.h"
#include "simulatorlink.h"

#include <QDirIterator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class tst_SecretStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fallbackKeepsSecretsForTheSessionOnly_data();
    void fallbackKeepsSecretsForTheSessionOnly();
    void answersAreAsynchronous();
    void memoryOnlyModeReportsSaved();
    void passwordNeverLandsInSettingsFiles();
    void realKeychainRoundTrip();

private:
    QTemporaryDir m_settingsDir;
    QByteArray m_dbus;
};

void tst_SecretStore::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    m_dbus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    QCoreApplication::setOrganizationName(QStringLiteral("atbench-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_secretstore"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void tst_SecretStore::fallbackKeepsSecretsForTheSessionOnly_data()
{
    QTest::addColumn<QByteArray>("variable");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("ATBENCH_NO_KEYCHAIN") << QByteArray("ATBENCH_NO_KEYCHAIN") << QByteArray("1");
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    QTest::newRow("no D-Bus session") << QByteArray("DBUS_SESSION_BUS_ADDRESS") << QByteArray();
#endif
}

void tst_SecretStore::fallbackKeepsSecretsForTheSessionOnly()
{
    QFETCH(QByteArray, variable);
    QFETCH(QByteArray, value);
    const QByteArray old = qgetenv(variable.constData());
    const bool had = qEnvironmentVariableIsSet(variable.constData());
    if (value.isEmpty())
        qunsetenv(variable.constData());
    else
        qputenv(variable.constData(), value);
    auto restore = qScopeGuard([&] {
        if (had)
            qputenv(variable.constData(), old);
        else
            qunsetenv(variable.constData());
    });

    QVERIFY(!SecretStore::keychainReachable());
    SecretStore store;
    QVERIFY(!store.isAvailable());
    QCOMPARE(store.backend(), SecretStore::Backend::SessionOnly);
    QVERIFY2(store.backendDescription().contains(QStringLiteral("not stored")), qPrintable(store.backendDescription()));

    QSignalSpy saved(&store, &SecretStore::saved);
    QSignalSpy loaded(&store, &SecretStore::secretLoaded);
    QSignalSpy avail(&store, &SecretStore::availabilityChanged);
    store.save(QStringLiteral("wifi/BenchAP"), QStringLiteral("pa55word"));
    QTRY_COMPARE(saved.count(), 1);
    QCOMPARE(saved.at(0).at(0).toString(), QStringLiteral("wifi/BenchAP"));
    QCOMPARE(saved.at(0).at(1).toBool(), false); // not stored: only kept for this session
    store.load(QStringLiteral("wifi/BenchAP"));
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(1).toString(), QStringLiteral("pa55word"));
    QVERIFY(loaded.at(0).at(2).toBool());
    store.load(QStringLiteral("wifi/Other"));
    QTRY_COMPARE(loaded.count(), 2);
    QVERIFY(!loaded.at(1).at(2).toBool());
    store.remove(QStringLiteral("wifi/BenchAP"));
    store.load(QStringLiteral("wifi/BenchAP"));
    QTRY_COMPARE(loaded.count(), 3);
    QVERIFY(!loaded.at(2).at(2).toBool());
    store.checkAvailability();
    QTRY_COMPARE(avail.count(), 1);
    QCOMPARE(avail.at(0).at(0).toBool(), false);

    // A second store (the next run of the program) knows nothing: nothing was written.
    SecretStore next;
    QSignalSpy nextLoaded(&next, &SecretStore::secretLoaded);
    next.save(QStringLiteral("mqtt/broker"), QStringLiteral("x"));
    next.load(QStringLiteral("wifi/BenchAP"));
    QTRY_COMPARE(nextLoaded.count(), 1);
    QVERIFY(!nextLoaded.at(0).at(2).toBool());
}

void tst_SecretStore::answersAreAsynchronous()
{
    qputenv("ATBENCH_NO_KEYCHAIN", "1");
    auto restore = qScopeGuard([] { qunsetenv("ATBENCH_NO_KEYCHAIN"); });
    SecretStore store;
    QSignalSpy saved(&store, &SecretStore::saved);
    QSignalSpy loaded(&store, &SecretStore::secretLoaded);
    store.save(QStringLiteral("k"), QStringLiteral("v"));
    store.load(QStringLiteral("k"));
    QCOMPARE(saved.count(), 0); // never from inside the call
    QCOMPARE(loaded.count(), 0);
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(saved.count(), 1);
}

void tst_SecretStore::memoryOnlyModeReportsSaved()
{
    SecretStore store;
    store.setMemoryOnly(true);
    QSignalSpy saved(&store, &SecretStore::saved);
    QSignalSpy loaded(&store, &SecretStore::secretLoaded);
    store.save(QStringLiteral("psk/0"), QStringLiteral("hint-and-key"));
    QTRY_COMPARE(saved.count(), 1);
    QVERIFY(saved.at(0).at(1).toBool());
    store.load(QStringLiteral("psk/0"));
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(1).toString(), QStringLiteral("hint-and-key"));
    QVERIFY(store.backendDescription().contains(QStringLiteral("memory")));
}

void tst_SecretStore::passwordNeverLandsInSettingsFiles()
{
    qputenv("ATBENCH_NO_KEYCHAIN", "1");
    auto restore = qScopeGuard([] { qunsetenv("ATBENCH_NO_KEYCHAIN"); });
    const QString password = QStringLiteral("Sup3r-Secret-Wifi-Pa55");
    {
        // The program remembers its options and a Wi-Fi password the usual ways...
        atb::DeviceSession session;
        atb::DeviceModel model;
        SimulatorLink sim;
        ConnectionController ctl(&session, &model, &sim);
        ConnectionChoice c;
        c.kind = ConnectionChoice::Kind::Tcp;
        c.host = QStringLiteral("127.0.0.1");
        c.port = 4000;
        ctl.setChoice(c);
        ctl.saveSettings();
        QSettings().setValue(QStringLiteral("wifi/lastSsid"), QStringLiteral("BenchAP"));
        SecretStore store;
        QSignalSpy saved(&store, &SecretStore::saved);
        store.save(QStringLiteral("wifi/BenchAP"), password);
        QTRY_COMPARE(saved.count(), 1);
        QVERIFY(!saved.at(0).at(1).toBool());
        QSettings().sync();
    }
    // ...and no file under the settings path holds the password.
    int files = 0;
    QDirIterator it(m_settingsDir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray content = f.readAll();
        ++files;
        QVERIFY2(!content.contains(password.toUtf8()), qPrintable(f.fileName()));
        QVERIFY(!content.contains(password.toUtf8().toBase64()));
    }
    QVERIFY(files >= 1); // the settings really were written there
}

void tst_SecretStore::realKeychainRoundTrip()
{
    if (!SecretStore::keychainReachable())
        QSKIP("No keychain reachable here (no QtKeychain, no D-Bus session, or ATBENCH_NO_KEYCHAIN set).");
    SecretStore store;
    QSignalSpy avail(&store, &SecretStore::availabilityChanged);
    store.checkAvailability();
    QTRY_VERIFY_WITH_TIMEOUT(avail.count() >= 1, 30000);
    if (!store.isAvailable()) {
        // The keychain did not answer: the store falls back to this session's memory.
        QCOMPARE(store.backend(), SecretStore::Backend::SessionOnly);
        QSignalSpy saved(&store, &SecretStore::saved);
        QSignalSpy loaded(&store, &SecretStore::secretLoaded);
        store.save(QStringLiteral("wifi/x"), QStringLiteral("y"));
        QTRY_COMPARE(saved.count(), 1);
        QVERIFY(!saved.at(0).at(1).toBool());
        store.load(QStringLiteral("wifi/x"));
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(loaded.at(0).at(1).toString(), QStringLiteral("y"));
        QSKIP("A D-Bus session exists but no keychain stores secrets (fallback checked).");
    }
    const QString key = QStringLiteral("atbench-test/%1").arg(QCoreApplication::applicationPid());
    QSignalSpy saved(&store, &SecretStore::saved);
    QSignalSpy loaded(&store, &SecretStore::secretLoaded);
    store.save(key, QStringLiteral("round-trip"));
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 30000);
    QVERIFY(saved.at(0).at(1).toBool());
    SecretStore other; // reads from the keychain, not from the first store's memory
    QSignalSpy otherLoaded(&other, &SecretStore::secretLoaded);
    other.load(key);
    QTRY_COMPARE_WITH_TIMEOUT(otherLoaded.count(), 1, 30000);
    QCOMPARE(otherLoaded.at(0).at(1).toString(), QStringLiteral("round-trip"));
    store.remove(key);
}

QTEST_MAIN(tst_SecretStore)
#include "tst_secretstore.moc"
