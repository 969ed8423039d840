#include "profile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace atb {

namespace {

const char *const kModeNames[] = { "off", "station", "softap", "station+softap" };

// The schema's "errorMessage" texts, for lupdate: JsonSchema translates them in this context.
// tst_profile checks that the list and the schema agree.
const char *const kSchemaMessages[] = {
    QT_TRANSLATE_NOOP("ProfileSchema", "must be \"atbench-profile\""),
    QT_TRANSLATE_NOOP("ProfileSchema", "unsupported version (this AT Bench reads version 1)"),
    QT_TRANSLATE_NOOP("ProfileSchema", "must look like 1a:2b:3c:4d:5e:6f"),
    QT_TRANSLATE_NOOP("ProfileSchema", "must be an IPv4 address such as 8.8.8.8"),
    QT_TRANSLATE_NOOP("ProfileSchema", "must be a secret reference {\"secret\": \"name\"} (letters, digits, . _ -): a "
                                       "secret is never written into a profile"),
    QT_TRANSLATE_NOOP("ProfileSchema", "must be a secret reference {\"secret\": \"name\"}, or \"\" for none: a secret is "
                                       "never written into a profile"),
};

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

SecretRef secretOf(const QJsonValue &v)
{
    return SecretRef { v.isObject() ? v.toObject().value(QLatin1String("secret")).toString() : QString() };
}

QJsonValue secretJson(const SecretRef &s)
{
    if (!s.isSet())
        return QString();
    return QJsonObject { { QStringLiteral("secret"), s.name } };
}

// The rules between fields that the schema does not express.
void checkRules(const Profile &p, const QJsonObject &o, QList<JsonIssue> *issues)
{
    auto add = [issues](const QString &path, const QString &reason) { issues->append({ path, reason }); };
    if (p.wifi) {
        const QJsonObject w = o.value(QLatin1String("wifi")).toObject();
        if (p.wifi->join) {
            if (p.wifi->ssid.isEmpty())
                add(QStringLiteral("/wifi/ssid"), Profile::tr("is required to join a network"));
            if (!w.contains(QLatin1String("password")))
                add(QStringLiteral("/wifi/password"),
                    Profile::tr("is required to join a network: a secret reference, or \"\" for an open network"));
            if (p.wifi->mode != 1 && p.wifi->mode != 3)
                add(QStringLiteral("/wifi/mode"), Profile::tr("joining a network needs \"station\" or \"station+softap\""));
        } else {
            for (const char *key : { "ssid", "password", "bssid" })
                if (w.contains(QLatin1String(key)))
                    add(QStringLiteral("/wifi/") + QLatin1String(key),
                        Profile::tr("only with \"join\": true (the profile says the module joins no network)"));
        }
    }
    if (p.dns) {
        if (!p.dns->automatic && p.dns->servers.isEmpty())
            add(QStringLiteral("/dns/servers"), Profile::tr("is required with \"automatic\": false (1 to 3 addresses)"));
        if (p.dns->automatic && !p.dns->servers.isEmpty())
            add(QStringLiteral("/dns/servers"), Profile::tr("only with \"automatic\": false"));
    }
    if (p.sntp && p.sntp->enabled) {
        if (!p.sntp->timezone)
            add(QStringLiteral("/sntp/timezone"), Profile::tr("is required when SNTP is enabled"));
        if (p.sntp->servers.isEmpty())
            add(QStringLiteral("/sntp/servers"), Profile::tr("is required when SNTP is enabled (1 to 3 servers)"));
    }
    if (p.mqtt) {
        if (p.mqtt->connect && p.mqtt->host.isEmpty())
            add(QStringLiteral("/mqtt/host"), Profile::tr("is required to connect"));
        if (!p.mqtt->connect && !p.mqtt->subscriptions.isEmpty())
            add(QStringLiteral("/mqtt/subscriptions"), Profile::tr("need \"connect\": true"));
        QStringList seen;
        for (int i = 0; i < p.mqtt->subscriptions.size(); ++i) {
            const QString t = p.mqtt->subscriptions[i].topic;
            if (seen.contains(t))
                add(QStringLiteral("/mqtt/subscriptions/%1/topic").arg(i), Profile::tr("is already in the list"));
            seen << t;
        }
    }
    for (int i = 0; i < p.postChecks.size(); ++i) {
        if (p.postChecks[i].kind == PostCheck::Kind::MqttLoopback && !(p.mqtt && p.mqtt->connect))
            add(QStringLiteral("/post_checks/%1").arg(i), Profile::tr("an MQTT loop-back needs the \"mqtt\" section with a broker to connect to"));
        if (p.postChecks[i].kind == PostCheck::Kind::SntpTime && !(p.sntp && p.sntp->enabled))
            add(QStringLiteral("/post_checks/%1").arg(i), Profile::tr("reading the SNTP time needs the \"sntp\" section with SNTP enabled"));
    }
}

} // namespace

