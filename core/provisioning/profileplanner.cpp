#include "profileplanner.h"

#include "protocol/atencoder.h"
#include "provisioning/fieldcheck.h"
#include "provisioning/planningservices.h"

#include <QJsonArray>

namespace atb {

namespace {

const QString kOrigin = QStringLiteral("provisioning");

QString mqttSubscriptionsField(int i)
{
    return QStringLiteral("/mqtt/subscriptions/%1/topic").arg(i);
}

} // namespace

int ProfilePlan::commandCount() const
{
    int n = 0;
    for (const PlanStep &s : steps)
        n += int(s.plan.commands.size());
    return n;
}

QList<QByteArray> ProfilePlan::lines() const
{
    QList<QByteArray> out;
    for (const PlanStep &s : steps)
        out << s.plan.lines();
    return out;
}

QString ProfilePlan::previewText(Dialect dialect) const
{
    const AtEncoder enc(dialect);
    QStringList out;
    if (!ok()) {
        for (const JsonIssue &i : issues)
            out << QStringLiteral("# ") + ProfilePlanner::tr("not sent: %1").arg(i.text());
        return out.join(QLatin1Char('\n'));
    }
    if (steps.isEmpty())
        out << QStringLiteral("# ") + ProfilePlanner::tr("Nothing to send: the module already matches the profile.");
    for (const PlanStep &s : steps) {
        out << QStringLiteral("# ") + s.label;
        for (const AtCommand &c : s.plan.commands)
            out << QString::fromUtf8(enc.redact(c.line));
    }
    if (!checks.isEmpty()) {
        out << QStringLiteral("# ") + ProfilePlanner::tr("Then the read-back, and the checks:");
        for (const PlannedCheck &c : checks) {
            out << QStringLiteral("# ") + c.label;
            for (const AtCommand &a : c.plan.commands)
                out << QString::fromUtf8(enc.redact(a.line));
            for (const AtCommand &a : c.cleanup.commands)
                out << QString::fromUtf8(enc.redact(a.line));
        }
    }
    return out.join(QLatin1Char('\n'));
}

QString ProfilePlanner::fieldOf(const QString &section, const QByteArray &param, int index)
{
    static const QHash<QString, QString> map {
        { QStringLiteral("wifi/mode"), QStringLiteral("/wifi/mode") },
        { QStringLiteral("wifi/ssid"), QStringLiteral("/wifi/ssid") },
        { QStringLiteral("wifi/pwd"), QStringLiteral("/wifi/password") },
        { QStringLiteral("wifi/bssid"), QStringLiteral("/wifi/bssid") },
        { QStringLiteral("persistence/store_mode"), QStringLiteral("/persistence/store") },
        { QStringLiteral("connection/cipmux"), QStringLiteral("/connection/multiple_connections") },
        { QStringLiteral("connection/cipmode"), QStringLiteral("/connection/transmission") },
        { QStringLiteral("connection/recvmode"), QStringLiteral("/connection/receive_mode") },
        { QStringLiteral("dns/enable"), QStringLiteral("/dns/automatic") },
        { QStringLiteral("sntp/enable"), QStringLiteral("/sntp/enabled") },
        { QStringLiteral("sntp/timezone"), QStringLiteral("/sntp/timezone") },
        { QStringLiteral("tls_psk/psk"), QStringLiteral("/tls_psk/psk") },
        { QStringLiteral("tls_psk/hint"), QStringLiteral("/tls_psk/hint") },
        { QStringLiteral("mqtt/scheme"), QStringLiteral("/mqtt/scheme") },
        { QStringLiteral("mqtt/client_id"), QStringLiteral("/mqtt/client_id") },
        { QStringLiteral("mqtt/username"), QStringLiteral("/mqtt/username") },
        { QStringLiteral("mqtt/password"), QStringLiteral("/mqtt/password") },
        { QStringLiteral("mqtt/path"), QStringLiteral("/mqtt/path") },
        { QStringLiteral("mqtt/keepalive"), QStringLiteral("/mqtt/keepalive") },
        { QStringLiteral("mqtt/disable_clean_session"), QStringLiteral("/mqtt/clean_session") },
        { QStringLiteral("mqtt/lwt_topic"), QStringLiteral("/mqtt/last_will/topic") },
        { QStringLiteral("mqtt/lwt_msg"), QStringLiteral("/mqtt/last_will/message") },
        { QStringLiteral("mqtt/lwt_qos"), QStringLiteral("/mqtt/last_will/qos") },
        { QStringLiteral("mqtt/lwt_retain"), QStringLiteral("/mqtt/last_will/retain") },
        { QStringLiteral("mqtt/alpn"), QStringLiteral("/mqtt/alpn") },
        { QStringLiteral("mqtt/host"), QStringLiteral("/mqtt/host") },
        { QStringLiteral("mqtt/port"), QStringLiteral("/mqtt/port") },
        { QStringLiteral("mqtt/reconnect"), QStringLiteral("/mqtt/reconnect") },
    };
    const QString p = QString::fromLatin1(param);
    if (section == QLatin1String("dns") && p.startsWith(QLatin1String("DNS_IP")))
        return QStringLiteral("/dns/servers/%1").arg(p.mid(6).toInt() - 1);
    if (section == QLatin1String("sntp") && p.startsWith(QLatin1String("server")))
        return QStringLiteral("/sntp/servers/%1").arg(p.mid(6).toInt() - 1);
    if (section == QLatin1String("mqtt-sub") && (p == QLatin1String("topic") || p.isEmpty()))
        return mqttSubscriptionsField(index);
    if (section == QLatin1String("mqtt-sub") && p == QLatin1String("qos"))
        return QStringLiteral("/mqtt/subscriptions/%1/qos").arg(index);
    if (section.startsWith(QLatin1String("check")))
        return QStringLiteral("/post_checks/%1").arg(index);
    return map.value(section + QLatin1Char('/') + p, QLatin1Char('/') + section);
}

ProfilePlan ProfilePlanner::plan(const Profile &p, const QHash<QString, QString> &secrets,
                                 const ModuleReadBack &cur, Mode mode)
{
    ProfilePlan out;
    for (const auto &[name, path] : p.secretUses())
        if (!secrets.contains(name))
            out.issues << JsonIssue { path, tr("the secret \"%1\" was not given (--secret, a secrets file, the keychain "
                                               "or the prompt)")
                                                .arg(name) };
    if (!out.issues.isEmpty())
        return out;

    const Dialect d = p.dialect;
    const bool onlyChanges = mode == Mode::OnlyChanges;
    const QMap<QString, QJsonValue> desired = fieldchecks::desiredValues(p, secrets);
    // The module's state, kept current with each planned step; and a blank one for All, whose
    // services send a value even when the module already has it.
    PlanningServices state(d);
    state.replay(cur.results);
    PlanningServices blank(d);
    auto secret = [&secrets](const SecretRef &ref) { return ref.isSet() ? secrets.value(ref.name) : QString(); };
    auto same = [&](const QString &field) {
        return fieldchecks::sameValue(field, desired.value(field), cur.values.value(field, QJsonValue(QJsonValue::Undefined)));
    };
    auto addStep = [&](const QString &section, const QString &label, const OperationPlan &plan,
                       const QStringList &fields, const QString &errorSection = QString(), int index = 0) {
        if (!plan.ok()) {
            out.issues << JsonIssue { fieldOf(errorSection.isEmpty() ? section : errorSection, plan.errorParam, index), plan.error };
            return false;
        }
        if (plan.isEmpty())
            return true;
        out.steps << PlanStep { section, label, plan, fields };
        state.assume(plan);
        return true;
    };
    auto leftAlone = [&](const QStringList &fields) {
        for (const QString &f : fields)
            if (desired.contains(f))
                out.unchanged << f;
    };

    // Persistence first: what follows is stored (or not) as the profile asks.
    if (p.persistence) {
        const QStringList fields { QStringLiteral("/persistence/store") };
        if (onlyChanges && same(fields.first())) {
            leftAlone(fields);
        } else {
            SystemSettings settings;
            settings.store = p.persistence->store ? 1 : 0;
            addStep(QStringLiteral("persistence"), tr("Store settings in flash: %1").arg(p.persistence->store ? tr("yes") : tr("no")),
                    (onlyChanges ? state : blank).system().planApply(settings), fields);
        }
    }

    if (p.wifi) {
        const ProfileWifi &w = *p.wifi;
        QStringList joinFields { QStringLiteral("/wifi/join") };
        if (w.join)
            joinFields << QStringLiteral("/wifi/ssid") << QStringLiteral("/wifi/password") << QStringLiteral("/wifi/bssid");
        const bool modeSame = same(QStringLiteral("/wifi/mode"));
        const bool joinedAsWanted = w.join ? same(QStringLiteral("/wifi/join")) && same(QStringLiteral("/wifi/ssid"))
                                                 && (w.bssid.isEmpty() || same(QStringLiteral("/wifi/bssid")))
                                           : same(QStringLiteral("/wifi/join"));
        const PlanningServices &ctx = onlyChanges ? state : blank;
        if (!w.join && (!onlyChanges || !joinedAsWanted))
            addStep(QStringLiteral("wifi"), tr("Leave any network"), ctx.wifi().planDisconnect(), joinFields);
        WifiSettings s;
        s.mode = w.mode;
        const bool sendJoin = w.join && (!onlyChanges || !joinedAsWanted);
        if (sendJoin) {
            s.ssid = w.ssid;
            s.password = secret(w.password);
            s.bssid = w.bssid;
        }
        if (sendJoin || !onlyChanges || !modeSame) {
            QStringList fields { QStringLiteral("/wifi/mode") };
            if (sendJoin)
                fields << joinFields;
            addStep(QStringLiteral("wifi"), sendJoin ? tr("Join %1").arg(w.ssid) : tr("Wi-Fi mode %1").arg(wifiModeName(w.mode)),
                    ctx.wifi().planApply(s), fields);
        }
        if (onlyChanges) {
            if (modeSame)
                leftAlone({ QStringLiteral("/wifi/mode") });
            if (joinedAsWanted)
                leftAlone(joinFields);
        }
    }

    if (p.connection) {
        const ProfileConnection &c = *p.connection;
        const QStringList all { QStringLiteral("/connection/multiple_connections"), QStringLiteral("/connection/transmission"),
                                QStringLiteral("/connection/receive_mode") };
        QStringList changing;
        for (const QString &f : all)
            if (desired.contains(f) && (!onlyChanges || !same(f)))
                changing << f;
        for (const QString &f : all)
            if (onlyChanges && !changing.contains(f))
                leftAlone({ f });
        if (!changing.isEmpty()) {
            // A field the profile leaves out keeps the module's value (the boot default when the
            // module cannot say): CIPMUX and CIPMODE constrain each other (protocol.md 5.2).
            ConnectionModeSettings s;
            s.mux = c.multiple ? int(*c.multiple) : state.model().cipMux() >= 0 ? state.model().cipMux() : 0;
            s.mode = c.passthrough ? int(*c.passthrough) : state.model().cipMode() >= 0 ? state.model().cipMode() : 0;
            s.recvMode = c.passive && changing.contains(all[2]) ? int(*c.passive) : -1;
            addStep(QStringLiteral("connection"), tr("Connection modes"),
                    (onlyChanges ? state : blank).connection().planMode(s), changing);
        }
    }

    if (p.dns) {
        const QStringList fields { QStringLiteral("/dns/automatic"), QStringLiteral("/dns/servers") };
        if (onlyChanges && same(fields[0]) && (p.dns->automatic || same(fields[1]))) {
            leftAlone(fields);
        } else {
            NetSettings s;
            s.applySntp = false;
            s.dns.manual = !p.dns->automatic;
            s.dns.servers = p.dns->servers;
            addStep(QStringLiteral("dns"), p.dns->automatic ? tr("DNS automatic") : tr("DNS servers"),
                    state.net().planApply(s), fields);
        }
    }

    if (p.sntp) {
        const QStringList fields { QStringLiteral("/sntp/enabled"), QStringLiteral("/sntp/timezone"),
                                   QStringLiteral("/sntp/servers") };
        bool equal = true;
        for (const QString &f : fields)
            equal = equal && (!desired.contains(f) || same(f));
        if (onlyChanges && equal) {
            leftAlone(fields);
        } else {
            NetSettings s;
            s.applyDns = false;
            s.sntp.enabled = p.sntp->enabled;
            s.sntp.timezone = QString::number(p.sntp->timezone.value_or(0));
            s.sntp.servers = p.sntp->servers;
            addStep(QStringLiteral("sntp"), p.sntp->enabled ? tr("SNTP") : tr("SNTP off"), state.net().planApply(s), fields);
        }
    }

    if (p.tlsPsk) {
        const QStringList fields { QStringLiteral("/tls_psk/psk"), QStringLiteral("/tls_psk/hint") };
        if (onlyChanges && same(fields[0]) && same(fields[1])) {
            leftAlone(fields);
        } else {
            PskSettings s;
            s.linkId = ConnectionService::kCloseAll; // every link, when CIPMUX=1
            s.psk = secret(p.tlsPsk->psk);
            s.hint = p.tlsPsk->hint;
            addStep(QStringLiteral("tls_psk"), tr("TLS PSK"), state.connection().planPsk(s), fields);
        }
    }

    if (p.mqtt) {
        const ProfileMqtt &m = *p.mqtt;
        const QStringList configFields { QStringLiteral("/mqtt/scheme"),    QStringLiteral("/mqtt/client_id"),
                                         QStringLiteral("/mqtt/username"),  QStringLiteral("/mqtt/password"),
                                         QStringLiteral("/mqtt/path"),      QStringLiteral("/mqtt/keepalive"),
                                         QStringLiteral("/mqtt/clean_session"), QStringLiteral("/mqtt/last_will"),
                                         QStringLiteral("/mqtt/alpn") };
        const QStringList connectFields { QStringLiteral("/mqtt/connect"), QStringLiteral("/mqtt/host"),
                                          QStringLiteral("/mqtt/port"), QStringLiteral("/mqtt/reconnect") };
        // What the firmware reports of the connection (AT+MQTTCONN?) must match for it to be kept.
        bool keep = onlyChanges && same(QStringLiteral("/mqtt/connect")) && same(QStringLiteral("/mqtt/scheme"))
            && same(QStringLiteral("/mqtt/path"));
        if (m.connect)
            keep = keep && same(QStringLiteral("/mqtt/host")) && same(QStringLiteral("/mqtt/port"))
                && same(QStringLiteral("/mqtt/reconnect"));
        else
            keep = keep && cur.mqttState >= 1; // configured, not connected
        QList<ProfileMqttSubscription> toSubscribe = m.subscriptions;
        QStringList toUnsubscribe;
        if (keep) {
            leftAlone(configFields + connectFields);
            toSubscribe.clear();
            QList<ProfileMqttSubscription> have;
            for (const QJsonValue &v : cur.value(QStringLiteral("/mqtt/subscriptions")).toArray())
                have << ProfileMqttSubscription { v[QLatin1String("topic")].toString(), v[QLatin1String("qos")].toInt() };
            for (const ProfileMqttSubscription &h : std::as_const(have)) {
                const bool wanted = m.subscriptions.contains(h);
                if (!wanted)
                    toUnsubscribe << h.topic; // not in the profile, or at another QoS (subscribed again below)
            }
            for (const ProfileMqttSubscription &s : m.subscriptions)
                if (!have.contains(s))
                    toSubscribe << s;
            if (toSubscribe.isEmpty() && toUnsubscribe.isEmpty())
                leftAlone({ QStringLiteral("/mqtt/subscriptions") });
        } else {
            if (cur.mqttState > 0) // configured or connected: released first (protocol.md 5.1)
                addStep(QStringLiteral("mqtt"), tr("Release the MQTT client"), state.mqtt().planDisconnect(), {});
            MqttConfig c;
            c.scheme = m.scheme;
            c.clientId = m.clientId;
            c.username = m.username;
            c.password = secret(m.password);
            c.path = m.path;
            c.keepAlive = m.keepAlive;
            c.cleanSession = m.cleanSession;
            if (m.hasLastWill) {
                c.lwtTopic = m.lwtTopic;
                c.lwtMessage = m.lwtMessage;
                c.lwtQos = m.lwtQos;
                c.lwtRetain = m.lwtRetain;
            }
            c.alpn = m.alpn;
            addStep(QStringLiteral("mqtt"), tr("MQTT client %1").arg(m.clientId), state.mqtt().planConfigure(c), configFields);
            if (m.connect) {
                MqttConnectSettings s;
                s.host = m.host;
                s.port = m.port;
                s.reconnect = m.reconnect;
                addStep(QStringLiteral("mqtt"), tr("Connect to %1:%2").arg(m.host).arg(m.port), state.mqtt().planConnect(s),
                        connectFields);
            }
        }
        for (const QString &topic : std::as_const(toUnsubscribe))
            addStep(QStringLiteral("mqtt"), tr("Unsubscribe %1").arg(topic), state.mqtt().planUnsubscribe(topic),
                    { QStringLiteral("/mqtt/subscriptions") });
        for (const ProfileMqttSubscription &s : std::as_const(toSubscribe))
            addStep(QStringLiteral("mqtt"), tr("Subscribe %1").arg(s.topic), state.mqtt().planSubscribe(s.topic, s.qos),
                    { QStringLiteral("/mqtt/subscriptions") }, QStringLiteral("mqtt-sub"),
                    int(m.subscriptions.indexOf(s)));
    }

    for (int i = 0; i < p.postChecks.size(); ++i) {
        const PostCheck &c = p.postChecks[i];
        PlannedCheck pc;
        pc.check = c;
        switch (c.kind) {
        case PostCheck::Kind::Ping:
            pc.label = tr("Ping %1").arg(c.target);
            pc.plan = state.net().planPing(c.target);
            break;
        case PostCheck::Kind::Resolve:
            pc.label = tr("Resolve %1").arg(c.target);
            pc.plan = state.net().planLookup(c.target);
            break;
        case PostCheck::Kind::SntpTime:
            pc.label = tr("Read the SNTP time");
            pc.plan = state.net().planReadTime();
            break;
        case PostCheck::Kind::MqttLoopback: {
            pc.label = tr("MQTT message through %1 and back").arg(c.target);
            bool covered = false;
            if (p.mqtt)
                for (const ProfileMqttSubscription &s : p.mqtt->subscriptions)
                    covered = covered || MqttService::topicMatches(s.topic, c.target);
            if (!covered) {
                pc.plan = state.mqtt().planSubscribe(c.target, c.qos);
                pc.cleanup = state.mqtt().planUnsubscribe(c.target);
            }
            MqttPublishSettings pub;
            pub.topic = c.target;
            pub.payload = c.message.toUtf8();
            pub.qos = c.qos;
            pc.plan.append(state.mqtt().planPublish(pub));
            break;
        }
        }
        if (!pc.plan.ok()) {
            const QString at = fieldOf(QStringLiteral("check"), QByteArray(), i);
            out.issues << JsonIssue { at, pc.plan.error };
            continue;
        }
        out.checks << pc;
    }
    if (!out.issues.isEmpty()) {
        out.steps.clear();
        out.checks.clear();
    }
    out.unchanged.removeDuplicates();
    return out;
}

QList<JsonIssue> ProfilePlanner::validate(const Profile &profile, const QHash<QString, QString> &secrets,
                                          const ModuleIdentity &sample)
{
    QList<JsonIssue> issues;
    const Profile expanded = placeholders::expandProfile(profile, sample, &issues);
    if (!issues.isEmpty())
        return issues;
    ModuleReadBack blank;
    blank.dialect = profile.dialect;
    return plan(expanded, secrets, blank, Mode::All).issues;
}

} // namespace atb
