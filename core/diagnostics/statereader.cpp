#include "statereader.h"

#include "engine/devicesession.h"
#include "provisioning/profilereader.h"

namespace atb {

StateReader::StateReader(DeviceSession *session, QObject *parent) : QObject(parent), m_session(session)
{
    connect(session, &DeviceSession::commandFinished, this, [this](const AtResult &r) {
        const auto it = m_pending.constFind(r.id);
        if (it == m_pending.constEnd())
            return;
        m_results[*it] = r;
        m_pending.erase(it);
        if (m_pending.isEmpty())
            emit finished(m_results);
    });
}

QList<QByteArray> StateReader::readLines(Dialect dialect)
{
    QList<QByteArray> lines { "AT+GMR" };
    if (dialect == Dialect::Esp)
        lines << "AT+CMD?" << "AT+SYSRAM?";
    lines << "AT+CWMODE?" << "AT+CWJAP?" << "AT+CIFSR" << "AT+CIPMUX?" << "AT+CIPMODE?" << "AT+CIPSTATUS"
          << "AT+CIPDNS?" << "AT+CIPSNTPCFG?" << "AT+CIPSSLCPSK?" << "AT+MQTTUSERCFG?" << "AT+MQTTCONN?" << "AT+MQTTSUB?";
    // And what the profile reader asks besides (AT+SYSSTORE?, AT+CIPRECVMODE?), so the same read
    // gives the bundle's module/profile.json (SupportBundle::profileReadBack).
    for (const QByteArray &l : ProfileReader::queryLines(dialect))
        if (!lines.contains(l))
            lines << l;
    return lines;
}

void StateReader::start(const QList<QByteArray> &lines)
{
    m_pending.clear();
    m_results.clear();
    for (const QByteArray &l : lines) {
        AtCommand c = AtCommand::fromLine(l, m_session->dialect() == Dialect::Beken);
        c.origin = QLatin1String(kOrigin);
        c.maxBusyRetries = 2;
        AtResult placeholder;
        placeholder.command = c;
        m_results.append(placeholder);
        m_pending.insert(m_session->submit(c), int(m_results.size() - 1));
    }
    if (m_pending.isEmpty())
        QMetaObject::invokeMethod(this, [this] { emit finished(m_results); }, Qt::QueuedConnection);
}

} // namespace atb
