#include "simulator/simlogging.h"

namespace atb::sim {
Q_LOGGING_CATEGORY(lcSim, "atb.sim", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSimNet, "atb.sim.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSimMqtt, "atb.sim.mqtt", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSimWire, "atb.sim.wire", QtInfoMsg)
} // namespace atb::sim
