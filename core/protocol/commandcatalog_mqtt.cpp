#include "catalogbuilders.h"

#include <limits>

// The MQTT part of the command catalog: seed 004 (ESP-AT MQTT AT commands), answered by both
// dialects.

namespace atb::catalogbuild {

namespace {

ParamSpec mqttLink()
{
    return intP("LinkID", 0, 0, QT_TRANSLATE_NOOP("CommandCatalog", "MQTT link; only link 0 is supported"));
}

ParamSpec mqttTopic(bool optional = false)
{
    ParamSpec p = nonEmpty(strP("topic", 128, QT_TRANSLATE_NOOP("CommandCatalog", "MQTT topic")));
    p.optional = optional;
    return p;
}

ParamSpec qosP(const char *name = "qos")
{
    return enumP(name,
                 { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "at most once") },
                   { 1, QT_TRANSLATE_NOOP("CommandCatalog", "at least once") },
                   { 2, QT_TRANSLATE_NOOP("CommandCatalog", "exactly once") } },
                 QT_TRANSLATE_NOOP("CommandCatalog", "MQTT quality of service"));
}

ParamSpec retainP(const char *name = "retain")
{
    return enumP(name,
                 { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "not retained") },
                   { 1, QT_TRANSLATE_NOOP("CommandCatalog", "retained") } },
                 QT_TRANSLATE_NOOP("CommandCatalog", "MQTT retain flag"));
}

const QList<EnumValue> kSchemes = {
    { 1, QT_TRANSLATE_NOOP("CommandCatalog", "MQTT over TCP") },
    { 2, QT_TRANSLATE_NOOP("CommandCatalog", "MQTT over TLS, no certificate verification") },
    { 3, QT_TRANSLATE_NOOP("CommandCatalog", "MQTT over TLS, verify server certificate") },
    { 4, QT_TRANSLATE_NOOP("CommandCatalog", "MQTT over TLS, provide client certificate") },
    { 5, QT_TRANSLATE_NOOP("CommandCatalog", "MQTT over TLS, verify server and provide client certificate") },
    { 6, QT_TRANSLATE_NOOP("CommandCatalog", "MQTT over WebSocket (TCP)") },
    { 7, QT_TRANSLATE_NOOP("CommandCatalog", "MQTT over WebSocket Secure, no certificate verification") },
    { 8, QT_TRANSLATE_NOOP("CommandCatalog", "MQTT over WebSocket Secure, verify server certificate") },
    { 9, QT_TRANSLATE_NOOP("CommandCatalog", "MQTT over WebSocket Secure, provide client certificate") },
    { 10,
      QT_TRANSLATE_NOOP("CommandCatalog", "MQTT over WebSocket Secure, verify server and provide client certificate") },
};

} // namespace