QString PostCheck::kindName(Kind k)
{
    switch (k) {
    case Kind::Ping: return QStringLiteral("ping");
    case Kind::Resolve: return QStringLiteral("resolve");
    case Kind::SntpTime: return QStringLiteral("sntp_time");
    case Kind::MqttLoopback: return QStringLiteral("mqtt_loopback");
    }
    return QString();
}

QString wifiModeName(int mode)
{
    return mode >= 0 && mode <= 3 ? QString::fromLatin1(kModeNames[mode]) : QString();
}

int wifiModeFromName(const QString &name)
{
    for (int i = 0; i <= 3; ++i)
        if (name == QLatin1String(kModeNames[i]))
            return i;
    return -1;
}

QStringList Profile::schemaMessages()
{
    QStringList out;
    for (const char *m : kSchemaMessages)
        out << QString::fromUtf8(m);
    return out;
}

const JsonSchema &Profile::schema()
{
    static const JsonSchema s = [] {
        QFile f(QStringLiteral(":/atbench/schema/atbench-profile.schema.json"));
        f.open(QIODevice::ReadOnly);
        return JsonSchema(QJsonDocument::fromJson(f.readAll()).object());
    }();
    return s;
}

std::optional<Profile> Profile::load(const QString &fileName, QList<JsonIssue> *issues)
{
    QFile f(fileName);
    if (!f.open(QIODevice::ReadOnly)) {
        issues->append({ QString(), tr("cannot read %1: %2").arg(fileName, f.errorString()) });
        return std::nullopt;
    }
    return parse(f.readAll(), issues);
}

std::optional<Profile> Profile::parse(const QByteArray &json, QList<JsonIssue> *issues)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        // Line and column of the offset, for the author's editor.
        const QByteArray head = json.left(error.offset);
        const int line = int(head.count('\n')) + 1;
        const int column = int(error.offset - (head.lastIndexOf('\n') + 1)) + 1;
        issues->append({ QString(), tr("not valid JSON at line %1, column %2: %3").arg(line).arg(column).arg(error.errorString()) });
        return std::nullopt;
    }
    if (!doc.isObject()) {
        issues->append({ QString(), tr("a profile is a JSON object {...}") });
        return std::nullopt;
    }
    return fromJson(doc.object(), issues);
}

