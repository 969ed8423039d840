#pragma once

#include <QHash>
#include <QObject>
#include <QString>

namespace atb {
class Keychain;
}

// Passwords (Wi-Fi, MQTT) and PSKs live in the system keychain (atb::Keychain, core/secrets: the
// one owner of keychain access, also used by the command line), never in QSettings or logs.
// When no keychain answers (no D-Bus session, no daemon, library not built in), nothing is
// written anywhere: secrets are kept in memory for this session only, and pages say "not stored".
// All calls are asynchronous; answers come as signals (never from inside the call).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Backend { Unknown, Keychain, SessionOnly };
    Q_ENUM(Backend)

    // The keychain's service name (entries appear as "AT Bench" in the system's password tool).
    static QString serviceName();

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    // False until a keychain has answered once, and when none exists.
    bool isAvailable() const { return m_available; }
    Backend backend() const { return m_backend; }
    QString backendDescription() const;

    // saved(key, ok): ok when the secret is in the keychain (or memory-only mode is on);
    // false when it is only kept for this session.
    void save(const QString &key, const QString &secret);
    // secretLoaded(key, secret, found): from the keychain, else from this session's memory.
    void load(const QString &key);
    void remove(const QString &key);
    // Asks the keychain whether it answers (availabilityChanged when known).
    void checkAvailability();

    // Tests: keep secrets in memory only (no keychain, no disk).
    void setMemoryOnly(bool on) { m_memoryOnly = on; }
    bool isMemoryOnly() const { return m_memoryOnly; }
    // True when this build and this environment can reach a keychain at all (QtKeychain built
    // in, a D-Bus session on Linux, ATBENCH_NO_KEYCHAIN unset): atb::Keychain::reachable().
    static bool keychainReachable();

signals:
    void secretLoaded(const QString &key, const QString &secret, bool found);
    void saved(const QString &key, bool ok);
    void availabilityChanged(bool available);
    void errorOccurred(const QString &message);

private:
    bool useKeychain() const;
    void setBackend(Backend b);

    atb::Keychain *m_keychain;
    bool m_available = false;
    bool m_memoryOnly = false;
    Backend m_backend = Backend::Unknown;
    QHash<QString, QString> m_memory;
};
