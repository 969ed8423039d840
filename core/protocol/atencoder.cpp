#include "atencoder.h"

#include <QCoreApplication>

namespace atb {

namespace {

QString translated(const char *s)
{
    return QCoreApplication::translate("AtEncoder", s);
}

QString paramLabel(const ParamSpec &p)
{
    return QStringLiteral("<%1>").arg(QString::fromLatin1(p.name));
}

EncodeResult failure(QString error, QByteArray param = {})
{
    EncodeResult r;
    r.error = std::move(error);
    r.errorParam = std::move(param);
    return r;
}

int effectiveCount(const QList<AtArg> &args)
{
    int n = int(args.size());
    while (n > 0 && args[n - 1].kind == AtArg::Omitted)
        --n;
    return n;
}

bool choiceMatches(const ParamSpec &p, const QByteArray &value)
{
    if (p.choices.isEmpty())
        return true;
    for (const QByteArray &c : p.choices)
        if (c.compare(value, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

// Does the argument list have the shape of this signature (count, kinds, string choices)?
bool fits(const Signature &s, const QList<AtArg> &args, int n)
{
    if (n > s.params.size() || n < s.requiredCount())
        return false;
    for (int i = 0; i < n; ++i) {
        const AtArg &a = args[i];
        const ParamSpec &p = s.params[i];
        if (a.kind == AtArg::Omitted)
            continue;
        if (p.isNumeric() != (a.kind == AtArg::Int))
            return false;
        if (a.kind == AtArg::Str && !choiceMatches(p, a.s))
            return false;
    }
    return true;
}

QString joinValues(const QList<EnumValue> &values)
{
    QStringList v;
    for (const EnumValue &e : values)
        v << QString::number(e.value);
    return v.join(QStringLiteral(", "));
}

// Validates one present argument against its parameter; returns an error or an empty string.
QString checkArg(const ParamSpec &p, const AtArg &a, Dialect dialect, QString *warning)
{
    const QString name = paramLabel(p);
    if (p.isNumeric()) {
        if (a.kind != AtArg::Int)
            return translated(QT_TRANSLATE_NOOP("AtEncoder", "%1 must be an integer, not a string.")).arg(name);
        if (p.type == ParamType::Enum && !p.values.isEmpty()) {
            bool found = false;
            for (const EnumValue &e : p.values)
                found = found || e.value == a.i;
            if (!found)
                return translated(QT_TRANSLATE_NOOP("AtEncoder", "%1 must be one of %2; got %3."))
                    .arg(name, joinValues(p.values))
                    .arg(a.i);
        }
        if (a.i < p.min || a.i > p.max) {
            if (p.min == p.max)
                return translated(QT_TRANSLATE_NOOP("AtEncoder", "%1 can only be %2; got %3."))
                    .arg(name)
                    .arg(p.min)
                    .arg(a.i);
            return translated(QT_TRANSLATE_NOOP("AtEncoder", "%1 must be between %2 and %3; got %4."))
                .arg(name)
                .arg(p.min)
                .arg(p.max)
                .arg(a.i);
        }
        if (a.i > p.recommendedMax && warning)
            *warning = translated(QT_TRANSLATE_NOOP("AtEncoder",
                                                    "%1 is %2; values above %3 are documented but unreliable on this "
                                                    "firmware."))
                           .arg(name)
                           .arg(a.i)
                           .arg(p.recommendedMax);
        return {};
    }
    if (a.kind != AtArg::Str)
        return translated(QT_TRANSLATE_NOOP("AtEncoder", "%1 must be a string, not an integer.")).arg(name);
    if (p.maxLength >= 0 && a.s.size() > p.maxLength)
        return translated(QT_TRANSLATE_NOOP("AtEncoder", "%1 is %2 bytes long; at most %3 bytes are allowed."))
            .arg(name)
            .arg(a.s.size())
            .arg(p.maxLength);
    if (a.s.size() < p.minLength)
        return p.minLength == 1 ? translated(QT_TRANSLATE_NOOP("AtEncoder", "%1 must not be empty.")).arg(name)
                                : translated(QT_TRANSLATE_NOOP("AtEncoder", "%1 must be at least %2 bytes long."))
                                      .arg(name)
                                      .arg(p.minLength);
    if (!choiceMatches(p, a.s)) {
        QStringList c;
        for (const QByteArray &v : p.choices)
            c << QString::fromLatin1(v);
        return translated(QT_TRANSLATE_NOOP("AtEncoder", "%1 must be one of %2; got \"%3\"."))
            .arg(name, c.join(QStringLiteral(", ")), QString::fromUtf8(a.s));
    }
    QString escError;
    AtEncoder::escapeString(a.s, dialect, &escError);
    if (!escError.isEmpty())
        return QStringLiteral("%1: %2").arg(name, escError);
    return {};
}

// Joins already validated arguments into "NAME=a,b,,d".
QByteArray joinLine(QByteArrayView command, const QList<AtArg> &args, int n, Dialect dialect)
{
    QByteArray line = command.toByteArray();
    line += '=';
    for (int i = 0; i < n; ++i) {
        if (i)
            line += ',';
        const AtArg &a = args[i];
        if (a.kind == AtArg::Int)
            line += QByteArray::number(a.i);
        else if (a.kind == AtArg::Str)
            line += AtEncoder::escapeString(a.s, dialect);
    }
    return line;
}

QString lineTooLong(qsizetype bytes)
{
    return translated(
               QT_TRANSLATE_NOOP("AtEncoder",
                                 "The command line would be %1 bytes including CR LF; at most %2 bytes are allowed."))
        .arg(bytes)
        .arg(AtEncoder::kMaxLineBytes);
}

bool validCommandName(QByteArrayView command)
{
    if (command.size() < 2 || !command.startsWith("AT"))
        return false;
    for (char c : command)
        if (c == '=' || c == '?' || c == ',' || c == '"' || c == '\r' || c == '\n' || c == ' ' || c == '\0')
            return false;
    return true;
}

// One field of a parameter list, with its position in the input (for redaction).
struct Field
{
    QByteArray value;
    qsizetype begin = 0; // first byte of the field (incl. its quote)
    qsizetype end = 0;   // one past the last byte
    bool quoted = false;
};

bool isNameChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// Offset of the parameter part: after "AT...=" or after "+NAME:"; 0 when the input is bare.
qsizetype paramOffset(QByteArrayView s, bool *reply)
{
    *reply = false;
    if (s.size() >= 2 && QByteArrayView(s.first(2)).compare("AT", Qt::CaseInsensitive) == 0) {
        const qsizetype eq = s.indexOf('=');
        return eq < 0 ? s.size() : eq + 1;
    }
    if (s.startsWith('+')) {
        qsizetype i = 1;
        while (i < s.size() && isNameChar(s[i]))
            ++i;
        if (i > 1 && i < s.size() && s[i] == ':') {
            *reply = true;
            return i + 1;
        }
    }
    return 0;
}

// `reply`: a "+NAME:" line printed by the module. Replies are not escaped (printf "%s"), so no
// backslash is removed there, and a quote only closes a string when a comma or the end follows.
QList<Field> splitFields(QByteArrayView s, qsizetype from, Dialect dialect, bool reply, bool *ok)
{
    bool good = true;
    QList<Field> out;
    qsizetype end = s.size();
    while (end > from && (s[end - 1] == '\r' || s[end - 1] == '\n'))
        --end;
    if (from >= end) {
        if (ok)
            *ok = true;
        return out;
    }
    auto isBlank = [](char c) { return c == ' ' || c == '\t'; };
    qsizetype i = from;
    while (true) {
        Field f;
        while (i < end && isBlank(s[i]))
            ++i;
        f.begin = i;
        if (i < end && s[i] == '"') {
            f.quoted = true;
            ++i;
            bool closed = false;
            while (i < end) {
                const char c = s[i];
                if (!reply && c == '\\' && i + 1 < end) {
                    const char next = s[i + 1];
                    if (dialect == Dialect::Esp || next == '"') {
                        f.value += next;
                        i += 2;
                        continue;
                    }
                }
                if (c == '"') {
                    qsizetype j = i + 1;
                    while (reply && j < end && isBlank(s[j]))
                        ++j;
                    if (!reply || j >= end || s[j] == ',') {
                        closed = true;
                        ++i;
                        break;
                    }
                }
                f.value += c;
                ++i;
            }
            f.end = i;
            good = good && closed;
            while (i < end && isBlank(s[i]))
                ++i;
            if (i < end && s[i] != ',') {
                good = false; // text after the closing quote: keep it, flag it
                while (i < end && s[i] != ',')
                    f.value += s[i++];
                f.end = i;
            }
        } else {
            while (i < end && s[i] != ',') {
                if (!reply && dialect == Dialect::Esp && s[i] == '\\' && i + 1 < end) {
                    f.value += s[i + 1];
                    i += 2;
                    continue;
                }
                f.value += s[i++];
            }
            f.end = i;
            f.value = f.value.trimmed();
        }
        out << f;
        if (i >= end)
            break;
        ++i; // the comma
    }
    if (ok)
        *ok = good;
    return out;
}

} // namespace

AtEncoder::AtEncoder(Dialect dialect, const CommandCatalog &catalog) : m_dialect(dialect), m_catalog(&catalog) { }

QByteArray AtEncoder::escapeString(QByteArrayView value, Dialect dialect, QString *error)
{
    auto fail = [&](const char *msg) {
        if (error)
            *error = translated(msg);
        return QByteArray();
    };
    if (value.contains('\0'))
        return fail(QT_TRANSLATE_NOOP("AtEncoder", "contains a NUL byte, which cannot be sent in a command line."));
    if (value.contains('\r') || value.contains('\n'))
        return fail(QT_TRANSLATE_NOOP("AtEncoder", "contains a line break (CR or LF), which would end the command."));
    if (dialect == Dialect::Beken && value.contains('\\'))
        return fail(QT_TRANSLATE_NOOP("AtEncoder",
                                      "contains a backslash, which the Beken firmware cannot receive "
                                      "reliably (it only understands \\\")."));
    if (error)
        error->clear();
    QByteArray out;
    out.reserve(value.size() + 8);
    out += '"';
    for (char c : value) {
        if (c == '"' || (dialect == Dialect::Esp && (c == '\\' || c == ',')))
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

EncodeResult AtEncoder::set(QByteArrayView command, const QList<AtArg> &args, int signature) const
{
    const QString cmdName = QString::fromLatin1(command);
    const CommandSpec *spec = m_catalog->find(command, m_dialect);
    if (!spec) {
        if (m_catalog->find(command))
            return failure(translated(QT_TRANSLATE_NOOP("AtEncoder", "%1 is not available in the %2 dialect."))
                               .arg(cmdName, dialectName(m_dialect)));
        return failure(translated(QT_TRANSLATE_NOOP("AtEncoder", "Unknown command %1.")).arg(cmdName));
    }
    if (!spec->supports(CommandForm::Set) || spec->signatures.isEmpty())
        return failure(translated(QT_TRANSLATE_NOOP("AtEncoder", "%1 takes no parameters.")).arg(cmdName));

    const int n = effectiveCount(args);
    int chosen = -1;
    if (signature >= 0) {
        if (signature >= spec->signatures.size())
            return failure(translated(QT_TRANSLATE_NOOP("AtEncoder", "%1 has no parameter form number %2."))
                               .arg(cmdName)
                               .arg(signature));
        chosen = signature;
    } else {
        for (int i = 0; i < spec->signatures.size() && chosen < 0; ++i)
            if (fits(spec->signatures[i], args, n))
                chosen = i;
        // Nothing fits: report against the first form whose size fits, else the first form.
        for (int i = 0; i < spec->signatures.size() && chosen < 0; ++i) {
            const Signature &s = spec->signatures[i];
            if (n <= s.params.size() && n >= s.requiredCount())
                chosen = i;
        }
        if (chosen < 0)
            chosen = 0;
    }
    const Signature &sig = spec->signatures[chosen];

    EncodeResult r;
    r.spec = spec;
    r.signature = chosen;
    auto fail = [&](QString error, const QByteArray &param) {
        r.error = std::move(error);
        r.errorParam = param;
        r.line.clear();
        r.warning.clear();
        return r;
    };

    if (n > sig.params.size())
        return fail(translated(QT_TRANSLATE_NOOP("AtEncoder", "Too many parameters: %1 takes at most %2, got %3."))
                        .arg(cmdName)
                        .arg(sig.params.size())
                        .arg(n),
                    {});
    for (int i = 0; i < sig.params.size(); ++i) {
        const ParamSpec &p = sig.params[i];
        const bool present = i < n && args[i].kind != AtArg::Omitted;
        if (!present) {
            if (!p.optional)
                return fail(translated(QT_TRANSLATE_NOOP("AtEncoder", "%1 is required.")).arg(paramLabel(p)), p.name);
            continue;
        }
        QString warning;
        const QString err = checkArg(p, args[i], m_dialect, &warning);
        if (!err.isEmpty())
            return fail(err, p.name);
        if (!warning.isEmpty())
            r.warning = warning;
        if (p.countsFollowing) {
            int following = 0;
            for (int j = i + 1; j < n; ++j)
                following += args[j].kind != AtArg::Omitted;
            if (following != args[i].i)
                return fail(translated(QT_TRANSLATE_NOOP("AtEncoder", "%1 is %2 but %3 values follow it."))
                                .arg(paramLabel(p))
                                .arg(args[i].i)
                                .arg(following),
                            p.name);
        }
    }

    const QByteArray line = joinLine(spec->name, args, n, m_dialect);
    if (line.size() + 2 > kMaxLineBytes) {
        // Point at the longest string: the one to shorten.
        QByteArray longest;
        qsizetype longestSize = -1;
        for (int i = 0; i < n; ++i)
            if (args[i].kind == AtArg::Str && args[i].s.size() > longestSize) {
                longestSize = args[i].s.size();
                longest = sig.params[i].name;
            }
        QString msg = lineTooLong(line.size() + 2);
        if (!longest.isEmpty())
            msg += QLatin1Char(' ')
                + translated(QT_TRANSLATE_NOOP("AtEncoder", "Shorten <%1>.")).arg(QString::fromLatin1(longest));
        return fail(msg, longest);
    }
    r.line = line;
    return r;
}

static EncodeResult simpleForm(const CommandCatalog *catalog, Dialect dialect, QByteArrayView command, CommandForm form,
                               const char *suffix)
{
    const QString cmdName = QString::fromLatin1(command);
    const CommandSpec *spec = catalog->find(command, dialect);
    if (!spec) {
        if (catalog->find(command))
            return failure(translated(QT_TRANSLATE_NOOP("AtEncoder", "%1 is not available in the %2 dialect."))
                               .arg(cmdName, dialectName(dialect)));
        return failure(translated(QT_TRANSLATE_NOOP("AtEncoder", "Unknown command %1.")).arg(cmdName));
    }
    if (!spec->supports(form)) {
        const char *what = form == CommandForm::Query ? QT_TRANSLATE_NOOP("AtEncoder", "%1 has no query form (%1?).")
            : form == CommandForm::Test               ? QT_TRANSLATE_NOOP("AtEncoder", "%1 has no test form (%1=?).")
            : spec->supports(CommandForm::Set)
            ? QT_TRANSLATE_NOOP("AtEncoder", "%1 needs parameters.")
            : QT_TRANSLATE_NOOP("AtEncoder", "%1 cannot be executed without a suffix.");
        return failure(translated(what).arg(QString::fromLatin1(spec->name)));
    }
    EncodeResult r;
    r.spec = spec;
    r.line = spec->name + suffix;
    return r;
}

EncodeResult AtEncoder::query(QByteArrayView command) const
{
    return simpleForm(m_catalog, m_dialect, command, CommandForm::Query, "?");
}

EncodeResult AtEncoder::execute(QByteArrayView command) const
{
    return simpleForm(m_catalog, m_dialect, command, CommandForm::Execute, "");
}

EncodeResult AtEncoder::test(QByteArrayView command) const
{
    return simpleForm(m_catalog, m_dialect, command, CommandForm::Test, "=?");
}

EncodeResult AtEncoder::compose(QByteArrayView command, const QList<AtArg> &args, Dialect dialect)
{
    if (!validCommandName(command))
        return failure(translated(QT_TRANSLATE_NOOP("AtEncoder", "\"%1\" is not a valid command name."))
                           .arg(QString::fromLatin1(command)));
    const int n = effectiveCount(args);
    for (int i = 0; i < n; ++i) {
        if (args[i].kind != AtArg::Str)
            continue;
        QString err;
        escapeString(args[i].s, dialect, &err);
        if (!err.isEmpty()) {
            const QByteArray param = "parameter " + QByteArray::number(i + 1);
            return failure(translated(QT_TRANSLATE_NOOP("AtEncoder", "Parameter %1 %2")).arg(i + 1).arg(err), param);
        }
    }
    const QByteArray line = n == 0 ? command.toByteArray() : joinLine(command, args, n, dialect);
    if (line.size() + 2 > kMaxLineBytes)
        return failure(lineTooLong(line.size() + 2));
    EncodeResult r;
    r.line = line;
    return r;
}

QList<QByteArray> AtEncoder::splitParams(QByteArrayView params, Dialect dialect, bool *ok)
{
    const QByteArrayView s = QByteArrayView(params).trimmed();
    bool reply = false;
    const qsizetype from = paramOffset(s, &reply);
    const QList<Field> fields = splitFields(s, from, dialect, reply, ok);
    QList<QByteArray> out;
    out.reserve(fields.size());
    for (const Field &f : fields)
        out << f.value;
    return out;
}

QByteArray AtEncoder::redact(QByteArrayView line) const
{
    const QByteArray original = line.toByteArray();
    const CommandSpec *spec = m_catalog->find(line, m_dialect);
    const qsizetype eq = line.indexOf('=');
    if (!spec || eq < 0 || spec->signatures.isEmpty())
        return original;
    bool anySecret = false;
    for (const Signature &s : spec->signatures)
        for (const ParamSpec &p : s.params)
            anySecret = anySecret || p.secret;
    if (!anySecret)
        return original;

    const QList<Field> fields = splitFields(line, eq + 1, m_dialect, false, nullptr);
    QList<AtArg> args;
    for (const Field &f : fields) {
        bool isInt = false;
        const qint64 v = f.value.toLongLong(&isInt);
        if (f.quoted)
            args << AtArg::string(f.value);
        else if (f.value.isEmpty())
            args << AtArg::omitted();
        else if (isInt)
            args << AtArg::integer(v);
        else
            args << AtArg::string(f.value);
    }
    const int n = effectiveCount(args);
    const Signature *sig = nullptr;
    for (const Signature &s : spec->signatures)
        if (!sig && fits(s, args, n))
            sig = &s;

    QByteArray out = original;
    // Replace from the end so earlier offsets stay valid.
    for (qsizetype i = fields.size() - 1; i >= 0; --i) {
        const Field &f = fields[i];
        // No matching shape: be safe and hide every string.
        const bool hide = sig ? (i < sig->params.size() && sig->params[i].secret) : args[i].kind == AtArg::Str;
        if (hide && f.end > f.begin)
            out.replace(f.begin, f.end - f.begin, f.quoted ? QByteArray("\"***\"") : QByteArray("***"));
    }
    return out;
}

} // namespace atb
