#pragma once
// The G12 soak's traffic and bookkeeping, shared by atbench-bench soak (the app's core stack,
// scenario_soak.cpp) and atbench-bench-ui soak (the app's window, scenario_ui_soak.cpp). On the
// stack it is given, for the whole run and all at once:
//   - a throughput lab run receiving +IPD from its PC-side source (1460-byte writes, fills the
//     line);
//   - kMqttLoadPerS sequence-numbered messages/s from a local mosquitto into a subscription made
//     through the MqttService (losses are counted);
//   - an AT+MQTTPUB every 250 ms and, if asked, a link status read every 2 s.
// RSS is sampled every second (SoakMeter); the warm-up ends when every bounded buffer is full,
// then kMeasureAfterWarmupS more are measured (or the run lasts totalS, warm-up included).
#ifdef ATBENCH_HAVE_SIMULATOR
#include "benchutil.h"
#include "mqttload.h" // tests/common

#include "services/throughputlab.h"

#include <QElapsedTimer>
#include <QTimer>

namespace atb {
class DeviceSession;
} // namespace atb

namespace atb::bench {

class SoakTraffic
{
public:
    // At steady state RSS wanders by up to about 0.4 MB (measured over an hour), so a window of
    // T seconds cannot tell slopes under 0.4 MB / T apart: 300 s resolves 4.9 MB/h, 900 s 1.6 MB/h
    // (under the 2 MB/h goal), the hour 0.4 MB/h. The report's slope_resolution_mb_per_h is that
    // bound for the run's own range and window.
    static constexpr double kMeasureAfterWarmupS = 900;
    static constexpr double kMaxWarmupS = 1800;
    static constexpr int kMqttLoadPerS = 200;
    static constexpr double kMaxMbPerHour = 2.0;
    static constexpr qint64 kMaxPeakKb = 250 * 1024;

    struct Stack
    {
        DeviceSession *session = nullptr;
        ConnectionService *connections = nullptr;
        MqttService *mqtt = nullptr;
        ThroughputLab *lab = nullptr;
    };
    // totalS <= 0: warm-up, then kMeasureAfterWarmupS. Topics are "<prefix>/load" and "<prefix>/out".
    SoakTraffic(const Stack &stack, qint64 baud, double totalS, const QString &topicPrefix);

    // Subscribes through the MqttService, starts the load, the lab run and the host's traffic,
    // and adds the stack's gauges (session log, link buffer). Empty on success, else why not.
    QString start(quint16 brokerPort, bool statusReads);
    SoakMeter &meter() { return m_meter; }
    // Runs the caller's event loop until the run is over (see above), sampling every second.
    void run();
    // Stops everything, waits for the last messages, and returns why G12 is missed (memory,
    // +IPD or MQTT loss; empty: met). Adds the figures to j.
    QStringList finish(QJsonObject &j);

    // The scenario's JSON line: the RSS slope against G12's 2 MB/h, the figures, and "reason"
    // (why, joined) when missed.
    QJsonObject report(const QString &scenario, const QString &target, const QJsonObject &figures, const QStringList &why) const;
    // The line of a run that could not start ("error").
    static QJsonObject failure(const QString &scenario, const QString &target, const QString &error);

private:
    Stack m_stack;
    qint64 m_baud;
    double m_totalS;
    QString m_loadTopic, m_outTopic;
    mqtttest::MqttLoad m_load;
    mqtttest::SequenceTally m_tally;
    SoakMeter m_meter;
    QObject m_ctx;
    QTimer m_publisher, m_reader, m_sampler;
    QElapsedTimer m_clock;
    ProcessUsage m_usage0;
    bool m_labDone = false;
    LabResult m_labResult;
    qint64 m_published = 0, m_skipped = 0, m_reads = 0;
    double m_runS = 0, m_cpuS = 0;
};

} // namespace atb::bench
#endif // ATBENCH_HAVE_SIMULATOR
