#include "fieldcheck.h"

#include "services/netservice.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace atb {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(atb::fieldchecks)
};

QJsonArray subscriptionSet(const QJsonValue &v)
{
    QList<QPair<QString, int>> items;
    for (const QJsonValue &s : v.toArray())
        items << qMakePair(s[QLatin1String("topic")].toString(), s[QLatin1String("qos")].toInt());
    std::sort(items.begin(), items.end());
    QJsonArray out;
    for (const auto &i : items)
        out << QJsonObject { { QStringLiteral("topic"), i.first }, { QStringLiteral("qos"), i.second } };
    return out;
}

} // namespace

QString FieldCheck::verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Match: return QStringLiteral("match");
    case Verdict::Differs: return QStringLiteral("differs");
    case Verdict::Unreadable: return QStringLiteral("unreadable");
    case Verdict::Failed: return QStringLiteral("failed");
    case Verdict::NotApplied: return QStringLiteral("not_applied");
    }
    return QString();
}

QString FieldCheck::shown(const QJsonValue &v, bool secret)
{
    if (v.isUndefined())
        return QString();
    if (secret)
        return v.toString().isEmpty() ? QStringLiteral("\"\"") : QStringLiteral("***");
    if (v.isString())
        return v.toString();
    if (v.isNull())
        return QStringLiteral("null");
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

QJsonObject FieldCheck::toJson() const
{
    auto masked = [this](const QJsonValue &v) -> QJsonValue {
        if (v.isUndefined())
            return QJsonValue::Null;
        if (secret && !v.toString().isEmpty())
            return QStringLiteral("***");
        return v;
    };
    QJsonObject o { { QStringLiteral("field"), field },
                    { QStringLiteral("desired"), masked(desired) },
                    { QStringLiteral("actual"), masked(actual) },
                    { QStringLiteral("verdict"), verdictName(verdict) },
                    { QStringLiteral("applied"), applied } };
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    return o;
}

namespace fieldchecks {

QMap<QString, QJsonValue> desiredValues(const Profile &p, const QHash<QString, QString> &secrets)
{
    QMap<QString, QJsonValue> d;
    auto secretValue = [&](const QString &path, const SecretRef &ref) {
        if (!ref.isSet())
            d.insert(path, QString());
        else if (secrets.contains(ref.name))
            d.insert(path, secrets.value(ref.name));
    };
    if (p.persistence)
        d.insert(QStringLiteral("/persistence/store"), p.persistence->store);
    if (p.wifi) {
        d.insert(QStringLiteral("/wifi/mode"), wifiModeName(p.wifi->mode));
        d.insert(QStringLiteral("/wifi/join"), p.wifi->join);
        if (p.wifi->join) {
            d.insert(QStringLiteral("/wifi/ssid"), p.wifi->ssid);
            secretValue(QStringLiteral("/wifi/password"), p.wifi->password);
            if (!p.wifi->bssid.isEmpty())
                d.insert(QStringLiteral("/wifi/bssid"), p.wifi->bssid);
        }
    }
    if (p.connection) {
        if (p.connection->multiple)
            d.insert(QStringLiteral("/connection/multiple_connections"), *p.connection->multiple);
        if (p.connection->passthrough)
            d.insert(QStringLiteral("/connection/transmission"),
                     *p.connection->passthrough ? QStringLiteral("passthrough") : QStringLiteral("normal"));
        if (p.connection->passive)
            d.insert(QStringLiteral("/connection/receive_mode"),
                     *p.connection->passive ? QStringLiteral("passive") : QStringLiteral("active"));
    }
    if (p.dns) {
        d.insert(QStringLiteral("/dns/automatic"), p.dns->automatic);
        if (!p.dns->automatic)
            d.insert(QStringLiteral("/dns/servers"), QJsonArray::fromStringList(p.dns->servers));
    }
    if (p.sntp) {
        d.insert(QStringLiteral("/sntp/enabled"), p.sntp->enabled);
        if (p.sntp->enabled) {
            if (p.sntp->timezone)
                d.insert(QStringLiteral("/sntp/timezone"), *p.sntp->timezone);
            d.insert(QStringLiteral("/sntp/servers"), QJsonArray::fromStringList(p.sntp->servers));
        }
    }
    if (p.tlsPsk) {
        secretValue(QStringLiteral("/tls_psk/psk"), p.tlsPsk->psk);
        d.insert(QStringLiteral("/tls_psk/hint"), p.tlsPsk->hint);
    }
    if (p.mqtt) {
        const ProfileMqtt &m = *p.mqtt;
        d.insert(QStringLiteral("/mqtt/scheme"), m.scheme);
        d.insert(QStringLiteral("/mqtt/client_id"), m.clientId);
        d.insert(QStringLiteral("/mqtt/username"), m.username);
        secretValue(QStringLiteral("/mqtt/password"), m.password);
        d.insert(QStringLiteral("/mqtt/path"), m.path);
        d.insert(QStringLiteral("/mqtt/keepalive"), m.keepAlive);
        d.insert(QStringLiteral("/mqtt/clean_session"), m.cleanSession);
        d.insert(QStringLiteral("/mqtt/last_will"),
                 m.hasLastWill ? QJsonValue(QJsonObject { { QStringLiteral("topic"), m.lwtTopic },
                                                          { QStringLiteral("message"), m.lwtMessage },
                                                          { QStringLiteral("qos"), m.lwtQos },
                                                          { QStringLiteral("retain"), m.lwtRetain } })
                               : QJsonValue(QJsonValue::Null));
        d.insert(QStringLiteral("/mqtt/alpn"), QJsonArray::fromStringList(m.alpn));
        d.insert(QStringLiteral("/mqtt/connect"), m.connect);
        if (m.connect) {
            d.insert(QStringLiteral("/mqtt/host"), m.host);
            d.insert(QStringLiteral("/mqtt/port"), m.port);
            d.insert(QStringLiteral("/mqtt/reconnect"), m.reconnect);
            QJsonArray subs;
            for (const ProfileMqttSubscription &s : m.subscriptions)
                subs << QJsonObject { { QStringLiteral("topic"), s.topic }, { QStringLiteral("qos"), s.qos } };
            d.insert(QStringLiteral("/mqtt/subscriptions"), subs);
        }
    }
    return d;
}

bool sameValue(const QString &field, const QJsonValue &desired, const QJsonValue &actual)
{
    if (actual.isUndefined())
        return false;
    if (field == QLatin1String("/sntp/timezone")) {
        const auto a = NetService::timezoneMinutes(QString::number(desired.toInt()));
        const auto b = NetService::timezoneMinutes(QString::number(actual.toInt()));
        return a && b && *a == *b;
    }
    if (field == QLatin1String("/mqtt/subscriptions"))
        return subscriptionSet(desired) == subscriptionSet(actual);
    if (field == QLatin1String("/wifi/bssid"))
        return desired.toString().compare(actual.toString(), Qt::CaseInsensitive) == 0;
    return desired == actual;
}

QByteArray queryFor(const QString &field)
{
    static const QList<QPair<const char *, const char *>> map {
        { "/persistence/", "AT+SYSSTORE?" },
        { "/wifi/mode", "AT+CWMODE?" },
        { "/wifi/", "AT+CWJAP?" },
        { "/connection/multiple_connections", "AT+CIPMUX?" },
        { "/connection/transmission", "AT+CIPMODE?" },
        { "/connection/receive_mode", "AT+CIPRECVMODE?" },
        { "/dns/", "AT+CIPDNS?" },
        { "/sntp/", "AT+CIPSNTPCFG?" },
        { "/tls_psk/", "AT+CIPSSLCPSK?" },
        { "/mqtt/subscriptions", "AT+MQTTSUB?" },
        { "/mqtt/", "AT+MQTTCONN?" },
    };
    for (const auto &m : map)
        if (field.startsWith(QLatin1String(m.first)))
            return m.second;
    return QByteArray();
}

QList<FieldCheck> compare(const QMap<QString, QJsonValue> &desired, const ModuleReadBack &rb)
{
    const QStringList unreadable = ModuleReadBack::unreadableFields(rb.dialect);
    QList<FieldCheck> rows;
    for (auto it = desired.begin(); it != desired.end(); ++it) {
        FieldCheck c;
        c.field = it.key();
        c.desired = it.value();
        c.secret = ModuleReadBack::isSecretField(c.field);
        c.actual = rb.values.value(c.field, QJsonValue(QJsonValue::Undefined));
        if (!rb.has(c.field)) {
            const QByteArray query = queryFor(c.field);
            QString failed;
            for (const QString &f : rb.failedQueries)
                if (!query.isEmpty() && f.startsWith(QString::fromLatin1(query) + QLatin1Char(':')))
                    failed = f;
            if (unreadable.contains(c.field) || query.isEmpty()) {
                c.verdict = FieldCheck::Verdict::Unreadable;
                c.note = Text::tr("the firmware cannot report it");
                rows << c;
                continue;
            }
            if (!failed.isEmpty() || !rb.complete) {
                c.verdict = FieldCheck::Verdict::Unreadable;
                c.note = failed.isEmpty() ? Text::tr("not read: %1").arg(rb.error) : Text::tr("not read: %1").arg(failed);
                rows << c;
                continue;
            }
            c.actual = QJsonValue::Null; // reported as not applicable (no network joined, MQTT off)
        }
        c.verdict = sameValue(c.field, c.desired, c.actual) ? FieldCheck::Verdict::Match : FieldCheck::Verdict::Differs;
        rows << c;
    }
    return rows;
}

bool allPassed(const QList<FieldCheck> &rows)
{
    return std::all_of(rows.begin(), rows.end(), [](const FieldCheck &c) { return c.passed(); });
}

} // namespace fieldchecks

} // namespace atb
