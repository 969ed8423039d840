#pragma once

#include "dialect.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <limits>
#include <optional>

namespace atb {

// Static description of the AT commands this tool knows (both seeds plus the basic, Wi-Fi and
// TCP/IP commands hosts use). Pure data, built once; no file I/O. Limits follow
// docs/protocol.md section 3.3. Where a dialect differs (link-id range, CIPSEND
// length, PSK length, time-zone range, available forms), the catalog holds one CommandSpec per
// dialect under the same name; find(name, dialect) returns the right one.

enum class ParamType {
    Integer, // bare decimal integer in [min, max]
    String,  // quoted string, length counted in raw bytes before escaping
    Enum,    // integer that must be one of `values` (min/max are the extremes of `values`)
};

// One named value of an Enum parameter. `meaning` is marked with
// QT_TRANSLATE_NOOP("CommandCatalog", ...); translate with QCoreApplication::translate.
struct EnumValue
{
    qint64 value = 0;
    const char *meaning = nullptr;
};

struct ParamSpec
{
    QByteArray name; // as in the documents, without <> and quotes: "ssid", "link_id"
    ParamType type = ParamType::Integer;
    bool optional = false;
    qint64 min = 0; // Integer/Enum, inclusive
    qint64 max = 0; // Integer/Enum, inclusive
    // Integer: values above this are accepted but the encoder adds a warning (Beken CIPSEND: 1024).
    qint64 recommendedMax = std::numeric_limits<qint64>::max();
    int minLength = 0;          // String, bytes
    int maxLength = -1;         // String, bytes; -1 = only bounded by the 256-byte line
    QList<EnumValue> values;    // Enum
    QList<QByteArray> choices;  // String: allowed values (case-insensitive); empty = anything
    const char *help = nullptr; // QT_TRANSLATE_NOOP("CommandCatalog", ...)
    bool secret = false;        // password, PSK: redact in logs, mask in UIs
    bool dataLength = false;    // number of raw bytes the host sends after the '>' prompt
    // The value must equal the number of parameters given after it (MQTTALPN <alpn_counts>).
    bool countsFollowing = false;

    bool isNumeric() const { return type != ParamType::String; }
};

enum class CommandForm { Test = 1, Query = 2, Set = 4, Execute = 8 };

constexpr int formBit(CommandForm f)
{
    return int(f);
}
constexpr int dialectBit(Dialect d)
{
    return d == Dialect::Esp ? 1 : 2;
}
constexpr int kAllDialects = 3;

// One accepted shape of the set form's parameter list. Commands such as CIPSTART, CIPSEND,
// CIPSSLCPSK or CIPRECVDATA have several (with or without a leading link id, TCP vs UDP);
// they are listed in the order the encoder tries them.
struct Signature
{
    const char *label = nullptr; // QT_TRANSLATE_NOOP("CommandCatalog", ...); may be null
    QList<ParamSpec> params;

    int requiredCount() const; // number of leading parameters up to the last mandatory one
};

struct CommandSpec
{
    QByteArray name;               // "AT+CWJAP", "ATE0", "AT"
    int forms = 0;                 // CommandForm bits
    QList<Signature> signatures;   // set form only; empty when the command has no set form
    int dialects = 0;              // dialectBit() bits
    const char *summary = nullptr; // QT_TRANSLATE_NOOP("CommandCatalog", ...)
    int timeoutMs = 2000;          // default time to wait for the final result code
    int promptForms = 0;           // forms answered with the '>' data prompt (CIPSEND, CIPSENDEX, MQTTPUBRAW)
    int quietEndForms = 0;         // forms whose reply has no final code (end on an idle period)
    const char *note = nullptr;    // extra help paragraph, QT_TRANSLATE_NOOP; may be null

    bool supports(CommandForm f) const { return forms & formBit(f); }
    bool supports(Dialect d) const { return dialects & dialectBit(d); }
    bool hasPrompt(CommandForm f) const { return promptForms & formBit(f); }
    bool hasQuietEnd(CommandForm f) const { return quietEndForms & formBit(f); }
    // First parameter of that name in any signature, or nullptr.
    const ParamSpec *param(QByteArrayView paramName) const;
};

class CommandCatalog
{
public:
    // The built-in table: immutable, built on first use, safe to share between threads.
    static const CommandCatalog &builtin();

    // Case-insensitive lookup by command name ("AT+CWJAP", also accepts a whole line).
    const CommandSpec *find(QByteArrayView name, Dialect dialect) const;
    // Any dialect; the Esp variant wins when both exist.
    const CommandSpec *find(QByteArrayView name) const;

    // Every spec (both variants of dialect-specific commands when no dialect is given),
    // in table order.
    QList<const CommandSpec *> all(std::optional<Dialect> dialect = {}) const;

    // Commands of `dialect` whose name starts with `prefix` (case-insensitive), sorted by name.
    // A prefix not starting with "AT" is matched against the part after "AT+" ("cwj" -> AT+CWJAP).
    QList<const CommandSpec *> completions(QByteArrayView prefix, Dialect dialect) const;

    // Human help: summary, syntax line per form, every parameter with its type, range or
    // length limit, values and meaning, plus the reply behaviour (prompt, no final code).
    QString helpText(const CommandSpec &spec, Dialect dialect) const;

    // Syntax of one form, e.g. AT+CWJAP=<"ssid">[,<"pwd">]... (one line per signature for Set).
    static QStringList syntax(const CommandSpec &spec, CommandForm form);

    // "AT+CWJAP=\"a\"" -> "AT+CWJAP"; "AT+CIPSTATUS?" -> "AT+CIPSTATUS"; trailing CR/LF and
    // blanks are ignored; the spelling is kept (no case folding).
    static QByteArray commandName(QByteArrayView line);

private:
    CommandCatalog();
    QList<CommandSpec> m_specs;
};

} // namespace atb
