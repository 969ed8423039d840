#pragma once

#include "moduleoptions.h"
#include "provisioning/profile.h"
#include "secrets/secretresolver.h"

#include <QCommandLineOption>
#include <QHash>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace atb::cli {

// The options of the sub-commands that apply or compare a profile (diff, provision):
//   --profile FILE         the profile (docs/provisioning.md)
//   --secret NAME=VALUE    a secret the profile names (repeatable)
//   --secrets-file FILE    NAME=VALUE lines
//   --no-keychain          do not look in the system keychain (entry "secret/NAME")
//   --no-prompt            never ask on the terminal (missing secrets are an error)
class ProfileOptions
{
public:
    explicit ProfileOptions(bool prompt = true);

    void addTo(QCommandLineParser &parser) const;
    // Loads and checks the profile; on failure prints every issue ("path: reason") and returns
    // nullopt (exit 2).
    std::optional<Profile> loadProfile(const QCommandLineParser &parser, const QString &subcommand) const;
    // The values of the profile's secrets from --secret, --secrets-file, the keychain and (when
    // allowed and standard input is a terminal) one prompt. False with the reason printed when
    // an argument is malformed or, with `required`, a secret is missing.
    bool resolveSecrets(const QCommandLineParser &parser, const Profile &profile, const QString &subcommand,
                        bool required, QHash<QString, QString> *values) const;

private:
    bool m_prompt;
    QCommandLineOption m_profile;
    QCommandLineOption m_secret;
    QCommandLineOption m_secretsFile;
    QCommandLineOption m_noKeychain;
    QCommandLineOption m_noPrompt;
};

// The common start of a module sub-command: no positional argument, valid module options.
// False with the reason printed (then exit 2).
bool checkModuleArguments(const QString &subcommand, const QCommandLineParser &parser, ModuleOptions &module);

// Asks for each name on the terminal with echo off; nothing when standard input is not a terminal.
QHash<QString, QString> promptOnTerminal(const QStringList &names);

} // namespace atb::cli
