// The commands the module answers, with the forms each takes (data table; also drives AT+CMD?).
#include "simulator/commandtable.h"

namespace atb::sim {

namespace {
const CommandInfo kCommands[] = {
    { "AT", false, false, false, true },
    { "ATE0", false, false, false, true },
    { "ATE1", false, false, false, true },
    { "AT+RST", true, false, false, true },
    { "AT+GMR", true, false, false, true },
    { "AT+CMD", false, true, false, false },
    { "AT+RESTORE", true, false, false, true },
    { "AT+SYSLOG", true, true, true, false },
    { "AT+SYSMSG", true, true, true, false },
    { "AT+SYSSTORE", true, true, true, false },
    { "AT+UART_CUR", true, true, true, false },
    { "AT+UART_DEF", true, true, true, false },
    { "AT+CWMODE", true, true, true, false },
    { "AT+CWJAP", true, true, true, true },
    { "AT+CWQAP", true, false, false, true },
    { "AT+CWLAP", true, false, true, true },
    { "AT+CIFSR", true, false, false, true },
    { "AT+CIPSTA", true, true, true, false },
    { "AT+CIPSTATUS", true, true, false, true },
    { "AT+CIPSTATE", true, true, false, false },
    { "AT+CIPSTART", true, false, true, false },
    { "AT+CIPSEND", true, false, true, true },
    { "AT+CIPSENDEX", true, false, true, false },
    { "AT+CIPCLOSE", true, false, true, true },
    { "AT+CIPMUX", true, true, true, false },
    { "AT+CIPMODE", true, true, true, false },
    { "AT+CIPDINFO", true, true, true, false },
    { "AT+CIPSERVER", true, true, true, false },
    { "AT+CIPSERVERMAXCONN", true, true, true, false },
    { "AT+CIPRECVMODE", true, true, true, false },
    { "AT+CIPRECVDATA", true, false, true, false },
    { "AT+CIPRECVLEN", true, true, false, false },
    { "AT+TRANSINTVL", true, true, true, false },
    { "AT+CIPSNTPCFG", true, true, true, false },
    { "AT+CIPSNTPTIME", true, true, false, false },
    { "AT+CIPDNS", true, true, true, false },
    { "AT+CIPDOMAIN", true, false, true, false },
    { "AT+PING", true, false, true, false },
    { "AT+CIPSSLCPSK", true, true, true, false },
    { "AT+MQTTUSERCFG", true, false, true, false },
    { "AT+MQTTCLIENTID", true, false, true, false },
    { "AT+MQTTUSERNAME", true, false, true, false },
    { "AT+MQTTPASSWORD", true, false, true, false },
    { "AT+MQTTCONNCFG", true, false, true, false },
    { "AT+MQTTALPN", true, false, true, false },
    { "AT+MQTTCONN", true, true, true, false },
    { "AT+MQTTPUB", true, false, true, false },
    { "AT+MQTTPUBRAW", true, false, true, false },
    { "AT+MQTTSUB", true, true, true, false },
    { "AT+MQTTUNSUB", true, false, true, false },
    { "AT+MQTTCLEAN", true, false, true, false },
};
} // namespace

const CommandInfo *findCommand(const QByteArray &name)
{
    for (const CommandInfo &ci : kCommands)
        if (name == ci.name)
            return &ci;
    return nullptr;
}

QList<const CommandInfo *> allCommands()
{
    QList<const CommandInfo *> r;
    for (const CommandInfo &ci : kCommands)
        r.append(&ci);
    return r;
}

} // namespace atb::sim
