#include "dialectprobe.h"

#include "engine/devicesession.h"

#include <QCoreApplication>

namespace atb {

namespace {
const char kOrigin[] = "probe";

QString tr(const char *text)
{
    return QCoreApplication::translate("DialectProbe", text);
}

bool isCmdRsp(const QByteArray &finalText)
{
    return finalText.startsWith("CMDRSP:");
}
} // namespace

DialectProbe::DialectProbe(DeviceSession *session, QObject *parent) : QObject(parent), m_session(session)
{
    qRegisterMetaType<atb::DialectProbeResult>();
    connect(session, &DeviceSession::commandFinished, this, &DialectProbe::onFinished);
}

QList<QByteArray> DialectProbe::probeLines()
{
    return { QByteArrayLiteral("AT+GMR"), QByteArrayLiteral("AT+CIPSTATUS?") };
}

DialectProbeResult DialectProbe::classifyGmr(const AtResult &gmr)
{
    DialectProbeResult r;
    r.answered = gmr.status == AtResult::Status::Ok || gmr.status == AtResult::Status::Error;
    for (const QByteArray &l : gmr.lines)
        r.firmware << QString::fromUtf8(l).trimmed();
    r.firmware.removeAll(QString());
    if (isCmdRsp(gmr.finalText)) {
        r.dialect = Dialect::Beken;
        r.confidence = DialectProbeResult::Confidence::High;
        r.evidence = tr("AT+GMR ended with \"%1\", a Beken ATSVR final code.").arg(QString::fromUtf8(gmr.finalText));
        return r;
    }
    for (const QByteArray &l : gmr.lines) {
        if (l.startsWith("AT version:") || l.startsWith("Bin version") || l.startsWith("SDK version:")) {
            r.dialect = Dialect::Esp;
            r.confidence = DialectProbeResult::Confidence::High;
            r.evidence = tr("AT+GMR printed \"%1\", the ESP-AT version format.").arg(QString::fromUtf8(l.trimmed()));
            return r;
        }
        if (l.contains("ATSVR") || l.contains("BK72") || l.contains("BK7238") || l.contains("Beken")
            || l.contains("beken")) {
            r.dialect = Dialect::Beken;
            r.confidence = DialectProbeResult::Confidence::High;
            r.evidence = tr("AT+GMR printed \"%1\", a Beken ATSVR version.").arg(QString::fromUtf8(l.trimmed()));
            return r;
        }
    }
    return r;
}

DialectProbeResult DialectProbe::classifyStatus(const AtResult &status, const DialectProbeResult &fromGmr)
{
    DialectProbeResult r = fromGmr;
    r.answered = r.answered || status.status == AtResult::Status::Ok || status.status == AtResult::Status::Error;
    for (const QByteArray &l : status.lines) {
        if (l.startsWith("+BIPSTATUS")) {
            r.dialect = Dialect::Beken;
            r.confidence = DialectProbeResult::Confidence::High;
            r.evidence = tr("AT+CIPSTATUS? was answered by \"+BIPSTATUS\" (Beken ATSVR).");
            return r;
        }
    }
    if (isCmdRsp(status.finalText)) {
        r.dialect = Dialect::Beken;
        r.confidence = DialectProbeResult::Confidence::High;
        r.evidence = tr("AT+CIPSTATUS? ended with \"%1\", a Beken ATSVR final code.").arg(QString::fromUtf8(status.finalText));
        return r;
    }
    if (status.status == AtResult::Status::Error) {
        // ESP-AT has only the execute form AT+CIPSTATUS; the query form is rejected.
        r.dialect = Dialect::Esp;
        r.confidence = DialectProbeResult::Confidence::Low;
        r.evidence = tr("AT+CIPSTATUS? was rejected (ESP-AT knows only AT+CIPSTATUS); the version text was not conclusive.");
        return r;
    }
    if (status.ok() && status.endedOnQuiet && status.lines.isEmpty()) {
        // A query with no final code and no line: Beken with no link (seed 000 prints nothing).
        r.dialect = Dialect::Beken;
        r.confidence = DialectProbeResult::Confidence::Low;
        r.evidence = tr("AT+CIPSTATUS? got no final code (Beken ATSVR behaviour); the version text was not conclusive.");
        return r;
    }
    if (r.evidence.isEmpty())
        r.evidence = r.answered ? tr("The replies match neither dialect's markers.") : tr("The module did not answer.");
    return r;
}

bool DialectProbe::start()
{
    if (m_running || !m_session)
        return false;
    m_running = true;
    m_step = 0;
    m_partial = DialectProbeResult();
    AtCommand c = AtCommand::fromLine(probeLines().at(0), m_session->dialect() == Dialect::Beken);
    c.origin = QLatin1String(kOrigin);
    m_waiting = 0;
    const quint64 id = m_session->submit(c);
    // A refusal may have been reported from inside submit(); onFinished() then already ran.
    if (m_running && m_step == 0)
        m_waiting = id;
    return true;
}

void DialectProbe::cancel()
{
    if (!m_running)
        return;
    if (m_session && m_waiting)
        m_session->cancel(m_waiting);
    m_running = false;
    m_waiting = 0;
}

void DialectProbe::onFinished(const AtResult &result)
{
    if (!m_running || result.command.origin != QLatin1String(kOrigin))
        return;
    if (m_waiting != 0 && result.id != m_waiting)
        return;
    m_waiting = 0;
    if (m_step == 0) {
        m_partial = classifyGmr(result);
        if (result.status == AtResult::Status::Refused || result.status == AtResult::Status::Disconnected
            || result.status == AtResult::Status::Cancelled) {
            m_partial.evidence = result.message.isEmpty() ? tr("The module did not answer.") : result.message;
            finish(m_partial);
            return;
        }
        if (m_partial.confidence == DialectProbeResult::Confidence::High) {
            finish(m_partial);
            return;
        }
        m_step = 1;
        // Beken's rules: the query may end without a final code (quiet end).
        AtCommand c = AtCommand::fromLine(probeLines().at(1), true);
        if (c.quietEndMs <= 0)
            c.quietEndMs = 400;
        c.origin = QLatin1String(kOrigin);
        const quint64 id = m_session->submit(c);
        if (m_running && m_step == 1 && m_waiting == 0)
            m_waiting = id;
        return;
    }
    finish(classifyStatus(result, m_partial));
}

void DialectProbe::finish(const DialectProbeResult &result)
{
    m_running = false;
    m_step = 2;
    emit finished(result);
}

} // namespace atb
