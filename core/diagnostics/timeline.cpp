#include "timeline.h"

#include "engine/devicesession.h"
#include "model/devicemodel.h"
#include "services/commandrunner.h"

#include <QDateTime>

namespace atb {

Timeline::Timeline(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<atb::TimelineEvent>();
    connect(&m_poll, &QTimer::timeout, this, &Timeline::poll);
    m_poll.setInterval(m_rssiSeconds * 1000);
}

qint64 Timeline::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void Timeline::follow(DeviceSession *session, DeviceModel *model)
{
    for (const auto &c : std::as_const(m_following))
        disconnect(c);
    m_following.clear();
    m_session = session;
    m_model = model;
    if (!session || !model)
        return;
    m_following << connect(model, &DeviceModel::wifiChanged, this, &Timeline::onWifi);
    m_following << connect(model, &DeviceModel::linksChanged, this, &Timeline::onLinks);
    m_following << connect(model, &DeviceModel::mqttChanged, this, &Timeline::onMqtt);
    m_following << connect(session, &DeviceSession::commandFinished, this, &Timeline::onFinished);
    m_following << connect(session, &DeviceSession::urcReceived, this, &Timeline::onUrc);
    m_following << connect(session, &DeviceSession::stateChanged, this, &Timeline::updatePolling);
}

void Timeline::setRssiInterval(int seconds)
{
    m_rssiSeconds = qMax(0, seconds);
    if (m_rssiSeconds > 0)
        m_poll.setInterval(m_rssiSeconds * 1000);
    updatePolling();
}

void Timeline::setPolling(bool on)
{
    m_polling = on;
    updatePolling();
}

void Timeline::updatePolling()
{
    const bool want = m_polling && m_rssiSeconds > 0 && m_session && m_model && m_model->wifi().connected
        && m_session->state() == DeviceSession::State::Connected;
    if (want && !m_poll.isActive())
        m_poll.start();
    else if (!want)
        m_poll.stop();
}

void Timeline::poll()
{
    if (!m_session || m_session->state() != DeviceSession::State::Connected)
        return;
    AtCommand c = AtCommand::fromLine("AT+CWJAP?", m_session->dialect() == Dialect::Beken);
    c.origin = QLatin1String(kOrigin);
    m_session->submit(c);
}

void Timeline::clear()
{
    m_events.clear();
    m_wifiLevel = -1;
    m_ip.clear();
    m_rssi = 0;
    m_links.clear();
    m_mqttState = -1;
    emit cleared();
}

void Timeline::add(TimelineEvent::Lane lane, int value, const QString &text, bool problem)
{
    TimelineEvent e;
    e.timeMs = now();
    e.lane = lane;
    e.value = value;
    e.text = text;
    e.problem = problem;
    m_events.push_back(e);
    while (m_events.size() > size_t(kCapacity))
        m_events.pop_front();
    emit appended(e);
}

void Timeline::onWifi()
{
    const WifiState w = m_model->wifi();
    const int level = !w.connected ? 0 : w.gotIp ? 2 : 1;
    if (level != m_wifiLevel) {
        const int before = m_wifiLevel;
        m_wifiLevel = level;
        QString text = level == 0 ? tr("Wi-Fi disconnected") : level == 1 ? tr("Joined %1").arg(w.ssid) : tr("Got an IP address on %1").arg(w.ssid);
        if (level == 0 && w.lastJoinError > 0)
            text = tr("Wi-Fi join failed (code %1)").arg(w.lastJoinError);
        add(TimelineEvent::Lane::Wifi, level, text, level == 0 && (before > 0 || w.lastJoinError > 0));
    }
    // 0.0.0.0 is what a module without an address reports.
    const QString ip = w.ip == QLatin1String("0.0.0.0") ? QString() : w.ip;
    if (ip != m_ip) {
        m_ip = ip;
        add(TimelineEvent::Lane::Ip, ip.isEmpty() ? 0 : 1, ip.isEmpty() ? tr("No IP address") : tr("IP %1").arg(ip));
    }
    if (w.connected && w.rssi != 0 && w.rssi != m_rssi) {
        m_rssi = w.rssi;
        add(TimelineEvent::Lane::Rssi, w.rssi, tr("RSSI %1 dBm").arg(w.rssi));
    }
    updatePolling();
}

void Timeline::onLinks()
{
    const QList<LinkInfo> links = m_model->links();
    const int count = int(links.size());
    for (const LinkInfo &l : links) {
        const bool known = std::any_of(m_links.cbegin(), m_links.cend(), [&l](const LinkInfo &o) { return o.id == l.id; });
        if (!known)
            add(TimelineEvent::Lane::Links, count,
                l.remoteHost.isEmpty() ? tr("Link %1 opened").arg(l.id)
                                       : tr("Link %1 opened: %2 %3:%4").arg(l.id).arg(l.type, l.remoteHost).arg(l.remotePort));
    }
    for (const LinkInfo &o : std::as_const(m_links)) {
        const bool still = std::any_of(links.cbegin(), links.cend(), [&o](const LinkInfo &l) { return o.id == l.id; });
        if (!still)
            add(TimelineEvent::Lane::Links, count, tr("Link %1 closed").arg(o.id));
    }
    m_links = links;
}

void Timeline::onMqtt()
{
    const int s = m_model->mqtt().state;
    if (s == m_mqttState)
        return;
    const bool lost = m_mqttState >= 4 && s < 4;
    m_mqttState = s;
    add(TimelineEvent::Lane::Mqtt, s, tr("MQTT: %1").arg(MqttState::stateText(s)), lost);
}

void Timeline::onFinished(const AtResult &r)
{
    if (r.status == AtResult::Status::Ok) {
        if (r.attempts > 1)
            add(TimelineEvent::Lane::Errors, 1, tr("%1: busy, answered after %2 attempts").arg(QString::fromUtf8(r.command.line)).arg(r.attempts));
        return;
    }
    if (r.status == AtResult::Status::Refused || r.status == AtResult::Status::Cancelled)
        return;
    add(TimelineEvent::Lane::Errors, 1, QStringLiteral("%1: %2").arg(QString::fromUtf8(r.command.line), CommandRunner::describe(r)), true);
}

void Timeline::onUrc(const AtEvent &e)
{
    if (e.text.trimmed() == "ready")
        add(TimelineEvent::Lane::Resets, 1, tr("The module restarted (ready)"), true);
}

} // namespace atb
