#include "jsonschema.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace atb {

namespace {



const QSet<QString> &supportedKeywords()
{
    static const QSet<QString> k {
        QStringLiteral("$ref"), QStringLiteral("type"), QStringLiteral("const"), QStringLiteral("enum"),
        QStringLiteral("properties"), QStringLiteral("required"), QStringLiteral("additionalProperties"),
        QStringLiteral("items"), QStringLiteral("minItems"), QStringLiteral("maxItems"), QStringLiteral("uniqueItems"),
        QStringLiteral("minimum"), QStringLiteral("maximum"), QStringLiteral("minLength"), QStringLiteral("maxLength"),
        QStringLiteral("pattern"), QStringLiteral("oneOf"), QStringLiteral("anyOf"), QStringLiteral("errorMessage"),
        // annotations
        QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("$id"), QStringLiteral("$schema"),
        QStringLiteral("$defs"), QStringLiteral("$comment"),
    };
    return k;
}

QString pointerToken(const QString &key)
{
    QString t = key;
    t.replace(QLatin1Char('~'), QLatin1String("~0"));
    t.replace(QLatin1Char('/'), QLatin1String("~1"));
    return t;
}

QString typeOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return std::floor(d) == d && std::isfinite(d) ? QStringLiteral("integer") : QStringLiteral("number");
    }
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    default: return QStringLiteral("undefined");
    }
}

bool typeMatches(const QString &want, const QJsonValue &v)
{
    const QString have = typeOf(v);
    return want == have || (want == QLatin1String("number") && have == QLatin1String("integer"));
}

QString typeWord(const QString &type)
{
    if (type == QLatin1String("string")) return JsonSchema::tr("a text");
    if (type == QLatin1String("integer")) return JsonSchema::tr("a whole number");
    if (type == QLatin1String("number")) return JsonSchema::tr("a number");
    if (type == QLatin1String("boolean")) return JsonSchema::tr("true or false");
    if (type == QLatin1String("object")) return JsonSchema::tr("an object {...}");
    if (type == QLatin1String("array")) return JsonSchema::tr("a list [...]");
    if (type == QLatin1String("null")) return QStringLiteral("null");
    return type;
}

QString shown(const QJsonValue &v)
{
    if (v.isString())
        return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return typeOf(v);
}

void walkKeywords(const QJsonValue &schema, const QString &at, QStringList *out)
{
    if (schema.isArray()) {
        const QJsonArray a = schema.toArray();
        for (int i = 0; i < a.size(); ++i)
            walkKeywords(a[i], at + QLatin1Char('/') + QString::number(i), out);
        return;
    }
    if (!schema.isObject())
        return;
    const QJsonObject o = schema.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!supportedKeywords().contains(it.key()))
            *out << at + QLatin1Char('/') + it.key();
        if (it.key() == QLatin1String("properties") || it.key() == QLatin1String("$defs")) {
            const QJsonObject props = it.value().toObject();
            for (auto p = props.begin(); p != props.end(); ++p)
                walkKeywords(p.value(), at + QLatin1Char('/') + it.key() + QLatin1Char('/') + p.key(), out);
        } else if (it.key() == QLatin1String("items") || it.key() == QLatin1String("additionalProperties")
                   || it.key() == QLatin1String("oneOf") || it.key() == QLatin1String("anyOf")) {
            walkKeywords(it.value(), at + QLatin1Char('/') + it.key(), out);
        }
    }
}

} // namespace

QString JsonIssue::text() const
{
    return (path.isEmpty() ? QStringLiteral("/") : path) + QLatin1String(": ") + reason;
}

JsonSchema::JsonSchema(const QJsonObject &schema) : m_root(schema) { }

QStringList JsonSchema::unsupportedKeywords() const
{
    QStringList out;
    walkKeywords(m_root, QString(), &out);
    return out;
}

QList<JsonIssue> JsonSchema::validate(const QJsonValue &value) const
{
    QList<JsonIssue> out;
    check(m_root, value, QString(), &out, 0);
    return out;
}

