#include "errordecoder.h"

#include <QCoreApplication>

namespace atb {

namespace {

QString translated(const char *s)
{
    return QCoreApplication::translate("ErrorDecoder", s);
}

struct CategoryInfo
{
    const char *name;
    const char *text;
};

// esp_at_core.h, ESP_AT_SUB_* (protocol.md 2.3).
const CategoryInfo kCategories[] = {
    { "ESP_AT_SUB_OK", QT_TRANSLATE_NOOP("ErrorDecoder", "no error") },
    { "ESP_AT_SUB_COMMON_ERROR", QT_TRANSLATE_NOOP("ErrorDecoder", "general error") },
    { "ESP_AT_SUB_NO_TERMINATOR", QT_TRANSLATE_NOOP("ErrorDecoder", "the command was not terminated with CR LF") },
    { "ESP_AT_SUB_NO_AT", QT_TRANSLATE_NOOP("ErrorDecoder", "the line does not start with \"AT\"") },
    { "ESP_AT_SUB_PARA_LENGTH_MISMATCH", QT_TRANSLATE_NOOP("ErrorDecoder", "a parameter has the wrong length") },
    { "ESP_AT_SUB_PARA_TYPE_MISMATCH", QT_TRANSLATE_NOOP("ErrorDecoder", "a parameter has the wrong type") },
    { "ESP_AT_SUB_PARA_NUM_MISMATCH", QT_TRANSLATE_NOOP("ErrorDecoder", "wrong number of parameters") },
    { "ESP_AT_SUB_PARA_INVALID", QT_TRANSLATE_NOOP("ErrorDecoder", "invalid parameter value") },
    { "ESP_AT_SUB_PARA_PARSE_FAIL", QT_TRANSLATE_NOOP("ErrorDecoder", "a parameter could not be parsed") },
    { "ESP_AT_SUB_UNSUPPORT_CMD", QT_TRANSLATE_NOOP("ErrorDecoder", "unsupported command") },
    { "ESP_AT_SUB_CMD_EXEC_FAIL", QT_TRANSLATE_NOOP("ErrorDecoder", "command execution failed") },
    { "ESP_AT_SUB_CMD_PROCESSING",
      QT_TRANSLATE_NOOP("ErrorDecoder", "busy: the previous command is still being processed") },
    { "ESP_AT_SUB_CMD_OP_ERROR",
      QT_TRANSLATE_NOOP("ErrorDecoder", "wrong command type (query, set or execute) for this command") },
};
constexpr int kCategoryCount = int(sizeof(kCategories) / sizeof(kCategories[0]));

constexpr quint8 kParamCount = 0x06;
constexpr quint8 kParseFail = 0x08;
constexpr quint8 kExecFail = 0x0A;

// Seed 004, "MQTT AT 错误码" (upstream spelling kept, including AT_MQTT_NULL_PARAMTER).
const MqttErrorInfo kMqtt[] = {
    { 0x6001, "AT_MQTT_NO_CONFIGURED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "MQTT is not configured; run AT+MQTTUSERCFG first") },
    { 0x6002, "AT_MQTT_NOT_IN_CONFIGURED_STATE",
      QT_TRANSLATE_NOOP("ErrorDecoder", "MQTT is not in a configurable state (already connected?)") },
    { 0x6003, "AT_MQTT_UNINITIATED_OR_ALREADY_CLEAN",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the MQTT link is not initialised or was already cleaned up") },
    { 0x6004, "AT_MQTT_ALREADY_CONNECTED", QT_TRANSLATE_NOOP("ErrorDecoder", "the MQTT client is already connected") },
    { 0x6005, "AT_MQTT_MALLOC_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the module ran out of memory") },
    { 0x6006, "AT_MQTT_NULL_LINK", QT_TRANSLATE_NOOP("ErrorDecoder", "the MQTT link does not exist") },
    { 0x6007, "AT_MQTT_NULL_PARAMTER", QT_TRANSLATE_NOOP("ErrorDecoder", "a required parameter is missing") },
    { 0x6008, "AT_MQTT_PARAMETER_COUNTS_IS_WRONG", QT_TRANSLATE_NOOP("ErrorDecoder", "wrong number of parameters") },
    { 0x6009, "AT_MQTT_TLS_CONFIG_ERROR", QT_TRANSLATE_NOOP("ErrorDecoder", "the TLS configuration is invalid") },
    { 0x600A, "AT_MQTT_PARAM_PREPARE_ERROR",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the connection parameters could not be prepared") },
    { 0x600B, "AT_MQTT_CLIENT_START_FAILED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the MQTT client could not be started") },
    { 0x600C, "AT_MQTT_CLIENT_PUBLISH_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "publishing the message failed") },
    { 0x600D, "AT_MQTT_CLIENT_SUBSCRIBE_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "subscribing to the topic failed") },
    { 0x600E, "AT_MQTT_CLIENT_UNSUBSCRIBE_FAILED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "unsubscribing from the topic failed") },
    { 0x600F, "AT_MQTT_CLIENT_DISCONNECT_FAILED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "disconnecting from the broker failed") },
    { 0x6010, "AT_MQTT_LINK_ID_READ_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the LinkID could not be read") },
    { 0x6011, "AT_MQTT_LINK_ID_VALUE_IS_WRONG",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the LinkID is wrong; only 0 is supported") },
    { 0x6012, "AT_MQTT_SCHEME_READ_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the scheme could not be read") },
    { 0x6013, "AT_MQTT_SCHEME_VALUE_IS_WRONG",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the scheme is wrong; it must be 1 to 10") },
    { 0x6014, "AT_MQTT_CLIENT_ID_READ_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the client ID could not be read") },
    { 0x6015, "AT_MQTT_CLIENT_ID_IS_NULL", QT_TRANSLATE_NOOP("ErrorDecoder", "the client ID is empty") },
    { 0x6016, "AT_MQTT_CLIENT_ID_IS_OVERLENGTH",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the client ID is longer than 256 bytes") },
    { 0x6017, "AT_MQTT_USERNAME_READ_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the user name could not be read") },
    { 0x6018, "AT_MQTT_USERNAME_IS_NULL", QT_TRANSLATE_NOOP("ErrorDecoder", "the user name is empty") },
    { 0x6019, "AT_MQTT_USERNAME_IS_OVERLENGTH",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the user name is longer than 64 bytes") },
    { 0x601A, "AT_MQTT_PASSWORD_READ_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the password could not be read") },
    { 0x601B, "AT_MQTT_PASSWORD_IS_NULL", QT_TRANSLATE_NOOP("ErrorDecoder", "the password is empty") },
    { 0x601C, "AT_MQTT_PASSWORD_IS_OVERLENGTH",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the password is longer than 64 bytes") },
    { 0x601D, "AT_MQTT_CERT_KEY_ID_READ_FAILED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the certificate key ID could not be read") },
    { 0x601E, "AT_MQTT_CERT_KEY_ID_VALUE_IS_WRONG",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the certificate key ID is wrong; only 0 is supported") },
    { 0x601F, "AT_MQTT_CA_ID_READ_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the CA ID could not be read") },
    { 0x6020, "AT_MQTT_CA_ID_VALUE_IS_WRONG",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the CA ID is wrong; only 0 is supported") },
    { 0x6021, "AT_MQTT_CA_LENGTH_ERROR",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the CA certificate has an invalid length") },
    { 0x6022, "AT_MQTT_CA_READ_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the CA certificate could not be read") },
    { 0x6023, "AT_MQTT_CERT_LENGTH_ERROR",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the client certificate has an invalid length") },
    { 0x6024, "AT_MQTT_CERT_READ_FAILED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the client certificate could not be read") },
    { 0x6025, "AT_MQTT_KEY_LENGTH_ERROR", QT_TRANSLATE_NOOP("ErrorDecoder", "the client key has an invalid length") },
    { 0x6026, "AT_MQTT_KEY_READ_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the client key could not be read") },
    { 0x6027, "AT_MQTT_PATH_READ_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the path could not be read") },
    { 0x6028, "AT_MQTT_PATH_IS_NULL", QT_TRANSLATE_NOOP("ErrorDecoder", "the path is empty") },
    { 0x6029, "AT_MQTT_PATH_IS_OVERLENGTH", QT_TRANSLATE_NOOP("ErrorDecoder", "the path is longer than 32 bytes") },
    { 0x602A, "AT_MQTT_VERSION_READ_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the MQTT version could not be read") },
    { 0x602B, "AT_MQTT_KEEPALIVE_READ_FAILED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the keep-alive time could not be read") },
    { 0x602C, "AT_MQTT_KEEPALIVE_IS_NULL", QT_TRANSLATE_NOOP("ErrorDecoder", "the keep-alive time is missing") },
    { 0x602D, "AT_MQTT_KEEPALIVE_VALUE_IS_WRONG",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the keep-alive time is wrong; it must be 0 to 7200 seconds") },
    { 0x602E, "AT_MQTT_DISABLE_CLEAN_SESSION_READ_FAILED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the clean-session flag could not be read") },
    { 0x602F, "AT_MQTT_DISABLE_CLEAN_SESSION_VALUE_IS_WRONG",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the clean-session flag is wrong; it must be 0 or 1") },
    { 0x6030, "AT_MQTT_LWT_TOPIC_READ_FAILED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the last-will topic could not be read") },
    { 0x6031, "AT_MQTT_LWT_TOPIC_IS_NULL", QT_TRANSLATE_NOOP("ErrorDecoder", "the last-will topic is empty") },
    { 0x6032, "AT_MQTT_LWT_TOPIC_IS_OVERLENGTH",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the last-will topic is longer than 128 bytes") },
    { 0x6033, "AT_MQTT_LWT_MSG_READ_FAILED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the last-will message could not be read") },
    { 0x6034, "AT_MQTT_LWT_MSG_IS_NULL", QT_TRANSLATE_NOOP("ErrorDecoder", "the last-will message is empty") },
    { 0x6035, "AT_MQTT_LWT_MSG_IS_OVERLENGTH",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the last-will message is longer than 64 bytes") },
    { 0x6036, "AT_MQTT_LWT_QOS_READ_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the last-will QoS could not be read") },
    { 0x6037, "AT_MQTT_LWT_QOS_VALUE_IS_WRONG",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the last-will QoS is wrong; it must be 0, 1 or 2") },
    { 0x6038, "AT_MQTT_LWT_RETAIN_READ_FAILED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the last-will retain flag could not be read") },
    { 0x6039, "AT_MQTT_LWT_RETAIN_VALUE_IS_WRONG",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the last-will retain flag is wrong; it must be 0 or 1") },
    { 0x603A, "AT_MQTT_HOST_READ_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the broker host could not be read") },
    { 0x603B, "AT_MQTT_HOST_IS_NULL", QT_TRANSLATE_NOOP("ErrorDecoder", "the broker host is empty") },
    { 0x603C, "AT_MQTT_HOST_IS_OVERLENGTH",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the broker host is longer than 128 bytes") },
    { 0x603D, "AT_MQTT_PORT_READ_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the broker port could not be read") },
    { 0x603E, "AT_MQTT_PORT_VALUE_IS_WRONG",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the broker port is wrong; it must be at most 65535") },
    { 0x603F, "AT_MQTT_RECONNECT_READ_FAILED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the reconnect flag could not be read") },
    { 0x6040, "AT_MQTT_RECONNECT_VALUE_IS_WRONG",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the reconnect flag is wrong; it must be 0 or 1") },
    { 0x6041, "AT_MQTT_TOPIC_READ_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the topic could not be read") },
    { 0x6042, "AT_MQTT_TOPIC_IS_NULL", QT_TRANSLATE_NOOP("ErrorDecoder", "the topic is empty") },
    { 0x6043, "AT_MQTT_TOPIC_IS_OVERLENGTH", QT_TRANSLATE_NOOP("ErrorDecoder", "the topic is longer than 128 bytes") },
    { 0x6044, "AT_MQTT_DATA_READ_FAILED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the message data could not be read (an unescaped comma?)") },
    { 0x6045, "AT_MQTT_DATA_IS_NULL", QT_TRANSLATE_NOOP("ErrorDecoder", "the message data is empty") },
    { 0x6046, "AT_MQTT_DATA_IS_OVERLENGTH", QT_TRANSLATE_NOOP("ErrorDecoder", "the message data is too long") },
    { 0x6047, "AT_MQTT_QOS_READ_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the QoS could not be read") },
    { 0x6048, "AT_MQTT_QOS_VALUE_IS_WRONG",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the QoS is wrong; it must be 0, 1 or 2") },
    { 0x6049, "AT_MQTT_RETAIN_READ_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the retain flag could not be read") },
    { 0x604A, "AT_MQTT_RETAIN_VALUE_IS_WRONG",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the retain flag is wrong; it must be 0 or 1") },
    { 0x604B, "AT_MQTT_PUBLISH_LENGTH_READ_FAILED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the publish length could not be read") },
    { 0x604C, "AT_MQTT_PUBLISH_LENGTH_VALUE_IS_WRONG",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the publish length is wrong") },
    { 0x604D, "AT_MQTT_RECV_LENGTH_IS_WRONG",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the number of bytes received after '>' does not match the length") },
    { 0x604E, "AT_MQTT_CREATE_SEMA_FAILED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the module could not create a semaphore") },
    { 0x604F, "AT_MQTT_CREATE_EVENT_GROUP_FAILED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the module could not create an event group") },
    { 0x6050, "AT_MQTT_URI_PARSE_FAILED", QT_TRANSLATE_NOOP("ErrorDecoder", "the broker URI could not be parsed") },
    { 0x6051, "AT_MQTT_IN_DISCONNECTED_STATE",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the MQTT connection is down (disconnected state)") },
    { 0x6052, "AT_MQTT_HOSTNAME_VERIFY_FAILED",
      QT_TRANSLATE_NOOP("ErrorDecoder", "the broker's host name did not match its certificate") },
};

QString hex(quint32 v, int width)
{
    return QStringLiteral("0x%1").arg(v, width, 16, QLatin1Char('0'));
}

QString capitalised(QString s)
{
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

// The sentence without the capital and the final period (so several can be joined).
QString phrase(const DecodedError &e)
{
    if (!e.knownModule)
        return translated(QT_TRANSLATE_NOOP("ErrorDecoder", "unrecognised error code %1 (module %2)"))
            .arg(hex(e.raw, 8), hex(e.module, 2));
    if (!e.knownCategory)
        return translated(QT_TRANSLATE_NOOP("ErrorDecoder", "unrecognised error category %1 in code %2"))
            .arg(hex(e.category, 2), hex(e.raw, 8));
    switch (e.category) {
    case kParamCount:
        if (e.extension)
            return e.detailText;
        break;
    case kParseFail:
        return translated(QT_TRANSLATE_NOOP("ErrorDecoder", "parameter %1 could not be parsed")).arg(e.extension + 1);
    case kExecFail:
        if (e.knownDetail)
            return translated(QT_TRANSLATE_NOOP("ErrorDecoder", "MQTT: %1 (%2)")).arg(e.detailText, e.detailName);
        if (e.extension)
            return translated(QT_TRANSLATE_NOOP("ErrorDecoder", "command execution failed (command-specific code %1)"))
                .arg(hex(e.extension, 4));
        break;
    default:
        if (e.extension)
            return translated(QT_TRANSLATE_NOOP("ErrorDecoder", "%1 (extension %2)"))
                .arg(e.categoryText, hex(e.extension, 4));
        break;
    }
    return e.categoryText;
}

} // namespace

const MqttErrorInfo *mqttError(quint16 code)
{
    for (const MqttErrorInfo &m : kMqtt)
        if (m.code == code)
            return &m;
    return nullptr;
}

QList<MqttErrorInfo> mqttErrorTable()
{
    return QList<MqttErrorInfo>(std::begin(kMqtt), std::end(kMqtt));
}

DecodedError decodeErrCode(quint32 code)
{
    DecodedError e;
    e.raw = code;
    if (code <= 0xFFFF) {
        e.bare = true;
        e.module = 0x01;
        e.category = kExecFail;
        e.extension = quint16(code);
    } else {
        e.module = quint8(code >> 24);
        e.category = quint8(code >> 16);
        e.extension = quint16(code);
    }
    e.knownModule = e.module == 0x01;
    e.knownCategory = e.knownModule && e.category < kCategoryCount;
    if (!e.knownCategory)
        return e;
    e.categoryName = QString::fromLatin1(kCategories[e.category].name);
    e.categoryText = translated(kCategories[e.category].text);
    switch (e.category) {
    case kParamCount:
        if (e.extension)
            e.detailText = translated(QT_TRANSLATE_NOOP("ErrorDecoder", "expected %1 parameters, got %2"))
                               .arg(e.extension >> 8)
                               .arg(e.extension & 0xff);
        break;
    case kParseFail:
        e.detailText = translated(QT_TRANSLATE_NOOP("ErrorDecoder", "parameter %1")).arg(e.extension + 1);
        break;
    case kExecFail:
        if (const MqttErrorInfo *m = mqttError(e.extension)) {
            e.knownDetail = true;
            e.detailName = QString::fromLatin1(m->name);
            e.detailText = translated(m->text);
        } else if (e.extension) {
            e.detailText
                = translated(QT_TRANSLATE_NOOP("ErrorDecoder", "command-specific code %1")).arg(hex(e.extension, 4));
        }
        break;
    default:
        break;
    }
    return e;
}

QString DecodedError::summary() const
{
    return capitalised(phrase(*this)) + QLatin1Char('.');
}

std::optional<quint32> parseErrCode(QByteArrayView text)
{
    QByteArrayView t = text.trimmed();
    if (t.startsWith("ERR CODE:"))
        t = t.sliced(9).trimmed();
    if (t.startsWith("0x") || t.startsWith("0X"))
        t = t.sliced(2);
    if (t.isEmpty() || t.size() > 8)
        return std::nullopt;
    bool ok = false;
    const quint32 v = t.toByteArray().toUInt(&ok, 16);
    if (!ok)
        return std::nullopt;
    return v;
}

QString describeFailure(const QList<quint32> &codes)
{
    QStringList parts;
    QList<quint32> seen;
    for (quint32 c : codes) {
        if (seen.contains(c))
            continue;
        seen << c;
        parts << phrase(decodeErrCode(c));
    }
    if (parts.isEmpty())
        return translated(QT_TRANSLATE_NOOP("ErrorDecoder", "The command failed (the module gave no error code)."));
    return capitalised(parts.join(QStringLiteral("; "))) + QLatin1Char('.');
}

} // namespace atb
