#include "mqttservice.h"

#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "protocol/atencoder.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

#include <algorithm>

namespace atb {

namespace {

const QString kOrigin = QStringLiteral("mqtt");
// AT+MQTTUSERCFG refuses an empty client ID (0x6015 AT_MQTT_CLIENT_ID_IS_NULL), so when the real
// one only fits AT+MQTTCLIENTID, this stands in for it until that command follows.
const char kClientIdPlaceholder[] = "atbench";

OperationPlan failed(const EncodeResult &r)
{
    return OperationPlan::failure(r.error, r.errorParam);
}

bool hasLineBreakOrNul(const QByteArray &b)
{
    return b.contains('\0') || b.contains('\r') || b.contains('\n');
}

} // namespace

MqttService::MqttService(DeviceSession *session, DeviceModel *model, QObject *parent)
    : QObject(parent), m_session(session), m_model(model), m_runner(new CommandRunner(session, this))
{
    m_runner->setOrigin(QStringLiteral("mqtt"));
    qRegisterMetaType<atb::MqttMessage>();
    connect(m_runner, &CommandRunner::busyChanged, this, &MqttService::busyChanged);
    connect(m_runner, &CommandRunner::finished, this, &MqttService::onFinished);
    connect(session, &DeviceSession::urcReceived, this, &MqttService::onUrc);
}

Dialect MqttService::dialect() const
{
    return m_model ? m_model->dialect() : Dialect::Esp;
}

bool MqttService::beken() const
{
    return dialect() == Dialect::Beken;
}

QString MqttService::schemeText(int scheme)
{
    switch (scheme) {
    case 1: return tr("MQTT over TCP");
    case 2: return tr("MQTT over TLS, no certificate verification");
    case 3: return tr("MQTT over TLS, verify the server certificate");
    case 4: return tr("MQTT over TLS, provide a client certificate");
    case 5: return tr("MQTT over TLS, mutual authentication (verify server, provide client certificate)");
    case 6: return tr("MQTT over WebSocket (TCP)");
    case 7: return tr("MQTT over WebSocket Secure, no certificate verification");
    case 8: return tr("MQTT over WebSocket Secure, verify the server certificate");
    case 9: return tr("MQTT over WebSocket Secure, provide a client certificate");
    case 10: return tr("MQTT over WebSocket Secure, mutual authentication");
    default: return tr("unknown scheme %1").arg(scheme);
    }
}

bool MqttService::schemeUsesTls(int scheme)
{
    return (scheme >= 2 && scheme <= 5) || (scheme >= 7 && scheme <= 10);
}

bool MqttService::schemeUsesWebSocket(int scheme)
{
    return scheme >= 6 && scheme <= 10;
}

bool MqttService::topicMatches(const QString &filter, const QString &topic)
{
    const QStringList f = filter.split(QLatin1Char('/'));
    const QStringList t = topic.split(QLatin1Char('/'));
    for (int i = 0; i < f.size(); ++i) {
        if (f[i] == QLatin1String("#"))
            return i == f.size() - 1;
        if (i >= t.size())
            return false;
        if (f[i] != QLatin1String("+") && f[i] != t[i])
            return false;
    }
    return f.size() == t.size();
}

// ---- plans ------------------------------------------------------------------------------

OperationPlan MqttService::planConfigure(const MqttConfig &c) const
{
    const Dialect dialect = this->dialect();
    const AtEncoder enc(dialect);
    const QByteArray values[3] = { c.clientId.toUtf8(), c.username.toUtf8(), c.password.toUtf8() };
    static const QByteArray names[3] = { "client_id", "username", "password" };
    static const char *const separate[3] = { "AT+MQTTCLIENTID", "AT+MQTTUSERNAME", "AT+MQTTPASSWORD" };
    bool moved[3] = { c.separateClientId, c.separateUsername, c.separatePassword };

    if (values[0].isEmpty())
        return OperationPlan::failure(tr("The client ID must not be empty."), "client_id");

    // AT+MQTTUSERCFG; a client ID, user name or password that does not fit its line (or its
    // 256/64/64-byte field) moves to its own command (seed 004: AT+MQTTCLIENTID/USERNAME/PASSWORD).
    EncodeResult user;
    for (;;) {
        QList<AtArg> args { AtArg::integer(0), AtArg::integer(c.scheme) };
        for (int i = 0; i < 3; ++i)
            args << AtArg::string(moved[i] ? QByteArray(i == 0 ? kClientIdPlaceholder : "") : values[i]);
        args << AtArg::integer(c.certKeyId) << AtArg::integer(c.caId) << AtArg::string(c.path.toUtf8());
        user = enc.set("AT+MQTTUSERCFG", args);
        if (user.ok())
            break;
        int which = -1;
        for (int i = 0; i < 3; ++i)
            if (user.errorParam == names[i] && !moved[i])
                which = i;
        if (which < 0)
            return failed(user);
        moved[which] = true;
    }

    OperationPlan plan;
    QStringList movedNames;
    for (int i = 0; i < 3; ++i)
        if (moved[i])
            movedNames << QString::fromLatin1(names[i]);
    plan.add(user.line, dialect, kOrigin,
             movedNames.isEmpty()
                 ? QString()
                 : tr("%1: a placeholder here, the real value follows in its own command (it does not fit "
                      "AT+MQTTUSERCFG's 256-byte line or 64-byte user name/password, or the form asks for it).")
                       .arg(movedNames.join(QLatin1String(", "))));
    for (int i = 0; i < 3; ++i) {
        if (!moved[i])
            continue;
        const EncodeResult r = enc.set(separate[i], { AtArg::integer(0), AtArg::string(values[i]) });
        if (!r.ok())
            return OperationPlan::failure(tr("Too long even for %1: %2").arg(QString::fromLatin1(separate[i]), r.error),
                                          names[i]);
        plan.add(r.line, dialect, kOrigin,
                 tr("Long %1, set on its own (seed 004: use after AT+MQTTUSERCFG).").arg(QString::fromLatin1(names[i])));
    }

    const EncodeResult conn = enc.set("AT+MQTTCONNCFG",
                                      { AtArg::integer(0), AtArg::integer(c.keepAlive),
                                        AtArg::integer(c.cleanSession ? 0 : 1), AtArg::string(c.lwtTopic.toUtf8()),
                                        AtArg::string(c.lwtMessage.toUtf8()), AtArg::integer(c.lwtQos),
                                        AtArg::integer(c.lwtRetain ? 1 : 0) });
    if (!conn.ok())
        return failed(conn);
    plan.add(conn.line, dialect, kOrigin, c.keepAlive == 0 ? tr("Keep-alive 0 means 120 s.") : QString());

    const bool clearAlpn = c.alpn.isEmpty() && (c.clearAlpn || (m_hasLastConfig && !m_lastConfig.alpn.isEmpty()));
    if (!c.alpn.isEmpty() || clearAlpn) {
        QList<AtArg> args { AtArg::integer(0), AtArg::integer(c.alpn.size()) };
        for (const QString &a : c.alpn)
            args << AtArg::string(a.toUtf8());
        const EncodeResult alpn = enc.set("AT+MQTTALPN", args);
        if (!alpn.ok())
            return OperationPlan::failure(alpn.error, "alpn"); // one field on the page for the whole list
        plan.add(alpn.line, dialect, kOrigin,
                 clearAlpn                   ? tr("Clears the module's ALPN list.")
                 : schemeUsesTls(c.scheme) ? QString()
                                             : tr("ALPN only matters for TLS and WSS schemes."));
    }
    return plan;
}

OperationPlan MqttService::planConnect(const MqttConnectSettings &s) const
{
    const QString host = s.host.trimmed();
    static const QRegularExpression dotted(QStringLiteral("^[0-9.]+$"));
    static const QRegularExpression hostname(QStringLiteral(
        "^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?$"));
    if (host.isEmpty())
        return OperationPlan::failure(tr("Enter the broker's host name or IP address."), "host");
    if (dotted.match(host).hasMatch()) {
        QHostAddress a;
        if (!a.setAddress(host) || a.protocol() != QAbstractSocket::IPv4Protocol)
            return OperationPlan::failure(tr("\"%1\" is not a valid IPv4 address.").arg(host), "host");
    } else if (!hostname.match(host).hasMatch()) {
        QHostAddress a;
        if (!a.setAddress(host))
            return OperationPlan::failure(tr("\"%1\" is not a valid host name or IP address.").arg(host), "host");
    }
    const EncodeResult r = AtEncoder(dialect()).set("AT+MQTTCONN", { AtArg::integer(0), AtArg::string(host.toUtf8()),
                                                                   AtArg::integer(s.port), AtArg::integer(s.reconnect ? 1 : 0) });
    if (!r.ok())
        return failed(r);
    OperationPlan plan;
    if (dialect() == Dialect::Esp && (!m_model || m_model->sysLog() != 1))
        plan.append(planEnableErrorCodes());
    plan.add(r.line, dialect(), kOrigin, s.reconnect ? tr("The module reconnects by itself after a broker loss.") : QString());
    return plan;
}

OperationPlan MqttService::planConfigureAndConnect(const MqttConfig &config, const MqttConnectSettings &settings) const
{
    OperationPlan configure = planConfigure(config);
    if (!configure.ok())
        return configure;
    return configure.append(planConnect(settings));
}

int MqttService::fieldsThatMustMove(const MqttConfig &config) const
{
    MqttConfig inLine = config;
    inLine.separateClientId = inLine.separateUsername = inLine.separatePassword = false;
    const OperationPlan p = planConfigure(inLine);
    int bits = 0;
    static const char *const commands[3] = { "AT+MQTTCLIENTID=", "AT+MQTTUSERNAME=", "AT+MQTTPASSWORD=" };
    for (int i = 0; i < 3; ++i)
        for (const AtCommand &c : p.commands)
            if (c.line.startsWith(commands[i]))
                bits |= 1 << i;
    return bits;
}

OperationPlan MqttService::planDisconnect() const
{
    const EncodeResult r = AtEncoder(dialect()).set("AT+MQTTCLEAN", { AtArg::integer(0) });
    if (!r.ok())
        return failed(r);
    OperationPlan plan;
    plan.add(r.line, dialect(), kOrigin, tr("Closes the connection and forgets the configuration (state 0)."));
    return plan;
}

OperationPlan MqttService::planPublish(const MqttPublishSettings &s) const
{
    const AtEncoder enc(dialect());
    const QByteArray topic = s.topic.toUtf8();
    OperationPlan plan;
    if (!s.raw) {
        const QList<AtArg> args { AtArg::integer(0), AtArg::string(topic), AtArg::string(s.payload),
                                  AtArg::integer(s.qos), AtArg::integer(s.retain ? 1 : 0) };
        const EncodeResult r = enc.set("AT+MQTTPUB", args);
        if (!r.ok()) {
            OperationPlan p = failed(r);
            if (r.errorParam == "data" && !s.payload.isEmpty()) {
                const bool tooLong = !AtEncoder::compose("AT+MQTTPUB", args, enc.dialect()).ok();
                if (s.payload.contains('\0'))
                    p.error = tr("A string message cannot contain NUL bytes. Send it raw (AT+MQTTPUBRAW) instead.");
                else if (hasLineBreakOrNul(s.payload))
                    p.error = tr("A string message cannot contain CR or LF. Send it raw (AT+MQTTPUBRAW) instead.");
                else if (tooLong)
                    p.error = tr("%1 Send it raw (AT+MQTTPUBRAW) instead: no line limit, exact bytes.").arg(r.error);
            }
            return p;
        }
        plan.add(r.line, dialect(), kOrigin,
                 r.line.contains('\\') ? tr("\\ \" and , in the message are escaped with a backslash; the "
                                           "broker receives the original bytes.")
                                       : QString());
    } else {
        const EncodeResult r = enc.set("AT+MQTTPUBRAW", { AtArg::integer(0), AtArg::string(topic),
                                                          AtArg::integer(s.payload.size()), AtArg::integer(s.qos),
                                                          AtArg::integer(s.retain ? 1 : 0) });
        if (!r.ok()) {
            OperationPlan p = failed(r);
            if (r.errorParam == "length") {
                p.errorParam = "data";
                if (s.payload.isEmpty())
                    p.error = tr("The message is empty.");
            }
            return p;
        }
        AtCommand &c = plan.add(r.line, dialect(), kOrigin,
                                tr("After '>' the %n message byte(s) follow exactly as they are; the module answers "
                                   "+MQTTPUB:OK or +MQTTPUB:FAIL.",
                                   nullptr, int(s.payload.size())));
        c.payload = s.payload;
        // At 115200 baud about 11.5 kB/s reach the module; leave room for slower links.
        c.dataTimeoutMs = 10000 + int(qMin<qint64>(s.payload.size() / 5, 600000));
        plan.payloadBytes = s.payload.size();
    }
    return plan;
}

OperationPlan MqttService::planSubscribe(const QString &topic, int qos) const
{
    const EncodeResult r
        = AtEncoder(dialect()).set("AT+MQTTSUB", { AtArg::integer(0), AtArg::string(topic.toUtf8()), AtArg::integer(qos) });
    if (!r.ok())
        return failed(r);
    OperationPlan plan;
    plan.add(r.line, dialect(), kOrigin);
    return plan;
}

OperationPlan MqttService::planUnsubscribe(const QString &topic) const
{
    const EncodeResult r = AtEncoder(dialect()).set("AT+MQTTUNSUB", { AtArg::integer(0), AtArg::string(topic.toUtf8()) });
    if (!r.ok())
        return failed(r);
    OperationPlan plan;
    plan.add(r.line, dialect(), kOrigin);
    return plan;
}

OperationPlan MqttService::planRead() const
{
    const AtEncoder enc(dialect());
    OperationPlan plan;
    for (const char *name : { "AT+MQTTCONN", "AT+MQTTSUB" }) {
        const EncodeResult r = enc.query(name);
        if (!r.ok())
            return failed(r);
        plan.add(r.line, dialect(), kOrigin);
    }
    return plan;
}

OperationPlan MqttService::planEnableErrorCodes() const
{
    const EncodeResult r = AtEncoder(dialect()).set("AT+SYSLOG", { AtArg::integer(1) });
    if (!r.ok())
        return failed(r);
    OperationPlan plan;
    plan.add(r.line, dialect(), kOrigin, tr("Failures then carry ERR CODE lines, decoded into words."));
    return plan;
}

// ---- operations ---------------------------------------------------------------------------

OperationPlan MqttService::run(const QString &label, const OperationPlan &plan, Op op)
{
    const bool errorCodes = std::any_of(plan.commands.begin(), plan.commands.end(),
                                        [](const AtCommand &c) { return c.line == "AT+SYSLOG=1"; });
    return m_runner->start(label, plan, [this, op, errorCodes] {
        m_op = op;
        if (errorCodes && m_session && op != Op::Other)
            m_session->log()->appendInfo(tr("MQTT: AT+SYSLOG=1 first, so that a failure carries its ERR CODE "
                                            "(0x60xx) and is shown in words."));
    });
}

OperationPlan MqttService::configure(const MqttConfig &config)
{
    m_pendingConfig = config;
    return run(tr("MQTT configuration"), planConfigure(config), Op::Configure);
}

OperationPlan MqttService::connectToBroker(const MqttConnectSettings &settings)
{
    m_pendingConnect = settings;
    return run(tr("Connect to the MQTT broker"), planConnect(settings), Op::Connect);
}

OperationPlan MqttService::configureAndConnect(const MqttConfig &config, const MqttConnectSettings &settings)
{
    m_pendingConfig = config;
    m_pendingConnect = settings;
    return run(tr("Configure and connect to the MQTT broker"), planConfigureAndConnect(config, settings),
               Op::ConfigureConnect);
}

OperationPlan MqttService::disconnectFromBroker()
{
    return run(tr("Disconnect from the MQTT broker"), planDisconnect(), Op::Disconnect);
}

OperationPlan MqttService::publish(const MqttPublishSettings &settings)
{
    return run(tr("Publish"), planPublish(settings), Op::Publish);
}

OperationPlan MqttService::subscribe(const QString &topic, int qos)
{
    return run(tr("Subscribe to %1").arg(topic), planSubscribe(topic, qos), Op::Subscribe);
}

OperationPlan MqttService::unsubscribe(const QString &topic)
{
    return run(tr("Unsubscribe from %1").arg(topic), planUnsubscribe(topic), Op::Unsubscribe);
}

OperationPlan MqttService::read()
{
    return run(tr("Read the MQTT state"), planRead(), Op::Read);
}

OperationPlan MqttService::enableErrorCodes()
{
    return run(tr("Enable error codes"), planEnableErrorCodes(), Op::Other);
}

void MqttService::onFinished(const OperationResult &result)
{
    OperationResult r = result;
    const Op op = m_op;
    m_op = Op::None;
    if (r.ok) {
        bool already = false, notSubscribed = false;
        for (const AtResult &a : r.results)
            for (const QByteArray &l : a.lines) {
                already = already || l.trimmed() == "ALREADY SUBSCRIBE";
                notSubscribed = notSubscribed || l.trimmed() == "NO UNSUBSCRIBE";
            }
        switch (op) {
        case Op::Configure:
            m_lastConfig = m_pendingConfig;
            m_hasLastConfig = true;
            r.message = tr("MQTT configuration accepted.");
            break;
        case Op::ConfigureConnect:
            m_lastConfig = m_pendingConfig;
            m_hasLastConfig = true;
            Q_FALLTHROUGH();
        case Op::Connect:
            m_lastConnect = m_pendingConnect;
            r.message = tr("Connected to %1:%2.").arg(m_pendingConnect.host).arg(m_pendingConnect.port);
            break;
        case Op::Disconnect:
            r.message = tr("Disconnected; the MQTT configuration was released.");
            break;
        case Op::Publish: {
            const AtResult &last = r.results.last();
            r.message = last.finalText == "+MQTTPUB:OK" ? tr("Published (%n byte(s) raw, +MQTTPUB:OK).", nullptr,
                                                             int(last.command.payload.size()))
                                                        : tr("Published.");
            break;
        }
        case Op::Subscribe:
            r.message = already ? tr("Note: ALREADY SUBSCRIBE (the module was already subscribed to this topic).")
                                : tr("Subscribed.");
            break;
        case Op::Unsubscribe:
            r.message = notSubscribed ? tr("Note: NO UNSUBSCRIBE (the module was not subscribed to this topic).")
                                      : tr("Unsubscribed.");
            break;
        case Op::Read:
            r.message = tr("MQTT state read from the module.");
            break;
        default:
            break;
        }
    }
    emit finished(r);
}

void MqttService::onUrc(const AtEvent &e)
{
    if (e.name != "+MQTTSUBRECV")
        return;
    MqttMessage m;
    m.time = QDateTime::currentDateTime();
    m.topic = QString::fromUtf8(e.topic);
    m.payload = e.payload;
    m.link = e.link < 0 ? 0 : e.link;
    if (m_model) {
        for (const MqttSubscription &s : m_model->mqtt().subscriptions)
            if (topicMatches(s.topic, m.topic))
                m.qos = qMax(m.qos, s.qos);
    }
    emit messageReceived(m);
}

} // namespace atb
