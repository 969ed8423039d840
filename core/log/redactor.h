#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace atb {

// Masks secrets in command lines and replies before they reach any log or export: the
// passwords of AT+CWJAP, AT+CWSAP, AT+MQTTUSERCFG and AT+MQTTPASSWORD, and the PSK of
// AT+CIPSSLCPSK (also in its query reply and in echoed command lines).
class Redactor
{
public:
    static constexpr QByteArrayView kMask = "***";

    static QByteArray maskLine(const QByteArray &line);
    // True when the data phase of this command line carries a secret (AT+MQTTLONGPASSWORD).
    static bool payloadIsSecret(QByteArrayView commandLine);
};

} // namespace atb
