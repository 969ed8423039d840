#include "secretstore.h"

#include <QMetaObject>

#ifdef ATBENCH_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace {
#ifdef ATBENCH_HAVE_QTKEYCHAIN
// Errors that mean "there is no keychain here", as opposed to "this entry is not there".
bool meansNoKeychain(QKeychain::Error e)
{
    return e == QKeychain::NoBackendAvailable || e == QKeychain::NotImplemented || e == QKeychain::OtherError;
}
#endif
} // namespace

QString SecretStore::serviceName()
{
    return QStringLiteral("AT Bench");
}

SecretStore::SecretStore(QObject *parent) : QObject(parent)
{
    if (!keychainReachable())
        m_backend = Backend::SessionOnly;
}

SecretStore::~SecretStore() = default;

bool SecretStore::keychainReachable()
{
#ifdef ATBENCH_HAVE_QTKEYCHAIN
    if (qEnvironmentVariableIsSet("ATBENCH_NO_KEYCHAIN"))
        return false;
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // Secret Service and KWallet are D-Bus services: without a session bus (CI, ssh, containers)
    // a keychain call would only fail, possibly after a D-Bus autolaunch attempt.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return false;
#endif
    return true;
#else
    return false;
#endif
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
#ifdef ATBENCH_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError) {
            setBackend(Backend::Keychain);
            emit saved(key, true);
            return;
        }
        if (meansNoKeychain(j->error()))
            setBackend(Backend::SessionOnly);
        else
            emit errorOccurred(tr("The keychain did not store the password: %1").arg(j->errorString()));
        emit saved(key, false);
    });
    job->start();
#endif
}

void SecretStore::load(const QString &key)
{
    if (!useKeychain()) {
        const bool found = m_memory.contains(key);
        const QString v = m_memory.value(key);
        QMetaObject::invokeMethod(this, [this, key, v, found] { emit secretLoaded(key, v, found); }, Qt::QueuedConnection);
        return;
    }
#ifdef ATBENCH_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        auto *r = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (r->error() == QKeychain::NoError) {
            setBackend(Backend::Keychain);
            m_memory.insert(key, r->textData());
            emit secretLoaded(key, r->textData(), true);
            return;
        }
        // EntryNotFound says little: libsecret answers it even when no collection can store.
        if (meansNoKeychain(r->error()))
            setBackend(Backend::SessionOnly);
        const bool found = m_memory.contains(key);
        emit secretLoaded(key, m_memory.value(key), found);
    });
    job->start();
#endif
}

void SecretStore::remove(const QString &key)
{
    m_memory.remove(key);
    if (!useKeychain())
        return;
#ifdef ATBENCH_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *j) {
        if (meansNoKeychain(j->error()))
            setBackend(Backend::SessionOnly);
    });
    job->start();
#endif
}

void SecretStore::checkAvailability()
{
    if (!useKeychain()) {
        QMetaObject::invokeMethod(this, [this] { emit availabilityChanged(m_available); }, Qt::QueuedConnection);
        return;
    }
#ifdef ATBENCH_HAVE_QTKEYCHAIN
    // Only a write proves the keychain can store (a read of a missing entry "succeeds" with
    // EntryNotFound even when no collection exists). The probe entry is deleted right away.
    const QString probeKey = QStringLiteral("atbench/availability-probe");
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(probeKey);
    job->setTextData(QStringLiteral("probe"));
    connect(job, &QKeychain::Job::finished, this, [this, probeKey](QKeychain::Job *j) {
        const bool answered = j->error() == QKeychain::NoError;
        if (answered) {
            auto *del = new QKeychain::DeletePasswordJob(serviceName(), this);
            del->setAutoDelete(true);
            del->setKey(probeKey);
            del->start();
        }
        const bool was = m_available;
        setBackend(answered ? Backend::Keychain : Backend::SessionOnly);
        if (was == m_available) // setBackend() only signals a change; the caller waits for an answer
            emit availabilityChanged(m_available);
    });
    job->start();
#endif
}
