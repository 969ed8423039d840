#pragma once

#include <QHash>
#include <QObject>
#include <QString>

// Passwords (Wi-Fi, MQTT) and PSKs live in the system keychain (QtKeychain), never in QSettings
// or logs. When no keychain answers, nothing is stored and the pages say so (a clear fallback,
// not a silent plain-text file). All calls are asynchronous; answers come as signals.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    // False until a keychain has answered once, and when none exists.
    bool isAvailable() const { return m_available; }
    QString backendDescription() const;

    void save(const QString &key, const QString &secret);
    void load(const QString &key);
    void remove(const QString &key);

    // Tests: keep secrets in memory only (no keychain, no disk).
    void setMemoryOnly(bool on) { m_memoryOnly = on; }

signals:
    void secretLoaded(const QString &key, const QString &secret, bool found);
    void saved(const QString &key, bool ok);
    void availabilityChanged(bool available);
    void errorOccurred(const QString &message);

private:
    bool m_available = false;
    bool m_memoryOnly = false;
    QHash<QString, QString> m_memory;
};
