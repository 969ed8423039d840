#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>

namespace atb {

// What the module said, classified. Produced by AtParser; carried by value through signals.
struct AtEvent
{
    enum class Kind {
        Line,   // information line, echo or anything unrecognised
        Final,  // final result code of a command (OK, ERROR, SEND OK, busy p..., ...)
        Prompt, // '>' data prompt
        Urc,    // unsolicited result (ready, WIFI ..., CONNECT, +IPD, +MQTTSUBRECV, ...)
        Data,   // +CIPRECVDATA reply record (length-delimited, answers AT+CIPRECVDATA)
        Raw,    // passthrough bytes
        Error   // framing problem in the input (overlong line, truncated payload, ...)
    };
    enum class FinalClass { None, Success, Failure, Busy };

    Kind kind = Kind::Line;
    FinalClass finalClass = FinalClass::None;
    QByteArray text;     // Line/Final/Urc: the line; Error: the message
    QByteArray name;     // Urc/Data: "+IPD", "WIFI GOT IP", "CONNECT", "+MQTTCONNECTED:" ...
    int link = -1;       // -1 when the form has no link id
    qint64 length = -1;  // length-delimited records
    QByteArray payload;  // length-delimited records, Raw bytes, salvaged bytes of an Error
    QByteArray topic;    // +MQTTSUBRECV
    QByteArray remoteIp; // +IPD/+CIPRECVDATA with CIPDINFO=1
    int remotePort = -1;
    QList<quint32> errCodes; // Final: ERR CODE lines folded into a failure
    qint64 receivedNs = 0;   // steady clock (ns) when the session parsed the event's last byte
                             // (DeviceSession stamps it; atb::steadyClockNs()); 0 from the parser

    bool isFinal() const { return kind == Kind::Final; }
    bool isSuccess() const { return finalClass == FinalClass::Success; }
    bool isFailure() const { return finalClass == FinalClass::Failure; }
    bool isBusy() const { return finalClass == FinalClass::Busy; }
};

} // namespace atb

Q_DECLARE_METATYPE(atb::AtEvent)