std::optional<Profile> Profile::fromJson(const QJsonObject &o, QList<JsonIssue> *issues)
{
    const QList<JsonIssue> schemaIssues = schema().validate(o);
    if (!schemaIssues.isEmpty()) {
        issues->append(schemaIssues);
        return std::nullopt;
    }
    Profile p;
    p.name = o.value(QLatin1String("name")).toString();
    p.description = o.value(QLatin1String("description")).toString();
    p.dialect = dialectFromName(o.value(QLatin1String("dialect")).toString()).value_or(Dialect::Esp);
    if (o.contains(QLatin1String("persistence")))
        p.persistence = ProfilePersistence { o.value(QLatin1String("persistence"))[QLatin1String("store")].toBool() };
    if (o.contains(QLatin1String("wifi"))) {
        const QJsonObject w = o.value(QLatin1String("wifi")).toObject();
        ProfileWifi x;
        x.mode = wifiModeFromName(w.value(QLatin1String("mode")).toString());
        x.ssid = w.value(QLatin1String("ssid")).toString();
        x.join = w.value(QLatin1String("join")).toBool(w.contains(QLatin1String("ssid")));
        x.password = secretOf(w.value(QLatin1String("password")));
        x.bssid = w.value(QLatin1String("bssid")).toString().toLower();
        p.wifi = x;
    }
    if (o.contains(QLatin1String("connection"))) {
        const QJsonObject c = o.value(QLatin1String("connection")).toObject();
        ProfileConnection x;
        if (c.contains(QLatin1String("multiple_connections")))
            x.multiple = c.value(QLatin1String("multiple_connections")).toBool();
        if (c.contains(QLatin1String("transmission")))
            x.passthrough = c.value(QLatin1String("transmission")).toString() == QLatin1String("passthrough");
        if (c.contains(QLatin1String("receive_mode")))
            x.passive = c.value(QLatin1String("receive_mode")).toString() == QLatin1String("passive");
        p.connection = x;
    }
    if (o.contains(QLatin1String("dns"))) {
        const QJsonObject d = o.value(QLatin1String("dns")).toObject();
        p.dns = ProfileDns { d.value(QLatin1String("automatic")).toBool(), strings(d.value(QLatin1String("servers"))) };
    }
    if (o.contains(QLatin1String("sntp"))) {
        const QJsonObject s = o.value(QLatin1String("sntp")).toObject();
        ProfileSntp x;
        x.enabled = s.value(QLatin1String("enabled")).toBool();
        if (s.contains(QLatin1String("timezone")))
            x.timezone = s.value(QLatin1String("timezone")).toInt();
        x.servers = strings(s.value(QLatin1String("servers")));
        p.sntp = x;
    }
    if (o.contains(QLatin1String("tls_psk"))) {
        const QJsonObject s = o.value(QLatin1String("tls_psk")).toObject();
        p.tlsPsk = ProfilePsk { secretOf(s.value(QLatin1String("psk"))), s.value(QLatin1String("hint")).toString() };
    }
    if (o.contains(QLatin1String("mqtt"))) {
        const QJsonObject m = o.value(QLatin1String("mqtt")).toObject();
        ProfileMqtt x;
        x.scheme = m.value(QLatin1String("scheme")).toInt();
        x.clientId = m.value(QLatin1String("client_id")).toString();
        x.username = m.value(QLatin1String("username")).toString();
        x.password = secretOf(m.value(QLatin1String("password")));
        x.path = m.value(QLatin1String("path")).toString();
        x.keepAlive = m.value(QLatin1String("keepalive")).toInt(120);
        x.cleanSession = m.value(QLatin1String("clean_session")).toBool(true);
        if (m.contains(QLatin1String("last_will"))) {
            const QJsonObject l = m.value(QLatin1String("last_will")).toObject();
            x.hasLastWill = true;
            x.lwtTopic = l.value(QLatin1String("topic")).toString();
            x.lwtMessage = l.value(QLatin1String("message")).toString();
            x.lwtQos = l.value(QLatin1String("qos")).toInt();
            x.lwtRetain = l.value(QLatin1String("retain")).toBool();
        }
        x.alpn = strings(m.value(QLatin1String("alpn")));
        x.host = m.value(QLatin1String("host")).toString();
        x.port = m.value(QLatin1String("port")).toInt(1883);
        x.reconnect = m.value(QLatin1String("reconnect")).toBool();
        x.connect = m.value(QLatin1String("connect")).toBool(!x.host.isEmpty());
        for (const QJsonValue &s : m.value(QLatin1String("subscriptions")).toArray())
            x.subscriptions << ProfileMqttSubscription { s[QLatin1String("topic")].toString(), s[QLatin1String("qos")].toInt() };
        p.mqtt = x;
    }
    for (const QJsonValue &v : o.value(QLatin1String("post_checks")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString kind = c.value(QLatin1String("check")).toString();
        PostCheck x;
        if (kind == QLatin1String("ping")) {
            x.kind = PostCheck::Kind::Ping;
            x.target = c.value(QLatin1String("host")).toString();
        } else if (kind == QLatin1String("resolve")) {
            x.kind = PostCheck::Kind::Resolve;
            x.target = c.value(QLatin1String("name")).toString();
            x.expect = c.value(QLatin1String("expect")).toString();
        } else if (kind == QLatin1String("sntp_time")) {
            x.kind = PostCheck::Kind::SntpTime;
            x.maxOffsetS = c.value(QLatin1String("max_offset_s")).toInt(-1);
            x.timeoutS = c.value(QLatin1String("timeout_s")).toInt(0);
        } else {
            x.kind = PostCheck::Kind::MqttLoopback;
            x.target = c.value(QLatin1String("topic")).toString();
            x.message = c.value(QLatin1String("message")).toString();
            x.qos = c.value(QLatin1String("qos")).toInt();
            x.timeoutS = c.value(QLatin1String("timeout_s")).toInt(0);
        }
        p.postChecks << x;
    }
    p.source = o.value(QLatin1String("source")).toObject();

    QList<JsonIssue> rules;
    checkRules(p, o, &rules);
    if (!rules.isEmpty()) {
        issues->append(rules);
        return std::nullopt;
    }
    return p;
}

QJsonObject Profile::toJson() const
{
    QJsonObject o { { QStringLiteral("format"), formatName() },
                    { QStringLiteral("version"), kVersion },
                    { QStringLiteral("dialect"), dialectName(dialect) } };
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    if (persistence)
        o.insert(QStringLiteral("persistence"), QJsonObject { { QStringLiteral("store"), persistence->store } });
    if (wifi) {
        QJsonObject w { { QStringLiteral("mode"), wifiModeName(wifi->mode) }, { QStringLiteral("join"), wifi->join } };
        if (wifi->join) {
            w.insert(QStringLiteral("ssid"), wifi->ssid);
            w.insert(QStringLiteral("password"), secretJson(wifi->password));
            if (!wifi->bssid.isEmpty())
                w.insert(QStringLiteral("bssid"), wifi->bssid);
        }
        o.insert(QStringLiteral("wifi"), w);
    }
    if (connection) {
        QJsonObject c;
        if (connection->multiple)
            c.insert(QStringLiteral("multiple_connections"), *connection->multiple);
        if (connection->passthrough)
            c.insert(QStringLiteral("transmission"), *connection->passthrough ? QStringLiteral("passthrough") : QStringLiteral("normal"));
        if (connection->passive)
            c.insert(QStringLiteral("receive_mode"), *connection->passive ? QStringLiteral("passive") : QStringLiteral("active"));
        o.insert(QStringLiteral("connection"), c);
    }
    if (dns) {
        QJsonObject d { { QStringLiteral("automatic"), dns->automatic } };
        if (!dns->automatic)
            d.insert(QStringLiteral("servers"), QJsonArray::fromStringList(dns->servers));
        o.insert(QStringLiteral("dns"), d);
    }
    if (sntp) {
        QJsonObject s { { QStringLiteral("enabled"), sntp->enabled } };
        if (sntp->timezone)
            s.insert(QStringLiteral("timezone"), *sntp->timezone);
        if (!sntp->servers.isEmpty())
            s.insert(QStringLiteral("servers"), QJsonArray::fromStringList(sntp->servers));
        o.insert(QStringLiteral("sntp"), s);
    }
    if (tlsPsk) {
        QJsonObject s { { QStringLiteral("psk"), secretJson(tlsPsk->psk) } };
        if (!tlsPsk->hint.isEmpty())
            s.insert(QStringLiteral("hint"), tlsPsk->hint);
        o.insert(QStringLiteral("tls_psk"), s);
    }
    if (mqtt) {
        QJsonObject m { { QStringLiteral("scheme"), mqtt->scheme },
                        { QStringLiteral("client_id"), mqtt->clientId },
                        { QStringLiteral("username"), mqtt->username },
                        { QStringLiteral("password"), secretJson(mqtt->password) },
                        { QStringLiteral("path"), mqtt->path },
                        { QStringLiteral("keepalive"), mqtt->keepAlive },
                        { QStringLiteral("clean_session"), mqtt->cleanSession },
                        { QStringLiteral("alpn"), QJsonArray::fromStringList(mqtt->alpn) },
                        { QStringLiteral("reconnect"), mqtt->reconnect },
                        { QStringLiteral("connect"), mqtt->connect } };
        if (mqtt->hasLastWill)
            m.insert(QStringLiteral("last_will"), QJsonObject { { QStringLiteral("topic"), mqtt->lwtTopic },
                                                                { QStringLiteral("message"), mqtt->lwtMessage },
                                                                { QStringLiteral("qos"), mqtt->lwtQos },
                                                                { QStringLiteral("retain"), mqtt->lwtRetain } });
        if (!mqtt->host.isEmpty()) {
            m.insert(QStringLiteral("host"), mqtt->host);
            m.insert(QStringLiteral("port"), mqtt->port);
        }
        QJsonArray subs;
        for (const ProfileMqttSubscription &s : mqtt->subscriptions)
            subs << QJsonObject { { QStringLiteral("topic"), s.topic }, { QStringLiteral("qos"), s.qos } };
        if (!subs.isEmpty())
            m.insert(QStringLiteral("subscriptions"), subs);
        o.insert(QStringLiteral("mqtt"), m);
    }
    if (!postChecks.isEmpty()) {
        QJsonArray checks;
        for (const PostCheck &c : postChecks) {
            QJsonObject x { { QStringLiteral("check"), PostCheck::kindName(c.kind) } };
            switch (c.kind) {
            case PostCheck::Kind::Ping:
                x.insert(QStringLiteral("host"), c.target);
                break;
            case PostCheck::Kind::Resolve:
                x.insert(QStringLiteral("name"), c.target);
                if (!c.expect.isEmpty())
                    x.insert(QStringLiteral("expect"), c.expect);
                break;
            case PostCheck::Kind::SntpTime:
                if (c.maxOffsetS >= 0)
                    x.insert(QStringLiteral("max_offset_s"), c.maxOffsetS);
                if (c.timeoutS > 0)
                    x.insert(QStringLiteral("timeout_s"), c.timeoutS);
                break;
            case PostCheck::Kind::MqttLoopback:
                x.insert(QStringLiteral("topic"), c.target);
                x.insert(QStringLiteral("message"), c.message);
                x.insert(QStringLiteral("qos"), c.qos);
                if (c.timeoutS > 0)
                    x.insert(QStringLiteral("timeout_s"), c.timeoutS);
                break;
            }
            checks << x;
        }
        o.insert(QStringLiteral("post_checks"), checks);
    }
    if (!source.isEmpty())
        o.insert(QStringLiteral("source"), source);
    return o;
}

QByteArray Profile::toFileText() const
{
    // QJsonObject sorts keys alphabetically; a person reads format, version and dialect first.
    const QJsonObject o = toJson();
    static const char *const order[] = { "format", "version", "name", "description", "dialect", "persistence", "wifi",
                                         "connection", "dns", "sntp", "tls_psk", "mqtt", "post_checks", "source" };
    QByteArray out = "{\n";
    bool first = true;
    for (const char *key : order) {
        const QString k = QString::fromLatin1(key);
        if (!o.contains(k))
            continue;
        QByteArray value;
        const QJsonValue v = o.value(k);
        if (v.isObject())
            value = QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented).trimmed();
        else if (v.isArray())
            value = QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented).trimmed();
        else
            value = QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact).mid(1).chopped(1);
        value.replace("\n", "\n    ");
        out += (first ? "    \"" : ",\n    \"") + QByteArray(key) + "\": " + value;
        first = false;
    }
    return out + "\n}\n";
}