void appendMqttCommands(QList<CommandSpec> &t)
{
    constexpr int kMqttTimeout = 10000;
    t << cmd("AT+MQTTUSERCFG", kSet, kBoth, QT_TRANSLATE_NOOP("CommandCatalog", "MQTT user configuration"),
             { sig({ mqttLink(), enumP("scheme", kSchemes, QT_TRANSLATE_NOOP("CommandCatalog", "transport scheme")),
                     strP("client_id", 256, QT_TRANSLATE_NOOP("CommandCatalog", "MQTT client ID")),
                     strP("username", 64, QT_TRANSLATE_NOOP("CommandCatalog", "user name for the broker")),
                     secret(strP("password", 64, QT_TRANSLATE_NOOP("CommandCatalog", "password for the broker"))),
                     intP("cert_key_ID", 0, 0, QT_TRANSLATE_NOOP("CommandCatalog", "client certificate ID; only 0")),
                     intP("CA_ID", 0, 0, QT_TRANSLATE_NOOP("CommandCatalog", "CA certificate ID; only 0")),
                     strP("path", 32, QT_TRANSLATE_NOOP("CommandCatalog", "resource path (WebSocket)")) }) },
             kMqttTimeout);
    t << cmd("AT+MQTTCLIENTID", kSet, kBoth,
             QT_TRANSLATE_NOOP("CommandCatalog", "MQTT client ID (longer than AT+MQTTUSERCFG allows)"),
             { sig({ mqttLink(), strP("client_id", 256, QT_TRANSLATE_NOOP("CommandCatalog", "MQTT client ID")) }) },
             kMqttTimeout);
    t << cmd(
        "AT+MQTTUSERNAME", kSet, kBoth,
        QT_TRANSLATE_NOOP("CommandCatalog", "MQTT user name (longer than AT+MQTTUSERCFG allows)"),
        { sig({ mqttLink(), strP("username", -1, QT_TRANSLATE_NOOP("CommandCatalog", "user name for the broker")) }) },
        kMqttTimeout);
    t << cmd("AT+MQTTPASSWORD", kSet, kBoth,
             QT_TRANSLATE_NOOP("CommandCatalog", "MQTT password (longer than AT+MQTTUSERCFG allows)"),
             { sig({ mqttLink(),
                     secret(strP("password", -1, QT_TRANSLATE_NOOP("CommandCatalog", "password for the broker"))) }) },
             kMqttTimeout);
    t << cmd(
        "AT+MQTTCONNCFG", kSet, kBoth,
        QT_TRANSLATE_NOOP("CommandCatalog", "MQTT connection configuration (keep-alive, last will)"),
        { sig({ mqttLink(),
                intP("keepalive", 0, 7200, QT_TRANSLATE_NOOP("CommandCatalog", "keep-alive in seconds; 0 means 120")),
                enumP("disable_clean_session",
                      { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "clean session") },
                        { 1, QT_TRANSLATE_NOOP("CommandCatalog", "persistent session") } },
                      QT_TRANSLATE_NOOP("CommandCatalog", "clean-session flag")),
                strP("lwt_topic", 128, QT_TRANSLATE_NOOP("CommandCatalog", "last-will topic")),
                strP("lwt_msg", 64, QT_TRANSLATE_NOOP("CommandCatalog", "last-will message")), qosP("lwt_qos"),
                retainP("lwt_retain") }) },
        kMqttTimeout);
    {
        ParamSpec count = intP("alpn_counts", 0, 5,
                               QT_TRANSLATE_NOOP("CommandCatalog", "number of ALPN strings that follow; 0 clears"));
        count.countsFollowing = true;
        QList<ParamSpec> params { mqttLink(), count };
        static const char *const names[] = { "alpn1", "alpn2", "alpn3", "alpn4", "alpn5" };
        for (const char *n : names)
            params << opt(nonEmpty(strP(n, -1, QT_TRANSLATE_NOOP("CommandCatalog", "ALPN protocol name"))));
        t << cmd("AT+MQTTALPN", kSet, kBoth, QT_TRANSLATE_NOOP("CommandCatalog", "MQTT ALPN (TLS and WSS only)"),
                 { sig(params) }, kMqttTimeout);
    }
    {
        CommandSpec c
            = cmd("AT+MQTTCONN", kQuery | kSet, kBoth, QT_TRANSLATE_NOOP("CommandCatalog", "Connect to an MQTT broker"),
                  { sig({ mqttLink(),
                          nonEmpty(strP("host", 128, QT_TRANSLATE_NOOP("CommandCatalog", "broker domain name or IP"))),
                          intP("port", 1, 65535, QT_TRANSLATE_NOOP("CommandCatalog", "broker port")),
                          enumP("reconnect",
                                { { 0, QT_TRANSLATE_NOOP("CommandCatalog", "no automatic reconnection") },
                                  { 1, QT_TRANSLATE_NOOP("CommandCatalog", "reconnect automatically") } },
                                QT_TRANSLATE_NOOP("CommandCatalog", "automatic reconnection")) }) },
                  30000);
        c.note = QT_TRANSLATE_NOOP("CommandCatalog",
                                   "Connecting can take longer than other MQTT commands (retransmissions, 10 s per TLS "
                                   "handshake packet).");
        t << c;
    }
    {
        CommandSpec c = cmd(
            "AT+MQTTPUB", kSet, kBoth, QT_TRANSLATE_NOOP("CommandCatalog", "Publish an MQTT string message"),
            { sig({ mqttLink(), mqttTopic(),
                    nonEmpty(strP("data", -1, QT_TRANSLATE_NOOP("CommandCatalog", "message; cannot contain NUL"))),
                    qosP(), retainP() }) },
            kMqttTimeout);
        c.note = QT_TRANSLATE_NOOP(
            "CommandCatalog",
            "The whole command line is limited to 256 bytes; use AT+MQTTPUBRAW for longer or binary "
            "messages.");
        t << c;
    }
    {
        CommandSpec c
            = cmd("AT+MQTTPUBRAW", kSet, kBoth, QT_TRANSLATE_NOOP("CommandCatalog", "Publish an MQTT binary message"),
                  { sig({ mqttLink(), mqttTopic(),
                          dataLen(intP("length", 1, std::numeric_limits<qint32>::max(),
                                       QT_TRANSLATE_NOOP("CommandCatalog", "message length; limited by free memory"))),
                          qosP(), retainP() }) },
                  kMqttTimeout);
        c.promptForms = kSet;
        c.note = QT_TRANSLATE_NOOP(
            "CommandCatalog", "After '>' send exactly <length> bytes; the result is +MQTTPUB:OK or +MQTTPUB:FAIL.");
        t << c;
    }
    t << cmd("AT+MQTTSUB", kQuery | kSet, kBoth, QT_TRANSLATE_NOOP("CommandCatalog", "Subscribe to an MQTT topic"),
             { sig({ mqttLink(), mqttTopic(), qosP() }) }, kMqttTimeout);
    t << cmd("AT+MQTTUNSUB", kSet, kBoth, QT_TRANSLATE_NOOP("CommandCatalog", "Unsubscribe from an MQTT topic"),
             { sig({ mqttLink(), mqttTopic() }) }, kMqttTimeout);
    t << cmd("AT+MQTTCLEAN", kSet, kBoth,
             QT_TRANSLATE_NOOP("CommandCatalog", "Close the MQTT connection and release its resources"),
             { sig({ mqttLink() }) }, kMqttTimeout);
}

} // namespace atb::catalogbuild
