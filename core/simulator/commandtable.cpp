// The commands the module answers, with the forms each takes (data table; also drives AT+CMD?).
#include "simulator/commandtable.h"

#include <iterator>

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
    // ESP-AT 2.4 / 3.x beyond the seeds (Basic, Wi-Fi and TCP/IP chapters).
    { "AT+GSLP", false, false, true, false, CommandInfo::EspOnly },
    { "AT+SLEEP", true, true, true, false, CommandInfo::EspOnly },
    { "AT+SYSRAM", true, true, false, false, CommandInfo::EspOnly },
    { "AT+RFPOWER", true, true, true, false, CommandInfo::EspOnly },
    { "AT+SYSTIMESTAMP", true, true, true, false, CommandInfo::EspOnly },
    { "AT+SLEEPWKCFG", true, false, true, false, CommandInfo::EspOnly },
    { "AT+CWINIT", true, true, true, false, CommandInfo::Esp3Only },
    { "AT+CWSTATE", true, true, false, false, CommandInfo::EspOnly },
    { "AT+CWRECONNCFG", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CWLAPOPT", true, false, true, false, CommandInfo::EspOnly },
    { "AT+CWSAP", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CWLIF", true, false, false, true, CommandInfo::EspOnly },
    { "AT+CWQIF", true, false, true, true, CommandInfo::EspOnly },
    { "AT+CWDHCP", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CWDHCPS", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CWAUTOCONN", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CWAPPROTO", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CWSTAPROTO", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CIPSTAMAC", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CIPAPMAC", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CIPAP", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CWHOSTNAME", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CWCOUNTRY", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CIPSTARTEX", true, false, true, false, CommandInfo::EspOnly },
    { "AT+CIPSENDL", true, false, true, false, CommandInfo::EspOnly },
    { "AT+CIPSENDLCFG", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CIPSTO", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CIPSNTPINTV", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CIPRECONNINTV", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CIPSSLCCONF", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CIPSSLCCN", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CIPSSLCSNI", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CIPSSLCALPN", true, true, true, false, CommandInfo::EspOnly },
    { "AT+CIPTCPOPT", true, true, true, false, CommandInfo::EspOnly },
};

const UnansweredCommand kUnanswered[] = {
    { "AT+SYSFLASH", "no flash partitions to read or write (certificates, user data)" },
    { "AT+FS, AT+FSMOUNT", "no FAT file system partition" },
    { "AT+SYSREG", "no chip registers" },
    { "AT+SYSTEMP", "no temperature sensor; a made-up reading would mislead" },
    { "AT+SYSROLLBACK", "no second firmware image to roll back to" },
    { "AT+SYSMSGFILTER, AT+SYSMSGFILTERCFG, AT+USERRAM, AT+SYSMFG", "not emulated yet (3.x system extras)" },
    { "AT+CWSTARTSMART, AT+CWSTOPSMART", "SmartConfig needs a phone broadcasting on the air" },
    { "AT+WPS", "WPS needs a push-button access point on the air" },
    { "AT+MDNS", "mDNS multicasts on the LAN (the simulator talks to loopback peers only)" },
    { "AT+CWJEAP", "WPA2-Enterprise is compiled out of the default firmware too" },
    { "AT+CIPV6, IPv6 link types", "IPv6 is not emulated" },
    { "AT+CIPSERVER ...,\"SSL\"", "TLS servers need a server certificate from the flash partition" },
    { "DTLS servers (Beken)", "like TLS servers: no server certificate" },
    { "AT+MQTTUSERCFG schemes 4, 5, 9, 10", "client certificates live in a flash partition (answers ERR CODE 0x010a6009)" },
    { "AT+CIPRECVTYPE", "not emulated yet (3.x per-link receive mode)" },
    { "+++ inside AT+CIPSENDL", "SEND CANCELLED is not emulated: the data phase ends after <length> bytes" },
    { "AT+SAVETRANSLINK", "power-on passthrough to a saved link is not emulated" },
    { "AT+CIUPDATE, AT+CIPFWVER", "OTA from Espressif's server leaves the machine (network rule)" },
    { "AT+BLE*, AT+BT*, AT+HTTP*, AT+WEBSERVER, AT+WS*, AT+ETH*, AT+DRV*", "outside the Basic, Wi-Fi, TCP/IP and MQTT command sets" },
};
} // namespace

const CommandInfo *findCommand(const QByteArray &name)
{
    for (const CommandInfo &ci : kCommands)
        if (name == ci.name)
            return &ci;
    return nullptr;
}

QList<UnansweredCommand> unansweredCommands()
{
    return QList<UnansweredCommand>(std::begin(kUnanswered), std::end(kUnanswered));
}

QList<const CommandInfo *> allCommands()
{
    QList<const CommandInfo *> r;
    for (const CommandInfo &ci : kCommands)
        r.append(&ci);
    return r;
}

} // namespace atb::sim
