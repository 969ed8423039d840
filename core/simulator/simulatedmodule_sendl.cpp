// SimulatedModule: AT+CIPSENDL and AT+CIPSENDLCFG, long sends in normal transmission mode. The
// module takes data from the UART and sends it to the link in parallel, in blocks of
// <transmit size> (a shorter block after AT+TRANSINTVL of silence), reporting
// +CIPSENDL:<had sent len>,<port recv len> every <report size> bytes sent and once at the end,
// then SEND OK (or SEND FAIL when the link could not take all of it).
#include "simulator/simulatedmodule.h"

#include "simulator/wire.h"

#include <QHostAddress>

namespace atb::sim {

void SimulatedModule::cmdCipsendlcfg(const Command &c)
{
    ModuleSettings &s = m_settings;
    if (c.kind == 'q') {
        outLine("+CIPSENDLCFG:" + num(s.sendlReport) + "," + num(s.sendlTransmit));
        finishOk();
        return;
    }
    qint64 report = 0, transmit = s.sendlTransmit;
    if (c.params.size() > 2 || !intParam(c, 0, &report) || report < 100 || report > (1 << 20)
        || (hasParam(c, 1) && (!intParam(c, 1, &transmit) || transmit < 100 || transmit > 2920))) {
        finishError(0x01070000);
        return;
    }
    s.sendlReport = int(report);
    s.sendlTransmit = int(transmit);
    finishOk();
}

void SimulatedModule::cmdCipsendl(const Command &c)
{
    qint64 id = 0, len = 0, port = 0;
    int idx = 0;
    if (m_cipmux) {
        if (!intParam(c, 0, &id)) {
            finishError(0x01070000);
            return;
        }
        idx = 1;
    }
    QString host;
    if (!intParam(c, idx, &len) || len < 1 || len > 0x7fffffffLL
        || (hasParam(c, idx + 1) && (!intParam(c, idx + 2, &port) || port < 1 || port > 65535))) {
        finishError(0x01070000);
        return;
    }
    Link *l = link(int(id));
    if (!l || !l->connected) {
        finishError(0x010a0000);
        return;
    }
    if (hasParam(c, idx + 1)) {
        QHostAddress a;
        host = strParam(c, idx + 1);
        if (l->type != QLatin1String("UDP") || (host != QLatin1String("localhost") && (!a.setAddress(host) || !peerAllowed(a)))) {
            finishError(0x01070000);
            return;
        }
        m_dataHost = host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : a.toString();
    } else {
        m_dataHost.clear();
    }
    m_dataPort = quint16(port);
    m_dataLink = int(id);
    m_dataExpected = len;
    m_sendl = SendL();
    m_sendl.nextReport = m_settings.sendlReport;
    m_dataMode = DataMode::CipSendL;
    m_executing = true;
    out("\r\nOK\r\n\r\n>");
}

int SimulatedModule::handleSendLBytes(const QByteArray &bytes)
{
    const qint64 want = m_dataExpected - m_sendl.received;
    const int n = int(qMin<qint64>(want, bytes.size()));
    m_sendl.buffer += bytes.left(n);
    m_sendl.received += n;
    const bool complete = m_sendl.received >= m_dataExpected;
    sendLTransmit(complete);
    if (!complete && !m_sendl.buffer.isEmpty())
        m_sendlTimer.start(qMax(1, m_transIntvl));
    return n;
}

void SimulatedModule::sendLTransmit(bool all)
{
    if (m_dataMode != DataMode::CipSendL)
        return;
    const int block = m_settings.sendlTransmit;
    while (m_sendl.buffer.size() >= block || (all && !m_sendl.buffer.isEmpty())) {
        const QByteArray piece = m_sendl.buffer.left(block);
        m_sendl.buffer.remove(0, piece.size());
        Link *l = link(m_dataLink);
        if (l && !m_sendl.failed && writeToLink(l, piece, m_dataHost, m_dataPort))
            m_sendl.sent += piece.size();
        else
            m_sendl.failed = true;
        while (m_sendl.sent >= m_sendl.nextReport) {
            outLine("+CIPSENDL:" + num(m_sendl.nextReport) + "," + num(m_sendl.received));
            m_sendl.lastReported = m_sendl.nextReport;
            m_sendl.nextReport += m_settings.sendlReport;
        }
    }
    if (m_sendl.received < m_dataExpected || !m_sendl.buffer.isEmpty())
        return;
    // Everything taken from the UART: the final report always carries what was sent.
    m_sendlTimer.stop();
    if (m_sendl.lastReported != m_sendl.sent)
        outLine("+CIPSENDL:" + num(m_sendl.sent) + "," + num(m_sendl.received));
    m_dataMode = DataMode::None;
    m_executing = false;
    out(m_sendl.failed ? QByteArray("\r\nSEND FAIL\r\n") : QByteArray("\r\nSEND OK\r\n"));
    m_sendl = SendL();
    finishNone();
}

} // namespace atb::sim
