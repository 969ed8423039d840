#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>

namespace atb {

// Supplies the values of the secrets a profile names ({"secret": "wifi.password"}), at run
// time, from (first match wins):
//   1. values given explicitly: atbench-cli --secret NAME=VALUE, the GUI's prompt;
//   2. a secrets file: atbench-cli --secrets-file FILE, lines NAME=VALUE ('#' comments and
//      blank lines ignored; the value is everything after the first '=', kept as is);
//   3. the system keychain (atb::Keychain), entry "secret/NAME" of the service "AT Bench";
//   4. a prompt, once per batch: one call with every name still missing.
// Values stay in memory; nothing here writes them anywhere (the GUI may store one in the
// keychain when the user asks).
class SecretResolver
{
    Q_DECLARE_TR_FUNCTIONS(atb::SecretResolver)
public:
    using Prompt = std::function<QHash<QString, QString>(const QStringList &missing)>;

    // The keychain entry of a profile secret.
    static QString keychainKey(const QString &name) { return QStringLiteral("secret/") + name; }
    // Secret names as profiles allow them: letters, digits, '.', '_', '-', at most 64.
    static bool isValidName(const QString &name);

    void setValue(const QString &name, const QString &value) { m_given.insert(name, value); }
    // "NAME=VALUE"; false with *error for a malformed argument.
    bool addArgument(const QString &nameEqualsValue, QString *error);
    // Reads a secrets file; false with *error (the file and line) when it cannot be read or a
    // line is malformed. Values already given explicitly win.
    bool loadFile(const QString &fileName, QString *error);
    static bool parseFile(const QByteArray &text, QHash<QString, QString> *values, QString *error);

    void setUseKeychain(bool on) { m_useKeychain = on; }
    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }

    // The values of `names`; *missing (optional) gets those nobody supplied. Blocks while the
    // keychain answers (a local event loop) and while the prompt runs: call it once per batch,
    // before any module is touched.
    QHash<QString, QString> resolve(const QStringList &names, QStringList *missing = nullptr);
    // Where each resolved value came from ("argument", "file", "keychain", "prompt"), for logs
    // that must say where without saying what.
    QString sourceOf(const QString &name) const { return m_source.value(name); }

private:
    QHash<QString, QString> m_given;
    QHash<QString, QString> m_file;
    QHash<QString, QString> m_source;
    bool m_useKeychain = true;
    Prompt m_prompt;
};

} // namespace atb
