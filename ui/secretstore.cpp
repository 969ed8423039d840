#include "secretstore.h"

#include <QHash>
#include <QMetaObject>

// Placeholder backend: memory only, reported as "no keychain". Replaced by the QtKeychain
// implementation (see the Port/settings work).
SecretStore::SecretStore(QObject *parent) : QObject(parent) { }
SecretStore::~SecretStore() = default;

QString SecretStore::backendDescription() const
{
    return tr("no system keychain: passwords are kept for this session only");
}

void SecretStore::save(const QString &key, const QString &secret)
{
    m_memory.insert(key, secret);
    QMetaObject::invokeMethod(this, [this, key] { emit saved(key, m_memoryOnly); }, Qt::QueuedConnection);
}

void SecretStore::load(const QString &key)
{
    const bool found = m_memory.contains(key);
    const QString v = m_memory.value(key);
    QMetaObject::invokeMethod(this, [this, key, v, found] { emit secretLoaded(key, v, found); }, Qt::QueuedConnection);
}

void SecretStore::remove(const QString &key)
{
    m_memory.remove(key);
}
