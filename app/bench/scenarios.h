#pragma once

#include <QJsonObject>
#include <QList>

namespace atb::bench {

struct Options
{
    bool quick = false; // smaller inputs, for smoke runs in the test suite
};

QJsonObject runParserScenario(const Options &opt);
QJsonObject runRoundtripScenario(const Options &opt);
#ifdef ATBENCH_HAVE_SIMULATOR
// scenario_provision.cpp: N atbench-sim modules provisioned at once by a Station (N = 1, 4, 16).
QList<QJsonObject> runProvisionScenario(const Options &opt);
#endif

// The simulator-backed scenarios, one JSON object per baud rate (or one for the soak).
struct ThroughputOptions
{
    QList<qint64> bauds { 115200, 921600, 3000000 };
    double seconds = -1; // data phase per run; -1 = the scenario's default
    bool quick = false;
};
// scenario_throughput.cpp: G1-G4, G10, G11 against the simulator on a pty.
QList<QJsonObject> runPassthroughTxScenario(const ThroughputOptions &opt);
QList<QJsonObject> runPassthroughRxScenario(const ThroughputOptions &opt);
QList<QJsonObject> runCipsendScenario(const ThroughputOptions &opt);
QList<QJsonObject> runIpdRxScenario(const ThroughputOptions &opt);
QList<QJsonObject> runStallScenario(const ThroughputOptions &opt);
// scenario_soak.cpp: G12, the app's core stack under mixed traffic until every bounded buffer
// is full, then the RSS slope.
QList<QJsonObject> runSoakScenario(const ThroughputOptions &opt);
// scenario_mqtt.cpp: G7, AT+MQTTPUB rate under +MQTTSUBRECV load (local mosquitto on 127.0.0.1).
QList<QJsonObject> runMqttPubScenario(const ThroughputOptions &opt);
// scenario_mqttloop.cpp: MQTT loop latency through the module against a Paho-to-Paho baseline.
QList<QJsonObject> runMqttLoopScenario(const ThroughputOptions &opt);

} // namespace atb::bench
