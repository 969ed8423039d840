#ifdef ATBENCH_HAVE_SIMULATOR
#include "soaktraffic.h"

#include "engine/devicesession.h"
#include "log/sessionlog.h"
#include "services/connectionservice.h"
#include "services/mqttservice.h"

namespace atb::bench {

SoakTraffic::SoakTraffic(const Stack &stack, qint64 baud, double totalS, const QString &topicPrefix)
    : m_stack(stack), m_baud(baud), m_totalS(totalS), m_loadTopic(topicPrefix + QStringLiteral("/load")),
      m_outTopic(topicPrefix + QStringLiteral("/out"))
{
}

QString SoakTraffic::start(quint16 brokerPort, bool statusReads)
{
    MqttService &mqtt = *m_stack.mqtt;
    if (const QString why = connectMqtt(mqtt, QStringLiteral("127.0.0.1"), brokerPort, QStringLiteral("atbench-soak"), m_loadTopic);
        !why.isEmpty())
        return why;
    QObject::connect(&mqtt, &MqttService::messageReceived, &m_ctx, [this](const MqttMessage &m) {
        if (m.topic == m_loadTopic)
            m_tally.add(m.payload);
    });
    QString err;
    if (!m_load.connectTo(brokerPort, &err))
        return QStringLiteral("load publisher: %1").arg(err);

    LabSettings s;
    s.mode = LabSettings::Mode::Receive;
    s.chunkSize = 1460;
    // The lab's own limit is 1 h; the run normally ends earlier, with stop() in finish().
    const double plannedS = m_totalS > 0 ? m_totalS : kMaxWarmupS + kMeasureAfterWarmupS;
    s.durationMs = int(qMin(3600.0, plannedS + 30) * 1000);
    s.baud = m_baud;
    s.peerAddress = QStringLiteral("127.0.0.1");
    m_stack.lab->setDrainTimeout(3000);
    QObject::connect(m_stack.lab, &ThroughputLab::finished, &m_ctx, [this](const LabResult &r) {
        m_labResult = r;
        m_labDone = true;
    });
    if (!m_stack.lab->start(s).ok())
        return QStringLiteral("lab: %1").arg(m_stack.lab->lastResult().message);
    m_tally.expect(qint64((plannedS + 60) * kMqttLoadPerS));
    m_load.start(m_loadTopic, kMqttLoadPerS);

    m_meter.addSessionLogGauge(m_stack.session->log());
    m_meter.addLinkBufferGauge(m_stack.connections);
    QObject::connect(&m_publisher, &QTimer::timeout, &m_ctx, [this, &mqtt] {
        if (mqtt.isBusy() || !mqtt.publish({ m_outTopic, QByteArray::number(m_published), 0, false, false }).error.isEmpty())
            ++m_skipped;
        else
            ++m_published;
    });
    m_publisher.start(250);
    if (statusReads) {
        QObject::connect(&m_reader, &QTimer::timeout, &m_ctx, [this] {
            if (!m_stack.connections->isBusy() && m_stack.connections->read().error.isEmpty())
                ++m_reads;
        });
        m_reader.start(2000);
    }
    return QString();
}

void SoakTraffic::run()
{
    m_clock.start();
    m_usage0 = processUsage();
    QObject::connect(&m_sampler, &QTimer::timeout, &m_ctx, [this] { m_meter.sample(double(m_clock.elapsed()) / 1000.0); });
    m_sampler.start(1000);
    const double plannedS = m_totalS > 0 ? m_totalS : kMaxWarmupS + kMeasureAfterWarmupS;
    waitFor([this] {
        const double t = double(m_clock.elapsed()) / 1000.0;
        if (m_labDone)
            return true; // the lab stopped on its own: at its 1 h limit, or an error (reported)
        if (m_totalS > 0)
            return t >= m_totalS;
        return m_meter.warmedUp() ? t - m_meter.warmupSeconds() >= kMeasureAfterWarmupS : t >= kMaxWarmupS;
    }, int(plannedS * 1000) + 60000);
    for (QTimer *t : { &m_sampler, &m_publisher, &m_reader })
        t->stop();
    m_runS = double(m_clock.elapsed()) / 1000.0;
    m_cpuS = processUsage().cpuSeconds - m_usage0.cpuSeconds;
}

QStringList SoakTraffic::finish(QJsonObject &j)
{
    m_load.stop();
    m_stack.lab->stop();
    waitFor([this] { return m_labDone; }, 60000);
    // The load's last messages: until they all arrived or nothing moved for 3 s.
    waitUntilStill([this] { return m_tally.received; }, m_load.sent(), 3000, 60000);
    const qint64 mqttLost = m_load.sent() - m_tally.received;
    QStringList why = m_meter.problems(m_runS, kMaxMbPerHour, kMaxPeakKb);
    if (!m_labResult.lossFree() || m_labResult.deliveredBytes <= 0)
        why << QStringLiteral("lab: %1").arg(m_labResult.message);
    if (mqttLost != 0 || m_tally.duplicates || m_tally.malformed)
        why << QStringLiteral("MQTT: %1 lost, %2 duplicated, %3 malformed").arg(mqttLost).arg(m_tally.duplicates).arg(m_tally.malformed);

    j.insert(QStringLiteral("baud"), m_baud);
    const QJsonObject d = m_meter.details();
    for (auto it = d.begin(); it != d.end(); ++it)
        j.insert(it.key(), it.value());
    const SessionLog *log = m_stack.session->log();
    j.insert(QStringLiteral("run_s"), m_runS);
    j.insert(QStringLiteral("cpu_of_core"), m_runS > 0 ? m_cpuS / m_runS : 0);
    j.insert(QStringLiteral("ipd_delivered_bytes"), m_labResult.deliveredBytes);
    j.insert(QStringLiteral("ipd_lost_bytes"), m_labResult.lostBytes);
    j.insert(QStringLiteral("ipd_integrity_errors"), m_labResult.integrityErrors);
    j.insert(QStringLiteral("uart_rx_bytes"), m_stack.session->rxBytes());
    j.insert(QStringLiteral("mqtt_sub_sent"), m_load.sent());
    j.insert(QStringLiteral("mqtt_sub_received"), m_tally.received);
    j.insert(QStringLiteral("mqtt_sub_lost"), mqttLost);
    j.insert(QStringLiteral("mqtt_published"), m_published);
    j.insert(QStringLiteral("mqtt_publish_skipped_busy"), m_skipped);
    j.insert(QStringLiteral("status_reads"), m_reads);
    j.insert(QStringLiteral("log_records"), double(log->size()));
    j.insert(QStringLiteral("log_bytes"), double(log->bytesHeld()));
    runOperation(*m_stack.mqtt, [this] { return m_stack.mqtt->disconnectFromBroker(); }, 5000);
    return why;
}

QJsonObject SoakTraffic::report(const QString &scenario, const QString &target, const QJsonObject &figures,
                                const QStringList &why) const
{
    const double slope = m_meter.slopeMbPerHour();
    QJsonObject j = result(scenario, slope, QStringLiteral("MB/h RSS slope after warm-up"), kMaxMbPerHour,
                           slope / kMaxMbPerHour, target, why.isEmpty());
    for (auto it = figures.begin(); it != figures.end(); ++it)
        j.insert(it.key(), it.value());
    if (!why.isEmpty())
        j.insert(QStringLiteral("reason"), why.join(QStringLiteral("; ")));
    return j;
}

QJsonObject SoakTraffic::failure(const QString &scenario, const QString &target, const QString &error)
{
    QJsonObject j = result(scenario, 0, QStringLiteral("MB/h RSS slope after warm-up"), kMaxMbPerHour, 0, target, false);
    j.insert(QStringLiteral("error"), error);
    return j;
}

} // namespace atb::bench
#endif // ATBENCH_HAVE_SIMULATOR
