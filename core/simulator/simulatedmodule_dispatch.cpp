// SimulatedModule: the dispatcher (command table look-up, faults that hit any command, form
// checks) and the routing of each command to its handler.
#include "simulator/simulatedmodule.h"

#include "simulator/commandtable.h"
#include "simulator/recorder.h"
#include "simulator/simlogging.h"

#include <QJsonObject>

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

void SimulatedModule::execute(const Command &c)
{
    const CommandInfo *ci = findCommand(c.name);
    if (!ci) {
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
        // Test commands: answer with the command name and OK (exact ranges are not simulated).
        if (!ci->test) {
            finishError(0x010c0000);
            return;
        }
        outLine(QByteArray(c.name.mid(2)) + ":(simulated)");
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

    const QByteArray &n = c.name;
    if (n == "AT" || n == "ATE0" || n == "ATE1" || n == "AT+RST" || n == "AT+RESTORE")
        cmdBasic(c);
    else if (n == "AT+GMR")
        cmdGmr();
    else if (n == "AT+CMD")
        cmdCmdList();
    else if (n == "AT+SYSLOG")
        cmdSysFlag(c, &m_syslog, 1);
    else if (n == "AT+SYSMSG")
        cmdSysFlag(c, &m_sysmsg, 7);
    else if (n == "AT+SYSSTORE")
        cmdSysFlag(c, &m_sysstore, 1);
    else if (n == "AT+UART_CUR" || n == "AT+UART_DEF")
        cmdUart(c);
    else if (n == "AT+CWMODE")
        cmdCwmode(c);
    else if (n == "AT+CWJAP")
        cmdCwjap(c);
    else if (n == "AT+CWQAP")
        cmdCwqap();
    else if (n == "AT+CWLAP")
        cmdCwlap(c);
    else if (n == "AT+CIFSR")
        cmdCifsr();
    else if (n == "AT+CIPSTA")
        cmdCipsta(c);
    else if (n == "AT+CIPMUX")
        cmdCipmux(c);
    else if (n == "AT+CIPMODE")
        cmdCipmode(c);
    else if (n == "AT+CIPDINFO")
        cmdCipdinfo(c);
    else if (n == "AT+CIPSTART")
        cmdCipstart(c);
    else if (n == "AT+CIPSEND")
        cmdCipsend(c, false);
    else if (n == "AT+CIPSENDEX")
        cmdCipsend(c, true);
    else if (n == "AT+CIPCLOSE")
        cmdCipclose(c);
    else if (n == "AT+CIPSTATUS" || n == "AT+CIPSTATE")
        cmdCipstatus(c);
    else if (n == "AT+CIPSERVER" || n == "AT+CIPSERVERMAXCONN")
        cmdCipserver(c);
    else if (n == "AT+CIPRECVMODE")
        cmdCiprecvmode(c);
    else if (n == "AT+CIPRECVDATA")
        cmdCiprecvdata(c);
    else if (n == "AT+CIPRECVLEN")
        cmdCiprecvlen(c);
    else if (n == "AT+TRANSINTVL")
        cmdTransintvl(c);
    else if (n == "AT+CIPDNS")
        cmdCipdns(c);
    else if (n == "AT+CIPDOMAIN")
        cmdCipdomain(c);
    else if (n == "AT+PING")
        cmdPing(c);
    else if (n == "AT+CIPSNTPCFG")
        cmdCipsntpcfg(c);
    else if (n == "AT+CIPSNTPTIME")
        cmdCipsntptime(c);
    else if (n == "AT+CIPSSLCPSK")
        cmdCipsslcpsk(c);
    else if (n.startsWith("AT+MQTT"))
        cmdMqtt(c);
    else
        finishError(0x01090000);
}

} // namespace atb::sim
