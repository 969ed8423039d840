#pragma once

#include <QObject>
#include <QString>

namespace atb {

// The system keychain (QtKeychain: Secret Service or KWallet on Linux, Keychain on macOS,
// Credential Store on Windows), the one place in AT Bench that talks to it: the GUI's
// SecretStore and the command line's secret resolver both go through it. Entries live under
// the service name "AT Bench". Never a plain-text fallback.
//
// All calls are asynchronous: the answer comes as a signal, never from inside the call. Without
// QtKeychain in the build, without a D-Bus session on Linux, or with ATBENCH_NO_KEYCHAIN set,
// reachable() is false and every call answers Result::NoKeychain.
class Keychain : public QObject
{
    Q_OBJECT
public:
    enum class Result {
        Ok,         // read: found; write/remove: done
        NotFound,   // read: no such entry (libsecret also says this when no collection exists)
        NoKeychain, // no keychain answers here
        Error,      // the keychain answered with an error (errorString says which)
    };
    Q_ENUM(Result)

    static QString serviceName(); // "AT Bench"
    static bool reachable();

    explicit Keychain(QObject *parent = nullptr);

    void read(const QString &key);
    void write(const QString &key, const QString &secret);
    void remove(const QString &key);

    // For command-line mains: waits (a local event loop) for the read. Result::Ok fills *secret.
    static Result readBlocking(const QString &key, QString *secret, QString *errorString = nullptr);

signals:
    void readFinished(const QString &key, const QString &secret, atb::Keychain::Result result, const QString &errorString);
    void writeFinished(const QString &key, atb::Keychain::Result result, const QString &errorString);
    void removeFinished(const QString &key, atb::Keychain::Result result);
};

} // namespace atb
