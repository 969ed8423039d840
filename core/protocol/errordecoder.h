#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace atb {

// Decoded ESP-AT "ERR CODE:0x%08x" value (protocol.md 2.3; components/at/include/esp_at_core.h):
//   bits 31..24 module (0x01), 23..16 category (ESP_AT_SUB_*), 15..0 extension.
// Extension meaning by category: 0x06 parameter count = need << 8 | given; 0x08 parse failure =
// 0-based parameter index; 0x0A execution failed = command-specific code (MQTT 0x60xx, seed 004).
// A bare 16-bit value (0x6044, as seed 004 prints the MQTT table) is read as an execution failure
// with that extension.
struct DecodedError
{
    quint32 raw = 0;
    quint8 module = 0;
    quint8 category = 0;
    quint16 extension = 0;
    bool bare = false;          // given as a 16-bit code without module/category
    bool knownModule = false;   // module 0x01 (or bare)
    bool knownCategory = false; // 0x00..0x0C
    bool knownDetail = false;   // extension has a name (MQTT 0x60xx)

    QString categoryName; // "ESP_AT_SUB_PARA_PARSE_FAIL"; empty when unknown
    QString categoryText; // translated: "a parameter could not be parsed"
    QString detailName;   // "AT_MQTT_DATA_READ_FAILED"; empty when none/unknown
    QString detailText;   // translated sentence for the detail, or the decoded extension
                          // ("parameter 3", "expected 5 parameters, got 4")

    // One human sentence, e.g. "Parameter 3 could not be parsed." or
    // "MQTT: the message data could not be read (AT_MQTT_DATA_READ_FAILED)." — never bare hex
    // alone; unknown codes say so and add the hex value.
    QString summary() const;
};

DecodedError decodeErrCode(quint32 code);

// Parses "ERR CODE:0x010a6044", "0x010a6044", "010a6044" or "0x6044" (blanks and CR LF ignored).
std::optional<quint32> parseErrCode(QByteArrayView text);

// Human sentence for all the codes printed before one ERROR, joined with "; ", e.g.
// 0x01080002 + 0x010a6044 -> "parameter 3 could not be parsed; MQTT: the message data could not be
// read (AT_MQTT_DATA_READ_FAILED)". An empty list gives a generic "the command failed" sentence.
QString describeFailure(const QList<quint32> &codes);

// The MQTT command-specific code table of seed 004: name (upstream spelling, e.g.
// AT_MQTT_NULL_PARAMTER) and untranslated English sentence; nullptr when not in the table.
struct MqttErrorInfo
{
    quint16 code;
    const char *name;
    const char *text; // QT_TRANSLATE_NOOP("ErrorDecoder", ...)
};
const MqttErrorInfo *mqttError(quint16 code);
QList<MqttErrorInfo> mqttErrorTable();

} // namespace atb