QJsonValue JsonSchema::resolve(const QJsonValue &schema) const
{
    const QString ref = schema.toObject().value(QLatin1String("$ref")).toString();
    if (!ref.startsWith(QLatin1String("#/")))
        return schema;
    QJsonValue at = m_root;
    for (const QString &part : ref.mid(2).split(QLatin1Char('/')))
        at = at.toObject().value(part);
    return at;
}

void JsonSchema::check(const QJsonValue &schemaIn, const QJsonValue &v, const QString &path, QList<JsonIssue> *out,
                       int depth) const
{
    if (depth > 64) { // a $ref cycle; the profile schema has none
        out->append({ path, tr("the schema is too deeply nested") });
        return;
    }
    const QJsonObject s = resolve(schemaIn).toObject();
    if (s.isEmpty())
        return;
    const qsizetype before = out->size();
    auto issue = [&](const QString &reason) { out->append({ path, reason }); };

    if (s.contains(QLatin1String("$ref")) && schemaIn.toObject().contains(QLatin1String("$ref"))
        && schemaIn.toObject().size() > 1) {
        // Keywords beside a $ref apply too (2020-12).
        QJsonObject rest = schemaIn.toObject();
        rest.remove(QLatin1String("$ref"));
        check(rest, v, path, out, depth + 1);
    }

    if (s.contains(QLatin1String("type"))) {
        const QJsonValue t = s.value(QLatin1String("type"));
        QStringList types;
        if (t.isArray()) {
            for (const QJsonValue &x : t.toArray())
                types << x.toString();
        } else {
            types << t.toString();
        }
        bool ok = false;
        for (const QString &want : std::as_const(types))
            ok = ok || typeMatches(want, v);
        if (!ok) {
            QStringList words;
            for (const QString &want : std::as_const(types))
                words << typeWord(want);
            issue(tr("must be %1").arg(words.join(tr(" or "))));
        }
    }
    if (out->size() == before) {
        if (s.contains(QLatin1String("const")) && s.value(QLatin1String("const")) != v)
            out->append({ path, tr("must be %1").arg(shown(s.value(QLatin1String("const")))), true });
        if (s.contains(QLatin1String("enum"))) {
            const QJsonArray e = s.value(QLatin1String("enum")).toArray();
            if (!e.contains(v)) {
                QStringList names;
                for (const QJsonValue &x : e)
                    names << shown(x);
                issue(tr("must be one of %1").arg(names.join(QLatin1String(", "))));
            }
        }
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (s.contains(QLatin1String("minimum")) && d < s.value(QLatin1String("minimum")).toDouble())
                issue(tr("must be at least %1").arg(shown(s.value(QLatin1String("minimum")))));
            if (s.contains(QLatin1String("maximum")) && d > s.value(QLatin1String("maximum")).toDouble())
                issue(tr("must be at most %1").arg(shown(s.value(QLatin1String("maximum")))));
        }
        if (v.isString()) {
            const QString str = v.toString();
            const qsizetype chars = str.toUcs4().size();
            if (s.contains(QLatin1String("minLength")) && chars < s.value(QLatin1String("minLength")).toInt())
                issue(s.value(QLatin1String("minLength")).toInt() == 1
                          ? tr("must not be empty")
                          : tr("must have at least %1 characters").arg(s.value(QLatin1String("minLength")).toInt()));
            if (s.contains(QLatin1String("maxLength")) && chars > s.value(QLatin1String("maxLength")).toInt())
                issue(s.value(QLatin1String("maxLength")).toInt() == 0
                          ? tr("must be empty")
                          : tr("must have at most %1 characters").arg(s.value(QLatin1String("maxLength")).toInt()));
            if (s.contains(QLatin1String("pattern"))) {
                const QRegularExpression re(s.value(QLatin1String("pattern")).toString());
                if (!re.match(str).hasMatch())
                    issue(tr("does not have the expected form (%1)").arg(re.pattern()));
            }
        }
        if (v.isArray()) {
            const QJsonArray a = v.toArray();
            if (s.contains(QLatin1String("minItems")) && a.size() < s.value(QLatin1String("minItems")).toInt())
                issue(tr("must have at least %n item(s)", nullptr, s.value(QLatin1String("minItems")).toInt()));
            if (s.contains(QLatin1String("maxItems")) && a.size() > s.value(QLatin1String("maxItems")).toInt())
                issue(tr("must have at most %n item(s)", nullptr, s.value(QLatin1String("maxItems")).toInt()));
            if (s.value(QLatin1String("uniqueItems")).toBool()) {
                for (int i = 0; i < a.size(); ++i)
                    for (int j = 0; j < i; ++j)
                        if (a[i] == a[j])
                            out->append({ path + QLatin1Char('/') + QString::number(i),
                                          tr("repeats item %1").arg(j) });
            }
            if (s.contains(QLatin1String("items")))
                for (int i = 0; i < a.size(); ++i)
                    check(s.value(QLatin1String("items")), a[i], path + QLatin1Char('/') + QString::number(i), out,
                          depth + 1);
        }
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            const QJsonObject props = s.value(QLatin1String("properties")).toObject();
            for (const QJsonValue &r : s.value(QLatin1String("required")).toArray())
                if (!o.contains(r.toString()))
                    out->append({ path + QLatin1Char('/') + pointerToken(r.toString()), tr("is required") });
            const QJsonValue additional = s.value(QLatin1String("additionalProperties"));
            for (auto it = o.begin(); it != o.end(); ++it) {
                const QString at = path + QLatin1Char('/') + pointerToken(it.key());
                if (props.contains(it.key()))
                    check(props.value(it.key()), it.value(), at, out, depth + 1);
                else if (additional.isBool() && !additional.toBool())
                    out->append({ at, props.isEmpty() ? tr("unknown key")
                                                      : tr("unknown key (known here: %1)").arg(props.keys().join(QLatin1String(", "))) });
                else if (additional.isObject())
                    check(additional, it.value(), at, out, depth + 1);
            }
        }
        for (const char *kw : { "oneOf", "anyOf" }) {
            if (!s.contains(QLatin1String(kw)))
                continue;
            const QJsonArray branches = s.value(QLatin1String(kw)).toArray();
            int passing = 0;
            QStringList titles;
            QList<JsonIssue> closest; // the branch meant: no const mismatch, fewest issues
            for (const QJsonValue &b : branches) {
                QList<JsonIssue> sub;
                check(b, v, path, &sub, depth + 1);
                if (sub.isEmpty())
                    ++passing;
                titles << resolve(b).toObject().value(QLatin1String("title")).toString();
                const bool meant = std::none_of(sub.begin(), sub.end(), [](const JsonIssue &i) { return i.constMismatch; });
                if (!sub.isEmpty() && meant && (closest.isEmpty() || sub.size() < closest.size()))
                    closest = sub;
            }
            const bool ok = qstrcmp(kw, "oneOf") == 0 ? passing == 1 : passing >= 1;
            if (ok)
                continue;
            if (passing > 1) {
                issue(tr("matches more than one of the allowed forms"));
            } else if (!closest.isEmpty() && (closest.size() > 1 || closest.first().path != path)) {
                out->append(closest);
            } else {
                titles.removeAll(QString());
                issue(titles.isEmpty() ? tr("is not one of the allowed forms")
                                       : tr("must be one of: %1").arg(titles.join(QLatin1String(" | "))));
            }
        }
    }
    if (out->size() > before && s.contains(QLatin1String("errorMessage"))) {
        out->erase(out->begin() + before, out->end());
        const QByteArray msg = s.value(QLatin1String("errorMessage")).toString().toUtf8();
        issue(QCoreApplication::translate("ProfileSchema", msg.constData()));
    }
}

} // namespace atb
