#include "statusfields.h"

#include "model/devicemodel.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>

using atb::DeviceSession;

StatusFields::StatusFields(DeviceSession *session, atb::DeviceModel *model, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(model)
{
    setObjectName(QStringLiteral("statusFields"));
    auto *lay = new QHBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->setSpacing(6);
    auto add = [this, lay](const char *name) {
        if (lay->count() > 0) {
            auto *sep = new QFrame(this);
            sep->setFrameShape(QFrame::VLine);
            sep->setFrameShadow(QFrame::Sunken);
            lay->addWidget(sep);
        }
        auto *l = new QLabel(this);
        l->setObjectName(QLatin1String(name));
        l->setTextFormat(Qt::PlainText);
        lay->addWidget(l);
        return l;
    };
    m_link = add("statusLink");
    m_state = add("statusState");
    m_dialect = add("statusDialect");
    m_firmware = add("statusFirmware");
    m_wifi = add("statusWifi");
    m_mqtt = add("statusMqtt");
    m_bytes = add("statusBytes");

    connect(m_session, &DeviceSession::stateChanged, this, &StatusFields::refresh);
    for (auto signal : { &atb::DeviceModel::firmwareChanged, &atb::DeviceModel::wifiChanged, &atb::DeviceModel::mqttChanged })
        connect(m_model, signal, this, &StatusFields::refresh);
    connect(m_model, &atb::DeviceModel::dialectChanged, this, &StatusFields::refresh);
    m_poll.setInterval(500);
    connect(&m_poll, &QTimer::timeout, this, &StatusFields::updateCounters);
    m_poll.start();
    refresh();
}

QString StatusFields::humanBytes(qint64 n)
{
    if (n < 10 * 1024)
        return QStringLiteral("%1 B").arg(n);
    if (n < 10 * 1024 * 1024)
        return QStringLiteral("%1 KiB").arg(n / 1024);
    return QStringLiteral("%1 MiB").arg(QString::number(double(n) / (1024.0 * 1024.0), 'f', 1));
}

void StatusFields::setLinkName(const QString &name)
{
    m_linkName = name;
    refresh();
}

void StatusFields::refresh()
{
    const DeviceSession::State st = m_session->state();
    const bool open = st != DeviceSession::State::Disconnected;
    QString link = m_linkName.isEmpty() ? m_session->linkName() : m_linkName;
    m_link->setText(link.isEmpty() ? tr("No link") : link);
    switch (st) {
    case DeviceSession::State::Disconnected: m_state->setText(tr("Disconnected")); break;
    case DeviceSession::State::Connecting: m_state->setText(tr("Connecting…")); break;
    case DeviceSession::State::Connected: m_state->setText(tr("Connected")); break;
    case DeviceSession::State::Passthrough: m_state->setText(tr("Passthrough")); break;
    }
    const QString dialect = m_model->dialect() == atb::Dialect::Beken ? tr("Beken ATSVR") : tr("ESP-AT");
    m_dialect->setText(dialect);
    m_dialect->setToolTip(m_model->dialectDetected() ? tr("Dialect detected from the module's replies")
                                                     : tr("Dialect assumed, not detected yet"));
    const QStringList fw = m_model->firmware();
    const QString first = fw.isEmpty() ? QString() : fw.first();
    m_firmware->setText(first.isEmpty() ? tr("Firmware: unknown") : fontMetrics().elidedText(first, Qt::ElideRight, 260));
    m_firmware->setToolTip(fw.isEmpty() ? tr("First line of the module's AT+GMR answer") : fw.join(QLatin1Char('\n')));

    const atb::WifiState w = m_model->wifi();
    QString wifi;
    if (!open)
        wifi = tr("Wi-Fi: –");
    else if (w.gotIp && !w.ip.isEmpty() && w.ip != QLatin1String("0.0.0.0"))
        wifi = w.ssid.isEmpty() ? tr("Wi-Fi: %1").arg(w.ip) : tr("Wi-Fi: %1 · %2").arg(w.ssid, w.ip);
    else if (w.gotIp)
        wifi = w.ssid.isEmpty() ? tr("Wi-Fi: joined, got an IP") : tr("Wi-Fi: %1, got an IP").arg(w.ssid);
    else if (w.connected)
        wifi = w.ssid.isEmpty() ? tr("Wi-Fi: joined, no IP") : tr("Wi-Fi: %1, no IP").arg(w.ssid);
    else
        wifi = tr("Wi-Fi: not joined");
    m_wifi->setText(wifi);

    const atb::MqttState m = m_model->mqtt();
    m_mqtt->setText(open ? tr("MQTT: %1").arg(atb::MqttState::stateText(m.state)) : tr("MQTT: –"));
    m_mqtt->setToolTip(m.host.isEmpty() ? QString() : QStringLiteral("%1:%2").arg(m.host, m.port));
    updateCounters();
}

void StatusFields::updateCounters()
{
    m_bytes->setText(tr("TX %1 · RX %2").arg(humanBytes(m_session->txBytes()), humanBytes(m_session->rxBytes())));
}

void StatusFields::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}