bool Profile::save(const QString &fileName, QString *error) const
{
    QSaveFile f(fileName);
    if (!f.open(QIODevice::WriteOnly) || f.write(toFileText()) < 0 || !f.commit()) {
        if (error)
            *error = tr("cannot write %1: %2").arg(fileName, f.errorString());
        return false;
    }
    return true;
}

QString Profile::hash() const
{
    const QByteArray compact = QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
    return QStringLiteral("sha256:")
        + QString::fromLatin1(QCryptographicHash::hash(compact, QCryptographicHash::Sha256).toHex());
}

QList<QPair<QString, QString>> Profile::secretUses() const
{
    QList<QPair<QString, QString>> out;
    if (wifi && wifi->join && wifi->password.isSet())
        out << qMakePair(wifi->password.name, QStringLiteral("/wifi/password"));
    if (tlsPsk && tlsPsk->psk.isSet())
        out << qMakePair(tlsPsk->psk.name, QStringLiteral("/tls_psk/psk"));
    if (mqtt && mqtt->password.isSet())
        out << qMakePair(mqtt->password.name, QStringLiteral("/mqtt/password"));
    return out;
}

void Profile::forEachText(const std::function<void(QString &, const QString &)> &visit)
{
    if (wifi) {
        visit(wifi->ssid, QStringLiteral("/wifi/ssid"));
    }
    if (dns)
        for (int i = 0; i < dns->servers.size(); ++i)
            visit(dns->servers[i], QStringLiteral("/dns/servers/%1").arg(i));
    if (sntp)
        for (int i = 0; i < sntp->servers.size(); ++i)
            visit(sntp->servers[i], QStringLiteral("/sntp/servers/%1").arg(i));
    if (tlsPsk)
        visit(tlsPsk->hint, QStringLiteral("/tls_psk/hint"));
    if (mqtt) {
        visit(mqtt->clientId, QStringLiteral("/mqtt/client_id"));
        visit(mqtt->username, QStringLiteral("/mqtt/username"));
        visit(mqtt->path, QStringLiteral("/mqtt/path"));
        visit(mqtt->lwtTopic, QStringLiteral("/mqtt/last_will/topic"));
        visit(mqtt->lwtMessage, QStringLiteral("/mqtt/last_will/message"));
        for (int i = 0; i < mqtt->alpn.size(); ++i)
            visit(mqtt->alpn[i], QStringLiteral("/mqtt/alpn/%1").arg(i));
        visit(mqtt->host, QStringLiteral("/mqtt/host"));
        for (int i = 0; i < mqtt->subscriptions.size(); ++i)
            visit(mqtt->subscriptions[i].topic, QStringLiteral("/mqtt/subscriptions/%1/topic").arg(i));
    }
    for (int i = 0; i < postChecks.size(); ++i) {
        const QString at = QStringLiteral("/post_checks/%1/").arg(i);
        PostCheck &c = postChecks[i];
        switch (c.kind) {
        case PostCheck::Kind::Ping: visit(c.target, at + QLatin1String("host")); break;
        case PostCheck::Kind::Resolve:
            visit(c.target, at + QLatin1String("name"));
            visit(c.expect, at + QLatin1String("expect"));
            break;
        case PostCheck::Kind::SntpTime: break;
        case PostCheck::Kind::MqttLoopback:
            visit(c.target, at + QLatin1String("topic"));
            visit(c.message, at + QLatin1String("message"));
            break;
        }
    }
}

} // namespace atb
