// SimulatedModule: the dispatcher (command table look-up, faults that hit any command, form
// checks) and the routing of each command to its handler.
#include "simulator/simulatedmodule.h"

#include "simulator/commandtable.h"
#include "simulator/recorder.h"
#include "simulator/simlogging.h"

#include <QHash>
#include <QJsonObject>

#include <functional>

namespace atb::sim {

void SimulatedModule::dispatch(const Command &cmd)
{
    const QString name = QString::fromLatin1(cmd.name);
    m_commandCounts[name]++;
    m_executingName = name;
    qCDebug(lcSim).noquote() << "command" << QString::fromUtf8(maskSecrets(cmd.line));
    if (m_replyDelayMs > 0) {
        beginAsync();
        const quint64 gen = m_generation;
        QTimer::singleShot(m_replyDelayMs, this, [this, gen, cmd]() {
            if (gen == m_generation && m_running)
                execute(cmd);
        });
        return;
    }
    execute(cmd);
}

// Commands of later ESP-AT releases, and ESP-only ones on Beken, are unknown there; so are the
// ones the options disable (--disable).
bool SimulatedModule::hasCommand(const CommandInfo *ci) const
{
    if ((ci->avail == CommandInfo::EspOnly && !isEsp()) || (ci->avail == CommandInfo::Esp3Only && !isEsp3()))
        return false;
    return !m_options.disabledCommands.contains(QLatin1String(ci->name), Qt::CaseInsensitive);
}

namespace {
using Handler = std::function<void(SimulatedModule *, const CommandLine &)>;
} // namespace

void SimulatedModule::execute(const Command &c)
{
    const CommandInfo *ci = findCommand(c.name);
    if (!ci || !hasCommand(ci)) {
        finishError(0x01090000); // unsupported command (P 7.1 #2)
        return;
    }
    if (!m_failWith.isEmpty()) {
        const quint32 code = m_failWith.takeFirst();
        if (m_recorder)
            m_recorder->event(QStringLiteral("fault"), QJsonObject { { QStringLiteral("error"), QString::number(code, 16) } });
        finishError(code);
        return;
    }
    if (c.kind == 'x') {
        finishError(0x01090000);
        return;
    }
    if (c.kind == 't') {
        // The test form answers OK where the command has one; the ranges some releases print
        // after it are not reproduced (no host library reads them).
        if (!ci->test) {
            finishError(0x010c0000);
            return;
        }
        finishOk();
        return;
    }
    const bool allowed = (c.kind == 'q' && ci->query) || (c.kind == 's' && ci->set) || (c.kind == 'e' && ci->exec);
    // Beken-src matches "AT+CIPSTATUS?" while ESP has the execute form; accept both on Beken.
    if (!allowed && !(isBeken() && c.name == "AT+CIPSTATUS")) {
        finishError(0x010c0000); // wrong operation type
        return;
    }
    if (c.parseErrorIndex >= 0 && !c.name.startsWith("AT+MQTT")) {
        finishError(0x01080000 | quint32(c.parseErrorIndex));
        return;
    }
    if (c.name.startsWith("AT+MQTT")) {
        cmdMqtt(c);
        return;
    }
    using M = SimulatedModule;
    static const QHash<QByteArray, Handler> handlers {
        { "AT", &M::cmdBasic }, { "ATE0", &M::cmdBasic }, { "ATE1", &M::cmdBasic },
        { "AT+RST", &M::cmdBasic }, { "AT+RESTORE", &M::cmdBasic },
        { "AT+GMR", [](M *m, const CommandLine &) { m->cmdGmr(); } },
        { "AT+CMD", [](M *m, const CommandLine &) { m->cmdCmdList(); } },
        { "AT+SYSLOG", [](M *m, const CommandLine &c) { m->cmdSysFlag(c, &m->m_syslog, 1); } },
        { "AT+SYSMSG", [](M *m, const CommandLine &c) { m->cmdSysFlag(c, &m->m_sysmsg, 7); } },
        { "AT+SYSSTORE", [](M *m, const CommandLine &c) { m->cmdSysFlag(c, &m->m_sysstore, 1); } },
        { "AT+UART_CUR", &M::cmdUart }, { "AT+UART_DEF", &M::cmdUart },
        { "AT+GSLP", &M::cmdGslp }, { "AT+SLEEP", &M::cmdSleep },
        { "AT+SYSRAM", [](M *m, const CommandLine &) { m->cmdSysram(); } },
        { "AT+SYSTIMESTAMP", &M::cmdSystimestamp }, { "AT+RFPOWER", &M::cmdRfpower },
        { "AT+SLEEPWKCFG", &M::cmdSleepwkcfg },
        { "AT+CWINIT", &M::cmdCwinit }, { "AT+CWMODE", &M::cmdCwmode },
        { "AT+CWSTATE", [](M *m, const CommandLine &) { m->cmdCwstate(); } },
        { "AT+CWJAP", &M::cmdCwjap }, { "AT+CWQAP", [](M *m, const CommandLine &) { m->cmdCwqap(); } },
        { "AT+CWRECONNCFG", &M::cmdCwreconncfg }, { "AT+CWLAPOPT", &M::cmdCwlapopt },
        { "AT+CWLAP", &M::cmdCwlap }, { "AT+CWSAP", &M::cmdCwsap },
        { "AT+CWLIF", [](M *m, const CommandLine &) { m->cmdCwlif(); } }, { "AT+CWQIF", &M::cmdCwqif },
        { "AT+CWDHCP", &M::cmdCwdhcp }, { "AT+CWDHCPS", &M::cmdCwdhcps },
        { "AT+CWAUTOCONN", &M::cmdCwautoconn },
        { "AT+CWAPPROTO", &M::cmdCwproto }, { "AT+CWSTAPROTO", &M::cmdCwproto },
        { "AT+CIPSTAMAC", &M::cmdMac }, { "AT+CIPAPMAC", &M::cmdMac },
        { "AT+CIPSTA", &M::cmdCipsta }, { "AT+CIPAP", &M::cmdCipap },
        { "AT+CWHOSTNAME", &M::cmdCwhostname }, { "AT+CWCOUNTRY", &M::cmdCwcountry },
        { "AT+CIFSR", [](M *m, const CommandLine &) { m->cmdCifsr(); } },
        { "AT+CIPMUX", &M::cmdCipmux }, { "AT+CIPMODE", &M::cmdCipmode }, { "AT+CIPDINFO", &M::cmdCipdinfo },
        { "AT+CIPSTART", &M::cmdCipstart }, { "AT+CIPSTARTEX", &M::cmdCipstart },
        { "AT+CIPSEND", [](M *m, const CommandLine &c) { m->cmdCipsend(c, false); } },
        { "AT+CIPSENDEX", [](M *m, const CommandLine &c) { m->cmdCipsend(c, true); } },
        { "AT+CIPSENDL", &M::cmdCipsendl }, { "AT+CIPSENDLCFG", &M::cmdCipsendlcfg },
        { "AT+CIPCLOSE", &M::cmdCipclose },
        { "AT+CIPSTATUS", &M::cmdCipstatus }, { "AT+CIPSTATE", &M::cmdCipstatus },
        { "AT+CIPSERVER", &M::cmdCipserver }, { "AT+CIPSERVERMAXCONN", &M::cmdCipserver },
        { "AT+CIPSTO", &M::cmdCipsto },
        { "AT+CIPRECVMODE", &M::cmdCiprecvmode }, { "AT+CIPRECVDATA", &M::cmdCiprecvdata },
        { "AT+CIPRECVLEN", &M::cmdCiprecvlen }, { "AT+TRANSINTVL", &M::cmdTransintvl },
        { "AT+CIPRECONNINTV", &M::cmdCipreconnintv }, { "AT+CIPTCPOPT", &M::cmdCiptcpopt },
        { "AT+CIPDNS", &M::cmdCipdns }, { "AT+CIPDOMAIN", &M::cmdCipdomain }, { "AT+PING", &M::cmdPing },
        { "AT+CIPSNTPCFG", &M::cmdCipsntpcfg }, { "AT+CIPSNTPTIME", &M::cmdCipsntptime },
        { "AT+CIPSNTPINTV", &M::cmdCipsntpintv },
        { "AT+CIPSSLCPSK", &M::cmdCipsslcpsk }, { "AT+CIPSSLCCONF", &M::cmdCipsslcconf },
        { "AT+CIPSSLCCN", &M::cmdCipsslcText }, { "AT+CIPSSLCSNI", &M::cmdCipsslcText },
        { "AT+CIPSSLCALPN", &M::cmdCipsslcalpn },
    };
    const auto it = handlers.constFind(c.name);
    if (it == handlers.cend()) {
        finishError(0x01090000); // in the table but not routed: a simulator bug, answered honestly
        return;
    }
    (*it)(this, c);
}

} // namespace atb::sim
