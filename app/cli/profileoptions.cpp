#include "profileoptions.h"

#include "subcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace atb::cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}
} // namespace

bool checkModuleArguments(const QString &subcommand, const QCommandLineParser &parser, ModuleOptions &module)
{
    if (!parser.positionalArguments().isEmpty()) {
        printError(subcommand, tr("unexpected argument '%1'.").arg(parser.positionalArguments().first()));
        return false;
    }
    QString error;
    if (!module.read(parser, &error)) {
        printError(subcommand, error);
        return false;
    }
    return true;
}

QHash<QString, QString> promptOnTerminal(const QStringList &names)
{
    QHash<QString, QString> out;
#ifdef Q_OS_UNIX
    if (!isatty(STDIN_FILENO))
        return out;
    QTextStream err(stderr);
    termios old {};
    const bool haveTermios = tcgetattr(STDIN_FILENO, &old) == 0;
    for (const QString &name : names) {
        err << tr("Secret %1 (not shown, Enter for none): ").arg(name) << Qt::flush;
        if (haveTermios) {
            termios quiet = old;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        }
        char buf[1024];
        const bool got = fgets(buf, sizeof buf, stdin) != nullptr;
        if (haveTermios)
            tcsetattr(STDIN_FILENO, TCSANOW, &old);
        err << Qt::endl;
        if (!got)
            break;
        QString value = QString::fromUtf8(buf);
        while (value.endsWith(QLatin1Char('\n')) || value.endsWith(QLatin1Char('\r')))
            value.chop(1);
        if (!value.isEmpty())
            out.insert(name, value);
    }
#else
    Q_UNUSED(names);
#endif
    return out;
}

ProfileOptions::ProfileOptions(bool prompt)
    : m_prompt(prompt),
      m_profile(QStringLiteral("profile"), tr("The profile to apply or compare (JSON, docs/provisioning.md)."), QStringLiteral("FILE")),
      m_secret(QStringLiteral("secret"), tr("A secret the profile names, as NAME=VALUE (repeatable)."), QStringLiteral("NAME=VALUE")),
      m_secretsFile(QStringLiteral("secrets-file"), tr("A file of NAME=VALUE lines with the profile's secrets."),
                    QStringLiteral("FILE")),
      m_noKeychain(QStringLiteral("no-keychain"), tr("Do not look for secrets in the system keychain.")),
      m_noPrompt(QStringLiteral("no-prompt"), tr("Never ask for a missing secret on the terminal."))
{
}

void ProfileOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOption(m_profile);
    parser.addOption(m_secret);
    parser.addOption(m_secretsFile);
    parser.addOption(m_noKeychain);
    if (m_prompt)
        parser.addOption(m_noPrompt);
}

std::optional<Profile> ProfileOptions::loadProfile(const QCommandLineParser &parser, const QString &subcommand) const
{
    if (!parser.isSet(m_profile)) {
        printError(subcommand, tr("--profile FILE is required."));
        return std::nullopt;
    }
    const QString file = parser.value(m_profile);
    QList<JsonIssue> issues;
    std::optional<Profile> p = Profile::load(file, &issues);
    if (!p) {
        printError(subcommand, tr("%1 is not a usable profile:").arg(file));
        for (const JsonIssue &i : std::as_const(issues))
            QTextStream(stderr) << "  " << i.text() << Qt::endl;
    }
    return p;
}

bool ProfileOptions::resolveSecrets(const QCommandLineParser &parser, const Profile &profile, const QString &subcommand,
                                    bool required, QHash<QString, QString> *values) const
{
    SecretResolver resolver;
    QString error;
    for (const QString &arg : parser.values(m_secret)) {
        if (!resolver.addArgument(arg, &error)) {
            printError(subcommand, error);
            return false;
        }
    }
    if (parser.isSet(m_secretsFile) && !resolver.loadFile(parser.value(m_secretsFile), &error)) {
        printError(subcommand, error);
        return false;
    }
    resolver.setUseKeychain(!parser.isSet(m_noKeychain));
    if (m_prompt && required && !parser.isSet(m_noPrompt))
        resolver.setPrompt(promptOnTerminal);
    QStringList names;
    for (const auto &use : profile.secretUses())
        names << use.first;
    QStringList missing;
    *values = resolver.resolve(names, &missing);
    if (required && !missing.isEmpty()) {
        QStringList where;
        for (const auto &[name, path] : profile.secretUses())
            if (missing.contains(name))
                where << QStringLiteral("%1 (%2)").arg(name, path);
        printError(subcommand, tr("secrets missing, nothing was sent: %1. Give them with --secret NAME=VALUE, "
                                  "--secrets-file FILE or the keychain.")
                                   .arg(where.join(QLatin1String(", "))));
        return false;
    }
    return true;
}

} // namespace atb::cli
