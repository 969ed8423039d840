#include "secretstore.h"

#include "secrets/keychain.h"

#include <QMetaObject>

using atb::Keychain;

QString SecretStore::serviceName()
{
    return Keychain::serviceName();
}

SecretStore::SecretStore(QObject *parent) : QObject(parent), m_keychain(new Keychain(this))
{
    if (!keychainReachable())
        m_backend = Backend::SessionOnly;
}

SecretStore::~SecretStore() = default;

bool SecretStore::keychainReachable()
{
    return Keychain::reachable();
}

bool SecretStore::useKeychain() const
{
    return !m_memoryOnly && m_backend != Backend::SessionOnly;
}

void SecretStore::setBackend(Backend b)
{
    if (b == m_backend)
        return;
    m_backend = b;
    const bool available = b == Backend::Keychain;
    if (available != m_available) {
        m_available = available;
        emit availabilityChanged(available);
    }
}

QString SecretStore::backendDescription() const
{
    if (m_memoryOnly)
        return tr("test mode: passwords are kept in memory only");
    switch (m_backend) {
    case Backend::Keychain:
        return tr("passwords are stored in the system keychain");
    case Backend::Unknown:
        return tr("system keychain not checked yet");
    case Backend::SessionOnly:
        break;
    }
    return tr("no system keychain: passwords are kept for this session only (not stored)");
}

void SecretStore::save(const QString &key, const QString &secret)
{
    m_memory.insert(key, secret);
    if (!useKeychain()) {
        const bool ok = m_memoryOnly;
        QMetaObject::invokeMethod(this, [this, key, ok] { emit saved(key, ok); }, Qt::QueuedConnection);
        return;
    }
    auto *c = new QObject(this);
    connect(m_keychain, &Keychain::writeFinished, c,
            [this, key, c](const QString &k, Keychain::Result r, const QString &error) {
                if (k != key)
                    return;
                delete c;
                if (r == Keychain::Result::Ok) {
                    setBackend(Backend::Keychain);
                    emit saved(key, true);
                    return;
                }
                if (r == Keychain::Result::NoKeychain)
                    setBackend(Backend::SessionOnly);
                else
                    emit errorOccurred(tr("The keychain did not store the password: %1").arg(error));
                emit saved(key, false);
            });
    m_keychain->write(key, secret);
}

void SecretStore::load(const QString &key)
{
    if (!useKeychain()) {
        const bool found = m_memory.contains(key);
        const QString v = m_memory.value(key);
        QMetaObject::invokeMethod(this, [this, key, v, found] { emit secretLoaded(key, v, found); }, Qt::QueuedConnection);
        return;
    }
    auto *c = new QObject(this);
    connect(m_keychain, &Keychain::readFinished, c,
            [this, key, c](const QString &k, const QString &secret, Keychain::Result r, const QString &) {
                if (k != key)
                    return;
                delete c;
                if (r == Keychain::Result::Ok) {
                    setBackend(Backend::Keychain);
                    m_memory.insert(key, secret);
                    emit secretLoaded(key, secret, true);
                    return;
                }
                // NotFound says little: libsecret answers it even when no collection can store.
                if (r == Keychain::Result::NoKeychain)
                    setBackend(Backend::SessionOnly);
                const bool found = m_memory.contains(key);
                emit secretLoaded(key, m_memory.value(key), found);
            });
    m_keychain->read(key);
}

void SecretStore::remove(const QString &key)
{
    m_memory.remove(key);
    if (!useKeychain())
        return;
    auto *c = new QObject(this);
    connect(m_keychain, &Keychain::removeFinished, c, [this, key, c](const QString &k, Keychain::Result r) {
        if (k != key)
            return;
        delete c;
        if (r == Keychain::Result::NoKeychain)
            setBackend(Backend::SessionOnly);
    });
    m_keychain->remove(key);
}

void SecretStore::checkAvailability()
{
    if (!useKeychain()) {
        QMetaObject::invokeMethod(this, [this] { emit availabilityChanged(m_available); }, Qt::QueuedConnection);
        return;
    }
    // Only a write proves the keychain can store (a read of a missing entry "succeeds" with
    // EntryNotFound even when no collection exists). The probe entry is deleted right away.
    const QString probeKey = QStringLiteral("atbench/availability-probe");
    auto *c = new QObject(this);
    connect(m_keychain, &Keychain::writeFinished, c, [this, probeKey, c](const QString &k, Keychain::Result r) {
        if (k != probeKey)
            return;
        delete c;
        const bool answered = r == Keychain::Result::Ok;
        if (answered)
            m_keychain->remove(probeKey);
        const bool was = m_available;
        setBackend(answered ? Backend::Keychain : Backend::SessionOnly);
        if (was == m_available) // setBackend() only signals a change; the caller waits for an answer
            emit availabilityChanged(m_available);
    });
    m_keychain->write(probeKey, QStringLiteral("probe"));
}
