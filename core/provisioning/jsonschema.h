#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace atb {

// One problem found in a JSON document: where (a JSON Pointer such as "/mqtt/port" or
// "/post_checks/1/host"; "" is the document itself) and why, in words.
struct JsonIssue
{
    QString path;
    QString reason;
    // The value differed from a "const" (for a oneOf: this branch was not the one meant).
    bool constMismatch = false;

    // "/mqtt/port: must be at most 65535"
    QString text() const;
    bool operator==(const JsonIssue &o) const { return path == o.path && reason == o.reason; }
};

// Validates a JSON value against a JSON Schema (draft 2020-12), the subset the profile schema
// uses: $ref (to "#/$defs/..."), type, const, enum, properties, required, additionalProperties
// (false or a schema), items, minItems, maxItems, uniqueItems, minimum, maximum, minLength,
// maxLength (characters), pattern, oneOf, anyOf; annotations (title, description, $id,
// $schema, $defs) are ignored. One extension: "errorMessage" on a schema replaces every issue
// found under it by that one sentence (translated in the "ProfileSchema" context), so a
// document's author reads "must be a secret reference ..." rather than the branches of a oneOf.
// A keyword outside the subset is reported by unsupportedKeywords(), so a schema edit that the
// validator would silently skip fails its test instead.
class JsonSchema
{
    Q_DECLARE_TR_FUNCTIONS(atb::JsonSchema)
public:
    explicit JsonSchema(const QJsonObject &schema = QJsonObject());

    QList<JsonIssue> validate(const QJsonValue &value) const;
    // Keywords the schema uses that validate() does not implement (empty for a usable schema).
    QStringList unsupportedKeywords() const;
    const QJsonObject &schema() const { return m_root; }

private:
    void check(const QJsonValue &schema, const QJsonValue &value, const QString &path, QList<JsonIssue> *out,
               int depth) const;
    QJsonValue resolve(const QJsonValue &schema) const;

    QJsonObject m_root;
};

} // namespace atb
