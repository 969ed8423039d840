#pragma once

#include "protocol/atevent.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace atb {

// One command for the queue. A value: pages and services build it, the queue executes it.
struct AtCommand
{
    QByteArray line;        // "AT+CIPMUX=1", without CR LF
    QByteArray payload;     // data phase: sent after the '>' prompt, exactly as is
    bool expectsPrompt = false;     // the command has a data phase ('>' prompt)
    bool enterPassthrough = false;  // after '>' the link is in passthrough (AT+CIPSEND, CIPMODE=1)
    int timeoutMs = 3000;           // for the reply (before the prompt when there is a data phase)
    int dataTimeoutMs = 5000;       // after the payload, for SEND OK / +MQTTPUB:OK
    int quietEndMs = 0;             // > 0: the reply may have no final code; end after this silence
    bool emptyReplyOk = false;      // with quietEndMs: silence alone is a complete answer (Beken
                                    // AT+CIPSTATUS? prints nothing when no link is open)
    int maxBusyRetries = 5;         // resend after "busy p..." / "BUSY" with backoff
    int busyBackoffMs = 100;        // first backoff, doubled per retry
    QString origin;                 // who asked: "console", "wifi", "mqtt", ... (for the log)

    // Builds a command from a typed line, with the timeout, data phase and quiet-end rules
    // that the command name implies. `payloadLength` receives the announced data length of a
    // data-phase command (-1 when none or not computable).
    static AtCommand fromLine(const QByteArray &line, bool bekenDialect = false,
                              qint64 *payloadLength = nullptr);
};

struct AtResult
{
    enum class Status {
        Ok,           // success final (or quiet end)
        Error,        // failure final from the module
        Busy,         // still busy after all retries
        Timeout,      // no final in time
        Cancelled,    // cancelled by the host
        Disconnected, // the link went away
        Refused       // never sent (invalid command, link not open)
    };

    quint64 id = 0;
    AtCommand command;
    Status status = Status::Ok;
    QByteArray finalText;          // "OK", "ERROR", "SEND OK", ...
    QList<QByteArray> lines;       // information lines, in order (echo excluded)
    QList<AtEvent> records;        // +CIPRECVDATA records and other length-delimited replies
    QList<quint32> errCodes;       // ERR CODE values folded into the failure
    QString message;               // host-side explanation for Timeout/Cancelled/Disconnected/Refused
    int attempts = 0;              // 1 + busy retries
    bool endedOnQuiet = false;
    bool sawEcho = false;
    qint64 elapsedUs = 0;
    // steadyClockNs() when the command's last byte (its line, or its data phase) left the port:
    // the moment the UART has shifted out everything written so far at the link's nominal rate,
    // or the moment of the write when the rate is unknown (TCP bridge). 0 when nothing was
    // written (refused, cancelled before sending).
    qint64 sentNs = 0;

    bool ok() const { return status == Status::Ok; }
    static QString statusName(Status s);
};

} // namespace atb

Q_DECLARE_METATYPE(atb::AtCommand)
Q_DECLARE_METATYPE(atb::AtResult)
