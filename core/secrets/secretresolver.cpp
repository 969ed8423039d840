#include "secretresolver.h"

#include "secrets/keychain.h"

#include <QFile>
#include <QRegularExpression>

namespace atb {

bool SecretResolver::isValidName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return re.match(name).hasMatch();
}

bool SecretResolver::addArgument(const QString &arg, QString *error)
{
    const qsizetype eq = arg.indexOf(QLatin1Char('='));
    const QString name = arg.left(eq);
    if (eq <= 0 || !isValidName(name)) {
        // Never echo the argument: it may hold the secret.
        *error = tr("--secret needs NAME=VALUE with a name of letters, digits, '.', '_' or '-'");
        return false;
    }
    m_given.insert(name, arg.mid(eq + 1));
    return true;
}

bool SecretResolver::parseFile(const QByteArray &text, QHash<QString, QString> *values, QString *error)
{
    const QList<QByteArray> lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith('#'))
            continue;
        const qsizetype eq = line.indexOf('=');
        const QString name = QString::fromUtf8(line.left(eq)).trimmed();
        if (eq <= 0 || !isValidName(name)) {
            *error = tr("line %1 is not NAME=VALUE").arg(i + 1);
            return false;
        }
        values->insert(name, QString::fromUtf8(line.mid(eq + 1)));
    }
    return true;
}

bool SecretResolver::loadFile(const QString &fileName, QString *error)
{
    QFile f(fileName);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read the secrets file %1: %2").arg(fileName, f.errorString());
        return false;
    }
    QHash<QString, QString> values;
    QString why;
    if (!parseFile(f.readAll(), &values, &why)) {
        *error = tr("secrets file %1: %2").arg(fileName, why);
        return false;
    }
    for (auto it = values.begin(); it != values.end(); ++it)
        m_file.insert(it.key(), it.value());
    return true;
}

QHash<QString, QString> SecretResolver::resolve(const QStringList &names, QStringList *missingOut)
{
    QHash<QString, QString> out;
    QStringList missing;
    for (const QString &name : names) {
        if (out.contains(name))
            continue;
        if (m_given.contains(name)) {
            out.insert(name, m_given.value(name));
            m_source.insert(name, QStringLiteral("argument"));
        } else if (m_file.contains(name)) {
            out.insert(name, m_file.value(name));
            m_source.insert(name, QStringLiteral("file"));
        } else if (m_useKeychain && Keychain::reachable()) {
            QString value;
            if (Keychain::readBlocking(keychainKey(name), &value) == Keychain::Result::Ok) {
                out.insert(name, value);
                m_source.insert(name, QStringLiteral("keychain"));
            } else {
                missing << name;
            }
        } else {
            missing << name;
        }
    }
    missing.removeDuplicates();
    if (!missing.isEmpty() && m_prompt) {
        const QHash<QString, QString> answered = m_prompt(missing);
        for (auto it = answered.begin(); it != answered.end(); ++it) {
            if (!missing.contains(it.key()))
                continue;
            out.insert(it.key(), it.value());
            m_given.insert(it.key(), it.value()); // once per batch: not asked again
            m_source.insert(it.key(), QStringLiteral("prompt"));
            missing.removeAll(it.key());
        }
    }
    if (missingOut)
        *missingOut = missing;
    return out;
}

} // namespace atb
