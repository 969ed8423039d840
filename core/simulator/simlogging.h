#pragma once
#include <QLoggingCategory>

namespace atb::sim {
Q_DECLARE_LOGGING_CATEGORY(lcSim)      // atb.sim: commands and state changes (secrets masked)
Q_DECLARE_LOGGING_CATEGORY(lcSimNet)   // atb.sim.net: sockets, DNS, SNTP, ping
Q_DECLARE_LOGGING_CATEGORY(lcSimMqtt)  // atb.sim.mqtt: Paho client
Q_DECLARE_LOGGING_CATEGORY(lcSimWire)  // atb.sim.wire: pty/tcp front ends, pacing, overruns
} // namespace atb::sim
