#include "keychain.h"

#include <QEventLoop>
#include <QMetaObject>

#ifdef ATBENCH_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace atb {

namespace {

#ifdef ATBENCH_HAVE_QTKEYCHAIN
// Errors that mean "there is no keychain here", as opposed to "this entry is not there".
Keychain::Result resultOf(QKeychain::Error e)
{
    switch (e) {
    case QKeychain::NoError: return Keychain::Result::Ok;
    case QKeychain::EntryNotFound: return Keychain::Result::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError: return Keychain::Result::NoKeychain;
    default: return Keychain::Result::Error;
    }
}
#endif

} // namespace

QString Keychain::serviceName()
{
    return QStringLiteral("AT Bench");
}

bool Keychain::reachable()
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

Keychain::Keychain(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<atb::Keychain::Result>();
}

void Keychain::read(const QString &key)
{
    if (!reachable()) {
        QMetaObject::invokeMethod(this, [this, key] { emit readFinished(key, QString(), Result::NoKeychain, QString()); },
                                  Qt::QueuedConnection);
        return;
    }
#ifdef ATBENCH_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        auto *r = static_cast<QKeychain::ReadPasswordJob *>(j);
        emit readFinished(key, r->error() == QKeychain::NoError ? r->textData() : QString(), resultOf(r->error()),
                          r->errorString());
    });
    job->start();
#endif
}

void Keychain::write(const QString &key, const QString &secret)
{
    if (!reachable()) {
        QMetaObject::invokeMethod(this, [this, key] { emit writeFinished(key, Result::NoKeychain, QString()); },
                                  Qt::QueuedConnection);
        return;
    }
#ifdef ATBENCH_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this,
            [this, key](QKeychain::Job *j) { emit writeFinished(key, resultOf(j->error()), j->errorString()); });
    job->start();
#else
    Q_UNUSED(secret);
#endif
}

void Keychain::remove(const QString &key)
{
    if (!reachable()) {
        QMetaObject::invokeMethod(this, [this, key] { emit removeFinished(key, Result::NoKeychain); }, Qt::QueuedConnection);
        return;
    }
#ifdef ATBENCH_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(serviceName(), this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this,
            [this, key](QKeychain::Job *j) { emit removeFinished(key, resultOf(j->error())); });
    job->start();
#endif
}

Keychain::Result Keychain::readBlocking(const QString &key, QString *secret, QString *errorString)
{
    Keychain k;
    Result result = Result::NoKeychain;
    QEventLoop loop;
    connect(&k, &Keychain::readFinished, &loop, [&](const QString &, const QString &s, Result r, const QString &e) {
        result = r;
        if (secret)
            *secret = s;
        if (errorString)
            *errorString = e;
        loop.quit();
    });
    k.read(key);
    loop.exec();
    return result;
}

} // namespace atb
