// ThroughputLab's pure planning: the AT lines of a run and of its status read, the
// stop-and-wait model, the mode names. Nothing here touches the session or the PC-side peer.
#include "throughputlab.h"

#include "engine/devicesession.h"
#include "protocol/atencoder.h"

namespace atb {

namespace {
constexpr char kOrigin[] = "throughput";
constexpr int kPortPlaceholder = 65535;
} // namespace

QString LabSettings::modeName(Mode m)
{
    switch (m) {
    case Mode::SendNormal: return ThroughputLab::tr("Send (normal mode)");
    case Mode::SendPassthrough: return ThroughputLab::tr("Send (passthrough)");
    case Mode::Receive: return ThroughputLab::tr("Receive (+IPD)");
    case Mode::ReceivePassthrough: return ThroughputLab::tr("Receive (passthrough)");
    case Mode::Echo: return ThroughputLab::tr("Echo round trip");
    }
    return QString();
}

Dialect ThroughputLab::dialect() const
{
    return m_session ? m_session->dialect() : Dialect::Esp;
}

double ThroughputLab::stopAndWaitModel(int chunk, qint64 baud, double turnaroundMs)
{
    if (chunk <= 0 || baud <= 0)
        return 0;
    const double rate = double(baud) / 10.0;
    const double payload = double(chunk) / rate;
    // AT+CIPSEND=L CR LF (~17 B) -> OK + '>' (~9 B) -> L -> Recv L bytes + SEND OK (~29 B).
    return payload / ((17.0 + 9.0 + double(chunk) + 29.0) / rate + 2.0 * turnaroundMs / 1000.0);
}

OperationPlan ThroughputLab::planSetup(const LabSettings &s, quint16 port) const
{
    const Dialect d = dialect();
    const AtEncoder enc(d);
    OperationPlan plan;
    auto add = [&](const EncodeResult &r) {
        if (!plan.ok())
            return;
        if (!r.ok()) {
            plan.fail(r.error, r.errorParam);
            return;
        }
        if (plan.warning.isEmpty())
            plan.warning = r.warning;
        plan.add(r.line, d, QLatin1String(kOrigin));
    };
    const QByteArray type = s.protocol == LabSettings::Protocol::Tcp ? "TCP" : "UDP";
    const qint64 p = port ? port : kPortPlaceholder;
    if (d == Dialect::Esp) {
        add(enc.set("AT+CIPMUX", { AtArg::integer(0) }));
        add(enc.set("AT+CIPMODE", { AtArg::integer(s.passthrough() ? 1 : 0) }));
        add(enc.set("AT+CIPSTART", { AtArg::string(type), AtArg::string(s.peerAddress.toUtf8()), AtArg::integer(p) }));
    } else {
        add(enc.set("AT+CIPSTART", { AtArg::integer(0), AtArg::string(type), AtArg::string(s.peerAddress.toUtf8()),
                                     AtArg::integer(p) }));
    }
    return plan;
}

QList<AtCommand> ThroughputLab::teardownCommands(const LabSettings &s) const
{
    const Dialect d = dialect();
    OperationPlan plan;
    if (d == Dialect::Esp) {
        if (s.passthrough())
            plan.add("AT+CIPMODE=0", d, QLatin1String(kOrigin));
        plan.add("AT+CIPCLOSE", d, QLatin1String(kOrigin));
    } else {
        plan.add("AT+CIPCLOSE=0", d, QLatin1String(kOrigin));
    }
    return plan.commands;
}

OperationPlan ThroughputLab::planRun(const LabSettings &s) const
{
    const QHostAddress addr(s.peerAddress);
    if (addr.isNull() || addr.protocol() != QAbstractSocket::IPv4Protocol)
        return OperationPlan::failure(tr("The peer address must be an IPv4 address of this computer"), "remote_host");
    if (s.durationMs < 500 || s.durationMs > 3600 * 1000)
        return OperationPlan::failure(tr("The duration must be between 0.5 s and 1 h"), "duration");
    if (s.baud <= 0)
        return OperationPlan::failure(tr("The baud rate must be positive"), "baud");
    if (dialect() == Dialect::Beken && s.passthrough())
        return OperationPlan::failure(tr("The lab runs passthrough with ESP-AT only; use a normal-mode run on Beken"),
                                      "mode");
    const Dialect d = dialect();
    const AtEncoder enc(d);
    const EncodeResult send = d == Dialect::Esp ? enc.set("AT+CIPSEND", { AtArg::integer(s.chunkSize) })
                                                : enc.set("AT+CIPSEND", { AtArg::integer(0), AtArg::integer(s.chunkSize) });
    OperationPlan pv = planSetup(s, s.peerPort);
    if (!pv.ok())
        return pv;
    if (!send.ok())
        return pv.fail(send.error, send.errorParam.isEmpty() ? QByteArray("length") : send.errorParam);
    if (pv.warning.isEmpty())
        pv.warning = send.warning;
    // Port 0 shows as the port a run would pick.
    for (AtCommand &c : pv.commands) {
        const QByteArray placeholder = "," + QByteArray::number(kPortPlaceholder);
        if (s.peerPort == 0 && c.line.startsWith("AT+CIPSTART") && c.line.endsWith(placeholder))
            c.line = c.line.chopped(placeholder.size() - 1) + "<port>";
    }
    if (s.passthrough())
        pv.add("AT+CIPSEND", d, QLatin1String(kOrigin));
    else if (s.sendsFromModule())
        pv.add(send.line, d, QLatin1String(kOrigin));
    for (const AtCommand &c : teardownCommands(s))
        pv.add(c.line, d, QLatin1String(kOrigin));
    return pv;
}

OperationPlan ThroughputLab::planReadStatus() const
{
    const Dialect d = dialect();
    const AtEncoder enc(d);
    OperationPlan plan;
    if (d == Dialect::Esp) {
        for (const EncodeResult &e : { enc.query("AT+CIPMUX"), enc.query("AT+CIPMODE"), enc.query("AT+CIPSTATE") })
            plan.addEncoded(e, d, QLatin1String(kOrigin));
    } else {
        plan.addEncoded(enc.execute("AT+CIPSTATUS"), d, QLatin1String(kOrigin));
    }
    return plan;
}

} // namespace atb
