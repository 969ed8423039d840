#pragma once
// A throw-away certificate authority for TLS tests, made with the openssl program in a
// temporary folder: ca.pem (the CA), server.pem + server.key (a server certificate for
// 127.0.0.1 and localhost, signed by the CA). Nothing is written outside the folder.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>

namespace testca {

class TestCa
{
public:
    // Empty when made, else why not (openssl missing or failing).
    QString make(const QString &commonName = QStringLiteral("AT Bench test CA"))
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            return QStringLiteral("openssl is not installed");
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        const QString ext = path(QStringLiteral("san.cnf"));
        QFile f(ext);
        if (!f.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write %1").arg(ext);
        f.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n");
        f.close();
        const QList<QStringList> steps {
            { "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", path("ca.key"), "-out", caFile(), "-days", "2",
              "-subj", "/CN=" + commonName },
            { "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", keyFile(), "-out", path("server.csr"), "-subj",
              "/CN=127.0.0.1" },
            { "x509", "-req", "-in", path("server.csr"), "-CA", caFile(), "-CAkey", path("ca.key"), "-CAcreateserial",
              "-out", certFile(), "-days", "2", "-extfile", ext },
        };
        for (const QStringList &args : steps) {
            QProcess p;
            p.setProcessChannelMode(QProcess::MergedChannels);
            p.start(QStringLiteral("openssl"), args);
            if (!p.waitForFinished(60000) || p.exitCode() != 0)
                return QStringLiteral("openssl %1 failed: %2").arg(args.first(), QString::fromUtf8(p.readAll()));
        }
        // mosquitto started as root drops to its own user before it loads certificates: they
        // must be readable by others (a throw-away key in a temporary folder).
        readableByAll(m_dir.path());
        return QString();
    }

    QString caFile() const { return path(QStringLiteral("ca.pem")); }
    QString certFile() const { return path(QStringLiteral("server.pem")); }
    QString keyFile() const { return path(QStringLiteral("server.key")); }
    // The mosquitto listener lines that serve TLS with this CA's server certificate.
    QString mosquittoTlsLines() const
    {
        return QStringLiteral("certfile %1\nkeyfile %2\n").arg(certFile(), keyFile());
    }

    // A folder and its files readable by every user (for files a broker reads after it dropped
    // root's privileges: certificates, password files).
    static void readableByAll(const QString &dir)
    {
        const auto r = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
        QFile::setPermissions(dir, r | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
        const QStringList files = QDir(dir).entryList(QDir::Files);
        for (const QString &f : files)
            QFile::setPermissions(QDir(dir).filePath(f), r);
    }

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

} // namespace testca
