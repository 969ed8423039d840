#include "capabilities.h"

#include "engine/devicesession.h"

namespace atb {

Capabilities::Capabilities(QObject *parent) : QObject(parent) { }

void Capabilities::follow(DeviceSession *session)
{
    for (const auto &c : std::as_const(m_following))
        disconnect(c);
    m_following.clear();
    m_session = session;
    clear();
    if (!session)
        return;
    m_following << connect(session, &DeviceSession::commandFinished, this, &Capabilities::onFinished);
    m_following << connect(session, &DeviceSession::stateChanged, this, [this](DeviceSession::State s) {
        if (s == DeviceSession::State::Disconnected)
            clear();
    });
}

QStringList Capabilities::probeList()
{
    // The commands behind features the pages offer that a Beken build may leave out.
    return { QStringLiteral("AT+CWLAP"), QStringLiteral("AT+CIPSTART"), QStringLiteral("AT+CIPSSLCPSK"),
             QStringLiteral("AT+CIPDNS"), QStringLiteral("AT+CIPDOMAIN"), QStringLiteral("AT+PING"),
             QStringLiteral("AT+CIPSNTPCFG"), QStringLiteral("AT+MQTTUSERCFG"), QStringLiteral("AT+MQTTCONN"),
             QStringLiteral("AT+MQTTPUB"), QStringLiteral("AT+MQTTSUB") };
}

void Capabilities::read(Dialect dialect)
{
    if (!m_session)
        return;
    if (dialect == Dialect::Esp) {
        AtCommand c = AtCommand::fromLine("AT+CMD?");
        c.origin = QLatin1String(kOrigin);
        c.timeoutMs = 5000;
        m_session->submit(c);
        return;
    }
    m_probePresent.clear();
    m_probes.clear();
    for (const QString &name : probeList()) {
        AtCommand c = AtCommand::fromLine(name.toLatin1() + "=?", true);
        c.origin = QLatin1String(kOrigin);
        c.maxBusyRetries = 2;
        m_probes.insert(m_session->submit(c), name);
    }
}

QSet<QString> Capabilities::parseCmdList(const QList<QByteArray> &lines)
{
    QSet<QString> out;
    for (const QByteArray &l : lines) {
        if (!l.startsWith("+CMD:"))
            continue;
        const qsizetype a = l.indexOf('"');
        const qsizetype b = a < 0 ? -1 : l.indexOf('"', a + 1);
        if (b > a + 1)
            out.insert(QString::fromLatin1(l.mid(a + 1, b - a - 1)).toUpper());
    }
    return out;
}

void Capabilities::onFinished(const AtResult &r)
{
    if (const auto it = m_probes.constFind(r.id); it != m_probes.constEnd()) {
        if (r.ok())
            m_probePresent.insert(*it);
        m_probes.erase(it);
        if (m_probes.isEmpty())
            setCommands(m_probePresent, QStringLiteral("probing"));
        return;
    }
    if (r.ok() && r.command.line.trimmed().compare("AT+CMD?", Qt::CaseInsensitive) == 0) {
        const QSet<QString> list = parseCmdList(r.lines);
        if (!list.isEmpty())
            setCommands(list, QStringLiteral("AT+CMD?"));
    }
}

void Capabilities::setCommands(const QSet<QString> &commands, const QString &source)
{
    if (m_known && commands == m_commands && source == m_source)
        return;
    m_commands = commands;
    m_source = source;
    m_known = true;
    emit changed();
}

void Capabilities::clear()
{
    m_probes.clear();
    if (!m_known)
        return;
    m_known = false;
    m_commands.clear();
    m_source.clear();
    emit changed();
}

bool Capabilities::supports(const QString &command) const
{
    if (!m_known)
        return true;
    const QString name = command.toUpper();
    if (m_source == QLatin1String("probing") && !probeList().contains(name))
        return true; // not probed: assume present
    return m_commands.contains(name);
}

QStringList Capabilities::commands() const
{
    QStringList out(m_commands.cbegin(), m_commands.cend());
    out.sort();
    return out;
}

} // namespace atb
